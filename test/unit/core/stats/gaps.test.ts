/**
 * Gaps: silences longer than the threshold, for all traffic ("*") and for each top source,
 * on streams with known silences; a shorter pause is not a gap; the threshold is settable.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { summarizeEvents } from '../../../../src/core/stats/statsEngine';
import type { DnsEvent } from '../../../../src/core/stats/dnsEvent';
import { query, response, T0 } from './statsEvents';

const iso = (s: number): string => new Date(s * 1000).toISOString();

describe('gaps', () => {
  // Client .1 queries every 10 s for 2 h except from 30 min to 90 min; client .2 steadily
  // every 10 s, so all traffic never pauses longer than 10 s.
  function stream(): DnsEvent[] {
    const events: DnsEvent[] = [];
    for (let s = 0; s < 7200; s += 10) {
      if (s <= 1800 || s >= 5400) events.push(query({ t: T0 + s, src: '10.0.0.1', qtype: 1 }));
      events.push(query({ t: T0 + s + 5, src: '10.0.0.2', qtype: 1 }));
    }
    return events;
  }

  it('reports the silence of one source with its start, end and length', () => {
    const r = summarizeEvents(stream(), { gapSeconds: 300 });
    assert.equal(r.gapThresholdSeconds, 300);
    assert.deepEqual(r.gaps, [
      { source: '10.0.0.1', start: iso(T0 + 1800), end: iso(T0 + 5400), seconds: 3600 },
    ]);
    const f = r.findings.find((x) => x.kind === 'silence');
    assert.ok(f);
    assert.equal(f.value, 3600);
    assert.equal(f.subject, '10.0.0.1');
    assert.match(
      f.text,
      /10\.0\.0\.1 was silent from 2023-11-14T22:30:00.000Z to 2023-11-14T23:30:00.000Z \(1 h\)/,
    );
  });

  it('reports a silence of all traffic as "*" and of the server too', () => {
    const events: DnsEvent[] = [
      query({ t: T0, qtype: 1 }),
      response({ t: T0 + 0.001, qtype: 1 }),
      query({ t: T0 + 12 * 3600, qtype: 1 }),
      response({ t: T0 + 12 * 3600 + 0.001, qtype: 1 }),
    ];
    const r = summarizeEvents(events);
    const sources = r.gaps.map((g) => g.source).sort();
    assert.deepEqual(sources, ['*', '192.0.2.1', '192.0.2.53']);
    const all = r.gaps.find((g) => g.source === '*')!;
    assert.equal(all.start, iso(T0 + 0.001));
    assert.equal(all.end, iso(T0 + 12 * 3600));
    assert.ok(Math.abs(all.seconds - (12 * 3600 - 0.001)) < 1e-6);
  });

  it('does not report pauses at or under the threshold, and honours a larger threshold', () => {
    assert.deepEqual(summarizeEvents(stream(), { gapSeconds: 3600 }).gaps, []);
    const r = summarizeEvents([query({ t: T0, qtype: 1 }), query({ t: T0 + 300, qtype: 1 })], {
      gapSeconds: 300,
    });
    assert.deepEqual(r.gaps, []);
    assert.equal(r.findings.filter((f) => f.kind === 'silence').length, 0);
  });
});
