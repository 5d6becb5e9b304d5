/**
 * The index worker (a worker_threads thread started by the extension for each open
 * capture): reads the capture file once, building the index as records stream in, and
 * answers the editor's requests (rows, packet detail, filter, sort) from the index and
 * by re-reading packets by position, so the extension host's thread never dissects.
 * A gzip-compressed capture is first expanded into a temporary file (random access needs
 * positions in the expanded bytes), which is removed when the worker ends.
 */
import { parentPort } from 'node:worker_threads';
import { createReadStream, openSync, readSync, closeSync, rmSync, statSync } from 'node:fs';
import { createCaptureReader } from '../core/capture/captureReader';
import { CaptureSession } from '../core/session/captureSession';
import { LogSession } from '../core/session/logSession';
import type { EditorSession } from '../core/session/editorSession';
import { sniffFileKind } from './fileKind';
import { modificationYear } from './queryLogFile';
import type { CaptureRequest } from '../core/protocol/captureMessages';
import type { FromWorker, OpenOptions, ToWorker } from '../core/protocol/workerMessages';
import { pumpCaptureFile } from './captureFile';
import { expandedFile } from './expandedFile';
import { sessionFieldHelp, sessionFilterCompiler } from '../core/session/sessionServices';

const port = parentPort;
if (!port) throw new Error('indexWorker runs as a worker thread');

let session: EditorSession | undefined;
let fd: number | undefined;
let tempDir: string | undefined;
let stopRequested = false;

function post(m: FromWorker): void {
  port?.postMessage(m);
}

function readBytes(offset: number, length: number): Uint8Array {
  const buf = new Uint8Array(length);
  if (fd === undefined || length === 0) return buf;
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, done, length - done, offset + done);
    if (n <= 0) break;
    done += n;
  }
  return done === length ? buf : buf.subarray(0, done);
}

async function open(path: string, options: OpenOptions): Promise<void> {
  const expanded = await expandedFile(path);
  const readPath = expanded.path;
  const gzip = expanded.gzip;
  tempDir = expanded.tempDir;
  const problems = expanded.problems;
  const totalBytes = statSync(readPath).size;
  fd = openSync(readPath, 'r');
  if ((await sniffFileKind(readPath)) === 'log') {
    await openLog(path, readPath, totalBytes, gzip, problems, options);
    return;
  }
  const s = new CaptureSession(readBytes, {
    dissect: { extraDnsPorts: options.extraDnsPorts },
    timeDisplay: options.timeDisplay,
    utc: options.utc,
    compileFilter: sessionFilterCompiler,
    help: sessionFieldHelp,
  });
  session = s;
  let formatSent = false;
  const reader = createCaptureReader((record) => {
    if (!formatSent && reader.info) {
      s.setFormat(reader.info.format, reader.info.timePrecision === 'ns');
      post({
        kind: 'opened',
        format: reader.info.format,
        gzip,
        ...(tempDir !== undefined ? { tempDir } : {}),
      });
      formatSent = true;
    }
    s.addRecord(record);
  });
  let last = 0;
  const progress = (done: boolean) => {
    const i = s.index.count;
    const bytesRead = i > 0 ? s.index.dataOffset(i - 1) + (s.index.capturedLength[i - 1] ?? 0) : 0;
    post({
      kind: 'progress',
      progress: {
        packets: i,
        bytesRead: done ? totalBytes : bytesRead,
        totalBytes,
        done,
        problems: [...s.problems],
      },
      view: s.viewInfo(),
    });
  };
  const pump = pumpCaptureFile(readPath, reader, () => {
    const now = Date.now();
    if (now - last > 150) {
      last = now;
      progress(false);
    }
    // One step per chunk, so a stop request is seen between chunks.
    return [0];
  });
  let step = await pump.next();
  while (!step.done && !stopRequested) step = await pump.next();
  const fileProblems = [...reader.problems];
  if (step.done && step.value.problem) fileProblems.push(step.value.problem);
  if (!step.done) {
    await pump.return({ gzip, problem: undefined });
    problems.push(`indexing stopped by the user after ${s.index.count} packets`);
  }
  for (const p of fileProblems) problems.push(`${p.message} (at byte ${p.fileOffset})`);
  if (!reader.info && problems.length === 0) problems.push('not a pcap or pcapng file');
  s.finish(problems);
  progress(true);
  scheduleWork();
}

