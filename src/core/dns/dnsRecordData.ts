/**
 * Record data (RDATA) split into its parts, per type, as Wireshark 4.0's dissect_dns_answer
 * does: tshark's field names, offsets, labels and Info column text. Reads go through the
 * bounds-checked accessors (a read past the end throws as tshark's tvb does); name reads
 * are not limited to rdlength, as in tshark. Each record also gets dns-packet's decoding as
 * a JSON value on its item (dnsPacketAdapter.ts), a cross-check that never throws.
 */
import type { FieldDef, FieldNode } from '../field';
import { addText, defineFields } from '../field';
import { addField, toHex } from '../fieldValue';
import { dnsField } from './dnsFields';
import type { DnsWalk } from './dnsMessage';
import { dissectOptOptions } from './dnsEdns';
import { dnsPacketRecordValue } from './dnsPacketAdapter';
import {
  absoluteTimeText,
  asciiString,
  asciiText,
  ipv4Text,
  ipv6Text,
  timeSecsToStr,
} from './dnsText';
import {
  dnssecAlgorithmNames,
  dnsTrueFalse,
  dsDigestTypeNames,
  nsec3AlgorithmNames,
  sshfpAlgorithmNames,
  sshfpFingerprintTypeNames,
  tlsaMatchingTypeNames,
  tlsaSelectorNames,
  tlsaUsageNames,
  svcbParamKeyNames,
} from './dnsValueTables';
import { typeLabel } from './dnsValueNames';
import { check, slice, u16, u32, u8 } from './dnsWire';
import { readName } from './dnsWireName';

