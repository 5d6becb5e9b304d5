/**
 * TCP (RFC 9293) as Wireshark's tcp dissector shows it with its default preferences:
 * relative sequence and acknowledgment numbers (per direction, from the SYN, or from the
 * first segment seen minus one in a capture that starts mid-stream), options skipped by
 * the data offset and named in one "Options" item, flags bit by bit, checksum shown but not
 * verified. Segments of a flow with a DNS port on either side go through DnsTcpStreams
 * (see tcpDnsStream.ts for the reassembly rules and memory limits); each complete
 * message is handed to appDissectors.dnsTcp with its 2-byte length prefix.
 */
import { defineFields, type FieldNode } from '../field';
import { addField, toHex } from '../fieldValue';
import { u16, u32 } from './byteRead';
import {
  addProtocol,
  markMalformed,
  moduleState,
  type ByteRange,
  type CaptureState,
  type PacketContext,
} from './packetContext';
import { ipPayloadCut } from './ipPayloadCut';
import { appDissectors } from './registry';
import { DnsTcpStreams, type DnsTcpMessage, type SegmentOutcome } from './tcpDnsStream';

const f = defineFields({
  srcport: { name: 'tcp.srcport', label: 'Source Port', type: 'FT_UINT16', base: 'BASE_DEC' },
  dstport: { name: 'tcp.dstport', label: 'Destination Port', type: 'FT_UINT16', base: 'BASE_DEC' },
  port: {
    name: 'tcp.port',
    label: 'Source or Destination Port',
    type: 'FT_UINT16',
    base: 'BASE_DEC',
  },
  stream: { name: 'tcp.stream', label: 'Stream index', type: 'FT_UINT32', base: 'BASE_DEC' },
  len: { name: 'tcp.len', label: 'TCP Segment Len', type: 'FT_UINT32', base: 'BASE_DEC' },
  seq: { name: 'tcp.seq', label: 'Sequence Number', type: 'FT_UINT32', base: 'BASE_DEC' },
  seqRaw: {
    name: 'tcp.seq_raw',
    label: 'Sequence Number (raw)',
    type: 'FT_UINT32',
    base: 'BASE_DEC',
  },
  nxtseq: {
    name: 'tcp.nxtseq',
    label: 'Next Sequence Number',
    type: 'FT_UINT32',
    base: 'BASE_DEC',
  },
  ack: { name: 'tcp.ack', label: 'Acknowledgment Number', type: 'FT_UINT32', base: 'BASE_DEC' },
  ackRaw: {
    name: 'tcp.ack_raw',
    label: 'Acknowledgment number (raw)',
    type: 'FT_UINT32',
    base: 'BASE_DEC',
  },
  hdrLen: {
    name: 'tcp.hdr_len',
    label: 'Header Length',
    type: 'FT_UINT8',
    base: 'BASE_DEC',
    bitmask: 0xf0,
  },
  flags: {
    name: 'tcp.flags',
    label: 'Flags',
    type: 'FT_UINT16',
    base: 'BASE_HEX',
    bitmask: 0x0fff,
  },
  res: { name: 'tcp.flags.res', label: 'Reserved', type: 'FT_BOOLEAN', bitmask: 0xe00 },
  ae: { name: 'tcp.flags.ae', label: 'Accurate ECN', type: 'FT_BOOLEAN', bitmask: 0x100 },
  cwr: {
    name: 'tcp.flags.cwr',
    label: 'Congestion Window Reduced',
    type: 'FT_BOOLEAN',
    bitmask: 0x80,
  },
  ece: { name: 'tcp.flags.ece', label: 'ECN-Echo', type: 'FT_BOOLEAN', bitmask: 0x40 },
  urg: { name: 'tcp.flags.urg', label: 'Urgent', type: 'FT_BOOLEAN', bitmask: 0x20 },
  ackFlag: { name: 'tcp.flags.ack', label: 'Acknowledgment', type: 'FT_BOOLEAN', bitmask: 0x10 },
  push: { name: 'tcp.flags.push', label: 'Push', type: 'FT_BOOLEAN', bitmask: 0x8 },
  reset: { name: 'tcp.flags.reset', label: 'Reset', type: 'FT_BOOLEAN', bitmask: 0x4 },
  syn: { name: 'tcp.flags.syn', label: 'Syn', type: 'FT_BOOLEAN', bitmask: 0x2 },
  fin: { name: 'tcp.flags.fin', label: 'Fin', type: 'FT_BOOLEAN', bitmask: 0x1 },
  flagsStr: { name: 'tcp.flags.str', label: 'TCP Flags', type: 'FT_STRING' },
  window: { name: 'tcp.window_size_value', label: 'Window', type: 'FT_UINT16', base: 'BASE_DEC' },
  checksum: { name: 'tcp.checksum', label: 'Checksum', type: 'FT_UINT16', base: 'BASE_HEX' },
  checksumStatus: {
    name: 'tcp.checksum.status',
    label: 'Checksum Status',
    type: 'FT_UINT8',
    base: 'BASE_NONE',
  },
  urgent: {
    name: 'tcp.urgent_pointer',
    label: 'Urgent Pointer',
    type: 'FT_UINT16',
    base: 'BASE_DEC',
  },
  options: { name: 'tcp.options', label: 'TCP Options', type: 'FT_BYTES' },
  payload: { name: 'tcp.payload', label: 'TCP payload', type: 'FT_BYTES' },
  pduSize: { name: 'tcp.pdu.size', label: 'PDU Size', type: 'FT_UINT32', base: 'BASE_DEC' },
  segmentData: { name: 'tcp.segment_data', label: 'TCP segment data', type: 'FT_BYTES' },
  segments: { name: 'tcp.segments', label: 'Reassembled TCP Segments', type: 'FT_NONE' },
  segment: { name: 'tcp.segment', label: 'TCP Segment', type: 'FT_FRAMENUM' },
  segmentCount: {
    name: 'tcp.segment.count',
    label: 'Segment count',
    type: 'FT_UINT32',
    base: 'BASE_DEC',
  },
  reLength: {
    name: 'tcp.reassembled.length',
    label: 'Reassembled TCP length',
    type: 'FT_UINT32',
    base: 'BASE_DEC',
  },
  reData: { name: 'tcp.reassembled.data', label: 'Reassembled TCP Data', type: 'FT_BYTES' },
  retransmission: {
    name: 'tcp.analysis.retransmission',
    label: 'This frame is a (suspected) retransmission',
    type: 'FT_NONE',
  },
  outOfOrder: {
    name: 'tcp.analysis.out_of_order',
    label: 'This frame is a (suspected) out-of-order segment',
    type: 'FT_NONE',
  },
});

