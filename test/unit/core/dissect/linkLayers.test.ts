/**
 * Every link type DNSpector decodes, from hand-written frames carrying the same IPv4 (or
 * IPv6) UDP DNS query. Expected protocol lists are tshark 4.0's frame.protocols for the
 * same bytes (checked with tshark on a pcap built from them); addresses and ranges come
 * from the bytes written here.
 */
import assert from 'node:assert/strict';
import { find, harness, hex, concat } from './layerHarness';

// DNS query 0x1a2b, RD, one question: example.com A IN (29 bytes).
const dnsQuery = hex(`
  1a2b 0100 0001 0000 0000 0000            # id, flags, qd=1, an=ns=ar=0
  07 6578616d706c65 03 636f6d 00 0001 0001 # example.com A IN
`);
// UDP 1234 -> 53, length 37 (8 + 29), checksum 0xbeef.
const udp = concat(hex('04d2 0035 0025 beef'), dnsQuery);
// IPv4 10.0.0.1 -> 10.0.0.2, IHL 5, total 57, id 0x1234, TTL 64, proto 17.
const ipv4 = concat(hex('45 00 0039 1234 0000 40 11 0000 0a000001 0a000002'), udp);
// IPv6 ::1 -> ::2, payload length 37, next header 17, hop limit 64.
const ipv6 = concat(
  hex('60000000 0025 11 40 00000000000000000000000000000001 00000000000000000000000000000002'),
  udp,
);
const macs = hex('001122334466 001122334455'); // dst, src

