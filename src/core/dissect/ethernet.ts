/**
 * Ethernet II (link type 1) and the 802.1Q / 802.1ad VLAN tags that may follow it, as
 * Wireshark's eth, vlan and ieee8021ad dissectors show them. 802.3 frames (type <= 1500)
 * carry LLC, never DNS over IP here: they stop after the header.
 */
import { addField } from '../fieldValue';
import { defineFields, type FieldNode } from '../field';
import { macText } from './addressText';
import { u16 } from './byteRead';
import { dispatchEtherType, EtherType, etherTypeDisplay } from './etherType';
import { addProtocol, markMalformed, type PacketContext } from './packetContext';

const f = defineFields({
  dst: { name: 'eth.dst', label: 'Destination', type: 'FT_ETHER' },
  src: { name: 'eth.src', label: 'Source', type: 'FT_ETHER' },
  type: { name: 'eth.type', label: 'Type', type: 'FT_UINT16', base: 'BASE_HEX' },
  addr: { name: 'eth.addr', label: 'Address', type: 'FT_ETHER' },
  dstLg: { name: 'eth.dst.lg', label: 'LG bit', type: 'FT_BOOLEAN', bitmask: 0x20000 },
  dstIg: { name: 'eth.dst.ig', label: 'IG bit', type: 'FT_BOOLEAN', bitmask: 0x10000 },
  srcLg: { name: 'eth.src.lg', label: 'LG bit', type: 'FT_BOOLEAN', bitmask: 0x20000 },
  srcIg: { name: 'eth.src.ig', label: 'IG bit', type: 'FT_BOOLEAN', bitmask: 0x10000 },
  lg: { name: 'eth.lg', label: 'LG bit', type: 'FT_BOOLEAN', bitmask: 0x20000 },
  ig: { name: 'eth.ig', label: 'IG bit', type: 'FT_BOOLEAN', bitmask: 0x10000 },
  len: { name: 'eth.len', label: 'Length', type: 'FT_UINT16', base: 'BASE_DEC' },
  padding: { name: 'eth.padding', label: 'Padding', type: 'FT_BYTES' },
  vlanPri: {
    name: 'vlan.priority',
    label: 'Priority',
    type: 'FT_UINT16',
    base: 'BASE_DEC',
    bitmask: 0xe000,
  },
  vlanDei: { name: 'vlan.dei', label: 'DEI', type: 'FT_BOOLEAN', bitmask: 0x1000 },
  vlanId: { name: 'vlan.id', label: 'ID', type: 'FT_UINT16', base: 'BASE_DEC', bitmask: 0x0fff },
  vlanType: { name: 'vlan.etype', label: 'Type', type: 'FT_UINT16', base: 'BASE_HEX' },
  adPri: {
    name: 'ieee8021ad.priority',
    label: 'Priority',
    type: 'FT_UINT16',
    base: 'BASE_DEC',
    bitmask: 0xe000,
  },
  adDei: {
    name: 'ieee8021ad.dei',
    label: 'DEI',
    type: 'FT_UINT16',
    base: 'BASE_DEC',
    bitmask: 0x1000,
  },
  adId: {
    name: 'ieee8021ad.id',
    label: 'ID',
    type: 'FT_UINT16',
    base: 'BASE_DEC',
    bitmask: 0x0fff,
  },
  // Wireshark 4.0 registers the 802.1ad inner type under the 802.1ah field name.
  adType: { name: 'ieee8021ah.etype', label: 'Type', type: 'FT_UINT16', base: 'BASE_HEX' },
});

const priorityNames = [
  'Best Effort (default)',
  'Background',
  'Excellent Effort',
  'Critical Applications',
  'Video, < 100ms latency and jitter',
  'Voice, < 10ms latency and jitter',
  'Internetwork Control',
  'Network Control',
];

/**
 * Destination or Source with Wireshark's children: the address again (eth.addr) and the
 * LG / IG bits of its first octet, shown over the first three octets. Wireshark also
 * resolves the vendor prefix (CIMSYS_33:44:55); DNSpector has no OUI table and prints
 * the plain address.
 */
function addMac(node: FieldNode, b: Uint8Array, source: number, at: number, dst: boolean): void {
  const text = macText(b, at);
  const item = addField(node, dst ? f.dst : f.src, source, at, 6, text);
  addField(item, f.addr, source, at, 6, text);
  const word = ((b[at] as number) << 16) | ((b[at + 1] as number) << 8) | (b[at + 2] as number);
  const lg = (word & 0x20000) !== 0;
  const ig = (word & 0x10000) !== 0;
  const lgText = lg
    ? 'Locally administered address (this is NOT the factory default)'
    : 'Globally unique address (factory default)';
  const igText = ig ? 'Group address (multicast/broadcast)' : 'Individual address (unicast)';
  addField(item, dst ? f.dstLg : f.srcLg, source, at, 3, lg, {
    word,
    wordBits: 24,
    display: lgText,
  });
  addField(item, f.lg, source, at, 3, lg, { word, wordBits: 24, display: lgText, hidden: true });
  addField(item, dst ? f.dstIg : f.srcIg, source, at, 3, ig, {
    word,
    wordBits: 24,
    display: igText,
  });
  addField(item, f.ig, source, at, 3, ig, { word, wordBits: 24, display: igText, hidden: true });
}

