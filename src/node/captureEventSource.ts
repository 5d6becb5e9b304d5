/**
 * One capture file as a PULL stream of DNS message events: the file is read chunk by
 * chunk only as fast as the consumer asks, so `summarize` can merge several files by time
 * (mergeByTime.ts) with memory bounded by one chunk's events per file. The file reading
 * (gzip sniffing, streaming, problem reporting) is pumpCaptureFile from captureFile.ts,
 * the pausable form of readCaptureFile. An AbortSignal stops the reading between chunks
 * (summary cancellation), and `onChunk` hears of each chunk read (progress), even for a
 * capture with little DNS in it.
 *
 * Each record is dissected in scan mode inside the reader's sink (records are only valid
 * during the sink call) and only the resulting plain events are queued.
 */
import { createCaptureReader } from '../core/capture/captureReader';
import type { CaptureFileInfo, CaptureProblem } from '../core/capture/captureRecord';
import { FrameDissector, linkTypeName } from '../core/dissect/frame';
import type { DissectOptions } from '../core/dissect/packetContext';
import type { DnsMessageEvent } from '../core/stats/dnsEvent';
import { frameMessageEvents } from '../core/stats/frameEvents';
import { pumpCaptureFile } from './captureFile';
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
  private readonly dissector: FrameDissector;
  private formatSet = false;
  private info: CaptureFileInfo | undefined;

  constructor(
    readonly path: string,
    options: DissectOptions,
    private readonly read: SourceReadOptions = {},
  ) {
    this.dissector = new FrameDissector(options);
  }

  /** What happened to the file (complete once `events()` has finished). */
  get run(): CaptureRun {
    const warnings = [...this.dissector.unknownLinkTypes].map(
      ([type, frame]) =>
        `link-layer header type ${type} (${linkTypeName(type)}) is not decoded (first in frame ${frame})`,
    );
    return { info: this.info, problems: this.problems, frames: this.frames, warnings };
  }

  /** The file's DNS message events in file order; never throws for a bad file. */
  async *events(): AsyncGenerator<DnsMessageEvent> {
    let queue: DnsMessageEvent[] = [];
    const reader = createCaptureReader((record) => {
      if (!this.formatSet && reader.info) {
        this.dissector.setFormat(reader.info.format);
        this.formatSet = true;
      }
      const frame = this.dissector.dissect(record, false);
      for (const e of frameMessageEvents(frame)) queue.push(e);
    });
    const drain = (): DnsMessageEvent[] => {
      const out = queue;
      queue = [];
      this.frames = reader.frames;
      this.info = reader.info;
      this.read.onChunk?.();
      return out;
    };
    const finish = (extra?: CaptureProblem): void => {
      this.problems = extra ? [...reader.problems, extra] : [...reader.problems];
      this.frames = reader.frames;
      this.info = reader.info;
    };

    const end = yield* pumpCaptureFile(this.path, reader, drain, this.read.signal);
    yield* drain();
    finish(end.problem);
  }
}
