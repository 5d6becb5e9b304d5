// The fields benchmark's correctness check: runs `dnspector fields` and `tshark -T fields`
// with the same fields once on a capture, keeps both outputs in a temporary folder and
// says whether they are identical line for line (and where they first differ if not).
// These two runs are timed too (GNU time): they count as the first of the benchmark's runs,
// since a second pass over a 5M capture costs minutes on a loaded machine.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { timedRun } from './timedRun.mjs';

function count(command) {
  const r = spawnSync('bash', ['-c', command], { encoding: 'utf8', maxBuffer: 1 << 24 });
  return r.stdout.trim();
}

/**
 * `{ identical, lines, text, ours, theirs }`: the outputs of the two commands compared;
 * `ours`/`theirs` are the runs' `{ wall, peakKb }`.
 */
export function compareFieldsOutputs(ours, theirs) {
  const dir = mkdtempSync(join(tmpdir(), 'dnspector-bench-fields-'));
  try {
    const a = join(dir, 'dnspector.txt');
    const b = join(dir, 'tshark.txt');
    const oursRun = timedRun(ours.command, ours.args, a);
    const theirsRun = timedRun(theirs.command, theirs.args, b);
    const runs = { ours: oursRun, theirs: theirsRun };
    const lines = Number(count(`wc -l < '${a}'`));
    const tsharkLines = Number(count(`wc -l < '${b}'`));
    const same = spawnSync('cmp', ['-s', a, b]).status === 0;
    if (same)
      return {
        identical: true,
        lines,
        text: `identical (${lines.toLocaleString('en')} lines)`,
        ...runs,
      };
    const differing = Number(count(`diff '${a}' '${b}' | grep -c '^<'`));
    const first = count(`diff '${a}' '${b}' | head -4`).replace(/\n/g, ' ⏎ ');
    return {
      identical: false,
      lines,
      text: `DIFFERENT: ${lines} vs ${tsharkLines} lines, ${differing} of ours differ; first: ${first}`,
      ...runs,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
