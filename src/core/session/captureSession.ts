/**
 * One open capture in the editor: the index built as records stream in, the transaction
 * matcher's annotations, and the current view (display filter, sort order; viewModel.ts)
 * over it. It implements the capture protocol's requests (CaptureApi) for whoever owns it:
 * the index worker in the extension, or a test. A filter on scan fields only is evaluated
 * on scan-mode dissections (scanFieldLookup.ts), others on each frame's field tree.
 * Filtering runs in slices (`work`) so the owner can answer requests and report progress
 * in between; rows come from re-reading packets by position (PacketView), so nothing per
 * packet is kept but the index.
 */
import type { CaptureRecord } from '../capture/captureRecord';
import { FrameDissector, type DissectedFrame } from '../dissect/frame';
import { tcpStreamsSeen } from '../dissect/tcp';
import { frameMessageEvents } from '../stats/frameEvents';
import { TransactionMatcher } from '../transactions/transactionMatcher';
import { UdpDnsFastScan } from '../scan/udpDnsFastScan';
import { addTransactionFields } from '../transactions/transactionFields';
import type { ColumnId, PacketDetail, PacketRow, ViewInfo } from '../protocol/captureMessages';
import { CaptureIndex, Mark } from './captureIndex';
import type { EditorSession } from './editorSession';
import { ViewedSession } from './viewedSession';
import { PacketView, type ByteReader, type PacketViewOptions } from './packetView';
import { ScanFieldReader, scanAnswers } from './scanFieldLookup';
import {
  stringRanks,
  ViewModel,
  type CompiledFilter,
  type FilterCompiler,
  type ViewSource,
} from './viewModel';

export type { CompiledFilter, FilterCompiler } from './viewModel';

export interface CaptureSessionOptions extends Omit<PacketViewOptions, 'format' | 'decimals'> {
  compileFilter: FilterCompiler;
  /**
   * Evaluate filters that read only scan fields (scanFieldLookup.ts) on the scan instead
   * of each frame's tree (default true; false forces the tree path, for comparisons).
   */
  fastFilter?: boolean;
  /**
   * Index plain UDP DNS frames with the statistics' fast scan (udpDnsFastScan.ts) instead
   * of the dissector (default true; false dissects every frame, for comparisons).
   */
  fastScan?: boolean;
  /** Called each time a filter pass builds a frame's field tree (tests count them). */
  onFilterTree?: (frame: number) => void;
}

export class CaptureSession extends ViewedSession implements EditorSession {
  readonly index = new CaptureIndex();
  private readonly indexer: FrameDissector;
  private readonly fastScan: UdpDnsFastScan | undefined;
  /** Matches queries with responses while indexing; dropped when indexing is over. */
  private matcher: TransactionMatcher | undefined = new TransactionMatcher(() => undefined, {
    idleTimeoutNs: null,
  });
  private packetView: PacketView | undefined;
  private format: 'pcap' | 'pcapng' = 'pcap';
  private decimals: 6 | 9 = 6;
  /** Indexing finished (end of file or a fatal problem). */
  complete = false;
  readonly problems: string[] = [];
  protected readonly viewModel: ViewModel;

  constructor(
    private readonly read: ByteReader,
    private readonly options: CaptureSessionOptions,
  ) {
    super();
    // The index needs no Info text and no walk of record data (the statistics' scan).
    this.indexer = new FrameDissector({ ...options.dissect, dnsInfo: false });
    if (options.fastScan !== false) this.fastScan = new UdpDnsFastScan(this.indexer.state.dnsPorts);
    this.viewModel = new ViewModel(this.viewSource(), options.compileFilter);
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
    const matcher = this.matcher;
    if (!matcher) return;
    if (this.fastScan?.scan(record)) {
      const message = this.fastScan.event;
      this.index.addScanned(record, message);
      this.index.setAnnotation(record.frame, matcher.push(message));
      return;
    }
    const frame = this.indexer.dissect(record, false);
    this.index.add(record, frame, tcpStreamsSeen(this.indexer.state));
    if (frame.dns.length > 0) {
      const list = frameMessageEvents(frame).map((e) => matcher.push(e));
      this.index.setAnnotations(record.frame, list);
    }
  }

  /** Indexing is over; `problems` say why it stopped early, if it did. */
  finish(problems: readonly string[]): void {
    this.complete = true;
    this.matcher = undefined;
    this.index.trim();
    this.problems.push(...problems);
  }

