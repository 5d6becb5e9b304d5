/**
 * The dashboard's charts as plain data, made from a SummaryReport (what `dnspector summarize
 * --format json` prints) and nothing else: labels, numbers and the display filter each
 * element stands for (chartFilters.ts). No DOM and no chart.js here: the webview turns these
 * into chart.js configurations, and the table view, CSV and Markdown exports read the same
 * objects, so every rendering shows the same numbers.
 *
 * Times are epoch milliseconds (chart.js's linear axis; the report's bin starts are ISO 8601
 * strings). Per-point filters of the time charts are not stored (a series can have
 * thousands of points): `pointFilter` builds one on demand from the line's `filterBase`.
 */
import type { CountTable, SummaryReport } from './summaryReport';
import {
  EDNS_TERM,
  QUERIES,
  TCP_FILTER,
  UDP_FILTER,
  RESPONSES,
  allOf,
  binFilter,
  clientFilter,
  gapFilter,
  nameFilter,
  opcodeFilter,
  qclassFilter,
  qtypeFilter,
  qtypeTerm,
  rcodeFilter,
  responseTimeFilter,
} from './chartFilters';

export interface Bar {
  label: string;
  value: number;
  /** The display filter selecting what the bar counts; absent when none can. */
  filter?: string;
}

export interface BarChart {
  kind: 'bars';
  title: string;
  /** What a bar counts ("queries", "messages"). */
  unit: string;
  bars: Bar[];
  /** The whole the percentages are of (the sum of the bars unless said otherwise). */
  total: number;
}

export interface TimePoint {
  /** Bin start, epoch ms. */
  x: number;
  y: number | null;
}

export interface TimeLine {
  label: string;
  points: TimePoint[];
  /** Drawn prominently (A and AAAA). */
  highlight: boolean;
  /** What the line counts; a point's filter adds its bin's time window. */
  filterBase?: string;
}

export interface Band {
  label: string;
  startMs: number;
  endMs: number;
  seconds: number;
  filter: string;
}

export interface TimeChart {
  kind: 'time';
  title: string;
  binSeconds: number;
  unit: string;
  lines: TimeLine[];
  bands: Band[];
}

export interface ScatterPoint {
  x: number;
  y: number;
  binStartMs: number;
  filter: string;
}

export interface ScatterChart {
  kind: 'scatter';
  title: string;
  xLabel: string;
  yLabel: string;
  points: ScatterPoint[];
  /** The report's least-squares fit drawn over the points' x range; null when undefined. */
  fit: {
    slope: number;
    intercept: number;
    r2: number | null;
    from: { x: number; y: number };
    to: { x: number; y: number };
  } | null;
}

export interface PercentileMark {
  label: 'p50' | 'p90' | 'p99';
  seconds: number;
  /** Index of the histogram bar the value falls in. */
  bar: number;
}

export interface HistogramChart {
  kind: 'histogram';
  title: string;
  unit: string;
  bars: Bar[];
  total: number;
  marks: PercentileMark[];
}

export type ChartData = BarChart | TimeChart | ScatterChart | HistogramChart;

/** The mixes the type-mix chart switches between. */
export const MIX_KINDS = [
  'direction',
  'qtype',
  'rcode',
  'opcode',
  'qclass',
  'transport',
  'edns',
  'do',
  'rd',
] as const;
export type MixKind = (typeof MIX_KINDS)[number];

export const MIX_LABELS: Record<MixKind, string> = {
  direction: 'Queries and responses',
  qtype: 'Query types',
  rcode: 'Response codes',
  opcode: 'Opcodes',
  qclass: 'Query classes',
  transport: 'Transport',
  edns: 'EDNS',
  do: 'DNSSEC OK (DO)',
  rd: 'Recursion desired (RD)',
};

function sortedBars(table: CountTable, filter: (key: string) => string | undefined): Bar[] {
  return Object.entries(table)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([label, value]) => {
      const f = filter(label);
      return f === undefined ? { label, value } : { label, value, filter: f };
    });
}

function bars(unit: string, title: string, list: Bar[]): BarChart {
  return { kind: 'bars', title, unit, bars: list, total: list.reduce((n, b) => n + b.value, 0) };
}

