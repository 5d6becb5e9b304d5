// `npm run bench`: issue 7's benchmark. Makes the large captures with real software when
// they are missing (scripts/make-bench-captures.sh: named + dnsperf + tcpdump, cached
// outside the repository), then runs DNSpector next to tshark and dnstop on the same files
// (several runs each, medians, peak memory from GNU time), measures the capture editor's
// index through its worker and query-log throughput, and prints one Markdown table of
// medians, ratios, packets/s and the issue's targets, also saved to bench/results/latest.md.
// A benchmark, not a test: nothing fails on a missed target. --committed measures an export
// of HEAD instead of the working tree (lib/committedCopy.mjs).
//   node bench/run.mjs [--sizes 1m,5m] [--runs N] [--only summarize,fields,index,logs] [--committed]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import * as esbuild from 'esbuild';
import { benchCache, ensureBindLog } from './lib/bindLog.mjs';
import { timedRun, timedRuns } from './lib/timedRun.mjs';
import { compareFieldsOutputs } from './lib/fieldsCompare.mjs';
import { loadText, machineLines } from './lib/machine.mjs';
import { runOnCommitted } from './lib/committedCopy.mjs';
import {
  formatMegabytes,
  formatRate,
  formatRatio,
  formatSeconds,
  markdownTable,
  median,
  metText,
  verdict,
} from './lib/benchStats.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const SECTIONS = ['summarize', 'fields', 'index', 'logs'];
const FIELDS = ['dns.id', 'dns.flags.response', 'dns.qry.name', 'dns.qry.type', 'dns.flags.rcode'];
const LOG_LINES = 5_000_000;

// ---------------------------------------------------------------- options
function options(argv) {
  const o = { sizes: ['1m', '5m'], runs: 3, only: SECTIONS };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1] ?? '';
    if (argv[i] === '--sizes') o.sizes = value.split(',');
    else if (argv[i] === '--runs') o.runs = Number(value);
    else if (argv[i] === '--only') o.only = value.split(',');
    else throw new Error(`unknown option ${argv[i]} (--sizes 1m,5m --runs N --only ${SECTIONS})`);
    i++;
  }
  if (o.sizes.some((s) => s !== '1m' && s !== '5m')) throw new Error('--sizes takes 1m and/or 5m');
  if (!(o.runs >= 1)) throw new Error('--runs takes a positive number');
  const unknown = o.only.filter((s) => !SECTIONS.includes(s));
  if (unknown.length) throw new Error(`--only: unknown ${unknown} (known: ${SECTIONS})`);
  return o;
}
const argv = process.argv.slice(2);
if (argv.includes('--committed')) {
  process.exit(
    runOnCommitted(
      repo,
      argv.filter((a) => a !== '--committed'),
    ),
  );
}
const opts = options(argv);
const has = (section) => opts.only.includes(section);
const cli = join(repo, 'dist/cli.js');
if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `node esbuild.mjs` first');

// ---------------------------------------------------------------- captures
const cache = benchCache();
const files = [
  ...(opts.sizes.includes('1m') ? ['dns-1m.pcap', 'dns-1m.pcapng'] : []),
  ...(opts.sizes.includes('5m') ? ['dns-5m.pcap'] : []),
].map((name) => ({ name, path: join(cache, name), packets: name.includes('5m') ? 5e6 : 1e6 }));
if (files.some((f) => !existsSync(f.path))) {
  console.error(`== making the bench captures in ${cache} (named + dnsperf + tcpdump)`);
  const t = performance.now();
  const made = spawnSync('bash', [join(repo, 'scripts/make-bench-captures.sh'), cache], {
    stdio: 'inherit',
  });
  if (made.status !== 0) throw new Error('make-bench-captures.sh failed');
  console.error(`== captures made in ${((performance.now() - t) / 1000).toFixed(0)} s`);
}
for (const f of files) {
  const info = spawnSync('capinfos', ['-M', '-c', f.path], { encoding: 'utf8' }).stdout;
  f.packets = Number(/Number of packets:\s*(\d+)/.exec(info)?.[1] ?? f.packets);
  console.error(`== ${f.name}: ${f.packets.toLocaleString('en')} packets (capinfos)`);
}

