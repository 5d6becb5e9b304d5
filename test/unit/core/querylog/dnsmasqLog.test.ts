/**
 * dnsmasq log-queries messages (src/cache.c log_query), plain and with log-queries=extra.
 * Expected values read off each sample by hand.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { parseDnsmasqMessage } from '../../../../src/core/querylog/dnsmasqLog';

describe('dnsmasq log lines', () => {
  it('reads a query, its forwarding and its reply', () => {
    assert.deepEqual(parseDnsmasqMessage('query[AAAA] example.com from 192.168.1.5'), {
      kind: 'query',
      serial: undefined,
      extraClient: undefined,
      extraPort: undefined,
      qname: 'example.com',
      qtype: 28,
      client: '192.168.1.5',
    });
    const f = parseDnsmasqMessage('forwarded example.com to 8.8.8.8');
    assert.ok(f !== undefined && f.kind === 'forwarded');
    assert.equal(f.upstream, '8.8.8.8');
    const r = parseDnsmasqMessage('reply example.com is 2001:db8::1');
    assert.ok(r !== undefined && r.kind === 'answer');
    assert.equal(r.source, 'reply');
    assert.equal(r.value, '2001:db8::1');
    assert.equal(r.rcode, 0);
  });

  it('reads cached, config, hosts-file, NXDOMAIN and NODATA answers', () => {
    const cases: [string, string, number][] = [
      ['cached example.com is 93.184.216.34', 'cached', 0],
      ['config router.lan is 192.168.1.1', 'config', 0],
      ['/etc/hosts localhost is 127.0.0.1', '/etc/hosts', 0],
      ['reply nx.example is NXDOMAIN', 'reply', 3],
      ['reply v4only.example is NODATA-IPv6', 'reply', 0],
      ['reply broken.example is SERVFAIL', 'reply', 2],
    ];
    for (const [line, source, rcode] of cases) {
      const a = parseDnsmasqMessage(line);
      assert.ok(a !== undefined && a.kind === 'answer', line);
      assert.equal(a.source, source, line);
      assert.equal(a.rcode, rcode, line);
    }
  });

  it('reads dnssec-query and numeric types', () => {
    const d = parseDnsmasqMessage('dnssec-query[DS] example.com to 9.9.9.9');
    assert.ok(d !== undefined && d.kind === 'dnssec-query');
    assert.equal(d.qtype, 43);
    const t = parseDnsmasqMessage('query[type=65534] odd.example from 10.0.0.3');
    assert.ok(t !== undefined && t.kind === 'query');
    assert.equal(t.qtype, 65534);
  });

  it('reads the log-queries=extra serial and client port', () => {
    const q = parseDnsmasqMessage('17 192.168.1.5/40123 query[A] example.com from 192.168.1.5');
    assert.ok(q !== undefined && q.kind === 'query');
    assert.equal(q.serial, 17);
    assert.equal(q.extraClient, '192.168.1.5');
    assert.equal(q.extraPort, 40123);
  });

  it('rejects other dnsmasq messages', () => {
    assert.equal(parseDnsmasqMessage('started, version 2.89 cachesize 150'), undefined);
    assert.equal(parseDnsmasqMessage('query[BOGUS] x from 1.2.3.4'), undefined);
  });
});
