/**
 * One query-log line parsed by the core parsers (logPrefix.ts, logFormat.ts) and cut into
 * labelled character ranges: where the time, the client, the name, the type, each flag
 * letter, the server, the view... are in the line. The editor's hover and any other
 * "what is under the cursor" feature read these; the parsers themselves only return
 * values, so this walks the message again with the values they found, in the order each
 * dialect writes them, and gives up (undefined) if the line does not read back exactly.
 */
import type { BindQuery } from './bindQueryLog';
import type { DnsmasqMessage } from './dnsmasqLog';
import { LogClock } from './logClock';
import { type DetectedLine, detectLine } from './logFormat';
import { type LinePrefix, parseLinePrefix } from './logPrefix';
import type { UnboundQuery, UnboundReply } from './unboundLog';

export type LogSpanKind =
  | 'time'
  | 'host'
  | 'program'
  /** BIND's print-category / print-severity words (`queries: info:`). */
  | 'category'
  | 'clientObject'
  | 'client'
  | 'clientPort'
  | 'clientName'
  | 'view'
  | 'qname'
  | 'qclass'
  | 'qtype'
  /** The whole BIND flag string; each letter is also a 'flag' span inside it. */
  | 'flags'
  | 'flag'
  | 'server'
  | 'ecs'
  /** unbound's `info:` / `query:` / `reply:` tag. */
  | 'tag'
  | 'rcode'
  | 'duration'
  | 'cached'
  | 'size'
  /** dnsmasq log-queries=extra serial number. */
  | 'serial'
  /** dnsmasq's verb: `query[A]`, `forwarded`, `reply`, `cached`, `config`, a hosts file. */
  | 'verb'
  | 'upstream'
  /** dnsmasq's answer value (an address, NXDOMAIN, `<CNAME>`...). */
  | 'answer';

export interface LogLineSpan {
  kind: LogSpanKind;
  /** UTF-16 offsets into the line, end exclusive. */
  start: number;
  end: number;
  text: string;
}

/** How the line's time was written. */
export type TimeStyle = 'syslog' | 'iso8601' | 'bind' | 'epoch';

export interface ParsedLogLine {
  prefix: LinePrefix;
  detected: DetectedLine;
  timeStyle: TimeStyle | undefined;
  /** E.g. "BIND 9.11+ query log line", "unbound log-replies line". */
  formatLabel: string;
  /** In line order; 'flag' spans follow the 'flags' span that holds them. */
  spans: LogLineSpan[];
}

/** Reads expected pieces of `line` from left to right, recording spans. */
class Walker {
  readonly spans: LogLineSpan[] = [];
  ok = true;
  constructor(
    private readonly line: string,
    public at: number,
  ) {}

  /** Steps over literal text (a separator). */
  skip(literal: string): this {
    if (this.ok && this.line.startsWith(literal, this.at)) this.at += literal.length;
    else this.ok = false;
    return this;
  }

  /** Records `text` as a span of `kind` if it is what comes next. */
  take(kind: LogSpanKind, text: string | undefined): this {
    if (text === undefined) return this;
    if (this.ok && this.line.startsWith(text, this.at)) {
      this.spans.push({ kind, start: this.at, end: this.at + text.length, text });
      this.at += text.length;
    } else {
      this.ok = false;
    }
    return this;
  }
}

