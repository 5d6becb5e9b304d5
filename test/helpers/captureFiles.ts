/**
 * What the capture-driven tests share: the captures to run over (every fixture under
 * test/fixtures and every capture one folder deep under ../shared/corpus, when present),
 * running tshark or the built CLI the way the oracle comparisons need it, and whether
 * tshark is installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root (this file runs from <out>/test/helpers). */
export const repo = resolve(__dirname, '../../..');
export const fixtureDir = join(repo, 'test/fixtures');
/** Shared captures beside the repository, one folder per source (tcpdump, ...). */
export const corpusDir = resolve(repo, '../shared/corpus');

const captureName = /\.(pcap|pcapng|cap)(\.gz)?$/;

/** The captures (pcap, pcapng, cap, gzipped or not) directly in `dir`, sorted; none if it is absent. */
export function capturesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => captureName.test(f))
    .sort()
    .map((f) => join(dir, f));
}

export function fixtureCaptures(): string[] {
  return capturesIn(fixtureDir);
}

/** The captures in every folder of ../shared/corpus; none if it is absent. */
export function corpusCaptures(): string[] {
  if (!existsSync(corpusDir)) return [];
  return readdirSync(corpusDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => capturesIn(join(corpusDir, d.name)));
}

/** Fixtures first, then the corpus. */
export function allCaptures(): string[] {
  return [...fixtureCaptures(), ...corpusCaptures()];
}

let tshark: boolean | undefined;

/** Whether `tshark --version` runs (asked once). */
export function tsharkAvailable(): boolean {
  tshark ??= spawnSync('tshark', ['--version'], { encoding: 'utf8' }).status === 0;
  return tshark;
}

/**
 * `cmd args`'s stdout, run with TZ=UTC and LC_ALL=C.UTF-8 (tshark's times and text then
 * match ours) and room for large outputs; throws if it cannot be started.
 */
export function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, TZ: 'UTC', LC_ALL: 'C.UTF-8' },
  });
  if (r.error) throw r.error;
  return r.stdout;
}