const f = dnsField;
const F = {
  a: f('dns.a'),
  aaaa: f('dns.aaaa'),
  ns: f('dns.ns'),
  md: f('dns.md'),
  mf: f('dns.mf'),
  mb: f('dns.mb'),
  mg: f('dns.mg'),
  mr: f('dns.mr'),
  null: f('dns.null'),
  cname: f('dns.cname'),
  dname: f('dns.dname'),
  ptr: f('dns.ptr.domain_name'),
  soaM: f('dns.soa.mname'),
  soaR: f('dns.soa.rname'),
  soaSerial: f('dns.soa.serial_number'),
  soaRefresh: f('dns.soa.refresh_interval'),
  soaRetry: f('dns.soa.retry_interval'),
  soaExpire: f('dns.soa.expire_limit'),
  soaMin: f('dns.soa.minimum_ttl'),
  hinfoCpuLen: f('dns.hinfo.cpu_length'),
  hinfoCpu: f('dns.hinfo.cpu'),
  hinfoOsLen: f('dns.hinfo.os_length'),
  hinfoOs: f('dns.hinfo.os'),
  minfoR: f('dns.minfo.r'),
  minfoE: f('dns.minfo.e'),
  mxPref: f('dns.mx.preference'),
  mxName: f('dns.mx.mail_exchange'),
  txtLen: f('dns.txt.length'),
  txt: f('dns.txt'),
  spfLen: f('dns.spf.length'),
  spf: f('dns.spf'),
  rpMailbox: f('dns.rp.mailbox'),
  rpTxt: f('dns.rp.txt_rr'),
  afsdbSubtype: f('dns.afsdb.subtype'),
  afsdbHost: f('dns.afsdb.hostname'),
  srvService: f('dns.srv.service'),
  srvProto: f('dns.srv.proto'),
  srvName: f('dns.srv.name'),
  srvPriority: f('dns.srv.priority'),
  srvWeight: f('dns.srv.weight'),
  srvPort: f('dns.srv.port'),
  srvTarget: f('dns.srv.target'),
  naptrOrder: f('dns.naptr.order'),
  naptrPref: f('dns.naptr.preference'),
  naptrFlagsLen: f('dns.naptr.flags_length'),
  naptrFlags: f('dns.naptr.flags'),
  naptrServiceLen: f('dns.naptr.service_length'),
  naptrService: f('dns.naptr.service'),
  naptrRegexLen: f('dns.naptr.regex_length'),
  naptrRegex: f('dns.naptr.regex'),
  naptrReplLen: f('dns.naptr.replacement_length'),
  naptrRepl: f('dns.naptr.replacement'),
  kxPref: f('dns.kx.preference'),
  kxName: f('dns.kx.key_exchange'),
  certType: f('dns.cert.type'),
  certKeyTag: f('dns.cert.key_tag'),
  certAlgo: f('dns.cert.algorithm'),
  certCert: f('dns.cert.certificate'),
  dsKeyId: f('dns.ds.key_id'),
  dsAlgo: f('dns.ds.algorithm'),
  dsDigestType: f('dns.ds.digest_type'),
  dsDigest: f('dns.ds.digest'),
  sshfpAlgo: f('dns.sshfp.algorithm'),
  sshfpType: f('dns.sshfp.fingerprint.type'),
  sshfpFp: f('dns.sshfp.fingerprint'),
  rrsigTypeCovered: f('dns.rrsig.type_covered'),
  rrsigAlgo: f('dns.rrsig.algorithm'),
  rrsigLabels: f('dns.rrsig.labels'),
  rrsigTtl: f('dns.rrsig.original_ttl'),
  rrsigExpiration: f('dns.rrsig.signature_expiration'),
  rrsigInception: f('dns.rrsig.signature_inception'),
  rrsigKeyTag: f('dns.rrsig.key_tag'),
  rrsigSigner: f('dns.rrsig.signers_name'),
  rrsigSignature: f('dns.rrsig.signature'),
  nsecNext: f('dns.nsec.next_domain_name'),
  rrType: f('dns.resp.type'),
  dnskeyFlags: f('dns.dnskey.flags'),
  dnskeyZone: f('dns.dnskey.flags.zone_key'),
  dnskeyRevoked: f('dns.dnskey.flags.key_revoked'),
  dnskeySep: f('dns.dnskey.flags.secure_entry_point'),
  dnskeyReserved: f('dns.dnskey.flags.reserved'),
  dnskeyProtocol: f('dns.dnskey.protocol'),
  dnskeyAlgo: f('dns.dnskey.algorithm'),
  dnskeyKeyId: f('dns.dnskey.key_id'),
  dnskeyPublic: f('dns.dnskey.public_key'),
  nsec3Algo: f('dns.nsec3.algo'),
  nsec3Flags: f('dns.nsec3.flags'),
  nsec3OptOut: f('dns.nsec3.flags.opt_out'),
  nsec3Iterations: f('dns.nsec3.iterations'),
  nsec3SaltLen: f('dns.nsec3.salt_length'),
  nsec3Salt: f('dns.nsec3.salt_value'),
  nsec3HashLen: f('dns.nsec3.hash_length'),
  nsec3Hash: f('dns.nsec3.hash_value'),
  tlsaUsage: f('dns.tlsa.certificate_usage'),
  tlsaSelector: f('dns.tlsa.selector'),
  tlsaMatching: f('dns.tlsa.matching_type'),
  tlsaData: f('dns.tlsa.certificate_association_data'),
  caaFlags: f('dns.caa.flags'),
  caaCritical: f('dns.caa.flags.issuer_critical'),
  caaIssue: f('dns.caa.issue'),
  caaIssuewild: f('dns.caa.issuewild'),
  caaIodef: f('dns.caa.iodef'),
  caaUnknown: f('dns.caa.unknown'),
  caaTagLen: f('dns.caa.tag_length'),
  caaTag: f('dns.caa.tag'),
  caaValue: f('dns.caa.value'),
  svcbPriority: f('dns.svcb.svcpriority'),
  svcbTarget: f('dns.svcb.targetname'),
  svcbParam: f('dns.svcb.svcparam'),
  svcbKey: f('dns.svcb.svcparam.key'),
  svcbLength: f('dns.svcb.svcparam.value.length'),
  svcbValue: f('dns.svcb.svcparam.value'),
  svcbMandatory: f('dns.svcb.svcparam.mandatory.key'),
  svcbAlpnLen: f('dns.svcb.svcparam.alpn.length'),
  svcbAlpn: f('dns.svcb.svcparam.alpn'),
  svcbPort: f('dns.svcb.svcparam.port'),
  svcbIpv4: f('dns.svcb.svcparam.ipv4hint.ip'),
  svcbIpv6: f('dns.svcb.svcparam.ipv6hint.ip'),
  svcbEch: f('dns.svcb.svcparam.echconfig'),
  eui48: f('dns.eui48'),
  openpgpkey: f('dns.openpgpkey'),
  locVersion: f('dns.loc.version'),
  locSize: f('dns.loc.size'),
  locHorizontal: f('dns.loc.horizontal_precision'),
  locVertical: f('dns.loc.vertical_precision'),
  locLatitude: f('dns.loc.latitude'),
  locLongitude: f('dns.loc.longitude'),
  locAltitude: f('dns.loc.altitude'),
  locUnknown: f('dns.loc.unknown_data'),
  data: f('dns.data'),
} as const;

