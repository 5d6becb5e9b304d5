/**
 * Responses with TC set over UDP whose client never asked the same question over TCP
 * afterwards (RFC 7766 expects the retry). Keyed by client, name and type; at most
 * `cap` (default 10000) pending questions are remembered, further ones are counted only.
 */
import type { DnsMessageEvent } from './dnsEvent';

export const DEFAULT_TC_PENDING_CAP = 10000;

export class TruncationRetries {
  private readonly pending = new Map<string, string>();
  private overflow = 0;
  truncated = 0;
  retried = 0;

  constructor(private readonly cap = DEFAULT_TC_PENDING_CAP) {}

  add(e: DnsMessageEvent): void {
    if (e.response && e.transport === 'udp' && (e.flags & 0x0200) !== 0) {
      this.truncated++;
      const key = questionKey(e.dst, e);
      if (this.pending.has(key)) return;
      if (this.pending.size < this.cap) this.pending.set(key, e.dst);
      else this.overflow++;
    } else if (!e.response && e.transport === 'tcp' && this.pending.size > 0) {
      const key = questionKey(e.src, e);
      if (this.pending.delete(key)) this.retried++;
    }
  }

  /** Truncated UDP answers not (yet) followed by a TCP query for the same question. */
  get notRetried(): number {
    return this.pending.size + this.overflow;
  }

  /** Clients with a pending question, most pending first (for findings). */
  clients(): Array<[string, number]> {
    const by = new Map<string, number>();
    for (const c of this.pending.values()) by.set(c, (by.get(c) ?? 0) + 1);
    return [...by].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  }

  get retainedSize(): number {
    return this.pending.size;
  }
}

function questionKey(client: string, e: DnsMessageEvent): string {
  return `${client}|${(e.qname ?? '').toLowerCase()}|${e.qtype ?? -1}`;
}
