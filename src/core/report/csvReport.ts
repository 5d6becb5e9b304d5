/**
 * The time series as CSV (RFC 4180: comma-separated, CRLF-free "\n" lines, fields quoted
 * when they hold a comma, quote or newline), one row per bin, for spreadsheets and
 * plotting. Columns, in this order:
 *   bin_start        ISO 8601 UTC start of the bin
 *   bin_seconds      the bin's length in seconds (the same on every row)
 *   messages         DNS messages (queries and responses) in the bin
 *   qtype_<TYPE>     queries of that type ("qtype_AAAA"), types by total, largest first
 *   rcode_<RCODE>    responses with that rcode ("rcode_NXDOMAIN"), by total
 *   aaaa_per_a       AAAA queries / A queries in the bin (empty where A is 0)
 *   client_<ADDR>    queries sent by that top client ("client_192.0.2.1"), top first
 * Pure (SummaryReport -> string).
 */
import type { SummaryReport } from './summaryReport';

export function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function byTotal(series: Readonly<Record<string, readonly number[]>>): string[] {
  const total = (k: string): number => (series[k] ?? []).reduce((a, b) => a + b, 0);
  return Object.keys(series).sort((a, b) => total(b) - total(a) || (a < b ? -1 : a > b ? 1 : 0));
}

/** Shortest round-trip text of a ratio, empty for null. */
function ratioText(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x)
    ? ''
    : String(Number(x.toPrecision(6)));
}

export function csvReport(report: SummaryReport): string {
  const s = report.series;
  const qtypes = byTotal(s.qtypes);
  const rcodes = byTotal(s.rcodes);
  const clients = report.topClients.all
    .map((c) => c.address)
    .filter((a) => s.clients[a] !== undefined);
  for (const a of Object.keys(s.clients)) if (!clients.includes(a)) clients.push(a);
  const header = [
    'bin_start',
    'bin_seconds',
    'messages',
    ...qtypes.map((t) => `qtype_${t}`),
    ...rcodes.map((r) => `rcode_${r}`),
    'aaaa_per_a',
    ...clients.map((c) => `client_${c}`),
  ];
  const lines = [header.map(csvField).join(',')];
  s.binStarts.forEach((start, i) => {
    const at = (series: readonly number[] | undefined): string => String(series?.[i] ?? 0);
    const row = [
      start,
      String(s.binSeconds),
      at(s.messages),
      ...qtypes.map((t) => at(s.qtypes[t])),
      ...rcodes.map((r) => at(s.rcodes[r])),
      ratioText(s.aVsAaaa.ratio[i]),
      ...clients.map((c) => at(s.clients[c])),
    ];
    lines.push(row.map(csvField).join(','));
  });
  return lines.join('\n') + '\n';
}
