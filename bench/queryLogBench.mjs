// Query-log throughput: builds a BIND query log of N lines (default 1,000,000; see
// lib/bindLog.mjs) in a cache folder outside the repository, then times `dnspector
// summarize` on it a few times and prints the median wall time, lines/s and peak memory.
// A benchmark, not a test: it asserts nothing. `npm run bench` (run.mjs) measures the
// same on 5,000,000 lines next to the captures.
//   node bench/queryLogBench.mjs [LINES] [RUNS]
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBindLog } from './lib/bindLog.mjs';
import { timedRuns } from './lib/timedRun.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const lines = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 3);
const log = await ensureBindLog(lines);

const cli = join(repo, 'dist/cli.js');
const { wall: median, peakKb } = timedRuns(runs, process.execPath, [
  cli,
  'summarize',
  log,
  '--format',
  'json',
]);
const mb = (statSync(log).size / 1e6).toFixed(0);
console.log(`| query log | lines | MB | median wall | lines/s | peak memory |`);
console.log(`|---|---|---|---|---|---|`);
console.log(
  `| BIND print-time | ${lines.toLocaleString('en')} | ${mb} | ${median.toFixed(2)} s | ${Math.round(lines / median).toLocaleString('en')} | ${Math.round(peakKb / 1024)} MB |`,
);
