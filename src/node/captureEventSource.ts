/**
 * One capture file as a PULL stream of DNS message events: the file is read chunk by
 * chunk only as fast as the consumer asks, so `summarize` can merge several files by time
 * (mergeByTime.ts) with memory bounded by one chunk's events per file. The file reading
 * (gzip sniffing, streaming, problem reporting) is pumpCaptureFile from captureFile.ts,
 * the pausable form of readCaptureFile. An AbortSignal stops the reading between chunks
 * (summary cancellation), and `onChunk` hears of each chunk read (progress), even for a
 * capture with little DNS in it.
 *
 * Each record is scanned inside the reader's sink (records are only valid during the sink
 * call: CaptureMessageScan, the fast path or the dissector in scan mode) and only copies
 * of the resulting events are queued. `each()` is the single-file form without the queue
 * or the copies: each event goes to the callback during the sink call.
 */
import { createCaptureReader } from '../core/capture/captureReader';
import type { CaptureFileInfo, CaptureProblem } from '../core/capture/captureRecord';
import { linkTypeName } from '../core/dissect/frame';
import type { DnsMessageEvent } from '../core/stats/dnsEvent';
import {
  CaptureMessageScan,
  copyMessageEvent,
  type MessageScanOptions,
} from '../core/scan/captureMessageScan';
import { LARGE_CHUNK_SIZE, pumpCaptureFile } from './captureFile';
import type { CaptureRun } from './fileProblems';

/** How a pull source reads its file: cancellation and a per-chunk callback. */
export interface SourceReadOptions {
  /** Aborting stops the reading; the events() iterator then throws the signal's reason. */
  signal?: AbortSignal;
  /** Called after each chunk of the file has been read and turned into events. */
  onChunk?: () => void;
}

export class CaptureEventSource {
  /** Frames read so far (all frames, DNS or not). */
  frames = 0;
  private problems: CaptureProblem[] = [];
  private readonly scanner: CaptureMessageScan;
  private formatSet = false;
  private info: CaptureFileInfo | undefined;

  constructor(
    readonly path: string,
    options: MessageScanOptions,
    private readonly read: SourceReadOptions = {},
  ) {
    this.scanner = new CaptureMessageScan(options);
  }

  /** What happened to the file (complete once `events()` has finished). */
  get run(): CaptureRun {
    const warnings = [...this.scanner.dissector.unknownLinkTypes].map(
      ([type, frame]) =>
        `link-layer header type ${type} (${linkTypeName(type)}) is not decoded (first in frame ${frame})`,
    );
    return { info: this.info, problems: this.problems, frames: this.frames, warnings };
  }

  /** The file's DNS message events in file order; never throws for a bad file. */
  async *events(): AsyncGenerator<DnsMessageEvent> {
    let queue: DnsMessageEvent[] = [];
    const push = (e: DnsMessageEvent): void => {
      queue.push(copyMessageEvent(e));
    };
    const drain = (): DnsMessageEvent[] => {
      const out = queue;
      queue = [];
      return out;
    };
    yield* this.pump(push, drain, undefined);
  }

  /**
   * Hands every DNS message event to `onEvent` as it is scanned (a reused object: valid
   * only during the call); resolves at the end of the file. Never throws for a bad file.
   */
  async each(onEvent: (event: DnsMessageEvent) => void): Promise<void> {
    const none: never[] = [];
    // Nothing is queued between chunks here, so large reads cost no memory.
    const pump = this.pump(onEvent, () => none, LARGE_CHUNK_SIZE);
    while (!(await pump.next()).done);
  }

  private async *pump(
    onEvent: (event: DnsMessageEvent) => void,
    afterChunk: () => DnsMessageEvent[],
    chunkSize: number | undefined,
  ): AsyncGenerator<DnsMessageEvent> {
    const scanner = this.scanner;
    const reader = createCaptureReader((record) => {
      if (!this.formatSet && reader.info) {
        scanner.dissector.setFormat(reader.info.format);
        this.formatSet = true;
      }
      scanner.scan(record, onEvent);
    });
    const drain = (): DnsMessageEvent[] => {
      this.frames = reader.frames;
      this.info = reader.info;
      this.read.onChunk?.();
      return afterChunk();
    };
    const end = yield* pumpCaptureFile(this.path, reader, drain, this.read.signal, chunkSize);
    yield* drain();
    this.problems = end.problem ? [...reader.problems, end.problem] : [...reader.problems];
    this.frames = reader.frames;
    this.info = reader.info;
  }
}
