/**
 * `fields` lines without a field tree: when every requested field is one the fast scan
 * (udpDnsFastScan.ts) reads — frame number, lengths and epoch time, the addresses and UDP
 * ports, the DNS header, flags, counts and the first question — a frame it accepts is
 * printed from its one reused event and record, as fieldsLine would print the tree's
 * items. Building the tree is most of what `fields` costs per frame; this skips it.
 *
 * The texts are the dissectors' own: fieldsText over the registered field definitions
 * (as addField formats `show`), secondsText for frame.time_epoch, the scan's interned
 * address and name texts (made by the same functions the dissectors use). Which items a
 * message has follows addFlags in dnsMessage.ts (the rcode, AA and RA items only in
 * responses, AD in queries only when set), as scanFieldLookup.ts does for filters.
 * A frame whose line cannot be told from the event gets undefined and is dissected:
 * an UPDATE message (its sections have other names) or, when a dns.qry.* field is asked
 * for, a message with more than one question (the scan keeps the first only).
 * The corpus test fieldsOnePass.test.ts compares the lines with the tree's over every
 * capture, and the fields corpus tests compare them with tshark.
 */
import type { CaptureRecord } from '../capture/captureRecord';
import { fieldDef } from '../field';
import { fieldsText } from '../fieldValue';
import { secondsText } from '../format/timeText';
import type { DnsMessageEvent } from '../stats/dnsEvent';

/** A field's text in the frame ('' when absent), or null when only the tree can tell. */
type FieldText = (e: DnsMessageEvent, r: CaptureRecord) => string | null;

/** A fields line for a frame the fast scan accepted, or undefined: dissect it. */
export type FastFieldsLine = (e: DnsMessageEvent, r: CaptureRecord) => string | undefined;

const isResponse = (e: DnsMessageEvent): boolean => (e.flags & 0x8000) !== 0;

/** Texts of a 16-bit field by value, made once each (IDs, flags words). */
function numberTexts(name: string): (v: number) => string {
  const def = fieldDef(name);
  const cache: (string | undefined)[] = [];
  return (v) => {
    let t = cache[v];
    if (t === undefined) {
      t = def ? fieldsText(def, v) : String(v);
      cache[v] = t;
    }
    return t;
  };
}

function address(version: 4 | 6, which: 'src' | 'dst' | 'addr'): FieldText {
  return (e) => {
    if (e.ipVersion !== version) return '';
    if (which === 'src') return e.src;
    if (which === 'dst') return e.dst;
    return `${e.src},${e.dst}`;
  };
}

/** A flag item: `when` says in which messages addFlags adds it. */
function flag(mask: number, when: (e: DnsMessageEvent) => boolean): FieldText {
  return (e) => (when(e) ? ((e.flags & mask) !== 0 ? '1' : '0') : '');
}

function headerNumber(name: string, get: (e: DnsMessageEvent) => number): FieldText {
  const text = numberTexts(name);
  return (e) => text(get(e));
}

/** A first-question field: absent without a question, the tree's with several. */
function question(name: string, get: (e: DnsMessageEvent) => number | string | undefined) {
  const def = fieldDef(name);
  return (e: DnsMessageEvent): string | null => {
    if (e.qdcount === 0) return '';
    if (e.qdcount > 1) return null;
    const v = get(e);
    if (v === undefined) return null;
    return typeof v === 'string' || !def ? String(v) : fieldsText(def, v);
  };
}

function producers(): Map<string, FieldText> {
  const always = (): boolean => true;
  return new Map<string, FieldText>([
    ['frame.number', (_e, r) => String(r.frame)],
    ['frame.len', (_e, r) => String(r.originalLength)],
    ['frame.cap_len', (_e, r) => String(r.capturedLength)],
    ['frame.time_epoch', (_e, r) => (r.timeUnknown === true ? '' : secondsText(r.timeNs))],
    ['ip.src', address(4, 'src')],
    ['ip.dst', address(4, 'dst')],
    ['ip.addr', address(4, 'addr')],
    ['ipv6.src', address(6, 'src')],
    ['ipv6.dst', address(6, 'dst')],
    ['ipv6.addr', address(6, 'addr')],
    ['udp.srcport', (e) => String(e.srcPort)],
    ['udp.dstport', (e) => String(e.dstPort)],
    ['udp.port', (e) => `${e.srcPort},${e.dstPort}`],
    ['dns.id', headerNumber('dns.id', (e) => e.id)],
    ['dns.flags', headerNumber('dns.flags', (e) => e.flags)],
    ['dns.flags.response', flag(0x8000, always)],
    ['dns.flags.opcode', (e) => String((e.flags >> 11) & 0xf)],
    ['dns.flags.authoritative', flag(0x0400, isResponse)],
    ['dns.flags.truncated', flag(0x0200, always)],
    ['dns.flags.recdesired', flag(0x0100, always)],
    ['dns.flags.recavail', flag(0x0080, isResponse)],
    ['dns.flags.z', flag(0x0040, always)],
    ['dns.flags.authenticated', flag(0x0020, (e) => isResponse(e) || (e.flags & 0x20) !== 0)],
    ['dns.flags.checkdisable', flag(0x0010, always)],
    ['dns.flags.rcode', (e) => (isResponse(e) ? String(e.flags & 0xf) : '')],
    ['dns.count.queries', (e) => String(e.qdcount)],
    ['dns.count.answers', (e) => String(e.ancount)],
    ['dns.count.auth_rr', (e) => String(e.nscount)],
    ['dns.count.add_rr', (e) => String(e.arcount)],
    ['dns.qry.name', question('dns.qry.name', (e) => e.qname)],
    ['dns.qry.type', question('dns.qry.type', (e) => e.qtype)],
    ['dns.qry.class', question('dns.qry.class', (e) => e.qclass)],
  ]);
}

/** Every field the one-pass path can print, in no particular order. */
export function fastFieldNames(): string[] {
  return [...producers().keys()];
}

/**
 * The line maker for `names`, or undefined when some field is not one the fast scan
 * knows (the caller then dissects every frame). Needs the field definitions registered.
 */
export function fastFieldsLine(names: readonly string[]): FastFieldsLine | undefined {
  const known = producers();
  const texts: FieldText[] = [];
  for (const name of names) {
    const p = known.get(name);
    if (p === undefined) return undefined;
    texts.push(p);
  }
  const n = texts.length;
  return (e, r) => {
    if (e.opcode === 5 || e.transport !== 'udp') return undefined;
    let line = '';
    for (let i = 0; i < n; i++) {
      const t = (texts[i] as FieldText)(e, r);
      if (t === null) return undefined;
      line = i === 0 ? t : line + '\t' + t;
    }
    return line;
  };
}
