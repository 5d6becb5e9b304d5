/**
 * What the human-readable reports show, independent of how they are drawn: the
 * SummaryReport turned into titled sections of sentences, lists and tables, in the order a
 * reader wants them (findings first, then totals, the type and rcode mix, top clients
 * overall and per type, A vs AAAA, gaps, response times, unanswered queries). textReport.ts
 * and markdownReport.ts render these sections; neither decides content, so the two
 * formats always show the same figures.
 */
import type {
  AddressCount,
  CountTable,
  Regression,
  ResponseTimeSummary,
  SummaryReport,
} from './summaryReport';
import {
  binText,
  countText,
  durationText,
  fitText,
  msText,
  percentText,
  percentValueText,
  r2Text,
  sortedCounts,
  timeText,
} from './reportNumbers';

export interface ReportTable {
  columns: string[];
  /** Per column; numbers read best right-aligned. */
  align: Array<'left' | 'right'>;
  rows: string[][];
}

export type ReportBlock =
  | { kind: 'text'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; caption?: string; table: ReportTable };

export interface ReportSection {
  title: string;
  blocks: ReportBlock[];
}

export interface ReportDocument {
  title: string;
  /** One-line overview under the title. */
  subtitle: string;
  sections: ReportSection[];
}

/** Types listed first in per-type views (the paper's A vs AAAA), then by volume. */
const leadTypes = ['AAAA', 'A'];
/** Clients named per type in the compact table of the other types (JSON has them all). */
const OTHER_TYPE_CLIENTS = 3;

function countTable(label: string, table: CountTable, total: number): ReportTable {
  return {
    columns: [label, 'Count', 'Share'],
    align: ['left', 'right', 'right'],
    rows: sortedCounts(table).map(([k, n]) => [k, countText(n), percentText(n, total)]),
  };
}

function clientTable(
  list: readonly AddressCount[],
  total: number,
  totalLabel: string,
): ReportTable {
  return {
    columns: ['#', 'Client', 'Queries', `Share of ${totalLabel}`],
    align: ['right', 'left', 'right', 'right'],
    rows: list.map((c, i) => [
      String(i + 1),
      c.address,
      countText(c.count),
      percentText(c.count, total),
    ]),
  };
}

function sum(table: CountTable): number {
  let s = 0;
  for (const v of Object.values(table)) s += v;
  return s;
}

function typeOrder(types: readonly string[], totals: CountTable): string[] {
  const lead = leadTypes.filter((t) => types.includes(t));
  const rest = types
    .filter((t) => !leadTypes.includes(t))
    .sort((a, b) => (totals[b] ?? 0) - (totals[a] ?? 0) || (a < b ? -1 : 1));
  return [...lead, ...rest];
}

function findingsSection(r: SummaryReport): ReportSection {
  // Name the subject when the text does not; "*" (all traffic) needs no naming.
  const items = r.findings.map((f) =>
    f.subject && f.subject !== '*' && !f.text.includes(f.subject)
      ? `${f.text} (${f.subject})`
      : f.text,
  );
  return {
    title: 'Findings',
    blocks: [
      items.length > 0 ? { kind: 'list', items } : { kind: 'text', text: 'Nothing stands out.' },
    ],
  };
}

function totalsSection(r: SummaryReport): ReportSection {
  const t = r.totals;
  const rows: [string, string][] = [
    ['DNS messages', countText(t.messages)],
    ['Queries', countText(t.queries)],
    ['Responses', countText(t.responses)],
    ['Transactions', countText(t.transactions)],
    ['Answered', countText(t.answered)],
    ['Unanswered', `${countText(t.unanswered)} (${percentValueText(t.unansweredPercent)})`],
    ['Query retransmissions', countText(t.retransmissions)],
    ['Unsolicited responses', countText(t.unsolicited)],
    ['Duplicate IDs', countText(t.duplicateIds)],
    ['Zone transfers', countText(t.transfers)],
    ['Truncated, not retried over TCP', countText(t.truncatedNotRetried)],
    ['Malformed messages', countText(t.malformed)],
    ['Over UDP / TCP', `${countText(r.transport.udp)} / ${countText(r.transport.tcp)}`],
    ['Over IPv4 / IPv6', `${countText(r.ipVersion.ipv4)} / ${countText(r.ipVersion.ipv6)}`],
  ];
  return {
    title: 'Totals',
    blocks: [{ kind: 'table', table: { columns: ['', 'Count'], align: ['left', 'right'], rows } }],
  };
}

function mixSection(r: SummaryReport): ReportSection {
  const blocks: ReportBlock[] = [];
  blocks.push({
    kind: 'table',
    caption: 'Query types (queries)',
    table: countTable('Type', r.qtypes, sum(r.qtypes)),
  });
  blocks.push({
    kind: 'table',
    caption: 'Response codes (responses)',
    table: countTable('Rcode', r.rcodes, sum(r.rcodes)),
  });
  blocks.push({
    kind: 'table',
    caption: 'Opcodes (all messages)',
    table: countTable('Opcode', r.opcodes, sum(r.opcodes)),
  });
  return { title: 'Traffic mix', blocks };
}

