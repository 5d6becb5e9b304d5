/**
 * The fast path of the statistics scan for the common frame: Ethernet II, Linux SLL, raw
 * IP or BSD null/loopback, then IPv4 (no fragment) or IPv6 (no extension header), then UDP
 * with a DNS port (not mDNS or LLMNR), holding one well-formed DNS message. Header fields
 * are read straight from the record's bytes into ONE reused DnsMessageEvent (no object per
 * packet); addresses and the first question's name are interned from their bytes, their
 * text made on first sight by the slow path's own functions (ipv4Text, ipv6Text, readName),
 * so it is the same text, escapes included.
 *
 * It answers only when it is sure to give what FrameDissector (scan mode, dnsInfo false)
 * plus frameMessageEvents would give for the frame: anything else (TCP, fragments, VLAN
 * tags, snap-length cuts, odd lengths, compression in the first question, unusual label
 * types, EDNS options whose walk could fault, any read past the end, a malformed message)
 * returns false, and the caller dissects that frame the slow way, in order. The checks
 * mirror the layers: ipv4.ts, ipv6.ts, udp.ts, dnsScanSummary.ts, dnsWireName.ts
 * (nameSpan), dnsEdns.ts (dissectOptOptions); the corpus test fastScan.test.ts compares
 * whole reports over every capture.
 */
import type { CaptureRecord } from '../capture/captureRecord';
import { ipv4Text, ipv6Text } from '../dissect/addressText';
import type { DnsMessageEvent } from '../stats/dnsEvent';
import { DnsBoundsError } from '../dns/dnsWire';
import { newNameBudget, readName } from '../dns/dnsWireName';
import { fnv1a, TextInterner } from './textInterner';

const T_OPT = 41;
/** nameSpan's SPAN_STEPS: longer names go to readName there, so to the slow path here. */
const SPAN_STEPS = 128;
/** Names longer than this (wire bytes) take the slow path (tshark's 255-byte text limit). */
const MAX_FAST_NAME = 200;
const MAX_IPV4_KEYS = 100_000;

/** The one event the scanner fills for every frame it accepts. */
function newCursor(): DnsMessageEvent {
  return {
    kind: 'message',
    timeNs: 0n,
    ref: 0,
    src: '',
    dst: '',
    srcPort: 0,
    dstPort: 0,
    transport: 'udp',
    ipVersion: 4,
    response: false,
    opcode: 0,
    rcode: 0,
    flags: 0,
    id: 0,
    qdcount: 0,
    ancount: 0,
    nscount: 0,
    arcount: 0,
    size: 0,
    malformed: false,
    qname: undefined,
    qtype: undefined,
    qclass: undefined,
    edns: undefined,
  };
}

export class UdpDnsFastScan {
  /**
   * The message of the last accepted frame. Reused: valid until the next scan() call;
   * consumers must copy what they keep (the statistics engine and matcher do).
   */
  readonly event: DnsMessageEvent = newCursor();
  private readonly edns = { udpSize: 0, version: 0, do: false };
  private readonly ipv4 = new Map<number, string>();
  private readonly ipv6 = new TextInterner(100_000);
  private readonly names = new TextInterner();
  /** Frames accepted and frames handed back (for the profile in the README). */
  accepted = 0;
  declined = 0;

  constructor(private readonly dnsPorts: ReadonlySet<number>) {}

  /** True when the frame holds exactly one message, now in `event`; false: dissect it. */
  scan(record: CaptureRecord): boolean {
    if (this.scanFrame(record)) {
      this.accepted++;
      return true;
    }
    this.declined++;
    return false;
  }

