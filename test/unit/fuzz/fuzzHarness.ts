/**
 * The suite's fuzzer: a seeded mutation loop (AFL's "havoc" stage without coverage
 * feedback) over real seeds (test/fixtures, ../shared/corpus when present). Each target
 * gets its inputs from stacked byte mutations of its seeds, runs them through the code
 * under test and checks invariants; a failing input is written to a temp file and the
 * error names the seed and iteration that reproduce it.
 *
 * Hand-written rather than @jazzer.js/core: no native build, runs in plain mocha, and
 * every run is reproducible from DNSPECTOR_FUZZ_SEED. fast-check drives the structured
 * properties (TCP segments, log lines); this loop drives the byte formats.
 *
 * Budget: DNSPECTOR_FUZZ_RUNS inputs per target (default: the suite's short run), or
 * DNSPECTOR_FUZZ_SECONDS seconds per target (the long run, `npm run fuzz`).
 *
 * Time bound per input: each input is timed and must finish within a generous bound
 * proportional to its size (FUZZ_MS_BASE + FUZZ_MS_PER_KIB per KiB); the slowest input
 * and its cost per KiB are reported. The real guards against super-linear work are the
 * counted ones the targets check (tree items per input byte, name-decoding budgets).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** mulberry32: a small, fast, seedable PRNG (deterministic runs). */
