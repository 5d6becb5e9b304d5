// The capture editor's timings, measured the way the extension works: starts the index
// worker (dist/indexWorker.js) in a worker_threads thread, opens a capture with the same
// 'open' message captureDocument.ts sends, and asks for rows as the webview does. Prints
// one JSON line: seconds from starting the worker to the first 50 rows, to the complete
// index, and the median of 20 "fetch 50 rows at a random position + dissect one of them"
// round trips after indexing (the scroll-and-select of the issue).
//   node bench/indexWorkerBench.mjs CAPTURE [SAMPLES]
import { Worker } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './lib/benchStats.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const capture = resolve(process.argv[2] ?? '');
const samples = Number(process.argv[3] ?? 20);
const ROWS = 50;

const began = performance.now();
const worker = new Worker(join(repo, 'dist/indexWorker.js'));
const pending = new Map();
let nextId = 1;
let resolveDone;
const done = new Promise((r) => (resolveDone = r));
let packets = 0;
let resolveOpened;
const opened = new Promise((r) => (resolveOpened = r));

function request(method, args) {
  const id = nextId++;
  worker.postMessage({ kind: 'request', id, method, args });
  return new Promise((ok, fail) => pending.set(id, { ok, fail }));
}

worker.on('message', (m) => {
  if (m.kind === 'response') {
    const p = pending.get(m.id);
    pending.delete(m.id);
    if ('err' in m) p?.fail(new Error(m.err));
    else p?.ok(m.ok);
  } else if (m.kind === 'opened') {
    resolveOpened();
  } else if (m.kind === 'progress' && m.progress.done) {
    resolveOpened();
    packets = m.progress.packets;
    resolveDone(performance.now());
  }
});
worker.on('error', (err) => {
  console.error(err);
  process.exit(1);
});

worker.postMessage({
  kind: 'open',
  path: capture,
  options: { extraDnsPorts: [], timeDisplay: 'relative', utc: true },
});

// The webview asks for the first page once the file is open, until the page is full (rows
// appear while indexing runs).
await opened;
let firstRows;
for (;;) {
  const page = await request('getRows', { start: 0, count: ROWS });
  if (page.rows.length >= ROWS || page.view.complete) {
    firstRows = performance.now();
    break;
  }
}
const indexed = await done;

// Scroll to a random row and select one of the page: rows + full dissection, round trips.
let seed = 7;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const fetches = [];
for (let i = 0; i < samples; i++) {
  const start = Math.floor(random() * Math.max(1, packets - ROWS));
  const t = performance.now();
  const page = await request('getRows', { start, count: ROWS });
  const row = page.rows[Math.floor(random() * page.rows.length)];
  await request('getPacket', { number: row.number });
  fetches.push(performance.now() - t);
}
await worker.terminate();
console.log(
  JSON.stringify({
    packets,
    firstRowsS: (firstRows - began) / 1000,
    indexS: (indexed - began) / 1000,
    fetchMs: median(fetches),
  }),
);
