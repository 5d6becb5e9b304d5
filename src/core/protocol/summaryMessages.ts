/**
 * The message protocol of the summary view: webview <-> extension host. Pure types and
 * plain data (JSON only: strings, numbers, arrays, plain objects), with one guard for what
 * the host receives, since onDidReceiveMessage hands it `unknown`.
 *
 * Handshake: the webview sends `ready` (with the protocol version); the host answers with
 * `show` (the report to render) and sends nothing before. Each new summary shown in the
 * same panel is another `show`. The toolbar's export buttons send `export`; the host
 * answers `exported` (or `exportFailed`) once the file is written or the user gave up.
 *
 * The dashboard adds: `applyFilter` (a chart element was clicked: the host opens the
 * summarized file's editor and applies the filter there), `saveChart` (a PNG as a data URL),
 * `saveCsv`, `saveDashboard` (Markdown plus PNGs, written to a folder), answered by `saved`
 * or `saveFailed`; and `setBin` (the host runs the summary again with that time bin and
 * sends `show`). While a big file is still read, `show` comes with `partial: true` every
 * few seconds; the page updates its charts in place.
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

/** The time bins the dashboard offers (the setting dnspector.binSize's values). */
export type SummaryBin = 'auto' | '1s' | '1m' | '1h' | '1d';
export const SUMMARY_BINS: readonly SummaryBin[] = ['auto', '1s', '1m', '1h', '1d'];

/** A PNG of one chart, as canvas.toDataURL gives it. */
export interface ChartImage {
  /** File name to write it under: letters, digits, '-', '_' and '.png'. */
  file: string;
  dataUrl: string;
}

export type SummaryToWebview =
  | { kind: 'show'; version: number; view: SummaryView; partial?: boolean }
  | { kind: 'saved'; target: string }
  | { kind: 'saveFailed'; message: string }
  | { kind: 'exported'; format: SummaryExportFormat; target: string }
  | { kind: 'exportFailed'; format: SummaryExportFormat; message: string };

export type SummaryToHost =
  | { kind: 'ready'; version: number }
  | { kind: 'export'; format: SummaryExportFormat }
  | { kind: 'applyFilter'; filter: string }
  | { kind: 'saveChart'; image: ChartImage }
  | { kind: 'saveCsv'; file: string; csv: string }
  | { kind: 'saveDashboard'; markdown: string; images: ChartImage[] }
  | { kind: 'setBin'; bin: SummaryBin };

/** Longest filter text accepted from the page. */
const MAX_FILTER = 10_000;
const PNG_DATA_URL = /^data:image\/png;base64,[A-Za-z0-9+/]+=*$/;
const SAFE_FILE = /^[A-Za-z0-9_-]{1,64}\.(png|csv)$/;

function isChartImage(x: unknown): x is ChartImage {
  return (
    isRecord(x) &&
    typeof x.file === 'string' &&
    SAFE_FILE.test(x.file) &&
    x.file.endsWith('.png') &&
    typeof x.dataUrl === 'string' &&
    PNG_DATA_URL.test(x.dataUrl)
  );
}

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
    case 'applyFilter':
      return (
        typeof x.filter === 'string' && x.filter.trim() !== '' && x.filter.length <= MAX_FILTER
      );
    case 'saveChart':
      return isChartImage(x.image);
    case 'saveCsv':
      return (
        typeof x.file === 'string' &&
        SAFE_FILE.test(x.file) &&
        x.file.endsWith('.csv') &&
        typeof x.csv === 'string'
      );
    case 'saveDashboard':
      return (
        typeof x.markdown === 'string' && Array.isArray(x.images) && x.images.every(isChartImage)
      );
    case 'setBin':
      return SUMMARY_BINS.includes(x.bin as SummaryBin);
    default:
      return false;
  }
}
