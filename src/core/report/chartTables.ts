/**
 * Every dashboard chart as a table of text cells: the webview's "Table" view (for screen
 * readers and for reading exact numbers), the per-chart CSV export and the dashboard's
 * Markdown export all come from here, so they show the chart's own numbers. Counts are
 * printed exactly (no rounding, no thousands separators); times as ISO 8601 UTC.
 */
import type { ChartData, Dashboard } from './chartData';
import { CHART_IDS } from './chartData';

export interface ChartTable {
  columns: string[];
  rows: string[][];
}

function percent(value: number, total: number): string {
  return total > 0 ? `${((value / total) * 100).toFixed(1)}%` : '';
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function cell(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : String(n);
}

export function chartTable(chart: ChartData): ChartTable {
  switch (chart.kind) {
    case 'bars':
    case 'histogram':
      return {
        columns: [
          chart.kind === 'histogram' ? 'response time' : 'label',
          chart.unit || 'count',
          'percent',
        ],
        rows: chart.bars.map((b) => [b.label, String(b.value), percent(b.value, chart.total)]),
      };
    case 'time': {
      const xs = chart.lines[0]?.points.map((p) => p.x) ?? [];
      return {
        columns: ['bin start', ...chart.lines.map((l) => l.label)],
        rows: xs.map((x, i) => [iso(x), ...chart.lines.map((l) => cell(l.points[i]?.y))]),
      };
    }
    case 'scatter':
      return {
        columns: ['bin start', chart.xLabel, chart.yLabel],
        rows: chart.points.map((p) => [iso(p.binStartMs), String(p.x), String(p.y)]),
      };
  }
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV (CRLF line ends) of a chart's table. */
export function chartCsv(chart: ChartData): string {
  const t = chartTable(chart);
  return [t.columns, ...t.rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function mdCell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ');
}

function markdownTable(t: ChartTable): string {
  const head = `| ${t.columns.map(mdCell).join(' | ')} |`;
  const rule = `|${t.columns.map(() => ' --- ').join('|')}|`;
  const rows = t.rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`);
  return [head, rule, ...rows].join('\n');
}

/** Extra lines under a chart's title: the fit, the percentiles, the gaps. */
function chartNotes(chart: ChartData): string[] {
  switch (chart.kind) {
    case 'scatter':
      return chart.fit
        ? [
            `Fit: AAAA = ${chart.fit.slope} × A + ${chart.fit.intercept}, R² = ${cell(chart.fit.r2)}`,
          ]
        : ['No fit (fewer than 2 bins, or A never varies).'];
    case 'histogram':
      return chart.marks.map((m) => `${m.label}: ${m.seconds} s`);
    case 'time':
      return chart.bands.map(
        (b) => `Gap: ${b.label} from ${iso(b.startMs)} to ${iso(b.endMs)} (${b.seconds} s)`,
      );
    case 'bars':
      return [];
  }
}

/**
 * The dashboard as Markdown: title, findings, then each chart's image (a file beside the
 * .md, from `images`, when given) and its table.
 */
export function dashboardMarkdown(
  title: string,
  findings: readonly string[],
  charts: Dashboard,
  images: Partial<Record<keyof Dashboard, string>> = {},
): string {
  const out: string[] = [`# ${title}`, ''];
  if (findings.length > 0) {
    out.push('## Findings', '', ...findings.map((f) => `- ${f}`), '');
  }
  for (const id of CHART_IDS) {
    const chart = charts[id];
    out.push(`## ${chart.title}`, '');
    const image = images[id];
    if (image) out.push(`![${chart.title}](${encodeURI(image)})`, '');
    const notes = chartNotes(chart);
    if (notes.length > 0) out.push(...notes.map((n) => `- ${n}`), '');
    out.push(markdownTable(chartTable(chart)), '');
  }
  return out.join('\n');
}
