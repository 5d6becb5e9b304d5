/**
 * One DNS message, walked as Wireshark 4.0's dissect_dns_common walks it: header, flags
 * bit by bit, the four counts, then the question and record sections, then extraneous
 * bytes. Hand-written rather than built on dns-packet's decoder because every part needs
 * its byte offset, tshark's field name and tshark's text, and broken input must keep what
 * was decoded before the fault (dns-packet throws and gives no offsets). dns-packet still
 * decodes each record's data as a cross-check value (dnsPacketAdapter.ts).
 *
 * Scan mode (ctx.tree === null) runs the same walk with a null parent: no field objects,
 * no labels; it still builds the Info text and the DnsMessageInfo.
 */
import { truncateColumn } from '../format/columnText';
import { addText, type FieldDef, type FieldNode } from '../field';
import { addField } from '../fieldValue';
import {
  addProtocol,
  markMalformed,
  type ByteRange,
  type DnsMessageInfo,
  type PacketContext,
} from '../dissect/packetContext';
import { dnsField } from './dnsFields';
import { dnsOpcodeNames, dnsRcodeNames, dnsTrueFalse } from './dnsValueTables';
import {
  classLabel,
  className,
  opcodeName,
  rcodeName,
  typeLabel,
  typeShortName,
} from './dnsValueNames';
import { DnsBoundsError, check, u16, type DnsView } from './dnsWire';
import { newNameBudget, readName, type NameBudget } from './dnsWireName';
import { dissectRecordData } from './dnsRecordData';
import { dissectOptHeader } from './dnsEdns';
import { timeSecsToStr as timeText } from './dnsText';

export type DnsFlavor = 'dns' | 'mdns' | 'llmnr';

/** State of one message walk, shared with the record-data dissectors. */
export interface DnsWalk {
  readonly ctx: PacketContext;
  readonly v: DnsView;
  readonly source: number;
  readonly flavor: DnsFlavor;
  readonly budget: NameBudget;
  /** Info column text so far. */
  info: string;
  edns?: { udpSize: number; version: number; do: boolean; extRcode: number };
}

const F = {
  length: dnsField('dns.length'),
  id: dnsField('dns.id'),
  flags: dnsField('dns.flags'),
  response: dnsField('dns.flags.response'),
  opcode: dnsField('dns.flags.opcode'),
  authoritative: dnsField('dns.flags.authoritative'),
  conflict: dnsField('dns.flags.conflict'),
  truncated: dnsField('dns.flags.truncated'),
  recdesired: dnsField('dns.flags.recdesired'),
  tentative: dnsField('dns.flags.tentative'),
  recavail: dnsField('dns.flags.recavail'),
  z: dnsField('dns.flags.z'),
  authenticated: dnsField('dns.flags.authenticated'),
  checkdisable: dnsField('dns.flags.checkdisable'),
  rcode: dnsField('dns.flags.rcode'),
  queries: dnsField('dns.count.queries'),
  zones: dnsField('dns.count.zones'),
  answers: dnsField('dns.count.answers'),
  prerequisites: dnsField('dns.count.prerequisites'),
  authRr: dnsField('dns.count.auth_rr'),
  updates: dnsField('dns.count.updates'),
  addRr: dnsField('dns.count.add_rr'),
  qryName: dnsField('dns.qry.name'),
  qryNameLen: dnsField('dns.qry.name.len'),
  labels: dnsField('dns.count.labels'),
  qryType: dnsField('dns.qry.type'),
  qryClass: dnsField('dns.qry.class'),
  qu: dnsField('dns.qry.qu'),
  respName: dnsField('dns.resp.name'),
  srvService: dnsField('dns.srv.service'),
  srvProto: dnsField('dns.srv.proto'),
  srvName: dnsField('dns.srv.name'),
  respType: dnsField('dns.resp.type'),
  respClass: dnsField('dns.resp.class'),
  cacheFlush: dnsField('dns.resp.cache_flush'),
  ttl: dnsField('dns.resp.ttl'),
  respLen: dnsField('dns.resp.len'),
  extraData: dnsField('dns.extraneous.data'),
  extraLength: dnsField('dns.extraneous.length'),
} as const;

