/**
 * The streaming query ⇄ response matcher. Fed one DnsMessageEvent at a time (frames or
 * log lines, in capture order), it pairs queries with responses exactly as Wireshark 4.0's
 * packet-dns.c does, so its per-message annotations equal what `tshark -2` prints:
 *
 * - A transaction lives in one transport conversation (transport, both addresses, both
 *   ports, either direction) and is keyed by the DNS ID; the question is NOT part of the
 *   key (tshark ignores it). Only the latest transaction of a conversation + ID counts.
 * - A query opens a new transaction unless the latest one with its ID is unanswered and
 *   began less than 5 s earlier (tshark's dns.retransmission_timer); then it is a
 *   retransmission of that one (dns.retransmit_request_in = the first query's frame, no
 *   dns.response_in of its own). The window runs from the FIRST query, so copies 3 s apart
 *   make the third one (6 s) a new transaction.
 * - A response answers the latest transaction of its conversation + ID. The first one sets
 *   dns.response_to and dns.time, which tshark measures from the FIRST query of the
 *   transaction, not from its last retransmission (verified with tshark 4.0 on
 *   retransmissions.pcap: about 2.0 s for an answer to the third copy, 1 s apart). Later responses are
 *   retransmissions (dns.retransmit_response_in) unless the transaction is a zone transfer
 *   (a question of type AXFR or IXFR seen last on it): then every message is an answer.
 *   A response with no transaction is unsolicited.
 * - A message shorter than 4 bytes (no ID and flags) takes no part, as in tshark.
 *
 * Beyond tshark, for the statistics engine (events via the callback):
 * - DnsTransactionEvent once a transaction is closed: superseded by a new query with its
 *   conversation + ID, idle for `idleTimeoutNs` of capture time (default 30 s since its
 *   last message; unanswered ones are then reported without a response), evicted by the
 *   `maxTransactions` cap, or at flush(). It carries the first and last query (so both the
 *   time from the first query, tshark's dns.time, and from the last retransmission are
 *   known), the number of query retransmissions, of duplicate responses, and for AXFR/IXFR
 *   the number of response messages (one transfer, not retransmissions).
 * - DnsUnsolicitedEvent for every unsolicited response.
 * - DnsDuplicateIdEvent when a client sends a query with the ID of one of its still
 *   unanswered queries to the same server (same transport, any ports) but a different
 *   question (name case-insensitive, type, class). In the same conversation tshark calls
 *   such a query a retransmission; the event's transaction does not count it as one.
 *
 * Memory is bounded by the transactions remembered: each lives until idle for
 * `idleTimeoutNs` (or closed earlier), and at most `maxTransactions` (default 1,000,000,
 * about 300 bytes each) are kept, the least recently active closed first. A response
 * arriving after its transaction was forgotten is unsolicited, where tshark, which keeps
 * every transaction, would still match it: pass `idleTimeoutNs: null` to keep them all
 * (the CLI's two-pass `fields` does, as tshark -2).
 *
 * Annotation objects returned for queries are completed later: dns.response_in is set on
 * the query's object when its response arrives.
 */
import type {
  DnsDuplicateIdEvent,
  DnsMessageEvent,
  DnsTransactionEvent,
  DnsUnsolicitedEvent,
} from '../stats/dnsEvent';
import type { DnsMessageAnnotation } from './dnsAnnotation';
import {
  clientQueryHash,
  conversationHash,
  sameConversation,
  type ConversationFields,
} from './conversationKey';

export type TransactionOutcomeEvent =
  DnsTransactionEvent | DnsUnsolicitedEvent | DnsDuplicateIdEvent;

export interface TransactionMatcherOptions {
  /** tshark's dns.retransmission_timer (default 5 s). */
  retransmissionWindowNs?: bigint;
  /** Close a transaction after this much capture time without a message; null: never. Default 30 s. */
  idleTimeoutNs?: bigint | null;
  /** Most transactions remembered at once (default 1,000,000). */
  maxTransactions?: number;
  /**
   * Build the per-message annotations (default true). The statistics only need the
   * outcome events: with false, push() returns null and allocates nothing per message.
   */
  annotate?: boolean;
}

const SECOND = 1_000_000_000n;
const T_IXFR = 251;
const T_AXFR = 252;
const FLAG_TC = 0x0200;

