/**
 * IPv4 (RFC 791) as Wireshark's ip dissector shows it: header fields, options skipped by
 * the header length (listed as one "Options" item), and fragment reassembly (Wireshark's
 * default ip.defragment): a datagram's payload is dissected in the frame whose fragment
 * completes it, from a new data source "Reassembled IPv4"; other fragments show as data
 * with Info "Fragmented IP protocol (proto=UDP 17, off=0, ID=04d2)".
 */
import { addExpert, defineFields, type FieldNode } from '../field';
import { addField, toHex } from '../fieldValue';
import { ipv4Text } from './addressText';
import { u16 } from './byteRead';
import { addDataItem, addFragmentTree } from './fragmentTree';
import { FragmentTable } from './fragmentTable';
import { dscpLong, dscpShort, ecnLong, ecnShort } from './dscp';
import { ipProtoDisplay, ipProtoName } from './ipProtocols';
import { markIpPayloadCut } from './ipPayloadCut';
import { addProtocol, markMalformed, moduleState, type PacketContext } from './packetContext';
import { ipProtoTable } from './registry';

const f = defineFields({
  version: {
    name: 'ip.version',
    label: 'Version',
    type: 'FT_UINT8',
    base: 'BASE_DEC',
    bitmask: 0xf0,
  },
  hdrLen: {
    name: 'ip.hdr_len',
    label: 'Header Length',
    type: 'FT_UINT8',
    base: 'BASE_DEC',
    bitmask: 0x0f,
  },
  dsfield: {
    name: 'ip.dsfield',
    label: 'Differentiated Services Field',
    type: 'FT_UINT8',
    base: 'BASE_HEX',
  },
  dscp: {
    name: 'ip.dsfield.dscp',
    label: 'Differentiated Services Codepoint',
    type: 'FT_UINT8',
    base: 'BASE_DEC',
    bitmask: 0xfc,
  },
  ecn: {
    name: 'ip.dsfield.ecn',
    label: 'Explicit Congestion Notification',
    type: 'FT_UINT8',
    base: 'BASE_DEC',
    bitmask: 0x03,
  },
  len: { name: 'ip.len', label: 'Total Length', type: 'FT_UINT16', base: 'BASE_DEC' },
  id: { name: 'ip.id', label: 'Identification', type: 'FT_UINT16', base: 'BASE_HEX_DEC' },
  flags: { name: 'ip.flags', label: 'Flags', type: 'FT_UINT8', base: 'BASE_HEX', bitmask: 0xe0 },
  rb: { name: 'ip.flags.rb', label: 'Reserved bit', type: 'FT_BOOLEAN', bitmask: 0x80 },
  df: { name: 'ip.flags.df', label: "Don't fragment", type: 'FT_BOOLEAN', bitmask: 0x40 },
  mf: { name: 'ip.flags.mf', label: 'More fragments', type: 'FT_BOOLEAN', bitmask: 0x20 },
  fragOffset: {
    name: 'ip.frag_offset',
    label: 'Fragment Offset',
    type: 'FT_UINT16',
    base: 'BASE_DEC',
    bitmask: 0x1fff,
  },
  ttl: { name: 'ip.ttl', label: 'Time to Live', type: 'FT_UINT8', base: 'BASE_DEC' },
  proto: { name: 'ip.proto', label: 'Protocol', type: 'FT_UINT8', base: 'BASE_DEC' },
  checksum: { name: 'ip.checksum', label: 'Header Checksum', type: 'FT_UINT16', base: 'BASE_HEX' },
  checksumStatus: {
    name: 'ip.checksum.status',
    label: 'Header checksum status',
    type: 'FT_UINT8',
    base: 'BASE_NONE',
  },
  src: { name: 'ip.src', label: 'Source Address', type: 'FT_IPv4' },
  dst: { name: 'ip.dst', label: 'Destination Address', type: 'FT_IPv4' },
  addr: { name: 'ip.addr', label: 'Source or Destination Address', type: 'FT_IPv4' },
  srcHost: { name: 'ip.src_host', label: 'Source Host', type: 'FT_STRING' },
  dstHost: { name: 'ip.dst_host', label: 'Destination Host', type: 'FT_STRING' },
  host: { name: 'ip.host', label: 'Source or Destination Host', type: 'FT_STRING' },
  options: { name: 'ip.options', label: 'Options', type: 'FT_BYTES' },
});

const hex2 = (v: number): string => v.toString(16).padStart(2, '0');
const hex4 = (v: number): string => v.toString(16).padStart(4, '0');

function ipv4Defrag(ctx: PacketContext): FragmentTable {
  return moduleState(ctx.state, 'ipv4.defrag', () => new FragmentTable());
}

