// Runs one command of the benchmark under GNU time (`/usr/bin/time -f '%e %M'`) and returns
// its wall time and peak resident memory; `timedRuns` repeats it and keeps the median wall
// time and the largest peak. Output goes to /dev/null unless a file is given (the fields
// comparison keeps both outputs once).
import { spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { median } from './benchStats.mjs';

/** One run: `{ wall (s), peakKb }`; throws with the command's stderr if it fails. */
export function timedRun(command, args, outFile = '/dev/null') {
  const out = openSync(outFile, 'w');
  try {
    const r = spawnSync('/usr/bin/time', ['-f', '%e %M', command, ...args], {
      stdio: ['ignore', out, 'pipe'],
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    const last = (r.stderr ?? '').trim().split('\n').at(-1) ?? '';
    const m = /^([\d.]+) (\d+)$/.exec(last);
    if (r.status !== 0 || !m) {
      throw new Error(`${command} ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
    }
    return { wall: Number(m[1]), peakKb: Number(m[2]) };
  } finally {
    closeSync(out);
  }
}

/**
 * `runs` runs: `{ wall: median, peakKb: max, walls }`; `earlier` runs (`{ wall, peakKb }`)
 * of the same command, made elsewhere, count among them.
 */
export function timedRuns(runs, command, args, earlier = []) {
  const walls = earlier.map((r) => r.wall);
  let peakKb = Math.max(0, ...earlier.map((r) => r.peakKb));
  for (let i = earlier.length; i < runs; i++) {
    const r = timedRun(command, args);
    walls.push(r.wall);
    peakKb = Math.max(peakKb, r.peakKb);
  }
  return { wall: median(walls), peakKb, walls };
}
