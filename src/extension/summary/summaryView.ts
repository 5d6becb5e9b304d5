/**
 * What the summary panel shows, made from a runSummary result: the files with their
 * problems, the report as sections (reportSections.ts, the same content as the text and
 * Markdown reports) and the report itself; plus the panel title, the progress text and the
 * names exports are saved under. Pure (no vscode), so it is unit-tested in Node.
 */
import { basename } from 'node:path';
import { ExitCodes } from '../../node/fileProblems';
import type { SummaryResult } from '../../node/summaryRun';
import { reportDocument } from '../../core/report/reportSections';
import type {
  SummaryExportFormat,
  SummaryFileInfo,
  SummaryView,
} from '../../core/protocol/summaryMessages';

/** Names shown in a title before "+N more". */
const TITLE_NAMES = 3;

/** "a.pcap, b.pcap, c.log +2 more": the files' base names, at most three. */
export function filesTitle(paths: readonly string[]): string {
  const names = paths.slice(0, TITLE_NAMES).map((p) => basename(p));
  const more = paths.length - names.length;
  return names.join(', ') + (more > 0 ? ` +${more} more` : '');
}

export function summaryView(paths: readonly string[], result: SummaryResult): SummaryView {
  const files: SummaryFileInfo[] = result.fileNotes.map((n) => ({
    name: basename(n.path),
    path: n.path,
    kind: n.kind,
    ...(n.format !== undefined ? { format: n.format } : {}),
    problems: n.problems,
    status:
      n.exitCode === ExitCodes.ok
        ? 'ok'
        : n.exitCode === ExitCodes.unreadable
          ? 'unreadable'
          : 'damaged',
  }));
  return {
    title: filesTitle(paths),
    files,
    document: reportDocument(result.report),
    report: result.report,
  };
}

const captureName = /\.(pcap|pcapng|cap)(\.gz)?$/i;
const logName = /\.(log|txt)(\.gz)?$/i;

/** "12,345 packets read" / "lines" / "packets/lines" after what the file names suggest. */
export function progressText(paths: readonly string[], units: number): string {
  const unit = paths.every((p) => captureName.test(p))
    ? 'packets'
    : paths.every((p) => logName.test(p))
      ? 'lines'
      : 'packets/lines';
  return `${units.toLocaleString('en-US')} ${unit} read`;
}

export const exportExtensions: Record<SummaryExportFormat, string> = {
  markdown: 'md',
  json: 'json',
  csv: 'csv',
};

export const exportLabels: Record<SummaryExportFormat, string> = {
  markdown: 'Markdown',
  json: 'JSON',
  csv: 'CSV',
};

/** The suggested export file name: the first file's name without its extensions. */
export function exportFileName(paths: readonly string[], format: SummaryExportFormat): string {
  const first = paths[0] ? basename(paths[0]).replace(/(\.[^.]+)*$/, '') : '';
  return `${first || 'dns'}-summary.${exportExtensions[format]}`;
}
