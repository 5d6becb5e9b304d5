/**
 * The capture editor's index: what one pass over a capture keeps per packet, in columns of
 * typed arrays (no object per packet), so that millions of packets cost a few tens of bytes
 * each and the list can be drawn, sorted and filtered without dissecting everything again.
 * Everything else (Info, the tree, the bytes) comes from re-dissecting the packet, read
 * again by its file position, when it is shown (packetView.ts).
 *
 * Bytes per packet (37; byteSize() adds the tables and sparse parts below):
 *   offsetLow        4  Uint32: where the packet's bytes start in the file, low 32 bits
 *                       (the high part changes rarely: `offsetHigh`, a list of changes)
 *   capturedLength   4  Uint32
 *   originalLength   4  Uint32
 *   seconds          4  Int32: time since the first packet's time, whole seconds (floored)
 *   nanos            4  Uint32: and nanoseconds (0..999,999,999); times too far from the
 *                       first one for an Int32 (hostile files) keep their bigint aside
 *   source           4  Uint32: interned Source column text (`strings`)
 *   destination      4  Uint32: interned Destination column text (`strings`)
 *   protocol         2  Uint16: interned Protocol column text of the scan (`protocols`)
 *   port             2  Uint16: the (link type, interface) pair, interned (`ports`)
 *   link             4  Int32: the frame the transaction annotation points to (the
 *                       response of a query, the query of a response, the original of a
 *                       retransmission); 0 for none
 *   marks            1  Uint8: malformed, time unknown, DNS query/response, context, and
 *                       in the top 3 bits what kind of transaction annotation it has
 * dns.time (response time) is not kept: it is this frame's time minus its query's.
 * Sparse parts, only for the packets that need them: frames with several DNS messages
 * keep the transaction matcher's annotation objects (`multi`); packets whose dissection
 * depends on earlier ones (TCP segments, IP fragments) are in a context group: the packets
 * to dissect before them so that reassembly sees what it saw in the first pass (12 bytes
 * per such packet plus a key per conversation).
 */
import type { CaptureRecord } from '../capture/captureRecord';
import type { DissectedFrame } from '../dissect/frame';
import type { DnsMessageAnnotation } from '../transactions/dnsAnnotation';
import { rangeAddressText } from '../dissect/addressText';
import type { ByteRange } from '../dissect/packetContext';
import type { DataSource } from '../field';
import type { DnsMessageEvent } from '../stats/dnsEvent';

export const Mark = {
  malformed: 1,
  timeUnknown: 2,
  dnsQuery: 4,
  dnsResponse: 8,
  context: 16,
} as const;

/** The kind of a frame's transaction annotation, in the top 3 bits of its marks. */
const Tx = {
  none: 0,
  /** A query that opened a transaction: link = its response (dns.response_in), 0 if none yet. */
  query: 1,
  /** A retransmitted query: link = the original (dns.retransmit_request_in). */
  retransmittedQuery: 2,
  /** A response: link = its query (dns.response_to); dns.time from the two frames' times. */
  response: 3,
  /** A retransmitted response: link = the first response (dns.retransmit_response_in). */
  retransmittedResponse: 4,
  /** An unsolicited response (dns.unsolicited). */
  unsolicited: 5,
  /** Anything else (several messages in the frame): the annotations are in `multi`. */
  multi: 6,
} as const;
const TX_SHIFT = 5;

/** Strings interned to small numbers (addresses, protocol names). */
export class StringTable {
  private readonly ids = new Map<string, number>();
  readonly strings: string[] = [];

  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.ids.set(s, id);
    }
    return id;
  }

  text(id: number): string {
    return this.strings[id] ?? '';
  }

  /** Approximate bytes held (two bytes per character plus a map entry and a string header). */
  byteSize(): number {
    let chars = 0;
    for (const s of this.strings) chars += s.length;
    return 2 * chars + 64 * this.strings.length;
  }
}

type Column = Uint8Array | Uint16Array | Uint32Array | Int32Array;