const OPCODE_UPDATE = 5;
const T_OPT = 41;
const T_SRV = 33;

/** mDNS registers the class fields with mask 0x7fff (the top bit is QU / cache flush). */
function mdnsClass(def: FieldDef): FieldDef {
  return { ...def, bitmask: 0x7fff };
}

function tf(pair: readonly [string, string], set: boolean): string {
  return set ? pair[0] : pair[1];
}

function addFlagBit(
  parent: FieldNode | null,
  def: (typeof F)[keyof typeof F],
  w: DnsWalk,
  off: number,
  flags: number,
  pair: readonly [string, string],
): void {
  if (!parent) return;
  const set = (flags & (def.bitmask ?? 0)) !== 0;
  addField(parent, def, w.source, off, 2, set, { word: flags, display: tf(pair, set) });
}

function addFlags(dnsTree: FieldNode | null, w: DnsWalk, off: number, flags: number): void {
  if (!dnsTree) return;
  const opcode = (flags >> 11) & 0xf;
  const rcode = flags & 0xf;
  const response = (flags & 0x8000) !== 0;
  const hex = `0x${flags.toString(16).padStart(4, '0')}`;
  let summary = `${hex} ${dnsOpcodeNames.get(opcode) ?? 'Unknown operation'}`;
  if (response) summary += ` response, ${dnsRcodeNames.get(rcode) ?? 'Unknown error'}`;
  const node = addField(dnsTree, F.flags, w.source, off, 2, flags, { label: `Flags: ${summary}` });
  addFlagBit(node, F.response, w, off, flags, dnsTrueFalse.response);
  addField(node, F.opcode, w.source, off, 2, opcode, {
    word: flags,
    display: opcodeName(opcode).startsWith('Unknown')
      ? `Unknown (${opcode})`
      : `${opcodeName(opcode)} (${opcode})`,
  });
  if (w.flavor === 'llmnr') {
    addFlagBit(
      node,
      F.conflict,
      w,
      off,
      flags,
      response ? dnsTrueFalse.conflictResponse : dnsTrueFalse.conflictQuery,
    );
    addFlagBit(node, F.truncated, w, off, flags, dnsTrueFalse.truncated);
    addFlagBit(node, F.tentative, w, off, flags, dnsTrueFalse.tentative);
  } else {
    if (response) addFlagBit(node, F.authoritative, w, off, flags, dnsTrueFalse.authoritative);
    addFlagBit(node, F.truncated, w, off, flags, dnsTrueFalse.truncated);
    addFlagBit(node, F.recdesired, w, off, flags, dnsTrueFalse.recdesired);
    if (response) addFlagBit(node, F.recavail, w, off, flags, dnsTrueFalse.recavail);
    addFlagBit(node, F.z, w, off, flags, dnsTrueFalse.z);
    if (response) addFlagBit(node, F.authenticated, w, off, flags, dnsTrueFalse.authenticated);
    else if (flags & 0x20) {
      addField(node, F.authenticated, w.source, off, 2, true, {
        word: flags,
        label: `${'.... .... ..1. ....'} = AD bit: Set`,
      });
    }
    addFlagBit(node, F.checkdisable, w, off, flags, dnsTrueFalse.checkdisable);
  }
  if (response) {
    addField(node, F.rcode, w.source, off, 2, rcode, {
      word: flags,
      display: rcodeName(rcode).startsWith('Unknown')
        ? `Unknown (${rcode})`
        : `${rcodeName(rcode)} (${rcode})`,
    });
  }
}

