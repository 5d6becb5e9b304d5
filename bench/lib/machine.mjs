// What the benchmark ran on, for the results header: date, CPU count and model, memory,
// load, tool versions and the commit (with the source files that differed from it, since
// other work may share the working tree).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg, totalmem } from 'node:os';

function run(command, args) {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return '';
  }
}

/** The 1/5/15-minute load averages as text. */
export function loadText() {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
}

/** Lines describing the machine and the code measured. */
export function machineLines(repo) {
  const cpu = /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1];
  const tshark = run('tshark', ['--version']).split('\n')[0] ?? '';
  const dnstop = run('dpkg-query', ['-W', '-f', '${Version}', 'dnstop']);
  const exported = process.env.DNSPECTOR_BENCH_CODE;
  const commit = exported ?? run('git', ['-C', repo, 'log', '-1', '--format=%h %s']).trim();
  const dirty = exported
    ? []
    : run('git', ['-C', repo, 'status', '--porcelain', '--', 'src'])
        .split('\n')
        .filter(Boolean)
        .map((l) => l.slice(3));
  return [
    `- date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
    `- machine: ${availableParallelism()} CPUs (nproc), ${cpu ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Linux`,
    `- node ${process.version}; ${tshark.trim()}; dnstop ${dnstop || 'not installed'}`,
    `- code: ${commit}${dirty.length ? `, plus uncommitted changes in ${dirty.join(', ')}` : ''}`,
  ];
}
