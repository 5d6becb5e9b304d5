/**
 * Reduces transaction, unsolicited and duplicate-ID events: answered / unanswered counts,
 * retransmissions, response times measured from the last transmission (the server's
 * latency) and from the first (what the client waited: tshark's dns.time, whose
 * "request-response time" figures in milliseconds are kept exactly as tshark makes them).
 */
import type { DnsDuplicateIdEvent, DnsTransactionEvent, DnsUnsolicitedEvent } from './dnsEvent';
import type { TsharkTreeCounts } from '../report/summaryReport';
import { ResponseTimes } from './responseTimes';

export class TransactionStats {
  transactions = 0;
  answered = 0;
  unanswered = 0;
  retransmissions = 0;
  /** Responses after a transaction's first (tshark's "no. of retransmissions"). */
  duplicateResponses = 0;
  unsolicited = 0;
  duplicateIds = 0;
  readonly fromLastQuery: ResponseTimes;
  readonly fromFirstQuery: ResponseTimes;
  private rrtCount = 0;
  private rrtSumMs = 0;
  private rrtMinMs = Infinity;
  private rrtMaxMs = -Infinity;
  /** Unanswered queries by client (bounded by the client cap; for findings). */
  readonly unansweredByClient = new Map<string, number>();

  constructor(
    relativePrecision?: number,
    private readonly clientCap = 1000,
  ) {
    this.fromLastQuery = new ResponseTimes(relativePrecision);
    this.fromFirstQuery = new ResponseTimes(relativePrecision);
  }

  addTransaction(e: DnsTransactionEvent): void {
    this.transactions++;
    this.retransmissions += Math.max(0, e.retransmissions);
    this.duplicateResponses += Math.max(0, e.duplicateResponses ?? 0);
    if (e.responseTimeNs === undefined) {
      this.unanswered++;
      const n = this.unansweredByClient.get(e.client);
      if (n !== undefined || this.unansweredByClient.size < this.clientCap)
        this.unansweredByClient.set(e.client, (n ?? 0) + 1);
      return;
    }
    this.answered++;
    const fromLast = Number(e.responseTimeNs - e.lastQueryTimeNs) / 1e9;
    const fromFirst = Number(e.responseTimeNs - e.firstQueryTimeNs) / 1e9;
    this.fromLastQuery.add(fromLast);
    this.fromFirstQuery.add(fromFirst);
    // tshark's dns.time runs from the FIRST copy of a retransmitted query (checked on
    // test/fixtures/retransmissions.pcap: 2.005 s for a query answered after its third copy).
    const ms = fromFirst * 1000;
    this.rrtCount++;
    this.rrtSumMs += ms;
    if (ms < this.rrtMinMs) this.rrtMinMs = ms;
    if (ms > this.rrtMaxMs) this.rrtMaxMs = ms;
  }

  addUnsolicited(_e: DnsUnsolicitedEvent): void {
    this.unsolicited++;
  }

  addDuplicateId(_e: DnsDuplicateIdEvent): void {
    this.duplicateIds++;
  }

  tsharkCounts(): Pick<TsharkTreeCounts, 'responseTimeMs' | 'unsolicited' | 'retransmissions'> {
    const n = this.rrtCount;
    return {
      responseTimeMs: {
        count: n,
        min: n ? this.rrtMinMs : null,
        max: n ? this.rrtMaxMs : null,
        mean: n ? this.rrtSumMs / n : null,
      },
      unsolicited: this.unsolicited,
      // tshark ticks this row for responses only: retransmitted responses, not queries.
      retransmissions: this.duplicateResponses,
    };
  }
}
