/**
 * Display filters without field trees: for a filter that reads only fields the DNS scan
 * already knows (frame numbers and lengths, addresses, ports, the DNS header, flags,
 * counts, the first question, the transaction matcher's annotations, protocol presence),
 * a FieldLookup built from a scan-mode DissectedFrame gives the same occurrences, with
 * the same values, as the frame's full tree would. Building the tree is what made a
 * filter pass over a million packets take minutes; the scan costs a tenth of it.
 *
 * The values mirror what the dissectors put in FieldNode.value (ipv4.ts, ipv6.ts, udp.ts,
 * tcp.ts, dnsMessage.ts addFlags, transactionFields.ts), since the evaluator reads only
 * `value` (filterValues.ts nodeValue). A frame whose scan cannot be trusted to match its
 * tree gets no lookup (`lookup` returns undefined) and the caller dissects its tree:
 *   - a malformed frame (fields stop where the fault is);
 *   - several IP layers, or an IP protocol item without the addresses the scan keeps,
 *     when an ip./ipv6. field is read; several transport layers when a port is read;
 *   - DNS protocol items that do not pair one to one with the scan's messages;
 *   - a message with more than one question when a dns.qry.* field is read (the scan
 *     keeps the first only).
 */
import type { FieldNode } from '../field';
import type { DissectedFrame } from '../dissect/frame';
import { rangeAddressText } from '../dissect/addressText';
import type { DnsMessageInfo } from '../dissect/packetContext';
import type { FieldLookup } from '../filter/filterEval';
import { secondsText } from '../format/timeText';
import type { DnsMessageAnnotation } from '../transactions/dnsAnnotation';

type Value = number | string | boolean | undefined;

/** What the filter's fields need the scan to be sure of. */
const enum Need {
  none = 0,
  ip = 1,
  ports = 2,
  dns = 4,
  question = 8,
}

type Out = (name: string, value: Value) => void;

/** One DNS message with the protocol it was dissected as and its annotation. */
interface Message {
  info: DnsMessageInfo;
  flavor: string;
  annotation: DnsMessageAnnotation | null | undefined;
}

interface Producer {
  need: Need;
  /** Adds every occurrence of the field in the frame, in tree order. */
  add(frame: DissectedFrame, messages: readonly Message[], out: Out): void;
}

const presence = (protocol: string): Producer => ({
  need: Need.none,
  add: (frame, _m, out) => {
    if (protocol === 'frame' || frame.protocols.includes(protocol)) out(protocol, undefined);
  },
});

const meta = (name: string, get: (frame: DissectedFrame) => Value): Producer => ({
  need: Need.none,
  add: (frame, _m, out) => out(name, get(frame)),
});

/** ip.src, ipv6.dst, ip.addr (source then destination)... for the frame's one IP layer. */
function address(name: string, version: 4 | 6, which: 'src' | 'dst' | 'addr'): Producer {
  return {
    need: Need.ip,
    add: (frame, _m, out) => {
      const net = frame.net;
      if (net.ipVersion !== version) return;
      if (which !== 'dst') out(name, rangeAddressText(frame.sources, net.src));
      if (which !== 'src') out(name, rangeAddressText(frame.sources, net.dst));
    },
  };
}

function port(name: string, transport: 'udp' | 'tcp', which: 'src' | 'dst' | 'both'): Producer {
  return {
    need: Need.ports,
    add: (frame, _m, out) => {
      const net = frame.net;
      if (net.transport !== transport) return;
      if (which !== 'dst') out(name, net.srcPort);
      if (which !== 'src') out(name, net.dstPort);
    },
  };
}

/** A field each DNS message has (or not) on its own, from its header or first question. */
function perMessage(
  name: string,
  need: Need,
  get: (m: DnsMessageInfo, flavor: string) => Value | null,
): Producer {
  return {
    need: Need.dns | need,
    add: (_f, messages, out) => {
      for (const m of messages) {
        const v = get(m.info, m.flavor);
        if (v !== null) out(name, v);
      }
    },
  };
}

const isResponse = (m: DnsMessageInfo): boolean => (m.flags & 0x8000) !== 0;
const isUpdate = (m: DnsMessageInfo): boolean => ((m.flags >> 11) & 0xf) === 5;

/**
 * A flag bit as addFlags adds it: `when` says in which messages the item is there
 * (LLMNR has its own set; some bits only in responses).
 */
function flag(
  name: string,
  mask: number,
  when: (m: DnsMessageInfo, flavor: string) => boolean,
): Producer {
  return perMessage(name, Need.none, (m, flavor) =>
    when(m, flavor) ? (m.flags & mask) !== 0 : null,
  );
}

const dnsOnly = (_m: DnsMessageInfo, flavor: string): boolean => flavor !== 'llmnr';
const llmnrOnly = (_m: DnsMessageInfo, flavor: string): boolean => flavor === 'llmnr';
const responseDnsOnly = (m: DnsMessageInfo, flavor: string): boolean =>
  flavor !== 'llmnr' && isResponse(m);

