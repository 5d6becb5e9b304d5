/**
 * The streaming matcher on hand-built message sequences. Expected annotations follow
 * tshark 4.0's rules as observed with `tshark -2` on retransmissions.pcap (one conversation
 * + ID, 5 s retransmission window from the first query, dns.time from the first query);
 * the events and bounds are DNSpector's own contract (transactionMatcher.ts header).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import type { DnsMessageEvent } from '../../../../src/core/stats/dnsEvent';
import {
  TransactionMatcher,
  type TransactionMatcherOptions,
  type TransactionOutcomeEvent,
} from '../../../../src/core/transactions/transactionMatcher';

const MS = 1_000_000n;
const S = 1_000_000_000n;

interface Msg {
  ref: number;
  ms: number;
  id?: number;
  clientPort?: number;
  client?: string;
  server?: string;
  transport?: 'udp' | 'tcp';
  qname?: string;
  qtype?: number;
  qdcount?: number;
  size?: number;
  flags?: number;
}

function message(m: Msg, response: boolean): DnsMessageEvent {
  const client = m.client ?? '192.0.2.1';
  const server = m.server ?? '192.0.2.53';
  const clientPort = m.clientPort ?? 40000;
  const qdcount = m.qdcount ?? 1;
  const e: DnsMessageEvent = {
    kind: 'message',
    timeNs: BigInt(m.ms) * MS,
    ref: m.ref,
    src: response ? server : client,
    dst: response ? client : server,
    srcPort: response ? 53 : clientPort,
    dstPort: response ? clientPort : 53,
    transport: m.transport ?? 'udp',
    ipVersion: 4,
    response,
    opcode: 0,
    rcode: 0,
    flags: m.flags ?? (response ? 0x8180 : 0x0100),
    id: m.id ?? 0x1234,
    qdcount,
    ancount: 0,
    nscount: 0,
    arcount: 0,
    size: m.size ?? 40,
    malformed: false,
  };
  if (qdcount > 0) {
    e.qname = m.qname ?? 'www.example.test';
    e.qtype = m.qtype ?? 1;
    e.qclass = 1;
  }
  return e;
}
const query = (m: Msg) => message(m, false);
const reply = (m: Msg) => message(m, true);

function setup(options: TransactionMatcherOptions = {}) {
  const events: TransactionOutcomeEvent[] = [];
  const matcher = new TransactionMatcher((e) => events.push(e), options);
  return { matcher, events, kinds: () => events.map((e) => e.kind) };
}

describe('TransactionMatcher: tshark 4.0 matching', () => {
  it('pairs a query with its response: response_in, response_to and the time between', () => {
    const { matcher, events } = setup();
    const q = matcher.push(query({ ref: 1, ms: 1000 }));
    const r = matcher.push(reply({ ref: 2, ms: 1003 }));
    assert.deepEqual(q, { responseIn: 2 });
    assert.deepEqual(r, { responseTo: 1, timeNs: 3n * MS });
    matcher.flush();
    assert.equal(events.length, 1);
    const t = events[0];
    assert.ok(t?.kind === 'transaction');
    assert.equal(t.responseRef, 2);
    assert.equal(t.responseTimeNs, 1003n * MS);
    assert.equal(t.retransmissions, 0);
    assert.equal(t.client, '192.0.2.1');
    assert.equal(t.server, '192.0.2.53');
    assert.equal(t.qname, 'www.example.test');
  });

  it('marks copies within 5 s as retransmissions of the first and times the answer from the first', () => {
    const { matcher, events } = setup();
    const first = matcher.push(query({ ref: 1, ms: 0 }));
    const second = matcher.push(query({ ref: 2, ms: 1000 }));
    const third = matcher.push(query({ ref: 3, ms: 2000 }));
    const r = matcher.push(reply({ ref: 4, ms: 2003 }));
    assert.deepEqual(second, { retransmission: true, retransmitRequestIn: 1 });
    assert.deepEqual(third, { retransmission: true, retransmitRequestIn: 1 });
    assert.deepEqual(first, { responseIn: 4 }, 'only the original gets dns.response_in');
    assert.deepEqual(r, { responseTo: 1, timeNs: 2003n * MS });
    matcher.flush();
    const t = events[0];
    assert.ok(t?.kind === 'transaction');
    assert.equal(t.retransmissions, 2);
    assert.equal(t.firstQueryRef, 1);
    assert.equal(t.lastQueryRef, 3);
    assert.equal(t.lastQueryTimeNs, 2000n * MS);
  });

  it('counts the 5 s window from the first copy: a copy 6 s after it opens a new transaction', () => {
    const { matcher, events } = setup();
    matcher.push(query({ ref: 1, ms: 0 }));
    assert.deepEqual(matcher.push(query({ ref: 2, ms: 3000 })), {
      retransmission: true,
      retransmitRequestIn: 1,
    });
    const third = matcher.push(query({ ref: 3, ms: 6000 }));
    const r = matcher.push(reply({ ref: 4, ms: 6001 }));
    assert.deepEqual(third, { responseIn: 4 });
    assert.deepEqual(r, { responseTo: 3, timeNs: 1n * MS });
    matcher.flush();
    const [older, newer] = events;
    assert.ok(older?.kind === 'transaction' && newer?.kind === 'transaction');
    assert.equal(older.responseRef, undefined, 'the superseded transaction is reported unanswered');
    assert.equal(older.retransmissions, 1);
    assert.equal(newer.firstQueryRef, 3);
  });

  it('treats copies from different client ports as different conversations', () => {
    const { matcher } = setup();
    assert.deepEqual(matcher.push(query({ ref: 1, ms: 0, clientPort: 40001 })), {});
    assert.deepEqual(matcher.push(query({ ref: 2, ms: 1000, clientPort: 40002 })), {});
  });

  it('does not match a TCP response to a UDP query', () => {
    const { matcher, kinds } = setup();
    matcher.push(query({ ref: 1, ms: 0, transport: 'udp' }));
    assert.deepEqual(matcher.push(reply({ ref: 2, ms: 1, transport: 'tcp' })), {
      unsolicited: true,
    });
    assert.deepEqual(kinds(), ['unsolicited']);
  });

  it('marks a second response as a retransmission of the first and counts it on the transaction', () => {
    const { matcher, events } = setup();
    matcher.push(query({ ref: 1, ms: 0 }));
    matcher.push(reply({ ref: 2, ms: 1 }));
    assert.deepEqual(matcher.push(reply({ ref: 3, ms: 2 })), {
      retransmission: true,
      retransmitResponseIn: 2,
    });
    matcher.flush();
    const t = events[0];
    assert.ok(t?.kind === 'transaction');
    assert.equal(t.responseRef, 2);
    assert.equal(t.duplicateResponses, 1);
  });

  it('flags a response nobody asked for as unsolicited, with client and server', () => {
    const { matcher, events } = setup();
    matcher.push(query({ ref: 1, ms: 0, id: 0x6428 }));
    assert.deepEqual(matcher.push(reply({ ref: 2, ms: 1, id: 0x3e72 })), { unsolicited: true });
    assert.deepEqual(events, [
      {
        kind: 'unsolicited',
        ref: 2,
        timeNs: 1n * MS,
        client: '192.0.2.1',
        server: '192.0.2.53',
        id: 0x3e72,
      },
    ]);
  });

  it('opens a new transaction when an answered ID is used again on the same port', () => {
    const { matcher } = setup();
    matcher.push(query({ ref: 1, ms: 0 }));
    matcher.push(reply({ ref: 2, ms: 1 }));
    const again = matcher.push(query({ ref: 3, ms: 50 }));
    assert.deepEqual(matcher.push(reply({ ref: 4, ms: 51 })), { responseTo: 3, timeNs: 1n * MS });
    assert.deepEqual(again, { responseIn: 4 });
  });

  it('answers every message of a zone transfer, not as retransmissions, and counts them', () => {
    const { matcher, events } = setup();
    const q = matcher.push(query({ ref: 1, ms: 0, qtype: 252, transport: 'tcp' }));
    const r1 = matcher.push(reply({ ref: 2, ms: 1, qtype: 252, transport: 'tcp' }));
    const r2 = matcher.push(reply({ ref: 3, ms: 2, qdcount: 0, transport: 'tcp' }));
    const r3 = matcher.push(reply({ ref: 4, ms: 3, qtype: 252, transport: 'tcp' }));
    assert.deepEqual(q, { responseIn: 2 });
    assert.deepEqual(
      [r1, r2, r3],
      [
        { responseTo: 1, timeNs: 1n * MS },
        { responseTo: 1, timeNs: 2n * MS },
        { responseTo: 1, timeNs: 3n * MS },
      ],
    );
    matcher.flush();
    const t = events[0];
    assert.ok(t?.kind === 'transaction');
    assert.equal(t.transferMessages, 3);
    assert.equal(t.duplicateResponses, undefined);
  });

  it('takes no part for a message shorter than its ID and flags', () => {
    const { matcher, events } = setup();
    assert.equal(matcher.push(query({ ref: 1, ms: 0, size: 3 })), null);
    matcher.flush();
    assert.deepEqual(events, []);
  });

  it('measures times across a clock step backwards without throwing', () => {
    const { matcher } = setup();
    matcher.push(query({ ref: 1, ms: 1000 }));
    assert.deepEqual(matcher.push(reply({ ref: 2, ms: 999 })), { responseTo: 1, timeNs: -1n * MS });
  });
});

describe('TransactionMatcher: beyond tshark', () => {
  it('reports an ID reused on the same port for another question as a duplicate ID, not a retransmission', () => {
    const { matcher, events } = setup();
    matcher.push(query({ ref: 1, ms: 0, id: 4660, qname: 'silent-one.test' }));
    const second = matcher.push(
      query({ ref: 2, ms: 1000, id: 4660, qname: 'silent-two.test', qtype: 28 }),
    );
    // tshark ignores the question: to it, frame 2 is a retransmission of frame 1.
    assert.deepEqual(second, { retransmission: true, retransmitRequestIn: 1 });
    assert.deepEqual(events, [
      {
        kind: 'duplicate-id',
        ref: 2,
        earlierRef: 1,
        timeNs: 1000n * MS,
        client: '192.0.2.1',
        id: 4660,
      },
    ]);
    matcher.flush();
    const t = events[1];
    assert.ok(t?.kind === 'transaction');
    assert.equal(t.retransmissions, 0);
  });

  it('reports an ID reused from another port while the first query is open', () => {
    const { matcher, events } = setup();
    matcher.push(query({ ref: 1, ms: 0, id: 4661, clientPort: 40001, qname: 'silent-three.test' }));
    matcher.push(query({ ref: 2, ms: 10, id: 4661, clientPort: 40002, qname: 'silent-four.test' }));
    assert.deepEqual(events, [
      {
        kind: 'duplicate-id',
        ref: 2,
        earlierRef: 1,
        timeNs: 10n * MS,
        client: '192.0.2.1',
        id: 4661,
      },
    ]);
  });

  it('does not call the same question from another port a duplicate ID, nor an ID reused after the answer', () => {
    const { matcher, kinds } = setup();
    matcher.push(query({ ref: 1, ms: 0, clientPort: 40001 }));
    matcher.push(query({ ref: 2, ms: 1000, clientPort: 40002 }));
    matcher.push(reply({ ref: 3, ms: 1001, clientPort: 40002 }));
    matcher.push(query({ ref: 4, ms: 1100, clientPort: 40003, qname: 'other.test' }));
    assert.ok(!kinds().includes('duplicate-id'));
  });

  it('reports a query unanswered once it has been idle for the timeout, then forgets it', () => {
    const { matcher, events } = setup({ idleTimeoutNs: 30n * S });
    matcher.push(query({ ref: 1, ms: 0, clientPort: 40001 }));
    matcher.push(query({ ref: 2, ms: 29_000, clientPort: 40002 }));
    assert.equal(events.length, 0);
    matcher.push(query({ ref: 3, ms: 30_001, clientPort: 40003 }));
    assert.equal(events.length, 1);
    const t = events[0];
    assert.ok(t?.kind === 'transaction');
    assert.equal(t.firstQueryRef, 1);
    assert.equal(t.responseRef, undefined);
    // A response after that matches nothing any more.
    assert.deepEqual(matcher.push(reply({ ref: 4, ms: 30_002, clientPort: 40001 })), {
      unsolicited: true,
    });
  });

  it('keeps every transaction with idleTimeoutNs null, as tshark', () => {
    const { matcher } = setup({ idleTimeoutNs: null });
    matcher.push(query({ ref: 1, ms: 0 }));
    assert.deepEqual(matcher.push(reply({ ref: 2, ms: 3_600_000 })), {
      responseTo: 1,
      timeNs: 3600n * S,
    });
  });

  it('closes the least recently active transaction beyond maxTransactions', () => {
    const { matcher, events } = setup({ maxTransactions: 2 });
    matcher.push(query({ ref: 1, ms: 0, clientPort: 1 }));
    matcher.push(query({ ref: 2, ms: 1, clientPort: 2 }));
    matcher.push(query({ ref: 3, ms: 2, clientPort: 1 })); // a retransmission: activity on the first
    matcher.push(query({ ref: 4, ms: 3, clientPort: 3 }));
    assert.equal(matcher.size, 2);
    assert.equal(events.length, 1);
    const t = events[0];
    assert.ok(t?.kind === 'transaction');
    assert.equal(t.firstQueryRef, 2);
  });

  it('keeps memory bounded by open transactions over a long stream', () => {
    const { matcher, events } = setup({ idleTimeoutNs: 1n * S });
    for (let i = 0; i < 50_000; i++) {
      matcher.push(
        query({ ref: 2 * i + 1, ms: i * 10, id: i & 0xffff, clientPort: 1024 + (i % 50_000) }),
      );
      matcher.push(
        reply({ ref: 2 * i + 2, ms: i * 10 + 1, id: i & 0xffff, clientPort: 1024 + (i % 50_000) }),
      );
    }
    // 1 s idle at one transaction per 10 ms: about 100 remembered, never 50,000.
    assert.ok(matcher.size <= 102, `size ${matcher.size}`);
    matcher.flush();
    assert.equal(events.length, 50_000);
    assert.equal(matcher.size, 0);
  });
});