/** Indexes a query log: lines are the units (logSession.ts). */
async function openLog(
  path: string,
  readPath: string,
  totalBytes: number,
  gzip: boolean,
  problems: string[],
  options: OpenOptions,
): Promise<void> {
  const year = await modificationYear(path);
  const s = new LogSession(readBytes, {
    timeDisplay: options.timeDisplay,
    utc: options.utc,
    compileFilter: sessionFilterCompiler,
    help: sessionFieldHelp,
    reader: year !== undefined ? { year } : {},
  });
  session = s;
  post({ kind: 'opened', format: 'querylog', gzip, ...(tempDir !== undefined ? { tempDir } : {}) });
  let bytesRead = 0;
  let last = 0;
  const progress = (done: boolean) =>
    post({
      kind: 'progress',
      progress: {
        packets: s.count,
        bytesRead: done ? totalBytes : bytesRead,
        totalBytes,
        done,
        problems: [...s.problems],
      },
      view: s.viewInfo(),
    });
  for await (const chunk of createReadStream(readPath, { highWaterMark: 256 * 1024 })) {
    const bytes = chunk as Buffer;
    s.push(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    bytesRead += bytes.byteLength;
    if (Date.now() - last > 150) {
      last = Date.now();
      progress(false);
    }
    if (stopRequested) {
      problems.push(`indexing stopped by the user after ${s.count} lines`);
      break;
    }
  }
  s.finish(problems);
  progress(true);
  scheduleWork();
}

let working = false;
/** Runs filter work in slices, reporting the view as it grows. */
function scheduleWork(): void {
  if (working || !session?.busy) return;
  working = true;
  let last = Date.now();
  const step = () => {
    const s = session;
    if (!s) return;
    s.work(500);
    const now = Date.now();
    if (!s.busy) {
      working = false;
      post({ kind: 'viewChanged', view: s.viewInfo() });
      return;
    }
    if (now - last > 150) {
      last = now;
      post({ kind: 'viewChanged', view: s.viewInfo() });
    }
    setImmediate(step);
  };
  setImmediate(step);
}

function answer(m: CaptureRequest): void {
  const s = session;
  try {
    if (!s) throw new Error('no capture is open');
    let ok: unknown;
    switch (m.method) {
      case 'getRows':
        ok = s.getRows(m.args);
        break;
      case 'getPacket':
        ok = s.getPacket(m.args);
        break;
      case 'setFilter':
        ok = s.setFilter(m.args);
        scheduleWork();
        break;
      case 'setSort':
        ok = s.setSort(m.args);
        break;
      case 'findRow':
        ok = s.findRow(m.args);
        break;
    }
    post({ kind: 'response', id: m.id, ok });
  } catch (err) {
    post({ kind: 'response', id: m.id, err: err instanceof Error ? err.message : String(err) });
  }
}

port.on('message', (m: ToWorker) => {
  switch (m.kind) {
    case 'open':
      open(m.path, m.options).catch((err: unknown) => {
        session?.finish([
          `cannot read ${m.path}: ${err instanceof Error ? err.message : String(err)}`,
        ]);
        post({
          kind: 'progress',
          progress: {
            packets: session?.viewInfo().packets ?? 0,
            bytesRead: 0,
            totalBytes: 0,
            done: true,
            problems: [
              `cannot read ${m.path}: ${err instanceof Error ? err.message : String(err)}`,
            ],
          },
          view: session?.viewInfo() ?? {
            total: 0,
            packets: 0,
            filter: '',
            sort: { column: 'number', descending: false },
            complete: true,
          },
        });
      });
      break;
    case 'request':
      answer(m);
      break;
    case 'configure':
      if (session) {
        session.setTimeDisplay(m.timeDisplay, m.utc);
        post({ kind: 'viewChanged', view: session.viewInfo() });
      }
      break;
    case 'stop':
      stopRequested = true;
      break;
    case 'partner':
      post({ kind: 'response', id: m.id, ok: session?.partnerOf(m.number) ?? null });
      break;
  }
});

function cleanUp(): void {
  if (fd !== undefined) closeSync(fd);
  fd = undefined;
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  tempDir = undefined;
}
process.on('exit', cleanUp);
