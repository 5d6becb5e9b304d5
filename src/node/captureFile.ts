/**
 * Node adapter: streams a capture file from disk into the core's capture reader in
 * chunks (64 KiB by default, which keeps the editor's index worker responsive; the batch
 * readers, summarize and the CLI, ask for LARGE_CHUNK_SIZE: fewer reads, fewer records
 * split across chunks), decompressing gzip (recognised by its magic 1f 8b, whatever the file
 * name) as a stream. Never throws for a bad file: a missing or unreadable file, corrupt
 * or truncated gzip data and damaged captures all come back as problems with the offset
 * reached, after every packet that could be read. For gzip input every offset is an
 * offset in the DECOMPRESSED stream (the capture's own bytes).
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { createCaptureReader } from '../core/capture/captureReader';
import type { CaptureFileInfo, CaptureProblem, CaptureRecord } from '../core/capture/captureRecord';

const CHUNK_SIZE = 64 * 1024;
/** The chunk size for whole-file batch reads (summarize, the CLI): 1 MiB. */
export const LARGE_CHUNK_SIZE = 1024 * 1024;

/** Like the core's RecordSink, plus the file info (known before the first record). */
export type FileRecordSink = (record: CaptureRecord, info: CaptureFileInfo | undefined) => void;

export interface ReadCaptureOptions {
  /** Aborting stops the reading; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Bytes per read (default 64 KiB). */
  chunkSize?: number;
  /**
   * Called after each chunk's records; a promise it returns is awaited before the next
   * read (a writer's backpressure: stdout to a slow pipe would otherwise queue output).
   */
  betweenChunks?: () => Promise<void> | undefined;
}

export interface CaptureFileResult {
  info: CaptureFileInfo | undefined;
  problems: readonly CaptureProblem[];
  /** Records delivered to the sink. */
  frames: number;
  /** True if the file was gzip-compressed (offsets are then in the decompressed bytes). */
  gzip: boolean;
}

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

/**
 * What pumpCaptureFile feeds: a capture reader, or anything else that takes the file's
 * bytes chunk by chunk (the query-log reader, a file-head sniffer). `failed` true stops
 * the reading early.
 */
export interface ChunkConsumer {
  push(chunk: Uint8Array): void;
  end(): void;
  readonly failed?: boolean;
}

/** How a pumpCaptureFile run ended. */
export interface CaptureFileEnd {
  /** True if the file was gzip-compressed (offsets are then in the decompressed bytes). */
  gzip: boolean;
  /** The file-level problem (unreadable file, corrupt or truncated gzip, read error), if any. */
  problem: CaptureProblem | undefined;
}

/**
 * The pull form of readCaptureFile: streams `path` (gunzipped if it starts with the gzip
 * magic) into `reader` (a capture reader or any ChunkConsumer) one chunk at a time and,
 * after each chunk, yields whatever `afterChunk` returns (say, the events the chunk's records
 * produced), reading the next chunk only when the consumer asks. A consumer can thus pause
 * a file, as summarize's k-way merge by time does. Stops after the reader fails; ends the
 * reader at the end of the file (not after a file-level problem). Never throws for a bad
 * file: the problem comes back in the result, with the offset reached. If `signal` aborts,
 * throws its reason. `chunkSize`: bytes per read (and per gunzip output chunk).
 */
export async function* pumpCaptureFile<T>(
  path: string,
  reader: ChunkConsumer,
  afterChunk: () => Iterable<T>,
  signal?: AbortSignal,
  chunkSize = CHUNK_SIZE,
): AsyncGenerator<T, CaptureFileEnd> {
  let gzip: boolean;
  try {
    gzip = await startsWithGzipMagic(path);
  } catch (err) {
    return {
      gzip: false,
      problem: { kind: 'io', fileOffset: 0, message: `cannot read ${path}: ${errorText(err)}` },
    };
  }

  const file = createReadStream(path, { highWaterMark: chunkSize, signal });
  const gunzip = gzip ? createGunzip({ chunkSize }) : undefined;
  const source: Readable = gunzip ? file.pipe(gunzip) : file;
  // pipe() does not forward errors: a read error must also end the gunzip side.
  if (gunzip) file.on('error', (err) => gunzip.destroy(err));

  let reached = 0;
  try {
    for await (const chunk of source as AsyncIterable<Uint8Array>) {
      reached += chunk.length;
      // A plain Uint8Array view of the Buffer: records then carry plain views, never
      // Buffers (whose slice() does not copy).
      reader.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      yield* afterChunk();
      if (reader.failed === true) break;
    }
  } catch (err) {
    if (signal?.aborted) throw signal.reason;
    const code = (err as { code?: string }).code ?? '';
    if (gunzip && code.startsWith('Z_')) {
      const truncated = code === 'Z_BUF_ERROR';
      const problem: CaptureProblem = {
        kind: truncated ? 'truncated' : 'format',
        fileOffset: reached,
        message: `${truncated ? 'gzip data ends early' : 'corrupt gzip data'} after ${reached} decompressed bytes (${errorText(err)})`,
      };
      return { gzip, problem };
    }
    const message = `error reading ${path}: ${errorText(err)}`;
    return { gzip, problem: { kind: 'io', fileOffset: reached, message } };
  } finally {
    file.destroy();
    gunzip?.destroy();
  }
  signal?.throwIfAborted();
  reader.end();
  return { gzip, problem: undefined };
}

/** Reads `path` to the end (or the first fatal problem), handing each record to `onRecord`. */
export async function readCaptureFile(
  path: string,
  onRecord: FileRecordSink,
  options: ReadCaptureOptions = {},
): Promise<CaptureFileResult> {
  const { signal, chunkSize, betweenChunks } = options;
  signal?.throwIfAborted();
  const reader = createCaptureReader((record) => onRecord(record, reader.info));
  // Without betweenChunks nothing is yielded: the first step runs the whole file.
  const marks = betweenChunks ? [0] : [];
  const pump = pumpCaptureFile(path, reader, () => marks, signal, chunkSize);
  let step = await pump.next();
  while (!step.done) {
    const wait = betweenChunks?.();
    if (wait) await wait;
    step = await pump.next();
  }
  const { gzip, problem } = step.value;
  return {
    info: reader.info,
    problems: problem ? [...reader.problems, problem] : reader.problems,
    frames: reader.frames,
    gzip,
  };
}