const loadBefore = loadText();
const rows = [];
const notes = [];
const row = (r) => {
  rows.push(r);
  console.error(`   ${r.file} | ${r.command} | ${r.value}`);
};
const rate = (f, s) => formatRate(f.packets / s);
/** A row for a timed command (`t`: median wall, peak) on capture `f`. */
const timedRow = (f, command, t, extra = {}) =>
  row({
    file: f.name,
    command,
    value: formatSeconds(t.wall),
    rate: rate(f, t.wall),
    peak: formatMegabytes(t.peakKb),
    ...extra,
  });
/** The target columns of a verdict, on the rows the issue holds to it. */
const held = (v, applies = true) => (applies ? { target: v.text, met: v.met } : {});

// ---------------------------------------------------------------- summarize
function summarize(f) {
  console.error(`== summarize ${f.name}`);
  const ours = timedRuns(opts.runs, process.execPath, [
    cli,
    'summarize',
    f.path,
    '--format',
    'json',
  ]);
  const tshark = timedRuns(opts.runs, 'tshark', ['-r', f.path, '-q', '-z', 'dns,tree']);
  const speedup = tshark.wall / ours.wall;
  const is1m = f.name === 'dns-1m.pcap';
  const is5m = f.name === 'dns-5m.pcap';
  const mem = verdict((ours.peakKb * 1024) / 1e6, 150, false, 'peak < 150 MB');
  timedRow(f, '`dnspector summarize --format json`', ours, held(mem, is5m));
  const vsTshark = verdict(speedup, 15, true, 'tshark/dnspector ≥ 15x');
  timedRow(f, '`tshark -q -z dns,tree`', tshark, {
    ratio: `tshark/dnspector ${formatRatio(speedup)}`,
    ...held(vsTshark, is1m),
  });
  const dnstopArgs = ['-Q', '-R', '-X', f.path];
  let dnstop;
  try {
    dnstop = timedRuns(opts.runs, 'dnstop', dnstopArgs);
  } catch (err) {
    notes.push(`dnstop left out on ${f.name}: ${String(err.message).split('\n')[0]}`);
    return;
  }
  const slower = ours.wall / dnstop.wall;
  const vsDnstop = verdict(slower, 1.5, false, 'dnspector/dnstop ≤ 1.5');
  timedRow(f, '`dnstop -Q -R -X` (non-interactive: stdout not a tty)', dnstop, {
    ratio: `dnspector/dnstop ${formatRatio(slower)}`,
    ...held(vsDnstop, is1m),
  });
}

// ---------------------------------------------------------------- fields
function fields(f) {
  console.error(`== fields ${f.name}`);
  const e = FIELDS.flatMap((x) => ['-e', x]);
  const ours = { command: process.execPath, args: [cli, 'fields', f.path, ...e] };
  const theirs = { command: 'tshark', args: ['-r', f.path, '-T', 'fields', ...e] };
  const same = compareFieldsOutputs(ours, theirs);
  notes.push(
    `fields output on ${f.name} vs tshark: ${same.text} (the first timed run of each wrote it to a file for this; the others to /dev/null)`,
  );
  // The comparison's runs (output to a file) are the first of the timed runs.
  const a = timedRuns(opts.runs, ours.command, ours.args, [same.ours]);
  const b = timedRuns(opts.runs, theirs.command, theirs.args, [same.theirs]);
  const speedup = b.wall / a.wall;
  const v = verdict(speedup, 10, true, 'tshark/dnspector ≥ 10x');
  const agreement = same.identical ? 'identical to' : 'DIFFERS from';
  timedRow(f, `\`dnspector fields\` (5 fields; output ${agreement} tshark's)`, a);
  timedRow(f, '`tshark -T fields` (same 5 fields)', b, {
    ratio: `tshark/dnspector ${formatRatio(speedup)}`,
    ...held(v),
  });
}

