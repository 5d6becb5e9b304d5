/**
 * Fuzzes each layer through the frame dissector: the frames of the seed captures, per link
 * type (Ethernet, SLL, SLL2, raw IP, null/loopback, PPP), mutated and dissected in scan
 * and tree mode one after another on one capture state (so IP defragmentation and TCP
 * reassembly see hostile sequences too); and the DNS messages of the seeds, mutated and
 * wrapped in IPv4/UDP or IPv4/TCP to port 53. Scan and tree mode must agree on what
 * they both report (header words, counts, first question), and fuzzChecks.ts holds.
 */
import assert from 'node:assert/strict';
import { newReusableRecord, type CaptureRecord } from '../../../src/core/capture/captureRecord';
import { FrameDissector, type DissectedFrame } from '../../../src/core/dissect/frame';
import { checkFrame } from './fuzzChecks';
import { fuzzTimeoutMs, runFuzz, statsLine } from './fuzzHarness';
import { frameSeeds } from './fuzzSeeds';

function record(frame: number, linkType: number, data: Uint8Array): CaptureRecord {
  const r = newReusableRecord();
  r.frame = frame;
  r.timeNs = BigInt(frame) * 1_000_000n;
  r.linkType = linkType;
  r.data = data;
  r.capturedLength = data.length;
  r.originalLength = data.length;
  return r;
}

/** What scan and tree mode both say about a frame's DNS messages. */
function dnsSummary(f: DissectedFrame): string {
  return JSON.stringify(
    f.dns.map((m) => [m.range, m.id, m.flags, m.qdcount, m.ancount, m.nscount, m.arcount]),
  );
}

/** Dissects in both modes on two dissectors fed the same frames; both must agree. */
class TwoModes {
  private readonly scan = new FrameDissector();
  private readonly tree = new FrameDissector();
  private frame = 0;

  feed(linkType: number, data: Uint8Array): void {
    this.frame++;
    const s = this.scan.dissect(record(this.frame, linkType, data), false);
    const t = this.tree.dissect(record(this.frame, linkType, data), true);
    checkFrame(s);
    checkFrame(t);
    assert.equal(dnsSummary(s), dnsSummary(t), 'scan and tree agree on the DNS header');
    assert.deepEqual(s.protocols, t.protocols, 'scan and tree see the same protocols');
  }
}

const IPV4_UDP = [0x45, 0, 0, 0, 0, 1, 0, 0, 64, 17, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2];

/** A DNS message in IPv4 + UDP (ports 40000 -> 53) with consistent lengths, link type RAW. */
function udpDns(msg: Uint8Array): Uint8Array {
  const out = new Uint8Array(28 + msg.length);
  out.set(IPV4_UDP);
  const total = out.length;
  out[2] = (total >> 8) & 0xff;
  out[3] = total & 0xff;
  out.set([0x9c, 0x40, 0x00, 0x35, ((8 + msg.length) >> 8) & 0xff, (8 + msg.length) & 0xff], 20);
  out.set(msg, 28);
  return out;
}

/** A TCP segment (40000 -> 53, seq `seq`, ACK|PSH) carrying `payload`, link type RAW. */
function tcpSegment(seq: number, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(40 + payload.length);
  out.set(IPV4_UDP);
  out[9] = 6;
  out[2] = (out.length >> 8) & 0xff;
  out[3] = out.length & 0xff;
  out.set([0x9c, 0x40, 0x00, 0x35], 20);
  out.set([(seq >>> 24) & 0xff, (seq >>> 16) & 0xff, (seq >>> 8) & 0xff, seq & 0xff], 24);
  out.set([0x50, 0x18, 0xff, 0xff], 32);
  out.set(payload, 40);
  return out;
}

const RAW = 101;

describe('fuzz: each layer through the frame dissector', function () {
  this.timeout(fuzzTimeoutMs(300));
  const seeds = frameSeeds();

  // Link types no seed capture has get the raw IPv4 frames under their header.
  const ipv4 = seeds.byLinkType.get(228) ?? [];
  const headers: [number, number[]][] = [
    [9, [0xff, 0x03, 0x00, 0x21]], // PPP
    [108, [0, 0, 0, 2]], // OpenBSD loopback (AF_INET)
  ];
  const byLinkType = new Map(seeds.byLinkType);
  for (const [linkType, header] of headers) {
    if (!byLinkType.has(linkType))
      byLinkType.set(
        linkType,
        ipv4.map((f) => Uint8Array.from([...header, ...f])),
      );
  }

  for (const [linkType, frames] of [...byLinkType].sort((a, b) => a[0] - b[0])) {
    it(`link type ${linkType}: ${frames.length} seed frames, mutated, in sequence`, () => {
      const modes = new TwoModes();
      const stats = runFuzz(
        {
          name: `frame-${linkType}`,
          seeds: frames,
          maxLength: 4096,
          run: (input) => modes.feed(linkType, input),
        },
        300,
      );
      console.log(`      ${statsLine(stats)}`);
    });
  }

  it(`DNS over UDP: ${seeds.dnsUdp.length} seed messages, mutated`, () => {
    assert.ok(seeds.dnsUdp.length > 0);
    const stats = runFuzz(
      {
        name: 'dns-udp',
        seeds: seeds.dnsUdp,
        maxLength: 4096,
        run: (input) => new TwoModes().feed(RAW, udpDns(input)),
      },
      1500,
    );
    console.log(`      ${statsLine(stats)}`);
  });

  it(`DNS over TCP: ${seeds.dnsTcp.length} seed messages, mutated, cut into segments`, () => {
    assert.ok(seeds.dnsTcp.length > 0);
    const stats = runFuzz(
      {
        name: 'dns-tcp',
        seeds: seeds.dnsTcp,
        maxLength: 8192,
        run(input, rng) {
          // The message with its length prefix (sometimes a lying one), in 1 to 4 segments,
          // sometimes out of order or repeated.
          const framed = new Uint8Array(2 + input.length);
          const len = rng.chance(4) ? rng.below(65536) : input.length;
          framed[0] = len >> 8;
          framed[1] = len & 0xff;
          framed.set(input, 2);
          const modes = new TwoModes();
          const cuts = [0, framed.length];
          for (let k = rng.below(4); k > 0; k--) cuts.push(rng.below(framed.length + 1));
          cuts.sort((a, b) => a - b);
          const segments: [number, Uint8Array][] = [];
          for (let k = 0; k + 1 < cuts.length; k++) {
            const a = cuts[k] ?? 0;
            const b = cuts[k + 1] ?? 0;
            if (b > a) segments.push([1000 + a, framed.slice(a, b)]);
          }
          if (rng.chance(3) && segments.length > 1) segments.reverse();
          if (rng.chance(4) && segments.length > 0) segments.push(segments[0]!);
          for (const [seq, data] of segments) modes.feed(RAW, tcpSegment(seq, data));
        },
      },
      800,
    );
    console.log(`      ${statsLine(stats)}`);
  });
});
