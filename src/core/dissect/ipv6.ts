/**
 * IPv6 (RFC 8200) as Wireshark's ipv6 dissector shows it: the fixed header, then the
 * extension headers hop-by-hop (0), routing (43), fragment (44), destination options (60)
 * and AH (51, skipped by its length), each as an item under the IPv6 item and a name in
 * frame.protocols. Fragments are reassembled like IPv4's (key: addresses and fragment
 * identification) into a data source "Reassembled IPv6"; a fragment that does not
 * complete a datagram has Info "IPv6 fragment (off=0 more=y ident=0x... nxt=17)".
 */
import { addExpert, addText, defineFields, type FieldDef, type FieldNode } from '../field';
import { addField, toHex } from '../fieldValue';
import { ipv6Text } from './addressText';
import { u16, u32 } from './byteRead';
import { addDataItem, addFragmentTree } from './fragmentTree';
import { FragmentTable } from './fragmentTable';
import { dscpLong, dscpShort, ecnLong, ecnShort } from './dscp';
import { ipProtoDisplay } from './ipProtocols';
import { dispatchIpProto, snapTruncated } from './ipv4';
import { markIpPayloadCut } from './ipPayloadCut';
import { addProtocol, markMalformed, moduleState, type PacketContext } from './packetContext';

const f = defineFields({
  version: {
    name: 'ipv6.version',
    label: 'Version',
    type: 'FT_UINT8',
    base: 'BASE_DEC',
    bitmask: 0xf0,
  },
  // Wireshark also adds a hidden ip.version to IPv6, so `ip.version == 6` filters work.
  ipVersion: {
    name: 'ip.version',
    label: 'Version',
    type: 'FT_UINT8',
    base: 'BASE_DEC',
    bitmask: 0xf0,
  },
  dscp: {
    name: 'ipv6.tclass.dscp',
    label: 'Differentiated Services Codepoint',
    type: 'FT_UINT32',
    base: 'BASE_DEC',
    bitmask: 0x0fc00000,
  },
  ecn: {
    name: 'ipv6.tclass.ecn',
    label: 'Explicit Congestion Notification',
    type: 'FT_UINT32',
    base: 'BASE_DEC',
    bitmask: 0x00300000,
  },
  tclass: {
    name: 'ipv6.tclass',
    label: 'Traffic Class',
    type: 'FT_UINT32',
    base: 'BASE_HEX',
    bitmask: 0x0ff00000,
  },
  flow: {
    name: 'ipv6.flow',
    label: 'Flow Label',
    type: 'FT_UINT24',
    base: 'BASE_HEX',
    bitmask: 0xfffff,
  },
  plen: { name: 'ipv6.plen', label: 'Payload Length', type: 'FT_UINT16', base: 'BASE_DEC' },
  nxt: { name: 'ipv6.nxt', label: 'Next Header', type: 'FT_UINT8', base: 'BASE_DEC' },
  hlim: { name: 'ipv6.hlim', label: 'Hop Limit', type: 'FT_UINT8', base: 'BASE_DEC' },
  src: { name: 'ipv6.src', label: 'Source Address', type: 'FT_IPv6' },
  dst: { name: 'ipv6.dst', label: 'Destination Address', type: 'FT_IPv6' },
  addr: { name: 'ipv6.addr', label: 'Source or Destination Address', type: 'FT_IPv6' },
  srcHost: { name: 'ipv6.src_host', label: 'Source Host', type: 'FT_STRING' },
  dstHost: { name: 'ipv6.dst_host', label: 'Destination Host', type: 'FT_STRING' },
  host: { name: 'ipv6.host', label: 'Source or Destination Host', type: 'FT_STRING' },
  fragNxt: { name: 'ipv6.fraghdr.nxt', label: 'Next header', type: 'FT_UINT8', base: 'BASE_DEC' },
  fragRes: {
    name: 'ipv6.fraghdr.reserved_octet',
    label: 'Reserved octet',
    type: 'FT_UINT8',
    base: 'BASE_HEX',
  },
  fragOffset: {
    name: 'ipv6.fraghdr.offset',
    label: 'Offset',
    type: 'FT_UINT16',
    base: 'BASE_DEC',
    bitmask: 0xfff8,
  },
  fragResBits: {
    name: 'ipv6.fraghdr.reserved_bits',
    label: 'Reserved bits',
    type: 'FT_UINT16',
    base: 'BASE_DEC',
    bitmask: 0x6,
  },
  fragMore: {
    name: 'ipv6.fraghdr.more',
    label: 'More Fragments',
    type: 'FT_BOOLEAN',
    bitmask: 0x1,
  },
  fragIdent: {
    name: 'ipv6.fraghdr.ident',
    label: 'Identification',
    type: 'FT_UINT32',
    base: 'BASE_HEX',
  },
  ahNxt: { name: 'ah.next_header', label: 'Next header', type: 'FT_UINT8', base: 'BASE_DEC' },
  ahLen: { name: 'ah.length', label: 'Length', type: 'FT_UINT8', base: 'BASE_DEC' },
  ahSpi: { name: 'ah.spi', label: 'AH SPI', type: 'FT_UINT32', base: 'BASE_HEX' },
  ahSeq: { name: 'ah.sequence', label: 'AH Sequence', type: 'FT_UINT32', base: 'BASE_DEC' },
  ahIcv: { name: 'ah.icv', label: 'AH ICV', type: 'FT_BYTES' },
});

