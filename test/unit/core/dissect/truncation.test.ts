/**
 * Every layer must survive any prefix of a frame: cut each sample frame at every byte
 * length, dissect it in scan and in tree mode, and require that nothing throws and that
 * DNS only ever receives bytes inside the frame. Also random bytes under every link type
 * (gopacket's fuzz-target idea, with a fixed seed so failures reproduce).
 */
import assert from 'node:assert/strict';
import { concat, harness, hex } from './layerHarness';

const dnsQuery = hex('1a2b 0100 0001 0000 0000 0000 07 6578616d706c65 03 636f6d 00 0001 0001');
const udp = concat(hex('04d2 0035 0025 beef'), dnsQuery);
const ipv4 = concat(
  hex('47 00 0041 1234 0000 40 11 0000 0a000001 0a000002 94040000 01010100'),
  udp,
);
const ipv6ext = concat(
  hex('60000000 0035 00 40 00000000000000000000000000000001 00000000000000000000000000000002'),
  hex('2c 00 01 04 00000000'), // hop-by-hop, next = fragment
  hex('11 00 0000 00000001'), // atomic fragment, next = UDP
  udp,
);
const tcp = concat(
  hex('45 00 004b 0001 4000 40 06 0000 0a000001 0a000002'),
  hex('9c40 0035 000003e9 00001389 60 18 2000 abcd 0000 020405b4'), // data offset 6: MSS option
  hex('001d'),
  dnsQuery,
);
const eth = (type: string, payload: Uint8Array): Uint8Array =>
  concat(hex(`001122334466 001122334455 ${type}`), payload);

const samples: [string, number, Uint8Array][] = [
  ['Ethernet + 802.1Q + IPv4 options + UDP', 1, eth('8100 0064 0800', ipv4)],
  ['Ethernet + QinQ + IPv6 extension headers', 1, eth('88a8 0010 8100 0020 86dd', ipv6ext)],
  ['Ethernet + TCP with options', 1, eth('0800', tcp)],
  ['SLL + IPv4', 113, concat(hex('0000 0001 0006 001122334455 0000 0800'), ipv4)],
  ['SLL2 + IPv6', 276, concat(hex('86dd 0000 00000002 0001 04 06 001122334455 0000'), ipv6ext)],
  ['null + IPv4', 0, concat(hex('02000000'), ipv4)],
  ['loop + TCP', 108, concat(hex('00000002'), tcp)],
  ['raw IPv6', 101, ipv6ext],
  ['PPP + IPv4', 9, concat(hex('ff03 0021'), ipv4)],
];

describe('truncated and random frames', () => {
  for (const [what, linkType, frame] of samples) {
    it(`${what}: every prefix dissects without throwing, in both modes`, () => {
      for (let n = 0; n <= frame.length; n++) {
        for (const tree of [false, true]) {
          const h = harness();
          const cut = frame.slice(0, n);
          const ctx = h.frame(linkType, cut, { tree, originalLength: frame.length });
          for (const call of h.calls) assert.ok(call.bytes.length <= n);
          if (n === frame.length) assert.equal(h.calls.length, 1, 'the whole frame reaches DNS');
          if (tree && n > 0) assert.ok((ctx.tree?.length ?? 0) > 0, `a tree for ${n} bytes`);
        }
      }
    });
  }

  it('random bytes under every link type never throw', () => {
    let seed = 0x2545f491;
    const next = (): number => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return seed >>> 0;
    };
    const h = harness();
    for (let i = 0; i < 3000; i++) {
      const data = new Uint8Array(next() % 120);
      for (let j = 0; j < data.length; j++) data[j] = next() & 0xff;
      // Make the IP version plausible half of the time so deeper layers get exercised.
      if (data.length > 20 && i % 2 === 0) data[14] = 0x45;
      for (const linkType of [0, 1, 9, 101, 108, 113, 228, 229, 276])
        h.frame(linkType, data, { tree: i % 3 === 0 });
    }
  });
});
