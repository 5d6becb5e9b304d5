/**
 * The streaming reader end to end: each dialect's lines become message (and transaction)
 * events with the logged time, client, server, transport, flags and EDNS; syslog years and
 * time zones come from the options; mixed files parse line by line; unparsed lines are
 * kept with their numbers; junk, CRLF, 1 MB lines and every chunk split are safe. Expected
 * times are computed with Date.UTC from the sample's own digits.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import type {
  DnsEvent,
  DnsMessageEvent,
  DnsTransactionEvent,
} from '../../../../src/core/stats/dnsEvent';
import {
  QueryLogReader,
  type QueryLogReaderOptions,
  type QueryLogSummary,
} from '../../../../src/core/querylog/queryLogReader';

function read(
  chunks: (string | Uint8Array)[],
  options: QueryLogReaderOptions = { year: 2026 },
): { events: DnsEvent[]; summary: QueryLogSummary } {
  const events: DnsEvent[] = [];
  const r = new QueryLogReader((e) => events.push(e), options);
  for (const c of chunks) r.push(c);
  r.end();
  return { events, summary: r.summary() };
}

const messages = (events: DnsEvent[]): DnsMessageEvent[] =>
  events.filter((e): e is DnsMessageEvent => e.kind === 'message');
const transactions = (events: DnsEvent[]): DnsTransactionEvent[] =>
  events.filter((e): e is DnsTransactionEvent => e.kind === 'transaction');
const ns = (ms: number, extraNs = 0n): bigint => BigInt(ms) * 1_000_000n + extraNs;

describe('query log reader: BIND', () => {
  it('makes a query event from a syslog-prefixed 9.11+ line', () => {
    const line =
      'Aug 20 11:07:01 ns1 named[1234]: client @0x7fda1d74e7d0 192.168.1.6#60844 (example.net): query: example.net IN AAAA +E(0)TDC (192.168.1.250)';
    const { events, summary } = read([line + '\n']);
    assert.deepEqual(summary.formats, ['bind']);
    assert.equal(events.length, 1);
    const e = events[0];
    assert.ok(e !== undefined && e.kind === 'message');
    assert.equal(e.ref, 1);
    assert.equal(e.timeNs, ns(Date.UTC(2026, 7, 20, 11, 7, 1)));
    assert.equal(e.src, '192.168.1.6');
    assert.equal(e.srcPort, 60844);
    assert.equal(e.dst, '192.168.1.250');
    assert.equal(e.transport, 'tcp');
    assert.equal(e.ipVersion, 4);
    assert.equal(e.response, false);
    assert.equal(e.flags, 0x0100 | 0x0010); // RD and CD
    assert.deepEqual(e.edns, { udpSize: 0, version: 0, do: true });
    assert.equal(e.qname, 'example.net');
    assert.equal(e.qtype, 28);
    assert.equal(e.qclass, 1);
  });

  it("reads BIND's print-time/category/severity prefix with milliseconds", () => {
    const { events } = read([
      '23-Nov-2026 11:07:01.123 queries: info: client 2001:db8::1#4242: query: v6.example IN A -\n',
    ]);
    const [e] = messages(events);
    assert.ok(e);
    assert.equal(e.timeNs, ns(Date.UTC(2026, 10, 23, 11, 7, 1, 123)));
    assert.equal(e.ipVersion, 6);
    assert.equal(e.flags, 0);
    assert.equal(e.transport, 'udp');
    assert.equal(e.edns, undefined);
  });

  it('reads ISO 8601 times: rsyslog RFC 3339 with offset, BIND print-time iso8601 in UTC', () => {
    const log =
      '2026-11-23T14:40:21.874147+01:00 ns1 named[7]: client 10.0.0.1#1: query: a.example IN A +\n' +
      '2026-11-23T11:07:01.123Z queries: info: client 10.0.0.1#1: query: b.example IN A +\n';
    const [a, b] = messages(read([log]).events);
    assert.equal(a?.timeNs, ns(Date.UTC(2026, 10, 23, 13, 40, 21, 874), 147_000n));
    assert.equal(b?.timeNs, ns(Date.UTC(2026, 10, 23, 11, 7, 1, 123)));
  });

  it('reads local times in the given zone, fixed or named', () => {
    const line = '23-Nov-2026 11:07:01.000 client 10.0.0.1#1: query: a.example IN A +\n';
    const utc = ns(Date.UTC(2026, 10, 23, 11, 7, 1));
    const hour = 3_600_000_000_000n;
    assert.equal(messages(read([line], { timeZone: '+02:00' }).events)[0]?.timeNs, utc - 2n * hour);
    // Berlin is UTC+1 in November (no daylight saving), UTC+2 in August.
    assert.equal(
      messages(read([line], { timeZone: 'Europe/Berlin' }).events)[0]?.timeNs,
      utc - hour,
    );
    const summer = 'Aug 20 11:07:01 ns1 named[1]: client 10.0.0.1#1: query: a.example IN A +\n';
    assert.equal(
      messages(read([summer], { year: 2026, timeZone: 'Europe/Berlin' }).events)[0]?.timeNs,
      ns(Date.UTC(2026, 7, 20, 9, 7, 1)),
    );
  });

  it('takes the syslog year from the options and moves to the next year after December', () => {
    const log =
      'Dec 31 23:59:59 ns1 named[1]: client 10.0.0.1#1: query: a.example IN A +\n' +
      'Jan  1 00:00:01 ns1 named[1]: client 10.0.0.1#1: query: b.example IN A +\n';
    const [a, b] = messages(read([log], { year: 2025 }).events);
    assert.equal(a?.timeNs, ns(Date.UTC(2025, 11, 31, 23, 59, 59)));
    assert.equal(b?.timeNs, ns(Date.UTC(2026, 0, 1, 0, 0, 1)));
  });
});

describe('query log reader: unbound', () => {
  it('pairs a logged query with its reply into a transaction', () => {
    const log =
      '[1700000000] unbound[812:0] query: 192.168.1.1 example.com. A IN\n' +
      '[1700000001] unbound[812:0] reply: 192.168.1.1 example.com. A IN NOERROR 0.000123 0 72\n';
    const { events, summary } = read([log]);
    assert.deepEqual(summary.counts, { bind: 0, unbound: 2, dnsmasq: 0 });
    const [q, r] = messages(events);
    assert.ok(q && r);
    assert.equal(q.timeNs, 1_700_000_000n * 1_000_000_000n);
    assert.equal(q.qname, 'example.com');
    assert.equal(r.response, true);
    assert.equal(r.dst, '192.168.1.1');
    assert.equal(r.size, 72);
    const [t] = transactions(events);
    assert.ok(t);
    assert.equal(t.client, '192.168.1.1');
    assert.equal(t.firstQueryRef, 1);
    assert.equal(t.responseRef, 2);
    assert.equal(t.rcode, 0);
    assert.equal(t.qtype, 1);
    // The response time is unbound's own 0.000123 s, not the 1 s between the log lines.
    assert.equal(t.responseTimeNs! - t.lastQueryTimeNs, 123_000n);
    assert.equal(t.responseTimeNs! - t.firstQueryTimeNs, 123_000n);
  });

  it('dates a reply-only transaction back by the logged response time (log-time-ascii)', () => {
    const log =
      'Nov 23 11:07:02 unbound[812:0] info: ::1 nx.example. AAAA IN NXDOMAIN 0.250000 0 99\n';
    const [t] = transactions(read([log]).events);
    assert.ok(t);
    const replyNs = ns(Date.UTC(2026, 10, 23, 11, 7, 2));
    assert.equal(t.responseTimeNs, replyNs);
    assert.equal(t.firstQueryTimeNs, replyNs - 250_000_000n);
    assert.equal(t.rcode, 3);
  });
});

describe('query log reader: dnsmasq', () => {
  it('makes one transaction per query, forwarding and reply (plain log-queries)', () => {
    const log = [
      'Nov 23 11:07:01 dnsmasq[99]: query[A] example.com from 192.168.1.5',
      'Nov 23 11:07:01 dnsmasq[99]: forwarded example.com to 8.8.8.8',
      'Nov 23 11:07:02 dnsmasq[99]: reply example.com is 93.184.216.34',
      'Nov 23 11:07:02 dnsmasq[99]: reply example.com is 93.184.216.35',
      'Nov 23 11:07:03 dnsmasq[99]: query[AAAA] nothere.example from 192.168.1.6',
    ].join('\n');
    const { events } = read([log]);
    const ts = transactions(events);
    assert.equal(ts.length, 2);
    assert.equal(ts[0]?.firstQueryRef, 1);
    assert.equal(ts[0]?.responseRef, 3);
    assert.equal(ts[0]?.client, '192.168.1.5');
    assert.equal(ts[1]?.client, '192.168.1.6');
    assert.equal(ts[1]?.responseRef, undefined); // unanswered at the end of the log
    assert.equal(messages(events).filter((m) => m.response).length, 1);
  });

  it('ties interleaved queries to replies by the log-queries=extra serial', () => {
    const log = [
      'Nov 23 11:07:01 dnsmasq[99]: 5 192.168.1.5/40000 query[A] same.example from 192.168.1.5',
      'Nov 23 11:07:01 dnsmasq[99]: 6 192.168.1.7/40001 query[A] same.example from 192.168.1.7',
      'Nov 23 11:07:02 dnsmasq[99]: 6 192.168.1.7/40001 reply same.example is NXDOMAIN',
      'Nov 23 11:07:03 dnsmasq[99]: 5 192.168.1.5/40000 cached same.example is 10.0.0.1',
    ].join('\n');
    const { events } = read([log]);
    const ts = transactions(events);
    assert.equal(ts.length, 2);
    assert.deepEqual(
      ts.map((t) => [t.client, t.firstQueryRef, t.responseRef, t.rcode]),
      [
        ['192.168.1.7', 2, 3, 3],
        ['192.168.1.5', 1, 4, 0],
      ],
    );
    assert.equal(messages(events)[0]?.srcPort, 40000);
  });
});

describe('query log reader: unanswered queries', () => {
  it('gives up a dnsmasq query a minute after it was logged, before the log ends', () => {
    const log = [
      'Nov 23 11:00:00 dnsmasq[99]: query[A] lost.example from 192.168.1.5',
      'Nov 23 11:02:00 dnsmasq[99]: query[A] other.example from 192.168.1.5',
      'Nov 23 11:02:00 dnsmasq[99]: reply lost.example is 10.0.0.1',
    ].join('\n');
    const ts = transactions(read([log]).events);
    // lost.example's query (line 1) was given up when line 2 came two minutes later, so the
    // late reply matches nothing; other.example ends unanswered.
    assert.deepEqual(
      ts.map((t) => [t.firstQueryRef, t.responseRef]),
      [
        [1, undefined],
        [2, undefined],
      ],
    );
  });

  it('makes no transactions from an unbound log without log-replies', () => {
    const log = '[1700000000] unbound[1:0] info: 10.0.0.2 b.example. MX IN\n';
    assert.equal(transactions(read([log]).events).length, 0);
  });
});

describe('query log reader: mixed and damaged input', () => {
  const mixed = [
    'Aug 20 11:07:01 ns1 named[1]: client 10.0.0.1#1: query: a.example IN A +',
    'this is not a log line',
    '[1700000000] unbound[1:0] info: 10.0.0.2 b.example. MX IN',
    'Aug 20 11:07:02 dnsmasq[2]: query[TXT] c.example from 10.0.0.3',
    'Aug 20 11:07:03 dnsmasq[2]: started, version 2.89',
    '',
    'client 10.0.0.4#2: query: d.example IN AAAA +',
  ].join('\r\n');

  it('parses a file that mixes formats line by line, reporting formats and unparsed lines', () => {
    const { events, summary } = read([mixed]);
    assert.deepEqual(summary.counts, { bind: 2, unbound: 1, dnsmasq: 1 });
    assert.deepEqual(summary.formats, ['bind', 'unbound', 'dnsmasq']);
    assert.equal(summary.lines, 7);
    assert.equal(summary.unparsedCount, 2);
    assert.deepEqual(
      summary.unparsed.map((u) => [u.line, u.text]),
      [
        [2, 'this is not a log line'],
        [5, 'Aug 20 11:07:03 dnsmasq[2]: started, version 2.89'],
      ],
    );
    assert.deepEqual(
      messages(events).map((m) => [m.ref, m.src, m.qname, m.qtype]),
      [
        [1, '10.0.0.1', 'a.example', 1],
        [3, '10.0.0.2', 'b.example', 15],
        [4, '10.0.0.3', 'c.example', 16],
        [7, '10.0.0.4', 'd.example', 28],
      ],
    );
    // A line without a time takes the previous line's time.
    assert.equal(messages(events)[3]?.timeNs, messages(events)[2]?.timeNs);
  });

  it('gives identical events and summary for a chunk split at every byte', () => {
    const bytes = new TextEncoder().encode(mixed);
    const whole = read([bytes]);
    for (let i = 0; i <= bytes.length; i++) {
      const parts = read([bytes.subarray(0, i), bytes.subarray(i)]);
      assert.deepEqual(parts, whole, `split at ${i}`);
    }
  });

  it('counts a 1 MB line as unparsed (cut) and parses the lines around it', () => {
    const q = 'client 10.0.0.1#1: query: a.example IN A +';
    const { events, summary } = read([`${q}\nclient ${'x'.repeat(1 << 20)}\n${q}\n`]);
    assert.equal(messages(events).length, 2);
    assert.equal(summary.unparsedCount, 1);
    assert.equal(summary.unparsed[0]?.line, 2);
    assert.equal(summary.unparsed[0]?.overlong, true);
    assert.ok((summary.unparsed[0]?.text.length ?? 0) <= 64 * 1024);
  });

  it('never throws on binary junk and counts every non-empty junk line', () => {
    let seed = 12345;
    const junk = new Uint8Array(200_000);
    for (let i = 0; i < junk.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      junk[i] = seed >> 16;
    }
    const { events, summary } = read([junk]);
    assert.equal(events.length, 0);
    // Independent count: pieces between 0x0A bytes that are not blank after decoding.
    const decoded = new TextDecoder('utf-8', { fatal: false }).decode(junk).split('\n');
    const nonBlank = decoded.map((l) => l.replace(/\r$/, '')).filter((l) => l.trim() !== '');
    assert.equal(summary.unparsedCount, nonBlank.length);
  });
});
