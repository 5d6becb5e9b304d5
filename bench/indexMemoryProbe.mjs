// The capture editor's index size per packet: builds a CaptureSession (the object the
// index worker keeps per open capture) over a capture in this thread, with the garbage
// collector exposed, and prints one JSON line with the heap growth (V8 heap + array
// buffers, after a full GC before and after) divided by the packet count, for the whole
// session and for its index alone (the session's other fields cleared), and the
// index's own figure (CaptureIndex.byteSize() if it has one, else bytesPerPacket, which
// counts only its typed columns). Bundled by bench/run.mjs with esbuild (it imports the
// TypeScript sources) into out-bench/ (git- and lint-ignored); run with --expose-gc.
//   node --expose-gc out-bench/indexMemoryProbe.cjs CAPTURE
import { readSync, openSync } from 'node:fs';
import { readCaptureFile } from '../src/node/captureFile';
import { CaptureSession } from '../src/core/session/captureSession';
import { sessionFieldHelp, sessionFilterCompiler } from '../src/core/session/sessionServices';

const capture = process.argv[2] ?? '';
const gc = globalThis.gc;
if (typeof gc !== 'function') throw new Error('run with node --expose-gc');

function used() {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

const fd = openSync(capture, 'r');
const readBytes = (offset, length) => {
  const buf = new Uint8Array(length);
  const n = readSync(fd, buf, 0, length, offset);
  return buf.subarray(0, n);
};

async function main() {
  const before = used();
  const session = new CaptureSession(readBytes, {
    dissect: { extraDnsPorts: [] },
    timeDisplay: 'relative',
    utc: true,
    compileFilter: sessionFilterCompiler,
    help: sessionFieldHelp,
  });
  let formatSet = false;
  await readCaptureFile(capture, (record, info) => {
    if (!formatSet && info) {
      session.setFormat(info.format, info.timePrecision === 'ns');
      formatSet = true;
    }
    session.addRecord(record);
  });
  session.finish([]);
  const after = used();
  const index = session.index;
  const packets = index.count;
  // The index alone: clear everything else the session holds (its dissector, transaction
  // matcher, view; field by field, as the session object itself may still be referenced)
  // and see what stays.
  for (const key of Object.keys(session)) if (key !== 'index') session[key] = undefined;
  const indexOnly = used();
  // byteSize() is a number or { total, parts } (issue 7's index work); older indexes
  // only state their typed columns' bytes per packet.
  const size = typeof index.byteSize === 'function' ? index.byteSize() : undefined;
  const own =
    size === undefined
      ? { ownBytesPerPacket: index.bytesPerPacket, ownKind: 'bytesPerPacket (typed columns)' }
      : {
          ownBytesPerPacket: (typeof size === 'number' ? size : size.total) / packets,
          ownKind: 'byteSize()',
        };
  console.log(
    JSON.stringify({
      packets,
      heapBytesPerPacket: (after - before) / packets,
      indexHeapBytesPerPacket: (indexOnly - before) / packets,
      ...own,
    }),
  );
}

// cjs bundle: no top-level await
main().catch((err) => {
  console.error(err);
  process.exit(1);
});