function dissectQuestion(
  w: DnsWalk,
  parent: FieldNode | null,
  offset: number,
  info: DnsMessageInfo,
  first: boolean,
): number {
  const name = readName(w.v, offset, w.budget);
  const typeOff = offset + name.used;
  const type = u16(w.v, typeOff);
  let cls = u16(w.v, typeOff + 2);
  const used = name.used + 4;
  let qu = false;
  if (w.flavor === 'mdns') {
    qu = (cls & 0x8000) !== 0;
    cls &= 0x7fff;
  }
  if (first) {
    info.qname = name.text;
    info.qtype = type;
    info.qclass = cls;
  }
  w.info += ` ${typeShortName(type)} ${name.text}`;
  if (w.flavor === 'mdns') w.info += `, "${qu ? 'QU' : 'QM'}" question`;
  if (parent) {
    let head = `${name.text}: type ${typeShortName(type)}, class ${className(cls)}`;
    if (w.flavor === 'mdns') head += `, "${qu ? 'QU' : 'QM'}" question`;
    const q = addText(parent, head, w.source, offset, used);
    addField(q, F.qryName, w.source, offset, name.used, name.text);
    addField(q, F.qryNameLen, w.source, offset, name.used, name.nameLen > 1 ? name.nameLen : 0, {
      generated: true,
    });
    addField(q, F.labels, w.source, offset, name.used, name.labels, { generated: true });
    addField(q, F.qryType, w.source, typeOff, 2, type, { display: typeLabel(type) });
    if (w.flavor === 'mdns') {
      addField(q, mdnsClass(F.qryClass), w.source, typeOff + 2, 2, cls, {
        word: u16(w.v, typeOff + 2),
        display: classLabel(cls),
      });
      addField(q, F.qu, w.source, typeOff + 2, 2, qu, {
        word: u16(w.v, typeOff + 2),
        display: qu ? 'True' : 'False',
      });
    } else {
      addField(q, F.qryClass, w.source, typeOff + 2, 2, cls, { display: classLabel(cls) });
    }
  }
  return used;
}

function dissectRecord(w: DnsWalk, parent: FieldNode | null, offset: number): number {
  const name = readName(w.v, offset, w.budget);
  const typeOff = offset + name.used;
  const type = u16(w.v, typeOff);
  const rawClass = u16(w.v, typeOff + 2);
  let cls = rawClass;
  let flush = false;
  if (w.flavor === 'mdns') {
    flush = (cls & 0x8000) !== 0;
    cls &= 0x7fff;
  }
  const dataLen = u16(w.v, typeOff + 8);
  const dataOff = typeOff + 10;
  w.info += ` ${typeShortName(type)}`;
  if (w.flavor === 'mdns' && flush) w.info += ', cache flush';
  let rr: FieldNode | null = null;
  // tshark's record item covers the whole record: one that runs past the end throws here.
  check(w.v, offset, name.used + 10 + dataLen);
  if (parent) {
    const head =
      type === T_OPT
        ? `${name.text}: type ${typeShortName(type)}`
        : `${name.text}: type ${typeShortName(type)}, class ${className(cls)}`;
    rr = addText(
      parent,
      head + (w.flavor === 'mdns' && flush ? ', cache flush' : ''),
      w.source,
      offset,
      name.used + 10 + dataLen,
    );
  }
  if (type === T_OPT) {
    dissectOptHeader(w, rr, offset, name, typeOff, dataLen);
  } else if (rr) {
    if (type === T_SRV && name.text !== '') {
      // tshark 4.0 splits an SRV owner into _service._proto.name instead of dns.resp.name.
      const parts = name.text.split('.');
      addField(rr, F.srvService, w.source, offset, name.used, parts[0] ?? '');
      if (parts.length > 1) addField(rr, F.srvProto, w.source, offset, name.used, parts[1] ?? '');
      if (parts.length > 2)
        addField(rr, F.srvName, w.source, offset, name.used, parts.slice(2).join('.'));
    } else {
      addField(rr, F.respName, w.source, offset, name.used, name.text);
    }
    addField(rr, F.respType, w.source, typeOff, 2, type, { display: typeLabel(type) });
    if (w.flavor === 'mdns') {
      addField(rr, mdnsClass(F.respClass), w.source, typeOff + 2, 2, cls, {
        word: rawClass,
        display: classLabel(cls),
      });
      addField(rr, F.cacheFlush, w.source, typeOff + 2, 2, flush, {
        word: rawClass,
        display: flush ? 'True' : 'False',
      });
    } else {
      addField(rr, F.respClass, w.source, typeOff + 2, 2, cls, { display: classLabel(cls) });
    }
    const ttl = u16(w.v, typeOff + 4) * 65536 + u16(w.v, typeOff + 6);
    addField(rr, F.ttl, w.source, typeOff + 4, 4, ttl, { display: `${ttl} (${timeText(ttl)})` });
    addField(rr, F.respLen, w.source, typeOff + 8, 2, dataLen);
  }
  if (dataLen > 0) dissectRecordData(w, rr, type, cls, name.text, dataOff, dataLen);
  return name.used + 10 + dataLen;
}

