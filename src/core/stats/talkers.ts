/**
 * Who sends the traffic: clients (senders of queries), servers (senders of responses) and
 * query names, overall and per query type, each in a SpaceSaving table (exact while the
 * distinct keys fit, approximate with a known error bound beyond). Tracked clients also
 * carry their qtype mix, their per-bin query, A and AAAA series and their silences; tracked
 * servers carry their silences. Per-type tables exist for the first `maxTypedTables` query
 * types seen (default 64); later types count everywhere else but get no per-type top list.
 */
import type { DnsMessageEvent } from './dnsEvent';
import { SpaceSaving } from './spaceSaving';
import { BinClock, SparseSeries } from './binClock';
import { GapTracker } from './gapTracker';

export interface TalkerLimits {
  maxTrackedClients: number;
  maxTrackedServers: number;
  maxTrackedNames: number;
  maxTrackedPerType: number;
  maxTypedTables: number;
}

export const DEFAULT_TALKER_LIMITS: TalkerLimits = {
  maxTrackedClients: 1000,
  maxTrackedServers: 1000,
  maxTrackedNames: 10000,
  maxTrackedPerType: 1000,
  maxTypedTables: 64,
};

export interface ClientData {
  mix: Map<number, number>;
  queries: SparseSeries;
  a: SparseSeries;
  aaaa: SparseSeries;
  gaps: GapTracker;
}

export interface ServerData {
  gaps: GapTracker;
}

const A = 1;
const AAAA = 28;

export class Talkers {
  readonly clients: SpaceSaving<ClientData>;
  readonly servers: SpaceSaving<ServerData>;
  readonly names: SpaceSaving<null>;
  readonly clientsByType = new Map<number, SpaceSaving<null>>();
  readonly namesByType = new Map<number, SpaceSaving<null>>();

  constructor(
    clock: BinClock,
    gapThresholdNs: bigint,
    readonly limits: TalkerLimits = DEFAULT_TALKER_LIMITS,
  ) {
    this.clients = new SpaceSaving<ClientData>(limits.maxTrackedClients, () => ({
      mix: new Map(),
      queries: new SparseSeries(clock),
      a: new SparseSeries(clock),
      aaaa: new SparseSeries(clock),
      gaps: new GapTracker(gapThresholdNs),
    }));
    this.servers = new SpaceSaving<ServerData>(limits.maxTrackedServers, () => ({
      gaps: new GapTracker(gapThresholdNs),
    }));
    this.names = new SpaceSaving<null>(limits.maxTrackedNames, () => null);
  }

  add(e: DnsMessageEvent, ms: number): void {
    if (e.response) {
      if (e.src !== '') this.servers.add(e.src).data.gaps.observe(e.timeNs);
      return;
    }
    if (e.src !== '') {
      const c = this.clients.add(e.src).data;
      c.queries.add(ms);
      c.gaps.observe(e.timeNs);
      if (e.qtype !== undefined) {
        c.mix.set(e.qtype, (c.mix.get(e.qtype) ?? 0) + 1);
        if (e.qtype === A) c.a.add(ms);
        else if (e.qtype === AAAA) c.aaaa.add(ms);
        this.typed(this.clientsByType, e.qtype)?.add(e.src);
      }
    }
    if (e.qname !== undefined) {
      const name = e.qname.toLowerCase();
      this.names.add(name);
      if (e.qtype !== undefined) this.typed(this.namesByType, e.qtype)?.add(name);
    }
  }

  private typed(
    tables: Map<number, SpaceSaving<null>>,
    qtype: number,
  ): SpaceSaving<null> | undefined {
    let t = tables.get(qtype);
    if (!t && tables.size < this.limits.maxTypedTables) {
      t = new SpaceSaving<null>(this.limits.maxTrackedPerType, () => null);
      tables.set(qtype, t);
    }
    return t;
  }

  /** Keys and bins held (memory accounting). */
  get retainedSize(): number {
    let n = this.clients.size + this.servers.size + this.names.size;
    for (const c of this.clients.entries())
      n += c.data.mix.size + c.data.queries.size + c.data.a.size + c.data.aaaa.size;
    for (const t of this.clientsByType.values()) n += t.size;
    for (const t of this.namesByType.values()) n += t.size;
    return n;
  }
}
