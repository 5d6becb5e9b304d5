/**
 * The transport conversation of a DNS message, as Wireshark's find_or_create_conversation
 * sees it: transport + both addresses + both ports, the same in either direction.
 */
import type { DnsMessageEvent } from '../stats/dnsEvent';

/** One key for both directions: the two endpoints in a fixed order. */
export function conversationKey(e: DnsMessageEvent): string {
  const a = `${e.src}]${e.srcPort}`;
  const b = `${e.dst}]${e.dstPort}`;
  return a <= b ? `${e.transport}|${a}|${b}` : `${e.transport}|${b}|${a}`;
}

/** Client (query sender) and server of a message, whichever way it travels. */
export function endpoints(e: DnsMessageEvent): { client: string; server: string } {
  return e.response ? { client: e.dst, server: e.src } : { client: e.src, server: e.dst };
}