function dissectSection(
  w: DnsWalk,
  dnsTree: FieldNode | null,
  offset: number,
  count: number,
  title: string,
  each: (parent: FieldNode | null, off: number, index: number) => number,
): number {
  const start = offset;
  const section = dnsTree ? addText(dnsTree, title, w.source, start, 0) : null;
  try {
    for (let i = 0; i < count; i++) offset += each(section, offset, i);
  } finally {
    if (section) section.length = Math.max(0, Math.min(offset, w.v.end) - start);
  }
  return offset - start;
}

/**
 * Marks the message malformed after an exception in its walk: bounds errors are tshark's
 * exceptions (or, where the snap length cut the frame, its "Packet size limited during
 * capture"); anything else is our bug, still kept inside the frame. Shared with the scan
 * summary (dnsScanSummary.ts) so both report a fault the same way.
 */
export function recordDnsFault(
  ctx: PacketContext,
  info: DnsMessageInfo,
  e: unknown,
  dnsTree: FieldNode | null,
  flavor: DnsFlavor,
  end: number,
): void {
  const source = info.range.source;
  const offset = e instanceof DnsBoundsError ? e.offset : info.range.start;
  let message =
    e instanceof DnsBoundsError
      ? e.message
      : `Dissector bug: ${e instanceof Error ? e.message : String(e)}`;
  let kind: 'malformed' | 'short' = 'malformed';
  const sourceLength = ctx.sources[source]?.bytes.length ?? 0;
  if (
    e instanceof DnsBoundsError &&
    end >= sourceLength &&
    ctx.meta.capturedLength < ctx.meta.originalLength
  ) {
    message = 'Packet size limited during capture: DNS truncated';
    kind = 'short';
  }
  info.malformed = { message, offset };
  markMalformed(
    ctx,
    dnsTree,
    flavor === 'llmnr' ? 'LLMNR' : flavor === 'mdns' ? 'MDNS' : 'DNS',
    message,
    source,
    offset,
    kind,
  );
}

/**
 * The bytes of the message in [start, end) of ctx.sources[source], after the 2-byte length
 * prefix for TCP, with `end` cut to the source's length; undefined if there is no such source.
 */
export function dnsMessageView(
  ctx: PacketContext,
  source: number,
  start: number,
  end: number,
  transport: 'udp' | 'tcp',
): DnsView | undefined {
  const src = ctx.sources[source];
  if (!src) return undefined;
  return {
    bytes: src.bytes,
    base: transport === 'tcp' ? start + 2 : start,
    end: Math.min(end, src.bytes.length),
  };
}

/** The info of a message at `range` before its header is read: every count zero, no Info text. */
export function emptyDnsMessageInfo(range: ByteRange, transport: 'udp' | 'tcp'): DnsMessageInfo {
  return {
    range,
    transport,
    id: 0,
    flags: 0,
    qdcount: 0,
    ancount: 0,
    nscount: 0,
    arcount: 0,
    info: '',
  };
}

/**
 * Dissects one message in [start, end) of ctx.sources[source]. For TCP, [start, start+2)
 * is the length prefix. Never throws.
 */
