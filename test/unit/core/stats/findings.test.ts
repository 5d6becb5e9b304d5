/**
 * Findings: each kind fires on a stream built to show it, with the right number, and stays
 * silent on a stream that should not trigger it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { summarizeEvents } from '../../../../src/core/stats/statsEngine';
import type { DnsEvent } from '../../../../src/core/stats/dnsEvent';
import type { Finding } from '../../../../src/core/report/summaryReport';
import { query, response, rng, T0, transaction } from './statsEvents';

const kinds = (fs: Finding[]): string[] => fs.map((f) => f.kind);
const find = (fs: Finding[], kind: string): Finding => {
  const f = fs.find((x) => x.kind === kind);
  assert.ok(f, `no ${kind} finding in ${JSON.stringify(fs)}`);
  return f;
};

describe('findings', () => {
  it('names the client that sends most AAAA queries, with its share', () => {
    const events: DnsEvent[] = [];
    for (let i = 0; i < 30; i++) events.push(query({ t: T0 + i, src: '10.0.0.9', qtype: 28 }));
    for (let i = 0; i < 10; i++) events.push(query({ t: T0 + 30 + i, src: '10.0.0.8', qtype: 28 }));
    const f = find(summarizeEvents(events).findings, 'aaaa-dominant-client');
    assert.equal(f.value, 75);
    assert.equal(f.subject, '10.0.0.9');
    assert.match(f.text, /75% of AAAA queries \(30 of 40\)/);
    // Half is not most.
    const even = [...events.slice(0, 10), ...events.slice(30)];
    assert.ok(!kinds(summarizeEvents(even).findings).includes('aaaa-dominant-client'));
  });

  it('reports AAAA in lockstep with A when R² ≥ 0.9, not when they are unrelated', () => {
    const r = rng(9);
    const lock: DnsEvent[] = [];
    const loose: DnsEvent[] = [];
    for (let bin = 0; bin < 24; bin++) {
      const a = 20 + Math.floor(r() * 80);
      for (let i = 0; i < a; i++) lock.push(query({ t: T0 + bin * 3600 + i, qtype: 1 }));
      for (let i = 0; i < Math.round(a * 0.9); i++)
        lock.push(query({ t: T0 + bin * 3600 + 100 + i, qtype: 28 }));
      const b = 20 + Math.floor(r() * 80);
      for (let i = 0; i < b; i++) loose.push(query({ t: T0 + bin * 3600 + i, qtype: 1 }));
      for (let i = 0; i < 20 + Math.floor(r() * 80); i++)
        loose.push(query({ t: T0 + bin * 3600 + 100 + i, qtype: 28 }));
    }
    const rep = summarizeEvents(lock, { binSeconds: 3600 });
    const f = find(rep.findings, 'aaaa-lockstep-a');
    assert.ok(f.value >= 0.9);
    assert.ok(Math.abs(f.value - rep.regression.r2!) < 1e-4);
    assert.match(f.text, /R² = (1|0\.9\d*) over 24 bins of 3600 s/);
    const rep2 = summarizeEvents(loose, { binSeconds: 3600 });
    assert.ok(rep2.regression.r2! < 0.9);
    assert.ok(!kinds(rep2.findings).includes('aaaa-lockstep-a'));
  });

  it('finds one client in lockstep when the rest of the traffic blurs the overall fit', () => {
    const r = rng(21);
    const events: DnsEvent[] = [];
    for (let bin = 0; bin < 30; bin++) {
      const k = 2 + Math.floor(r() * 9);
      for (let i = 0; i < k; i++) {
        events.push(query({ t: T0 + bin * 60 + i, qtype: 1, src: '10.0.0.25' }));
        events.push(query({ t: T0 + bin * 60 + 20 + i, qtype: 28, src: '10.0.0.25' }));
      }
      // Other clients: A only, unrelated to the relay's rate.
      for (let i = 0; i < Math.floor(r() * 25); i++)
        events.push(query({ t: T0 + bin * 60 + 40 + i * 0.5, qtype: 1, src: '10.0.0.31' }));
    }
    events.sort((a, b) =>
      a.kind === 'message' && b.kind === 'message' ? Number(a.timeNs - b.timeNs) : 0,
    );
    const rep = summarizeEvents(events, { binSeconds: 60 });
    const f = rep.findings.filter((x) => x.kind === 'aaaa-lockstep-a');
    assert.deepEqual(
      f.map((x) => x.subject),
      ['10.0.0.25'],
      JSON.stringify(rep.findings),
    );
    assert.ok(rep.regression.r2! < 0.9);
    assert.equal(f[0]!.value, Math.round(rep.regressionByClient['10.0.0.25']!.r2! * 10000) / 10000);
    assert.match(f[0]!.text, /^10\.0\.0\.25 sends AAAA queries in lockstep with A queries: R² = /);
  });

  it('leaves out a client silence that lies within a silence of all traffic', () => {
    const events: DnsEvent[] = [];
    // Both clients talk, everything stops for an hour, both talk again; then .2 alone goes quiet.
    for (const t of [0, 10, 20, 3620, 3630]) {
      events.push(query({ t: T0 + t, src: '10.0.0.1', qtype: 1 }));
      events.push(query({ t: T0 + t + 1, src: '10.0.0.2', qtype: 1 }));
    }
    for (let t = 3640; t <= 7240; t += 10)
      events.push(query({ t: T0 + t, src: '10.0.0.1', qtype: 1 }));
    events.push(query({ t: T0 + 7241, src: '10.0.0.2', qtype: 1 }));
    const silences = summarizeEvents(events).findings.filter((x) => x.kind === 'silence');
    const subjects = silences.map((x) => x.subject);
    assert.ok(subjects.includes('*'), JSON.stringify(silences));
    // 10.0.0.2's own silence (3631 -> 7241, while 10.0.0.1 kept talking) is reported once;
    // its silence during the all-traffic outage is not repeated.
    assert.equal(subjects.filter((s) => s === '10.0.0.2').length, 1, JSON.stringify(silences));
    assert.equal(subjects.filter((s) => s === '10.0.0.1').length, 0, JSON.stringify(silences));
  });

  it('gives the unanswered share of queries', () => {
    const events = [
      transaction(T0, 0.01),
      transaction(T0 + 1, undefined, '10.0.0.5'),
      transaction(T0 + 2, 0.02),
      transaction(T0 + 3, 0.02),
    ];
    const f = find(summarizeEvents(events).findings, 'unanswered');
    assert.equal(f.value, 25);
    assert.match(f.text, /25% of queries went unanswered \(1 of 4; most from 10\.0\.0\.5 \(1\)\)/);
    assert.ok(
      !kinds(summarizeEvents(events.filter((_, i) => i !== 1)).findings).includes('unanswered'),
    );
  });

  it('counts TC answers not retried over TCP, and not those that were', () => {
    const tc = 0x8000 | 0x0400 | 0x0200 | 0x0100;
    const base: DnsEvent[] = [
      query({ t: T0, qtype: 1, qname: 'big.test' }),
      response({ t: T0 + 0.001, qtype: 1, qname: 'big.test', flags: tc }),
      query({ t: T0 + 1, qtype: 1, qname: 'other.test' }),
      response({ t: T0 + 1.001, qtype: 1, qname: 'other.test', flags: tc }),
    ];
    const retry = query({ t: T0 + 0.01, qtype: 1, qname: 'BIG.test', transport: 'tcp' });
    const r = summarizeEvents([...base.slice(0, 2), retry, ...base.slice(2)]);
    assert.equal(r.totals.truncatedNotRetried, 1);
    const f = find(r.findings, 'tc-not-retried');
    assert.equal(f.value, 1);
    assert.match(f.text, /1 UDP response with TC set was not retried over TCP; 192\.0\.2\.1: 1/);
    const ok = summarizeEvents([...base.slice(0, 2), retry]);
    assert.equal(ok.totals.truncatedNotRetried, 0);
    assert.ok(!kinds(ok.findings).includes('tc-not-retried'));
  });

  it('reports a zone transfer answered to a client once for a multi-message AXFR', () => {
    const events: DnsEvent[] = [
      query({ t: T0, qtype: 252, qname: 'example.test', transport: 'tcp', id: 7 }),
      response({
        t: T0 + 0.001,
        qtype: 252,
        qname: 'example.test',
        transport: 'tcp',
        id: 7,
        ancount: 400,
      }),
      response({ t: T0 + 0.002, transport: 'tcp', id: 7, ancount: 305 }), // continuation: no question
    ];
    const r = summarizeEvents(events);
    assert.equal(r.totals.transfers, 1);
    const f = find(r.findings, 'zone-transfer');
    assert.equal(f.value, 1);
    assert.equal(f.subject, '192.0.2.1');
    assert.match(f.text, /AXFR of example\.test from 192\.0\.2\.53 to 192\.0\.2\.1 \(2 messages\)/);
    // A refused AXFR is no transfer.
    const refused = summarizeEvents([
      events[0]!,
      response({
        t: T0 + 0.001,
        qtype: 252,
        qname: 'example.test',
        transport: 'tcp',
        id: 7,
        rcode: 5,
        ancount: 0,
      }),
    ]);
    assert.equal(refused.totals.transfers, 0);
    assert.ok(!kinds(refused.findings).includes('zone-transfer'));
  });

  it('says nothing about a clean, steady stream (A and AAAA alternating is not lockstep)', () => {
    const events: DnsEvent[] = [];
    for (let i = 0; i < 50; i++) {
      events.push(query({ t: T0 + i, qtype: 1 + (i % 2) * 27, src: `10.0.0.${i % 5}` }));
      events.push(transaction(T0 + i, 0.001));
    }
    assert.deepEqual(summarizeEvents(events).findings, []);
  });
});
