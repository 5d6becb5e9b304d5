/**
 * The parts `summarize` is made of, on hand-built input: the k-way time merge, the
 * progress line (terminal only, throttled), the exit-code rule for several files, and the
 * summarize options.
 */
import { strict as assert } from 'node:assert';
import { mergeByTime } from '../../../src/cli/mergeByTime';
import { ProgressLine } from '../../../src/cli/progressLine';
import { ExitCodes, worstExitCode } from '../../../src/cli/fileProblems';
import { parseArgs, UsageError } from '../../../src/cli/cliArgs';

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
});

describe('ProgressLine', () => {
  function sink(isTTY: boolean): { isTTY: boolean; text: string[]; write(s: string): void } {
    return {
      isTTY,
      text: [],
      write(s: string) {
        this.text.push(s);
      },
    };
  }

  it('writes nothing when stderr is not a terminal', () => {
    const s = sink(false);
    const p = new ProgressLine(s, () => 10_000);
    p.update(5, 10);
    p.clear();
    assert.deepEqual(s.text, []);
  });

  it('redraws in place at most every 250 ms with count and rate, and erases itself', () => {
    const s = sink(true);
    let now = 0;
    const p = new ProgressLine(s, () => now);
    now = 1000;
    p.update(50, 2000);
    now = 1100;
    p.update(60, 2100); // too soon: skipped
    now = 2000;
    p.update(80, 3000);
    p.clear();
    assert.deepEqual(s.text, [
      '\r\x1b[Kdnspector: 2000 packets, 50 DNS messages, 2000 packets/s',
      '\r\x1b[Kdnspector: 3000 packets, 80 DNS messages, 1500 packets/s',
      '\r\x1b[K',
    ]);
  });
});

describe('worstExitCode', () => {
  it('prefers unreadable over damaged over fine', () => {
    assert.equal(worstExitCode([]), ExitCodes.ok);
    assert.equal(worstExitCode([0, 0]), ExitCodes.ok);
    assert.equal(worstExitCode([0, 3]), ExitCodes.damaged);
    assert.equal(worstExitCode([3, 2, 0]), ExitCodes.unreadable);
  });
});

describe('summarize options', () => {
  it('takes several files and the format, bin and top options', () => {
    const a = parseArgs([
      'summarize',
      'a.pcap',
      'b.pcap',
      '--format',
      'csv',
      '--bin',
      '1h',
      '--top',
      '5',
    ]);
    assert.deepEqual(
      [a.command, a.files, a.format, a.bin, a.top],
      ['summarize', ['a.pcap', 'b.pcap'], 'csv', 3600, 5],
    );
    assert.equal(parseArgs(['summarize', 'a', '--bin', 'auto']).bin, 'auto');
  });

  it('keeps other commands to one file', () => {
    assert.throws(() => parseArgs(['list', 'a.pcap', 'b.pcap']), UsageError);
  });

  it('rejects a top of zero', () => {
    assert.throws(
      () => parseArgs(['summarize', 'a', '--top', '0']),
      /--top must be an integer from 1/,
    );
  });
});
