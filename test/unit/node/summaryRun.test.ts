/**
 * runSummary, the summary pipeline the CLI and the extension share: on the fixtures its
 * report is the one `dnspector summarize --format json` prints (the built dist/cli.js,
 * spawned) and its file notes are the lines the CLI writes on stderr; progress comes in
 * as the files are read and ends at the frame count (counted here by walking the pcap
 * records by hand, not by the capture reader); cancelling, by isCancelled or by an
 * AbortSignal, stops the run before the end of a multi-chunk capture.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  runSummary,
  SummaryCancelledError,
  type SummaryOptions,
} from '../../../src/node/summaryRun';

const repo = resolve(__dirname, '../../../..');
const cli = join(repo, 'dist/cli.js');
const fixture = (name: string): string => join(repo, 'test/fixtures', name);
const defaults: SummaryOptions = { extraDnsPorts: [], binSeconds: null };

function dnspector(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync('node', [cli, 'summarize', ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The records of a little-endian microsecond pcap, walked by hand: [header, records]. */
function pcapRecords(bytes: Uint8Array): [Uint8Array, Uint8Array[]] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  assert.equal(view.getUint32(0, true), 0xa1b2c3d4, 'little-endian microsecond pcap');
  const records: Uint8Array[] = [];
  let at = 24;
  while (at + 16 <= bytes.length) {
    const length = view.getUint32(at + 8, true);
    records.push(bytes.subarray(at, at + 16 + length));
    at += 16 + length;
  }
  return [bytes.subarray(0, 24), records];
}

describe('runSummary', function () {
  this.timeout(60_000);
  let dir: string;
  /** udp-queries.pcap's records repeated to well over one 64 KiB read chunk. */
  let big: string;
  let bigFrames: number;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'dnspector-summary-run-'));
    const [header, records] = pcapRecords(readFileSync(fixture('udp-queries.pcap')));
    const parts: Uint8Array[] = [header];
    let size = 0;
    bigFrames = 0;
    while (size < 2 * 1024 * 1024) {
      for (const r of records) {
        parts.push(r);
        size += r.length;
        bigFrames++;
      }
    }
    big = join(dir, 'big.pcap');
    writeFileSync(big, Buffer.concat(parts));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the report summarize --format json prints, for a capture', async () => {
    const file = fixture('udp-queries.pcap');
    const cliRun = dnspector(file, '--format', 'json');
    assert.equal(cliRun.code, 0, cliRun.err);
    const { report, fileNotes } = await runSummary([file], defaults);
    assert.deepEqual(JSON.parse(JSON.stringify(report)), JSON.parse(cliRun.out));
    assert.deepEqual(fileNotes, [
      { path: file, kind: 'capture', format: 'pcap', problems: [], exitCode: 0 },
    ]);
  });

  it('gives the CLI report for captures and logs together, with the bin and top options', async () => {
    const files = [
      fixture('logs/unbound.log'),
      fixture('logs/unbound.pcap'),
      fixture('tcp-queries.pcap'),
    ];
    const cliRun = dnspector(...files, '--format', 'json', '--bin', '1m', '--top', '3');
    assert.equal(cliRun.code, 0, cliRun.err);
    const { report } = await runSummary(files, { ...defaults, binSeconds: 60, topN: 3 });
    const expected = JSON.parse(cliRun.out);
    assert.deepEqual(JSON.parse(JSON.stringify(report)), expected);
    assert.equal(report.series.binSeconds, 60);
    assert.ok(report.topClients.all.length <= 3);
  });

  it('notes each file as the CLI words it on stderr, with its exit code', async () => {
    const damaged = fixture('cut-mid-record.pcap');
    const notLog = join(dir, 'notes.txt');
    writeFileSync(notLog, 'hello\nthis is not a query log\n');
    const log = fixture('logs/bind-plain.log');
    const files = [damaged, log, notLog];
    const cliRun = dnspector(...files, '--format', 'json');
    const { fileNotes } = await runSummary(files, defaults);

    const lines = fileNotes.flatMap((n) =>
      [...(n.kind === 'log' && n.format ? [`query log: ${n.format}`] : []), ...n.problems].map(
        (p) => `dnspector: ${n.path}: ${p}`,
      ),
    );
    assert.deepEqual(lines, cliRun.err.trimEnd().split('\n'));
    assert.deepEqual(
      fileNotes.map((n) => [n.kind, n.exitCode]),
      [
        ['capture', 3],
        ['log', 0],
        ['log', 2],
      ],
    );
    assert.equal(cliRun.code, 2, 'the worst of the three files');
    assert.match(fileNotes[0]?.problems.at(-1) ?? '', /^truncated capture at byte offset \d+/);
  });

  it('reports progress as the file is read, ending at its frame count', async () => {
    const seen: number[] = [];
    let lastMessages = 0;
    const { report } = await runSummary([big], defaults, {
      onProgress: (units, messages) => {
        seen.push(units);
        lastMessages = messages;
      },
    });
    assert.ok(seen.length > 2, `progress ${seen.length} times for a 2 MB file`);
    for (let i = 1; i < seen.length; i++) {
      assert.ok((seen[i] ?? 0) >= (seen[i - 1] ?? 0), 'units never go back');
    }
    assert.equal(seen.at(-1), bigFrames);
    assert.equal(lastMessages, report.totals.messages);
  });

  it('stops early and rejects with SummaryCancelledError when isCancelled says so', async () => {
    let polls = 0;
    let lastUnits = 0;
    await assert.rejects(
      runSummary([big, big], defaults, {
        onProgress: (units) => {
          lastUnits = units;
        },
        isCancelled: () => ++polls > 2,
      }),
      SummaryCancelledError,
    );
    assert.ok(lastUnits > 0, 'some progress before the cancel');
    assert.ok(lastUnits < bigFrames, `stopped at ${lastUnits} of ${2 * bigFrames} frames`);
  });

  it('stops early when its AbortSignal aborts, and at once if it already has', async () => {
    const controller = new AbortController();
    let lastUnits = 0;
    await assert.rejects(
      runSummary([big], defaults, {
        signal: controller.signal,
        onProgress: (units) => {
          lastUnits = units;
          if (units > 0) controller.abort();
        },
      }),
      SummaryCancelledError,
    );
    assert.ok(lastUnits > 0 && lastUnits < bigFrames, `stopped at ${lastUnits}`);

    let progressed = false;
    await assert.rejects(
      runSummary([big], defaults, {
        signal: AbortSignal.abort(),
        onProgress: () => {
          progressed = true;
        },
      }),
      SummaryCancelledError,
    );
    assert.equal(progressed, false);
  });
});
