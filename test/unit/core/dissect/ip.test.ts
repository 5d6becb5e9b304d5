/**
 * IPv4 options and fragment reassembly, IPv6 extension headers and fragments, from
 * hand-written packets. Field texts expected here are tshark 4.0's for the same bytes;
 * reassembled bytes and offsets follow RFC 791 (offsets in 8-byte units) and RFC 8200.
 */
import assert from 'node:assert/strict';
import { concat, find, findAll, harness, hex } from './layerHarness';

// A 70-byte UDP datagram: header (1234 -> 53, length 70) + 62-byte DNS query for
// aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.example.com A IN.
const dns = hex(`
  1a2b 0100 0001 0000 0000 0000
  20 6161616161616161616161616161616161616161616161616161616161616161
  07 6578616d706c65 03 636f6d 00 0001 0001
`);
const datagram = concat(hex('04d2 0035 0046 beef'), dns);

/** IPv4 header, IHL 5, 10.0.0.1 -> 10.0.0.2, protocol 17, id 0x04d2. */
function ipv4Fragment(flagsOffset: string, payload: Uint8Array): Uint8Array {
  const total = (20 + payload.length).toString(16).padStart(4, '0');
  return concat(hex(`45 00 ${total} 04d2 ${flagsOffset} 40 11 0000 0a000001 0a000002`), payload);
}
// Fragments: bytes 0-23 (MF, offset 0), 24-47 (MF, offset 3 = 24 bytes), 48-69 (offset 6).
const frag1 = ipv4Fragment('2000', datagram.subarray(0, 24));
const frag2 = ipv4Fragment('2003', datagram.subarray(24, 48));
const frag3 = ipv4Fragment('0006', datagram.subarray(48));

