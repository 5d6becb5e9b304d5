/**
 * The k-way merge by time of the summary pipeline (src/node/mergeByTime.ts), on
 * hand-built streams: order across streams, stability on equal times, empty inputs, and
 * closing the streams still open when the consumer stops early.
 */
import { strict as assert } from 'node:assert';
import { mergeByTime } from '../../../src/node/mergeByTime';

async function* stream<T>(items: T[]): AsyncGenerator<T> {
  for (const x of items) yield x;
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('mergeByTime', () => {
  const time = (x: { t: bigint }): bigint => x.t;

  it('interleaves time-ordered streams into one ordered stream', async () => {
    const a = [1n, 4n, 9n].map((t) => ({ t, s: 'a' }));
    const b = [2n, 3n, 10n].map((t) => ({ t, s: 'b' }));
    const c = [0n, 5n].map((t) => ({ t, s: 'c' }));
    const merged = await collect(mergeByTime([stream(a), stream(b), stream(c)], time));
    assert.deepEqual(
      merged.map((x) => `${x.s}${x.t}`),
      ['c0', 'a1', 'b2', 'b3', 'a4', 'c5', 'a9', 'b10'],
    );
  });

  it('keeps the first stream first on equal times, and each stream in its own order', async () => {
    const a = [
      { t: 5n, s: 'a1' },
      { t: 1n, s: 'a2' },
    ];
    const b = [{ t: 5n, s: 'b1' }];
    const merged = await collect(mergeByTime([stream(a), stream(b)], time));
    assert.deepEqual(
      merged.map((x) => x.s),
      ['a1', 'a2', 'b1'],
    );
  });

  it('handles no streams and empty streams', async () => {
    assert.deepEqual(await collect(mergeByTime([], time)), []);
    assert.deepEqual(await collect(mergeByTime([stream([]), stream([{ t: 1n }])], time)), [
      { t: 1n },
    ]);
  });

  it('closes every open stream when the consumer stops early', async () => {
    const closed: string[] = [];
    async function* tracked(name: string, times: bigint[]): AsyncGenerator<{ t: bigint }> {
      try {
        for (const t of times) yield { t };
      } finally {
        closed.push(name);
      }
    }
    const merged = mergeByTime([tracked('a', [1n, 3n, 5n]), tracked('b', [2n, 4n])], time);
    let seen = 0;
    for await (const _ of merged) {
      if (++seen === 2) break;
    }
    assert.deepEqual(closed.sort(), ['a', 'b']);
  });
});
