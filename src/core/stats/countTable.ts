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
