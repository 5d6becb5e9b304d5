/**
 * Streaming query-log reader: text chunks in, DNS events out. Splits lines
 * (lineSplitter.ts), reads each line's time prefix (logPrefix.ts), detects its dialect
 * (logFormat.ts) and emits a DnsMessageEvent per logged query or reply; unbound replies and
 * dnsmasq answers also close a DnsTransactionEvent (unbound: oldest open query with the
 * same client and question, else one dated back by the logged response time; dnsmasq: by
 * log-queries=extra serial, else oldest open query for the name). Lines that match no
 * dialect are counted and kept with their numbers (the first `maxUnparsedKept`).
 */
import type { DnsEvent } from '../stats/dnsEvent';
import type { BindQuery } from './bindQueryLog';
import type { DnsmasqMessage } from './dnsmasqLog';
import { LineSplitter, type SplitLine } from './lineSplitter';
import { LogClock, type LogClockOptions } from './logClock';
import { detectLine, type QueryLogFormat } from './logFormat';
import { parseLinePrefix } from './logPrefix';
import { OpenQueries, type OpenQuery } from './openQueries';
import {
  flagCd,
  flagRd,
  type LoggedTransaction,
  messageEvent,
  transactionEvent,
} from './queryLogEvents';
import type { UnboundQuery, UnboundReply } from './unboundLog';

export interface QueryLogReaderOptions extends LogClockOptions {
  maxLineLength?: number;
  /** How many unparsed lines to keep (all are counted); default 10000. */
  maxUnparsedKept?: number;
}

export interface UnparsedLine {
  line: number;
  text: string;
  /** The line was longer than maxLineLength (text is cut). */
  overlong: boolean;
}

export interface QueryLogSummary {
  lines: number;
  /** Parsed lines per dialect. */
  counts: Record<QueryLogFormat, number>;
  /** Dialects seen, most lines first. */
  formats: QueryLogFormat[];
  unparsedCount: number;
  unparsed: UnparsedLine[];
  /** Parsed lines without a timestamp (e.g. BIND without print-time). */
  untimedLines: number;
}

export class QueryLogReader {
  private readonly splitter: LineSplitter;
  private readonly clock: LogClock;
  private readonly maxUnparsedKept: number;
  private lines = 0;
  private readonly counts: Record<QueryLogFormat, number> = { bind: 0, unbound: 0, dnsmasq: 0 };
  private unparsedCount = 0;
  private readonly unparsed: UnparsedLine[] = [];
  private lastTimeNs = 0n;
  private readonly unboundOpen = new OpenQueries();
  private unboundSawReply = false;
  private readonly dnsmasqOpen = new OpenQueries();
  private readonly giveUpUnbound = (q: OpenQuery): void => {
    // Without log-replies nothing is ever answered: no transactions then.
    if (this.unboundSawReply) this.unanswered(q);
  };
  private readonly giveUpDnsmasq = (q: OpenQuery): void => this.unanswered(q);

  /** The line being handled had no timestamp: its message events say so. */
  private untimedLine = false;
  private untimedLines = 0;
  private readonly emit: (event: DnsEvent) => void;

  constructor(onEvent: (event: DnsEvent) => void, options: QueryLogReaderOptions = {}) {
    this.emit = (event) => {
      if (this.untimedLine && event.kind === 'message') event.timeUnknown = true;
      onEvent(event);
    };
    this.clock = new LogClock(options);
    this.maxUnparsedKept = options.maxUnparsedKept ?? 10000;
    const split: { maxLineLength?: number } = {};
    if (options.maxLineLength !== undefined) split.maxLineLength = options.maxLineLength;
    this.splitter = new LineSplitter((l) => this.line(l), split);
  }

  push(chunk: Uint8Array | string): void {
    this.splitter.push(chunk);
  }

  /** Ends the input: the last line, then unanswered transactions. */
  end(): void {
    this.splitter.end();
    this.unboundOpen.drain(this.giveUpUnbound);
    this.dnsmasqOpen.drain(this.giveUpDnsmasq);
  }

  summary(): QueryLogSummary {
    const formats = (Object.keys(this.counts) as QueryLogFormat[])
      .filter((f) => this.counts[f] > 0)
      .sort((a, b) => this.counts[b] - this.counts[a]);
    return {
      lines: this.lines,
      counts: { ...this.counts },
      formats,
      unparsedCount: this.unparsedCount,
      untimedLines: this.untimedLines,
      unparsed: this.unparsed.slice(),
    };
  }

  private line(l: SplitLine): void {
    this.lines = l.line;
    if (l.text.trim() === '') return;
    const prefix = l.overlong ? undefined : parseLinePrefix(l.text, this.clock);
    const detected = prefix === undefined ? undefined : detectLine(prefix);
    if (prefix === undefined || detected === undefined) {
      this.unparsedCount++;
      if (this.unparsed.length < this.maxUnparsedKept) {
        this.unparsed.push({ line: l.line, text: l.text, overlong: l.overlong });
      }
      return;
    }
    this.counts[detected.format]++;
    this.untimedLine = prefix.timeNs === undefined;
    if (this.untimedLine) this.untimedLines++;
    const timeNs = prefix.timeNs ?? this.lastTimeNs;
    this.lastTimeNs = timeNs;
    this.unboundOpen.expire(timeNs, this.giveUpUnbound);
    this.dnsmasqOpen.expire(timeNs, this.giveUpDnsmasq);
    if (detected.format === 'bind') this.bind(l.line, timeNs, detected.bind);
    else if (detected.format === 'unbound') this.unbound(l.line, timeNs, detected.unbound);
    else this.dnsmasq(l.line, timeNs, detected.dnsmasq);
  }

