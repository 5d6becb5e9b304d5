/**
 * The capture editor's index: what one pass over a capture keeps per packet, in columns of
 * typed arrays (no object per packet), so millions of packets cost a few tens of bytes
 * each and the list can be sorted and paged without dissecting everything again.
 *
 * Per packet: where its bytes are in the file, times, lengths, link type, interface,
 * interned Source/Destination/Protocol strings and a few mark bits. Packets whose
 * dissection depends on other packets (TCP segments, IP fragments) also get a context
 * group: the packets to dissect before them so that reassembly sees what it saw in the
 * first pass. The transaction matcher's annotations are kept per DNS frame.
 */
import type { CaptureRecord } from '../capture/captureRecord';
import type { DissectedFrame } from '../dissect/frame';
import type { DnsMessageAnnotation } from '../transactions/dnsAnnotation';
import { rangeAddressText } from '../dissect/addressText';

export const Mark = {
  malformed: 1,
  timeUnknown: 2,
  dnsQuery: 4,
  dnsResponse: 8,
  context: 16,
} as const;

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
}

function grow<T extends Float64Array | Uint32Array | Uint16Array | Uint8Array | BigInt64Array>(
  a: T,
  size: number,
): T {
  if (size <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(size, a.length * 2));
  b.set(a as never);
  return b;
}

export class CaptureIndex {
  /** Packets indexed: frames 1..count; row i describes frame i+1. */
  count = 0;
  dataOffset = new Float64Array(1024);
  capturedLength = new Uint32Array(1024);
  originalLength = new Uint32Array(1024);
  timeNs = new BigInt64Array(1024);
  linkType = new Uint16Array(1024);
  interfaceId = new Uint32Array(1024);
  source = new Uint32Array(1024);
  destination = new Uint32Array(1024);
  protocol = new Uint16Array(1024);
  marks = new Uint8Array(1024);
  readonly strings = new StringTable();
  /** Context groups: frames (in order) whose dissection builds up shared state. */
  readonly groups: number[][] = [];
  private readonly groupByKey = new Map<string, number>();
  /** Per group: the TCP stream index its conversation got in the first pass (tcp.stream). */
  readonly groupStream: number[] = [];
  /** Frame -> group index, for frames in a context group. */
  readonly groupOf = new Map<number, number>();
  /** Frame -> its DNS messages' transaction annotations (objects the matcher keeps filling). */
  readonly annotations = new Map<number, (DnsMessageAnnotation | null)[]>();

  private ensure(n: number): void {
    if (n <= this.dataOffset.length) return;
    this.dataOffset = grow(this.dataOffset, n);
    this.capturedLength = grow(this.capturedLength, n);
    this.originalLength = grow(this.originalLength, n);
    this.timeNs = grow(this.timeNs, n);
    this.linkType = grow(this.linkType, n);
    this.interfaceId = grow(this.interfaceId, n);
    this.source = grow(this.source, n);
    this.destination = grow(this.destination, n);
    this.protocol = grow(this.protocol, n);
    this.marks = grow(this.marks, n);
  }

  /**
   * Adds the next frame (records come in frame order, 1, 2, 3...). `tcpStreams`: TCP
   * conversations the dissector had seen after this frame (to number a new one).
   */
  add(record: CaptureRecord, frame: DissectedFrame, tcpStreams = 0): void {
    const i = this.count;
    this.ensure(i + 1);
    this.dataOffset[i] = record.dataOffset;
    this.capturedLength[i] = record.capturedLength;
    this.originalLength[i] = record.originalLength;
    this.timeNs[i] = record.timeNs;
    this.linkType[i] = record.linkType;
    this.interfaceId[i] = record.interfaceId;
    const src = rangeAddressText(frame.sources, frame.net.src);
    const dst = rangeAddressText(frame.sources, frame.net.dst);
    this.source[i] = this.strings.id(src);
    this.destination[i] = this.strings.id(dst);
    this.protocol[i] = this.strings.id(frame.column.protocol);
    let marks = 0;
    if (frame.malformed) marks |= Mark.malformed;
    if (record.timeUnknown) marks |= Mark.timeUnknown;
    for (const m of frame.dns) marks |= m.flags & 0x8000 ? Mark.dnsResponse : Mark.dnsQuery;
    const key = contextKey(frame, src, dst);
    if (key !== undefined) {
      marks |= Mark.context;
      let g = this.groupByKey.get(key);
      if (g === undefined) {
        g = this.groups.length;
        this.groups.push([]);
        this.groupStream.push(Math.max(0, tcpStreams - 1));
        this.groupByKey.set(key, g);
      }
      this.groups[g]?.push(record.frame);
      this.groupOf.set(record.frame, g);
    }
    this.marks[i] = marks;
    this.count = i + 1;
  }

  /** The tcp.stream index of frame n's conversation (0 when it has none). */
  streamOf(frame: number): number {
    const g = this.groupOf.get(frame);
    return g === undefined ? 0 : (this.groupStream[g] ?? 0);
  }

  /** The frames to dissect before `frame` so that it sees the state it saw while indexing. */
  contextBefore(frame: number): readonly number[] {
    const g = this.groupOf.get(frame);
    if (g === undefined) return [];
    const group = this.groups[g] ?? [];
    const at = group.indexOf(frame);
    return at <= 0 ? [] : group.slice(0, at);
  }

  /** A record for frame n (1-based) with the given bytes. */
  record(n: number, data: Uint8Array): CaptureRecord {
    const i = n - 1;
    return {
      frame: n,
      fileOffset: 0,
      dataOffset: this.dataOffset[i] ?? 0,
      timeNs: this.timeNs[i] ?? 0n,
      timeUnknown: ((this.marks[i] ?? 0) & Mark.timeUnknown) !== 0,
      capturedLength: this.capturedLength[i] ?? 0,
      originalLength: this.originalLength[i] ?? 0,
      linkType: this.linkType[i] ?? 0,
      interfaceId: this.interfaceId[i] ?? 0,
      data,
    };
  }

  /** Bytes of index per packet (the typed columns' capacity, not the sparse maps). */
  get bytesPerPacket(): number {
    return 8 + 4 + 4 + 8 + 2 + 4 + 4 + 4 + 2 + 1;
  }
}

/**
 * Which packets need others dissected first: TCP segments (stream reassembly, relative
 * sequence numbers) and IP packets the dissector reassembled or could not go past
 * (fragments). Keyed by both directions' endpoints, since TCP state is per connection.
 */
function contextKey(frame: DissectedFrame, src: string, dst: string): string | undefined {
  const net = frame.net;
  if (net.transport === 'tcp') {
    const a = `${src}|${net.srcPort}`;
    const b = `${dst}|${net.dstPort}`;
    return a < b ? `tcp ${a} ${b}` : `tcp ${b} ${a}`;
  }
  if (frame.sources.length > 1 || (net.ipVersion !== 0 && net.transport === '')) {
    return src < dst ? `ip ${src} ${dst}` : `ip ${dst} ${src}`;
  }
  return undefined;
}