/** A typed array of `size` elements holding the first `keep` elements of `a`. */
function resized<T extends Column>(a: T, size: number, keep: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a.subarray(0, Math.min(keep, size)) as never);
  return b;
}

const TWO32 = 2 ** 32;
const NS = 1_000_000_000;
const INT32_MIN = -(2 ** 31);

export class CaptureIndex {
  /** Packets indexed: frames 1..count; row i describes frame i+1. */
  count = 0;
  private capacity = 1024;
  private offsetLow = new Uint32Array(this.capacity);
  /** Where the high 32 bits of the offset change: pairs (first row, high bits). */
  private readonly offsetHigh: number[] = [];
  capturedLength = new Uint32Array(this.capacity);
  originalLength = new Uint32Array(this.capacity);
  private seconds = new Int32Array(this.capacity);
  private nanos = new Uint32Array(this.capacity);
  /** The first packet's time: the origin of seconds/nanos. */
  private baseNs = 0n;
  /** Row -> time, for times out of the Int32 seconds' reach (seconds holds INT32_MIN). */
  private readonly farTimes = new Map<number, bigint>();
  source = new Uint32Array(this.capacity);
  destination = new Uint32Array(this.capacity);
  protocol = new Uint16Array(this.capacity);
  private port = new Uint16Array(this.capacity);
  private link = new Int32Array(this.capacity);
  marks = new Uint8Array(this.capacity);
  /** Source and Destination column texts. */
  readonly strings = new StringTable();
  /** IPv4 addresses (as 32-bit numbers) -> their id in `strings`, to skip making the text. */
  private readonly ipv4Ids = new Map<number, number>();
  /** Protocol column texts. */
  readonly protocols = new StringTable();
  /** (link type, interface id) pairs. */
  private readonly ports = new StringTable();
  private readonly portValues: [number, number][] = [];
  /** Frame -> its DNS messages' annotations, for frames with several (objects the matcher fills). */
  private readonly multi = new Map<number, (DnsMessageAnnotation | null)[]>();

  // Context groups: the frames (in order) whose dissection builds up shared state.
  /** Context entries: frame, group and the entry of the group's previous frame (-1: first). */
  private contextFrames = new Uint32Array(64);
  private contextGroup = new Uint32Array(64);
  private contextPrevious = new Int32Array(64);
  private contextCount = 0;
  private readonly groupLast: number[] = [];
  private readonly groupByKey = new Map<string, number>();
  /** Per group: the TCP stream index its conversation got in the first pass (tcp.stream). */
  private readonly groupStream: number[] = [];

  private ensure(n: number): void {
    if (n <= this.capacity) return;
    this.resize(Math.max(n, this.capacity * 2));
  }

  private resize(size: number): void {
    const keep = this.count;
    this.offsetLow = resized(this.offsetLow, size, keep);
    this.capturedLength = resized(this.capturedLength, size, keep);
    this.originalLength = resized(this.originalLength, size, keep);
    this.seconds = resized(this.seconds, size, keep);
    this.nanos = resized(this.nanos, size, keep);
    this.source = resized(this.source, size, keep);
    this.destination = resized(this.destination, size, keep);
    this.protocol = resized(this.protocol, size, keep);
    this.port = resized(this.port, size, keep);
    this.link = resized(this.link, size, keep);
    this.marks = resized(this.marks, size, keep);
    this.capacity = size;
  }

  /** Drops the room grown for packets that did not come (indexing is over). */
  trim(): void {
    if (this.capacity > this.count) this.resize(Math.max(1, this.count));
    const n = this.contextCount;
    if (this.contextFrames.length > n) {
      const size = Math.max(1, n);
      this.contextFrames = resized(this.contextFrames, size, n);
      this.contextGroup = resized(this.contextGroup, size, n);
      this.contextPrevious = resized(this.contextPrevious, size, n);
    }
  }

