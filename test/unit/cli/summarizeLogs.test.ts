/**
 * `dnspector summarize` on DNS server query logs, running the built dist/cli.js on the
 * real daemon logs in test/fixtures/logs: BIND totals, query types and the top AAAA client
 * equal a plain count of the file's lines done here; unbound logs yield transactions and
 * response times; the detected format and unparsed lines are named on stderr; a log and a
 * capture (or a gzipped log) summarize together in one run.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { SummaryReport } from '../../../src/core/report/summaryReport';

const repo = resolve(__dirname, '../../../..');
const cli = join(repo, 'dist/cli.js');
const logFixture = (name: string): string => join(repo, 'test/fixtures/logs', name);

function dnspector(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync('node', [cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function summaryJson(...args: string[]): { report: SummaryReport; err: string } {
  const r = dnspector('summarize', ...args, '--format', 'json');
  assert.equal(r.code, 0, r.err);
  return { report: JSON.parse(r.out) as SummaryReport, err: r.err };
}

/** The file's lines containing `needle`, counted without any DNSpector code. */
function linesWith(text: string, needle: string): string[] {
  return text.split('\n').filter((l) => l.includes(needle));
}

describe('dnspector summarize on query logs', function () {
  this.timeout(30_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'dnspector-summarize-logs-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a log without timestamps says its times are unknown instead of showing 1970', () => {
    const text = readFileSync(logFixture('bind-plain.log'), 'utf8');
    // bind-plain.log was written without print-time: no line starts with a date.
    assert.ok(!/^\d{2}-[A-Z][a-z]{2}-\d{4} /m.test(text));
    const { report, err } = summaryJson(logFixture('bind-plain.log'));
    assert.equal(report.timesKnown, false);
    assert.equal(report.start, null);
    assert.equal(report.totals.untimedMessages, report.totals.messages);
    assert.ok(!report.findings.some((f) => f.kind === 'silence' || f.kind === 'aaaa-lockstep-a'));
    assert.match(err, /without a timestamp/);
    const textReport = dnspector('summarize', logFixture('bind-plain.log'));
    assert.equal(textReport.code, 0, textReport.err);
    assert.doesNotMatch(textReport.out, /1970/);
    assert.match(textReport.out, /times unknown/);
    // A log with print-time has its times.
    assert.equal(summaryJson(logFixture('bind-print-time.log')).report.timesKnown, true);
  });

  it('a BIND log: queries, A/AAAA and the top AAAA client match a plain count', () => {
    const text = readFileSync(logFixture('bind-plain.log'), 'utf8');
    const { report, err } = summaryJson(logFixture('bind-plain.log'));
    const queries = linesWith(text, 'query:').length;
    assert.ok(queries > 0);
    assert.equal(report.totals.queries, queries);
    assert.equal(report.qtypes['A'], linesWith(text, ' IN A ').length);
    assert.equal(report.qtypes['AAAA'], linesWith(text, ' IN AAAA ').length);

    const perClient = new Map<string, number>();
    for (const line of linesWith(text, ' IN AAAA ')) {
      const m = /client (?:@\S+ )?(\S+)#\d+/.exec(line);
      assert.ok(m?.[1], line);
      perClient.set(m[1], (perClient.get(m[1]) ?? 0) + 1);
    }
    const [top] = [...perClient].sort((a, b) => b[1] - a[1]);
    assert.ok(top);
    assert.equal(report.topClients.byType['AAAA']?.[0]?.address, top[0]);
    assert.match(err, /bind-plain\.log: query log: bind \(\d+ lines\)/);
  });

  it('an unbound log: answered transactions and response times', () => {
    const { report, err } = summaryJson(logFixture('unbound.log'));
    assert.ok(report.totals.answered > 0);
    assert.ok(report.responseTimes.count > 0);
    assert.match(err, /unbound\.log: query log: unbound/);
    // The start and stop lines are no query-log lines: counted and numbered, once.
    assert.equal(err.match(/lines? not parsed \(lines? 1\b/g)?.length, 1, err);
  });

  it('a log and a capture (and a gzipped log) merge without error', () => {
    const gz = join(dir, 'unbound.log.gz');
    writeFileSync(gz, gzipSync(readFileSync(logFixture('unbound.log'))));
    const alone = summaryJson(logFixture('unbound.pcap')).report;
    const log = summaryJson(logFixture('unbound.log')).report;
    const { report } = summaryJson(gz, logFixture('unbound.pcap'));
    assert.equal(report.totals.messages, alone.totals.messages + log.totals.messages);
    assert.equal(report.totals.queries, alone.totals.queries + log.totals.queries);
  });

  it('a text file with no query-log line: named on stderr, exit 2', () => {
    const notes = join(dir, 'notes.log');
    writeFileSync(notes, 'hello, this is no query log\n');
    const r = dnspector('summarize', notes);
    assert.equal(r.code, 2);
    assert.match(r.err, /notes\.log: 1 line not parsed \(line 1\)/);
  });
});
