/**
 * The statistics engine: takes DNS events one at a time (from captures or query logs) and
 * builds the SummaryReport. It only routes events to the reducers (one file each) and
 * assembles their results; memory is bounded by distinct keys (clients, servers, names,
 * types, bins), each capped, never by the number of events. Never throws on odd input.
 */
import type { DnsEvent, DnsMessageEvent } from './dnsEvent';
import type {
  AddressCount,
  Gap,
  NameCount,
  Regression,
  SummaryReport,
} from '../report/summaryReport';
import { SUMMARY_REPORT_SCHEMA } from '../report/summaryReport';
import { BinClock, SparseSeries } from './binClock';
import { MessageCounters } from './messageCounters';
import { DEFAULT_TALKER_LIMITS, Talkers, type TalkerLimits } from './talkers';
import { SeriesReducer } from './seriesReducer';
import { GapTracker, DEFAULT_GAP_SECONDS, type GapInterval } from './gapTracker';
import { TransactionStats } from './transactionStats';
import { TruncationRetries } from './truncationRetries';
import { ZoneTransfers } from './zoneTransfers';
import { deriveFindings } from './findings';
import { leastSquares } from './leastSquares';
import { isoFromMs, isoFromNs, nsToMs, secondsBetween } from './isoTime';
import { qtypeMnemonic } from './dnsMnemonics';
import { sortedTable } from './countTable';
import type { SpaceSaving } from './spaceSaving';

export interface StatsOptions {
  /** Series bin in seconds; undefined or null = automatic (see binClock.ts). */
  binSeconds?: number | null;
  /** Most bins a requested bin may use before it is coarsened (default 10000). */
  maxBins?: number;
  /** Most bins the automatic choice may use (default 720). */
  autoMaxBins?: number;
  /** Silences longer than this are gaps (default 300 s). */
  gapSeconds?: number;
  /** Relative precision of the response-time percentiles (default 0.01). */
  relativePrecision?: number;
  limits?: Partial<TalkerLimits>;
}

export interface ReportOptions {
  /** Length of each top-N list and number of top clients with series/regressions (default 10). */
  top?: number;
}

export const DEFAULT_TOP = 10;

export class StatsEngine {
  private readonly clock: BinClock;
  private readonly counters = new MessageCounters();
  private readonly talkers: Talkers;
  private readonly series: SeriesReducer;
  private readonly allGaps: GapTracker;
  private readonly tx: TransactionStats;
  private readonly tc = new TruncationRetries();
  private readonly transfers = new ZoneTransfers();
  /** Response times (from the first query, seconds) summed per bin of the response, and counted. */
  private readonly responseTimeSum: SparseSeries;
  private readonly responseTimeCount: SparseSeries;
  private readonly gapSeconds: number;
  /** Messages whose source gave no time (they count, but have no place in time). */
  private untimedMessages = 0;
  private firstNs: bigint | undefined;
  private lastNs: bigint | undefined;

  constructor(options: StatsOptions = {}) {
    this.clock = new BinClock(options.binSeconds ?? null, options.maxBins, options.autoMaxBins);
    this.gapSeconds =
      options.gapSeconds !== undefined && options.gapSeconds > 0
        ? options.gapSeconds
        : DEFAULT_GAP_SECONDS;
    const thresholdNs = BigInt(Math.round(this.gapSeconds * 1e9));
    const limits = { ...DEFAULT_TALKER_LIMITS, ...options.limits };
    this.talkers = new Talkers(this.clock, thresholdNs, limits);
    this.series = new SeriesReducer(this.clock);
    this.responseTimeSum = new SparseSeries(this.clock);
    this.responseTimeCount = new SparseSeries(this.clock);
    this.allGaps = new GapTracker(thresholdNs);
    this.tx = new TransactionStats(options.relativePrecision, limits.maxTrackedClients);
  }

  add(event: DnsEvent): void {
    switch (event.kind) {
      case 'message':
        this.addMessage(event);
        break;
      case 'transaction':
        this.tx.addTransaction(event);
        if (event.responseTimeNs !== undefined) {
          const ms = nsToMs(event.responseTimeNs);
          this.responseTimeSum.add(ms, Number(event.responseTimeNs - event.firstQueryTimeNs) / 1e9);
          this.responseTimeCount.add(ms);
        }
        break;
      case 'unsolicited':
        this.tx.addUnsolicited(event);
        break;
      case 'duplicate-id':
        this.tx.addDuplicateId(event);
        break;
    }
  }

  private addMessage(e: DnsMessageEvent): void {
    if (e.timeUnknown) {
      this.untimedMessages++;
    } else {
      if (this.firstNs === undefined || e.timeNs < this.firstNs) this.firstNs = e.timeNs;
      if (this.lastNs === undefined || e.timeNs > this.lastNs) this.lastNs = e.timeNs;
    }
    const ms = nsToMs(e.timeNs);
    this.clock.observe(ms);
    this.counters.add(e);
    this.talkers.add(e, ms);
    this.series.add(e, ms);
    this.allGaps.observe(e.timeNs);
    this.tc.add(e);
    this.transfers.add(e);
    this.transfers.addContinuation(e);
  }