/** Wireshark shows at most 36 bytes of a byte field in its label, then "…". */
export function bytesDisplay(b: Uint8Array): string {
  if (b.length === 0) return '<MISSING>';
  return b.length > 36 ? toHex(b.subarray(0, 36)) + '\u2026' : toHex(b);
}

/** Adds an FT_BYTES field, bounds-checked like proto_tree_add_item. */
export function addBytes(
  w: DnsWalk,
  parent: FieldNode | null,
  def: FieldDef,
  off: number,
  len: number,
): FieldNode | null {
  check(w.v, off, len);
  if (!parent) return null;
  const b = w.v.bytes.subarray(off, off + len);
  return addField(parent, def, w.source, off, len, b, {
    display: bytesDisplay(b),
    show: len === 0 ? '<MISSING>' : toHex(b),
  });
}

/**
 * Adds an FT_STRING field read with ENC_ASCII, bounds-checked. Like Wireshark's
 * proto_tree_add_item (detect_trailing_stray_characters), a string cut short by a NUL with
 * other bytes after it gets the expert "Trailing stray characters" (Warning/Undecoded).
 */
export function addAscii(
  w: DnsWalk,
  parent: FieldNode | null,
  def: FieldDef,
  off: number,
  len: number,
): string {
  check(w.v, off, len);
  const s = asciiString(w.v.bytes, off, len);
  const item = addField(parent, def, w.source, off, len, s.label, { show: s.show });
  if (item && hasStrayAfterNul(w.v.bytes, off, len)) addStrayExpert(item);
  return s.label;
}

function hasStrayAfterNul(bytes: Uint8Array, off: number, len: number): boolean {
  const nul = bytes.subarray(off, off + len).indexOf(0);
  if (nul < 0) return false;
  for (let i = off + nul + 1; i < off + len; i++) if (bytes[i] !== 0) return true;
  return false;
}

/** Registered so filters and `fields -e` know it (tshark: FT_NONE expert field). */
defineFields({
  strayCharacters: {
    name: '_ws.string.trailing_stray_characters',
    label: 'Trailing stray characters',
    type: 'FT_NONE',
  },
});

/** Wireshark's expert severity and group codes as `-T fields` prints them. */
const PI_WARN = '6291456';
const PI_UNDECODED = '83886080';

function addStrayExpert(item: FieldNode): void {
  const message = 'Trailing stray characters';
  const head = `Expert Info (Warning/Undecoded): ${message}`;
  const at = { source: item.source, start: item.start, length: 0, generated: true };
  (item.children ??= []).push({
    name: '_ws.expert',
    label: `[${head}]`,
    show: head,
    ...at,
    expert: { severity: 'warn', message },
    children: [
      { name: '_ws.string.trailing_stray_characters', label: `[${message}]`, show: '1', ...at },
      {
        name: '_ws.expert.message',
        label: `Message: ${message}`,
        show: message,
        ...at,
        hidden: true,
      },
      { name: '_ws.expert.severity', label: '[Severity level: Warning]', show: PI_WARN, ...at },
      { name: '_ws.expert.group', label: '[Group: Undecoded]', show: PI_UNDECODED, ...at },
    ],
  });
}

function addUint(
  w: DnsWalk,
  parent: FieldNode | null,
  def: FieldDef,
  off: number,
  size: 1 | 2 | 4,
  display?: (v: number) => string,
): number {
  const val = size === 1 ? u8(w.v, off) : size === 2 ? u16(w.v, off) : u32(w.v, off);
  if (parent)
    addField(parent, def, w.source, off, size, val, display ? { display: display(val) } : {});
  return val;
}

function named(table: ReadonlyMap<number, string>): (v: number) => string {
  return (v) => (table.has(v) ? `${table.get(v)} (${v})` : `Unknown (${v})`);
}

function timeDisplay(v: number): string {
  return `${v} (${timeSecsToStr(v)})`;
}

function addName(
  w: DnsWalk,
  parent: FieldNode | null,
  def: FieldDef,
  off: number,
): { used: number; text: string } {
  const n = readName(w.v, off, w.budget);
  addField(parent, def, w.source, off, n.used, n.text);
  return n;
}

function appendHead(rr: FieldNode | null, text: string): void {
  if (rr) rr.label += text;
}

function typeBitmap(w: DnsWalk, rr: FieldNode | null, off: number, len: number): void {
  while (len > 0) {
    const block = u8(w.v, off);
    let size = u8(w.v, off + 1);
    off += 2;
    len -= 2;
    let type = block * 256;
    for (; size > 0; size--) {
      const bits = u8(w.v, off);
      for (let mask = 0x80; mask > 0; mask >>= 1) {
        if (bits & mask && rr) {
          addField(rr, F.rrType, w.source, off, 1, type, {
            label: `RR type in bit map: ${typeLabel(type).replace(/ \(\d+\)$/, '')}`,
          });
        }
        type++;
      }
      off++;
      len--;
    }
  }
}

