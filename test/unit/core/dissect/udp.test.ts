/**
 * UDP length handling as tshark 4.0 does it (checked on hand-built captures and on
 * tcpdump's dns-zlip-*.pcap, whose datagrams carry no payload) and tshark's DNS
 * heuristic on other ports (rules measured with tshark on port 9999).
 */
import assert from 'node:assert/strict';
import { concat, find, harness, hex } from './layerHarness';

const dnsQuery = hex('1a2b 0100 0001 0000 0000 0000 07 6578616d706c65 03 636f6d 00 0001 0001');

/** IPv4 (raw link type 228) 10.0.0.1 -> 10.0.0.2 carrying the given UDP bytes. */
function ip(udpBytes: Uint8Array): Uint8Array {
  const total = (20 + udpBytes.length).toString(16).padStart(4, '0');
  return concat(hex(`45 00 ${total} 0001 0000 40 11 0000 0a000001 0a000002`), udpBytes);
}

describe('UDP', () => {
  it('shows ports, length and an unverified checksum', () => {
    const h = harness();
    const ctx = h.frame(228, ip(concat(hex('0035 a012 0025 beef'), dnsQuery)), { tree: true });
    assert.equal(
      ctx.tree?.find((n) => n.name === 'udp')?.label,
      'User Datagram Protocol, Src Port: 53, Dst Port: 40978',
    );
    assert.equal(find(ctx.tree, 'udp.srcport').show, '53');
    assert.equal(find(ctx.tree, 'udp.dstport').show, '40978');
    assert.equal(find(ctx.tree, 'udp.length').show, '37');
    assert.equal(find(ctx.tree, 'udp.checksum').label, 'Checksum: 0xbeef [unverified]');
    assert.deepEqual(h.calls[0]?.bytes, dnsQuery);
  });

  it('a length of 8 (no payload, as in dns-zlip) gives no DNS', () => {
    const h = harness();
    const ctx = h.frame(228, ip(concat(hex('0400 0035 0008 82b7'), dnsQuery)));
    assert.deepEqual(ctx.protocols, ['ip', 'udp']);
    assert.equal(h.calls.length, 0);
  });

  it('a length of 0 is bogus: no DNS, not malformed', () => {
    const h = harness();
    const ctx = h.frame(228, ip(concat(hex('0400 0035 0000 82b7'), dnsQuery)), { tree: true });
    assert.equal(h.calls.length, 0);
    assert.equal(ctx.malformed, undefined);
    assert.equal(find(ctx.tree, 'udp.length').label, 'Length: 0 (bogus, must be >= 8)');
  });

  it('a length beyond the IP payload still hands on the bytes present', () => {
    const h = harness();
    h.frame(228, ip(concat(hex('0400 0035 0100 82b7'), dnsQuery)));
    assert.deepEqual(h.calls[0]?.bytes, dnsQuery);
  });

  it('a shorter length cuts the payload (trailing bytes are not DNS)', () => {
    const h = harness();
    h.frame(228, ip(concat(hex('0400 0035 0025 82b7'), dnsQuery, hex('deadbeef'))));
    assert.deepEqual(h.calls[0]?.bytes, dnsQuery);
  });

  it('a header cut short is malformed UDP', () => {
    const h = harness();
    const ctx = h.frame(228, ip(hex('0400 0035 00')));
    assert.equal(ctx.malformed?.protocol, 'UDP');
  });

  it('DNS on 5353 and 5355 and on ports given in the options', () => {
    const h = harness();
    h.frame(228, ip(concat(hex('14e9 14e9 0025 0000'), dnsQuery))); // 5353
    h.frame(228, ip(concat(hex('14eb 9c40 0025 0000'), dnsQuery))); // 5355
    assert.equal(h.calls.length, 2);
    const extra = harness(true, { extraDnsPorts: [8053] });
    // A response on 8053 with two questions would fail the heuristic: only the port makes it DNS.
    extra.frame(
      228,
      ip(
        concat(
          hex('1f75 9c40 0036 0000 1a2b 8180 0002 0000 0000 0000'),
          hex('07 6578616d706c65 03 636f6d 00 0001 0001'),
          hex('07 6578616d706c65 03 636f6d 00 0001 0001'),
        ),
      ),
    );
    assert.equal(extra.calls.length, 1);
  });

  describe('DNS heuristic on other ports', () => {
    const on9999 = (payload: Uint8Array): Uint8Array => {
      const len = (8 + payload.length).toString(16).padStart(4, '0');
      return ip(concat(hex(`9c40 270f ${len} 0000`), payload));
    };
    const header = (flags: string, qd: number, an: number, ns: number, ar: number): Uint8Array =>
      hex(
        `1234 ${flags} ${[qd, an, ns, ar].map((n) => n.toString(16).padStart(4, '0')).join(' ')}`,
      );
    const question = hex('07 6578616d706c65 03 636f6d 00 0001 0001');
    const cases: [string, Uint8Array, boolean][] = [
      ['a standard query with one question', concat(header('0100', 1, 0, 0, 0), question), true],
      ['a query with additional records', concat(header('0100', 1, 0, 0, 3), question), true],
      ['a query with two questions', concat(header('0100', 2, 0, 0, 0), question, question), false],
      ['a query with an answer', concat(header('0100', 1, 1, 0, 0), question), false],
      [
        'a response without question but with an answer',
        concat(header('8180', 0, 1, 0, 0), question),
        true,
      ],
      ['a response with 20 answers', concat(header('8180', 1, 20, 0, 0), question), true],
      ['a NOTIFY (opcode 4)', concat(header('2000', 1, 0, 0, 0), question), false],
      ['a bare 12-byte header', header('0100', 1, 0, 0, 0), false],
    ];
    for (const [what, payload, dns] of cases) {
      it(`${what}: ${dns ? 'DNS' : 'not DNS'}`, () => {
        const h = harness();
        h.frame(228, on9999(payload));
        assert.equal(h.calls.length, dns ? 1 : 0);
      });
    }
  });
});
