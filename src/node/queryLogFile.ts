/**
 * Node adapter: one DNS server query log (BIND, unbound, dnsmasq; gzip or not) as a PULL
 * stream of DNS events, the query-log twin of captureEventSource.ts. The file is
 * streamed by pumpCaptureFile (src/node/captureFile.ts: gzip by magic, 64 KiB chunks,
 * file problems returned, never thrown) into a QueryLogReader, and each chunk's events are
 * yielded before the next chunk is read, so summarize's merge by time can pause the file.
 * Syslog times without a year take the file's modification year (UTC) unless `year` is set.
 */
import { stat } from 'node:fs/promises';
import type { CaptureProblem } from '../core/capture/captureRecord';
import type { DnsEvent } from '../core/stats/dnsEvent';
import {
  QueryLogReader,
  type QueryLogReaderOptions,
  type QueryLogSummary,
} from '../core/querylog/queryLogReader';
import { pumpCaptureFile } from './captureFile';
import type { SourceReadOptions } from './captureEventSource';

/** The file's modification year (UTC), or undefined if it cannot be read. */
export async function modificationYear(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).mtime.getUTCFullYear();
  } catch {
    return undefined;
  }
}

export class QueryLogFileSource {
  /** Lines read so far. */
  lines = 0;
  /** The file-level problem (unreadable, corrupt or truncated gzip), once events() ended. */
  problem: CaptureProblem | undefined;
  private reader: QueryLogReader | undefined;

  constructor(
    readonly path: string,
    private readonly options: QueryLogReaderOptions = {},
    private readonly read: SourceReadOptions = {},
  ) {}

  /** Formats, line counts and unparsed lines (complete once `events()` has finished). */
  get summary(): QueryLogSummary | undefined {
    return this.reader?.summary();
  }

  /** The file's DNS events (messages and logged transactions) in file order; never throws. */
  async *events(): AsyncGenerator<DnsEvent> {
    const options = { ...this.options };
    if (options.year === undefined) {
      const year = await modificationYear(this.path);
      if (year !== undefined) options.year = year;
    }
    let queue: DnsEvent[] = [];
    const reader = new QueryLogReader((e) => queue.push(e), options);
    this.reader = reader;
    const drain = (): DnsEvent[] => {
      const out = queue;
      queue = [];
      this.lines = reader.summary().lines;
      this.read.onChunk?.();
      return out;
    };
    const end = yield* pumpCaptureFile(this.path, reader, drain, this.read.signal);
    yield* drain();
    this.problem = end.problem;
  }
}
