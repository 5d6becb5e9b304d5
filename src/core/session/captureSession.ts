/**
 * One open capture in the editor: the index built as records stream in, the transaction
 * matcher's annotations, and the current view (display filter, sort order) over it. It
 * implements the capture protocol's requests (CaptureApi) for whoever owns it: the index
 * worker in the extension, or a test. Filtering and sorting run in slices (`work`) so the
 * owner can answer requests and report progress in between; rows come from re-reading
 * packets by position (PacketView), so nothing per packet is kept but the index.
 */
import type { CaptureRecord } from '../capture/captureRecord';
import type { FieldNode } from '../field';
import { FrameDissector } from '../dissect/frame';
import { tcpStreamsSeen } from '../dissect/tcp';
import { frameMessageEvents } from '../stats/frameEvents';
import { TransactionMatcher } from '../transactions/transactionMatcher';
import { addTransactionFields } from '../transactions/transactionFields';
import type {
  CaptureApi,
  ColumnId,
  FilterError,
  PacketDetail,
  PacketRow,
  ViewInfo,
} from '../protocol/captureMessages';
import { CaptureIndex } from './captureIndex';
import { PacketView, type ByteReader, type PacketViewOptions } from './packetView';

/** A compiled display filter, as the session needs it. */
export interface CompiledFilter {
  matches(tree: readonly FieldNode[]): boolean;
}

export type FilterCompiler = (
  text: string,
) => { ok: true; filter: CompiledFilter } | { ok: false; error: FilterError };

export interface CaptureSessionOptions extends Omit<PacketViewOptions, 'format' | 'decimals'> {
  compileFilter: FilterCompiler;
}

interface FilterRun {
  text: string;
  filter: CompiledFilter;
  dissector: FrameDissector;
  /** Frames evaluated so far (1..scanned). */
  scanned: number;
  matched: Uint32Array;
  count: number;
}

export class CaptureSession implements CaptureApi {
  readonly index = new CaptureIndex();
  private readonly indexer: FrameDissector;
  private readonly matcher = new TransactionMatcher(() => undefined, { idleTimeoutNs: null });
  private packetView: PacketView | undefined;
  private format: 'pcap' | 'pcapng' = 'pcap';
  private decimals: 6 | 9 = 6;
  /** Indexing finished (end of file or a fatal problem). */
  complete = false;
  readonly problems: string[] = [];

  private filterRun: FilterRun | undefined;
  private sortState: { column: ColumnId; descending: boolean } = {
    column: 'number',
    descending: false,
  };
  private order: Uint32Array | undefined;
  private orderSize = -1;
  private orderTime = 0;

  constructor(
    private readonly read: ByteReader,
    private readonly options: CaptureSessionOptions,
  ) {
    this.indexer = new FrameDissector(options.dissect);
  }

  /** The file's format, once known (before the first record). */
  setFormat(format: 'pcap' | 'pcapng', nanoseconds: boolean): void {
    this.format = format;
    this.decimals = nanoseconds ? 9 : 6;
    this.indexer.setFormat(format);
  }

  private get view(): PacketView {
    this.packetView ??= new PacketView(this.index, this.read, {
      ...this.options,
      format: this.format,
      decimals: this.decimals,
    });
    return this.packetView;
  }

  /** Changes how the Time column is shown (the setting changed); rows must be fetched again. */
  setTimeDisplay(timeDisplay: PacketViewOptions['timeDisplay'], utc: boolean): void {
    this.options.timeDisplay = timeDisplay;
    this.options.utc = utc;
    this.packetView = undefined;
  }

  /** Indexes the next record (the reader's sink). */
  addRecord(record: CaptureRecord): void {
    const frame = this.indexer.dissect(record, false);
    this.index.add(record, frame, tcpStreamsSeen(this.indexer.state));
    if (frame.dns.length > 0) {
      const list = frameMessageEvents(frame).map((e) => this.matcher.push(e));
      if (list.some((a) => a !== null)) this.index.annotations.set(record.frame, list);
    }
  }

  /** Indexing is over; `problems` say why it stopped early, if it did. */
  finish(problems: readonly string[]): void {
    this.complete = true;
    this.problems.push(...problems);
  }

  /** True while a filter still has frames to evaluate. */
  get busy(): boolean {
    const f = this.filterRun;
    return f !== undefined && f.scanned < this.index.count;
  }

