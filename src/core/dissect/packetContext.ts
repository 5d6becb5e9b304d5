/**
 * What flows through the layers while one frame is dissected: the bytes (data sources),
 * the tree being built (or null in scan mode), the cross-frame state (defragmentation,
 * TCP reassembly) and what the layers learn on the way (addresses, ports, DNS messages)
 * for the packet list's columns and the statistics.
 */
import type { DataSource, FieldNode } from '../field';

export interface DissectOptions {
  /** Extra UDP/TCP ports to decode as DNS, beyond 53, 5353 (mDNS) and 5355 (LLMNR). */
  extraDnsPorts?: readonly number[];
  /**
   * Scan mode only (no tree): build each DnsMessageInfo's Info column text and walk every
   * record's data as tshark does (default true). With false the DNS scan reads the header,
   * the first question and the EDNS OPT record, skipping the other records by their
   * lengths: the statistics path, several times faster. `info` is then '' and
   * malformations inside record data other than OPT's are not seen.
   */
  dnsInfo?: boolean;
}

/** Frame metadata the layers may need (a CaptureRecord without its bytes). */
export interface FrameMeta {
  frame: number;
  timeNs: bigint;
  capturedLength: number;
  originalLength: number;
  linkType: number;
  interfaceId: number;
}

/** Where a layer found something: offsets into a data source, not copies. */
export interface ByteRange {
  source: number;
  start: number;
  length: number;
}

export interface NetInfo {
  /** 0 until an IP layer is seen; the innermost IP layer wins (as tshark's columns). */
  ipVersion: 0 | 4 | 6;
  /** Address bytes (4 or 16) in sources[src.source]. */
  src?: ByteRange;
  dst?: ByteRange;
  transport: '' | 'udp' | 'tcp';
  srcPort: number;
  dstPort: number;
}

/**
 * One DNS message found in a frame, as the scan sees it (no object per record):
 * enough for the packet list, the index and the statistics.
 */
export interface DnsMessageInfo {
  /** Where the DNS message starts (after the TCP length prefix) and its length. */
  range: ByteRange;
  transport: 'udp' | 'tcp';
  id: number;
  /** The 16-bit flags word. */
  flags: number;
  qdcount: number;
  ancount: number;
  nscount: number;
  arcount: number;
  /** First question; absent when qdcount is 0 or it could not be read. */
  qname?: string;
  qtype?: number;
  qclass?: number;
  /** EDNS OPT record seen: its UDP payload size, version and DO bit. */
  edns?: { udpSize: number; version: number; do: boolean; extRcode: number };
  /** Frames whose bytes make up this message (TCP), in order; absent for one-frame messages. */
  frames?: number[];
  /** Set when the message could not be fully decoded: why and where (offset in range.source). */
  malformed?: { message: string; offset: number };
  /** The Info column text tshark would show for this message. */
  info: string;
}

/** Cross-frame state owned by the layers that need it; created empty per capture. */
export interface CaptureState {
  readonly options: DissectOptions;
  readonly dnsPorts: ReadonlySet<number>;
  /** Per-module state, keyed by module (ipv4 defrag, ipv6 defrag, tcp flows...). */
  readonly modules: Map<string, unknown>;
  /** Time of the first frame and of the previous one (frame.time_relative / time_delta). */
  firstTimeNs?: bigint;
  previousTimeNs?: bigint;
}

export interface PacketContext {
  readonly meta: FrameMeta;
  /** sources[0] is the frame; reassembled buffers are appended by the layers that make them. */
  readonly sources: DataSource[];
  /** Top-level protocol items (Frame, Ethernet II, Internet Protocol, UDP, DNS); null when scanning. */
  readonly tree: FieldNode[] | null;
  readonly state: CaptureState;
  readonly net: NetInfo;
  /** frame.protocols, e.g. ["eth", "ethertype", "ip", "udp", "dns"]. */
  readonly protocols: string[];
  readonly dns: DnsMessageInfo[];
  /** The Protocol and Info columns, set by the highest layer that knows better. */
  column: { protocol: string; info: string };
  /** The first malformation found (tshark's "[Malformed Packet: PROTO]"). */
  malformed?: {
    protocol: string;
    message: string;
    source: number;
    offset: number;
    /** `short`: the bytes ran out where the snap length cut the frame (tshark's _ws.short). */
    kind: 'malformed' | 'short';
  };
}