// ---------------------------------------------------------------- index
async function buildProbe() {
  await esbuild.build({
    entryPoints: [join(repo, 'bench/indexMemoryProbe.mjs')],
    outfile: join(repo, 'out-bench/indexMemoryProbe.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
}

function index(f) {
  console.error(`== editor index ${f.name}`);
  const runs = [];
  let peakKb = 0;
  for (let i = 0; i < opts.runs; i++) {
    const out = join(tmpdir(), 'dnspector-bench-index.json');
    const t = timedRun(process.execPath, [join(repo, 'bench/indexWorkerBench.mjs'), f.path], out);
    peakKb = Math.max(peakKb, t.peakKb);
    runs.push(JSON.parse(readFileSync(out, 'utf8')));
  }
  const m = (key) => median(runs.map((r) => r[key]));
  const probeOut = join(tmpdir(), 'dnspector-bench-probe.json');
  timedRun(
    process.execPath,
    ['--expose-gc', join(repo, 'out-bench/indexMemoryProbe.cjs'), f.path],
    probeOut,
  );
  const probe = JSON.parse(readFileSync(probeOut, 'utf8'));
  const is5m = f.name === 'dns-5m.pcap';
  const t5 = (v) => held(v, is5m);
  const first = m('firstRowsS');
  const whole = m('indexS');
  const fetch = m('fetchMs');
  row({
    file: f.name,
    command: 'editor: first 50 rows (worker started → rows received)',
    value: formatSeconds(first),
    ...t5(verdict(first, 0.3, false, '≤ 0.3 s')),
  });
  row({
    file: f.name,
    command: 'editor: complete index (worker started → done)',
    value: formatSeconds(whole),
    rate: rate(f, whole),
    peak: `${formatMegabytes(peakKb)} (process)`,
    ...t5(verdict(whole, 2.5, false, '≤ 2.5 s')),
  });
  row({
    file: f.name,
    command: `editor: index bytes per packet (index's ${probe.ownKind})`,
    value: `${probe.ownBytesPerPacket.toFixed(1)} B`,
    ...t5(verdict(probe.ownBytesPerPacket, 48, false, '≤ 48 B')),
  });
  row({
    file: f.name,
    command: "editor: index heap per packet (after GC; the session's other fields cleared)",
    value: `${probe.indexHeapBytesPerPacket.toFixed(1)} B`,
    ...t5(verdict(probe.indexHeapBytesPerPacket, 48, false, '≤ 48 B')),
  });
  row({
    file: f.name,
    command: 'editor: whole session heap per packet (after GC: index + matcher + dissector state)',
    value: `${probe.heapBytesPerPacket.toFixed(1)} B`,
  });
  row({
    file: f.name,
    command: 'editor: 50 rows at a random position + dissect one (median of 20)',
    value: formatSeconds(fetch / 1000),
    ...t5(verdict(fetch, 50, false, '≤ 50 ms')),
  });
}

// ---------------------------------------------------------------- logs
async function logs() {
  console.error(`== query log: ${LOG_LINES.toLocaleString('en')} BIND lines`);
  const log = await ensureBindLog(LOG_LINES);
  const r = timedRuns(opts.runs, process.execPath, [cli, 'summarize', log, '--format', 'json']);
  const perSecond = LOG_LINES / r.wall;
  const v = verdict(perSecond, 1e6, true, '≥ 1,000,000 lines/s');
  row({
    file: `bind-${LOG_LINES}.log`,
    command: '`dnspector summarize --format json` (BIND query log)',
    value: formatSeconds(r.wall),
    rate: formatRate(perSecond).replace('/s', ' lines/s'),
    peak: formatMegabytes(r.peakKb),
    ...held(v),
  });
}

// ---------------------------------------------------------------- run
if (has('index')) await buildProbe();
for (const f of files) {
  if (has('summarize')) summarize(f);
  if (has('fields')) fields(f);
  if (has('index')) index(f);
}
if (has('logs')) await logs();

const header = [
  'file',
  'command',
  `median of ${opts.runs}`,
  'packets/s',
  'peak memory',
  'ratio',
  'target (issue 7)',
  'met',
];
const table = markdownTable(
  header,
  rows.map((r) => [
    r.file,
    r.command,
    r.value,
    r.rate ?? '',
    r.peak ?? '',
    r.ratio ?? '',
    r.target ?? '',
    r.target ? metText(r.met) : '',
  ]),
);
const text = [
  '# DNSpector benchmark (`npm run bench`)',
  '',
  ...machineLines(repo),
  `- load average (1, 5, 15 min) before: ${loadBefore}; after: ${loadText()}`,
  `- captures: ${files.map((f) => `${f.name} ${f.packets.toLocaleString('en')} packets`).join(', ')} (scripts/make-bench-captures.sh); runs: ${opts.runs}, only: ${opts.only.join(',')}`,
  '',
  table,
  '',
  ...notes.map((n) => `- ${n}`),
  '',
].join('\n');
console.log(text);
mkdirSync(join(repo, 'bench/results'), { recursive: true });
writeFileSync(join(repo, 'bench/results/latest.md'), text);
console.error('== saved bench/results/latest.md');
