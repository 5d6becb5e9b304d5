/**
 * The transport conversation of a DNS message, as Wireshark's find_or_create_conversation
 * sees it: transport + both addresses + both ports, the same in either direction. The
 * matcher looks transactions up by a number made from it and the DNS ID (no string is
 * built per message); different conversations may share a number, so a lookup compares
 * the fields too (sameConversation, sameClientQuery).
 */
import type { DnsMessageEvent } from '../stats/dnsEvent';

/** FNV-1a over a string's UTF-16 code units (addresses: short ASCII). */
export function textHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

function transportCode(transport: string): number {
  return transport === 'udp' ? 1 : transport === 'tcp' ? 2 : 0;
}

function mix(a: number, b: number): number {
  return Math.imul(a ^ (b + 0x9e3779b9 + (a << 6) + (a >>> 2)), 0x85ebca6b);
}

/** Conversation + ID as a number, the same in both directions (48 bits: hash and ID). */
export function conversationHash(e: DnsMessageEvent): number {
  const a = mix(textHash(e.src), e.srcPort);
  const b = mix(textHash(e.dst), e.dstPort);
  const h = mix(mix(a < b ? a : b, a < b ? b : a), transportCode(e.transport));
  return (h >>> 0) * 65536 + e.id;
}

/** Transport + client + server + ID as a number (48 bits: hash and ID). */
export function clientQueryHash(
  transport: string,
  client: string,
  server: string,
  id: number,
): number {
  const h = mix(mix(textHash(client), textHash(server)), transportCode(transport));
  return (h >>> 0) * 65536 + id;
}

/** What a transaction records of its conversation. */
export interface ConversationFields {
  readonly transport: DnsMessageEvent['transport'];
  readonly id: number;
  readonly client: string;
  readonly clientPort: number;
  readonly server: string;
  readonly serverPort: number;
}

/** The message belongs to the transaction's conversation and has its ID. */
export function sameConversation(t: ConversationFields, e: DnsMessageEvent): boolean {
  if (t.id !== e.id || t.transport !== e.transport) return false;
  return (
    (e.src === t.client &&
      e.srcPort === t.clientPort &&
      e.dst === t.server &&
      e.dstPort === t.serverPort) ||
    (e.dst === t.client &&
      e.dstPort === t.clientPort &&
      e.src === t.server &&
      e.srcPort === t.serverPort)
  );
}
