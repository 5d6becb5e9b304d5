/**
 * The summary report as plain text for a terminal: titled sections, bullet lists and
 * tables with aligned columns. Pure (SummaryReport -> string); what is shown is decided by
 * reportSections.ts, shared with the Markdown report.
 */
import type { SummaryReport } from './summaryReport';
import { reportDocument, type ReportBlock, type ReportTable } from './reportSections';

/** Display width: code points, so an IDN or a UTF-8 name does not skew the columns much. */
function width(s: string): number {
  return [...s].length;
}

function pad(s: string, w: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return align === 'right' ? fill + s : s + fill;
}

export function tableText(table: ReportTable, indent = '  '): string[] {
  const widths = table.columns.map((c, i) =>
    Math.max(width(c), ...table.rows.map((r) => width(r[i] ?? ''))),
  );
  const line = (cells: readonly string[]): string =>
    indent +
    cells
      .map((c, i) => pad(c, widths[i] ?? 0, table.align[i] ?? 'left'))
      .join('  ')
      .trimEnd();
  const out = [line(table.columns), indent + widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const row of table.rows) out.push(line(row));
  return out;
}

function blockText(block: ReportBlock): string[] {
  switch (block.kind) {
    case 'text':
      return [`  ${block.text}`];
    case 'list':
      return block.items.map((item) => `  - ${item}`);
    case 'table': {
      const caption = block.caption ? [`  ${block.caption}:`] : [];
      if (block.table.rows.length === 0) return [...caption, '    (none)'];
      return [...caption, ...tableText(block.table, block.caption ? '    ' : '  ')];
    }
  }
}

export function textReport(report: SummaryReport): string {
  const doc = reportDocument(report);
  const out: string[] = [doc.title, '='.repeat(doc.title.length), doc.subtitle];
  for (const section of doc.sections) {
    out.push('', section.title, '-'.repeat(section.title.length));
    section.blocks.forEach((block, i) => {
      if (i > 0 && block.kind === 'table') out.push('');
      out.push(...blockText(block));
    });
  }
  return out.join('\n') + '\n';
}
