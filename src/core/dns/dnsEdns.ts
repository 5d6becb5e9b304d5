/**
 * The EDNS OPT pseudo-record (RFC 6891) as Wireshark 4.0 shows it: the header fields that
 * reuse CLASS and TTL (UDP payload size, extended RCODE, version, Z with the DO bit), and
 * each option (cookie, client subnet, keepalive, padding, chain, extended DNS error, DAU/
 * DHU/N3U, anything else as bytes) with tshark's field names. Hand-written for the offsets
 * and tshark's quirks (e.g. a too-short extended-error option does not advance).
 */
import type { FieldNode } from '../field';
import { addField } from '../fieldValue';
import { dnsField } from './dnsFields';
import type { DnsWalk } from './dnsMessage';
import { addAscii, addBytes } from './dnsRecordData';
import { formatText, ipv4Text, ipv6Text } from './dnsText';
import {
  dnssecAlgorithmNames,
  dnsTrueFalse,
  dsDigestTypeNames,
  ednsOptionNames,
  nsec3AlgorithmNames,
  clientSubnetFamilyNames,
} from './dnsValueTables';
import { extendedErrorName, typeLabel } from './dnsValueNames';
import { check, u16, u8 } from './dnsWire';
import type { WireName } from './dnsWireName';

const f = dnsField;
const F = {
  name: f('dns.resp.name'),
  type: f('dns.resp.type'),
  udpSize: f('dns.rr.udp_payload_size'),
  extRcode: f('dns.resp.ext_rcode'),
  version: f('dns.resp.edns0_version'),
  z: f('dns.resp.z'),
  zDo: f('dns.resp.z.do'),
  zReserved: f('dns.resp.z.reserved'),
  len: f('dns.resp.len'),
  opt: f('dns.opt'),
  code: f('dns.opt.code'),
  optLen: f('dns.opt.len'),
  data: f('dns.opt.data'),
  dau: f('dns.opt.dau'),
  dhu: f('dns.opt.dhu'),
  n3u: f('dns.opt.n3u'),
  family: f('dns.opt.client.family'),
  netmask: f('dns.opt.client.netmask'),
  scope: f('dns.opt.client.scope'),
  addr: f('dns.opt.client.addr'),
  addr4: f('dns.opt.client.addr4'),
  addr6: f('dns.opt.client.addr6'),
  cookieClient: f('dns.opt.cookie.client'),
  cookieServer: f('dns.opt.cookie.server'),
  keepalive: f('dns.opt.edns_tcp_keepalive.timeout'),
  padding: f('dns.opt.padding'),
  chain: f('dns.opt.chain.fqdn'),
  edeCode: f('dns.opt.ext_error.info_code'),
  edeText: f('dns.opt.ext_error.extra_text'),
} as const;

/** OPT header fields (the record's own name/type/class/ttl/rdlength). */
export function dissectOptHeader(
  w: DnsWalk,
  rr: FieldNode | null,
  offset: number,
  name: WireName,
  typeOff: number,
  dataLen: number,
): void {
  const v = w.v;
  const udpSize = u16(v, typeOff + 2);
  const extRcode = u8(v, typeOff + 4);
  const version = u8(v, typeOff + 5);
  const z = u16(v, typeOff + 6);
  w.edns ??= { udpSize, version, do: (z & 0x8000) !== 0, extRcode };
  if (!rr) return;
  const s = w.source;
  addField(rr, F.name, s, offset, name.used, name.text);
  addField(rr, F.type, s, typeOff, 2, 41, { display: typeLabel(41) });
  addField(rr, F.udpSize, s, typeOff + 2, 2, udpSize, {
    display: String(udpSize),
    show: String(udpSize),
  });
  addField(rr, F.extRcode, s, typeOff + 4, 1, extRcode);
  addField(rr, F.version, s, typeOff + 5, 1, version);
  const zNode = addField(rr, F.z, s, typeOff + 6, 2, z);
  const isDo = (z & 0x8000) !== 0;
  addField(zNode, F.zDo, s, typeOff + 6, 2, isDo, {
    word: z,
    display: isDo ? dnsTrueFalse.dnssecOk[0] : dnsTrueFalse.dnssecOk[1],
  });
  addField(zNode, F.zReserved, s, typeOff + 6, 2, z & 0x7fff, { word: z });
  addField(rr, F.len, s, typeOff + 8, 2, dataLen);
}