  /**
   * Keys, bins and pending items the engine holds: grows with distinct clients, names,
   * types and bins, never with the number of events (the memory test watches it).
   */
  retainedSize(): number {
    return (
      this.counters.retainedKeys +
      this.talkers.retainedSize +
      this.series.retainedSize +
      this.tc.retainedSize +
      this.transfers.retainedSize +
      this.tx.fromLastQuery.bucketCount +
      this.tx.fromFirstQuery.bucketCount +
      this.tx.unansweredByClient.size
    );
  }

  report(options: ReportOptions = {}): SummaryReport {
    const top = Math.max(0, Math.floor(options.top ?? DEFAULT_TOP));
    const c = this.counters;
    const t = this.talkers;
    const [lo, hi] = this.clock.range();
    const binSeconds = this.clock.binSeconds;
    const binStarts: string[] = [];
    for (let i = lo; i <= hi; i++) binStarts.push(isoFromMs(i * binSeconds * 1000));

    const topClientEntries = t.clients.top(top);
    const topServerEntries = t.servers.top(top);
    const addr = (es: Array<{ key: string; count: number }>): AddressCount[] =>
      es.map((e) => ({ address: e.key, count: e.count }));
    const names = (es: Array<{ key: string; count: number }>): NameCount[] =>
      es.map((e) => ({ name: e.key, count: e.count }));
    const byType = <R>(
      tables: Map<number, SpaceSaving<null>>,
      f: (es: Array<{ key: string; count: number }>) => R[],
    ) => {
      const out: Record<string, R[]> = {};
      const keys = [...tables.keys()].sort((a, b) => a - b);
      for (const k of keys)
        out[qtypeMnemonic(k)] = f((tables.get(k) as SpaceSaving<null>).top(top));
      return out;
    };
    const typedApprox = (tables: Map<number, SpaceSaving<null>>) =>
      [...tables.values()].some((s) => s.approximate);
    const typedError = (tables: Map<number, SpaceSaving<null>>) =>
      Math.max(0, ...[...tables.values()].map((s) => s.maxError));

    const qtypeMix: Record<string, Record<string, number>> = {};
    const clientSeries: Record<string, number[]> = {};
    const regressionByClient: Record<string, Regression> = {};
    for (const e of topClientEntries) {
      const mix = new Map<string, number>();
      for (const [k, v] of e.data.mix)
        mix.set(qtypeMnemonic(k), (mix.get(qtypeMnemonic(k)) ?? 0) + v);
      qtypeMix[e.key] = sortedTable(mix);
      clientSeries[e.key] = e.data.queries.dense(lo, hi);
      const ext = e.data.queries.extent();
      regressionByClient[e.key] = this.regression(
        e.data.a,
        e.data.aaaa,
        ext?.[0] ?? 0,
        ext?.[1] ?? -1,
      );
    }

    const rtCounts = this.responseTimeCount.dense(lo, hi);
    const a = this.series.a.dense(lo, hi);
    const aaaa = this.series.aaaa.dense(lo, hi);
    const denseMap = (m: Map<string, SparseSeries>): Record<string, number[]> => {
      const totals = new Map<string, number>();
      const arrays = new Map<string, number[]>();
      for (const [k, s] of m) {
        const d = s.dense(lo, hi);
        arrays.set(k, d);
        totals.set(
          k,
          d.reduce((x, y) => x + y, 0),
        );
      }
      const out: Record<string, number[]> = {};
      for (const k of Object.keys(sortedTable(totals))) out[k] = arrays.get(k) as number[];
      return out;
    };

    const gaps: Gap[] = [];
    const pushGaps = (source: string, list: GapInterval[]) => {
      for (const g of list)
        gaps.push({
          source,
          start: isoFromNs(g.startNs),
          end: isoFromNs(g.endNs),
          seconds: secondsBetween(g.startNs, g.endNs),
        });
    };
    pushGaps('*', this.allGaps.gaps());
    for (const e of topClientEntries) pushGaps(e.key, e.data.gaps.gaps());
    // An address that is both a top client and a top server gets its gaps as a client only.
    const topClientKeys = new Set(topClientEntries.map((e) => e.key));
    for (const e of topServerEntries)
      if (!topClientKeys.has(e.key)) pushGaps(e.key, e.data.gaps.gaps());

    const tc = this.tx.tsharkCounts();
    const transactions = this.tx.transactions;
    const base: Omit<SummaryReport, 'findings'> = {
      schema: SUMMARY_REPORT_SCHEMA,
      start: this.firstNs === undefined ? null : isoFromNs(this.firstNs),
      end: this.lastNs === undefined ? null : isoFromNs(this.lastNs),
      spanSeconds:
        this.firstNs === undefined || this.lastNs === undefined
          ? 0
          : secondsBetween(this.firstNs, this.lastNs),
      timesKnown: this.untimedMessages === 0,
      totals: {
        untimedMessages: this.untimedMessages,
        messages: c.messages,
        queries: c.queries,
        responses: c.responses,
        answered: this.tx.answered,
        unanswered: this.tx.unanswered,
        transactions,
        unansweredPercent: transactions ? (this.tx.unanswered / transactions) * 100 : null,
        malformed: c.malformed,
        unsolicited: this.tx.unsolicited,
        retransmissions: this.tx.retransmissions,
        duplicateResponses: this.tx.duplicateResponses,
        duplicateIds: this.tx.duplicateIds,
        transfers: this.transfers.count,
        truncatedNotRetried: this.tc.notRetried,
      },
      qtypes: c.qtypes.toTable(),
      rcodes: c.rcodes.toTable(),
      opcodes: c.opcodes.toTable(),
      qclasses: c.qclasses.toTable(),
      flags: c.flags(),
      edns: c.edns(),
      transport: { ...c.transport },
      ipVersion: { ...c.ipVersion },
      topClients: {
        all: addr(topClientEntries),
        byType: byType(t.clientsByType, addr),
        qtypeMix,
        distinct: t.clients.distinct,
        approximate: t.clients.approximate || typedApprox(t.clientsByType),
        maxError: Math.max(t.clients.maxError, typedError(t.clientsByType)),
      },
      topServers: {
        all: addr(topServerEntries),
        distinct: t.servers.distinct,
        approximate: t.servers.approximate,
        maxError: t.servers.maxError,
      },
      topNames: {
        all: names(t.names.top(top)),
        byType: byType(t.namesByType, names),
        distinct: t.names.distinct,
        approximate: t.names.approximate || typedApprox(t.namesByType),
        maxError: Math.max(t.names.maxError, typedError(t.namesByType)),
      },
      series: {
        binSeconds,
        requestedBinSeconds: this.clock.requestedBinSeconds,
        binChoice: this.clock.choice,
        binNote: this.clock.note,
        binStarts,
        messages: this.series.messages.dense(lo, hi),
        qtypes: denseMap(this.series.qtypes),
        rcodes: denseMap(this.series.rcodes),
        clients: clientSeries,
        aVsAaaa: { a, aaaa, ratio: a.map((x, i) => (x > 0 ? (aaaa[i] as number) / x : null)) },
        responseTime: this.responseTimeSum.dense(lo, hi).map((sum, i) => {
          const n = rtCounts[i] ?? 0;
          return n > 0 ? sum / n : null;
        }),
      },
      regression: this.regression(this.series.a, this.series.aaaa, lo, hi),
      regressionByClient,
      gapThresholdSeconds: this.gapSeconds,
      gaps,
      responseTimes: this.tx.fromLastQuery.summary(),
      responseTimesFromFirstQuery: this.tx.fromFirstQuery.summary(),
      tshark: { ...c.tsharkCounts(), ...tc },
    };
    const findings = deriveFindings(base, {
      tcClients: this.tc.clients(),
      transferExamples: this.transfers.examples,
      unansweredByClient: this.tx.unansweredByClient,
    });
    return { ...base, findings };
  }