describe('IPv4', () => {
  it('skips options by the header length and shows the header fields', () => {
    const h = harness();
    // IHL 7: Router Alert (94 04 0000) + NOP NOP NOP EOL; total 28 + 70 = 98; DF set.
    const pkt = concat(
      hex('47 00 0062 1234 4000 40 11 bc4f 0a000001 0a000002 94040000 01010100'),
      datagram,
    );
    const ctx = h.frame(228, pkt, { tree: true });
    assert.deepEqual(ctx.protocols, ['ip', 'udp', 'dns']);
    assert.deepEqual(h.calls[0]?.bytes, dns);
    assert.equal(find(ctx.tree, 'ip.hdr_len').label, '.... 0111 = Header Length: 28 bytes (7)');
    assert.equal(find(ctx.tree, 'ip.hdr_len').show, '28');
    assert.equal(find(ctx.tree, 'ip.options').length, 8);
    assert.equal(find(ctx.tree, 'ip.flags').show, '0x02');
    assert.equal(find(ctx.tree, 'ip.flags').label, "010. .... = Flags: 0x2, Don't fragment");
    assert.equal(find(ctx.tree, 'ip.flags.df').show, '1');
    assert.equal(find(ctx.tree, 'ip.id').label, 'Identification: 0x1234 (4660)');
    assert.equal(find(ctx.tree, 'ip.id').show, '0x1234');
    assert.equal(find(ctx.tree, 'ip.proto').label, 'Protocol: UDP (17)');
    assert.equal(find(ctx.tree, 'ip.checksum').show, '0xbc4f');
    assert.equal(find(ctx.tree, 'ip.src').show, '10.0.0.1');
    assert.equal(find(ctx.tree, 'ip.dst').show, '10.0.0.2');
    assert.equal(
      ctx.tree?.find((n) => n.name === 'ip')?.label,
      'Internet Protocol Version 4, Src: 10.0.0.1, Dst: 10.0.0.2',
    );
  });

  it('reassembles fragments in order in the frame with the last one', () => {
    const h = harness();
    const c1 = h.frame(228, frag1, { tree: true });
    assert.deepEqual(c1.protocols, ['ip', 'data']);
    assert.equal(c1.column.info, 'Fragmented IP protocol (proto=UDP 17, off=0, ID=04d2)');
    const c2 = h.frame(228, frag2, { tree: true });
    assert.equal(c2.column.info, 'Fragmented IP protocol (proto=UDP 17, off=24, ID=04d2)');
    assert.equal(find(c2.tree, 'ip.frag_offset').show, '3');
    assert.equal(
      find(c2.tree, 'ip.frag_offset').label,
      '...0 0000 0000 0011 = Fragment Offset: 24',
    );
    assert.equal(h.calls.length, 0);
    const c3 = h.frame(228, frag3, { tree: true });
    assert.deepEqual(c3.protocols, ['ip', 'udp', 'dns']);
    assert.equal(h.calls.length, 1);
    assert.equal(h.calls[0]?.frame, 3);
    assert.equal(h.calls[0]?.sourceName, 'Reassembled IPv4');
    assert.deepEqual(h.calls[0]?.bytes, dns);
    assert.deepEqual(c3.sources[1]?.bytes, datagram);
    assert.equal(
      find(c3.tree, 'ip.fragments').label,
      '3 IPv4 Fragments (70 bytes): #1(24), #2(24), #3(22)',
    );
    assert.deepEqual(
      findAll(c3.tree, 'ip.fragment').map((n) => n.show),
      ['1', '2', '3'],
    );
    assert.equal(find(c3.tree, 'udp.length').source, 1);
  });

  it('reassembles fragments that arrive out of order', () => {
    const h = harness();
    h.frame(228, frag3);
    h.frame(228, frag1);
    assert.equal(h.calls.length, 0);
    const ctx = h.frame(228, frag2);
    assert.deepEqual(ctx.protocols, ['ip', 'udp', 'dns']);
    assert.deepEqual(ctx.sources[1]?.bytes, datagram);
    assert.deepEqual(h.calls[0]?.bytes, dns);
  });

  it('keeps the first copy of overlapping bytes', () => {
    const h = harness();
    h.frame(228, frag1);
    // A second fragment at offset 16 (2 units) rewriting bytes 16..47 with 0xee, sent first.
    const bogus = ipv4Fragment('2002', new Uint8Array(32).fill(0xee));
    h.frame(228, bogus);
    h.frame(228, frag2);
    const ctx = h.frame(228, frag3);
    const whole = ctx.sources[1]?.bytes;
    assert.ok(whole);
    // 0..23 from frag1 (first), 24..47 from the bogus fragment (it came before frag2).
    assert.deepEqual(whole.subarray(0, 24), datagram.subarray(0, 24));
    assert.deepEqual(whole.subarray(24, 48), new Uint8Array(24).fill(0xee));
    assert.deepEqual(whole.subarray(48), datagram.subarray(48));
  });

  it('does not mix fragments of different ids', () => {
    const h = harness();
    h.frame(228, frag1);
    const other = frag2.slice();
    other[5] = 0xd3; // id 0x04d3
    h.frame(228, other);
    h.frame(228, frag3);
    assert.equal(h.calls.length, 0);
  });

  it('gives the same datagram when the completing frame is dissected again', () => {
    const h = harness();
    h.frame(228, frag1, { frame: 1 });
    h.frame(228, frag2, { frame: 2 });
    h.frame(228, frag3, { frame: 3 });
    const again = h.frame(228, frag3, { frame: 3, tree: true });
    assert.deepEqual(again.sources[1]?.bytes, datagram);
    assert.equal(h.calls.length, 2);
    const earlier = h.frame(228, frag1, { frame: 1 });
    assert.deepEqual(earlier.protocols, ['ip', 'data']);
  });
});

/** IPv6 ::1 -> ::2 with the given payload length and next header. */
function ipv6Header(payloadLength: number, next: number): Uint8Array {
  const plen = payloadLength.toString(16).padStart(4, '0');
  const nxt = next.toString(16).padStart(2, '0');
  return hex(
    `60000000 ${plen} ${nxt} 40 00000000000000000000000000000001 00000000000000000000000000000002`,
  );
}

