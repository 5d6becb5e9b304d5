/**
 * Properties of DNS-over-TCP reassembly (tcpDnsStream.ts), with fast-check: a stream of
 * length-prefixed messages cut into segments at random points and delivered out of order,
 * with retransmitted and overlapping copies, comes out as exactly the messages sent, in
 * order; conflicting retransmissions (other bytes at a seen sequence number) never throw
 * and never yield a message longer than its prefix says; and memory stays within the
 * documented limits: a length prefix of 65535 that never completes holds at most one
 * message's bytes, a million one-byte segments hold no more, and many flows stay under
 * MAX_FLOWS directions and MAX_TOTAL_BYTES held.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  DnsTcpStreams,
  MAX_FLOWS,
  MAX_OOO_BYTES,
  MAX_TOTAL_BYTES,
  type SegmentOutcome,
} from '../../../src/core/dissect/tcpDnsStream';
import { fuzzBudget, fuzzSeed, fuzzTimeoutMs, Rng } from './fuzzHarness';

const BASE_SEQ = 0xfffff000; // near the 32-bit wrap on purpose

function framed(messages: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(messages.reduce((n, m) => n + 2 + m.length, 0));
  let at = 0;
  for (const m of messages) {
    out[at] = m.length >> 8;
    out[at + 1] = m.length & 0xff;
    out.set(m, at + 2);
    at += 2 + m.length;
  }
  return out;
}

/** The messages of an outcome as bytes (prefix included), inline ones cut from `segment`. */
function messagesOf(out: SegmentOutcome, segment: Uint8Array): Uint8Array[] {
  return out.messages.map((m) => {
    if (m.kind === 'reassembled') return m.bytes;
    assert.ok(m.start >= 0 && m.end <= segment.length && m.start < m.end);
    return segment.slice(m.start, m.end);
  });
}

function checkFramed(m: Uint8Array): void {
  assert.ok(m.length >= 2);
  assert.equal(
    m.length,
    2 + ((m[0] ?? 0) << 8) + (m[1] ?? 0),
    'a message is as long as its prefix',
  );
}

function properties(): fc.Parameters<unknown> {
  const { runs, seconds } = fuzzBudget(300);
  return seconds === undefined
    ? { numRuns: runs, seed: fuzzSeed() }
    : {
        numRuns: Number.MAX_SAFE_INTEGER,
        interruptAfterTimeLimit: seconds * 1000,
        seed: fuzzSeed(),
      };
}

