/**
 * Zone transfers answered to a client: responses to AXFR (252) or IXFR (251) with rcode
 * NOERROR and at least one answer record. The messages of one multi-message transfer (same
 * server, client, ID and question) count once; the last `recentCap` (default 1000) transfer
 * keys are remembered for that. A few examples are kept for the findings' text.
 */
import type { DnsMessageEvent } from './dnsEvent';
import { qtypeMnemonic } from './dnsMnemonics';

export interface TransferExample {
  server: string;
  client: string;
  zone: string;
  qtype: string;
  messages: number;
}

export const DEFAULT_RECENT_TRANSFERS = 1000;
const EXAMPLES = 3;

export class ZoneTransfers {
  private readonly recent = new Map<string, TransferExample | null>();
  readonly examples: TransferExample[] = [];
  count = 0;
  messages = 0;

  constructor(private readonly recentCap = DEFAULT_RECENT_TRANSFERS) {}

  add(e: DnsMessageEvent): void {
    if (!e.response || (e.qtype !== 251 && e.qtype !== 252) || e.rcode !== 0 || e.ancount === 0)
      return;
    // Later messages of a TCP transfer carry no question; they share the server, client and ID.
    const key = `${e.src}|${e.srcPort}|${e.dst}|${e.dstPort}|${e.id}`;
    this.messages++;
    const known = this.recent.get(key);
    if (known !== undefined) {
      if (known) known.messages++;
      return;
    }
    this.count++;
    let example: TransferExample | null = null;
    if (this.examples.length < EXAMPLES) {
      example = {
        server: e.src,
        client: e.dst,
        zone: e.qname ?? '',
        qtype: qtypeMnemonic(e.qtype),
        messages: 1,
      };
      this.examples.push(example);
    }
    this.recent.set(key, example);
    if (this.recent.size > this.recentCap) {
      const oldest = this.recent.keys().next();
      if (!oldest.done) this.recent.delete(oldest.value);
    }
  }

  /** Continuation messages of a TCP transfer (no question) belong to an open transfer. */
  addContinuation(e: DnsMessageEvent): void {
    if (!e.response || e.qdcount !== 0 || e.transport !== 'tcp') return;
    const key = `${e.src}|${e.srcPort}|${e.dst}|${e.dstPort}|${e.id}`;
    const known = this.recent.get(key);
    if (known === undefined) return;
    this.messages++;
    if (known) known.messages++;
  }

  get retainedSize(): number {
    return this.recent.size;
  }
}
