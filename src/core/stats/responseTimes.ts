/**
 * Response-time reducer: exact count/min/max/mean, percentile estimates from a LogHistogram,
 * and a fixed, exact display histogram (bucket upper bounds 0.1 ms ... 5 s, then "more").
 */
import type { ResponseTimeSummary } from '../report/summaryReport';
import { LogHistogram } from './logHistogram';

export const RESPONSE_TIME_BOUNDS_SECONDS: readonly number[] = [
  0.0001, 0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5,
];

export class ResponseTimes {
  private readonly sketch: LogHistogram;
  private readonly display = new Array<number>(RESPONSE_TIME_BOUNDS_SECONDS.length + 1).fill(0);

  constructor(relativePrecision?: number) {
    this.sketch = new LogHistogram(relativePrecision);
  }

  add(seconds: number): void {
    if (!Number.isFinite(seconds)) return;
    this.sketch.add(seconds);
    let i = 0;
    while (
      i < RESPONSE_TIME_BOUNDS_SECONDS.length &&
      seconds > (RESPONSE_TIME_BOUNDS_SECONDS[i] as number)
    )
      i++;
    this.display[i] = (this.display[i] ?? 0) + 1;
  }

  get count(): number {
    return this.sketch.count;
  }

  get bucketCount(): number {
    return this.sketch.bucketCount;
  }

  summary(): ResponseTimeSummary {
    const s = this.sketch;
    const empty = s.count === 0;
    return {
      count: s.count,
      min: empty ? null : s.min,
      median: s.quantile(0.5),
      p90: s.quantile(0.9),
      p99: s.quantile(0.99),
      max: empty ? null : s.max,
      mean: empty ? null : s.sum / s.count,
      relativePrecision: s.relativePrecision,
      histogram: {
        upperBoundsSeconds: [...RESPONSE_TIME_BOUNDS_SECONDS],
        counts: [...this.display],
      },
    };
  }
}