function optionName(code: number): string {
  return ednsOptionNames.get(code) ?? `Unknown (${code})`;
}

function named(table: ReadonlyMap<number, string>, val: number): string {
  return table.has(val) ? `${table.get(val)} (${val})` : `Unknown (${val})`;
}

/** The options in the OPT record's data [off, off+len). */
export function dissectOptOptions(
  w: DnsWalk,
  rr: FieldNode | null,
  off: number,
  len: number,
): void {
  const v = w.v;
  const s = w.source;
  let left = len;
  let o = off;
  while (left > 0) {
    const code = u16(v, o);
    left -= 2;
    let optLen = u16(v, o + 2);
    left -= 2;
    check(v, o, 4 + optLen);
    const opt = rr
      ? addField(rr, F.opt, s, o, 4 + optLen, '', {
          label: `Option: ${optionName(code)}`,
          show: '1',
        })
      : null;
    // Scan mode (no tree): no display text or options object to build.
    if (opt) addField(opt, F.code, s, o, 2, code, { display: named(ednsOptionNames, code) });
    o += 2;
    if (opt) addField(opt, F.optLen, s, o, 2, optLen);
    o += 2;
    addBytes(w, opt, F.data, o, optLen);
    switch (code) {
      case 5:
      case 6:
      case 7: {
        const def = code === 5 ? F.dau : code === 6 ? F.dhu : F.n3u;
        const table =
          code === 5 ? dnssecAlgorithmNames : code === 6 ? dsDigestTypeNames : nsec3AlgorithmNames;
        while (optLen !== 0) {
          const b = u8(v, o);
          addField(opt, def, s, o, 1, b, { display: named(table, b) });
          o++;
          left--;
          optLen--;
        }
        break;
      }
      case 8:
      case 20730: {
        let addrLen = (optLen - 4) & 0xffff;
        const family = u16(v, o);
        addField(opt, F.family, s, o, 2, family, {
          display: named(clientSubnetFamilyNames, family),
        });
        addField(opt, F.netmask, s, o + 2, 1, u8(v, o + 2));
        addField(opt, F.scope, s, o + 3, 1, u8(v, o + 3));
        o += 4;
        if (addrLen > 16) addrLen = 16;
        check(v, o, addrLen);
        const padded = new Uint8Array(16);
        padded.set(v.bytes.subarray(o, o + addrLen));
        if (family === 1) addField(opt, F.addr4, s, o, addrLen, ipv4Text(padded, 0));
        else if (family === 2) addField(opt, F.addr6, s, o, addrLen, ipv6Text(padded, 0));
        else addBytes(w, opt, F.addr, o, (optLen - 4) & 0xffff);
        o += optLen - 4;
        left -= optLen;
        break;
      }
      case 10: {
        addBytes(w, opt, F.cookieClient, o, 8);
        o += 8;
        left -= 8;
        optLen = (optLen - 8) & 0xffff;
        addBytes(w, opt, F.cookieServer, o, optLen);
        o += optLen;
        left -= optLen;
        break;
      }
      case 11:
        if (optLen === 2) addField(opt, F.keepalive, s, o, 2, u16(v, o));
        o += optLen;
        left -= optLen;
        break;
      case 12:
        addBytes(w, opt, F.padding, o, optLen);
        o += optLen;
        left -= optLen;
        break;
      case 13:
        if (optLen) addAscii(w, opt, F.chain, o, optLen);
        o += optLen;
        left -= optLen;
        break;
      case 15:
        if (optLen >= 2) {
          const info = u16(v, o);
          addField(opt, F.edeCode, s, o, 2, info, {
            display: `${extendedErrorName(info)} (${info})`,
          });
          o += 2;
          left -= 2;
          if (optLen > 2) {
            check(v, o, optLen - 2);
            addField(opt, F.edeText, s, o, optLen - 2, formatText(v.bytes, o, optLen - 2));
            o += optLen - 2;
            left -= optLen - 2;
          }
        }
        break;
      default:
        o += optLen;
        left -= optLen;
        break;
    }
  }
}