function extensionFields(prefix: string) {
  return defineFields({
    nxt: { name: `${prefix}.nxt`, label: 'Next Header', type: 'FT_UINT8', base: 'BASE_DEC' },
    len: { name: `${prefix}.len`, label: 'Length', type: 'FT_UINT8', base: 'BASE_DEC' },
    lenOct: { name: `${prefix}.len_oct`, label: 'Length', type: 'FT_UINT16', base: 'BASE_DEC' },
  } satisfies Record<string, FieldDef>);
}
const extFields = new Map([
  ['ipv6.hopopts', extensionFields('ipv6.hopopts')],
  ['ipv6.routing', extensionFields('ipv6.routing')],
  ['ipv6.dstopts', extensionFields('ipv6.dstopts')],
]);
const routingFields = defineFields({
  type: { name: 'ipv6.routing.type', label: 'Type', type: 'FT_UINT8', base: 'BASE_DEC' },
  segleft: {
    name: 'ipv6.routing.segleft',
    label: 'Segments Left',
    type: 'FT_UINT8',
    base: 'BASE_DEC',
  },
});

/** Extension headers with the generic (next header, length in 8-octet units) layout. */
const extNames = new Map<number, [string, string]>([
  [0, ['ipv6.hopopts', 'IPv6 Hop-by-Hop Option']],
  [43, ['ipv6.routing', 'Routing Header for IPv6']],
  [60, ['ipv6.dstopts', 'Destination Options for IPv6']],
]);
const routingTypes = new Map<number, string>([
  [0, 'Source Route'],
  [1, 'Nimrod'],
  [2, 'Type 2 Routing'],
  [3, 'RPL Source Route'],
  [4, 'Segment Routing'],
]);

/** At most this many extension headers are followed (a loop of them costs linear time anyway). */
const MAX_EXTENSION_HEADERS = 32;

function ipv6Defrag(ctx: PacketContext): FragmentTable {
  return moduleState(ctx.state, 'ipv6.defrag', () => new FragmentTable());
}

function addFixedHeader(node: FieldNode, b: Uint8Array, source: number, s: number): void {
  const w = u32(b, s);
  addField(node, f.ipVersion, source, s, 1, 6, { word: b[s] as number, hidden: true });
  addField(node, f.version, source, s, 1, 6, { word: b[s] as number });
  const tc = (w >>> 20) & 0xff;
  const dscp = tc >> 2;
  const ecn = tc & 3;
  const tcNode = addField(node, f.tclass, source, s, 4, tc, {
    word: w,
    display: `0x${tc.toString(16).padStart(2, '0')} (DSCP: ${dscpShort.get(dscp) ?? 'Unknown'}, ECN: ${ecnShort[ecn]})`,
  });
  addField(tcNode, f.dscp, source, s, 4, dscp, {
    word: w,
    display: `${dscpLong.get(dscp) ?? 'Unknown'} (${dscp})`,
  });
  addField(tcNode, f.ecn, source, s, 4, ecn, { word: w, display: `${ecnLong[ecn]} (${ecn})` });
  const flow = w & 0xfffff;
  addField(node, f.flow, source, s + 1, 3, flow, {
    word: w & 0xffffff,
    wordBits: 24,
    display: `0x${flow.toString(16).padStart(5, '0')}`,
  });
  addField(node, f.plen, source, s + 4, 2, u16(b, s + 4));
  addField(node, f.nxt, source, s + 6, 1, b[s + 6] as number, {
    display: ipProtoDisplay(b[s + 6] as number),
  });
  addField(node, f.hlim, source, s + 7, 1, b[s + 7] as number);
  const src = ipv6Text(b, s + 8);
  const dst = ipv6Text(b, s + 24);
  addField(node, f.src, source, s + 8, 16, src);
  addField(node, f.addr, source, s + 8, 16, src, { hidden: true });
  addField(node, f.srcHost, source, s + 8, 16, src, { hidden: true });
  addField(node, f.host, source, s + 8, 16, src, { hidden: true });
  addField(node, f.dst, source, s + 24, 16, dst);
  addField(node, f.addr, source, s + 24, 16, dst, { hidden: true });
  addField(node, f.dstHost, source, s + 24, 16, dst, { hidden: true });
  addField(node, f.host, source, s + 24, 16, dst, { hidden: true });
}

