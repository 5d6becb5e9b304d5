/**
 * dns-packet as a second oracle: messages encoded by dns-packet, dissected by us; the
 * values must agree with what dns-packet put in. Also: the adapter never throws.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as dnsPacket from 'dns-packet';
import { decodeRecordData } from '../../../../src/core/dns/dnsPacketAdapter';
import { dissect } from './dnsTestContext';

function encode(packet: dnsPacket.Packet): Uint8Array {
  return Uint8Array.from(dnsPacket.encode(packet));
}

describe('dns-packet cross-check', () => {
  const packet: dnsPacket.Packet = {
    id: 0x4242,
    type: 'response',
    flags: dnsPacket.RECURSION_DESIRED,
    questions: [{ type: 'A', name: 'host.example.com' }],
    answers: [
      { type: 'A', name: 'host.example.com', ttl: 60, data: '198.51.100.7' },
      { type: 'AAAA', name: 'host.example.com', ttl: 60, data: 'fe80::1:2' },
      { type: 'NS', name: 'example.com', ttl: 3600, data: 'ns1.example.com' },
      { type: 'PTR', name: '7.100.51.198.in-addr.arpa', ttl: 10, data: 'host.example.com' },
      { type: 'TXT', name: 'example.com', ttl: 5, data: ['hello', 'world'] },
      {
        type: 'MX',
        name: 'example.com',
        ttl: 5,
        data: { preference: 20, exchange: 'mail.example.com' },
      },
      {
        type: 'SRV',
        name: '_x._udp.example.com',
        ttl: 5,
        data: { priority: 3, weight: 4, port: 853, target: 'dot.example.com' },
      },
      {
        type: 'DS',
        name: 'example.com',
        ttl: 5,
        data: { keyTag: 12345, algorithm: 13, digestType: 2, digest: Buffer.from([1, 2, 3, 4]) },
      },
      {
        type: 'SSHFP',
        name: 'example.com',
        ttl: 5,
        data: { algorithm: 4, hash: 1, fingerprint: '00112233445566778899aabbccddeeff00112233' },
      },
      {
        type: 'TLSA',
        name: '_443._tcp.example.com',
        ttl: 5,
        data: { usage: 3, selector: 1, matchingType: 1, certificate: Buffer.from([9, 8, 7]) },
      },
    ],
  };
  const bytes = encode(packet);

  it('agrees on every value dns-packet encoded', () => {
    const d = dissect(bytes);
    assert.equal(d.ctx.malformed, undefined);
    assert.deepEqual(d.shows('dns.id'), ['0x4242']);
    assert.deepEqual(d.shows('dns.flags.recdesired'), ['1']);
    assert.deepEqual(d.shows('dns.qry.name'), ['host.example.com']);
    assert.deepEqual(d.shows('dns.a'), ['198.51.100.7']);
    assert.deepEqual(d.shows('dns.aaaa'), ['fe80::1:2']);
    assert.deepEqual(d.shows('dns.ns'), ['ns1.example.com']);
    assert.deepEqual(d.shows('dns.ptr.domain_name'), ['host.example.com']);
    assert.deepEqual(d.shows('dns.txt'), ['hello', 'world']);
    assert.deepEqual(d.shows('dns.mx.preference'), ['20']);
    assert.deepEqual(d.shows('dns.mx.mail_exchange'), ['mail.example.com']);
    assert.deepEqual(d.shows('dns.srv.priority'), ['3']);
    assert.deepEqual(d.shows('dns.srv.weight'), ['4']);
    assert.deepEqual(d.shows('dns.srv.port'), ['853']);
    assert.deepEqual(d.shows('dns.srv.target'), ['dot.example.com']);
    assert.deepEqual(d.shows('dns.ds.key_id'), ['0x3039']);
    assert.deepEqual(d.shows('dns.ds.algorithm'), ['13']);
    assert.deepEqual(d.shows('dns.ds.digest_type'), ['2']);
    assert.deepEqual(d.shows('dns.ds.digest'), ['01020304']);
    assert.deepEqual(d.shows('dns.sshfp.algorithm'), ['4']);
    assert.deepEqual(d.shows('dns.sshfp.fingerprint.type'), ['1']);
    assert.deepEqual(d.shows('dns.sshfp.fingerprint'), [
      '00112233445566778899aabbccddeeff00112233',
    ]);
    assert.deepEqual(d.shows('dns.tlsa.certificate_usage'), ['3']);
    assert.deepEqual(d.shows('dns.tlsa.certificate_association_data'), ['090807']);
  });

  it("attaches dns-packet's decoding to each record item", () => {
    const d = dissect(bytes);
    const answers = d.tree[0]?.children?.find((c) => c.label === 'Answers')?.children ?? [];
    assert.equal(answers.length, 10);
    assert.equal(answers[0]?.value, JSON.stringify('198.51.100.7'));
    assert.deepEqual(JSON.parse(String(answers[5]?.value)), {
      preference: 20,
      exchange: 'mail.example.com',
    });
    assert.deepEqual(JSON.parse(String(answers[4]?.value)), ['68656c6c6f', '776f726c64']);
  });

  it('returns undefined instead of throwing on bad record data', () => {
    const bad = new Uint8Array([0, 5, 1, 2]);
    assert.equal(decodeRecordData(bad, 1, 0), undefined);
    assert.equal(decodeRecordData(bad, 2, 0), undefined);
    assert.equal(decodeRecordData(new Uint8Array(0), 6, 0), undefined);
    assert.equal(decodeRecordData(bad, 65000, 0), undefined);
  });
});
