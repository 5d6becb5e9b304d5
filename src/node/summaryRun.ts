/**
 * The summary pipeline shared by `dnspector summarize` and the extension's "Summarize DNS
 * Traffic": every file, capture or DNS server query log (summarySources.ts), is read as a
 * pull stream of DNS events (captures in scan mode, no field trees); the streams are merged
 * by time into one (several files are one capture split up); capture messages run through
 * the transaction matcher and every event through the statistics engine (logs bring their
 * own transactions). Memory is one chunk of events per file plus what the matcher and
 * engine hold (bounded by open transactions and distinct keys), never the whole capture.
 *
 * The caller gets the report and one note per file (format, problems as plain lines, exit
 * code) and decides how to show them: the CLI prints them on stderr, the extension logs
 * them and shows them in the report view. Progress is reported after each chunk read and
 * every 1024 messages; cancellation (isCancelled, polled at the same points, or an
 * AbortSignal) stops the reading and rejects with SummaryCancelledError.
 */
import type { LogClockOptions } from '../core/querylog/logClock';
import { StatsEngine } from '../core/stats/statsEngine';
import { TransactionMatcher } from '../core/transactions/transactionMatcher';
import type { SummaryReport } from '../core/report/summaryReport';
import { openSummarySource, type FileNote, type TaggedEvent } from './summarySources';
import { mergeByTime } from './mergeByTime';

export type { FileNote } from './summarySources';

export interface SummaryOptions {
  /** UDP/TCP ports decoded as DNS besides 53, 5353 and 5355. */
  extraDnsPorts: readonly number[];
  /** Query logs: the year of syslog times and the zone of local times. */
  clock?: LogClockOptions;
  /** Time-series bin in seconds; null chooses one from the traffic's span. */
  binSeconds: number | null;
  /** Length of the top-N lists (StatsEngine's default 10 when undefined). */
  topN?: number;
  /** Captures: scan common UDP frames on the fast path (default true; false: dissect every frame). */
  fastScan?: boolean;
}

export interface SummaryHooks {
  /** Frames (captures) plus lines (logs) read so far, and DNS messages seen so far. */
  onProgress?(units: number, messages: number): void;
  /** Polled after each chunk and every 1024 messages; true stops the run. */
  isCancelled?(): boolean;
  /** Aborting stops the run too (and interrupts a file read at once). */
  signal?: AbortSignal;
  /**
   * The report so far (transactions still open not yet counted), at most every
   * `partialEveryMs` (default 2000) at the progress checkpoints: live views of big files.
   */
  onPartial?(partial: SummaryResult): void;
  partialEveryMs?: number;
}

export interface SummaryResult {
  report: SummaryReport;
  /** One per file, in the order given. */
  fileNotes: FileNote[];
}

/** What runSummary rejects with when it was cancelled. */
export class SummaryCancelledError extends Error {
  constructor() {
    super('summary cancelled');
    this.name = 'SummaryCancelledError';
  }
}

const CHECK_EVERY = 0x3ff;

export async function runSummary(
  files: readonly string[],
  options: SummaryOptions,
  hooks: SummaryHooks = {},
): Promise<SummaryResult> {
  // One controller for both ways of cancelling: polled isCancelled() and the caller's signal.
  const abort = new AbortController();
  const onAbort = (): void => abort.abort(new SummaryCancelledError());
  hooks.signal?.addEventListener('abort', onAbort, { once: true });
  let messages = 0;
  let units = (): number => 0;
  /** The report so far; set once the engine exists. */
  let partial: (() => SummaryResult) | undefined;
  let partialAt = Date.now();
  const checkpoint = (): void => {
    if (abort.signal.aborted) return;
    if (hooks.isCancelled?.() === true || hooks.signal?.aborted === true) onAbort();
    else hooks.onProgress?.(units(), messages);
    if (hooks.onPartial && partial && Date.now() - partialAt >= (hooks.partialEveryMs ?? 2000)) {
      partialAt = Date.now();
      hooks.onPartial(partial());
    }
  };
  try {
    if (hooks.signal?.aborted) onAbort();
    abort.signal.throwIfAborted();
    const sources = await Promise.all(
      files.map((file) =>
        openSummarySource(file, {
          extraDnsPorts: options.extraDnsPorts,
          ...(options.clock ? { clock: options.clock } : {}),
          ...(options.fastScan === false ? { fastScan: false } : {}),
          signal: abort.signal,
          onChunk: checkpoint,
        }),
      ),
    );
    units = () => sources.reduce((n, s) => n + s.units, 0);
    const engine = new StatsEngine({ binSeconds: options.binSeconds });
    // Transactions, unsolicited responses and duplicate IDs reach the engine as they close.
    const matcher = new TransactionMatcher((outcome) => engine.add(outcome), { annotate: false });
    partial = () => ({
      report: engine.report({ top: options.topN }),
      fileNotes: sources.map((s) => s.note()),
    });
    const single = sources.length === 1 ? sources[0]?.each : undefined;
    if (single) {
      // One capture: events straight from the scan, no merge, queue or copies.
      await single((event) => {
        engine.add(event);
        matcher.push(event);
        messages++;
      });
    } else {
      const merged = mergeByTime<TaggedEvent>(
        sources.map((s) => s.events()),
        (t) => t.timeNs,
      );
      for await (const { event, viaMatcher } of merged) {
        engine.add(event);
        if (event.kind !== 'message') continue;
        if (viaMatcher) matcher.push(event);
        messages++;
        if ((messages & CHECK_EVERY) === 0) {
          checkpoint();
          abort.signal.throwIfAborted();
        }
      }
    }
    abort.signal.throwIfAborted();
    matcher.flush();
    hooks.onProgress?.(units(), messages);
    return {
      report: engine.report({ top: options.topN }),
      fileNotes: sources.map((s) => s.note()),
    };
  } catch (err) {
    if (abort.signal.aborted) throw new SummaryCancelledError();
    throw err;
  } finally {
    hooks.signal?.removeEventListener('abort', onAbort);
  }
}