/** Wireshark names the set flags from the lowest bit up: "FIN, PSH, ACK". */
const flagNames: [number, string][] = [
  [0x01, 'FIN'],
  [0x02, 'SYN'],
  [0x04, 'RST'],
  [0x08, 'PSH'],
  [0x10, 'ACK'],
  [0x20, 'URG'],
  [0x40, 'ECE'],
  [0x80, 'CWR'],
  [0x100, 'AE'],
];
const flagChars = 'RRRACEUAPRSF';

const optionNames = new Map<number, string>([
  [0, 'End of Option List (EOL)'],
  [1, 'No-Operation (NOP)'],
  [2, 'Maximum segment size'],
  [3, 'Window scale'],
  [4, 'SACK permitted'],
  [5, 'SACK'],
  [8, 'Timestamps'],
  [19, 'MD5 signature'],
  [28, 'User Timeout'],
  [29, 'TCP AO'],
  [30, 'Multipath TCP'],
  [34, 'TCP Fast Open'],
]);

/** Per-capture TCP state: stream indexes and relative-sequence bases per direction. */
interface TcpState {
  streams: Map<string, number>;
  /** The index the next new conversation gets (tcp.stream). */
  nextStream: number;
  /** Base (ISN) per direction key, for relative numbers. */
  base: Map<string, number>;
  dns: DnsTcpStreams;
}

function tcpState(ctx: PacketContext): TcpState {
  return tcpModule(ctx.state);
}

