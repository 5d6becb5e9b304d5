/**
 * The JSON summary report: the one object every output format (text, Markdown, JSON, CSV)
 * renders, and an interface users script against. Keys are stable, values JSON-safe (no
 * bigint, no Map): times are ISO 8601 UTC strings, durations are seconds. Every key is
 * documented in docs/report-schema.md. The statistics engine (src/core/stats) builds it.
 */

/** Bumped when a key is removed or changes meaning (adding keys does not bump it). */
export const SUMMARY_REPORT_SCHEMA = 'dnspector.summary/1';

/** Mnemonic (qtype "AAAA", rcode "NXDOMAIN", opcode "QUERY", class "IN") → count. */
export type CountTable = Record<string, number>;

export interface AddressCount {
  address: string;
  count: number;
}

export interface NameCount {
  name: string;
  count: number;
}

/** A top-N list and whether its counts are exact. */
export interface TopInfo {
  /** Distinct keys seen (exact while below the tracking cap, else a lower bound). */
  distinct: number;
  /**
   * True once more distinct keys arrived than the heavy-hitter structure tracks: counts are
   * then upper bounds that overcount by at most `maxError`.
   */
  approximate: boolean;
  maxError: number;
}

export interface TopClients extends TopInfo {
  all: AddressCount[];
  /** Query type mnemonic → that type's top clients. */
  byType: Record<string, AddressCount[]>;
  /** Each top client (of `all`) → its queries by type mnemonic. */
  qtypeMix: Record<string, CountTable>;
}

export interface TopServers extends TopInfo {
  /** Addresses that sent responses, by responses sent. */
  all: AddressCount[];
}

export interface TopNames extends TopInfo {
  /** Query names (lower-cased) by queries. */
  all: NameCount[];
  byType: Record<string, NameCount[]>;
}

/** Least-squares fit y = slope·x + intercept over the time bins (AAAA per bin on A per bin). */
export interface Regression {
  x: 'A';
  y: 'AAAA';
  binSeconds: number;
  /**
   * Bins the fit used: those of the span (first to last activity) in which A or AAAA was
   * queried. Bins with neither are left out: a silence (an outage, a gap in the capture)
   * would otherwise add points at (0, 0) that pull R^2 towards 1 without any lockstep.
   */
  bins: number;
  /** Bins in the span, including those left out. */
  spanBins: number;
  /** null when fewer than 2 bins or A never varies. */
  slope: number | null;
  intercept: number | null;
  /** Coefficient of determination; null when undefined (constant A or constant AAAA). */
  r2: number | null;
  /** Sums over the same bins. */
  aTotal: number;
  aaaaTotal: number;
  /** ISO 8601 UTC start of the first bin and end of the last bin used; null when no bins. */
  start: string | null;
  end: string | null;
}

export interface Gap {
  /** An address (a top client or top server), or "*" for all traffic. */
  source: string;
  /** Last event before the silence and first event after it, ISO 8601 UTC. */
  start: string;
  end: string;
  seconds: number;
}

/** How the series bin was chosen. */
export type BinChoice = 'requested' | 'auto' | 'coarsened';

export interface TimeSeries {
  binSeconds: number;
  /** The bin asked for in seconds, or null for automatic. */
  requestedBinSeconds: number | null;
  binChoice: BinChoice;
  /** Why the bin differs from the request (empty when it does not). */
  binNote: string;
  /** Start of each bin, ISO 8601 UTC; every series below has this length. */
  binStarts: string[];
  /** Messages (queries and responses) per bin. */
  messages: number[];
  /** Queries per bin by query type mnemonic. */
  qtypes: Record<string, number[]>;
  /** Responses per bin by rcode mnemonic. */
  rcodes: Record<string, number[]>;
  /** Queries per bin sent by each top client (empty bins before it was tracked are 0). */
  clients: Record<string, number[]>;
  /** A and AAAA queries per bin and AAAA/A (null where A is 0). */
  aVsAaaa: { a: number[]; aaaa: number[]; ratio: Array<number | null> };
  /**
   * Mean response time in seconds (from the first query, tshark's dns.time) of the
   * responses in each bin; null where none. Always set by the engine; optional in the type
   * only so report fixtures written before it was added still type-check.
   */
  responseTime?: Array<number | null>;
}

export interface Histogram {
  /** Upper bounds of the buckets in seconds; the last bucket is everything above. */
  upperBoundsSeconds: number[];
  /** counts.length === upperBoundsSeconds.length + 1 */
  counts: number[];
}