function keyId(w: DnsWalk, off: number, size: number, algo: number): number {
  if (algo === 1) return (u8(w.v, off + size - 3) << 8) + u8(w.v, off + size - 2);
  let ac = 0;
  for (; size > 1; size -= 2, off += 2) ac += (u8(w.v, off) << 8) + u8(w.v, off + 1);
  if (size > 0) ac += u8(w.v, off) << 8;
  ac += (ac >>> 16) & 0xffff;
  return ac & 0xffff;
}

const base32hex = '0123456789abcdefghijklmnopqrstuv';

function nsec3HashText(b: Uint8Array): string {
  let s = '';
  for (let bit = 0; bit / 8 < b.length; bit += 5) {
    let group = 0;
    for (let k = 0; k < 5; k++) {
      const i = bit + k;
      const byte = b[i >> 3] ?? 0;
      group = (group << 1) | ((byte >> (7 - (i & 7))) & 1);
    }
    s += base32hex[group];
  }
  return s;
}

/** Dissects the data of one record: [off, off+len) of the message. */
export function dissectRecordData(
  w: DnsWalk,
  rr: FieldNode | null,
  type: number,
  cls: number,
  owner: string,
  off: number,
  len: number,
): void {
  const v = w.v;
  if (rr) {
    const value = dnsPacketRecordValue(v.bytes.subarray(v.base, v.end), type, off - 2 - v.base);
    if (value !== undefined) rr.value = value;
  }
  switch (type) {
    case 1: {
      if (cls !== 1) {
        addBytes(w, rr, F.data, off, len);
        return;
      }
      check(v, off, 4);
      const addr = ipv4Text(v.bytes, off);
      w.info += ` ${addr}`;
      appendHead(rr, `, addr ${addr}`);
      addField(rr, F.a, w.source, off, 4, addr);
      return;
    }
    case 28: {
      check(v, off, 16);
      const addr = ipv6Text(v.bytes, off);
      w.info += ` ${addr}`;
      appendHead(rr, `, addr ${addr}`);
      addField(rr, F.aaaa, w.source, off, 16, addr);
      return;
    }
    case 2:
    case 5:
    case 12:
    case 39: {
      const n = readName(v, off, w.budget);
      w.info += ` ${n.text}`;
      const def = type === 2 ? F.ns : type === 5 ? F.cname : type === 12 ? F.ptr : F.dname;
      const prefix =
        type === 2 ? ', ns ' : type === 5 ? ', cname ' : type === 12 ? ', ' : ', dname ';
      appendHead(rr, prefix + n.text);
      addField(rr, def, w.source, off, n.used, n.text);
      return;
    }
    case 3:
    case 4:
    case 7:
    case 8:
    case 9: {
      w.info += ` ${owner}`;
      const def =
        type === 3 ? F.md : type === 4 ? F.mf : type === 7 ? F.mb : type === 8 ? F.mg : F.mr;
      addName(w, rr, def, off);
      return;
    }
    case 10:
      w.info += ` ${owner}`;
      addBytes(w, rr, F.null, off, len);
      return;
    case 6: {
      const m = readName(v, off, w.budget);
      w.info += ` ${m.text}`;
      appendHead(rr, `, mname ${m.text}`);
      addField(rr, F.soaM, w.source, off, m.used, m.text);
      let o = off + m.used;
      o += addName(w, rr, F.soaR, o).used;
      addUint(w, rr, F.soaSerial, o, 4);
      addUint(w, rr, F.soaRefresh, o + 4, 4, timeDisplay);
      addUint(w, rr, F.soaRetry, o + 8, 4, timeDisplay);
      addUint(w, rr, F.soaExpire, o + 12, 4, timeDisplay);
      addUint(w, rr, F.soaMin, o + 16, 4, timeDisplay);
      return;
    }
    case 13: {
      const cpuLen = u8(v, off);
      check(v, off + 1, cpuLen);
      const cpu = asciiText(v.bytes, off + 1, cpuLen);
      const osOff = off + 1 + cpuLen;
      const osLen = u8(v, osOff);
      check(v, osOff + 1, osLen);
      const os = asciiText(v.bytes, osOff + 1, osLen);
      w.info += ` ${cpu} ${os}`;
      appendHead(rr, `, CPU ${cpu}, OS ${os}`);
      addUint(w, rr, F.hinfoCpuLen, off, 1);
      addAscii(w, rr, F.hinfoCpu, off + 1, cpuLen);
      addUint(w, rr, F.hinfoOsLen, osOff, 1);
      addAscii(w, rr, F.hinfoOs, osOff + 1, osLen);
      return;
    }
    case 14: {
      w.info += ` ${owner}`;
      const r = addName(w, rr, F.minfoR, off);
      addName(w, rr, F.minfoE, off + r.used);
      return;
    }
    case 15: {
      const pref = u16(v, off);
      const n = readName(v, off + 2, w.budget);
      w.info += ` ${pref} ${n.text}`;
      appendHead(rr, `, preference ${pref}, mx ${n.text}`);
      addUint(w, rr, F.mxPref, off, 2);
      addField(rr, F.mxName, w.source, off + 2, n.used, n.text);
      return;
    }
    case 16:
    case 99: {
      let left = len;
      let o = off;
      while (left > 0) {
        const l = u8(v, o);
        addUint(w, rr, type === 16 ? F.txtLen : F.spfLen, o, 1);
        o++;
        left--;
        addAscii(w, rr, type === 16 ? F.txt : F.spf, o, l);
        o += l;
        left -= l;
      }
      return;
    }
    case 17: {
      w.info += ` ${owner}`;
      const m = addName(w, rr, F.rpMailbox, off);
      addName(w, rr, F.rpTxt, off + m.used);
      return;
    }
    case 18: {
      w.info += ` ${owner}`;
      const n = readName(v, off + 2, w.budget);
      addUint(w, rr, F.afsdbSubtype, off, 2);
      addField(rr, F.afsdbHost, w.source, off + 2, n.used, n.text);
      return;
    }
    case 33: {
      const priority = addUint(w, rr, F.srvPriority, off, 2);
      const weight = addUint(w, rr, F.srvWeight, off + 2, 2);
      const port = addUint(w, rr, F.srvPort, off + 4, 2);
      const t = addName(w, rr, F.srvTarget, off + 6);
      w.info += ` ${priority} ${weight} ${port} ${t.text}`;
      appendHead(rr, `, priority ${priority}, weight ${weight}, port ${port}, target ${t.text}`);
      return;
    }
    case 35: {
      let o = off;
      const order = addUint(w, rr, F.naptrOrder, o, 2);
      const pref = addUint(w, rr, F.naptrPref, o + 2, 2);
      o += 4;
      const fl = addUint(w, rr, F.naptrFlagsLen, o, 1);
      const flags = addAscii(w, rr, F.naptrFlags, o + 1, fl);
      o += 1 + fl;
      const sl = addUint(w, rr, F.naptrServiceLen, o, 1);
      addAscii(w, rr, F.naptrService, o + 1, sl);
      o += 1 + sl;
      const rl = addUint(w, rr, F.naptrRegexLen, o, 1);
      addAscii(w, rr, F.naptrRegex, o + 1, rl);
      o += 1 + rl;
      const n = readName(v, o, w.budget);
      addField(rr, F.naptrReplLen, w.source, o, 0, n.nameLen, { generated: true });
      addField(rr, F.naptrRepl, w.source, o, n.used, n.text);
      w.info += ` ${order} ${pref} ${flags}`;
      appendHead(rr, `, order ${order}, preference ${pref}, flags ${flags}`);
      return;
    }
    case 36: {
      const n = readName(v, off + 2, w.budget);
      const pref = u16(v, off);
      w.info += ` ${pref} ${n.text}`;
      appendHead(rr, `, preference ${pref}, kx ${n.text}`);
      addUint(w, rr, F.kxPref, off, 2);
      addField(rr, F.kxName, w.source, off + 2, n.used, n.text);
      return;
    }
    case 37: {
      addUint(w, rr, F.certType, off, 2);
      addUint(w, rr, F.certKeyTag, off + 2, 2);
      addUint(w, rr, F.certAlgo, off + 4, 1, named(dnssecAlgorithmNames));
      if (len - 5 !== 0) addBytes(w, rr, F.certCert, off + 5, len - 5);
      return;
    }
    case 41:
      dissectOptOptions(w, rr, off, len);
      return;
    case 43:
    case 59:
    case 32769: {
      addUint(w, rr, F.dsKeyId, off, 2);
      addUint(w, rr, F.dsAlgo, off + 2, 1, named(dnssecAlgorithmNames));
      addUint(w, rr, F.dsDigestType, off + 3, 1, named(dsDigestTypeNames));
      addBytes(w, rr, F.dsDigest, off + 4, len - 4);
      return;
    }
    case 44: {
      addUint(w, rr, F.sshfpAlgo, off, 1, named(sshfpAlgorithmNames));
      addUint(w, rr, F.sshfpType, off + 1, 1, named(sshfpFingerprintTypeNames));
      if (len - 2 !== 0) addBytes(w, rr, F.sshfpFp, off + 2, len - 2);
      return;
    }
    case 46:
    case 24: {
      addUint(w, rr, F.rrsigTypeCovered, off, 2, typeLabel);
      addUint(w, rr, F.rrsigAlgo, off + 2, 1, named(dnssecAlgorithmNames));
      addUint(w, rr, F.rrsigLabels, off + 3, 1);
      addUint(w, rr, F.rrsigTtl, off + 4, 4, timeDisplay);
      const exp = u32(v, off + 8);
      addField(rr, F.rrsigExpiration, w.source, off + 8, 4, absoluteTimeText(exp));
      const inc = u32(v, off + 12);
      addField(rr, F.rrsigInception, w.source, off + 12, 4, absoluteTimeText(inc));
      addUint(w, rr, F.rrsigKeyTag, off + 16, 2);
      const s = addName(w, rr, F.rrsigSigner, off + 18);
      const rest = len - 18 - s.used;
      if (rest !== 0) addBytes(w, rr, F.rrsigSignature, off + 18 + s.used, rest);
      return;
    }
    case 47: {
      const n = readName(v, off, w.budget);
      w.info += ` ${n.text}`;
      appendHead(rr, `, next domain name ${n.text}`);
      addField(rr, F.nsecNext, w.source, off, n.used, n.text);
      typeBitmap(w, rr, off + n.used, len - n.used);
      return;
    }
    case 48:
    case 60: {
      const flags = u16(v, off);
      const fl = addField(rr, F.dnskeyFlags, w.source, off, 2, flags);
      addField(fl, F.dnskeyZone, w.source, off, 2, (flags & 0x100) !== 0, {
        word: flags,
        display: (flags & 0x100) !== 0 ? dnsTrueFalse.zoneKey[0] : dnsTrueFalse.zoneKey[1],
      });
      addField(fl, F.dnskeyRevoked, w.source, off, 2, (flags & 0x80) !== 0, {
        word: flags,
        display: (flags & 0x80) !== 0 ? 'Yes' : 'No',
      });
      addField(fl, F.dnskeySep, w.source, off, 2, (flags & 1) !== 0, {
        word: flags,
        display: (flags & 1) !== 0 ? 'Yes' : 'No',
      });
      addField(fl, F.dnskeyReserved, w.source, off, 2, flags & 0xfe7e, { word: flags });
      addUint(w, rr, F.dnskeyProtocol, off + 2, 1);
      const algo = addUint(w, rr, F.dnskeyAlgo, off + 3, 1, named(dnssecAlgorithmNames));
      if (len >= 4) {
        const id = keyId(w, off, len, algo);
        addField(rr, F.dnskeyKeyId, w.source, 0, 0, id, { generated: true });
      }
      addBytes(w, rr, F.dnskeyPublic, off + 4, len - 4);
      return;
    }
    case 50: {
      addUint(w, rr, F.nsec3Algo, off, 1, named(nsec3AlgorithmNames));
      const flags = u8(v, off + 1);
      const fl = addField(rr, F.nsec3Flags, w.source, off + 1, 1, flags);
      addField(fl, F.nsec3OptOut, w.source, off + 1, 1, (flags & 1) !== 0, {
        word: flags,
        wordBits: 8,
        display: (flags & 1) !== 0 ? dnsTrueFalse.optOut[0] : dnsTrueFalse.optOut[1],
      });
      addUint(w, rr, F.nsec3Iterations, off + 2, 2);
      const saltLen = addUint(w, rr, F.nsec3SaltLen, off + 4, 1);
      addBytes(w, rr, F.nsec3Salt, off + 5, saltLen);
      let o = off + 5 + saltLen;
      const hashLen = addUint(w, rr, F.nsec3HashLen, o, 1);
      o++;
      if (hashLen) {
        const hash = slice(v, o, hashLen);
        addField(rr, F.nsec3Hash, w.source, o, hashLen, nsec3HashText(hash), { generated: true });
        o += hashLen;
      }
      typeBitmap(w, rr, o, len - (o - off));
      return;
    }
    case 51: {
      w.info += ` ${owner}`;
      addUint(w, rr, F.nsec3Algo, off, 1, named(nsec3AlgorithmNames));
      addUint(w, rr, F.nsec3Flags, off + 1, 1);
      addUint(w, rr, F.nsec3Iterations, off + 2, 2);
      const saltLen = addUint(w, rr, F.nsec3SaltLen, off + 4, 1);
      addBytes(w, rr, F.nsec3Salt, off + 5, saltLen);
      return;
    }
    case 52: {
      w.info += ` ${owner}`;
      addUint(w, rr, F.tlsaUsage, off, 1, named(tlsaUsageNames));
      addUint(w, rr, F.tlsaSelector, off + 1, 1, named(tlsaSelectorNames));
      addUint(w, rr, F.tlsaMatching, off + 2, 1, named(tlsaMatchingTypeNames));
      addBytes(w, rr, F.tlsaData, off + 3, len - 3);
      return;
    }
    case 61:
      addAscii(w, rr, F.openpgpkey, off, len);
      return;
    case 29:
      dissectLoc(w, rr, off, len);
      return;
    case 64:
    case 65:
      dissectSvcb(w, rr, off, len);
      return;
    case 108: {
      check(v, off, 6);
      const mac = Array.from(v.bytes.subarray(off, off + 6), (b) =>
        b.toString(16).padStart(2, '0'),
      ).join(':');
      addField(rr, F.eui48, w.source, off, 6, mac);
      return;
    }
    case 257: {
      const flags = u8(v, off);
      const fl = addField(rr, F.caaFlags, w.source, off, 1, flags);
      addField(fl, F.caaCritical, w.source, off, 1, (flags & 0x80) !== 0, {
        word: flags,
        wordBits: 8,
        display:
          (flags & 0x80) !== 0 ? dnsTrueFalse.issuerCritical[0] : dnsTrueFalse.issuerCritical[1],
      });
      const tagLen = u8(v, off + 1);
      check(v, off + 2, tagLen);
      const tag = asciiText(v.bytes, off + 2, tagLen);
      const valueLen = (len - (tagLen + 2)) & 0xffff;
      check(v, off + 2 + tagLen, valueLen);
      const value = asciiText(v.bytes, off + 2 + tagLen, valueLen);
      const def = 'issue'.startsWith(tag)
        ? F.caaIssue
        : 'issuewild'.startsWith(tag)
          ? F.caaIssuewild
          : 'iodef'.startsWith(tag)
            ? F.caaIodef
            : F.caaUnknown;
      const item = addField(rr, def, w.source, off + 1, 1 + tagLen + valueLen, value);
      addField(item, F.caaTagLen, w.source, off + 1, 1, tagLen);
      addField(item, F.caaTag, w.source, off + 2, tagLen, tag);
      addField(item, F.caaValue, w.source, off + 2 + tagLen, valueLen, value);
      return;
    }
    default:
      if (rr) {
        const msg = `Dissector for DNS Type (${type}) code not implemented, Contact Wireshark developers if you want this supported`;
        const expert = { severity: 'note' as const, message: msg };
        rr.children ??= [];
        rr.children.push({
          name: '_ws.expert',
          label: `[Expert Info (Note/Undecoded): ${msg}]`,
          source: w.source,
          start: off,
          length: 0,
          generated: true,
          expert,
          // tshark also adds the expert's own field, which -T fields prints as 1.
          children: [
            {
              name: 'dns.undecoded.type',
              label: `[${msg}]`,
              source: w.source,
              start: off,
              length: 0,
              show: '1',
              generated: true,
            },
            {
              name: '',
              label: '[Severity level: Note]',
              source: w.source,
              start: off,
              length: 0,
              generated: true,
            },
            {
              name: '',
              label: '[Group: Undecoded]',
              source: w.source,
              start: off,
              length: 0,
              generated: true,
            },
          ],
        });
      }
      addBytes(w, rr, F.data, off, len);
      return;
  }
}

