/**
 * The summary report as Markdown (GitHub-flavoured tables): for pasting into an issue,
 * a wiki or a notebook. Pure (SummaryReport -> string); content comes from
 * reportSections.ts, shared with the text report.
 */
import type { SummaryReport } from './summaryReport';
import { reportDocument, type ReportBlock, type ReportTable } from './reportSections';

/** Escapes what would break a table cell or start Markdown markup. */
export function markdownCell(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/([*_`[\]<>])/g, '\\$1')
    .replace(/\n/g, ' ');
}

export function markdownTable(table: ReportTable): string[] {
  const row = (cells: readonly string[]): string => `| ${cells.map(markdownCell).join(' | ')} |`;
  const rule = `| ${table.columns.map((_, i) => (table.align[i] === 'right' ? '---:' : '---')).join(' | ')} |`;
  return [row(table.columns.map((c) => (c === '' ? ' ' : c))), rule, ...table.rows.map(row)];
}

function blockMarkdown(block: ReportBlock): string[] {
  switch (block.kind) {
    case 'text':
      return [markdownCell(block.text)];
    case 'list':
      return block.items.map((item) => `- ${markdownCell(item)}`);
    case 'table': {
      const caption = block.caption ? [`**${markdownCell(block.caption)}**`, ''] : [];
      if (block.table.rows.length === 0) return [...caption, '_None._'];
      return [...caption, ...markdownTable(block.table)];
    }
  }
}

export function markdownReport(report: SummaryReport): string {
  const doc = reportDocument(report);
  const out: string[] = [`# ${doc.title}`, '', markdownCell(doc.subtitle)];
  for (const section of doc.sections) {
    out.push('', `## ${section.title}`);
    for (const block of section.blocks) out.push('', ...blockMarkdown(block));
  }
  return out.join('\n') + '\n';
}
