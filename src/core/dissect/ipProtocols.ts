/** IP protocol numbers as Wireshark's ipproto_val names them ("UDP (17)"). */

const names = new Map<number, string>([
  [0, 'IPv6 Hop-by-Hop Option'],
  [1, 'ICMP'],
  [2, 'IGMP'],
  [4, 'IPIP'],
  [6, 'TCP'],
  [17, 'UDP'],
  [41, 'IPv6'],
  [43, 'Routing Header for IPv6'],
  [44, 'Fragment Header for IPv6'],
  [47, 'Generic Routing Encapsulation'],
  [50, 'Encap Security Payload'],
  [51, 'Authentication Header'],
  [58, 'ICMPv6'],
  [59, 'IPv6 No Next Header'],
  [60, 'Destination Options for IPv6'],
  [132, 'SCTP'],
  [136, 'UDPLite'],
]);

export function ipProtoName(proto: number): string {
  return names.get(proto) ?? 'Unknown';
}

export function ipProtoDisplay(proto: number): string {
  return `${ipProtoName(proto)} (${proto})`;
}