describe('fuzz: DNS over TCP reassembly', function () {
  this.timeout(fuzzTimeoutMs(300));

  it('gives back exactly the messages sent, whatever the cuts, order, retransmissions and overlaps', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 400 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.integer(),
        fc.nat(8),
        (messages, cutSeeds, shuffleSeed, extra) => {
          const stream = framed(messages);
          const cuts = [...new Set([0, stream.length, ...cutSeeds.map((c) => c % stream.length)])];
          cuts.sort((a, b) => a - b);
          const segments: [number, number][] = [];
          for (let k = 0; k + 1 < cuts.length; k++) segments.push([cuts[k]!, cuts[k + 1]!]);
          const rng = new Rng(shuffleSeed);
          // Retransmitted and overlapping copies of bytes that are also sent in order.
          for (let k = 0; k < extra; k++) {
            const a = rng.below(stream.length);
            segments.push([a, a + 1 + rng.below(stream.length - a)]);
          }
          // A mild shuffle: each segment may swap with a near neighbour (out of order).
          for (let k = segments.length - 1; k > 0; k--) {
            const j = Math.max(0, k - rng.below(4));
            [segments[k], segments[j]] = [segments[j]!, segments[k]!];
          }
          const streams = new DnsTcpStreams();
          streams.syn('f', (BASE_SEQ - 1) >>> 0);
          const got: Uint8Array[] = [];
          segments.forEach(([a, b], i) => {
            const seg = stream.slice(a, b);
            const out = streams.segment('f', i + 1, (BASE_SEQ + a) >>> 0, seg, 0, seg.length);
            got.push(...messagesOf(out, seg));
          });
          assert.deepEqual(
            got.map((m) => Array.from(m)),
            messages.map((m) => Array.from(framed([m]))),
          );
          assert.equal(streams.heldBytes, 0, 'nothing held once every byte arrived');
        },
      ),
      properties(),
    );
  });

  it('survives conflicting retransmissions and random sequence numbers', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            flow: fc.constantFrom('a', 'b', 'c'),
            seq: fc.oneof(fc.nat(3000), fc.integer({ min: 0, max: 0xffffffff })),
            data: fc.uint8Array({ maxLength: 600 }),
            syn: fc.boolean(),
          }),
          { maxLength: 40 },
        ),
        (segments) => {
          const streams = new DnsTcpStreams();
          segments.forEach((s, i) => {
            if (s.syn) streams.syn(s.flow, s.seq);
            const out = streams.segment(s.flow, i + 1, s.seq, s.data, 0, s.data.length);
            for (const m of messagesOf(out, s.data)) checkFramed(m);
            assert.ok(streams.heldBytes >= 0 && streams.heldBytes <= 3 * (65_537 + 256 * 1024));
          });
        },
      ),
      properties(),
    );
  });

  it('holds one message at most for a 65535 prefix that never completes, over a million one-byte segments', () => {
    const streams = new DnsTcpStreams();
    const prefix = Uint8Array.of(0xff, 0xff);
    streams.segment('f', 1, 0, prefix, 0, 2);
    const one = new Uint8Array(1);
    let messages = 0;
    let maxHeld = 0;
    for (let i = 0; i < 1_000_000; i++) {
      // Every 65,537th byte starts a new message whose prefix is again ff ff.
      one[0] = 0xff;
      const out = streams.segment('f', i + 2, 2 + i, one, 0, 1);
      messages += out.messages.length;
      if (i % 997 === 0) maxHeld = Math.max(maxHeld, streams.heldBytes);
    }
    // 1,000,002 bytes of ff: messages of 65,537 bytes; the rest is one partial message.
    assert.equal(messages, Math.floor(1_000_002 / 65_537));
    assert.ok(maxHeld <= 65_537, `held ${maxHeld} bytes`);
    assert.ok(
      streams.heldBytes > 0 && streams.heldBytes <= 65_537,
      'the last one is still pending',
    );
    assert.equal(streams.flowCount, 1);
  });

  it('caps the flows tracked at MAX_FLOWS and the bytes held in all at MAX_TOTAL_BYTES', () => {
    const streams = new DnsTcpStreams();
    const small = Uint8Array.of(0x01, 0x00, 1, 2, 3); // a 258-byte message that never completes
    for (let i = 0; i < MAX_FLOWS + 5000; i++) {
      streams.segment(`flow-${i}`, i + 1, 1, small, 0, small.length);
    }
    assert.ok(streams.flowCount <= MAX_FLOWS, `${streams.flowCount} flows`);
    const big = Uint8Array.of(0xff, 0xff, 1, 2, 3); // 65,537 bytes each, never complete
    const flows = Math.ceil(MAX_TOTAL_BYTES / 65_537) + 100;
    for (let i = 0; i < flows; i++) {
      streams.segment(`big-${i}`, MAX_FLOWS + 5000 + i, 1, big, 0, big.length);
      assert.ok(streams.heldBytes <= MAX_TOTAL_BYTES + 65_537, `${streams.heldBytes} bytes held`);
    }
  });

  // Regression (found while writing the properties above, by reading giveUpGap): a flow
  // whose segments all come after gaps held every one of them (5,000 segments of 1000
  // bytes: 5 MB in one flow, growing without end), since giving up a gap moved the
  // expected sequence number but never fed the held segments.
  it('holds at most MAX_OOO_BYTES out of order per flow when the gaps never fill', () => {
    const streams = new DnsTcpStreams();
    streams.syn('f', 0);
    const data = new Uint8Array(1000).fill(0xff); // prefixes of 65535: few messages complete
    for (let i = 0; i < 5000; i++) {
      streams.segment('f', i + 1, 1 + 2000 * (i + 1), data, 0, data.length);
      assert.ok(
        streams.heldBytes <= MAX_OOO_BYTES + 65_537 + data.length,
        `segment ${i + 1}: ${streams.heldBytes} bytes held`,
      );
    }
  });
});