export function dissectIpv6(ctx: PacketContext, source: number, start: number, end: number): void {
  const b = ctx.sources[source]!.bytes;
  ctx.protocols.push('ipv6');
  ctx.column.protocol = 'IPv6';
  const available = end - start;
  if (available < 40) {
    const node = addProtocol(
      ctx,
      'ipv6',
      'Internet Protocol Version 6',
      source,
      start,
      Math.max(0, available),
    );
    markMalformed(
      ctx,
      node,
      'IPv6',
      `Invalid IPv6 header (${available} bytes, need exactly 40)`,
      source,
      start,
    );
    return;
  }
  if ((b[start] as number) >> 4 !== 6) {
    const node = addProtocol(ctx, 'ipv6', 'Internet Protocol Version 6', source, start, 40);
    addExpert(node, 'error', 'Bogus IPv6 version');
    return;
  }
  const node =
    ctx.tree === null
      ? null
      : addProtocol(
          ctx,
          'ipv6',
          `Internet Protocol Version 6, Src: ${ipv6Text(b, start + 8)}, Dst: ${ipv6Text(b, start + 24)}`,
          source,
          start,
          40,
        );
  if (node) addFixedHeader(node, b, source, start);
  ctx.net.ipVersion = 6;
  ctx.net.src = { source, start: start + 8, length: 16 };
  ctx.net.dst = { source, start: start + 24, length: 16 };
  const plen = u16(b, start + 4);
  let ipEnd = start + 40 + plen;
  if (plen === 0) ipEnd = end; // jumbogram or TSO: Wireshark takes the frame's length
  if (ipEnd > end) {
    if (!snapTruncated(ctx, source))
      addExpert(
        node,
        'error',
        `IPv6 payload length exceeds framing length (${available - 40} bytes)`,
      );
    markIpPayloadCut(ctx);
    ipEnd = end;
  }
  let nxt = b[start + 6] as number;
  let at = start + 40;
  for (let i = 0; i < MAX_EXTENSION_HEADERS; i++) {
    const ext = extNames.get(nxt);
    if (ext !== undefined) {
      if (ipEnd - at < 2) return malformedExt(ctx, node, source, at);
      const len = ((b[at + 1] as number) + 1) * 8;
      if (at + len > ipEnd) return malformedExt(ctx, node, source, at);
      ctx.protocols.push(ext[0]);
      if (node) addExtensionItem(node, b, source, at, len, nxt, ext);
      nxt = b[at] as number;
      at += len;
    } else if (nxt === 51) {
      if (ipEnd - at < 12) return malformedExt(ctx, node, source, at);
      const len = ((b[at + 1] as number) + 2) * 4;
      if (at + len > ipEnd) return malformedExt(ctx, node, source, at);
      ctx.protocols.push('ah');
      if (node) addAhItem(node, b, source, at, len);
      nxt = b[at] as number;
      at += len;
    } else if (nxt === 44) {
      if (ipEnd - at < 8) return malformedExt(ctx, node, source, at);
      ctx.protocols.push('ipv6.fraghdr');
      dissectFragment(ctx, node, source, start, at, ipEnd);
      return;
    } else break;
  }
  dispatchIpProto(ctx, nxt, source, at, ipEnd);
}

function malformedExt(
  ctx: PacketContext,
  node: FieldNode | null,
  source: number,
  at: number,
): void {
  markMalformed(ctx, node, 'IPv6', 'IPv6 extension header truncated', source, at);
}