  /**
   * Adds the next frame (records come in frame order, 1, 2, 3...). `tcpStreams`: TCP
   * conversations the dissector had seen after this frame (to number a new one).
   */
  add(record: CaptureRecord, frame: DissectedFrame, tcpStreams = 0): void {
    const i = this.addRecord(record);
    this.source[i] = this.addressId(frame.sources, frame.net.src);
    this.destination[i] = this.addressId(frame.sources, frame.net.dst);
    this.protocol[i] = this.protocols.id(frame.column.protocol);
    let marks = 0;
    if (frame.malformed) marks |= Mark.malformed;
    if (record.timeUnknown) marks |= Mark.timeUnknown;
    for (const m of frame.dns) marks |= m.flags & 0x8000 ? Mark.dnsResponse : Mark.dnsQuery;
    const key = contextKey(
      frame,
      () => this.strings.text(this.source[i] ?? 0),
      () => this.strings.text(this.destination[i] ?? 0),
    );
    if (key !== undefined) {
      marks |= Mark.context;
      this.addToGroup(key, record.frame, tcpStreams);
    }
    this.marks[i] = marks;
  }

  /**
   * Adds the next frame when the fast scan (udpDnsFastScan.ts) took it: one well-formed
   * DNS message over UDP on a DNS port (Protocol "DNS"), its addresses' text in `message`.
   */
  addScanned(record: CaptureRecord, message: DnsMessageEvent): void {
    const i = this.addRecord(record);
    this.source[i] = this.strings.id(message.src);
    this.destination[i] = this.strings.id(message.dst);
    this.protocol[i] = this.dnsProtocol;
    let marks = message.response ? Mark.dnsResponse : Mark.dnsQuery;
    if (record.timeUnknown) marks |= Mark.timeUnknown;
    this.marks[i] = marks;
  }

  private readonly dnsProtocol = this.protocols.id('DNS');

  /** Appends the record's position, lengths, time and interface; returns its row. */
  private addRecord(record: CaptureRecord): number {
    const i = this.count;
    this.ensure(i + 1);
    this.setOffset(i, record.dataOffset);
    this.capturedLength[i] = record.capturedLength;
    this.originalLength[i] = record.originalLength;
    this.setTime(i, record.timeNs);
    this.port[i] = this.portId(record.linkType, record.interfaceId);
    this.count = i + 1;
    return i;
  }

  private setOffset(i: number, offset: number): void {
    this.offsetLow[i] = offset % TWO32;
    const high = Math.floor(offset / TWO32);
    const last = this.offsetHigh.length > 0 ? this.offsetHigh[this.offsetHigh.length - 1] : 0;
    if (high !== last) this.offsetHigh.push(i, high);
  }

  /** Where row i's bytes start in the file. */
  dataOffset(i: number): number {
    const changes = this.offsetHigh;
    let high = 0;
    // Few changes (one per 4 GiB of file): a walk from the end is enough.
    for (let k = changes.length - 2; k >= 0; k -= 2) {
      if ((changes[k] ?? 0) <= i) {
        high = changes[k + 1] ?? 0;
        break;
      }
    }
    return high * TWO32 + (this.offsetLow[i] ?? 0);
  }

  private setTime(i: number, t: bigint): void {
    if (i === 0) this.baseNs = t;
    const d = Number(t - this.baseNs);
    let s = Math.floor(d / NS);
    let ns = d - s * NS;
    if (ns < 0) {
      s -= 1;
      ns += NS;
    } else if (ns >= NS) {
      s += 1;
      ns -= NS;
    }
    if (Math.abs(d) >= Number.MAX_SAFE_INTEGER || s <= INT32_MIN || s > 0x7fffffff) {
      this.seconds[i] = INT32_MIN;
      this.nanos[i] = 0;
      this.farTimes.set(i, t);
      return;
    }
    this.seconds[i] = s;
    this.nanos[i] = ns;
  }