describe('link layers', () => {
  it('Ethernet II hands IPv4 to IP and the datagram to DNS', () => {
    const h = harness();
    const ctx = h.frame(1, concat(macs, hex('0800'), ipv4), { tree: true });
    assert.deepEqual(ctx.protocols, ['eth', 'ethertype', 'ip', 'udp', 'dns']);
    assert.equal(
      ctx.tree?.[0]?.label,
      'Ethernet II, Src: 00:11:22:33:44:55, Dst: 00:11:22:33:44:66',
    );
    assert.equal(find(ctx.tree, 'eth.type').show, '0x0800');
    assert.equal(find(ctx.tree, 'eth.type').label, 'Type: IPv4 (0x0800)');
    assert.equal(h.calls.length, 1);
    assert.deepEqual(h.calls[0]?.bytes, dnsQuery);
    assert.equal(ctx.net.ipVersion, 4);
    assert.deepEqual([ctx.net.srcPort, ctx.net.dstPort, ctx.net.transport], [1234, 53, 'udp']);
  });

  it('reports Ethernet padding after the IP datagram', () => {
    const h = harness();
    const ctx = h.frame(1, concat(macs, hex('0800'), ipv4, hex('000000')), { tree: true });
    const pad = find(ctx.tree, 'eth.padding');
    assert.equal(pad.start, 14 + 57);
    assert.equal(pad.length, 3);
    assert.deepEqual(h.calls[0]?.bytes, dnsQuery);
  });

  it('802.1Q tag: PRI 1, ID 100, then IPv4', () => {
    const h = harness();
    // TPID 0x8100, TCI 0x2064 = priority 1, DEI 0, VID 100.
    const ctx = h.frame(1, concat(macs, hex('8100 2064 0800'), ipv4), { tree: true });
    assert.deepEqual(ctx.protocols, ['eth', 'ethertype', 'vlan', 'ethertype', 'ip', 'udp', 'dns']);
    assert.equal(find(ctx.tree, 'vlan.id').show, '100');
    assert.equal(find(ctx.tree, 'vlan.id').label, '.... 0000 0110 0100 = ID: 100');
    assert.equal(find(ctx.tree, 'vlan.etype').show, '0x0800');
    assert.equal(
      ctx.tree?.find((n) => n.name === 'vlan')?.label,
      '802.1Q Virtual LAN, PRI: 1, DEI: 0, ID: 100',
    );
    assert.equal(h.calls.length, 1);
  });

  it('802.1ad service tag then 802.1Q customer tag (QinQ)', () => {
    const h = harness();
    // S-tag 0x88a8 VID 16, C-tag 0x8100 VID 32, then IPv4.
    const ctx = h.frame(1, concat(macs, hex('88a8 0010 8100 0020 0800'), ipv4), { tree: true });
    assert.deepEqual(ctx.protocols, [
      'eth',
      'ethertype',
      'ieee8021ad',
      'ethertype',
      'vlan',
      'ethertype',
      'ip',
      'udp',
      'dns',
    ]);
    assert.equal(find(ctx.tree, 'ieee8021ad.id').show, '16');
    assert.equal(find(ctx.tree, 'vlan.id').show, '32');
    assert.equal(h.calls.length, 1);
  });

  it('old QinQ 0x9100 is decoded as two 802.1Q tags', () => {
    const h = harness();
    const ctx = h.frame(1, concat(macs, hex('9100 0030 8100 0040 0800'), ipv4), { tree: true });
    assert.deepEqual(ctx.protocols.slice(0, 6), [
      'eth',
      'ethertype',
      'vlan',
      'ethertype',
      'vlan',
      'ethertype',
    ]);
    assert.deepEqual(
      ctx.tree?.filter((n) => n.name === 'vlan').map((n) => n.label),
      ['802.1Q Virtual LAN, PRI: 0, DEI: 0, ID: 48', '802.1Q Virtual LAN, PRI: 0, DEI: 0, ID: 64'],
    );
  });

  it('Linux cooked v1 (113)', () => {
    const h = harness();
    // pkttype 0 (to us), hatype 1, halen 6, address + 2 unused, protocol 0x0800.
    const ctx = h.frame(113, concat(hex('0000 0001 0006 001122334455 0000 0800'), ipv4), {
      tree: true,
    });
    assert.deepEqual(ctx.protocols, ['sll', 'ethertype', 'ip', 'udp', 'dns']);
    assert.equal(find(ctx.tree, 'sll.pkttype').label, 'Packet type: Unicast to us (0)');
    assert.equal(find(ctx.tree, 'sll.etype').show, '0x0800');
    assert.equal(h.calls.length, 1);
  });

  it('Linux cooked v2 (276)', () => {
    const h = harness();
    // protocol 0x86dd, reserved, ifindex 2, hatype 1, pkttype 4 (sent by us), halen 6, address.
    const ctx = h.frame(276, concat(hex('86dd 0000 00000002 0001 04 06 001122334455 0000'), ipv6), {
      tree: true,
    });
    assert.deepEqual(ctx.protocols, ['sll', 'ethertype', 'ipv6', 'udp', 'dns']);
    assert.equal(find(ctx.tree, 'sll.ifindex').show, '2');
    assert.equal(find(ctx.tree, 'sll.pkttype').label, 'Packet type: Sent by us (4)');
    assert.equal(ctx.net.ipVersion, 6);
    assert.equal(h.calls.length, 1);
  });

  it('BSD null (0) in little-endian host order', () => {
    const h = harness();
    const ctx = h.frame(0, concat(hex('02000000'), ipv4), { tree: true });
    assert.deepEqual(ctx.protocols, ['null', 'ip', 'udp', 'dns']);
    assert.equal(find(ctx.tree, 'null.family').label, 'Family: IP (2)');
  });

  it('BSD null (0) written by a big-endian host is byte-swapped', () => {
    const h = harness();
    const ctx = h.frame(0, concat(hex('00000018'), ipv6), { tree: true }); // 24 = AF_INET6 on NetBSD/OpenBSD
    assert.deepEqual(ctx.protocols, ['null', 'ipv6', 'udp', 'dns']);
    assert.equal(find(ctx.tree, 'null.family').show, '24');
  });

  for (const family of ['1c000000', '1e000000']) {
    it(`BSD null family ${family} (FreeBSD 28 / Darwin 30) is IPv6`, () => {
      const h = harness();
      const ctx = h.frame(0, concat(hex(family), ipv6));
      assert.deepEqual(ctx.protocols, ['null', 'ipv6', 'udp', 'dns']);
    });
  }

  it('LOOP (108) is always network byte order', () => {
    const h = harness();
    const ctx = h.frame(108, concat(hex('00000002'), ipv4));
    assert.deepEqual(ctx.protocols, ['null', 'ip', 'udp', 'dns']);
  });

  it('RAW (101) picks IPv4 or IPv6 by the version nibble', () => {
    const h = harness();
    assert.deepEqual(h.frame(101, ipv4).protocols, ['raw', 'ip', 'udp', 'dns']);
    assert.deepEqual(h.frame(101, ipv6).protocols, ['raw', 'ipv6', 'udp', 'dns']);
  });

  it('IPV4 (228) and IPV6 (229) go straight to IP', () => {
    const h = harness();
    assert.deepEqual(h.frame(228, ipv4).protocols, ['ip', 'udp', 'dns']);
    assert.deepEqual(h.frame(229, ipv6).protocols, ['ipv6', 'udp', 'dns']);
  });

  it('PPP (9) with address and control, protocol 0x0021', () => {
    const h = harness();
    const ctx = h.frame(9, concat(hex('ff 03 0021'), ipv4), { tree: true });
    assert.deepEqual(ctx.protocols, ['ppp', 'ip', 'udp', 'dns']);
    assert.equal(
      find(ctx.tree, 'ppp.protocol').label,
      'Protocol: Internet Protocol version 4 (0x0021)',
    );
  });

  it('an unknown ethertype ends at data, without DNS', () => {
    const h = harness();
    const ctx = h.frame(1, concat(macs, hex('88cc'), hex('0102030405')));
    assert.deepEqual(ctx.protocols, ['eth', 'ethertype', 'data']);
    assert.equal(h.calls.length, 0);
  });

  it('scan mode builds no tree but fills the same network info', () => {
    const h = harness();
    const ctx = h.frame(1, concat(macs, hex('8100 2064 0800'), ipv4));
    assert.equal(ctx.tree, null);
    assert.equal(ctx.net.src?.start, 18 + 12);
    assert.equal(ctx.net.dst?.start, 18 + 16);
    assert.equal(h.calls.length, 1);
  });
});
