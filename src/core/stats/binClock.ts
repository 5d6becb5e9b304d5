/**
 * The time-bin size shared by every series, chosen while events stream in.
 *
 * Rule (documented in docs/report-schema.md): bins are aligned to the Unix epoch (UTC).
 * - Automatic: the finest of 1 s, 1 min, 1 h, 1 day whose bins from the first to the last
 *   event number at most `autoMaxBins` (default 720); past 720 days, 2, 4, 8 ... days.
 * - Requested (any whole number of seconds, normally 1 s/1 min/1 h/1 day): kept unless the
 *   span would need more than `maxBins` (default 10000) bins; then the next coarser standard
 *   bin that is a multiple of it is used (or twice the bin), and the report says so.
 * Because each coarser bin is a multiple of the finer one and all are epoch-aligned, series
 * re-bin exactly (SparseSeries does it lazily), so the streaming choice equals the choice
 * one would make knowing the span in advance.
 */

export const STANDARD_BIN_SECONDS: readonly number[] = [1, 60, 3600, 86400];

export function coarserBin(binSeconds: number): number {
  for (const b of STANDARD_BIN_SECONDS) if (b > binSeconds && b % binSeconds === 0) return b;
  return binSeconds * 2;
}

export const DEFAULT_AUTO_MAX_BINS = 720;
export const DEFAULT_MAX_BINS = 10000;

export class BinClock {
  binSeconds: number;
  private readonly limit: number;
  private minMs = Infinity;
  private maxMs = -Infinity;

  constructor(
    readonly requestedBinSeconds: number | null,
    readonly maxBins = DEFAULT_MAX_BINS,
    readonly autoMaxBins = DEFAULT_AUTO_MAX_BINS,
  ) {
    const req =
      requestedBinSeconds !== null && requestedBinSeconds > 0
        ? Math.ceil(requestedBinSeconds)
        : null;
    this.binSeconds = req ?? 1;
    this.limit = Math.max(1, req === null ? autoMaxBins : maxBins);
  }

  /** Records an event time (ms since the epoch), coarsening the bin if the span needs it. */
  observe(ms: number): void {
    if (ms < this.minMs) this.minMs = ms;
    if (ms > this.maxMs) this.maxMs = ms;
    while (this.binsFor(this.binSeconds) > this.limit)
      this.binSeconds = coarserBin(this.binSeconds);
  }

  index(ms: number): number {
    return Math.floor(ms / (this.binSeconds * 1000));
  }

  /** Number of epoch-aligned bins of this size from the first to the last observed time. */
  binsFor(binSeconds: number): number {
    if (this.maxMs < this.minMs) return 0;
    const w = binSeconds * 1000;
    return Math.floor(this.maxMs / w) - Math.floor(this.minMs / w) + 1;
  }

  get empty(): boolean {
    return this.maxMs < this.minMs;
  }

  /** First and last bin index at the current size (0, -1 when empty). */
  range(): [number, number] {
    if (this.empty) return [0, -1];
    return [this.index(this.minMs), this.index(this.maxMs)];
  }

  get choice(): 'requested' | 'auto' | 'coarsened' {
    if (this.requestedBinSeconds === null) return 'auto';
    return this.binSeconds === Math.ceil(this.requestedBinSeconds) ? 'requested' : 'coarsened';
  }

  get note(): string {
    if (this.choice !== 'coarsened' || this.requestedBinSeconds === null) return '';
    const req = Math.ceil(this.requestedBinSeconds);
    return `${req} s bins would need ${this.binsFor(req)} bins (limit ${this.limit}); using ${this.binSeconds} s bins`;
  }
}

/** Counts per bin, stored sparsely and re-binned on demand when the clock coarsens. */
export class SparseSeries {
  private binSeconds: number;
  private counts = new Map<number, number>();

  constructor(private readonly clock: BinClock) {
    this.binSeconds = clock.binSeconds;
  }

  add(ms: number, n = 1): void {
    this.sync();
    const i = this.clock.index(ms);
    this.counts.set(i, (this.counts.get(i) ?? 0) + n);
  }

  /** Dense counts for bin indexes from..to inclusive. */
  dense(from: number, to: number): number[] {
    this.sync();
    const out: number[] = [];
    for (let i = from; i <= to; i++) out.push(this.counts.get(i) ?? 0);
    return out;
  }

  /** First and last non-empty bin, or undefined. */
  extent(): [number, number] | undefined {
    this.sync();
    let lo = Infinity;
    let hi = -Infinity;
    for (const i of this.counts.keys()) {
      if (i < lo) lo = i;
      if (i > hi) hi = i;
    }
    return lo <= hi ? [lo, hi] : undefined;
  }

  /** Stored bins (for memory accounting). */
  get size(): number {
    return this.counts.size;
  }

  private sync(): void {
    if (this.binSeconds === this.clock.binSeconds) return;
    const factor = this.clock.binSeconds / this.binSeconds;
    const next = new Map<number, number>();
    for (const [i, c] of this.counts) {
      const j = Math.floor(i / factor);
      next.set(j, (next.get(j) ?? 0) + c);
    }
    this.counts = next;
    this.binSeconds = this.clock.binSeconds;
  }
}
