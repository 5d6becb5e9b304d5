/**
 * The list view over an indexed file, whatever its units are (capture frames, log
 * lines): which units pass the display filter (evaluated in slices, in unit order, on
 * each unit's field tree, or on less when the session offers a fast tester for the
 * filter's fields) and in what order they are shown (sorted by a column, ties in
 * unit order; re-sorted at most once a second while units still come in). Units are
 * numbered 1..count. Sessions (captureSession.ts, logSession.ts) own one and supply the
 * trees and the sort keys.
 */
import type { FieldNode } from '../field';
import type { FieldLookup } from '../filter/filterEval';
import type { ColumnId, FilterError, ViewInfo } from '../protocol/captureMessages';

/** A compiled display filter, as the view needs it. */
export interface CompiledFilter {
  matches(tree: readonly FieldNode[]): boolean;
  /** The field and protocol names it reads (a session may then answer without a tree). */
  readonly fields?: ReadonlySet<string>;
  /** The same test over any lookup of a unit's fields (with `fields`). */
  matchesLookup?(lookup: FieldLookup): boolean;
}

export type FilterCompiler = (
  text: string,
) => { ok: true; filter: CompiledFilter } | { ok: false; error: FilterError };

/** What the view needs from its session. */
export interface ViewSource {
  /** Units indexed so far. */
  count(): number;
  /** Indexing is over. */
  complete(): boolean;
  /**
   * A tree maker for one filter pass: called for units 1, 2, 3... in order (a capture's
   * dissector keeps cross-frame state along the way).
   */
  treeMaker(): (n: number) => readonly FieldNode[];
  /**
   * A faster test for one filter pass, when the session can answer the filter's fields
   * without a tree (called for units 1, 2, 3... in order, like treeMaker's function);
   * undefined for the tree path.
   */
  fastTester?(filter: CompiledFilter): ((n: number) => boolean) | undefined;
  /** Compares two units by a column (ascending); `units` are the ones being sorted. */
  comparator(column: ColumnId, units: Uint32Array): (a: number, b: number) => number;
}

interface FilterRun {
  text: string;
  /** Whether unit n passes (the units are asked in order). */
  test: (n: number) => boolean;
  /** Units evaluated so far (1..scanned). */
  scanned: number;
  matched: Uint32Array;
  count: number;
}

export class ViewModel {
  private filterRun: FilterRun | undefined;
  private sortState: { column: ColumnId; descending: boolean } = {
    column: 'number',
    descending: false,
  };
  private order: Uint32Array | undefined;
  private orderSize = -1;
  private orderTime = 0;

  constructor(
    private readonly source: ViewSource,
    private readonly compile: FilterCompiler,
  ) {}

  /** True while a filter still has units to evaluate. */
  get busy(): boolean {
    const f = this.filterRun;
    return f !== undefined && f.scanned < this.source.count();
  }

  /** Evaluates the filter on up to `budget` more units. */
  work(budget: number): void {
    const f = this.filterRun;
    if (!f) return;
    const end = Math.min(this.source.count(), f.scanned + budget);
    for (let n = f.scanned + 1; n <= end; n++) {
      let pass: boolean;
      try {
        pass = f.test(n);
      } catch {
        // A dissector or filter bug must not stop the filter: the unit just does not match.
        pass = false;
      }
      if (pass) {
        if (f.count === f.matched.length) {
          const bigger = new Uint32Array(f.matched.length * 2);
          bigger.set(f.matched);
          f.matched = bigger;
        }
        f.matched[f.count++] = n;
      }
      f.scanned = n;
    }
  }

  /** Rows in the view now. */
  get total(): number {
    return this.filterRun ? this.filterRun.count : this.source.count();
  }

  private baseUnit(i: number): number {
    return this.filterRun ? (this.filterRun.matched[i] ?? 0) : i + 1;
  }

  info(): ViewInfo {
    return {
      total: this.total,
      packets: this.source.count(),
      filter: this.filterRun?.text ?? '',
      sort: { ...this.sortState },
      complete: this.source.complete() && !this.busy,
    };
  }

  private isDefaultSort(): boolean {
    return this.sortState.column === 'number' && !this.sortState.descending;
  }

  /** The sorted order of the current rows, rebuilt when rows were added (at most once a second while they still come). */
  private sorted(): Uint32Array | undefined {
    if (this.isDefaultSort()) return undefined;
    const size = this.total;
    const stale = this.order === undefined || this.orderSize !== size;
    const settled = this.info().complete;
    if (stale && (this.order === undefined || settled || Date.now() - this.orderTime > 1000)) {
      const units = new Uint32Array(size);
      for (let i = 0; i < size; i++) units[i] = this.baseUnit(i);
      const compare = this.source.comparator(this.sortState.column, units);
      const sign = this.sortState.descending ? -1 : 1;
      units.sort((a, b) => {
        const c = compare(a, b);
        return c !== 0 ? sign * c : a - b;
      });
      this.order = units;
      this.orderSize = size;
      this.orderTime = Date.now();
    }
    return this.order;
  }

  /** The unit shown in row i. */
  unitAt(i: number): number {
    const order = this.sorted();
    return order ? (order[i] ?? 0) : this.baseUnit(i);
  }

  /** Units of rows [start, start+count), at most 1000. */
  units(start: number, count: number): number[] {
    const total = this.total;
    const from = Math.min(start, total);
    const end = Math.min(total, from + Math.min(count, 1000));
    const out: number[] = [];
    for (let i = from; i < end; i++) out.push(this.unitAt(i));
    return out;
  }

  setFilter(text: string): { ok: true; view: ViewInfo } | { ok: false; error: FilterError } {
    const trimmed = text.trim();
    if (trimmed === '') {
      this.filterRun = undefined;
      this.order = undefined;
      return { ok: true, view: this.info() };
    }
    // The same filter again (the command and the filter box both apply it): keep its run.
    if (this.filterRun?.text === trimmed) return { ok: true, view: this.info() };
    const compiled = this.compile(trimmed);
    if (!compiled.ok) return compiled;
    this.order = undefined;
    const filter = compiled.filter;
    let test = this.source.fastTester?.(filter);
    if (test === undefined) {
      const tree = this.source.treeMaker();
      test = (n) => filter.matches(tree(n));
    }
    this.filterRun = {
      text: trimmed,
      test,
      scanned: 0,
      matched: new Uint32Array(1024),
      count: 0,
    };
    return { ok: true, view: this.info() };
  }

  setSort(column: ColumnId, descending: boolean): { view: ViewInfo } {
    this.sortState = { column, descending };
    this.order = undefined;
    return { view: this.info() };
  }

  /** Row index of unit n in the view, or null when the filter hides it (or there is none). */
  findRow(n: number): number | null {
    if (n < 1 || n > this.source.count()) return null;
    const order = this.sorted();
    if (order) {
      const at = order.indexOf(n);
      return at < 0 ? null : at;
    }
    if (!this.filterRun) return n - 1;
    // The filtered units are in ascending order: binary search.
    const m = this.filterRun.matched;
    let lo = 0;
    let hi = this.filterRun.count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = m[mid] ?? 0;
      if (v === n) return mid;
      if (v < n) lo = mid + 1;
      else hi = mid - 1;
    }
    return null;
  }
}

/** Rank of each string in sorted order (for sorting rows by an interned column). */
export function stringRanks(strings: readonly string[]): Int32Array {
  const ids = strings.map((_, i) => i).sort((a, b) => compareText(strings[a], strings[b]));
  const rank = new Int32Array(strings.length);
  ids.forEach((id, r) => (rank[id] = r));
  return rank;
}

function compareText(a = '', b = ''): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
