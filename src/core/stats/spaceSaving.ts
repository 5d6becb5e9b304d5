/**
 * Top-N counting in bounded memory: exact while at most `capacity` distinct keys have been
 * seen, then the Space-Saving algorithm (Metwally, Agrawal, El Abbadi, "Efficient
 * computation of frequent and top-k elements in data streams", ICDT 2005). When a new key
 * arrives and the table is full, the key with the smallest count is evicted and the newcomer
 * takes over its count + 1, recording that inherited count as its `error`. Guarantees: a
 * tracked key's true count lies in [count - error, count]; every key whose true count
 * exceeds (total / capacity) is tracked; the error is at most the minimum tracked count.
 *
 * Each entry may carry per-key data (a client's qtype mix, its series); an evicted entry's
 * data is reset for the newcomer, which is then marked as having partial data.
 *
 * Hand-written rather than a library: the entries carry data, and the min-heap here makes
 * each update O(log capacity) with no per-event allocation once warm.
 */

export interface TrackedEntry<T> {
  key: string;
  count: number;
  /** Overcount bound inherited at admission (0 when tracked since its first occurrence). */
  error: number;
  data: T;
  /** Heap slot (internal). */
  slot: number;
}

export class SpaceSaving<T> {
  private readonly byKey = new Map<string, TrackedEntry<T>>();
  /** Min-heap on count. */
  private readonly heap: Array<TrackedEntry<T>> = [];
  private evictions = 0;
  private distinctLowerBound = 0;

  constructor(
    readonly capacity: number,
    private readonly makeData: () => T,
  ) {}

  /** Counts `weight` occurrences of `key`; returns its entry. */
  add(key: string, weight = 1): TrackedEntry<T> {
    let e = this.byKey.get(key);
    if (e) {
      e.count += weight;
      this.siftDown(e.slot);
      return e;
    }
    if (this.heap.length < Math.max(1, this.capacity)) {
      this.distinctLowerBound++;
      e = { key, count: weight, error: 0, data: this.makeData(), slot: this.heap.length };
      this.heap.push(e);
      this.byKey.set(key, e);
      this.siftUp(e.slot);
      return e;
    }
    // Full: the minimum is replaced by the newcomer, which inherits its count as error.
    const min = this.heap[0] as TrackedEntry<T>;
    this.byKey.delete(min.key);
    this.evictions++;
    this.distinctLowerBound++;
    min.error = min.count;
    min.count += weight;
    min.key = key;
    min.data = this.makeData();
    this.byKey.set(key, min);
    this.siftDown(0);
    return min;
  }

  get(key: string): TrackedEntry<T> | undefined {
    return this.byKey.get(key);
  }

  get size(): number {
    return this.heap.length;
  }

  /** True once a key was evicted: counts are then upper bounds. */
  get approximate(): boolean {
    return this.evictions > 0;
  }

  /** Distinct keys seen: exact when not approximate, otherwise a lower bound. */
  get distinct(): number {
    return this.distinctLowerBound;
  }

  /** The largest error among tracked entries (0 when exact). */
  get maxError(): number {
    let m = 0;
    for (const e of this.heap) if (e.error > m) m = e.error;
    return m;
  }

  /** The n largest, count descending, then key ascending for stable output. */
  top(n: number): Array<TrackedEntry<T>> {
    return [...this.heap]
      .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .slice(0, Math.max(0, n));
  }

  entries(): Iterable<TrackedEntry<T>> {
    return this.heap;
  }

  private swap(i: number, j: number): void {
    const a = this.heap[i] as TrackedEntry<T>;
    const b = this.heap[j] as TrackedEntry<T>;
    this.heap[i] = b;
    this.heap[j] = a;
    b.slot = i;
    a.slot = j;
  }

  private siftUp(i: number): void {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if ((this.heap[p] as TrackedEntry<T>).count <= (this.heap[i] as TrackedEntry<T>).count)
        return;
      this.swap(i, p);
      i = p;
    }
  }

  private siftDown(i: number): void {
    const n = this.heap.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (
        l < n &&
        (this.heap[l] as TrackedEntry<T>).count < (this.heap[m] as TrackedEntry<T>).count
      )
        m = l;
      if (
        r < n &&
        (this.heap[r] as TrackedEntry<T>).count < (this.heap[m] as TrackedEntry<T>).count
      )
        m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }
}