/** Bytes the IP header says the packet has, for Ethernet padding; -1 if unknown. */
function ipLength(b: Uint8Array, type: number, start: number, end: number): number {
  if (type === EtherType.IPV4 && end - start >= 4 && (b[start] as number) >> 4 === 4)
    return u16(b, start + 2);
  if (type === EtherType.IPV6 && end - start >= 6 && (b[start] as number) >> 4 === 6)
    return 40 + u16(b, start + 4);
  return -1;
}

export function dissectEthernet(
  ctx: PacketContext,
  source: number,
  start: number,
  end: number,
): void {
  const b = ctx.sources[source]!.bytes;
  ctx.protocols.push('eth');
  const available = end - start;
  const node =
    ctx.tree === null
      ? null
      : addProtocol(
          ctx,
          'eth',
          available >= 12
            ? `Ethernet II, Src: ${macText(b, start + 6)}, Dst: ${macText(b, start)}`
            : 'Ethernet II',
          source,
          start,
          Math.min(14, available),
        );
  if (available < 14) {
    if (node && available >= 6) addField(node, f.dst, source, start, 6, macText(b, start));
    if (node && available >= 12) addField(node, f.src, source, start + 6, 6, macText(b, start + 6));
    markMalformed(ctx, node, 'Ethernet', 'Ethernet header truncated', source, start);
    return;
  }
  const type = u16(b, start + 12);
  if (node) {
    addMac(node, b, source, start, true);
    addMac(node, b, source, start + 6, false);
  }
  if (type <= 1500) {
    addField(node, f.len, source, start + 12, 2, type);
    return;
  }
  if (node)
    addField(node, f.type, source, start + 12, 2, type, { display: etherTypeDisplay(type) });
  const ipLen = ipLength(b, type, start + 14, end);
  const payloadEnd = ipLen >= 0 && start + 14 + ipLen < end ? start + 14 + ipLen : end;
  dispatchEtherType(ctx, type, source, start + 14, end);
  if (node && payloadEnd < end) {
    addField(node, f.padding, source, payloadEnd, end - payloadEnd, b.subarray(payloadEnd, end));
  }
}

/** 802.1Q (0x8100, and the old 0x9100) tag: TCI then the inner ethertype. */
export function dissectVlan(ctx: PacketContext, source: number, start: number, end: number): void {
  const b = ctx.sources[source]!.bytes;
  ctx.protocols.push('vlan');
  if (end - start < 4) {
    const node = addProtocol(ctx, 'vlan', '802.1Q Virtual LAN', source, start, end - start);
    markMalformed(ctx, node, '802.1Q Virtual LAN', '802.1Q tag truncated', source, start);
    return;
  }
  const tci = u16(b, start);
  const type = u16(b, start + 2);
  if (ctx.tree !== null) {
    const pri = tci >> 13;
    const dei = (tci >> 12) & 1;
    const id = tci & 0xfff;
    const node = addProtocol(
      ctx,
      'vlan',
      `802.1Q Virtual LAN, PRI: ${pri}, DEI: ${dei}, ID: ${id}`,
      source,
      start,
      4,
    );
    addField(node, f.vlanPri, source, start, 2, pri, {
      word: tci,
      display: `${priorityNames[pri]} (${pri})`,
    });
    addField(node, f.vlanDei, source, start, 2, dei === 1, {
      word: tci,
      wordBits: 16,
      display: dei ? 'Eligible' : 'Ineligible',
    });
    addField(node, f.vlanId, source, start, 2, id, { word: tci });
    addField(node, f.vlanType, source, start + 2, 2, type, { display: etherTypeDisplay(type) });
  }
  dispatchEtherType(ctx, type, source, start + 4, end);
}

/** 802.1ad service tag (0x88a8): Wireshark's ieee8021ad, then the inner ethertype. */
export function dissectIeee8021ad(
  ctx: PacketContext,
  source: number,
  start: number,
  end: number,
): void {
  const b = ctx.sources[source]!.bytes;
  ctx.protocols.push('ieee8021ad');
  if (end - start < 4) {
    const node = addProtocol(ctx, 'ieee8021ad', 'IEEE 802.1ad', source, start, end - start);
    markMalformed(ctx, node, 'IEEE 802.1ad', '802.1ad tag truncated', source, start);
    return;
  }
  const tci = u16(b, start);
  const type = u16(b, start + 2);
  if (ctx.tree !== null) {
    const id = tci & 0xfff;
    const node = addProtocol(ctx, 'ieee8021ad', `IEEE 802.1ad, ID: ${id}`, source, start, 4);
    addField(node, f.adPri, source, start, 1, tci >> 13, { word: tci, wordBits: 16 });
    addField(node, f.adDei, source, start, 1, (tci >> 12) & 1, { word: tci, wordBits: 16 });
    addField(node, f.adId, source, start, 2, id, { word: tci });
    addField(node, f.adType, source, start + 2, 2, type, { display: etherTypeDisplay(type) });
  }
  dispatchEtherType(ctx, type, source, start + 4, end);
}
