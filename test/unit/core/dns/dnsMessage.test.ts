/**
 * Whole messages through the DNS dissector. Expected values are what tshark 4.0.17 prints
 * for the same bytes (text2pcap + `tshark -T pdml`), offsets relative to the DNS message.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { dissect, hex } from './dnsTestContext';

// A response built by hand-written dns-packet input, checked with tshark: question
// mail.example.org AAAA; answers AAAA, CNAME, MX, TXT (2 strings), SOA, SRV, CAA (critical
// "issue"); additional OPT (UDP 1232, DO) with COOKIE, Extended DNS Error 18 "blocked",
// PADDING (3 bytes) and client subnet 10.0.0.0/24.
const rich = hex(
  '1a2b81800001000700000001046d61696c076578616d706c65036f726700001c0001046d61696c076578616d706c65036f726700001c00010000012c001020010db800000000000000000000002503777777076578616d706c65036f726700000500010000003c0012046d61696c076578616d706c65036f726700076578616d706c65036f726700000f000100000e100012000a026d78076578616d706c65036f726700076578616d706c65036f7267000010000100000e4d000e0b763d73706631202d616c6c0178076578616d706c65036f7267000006000100015180003c026e73076578616d706c65036f7267000a686f73746d6173746572076578616d706c65036f72670078a3f17500001c2000000384001275000000012c045f736970045f746370076578616d706c65036f7267000021000100015fcd00170001000513c403736970076578616d706c65036f726700076578616d706c65036f726700010100010000000000158005697373756563612e6578616d706c652e6e657400002904d0000080000033000a00100102030405060708aabbccddeeff0011000f00090012626c6f636b6564000c000300000000080007000118000a0000',
);

describe('DNS message dissection', () => {
  it('decodes the header and flags of a response as tshark does', () => {
    const d = dissect(rich);
    assert.deepEqual(d.shows('dns.id'), ['0x1a2b']);
    assert.deepEqual(d.shows('dns.flags'), ['0x8180']);
    assert.equal(d.field('dns.flags')?.label, 'Flags: 0x8180 Standard query response, No error');
    assert.deepEqual(d.shows('dns.flags.response'), ['1']);
    assert.deepEqual(d.shows('dns.flags.authoritative'), ['0']);
    assert.deepEqual(d.shows('dns.flags.recavail'), ['1']);
    assert.deepEqual(d.shows('dns.flags.rcode'), ['0']);
    assert.equal(
      d.field('dns.flags.response')?.label,
      '1... .... .... .... = Response: Message is a response',
    );
    assert.equal(
      d.field('dns.flags.rcode')?.label,
      '.... .... .... 0000 = Reply code: No error (0)',
    );
    assert.deepEqual(d.shows('dns.count.answers'), ['7']);
    assert.deepEqual(d.shows('dns.count.add_rr'), ['1']);
  });

  it('decodes the question with name length and label count', () => {
    const d = dissect(rich);
    assert.deepEqual(d.shows('dns.qry.name'), ['mail.example.org']);
    assert.deepEqual(d.shows('dns.qry.name.len'), ['16']);
    assert.deepEqual(d.shows('dns.count.labels'), ['3']);
    assert.deepEqual(d.shows('dns.qry.type'), ['28']);
    assert.deepEqual(d.shows('dns.qry.class'), ['0x0001']);
    const name = d.field('dns.qry.name');
    assert.equal(name?.start, 12);
    assert.equal(name?.length, 18);
    assert.equal(d.field('dns.qry.type')?.label, 'Type: AAAA (IPv6 Address) (28)');
  });

  it('splits each record type into tshark fields with offsets', () => {
    const d = dissect(rich);
    assert.deepEqual(d.shows('dns.aaaa'), ['2001:db8::25']);
    assert.equal(d.field('dns.aaaa')?.start, 104 - 42);
    assert.deepEqual(d.shows('dns.cname'), ['mail.example.org']);
    assert.deepEqual(d.shows('dns.mx.preference'), ['10']);
    assert.deepEqual(d.shows('dns.mx.mail_exchange'), ['mx.example.org']);
    assert.deepEqual(d.shows('dns.txt'), ['v=spf1 -all', 'x']);
    assert.deepEqual(d.shows('dns.txt.length'), ['11', '1']);
    assert.deepEqual(d.shows('dns.soa.mname'), ['ns.example.org']);
    assert.deepEqual(d.shows('dns.soa.rname'), ['hostmaster.example.org']);
    assert.deepEqual(d.shows('dns.soa.serial_number'), ['2024010101']);
    assert.equal(d.field('dns.soa.expire_limit')?.label, 'Expire limit: 1209600 (14 days)');
    assert.deepEqual(d.shows('dns.srv.service'), ['_sip']);
    assert.deepEqual(d.shows('dns.srv.proto'), ['_tcp']);
    assert.deepEqual(d.shows('dns.srv.name'), ['example.org']);
    assert.deepEqual(d.shows('dns.srv.port'), ['5060']);
    assert.deepEqual(d.shows('dns.srv.target'), ['sip.example.org']);
    assert.deepEqual(d.shows('dns.caa.flags'), ['0x80']);
    assert.deepEqual(d.shows('dns.caa.issue'), ['ca.example.net']);
    assert.deepEqual(d.shows('dns.caa.tag'), ['issue']);
    assert.deepEqual(d.shows('dns.resp.ttl'), ['300', '60', '3600', '3661', '86400', '90061', '0']);
    assert.deepEqual(d.shows('dns.resp.len'), ['16', '18', '18', '14', '60', '23', '21', '51']);
  });

  it('labels records and TTLs as tshark -V does', () => {
    const d = dissect(rich);
    const labels = d.tree[0]?.children
      ?.find((c) => c.label === 'Answers')
      ?.children?.map((c) => c.label);
    assert.deepEqual(labels, [
      'mail.example.org: type AAAA, class IN, addr 2001:db8::25',
      'www.example.org: type CNAME, class IN, cname mail.example.org',
      'example.org: type MX, class IN, preference 10, mx mx.example.org',
      'example.org: type TXT, class IN',
      'example.org: type SOA, class IN, mname ns.example.org',
      '_sip._tcp.example.org: type SRV, class IN, priority 1, weight 5, port 5060, target sip.example.org',
      'example.org: type CAA, class IN',
    ]);
    const ttl = d.tree[0]?.children
      ?.find((c) => c.label === 'Answers')
      ?.children?.[5]?.children?.find((c) => c.name === 'dns.resp.ttl');
    assert.equal(ttl?.label, 'Time to live: 90061 (1 day, 1 hour, 1 minute, 1 second)');
  });

  it('decodes the OPT record and each EDNS option', () => {
    const d = dissect(rich);
    assert.deepEqual(d.shows('dns.rr.udp_payload_size'), ['1232']);
    assert.deepEqual(d.shows('dns.resp.z'), ['0x8000']);
    assert.deepEqual(d.shows('dns.resp.z.do'), ['1']);
    assert.deepEqual(d.shows('dns.opt.code'), ['10', '15', '12', '8']);
    assert.deepEqual(d.shows('dns.opt.len'), ['16', '9', '3', '7']);
    assert.deepEqual(d.shows('dns.opt.cookie.client'), ['0102030405060708']);
    assert.deepEqual(d.shows('dns.opt.cookie.server'), ['aabbccddeeff0011']);
    assert.deepEqual(d.shows('dns.opt.ext_error.info_code'), ['18']);
    assert.equal(d.field('dns.opt.ext_error.info_code')?.label, 'Info Code: Prohibited (18)');
    assert.deepEqual(d.shows('dns.opt.ext_error.extra_text'), ['blocked']);
    assert.deepEqual(d.shows('dns.opt.padding'), ['000000']);
    assert.deepEqual(d.shows('dns.opt.client.family'), ['1']);
    assert.deepEqual(d.shows('dns.opt.client.netmask'), ['24']);
    assert.deepEqual(d.shows('dns.opt.client.addr4'), ['10.0.0.0']);
    assert.equal(d.field('dns.opt.client.addr4')?.length, 3);
    assert.equal(
      d.field('dns.resp.z.do')?.label,
      '1... .... .... .... = DO bit: Accepts DNSSEC security RRs',
    );
    assert.deepEqual(d.ctx.dns[0]?.edns, { udpSize: 1232, version: 0, do: true, extRcode: 0 });
  });

  it('builds the Info column and the message summary', () => {
    for (const scan of [false, true]) {
      const d = dissect(rich, { scan });
      assert.equal(
        d.ctx.column.info,
        'Standard query response 0x1a2b AAAA mail.example.org AAAA 2001:db8::25 CNAME mail.example.org ' +
          'MX 10 mx.example.org TXT SOA ns.example.org SRV 1 5 5060 sip.example.org CAA OPT',
      );
      assert.equal(d.ctx.column.protocol, 'DNS');
      const m = d.ctx.dns[0];
      assert.equal(m?.id, 0x1a2b);
      assert.equal(m?.qname, 'mail.example.org');
      assert.equal(m?.qtype, 28);
      assert.equal(m?.ancount, 7);
      assert.equal(m?.malformed, undefined);
    }
  });

  it('allocates no tree in scan mode', () => {
    const d = dissect(rich, { scan: true });
    assert.equal(d.ctx.tree, null);
    assert.equal(d.tree.length, 0);
  });

  it('shows the AD bit of a query only when set, with its query label', () => {
    // id 0x1234, flags 0x0120 (RD, AD), one question: name with a dot inside a label
    // ("a.b"), a backslash, a control byte, an invalid byte, and UTF-8 "é"; type A, class IN.
    const q = hex('1234 0120 0001 0000 0000 0000  03 612e62 04 5c2001ff 02 c3a9 00 0001 0001');
    const d = dissect(q);
    assert.equal(d.field('dns.flags.authenticated')?.label, '.... .... ..1. .... = AD bit: Set');
    assert.deepEqual(d.shows('dns.flags.authoritative'), []);
    assert.deepEqual(d.shows('dns.flags.rcode'), []);
    // tshark: Name: a.b.\ \001\ufffd.é, Name Length 11, Label Count 4
    assert.deepEqual(d.shows('dns.qry.name'), ['a.b.\\ \\001\ufffd.\u00e9']);
    assert.deepEqual(d.shows('dns.qry.name.len'), ['11']);
    assert.deepEqual(d.shows('dns.count.labels'), ['4']);
    assert.equal(d.ctx.column.info, 'Standard query 0x1234 A a.b.\\ \\001\ufffd.\u00e9');
  });

  it('reports bytes after the last record as extraneous data', () => {
    // The query above with one trailing byte 0x0d: tshark shows "Extraneous Data (1 bytes)".
    const d = dissect(hex('1234 0100 0001 0000 0000 0000 01 61 00 0001 0001 0d'));
    assert.deepEqual(d.shows('dns.extraneous.data'), ['0d']);
    assert.deepEqual(d.shows('dns.extraneous.length'), ['1']);
    assert.equal(d.ctx.malformed, undefined);
  });

  it('shows dns.length for a message over TCP and counts pointers from after it', () => {
    // Length 0x002b (43), then a response to a query for a.example with the answer name as pointer c00c.
    const msg = hex(
      '002b 0001 8180 0001 0001 0000 0000 01 61 07 6578616d706c65 00 0001 0001 c00c 0001 0001 0000003c 0004 c0000201',
    );
    const d = dissect(msg, { tcp: true });
    assert.deepEqual(d.shows('dns.length'), ['43']);
    assert.deepEqual(d.shows('dns.resp.name'), ['a.example']);
    assert.deepEqual(d.shows('dns.a'), ['192.0.2.1']);
    assert.equal(d.field('dns.a')?.start, 2 + 12 + 15 + 12);
    assert.equal(d.ctx.dns[0]?.range.start, 2);
    assert.equal(d.ctx.column.info, 'Standard query response 0x0001 A a.example A 192.0.2.1');
  });

  it('names mDNS and LLMNR by port', () => {
    const q = hex('0000 0000 0001 0000 0000 0000 01 61 05 6c6f63616c 00 0001 8001');
    const m = dissect(q, { port: 5353 });
    assert.equal(m.ctx.column.protocol, 'MDNS');
    assert.equal(m.tree[0]?.label, 'Multicast Domain Name System (query)');
    assert.deepEqual(m.shows('dns.qry.qu'), ['1']);
    assert.equal(m.field('dns.qry.class')?.label, '.000 0000 0000 0001 = Class: IN (0x0001)');
    assert.deepEqual(m.shows('dns.qry.class'), ['0x0001']);
    assert.equal(m.ctx.column.info, 'Standard query 0x0000 A a.local, "QU" question');
    const l = dissect(q, { port: 5355 });
    assert.equal(l.ctx.column.protocol, 'LLMNR');
    assert.equal(l.tree[0]?.label, 'Link-local Multicast Name Resolution (query)');
  });

  it('names rcodes and unknown opcodes in the Info column', () => {
    // NXDOMAIN response: tshark Info "Standard query response 0x5934 No such name A nx.test"
    const d = dissect(hex('5934 8183 0001 0000 0000 0000 02 6e78 04 74657374 00 0001 0001'));
    assert.equal(d.ctx.column.info, 'Standard query response 0x5934 No such name A nx.test');
    assert.deepEqual(d.shows('dns.flags.rcode'), ['3']);
    // Opcode 15, rcode 15: "Unknown operation (15) response 0xc980 Unknown error (15)"
    const u = dissect(hex('c980 ffef 0000 0000 0000 0000'));
    assert.equal(u.ctx.column.info, 'Unknown operation (15) response 0xc980 Unknown error (15)');
    assert.equal(
      u.field('dns.flags')?.label,
      'Flags: 0xffef Unknown operation response, Unknown error',
    );
    assert.equal(u.field('dns.flags.z')?.label, '.... .... .1.. .... = Z: reserved - incorrect!');
  });
});
