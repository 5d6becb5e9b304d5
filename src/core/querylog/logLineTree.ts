/**
 * A query-log line as a field tree, the way a capture's packet is one: the line's text is
 * the data source (its UTF-8 bytes); the tree has the line's own items (time, client,
 * view, server...) and, beside them, the DNS message the line describes. Each part the parsers recognise (logLineSpans.ts)
 * becomes an item over its characters, named with the Wireshark field it corresponds to
 * (ip.src for the client, dns.qry.name, dns.qry.type, dns.flags.recdesired from BIND's +/-,
 * dns.resp.z.do from D, dns.flags.rcode and dns.time from an unbound reply...) or, for what
 * only logs carry, a `querylog.*` field registered here (view, client name, format, cached,
 * dnsmasq's verb...). So the capture editor's tree, hex pane, hovers and display filters
 * work on log lines unchanged, and `dnspector fields` can print log lines by Wireshark names.
 */
import { defineFields, fieldDef, type FieldDef, type FieldNode } from '../field';
import { registerAllDissectors } from '../dissect/dissectors';
import type { DnsMessageAnnotation } from '../transactions/dnsAnnotation';
import { decodeBindFlags } from './bindFlags';
import type { LogLineSpan, ParsedLogLine } from './logLineSpans';
import { qclassFromMnemonic, qtypeFromMnemonic, rcodeFromMnemonic } from './dnsMnemonicLookup';
import { normalizeName } from './queryLogEvents';
import { secondsText } from '../format/timeText';

const Q = defineFields({
  protocol: {
    name: 'querylog',
    label: 'Query log line',
    type: 'FT_PROTOCOL',
    description: 'A line of a DNS server query log (BIND, unbound or dnsmasq), decoded.',
  },
  line: {
    name: 'querylog.line',
    label: 'Line',
    type: 'FT_UINT32',
    base: 'BASE_DEC',
    description: 'The line number in the log file (the No. column of the log view).',
  },
  format: {
    name: 'querylog.format',
    label: 'Format',
    type: 'FT_STRING',
    description: 'Which server and log style wrote the line, as DNSpector detected it.',
  },
  time: {
    name: 'querylog.time',
    label: 'Time',
    type: 'FT_STRING',
    description: 'The time prefix as written (syslog, ISO 8601, BIND print-time or epoch).',
  },
  host: {
    name: 'querylog.host',
    label: 'Host',
    type: 'FT_STRING',
    description: 'The host name of the syslog prefix.',
  },
  program: {
    name: 'querylog.program',
    label: 'Program',
    type: 'FT_STRING',
    description: 'The program that logged the line (named, unbound, dnsmasq).',
  },
  category: {
    name: 'querylog.category',
    label: 'Category',
    type: 'FT_STRING',
    description: "BIND's print-category and print-severity words.",
  },
  clientObject: {
    name: 'querylog.client_object',
    label: 'Client object',
    type: 'FT_STRING',
    description:
      "BIND 9.11+ logs the address of its client object (@0x...), useful only to BIND's developers.",
  },
  clientName: {
    name: 'querylog.client_name',
    label: 'Query name (client part)',
    type: 'FT_STRING',
    description: 'BIND 9.9+ repeats the query name in parentheses after the client address.',
  },
  view: {
    name: 'querylog.view',
    label: 'View',
    type: 'FT_STRING',
    description: 'The BIND view that answered the query (named.conf view statement).',
  },
  flags: {
    name: 'querylog.flags',
    label: 'Flags',
    type: 'FT_STRING',
    description:
      "BIND's flag string: + or - recursion desired, S signed, E(n) EDNS version n, T TCP, D DO, C CD, V valid server cookie, K cookie without a valid server cookie.",
  },
  signed: {
    name: 'querylog.signed',
    label: 'Signed (TSIG or SIG(0))',
    type: 'FT_BOOLEAN',
    description: 'S in the flag string: the query was signed with TSIG or SIG(0).',
  },
  tcp: {
    name: 'querylog.tcp',
    label: 'Over TCP',
    type: 'FT_BOOLEAN',
    description: 'T in the flag string: the query came over TCP.',
  },
  cookie: {
    name: 'querylog.cookie',
    label: 'DNS cookie',
    type: 'FT_STRING',
    description:
      'V: the query had a valid server cookie; K: a cookie without a valid server cookie (RFC 7873).',
  },
  server: {
    name: 'querylog.server',
    label: 'Server address',
    type: 'FT_STRING',
    description:
      'The address the query arrived on (BIND 9.9+), or the upstream dnsmasq forwarded to.',
  },
  ecs: {
    name: 'querylog.ecs',
    label: 'EDNS Client Subnet',
    type: 'FT_STRING',
    description: 'The ECS option BIND logged: address/source prefix/scope prefix (RFC 7871).',
  },
  cached: {
    name: 'querylog.cached',
    label: 'From cache',
    type: 'FT_BOOLEAN',
    description: 'unbound log-replies: 1 when the reply came from the cache.',
  },
  size: {
    name: 'querylog.size',
    label: 'Reply size',
    type: 'FT_UINT32',
    base: 'BASE_DEC',
    description: 'unbound log-replies: the size of the reply in bytes.',
  },
  serial: {
    name: 'querylog.serial',
    label: 'Serial',
    type: 'FT_UINT32',
    base: 'BASE_DEC',
    description: 'dnsmasq log-queries=extra: the number tying a query to its forwarding and reply.',
  },
  verb: {
    name: 'querylog.verb',
    label: 'Action',
    type: 'FT_STRING',
    description:
      "dnsmasq's word for what happened: query[TYPE], forwarded, reply, cached, config, or the hosts file that answered.",
  },
  answer: {
    name: 'querylog.answer',
    label: 'Answer',
    type: 'FT_STRING',
    description: "dnsmasq's answer: an address, a name, NXDOMAIN, NODATA or <CNAME>.",
  },
});