  private scanFrame(record: CaptureRecord): boolean {
    if (record.capturedLength < record.originalLength) return false;
    const b = record.data;
    const end = b.length;
    let ip: number;
    let etherType: number;
    switch (record.linkType) {
      case 1: // Ethernet II
        if (end < 14) return false;
        etherType = (b[12]! << 8) | b[13]!;
        ip = 14;
        break;
      case 113: // Linux SLL
        if (end < 16) return false;
        etherType = (b[14]! << 8) | b[15]!;
        ip = 16;
        break;
      case 0: // BSD null: the family in host order; 2 is IPv4 everywhere
        if (end < 4) return false;
        etherType = b[0] === 2 && b[1] === 0 && b[2] === 0 && b[3] === 0 ? 0x0800 : -1;
        ip = 4;
        break;
      case 228:
        etherType = 0x0800;
        ip = 0;
        break;
      case 229:
        etherType = 0x86dd;
        ip = 0;
        break;
      default:
        return false;
    }
    const e = this.event;
    let udp: number;
    let ipEnd: number;
    if (etherType === 0x0800) {
      if (end - ip < 20 || b[ip]! >> 4 !== 4) return false;
      const hdrLen = (b[ip]! & 15) * 4;
      const totalLen = (b[ip + 2]! << 8) | b[ip + 3]!;
      if (hdrLen < 20 || totalLen < hdrLen || ip + totalLen > end) return false;
      if ((b[ip + 6]! & 0x3f) !== 0 || b[ip + 7] !== 0) return false; // MF or an offset
      if (b[ip + 9] !== 17) return false;
      udp = ip + hdrLen;
      ipEnd = ip + totalLen;
      e.ipVersion = 4;
      e.src = this.ipv4Text(b, ip + 12);
      e.dst = this.ipv4Text(b, ip + 16);
    } else if (etherType === 0x86dd) {
      if (end - ip < 40 || b[ip]! >> 4 !== 6 || b[ip + 6] !== 17) return false;
      const plen = (b[ip + 4]! << 8) | b[ip + 5]!;
      if (plen === 0 || ip + 40 + plen > end) return false;
      udp = ip + 40;
      ipEnd = ip + 40 + plen;
      e.ipVersion = 6;
      e.src = this.ipv6Text(b, ip + 8);
      e.dst = this.ipv6Text(b, ip + 24);
    } else return false;

    if (ipEnd - udp < 8) return false;
    const srcPort = (b[udp]! << 8) | b[udp + 1]!;
    const dstPort = (b[udp + 2]! << 8) | b[udp + 3]!;
    const ulen = (b[udp + 4]! << 8) | b[udp + 5]!;
    if (ulen < 8 || ulen > ipEnd - udp) return false;
    if (srcPort === 5353 || dstPort === 5353 || srcPort === 5355 || dstPort === 5355) return false;
    if (!this.dnsPorts.has(srcPort) && !this.dnsPorts.has(dstPort)) return false;
    e.srcPort = srcPort;
    e.dstPort = dstPort;
    if (!this.scanMessage(b, udp + 8, udp + ulen)) return false;
    e.timeNs = record.timeNs;
    e.ref = record.frame;
    return true;
  }

  /** The DNS message in [base, end): header, first question, records' bounds, OPT. */
  private scanMessage(b: Uint8Array, base: number, end: number): boolean {
    if (end - base < 12) return false;
    const e = this.event;
    const flags = (b[base + 2]! << 8) | b[base + 3]!;
    const qd = (b[base + 4]! << 8) | b[base + 5]!;
    const an = (b[base + 6]! << 8) | b[base + 7]!;
    const ns = (b[base + 8]! << 8) | b[base + 9]!;
    const ar = (b[base + 10]! << 8) | b[base + 11]!;
    let off = base + 12;
    let qname: string | undefined;
    let qtype: number | undefined;
    let qclass: number | undefined;
    if (qd > 0) {
      // The first question: plain labels only, its text interned by its wire bytes.
      let p = off;
      for (;;) {
        if (p >= end) return false;
        const c = b[p]!;
        if (c === 0) break;
        if (c > 63) return false;
        p += 1 + c;
        if (p - off > MAX_FAST_NAME) return false;
      }
      const nameEnd = p + 1;
      if (nameEnd + 4 > end) return false;
      qname = this.nameText(b, base, end, off, nameEnd);
      if (qname === undefined) return false;
      qtype = (b[nameEnd]! << 8) | b[nameEnd + 1]!;
      qclass = (b[nameEnd + 2]! << 8) | b[nameEnd + 3]!;
      off = nameEnd + 4;
      for (let i = 1; i < qd; i++) {
        const used = nameSpan(b, base, end, off);
        if (used < 0 || off + used + 4 > end) return false;
        off += used + 4;
      }
    }
    let edns = false;
    let extRcode = 0;
    const records = an + ns + ar;
    for (let i = 0; i < records; i++) {
      const used = nameSpan(b, base, end, off);
      if (used < 0) return false;
      const t = off + used;
      if (t + 10 > end) return false;
      const dataLen = (b[t + 8]! << 8) | b[t + 9]!;
      const next = t + 10 + dataLen;
      if (next > end) return false;
      if (((b[t]! << 8) | b[t + 1]!) === T_OPT) {
        if (!edns) {
          edns = true;
          this.edns.udpSize = (b[t + 2]! << 8) | b[t + 3]!;
          extRcode = b[t + 4]!;
          this.edns.version = b[t + 5]!;
          this.edns.do = (b[t + 6]! & 0x80) !== 0;
        }
        if (dataLen > 0 && !plainOptions(b, t + 10, next)) return false;
      }
      off = next;
    }
    e.id = (b[base]! << 8) | b[base + 1]!;
    e.flags = flags;
    e.response = (flags & 0x8000) !== 0;
    e.opcode = (flags >> 11) & 0xf;
    e.rcode = (flags & 0xf) | (extRcode << 4);
    e.qdcount = qd;
    e.ancount = an;
    e.nscount = ns;
    e.arcount = ar;
    e.size = end - base;
    e.qname = qname;
    e.qtype = qtype;
    e.qclass = qclass;
    e.edns = edns ? this.edns : undefined;
    return true;
  }

