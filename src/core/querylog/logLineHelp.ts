/**
 * What each part of a query-log line means, as plain text for hovers: the client and its
 * port, the view, the name, class and type (the type and class texts come from
 * help/fieldHelp.ts's valueHelp, as in the capture views), each BIND flag letter, the
 * server address, unbound's rcode, time and cache bit, dnsmasq's verbs. Values taken from
 * the line appear in `value` and `lines`; callers must render them as text, never markup.
 */
import { valueHelp } from '../help/fieldHelp';
import { classMnemonic, qtypeMnemonic, rcodeMnemonic } from '../stats/dnsMnemonics';
import type { LogLineSpan, ParsedLogLine } from './logLineSpans';

export interface LogSpanHelp {
  /** Fixed wording per kind of span ("Client address"), never text from the line. */
  title: string;
  /** The part itself, as written in the line. */
  value: string;
  /** Plain-text explanation, one paragraph each. */
  lines: string[];
}

/** The meaning of one BIND flag letter (`+`, `-`, `S`, `E`, `E(0)`, `T`, `D`, `C`, `V`, `K`). */
export function bindFlagMeaning(letter: string): string {
  const edns = /^E\((\d+)\)$/.exec(letter);
  if (edns !== null) {
    return `E(${edns[1]}): EDNS version ${edns[1]}: the query carried an OPT record (RFC 6891); BIND 9.11+ logs the version.`;
  }
  switch (letter) {
    case '+':
      return '+: recursion desired (RD set): the client asks the server to resolve the name fully.';
    case '-':
      return '-: recursion not desired (RD clear), e.g. dig +norec or a resolver asking an authoritative server.';
    case 'S':
      return 'S: the query was signed (TSIG or SIG(0)).';
    case 'E':
      return 'E: the query used EDNS (an OPT record, RFC 6891); BIND 9.10 and earlier do not log the version.';
    case 'T':
      return 'T: the query came over TCP (no T: UDP).';
    case 'D':
      return 'D: DO bit set (DNSSEC OK): the client wants DNSSEC records in the answer. RFC 3225';
    case 'C':
      return 'C: CD bit set (checking disabled): the client will validate DNSSEC itself. RFC 4035 §3.2.2';
    case 'V':
      return 'V: the query carried a valid server cookie. RFC 7873';
    case 'K':
      return 'K: the query carried a DNS cookie but no valid server cookie (a client cookie alone, or a stale one). RFC 7873';
    default:
      return `${letter}: a flag letter DNSpector does not know.`;
  }
}

function letters(parsed: ParsedLogLine): string[] {
  return parsed.spans.filter((s) => s.kind === 'flag').map((s) => bindFlagMeaning(s.text));
}

function ipVersionText(address: string): string {
  if (address.includes(':')) return 'IPv6 address';
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(address) ? 'IPv4 address' : 'address';
}

function typeLines(n: number | undefined): string[] {
  if (n === undefined) return [];
  const help = valueHelp('dns.qry.type', n);
  return [help ?? `${qtypeMnemonic(n)}: record type ${n}.`, `Type number ${n}.`];
}

const timeStyleText = {
  syslog: 'BSD syslog time: local time of the logging host, without year or time zone.',
  iso8601: 'RFC 3339 time written by syslog, with its time zone.',
  bind: "BIND's print-time prefix: local time of the server, without time zone.",
  epoch: "unbound's epoch time: seconds since 1970-01-01 00:00 UTC.",
} as const;

function isoOf(ns: bigint): string {
  return new Date(Number(ns / 1_000_000n)).toISOString();
}

const dnsmasqVerbs: Record<string, string> = {
  forwarded: 'forwarded: dnsmasq sent the query to an upstream server.',
  reply: 'reply: the answer dnsmasq received from upstream.',
  cached: "cached: answered from dnsmasq's cache.",
  'cached-stale': 'cached-stale: answered from the cache with an expired record (use-stale-cache).',
  config:
    "config: answered from dnsmasq's own configuration (address=, local=, host-record=, ...).",
};

function verbLines(d: ParsedLogLine['detected'], text: string): string[] {
  if (d.format !== 'dnsmasq') return [];
  const m = d.dnsmasq;
  switch (m.kind) {
    case 'query':
      return [
        `query[${qtypeMnemonic(m.qtype)}]: dnsmasq received a query for type ${qtypeMnemonic(m.qtype)} from a client.`,
        ...typeLines(m.qtype),
      ];
    case 'dnssec-query':
      return [
        'dnssec-query: dnsmasq asked upstream for DNSSEC records it needs to validate an answer.',
        ...typeLines(m.qtype),
      ];
    case 'forwarded':
      return [dnsmasqVerbs.forwarded ?? ''];
    case 'answer':
      return [
        dnsmasqVerbs[text] ??
          `${text}: answered from this hosts file (dnsmasq reads /etc/hosts and addn-hosts).`,
      ];
  }
}

function answerLines(value: string, rcode: number): string[] {
  if (rcode !== 0) return [valueHelp('dns.flags.rcode', rcode) ?? rcodeMnemonic(rcode)];
  if (value.startsWith('NODATA'))
    return ['NODATA: the name exists but has no record of this type.'];
  if (value === '<CNAME>') {
    return ["The name is an alias (CNAME); the target's answer follows on the next lines."];
  }
  if (/^<[A-Z0-9]+>$/.test(value)) {
    return [`A ${value.slice(1, -1)} record: dnsmasq logs its type, not its data.`];
  }
  return [`Answer: ${ipVersionText(value)}.`];
}