function addHeaderFields(
  node: FieldNode,
  b: Uint8Array,
  source: number,
  s: number,
  hdrLen: number,
  totalLen: number,
): void {
  const vihl = b[s] as number;
  addField(node, f.version, source, s, 1, vihl >> 4, { word: vihl });
  addField(node, f.hdrLen, source, s, 1, hdrLen, {
    word: vihl,
    display: `${hdrLen} bytes (${vihl & 15})`,
  });
  const ds = b[s + 1] as number;
  const dscp = ds >> 2;
  const ecn = ds & 3;
  const dsNode = addField(node, f.dsfield, source, s + 1, 1, ds, {
    display: `0x${hex2(ds)} (DSCP: ${dscpShort.get(dscp) ?? 'Unknown'}, ECN: ${ecnShort[ecn]})`,
  });
  addField(dsNode, f.dscp, source, s + 1, 1, dscp, {
    word: ds,
    display: `${dscpLong.get(dscp) ?? 'Unknown'} (${dscp})`,
  });
  addField(dsNode, f.ecn, source, s + 1, 1, ecn, { word: ds, display: `${ecnLong[ecn]} (${ecn})` });
  addField(node, f.len, source, s + 2, 2, totalLen);
  const id = u16(b, s + 4);
  addField(node, f.id, source, s + 4, 2, id, {
    show: `0x${hex4(id)}`,
    display: `0x${hex4(id)} (${id})`,
  });
  const fw = u16(b, s + 6);
  const flags = fw >> 13;
  const names = [
    flags & 4 ? 'Reserved bit' : '',
    flags & 2 ? "Don't fragment" : '',
    flags & 1 ? 'More fragments' : '',
  ]
    .filter((x) => x !== '')
    .join(', ');
  const flagsNode = addField(node, f.flags, source, s + 6, 1, flags, {
    word: fw >> 8,
    wordBits: 8,
    display: `0x${flags.toString(16)}${names ? ', ' + names : ''}`,
    show: `0x${hex2(flags)}`,
  });
  const setText = (v: number): string => (v ? 'Set' : 'Not set');
  addField(flagsNode, f.rb, source, s + 6, 1, (flags & 4) !== 0, {
    word: fw >> 8,
    wordBits: 8,
    display: setText(flags & 4),
  });
  addField(flagsNode, f.df, source, s + 6, 1, (flags & 2) !== 0, {
    word: fw >> 8,
    wordBits: 8,
    display: setText(flags & 2),
  });
  addField(flagsNode, f.mf, source, s + 6, 1, (flags & 1) !== 0, {
    word: fw >> 8,
    wordBits: 8,
    display: setText(flags & 1),
  });
  const off = fw & 0x1fff;
  // -T fields prints the 8-byte units, the tree the byte offset.
  addField(node, f.fragOffset, source, s + 6, 2, off, { word: fw, display: String(off * 8) });
  addField(node, f.ttl, source, s + 8, 1, b[s + 8] as number);
  const proto = b[s + 9] as number;
  addField(node, f.proto, source, s + 9, 1, proto, { display: ipProtoDisplay(proto) });
  const ck = u16(b, s + 10);
  addField(node, f.checksum, source, s + 10, 2, ck, {
    display: `0x${hex4(ck)} [validation disabled]`,
  });
  addField(node, f.checksumStatus, source, s + 10, 0, 2, {
    display: 'Unverified',
    generated: true,
  });
  const src = ipv4Text(b, s + 12);
  const dst = ipv4Text(b, s + 16);
  addField(node, f.src, source, s + 12, 4, src);
  addField(node, f.addr, source, s + 12, 4, src, { hidden: true });
  addField(node, f.srcHost, source, s + 12, 4, src, { hidden: true });
  addField(node, f.host, source, s + 12, 4, src, { hidden: true });
  addField(node, f.dst, source, s + 16, 4, dst);
  addField(node, f.addr, source, s + 16, 4, dst, { hidden: true });
  addField(node, f.dstHost, source, s + 16, 4, dst, { hidden: true });
  addField(node, f.host, source, s + 16, 4, dst, { hidden: true });
  if (hdrLen > 20) {
    const opts = b.subarray(s + 20, s + hdrLen);
    addField(node, f.options, source, s + 20, hdrLen - 20, opts, {
      label: `Options: (${hdrLen - 20} bytes)`,
      show: toHex(opts),
    });
  }
}