function topClientsSection(r: SummaryReport): ReportSection {
  const tc = r.topClients;
  const blocks: ReportBlock[] = [];
  if (tc.approximate) {
    blocks.push({
      kind: 'text',
      text: `${countText(tc.distinct)}+ distinct clients: counts are upper bounds, at most ${countText(tc.maxError)} too high.`,
    });
  } else {
    blocks.push({ kind: 'text', text: `${countText(tc.distinct)} distinct clients.` });
  }
  if (tc.all.length === 0) return { title: 'Top clients', blocks };
  blocks.push({
    kind: 'table',
    caption: 'All queries',
    table: clientTable(tc.all, r.totals.queries, 'queries'),
  });
  const otherRows: string[][] = [];
  for (const type of typeOrder(Object.keys(tc.byType), r.qtypes)) {
    const list = tc.byType[type] ?? [];
    if (list.length === 0) continue;
    const total = r.qtypes[type] ?? 0;
    if (leadTypes.includes(type)) {
      blocks.push({
        kind: 'table',
        caption: `Top ${type} clients (${countText(total)} ${type} queries)`,
        table: clientTable(list, total, type),
      });
    } else {
      const shown = list
        .slice(0, OTHER_TYPE_CLIENTS)
        .map((c) => `${c.address} (${countText(c.count)})`);
      const more = list.length - shown.length;
      otherRows.push([
        type,
        countText(total),
        shown.join(', ') + (more > 0 ? `, +${more} more` : ''),
      ]);
    }
  }
  if (otherRows.length > 0) {
    blocks.push({
      kind: 'table',
      caption: 'Top clients of the other query types',
      table: {
        columns: ['Type', 'Queries', 'Top clients (queries)'],
        align: ['left', 'right', 'left'],
        rows: otherRows,
      },
    });
  }
  const mixRows = tc.all
    .filter((c) => tc.qtypeMix[c.address] !== undefined)
    .map((c) => {
      const mix = tc.qtypeMix[c.address] ?? {};
      const total = sum(mix);
      const parts = sortedCounts(mix)
        .slice(0, 5)
        .map(([k, n]) => `${k} ${percentText(n, total)}`);
      const more = Object.keys(mix).length - parts.length;
      return [c.address, countText(total), parts.join(', ') + (more > 0 ? `, +${more} more` : '')];
    });
  if (mixRows.length > 0) {
    blocks.push({
      kind: 'table',
      caption: 'Query type mix of the top clients',
      table: {
        columns: ['Client', 'Queries', 'Types'],
        align: ['left', 'right', 'left'],
        rows: mixRows,
      },
    });
  }
  return { title: 'Top clients', blocks };
}

function regressionRow(who: string, g: Regression): string[] {
  return [
    who,
    countText(g.bins),
    countText(g.aTotal),
    countText(g.aaaaTotal),
    fitText(g.slope),
    fitText(g.intercept),
    r2Text(g.r2),
  ];
}

function regressionSection(r: SummaryReport): ReportSection {
  const g = r.regression;
  const rows = [regressionRow('all traffic', g)];
  for (const [address, cg] of Object.entries(r.regressionByClient))
    rows.push(regressionRow(address, cg));
  const text =
    g.slope === null
      ? `Too little A traffic to fit AAAA on A (${countText(g.bins)} bins of ${binText(g.binSeconds)}).`
      : `Least-squares fit of AAAA queries per ${binText(g.binSeconds)} bin on A queries per bin: ` +
        `AAAA = ${fitText(g.slope)} x A ${(g.intercept ?? 0) < 0 ? '-' : '+'} ` +
        `${fitText(g.intercept === null ? null : Math.abs(g.intercept))}, R^2 = ${r2Text(g.r2)} ` +
        `over ${countText(g.bins)} bins (${timeText(g.start)} to ${timeText(g.end)}).`;
  return {
    title: 'A vs AAAA',
    blocks: [
      { kind: 'text', text },
      {
        kind: 'table',
        table: {
          columns: ['Source', 'Bins', 'A', 'AAAA', 'Slope', 'Intercept', 'R^2'],
          align: ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
          rows,
        },
      },
    ],
  };
}

