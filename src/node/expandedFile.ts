/**
 * A file the editor's engines can read by position: the file itself, or, when it is
 * gzip-compressed, its expansion in a temporary folder (random access needs positions in
 * the expanded bytes). `remove()` deletes the temporary copy. A gzip stream that goes wrong
 * keeps what was expanded before, with the problem said.
 *
 * The expansion is streamed (memory does not grow with the file) and capped at
 * MAX_EXPANDED_BYTES on disk: a gzip bomb stops there with a problem, and the packets in
 * the expanded part are read as from a capture cut at that length.
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';

export interface ExpandedFile {
  /** The path to read by position. */
  path: string;
  gzip: boolean;
  /** The temporary folder holding the expansion, if any. */
  tempDir: string | undefined;
  problems: string[];
  remove(): void;
}

async function isGzip(path: string): Promise<boolean> {
  const h = await open(path, 'r');
  try {
    const head = new Uint8Array(2);
    const { bytesRead } = await h.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await h.close();
  }
}

/** The most a gzip file is expanded to on disk (4 GiB). */
export const MAX_EXPANDED_BYTES = 4 * 1024 ** 3;

export async function expandedFile(
  path: string,
  maxBytes = MAX_EXPANDED_BYTES,
): Promise<ExpandedFile> {
  const problems: string[] = [];
  if (!(await isGzip(path).catch(() => false))) {
    return { path, gzip: false, tempDir: undefined, problems, remove: () => undefined };
  }
  const tempDir = mkdtempSync(join(tmpdir(), 'dnspector-'));
  const expanded = join(tempDir, 'expanded');
  let written = 0;
  let capped = false;
  const cap = async function* (source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of source) {
      if (written + chunk.length > maxBytes) {
        capped = true;
        yield chunk.subarray(0, maxBytes - written);
        written = maxBytes;
        return;
      }
      written += chunk.length;
      yield chunk;
    }
  };
  try {
    await pipeline(createReadStream(path), createGunzip(), cap, createWriteStream(expanded));
  } catch (err) {
    if (!capped) problems.push(`gzip: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (capped) {
    problems.push(`gzip: expansion stopped at ${maxBytes} bytes (the limit for a compressed file)`);
  }
  return {
    path: expanded,
    gzip: true,
    tempDir,
    problems,
    remove: () => rmSync(tempDir, { recursive: true, force: true }),
  };
}