function isTransferType(qtype: number | undefined): boolean {
  return qtype === T_AXFR || qtype === T_IXFR;
}

interface Transaction extends ConversationFields {
  /** conversationHash: its chain in `table`, and whether it is still there. */
  readonly key: number;
  nextInTable: Transaction | null;
  inTable: boolean;
  /** clientQueryHash: its chain in `openByClient`, and whether it is there. */
  readonly clientKey: number;
  nextOpen: Transaction | null;
  inOpen: boolean;
  readonly qname: string | undefined;
  readonly qtype: number | undefined;
  readonly qclass: number | undefined;
  readonly firstRef: number;
  readonly firstTimeNs: bigint;
  lastQueryRef: number;
  lastQueryTimeNs: bigint;
  retransmissions: number;
  /** The query's annotation, waiting for dns.response_in (rarely more: see query()). */
  waiting: DnsMessageAnnotation | null;
  moreWaiting: DnsMessageAnnotation[] | null;
  responseRef?: number;
  responseTimeNs?: bigint;
  rcode?: number;
  truncated?: boolean;
  responses: number;
  duplicateResponses: number;
  /** tshark's multiple_responds: the last question seen on it was AXFR/IXFR. */
  transfer: boolean;
  lastActivityNs: bigint;
  /** Neighbours in the activity list (least recently active first). */
  prev: Transaction | null;
  next: Transaction | null;
}

export class TransactionMatcher {
  /**
   * conversation + ID -> latest transaction: conversationHash to a chain of transactions
   * (nextInTable) whose fields tell them apart; tableSize counts them.
   */
  private readonly table = new Map<number, Transaction>();
  private tableSize = 0;
  /**
   * The same transactions in order of last activity, oldest first: an intrusive list, not
   * the Map's order, because V8 Maps leave holes where entries were deleted and walking
   * from the front past them made expiry quadratic.
   */
  private oldest: Transaction | null = null;
  private newest: Transaction | null = null;
  /** transport + client + server + ID -> unanswered transaction (duplicate-ID detection), chained by nextOpen. */
  private readonly openByClient = new Map<number, Transaction>();
  private readonly windowNs: bigint;
  private readonly idleNs: bigint | null;
  private readonly max: number;
  private readonly annotate: boolean;
  private nowNs: bigint | undefined;

  constructor(
    private readonly emit: (event: TransactionOutcomeEvent) => void,
    options: TransactionMatcherOptions = {},
  ) {
    this.windowNs = options.retransmissionWindowNs ?? 5n * SECOND;
    this.idleNs = options.idleTimeoutNs === undefined ? 30n * SECOND : options.idleTimeoutNs;
    this.max = Math.max(1, options.maxTransactions ?? 1_000_000);
    this.annotate = options.annotate !== false;
  }

  /** Transactions remembered now. */
  get size(): number {
    return this.tableSize;
  }

  /**
   * Takes the next message; returns its annotation (null when the message is too short to
   * take part, or annotations are off). Never throws.
   */
  push(e: DnsMessageEvent): DnsMessageAnnotation | null {
    this.nowNs = this.nowNs === undefined || e.timeNs > this.nowNs ? e.timeNs : this.nowNs;
    this.expireIdle();
    if (e.size < 4) return null;
    const a = e.response ? this.response(e) : this.query(e);
    return this.annotate ? a : null;
  }

  /** End of input: closes (reports) every remembered transaction. */
  flush(): void {
    while (this.oldest) this.close(this.oldest);
  }