function tcpModule(state: CaptureState): TcpState {
  return moduleState(state, 'tcp', () => ({
    streams: new Map(),
    nextStream: 0,
    base: new Map(),
    dns: new DnsTcpStreams(),
  }));
}

/** TCP conversations seen so far (the next tcp.stream index). */
export function tcpStreamsSeen(state: CaptureState): number {
  return tcpModule(state).nextStream;
}

/**
 * Makes the next new conversation get stream index `next`: a viewer that dissects one
 * conversation's packets alone (after a first pass) numbers it as the first pass did.
 */
export function startTcpStreamsAt(state: CaptureState, next: number): void {
  tcpModule(state).nextStream = next;
}

/**
 * An address as a map-key fragment: IPv4 as its 32-bit number in decimal (one number to
 * string instead of a subarray and eight hex pieces per address and packet), others in
 * hex. Injective per length, and an IPv4 key (at most 10 characters) never equals an
 * IPv6 one (32): keys are internal to this module's state.
 */
function addressKey(ctx: PacketContext, range: ByteRange): string {
  const b = ctx.sources[range.source]!.bytes;
  const at = range.start;
  if (range.length === 4) {
    return String(
      (b[at] as number) * 0x1000000 +
        (((b[at + 1] as number) << 16) | ((b[at + 2] as number) << 8) | (b[at + 3] as number)),
    );
  }
  return toHex(b.subarray(at, at + range.length));
}

/** Direction key: "srcaddr:srcport>dstaddr:dstport" with addresses as addressKey. */
function directionKeys(ctx: PacketContext, srcPort: number, dstPort: number): [string, string] {
  const net = ctx.net;
  let src = '';
  let dst = '';
  if (net.src && net.dst) {
    src = addressKey(ctx, net.src);
    dst = addressKey(ctx, net.dst);
  }
  return [`${src}:${srcPort}>${dst}:${dstPort}`, `${dst}:${dstPort}>${src}:${srcPort}`];
}

function flagsText(flags: number): string {
  const parts: string[] = [];
  for (const [bit, name] of flagNames) if (flags & bit) parts.push(name);
  return parts.join(', ');
}

function flagsString(flags: number): string {
  let s = '';
  for (let i = 11; i >= 0; i--) s += flags & (1 << i) ? (flagChars[11 - i] as string) : '·';
  return s;
}

function optionSummary(b: Uint8Array, s: number, e: number): string {
  const names: string[] = [];
  let at = s;
  while (at < e) {
    const kind = b[at] as number;
    names.push(optionNames.get(kind) ?? `Unknown (0x${kind.toString(16).padStart(2, '0')})`);
    if (kind === 0) break;
    if (kind === 1) {
      at++;
      continue;
    }
    const len = at + 1 < e ? (b[at + 1] as number) : 0;
    if (len < 2) break;
    at += len;
  }
  return names.join(', ');
}

