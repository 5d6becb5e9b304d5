/**
 * unbound log-queries / log-replies messages (util/log.c log_query_in and log_reply_info),
 * with `info:` and with log-tag-queryreply's `query:` / `reply:`. Expected values read off
 * each sample by hand.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { parseUnboundMessage } from '../../../../src/core/querylog/unboundLog';

describe('unbound log lines', () => {
  it('reads a log-queries line (query: and info: tags)', () => {
    const expected = {
      kind: 'query',
      client: '192.168.1.1',
      qname: 'example.com.',
      qtype: 1,
      qclass: 1,
    };
    assert.deepEqual(parseUnboundMessage('query: 192.168.1.1 example.com. A IN'), expected);
    assert.deepEqual(parseUnboundMessage('info: 192.168.1.1 example.com. A IN'), expected);
  });

  it('reads a log-replies line: rcode, time, cached flag and size', () => {
    assert.deepEqual(
      parseUnboundMessage('reply: 192.168.1.1 example.com. A IN NOERROR 0.000123 0 72'),
      {
        kind: 'reply',
        client: '192.168.1.1',
        qname: 'example.com.',
        qtype: 1,
        qclass: 1,
        rcode: 0,
        durationNs: 123_000n,
        cached: false,
        size: 72,
      },
    );
    const r = parseUnboundMessage('info: ::1 nx.example. AAAA IN NXDOMAIN 1.500000 1 110');
    assert.ok(r !== undefined && r.kind === 'reply');
    assert.equal(r.client, '::1');
    assert.equal(r.rcode, 3);
    assert.equal(r.durationNs, 1_500_000_000n);
    assert.equal(r.cached, true);
  });

  it('reads a FORMERR reply without a question', () => {
    const r = parseUnboundMessage('reply: 10.0.0.2 - - - FORMERR - - -');
    assert.ok(r !== undefined && r.kind === 'reply');
    assert.equal(r.qname, undefined);
    assert.equal(r.rcode, 1);
    assert.equal(r.durationNs, undefined);
  });

  it('reads TYPEnnn and the root name', () => {
    const q = parseUnboundMessage('query: 10.0.0.2 . TYPE65534 IN');
    assert.ok(q !== undefined && q.kind === 'query');
    assert.equal(q.qname, '.');
    assert.equal(q.qtype, 65534);
  });

  it('rejects other unbound messages', () => {
    assert.equal(parseUnboundMessage('info: start of service (unbound 1.17.1).'), undefined);
    assert.equal(parseUnboundMessage('query: 10.0.0.2 a.example. A IN NOERROR 0.1 0 1'), undefined);
  });
});