export class Rng {
  constructor(private state: number) {}
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }
  /** An integer in [0, n). */
  below(n: number): number {
    return n <= 0 ? 0 : this.next() % n;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[this.below(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  chance(oneIn: number): boolean {
    return this.below(oneIn) === 0;
  }
}

const INTERESTING_8 = [0x00, 0x01, 0x3f, 0x40, 0x7f, 0x80, 0xc0, 0xff];
const INTERESTING_16 = [0x0000, 0x0001, 0x00ff, 0x0100, 0x7fff, 0x8000, 0xc00c, 0xffff];
const INTERESTING_32 = [0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 0x10000, 0x1000000, 0xfffffff0];

/** One mutated copy of `input` (1 to 8 stacked mutations), at most `maxLength` bytes. */
export function mutate(
  input: Uint8Array,
  rng: Rng,
  others: readonly Uint8Array[],
  maxLength: number,
): Uint8Array {
  let b: Uint8Array = Uint8Array.from(input);
  const stack = 1 + rng.below(8);
  for (let i = 0; i < stack; i++) {
    const n = b.length;
    const at = rng.below(n);
    switch (rng.below(11)) {
      case 0: // flip a bit
        if (n > 0) b[at] = (b[at] ?? 0) ^ (1 << rng.below(8));
        break;
      case 1: // an interesting byte
        if (n > 0) b[at] = rng.pick(INTERESTING_8);
        break;
      case 2: // an interesting 16-bit value, either byte order
        if (n >= 2) writeWord(b, rng.below(n - 1), rng.pick(INTERESTING_16), 2, rng.chance(2));
        break;
      case 3: // an interesting 32-bit value (lengths, counts, times)
        if (n >= 4) writeWord(b, rng.below(n - 3), rng.pick(INTERESTING_32), 4, rng.chance(2));
        break;
      case 4: // small arithmetic on a byte
        if (n > 0) b[at] = ((b[at] ?? 0) + rng.below(35) - 17) & 0xff;
        break;
      case 5: // a random byte
        if (n > 0) b[at] = rng.below(256);
        break;
      case 6: // delete a block
        if (n > 1) {
          const len = 1 + rng.below(Math.min(n - at, 64));
          b = join2(b.subarray(0, at), b.subarray(at + len));
        }
        break;
      case 7: {
        // duplicate a block of itself somewhere
        if (n === 0) break;
        const from = rng.below(n);
        const len = 1 + rng.below(Math.min(n - from, 64));
        const to = rng.below(n + 1);
        b = join2(join2(b.subarray(0, to), b.slice(from, from + len)), b.subarray(to));
        break;
      }
      case 8: {
        // overwrite with a block of another seed (splice)
        const other = others.length > 0 ? rng.pick(others) : b;
        if (other.length === 0 || n === 0) break;
        const from = rng.below(other.length);
        const len = Math.min(1 + rng.below(64), other.length - from, n - at);
        b.set(other.subarray(from, from + len), at);
        break;
      }
      case 9: // cut the end
        b = b.slice(0, rng.below(n + 1));
        break;
      default: {
        // insert random bytes
        const len = 1 + rng.below(16);
        const fresh = new Uint8Array(len);
        for (let k = 0; k < len; k++) fresh[k] = rng.below(256);
        const to = rng.below(n + 1);
        b = join2(join2(b.subarray(0, to), fresh), b.subarray(to));
      }
    }
  }
  return b.length > maxLength ? b.slice(0, maxLength) : b;
}

function writeWord(b: Uint8Array, at: number, v: number, size: 2 | 4, big: boolean): void {
  for (let k = 0; k < size; k++) {
    const shift = 8 * (big ? size - 1 - k : k);
    b[at + k] = (v >>> shift) & 0xff;
  }
}

function join2(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

export interface FuzzTarget {
  name: string;
  seeds: readonly Uint8Array[];
  /** Inputs are cut to this length. */
  maxLength: number;
  /** Runs one input; throws (assert) when an invariant fails. */
  run(input: Uint8Array, rng: Rng): void;
}

export interface FuzzStats {
  target: string;
  executions: number;
  seconds: number;
  slowestMs: number;
  slowestBytes: number;
  /** The highest time per KiB over inputs of 1 KiB or more (ms). */
  worstMsPerKiB: number;
}

/** Per-input bound: generous, proportional to size (see the header). */
export const FUZZ_MS_BASE = 2000;
export const FUZZ_MS_PER_KIB = 250;

/** The budget from the environment: runs per target, or seconds per target for long runs. */
export function fuzzBudget(defaultRuns: number): { runs: number; seconds: number | undefined } {
  const seconds = Number(process.env.DNSPECTOR_FUZZ_SECONDS ?? '');
  const runs = Number(process.env.DNSPECTOR_FUZZ_RUNS ?? '');
  return {
    runs: Number.isFinite(runs) && runs > 0 ? runs : defaultRuns,
    seconds: Number.isFinite(seconds) && seconds > 0 ? seconds : undefined,
  };
}

export function fuzzSeed(): number {
  const s = Number(process.env.DNSPECTOR_FUZZ_SEED ?? '');
  return Number.isFinite(s) && s !== 0 ? s >>> 0 : 0x5eed1234;
}

/** Every test's mocha timeout: the long run sets its own. */
export function fuzzTimeoutMs(defaultRuns: number): number {
  const { seconds } = fuzzBudget(defaultRuns);
  return seconds === undefined ? 120_000 : (seconds + 120) * 1000;
}

/** Runs a target for its budget: seeds first as they are, then mutations. Throws on a failure. */
export function runFuzz(target: FuzzTarget, defaultRuns: number): FuzzStats {
  const { runs, seconds } = fuzzBudget(defaultRuns);
  const seed = fuzzSeed();
  const rng = new Rng(seed ^ hashName(target.name));
  const started = performance.now();
  const stats: FuzzStats = {
    target: target.name,
    executions: 0,
    seconds: 0,
    slowestMs: 0,
    slowestBytes: 0,
    worstMsPerKiB: 0,
  };
  const deadline = seconds === undefined ? Infinity : started + seconds * 1000;
  for (let i = 0; seconds === undefined ? i < runs : performance.now() < deadline; i++) {
    const base = target.seeds[i % Math.max(1, target.seeds.length)] ?? new Uint8Array(0);
    const input =
      i < target.seeds.length
        ? base.slice(0, target.maxLength)
        : mutate(base, rng, target.seeds, target.maxLength);
    const t0 = performance.now();
    try {
      target.run(input, new Rng(seed + i));
    } catch (err) {
      throw new Error(failureText(target.name, seed, i, input, err), { cause: err });
    }
    const ms = performance.now() - t0;
    stats.executions++;
    if (ms > stats.slowestMs) {
      stats.slowestMs = ms;
      stats.slowestBytes = input.length;
    }
    if (input.length >= 1024) {
      stats.worstMsPerKiB = Math.max(stats.worstMsPerKiB, ms / (input.length / 1024));
    }
    const bound = FUZZ_MS_BASE + (FUZZ_MS_PER_KIB * input.length) / 1024;
    if (ms > bound) {
      throw new Error(
        failureText(target.name, seed, i, input, `took ${ms.toFixed(0)} ms (bound ${bound} ms)`),
      );
    }
  }
  stats.seconds = (performance.now() - started) / 1000;
  return stats;
}

function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function failureText(name: string, seed: number, i: number, input: Uint8Array, err: unknown) {
  const dir = join(tmpdir(), 'dnspector-fuzz');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name.replace(/[^\w.-]/g, '_')}-${seed}-${i}.bin`);
  writeFileSync(file, input);
  const hexText = Buffer.from(input.subarray(0, 512)).toString('hex');
  const why = err instanceof Error ? (err.stack ?? err.message) : String(err);
  return (
    `fuzz target ${name} failed on input ${i} (DNSPECTOR_FUZZ_SEED=${seed}, ${input.length} bytes, ` +
    `saved as ${file}): ${why}\ninput (hex${input.length > 512 ? ', first 512 bytes' : ''}): ${hexText}`
  );
}

/** One line per target for the run's log (the README's long-run figures come from these). */
export function statsLine(s: FuzzStats): string {
  return (
    `fuzz ${s.target}: ${s.executions} inputs in ${s.seconds.toFixed(1)} s, slowest ` +
    `${s.slowestMs.toFixed(1)} ms (${s.slowestBytes} bytes), worst ${s.worstMsPerKiB.toFixed(2)} ms/KiB`
  );
}
