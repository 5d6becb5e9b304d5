/**
 * The summary's inputs, captures and query logs alike: each file is sniffed (fileKind.ts)
 * and read by CaptureEventSource or QueryLogFileSource, and its events come out tagged
 * with a merge time and whether they still need the transaction matcher. Capture messages
 * do; log events do not (unbound and dnsmasq logs carry their own transactions, and a
 * BIND log has no responses to match), so they go straight to the statistics engine.
 * A log's transaction event is merged at the time of its stream's latest message.
 */
import type { DnsEvent, DnsMessageEvent } from '../core/stats/dnsEvent';
import { sniffFileKind, type FileKind } from './fileKind';
import { QueryLogFileSource } from './queryLogFile';
import type { LogClockOptions } from '../core/querylog/logClock';
import { CaptureEventSource, type SourceReadOptions } from './captureEventSource';
import { captureOutcome, type FileOutcome } from './fileProblems';
import { logFileOutcome } from './logFileReport';

export interface TaggedEvent {
  timeNs: bigint;
  event: DnsEvent;
  /** True for capture messages: they go through the transaction matcher. */
  viaMatcher: boolean;
}

/** What one file of a summary came to: its kind, format, problems (plain lines) and exit code. */
export interface FileNote {
  path: string;
  kind: FileKind;
  /** Captures: pcap or pcapng; logs: the dialects with their line counts. */
  format?: string;
  /** Warnings and problems, one line each, worded as the CLI prints them (without the file). */
  problems: string[];
  /** 0 fine, 2 unreadable, 3 damaged (fileProblems.ts's ExitCodes). */
  exitCode: number;
}

export interface SummarySource {
  readonly path: string;
  readonly kind: FileKind;
  /** Frames (captures) or lines (logs) read so far. */
  readonly units: number;
  events(): AsyncIterable<TaggedEvent>;
  /**
   * Captures only: every message event handed to `onEvent` during the scan (a reused
   * object, valid only during the call; all go through the matcher), without the
   * per-event queue and async iteration of events(): the single-capture summary's path.
   */
  each?(onEvent: (event: DnsMessageEvent) => void): Promise<void>;
  /** The file's outcome (complete once events() has finished). */
  note(): FileNote;
}

export interface SummarySourceOptions extends SourceReadOptions {
  extraDnsPorts: readonly number[];
  /** Query logs: the year of syslog times and the zone of local times (--year, --tz). */
  clock?: LogClockOptions;
  /** Captures: scan common UDP frames on the fast path (default true; false: dissect all). */
  fastScan?: boolean;
}

async function* timed(
  events: AsyncIterable<DnsEvent>,
  viaMatcher: boolean,
): AsyncGenerator<TaggedEvent> {
  let last = 0n;
  for await (const event of events) {
    if (event.kind === 'message') last = event.timeNs;
    yield { timeNs: last, event, viaMatcher };
  }
}

/** A source from its reader's parts; capture messages (only) go through the matcher. */
function source(
  path: string,
  kind: FileKind,
  units: () => number,
  events: () => AsyncIterable<DnsEvent>,
  outcome: () => FileOutcome & { format?: string | undefined },
): SummarySource {
  return {
    path,
    kind,
    get units() {
      return units();
    },
    events: () => timed(events(), kind === 'capture'),
    note: () => {
      const { format, ...rest } = outcome();
      return { path, kind, ...(format ? { format } : {}), ...rest };
    },
  };
}

function captureSource(path: string, options: SummarySourceOptions): SummarySource {
  // The scan runs with dnsInfo false: no Info column, record data skipped.
  const { extraDnsPorts, clock: _clock, fastScan, ...read } = options;
  const s = new CaptureEventSource(path, { extraDnsPorts, fast: fastScan !== false }, read);
  const capture = source(
    path,
    'capture',
    () => s.frames,
    () => s.events(),
    () => ({ format: s.run.info?.format, ...captureOutcome(s.run) }),
  );
  // Assigned, not spread: a spread would copy the `units` getter's value of the moment.
  capture.each = (onEvent) => s.each(onEvent);
  return capture;
}

function logSource(path: string, options: SummarySourceOptions): SummarySource {
  const { extraDnsPorts: _ports, clock, ...read } = options;
  const s = new QueryLogFileSource(path, clock ?? {}, read);
  return source(
    path,
    'log',
    () => s.lines,
    () => s.events(),
    () => logFileOutcome(s.summary, s.problem),
  );
}

/** One source per file, a capture or a query log by the file's first bytes. */
export async function openSummarySource(
  path: string,
  options: SummarySourceOptions,
): Promise<SummarySource> {
  return (await sniffFileKind(path)) === 'log'
    ? logSource(path, options)
    : captureSource(path, options);
}
