/**
 * summarize's inputs, captures and query logs alike: each file is sniffed (fileKind.ts)
 * and read by CaptureEventSource or QueryLogFileSource, and its events come out tagged
 * with a merge time and whether they still need the transaction matcher. Capture messages
 * do; log events do not (unbound and dnsmasq logs carry their own transactions, and a
 * BIND log has no responses to match), so they go straight to the statistics engine.
 * A log's transaction event is merged at the time of its stream's latest message.
 */
import type { DnsEvent } from '../core/stats/dnsEvent';
import { sniffFileKind } from '../node/fileKind';
import { QueryLogFileSource } from '../node/queryLogFile';
import { CaptureEventSource } from './captureEventSource';
import type { ErrorSink } from './fileProblems';
import { reportFileProblems } from './fileProblems';
import { reportLogFile } from './logFileReport';

export interface TaggedEvent {
  timeNs: bigint;
  event: DnsEvent;
  /** True for capture messages: they go through the transaction matcher. */
  viaMatcher: boolean;
}

export interface SummarySource {
  readonly path: string;
  /** Frames (captures) or lines (logs) read so far. */
  readonly units: number;
  events(): AsyncIterable<TaggedEvent>;
  /** Writes the file's outcome on stderr and returns its exit code (after events()). */
  report(stderr: ErrorSink): number;
}

export interface SummarySourceOptions {
  extraDnsPorts: readonly number[];
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

function captureSource(path: string, options: SummarySourceOptions): SummarySource {
  // dnsInfo false: the statistics need no Info column, and skipping record data is faster.
  const s = new CaptureEventSource(path, { extraDnsPorts: options.extraDnsPorts, dnsInfo: false });
  return {
    path,
    get units() {
      return s.frames;
    },
    events: () => timed(s.events(), true),
    report: (stderr) => reportFileProblems(path, s.run, stderr),
  };
}

function logSource(path: string): SummarySource {
  const s = new QueryLogFileSource(path);
  return {
    path,
    get units() {
      return s.lines;
    },
    events: () => timed(s.events(), false),
    report: (stderr) => reportLogFile(path, s.summary, s.problem, stderr),
  };
}

/** One source per file, a capture or a query log by the file's first bytes. */
export async function openSummarySource(
  path: string,
  options: SummarySourceOptions,
): Promise<SummarySource> {
  return (await sniffFileKind(path)) === 'log' ? logSource(path) : captureSource(path, options);
}
