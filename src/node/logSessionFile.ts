/**
 * Node adapter: a query log on disk opened as a LogSession (the editor's log engine) for
 * the CLI's list / fields / show. The file is read once in 256 KiB chunks to index its
 * lines, then lines are read again by position; a gzip-compressed log is first expanded
 * into a temporary file (positions are in the expanded text), removed by close().
 * Syslog times without a year take the file's modification year unless `year` is set.
 */
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import type { LogClockOptions } from '../core/querylog/logClock';
import { LogSession } from '../core/session/logSession';
import { sessionFieldHelp, sessionFilterCompiler } from '../core/session/sessionServices';
import { modificationYear } from './queryLogFile';
import { expandedFile } from './expandedFile';

export interface OpenLogFile {
  session: LogSession;
  /** What went wrong reading the file (the lines before it are indexed). */
  problems: string[];
  close(): void;
}

export async function openLogSessionFile(
  path: string,
  clock: LogClockOptions = {},
): Promise<OpenLogFile> {
  const expanded = await expandedFile(path);
  const readPath = expanded.path;
  const problems = expanded.problems;
  const fd = openSync(readPath, 'r');
  const read = (offset: number, length: number): Uint8Array => {
    const buf = new Uint8Array(length);
    const n = length === 0 ? 0 : readSync(fd, buf, 0, length, offset);
    return n === length ? buf : buf.subarray(0, n);
  };
  const year = clock.year ?? (await modificationYear(path));
  const session = new LogSession(read, {
    timeDisplay: 'relative',
    utc: true,
    compileFilter: sessionFilterCompiler,
    help: sessionFieldHelp,
    reader: { ...clock, ...(year !== undefined ? { year } : {}) },
  });
  try {
    for await (const chunk of createReadStream(readPath, { highWaterMark: 256 * 1024 })) {
      const b = chunk as Buffer;
      session.push(new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
    }
  } catch (err) {
    problems.push(`error reading ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  session.finish(problems);
  return {
    session,
    problems,
    close: () => {
      closeSync(fd);
      expanded.remove();
    },
  };
}
