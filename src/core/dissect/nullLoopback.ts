/**
 * BSD loopback encapsulations: NULL (link type 0), a 4-byte address family in the byte
 * order of the capturing host, and LOOP (108), the same in network byte order. Like
 * Wireshark, NULL reads the family little-endian and byte-swaps it when the upper 16
 * bits are set (families are small numbers); a value above 1500 is an ethertype.
 */
import { addField } from '../fieldValue';
import { defineFields } from '../field';
import { u32, u32le } from './byteRead';
import { dispatchEtherType } from './etherType';
import { addProtocol, markMalformed, type PacketContext } from './packetContext';
import { nullFamilyTable } from './registry';

const { family: familyField } = defineFields({
  family: { name: 'null.family', label: 'Family', type: 'FT_UINT32', base: 'BASE_DEC' },
});

const familyNames = new Map<number, string>([
  [2, 'IP'],
  [7, 'OSI'],
  [16, 'Appletalk'],
  [23, 'Netware IPX/SPX'],
  [24, 'IPv6'],
  [28, 'IPv6'],
  [30, 'IPv6'],
]);

function swap32(v: number): number {
  return (((v & 0xff) << 24) | ((v & 0xff00) << 8) | ((v >>> 8) & 0xff00) | (v >>> 24)) >>> 0;
}

function dissectFamily(
  ctx: PacketContext,
  source: number,
  start: number,
  end: number,
  family: number,
): void {
  const node = addProtocol(ctx, 'null', 'Null/Loopback', source, start, 4);
  if (family > 1500) {
    // An ethertype in the header (seen from some PPP-over-loopback captures).
    dispatchEtherType(ctx, family, source, start + 4, end);
    return;
  }
  if (node) {
    addField(node, familyField, source, start, 4, family, {
      display: `${familyNames.get(family) ?? 'Unknown'} (${family})`,
    });
  }
  const next = nullFamilyTable.get(family);
  if (next === undefined) {
    ctx.protocols.push('data');
    return;
  }
  next(ctx, source, start + 4, end);
}

export function dissectNull(ctx: PacketContext, source: number, start: number, end: number): void {
  ctx.protocols.push('null');
  if (end - start < 4) {
    const node = addProtocol(ctx, 'null', 'Null/Loopback', source, start, end - start);
    markMalformed(ctx, node, 'Null/Loopback', 'Null/Loopback header truncated', source, start);
    return;
  }
  let family = u32le(ctx.sources[source]!.bytes, start);
  if ((family & 0xffff0000) !== 0) family = swap32(family);
  dissectFamily(ctx, source, start, end, family);
}

export function dissectLoop(ctx: PacketContext, source: number, start: number, end: number): void {
  ctx.protocols.push('null');
  if (end - start < 4) {
    const node = addProtocol(ctx, 'null', 'Null/Loopback', source, start, end - start);
    markMalformed(ctx, node, 'Null/Loopback', 'Null/Loopback header truncated', source, start);
    return;
  }
  dissectFamily(ctx, source, start, end, u32(ctx.sources[source]!.bytes, start));
}