/** With / without a property, for queries and responses. */
function splitBars(
  what: string,
  counts: { queries: number; responses: number },
  totals: { queries: number; responses: number },
  has: string,
): Bar[] {
  return [
    { label: `queries with ${what}`, value: counts.queries, filter: allOf(QUERIES, has) },
    {
      label: `queries without ${what}`,
      value: totals.queries - counts.queries,
      filter: allOf(QUERIES, `!(${has})`),
    },
    { label: `responses with ${what}`, value: counts.responses, filter: allOf(RESPONSES, has) },
    {
      label: `responses without ${what}`,
      value: totals.responses - counts.responses,
      filter: allOf(RESPONSES, `!(${has})`),
    },
  ];
}

export function mixChart(report: SummaryReport, kind: MixKind): BarChart {
  const title = MIX_LABELS[kind];
  const t = report.totals;
  switch (kind) {
    case 'direction':
      return bars('messages', title, [
        { label: 'queries', value: t.queries, filter: QUERIES },
        { label: 'responses', value: t.responses, filter: RESPONSES },
      ]);
    case 'qtype':
      return bars('queries', title, sortedBars(report.qtypes, qtypeFilter));
    case 'rcode':
      return bars('responses', title, sortedBars(report.rcodes, rcodeFilter));
    case 'opcode':
      return bars('messages', title, sortedBars(report.opcodes, opcodeFilter));
    case 'qclass':
      return bars('queries', title, sortedBars(report.qclasses, qclassFilter));
    case 'transport': {
      const { udp, tcp, unknown } = report.transport;
      const list: Bar[] = [
        { label: 'UDP', value: udp, filter: UDP_FILTER },
        { label: 'TCP', value: tcp, filter: TCP_FILTER },
      ];
      if (unknown > 0) list.push({ label: 'unknown (query logs)', value: unknown });
      return bars('messages', title, list);
    }
    case 'edns':
      return bars('messages', title, splitBars('EDNS', report.edns, t, EDNS_TERM));
    case 'do':
      return bars('messages', title, splitBars('DO', report.flags.do, t, 'dns.resp.z.do == 1'));
    case 'rd':
      return bars(
        'messages',
        title,
        splitBars('RD', report.flags.rd, t, 'dns.flags.recdesired == 1'),
      );
  }
}

/** Bin starts of the report's series in epoch ms. */
export function binStartsMs(report: SummaryReport): number[] {
  return report.series.binStarts.map((s) => Date.parse(s));
}

function line(
  label: string,
  xs: readonly number[],
  ys: readonly (number | null)[],
  highlight: boolean,
  filterBase?: string,
): TimeLine {
  const points = xs.map((x, i) => ({ x, y: ys[i] ?? null }));
  return filterBase === undefined
    ? { label, points, highlight }
    : { label, points, highlight, filterBase };
}

const HIGHLIGHTED = new Set(['A', 'AAAA']);

/** Queries per bin by type (A and AAAA first and highlighted); silences of all traffic as bands. */
export function rateChart(report: SummaryReport): TimeChart {
  const xs = binStartsMs(report);
  const types = Object.keys(report.series.qtypes).sort((a, b) => {
    const ha = HIGHLIGHTED.has(a) ? 0 : 1;
    const hb = HIGHLIGHTED.has(b) ? 0 : 1;
    return ha - hb || (report.qtypes[b] ?? 0) - (report.qtypes[a] ?? 0) || (a < b ? -1 : 1);
  });
  return {
    kind: 'time',
    title: 'Query rate over time',
    binSeconds: report.series.binSeconds,
    unit: 'queries per bin',
    lines: types.map((t) =>
      line(t, xs, report.series.qtypes[t] ?? [], HIGHLIGHTED.has(t), qtypeFilter(t)),
    ),
    bands: gapBands(report, (source) => source === '*'),
  };
}

/** The gaps of the sources `shown` picks ("*" is all traffic), as bands. */
export function gapBands(report: SummaryReport, shown: (source: string) => boolean): Band[] {
  return report.gaps
    .filter((g) => shown(g.source))
    .map((g) => {
      const startMs = Date.parse(g.start);
      const endMs = Date.parse(g.end);
      return {
        label: g.source === '*' ? 'all traffic silent' : `${g.source} silent`,
        startMs,
        endMs,
        seconds: g.seconds,
        filter: gapFilter(g.source, startMs, endMs),
      };
    });
}