function gapsSection(r: SummaryReport): ReportSection {
  const intro = `Silences longer than ${durationText(r.gapThresholdSeconds)}, for all traffic (*) and for each top source.`;
  if (r.gaps.length === 0) {
    return { title: 'Gaps', blocks: [{ kind: 'text', text: `${intro} None.` }] };
  }
  return {
    title: 'Gaps',
    blocks: [
      { kind: 'text', text: intro },
      {
        kind: 'table',
        table: {
          columns: ['Source', 'Silent from', 'Until', 'Length'],
          align: ['left', 'left', 'left', 'right'],
          rows: r.gaps.map((g) => [
            g.source,
            timeText(g.start),
            timeText(g.end),
            durationText(g.seconds),
          ]),
        },
      },
    ],
  };
}

function timingRow(label: string, t: ResponseTimeSummary): string[] {
  return [
    label,
    countText(t.count),
    msText(t.min),
    msText(t.median),
    msText(t.p90),
    msText(t.p99),
    msText(t.max),
    msText(t.mean),
  ];
}

function responseTimeSection(r: SummaryReport): ReportSection {
  const t = r.responseTimes;
  const blocks: ReportBlock[] = [
    {
      kind: 'table',
      table: {
        columns: ['Measured from', 'Count', 'Min', 'Median', 'p90', 'p99', 'Max', 'Mean'],
        align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
        rows: [
          timingRow('last query sent', t),
          timingRow('first query sent', r.responseTimesFromFirstQuery),
        ],
      },
    },
  ];
  if (t.count > 0) {
    blocks.push({
      kind: 'text',
      text: `Median and percentiles are estimates within ${(t.relativePrecision * 100).toFixed(1)}%; min, max and mean are exact.`,
    });
    const h = t.histogram;
    const rows = h.counts
      .map((n, i) => {
        const lo = i === 0 ? 0 : (h.upperBoundsSeconds[i - 1] ?? 0);
        const hi = h.upperBoundsSeconds[i];
        const range = hi === undefined ? `> ${msText(lo)}` : `${msText(lo)} - ${msText(hi)}`;
        return [range, countText(n), percentText(n, t.count)];
      })
      .filter((row) => row[1] !== '0');
    blocks.push({
      kind: 'table',
      caption: 'Response time histogram',
      table: { columns: ['Range', 'Responses', 'Share'], align: ['left', 'right', 'right'], rows },
    });
  }
  return { title: 'Response times', blocks };
}

function unansweredSection(r: SummaryReport): ReportSection {
  const t = r.totals;
  const text =
    t.transactions === 0
      ? 'No queries.'
      : `${countText(t.unanswered)} of ${countText(t.transactions)} queries (retransmissions folded in) got no response: ` +
        `${percentValueText(t.unansweredPercent)}.`;
  return { title: 'Unanswered queries', blocks: [{ kind: 'text', text }] };
}

function topServersAndNamesSection(r: SummaryReport): ReportSection {
  const blocks: ReportBlock[] = [];
  if (r.topServers.all.length > 0) {
    blocks.push({
      kind: 'table',
      caption: 'Top servers (responses sent)',
      table: {
        columns: ['#', 'Server', 'Responses', 'Share'],
        align: ['right', 'left', 'right', 'right'],
        rows: r.topServers.all.map((s, i) => [
          String(i + 1),
          s.address,
          countText(s.count),
          percentText(s.count, r.totals.responses),
        ]),
      },
    });
  }
  if (r.topNames.all.length > 0) {
    blocks.push({
      kind: 'table',
      caption: 'Top query names',
      table: {
        columns: ['#', 'Name', 'Queries', 'Share'],
        align: ['right', 'left', 'right', 'right'],
        rows: r.topNames.all.map((n, i) => [
          String(i + 1),
          n.name,
          countText(n.count),
          percentText(n.count, r.totals.queries),
        ]),
      },
    });
  }
  if (blocks.length === 0) blocks.push({ kind: 'text', text: 'None.' });
  return { title: 'Top servers and names', blocks };
}

/** The report as sections, findings first. */
export function reportDocument(r: SummaryReport): ReportDocument {
  const untimed = r.totals.untimedMessages;
  const span =
    untimed > 0 && untimed === r.totals.messages
      ? `${countText(r.totals.messages)} DNS messages, times unknown (the log lines carry no ` +
        'timestamps): time series, gaps and the A vs AAAA fit say nothing'
      : r.start === null
        ? 'no DNS messages'
        : `${timeText(r.start)} to ${timeText(r.end)} (${durationText(r.spanSeconds)}), ` +
          `${countText(r.totals.messages)} DNS messages, time series in bins of ${binText(r.series.binSeconds)}` +
          (untimed > 0
            ? `; ${countText(untimed)} messages without a time are counted but not placed in time`
            : '');
  return {
    title: 'DNS traffic summary',
    subtitle: span,
    sections: [
      findingsSection(r),
      totalsSection(r),
      mixSection(r),
      topClientsSection(r),
      regressionSection(r),
      gapsSection(r),
      responseTimeSection(r),
      unansweredSection(r),
      topServersAndNamesSection(r),
    ],
  };
}
