/**
 * The benchmark's pure helpers (bench/lib/benchStats.mjs, plain JavaScript run by
 * `npm run bench`): medians of runs, the figures' formatting, target verdicts and the
 * Markdown table. Expected values worked out by hand.
 */
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

interface Verdict {
  text: string;
  met: boolean | undefined;
}
interface BenchStats {
  median(values: number[]): number;
  formatSeconds(s: number): string;
  formatMegabytes(kb: number): string;
  formatRate(perSecond: number): string;
  formatRatio(r: number): string;
  verdict(value: number | undefined, bound: number, atLeast: boolean, text: string): Verdict;
  metText(met: boolean | undefined): string;
  markdownTable(header: string[], rows: string[][]): string;
}

const repo = resolve(__dirname, '../../../..');
let stats: BenchStats;

describe('bench helpers (benchStats.mjs)', () => {
  before(async () => {
    const url = pathToFileURL(resolve(repo, 'bench/lib/benchStats.mjs')).href;
    stats = (await import(url)) as BenchStats;
  });

  it('takes the middle value of an odd count and the mean of the middle two of an even one', () => {
    assert.equal(stats.median([9, 1, 5]), 5);
    assert.equal(stats.median([4, 1, 3, 2]), 2.5);
    assert.equal(stats.median([7]), 7);
    assert.throws(() => stats.median([]), /no values/);
  });

  it('leaves the caller’s list in its order', () => {
    const walls = [3, 1, 2];
    stats.median(walls);
    assert.deepEqual(walls, [3, 1, 2]);
  });

  it('formats seconds, megabytes (10^6 bytes from kilobytes), rates and ratios', () => {
    assert.equal(stats.formatSeconds(0.0271), '27.1 ms');
    assert.equal(stats.formatSeconds(4.149), '4.15 s');
    assert.equal(stats.formatSeconds(13.94), '13.9 s');
    // 358,400 KiB = 367,001,600 bytes
    assert.equal(stats.formatMegabytes(358400), '367 MB');
    assert.equal(stats.formatRate(295858.2), '296,000/s');
    assert.equal(stats.formatRate(0), '—');
    assert.equal(stats.formatRatio(12.345), '12.3x');
    assert.equal(stats.formatRatio(0.456), '0.46x');
  });

  it('holds a value to an upper or a lower bound, bounds included', () => {
    assert.deepEqual(stats.verdict(15, 15, true, '≥ 15x'), { text: '≥ 15x', met: true });
    assert.equal(stats.verdict(14.9, 15, true, '').met, false);
    assert.equal(stats.verdict(0.3, 0.3, false, '').met, true);
    assert.equal(stats.verdict(0.31, 0.3, false, '').met, false);
    assert.equal(stats.verdict(undefined, 1, true, '').met, undefined);
    assert.equal(stats.verdict(NaN, 1, true, '').met, undefined);
    assert.equal(stats.metText(true), 'met');
    assert.equal(stats.metText(false), '**not met**');
    assert.equal(stats.metText(undefined), '—');
  });

  it('writes a Markdown table with a separator row and escaped pipes', () => {
    assert.equal(
      stats.markdownTable(['a', 'b'], [['1', 'x | y']]),
      '| a | b |\n| --- | --- |\n| 1 | x \\| y |',
    );
  });
});
