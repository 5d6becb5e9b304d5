/**
 * `dnspector summarize` end to end, running the built dist/cli.js on the fixtures: every
 * format prints, JSON has the documented keys, CSV has a header and one row per bin,
 * options take effect, several files are merged in time order, and file problems give the
 * documented exit codes without losing the report of what could be read.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { SummaryReport } from '../../../src/core/report/summaryReport';

const repo = resolve(__dirname, '../../../..');
const cli = join(repo, 'dist/cli.js');
const fixture = (name: string): string => join(repo, 'test/fixtures', name);

function dnspector(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync('node', [cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function summaryJson(...args: string[]): SummaryReport {
  const r = dnspector('summarize', ...args, '--format', 'json');
  assert.equal(r.code, 0, r.err);
  return JSON.parse(r.out) as SummaryReport;
}

/**
 * Splits a little-endian classic pcap into two files by frame parity (odd frames, even
 * frames): a hand-written reader of the format, independent of src/core/capture.
 */
function splitPcap(bytes: Uint8Array, odd: string, even: string): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  assert.equal(view.getUint32(0, true), 0xa1b2c3d4, 'little-endian microsecond pcap');
  const header = bytes.subarray(0, 24);
  const parts: [Uint8Array[], Uint8Array[]] = [[header], [header]];
  let at = 24;
  for (let frame = 1; at + 16 <= bytes.length; frame++) {
    const length = view.getUint32(at + 8, true);
    parts[frame % 2 === 1 ? 0 : 1].push(bytes.subarray(at, at + 16 + length));
    at += 16 + length;
  }
  writeFileSync(odd, Buffer.concat(parts[0]));
  writeFileSync(even, Buffer.concat(parts[1]));
}

