/**
 * The summary report in each output format by name: text, Markdown, JSON (the report
 * itself, indented) and CSV (the time series). One table so the CLI's `--format` and the
 * extension's Export Summary write the same bytes for the same report.
 */
import type { SummaryReport } from './summaryReport';
import { textReport } from './textReport';
import { markdownReport } from './markdownReport';
import { csvReport } from './csvReport';

export const reportFormats = ['text', 'markdown', 'json', 'csv'] as const;
export type ReportFormat = (typeof reportFormats)[number];

const formatters: Record<ReportFormat, (r: SummaryReport) => string> = {
  text: textReport,
  markdown: markdownReport,
  json: (r) => JSON.stringify(r, null, 2) + '\n',
  csv: csvReport,
};

export function formatReport(report: SummaryReport, format: ReportFormat): string {
  return formatters[format](report);
}
