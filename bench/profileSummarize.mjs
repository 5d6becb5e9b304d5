// Where summarize's time goes: runs `node --cpu-prof dist/cli.js summarize CAPTURE --format
// json` once, reads the .cpuprofile (V8's sampling profile: a call tree, the sampled node
// ids and the time between samples), adds up each function's self time, maps the bundle's
// positions back to the TypeScript sources with dist/cli.js.map, and prints the top
// functions as a Markdown table (for the README's performance section).
//   node bench/profileSummarize.mjs [CAPTURE] [TOP] [CLI]
// (defaults: the cached dns-1m.pcap, 15, this repository's dist/cli.js)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchCache } from './lib/bindLog.mjs';
import { markdownTable } from './lib/benchStats.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const capture = process.argv[2] ?? join(benchCache(), 'dns-1m.pcap');
const top = Number(process.argv[3] ?? 15);
const cli = process.argv[4] ?? join(repo, 'dist/cli.js');
const map = new SourceMap(JSON.parse(readFileSync(`${cli}.map`, 'utf8')));

const dir = mkdtempSync(join(tmpdir(), 'dnspector-prof-'));
try {
  const r = spawnSync(
    process.execPath,
    ['--cpu-prof', '--cpu-prof-dir', dir, cli, 'summarize', capture, '--format', 'json'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (r.status !== 0) throw new Error(`summarize failed (${r.status})`);
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));

  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);

  // One entry per function (name + where it is), over all its call-tree nodes.
  const functions = new Map();
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber, columnNumber } = byId.get(id).callFrame;
    let where = url ? url.replace(/^file:\/\//, '') : '(native)';
    if (url.endsWith('dist/cli.js') && lineNumber >= 0) {
      const e = map.findEntry(lineNumber, columnNumber);
      if (e?.originalSource) {
        const src = relative(repo, e.originalSource.replace(/^file:\/\//, ''));
        where = `${src.replace(/^(\.\.\/)+/, '')}:${e.originalLine + 1}`;
      }
    } else if (url.startsWith('node:')) where = url;
    const key = `${functionName || '(anonymous)'} ${where}`;
    const f = functions.get(key) ?? { name: functionName || '(anonymous)', where, us: 0 };
    f.us += us;
    functions.set(key, f);
  }
  const rows = [...functions.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, top)
    .map((f) => [
      `\`${f.name}\``,
      f.where,
      `${(f.us / 1000).toFixed(0)} ms`,
      `${((100 * f.us) / total).toFixed(1)}%`,
    ]);
  console.log(
    `Self time of \`dnspector summarize ${capture.split('/').pop()} --format json\`, ${(total / 1e6).toFixed(2)} s sampled (node --cpu-prof), top ${top}:\n`,
  );
  console.log(markdownTable(['function', 'source', 'self time', 'share'], rows));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