/** The annotation's items, as addToDnsTree adds them (one branch per message). */
function annotated(name: string, get: (a: DnsMessageAnnotation) => Value | null): Producer {
  return {
    need: Need.dns,
    add: (_f, messages, out) => {
      for (const m of messages) {
        if (!m.annotation) continue;
        const v = get(m.annotation);
        if (v !== null) out(name, v);
      }
    },
  };
}

/** Which branch of addToDnsTree an annotation takes. */
function branch(a: DnsMessageAnnotation): string {
  if (a.retransmitRequestIn !== undefined) return 'request';
  if (a.retransmitResponseIn !== undefined) return 'response';
  if (a.responseIn !== undefined) return 'in';
  if (a.responseTo !== undefined) return 'to';
  return a.unsolicited === true ? 'unsolicited' : '';
}

const producers = new Map<string, Producer>([
  ['frame', presence('frame')],
  ['ip', presence('ip')],
  ['ipv6', presence('ipv6')],
  ['udp', presence('udp')],
  ['tcp', presence('tcp')],
  ['dns', presence('dns')],
  ['mdns', presence('mdns')],
  ['llmnr', presence('llmnr')],
  ['frame.number', meta('frame.number', (f) => f.meta.frame)],
  ['frame.len', meta('frame.len', (f) => f.meta.originalLength)],
  ['frame.cap_len', meta('frame.cap_len', (f) => f.meta.capturedLength)],
  ['frame.protocols', meta('frame.protocols', (f) => f.protocols.join(':'))],
  ['ip.src', address('ip.src', 4, 'src')],
  ['ip.dst', address('ip.dst', 4, 'dst')],
  ['ip.addr', address('ip.addr', 4, 'addr')],
  ['ipv6.src', address('ipv6.src', 6, 'src')],
  ['ipv6.dst', address('ipv6.dst', 6, 'dst')],
  ['ipv6.addr', address('ipv6.addr', 6, 'addr')],
  ['udp.srcport', port('udp.srcport', 'udp', 'src')],
  ['udp.dstport', port('udp.dstport', 'udp', 'dst')],
  ['udp.port', port('udp.port', 'udp', 'both')],
  ['tcp.srcport', port('tcp.srcport', 'tcp', 'src')],
  ['tcp.dstport', port('tcp.dstport', 'tcp', 'dst')],
  ['tcp.port', port('tcp.port', 'tcp', 'both')],
  ['dns.id', perMessage('dns.id', Need.none, (m) => m.id)],
  ['dns.flags', perMessage('dns.flags', Need.none, (m) => m.flags)],
  ['dns.flags.response', flag('dns.flags.response', 0x8000, () => true)],
  ['dns.flags.opcode', perMessage('dns.flags.opcode', Need.none, (m) => (m.flags >> 11) & 0xf)],
  ['dns.flags.authoritative', flag('dns.flags.authoritative', 0x0400, responseDnsOnly)],
  ['dns.flags.conflict', flag('dns.flags.conflict', 0x0400, llmnrOnly)],
  ['dns.flags.truncated', flag('dns.flags.truncated', 0x0200, () => true)],
  ['dns.flags.recdesired', flag('dns.flags.recdesired', 0x0100, dnsOnly)],
  ['dns.flags.tentative', flag('dns.flags.tentative', 0x0100, llmnrOnly)],
  ['dns.flags.recavail', flag('dns.flags.recavail', 0x0080, responseDnsOnly)],
  ['dns.flags.z', flag('dns.flags.z', 0x0040, dnsOnly)],
  [
    'dns.flags.authenticated',
    // In a query the AD bit has an item only when it is set.
    flag(
      'dns.flags.authenticated',
      0x0020,
      (m, flavor) => flavor !== 'llmnr' && (isResponse(m) || (m.flags & 0x0020) !== 0),
    ),
  ],
  ['dns.flags.checkdisable', flag('dns.flags.checkdisable', 0x0010, dnsOnly)],
  [
    'dns.flags.rcode',
    perMessage('dns.flags.rcode', Need.none, (m) => (isResponse(m) ? m.flags & 0xf : null)),
  ],
  [
    'dns.count.queries',
    perMessage('dns.count.queries', Need.none, (m) => (isUpdate(m) ? null : m.qdcount)),
  ],
  [
    'dns.count.zones',
    perMessage('dns.count.zones', Need.none, (m) => (isUpdate(m) ? m.qdcount : null)),
  ],
  [
    'dns.count.answers',
    perMessage('dns.count.answers', Need.none, (m) => (isUpdate(m) ? null : m.ancount)),
  ],
  [
    'dns.count.prerequisites',
    perMessage('dns.count.prerequisites', Need.none, (m) => (isUpdate(m) ? m.ancount : null)),
  ],
  [
    'dns.count.auth_rr',
    perMessage('dns.count.auth_rr', Need.none, (m) => (isUpdate(m) ? null : m.nscount)),
  ],
  [
    'dns.count.updates',
    perMessage('dns.count.updates', Need.none, (m) => (isUpdate(m) ? m.nscount : null)),
  ],
  ['dns.count.add_rr', perMessage('dns.count.add_rr', Need.none, (m) => m.arcount)],
  ['dns.qry.name', perMessage('dns.qry.name', Need.question, (m) => m.qname ?? null)],
  ['dns.qry.type', perMessage('dns.qry.type', Need.question, (m) => m.qtype ?? null)],
  ['dns.qry.class', perMessage('dns.qry.class', Need.question, (m) => m.qclass ?? null)],
  [
    'dns.retransmit_request',
    annotated('dns.retransmit_request', (a) => (branch(a) === 'request' ? undefined : null)),
  ],
  [
    'dns.retransmit_request_in',
    annotated('dns.retransmit_request_in', (a) => a.retransmitRequestIn ?? null),
  ],
  [
    'dns.retransmit_response',
    annotated('dns.retransmit_response', (a) => (branch(a) === 'response' ? undefined : null)),
  ],
  [
    'dns.retransmit_response_in',
    annotated('dns.retransmit_response_in', (a) =>
      branch(a) === 'response' ? (a.retransmitResponseIn ?? null) : null,
    ),
  ],
  [
    'dns.retransmission',
    annotated('dns.retransmission', (a) =>
      branch(a) === 'request' || branch(a) === 'response' ? true : null,
    ),
  ],
  [
    'dns.response_in',
    annotated('dns.response_in', (a) => (branch(a) === 'in' ? (a.responseIn ?? null) : null)),
  ],
  [
    'dns.response_to',
    annotated('dns.response_to', (a) => (branch(a) === 'to' ? (a.responseTo ?? null) : null)),
  ],
  [
    'dns.time',
    annotated('dns.time', (a) => (branch(a) === 'to' ? secondsText(a.timeNs ?? 0n) : null)),
  ],
  [
    'dns.unsolicited',
    annotated('dns.unsolicited', (a) => (branch(a) === 'unsolicited' ? true : null)),
  ],
]);

