/**
 * The dashboard's chart data (src/core/report/chartData.ts) against the built CLI: each
 * chart's numbers equal what `dnspector summarize --format json` prints for a fixture
 * (read from the JSON's tables, not its series, where the chart draws a series: a type's
 * line sums to the type's count), and each element's display filter compiles and selects,
 * through `dnspector fields -Y F -e frame.number`, exactly the packets or log lines the
 * element counts. Where tshark knows the same filter (numeric values), tshark agrees.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { SummaryReport } from '../../../../src/core/report/summaryReport';
import {
  MIX_KINDS,
  aVsAaaaChart,
  clientMixChart,
  clientSeriesChart,
  dashboard,
  mixChart,
  pointFilter,
  rateChart,
  ratioChart,
  responseTimeChart,
  responseTimeSeriesChart,
  topClientsChart,
  topNamesChart,
  transactionsChart,
  type Bar,
} from '../../../../src/core/report/chartData';
import { compileFilter } from '../../../../src/core/filter/displayFilter';
// Registers the querylog.* fields, as the log editor and the CLI do.
import '../../../../src/core/querylog/logLineTree';
import { tsharkAvailable } from '../../../helpers/captureFiles';

const repo = resolve(__dirname, '../../../../..');
const cli = join(repo, 'dist/cli.js');
const fixture = (name: string): string => join(repo, 'test/fixtures', name);

function dnspector(...args: string[]): string {
  const r = spawnSync('node', [cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  assert.equal(r.status, 0, `dnspector ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

function summaryJson(file: string): SummaryReport {
  return JSON.parse(dnspector('summarize', file, '--format', 'json')) as SummaryReport;
}

/** Frames (or log lines) the filter selects, by the CLI. */
function selected(file: string, filter: string): number {
  const compiled = compileFilter(filter);
  assert.ok(compiled.ok, `${filter}: ${compiled.ok ? '' : compiled.error.message}`);
  return dnspector('fields', file, '-Y', filter, '-e', 'frame.number')
    .split('\n')
    .filter((l) => l !== '').length;
}

function tsharkSelected(file: string, filter: string): number {
  const r = spawnSync(
    'tshark',
    ['-2', '-r', file, '-Y', filter, '-T', 'fields', '-e', 'frame.number'],
    {
      encoding: 'utf8',
      env: { ...process.env, TZ: 'UTC' },
    },
  );
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.split('\n').filter((l) => l !== '').length;
}

function sum(xs: readonly (number | null)[]): number {
  return xs.reduce<number>((n, x) => n + (x ?? 0), 0);
}

/** The bars whose filter does not select exactly their count: "label: selected/count". */
function barMismatches(file: string, list: readonly Bar[]): string[] {
  const out: string[] = [];
  for (const b of list) {
    if (b.filter === undefined) continue;
    const n = selected(file, b.filter);
    if (n !== b.value) out.push(`${b.label}: ${n}/${b.value}`);
  }
  return out;
}

/** Every bar with a filter selects exactly its count. */
function assertBarsSelect(file: string, list: readonly Bar[]): void {
  assert.deepEqual(barMismatches(file, list), []);
}