describe('dnspector summarize', function () {
  this.timeout(30_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'dnspector-summarize-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints JSON with the documented keys and the capture totals', () => {
    const r = summaryJson(fixture('udp-queries.pcap'));
    for (const key of [
      'schema',
      'totals',
      'qtypes',
      'rcodes',
      'topClients',
      'regression',
      'regressionByClient',
      'gaps',
      'findings',
    ]) {
      assert.ok(key in r, `missing key ${key}`);
    }
    // tshark -r udp-queries.pcap -q -z dns,tree: 72 messages, 36 queries, 36 responses, 36 timed.
    assert.deepEqual(
      [
        r.totals.messages,
        r.totals.queries,
        r.totals.responses,
        r.totals.answered,
        r.totals.unanswered,
      ],
      [72, 36, 36, 36, 0],
    );
    assert.deepEqual(
      Object.keys(r.topClients).filter((k) => k === 'all' || k === 'byType'),
      ['all', 'byType'],
    );
    assert.deepEqual(r.topClients.all, [{ address: '127.0.0.1', count: 36 }]);
    for (const key of ['x', 'y', 'binSeconds', 'bins', 'slope', 'intercept', 'r2'])
      assert.ok(key in r.regression, key);
    assert.equal(r.regression.x, 'A');
    assert.equal(r.regression.y, 'AAAA');
  });

  it('prints the text report by default and Markdown on request', () => {
    const text = dnspector('summarize', fixture('udp-queries.pcap'));
    assert.equal(text.code, 0, text.err);
    assert.match(text.out, /^DNS traffic summary\n=+\n/);
    for (const title of [
      'Findings',
      'Totals',
      'Top clients',
      'A vs AAAA',
      'Gaps',
      'Response times',
      'Unanswered queries',
    ]) {
      assert.match(text.out, new RegExp(`\\n${title}\\n-+\\n`), title);
    }
    const md = dnspector('summarize', fixture('udp-queries.pcap'), '--format', 'markdown');
    assert.equal(md.code, 0, md.err);
    assert.match(md.out, /^# DNS traffic summary\n/);
    assert.match(md.out, /\n## Findings\n/);
    assert.match(
      md.out,
      /\n\| # \| Client \| Queries \| Share of queries \|\n\| ---: \| --- \| ---: \| ---: \|\n/,
    );
  });

  it('prints CSV with a header and one row per bin of the span', () => {
    const r = dnspector('summarize', fixture('udp-queries.pcap'), '--format', 'csv', '--bin', '1s');
    assert.equal(r.code, 0, r.err);
    const rows = r.out.trimEnd().split('\n');
    assert.match(rows[0] ?? '', /^bin_start,bin_seconds,messages,qtype_A,/);
    // The DNS messages' own times (frame.time_epoch, checked against tshark elsewhere): one
    // row for every whole second from the first to the last.
    const times = dnspector('fields', fixture('udp-queries.pcap'), '-e', 'frame.time_epoch')
      .out.trim()
      .split('\n')
      .map((t) => Math.floor(Number(t)));
    const bins = Math.max(...times) - Math.min(...times) + 1;
    assert.equal(rows.length, 1 + bins);
    const messages = rows.slice(1).reduce((n, row) => n + Number(row.split(',')[2]), 0);
    assert.equal(messages, 72);
    for (const row of rows.slice(1)) assert.equal(row.split(',')[1], '1');
  });

  it('applies --bin and --top', () => {
    const r = summaryJson(fixture('udp-queries.pcap'), '--bin', '1m', '--top', '1');
    assert.equal(r.series.binSeconds, 60);
    assert.ok(r.topNames.all.length <= 1, JSON.stringify(r.topNames.all));
    assert.equal(r.topNames.all.length, 1);
  });

  it('merges several files into one stream in time order', () => {
    const odd = join(dir, 'odd.pcap');
    const even = join(dir, 'even.pcap');
    splitPcap(readFileSync(fixture('udp-queries.pcap')), odd, even);
    const whole = summaryJson(fixture('udp-queries.pcap'));
    // Responses (even frames) named first: only a merge by time puts each query before its answer.
    const merged = summaryJson(even, odd);
    assert.deepEqual(merged.totals, whole.totals);
    assert.equal(merged.totals.unsolicited, 0);
    assert.deepEqual(merged.responseTimes, whole.responseTimes);
    assert.deepEqual(merged.series, whole.series);
    assert.deepEqual(merged.tshark, whole.tshark);
  });

  it('reads gzip-compressed and pcapng captures like the plain pcap', () => {
    const plain = summaryJson(fixture('udp-queries.pcap'));
    assert.deepEqual(summaryJson(fixture('udp-queries.pcap.gz')).totals, plain.totals);
    assert.deepEqual(summaryJson(fixture('udp-queries.pcapng')).totals, plain.totals);
  });

  it('still reports what it read when one file is missing, and exits 2', () => {
    const r = dnspector(
      'summarize',
      fixture('udp-queries.pcap'),
      join(dir, 'missing.pcap'),
      '--format',
      'json',
    );
    assert.equal(r.code, 2);
    assert.match(r.err, /missing\.pcap: cannot read at byte offset 0/);
    assert.equal((JSON.parse(r.out) as SummaryReport).totals.messages, 72);
  });

  it('exits 3 for a damaged capture after summarizing its complete packets', () => {
    const r = dnspector('summarize', fixture('cut-mid-record.pcap'), '--format', 'json');
    assert.equal(r.code, 3);
    assert.match(r.err, /cut-mid-record\.pcap: truncated capture at byte offset \d+/);
    // tshark -r cut-mid-record.pcap -Y dns | wc -l
    assert.equal((JSON.parse(r.out) as SummaryReport).totals.messages, 29);
  });

  it('prints nothing and exits 2 when no file can be read', () => {
    const r = dnspector('summarize', join(dir, 'missing.pcap'));
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
  });

  it('rejects an unknown format or bin as a usage error', () => {
    assert.equal(dnspector('summarize', fixture('udp-queries.pcap'), '--format', 'xml').code, 1);
    const r = dnspector('summarize', fixture('udp-queries.pcap'), '--bin', '5s');
    assert.equal(r.code, 1);
    assert.match(r.err, /--bin must be one of 1s, 1m, 1h, 1d, auto/);
  });

  it('draws no progress when stderr is not a terminal', () => {
    const r = dnspector('summarize', fixture('udp-queries.pcap'));
    assert.equal(r.err, '');
  });
});
