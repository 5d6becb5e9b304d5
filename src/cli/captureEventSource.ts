/**
 * One capture file as a PULL stream of DNS message events: the file is read chunk by
 * chunk only as fast as the consumer asks, so `summarize` can merge several files by time
 * (mergeByTime.ts) with memory bounded by one chunk's events per file. readCaptureFile
 * (src/node/captureFile.ts) pushes every record through a callback and cannot be paused,
 * which a k-way merge needs; this file is its pull twin (same gzip sniffing, same problem
 * reporting) and could move next to it in src/node.
 *
 * Each record is dissected in scan mode inside the reader's sink (records are only valid
 * during the sink call) and only the resulting plain events are queued.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { createCaptureReader } from '../core/capture/captureReader';
import type { CaptureProblem } from '../core/capture/captureRecord';
import { FrameDissector, linkTypeName } from '../core/dissect/frame';
import type { DissectOptions } from '../core/dissect/packetContext';
import type { DnsMessageEvent } from '../core/stats/dnsEvent';
import { frameMessageEvents } from '../core/stats/frameEvents';
import type { CaptureRun } from './captureFrames';

const CHUNK_SIZE = 64 * 1024;

async function startsWithGzipMagic(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = new Uint8Array(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export class CaptureEventSource {
  /** Frames read so far (all frames, DNS or not). */
  frames = 0;
  private problems: CaptureProblem[] = [];
  private readonly dissector: FrameDissector;
  private formatSet = false;

  constructor(
    readonly path: string,
    options: DissectOptions,
  ) {
    this.dissector = new FrameDissector(options);
  }

  /** What happened to the file (complete once `events()` has finished). */
  get run(): CaptureRun {
    const warnings = [...this.dissector.unknownLinkTypes].map(
      ([type, frame]) =>
        `link-layer header type ${type} (${linkTypeName(type)}) is not decoded (first in frame ${frame})`,
    );
    return { info: undefined, problems: this.problems, frames: this.frames, warnings };
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
      return out;
    };
    const finish = (extra?: CaptureProblem): void => {
      this.problems = extra ? [...reader.problems, extra] : [...reader.problems];
      this.frames = reader.frames;
    };

    let gzip: boolean;
    try {
      gzip = await startsWithGzipMagic(this.path);
    } catch (err) {
      finish({ kind: 'io', fileOffset: 0, message: `cannot read ${this.path}: ${errorText(err)}` });
      return;
    }
    const file = createReadStream(this.path, { highWaterMark: CHUNK_SIZE });
    const gunzip = gzip ? createGunzip({ chunkSize: CHUNK_SIZE }) : undefined;
    const source: Readable = gunzip ? file.pipe(gunzip) : file;
    if (gunzip) file.on('error', (err) => gunzip.destroy(err));

    let reached = 0;
    let failure: CaptureProblem | undefined;
    try {
      for await (const chunk of source as AsyncIterable<Uint8Array>) {
        reached += chunk.length;
        reader.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        yield* drain();
        if (reader.failed) break;
      }
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (gunzip && code.startsWith('Z_')) {
        const truncated = code === 'Z_BUF_ERROR';
        failure = {
          kind: truncated ? 'truncated' : 'format',
          fileOffset: reached,
          message: `${truncated ? 'gzip data ends early' : 'corrupt gzip data'} after ${reached} decompressed bytes (${errorText(err)})`,
        };
      } else {
        failure = {
          kind: 'io',
          fileOffset: reached,
          message: `error reading ${this.path}: ${errorText(err)}`,
        };
      }
    } finally {
      file.destroy();
      gunzip?.destroy();
    }
    if (!failure) reader.end();
    yield* drain();
    finish(failure);
  }
}