describe('dashboard chart data', function () {
  this.timeout(120_000);
  const demo = fixture('incident-demo.pcap');
  const retrans = fixture('retransmissions.pcap');
  const log = fixture('logs/bind-print-time.log');
  const unbound = fixture('logs/unbound.log');
  let reports: Record<string, SummaryReport>;

  before(() => {
    reports = Object.fromEntries([demo, retrans, log, unbound].map((f) => [f, summaryJson(f)]));
  });

  it('type mixes are the JSON report tables, each bar selecting what it counts', () => {
    for (const file of [demo, retrans, log, unbound]) {
      const r = reports[file]!;
      const mismatches: string[] = [];
      assert.deepEqual(
        Object.fromEntries(mixChart(r, 'qtype').bars.map((b) => [b.label, b.value])),
        r.qtypes,
      );
      assert.deepEqual(
        Object.fromEntries(mixChart(r, 'rcode').bars.map((b) => [b.label, b.value])),
        r.rcodes,
      );
      const direction = mixChart(r, 'direction').bars.map((b) => b.value);
      assert.deepEqual(direction, [r.totals.queries, r.totals.responses]);
      for (const kind of MIX_KINDS) {
        const chart = mixChart(r, kind);
        const bars = chart.bars.map((b) => b.value);
        assert.equal(chart.total, sum(bars));
        // Queries, responses, or messages: the bars add up to one of the report's totals.
        assert.ok(
          [r.totals.queries, r.totals.responses, r.totals.messages].includes(chart.total),
          `${kind} total ${chart.total}`,
        );
        // Sorted descending (the doughnut's and bar's order).
        if (['qtype', 'rcode', 'opcode', 'qclass'].includes(kind)) {
          assert.deepEqual(
            bars,
            [...bars].sort((a, b) => b - a),
          );
        }
        mismatches.push(...barMismatches(file, chart.bars).map((m) => `${kind} ${m}`));
      }
      assert.deepEqual(mismatches, [], file);
    }
  });

  it('query-rate lines sum to the JSON report type counts; A and AAAA come first, highlighted', () => {
    const r = reports[demo]!;
    const chart = rateChart(r);
    assert.deepEqual(
      chart.lines.slice(0, 2).map((l) => [l.label, l.highlight]),
      [
        ['A', true],
        ['AAAA', true],
      ],
    );
    for (const l of chart.lines) {
      assert.equal(sum(l.points.map((p) => p.y)), r.qtypes[l.label], l.label);
      assert.equal(l.points.length, r.series.binStarts.length);
    }
    assert.equal(chart.binSeconds, r.series.binSeconds);
  });

  it('a time bin point selects its queries, and tshark agrees on the window', () => {
    const r = reports[demo]!;
    const chart = rateChart(r);
    const a = chart.lines.findIndex((l) => l.label === 'A');
    const busiest = chart.lines[a]!.points.reduce(
      (best, p, i, ps) => ((p.y ?? 0) > (ps[best]!.y ?? 0) ? i : best),
      0,
    );
    const filter = pointFilter(chart, a, busiest)!;
    assert.equal(selected(demo, filter), chart.lines[a]!.points[busiest]!.y);
    if (tsharkAvailable()) {
      const numeric = filter.replace('dns.qry.type == A ', 'dns.qry.type == 1 ');
      assert.equal(tsharkSelected(demo, numeric), chart.lines[a]!.points[busiest]!.y);
    }
  });

  it('gaps are bands from the JSON report gaps; a band selects the packets at its two edges', () => {
    const r = reports[demo]!;
    const { bands } = rateChart(r);
    const silences = r.gaps.filter((g) => g.source === '*');
    assert.equal(bands.length, silences.length);
    assert.ok(bands.length > 0, 'the demo has a silence');
    const clientBands = clientSeriesChart(r).bands;
    // A client's silences go with the client lines; a server's (127.0.0.1 here) are only listed.
    const ofClients = r.gaps.filter((g) => g.source in r.series.clients);
    assert.deepEqual(
      clientBands.map((b) => b.label),
      ofClients.map((g) => `${g.source} silent`),
    );
    bands.forEach((b, i) => {
      const g = silences[i]!;
      assert.equal(new Date(b.startMs).toISOString(), g.start);
      assert.equal(new Date(b.endMs).toISOString(), g.end);
      assert.equal(b.seconds, g.seconds);
    });
    const all = bands.find((b) => b.label === 'all traffic silent')!;
    // Nothing inside the silence: the last packet before and the first after (same ms ties aside).
    const n = selected(demo, all.filter);
    assert.ok(n >= 2 && n <= 4, `edges selected: ${n}`);
    const client = clientBands[0]!;
    const m = selected(demo, client.filter);
    assert.ok(m >= 2 && m <= 4, `${client.label} edges selected: ${m}`);
  });

  it('A vs AAAA: one point per regression bin, the fit is the JSON report regression', () => {
    for (const file of [demo, log]) {
      const r = reports[file]!;
      const chart = aVsAaaaChart(r);
      assert.equal(chart.points.length, r.regression.bins);
      assert.equal(sum(chart.points.map((p) => p.x)), r.regression.aTotal);
      assert.equal(sum(chart.points.map((p) => p.y)), r.regression.aaaaTotal);
      if (r.regression.slope !== null) {
        assert.equal(chart.fit?.slope, r.regression.slope);
        assert.equal(chart.fit?.r2, r.regression.r2);
        assert.equal(
          chart.fit?.from.y,
          r.regression.slope * chart.fit!.from.x + r.regression.intercept!,
        );
      }
      const p = chart.points[0]!;
      assert.equal(selected(file, p.filter), p.x + p.y, p.filter);
    }
    const ratio = ratioChart(reports[demo]!);
    assert.deepEqual(
      ratio.lines[0]!.points.map((p) => p.y),
      reports[demo]!.series.aVsAaaa.ratio,
    );
  });

  it('top clients and names are the JSON report lists, each selecting its queries', () => {
    for (const file of [demo, log]) {
      const r = reports[file]!;
      const clients = topClientsChart(r);
      assert.deepEqual(
        clients.bars.map((b) => [b.label, b.value]),
        r.topClients.all.map((c) => [c.address, c.count]),
      );
      assertBarsSelect(file, clients.bars);
      const top = r.topClients.all[0]!.address;
      const mix = clientMixChart(r, top);
      assert.deepEqual(
        Object.fromEntries(mix.bars.map((b) => [b.label, b.value])),
        r.topClients.qtypeMix[top],
      );
      assertBarsSelect(file, mix.bars);
      const names = topNamesChart(r);
      assert.deepEqual(
        names.bars.map((b) => [b.label, b.value]),
        r.topNames.all.map((n) => [n.name, n.count]),
      );
      assertBarsSelect(file, names.bars.slice(0, 3));
    }
  });

  it('per-client lines sum to the clients counts while tracked from the start', () => {
    const r = reports[demo]!;
    const chart = clientSeriesChart(r);
    assert.deepEqual(
      chart.lines.map((l) => l.label),
      Object.keys(r.series.clients),
    );
    const top = r.topClients.all[0]!;
    const line = chart.lines.find((l) => l.label === top.address)!;
    assert.equal(sum(line.points.map((p) => p.y)), top.count);
  });

  it('transactions are the JSON report totals, each filter selecting its count', () => {
    for (const file of [demo, retrans]) {
      const r = reports[file]!;
      const chart = transactionsChart(r);
      const byLabel = Object.fromEntries(chart.bars.map((b) => [b.label, b.value]));
      assert.deepEqual(byLabel, {
        answered: r.totals.answered,
        unanswered: r.totals.unanswered,
        'retransmitted queries': r.totals.retransmissions,
        'unsolicited responses': r.totals.unsolicited,
        'duplicate responses': r.totals.duplicateResponses,
        'duplicate IDs': r.totals.duplicateIds,
      });
      const mismatches = barMismatches(file, chart.bars);
      if (file === demo) assert.deepEqual(mismatches, []);
      else {
        // The matcher folds a reused ID's resend into another transaction (duplicateIds),
        // where Wireshark flags a retransmission: the filter selects Wireshark's six.
        assert.deepEqual(mismatches, ['retransmitted queries: 6/5']);
        const filter = chart.bars.find((b) => b.label === 'retransmitted queries')!.filter!;
        if (tsharkAvailable()) assert.equal(tsharkSelected(file, filter), 6);
      }
    }
  });

  it('the response-time histogram is the JSON report one, buckets selecting by dns.time', () => {
    for (const file of [demo, retrans]) {
      const r = reports[file]!;
      const chart = responseTimeChart(r);
      assert.deepEqual(
        chart.bars.map((b) => b.value),
        r.responseTimesFromFirstQuery.histogram.counts,
      );
      assert.deepEqual(
        chart.marks.map((m) => [m.label, m.seconds]),
        [
          ['p50', r.responseTimesFromFirstQuery.median],
          ['p90', r.responseTimesFromFirstQuery.p90],
          ['p99', r.responseTimesFromFirstQuery.p99],
        ],
      );
      for (const m of chart.marks) {
        const bounds = r.responseTimesFromFirstQuery.histogram.upperBoundsSeconds;
        assert.ok(m.seconds <= (bounds[m.bar] ?? Infinity));
        assert.ok(m.bar === 0 || m.seconds > bounds[m.bar - 1]!);
      }
      assertBarsSelect(
        file,
        chart.bars.filter((b) => b.value > 0),
      );
      if (tsharkAvailable()) {
        const b = chart.bars.find((x) => x.value > 0)!;
        assert.equal(tsharkSelected(file, b.filter!), b.value, b.filter);
      }
    }
  });

  it('response time over time: a bin mean is the mean dns.time of the responses its filter selects', () => {
    for (const file of [demo, retrans]) {
      const r = reports[file]!;
      const chart = responseTimeSeriesChart(r);
      const points = chart.lines[0]!.points;
      const bins = points
        .map((p, i) => ({ p, i }))
        .filter(({ p }) => p.y !== null)
        .slice(0, 3);
      assert.ok(bins.length > 0);
      for (const { p, i } of bins) {
        const filter = pointFilter(chart, 0, i)!;
        const times = dnspector('fields', file, '-Y', filter, '-e', 'dns.time')
          .split('\n')
          .filter((l) => l !== '')
          .map(Number);
        const mean = times.reduce((a, b) => a + b, 0) / times.length;
        assert.ok(Math.abs(mean - p.y!) < 1e-6, `${file} bin ${i}: ${mean} vs ${p.y}`);
      }
    }
  });

  it('dashboard() holds every chart', () => {
    const d = dashboard(reports[demo]!, 'rcode');
    assert.equal(d.mix.title, 'Response codes');
    assert.equal(Object.keys(d).length, 10);
  });
});