const A_OR_AAAA = allOf(QUERIES, 'dns.qry.type == A || dns.qry.type == AAAA');

/** Per-bin A against AAAA over the bins the regression used, with its fitted line. */
export function aVsAaaaChart(report: SummaryReport): ScatterChart {
  const xs = binStartsMs(report);
  const { a, aaaa } = report.series.aVsAaaa;
  const binSeconds = report.series.binSeconds;
  const points: ScatterPoint[] = [];
  xs.forEach((x, i) => {
    const ai = a[i] ?? 0;
    const yi = aaaa[i] ?? 0;
    if (ai === 0 && yi === 0) return;
    points.push({ x: ai, y: yi, binStartMs: x, filter: binFilter(A_OR_AAAA, x, binSeconds) });
  });
  const { slope, intercept, r2 } = report.regression;
  let fit: ScatterChart['fit'] = null;
  if (slope !== null && intercept !== null && points.length > 0) {
    const lo = Math.min(...points.map((p) => p.x));
    const hi = Math.max(...points.map((p) => p.x));
    fit = {
      slope,
      intercept,
      r2,
      from: { x: lo, y: slope * lo + intercept },
      to: { x: hi, y: slope * hi + intercept },
    };
  }
  return {
    kind: 'scatter',
    title: 'A vs AAAA per bin',
    xLabel: 'A queries per bin',
    yLabel: 'AAAA queries per bin',
    points,
    fit,
  };
}

export function ratioChart(report: SummaryReport): TimeChart {
  return {
    kind: 'time',
    title: 'AAAA/A ratio over time',
    binSeconds: report.series.binSeconds,
    unit: 'AAAA per A',
    lines: [line('AAAA/A', binStartsMs(report), report.series.aVsAaaa.ratio, true, A_OR_AAAA)],
    bands: [],
  };
}

export function topClientsChart(report: SummaryReport): BarChart {
  const list = report.topClients.all.map((c) => ({
    label: c.address,
    value: c.count,
    filter: clientFilter(c.address),
  }));
  return { ...bars('queries', 'Top clients', list), total: report.totals.queries };
}

/** One client's queries by type (the expanded client of the top-clients chart). */
export function clientMixChart(report: SummaryReport, address: string): BarChart {
  const mix = report.topClients.qtypeMix[address] ?? {};
  const client = clientFilter(address);
  return bars(
    'queries',
    `Query types of ${address}`,
    sortedBars(mix, (t) => allOf(client, qtypeTerm(t))),
  );
}

export function topNamesChart(report: SummaryReport): BarChart {
  const list = report.topNames.all.map((n) => ({
    label: n.name,
    value: n.count,
    filter: nameFilter(n.name),
  }));
  return { ...bars('queries', 'Top names', list), total: report.totals.queries };
}

/** Queries per bin of each top client (the paper's per-client figures), with their silences. */
export function clientSeriesChart(report: SummaryReport): TimeChart {
  const xs = binStartsMs(report);
  return {
    kind: 'time',
    title: 'Top clients over time',
    binSeconds: report.series.binSeconds,
    unit: 'queries per bin',
    lines: Object.entries(report.series.clients).map(([address, ys], i) =>
      line(address, xs, ys, i < 2, clientFilter(address)),
    ),
    bands: gapBands(report, (source) => source in report.series.clients),
  };
}

export function transactionsChart(report: SummaryReport): BarChart {
  const t = report.totals;
  return {
    ...bars('', 'Transactions', [
      {
        label: 'answered',
        value: t.answered,
        filter: allOf(QUERIES, 'dns.response_in', '!dns.retransmission'),
      },
      {
        label: 'unanswered',
        value: t.unanswered,
        filter: allOf(QUERIES, '!dns.response_in', '!dns.retransmission'),
      },
      {
        label: 'retransmitted queries',
        value: t.retransmissions,
        filter: allOf(QUERIES, 'dns.retransmission'),
      },
      { label: 'unsolicited responses', value: t.unsolicited, filter: 'dns.unsolicited' },
      {
        label: 'duplicate responses',
        value: t.duplicateResponses ?? 0,
        filter: allOf(RESPONSES, 'dns.retransmission'),
      },
      // Wireshark has no field for a reused ID: no filter.
      { label: 'duplicate IDs', value: t.duplicateIds },
    ]),
    total: t.transactions,
  };
}

