/**
 * Quantiles of a stream in bounded memory: a log-bucketed histogram (the DDSketch idea).
 * Bucket i holds values in (γ^(i-1), γ^i]; a quantile is answered with 2γ^i/(γ+1), which
 * is within a relative error α = (γ-1)/(γ+1) of every value in the bucket. With the default
 * α = 1 % (γ ≈ 1.0202), values from 1 ns to 10^6 s need at most ~1750 buckets, whatever
 * the number of values. Count, min, max and sum (so the mean) are kept exactly. Values ≤ 0
 * are counted in a separate exact zero bucket.
 *
 * Quantiles use the nearest-rank definition: the q-quantile of n values is the value of
 * rank ceil(q·n) (1-based) in sorted order; the estimate is within α of that value.
 */

export const DEFAULT_RELATIVE_PRECISION = 0.01;

export class LogHistogram {
  readonly relativePrecision: number;
  private readonly gamma: number;
  private readonly logGamma: number;
  private readonly buckets = new Map<number, number>();
  private zeros = 0;
  count = 0;
  sum = 0;
  min = Infinity;
  max = -Infinity;

  constructor(relativePrecision = DEFAULT_RELATIVE_PRECISION) {
    const a = Math.min(0.5, Math.max(1e-6, relativePrecision));
    this.relativePrecision = a;
    this.gamma = (1 + a) / (1 - a);
    this.logGamma = Math.log(this.gamma);
  }

  add(v: number): void {
    if (!Number.isFinite(v)) return;
    this.count++;
    this.sum += v;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
    if (v <= 0) {
      this.zeros++;
      return;
    }
    const i = Math.ceil(Math.log(v) / this.logGamma);
    this.buckets.set(i, (this.buckets.get(i) ?? 0) + 1);
  }

  /** Number of buckets in use (memory accounting). */
  get bucketCount(): number {
    return this.buckets.size + (this.zeros > 0 ? 1 : 0);
  }

  /** Nearest-rank q-quantile estimate (0 < q ≤ 1), or null when empty. */
  quantile(q: number): number | null {
    if (this.count === 0) return null;
    const rank = Math.min(this.count, Math.max(1, Math.ceil(q * this.count)));
    if (rank <= this.zeros) return Math.max(this.min, Math.min(0, this.max));
    let seen = this.zeros;
    const keys = [...this.buckets.keys()].sort((a, b) => a - b);
    for (const k of keys) {
      seen += this.buckets.get(k) ?? 0;
      if (seen >= rank) {
        const est = (2 * Math.pow(this.gamma, k)) / (this.gamma + 1);
        return Math.min(this.max, Math.max(this.min, est));
      }
    }
    return this.max;
  }
}