const TRUE_FALSE = (b: boolean) => (b ? '1' : '0');

function def(name: string): FieldDef {
  registerAllDissectors();
  const d = fieldDef(name);
  if (!d) throw new Error(`field ${name} is not registered`);
  return d;
}

/** Converts UTF-16 offsets of `text` to UTF-8 byte offsets. */
function byteOffsets(text: string): (i: number) => number {
  if (isAscii(text)) return (i) => i;
  const table = new Uint32Array(text.length + 1);
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    table[i] = bytes;
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) bytes += 4;
    else if (c >= 0xdc00 && c <= 0xdfff) bytes += 0;
    else bytes += 3;
  }
  table[text.length] = bytes;
  return (i) => table[i] ?? bytes;
}

export interface LogLineTreeInput {
  lineNumber: number;
  text: string;
  /** parseLogLineSpans(text); undefined when no dialect reads the line. */
  parsed: ParsedLogLine | undefined;
  /** The transaction this line takes part in, when the reader matched one. */
  annotation?: DnsMessageAnnotation;
  /** The line's time as the reader worked it out (year and zone applied); absent if none. */
  timeNs?: bigint;
}

/** The field tree of one log line (source 0 = the line's UTF-8 bytes). */
export function logLineTree(input: LogLineTreeInput): FieldNode[] {
  const { text, parsed } = input;
  const at = byteOffsets(text);
  const node = (
    d: FieldDef,
    span: { start: number; end: number } | undefined,
    value: string | number | boolean,
    label: string,
    show?: string,
  ): FieldNode => {
    const n: FieldNode = {
      name: d.name,
      label,
      source: 0,
      start: span ? at(span.start) : 0,
      length: span ? at(span.end) - at(span.start) : 0,
      show: show ?? (typeof value === 'boolean' ? TRUE_FALSE(value) : String(value)),
      value,
    };
    if (!span) n.generated = true;
    return n;
  };
  const root: FieldNode = {
    name: Q.protocol.name,
    label: `Query log line ${input.lineNumber}${parsed ? `: ${parsed.formatLabel}` : ''}`,
    source: 0,
    start: 0,
    length: at(text.length),
    children: [],
  };
  const kids = root.children as FieldNode[];
  kids.push(node(Q.line, undefined, input.lineNumber, `[Line: ${input.lineNumber}]`));
  // A line stands where a capture's frame stands: frame.number is the line number and
  // frame.time_epoch the line's time, for `fields -e` and filters (hidden in the tree).
  const frameNumber = node(def('frame.number'), undefined, input.lineNumber, '');
  frameNumber.hidden = true;
  kids.push(frameNumber);
  if (input.timeNs !== undefined) {
    const epoch = secondsText(input.timeNs);
    const t = node(def('frame.time_epoch'), undefined, epoch, '');
    t.hidden = true;
    kids.push(t);
  }
  if (!parsed) {
    root.expert = { severity: 'warn', message: 'The line matches no query-log format' };
    kids.push({
      name: '_ws.expert.message',
      label:
        '[Expert Info (Warning): The line matches no BIND, unbound or dnsmasq query-log format]',
      source: 0,
      start: 0,
      length: at(text.length),
      show: 'The line matches no query-log format',
      value: 'The line matches no query-log format',
      expert: { severity: 'warn', message: 'The line matches no query-log format' },
    });
    return [root];
  }
  kids.push(node(Q.format, undefined, parsed.formatLabel, `[Format: ${parsed.formatLabel}]`));
  const spans = parsed.spans;
  const span = (kind: LogLineSpan['kind']) => spans.find((s) => s.kind === kind);
  const str = (d: FieldDef, s: LogLineSpan | undefined) => {
    if (s) kids.push(node(d, s, s.text, `${d.label}: ${s.text}`));
  };
  str(Q.time, span('time'));
  str(Q.host, span('host'));
  str(Q.program, span('program'));
  str(Q.category, span('category'));
  str(Q.clientObject, span('clientObject'));

  const detected = parsed.detected;
  const isReply =
    (detected.format === 'unbound' && detected.unbound.kind === 'reply') ||
    (detected.format === 'dnsmasq' && detected.dnsmasq.kind === 'answer');
  const client = span('client');
  if (client) {
    const v6 = client.text.includes(':');
    // Queries come from the client; an unbound reply goes to it.
    const name = `${v6 ? 'ipv6' : 'ip'}.${isReply ? 'dst' : 'src'}`;
    kids.push(
      node(
        def(name),
        client,
        client.text,
        `${isReply ? 'Client (destination)' : 'Client'}: ${client.text}`,
      ),
    );
  }
  const port = span('clientPort');
  const bindFlags = detected.format === 'bind' ? detected.bind.flags : undefined;
  if (port) {
    const proto = bindFlags?.tcp ? 'tcp' : 'udp';
    const field = `${proto}.${isReply ? 'dstport' : 'srcport'}`;
    kids.push(node(def(field), port, Number(port.text), `Client port: ${port.text}`));
  }
  str(Q.clientName, span('clientName'));
  str(Q.view, span('view'));
  str(Q.serial, span('serial'));
  const verb = span('verb');
  if (verb) kids.push(node(Q.verb, verb, verb.text, `Action: ${verb.text}`));

  // The DNS message the line describes.
  const dns: FieldNode = {
    name: 'dns',
    label: `Domain Name System (${isReply ? 'response' : 'query'})`,
    source: 0,
    start: 0,
    length: 0,
    children: [],
  };
  const d = dns.children as FieldNode[];
  d.push(
    node(
      def('dns.flags.response'),
      undefined,
      isReply,
      `[Response: Message is a ${isReply ? 'response' : 'query'}]`,
    ),
  );
  const qname = span('qname');
  if (qname) {
    const name = normalizeName(qname.text);
    d.push(node(def('dns.qry.name'), qname, name, `Name: ${name}`));
  }
  const qtype = span('qtype');
  if (qtype) {
    const n = qtypeFromMnemonic(qtype.text);
    if (n !== undefined) d.push(node(def('dns.qry.type'), qtype, n, `Type: ${qtype.text} (${n})`));
  }
  const qclass = span('qclass');
  if (qclass) {
    const n = qclassFromMnemonic(qclass.text);
    if (n !== undefined) {
      d.push(
        node(
          def('dns.qry.class'),
          qclass,
          n,
          `Class: ${qclass.text} (0x${n.toString(16).padStart(4, '0')})`,
        ),
      );
    }
  }
  const flags = span('flags');
  if (flags && bindFlags) {
    const f = decodeBindFlags(flags.text) ?? bindFlags;
    const flagNode = node(Q.flags, flags, flags.text, `Flags: ${flags.text}`);
    const letters = spans.filter((s) => s.kind === 'flag');
    const letter = (c: string) => letters.find((s) => s.text.startsWith(c));
    const fk: FieldNode[] = [];
    fk.push(
      node(
        def('dns.flags.recdesired'),
        letter('+') ?? letter('-') ?? flags,
        f.recursionDesired,
        `Recursion desired: ${f.recursionDesired ? 'Do query recursively' : "Don't do query recursively"}`,
      ),
    );
    if (f.signed) fk.push(node(Q.signed, letter('S'), true, 'Signed (TSIG or SIG(0)): True'));
    if (f.edns) {
      const e = letter('E');
      fk.push(
        f.ednsVersion !== undefined
          ? node(def('dns.resp.edns0_version'), e, f.ednsVersion, `EDNS0 version: ${f.ednsVersion}`)
          : {
              name: '',
              label: 'EDNS: present (version not logged before BIND 9.11)',
              source: 0,
              start: e ? at(e.start) : 0,
              length: e ? at(e.end) - at(e.start) : 0,
            },
      );
    }
    if (f.tcp) fk.push(node(Q.tcp, letter('T'), true, 'Over TCP: True'));
    if (f.dnssecOk)
      fk.push(node(def('dns.resp.z.do'), letter('D'), true, 'DO bit: Accepts DNSSEC security RRs'));
    // BIND writes C when CD is set, so its absence means CD was clear.
    fk.push(
      node(
        def('dns.flags.checkdisable'),
        letter('C'),
        f.checkingDisabled,
        `Non-authenticated data: ${f.checkingDisabled ? 'Acceptable' : 'Unacceptable'}`,
      ),
    );
    if (f.validServerCookie)
      fk.push(node(Q.cookie, letter('V'), 'V', 'DNS cookie: valid server cookie'));
    if (f.cookieWithoutValidServerCookie) {
      fk.push(
        node(Q.cookie, letter('K'), 'K', 'DNS cookie: present, without a valid server cookie'),
      );
    }
    flagNode.children = fk;
    d.push(flagNode);
  }
  const rcode = span('rcode');
  if (rcode) {
    const n = rcodeFromMnemonic(rcode.text);
    if (n !== undefined)
      d.push(node(def('dns.flags.rcode'), rcode, n, `Reply code: ${rcode.text} (${n})`));
  }
  if (
    detected.format === 'dnsmasq' &&
    detected.dnsmasq.kind === 'answer' &&
    detected.dnsmasq.rcode !== 0
  ) {
    const a = span('answer');
    const n = detected.dnsmasq.rcode;
    d.push(node(def('dns.flags.rcode'), a, n, `Reply code: ${a?.text ?? n} (${n})`));
  }
  const duration = span('duration');
  if (duration && duration.text !== '-') {
    d.push(
      node(
        def('dns.time'),
        duration,
        Number(duration.text),
        `[Time: ${duration.text} seconds]`,
        duration.text,
      ),
    );
  }
  const cached = span('cached');
  if (cached && cached.text !== '-')
    d.push(
      node(
        Q.cached,
        cached,
        cached.text === '1',
        `From cache: ${cached.text === '1' ? 'True' : 'False'}`,
      ),
    );
  const size = span('size');
  if (size && size.text !== '-')
    d.push(node(Q.size, size, Number(size.text), `Reply size: ${size.text} bytes`));
  const answer = span('answer');
  if (answer) {
    const v = answer.text;
    const field = /^\d{1,3}(\.\d{1,3}){3}$/.test(v)
      ? 'dns.a'
      : /^[0-9a-f:]+:[0-9a-f:.]*$/i.test(v)
        ? 'dns.aaaa'
        : undefined;
    d.push(
      field
        ? node(def(field), answer, v, `Address: ${v}`)
        : node(Q.answer, answer, v, `Answer: ${v}`),
    );
  }
  addAnnotation(d, input.annotation);
  const covered = d.filter((c) => !c.generated && c.length > 0);
  if (covered.length > 0) {
    const start = Math.min(...covered.map((c) => c.start));
    const end = Math.max(...covered.map((c) => c.start + c.length));
    dns.start = start;
    dns.length = end - start;
  }
  const server = span('server') ?? span('upstream');
  if (server) {
    const v6 = server.text.includes(':');
    kids.push(node(def(v6 ? 'ipv6.dst' : 'ip.dst'), server, server.text, `Server: ${server.text}`));
  }
  str(Q.ecs, span('ecs'));
  // The DNS message beside the line, as a capture's DNS layer sits beside its lower layers.
  return [root, dns];
}

function addAnnotation(d: FieldNode[], a: DnsMessageAnnotation | undefined): void {
  if (!a) return;
  const link = (name: string, frame: number, label: string) =>
    d.push({
      name,
      label: `[${label}: ${frame}]`,
      source: 0,
      start: 0,
      length: 0,
      show: String(frame),
      value: frame,
      generated: true,
    });
  if (a.responseIn !== undefined) link('dns.response_in', a.responseIn, 'Response In (line)');
  if (a.responseTo !== undefined) link('dns.response_to', a.responseTo, 'Request In (line)');
}

/** Every character below U+0080 (then UTF-16 and UTF-8 offsets agree). */
function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}