export function dissectTcp(ctx: PacketContext, source: number, start: number, end: number): void {
  const b = ctx.sources[source]!.bytes;
  ctx.protocols.push('tcp');
  ctx.column.protocol = 'TCP';
  const available = end - start;
  if (available < 20) {
    const node = addProtocol(
      ctx,
      'tcp',
      'Transmission Control Protocol',
      source,
      start,
      Math.max(0, available),
    );
    if (node && available >= 2) addField(node, f.srcport, source, start, 2, u16(b, start));
    if (node && available >= 4) addField(node, f.dstport, source, start + 2, 2, u16(b, start + 2));
    markMalformed(ctx, node, 'TCP', 'TCP header truncated', source, start);
    return;
  }
  const srcPort = u16(b, start);
  const dstPort = u16(b, start + 2);
  const net = ctx.net;
  net.transport = 'tcp';
  net.srcPort = srcPort;
  net.dstPort = dstPort;
  const seq = u32(b, start + 4);
  const ack = u32(b, start + 8);
  const hdrLen = ((b[start + 12] as number) >> 4) * 4;
  const flags = u16(b, start + 12) & 0x0fff;
  const state = tcpState(ctx);
  const [fwd, rev] = directionKeys(ctx, srcPort, dstPort);
  const conv = fwd < rev ? fwd : rev;
  let stream = state.streams.get(conv);
  if (stream === undefined) {
    stream = state.nextStream++;
    state.streams.set(conv, stream);
  }
  // Relative numbers: the SYN's seq, or (mid-stream) the first seq seen minus one.
  let base = state.base.get(fwd);
  if (base === undefined) {
    base = flags & 0x02 ? seq : (seq - 1) >>> 0;
    state.base.set(fwd, base);
  }
  const ackFlag = (flags & 0x10) !== 0;
  let revBase = state.base.get(rev);
  if (revBase === undefined && ackFlag) {
    revBase = (ack - 1) >>> 0;
    state.base.set(rev, revBase);
  }
  const relSeq = (seq - base) >>> 0;
  const relAck = ackFlag && revBase !== undefined ? (ack - revBase) >>> 0 : 0;
  const payloadStart = start + hdrLen;
  const payloadLen = hdrLen >= 20 && payloadStart <= end ? end - payloadStart : 0;

  const node =
    ctx.tree === null
      ? null
      : addProtocol(
          ctx,
          'tcp',
          `Transmission Control Protocol, Src Port: ${srcPort}, Dst Port: ${dstPort}, Seq: ${relSeq}, ${ackFlag ? `Ack: ${relAck}, ` : ''}Len: ${payloadLen}`,
          source,
          start,
          Math.min(Math.max(hdrLen, 20), available),
        );
  if (node)
    addHeaderFields(node, b, source, start, {
      srcPort,
      dstPort,
      stream,
      seq,
      ack,
      relSeq,
      relAck,
      hdrLen,
      flags,
      payloadLen,
      ackFlag,
    });
  if (hdrLen < 20) {
    if (node)
      node.children?.push({
        name: '_ws.expert',
        label: `[Bogus TCP header length (${hdrLen}, must be at least 20)]`,
        source,
        start: start + 12,
        length: 1,
        generated: true,
        expert: {
          severity: 'error',
          message: `Bogus TCP header length (${hdrLen}, must be at least 20)`,
        },
      });
    return;
  }
  if (payloadStart > end) {
    markMalformed(ctx, node, 'TCP', 'TCP options truncated', source, start + 20);
    return;
  }
  const isDns = ctx.state.dnsPorts.has(srcPort) || ctx.state.dnsPorts.has(dstPort);
  let info = '';
  let outcomes: readonly SegmentOutcome[] | undefined;
  if (isDns) {
    const dns = state.dns;
    if (dns.isRevisit(ctx.meta.frame)) {
      outcomes = dns.rememberedFor(ctx.meta.frame);
    } else {
      if (flags & 0x02) dns.syn(fwd, seq);
      // A segment cut by the snap length cannot be reassembled (tshark does not either).
      if (payloadLen > 0 && !ipPayloadCut(ctx)) {
        const dataSeq = flags & 0x02 ? (seq + 1) >>> 0 : seq;
        outcomes = [dns.segment(fwd, ctx.meta.frame, dataSeq, b, payloadStart, end)];
      }
    }
  }
  const outcome = outcomes?.[0];
  if (outcome?.retransmission) {
    info = '[TCP Retransmission] ';
    addField(node, f.retransmission, source, start, 0, '', {
      label: 'This frame is a (suspected) retransmission',
      generated: true,
      show: '',
    });
  } else if (outcome?.outOfOrder) {
    addField(node, f.outOfOrder, source, start, 0, '', {
      label: 'This frame is a (suspected) out-of-order segment',
      generated: true,
      show: '',
    });
  }
  if (node && payloadLen > 0) {
    addField(node, f.payload, source, payloadStart, payloadLen, b.subarray(payloadStart, end), {
      label: `TCP payload (${payloadLen} byte${payloadLen === 1 ? '' : 's'})`,
    });
  }
  if (ctx.tree !== null) {
    const win = u16(b, start + 14);
    const partialNote =
      outcome?.partial && outcome.messages.length === 0
        ? ' [TCP segment of a reassembled PDU]'
        : '';
    ctx.column.info = `${info}${srcPort} → ${dstPort} [${flagsText(flags)}] Seq=${relSeq}${ackFlag ? ` Ack=${relAck}` : ''} Win=${win} Len=${payloadLen}${partialNote}`;
  }
  if (outcome === undefined || outcome.messages.length === 0) return;
  const dnsTcp = appDissectors.dnsTcp;
  for (const o of outcomes ?? []) {
    let previousInline = false;
    for (const m of o.messages) {
      const protocolsBefore = ctx.protocols.length;
      handOver(ctx, node, source, m, dnsTcp, payloadStart);
      // tshark lists a protocol once for consecutive PDUs cut from the same segment
      // ("tcp:dns" for two messages in one segment), but again after a reassembled one.
      if (m.kind === 'inline' && previousInline)
        dropRepeatedProtocols(ctx.protocols, protocolsBefore);
      previousInline = m.kind === 'inline';
    }
  }
}