/** Field and protocol names a scan-mode frame (with its annotations) can answer. */
export const scanFieldNames: ReadonlySet<string> = new Set(producers.keys());

/** Whether every field a filter reads is one the scan answers. */
export function scanAnswers(fields: Iterable<string>): boolean {
  for (const f of fields) if (!producers.has(f)) return false;
  return true;
}

const DNS_PROTOCOLS: ReadonlySet<string> = new Set(['dns', 'mdns', 'llmnr']);
const none: readonly FieldNode[] = [];

/** Builds per-frame lookups for one filter's fields (all of them in scanFieldNames). */
export class ScanFieldReader {
  private readonly need: Need;
  private readonly fields: readonly string[];

  constructor(fields: Iterable<string>) {
    this.fields = [...fields];
    let need = Need.none;
    for (const f of this.fields) {
      const p = producers.get(f);
      if (p === undefined) throw new Error(`the scan does not know ${f}`);
      need |= p.need;
    }
    this.need = need;
  }

  /**
   * The fields of a frame dissected in scan mode, with its DNS messages' annotations
   * (annotations[i] for frame.dns[i]); undefined when only its tree gives the right answer.
   */
  lookup(
    frame: DissectedFrame,
    annotations: readonly (DnsMessageAnnotation | null)[] | undefined,
  ): FieldLookup | undefined {
    if (frame.malformed) return undefined;
    const need = this.need;
    let ipLayers = 0;
    let transports = 0;
    const flavors: string[] = [];
    for (const p of frame.protocols) {
      if (p === 'ip' || p === 'ipv6') ipLayers++;
      else if (p === 'udp' || p === 'tcp') transports++;
      else if (DNS_PROTOCOLS.has(p)) flavors.push(p);
    }
    const net = frame.net;
    if (need & Need.ip) {
      if (ipLayers > 1 || (ipLayers === 1 && (net.ipVersion === 0 || !net.src || !net.dst)))
        return undefined;
    }
    if (need & Need.ports && (transports > 1 || (transports === 1 && net.transport === '')))
      return undefined;
    const messages: Message[] = [];
    if (need & Need.dns) {
      if (flavors.length !== frame.dns.length) return undefined;
      for (let i = 0; i < frame.dns.length; i++) {
        const info = frame.dns[i] as DnsMessageInfo;
        if (info.malformed || info.range.length < 12) return undefined;
        if (
          need & Need.question &&
          (info.qdcount > 1 || (info.qdcount === 1) !== (info.qname !== undefined))
        )
          return undefined;
        messages.push({ info, flavor: flavors[i] as string, annotation: annotations?.[i] });
      }
    }
    const index = new Map<string, FieldNode[]>();
    const out: Out = (name, value) => {
      const node: FieldNode = { name, label: '', source: 0, start: 0, length: 0 };
      if (value !== undefined) node.value = value;
      const list = index.get(name);
      if (list) list.push(node);
      else index.set(name, [node]);
    };
    for (const f of this.fields) producers.get(f)?.add(frame, messages, out);
    return (name) => index.get(name) ?? none;
  }
}