export function dissectIpv4(ctx: PacketContext, source: number, start: number, end: number): void {
  const b = ctx.sources[source]!.bytes;
  ctx.protocols.push('ip');
  ctx.column.protocol = 'IPv4';
  const available = end - start;
  if (available < 20 || (b[start] as number) >> 4 !== 4) {
    const node = addProtocol(
      ctx,
      'ip',
      'Internet Protocol Version 4',
      source,
      start,
      Math.max(0, available),
    );
    if (available >= 1 && (b[start] as number) >> 4 !== 4) {
      addExpert(node, 'error', 'Bogus IPv4 version');
      return;
    }
    markMalformed(ctx, node, 'IPv4', 'IPv4 header truncated', source, start);
    return;
  }
  const hdrLen = ((b[start] as number) & 15) * 4;
  let totalLen = u16(b, start + 2);
  const node =
    ctx.tree === null
      ? null
      : addProtocol(
          ctx,
          'ip',
          'Internet Protocol Version 4',
          source,
          start,
          Math.min(hdrLen, available),
        );
  if (hdrLen < 20) {
    if (node) {
      addField(node, f.version, source, start, 1, 4, { word: b[start] as number });
      addField(node, f.hdrLen, source, start, 1, hdrLen, {
        word: b[start] as number,
        display: `${hdrLen} bytes (${hdrLen / 4})`,
      });
      addExpert(node, 'error', `Bogus IP header length (${hdrLen}, must be at least 20)`);
    }
    return;
  }
  if (hdrLen > available) {
    markMalformed(ctx, node, 'IPv4', 'IPv4 options truncated', source, start + 20);
    return;
  }
  if (totalLen === 0) totalLen = available; // TCP segmentation offload: Wireshark uses the frame
  if (totalLen < hdrLen) {
    if (node) {
      addHeaderFields(node, b, source, start, hdrLen, totalLen);
      addExpert(node, 'error', `Bogus IP length (${totalLen}, less than header length ${hdrLen})`);
    }
    return;
  }
  let ipEnd = start + totalLen;
  if (ipEnd > end) {
    // Cut by the snap length is not an error (tshark: "Packet size limited during capture").
    if (!snapTruncated(ctx, source))
      addExpert(node, 'error', `IPv4 total length exceeds packet length (${available} bytes)`);
    markIpPayloadCut(ctx);
    ipEnd = end;
  }
  const net = ctx.net;
  net.ipVersion = 4;
  net.src = { source, start: start + 12, length: 4 };
  net.dst = { source, start: start + 16, length: 4 };
  const proto = b[start + 9] as number;
  const fw = u16(b, start + 6);
  const more = (fw & 0x2000) !== 0;
  const fragOff = (fw & 0x1fff) * 8;
  if (node) {
    node.label = `Internet Protocol Version 4, Src: ${ipv4Text(b, start + 12)}, Dst: ${ipv4Text(b, start + 16)}`;
    node.show = node.label;
    addHeaderFields(node, b, source, start, hdrLen, u16(b, start + 2));
  }
  const payloadStart = start + hdrLen;
  if (!more && fragOff === 0) {
    dispatchIpProto(ctx, proto, source, payloadStart, ipEnd);
    return;
  }
  // A fragment: reassemble (only fragments captured whole take part, as in Wireshark).
  const table = ipv4Defrag(ctx);
  const key = `4 ${u16(b, start + 12)} ${u16(b, start + 14)} ${u16(b, start + 16)} ${u16(b, start + 18)} ${u16(b, start + 4)} ${proto}`;
  const whole = table.accept(
    key,
    ctx.meta.frame,
    ctx.meta.timeNs,
    fragOff,
    b.subarray(payloadStart, ipEnd),
    more,
    start + totalLen <= end,
  );
  if (whole === undefined) {
    ctx.protocols.push('data');
    if (ctx.tree !== null) {
      ctx.column.info = `Fragmented IP protocol (proto=${ipProtoName(proto)} ${proto}, off=${fragOff}, ID=${hex4(u16(b, start + 4))})`;
      addDataItem(ctx.tree, source, payloadStart, ipEnd - payloadStart, b);
    } else {
      ctx.column.info = '';
    }
    return;
  }
  ctx.sources.push({ name: 'Reassembled IPv4', bytes: whole.bytes });
  const reSource = ctx.sources.length - 1;
  addFragmentTree(node, 'ip', 'IPv4', whole, reSource);
  dispatchIpProto(ctx, proto, reSource, 0, whole.bytes.length);
}

/** True when the frame was cut by the capture's snap length (only frame bytes can be). */
export function snapTruncated(ctx: PacketContext, source: number): boolean {
  return source === 0 && ctx.meta.capturedLength < ctx.meta.originalLength;
}

/** Hands an IP payload to the transport registered for its protocol number. */
export function dispatchIpProto(
  ctx: PacketContext,
  proto: number,
  source: number,
  start: number,
  end: number,
): void {
  const next = ipProtoTable.get(proto);
  if (next === undefined) {
    ctx.protocols.push('data');
    return;
  }
  next(ctx, source, start, end);
}
