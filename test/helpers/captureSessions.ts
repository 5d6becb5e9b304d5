/**
 * Opens a capture file in a CaptureSession (or a query log in a LogSession) the way the index worker does (whole file read
 * into memory here; the worker reads by position), for tests of the editor's engine.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { createCaptureReader } from '../../src/core/capture/captureReader';
import { CaptureSession, type CaptureSessionOptions } from '../../src/core/session/captureSession';
import { sessionFieldHelp, sessionFilterCompiler } from '../../src/core/session/sessionServices';
import { LogSession, type LogSessionOptions } from '../../src/core/session/logSession';

export function openSession(
  path: string,
  options: Partial<CaptureSessionOptions> = {},
): CaptureSession {
  let bytes = new Uint8Array(readFileSync(path));
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = new Uint8Array(gunzipSync(bytes));
  const session = new CaptureSession((offset, length) => bytes.slice(offset, offset + length), {
    dissect: {},
    timeDisplay: 'relative',
    utc: true,
    compileFilter: sessionFilterCompiler,
    help: sessionFieldHelp,
    ...options,
  });
  let formatSet = false;
  const reader = createCaptureReader((record) => {
    if (!formatSet && reader.info) {
      session.setFormat(reader.info.format, reader.info.timePrecision === 'ns');
      formatSet = true;
    }
    session.addRecord(record);
  });
  reader.push(bytes);
  reader.end();
  session.finish(reader.problems.map((p) => p.message));
  return session;
}

/** Runs the session's filter work to the end. */
export function settle(session: { readonly busy: boolean; work(budget: number): void }): void {
  while (session.busy) session.work(10_000);
}

/** Opens a query log in a LogSession the way the index worker does (the whole file at once). */
export function openLogSession(path: string, options: Partial<LogSessionOptions> = {}): LogSession {
  const bytes = new Uint8Array(readFileSync(path));
  const session = new LogSession((offset, length) => bytes.slice(offset, offset + length), {
    timeDisplay: 'relative',
    utc: true,
    compileFilter: sessionFilterCompiler,
    help: sessionFieldHelp,
    ...options,
  });
  session.push(bytes);
  session.finish([]);
  return session;
}
