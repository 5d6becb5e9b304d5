/**
 * Turns indexed packets back into what the editor shows: list rows (re-dissecting the
 * packet's bytes, read again by position) and the full detail of one packet (its field
 * tree with the transaction items, made plain for the webview, and its data sources).
 * Packets in a context group are dissected after the group's earlier packets, so TCP
 * reassembly and IP defragmentation see what they saw while indexing.
 */
import type { CaptureRecord } from '../capture/captureRecord';
import { FrameDissector, type DissectedFrame } from '../dissect/frame';
import { startTcpStreamsAt } from '../dissect/tcp';
import type { DissectOptions } from '../dissect/packetContext';
import { addTransactionFields } from '../transactions/transactionFields';
import { columnSecondsText } from '../format/timeText';
import type { PacketDetail, PacketRow, TimeDisplay } from '../protocol/captureMessages';
import { CaptureIndex, Mark } from './captureIndex';
import { columnDateTimeText } from './columnTime';
import { plainTree, type FieldHelp } from './plainTree';

/** Reads `length` bytes of the capture at `offset` (the session's only access to the file). */
export type ByteReader = (offset: number, length: number) => Uint8Array;

export interface PacketViewOptions {
  dissect: DissectOptions;
  format: 'pcap' | 'pcapng';
  /** Six or nine decimals in the Time column (tshark: nine for nanosecond pcap). */
  decimals: 6 | 9;
  timeDisplay: TimeDisplay;
  /** Absolute times in UTC (else local time). */
  utc: boolean;
  help?: FieldHelp;
}

export class PacketView {
  constructor(
    private readonly index: CaptureIndex,
    private readonly read: ByteReader,
    private readonly options: PacketViewOptions,
  ) {}

  private newDissector(): FrameDissector {
    // dnsInfo on: rows of plain DNS frames take their Info from the scan.
    const d = new FrameDissector({ ...this.options.dissect, dnsInfo: true });
    d.setFormat(this.options.format);
    if (this.index.count > 0) d.state.firstTimeNs = this.index.timeNs(0);
    return d;
  }

  /** Dissects frame n (after its context), with or without the field tree. */
  dissect(n: number, buildTree: boolean, dissector = this.newDissector()): DissectedFrame {
    if (this.index.inContext(n)) {
      // A fresh dissector per context group: its conversation is numbered as in the first pass.
      dissector = this.newDissector();
      startTcpStreamsAt(dissector.state, this.index.streamOf(n));
    }
    for (const before of this.index.contextBefore(n)) {
      dissector.state.previousTimeNs = this.previousTime(before);
      dissector.dissect(this.recordOf(before), false);
    }
    dissector.state.previousTimeNs = this.previousTime(n);
    return dissector.dissect(this.recordOf(n), buildTree);
  }

  private previousTime(n: number): bigint | undefined {
    return n >= 2 ? this.index.timeNs(n - 2) : undefined;
  }

  recordOf(n: number): CaptureRecord {
    const i = n - 1;
    const data = this.read(this.index.dataOffset(i), this.index.capturedLength[i] ?? 0);
    return this.index.record(n, data);
  }

  timeText(n: number): string {
    const idx = this.index;
    const i = n - 1;
    if (((idx.marks[i] ?? 0) & Mark.timeUnknown) !== 0) return '';
    const t = idx.timeNs(i);
    switch (this.options.timeDisplay) {
      case 'absolute':
        return columnDateTimeText(t, this.options.decimals, this.options.utc);
      case 'delta':
        return columnSecondsText(i > 0 ? t - idx.timeNs(i - 1) : 0n, this.options.decimals);
      default:
        return columnSecondsText(t - idx.timeNs(0), this.options.decimals);
    }
  }

  /** The list row of frame n. `complete`: indexing is done (only then is a query "unanswered"). */
  row(n: number, complete: boolean, dissector?: FrameDissector): PacketRow {
    const idx = this.index;
    const i = n - 1;
    const marks = idx.marks[i] ?? 0;
    // A plain DNS frame's Info is the DNS scan's (dnsInfo on); others need the tree: some
    // layers (UDP, TCP, IP fragments) write their Info text only then, and a frame whose
    // scan finds a fault (record data the index's scan skipped) is shown as its tree says.
    const plain =
      (marks & (Mark.dnsQuery | Mark.dnsResponse)) !== 0 &&
      (marks & (Mark.malformed | Mark.context)) === 0;
    let frame = plain ? this.dissect(n, false, dissector) : undefined;
    if (!frame || frame.malformed || frame.dns.length === 0)
      frame = this.dissect(n, true, dissector);
    const protocol = frame.column.protocol;
    const info = frame.column.info;
    const malformed = frame.malformed?.message;
    const row: PacketRow = {
      number: n,
      time: this.timeText(n),
      source: idx.strings.text(idx.source[i] ?? 0),
      destination: idx.strings.text(idx.destination[i] ?? 0),
      protocol,
      length: idx.originalLength[i] ?? 0,
      info,
    };
    if (malformed !== undefined) row.malformed = malformed;
    if (marks & Mark.dnsResponse) row.response = true;
    if (idx.retransmitted(n)) row.retransmission = true;
    if (
      complete &&
      marks & Mark.dnsQuery &&
      !(marks & Mark.dnsResponse) &&
      !idx.answeredOrRetransmitted(n)
    ) {
      row.unanswered = true;
    }
    return row;
  }

  rows(frames: Iterable<number>, complete: boolean): PacketRow[] {
    const d = this.newDissector();
    const out: PacketRow[] = [];
    for (const n of frames) out.push(this.row(n, complete, d));
    return out;
  }

  /** Frame n dissected with its tree and transaction items (as tshark -2 -V). */
  treeFrame(n: number): DissectedFrame {
    const frame = this.dissect(n, true);
    addTransactionFields(frame, this.index.annotations(n) ?? []);
    return frame;
  }

  detail(n: number): PacketDetail {
    const frame = this.treeFrame(n);
    return {
      number: n,
      tree: plainTree(frame.tree ?? [], this.options.help, this.index.count),
      sources: frame.sources.map((s) => ({ name: s.name, bytes: new Uint8Array(s.bytes) })),
    };
  }

  /** Source and destination text of frame n (the index keeps them interned). */
  addresses(n: number): { source: string; destination: string } {
    const i = n - 1;
    return {
      source: this.index.strings.text(this.index.source[i] ?? 0),
      destination: this.index.strings.text(this.index.destination[i] ?? 0),
    };
  }
}
