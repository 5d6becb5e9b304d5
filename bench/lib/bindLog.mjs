// The query-log benchmarks' input: a BIND query log of N lines, built once in the bench
// cache from the real named 9.18 lines of test/fixtures/logs/bind-print-time.log (their
// print-time stamps replaced by times 1 ms apart), so the file is as large as asked and
// every line is one BIND really wrote.
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '../..');
const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

/** The benchmark cache folder (made if missing): $DNSPECTOR_BENCH_CACHE or ~/.cache/dnspector-bench. */
export function benchCache() {
  const cache = process.env.DNSPECTOR_BENCH_CACHE ?? join(homedir(), '.cache', 'dnspector-bench');
  mkdirSync(cache, { recursive: true });
  return cache;
}

/** The path of a BIND log of `lines` lines in the cache, written first if missing. */
export async function ensureBindLog(lines) {
  const log = join(benchCache(), `bind-${lines}.log`);
  if (existsSync(log)) return log;
  const sample = readFileSync(join(repo, 'test/fixtures/logs/bind-print-time.log'), 'utf8')
    .split('\n')
    .filter((l) => / query: /.test(l))
    .map((l) => l.replace(/^\S+ \S+ /, ''));
  const partial = `${log}.part`;
  const out = createWriteStream(partial);
  const start = Date.UTC(2026, 10, 23, 11, 7, 0);
  const p = (n, w = 2) => String(n).padStart(w, '0');
  for (let i = 0; i < lines; i++) {
    const d = new Date(start + i);
    const time = `${p(d.getUTCDate())}-${MONTHS[d.getUTCMonth()]}-${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}`;
    if (!out.write(`${time} ${sample[i % sample.length]}\n`)) {
      await new Promise((r) => out.once('drain', r));
    }
  }
  await new Promise((r) => out.end(r));
  renameSync(partial, log);
  return log;
}
