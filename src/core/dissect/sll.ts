/**
 * Linux "cooked" captures: SLL (link type 113, 16-byte header) and SLL2 (276, 20-byte
 * header), as Wireshark's sll dissector shows both (protocol name "sll" for either).
 */
import { addField, toHex } from '../fieldValue';
import { defineFields, type FieldNode } from '../field';
import { macText } from './addressText';
import { u16, u32 } from './byteRead';
import { dispatchEtherType, etherTypeDisplay } from './etherType';
import { addProtocol, markMalformed, type PacketContext } from './packetContext';

const f = defineFields({
  pkttype: { name: 'sll.pkttype', label: 'Packet type', type: 'FT_UINT16', base: 'BASE_DEC' },
  pkttype8: { name: 'sll.pkttype', label: 'Packet type', type: 'FT_UINT8', base: 'BASE_DEC' },
  hatype: {
    name: 'sll.hatype',
    label: 'Link-layer address type',
    type: 'FT_UINT16',
    base: 'BASE_DEC',
  },
  halen: {
    name: 'sll.halen',
    label: 'Link-layer address length',
    type: 'FT_UINT16',
    base: 'BASE_DEC',
  },
  halen8: {
    name: 'sll.halen',
    label: 'Link-layer address length',
    type: 'FT_UINT8',
    base: 'BASE_DEC',
  },
  srcEth: { name: 'sll.src.eth', label: 'Source', type: 'FT_ETHER' },
  srcOther: { name: 'sll.src.other', label: 'Source', type: 'FT_BYTES' },
  unused: { name: 'sll.unused', label: 'Unused', type: 'FT_BYTES' },
  etype: { name: 'sll.etype', label: 'Protocol', type: 'FT_UINT16', base: 'BASE_HEX' },
  ltype: { name: 'sll.ltype', label: 'Protocol', type: 'FT_UINT16', base: 'BASE_HEX' },
  ifindex: { name: 'sll.ifindex', label: 'Interface index', type: 'FT_UINT32', base: 'BASE_DEC' },
});

const packetTypes = [
  'Unicast to us',
  'Broadcast',
  'Multicast',
  'Unicast to another host',
  'Sent by us',
];
const hardwareTypes = new Map<number, string>([
  [1, 'Ethernet'],
  [512, 'PPP'],
  [772, 'Loopback'],
  [776, 'IPv6-in-IPv4'],
  [778, 'GRE over IP'],
  [65534, 'None'],
]);

function packetTypeText(t: number): string {
  return `${packetTypes[t] ?? 'Unknown'} (${t})`;
}

function addAddress(
  node: FieldNode | null,
  b: Uint8Array,
  source: number,
  at: number,
  halen: number,
): void {
  if (!node) return;
  const n = Math.min(halen, 8);
  if (n === 6) {
    addField(node, f.srcEth, source, at, 6, macText(b, at));
    addField(node, f.unused, source, at + 6, 2, b.subarray(at + 6, at + 8), {
      display: toHex(b.subarray(at + 6, at + 8)),
    });
  } else if (n > 0) {
    addField(node, f.srcOther, source, at, n, b.subarray(at, at + n));
  }
}

function addProtocolType(node: FieldNode | null, source: number, at: number, type: number): void {
  if (!node) return;
  if (type > 1500)
    addField(node, f.etype, source, at, 2, type, { display: etherTypeDisplay(type) });
  else addField(node, f.ltype, source, at, 2, type);
}

export function dissectSll(ctx: PacketContext, source: number, start: number, end: number): void {
  const b = ctx.sources[source]!.bytes;
  ctx.protocols.push('sll');
  const node = addProtocol(
    ctx,
    'sll',
    'Linux cooked capture v1',
    source,
    start,
    Math.min(16, end - start),
  );
  if (end - start < 16) {
    markMalformed(ctx, node, 'SLL', 'Linux cooked header truncated', source, start);
    return;
  }
  const type = u16(b, start + 14);
  if (node) {
    const pkttype = u16(b, start);
    const hatype = u16(b, start + 2);
    const halen = u16(b, start + 4);
    addField(node, f.pkttype, source, start, 2, pkttype, { display: packetTypeText(pkttype) });
    addField(node, f.hatype, source, start + 2, 2, hatype, {
      display: `${hardwareTypes.get(hatype) ?? 'Unknown'} (${hatype})`,
    });
    addField(node, f.halen, source, start + 4, 2, halen);
    addAddress(node, b, source, start + 6, halen);
    addProtocolType(node, source, start + 14, type);
  }
  if (type > 1500) dispatchEtherType(ctx, type, source, start + 16, end);
}

export function dissectSll2(ctx: PacketContext, source: number, start: number, end: number): void {
  const b = ctx.sources[source]!.bytes;
  ctx.protocols.push('sll');
  const node = addProtocol(
    ctx,
    'sll',
    'Linux cooked capture v2',
    source,
    start,
    Math.min(20, end - start),
  );
  if (end - start < 20) {
    markMalformed(ctx, node, 'SLL', 'Linux cooked v2 header truncated', source, start);
    return;
  }
  const type = u16(b, start);
  if (node) {
    const hatype = u16(b, start + 8);
    const pkttype = b[start + 10] as number;
    const halen = b[start + 11] as number;
    addProtocolType(node, source, start, type);
    addField(node, f.ifindex, source, start + 4, 4, u32(b, start + 4));
    addField(node, f.hatype, source, start + 8, 2, hatype, {
      display: `${hardwareTypes.get(hatype) ?? 'Unknown'} (${hatype})`,
    });
    addField(node, f.pkttype8, source, start + 10, 1, pkttype, {
      display: packetTypeText(pkttype),
    });
    addField(node, f.halen8, source, start + 11, 1, halen);
    addAddress(node, b, source, start + 12, halen);
  }
  if (type > 1500) dispatchEtherType(ctx, type, source, start + 20, end);
}
