/**
 * Dispatch tables between layers, like Wireshark's dissector tables and gopacket's
 * LayerType registry: a layer names the next one by key, never imports it. Filled by
 * `dissectors.ts`, which imports every layer once.
 */
import type { Dissector } from './packetContext';

/** Link-layer header type (pcap/pcapng) -> dissector. */
export const linkTypeTable = new Map<number, Dissector>();
/** Ethertype (Ethernet, SLL, SLL2, VLAN) -> dissector. */
export const etherTypeTable = new Map<number, Dissector>();
/** IP protocol number (IPv4 protocol, IPv6 next header after extension headers) -> dissector. */
export const ipProtoTable = new Map<number, Dissector>();
/** BSD loopback address family -> dissector (2 = IPv4, 24/28/30 = IPv6). */
export const nullFamilyTable = new Map<number, Dissector>();

/** DNS over UDP (whole datagram) and over TCP (one length-prefixed message). */
export interface AppDissectors {
  dnsUdp?: Dissector;
  /** Called with [start, end) covering the 2-byte length prefix and the message. */
  dnsTcp?: Dissector;
}
export const appDissectors: AppDissectors = {};
