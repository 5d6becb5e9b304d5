/**
 * Silences of one source: intervals between consecutive events longer than a threshold.
 * Events are expected in time order (an event older than the last one seen is counted but
 * cannot open a gap). Keeps only the `keep` longest gaps, so memory is constant per source.
 */

export const DEFAULT_GAP_SECONDS = 300;
export const DEFAULT_GAPS_KEPT = 20;

export interface GapInterval {
  startNs: bigint;
  endNs: bigint;
}

export class GapTracker {
  private lastNs: bigint | undefined;
  private readonly longest: GapInterval[] = [];
  /** Gaps seen (including ones dropped from the kept list). */
  total = 0;

  constructor(
    private readonly thresholdNs: bigint,
    private readonly keep = DEFAULT_GAPS_KEPT,
  ) {}

  observe(ns: bigint): void {
    if (this.lastNs !== undefined && ns - this.lastNs > this.thresholdNs) {
      this.total++;
      this.insert({ startNs: this.lastNs, endNs: ns });
    }
    if (this.lastNs === undefined || ns > this.lastNs) this.lastNs = ns;
  }

  /** Kept gaps in time order. */
  gaps(): GapInterval[] {
    return [...this.longest].sort((a, b) =>
      a.startNs < b.startNs ? -1 : a.startNs > b.startNs ? 1 : 0,
    );
  }

  private insert(g: GapInterval): void {
    this.longest.push(g);
    if (this.longest.length <= this.keep) return;
    // Drop the shortest (the list is tiny; a linear scan is fine).
    let m = 0;
    for (let i = 1; i < this.longest.length; i++) {
      const a = this.longest[i] as GapInterval;
      const b = this.longest[m] as GapInterval;
      if (a.endNs - a.startNs < b.endNs - b.startNs) m = i;
    }
    this.longest.splice(m, 1);
  }
}
