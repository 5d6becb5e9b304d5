/**
 * A string → count tally that turns into a JSON object with the largest counts first
 * (ties by key), so reports list keys in a stable, useful order.
 */
import type { CountTable } from '../report/summaryReport';

export class Tally {
  private readonly counts = new Map<string, number>();

  add(key: string, n = 1): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + n);
  }

  get(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  get size(): number {
    return this.counts.size;
  }

  keys(): IterableIterator<string> {
    return this.counts.keys();
  }

  toTable(): CountTable {
    return sortedTable(this.counts);
  }
}

export function sortedTable(counts: ReadonlyMap<string, number>): CountTable {
  const entries = [...counts].sort(
    (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0),
  );
  const out: CountTable = {};
  for (const [k, v] of entries) out[k] = v;
  return out;
}

/**
 * A number → count tally named only when it becomes a table (`name` gives each number's
 * key; numbers with the same name add up): per-message counting without building or
 * hashing a string.
 */
export class NumberTally {
  private readonly counts = new Map<number, number>();

  constructor(private readonly name: (n: number) => string) {}

  add(n: number): void {
    this.counts.set(n, (this.counts.get(n) ?? 0) + 1);
  }

  has(n: number): boolean {
    return this.counts.has(n);
  }

  get size(): number {
    return this.counts.size;
  }

  /** The counts by name, plus `extra` keys (e.g. an "other" bucket) when non-zero. */
  toTable(extra: Readonly<Record<string, number>> = {}): CountTable {
    const named = new Map<string, number>();
    for (const [n, c] of this.counts) {
      const k = this.name(n);
      named.set(k, (named.get(k) ?? 0) + c);
    }
    for (const [k, c] of Object.entries(extra)) if (c > 0) named.set(k, (named.get(k) ?? 0) + c);
    return sortedTable(named);
  }
}
