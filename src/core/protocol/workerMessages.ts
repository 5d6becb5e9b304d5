/**
 * Extension host <-> index worker messages. The worker answers the same requests as the
 * webview makes (CaptureRequest -> CaptureResponse, captureMessages.ts), so the host only
 * relays them; on top, the host opens a file and the worker reports progress.
 */
import type {
  CaptureRequest,
  CaptureResponse,
  IndexProgress,
  TimeDisplay,
  ViewInfo,
} from './captureMessages';

export interface OpenOptions {
  extraDnsPorts: number[];
  timeDisplay: TimeDisplay;
  /** Absolute times in UTC (else local time). */
  utc: boolean;
}

export type ToWorker =
  | { kind: 'open'; path: string; options: OpenOptions }
  | CaptureRequest
  /** Which frame Follow Transaction should go to from `number`. */
  | { kind: 'partner'; id: number; number: number }
  /** The time display settings changed. */
  | { kind: 'configure'; timeDisplay: TimeDisplay; utc: boolean }
  /** Stop indexing (the user cancelled): keep what was indexed. */
  | { kind: 'stop' };

export type FromWorker =
  | CaptureResponse
  /** `tempDir`: where a gzip capture was expanded; the host removes it when the worker ends. */
  | { kind: 'opened'; format: 'pcap' | 'pcapng' | 'querylog'; gzip: boolean; tempDir?: string }
  | { kind: 'progress'; progress: IndexProgress; view: ViewInfo }
  | { kind: 'viewChanged'; view: ViewInfo };