  /** Row i's time in nanoseconds since the epoch (0 if there is no row i). */
  timeNs(i: number): bigint {
    if (i < 0 || i >= this.count) return 0n;
    const s = this.seconds[i] ?? 0;
    if (s === INT32_MIN) return this.farTimes.get(i) ?? 0n;
    return this.baseNs + BigInt(s) * 1_000_000_000n + BigInt(this.nanos[i] ?? 0);
  }

  /** Orders rows a and b by time (negative: a first). */
  compareTime(a: number, b: number): number {
    const sa = this.seconds[a] ?? 0;
    const sb = this.seconds[b] ?? 0;
    if (sa === INT32_MIN || sb === INT32_MIN) {
      const x = this.timeNs(a);
      const y = this.timeNs(b);
      return x < y ? -1 : x > y ? 1 : 0;
    }
    return sa !== sb ? sa - sb : (this.nanos[a] ?? 0) - (this.nanos[b] ?? 0);
  }

  private portId(linkType: number, interfaceId: number): number {
    const id = this.ports.id(`${linkType}/${interfaceId}`);
    if (id === this.portValues.length) this.portValues.push([linkType, interfaceId]);
    // More than 65,536 interfaces: the rest share the last one's number (never seen in practice).
    return Math.min(id, 0xffff);
  }

  /** The id of an address's text in `strings` ('' when there is none). */
  private addressId(sources: readonly DataSource[], range: ByteRange | undefined): number {
    if (range && range.length === 4) {
      const b = sources[range.source]?.bytes;
      if (b) {
        const s = range.start;
        const v = (((b[s] ?? 0) << 24) | ((b[s + 1] ?? 0) << 16) | ((b[s + 2] ?? 0) << 8)) >>> 0;
        const key = v + (b[s + 3] ?? 0);
        let id = this.ipv4Ids.get(key);
        if (id === undefined) {
          id = this.strings.id(rangeAddressText(sources, range));
          this.ipv4Ids.set(key, id);
        }
        return id;
      }
    }
    return this.strings.id(rangeAddressText(sources, range));
  }

  // --- transaction annotations ----------------------------------------------------------

  /**
   * Keeps frame n's transaction annotations (annotations[k] for its k-th DNS message, as
   * the matcher returned them). One message's annotation goes into the columns; a
   * response's also completes its query's dns.response_in, as the matcher does on the
   * query's object. Several messages: the objects themselves are kept.
   */
  setAnnotations(n: number, annotations: readonly (DnsMessageAnnotation | null)[]): void {
    if (annotations.length === 1) {
      this.setAnnotation(n, annotations[0] ?? null);
      return;
    }
    const i = n - 1;
    for (const a of annotations) if (a?.responseTo !== undefined) this.answered(a.responseTo, n);
    if (annotations.every((a) => a === null)) return;
    this.multi.set(n, [...annotations]);
    this.setTx(i, Tx.multi, 0);
  }

  /** setAnnotations for a frame with one DNS message. */
  setAnnotation(n: number, a: DnsMessageAnnotation | null): void {
    if (a === null) return;
    const i = n - 1;
    if (a.responseTo !== undefined) this.answered(a.responseTo, n);
    const kind = this.kindOf(a, n);
    if (kind === undefined) {
      this.multi.set(n, [a]);
      this.setTx(i, Tx.multi, 0);
      return;
    }
    this.setTx(i, kind.tx, kind.link);
  }

  private setTx(i: number, tx: number, link: number): void {
    this.marks[i] = ((this.marks[i] ?? 0) & ((1 << TX_SHIFT) - 1)) | (tx << TX_SHIFT);
    this.link[i] = link;
  }

  private tx(i: number): number {
    return (this.marks[i] ?? 0) >> TX_SHIFT;
  }

  /** A response arrived in frame r for the query of frame q: q's dns.response_in, if not yet set. */
  private answered(q: number, r: number): void {
    const i = q - 1;
    if (this.tx(i) === Tx.query && this.link[i] === 0) this.link[i] = r;
  }

