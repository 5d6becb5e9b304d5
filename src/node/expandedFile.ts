/**
 * A file the editor's engines can read by position: the file itself, or, when it is
 * gzip-compressed, its expansion in a temporary folder (random access needs positions in
 * the expanded bytes). `remove()` deletes the temporary copy. A gzip stream that goes wrong
 * keeps what was expanded before, with the problem said.
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

export async function expandedFile(path: string): Promise<ExpandedFile> {
  const problems: string[] = [];
  if (!(await isGzip(path).catch(() => false))) {
    return { path, gzip: false, tempDir: undefined, problems, remove: () => undefined };
  }
  const tempDir = mkdtempSync(join(tmpdir(), 'dnspector-'));
  const expanded = join(tempDir, 'expanded');
  try {
    await pipeline(createReadStream(path), createGunzip(), createWriteStream(expanded));
  } catch (err) {
    problems.push(`gzip: ${err instanceof Error ? err.message : String(err)}`);
  }
  return {
    path: expanded,
    gzip: true,
    tempDir,
    problems,
    remove: () => rmSync(tempDir, { recursive: true, force: true }),
  };
}
