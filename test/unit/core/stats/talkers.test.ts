/**
 * Top clients, servers and names: exact counts while keys are few (checked against a plain
 * tally), per-type lists, each client's qtype mix, and the Space-Saving guarantees when
 * there are far more distinct names than the table tracks.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { summarizeEvents } from '../../../../src/core/stats/statsEngine';
import { SpaceSaving } from '../../../../src/core/stats/spaceSaving';
import type { DnsEvent } from '../../../../src/core/stats/dnsEvent';
import { query, response, rng, T0 } from './statsEvents';

describe('top talkers', () => {
  it("ranks clients, servers and names exactly, overall and per type, with each client's mix", () => {
    const events: DnsEvent[] = [];
    const plan: Array<[string, number, number]> = [
      // client, A queries, AAAA queries
      ['10.0.0.1', 5, 40],
      ['10.0.0.2', 30, 3],
      ['10.0.0.3', 8, 8],
      ['2001:db8::4', 1, 12],
    ];
    let t = T0;
    for (const [src, a, aaaa] of plan) {
      for (let i = 0; i < a; i++)
        events.push(query({ t: (t += 0.01), src, qtype: 1, qname: `a${i % 3}.example.test` }));
      for (let i = 0; i < aaaa; i++)
        events.push(query({ t: (t += 0.01), src, qtype: 28, qname: 'V6.Example.TEST' }));
    }
    for (let i = 0; i < 7; i++)
      events.push(response({ t: (t += 0.01), src: '192.0.2.53', qtype: 1 }));
    for (let i = 0; i < 2; i++)
      events.push(response({ t: (t += 0.01), src: '192.0.2.54', qtype: 1 }));
    const r = summarizeEvents(events, { top: 3 });
    assert.deepEqual(r.topClients.all, [
      { address: '10.0.0.1', count: 45 },
      { address: '10.0.0.2', count: 33 },
      { address: '10.0.0.3', count: 16 },
    ]);
    assert.deepEqual(r.topClients.byType['AAAA'], [
      { address: '10.0.0.1', count: 40 },
      { address: '2001:db8::4', count: 12 },
      { address: '10.0.0.3', count: 8 },
    ]);
    assert.deepEqual(r.topClients.qtypeMix['10.0.0.2'], { A: 30, AAAA: 3 });
    assert.equal(r.topClients.qtypeMix['2001:db8::4'], undefined); // not a top-3 client
    assert.equal(r.topClients.approximate, false);
    assert.equal(r.topClients.distinct, 4);
    assert.deepEqual(r.topServers.all, [
      { address: '192.0.2.53', count: 7 },
      { address: '192.0.2.54', count: 2 },
    ]);
    // Names are case-folded: 63 AAAA queries for v6.example.test; A names a0 a1 a2.
    assert.deepEqual(r.topNames.all[0], { name: 'v6.example.test', count: 63 });
    assert.deepEqual(r.topNames.byType['AAAA'], [{ name: 'v6.example.test', count: 63 }]);
    assert.equal(r.qtypes['A'], 44);
    assert.equal(r.qtypes['AAAA'], 63);
    assert.deepEqual(Object.keys(r.series.clients), ['10.0.0.1', '10.0.0.2', '10.0.0.3']);
  });

  it('finds the heavy hitters among 200000 distinct names with a 1000-entry table', () => {
    const r = rng(5);
    const hot = ['hot1.test', 'hot2.test', 'hot3.test', 'hot4.test', 'hot5.test'];
    const hotWeight = [9000, 7000, 5000, 3000, 2000];
    const ss = new SpaceSaving<null>(1000, () => null);
    const truth = new Map<string, number>();
    const stream: string[] = [];
    for (let i = 0; i < 200000; i++) stream.push(`n${i}.cold.test`);
    hot.forEach((h, k) => {
      for (let i = 0; i < hotWeight[k]!; i++) stream.push(h);
    });
    // Shuffle so the hot names are spread through the stream.
    for (let i = stream.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [stream[i], stream[j]] = [stream[j]!, stream[i]!];
    }
    for (const name of stream) {
      ss.add(name);
      truth.set(name, (truth.get(name) ?? 0) + 1);
    }
    assert.equal(ss.size, 1000);
    assert.ok(ss.approximate);
    const top = ss.top(5);
    assert.deepEqual(
      top.map((e) => e.key),
      hot,
    );
    for (const e of ss.entries()) {
      const real = truth.get(e.key) ?? 0;
      // Space-Saving: count - error <= true count <= count, and error <= N / capacity.
      assert.ok(
        e.count - e.error <= real && real <= e.count,
        `${e.key}: ${real} not in [${e.count - e.error}, ${e.count}]`,
      );
      assert.ok(e.error <= stream.length / 1000);
    }
  });

  it('marks top names approximate in the report once the cap is passed', () => {
    const events: DnsEvent[] = [];
    for (let i = 0; i < 500; i++)
      events.push(query({ t: T0 + i / 100, qtype: 1, qname: `x${i}.test` }));
    for (let i = 0; i < 100; i++)
      events.push(query({ t: T0 + 5 + i / 100, qtype: 1, qname: 'popular.test' }));
    const r = summarizeEvents(events, { limits: { maxTrackedNames: 50, maxTrackedPerType: 50 } });
    assert.equal(r.topNames.approximate, true);
    assert.equal(r.topNames.all[0]!.name, 'popular.test');
    assert.ok(
      r.topNames.all[0]!.count >= 100 && r.topNames.all[0]!.count <= 100 + r.topNames.maxError,
    );
    assert.ok(r.topNames.distinct >= 501);
  });
});
