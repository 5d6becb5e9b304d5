/**
 * The A/AAAA regression, checked against the textbook two-pass formulas written plainly
 * here: slope = Σ(x-x̄)(y-ȳ) / Σ(x-x̄)², intercept = ȳ - slope·x̄, R² = 1 - SS_res/SS_tot.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { leastSquares } from '../../../../src/core/stats/leastSquares';
import { summarizeEvents } from '../../../../src/core/stats/statsEngine';
import type { DnsEvent } from '../../../../src/core/stats/dnsEvent';
import { query, rng, T0 } from './statsEvents';

function twoPass(xs: number[], ys: number[]): { slope: number; intercept: number; r2: number } {
  const n = xs.length;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += xs[i]!;
    sy += ys[i]!;
  }
  const mx = sx / n;
  const my = sy / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  const slope = num / den;
  const intercept = my - slope * mx;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < n; i++) {
    ssRes += (ys[i]! - (slope * xs[i]! + intercept)) ** 2;
    ssTot += (ys[i]! - my) ** 2;
  }
  return { slope, intercept, r2: 1 - ssRes / ssTot };
}

const close = (a: number | null, b: number, tol = 1e-9): void => {
  assert.ok(a !== null && Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} ≉ ${b}`);
};

describe('least squares', () => {
  it('matches the two-pass formulas on noisy data', () => {
    const r = rng(7);
    const xs = Array.from({ length: 200 }, () => Math.floor(r() * 1000));
    const ys = xs.map((x) => Math.round(0.8 * x + 12 + (r() - 0.5) * 90));
    const fit = leastSquares(xs, ys);
    const ref = twoPass(xs, ys);
    close(fit.slope, ref.slope);
    close(fit.intercept, ref.intercept);
    close(fit.r2, ref.r2);
  });

  it('gives an exact line R² = 1 and no fit when x is constant or there is one point', () => {
    const fit = leastSquares([1, 2, 3, 4], [5, 7, 9, 11]);
    close(fit.slope, 2);
    close(fit.intercept, 3);
    close(fit.r2, 1);
    assert.equal(leastSquares([3, 3, 3], [1, 2, 3]).slope, null);
    assert.equal(leastSquares([3], [1]).r2, null);
  });

  it('fits AAAA on A per bin over the bins of the span that have A or AAAA queries', () => {
    // A and AAAA query counts per 1-minute bin over 10 minutes, bin 4 empty.
    const aPer = [30, 10, 50, 20, 0, 40, 60, 15, 25, 35];
    const aaaaPer = [22, 9, 41, 18, 0, 30, 52, 10, 21, 26];
    const events: DnsEvent[] = [];
    aPer.forEach((n, bin) => {
      for (let i = 0; i < n; i++) events.push(query({ t: T0 + bin * 60 + (i * 59) / n, qtype: 1 }));
      for (let i = 0; i < aaaaPer[bin]!; i++)
        events.push(query({ t: T0 + bin * 60 + 0.5 + (i * 58) / aaaaPer[bin]!, qtype: 28 }));
    });
    events.sort((a, b) =>
      a.kind === 'message' && b.kind === 'message' ? Number(a.timeNs - b.timeNs) : 0,
    );
    const report = summarizeEvents(events, { binSeconds: 60 });
    // The silent bin 4 is left out of the fit (it would be a free point at the origin).
    const ref = twoPass(
      aPer.filter((_, i) => i !== 4),
      aaaaPer.filter((_, i) => i !== 4),
    );
    assert.equal(report.regression.bins, 9);
    assert.equal(report.regression.spanBins, 10);
    assert.equal(report.regression.binSeconds, 60);
    close(report.regression.slope, ref.slope);
    close(report.regression.intercept, ref.intercept);
    close(report.regression.r2, ref.r2);
    assert.deepEqual(report.series.aVsAaaa.a, aPer);
    assert.deepEqual(report.series.aVsAaaa.aaaa, aaaaPer);
    assert.equal(report.series.aVsAaaa.ratio[4], null);
    close(report.series.aVsAaaa.ratio[0]!, 22 / 30);
    assert.equal(report.regression.start, new Date(T0 * 1000).toISOString());
  });

  it('does not let a long silence between two bursts make R² look like lockstep', () => {
    // Two 1-minute bins of traffic an hour apart, A and AAAA unrelated; 59 silent bins between.
    const events: DnsEvent[] = [];
    const burst = (bin: number, a: number, aaaa: number): void => {
      for (let i = 0; i < a; i++) events.push(query({ t: T0 + bin * 60 + i * 0.1, qtype: 1 }));
      for (let i = 0; i < aaaa; i++)
        events.push(query({ t: T0 + bin * 60 + 30 + i * 0.1, qtype: 28 }));
    };
    burst(0, 40, 2);
    burst(60, 30, 1);
    const report = summarizeEvents(events, { binSeconds: 60 });
    assert.equal(report.regression.bins, 2);
    assert.equal(report.regression.spanBins, 61);
    // With the zero bins, the same data gives R² near 1: the trap this rule avoids.
    const withZeros = twoPass(
      Array.from({ length: 61 }, (_, i) => (i === 0 ? 40 : i === 60 ? 30 : 0)),
      Array.from({ length: 61 }, (_, i) => (i === 0 ? 2 : i === 60 ? 1 : 0)),
    );
    assert.ok(withZeros.r2 > 0.9);
    assert.ok(!report.findings.some((f) => f.kind === 'aaaa-lockstep-a'));
  });

  it('fits each top client over its own active span', () => {
    // Client .7 is active only in bins 3..6 of a 10-bin capture; its fit uses 4 bins.
    const events: DnsEvent[] = [];
    for (let bin = 0; bin < 10; bin++)
      events.push(query({ t: T0 + bin * 60, qtype: 1, src: '192.0.2.9' }));
    const a7 = [4, 8, 2, 6];
    const aaaa7 = [3, 9, 1, 4];
    a7.forEach((n, k) => {
      for (let i = 0; i < n; i++)
        events.push(query({ t: T0 + (3 + k) * 60 + 1 + i, qtype: 1, src: '192.0.2.7' }));
      for (let i = 0; i < aaaa7[k]!; i++)
        events.push(query({ t: T0 + (3 + k) * 60 + 20 + i, qtype: 28, src: '192.0.2.7' }));
    });
    const report = summarizeEvents(events, { binSeconds: 60 });
    const g = report.regressionByClient['192.0.2.7'];
    assert.ok(g);
    assert.equal(g.bins, 4);
    const ref = twoPass(a7, aaaa7);
    close(g.slope, ref.slope);
    close(g.r2, ref.r2);
    assert.equal(g.start, new Date((T0 + 180) * 1000).toISOString());
  });
});