  private regression(
    aSeries: SparseSeries,
    aaaaSeries: SparseSeries,
    lo: number,
    hi: number,
  ): Regression {
    const binSeconds = this.clock.binSeconds;
    const allA = aSeries.dense(lo, hi);
    const allAaaa = aaaaSeries.dense(lo, hi);
    // Only bins with A or AAAA queries: see Regression.bins.
    const xs: number[] = [];
    const ys: number[] = [];
    allA.forEach((a, i) => {
      const aaaa = allAaaa[i] ?? 0;
      if (a > 0 || aaaa > 0) {
        xs.push(a);
        ys.push(aaaa);
      }
    });
    const fit = leastSquares(xs, ys);
    const empty = hi < lo;
    return {
      x: 'A',
      y: 'AAAA',
      binSeconds,
      bins: xs.length,
      spanBins: allA.length,
      slope: fit.slope,
      intercept: fit.intercept,
      r2: fit.r2,
      aTotal: xs.reduce((s, v) => s + v, 0),
      aaaaTotal: ys.reduce((s, v) => s + v, 0),
      start: empty ? null : isoFromMs(lo * binSeconds * 1000),
      end: empty ? null : isoFromMs((hi + 1) * binSeconds * 1000),
    };
  }
}

/** Summarizes a whole event sequence (convenience for tests and small inputs). */
export function summarizeEvents(
  events: Iterable<DnsEvent>,
  options: StatsOptions & ReportOptions = {},
): SummaryReport {
  const engine = new StatsEngine(options);
  for (const e of events) engine.add(e);
  return engine.report(options);
}
