/**
 * Node adapter: streams a capture file from disk into the core's capture reader in
 * 64 KiB chunks, decompressing gzip (recognised by its magic 1f 8b, whatever the file
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

/** Like the core's RecordSink, plus the file info (known before the first record). */
export type FileRecordSink = (record: CaptureRecord, info: CaptureFileInfo | undefined) => void;

export interface ReadCaptureOptions {
  /** Aborting stops the reading; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
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

/** Reads `path` to the end (or the first fatal problem), handing each record to `onRecord`. */
export async function readCaptureFile(
  path: string,
  onRecord: FileRecordSink,
  options: ReadCaptureOptions = {},
): Promise<CaptureFileResult> {
  const { signal } = options;
  signal?.throwIfAborted();
  const reader = createCaptureReader((record) => onRecord(record, reader.info));
  const extra: CaptureProblem[] = [];
  const result = (gzip: boolean): CaptureFileResult => ({
    info: reader.info,
    problems: extra.length ? [...reader.problems, ...extra] : reader.problems,
    frames: reader.frames,
    gzip,
  });

  let gzip: boolean;
  try {
    gzip = await startsWithGzipMagic(path);
  } catch (err) {
    extra.push({ kind: 'io', fileOffset: 0, message: `cannot read ${path}: ${errorText(err)}` });
    return result(false);
  }

  const file = createReadStream(path, { highWaterMark: CHUNK_SIZE, signal });
  const gunzip = gzip ? createGunzip({ chunkSize: CHUNK_SIZE }) : undefined;
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
      if (reader.failed) break;
    }
  } catch (err) {
    if (signal?.aborted) throw signal.reason;
    const code = (err as { code?: string }).code ?? '';
    if (gunzip && code.startsWith('Z_')) {
      const truncated = code === 'Z_BUF_ERROR';
      extra.push({
        kind: truncated ? 'truncated' : 'format',
        fileOffset: reached,
        message: `${truncated ? 'gzip data ends early' : 'corrupt gzip data'} after ${reached} decompressed bytes (${errorText(err)})`,
      });
    } else {
      extra.push({ kind: 'io', fileOffset: reached, message: `error reading ${path}: ${errorText(err)}` });
    }
    return result(gzip);
  } finally {
    file.destroy();
    gunzip?.destroy();
  }
  signal?.throwIfAborted();
  reader.end();
  return result(gzip);
}
