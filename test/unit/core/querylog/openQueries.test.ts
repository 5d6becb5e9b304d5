/**
 * Open queries: oldest first per key, given up after the timeout (log time) or past the
 * cap in arrival order, each exactly once, and never matched after being given up.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { OpenQueries, type OpenQuery } from '../../../../src/core/querylog/openQueries';

const q = (ref: number, seconds: number): OpenQuery => ({
  ref,
  timeNs: BigInt(seconds) * 1_000_000_000n,
  client: '10.0.0.1',
  qname: 'a.example',
  qtype: 1,
});

describe('open queries', () => {
  it('matches the oldest open query of a key first', () => {
    const open = new OpenQueries();
    const lost: number[] = [];
    open.add('k', q(1, 0), (x) => lost.push(x.ref));
    open.add('k', q(2, 1), (x) => lost.push(x.ref));
    assert.equal(open.take('k')?.ref, 1);
    assert.equal(open.take('k')?.ref, 2);
    assert.equal(open.take('k'), undefined);
    assert.deepEqual(lost, []);
  });

  it('gives up queries older than the timeout, once, in arrival order', () => {
    const open = new OpenQueries(10_000_000_000n);
    const lost: number[] = [];
    const giveUp = (x: OpenQuery): number => lost.push(x.ref);
    open.add('a', q(1, 0), giveUp);
    open.add('b', q(2, 5), giveUp);
    open.add('a', q(3, 6), giveUp);
    open.take('b');
    open.expire(16_000_000_000n, giveUp); // 1 is 16 s old, 3 is 10 s old (not past)
    assert.deepEqual(lost, [1]);
    assert.equal(open.take('a')?.ref, 3);
    open.drain(giveUp);
    assert.deepEqual(lost, [1]);
    assert.equal(open.size, 0);
  });

  it('keeps at most maxOpen queries, giving up the oldest', () => {
    const open = new OpenQueries(10n ** 18n, 3);
    const lost: number[] = [];
    for (let i = 1; i <= 5; i++) open.add(`k${i % 2}`, q(i, i), (x) => lost.push(x.ref));
    assert.deepEqual(lost, [1, 2]);
    assert.equal(open.size, 3);
    assert.equal(open.take('k1')?.ref, 3);
    open.drain((x) => lost.push(x.ref));
    assert.deepEqual(lost, [1, 2, 4, 5]);
  });
});
