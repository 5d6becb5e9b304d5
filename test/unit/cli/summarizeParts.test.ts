/**
 * The CLI parts `summarize` is made of, on hand-built input: the progress line (terminal
 * only, throttled), the exit-code rule for several files, and the summarize options. (The
 * k-way time merge moved to src/node with the rest of the pipeline: test/unit/node/mergeByTime.test.ts.)
 */
import { strict as assert } from 'node:assert';
import { ProgressLine } from '../../../src/cli/progressLine';
import { ExitCodes, worstExitCode } from '../../../src/node/fileProblems';
import { parseArgs, UsageError } from '../../../src/cli/cliArgs';

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