function formatSeconds(s: number): string {
  return s < 1 ? `${+(s * 1000).toPrecision(3)} ms` : `${+s.toPrecision(3)} s`;
}

/**
 * Response times (from the first transmission of the query, tshark's dns.time, so each
 * bar's filter selects exactly the responses it counts) with p50/p90/p99 marked.
 */
export function responseTimeChart(report: SummaryReport): HistogramChart {
  const rt = report.responseTimesFromFirstQuery;
  const bounds = rt.histogram.upperBoundsSeconds;
  const list: Bar[] = rt.histogram.counts.map((value, i) => {
    const lo = i === 0 ? null : (bounds[i - 1] ?? null);
    const hi = bounds[i] ?? null;
    const label = hi === null ? `> ${formatSeconds(lo ?? 0)}` : `≤ ${formatSeconds(hi)}`;
    return { label, value, filter: responseTimeFilter(lo, hi) };
  });
  const marks: PercentileMark[] = [];
  for (const [label, seconds] of [
    ['p50', rt.median],
    ['p90', rt.p90],
    ['p99', rt.p99],
  ] as const) {
    if (seconds === null) continue;
    let bar = bounds.findIndex((b) => seconds <= b);
    if (bar < 0) bar = bounds.length;
    marks.push({ label, seconds, bar });
  }
  return {
    kind: 'histogram',
    title: 'Response times',
    unit: 'responses',
    bars: list,
    total: rt.count,
    marks,
  };
}

/**
 * Mean response time per bin (seconds from the first query, tshark's dns.time); a point's
 * filter selects the responses it averages. Empty for reports made before the series.
 */
export function responseTimeSeriesChart(report: SummaryReport): TimeChart {
  const ys = report.series.responseTime;
  return {
    kind: 'time',
    title: 'Response time over time',
    binSeconds: report.series.binSeconds,
    unit: 'mean seconds',
    lines: ys ? [line('mean response time', binStartsMs(report), ys, true, 'dns.time')] : [],
    bands: [],
  };
}

/** The dashboard's charts, by id, in page order. */
export interface Dashboard {
  mix: BarChart;
  rate: TimeChart;
  aVsAaaa: ScatterChart;
  ratio: TimeChart;
  clients: BarChart;
  names: BarChart;
  clientSeries: TimeChart;
  transactions: BarChart;
  responseTimes: HistogramChart;
  responseTimeSeries: TimeChart;
}

export type ChartId = keyof Dashboard;

export const CHART_IDS: readonly ChartId[] = [
  'mix',
  'rate',
  'aVsAaaa',
  'ratio',
  'clients',
  'names',
  'clientSeries',
  'transactions',
  'responseTimes',
  'responseTimeSeries',
];

export function dashboard(report: SummaryReport, mix: MixKind = 'qtype'): Dashboard {
  return {
    mix: mixChart(report, mix),
    rate: rateChart(report),
    aVsAaaa: aVsAaaaChart(report),
    ratio: ratioChart(report),
    clients: topClientsChart(report),
    names: topNamesChart(report),
    clientSeries: clientSeriesChart(report),
    transactions: transactionsChart(report),
    responseTimes: responseTimeChart(report),
    responseTimeSeries: responseTimeSeriesChart(report),
  };
}

/** The filter of point `index` of a time chart's line (its bin's window). */
export function pointFilter(
  chart: TimeChart,
  lineIndex: number,
  index: number,
): string | undefined {
  const l = chart.lines[lineIndex];
  const p = l?.points[index];
  if (!l?.filterBase || !p) return undefined;
  return binFilter(l.filterBase, p.x, chart.binSeconds);
}

/** The chart a finding is about (its link on the page). */
export function findingChart(kind: string): ChartId {
  switch (kind) {
    case 'aaaa-dominant-client':
      return 'clients';
    case 'aaaa-lockstep-a':
      return 'aVsAaaa';
    case 'silence':
      return 'rate';
    case 'zone-transfer':
      return 'mix';
    default:
      return 'transactions';
  }
}