  private query(e: DnsMessageEvent): DnsMessageAnnotation | null {
    const key = conversationHash(e);
    const t = this.find(key, e);
    if (t && t.responseRef === undefined && e.timeNs - t.firstTimeNs < this.windowNs) {
      let annotation: DnsMessageAnnotation | null = null;
      if (!this.annotate) {
        // The statistics take no annotations.
      } else if (e.ref !== t.firstRef) {
        annotation = { retransmission: true, retransmitRequestIn: t.firstRef };
      } else {
        // Same frame as the original (two TCP messages): tshark's second pass sees the original.
        annotation = {};
        (t.moreWaiting ??= []).push(annotation);
      }
      if (!sameQuestion(e, t)) {
        this.emit(duplicateId(e, t.firstRef));
      } else {
        t.retransmissions++;
        t.lastQueryRef = e.ref;
        t.lastQueryTimeNs = e.timeNs;
      }
      this.touch(t);
      return annotation;
    }
    if (t) this.close(t);
    const clientKey = clientQueryHash(e.transport, e.src, e.dst, e.id);
    const other = this.findOpen(clientKey, e.transport, e.src, e.dst, e.id);
    if (other && !sameQuestion(e, other)) this.emit(duplicateId(e, other.firstRef));
    const annotation: DnsMessageAnnotation | null = this.annotate ? {} : null;
    const n: Transaction = {
      key,
      nextInTable: null,
      inTable: false,
      clientKey,
      nextOpen: null,
      inOpen: false,
      client: e.src,
      clientPort: e.srcPort,
      server: e.dst,
      serverPort: e.dstPort,
      transport: e.transport,
      id: e.id,
      qname: e.qname,
      qtype: e.qtype,
      qclass: e.qclass,
      firstRef: e.ref,
      firstTimeNs: e.timeNs,
      lastQueryRef: e.ref,
      lastQueryTimeNs: e.timeNs,
      retransmissions: 0,
      waiting: annotation,
      moreWaiting: null,
      responses: 0,
      duplicateResponses: 0,
      transfer: e.qdcount > 0 && isTransferType(e.qtype),
      lastActivityNs: this.nowNs ?? e.timeNs,
      prev: null,
      next: null,
    };
    this.addToTable(n);
    this.append(n);
    if (other) this.removeOpen(other);
    this.addOpen(n);
    this.enforceCap();
    return annotation;
  }

  /** The latest transaction of the message's conversation and ID. */
  private find(key: number, e: DnsMessageEvent): Transaction | undefined {
    for (let t = this.table.get(key) ?? null; t; t = t.nextInTable)
      if (sameConversation(t, e)) return t;
    return undefined;
  }

  private addToTable(t: Transaction): void {
    t.nextInTable = this.table.get(t.key) ?? null;
    t.inTable = true;
    this.table.set(t.key, t);
    this.tableSize++;
  }

  private removeFromTable(t: Transaction): void {
    if (!t.inTable) return;
    t.inTable = false;
    this.tableSize--;
    let p = this.table.get(t.key);
    if (p === t) {
      if (t.nextInTable) this.table.set(t.key, t.nextInTable);
      else this.table.delete(t.key);
    } else {
      while (p && p.nextInTable !== t) p = p.nextInTable ?? undefined;
      if (p) p.nextInTable = t.nextInTable;
    }
    t.nextInTable = null;
  }

  /** The unanswered transaction of this client, server, transport and ID. */
  private findOpen(
    key: number,
    transport: string,
    client: string,
    server: string,
    id: number,
  ): Transaction | undefined {
    for (let t = this.openByClient.get(key) ?? null; t; t = t.nextOpen)
      if (t.id === id && t.transport === transport && t.client === client && t.server === server)
        return t;
    return undefined;
  }

  private addOpen(t: Transaction): void {
    t.nextOpen = this.openByClient.get(t.clientKey) ?? null;
    t.inOpen = true;
    this.openByClient.set(t.clientKey, t);
  }

  private removeOpen(t: Transaction): void {
    if (!t.inOpen) return;
    t.inOpen = false;
    let p = this.openByClient.get(t.clientKey);
    if (p === t) {
      if (t.nextOpen) this.openByClient.set(t.clientKey, t.nextOpen);
      else this.openByClient.delete(t.clientKey);
    } else {
      while (p && p.nextOpen !== t) p = p.nextOpen ?? undefined;
      if (p) p.nextOpen = t.nextOpen;
    }
    t.nextOpen = null;
  }

