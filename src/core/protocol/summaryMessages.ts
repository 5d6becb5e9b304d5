/**
 * The message protocol of the summary view: webview <-> extension host. Pure types and
 * plain data (JSON only: strings, numbers, arrays, plain objects), with one guard for what
 * the host receives, since onDidReceiveMessage hands it `unknown`.
 *
 * Handshake: the webview sends `ready` (with the protocol version); the host answers with
 * `show` (the report to render) and sends nothing before. Each new summary shown in the
 * same panel is another `show`. The toolbar's export buttons send `export`; the host
 * answers `exported` (or `exportFailed`) once the file is written or the user gave up.
 */
import type { ReportDocument } from '../report/reportSections';
import type { SummaryReport } from '../report/summaryReport';

export const SUMMARY_PROTOCOL_VERSION = 1;

/** The formats Export Summary writes. */
export type SummaryExportFormat = 'markdown' | 'json' | 'csv';

export const SUMMARY_EXPORT_FORMATS: readonly SummaryExportFormat[] = ['markdown', 'json', 'csv'];

/** What one input file came to, for the view's file list. */
export interface SummaryFileInfo {
  /** The file's base name, as shown. */
  name: string;
  /** Full path (a tooltip). */
  path: string;
  kind: 'capture' | 'log';
  /** pcap or pcapng; for logs, the dialects with their line counts. */
  format?: string;
  /** Warnings and problems, one line each (damage, unparsed log lines). */
  problems: string[];
  status: 'ok' | 'damaged' | 'unreadable';
}

/** Everything the view renders. */
export interface SummaryView {
  /** The panel's heading: the files' names. */
  title: string;
  files: SummaryFileInfo[];
  /** The report as titled sections (findings first), as the text and Markdown reports show it. */
  document: ReportDocument;
  /** The full report (for charts; plain JSON, as `summarize --format json` prints it). */
  report: SummaryReport;
}

export type SummaryToWebview =
  | { kind: 'show'; version: number; view: SummaryView }
  | { kind: 'exported'; format: SummaryExportFormat; target: string }
  | { kind: 'exportFailed'; format: SummaryExportFormat; message: string };

export type SummaryToHost =
  { kind: 'ready'; version: number } | { kind: 'export'; format: SummaryExportFormat };

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}

export function isSummaryExportFormat(x: unknown): x is SummaryExportFormat {
  return SUMMARY_EXPORT_FORMATS.includes(x as SummaryExportFormat);
}

/** True if `x` is a well-formed message from the summary webview. */
export function isSummaryToHost(x: unknown): x is SummaryToHost {
  if (!isRecord(x)) return false;
  switch (x.kind) {
    case 'ready':
      return typeof x.version === 'number';
    case 'export':
      return isSummaryExportFormat(x.format);
    default:
      return false;
  }
}
