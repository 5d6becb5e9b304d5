// `npm run bench -- --committed`: measures the committed code only. Other work in a shared
// working tree rebuilds dist/ from uncommitted sources at any time, so this exports HEAD
// (git archive) into a temporary folder, links node_modules, builds it there, runs the
// benchmark from that copy with the same options and copies its results file back.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs bench/run.mjs `args` on an export of HEAD; returns its exit status. */
export function runOnCommitted(repo, args) {
  const dir = mkdtempSync(join(tmpdir(), 'dnspector-bench-head-'));
  try {
    const commit = execFileSync('git', ['-C', repo, 'log', '-1', '--format=%h %s'], {
      encoding: 'utf8',
    }).trim();
    execFileSync('bash', ['-c', `git -C '${repo}' archive HEAD | tar -x -C '${dir}'`]);
    symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));
    console.error(`== measuring the committed code (${commit}) in ${dir}`);
    execFileSync(process.execPath, ['esbuild.mjs'], { cwd: dir, stdio: 'inherit' });
    const r = spawnSync(process.execPath, [join(dir, 'bench/run.mjs'), ...args], {
      cwd: dir,
      stdio: 'inherit',
      env: { ...process.env, DNSPECTOR_BENCH_CODE: `${commit} (committed: git archive HEAD)` },
    });
    if (r.status === 0) {
      mkdirSync(join(repo, 'bench/results'), { recursive: true });
      copyFileSync(join(dir, 'bench/results/latest.md'), join(repo, 'bench/results/latest.md'));
    }
    return r.status ?? 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