  private response(e: DnsMessageEvent): DnsMessageAnnotation | null {
    const t = this.find(conversationHash(e), e);
    if (!t) {
      const event: DnsUnsolicitedEvent = {
        kind: 'unsolicited',
        ref: e.ref,
        timeNs: e.timeNs,
        client: e.dst,
        server: e.src,
        id: e.id,
      };
      this.emit(event);
      return this.annotate ? { unsolicited: true } : null;
    }
    let annotation: DnsMessageAnnotation | null = null;
    const annotate = this.annotate;
    if (t.responseRef === undefined) {
      t.responseRef = e.ref;
      t.responseTimeNs = e.timeNs;
      t.rcode = e.rcode;
      t.truncated = (e.flags & FLAG_TC) !== 0;
      t.responses = 1;
      if (t.waiting) t.waiting.responseIn = e.ref;
      if (t.moreWaiting) for (const q of t.moreWaiting) q.responseIn = e.ref;
      t.waiting = null;
      t.moreWaiting = null;
      this.removeOpen(t);
      if (annotate) annotation = { responseTo: t.firstRef, timeNs: e.timeNs - t.firstTimeNs };
    } else if (t.transfer || e.ref === t.responseRef) {
      // A zone transfer's next message (or a second message in the answer's own frame).
      t.responses++;
      if (annotate) annotation = { responseTo: t.firstRef, timeNs: e.timeNs - t.firstTimeNs };
    } else {
      t.duplicateResponses++;
      if (annotate) annotation = { retransmission: true, retransmitResponseIn: t.responseRef };
    }
    // tshark re-reads "multiple responses expected" from every question it sees on the transaction.
    if (e.qdcount > 0 && e.qtype !== undefined) t.transfer = isTransferType(e.qtype);
    this.touch(t);
    return annotation;
  }

  /** Marks activity: moves the transaction to the newest end of the activity list. */
  private touch(t: Transaction): void {
    t.lastActivityNs = this.nowNs ?? t.lastActivityNs;
    if (this.newest === t) return;
    this.unlink(t);
    this.append(t);
  }

  private append(t: Transaction): void {
    t.prev = this.newest;
    t.next = null;
    if (this.newest) this.newest.next = t;
    else this.oldest = t;
    this.newest = t;
  }

  private unlink(t: Transaction): void {
    if (t.prev) t.prev.next = t.next;
    else this.oldest = t.next;
    if (t.next) t.next.prev = t.prev;
    else this.newest = t.prev;
    t.prev = null;
    t.next = null;
  }

  private expireIdle(): void {
    if (this.idleNs === null || this.nowNs === undefined) return;
    const limit = this.nowNs - this.idleNs;
    while (this.oldest && this.oldest.lastActivityNs < limit) this.close(this.oldest);
  }

  private enforceCap(): void {
    while (this.tableSize > this.max && this.oldest) this.close(this.oldest);
  }

  /** Forgets a transaction and reports it. */
  private close(t: Transaction): void {
    this.unlink(t);
    this.removeFromTable(t);
    this.removeOpen(t);
    this.emit(transactionEvent(t));
  }
}

/** Same question: name (case-insensitive), type and class. */
function sameQuestion(e: DnsMessageEvent, t: Transaction): boolean {
  if (e.qtype !== t.qtype || e.qclass !== t.qclass) return false;
  if (e.qname === t.qname) return true;
  return (
    e.qname !== undefined &&
    t.qname !== undefined &&
    e.qname.toLowerCase() === t.qname.toLowerCase()
  );
}

function duplicateId(e: DnsMessageEvent, earlierRef: number): DnsDuplicateIdEvent {
  return {
    kind: 'duplicate-id',
    ref: e.ref,
    earlierRef,
    timeNs: e.timeNs,
    client: e.src,
    id: e.id,
  };
}

function transactionEvent(t: Transaction): DnsTransactionEvent {
  const event: DnsTransactionEvent = {
    kind: 'transaction',
    client: t.client,
    server: t.server,
    id: t.id,
    firstQueryRef: t.firstRef,
    firstQueryTimeNs: t.firstTimeNs,
    lastQueryRef: t.lastQueryRef,
    lastQueryTimeNs: t.lastQueryTimeNs,
    retransmissions: t.retransmissions,
    transport: t.transport,
  };
  if (t.qname !== undefined) event.qname = t.qname;
  if (t.qtype !== undefined) event.qtype = t.qtype;
  if (t.responseRef !== undefined && t.responseTimeNs !== undefined) {
    event.responseRef = t.responseRef;
    event.responseTimeNs = t.responseTimeNs;
    if (t.rcode !== undefined) event.rcode = t.rcode;
    if (t.truncated !== undefined) event.truncated = t.truncated;
    if (isTransferType(t.qtype)) event.transferMessages = t.responses;
  }
  if (t.duplicateResponses > 0) event.duplicateResponses = t.duplicateResponses;
  return event;
}
