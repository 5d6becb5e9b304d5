/**
 * `dnspector show FILE` against `tshark -2 -V -Y dns`: for every DNS frame of every fixture
 * and corpus capture, the DNS part of the tree (from "Domain Name System" to the next
 * top-level item) must read line for line as tshark's, labels, order and indentation alike,
 * once our "  [offset, length]" suffixes are removed.
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { allCaptures, repo, run, tsharkAvailable } from '../helpers/captureFiles';

const cli = join(repo, 'dist/cli.js');

/** Splits -V style output into frames, keyed by frame number, keeping only the DNS sections. */
export function dnsSections(text: string, stripRanges: boolean): Map<number, string[]> {
  const frames = new Map<number, string[]>();
  let current: string[] | undefined;
  let inDns = false;
  for (const raw of text.split('\n')) {
    const line = stripRanges ? raw.replace(/ {2}\[[^[\]]*\]$/, '') : raw;
    const frame = /^Frame (\d+): /.exec(line);
    if (frame) {
      current = [];
      frames.set(Number(frame[1]), current);
      inDns = false;
      continue;
    }
    if (line !== '' && !line.startsWith(' ')) {
      inDns =
        /^(Domain Name System|Multicast Domain Name System|Link-local Multicast Name Resolution)/.test(
          line,
        );
    }
    if (inDns && line !== '' && current) current.push(line.trimEnd());
  }
  return frames;
}

describe('show: the DNS tree equals tshark -2 -V', function () {
  this.timeout(120_000);
  before(function () {
    if (!tsharkAvailable()) {
      console.log('    tshark is not installed: the -V comparison did NOT run');
      this.skip();
    }
  });

  it('splits -V output into per-frame DNS sections', () => {
    const text = [
      'Frame 7: 99 bytes on wire',
      '    Arrival Time: x',
      'User Datagram Protocol, Src Port: 53',
      'Domain Name System (query)  [42, 57]',
      '    Transaction ID: 0x1a2b  [42, 2]',
      '[Malformed Packet: DNS]',
      '',
    ].join('\n');
    assert.deepEqual(
      [...dnsSections(text, true)],
      [[7, ['Domain Name System (query)', '    Transaction ID: 0x1a2b']]],
    );
  });

  for (const file of allCaptures()) {
    const name = file.startsWith(repo) ? file.slice(repo.length + 1) : file;
    it(name, () => {
      const theirs = dnsSections(run('tshark', ['-2', '-r', file, '-V', '-Y', 'dns']), false);
      const ours = dnsSections(run('node', [cli, 'show', file]), true);
      assert.deepEqual([...ours.keys()], [...theirs.keys()], 'the same frames hold DNS');
      const diffs: string[] = [];
      for (const [frame, lines] of theirs) {
        const mine = ours.get(frame) ?? [];
        const n = Math.max(lines.length, mine.length);
        for (let i = 0; i < n && diffs.length < 10; i++) {
          if (lines[i] !== mine[i]) {
            diffs.push(
              `frame ${frame} line ${i + 1}:\n    tshark: ${lines[i]}\n    ours:   ${mine[i]}`,
            );
            break;
          }
        }
      }
      assert.deepEqual(diffs, [], diffs.join('\n'));
    });
  }
});
