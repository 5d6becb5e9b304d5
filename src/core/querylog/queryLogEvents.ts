/**
 * DnsMessageEvent / DnsTransactionEvent made from logged lines, so the statistics engine
 * reads logs as it reads captures. What a log cannot know stays neutral: id 0, size 0
 * (unless logged), ports 0, no counts beyond the question. Names lose their trailing dot
 * (the root becomes "<Root>", as tshark prints it); escapes stay as the daemon wrote them.
 */
import type { DnsMessageEvent, DnsTransactionEvent } from '../stats/dnsEvent';

export const flagRd = 0x0100;
export const flagCd = 0x0010;
export const flagQr = 0x8000;

export interface LoggedMessage {
  ref: number;
  timeNs: bigint;
  src: string;
  srcPort?: number;
  dst?: string;
  dstPort?: number;
  transport?: 'udp' | 'tcp' | '';
  response?: boolean;
  rcode?: number;
  flags?: number;
  qname?: string;
  qtype?: number;
  qclass?: number;
  edns?: { udpSize: number; version: number; do: boolean };
  size?: number;
}

export function ipVersionOf(address: string): 0 | 4 | 6 {
  if (address.includes(':')) return 6;
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(address) ? 4 : 0;
}

/** "example.com." → "example.com", "." → "<Root>", "a\." stays (an escaped dot). */
export function normalizeName(name: string): string {
  if (name === '.' || name === '') return '<Root>';
  if (!name.endsWith('.')) return name;
  let slashes = 0;
  for (let i = name.length - 2; i >= 0 && name[i] === '\\'; i--) slashes++;
  return slashes % 2 === 1 ? name : name.slice(0, -1);
}

export function messageEvent(m: LoggedMessage): DnsMessageEvent {
  const dst = m.dst ?? '';
  const e: DnsMessageEvent = {
    kind: 'message',
    timeNs: m.timeNs,
    ref: m.ref,
    src: m.src,
    dst,
    srcPort: m.srcPort ?? 0,
    dstPort: m.dstPort ?? 0,
    transport: m.transport ?? '',
    ipVersion: ipVersionOf(m.src),
    response: m.response ?? false,
    opcode: 0,
    rcode: m.rcode ?? 0,
    flags: (m.flags ?? 0) | (m.response === true ? flagQr : 0),
    id: 0,
    qdcount: m.qname === undefined ? 0 : 1,
    ancount: 0,
    nscount: 0,
    arcount: m.edns === undefined ? 0 : 1,
    size: m.size ?? 0,
    malformed: false,
  };
  if (m.qname !== undefined) e.qname = normalizeName(m.qname);
  if (m.qtype !== undefined) e.qtype = m.qtype;
  if (m.qclass !== undefined) e.qclass = m.qclass;
  if (m.edns !== undefined) e.edns = m.edns;
  return e;
}

export interface LoggedTransaction {
  client: string;
  server?: string;
  qname?: string;
  qtype?: number;
  queryRef: number;
  queryTimeNs: bigint;
  responseRef?: number;
  responseTimeNs?: bigint;
  rcode?: number;
}

export function transactionEvent(t: LoggedTransaction): DnsTransactionEvent {
  const e: DnsTransactionEvent = {
    kind: 'transaction',
    client: t.client,
    server: t.server ?? '',
    id: 0,
    firstQueryRef: t.queryRef,
    firstQueryTimeNs: t.queryTimeNs,
    lastQueryRef: t.queryRef,
    lastQueryTimeNs: t.queryTimeNs,
    retransmissions: 0,
    transport: '',
  };
  if (t.qname !== undefined) e.qname = normalizeName(t.qname);
  if (t.qtype !== undefined) e.qtype = t.qtype;
  if (t.responseRef !== undefined) e.responseRef = t.responseRef;
  if (t.responseTimeNs !== undefined) e.responseTimeNs = t.responseTimeNs;
  if (t.rcode !== undefined) e.rcode = t.rcode;
  return e;
}