  /** The column form of one annotation, when it has one that gives it back exactly. */
  private kindOf(a: DnsMessageAnnotation, n: number): { tx: number; link: number } | undefined {
    let keys = 0;
    for (const key in a) if (key) keys++;
    if (keys === 0) return { tx: Tx.query, link: 0 };
    if (a.retransmission === true && keys === 2) {
      if (a.retransmitRequestIn !== undefined)
        return { tx: Tx.retransmittedQuery, link: a.retransmitRequestIn };
      if (a.retransmitResponseIn !== undefined)
        return { tx: Tx.retransmittedResponse, link: a.retransmitResponseIn };
    }
    if (a.unsolicited === true && keys === 1) return { tx: Tx.unsolicited, link: 0 };
    if (
      a.responseTo !== undefined &&
      a.timeNs !== undefined &&
      keys === 2 &&
      a.responseTo >= 1 &&
      a.responseTo < n &&
      a.timeNs === this.timeNs(n - 1) - this.timeNs(a.responseTo - 1)
    )
      return { tx: Tx.response, link: a.responseTo };
    return undefined;
  }

  /** Frame n's DNS messages' annotations (as the matcher made them); undefined for none. */
  annotations(n: number): readonly (DnsMessageAnnotation | null)[] | undefined {
    const i = n - 1;
    const link = this.link[i] ?? 0;
    switch (this.tx(i)) {
      case Tx.query:
        return [link > 0 ? { responseIn: link } : {}];
      case Tx.retransmittedQuery:
        return [{ retransmission: true, retransmitRequestIn: link }];
      case Tx.response:
        return [{ responseTo: link, timeNs: this.timeNs(i) - this.timeNs(link - 1) }];
      case Tx.retransmittedResponse:
        return [{ retransmission: true, retransmitResponseIn: link }];
      case Tx.unsolicited:
        return [{ unsolicited: true }];
      case Tx.multi:
        return this.multi.get(n);
      default:
        return undefined;
    }
  }

  /** Whether one of frame n's messages is a retransmission (dns.retransmission). */
  retransmitted(n: number): boolean {
    const tx = this.tx(n - 1);
    if (tx === Tx.retransmittedQuery || tx === Tx.retransmittedResponse) return true;
    return tx === Tx.multi && (this.multi.get(n)?.some((a) => a?.retransmission) ?? false);
  }

  /** Whether a query of frame n got a response or is a retransmission (else: unanswered). */
  answeredOrRetransmitted(n: number): boolean {
    const i = n - 1;
    switch (this.tx(i)) {
      case Tx.query:
        return (this.link[i] ?? 0) > 0;
      case Tx.retransmittedQuery:
      case Tx.retransmittedResponse:
        return true;
      case Tx.multi:
        return (
          this.multi
            .get(n)
            ?.some((a) => a !== null && (a.responseIn !== undefined || a.retransmission)) ?? false
        );
      default:
        return false;
    }
  }

  // --- context groups -------------------------------------------------------------------

  private addToGroup(key: string, frame: number, tcpStreams: number): void {
    let g = this.groupByKey.get(key);
    if (g === undefined) {
      g = this.groupLast.length;
      this.groupLast.push(-1);
      this.groupStream.push(Math.max(0, tcpStreams - 1));
      this.groupByKey.set(key, g);
    }
    const e = this.contextCount;
    if (e === this.contextFrames.length) {
      const size = e * 2;
      this.contextFrames = resized(this.contextFrames, size, e);
      this.contextGroup = resized(this.contextGroup, size, e);
      this.contextPrevious = resized(this.contextPrevious, size, e);
    }
    this.contextFrames[e] = frame;
    this.contextGroup[e] = g;
    this.contextPrevious[e] = this.groupLast[g] ?? -1;
    this.groupLast[g] = e;
    this.contextCount = e + 1;
  }