function addExtensionItem(
  node: FieldNode,
  b: Uint8Array,
  source: number,
  at: number,
  len: number,
  type: number,
  ext: [string, string],
): void {
  const prefix = ext[0];
  let title = ext[1];
  if (type === 43) title += ` (${routingTypes.get(b[at + 2] as number) ?? 'Unknown'})`;
  const item = addText(node, title, source, at, len);
  if (!item) return;
  item.name = prefix;
  const d = extFields.get(prefix);
  if (d === undefined) return;
  const nxt = b[at] as number;
  addField(item, d.nxt, source, at, 1, nxt, { display: ipProtoDisplay(nxt) });
  addField(item, d.len, source, at + 1, 1, b[at + 1] as number);
  addField(item, d.lenOct, source, at + 1, 1, len, {
    display: `${len} bytes`,
    generated: true,
  });
  if (type === 43) {
    const rt = b[at + 2] as number;
    addField(item, routingFields.type, source, at + 2, 1, rt, {
      display: `${routingTypes.get(rt) ?? 'Unknown'} (${rt})`,
    });
    addField(item, routingFields.segleft, source, at + 3, 1, b[at + 3] as number);
  }
}

function addAhItem(node: FieldNode, b: Uint8Array, source: number, at: number, len: number): void {
  const item = addText(node, 'Authentication Header', source, at, len);
  if (!item) return;
  item.name = 'ah';
  addField(item, f.ahNxt, source, at, 1, b[at] as number, {
    display: ipProtoDisplay(b[at] as number),
  });
  addField(item, f.ahLen, source, at + 1, 1, b[at + 1] as number, {
    display: `${b[at + 1]} (${len} bytes)`,
  });
  addField(item, f.ahSpi, source, at + 4, 4, u32(b, at + 4), {
    display: `0x${u32(b, at + 4)
      .toString(16)
      .padStart(8, '0')}`,
  });
  addField(item, f.ahSeq, source, at + 8, 4, u32(b, at + 8));
  if (len > 12)
    addField(item, f.ahIcv, source, at + 12, len - 12, b.subarray(at + 12, at + len), {
      show: toHex(b.subarray(at + 12, at + len)),
    });
}

function dissectFragment(
  ctx: PacketContext,
  node: FieldNode | null,
  source: number,
  ipStart: number,
  at: number,
  ipEnd: number,
): void {
  const b = ctx.sources[source]!.bytes;
  const nxt = b[at] as number;
  const ow = u16(b, at + 2);
  const offset = ow & 0xfff8; // already in bytes: 8-byte units << 3
  const more = (ow & 1) !== 0;
  const ident = u32(b, at + 4);
  const identHex = `0x${ident.toString(16).padStart(8, '0')}`;
  if (node) {
    const item = addText(node, 'Fragment Header for IPv6', source, at, 8);
    if (item) {
      item.name = 'ipv6.fraghdr';
      addField(item, f.fragNxt, source, at, 1, nxt, { display: ipProtoDisplay(nxt) });
      addField(item, f.fragRes, source, at + 1, 1, b[at + 1] as number);
      addField(item, f.fragOffset, source, at + 2, 2, offset >> 3, {
        word: ow,
        display: `${offset >> 3} (${offset} bytes)`,
      });
      addField(item, f.fragResBits, source, at + 2, 2, (ow >> 1) & 3, { word: ow });
      addField(item, f.fragMore, source, at + 2, 2, more, {
        word: ow,
        wordBits: 16,
        display: more ? 'Yes' : 'No',
      });
      addField(item, f.fragIdent, source, at + 4, 4, ident, { display: identHex, show: identHex });
    }
  }
  const dataStart = at + 8;
  if (!more && offset === 0) {
    // An atomic fragment (RFC 6946): nothing to reassemble.
    dispatchIpProto(ctx, nxt, source, dataStart, ipEnd);
    return;
  }
  const table = ipv6Defrag(ctx);
  const key = `6 ${toHex(b.subarray(ipStart + 8, ipStart + 40))} ${ident}`;
  const whole = table.accept(
    key,
    ctx.meta.frame,
    ctx.meta.timeNs,
    offset,
    b.subarray(dataStart, ipEnd),
    more,
    ipStart + 40 + u16(b, ipStart + 4) <= ipEnd,
  );
  if (whole === undefined) {
    ctx.protocols.push('data');
    if (ctx.tree !== null) {
      ctx.column.info = `IPv6 fragment (off=${offset} more=${more ? 'y' : 'n'} ident=${identHex} nxt=${nxt})`;
      addDataItem(ctx.tree, source, dataStart, ipEnd - dataStart, b);
    }
    return;
  }
  ctx.sources.push({ name: 'Reassembled IPv6', bytes: whole.bytes });
  const reSource = ctx.sources.length - 1;
  addFragmentTree(node, 'ipv6', 'IPv6', whole, reSource);
  dispatchIpProto(ctx, nxt, reSource, 0, whole.bytes.length);
}
