/**
 * Node adapter: tells a capture from a text query log by the file's first bytes, after
 * gunzip (the head is read through pumpCaptureFile, so gzip and read errors are handled
 * as for captures). A pcap/pcapng magic is a capture; a head with no NUL byte and only
 * text characters is a log; anything else (empty, binary, unreadable) is called a capture,
 * so the capture reader reports its problem as every command words it.
 */
import { hasCaptureMagic } from '../core/capture/captureReader';
import { pumpCaptureFile, type ChunkConsumer } from './captureFile';

export type FileKind = 'capture' | 'log';

const HEAD_LENGTH = 512;

/** The first `length` bytes of `path` (decompressed), fewer if the file is shorter. */
export async function readFileHead(path: string, length = HEAD_LENGTH): Promise<Uint8Array> {
  const head = new Uint8Array(length);
  let filled = 0;
  const sink: ChunkConsumer = {
    push(chunk) {
      const n = Math.min(chunk.length, length - filled);
      head.set(chunk.subarray(0, n), filled);
      filled += n;
    },
    end() {},
    get failed() {
      return filled >= length;
    },
  };
  const pump = pumpCaptureFile(path, sink, () => []);
  let step = await pump.next();
  while (!step.done) step = await pump.next();
  return head.subarray(0, filled);
}

/** True if every byte is printable ASCII, whitespace or part of UTF-8 text. */
export function looksLikeText(head: Uint8Array): boolean {
  if (head.length === 0) return false;
  for (const b of head) {
    if (b === 0x09 || b === 0x0a || b === 0x0d) continue;
    if (b < 0x20 || b === 0x7f) return false;
  }
  return true;
}

export async function sniffFileKind(path: string): Promise<FileKind> {
  const head = await readFileHead(path);
  if (hasCaptureMagic(head)) return 'capture';
  return looksLikeText(head) ? 'log' : 'capture';
}
