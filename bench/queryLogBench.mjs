// Query-log throughput: builds a BIND query log of N lines (default 1,000,000) from the
// real named 9.18 lines in test/fixtures/logs (times moved on by 1 ms per line) in a cache
// folder outside the repository, then times `dnspector summarize` on it a few times and
// prints the median wall time, lines/s and peak memory. A benchmark, not a test: it asserts
// nothing; issue 7's `npm run bench` is to grow around it.
//   node bench/queryLogBench.mjs [LINES] [RUNS]
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const lines = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 3);
const cache = join(
  process.env.DNSPECTOR_BENCH_CACHE ?? join(homedir(), '.cache', 'dnspector-bench'),
);
mkdirSync(cache, { recursive: true });
const log = join(cache, `bind-${lines}.log`);

if (!existsSync(log)) {
  const sample = readFileSync(join(repo, 'test/fixtures/logs/bind-print-time.log'), 'utf8')
    .split('\n')
    .filter((l) => / query: /.test(l))
    .map((l) => l.replace(/^\S+ \S+ /, ''));
  const out = createWriteStream(log);
  const start = Date.UTC(2026, 10, 23, 11, 7, 0);
  const months = [
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'May',
    'Jun',
    'Jul',
    'Aug',
    'Sep',
    'Oct',
    'Nov',
    'Dec',
  ];
  for (let i = 0; i < lines; i++) {
    const d = new Date(start + i);
    const p = (n, w = 2) => String(n).padStart(w, '0');
    const time = `${p(d.getUTCDate())}-${months[d.getUTCMonth()]}-${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}`;
    if (!out.write(`${time} ${sample[i % sample.length]}\n`)) {
      await new Promise((r) => out.once('drain', r));
    }
  }
  await new Promise((r) => out.end(r));
}

const cli = join(repo, 'dist/cli.js');
const times = [];
let peakKb = 0;
for (let r = 0; r < runs; r++) {
  const t = spawnSync(
    '/usr/bin/time',
    ['-f', '%e %M', process.execPath, cli, 'summarize', log, '--format', 'json'],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    },
  );
  if (t.status !== 0) throw new Error(t.stderr);
  const [wall, kb] = t.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  times.push(wall);
  peakKb = Math.max(peakKb, kb);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
const mb = (statSync(log).size / 1e6).toFixed(0);
console.log(`| query log | lines | MB | median wall | lines/s | peak memory |`);
console.log(`|---|---|---|---|---|---|`);
console.log(
  `| BIND print-time | ${lines.toLocaleString('en')} | ${mb} | ${median.toFixed(2)} s | ${Math.round(lines / median).toLocaleString('en')} | ${Math.round(peakKb / 1024)} MB |`,
);