  private ipv4Text(b: Uint8Array, at: number): string {
    const key = (b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!;
    let text = this.ipv4.get(key);
    if (text === undefined) {
      if (this.ipv4.size >= MAX_IPV4_KEYS) this.ipv4.clear();
      text = ipv4Text(b, at);
      this.ipv4.set(key, text);
    }
    return text;
  }

  private ipv6Text(b: Uint8Array, at: number): string {
    const hash = fnv1a(b, at, at + 16);
    let text = this.ipv6.get(b, at, at + 16, hash);
    if (text === undefined) {
      text = ipv6Text(b, at);
      this.ipv6.set(b, at, at + 16, hash, text);
    }
    return text;
  }

  /** The first question's name text as readName gives it; undefined where readName throws. */
  private nameText(
    b: Uint8Array,
    base: number,
    end: number,
    start: number,
    nameEnd: number,
  ): string | undefined {
    const hash = fnv1a(b, start, nameEnd);
    const known = this.names.get(b, start, nameEnd, hash);
    if (known !== undefined) return known;
    const v = { bytes: b, base, end };
    try {
      const name = readName(v, start, newNameBudget(v));
      if (name.used !== nameEnd - start) return undefined;
      this.names.set(b, start, nameEnd, hash, name.text);
      return name.text;
    } catch (err) {
      if (err instanceof DnsBoundsError) return undefined;
      throw err;
    }
  }
}

/**
 * dnsWireName's nameSpan for names of labels and pointers: the bytes the name occupies
 * where it starts, or -1 wherever nameSpan would throw or hand over to readName (extended
 * or reserved label types, reads past the end, more than SPAN_STEPS steps).
 */
function nameSpan(b: Uint8Array, base: number, end: number, offset: number): number {
  const start = offset;
  let len = -1;
  for (let steps = 0; steps < SPAN_STEPS; steps++) {
    if (offset >= end) return -1;
    const c = b[offset]!;
    offset++;
    if (c === 0) return len < 0 ? offset - start : len;
    const kind = c & 0xc0;
    if (kind === 0x00) {
      offset += c;
    } else if (kind === 0xc0) {
      if (offset >= end) return -1;
      const indir = base + (((c & 0x3f) << 8) | b[offset]!);
      offset++;
      if (len < 0) len = offset - start;
      if (indir === offset + 2) return len;
      offset = indir;
    } else return -1;
  }
  return -1;
}

/**
 * True when the OPT record's options in [at, end) are walked by dissectOptOptions without
 * a fault: each option lies inside the record and is long enough for what that walk reads
 * from it (client subnet 4 bytes, cookie 8, extended error 0 or at least 2).
 */
function plainOptions(b: Uint8Array, at: number, end: number): boolean {
  while (at < end) {
    if (at + 4 > end) return false;
    const code = (b[at]! << 8) | b[at + 1]!;
    const len = (b[at + 2]! << 8) | b[at + 3]!;
    if (at + 4 + len > end) return false;
    if ((code === 8 || code === 20730) && len < 4) return false;
    if (code === 10 && len < 8) return false;
    if (code === 15 && len === 1) return false;
    at += 4 + len;
  }
  return at === end;
}
