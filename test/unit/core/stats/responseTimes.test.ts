/**
 * Response-time percentiles: the log-bucketed estimate is compared with the exact
 * nearest-rank percentile from sorting every value here; count, min, max and mean exact.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { LogHistogram } from '../../../../src/core/stats/logHistogram';
import { summarizeEvents } from '../../../../src/core/stats/statsEngine';
import { rng, T0, transaction } from './statsEvents';

function exactNearestRank(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
}

describe('response-time percentiles', () => {
  it('estimates every percentile within the documented relative precision', () => {
    const r = rng(11);
    // Log-normal-ish spread from 50 µs to seconds.
    const values = Array.from({ length: 20000 }, () => 0.00005 * Math.exp(r() * 11));
    const h = new LogHistogram(0.01);
    for (const v of values) h.add(v);
    for (const q of [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999, 1]) {
      const exact = exactNearestRank(values, q);
      const est = h.quantile(q)!;
      assert.ok(Math.abs(est - exact) <= 0.01 * exact + 1e-15, `q=${q}: ${est} vs ${exact}`);
    }
    assert.equal(h.count, values.length);
    assert.equal(h.min, Math.min(...values));
    assert.equal(h.max, Math.max(...values));
    assert.ok(h.bucketCount < 1200, `buckets ${h.bucketCount}`);
  });

  it('keeps a coarser precision when asked and handles zero durations exactly', () => {
    const h = new LogHistogram(0.05);
    const values = [0, 0, 0.001, 0.002, 0.004, 0.1];
    for (const v of values) h.add(v);
    assert.equal(h.quantile(0.3), 0);
    for (const q of [0.5, 0.9, 1]) {
      const exact = exactNearestRank(values, q);
      assert.ok(Math.abs(h.quantile(q)! - exact) <= 0.05 * exact, `q=${q}`);
    }
    assert.equal(new LogHistogram().quantile(0.5), null);
  });

  it('reports times from transactions, from the last and from the first transmission, and the unanswered rate', () => {
    const r = rng(3);
    const times: number[] = [];
    const events = [];
    for (let i = 0; i < 500; i++) {
      const rt = Math.round((0.0002 + r() * r() * 0.3) * 1e6) / 1e6; // whole µs, as the events carry
      times.push(rt);
      events.push(transaction(T0 + i, rt));
    }
    const retried = transaction(T0 + 600, 0.01, '192.0.2.1', 1.0); // retransmitted after 1 s, answered 10 ms later
    retried.duplicateResponses = 2; // and answered twice more
    events.push(retried);
    times.push(0.01);
    for (let i = 0; i < 4; i++) events.push(transaction(T0 + 700 + i, undefined));
    const rep = summarizeEvents(events);
    const s = rep.responseTimes;
    assert.equal(s.count, 501);
    assert.ok(Math.abs(s.min! - Math.min(...times)) < 1e-12);
    assert.ok(Math.abs(s.max! - Math.max(...times)) < 1e-12);
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    assert.ok(Math.abs(s.mean! - mean) < 1e-9);
    for (const [q, v] of [
      [0.5, s.median],
      [0.9, s.p90],
      [0.99, s.p99],
    ] as const) {
      const exact = exactNearestRank(times, q);
      assert.ok(Math.abs(v! - exact) <= s.relativePrecision * exact + 1e-12, `q=${q}`);
    }
    // The display histogram counts every value once, in the bucket its upper bound names.
    const hist = s.histogram;
    assert.equal(
      hist.counts.reduce((a, b) => a + b, 0),
      501,
    );
    const bounds = hist.upperBoundsSeconds;
    const expected = bounds.map(
      (b, i) => times.filter((t) => t <= b && (i === 0 || t > bounds[i - 1]!)).length,
    );
    expected.push(times.filter((t) => t > bounds[bounds.length - 1]!).length);
    assert.deepEqual(hist.counts, expected);
    // From the first transmission the retransmitted one took 1.01 s.
    assert.ok(Math.abs(rep.responseTimesFromFirstQuery.max! - 1.01) < 1e-9);
    assert.equal(rep.totals.transactions, 505);
    assert.equal(rep.totals.answered, 501);
    assert.equal(rep.totals.unanswered, 4);
    assert.equal(rep.totals.retransmissions, 1);
    assert.equal(rep.totals.duplicateResponses, 2);
    assert.equal(rep.tshark.retransmissions, 2); // tshark counts retransmitted responses
    assert.ok(Math.abs(rep.totals.unansweredPercent! - (4 / 505) * 100) < 1e-9);
    assert.equal(rep.tshark.responseTimeMs.count, 501);
    // tshark's figures run from the first copy: the retransmitted query's 1.01 s is the max.
    assert.ok(Math.abs(rep.tshark.responseTimeMs.max! - 1010) < 1e-6);
  });
});