  private viewSource(): ViewSource {
    return {
      count: () => this.index.count,
      complete: () => this.complete,
      treeMaker: () => {
        // One dissector for the whole pass, in frame order: reassembly state as in the index.
        const dissector = new FrameDissector(this.options.dissect);
        dissector.setFormat(this.format);
        return (n) => {
          this.options.onFilterTree?.(n);
          const frame = dissector.dissect(this.view.recordOf(n), true);
          addTransactionFields(frame, this.index.annotations(n) ?? []);
          return frame.tree ?? [];
        };
      },
      fastTester: (filter) => this.fastTester(filter),
      comparator: (column, units) => this.comparator(column, units),
    };
  }

  /**
   * The filter's test on scan-mode dissections, when every field it reads is a scan field.
   * One dissector for the pass, in frame order, as the tree path: frames the index marked
   * malformed go through it in tree mode (the layers keep the same state in both modes);
   * a scanned frame whose scan cannot stand for its tree is dissected again, with its
   * tree, after its context group (PacketView), as the detail view does.
   */
  private fastTester(filter: CompiledFilter): ((n: number) => boolean) | undefined {
    const fields = filter.fields;
    if (
      this.options.fastFilter === false ||
      !fields ||
      !filter.matchesLookup ||
      !scanAnswers(fields)
    )
      return undefined;
    const matchesLookup = filter.matchesLookup.bind(filter);
    const reader = new ScanFieldReader(fields);
    const dissect = this.options.dissect;
    // The index scans without walking record data (dnsInfo false: its malformed marks miss
    // faults inside records), so this scan must walk them to know which frames are malformed.
    const dissector = new FrameDissector({ ...dissect, dnsInfo: true });
    dissector.setFormat(this.format);
    const tree = (frame: DissectedFrame, n: number): boolean => {
      addTransactionFields(frame, this.index.annotations(n) ?? []);
      return filter.matches(frame.tree ?? []);
    };
    return (n) => {
      const record = this.view.recordOf(n);
      if (((this.index.marks[n - 1] ?? 0) & Mark.malformed) !== 0) {
        this.options.onFilterTree?.(n);
        return tree(dissector.dissect(record, true), n);
      }
      const frame = dissector.dissect(record, false);
      const lookup = reader.lookup(frame, this.index.annotations(n));
      if (lookup) return matchesLookup(lookup);
      this.options.onFilterTree?.(n);
      return tree(this.view.dissect(n, true), n);
    };
  }

  private comparator(column: ColumnId, units: Uint32Array): (a: number, b: number) => number {
    const idx = this.index;
    switch (column) {
      case 'number':
        return (a, b) => a - b;
      case 'time':
        return (a, b) => idx.compareTime(a - 1, b - 1);
      case 'length':
        return (a, b) => (idx.originalLength[a - 1] ?? 0) - (idx.originalLength[b - 1] ?? 0);
      case 'source':
      case 'destination':
      case 'protocol': {
        const values =
          column === 'source'
            ? idx.source
            : column === 'destination'
              ? idx.destination
              : idx.protocol;
        const rank = stringRanks((column === 'protocol' ? idx.protocols : idx.strings).strings);
        return (a, b) => (rank[values[a - 1] ?? 0] ?? 0) - (rank[values[b - 1] ?? 0] ?? 0);
      }
      case 'info': {
        const info = new Map<number, string>();
        for (const row of this.view.rows(units, false)) info.set(row.number, row.info);
        return (a, b) => (info.get(a) ?? '').localeCompare(info.get(b) ?? '');
      }
    }
  }

  // --- CaptureApi ---------------------------------------------------------------------

  getRows(args: { start: number; count: number }): { rows: PacketRow[]; view: ViewInfo } {
    const units = this.viewModel.units(args.start, args.count);
    return { rows: this.view.rows(units, this.complete), view: this.viewInfo() };
  }

  getPacket(args: { number: number }): PacketDetail {
    if (args.number < 1 || args.number > this.index.count) {
      throw new Error(`there is no packet ${args.number} (the capture has ${this.index.count})`);
    }
    return this.view.detail(args.number);
  }

  /** The frame the transaction item of frame n points to (Follow Transaction). */
  partnerOf(n: number): number | undefined {
    for (const a of this.index.annotations(n) ?? []) {
      const other = a?.responseIn ?? a?.responseTo ?? a?.retransmitRequestIn;
      if (other !== undefined) return other;
    }
    return undefined;
  }
}