/** RFC 1876 size/precision byte: mantissa * 10^exponent centimetres, shown in metres with %g. */
function locSize(b: number): string {
  let size = (b & 0xf0) >> 4;
  for (let e = b & 0x0f; e > 0; e--) size *= 10;
  return `${b} (${gFormat(size / 100)} m)`;
}

/** C's %g for the magnitudes LOC produces (6 significant digits, no trailing zeros). */
function gFormat(x: number): string {
  if (x === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(x)));
  if (exp < -4 || exp >= 6) {
    const m = (x / 10 ** exp).toPrecision(6).replace(/\.?0+$/, '');
    return `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return Number(x.toPrecision(6)).toString();
}

function locAngle(raw: number, longitude: boolean): string {
  let angle: number;
  let dir: string;
  if (raw < 0x80000000) {
    angle = 0x80000000 - raw;
    dir = longitude ? 'W' : 'S';
  } else {
    angle = raw - 0x80000000;
    dir = longitude ? 'E' : 'N';
  }
  if (longitude ? angle > 648000000 : angle > 324000000) return 'Value out of range';
  const tsecs = angle % 1000;
  angle = Math.floor(angle / 1000);
  const secs = angle % 60;
  angle = Math.floor(angle / 60);
  const minutes = angle % 60;
  const degrees = Math.floor(angle / 60);
  return `${degrees} deg ${minutes} min ${secs}.${String(tsecs).padStart(3, '0')} sec ${dir}`;
}

function dissectLoc(w: DnsWalk, rr: FieldNode | null, off: number, len: number): void {
  const version = addUint(w, rr, F.locVersion, off, 1);
  if (version !== 0) {
    addBytes(w, rr, F.locUnknown, off, len);
    return;
  }
  addUint(w, rr, F.locSize, off + 1, 1, locSize);
  addUint(w, rr, F.locHorizontal, off + 2, 1, locSize);
  addUint(w, rr, F.locVertical, off + 3, 1, locSize);
  addUint(w, rr, F.locLatitude, off + 4, 4, (v) => `${v} (${locAngle(v, false)})`);
  addUint(w, rr, F.locLongitude, off + 8, 4, (v) => `${v} (${locAngle(v, true)})`);
  addUint(
    w,
    rr,
    F.locAltitude,
    off + 12,
    4,
    (v) => `${v} (${gFormat(((v | 0) - 10000000) / 100)} m)`,
  );
}

function svcbKey(k: number): string {
  return svcbParamKeyNames.get(k) ?? `key${k}`;
}

function dissectSvcb(w: DnsWalk, rr: FieldNode | null, off: number, len: number): void {
  const v = w.v;
  addUint(w, rr, F.svcbPriority, off, 2);
  let o = off + 2;
  const t = addName(w, rr, F.svcbTarget, o);
  o += t.used;
  while (len > o - off) {
    const param = rr ? addText(rr, 'SvcParam', w.source, o, 0) : null;
    if (param) {
      param.name = F.svcbParam.name;
      param.show = '1'; // tshark -T fields prints FT_NONE as 1
    }
    const key = u16(v, o);
    addField(param, F.svcbKey, w.source, o, 2, key, { display: `${svcbKey(key)} (${key})` });
    const plen = u16(v, o + 2);
    addField(param, F.svcbLength, w.source, o + 2, 2, plen);
    o += 4;
    let head = `SvcParam: ${svcbKey(key)}`;
    // A value length past the message: tshark clips the item to the message's end.
    if (param) param.length = Math.min(plen + 4, v.end - param.start);
    switch (key) {
      case 0:
        for (let i = 0; i < plen; i += 2) {
          const k = u16(v, o);
          addField(param, F.svcbMandatory, w.source, o, 2, k, { display: `${svcbKey(k)} (${k})` });
          head += `${i === 0 ? '=' : ','}${svcbKey(k)}`;
          o += 2;
        }
        break;
      case 1:
        for (let i = 0; i < plen;) {
          const l = u8(v, o);
          addField(param, F.svcbAlpnLen, w.source, o, 1, l);
          o++;
          const s = addAscii(w, param, F.svcbAlpn, o, l);
          o += l;
          head += `${i === 0 ? '=' : ','}${s}`;
          i += 1 + l;
        }
        break;
      case 2:
        break;
      case 3: {
        const p = u16(v, o);
        addField(param, F.svcbPort, w.source, o, 2, p);
        head += `=${p}`;
        o += 2;
        break;
      }
      case 4:
        for (let i = 0; i < plen; i += 4) {
          check(v, o, 4);
          const a = ipv4Text(v.bytes, o);
          addField(param, F.svcbIpv4, w.source, o, 4, a);
          head += `${i === 0 ? '=' : ','}${a}`;
          o += 4;
        }
        break;
      case 6:
        for (let i = 0; i < plen; i += 16) {
          check(v, o, 16);
          const a = ipv6Text(v.bytes, o);
          addField(param, F.svcbIpv6, w.source, o, 16, a);
          head += `${i === 0 ? '=' : ','}${a}`;
          o += 16;
        }
        break;
      default:
        if (plen > 0) {
          addBytes(w, param, key === 5 ? F.svcbEch : F.svcbValue, o, plen);
          o += plen;
        }
        break;
    }
    if (param) param.label = head;
  }
}
