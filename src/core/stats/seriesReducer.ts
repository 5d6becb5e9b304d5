/**
 * Time series over the shared BinClock: messages per bin, queries per qtype, responses per
 * rcode, and A / AAAA queries (the regression's input). At most `maxSeriesKeys` (default 64)
 * distinct qtype and rcode series each; later keys are summed under "other".
 */
import type { DnsMessageEvent } from './dnsEvent';
import { BinClock, SparseSeries } from './binClock';
import { qtypeMnemonic, rcodeMnemonic } from './dnsMnemonics';

export const DEFAULT_MAX_SERIES_KEYS = 64;

export class SeriesReducer {
  readonly messages: SparseSeries;
  readonly a: SparseSeries;
  readonly aaaa: SparseSeries;
  readonly qtypes = new Map<string, SparseSeries>();
  readonly rcodes = new Map<string, SparseSeries>();

  constructor(
    private readonly clock: BinClock,
    private readonly maxKeys = DEFAULT_MAX_SERIES_KEYS,
  ) {
    this.messages = new SparseSeries(clock);
    this.a = new SparseSeries(clock);
    this.aaaa = new SparseSeries(clock);
  }

  add(e: DnsMessageEvent, ms: number): void {
    this.messages.add(ms);
    if (e.response) {
      this.keyed(this.rcodes, rcodeMnemonic(e.rcode)).add(ms);
    } else if (e.qtype !== undefined) {
      this.keyed(this.qtypes, qtypeMnemonic(e.qtype)).add(ms);
      if (e.qtype === 1) this.a.add(ms);
      else if (e.qtype === 28) this.aaaa.add(ms);
    }
  }

  private keyed(map: Map<string, SparseSeries>, key: string): SparseSeries {
    let s = map.get(key);
    if (s) return s;
    const k = map.size < this.maxKeys ? key : 'other';
    s = map.get(k);
    if (!s) {
      s = new SparseSeries(this.clock);
      map.set(k, s);
    }
    return s;
  }

  get retainedSize(): number {
    let n = this.messages.size + this.a.size + this.aaaa.size;
    for (const s of this.qtypes.values()) n += s.size;
    for (const s of this.rcodes.values()) n += s.size;
    return n;
  }
}
