/**
 * Hand-built statistics events for the stats tests: queries, responses and transactions
 * with just the fields a test cares about, times given in seconds since the epoch.
 */
import type { DnsMessageEvent, DnsTransactionEvent } from '../../../../src/core/stats/dnsEvent';

/** 2023-11-14T22:00:00Z: a whole hour, so minute and hour bins start at T0. */
export const T0 = 1_699_999_200;
export const ns = (seconds: number): bigint => BigInt(Math.round(seconds * 1e6)) * 1000n;

let ref = 0;

export interface MessageSpec {
  t: number;
  src?: string;
  dst?: string;
  qtype?: number;
  qname?: string;
  qclass?: number;
  rcode?: number;
  flags?: number;
  opcode?: number;
  transport?: 'udp' | 'tcp';
  ipVersion?: 4 | 6;
  id?: number;
  ancount?: number;
  qdcount?: number;
  edns?: { udpSize: number; version: number; do: boolean };
  malformed?: boolean;
}

function message(response: boolean, s: MessageSpec): DnsMessageEvent {
  const opcode = s.opcode ?? 0;
  const rcode = s.rcode ?? 0;
  const flags = s.flags ?? (response ? 0x8000 : 0) | (opcode << 11) | 0x0100 | (rcode & 0xf);
  const e: DnsMessageEvent = {
    kind: 'message',
    timeNs: ns(s.t),
    ref: ++ref,
    src: s.src ?? (response ? '192.0.2.53' : '192.0.2.1'),
    dst: s.dst ?? (response ? '192.0.2.1' : '192.0.2.53'),
    srcPort: response ? 53 : 40000,
    dstPort: response ? 40000 : 53,
    transport: s.transport ?? 'udp',
    ipVersion: s.ipVersion ?? 4,
    response,
    opcode,
    rcode,
    flags,
    id: s.id ?? 1,
    qdcount: s.qdcount ?? (s.qtype === undefined ? 0 : 1),
    ancount: s.ancount ?? (response ? 1 : 0),
    nscount: 0,
    arcount: 0,
    size: 40,
    malformed: s.malformed ?? false,
  };
  if (s.qtype !== undefined) {
    e.qtype = s.qtype;
    e.qclass = s.qclass ?? 1;
    e.qname = s.qname ?? 'www.example.test';
  }
  if (s.edns) e.edns = s.edns;
  return e;
}

export const query = (s: MessageSpec): DnsMessageEvent => message(false, s);
export const response = (s: MessageSpec): DnsMessageEvent => message(true, s);

export function transaction(
  sentAt: number,
  answeredAfter: number | undefined,
  client = '192.0.2.1',
  retransmittedAfter?: number,
): DnsTransactionEvent {
  const e: DnsTransactionEvent = {
    kind: 'transaction',
    client,
    server: '192.0.2.53',
    id: 1,
    firstQueryRef: ++ref,
    firstQueryTimeNs: ns(sentAt),
    lastQueryRef: ref,
    lastQueryTimeNs: ns(sentAt + (retransmittedAfter ?? 0)),
    retransmissions: retransmittedAfter === undefined ? 0 : 1,
    transport: 'udp',
  };
  if (answeredAfter !== undefined) {
    e.responseRef = ++ref;
    // answeredAfter counts from the last transmission, as tshark's dns.time does.
    e.responseTimeNs = ns(sentAt + (retransmittedAfter ?? 0) + answeredAfter);
    e.rcode = 0;
  }
  return e;
}

/** A small deterministic PRNG (mulberry32) so tests are repeatable. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