/** Title, value and explanation of one span of a parsed line. */
export function explainLogSpan(parsed: ParsedLogLine, span: LogLineSpan): LogSpanHelp {
  const d = parsed.detected;
  const bind = d.format === 'bind' ? d.bind : undefined;
  const unbound = d.format === 'unbound' ? d.unbound : undefined;
  const dnsmasq = d.format === 'dnsmasq' ? d.dnsmasq : undefined;
  const help = (title: string, lines: string[]): LogSpanHelp => ({
    title,
    value: span.text,
    lines: lines.filter((l) => l !== ''),
  });
  switch (span.kind) {
    case 'time': {
      const style = parsed.timeStyle;
      const ns = parsed.prefix.timeNs;
      const exact = style === 'epoch' || style === 'iso8601';
      return help('Time', [
        style === undefined ? '' : timeStyleText[style],
        exact && ns !== undefined ? `${isoOf(ns)} (UTC)` : '',
      ]);
    }
    case 'host':
      return help('Host', ['The host name syslog wrote.']);
    case 'program':
      return help('Program', ['The program (and process id) that wrote the line.']);
    case 'category':
      return help('Category and severity', [
        "BIND's print-category and print-severity words: query lines are category queries, severity info.",
      ]);
    case 'clientObject':
      return help('Client object', [
        "The address of BIND's client structure in memory (BIND 9.11+): it tells apart concurrent clients, not hosts.",
      ]);
    case 'client': {
      const extra = dnsmasq?.serial !== undefined && span.text === dnsmasq.extraClient;
      const port = bind?.clientPort ?? (extra ? dnsmasq?.extraPort : undefined);
      return help('Client address', [
        `${ipVersionText(span.text)} the query came from` +
          (port === undefined ? '.' : `, port ${port}.`),
        unbound !== undefined ? 'unbound does not log the client port.' : '',
      ]);
    }
    case 'clientPort': {
      const transport = bind === undefined ? 'UDP or TCP' : bind.flags.tcp ? 'TCP' : 'UDP';
      return help('Client port', [`The ${transport} source port of the query.`]);
    }
    case 'clientName':
      return help('Query name (client)', [
        "The query's name as BIND 9.9+ shows it next to the client; the same name follows query:.",
      ]);
    case 'view':
      return help('View', [
        `The query was answered in BIND view "${span.text}" (which zones and options this client sees).`,
      ]);
    case 'qname':
      return help('Query name', [
        'The name asked for, as the server wrote it (escapes such as \\032 kept).',
      ]);
    case 'qclass': {
      const n = bind?.qclass ?? unbound?.qclass;
      return help('Query class', [
        n === undefined
          ? ''
          : (valueHelp('dns.qry.class', n) ?? `${classMnemonic(n)}: class ${n}.`),
      ]);
    }
    case 'qtype':
      return help(
        'Query type',
        typeLines(
          bind?.qtype ??
            unbound?.qtype ??
            (dnsmasq?.kind === 'answer' ? undefined : dnsmasq?.qtype),
        ),
      );
    case 'flags':
      return help('Query flags', letters(parsed));
    case 'flag':
      return help('Query flag', [
        bindFlagMeaning(span.text),
        `All flags of this query (${bind?.flagsText ?? ''}):`,
        ...letters(parsed),
      ]);
    case 'server':
      return help('Server address', [
        `The local ${ipVersionText(span.text)} the query arrived on (BIND 9.9+).`,
      ]);
    case 'ecs':
      return help('EDNS Client Subnet', [
        'Address / source prefix length / scope prefix length the client sent. RFC 7871',
      ]);
    case 'tag':
      return help('unbound tag', [
        unbound?.kind === 'reply'
          ? 'A log-replies line: the reply unbound sent, with rcode, time, cache bit and size.'
          : 'A log-queries line: a query unbound received.',
      ]);
    case 'rcode': {
      const rc = unbound?.kind === 'reply' ? unbound.rcode : undefined;
      return help('Response code', [
        rc === undefined ? '' : (valueHelp('dns.flags.rcode', rc) ?? rcodeMnemonic(rc)),
      ]);
    }
    case 'duration': {
      const ns = unbound?.kind === 'reply' ? unbound.durationNs : undefined;
      return help('Response time', [
        ns === undefined
          ? 'Not logged.'
          : `${Number(ns) / 1e6} ms from the query's arrival to the reply.`,
      ]);
    }
    case 'cached':
      return help('Answered from cache', [
        span.text === '1'
          ? '1: unbound answered from its cache.'
          : span.text === '0'
            ? '0: unbound resolved (or forwarded) the query before answering.'
            : 'Not logged.',
      ]);
    case 'size':
      return help('Reply size', [`${span.text} bytes of DNS message.`]);
    case 'serial':
      return help('Query serial', [
        'log-queries=extra: the number that ties this query to its forwarding and reply lines.',
      ]);
    case 'verb':
      return help('dnsmasq action', verbLines(d, span.text));
    case 'upstream':
      return help('Upstream server', ['The server dnsmasq forwarded to (address#port).']);
    case 'answer':
      return help(
        'Answer',
        dnsmasq?.kind === 'answer' ? answerLines(dnsmasq.value, dnsmasq.rcode) : [],
      );
  }
}
