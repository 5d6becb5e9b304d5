/**
 * The statistics engine's input: one DNS message as an event, whether it came from a
 * capture (a frame) or a query log (a line). Plain data, no bytes, so captures and logs
 * share one engine. Transactions (query ⇄ response) arrive as separate events once known.
 */

export interface DnsMessageEvent {
  kind: 'message';
  /** Nanoseconds since the epoch. */
  timeNs: bigint;
  /**
   * The source gave no time (a BIND log without print-time): timeNs is a stand-in (the last
   * known time, or 0) and must not be shown as a time.
   */
  timeUnknown?: boolean;
  /** Frame number (captures) or line number (logs). */
  ref: number;
  /** Address text as shown in the packet list ("192.0.2.1", "2001:db8::1"); '' if unknown. */
  src: string;
  dst: string;
  srcPort: number;
  dstPort: number;
  transport: 'udp' | 'tcp' | '';
  ipVersion: 0 | 4 | 6;
  response: boolean;
  opcode: number;
  /** The 4-bit header rcode, extended with the OPT record's upper bits when present. */
  rcode: number;
  /** The 16-bit header flags word (RD, RA, AA, TC, AD, CD in their usual bits). */
  flags: number;
  id: number;
  qdcount: number;
  ancount: number;
  nscount: number;
  arcount: number;
  qname?: string;
  qtype?: number;
  qclass?: number;
  edns?: { udpSize: number; version: number; do: boolean };
  /** Size of the DNS message in bytes. */
  size: number;
  malformed: boolean;
}

/** A query and what became of it, emitted once its fate is known (answered or given up). */
export interface DnsTransactionEvent {
  kind: 'transaction';
  /** Client = the query's sender; server = its destination. */
  client: string;
  server: string;
  id: number;
  qname?: string;
  qtype?: number;
  /** Ref (frame/line) and time of the first query and of the last retransmission. */
  firstQueryRef: number;
  firstQueryTimeNs: bigint;
  lastQueryRef: number;
  lastQueryTimeNs: bigint;
  /** Number of retransmissions of the query (0 if sent once). */
  retransmissions: number;
  /** Absent when unanswered. */
  responseRef?: number;
  responseTimeNs?: bigint;
  rcode?: number;
  /** The response had TC set. */
  truncated?: boolean;
  transport: 'udp' | 'tcp' | '';
  /** AXFR/IXFR answered by several messages: how many. */
  transferMessages?: number;
  /** Responses after the first one (tshark's response dns.retransmission); absent when none. */
  duplicateResponses?: number;
}

/** A response no open query was waiting for (tshark's dns.unsolicited). */
export interface DnsUnsolicitedEvent {
  kind: 'unsolicited';
  ref: number;
  timeNs: bigint;
  client: string;
  server: string;
  id: number;
}

/** One client reused an ID for a different question while the earlier query was open. */
export interface DnsDuplicateIdEvent {
  kind: 'duplicate-id';
  ref: number;
  earlierRef: number;
  timeNs: bigint;
  client: string;
  id: number;
}

export type DnsEvent =
  DnsMessageEvent | DnsTransactionEvent | DnsUnsolicitedEvent | DnsDuplicateIdEvent;
