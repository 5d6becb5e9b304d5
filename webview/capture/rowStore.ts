/**
 * The packet list's rows, fetched by page from the host with getRows and kept in an LRU
 * cache keyed by view generation and page. A viewChanged event starts a new generation:
 * the cache is dropped (rows may have moved), replies for older generations are ignored,
 * and the old rows stay available as a stale fallback so the list does not blank out
 * while the fresh rows are on their way. No DOM: unit-tested in Node.
 */
import type { PacketRow, ViewInfo } from '../../src/core/protocol/captureMessages';
import { LruCache } from '../shared/lruCache';

export const PAGE_SIZE = 64;

export type FetchRows = (
  start: number,
  count: number,
) => Promise<{ rows: PacketRow[]; view: ViewInfo }>;

export class RowStore {
  private generation = 0;
  private cache: LruCache<number, PacketRow[]>;
  private stale: LruCache<number, PacketRow[]> | undefined;
  private readonly inFlight = new Set<number>();

  constructor(
    private readonly fetch: FetchRows,
    /** Called when a page arrived (re-render). */
    private readonly onPage: (view: ViewInfo) => void,
    private readonly onError: (error: unknown) => void = () => undefined,
    capacity = 64,
  ) {
    this.cache = new LruCache(capacity);
  }

  /** Drops the cache: the view changed. */
  invalidate(): void {
    this.generation++;
    if (this.cache.size > 0) this.stale = this.cache;
    this.cache = new LruCache(this.cache.capacity);
    this.inFlight.clear();
  }

  /** The row at `index`, fresh or (while refetching) stale; undefined if not fetched. */
  row(index: number): PacketRow | undefined {
    const page = Math.floor(index / PAGE_SIZE);
    const rows = this.cache.get(page) ?? this.stale?.peek(page);
    return rows?.[index - page * PAGE_SIZE];
  }

  /** Whether row `index` is in the current generation's cache. */
  isFresh(index: number): boolean {
    return this.cache.has(Math.floor(index / PAGE_SIZE));
  }

  /** Requests the pages of rows [first, end) that are neither cached nor on their way. */
  ensure(first: number, end: number): number[] {
    const requested: number[] = [];
    if (end <= first) return requested;
    const lastPage = Math.floor((end - 1) / PAGE_SIZE);
    for (let page = Math.floor(first / PAGE_SIZE); page <= lastPage; page++) {
      if (this.cache.has(page) || this.inFlight.has(page)) continue;
      this.inFlight.add(page);
      requested.push(page);
      const generation = this.generation;
      this.fetch(page * PAGE_SIZE, PAGE_SIZE).then(
        ({ rows, view }) => {
          if (generation !== this.generation) return;
          this.inFlight.delete(page);
          this.cache.set(page, rows);
          this.onPage(view);
        },
        (error: unknown) => {
          if (generation === this.generation) this.inFlight.delete(page);
          this.onError(error);
        },
      );
    }
    return requested;
  }
}
