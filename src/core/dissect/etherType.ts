/**
 * Ethertype names as Wireshark's etype_vals prints them ("IPv4 (0x0800)") and the
 * hand-off from every header that carries an ethertype (Ethernet, 802.1Q/802.1ad tags,
 * Linux SLL/SLL2, PPP via its own table) to the next layer through etherTypeTable.
 */
import type { PacketContext } from './packetContext';
import { etherTypeTable } from './registry';

export const EtherType = {
  IPV4: 0x0800,
  ARP: 0x0806,
  VLAN: 0x8100,
  IPV6: 0x86dd,
  QINQ: 0x88a8,
  QINQ_OLD: 0x9100,
} as const;

const names = new Map<number, string>([
  [0x0800, 'IPv4'],
  [0x0806, 'ARP'],
  [0x8035, 'RARP'],
  [0x8100, '802.1Q Virtual LAN'],
  [0x86dd, 'IPv6'],
  [0x8809, 'Slow Protocols'],
  [0x8847, 'MPLS label switched packet'],
  [0x8848, 'MPLS multicast label switched packet'],
  [0x8863, 'PPPoE Discovery'],
  [0x8864, 'PPPoE Session'],
  [0x888e, '802.1X Authentication'],
  [0x88a8, '802.1ad Provider Bridge (Q-in-Q)'],
  [0x88cc, '802.1 Link Layer Discovery Protocol (LLDP)'],
  [0x9100, 'QinQ: old non-standard 802.1ad'],
]);

/** "IPv4 (0x0800)", or "Unknown (0x1234)" as Wireshark's val_to_str. */
export function etherTypeDisplay(type: number): string {
  return `${names.get(type) ?? 'Unknown'} (0x${type.toString(16).padStart(4, '0')})`;
}

/**
 * Hands [start, end) to the dissector registered for the ethertype. Wireshark's ethertype
 * dissector adds "ethertype" to frame.protocols but no tree item.
 */
export function dispatchEtherType(
  ctx: PacketContext,
  type: number,
  source: number,
  start: number,
  end: number,
): void {
  ctx.protocols.push('ethertype');
  const next = etherTypeTable.get(type);
  if (next === undefined) {
    ctx.protocols.push('data');
    return;
  }
  next(ctx, source, start, end);
}