  /** Evaluates the filter on up to `budget` more frames. */
  work(budget: number): void {
    const f = this.filterRun;
    if (!f) return;
    const end = Math.min(this.index.count, f.scanned + budget);
    const view = this.view;
    for (let n = f.scanned + 1; n <= end; n++) {
      let pass: boolean;
      try {
        const frame = f.dissector.dissect(view.recordOf(n), true);
        addTransactionFields(frame, this.index.annotations.get(n) ?? []);
        pass = f.filter.matches(frame.tree ?? []);
      } catch {
        // A dissector or filter bug must not stop the filter: the frame just does not match.
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

  /** How many rows the view has now. */
  private baseCount(): number {
    return this.filterRun ? this.filterRun.count : this.index.count;
  }

  private baseFrame(i: number): number {
    return this.filterRun ? (this.filterRun.matched[i] ?? 0) : i + 1;
  }

  viewInfo(): ViewInfo {
    const filtering = this.filterRun !== undefined && this.busy;
    return {
      total: this.baseCount(),
      packets: this.index.count,
      filter: this.filterRun?.text ?? '',
      sort: { ...this.sortState },
      complete: this.complete && !filtering,
    };
  }

  private isDefaultSort(): boolean {
    return this.sortState.column === 'number' && !this.sortState.descending;
  }

  /** The sorted order of the current rows, rebuilt when rows were added (at most once a second while they still come). */
  private sorted(): Uint32Array | undefined {
    if (this.isDefaultSort()) return undefined;
    const size = this.baseCount();
    const stale = this.order === undefined || this.orderSize !== size;
    const settled = this.viewInfo().complete;
    if (stale && (this.order === undefined || settled || Date.now() - this.orderTime > 1000)) {
      const frames = new Uint32Array(size);
      for (let i = 0; i < size; i++) frames[i] = this.baseFrame(i);
      frames.sort(this.comparator());
      this.order = frames;
      this.orderSize = size;
      this.orderTime = Date.now();
    }
    return this.order;
  }

  private comparator(): (a: number, b: number) => number {
    const idx = this.index;
    const sign = this.sortState.descending ? -1 : 1;
    const byNumber = (a: number, b: number) => a - b;
    const tie = (c: number, a: number, b: number) => (c !== 0 ? sign * c : a - b);
    switch (this.sortState.column) {
      case 'number':
        return (a, b) => sign * byNumber(a, b);
      case 'time':
        return (a, b) => {
          const x = idx.timeNs[a - 1] ?? 0n;
          const y = idx.timeNs[b - 1] ?? 0n;
          return tie(x < y ? -1 : x > y ? 1 : 0, a, b);
        };
      case 'length':
        return (a, b) =>
          tie((idx.originalLength[a - 1] ?? 0) - (idx.originalLength[b - 1] ?? 0), a, b);
      case 'source':
      case 'destination':
      case 'protocol': {
        const column =
          this.sortState.column === 'source'
            ? idx.source
            : this.sortState.column === 'destination'
              ? idx.destination
              : idx.protocol;
        const rank = stringRanks(idx.strings.strings);
        return (a, b) =>
          tie((rank[column[a - 1] ?? 0] ?? 0) - (rank[column[b - 1] ?? 0] ?? 0), a, b);
      }
      case 'info': {
        const info = new Map<number, string>();
        const size = this.baseCount();
        const frames: number[] = [];
        for (let i = 0; i < size; i++) frames.push(this.baseFrame(i));
        for (const row of this.view.rows(frames, false)) info.set(row.number, row.info);
        return (a, b) => tie((info.get(a) ?? '').localeCompare(info.get(b) ?? ''), a, b);
      }
    }
  }

  private viewFrame(i: number): number {
    const order = this.sorted();
    return order ? (order[i] ?? 0) : this.baseFrame(i);
  }

  // --- CaptureApi ---------------------------------------------------------------------

  getRows(args: { start: number; count: number }): { rows: PacketRow[]; view: ViewInfo } {
    const total = this.baseCount();
    const start = Math.min(args.start, total);
    const end = Math.min(total, start + Math.min(args.count, 1000));
    const frames: number[] = [];
    for (let i = start; i < end; i++) frames.push(this.viewFrame(i));
    return { rows: this.view.rows(frames, this.complete), view: this.viewInfo() };
  }

  getPacket(args: { number: number }): PacketDetail {
    if (args.number < 1 || args.number > this.index.count) {
      throw new Error(`there is no packet ${args.number} (the capture has ${this.index.count})`);
    }
    return this.view.detail(args.number);
  }

  setFilter(args: {
    text: string;
  }): { ok: true; view: ViewInfo } | { ok: false; error: FilterError } {
    const text = args.text.trim();
    this.order = undefined;
    if (text === '') {
      this.filterRun = undefined;
      return { ok: true, view: this.viewInfo() };
    }
    const compiled = this.options.compileFilter(text);
    if (!compiled.ok) return compiled;
    const dissector = new FrameDissector(this.options.dissect);
    dissector.setFormat(this.format);
    this.filterRun = {
      text,
      filter: compiled.filter,
      dissector,
      scanned: 0,
      matched: new Uint32Array(1024),
      count: 0,
    };
    return { ok: true, view: this.viewInfo() };
  }

  setSort(args: { column: ColumnId; descending: boolean }): { view: ViewInfo } {
    this.sortState = { column: args.column, descending: args.descending };
    this.order = undefined;
    return { view: this.viewInfo() };
  }

  findRow(args: { number: number }): { index: number | null } {
    const n = args.number;
    if (n < 1 || n > this.index.count) return { index: null };
    const order = this.sorted();
    if (order) {
      const at = order.indexOf(n);
      return { index: at < 0 ? null : at };
    }
    if (!this.filterRun) return { index: n - 1 };
    // The filtered frames are in ascending order: binary search.
    const m = this.filterRun.matched;
    let lo = 0;
    let hi = this.filterRun.count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = m[mid] ?? 0;
      if (v === n) return { index: mid };
      if (v < n) lo = mid + 1;
      else hi = mid - 1;
    }
    return { index: null };
  }

  /** The frame the transaction item of frame n points to (Follow Transaction). */
  partnerOf(n: number): number | undefined {
    for (const a of this.index.annotations.get(n) ?? []) {
      const other = a?.responseIn ?? a?.responseTo ?? a?.retransmitRequestIn;
      if (other !== undefined) return other;
    }
    return undefined;
  }
}

/** Rank of each string in sorted order (for sorting rows by an interned column). */
function stringRanks(strings: readonly string[]): Int32Array {
  const ids = strings.map((_, i) => i).sort((a, b) => compareText(strings[a], strings[b]));
  const rank = new Int32Array(strings.length);
  ids.forEach((id, r) => (rank[id] = r));
  return rank;
}

function compareText(a = '', b = ''): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
