/**
 * Bounded memory: the engine's retained state (keys, bins, buckets it holds, counted by
 * retainedSize) stops growing once the distinct keys and bins are all seen, however many
 * more events arrive; and with ever-new names it stays under the configured caps.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { StatsEngine } from '../../../../src/core/stats/statsEngine';
import { query, response, T0, transaction } from './statsEvents';

const clients = ['10.0.0.1', '10.0.0.2', '10.0.0.3', '2001:db8::1'];
const names = ['a.test', 'b.test', 'c.test'];
const types = [1, 28, 15];

function feed(engine: StatsEngine, from: number, to: number): void {
  // Time wraps inside one 10-minute window so the bins are all seen in the first pass.
  for (let i = from; i < to; i++) {
    const t = T0 + (i % 600);
    const src = clients[i % clients.length]!;
    const qtype = types[i % types.length]!;
    engine.add(query({ t, src, qtype, qname: names[i % names.length]! }));
    engine.add(response({ t: t + 0.001, dst: src, qtype, rcode: i % 7 === 0 ? 3 : 0 }));
    engine.add(transaction(t, 0.001 + (i % 50) / 1000, src));
  }
}

describe('stats memory', () => {
  it('holds the same state after 10 000 and after 100 000 events with few distinct keys', () => {
    const engine = new StatsEngine({ binSeconds: 1 });
    feed(engine, 0, 10000);
    const after10k = engine.retainedSize();
    feed(engine, 10000, 100000);
    assert.equal(engine.retainedSize(), after10k);
    const r = engine.report();
    assert.equal(r.totals.messages, 200000);
    assert.equal(r.totals.transactions, 100000);
  });

  it('stays under its caps with an endless supply of new names and clients', () => {
    const limits = {
      maxTrackedClients: 100,
      maxTrackedServers: 100,
      maxTrackedNames: 500,
      maxTrackedPerType: 100,
      maxTypedTables: 4,
    };
    const engine = new StatsEngine({ limits });
    const sizes: number[] = [];
    for (let i = 0; i < 60000; i++) {
      engine.add(
        query({
          t: T0 + (i % 300),
          src: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
          qtype: 1 + (i % 8),
          qname: `n${i}.test`,
        }),
      );
      if (i % 20000 === 19999) sizes.push(engine.retainedSize());
    }
    // Later samples are no larger than the first once all caps are full.
    assert.ok(sizes[2]! <= sizes[0]!, `retained sizes ${sizes.join(', ')}`);
    const r = engine.report();
    assert.equal(r.topNames.approximate, true);
    assert.equal(r.topClients.approximate, true);
    assert.equal(Object.keys(r.topNames.byType).length, 4);
  });
});