  private bind(ref: number, timeNs: bigint, q: BindQuery): void {
    const f = q.flags;
    const m = messageEvent({
      ref,
      timeNs,
      src: q.client,
      srcPort: q.clientPort,
      dst: q.server ?? '',
      transport: f.tcp ? 'tcp' : 'udp',
      flags: (f.recursionDesired ? flagRd : 0) | (f.checkingDisabled ? flagCd : 0),
      qname: q.qname,
      qtype: q.qtype,
      qclass: q.qclass,
      ...(f.edns ? { edns: { udpSize: 0, version: f.ednsVersion ?? 0, do: f.dnssecOk } } : {}),
    });
    this.emit(m);
  }

  private unbound(ref: number, timeNs: bigint, u: UnboundQuery | UnboundReply): void {
    const key = `${u.client}|${u.qname ?? ''}|${u.qtype ?? ''}|${u.qclass ?? ''}`;
    if (u.kind === 'query') {
      this.emit(messageEvent({ ref, timeNs, src: u.client, ...question(u) }));
      const open = { ref, timeNs, client: u.client, qname: u.qname, qtype: u.qtype };
      this.unboundOpen.add(key, open, this.giveUpUnbound);
      return;
    }
    this.unboundSawReply = true;
    this.emit(
      messageEvent({
        ref,
        timeNs,
        src: '',
        dst: u.client,
        response: true,
        rcode: u.rcode,
        size: u.size,
        ...question(u),
      }),
    );
    const open = this.unboundOpen.take(key);
    const t: LoggedTransaction = {
      client: u.client,
      queryRef: open?.ref ?? ref,
      // unbound measured the response time itself: trust it over the query line's time,
      // which its logs give in whole seconds (response times would read 0 s or 1 s).
      queryTimeNs: u.durationNs !== undefined ? timeNs - u.durationNs : (open?.timeNs ?? timeNs),
      responseRef: ref,
      responseTimeNs: timeNs,
      rcode: u.rcode,
    };
    if (u.qname !== undefined) t.qname = u.qname;
    if (u.qtype !== undefined) t.qtype = u.qtype;
    this.emit(transactionEvent(t));
  }

  private dnsmasq(ref: number, timeNs: bigint, d: DnsmasqMessage): void {
    const key = d.serial !== undefined ? `#${d.serial}` : d.qname.toLowerCase();
    if (d.kind === 'query') {
      const src = d.extraClient ?? d.client;
      this.emit(
        messageEvent({
          ref,
          timeNs,
          src,
          srcPort: d.extraPort ?? 0,
          qname: d.qname,
          qtype: d.qtype,
          qclass: 1,
        }),
      );
      const open = { ref, timeNs, client: src, qname: d.qname, qtype: d.qtype };
      this.dnsmasqOpen.add(key, open, this.giveUpDnsmasq);
      return;
    }
    if (d.kind !== 'answer') return;
    const open = this.dnsmasqOpen.take(key);
    if (open === undefined) return; // further addresses of an answered query
    const r: Parameters<typeof messageEvent>[0] = {
      ref,
      timeNs,
      src: '',
      dst: open.client,
      response: true,
      rcode: d.rcode,
      qname: open.qname,
      qclass: 1,
    };
    if (open.qtype !== undefined) r.qtype = open.qtype;
    this.emit(messageEvent(r));
    const t: LoggedTransaction = {
      client: open.client,
      qname: open.qname,
      queryRef: open.ref,
      queryTimeNs: open.timeNs,
      responseRef: ref,
      responseTimeNs: timeNs,
      rcode: d.rcode,
    };
    if (open.qtype !== undefined) t.qtype = open.qtype;
    this.emit(transactionEvent(t));
  }

  private unanswered(o: OpenQuery): void {
    const t: LoggedTransaction = {
      client: o.client,
      qname: o.qname,
      queryRef: o.ref,
      queryTimeNs: o.timeNs,
    };
    if (o.qtype !== undefined) t.qtype = o.qtype;
    this.emit(transactionEvent(t));
  }
}

function question(u: {
  qname?: string | undefined;
  qtype?: number | undefined;
  qclass?: number | undefined;
}): {
  qname?: string;
  qtype?: number;
  qclass?: number;
} {
  const q: { qname?: string; qtype?: number; qclass?: number } = {};
  if (u.qname !== undefined) q.qname = u.qname;
  if (u.qtype !== undefined) q.qtype = u.qtype;
  if (u.qclass !== undefined) q.qclass = u.qclass;
  return q;
}