/** Removes protocols[from..] when they repeat the names just before them. */
function dropRepeatedProtocols(protocols: string[], from: number): void {
  const added = protocols.length - from;
  if (added <= 0 || from < added) return;
  for (let i = 0; i < added; i++) if (protocols[from + i] !== protocols[from - added + i]) return;
  protocols.length = from;
}

interface HeaderValues {
  srcPort: number;
  dstPort: number;
  stream: number;
  seq: number;
  ack: number;
  relSeq: number;
  relAck: number;
  hdrLen: number;
  flags: number;
  payloadLen: number;
  ackFlag: boolean;
}

function addHeaderFields(
  node: FieldNode,
  b: Uint8Array,
  source: number,
  s: number,
  v: HeaderValues,
): void {
  addField(node, f.srcport, source, s, 2, v.srcPort);
  addField(node, f.dstport, source, s + 2, 2, v.dstPort);
  addField(node, f.port, source, s, 2, v.srcPort, { hidden: true });
  addField(node, f.port, source, s + 2, 2, v.dstPort, { hidden: true });
  addField(node, f.stream, source, s, 0, v.stream, { generated: true });
  addField(node, f.len, source, s, 0, v.payloadLen, { generated: true });
  addField(node, f.seq, source, s + 4, 4, v.relSeq, {
    display: `${v.relSeq}    (relative sequence number)`,
  });
  addField(node, f.seqRaw, source, s + 4, 4, v.seq);
  const consumed = v.payloadLen + (v.flags & 0x02 ? 1 : 0) + (v.flags & 0x01 ? 1 : 0);
  if (consumed > 0 || v.relSeq !== 0) {
    const next = (v.relSeq + consumed) >>> 0;
    addField(node, f.nxtseq, source, s, 0, next, {
      display: `${next}    (relative sequence number)`,
      generated: true,
    });
  }
  if (v.ackFlag) {
    addField(node, f.ack, source, s + 8, 4, v.relAck, {
      display: `${v.relAck}    (relative ack number)`,
    });
  } else {
    addField(node, f.ack, source, s + 8, 4, 0);
  }
  addField(node, f.ackRaw, source, s + 8, 4, v.ack);
  const hb = b[s + 12] as number;
  addField(node, f.hdrLen, source, s + 12, 1, v.hdrLen, {
    word: hb,
    display: `${v.hdrLen} bytes (${hb >> 4})`,
  });
  const fl = v.flags;
  const flagsNode = addField(node, f.flags, source, s + 12, 2, fl, {
    label: `Flags: 0x${fl.toString(16).padStart(3, '0')} (${flagsText(fl)})`,
    show: `0x${fl.toString(16).padStart(4, '0')}`,
  });
  const set = (bit: number): string => (fl & bit ? 'Set' : 'Not set');
  const bits: [typeof f.res, number][] = [
    [f.res, 0xe00],
    [f.ae, 0x100],
    [f.cwr, 0x80],
    [f.ece, 0x40],
    [f.urg, 0x20],
    [f.ackFlag, 0x10],
    [f.push, 0x8],
    [f.reset, 0x4],
    [f.syn, 0x2],
    [f.fin, 0x1],
  ];
  for (const [def, bit] of bits)
    addField(flagsNode, def, source, s + 12, 2, (fl & bit) !== 0, {
      word: fl,
      wordBits: 12,
      display: set(bit),
    });
  addField(flagsNode, f.flagsStr, source, s + 12, 2, flagsString(fl), { generated: true });
  addField(node, f.window, source, s + 14, 2, u16(b, s + 14));
  const ck = u16(b, s + 16);
  addField(node, f.checksum, source, s + 16, 2, ck, {
    display: `0x${ck.toString(16).padStart(4, '0')} [unverified]`,
  });
  addField(node, f.checksumStatus, source, s + 16, 0, 2, {
    display: 'Unverified',
    generated: true,
  });
  addField(node, f.urgent, source, s + 18, 2, u16(b, s + 18));
  if (v.hdrLen > 20 && s + v.hdrLen <= b.length) {
    const n = v.hdrLen - 20;
    addField(node, f.options, source, s + 20, n, b.subarray(s + 20, s + v.hdrLen), {
      label: `Options: (${n} bytes), ${optionSummary(b, s + 20, s + v.hdrLen)}`,
    });
  }
}