const timeStyles: readonly [RegExp, TimeStyle][] = [
  [/^\[\d/, 'epoch'],
  [/^\d\d-[A-Z][a-z]{2}-\d{4} /, 'bind'],
  [/^\d{4}-\d\d-\d\d/, 'iso8601'],
  [/^[A-Z][a-z]{2} /, 'syslog'],
];

/** Spans of the prefix (time, host, program) that parseLinePrefix found. */
function prefixSpans(line: string, prefix: LinePrefix): LogLineSpan[] {
  const restStart = line.length - prefix.rest.length;
  if (prefix.timeNs === undefined || restStart === 0) return [];
  const head = line.slice(0, restStart);
  const spans: Omit<LogLineSpan, 'text'>[] = [];
  // The program follows the host, which follows the time: find them from the right.
  let timeEnd = head.trimEnd().length;
  const programAt = prefix.program === undefined ? -1 : head.lastIndexOf(prefix.program);
  if (programAt > 0) {
    const program = { kind: 'program' as const, start: programAt, end: head.length };
    const hostAt = prefix.host === undefined ? -1 : head.lastIndexOf(prefix.host, programAt - 1);
    timeEnd = hostAt > 0 ? hostAt : programAt;
    if (hostAt > 0) {
      spans.push({ kind: 'host', start: hostAt, end: hostAt + (prefix.host?.length ?? 0) });
    }
    // `named[1234]:`, `unbound[12:0]`, `unbound: [12:0]`: up to the last non-space.
    program.end = programAt + head.slice(programAt).trimEnd().length;
    spans.push(program);
  }
  timeEnd = head.slice(0, timeEnd).trimEnd().length;
  spans.unshift({ kind: 'time', start: 0, end: timeEnd });
  return spans.map((s) => ({ ...s, text: line.slice(s.start, s.end) }));
}

/** `E(0)` counts as one letter; everything else is one character. */
function flagLetters(flags: string, start: number): LogLineSpan[] {
  const out: LogLineSpan[] = [];
  for (const m of flags.matchAll(/E\(\d{1,3}\)|[^]/g)) {
    const s = start + m.index;
    out.push({ kind: 'flag', start: s, end: s + m[0].length, text: m[0] });
  }
  return out;
}

function bindSpans(line: string, at: number, b: BindQuery): LogLineSpan[] | undefined {
  // BIND's category/severity words (print-category, print-severity) come before `client `.
  const clientAt = line.indexOf('client ', at);
  if (clientAt < 0) return undefined;
  const w = new Walker(line, clientAt);
  const category = line.slice(at, clientAt).trimEnd();
  if (category !== '') {
    w.spans.push({ kind: 'category', start: at, end: at + category.length, text: category });
  }
  w.skip('client ');
  if (b.clientObject !== undefined) w.skip('@').take('clientObject', b.clientObject).skip(' ');
  w.take('client', b.client).skip('#').take('clientPort', String(b.clientPort));
  if (b.clientName !== undefined) w.skip(' (').take('clientName', b.clientName).skip(')');
  w.skip(': ');
  if (b.view !== undefined) w.skip('view ').take('view', b.view).skip(': ');
  w.skip('query: ').take('qname', b.qname).skip(' ');
  w.take('qclass', b.qclassText).skip(' ').take('qtype', b.qtypeText).skip(' ');
  const flagsAt = w.at;
  w.take('flags', b.flagsText);
  if (!w.ok) return undefined;
  w.spans.push(...flagLetters(b.flagsText, flagsAt));
  if (b.server !== undefined) w.skip(' (').take('server', b.server).skip(')');
  if (b.ecs !== undefined) w.skip(' [ECS ').take('ecs', b.ecs).skip(']');
  return w.ok ? w.spans : undefined;
}

function unboundSpans(
  line: string,
  at: number,
  u: UnboundQuery | UnboundReply,
): LogLineSpan[] | undefined {
  // `tag: client qname type class [rcode time cached size]`, single spaces (unboundLog.ts).
  const words = line.slice(at).trimEnd().split(' ');
  const kinds: LogSpanKind[] = ['tag', 'client', 'qname', 'qtype', 'qclass'];
  if (u.kind === 'reply') kinds.push('rcode', 'duration', 'cached', 'size');
  if (words.length !== kinds.length) return undefined;
  const spans: LogLineSpan[] = [];
  let start = at;
  kinds.forEach((kind, i) => {
    const word = words[i] ?? '';
    // The tag keeps its text without the colon.
    const text = kind === 'tag' ? word.replace(/:$/, '') : word;
    spans.push({ kind, start, end: start + text.length, text });
    start += word.length + 1;
  });
  return spans[1]?.text === u.client ? spans : undefined;
}

function dnsmasqSpans(line: string, at: number, d: DnsmasqMessage): LogLineSpan[] | undefined {
  const w = new Walker(line, at);
  if (d.serial !== undefined) {
    w.take('serial', String(d.serial)).skip(' ');
    w.take('client', d.extraClient).skip('/').take('clientPort', String(d.extraPort)).skip(' ');
  }
  switch (d.kind) {
    case 'query': {
      const bracket = line.indexOf(']', w.at);
      const verb = bracket < 0 ? '' : line.slice(w.at, bracket + 1);
      const typeText = verb.slice('query['.length, -1);
      const verbAt = w.at;
      w.take('verb', verb).skip(' ').take('qname', d.qname).skip(' from ').take('client', d.client);
      if (w.ok) {
        const typeAt = verbAt + 'query['.length;
        w.spans.push({
          kind: 'qtype',
          start: typeAt,
          end: typeAt + typeText.length,
          text: typeText,
        });
      }
      break;
    }
    case 'forwarded':
    case 'dnssec-query': {
      const verb = line.slice(w.at, line.indexOf(' ', w.at));
      w.take('verb', verb).skip(' ').take('qname', d.qname).skip(' to ');
      w.take('upstream', d.upstream);
      break;
    }
    case 'answer':
      w.take('verb', d.source).skip(' ').take('qname', d.qname).skip(' is ');
      w.take('answer', d.value);
      break;
  }
  return w.ok ? w.spans.sort((a, b) => a.start - b.start) : undefined;
}

/** "BIND 9.11+ query log line" and the like, from what the line carries. */
function formatLabelOf(d: DetectedLine): string {
  switch (d.format) {
    case 'bind': {
      const b = d.bind;
      if (b.clientObject !== undefined || b.flags.ednsVersion !== undefined) {
        return 'BIND 9.11+ query log line';
      }
      if (b.server !== undefined || b.clientName !== undefined) {
        return 'BIND 9.9/9.10 query log line';
      }
      return 'BIND query log line (before 9.9)';
    }
    case 'unbound':
      return d.unbound.kind === 'reply' ? 'unbound log-replies line' : 'unbound log-queries line';
    case 'dnsmasq':
      return d.dnsmasq.serial !== undefined
        ? 'dnsmasq log-queries=extra line'
        : 'dnsmasq log-queries line';
  }
}

/**
 * The line parsed and cut into spans; undefined when no dialect reads it. `clock` turns
 * the prefix's time into epoch ns (default: UTC, this year).
 */
export function parseLogLineSpans(line: string, clock = new LogClock()): ParsedLogLine | undefined {
  const prefix = parseLinePrefix(line, clock);
  const detected = detectLine(prefix);
  if (detected === undefined) return undefined;
  const at = line.length - prefix.rest.length;
  let body: LogLineSpan[] | undefined;
  switch (detected.format) {
    case 'bind':
      body = bindSpans(line, at, detected.bind);
      break;
    case 'unbound':
      body = unboundSpans(line, at, detected.unbound);
      break;
    case 'dnsmasq':
      body = dnsmasqSpans(line, at, detected.dnsmasq);
      break;
  }
  if (body === undefined) return undefined;
  const head = prefix.rest === line ? undefined : timeStyles.find(([re]) => re.test(line));
  return {
    prefix,
    detected,
    timeStyle: head?.[1],
    formatLabel: formatLabelOf(detected),
    spans: [...prefixSpans(line, prefix), ...body],
  };
}

/** The innermost span holding the character at `offset` (a 'flag' letter, not 'flags'). */
export function spanAt(parsed: ParsedLogLine, offset: number): LogLineSpan | undefined {
  let best: LogLineSpan | undefined;
  for (const s of parsed.spans) {
    if (offset < s.start || offset >= s.end) continue;
    if (best === undefined || s.end - s.start < best.end - best.start) best = s;
  }
  return best;
}