export function dissectDnsMessage(
  ctx: PacketContext,
  source: number,
  start: number,
  end: number,
  transport: 'udp' | 'tcp',
  flavor: DnsFlavor,
): DnsMessageInfo | null {
  const v = dnsMessageView(ctx, source, start, end, transport);
  if (!v) return null;
  const { base } = v;
  end = v.end;
  const w: DnsWalk = { ctx, v, source, flavor, budget: newNameBudget(v), info: '' };
  const info = emptyDnsMessageInfo(
    { source, start: base, length: Math.max(0, end - base) },
    transport,
  );
  let dnsTree: FieldNode | null = null;
  try {
    const id = u16(v, base);
    const flags = u16(v, base + 2);
    info.id = id;
    info.flags = flags;
    const opcode = (flags >> 11) & 0xf;
    const rcode = flags & 0xf;
    const response = (flags & 0x8000) !== 0;
    w.info = `${opcodeName(opcode)}${response ? ' response' : ''} 0x${id.toString(16).padStart(4, '0')}`;
    if (response && rcode !== 0) w.info += ` ${rcodeName(rcode)}`;
    const proto = flavor === 'llmnr' ? 'llmnr' : flavor === 'mdns' ? 'mdns' : 'dns';
    const title =
      flavor === 'llmnr'
        ? 'Link-local Multicast Name Resolution'
        : flavor === 'mdns'
          ? 'Multicast Domain Name System'
          : 'Domain Name System';
    dnsTree = ctx.tree
      ? addProtocol(
          ctx,
          proto,
          `${title} (${response ? 'response' : 'query'})`,
          source,
          start,
          end - start,
        )
      : null;
    if (transport === 'tcp') addField(dnsTree, F.length, source, start, 2, u16(v, start));
    addField(dnsTree, F.id, source, base, 2, id);
    addFlags(dnsTree, w, base + 2, flags);
    const update = opcode === OPCODE_UPDATE;
    const qd = u16(v, base + 4);
    info.qdcount = qd;
    addField(dnsTree, update ? F.zones : F.queries, source, base + 4, 2, qd);
    const an = u16(v, base + 6);
    info.ancount = an;
    addField(dnsTree, update ? F.prerequisites : F.answers, source, base + 6, 2, an);
    const ns = u16(v, base + 8);
    info.nscount = ns;
    addField(dnsTree, update ? F.updates : F.authRr, source, base + 8, 2, ns);
    const ar = u16(v, base + 10);
    info.arcount = ar;
    addField(dnsTree, F.addRr, source, base + 10, 2, ar);
    let off = base + 12;
    if (qd > 0) {
      off += dissectSection(w, dnsTree, off, qd, update ? 'Zone' : 'Queries', (p, o, i) =>
        dissectQuestion(w, p, o, info, i === 0),
      );
    }
    if (an > 0)
      off += dissectSection(w, dnsTree, off, an, update ? 'Prerequisites' : 'Answers', (p, o) =>
        dissectRecord(w, p, o),
      );
    if (ns > 0)
      off += dissectSection(
        w,
        dnsTree,
        off,
        ns,
        update ? 'Updates' : 'Authoritative nameservers',
        (p, o) => dissectRecord(w, p, o),
      );
    if (ar > 0)
      off += dissectSection(w, dnsTree, off, ar, 'Additional records', (p, o) =>
        dissectRecord(w, p, o),
      );
    const extra = end - off;
    if (extra > 0 && dnsTree) {
      const ext = addText(dnsTree, `Extraneous Data (${extra} bytes)`, source, off, extra);
      addField(ext, F.extraData, source, off, extra, v.bytes.subarray(off, end));
      addField(ext, F.extraLength, source, 0, 0, extra, { generated: true });
    }
  } catch (e) {
    recordDnsFault(ctx, info, e, dnsTree, flavor, end);
  }
  if (w.edns) info.edns = w.edns;
  info.info = truncateColumn(w.info);
  return info;
}