export interface ResponseTimeSummary {
  count: number;
  /** Seconds. Exact: min, max, mean. Estimated within `relativePrecision`: median, p90, p99. */
  min: number | null;
  median: number | null;
  p90: number | null;
  p99: number | null;
  max: number | null;
  mean: number | null;
  /** The percentile estimates are within this relative error of the exact nearest-rank value. */
  relativePrecision: number;
  histogram: Histogram;
}

export interface FlagCounts {
  queries: number;
  responses: number;
}

export interface Finding {
  /** 'aaaa-dominant-client' | 'aaaa-lockstep-a' | 'silence' | 'unanswered' | 'tc-not-retried' | 'zone-transfer' | 'unsolicited' | 'duplicate-id' | 'malformed' */
  kind: string;
  /** One plain-language sentence with the number in it. */
  text: string;
  /** The number behind the sentence, in `unit`. */
  value: number;
  unit: 'percent' | 'count' | 'seconds' | 'r2';
  /** The address, or "*", the finding is about; '' when none. */
  subject: string;
}

/** Counts as `tshark -q -z dns,tree` makes them (over ALL DNS messages), for comparison. */
export interface TsharkTreeCounts {
  /** "Total Packets": DNS messages. */
  messages: number;
  queries: number;
  responses: number;
  /** By the header's 4-bit rcode, over queries and responses alike. */
  rcodes: CountTable;
  opcodes: CountTable;
  /** First question's type/class; "TYPE0" / "CLASS0" for messages with no question. */
  qtypes: CountTable;
  classes: CountTable;
  /** request-response time (tshark counts one per answering message; see the schema doc). */
  responseTimeMs: { count: number; min: number | null; max: number | null; mean: number | null };
  unsolicited: number;
  retransmissions: number;
}

export interface SummaryReport {
  schema: typeof SUMMARY_REPORT_SCHEMA;
  /** First and last event time (ISO 8601 UTC), null when there were no events. */
  start: string | null;
  end: string | null;
  spanSeconds: number;
  /**
   * False when some messages came without a time (a BIND log without print-time): start,
   * end and the span cover only the timed ones, and the series, gaps, A/AAAA fit and
   * silence/lockstep findings say nothing about the untimed ones.
   */
  timesKnown: boolean;
  totals: {
    /** Messages without a time (see timesKnown). */
    untimedMessages: number;
    messages: number;
    queries: number;
    responses: number;
    /** Transactions (queries, retransmissions folded in) that got a response / did not. */
    answered: number;
    unanswered: number;
    transactions: number;
    /** unanswered / transactions in percent; null when no transactions. */
    unansweredPercent: number | null;
    malformed: number;
    unsolicited: number;
    /** Query retransmissions (sum over transactions). */
    retransmissions: number;
    /**
     * Responses after the first one to the same query (tshark's retransmitted responses).
     * Always set by the engine; optional in the type only so report fixtures written before
     * it was added still type-check.
     */
    duplicateResponses?: number;
    duplicateIds: number;
    /** AXFR/IXFR answered with at least one record. */
    transfers: number;
    /** UDP responses with TC set whose question the client never asked over TCP. */
    truncatedNotRetried: number;
  };
  /** Query types of queries. */
  qtypes: CountTable;
  /** Rcodes of responses (extended with EDNS bits). */
  rcodes: CountTable;
  /** Opcodes of queries and responses. */
  opcodes: CountTable;
  /** Query classes of queries. */
  qclasses: CountTable;
  flags: {
    rd: FlagCounts;
    ra: FlagCounts;
    aa: FlagCounts;
    tc: FlagCounts;
    ad: FlagCounts;
    cd: FlagCounts;
    do: FlagCounts;
  };
  edns: {
    /** Messages with an OPT record. */
    queries: number;
    responses: number;
    /** OPT version → messages. */
    versions: CountTable;
    /** Advertised UDP payload size → messages ("other" gathers sizes past the 64th distinct). */
    udpSizes: CountTable;
  };
  transport: { udp: number; tcp: number; unknown: number };
  ipVersion: { ipv4: number; ipv6: number; unknown: number };
  topClients: TopClients;
  topServers: TopServers;
  topNames: TopNames;
  series: TimeSeries;
  regression: Regression;
  regressionByClient: Record<string, Regression>;
  /** Threshold used for `gaps`, seconds. */
  gapThresholdSeconds: number;
  gaps: Gap[];
  /** From the last (re)transmission of the query to the response: the server's latency. */
  responseTimes: ResponseTimeSummary;
  /** From the first transmission of the query to the response: what the client waited (tshark's dns.time). */
  responseTimesFromFirstQuery: ResponseTimeSummary;
  findings: Finding[];
  tshark: TsharkTreeCounts;
}
