/**
 * Series bins: the automatic choice (finest of 1 s / 1 min / 1 h / 1 day with at most 720
 * epoch-aligned bins), a requested bin coarsened when it would need too many bins (and the
 * report saying so), and series re-binned exactly when the bin grows mid-stream.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { summarizeEvents } from '../../../../src/core/stats/statsEngine';
import type { DnsEvent } from '../../../../src/core/stats/dnsEvent';
import { query, response, T0 } from './statsEvents';

/** Queries at the given offsets (seconds from T0), in order. */
const at = (offsets: number[], qtype = 1): DnsEvent[] =>
  offsets.map((o) => query({ t: T0 + o, qtype }));

describe('series bins', () => {
  it('chooses 1 s bins for a span of 10 minutes', () => {
    const r = summarizeEvents(at([0, 599]));
    assert.equal(r.series.binSeconds, 1);
    assert.equal(r.series.binChoice, 'auto');
    assert.equal(r.series.binStarts.length, 600);
  });

  it('chooses 1 min bins once 1 s bins would exceed 720, 1 h past 12 h, 1 day past 30 days', () => {
    assert.equal(summarizeEvents(at([0, 720])).series.binSeconds, 60); // 721 one-second bins
    assert.equal(summarizeEvents(at([0, 719])).series.binSeconds, 1);
    assert.equal(summarizeEvents(at([0, 12 * 3600])).series.binSeconds, 3600); // 721 minute bins
    assert.equal(summarizeEvents(at([0, 30 * 86400])).series.binSeconds, 86400); // 721 hour bins
    const r = summarizeEvents(at([0, 3 * 86400]));
    assert.equal(r.series.binSeconds, 3600);
    assert.equal(r.series.binStarts.length, 73);
  });

  it('keeps a requested bin and coarsens it when the span needs more than the limit', () => {
    const kept = summarizeEvents(at([0, 3599]), { binSeconds: 1 });
    assert.equal(kept.series.binChoice, 'requested');
    assert.equal(kept.series.binStarts.length, 3600);
    const r = summarizeEvents(at([0, 5 * 3600]), { binSeconds: 1, maxBins: 10000 });
    assert.equal(r.series.binSeconds, 60);
    assert.equal(r.series.binChoice, 'coarsened');
    assert.equal(r.series.requestedBinSeconds, 1);
    assert.match(r.series.binNote, /18001 bins \(limit 10000\); using 60 s/);
  });

  it('re-bins counts exactly when the bin grows mid-stream', () => {
    // 1000 queries spread over 2 hours: auto ends at 60 s bins; counts equal a direct tally.
    const offsets = Array.from({ length: 1000 }, (_, i) => Math.floor((i * 7200) / 1000) + 0.25);
    const r = summarizeEvents(at(offsets));
    assert.equal(r.series.binSeconds, 60);
    const expected = new Array<number>(120).fill(0);
    for (const o of offsets) expected[Math.floor(o / 60)]!++;
    assert.deepEqual(r.series.qtypes['A'], expected);
    assert.deepEqual(r.series.messages, expected);
    assert.equal(r.series.binStarts[1], new Date((T0 + 60) * 1000).toISOString());
  });

  it('keeps per-rcode series of responses', () => {
    const r = summarizeEvents([
      response({ t: T0, qtype: 1, rcode: 0 }),
      response({ t: T0 + 1, qtype: 1, rcode: 3 }),
      response({ t: T0 + 2, qtype: 1, rcode: 3 }),
    ]);
    assert.deepEqual(r.series.rcodes, { NXDOMAIN: [0, 1, 1], NOERROR: [1, 0, 0] });
  });
});
