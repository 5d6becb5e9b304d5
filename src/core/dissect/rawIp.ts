/**
 * Raw IP link types: RAW (101), where the version nibble picks IPv4 or IPv6 and Wireshark
 * adds a "Raw packet data" item, and IPV4 (228) / IPV6 (229), which go straight to IP.
 */
import { EtherType } from './etherType';
import { addProtocol, type PacketContext } from './packetContext';
import { etherTypeTable } from './registry';

export function dissectRaw(ctx: PacketContext, source: number, start: number, end: number): void {
  ctx.protocols.push('raw');
  addProtocol(ctx, 'raw', 'Raw packet data', source, start, end - start);
  if (end <= start) return;
  const version = (ctx.sources[source]!.bytes[start] as number) >> 4;
  const next = etherTypeTable.get(
    version === 6 ? EtherType.IPV6 : version === 4 ? EtherType.IPV4 : -1,
  );
  if (next === undefined) {
    ctx.protocols.push('data');
    return;
  }
  next(ctx, source, start, end);
}

export function dissectRawIpv4(
  ctx: PacketContext,
  source: number,
  start: number,
  end: number,
): void {
  etherTypeTable.get(EtherType.IPV4)?.(ctx, source, start, end);
}

export function dissectRawIpv6(
  ctx: PacketContext,
  source: number,
  start: number,
  end: number,
): void {
  etherTypeTable.get(EtherType.IPV6)?.(ctx, source, start, end);
}