  /** Frame n's context entry (binary search: entries are in frame order), or -1. */
  private contextEntry(n: number): number {
    if (((this.marks[n - 1] ?? 0) & Mark.context) === 0) return -1;
    let lo = 0;
    let hi = this.contextCount - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.contextFrames[mid] ?? 0;
      if (v === n) return mid;
      if (v < n) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Whether frame n is in a context group (its dissection depends on earlier frames). */
  inContext(n: number): boolean {
    return this.contextEntry(n) >= 0;
  }

  /** The tcp.stream index of frame n's conversation (0 when it has none). */
  streamOf(frame: number): number {
    const e = this.contextEntry(frame);
    return e < 0 ? 0 : (this.groupStream[this.contextGroup[e] ?? 0] ?? 0);
  }

  /** The frames to dissect before `frame` so that it sees the state it saw while indexing. */
  contextBefore(frame: number): readonly number[] {
    const out: number[] = [];
    const e = this.contextEntry(frame);
    if (e < 0) return out;
    for (let p = this.contextPrevious[e] ?? -1; p >= 0; p = this.contextPrevious[p] ?? -1)
      out.push(this.contextFrames[p] ?? 0);
    return out.reverse();
  }

  /** A record for frame n (1-based) with the given bytes. */
  record(n: number, data: Uint8Array): CaptureRecord {
    const i = n - 1;
    const [linkType, interfaceId] = this.portValues[this.port[i] ?? 0] ?? [0, 0];
    return {
      frame: n,
      fileOffset: 0,
      dataOffset: this.dataOffset(i),
      timeNs: this.timeNs(i),
      timeUnknown: ((this.marks[i] ?? 0) & Mark.timeUnknown) !== 0,
      capturedLength: this.capturedLength[i] ?? 0,
      originalLength: this.originalLength[i] ?? 0,
      linkType,
      interfaceId,
      data,
    };
  }

  /**
   * Bytes the index holds: its typed arrays (their whole capacity) plus estimates for the
   * tables and sparse parts, by part.
   */
  byteSize(): { total: number; parts: Record<string, number> } {
    const columns = [
      this.offsetLow,
      this.capturedLength,
      this.originalLength,
      this.seconds,
      this.nanos,
      this.source,
      this.destination,
      this.protocol,
      this.port,
      this.link,
      this.marks,
    ].reduce((sum, a) => sum + a.byteLength, 0);
    const context =
      this.contextFrames.byteLength +
      this.contextGroup.byteLength +
      this.contextPrevious.byteLength +
      this.groupLast.length * 16 +
      [...this.groupByKey.keys()].reduce((sum, k) => sum + 2 * k.length + 64, 0);
    let multi = 0;
    for (const list of this.multi.values()) multi += 64 + list.length * 96;
    const parts: Record<string, number> = {
      columns,
      strings: this.strings.byteSize() + this.ipv4Ids.size * 32,
      protocols: this.protocols.byteSize() + this.ports.byteSize(),
      farTimes: this.farTimes.size * 64,
      offsetHigh: this.offsetHigh.length * 8,
      context,
      multi,
    };
    const total = Object.values(parts).reduce((a, b) => a + b, 0);
    return { total, parts };
  }
}

/**
 * Which packets need others dissected first: TCP segments (stream reassembly, relative
 * sequence numbers) and IP packets the dissector reassembled or could not go past
 * (fragments). Keyed by both directions' endpoints, since TCP state is per connection.
 */
function contextKey(
  frame: DissectedFrame,
  srcText: () => string,
  dstText: () => string,
): string | undefined {
  const net = frame.net;
  if (net.transport === 'tcp') {
    const a = `${srcText()}|${net.srcPort}`;
    const b = `${dstText()}|${net.dstPort}`;
    return a < b ? `tcp ${a} ${b}` : `tcp ${b} ${a}`;
  }
  if (frame.sources.length > 1 || (net.ipVersion !== 0 && net.transport === '')) {
    const src = srcText();
    const dst = dstText();
    return src < dst ? `ip ${src} ${dst}` : `ip ${dst} ${src}`;
  }
  return undefined;
}