/** A layer's entry point: dissect bytes [start, end) of sources[source]. Never throws. */
export type Dissector = (ctx: PacketContext, source: number, start: number, end: number) => void;

export function createCaptureState(options: DissectOptions = {}): CaptureState {
  const ports = new Set<number>([53, 5353, 5355, ...(options.extraDnsPorts ?? [])]);
  return { options, dnsPorts: ports, modules: new Map() };
}

/** A module's slot in the capture state, created on first use. */
export function moduleState<T>(state: CaptureState, key: string, create: () => T): T {
  let s = state.modules.get(key) as T | undefined;
  if (s === undefined) {
    s = create();
    state.modules.set(key, s);
  }
  return s;
}

/** Adds a top-level protocol item (or does nothing when scanning). */
export function addProtocol(
  ctx: PacketContext,
  name: string,
  label: string,
  source: number,
  start: number,
  length: number,
): FieldNode | null {
  if (ctx.tree === null) return null;
  const node: FieldNode = { name, label, source, start, length, show: label, children: [] };
  ctx.tree.push(node);
  return node;
}

/**
 * Records the first malformation of the frame and adds tshark's item for it:
 * "[Malformed Packet: PROTO]" (`_ws.malformed`, whose `-T fields` text tshark prints as
 * "[Malformed Packet: PROTO],_ws.malformed": the item and its expert child), or, when the
 * bytes ran out because the snap length cut the frame, "[Packet size limited during
 * capture: PROTO truncated]" (`_ws.short`, not malformed).
 */
export function markMalformed(
  ctx: PacketContext,
  parent: FieldNode | null,
  protocol: string,
  message: string,
  source: number,
  offset: number,
  kind: 'malformed' | 'short' = 'malformed',
): void {
  ctx.malformed ??= { protocol, message, source, offset, kind };
  if (parent === null || ctx.tree === null) return;
  if (kind === 'short') {
    const label = `[Packet size limited during capture: ${protocol} truncated]`;
    ctx.tree.push({
      name: '_ws.short',
      label,
      show: label,
      source,
      start: offset,
      length: 0,
      generated: true,
      expert: { severity: 'warn', message },
    });
    return;
  }
  const label = `[Malformed Packet: ${protocol}]`;
  const expert = { severity: 'error', message } as const;
  ctx.tree.push({
    name: '_ws.malformed',
    label,
    show: label,
    source,
    start: offset,
    length: 0,
    generated: true,
    expert,
    children: [
      {
        name: '_ws.expert',
        label: `[Expert Info (Error/Malformed): ${message}]`,
        source,
        start: offset,
        length: 0,
        generated: true,
        expert,
        children: [
          {
            name: '_ws.malformed',
            label: '',
            show: '_ws.malformed',
            source,
            start: offset,
            length: 0,
            hidden: true,
          },
          {
            name: '_ws.expert.message',
            label: `[${message}]`,
            show: message,
            source,
            start: offset,
            length: 0,
            generated: true,
          },
          {
            name: '_ws.expert.severity',
            label: '[Severity level: Error]',
            source,
            start: offset,
            length: 0,
            generated: true,
          },
          {
            name: '_ws.expert.group',
            label: '[Group: Malformed]',
            source,
            start: offset,
            length: 0,
            generated: true,
          },
        ],
      },
    ],
  });
}

/** What tshark appends to the Info column of a frame that ran out of bytes. */
export function malformedColumnSuffix(kind: 'malformed' | 'short'): string {
  return kind === 'short' ? '[Packet size limited during capture]' : '[Malformed Packet]';
}