describe('IPv6', () => {
  it('walks hop-by-hop, destination options, routing and AH to UDP', () => {
    const h = harness();
    const ext = hex(`
      3c 00 01 04 00000000                      # hop-by-hop: next 60, len 0, PadN(4)
      2b 00 01 04 00000000                      # destination options: next 43, PadN(4)
      33 02 00 00 00000000 00000000000000000000000000000009  # routing type 0: next 51, 24 bytes
      11 04 0000 00000100 00000001 aaaaaaaaaaaaaaaaaaaaaaaa  # AH: next 17, (4+2)*4 = 24 bytes
    `);
    const ctx = h.frame(229, concat(ipv6Header(ext.length + datagram.length, 0), ext, datagram), {
      tree: true,
    });
    assert.deepEqual(ctx.protocols, [
      'ipv6',
      'ipv6.hopopts',
      'ipv6.dstopts',
      'ipv6.routing',
      'ah',
      'udp',
      'dns',
    ]);
    assert.deepEqual(h.calls[0]?.bytes, dns);
    assert.equal(find(ctx.tree, 'ipv6.nxt').label, 'Next Header: IPv6 Hop-by-Hop Option (0)');
    assert.equal(find(ctx.tree, 'ipv6.plen').show, String(ext.length + datagram.length));
    assert.equal(find(ctx.tree, 'ipv6.src').show, '::1');
    assert.equal(find(ctx.tree, 'ipv6.routing.len_oct').label, 'Length: 24 bytes');
    assert.equal(
      ctx.tree?.find((n) => n.name === 'ipv6')?.label,
      'Internet Protocol Version 6, Src: ::1, Dst: ::2',
    );
  });

  // Fragment headers: next 17, offset 0 + M, and offset 4 (32 bytes), id 0xdeadbeef.
  const f1 = concat(ipv6Header(8 + 32, 44), hex('11 00 0001 deadbeef'), datagram.subarray(0, 32));
  const f2 = concat(ipv6Header(8 + 38, 44), hex('11 00 0020 deadbeef'), datagram.subarray(32));

  it('reassembles fragments in order', () => {
    const h = harness();
    const c1 = h.frame(229, f1, { tree: true });
    assert.deepEqual(c1.protocols, ['ipv6', 'ipv6.fraghdr', 'data']);
    assert.equal(c1.column.info, 'IPv6 fragment (off=0 more=y ident=0xdeadbeef nxt=17)');
    const c2 = h.frame(229, f2, { tree: true });
    assert.deepEqual(c2.protocols, ['ipv6', 'ipv6.fraghdr', 'udp', 'dns']);
    assert.equal(
      find(c2.tree, 'ipv6.fraghdr.offset').label,
      '0000 0000 0010 0... = Offset: 4 (32 bytes)',
    );
    assert.equal(find(c2.tree, 'ipv6.fraghdr.ident').show, '0xdeadbeef');
    assert.equal(c2.sources[1]?.name, 'Reassembled IPv6');
    assert.deepEqual(c2.sources[1]?.bytes, datagram);
    assert.deepEqual(h.calls[0]?.bytes, dns);
  });

  it('reassembles fragments out of order', () => {
    const h = harness();
    const c1 = h.frame(229, f2, { tree: true });
    assert.equal(c1.column.info, 'IPv6 fragment (off=32 more=n ident=0xdeadbeef nxt=17)');
    const c2 = h.frame(229, f1);
    assert.deepEqual(c2.protocols, ['ipv6', 'ipv6.fraghdr', 'udp', 'dns']);
    assert.deepEqual(h.calls[0]?.bytes, dns);
  });

  it('decodes an atomic fragment (offset 0, no M) directly', () => {
    const h = harness();
    const ctx = h.frame(
      229,
      concat(ipv6Header(8 + datagram.length, 44), hex('11 00 0000 00000001'), datagram),
    );
    assert.deepEqual(ctx.protocols, ['ipv6', 'ipv6.fraghdr', 'udp', 'dns']);
  });

  it('marks a truncated extension header malformed without calling DNS', () => {
    const h = harness();
    const ctx = h.frame(229, concat(ipv6Header(4, 0), hex('11 05 0000')));
    assert.equal(ctx.malformed?.protocol, 'IPv6');
    assert.equal(h.calls.length, 0);
  });
});
