/**
 * BIND query-log lines of every era, parsed from short quoted samples. Expected values are
 * read off each sample by hand. Sources: the older forms are the samples quoted in issue 5
 * (which took them from ISC's knowledge base and the ossec-hids / logstash named pattern
 * discussions); the 9.11+ and prefix forms follow BIND 9.18's lib/ns/query.c log_query.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { decodeBindFlags } from '../../../../src/core/querylog/bindFlags';
import { parseBindQuery } from '../../../../src/core/querylog/bindQueryLog';

describe('BIND query log lines', () => {
  it('reads the pre-9.9 form (no client name, no server address)', () => {
    // issue 5: "before 9.9"
    const q = parseBindQuery('client 133.95.1.2#1234: query: www.example.com IN AAAA +');
    assert.ok(q);
    assert.equal(q.client, '133.95.1.2');
    assert.equal(q.clientPort, 1234);
    assert.equal(q.clientName, undefined);
    assert.equal(q.qname, 'www.example.com');
    assert.equal(q.qclass, 1);
    assert.equal(q.qtype, 28);
    assert.equal(q.flags.recursionDesired, true);
    assert.equal(q.flags.edns, false);
    assert.equal(q.server, undefined);
  });

  it('reads the 9.9 form with the client name and the server address', () => {
    // issue 5: "9.9" (logstash pattern discussion sample)
    const q = parseBindQuery(
      'client 127.0.0.1#54819 (daisy.ubuntu.com): query: daisy.ubuntu.com IN AAAA + (127.0.0.1)',
    );
    assert.ok(q);
    assert.equal(q.clientName, 'daisy.ubuntu.com');
    assert.equal(q.clientPort, 54819);
    assert.equal(q.server, '127.0.0.1');
    assert.equal(q.qtype, 28);
  });

  it('reads the 9.10 form with a bare E and with E(0)K', () => {
    // issue 5: "9.10"
    const a = parseBindQuery(
      'client 10.0.0.7#5300 (example.com): query: example.com IN A +E (1.2.3.5)',
    );
    assert.ok(a);
    assert.equal(a.flags.edns, true);
    assert.equal(a.flags.ednsVersion, undefined);
    assert.equal(a.server, '1.2.3.5');
    const b = parseBindQuery(
      'client 10.0.0.7#5300 (example.com): query: example.com IN A +E(0)K (1.2.3.5)',
    );
    assert.ok(b);
    assert.equal(b.flags.ednsVersion, 0);
    assert.equal(b.flags.cookieWithoutValidServerCookie, true);
    assert.equal(b.flags.validServerCookie, false);
  });

  it('reads the 9.11+ form with the client object, and a trailing ECS part', () => {
    // issue 5: "9.11 and later"
    const line =
      'client @0x7fda1d74e7d0 192.168.1.6#60844 (example.net): query: example.net IN A +E(0)D (192.168.1.250)';
    const q = parseBindQuery(line);
    assert.ok(q);
    assert.equal(q.clientObject, '0x7fda1d74e7d0');
    assert.equal(q.client, '192.168.1.6');
    assert.equal(q.flags.dnssecOk, true);
    assert.equal(q.server, '192.168.1.250');
    assert.equal(q.ecs, undefined);
    const e = parseBindQuery(line + ' [ECS 192.0.2.0/24/0]');
    assert.ok(e);
    assert.equal(e.ecs, '192.0.2.0/24/0');
    assert.equal(e.server, '192.168.1.250');
  });

  it('reads a view in each era', () => {
    const old = parseBindQuery('client 10.1.1.1#999: view internal: query: a.example IN MX -');
    assert.ok(old);
    assert.equal(old.view, 'internal');
    assert.equal(old.qtype, 15);
    assert.equal(old.flags.recursionDesired, false);
    const now = parseBindQuery(
      'client @0x7f00aa 10.1.1.1#999 (a.example): view ext-view: query: a.example IN TXT +E(0)TC (10.9.9.9)',
    );
    assert.ok(now);
    assert.equal(now.view, 'ext-view');
    assert.equal(now.flags.tcp, true);
    assert.equal(now.flags.checkingDisabled, true);
  });

  it('skips BIND print-category and print-severity words', () => {
    const q = parseBindQuery('queries: info: client 10.1.1.1#999: query: a.example IN A +');
    assert.ok(q);
    assert.equal(q.client, '10.1.1.1');
  });

  it('reads IPv6 clients and servers', () => {
    const q = parseBindQuery(
      'client @0x7f0000000001 2001:db8::1#53 (v6.example): query: v6.example IN AAAA +E(0) (2001:db8::53)',
    );
    assert.ok(q);
    assert.equal(q.client, '2001:db8::1');
    assert.equal(q.clientPort, 53);
    assert.equal(q.server, '2001:db8::53');
  });

  it('keeps escaped names, including escaped parentheses in the client name', () => {
    const q = parseBindQuery(
      String.raw`client 10.0.0.1#1 (a\032b\(c\).example): query: a\032b\(c\).example IN A +`,
    );
    assert.ok(q);
    assert.equal(q.qname, String.raw`a\032b\(c\).example`);
    assert.equal(q.clientName, String.raw`a\032b\(c\).example`);
  });

  it('reads every class mnemonic and TYPEnnn / CLASSnnn numbers', () => {
    const cases: [string, number, string, number][] = [
      ['IN', 1, 'TYPE65534', 65534],
      ['CH', 3, 'TXT', 16],
      ['HS', 4, 'A', 1],
      ['ANY', 255, 'ANY', 255],
      ['NONE', 254, 'SOA', 6],
      ['CLASS42', 42, 'HTTPS', 65],
      ['IN', 1, 'NSAP-PTR', 23],
      ['IN', 1, 'AXFR', 252],
    ];
    for (const [cls, clsN, type, typeN] of cases) {
      const q = parseBindQuery(`client 10.0.0.1#1: query: x.example ${cls} ${type} -`);
      assert.ok(q, `${cls} ${type}`);
      assert.equal(q.qclass, clsN, cls);
      assert.equal(q.qtype, typeN, type);
    }
  });

  it('rejects lines that are not queries', () => {
    assert.equal(parseBindQuery("client 10.0.0.1#1: query (cache) 'x/A/IN' denied"), undefined);
    assert.equal(parseBindQuery('client 10.0.0.1#1: query: x.example IN BOGUSTYPE +'), undefined);
    assert.equal(parseBindQuery('client 10.0.0.1#99999: query: x.example IN A +'), undefined);
    assert.equal(parseBindQuery('zone example.com/IN: loaded serial 1'), undefined);
  });
});

describe('BIND flag string', () => {
  it('decodes every letter', () => {
    const f = decodeBindFlags('+SE(1)TDCVK');
    assert.deepEqual(f, {
      recursionDesired: true,
      signed: true,
      edns: true,
      ednsVersion: 1,
      tcp: true,
      dnssecOk: true,
      checkingDisabled: true,
      validServerCookie: true,
      cookieWithoutValidServerCookie: true,
      unknown: '',
    });
  });

  it('keeps unknown letters and refuses a string without + or -', () => {
    assert.equal(decodeBindFlags('-EX')?.unknown, 'X');
    assert.equal(decodeBindFlags('E'), undefined);
  });
});