/** Calls DNS for one complete message and records the frames a reassembled one spans. */
function handOver(
  ctx: PacketContext,
  node: FieldNode | null,
  source: number,
  m: DnsTcpMessage,
  dnsTcp: typeof appDissectors.dnsTcp,
  payloadStart: number,
): void {
  if (m.kind === 'inline') {
    addField(node, f.pduSize, source, m.start, m.end - m.start, m.end - m.start, {
      generated: true,
    });
    dnsTcp?.(ctx, source, m.start, m.end);
    return;
  }
  ctx.sources.push({ name: `Reassembled TCP (${m.bytes.length} bytes)`, bytes: m.bytes });
  const re = ctx.sources.length - 1;
  // tshark, in the frame that completes a PDU: "[PDU Size: N]" and "TCP segment data (n bytes)"
  // over this frame's piece, which starts where the segment's payload starts.
  const last = m.pieces[m.pieces.length - 1];
  if (node && last && last.frame === ctx.meta.frame) {
    const frameBytes = ctx.sources[source]?.bytes;
    addField(node, f.pduSize, source, payloadStart, last.length, m.bytes.length, {
      generated: true,
    });
    if (frameBytes) {
      addField(
        node,
        f.segmentData,
        source,
        payloadStart,
        last.length,
        frameBytes.subarray(payloadStart, payloadStart + last.length),
        {
          label: `TCP segment data (${last.length} byte${last.length === 1 ? '' : 's'})`,
        },
      );
    }
  }
  if (ctx.tree !== null) addSegmentsItem(ctx.tree, re, m);
  const before = ctx.dns.length;
  dnsTcp?.(ctx, re, 0, m.bytes.length);
  const frames: number[] = [];
  for (const p of m.pieces) if (frames[frames.length - 1] !== p.frame) frames.push(p.frame);
  for (let i = before; i < ctx.dns.length; i++)
    (ctx.dns[i] as { frames?: number[] }).frames = frames;
}

function addSegmentsItem(
  tree: FieldNode[],
  source: number,
  m: Extract<DnsTcpMessage, { kind: 'reassembled' }>,
): void {
  const list = m.pieces.map((p) => `#${p.frame}(${p.length})`).join(', ');
  const top: FieldNode = {
    name: 'tcp.segments',
    label: `${m.pieces.length} Reassembled TCP Segments (${m.bytes.length} bytes): ${list}`,
    source,
    start: 0,
    length: m.bytes.length,
    show: '1',
    generated: true,
    children: [],
  };
  tree.push(top);
  for (const p of m.pieces) {
    addField(top, f.segment, source, p.offset, p.length, p.frame, {
      label: `Frame: ${p.frame}, payload: ${p.offset}-${p.offset + p.length - 1} (${p.length} bytes)`,
      generated: true,
    });
  }
  addField(top, f.segmentCount, source, 0, 0, m.pieces.length, { generated: true });
  addField(top, f.reLength, source, 0, 0, m.bytes.length, { generated: true });
  const hex = toHex(m.bytes);
  addField(top, f.reData, source, 0, m.bytes.length, m.bytes, {
    display: hex.length > 72 ? hex.slice(0, 72) + '…' : hex,
    generated: true,
  });
}
