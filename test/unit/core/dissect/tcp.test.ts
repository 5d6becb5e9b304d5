/**
 * TCP and DNS's 2-byte length framing (RFC 1035 4.2.2, RFC 7766), from hand-built
 * segments. The expectations follow tshark 4.0 on the same segments (checked with tshark
 * on pcaps built from them): messages belong to the frame that completes them,
 * retransmitted bytes are not dissected again, a mid-stream capture starts a message at
 * its first byte, relative sequence numbers start at 1 after the SYN (or after the first
 * segment seen minus one). Out-of-order segments are held until the gap fills (tshark's
 * default would lose that message: a deliberate difference, see tcpDnsStream.ts).
 */
import assert from 'node:assert/strict';
import { concat, find, harness, hex, type Harness } from './layerHarness';

const CLIENT_ISN = 1000;
const SERVER_ISN = 5000;

/** A length-prefixed DNS query with the given id: 2 + 29 bytes. */
function message(id: string): Uint8Array {
  return hex(`001d ${id} 0100 0001 0000 0000 0000 07 6578616d706c65 03 636f6d 00 0001 0001`);
}
const h32 = (n: number): string => (n >>> 0).toString(16).padStart(8, '0');

/**
 * Raw IPv4 (link type 228) carrying a TCP segment, 20-byte TCP header.
 * dir 'c' = 10.0.0.1:40000 -> 10.0.0.2:53, 's' = the reverse.
 */
function segment(
  dir: 'c' | 's',
  seq: number,
  ack: number,
  flags: string,
  payload: Uint8Array = new Uint8Array(0),
): Uint8Array {
  const ports = dir === 'c' ? '9c40 0035' : '0035 9c40';
  const addrs = dir === 'c' ? '0a000001 0a000002' : '0a000002 0a000001';
  const tcp = concat(hex(`${ports} ${h32(seq)} ${h32(ack)} 50 ${flags} 2000 abcd 0000`), payload);
  const total = (20 + tcp.length).toString(16).padStart(4, '0');
  return concat(hex(`45 00 ${total} 0001 4000 40 06 0000 ${addrs}`), tcp);
}

/** SYN, SYN-ACK, ACK: client data then starts at CLIENT_ISN + 1. */
function handshake(h: Harness): void {
  h.frame(228, segment('c', CLIENT_ISN, 0, '02'));
  h.frame(228, segment('s', SERVER_ISN, CLIENT_ISN + 1, '12'));
  h.frame(228, segment('c', CLIENT_ISN + 1, SERVER_ISN + 1, '10'));
}

describe('TCP', () => {
  it('shows relative sequence numbers, flags and the summary line', () => {
    const h = harness();
    handshake(h);
    const m = message('1111');
    const ctx = h.frame(228, segment('c', CLIENT_ISN + 1, SERVER_ISN + 1, '18', m), { tree: true });
    const tcp = ctx.tree?.find((n) => n.name === 'tcp');
    assert.equal(
      tcp?.label,
      'Transmission Control Protocol, Src Port: 40000, Dst Port: 53, Seq: 1, Ack: 1, Len: 31',
    );
    assert.equal(find(ctx.tree, 'tcp.seq').show, '1');
    assert.equal(
      find(ctx.tree, 'tcp.seq').label,
      'Sequence Number: 1    (relative sequence number)',
    );
    assert.equal(find(ctx.tree, 'tcp.seq_raw').show, String(CLIENT_ISN + 1));
    assert.equal(find(ctx.tree, 'tcp.ack').show, '1');
    assert.equal(find(ctx.tree, 'tcp.nxtseq').show, '32');
    assert.equal(find(ctx.tree, 'tcp.len').show, '31');
    assert.equal(find(ctx.tree, 'tcp.hdr_len').show, '20');
    assert.equal(find(ctx.tree, 'tcp.flags').show, '0x0018');
    assert.equal(find(ctx.tree, 'tcp.flags').label, 'Flags: 0x018 (PSH, ACK)');
    assert.equal(find(ctx.tree, 'tcp.flags.push').label, '.... .... 1... = Push: Set');
    assert.equal(find(ctx.tree, 'tcp.flags.str').show, '·······AP···');
    assert.equal(find(ctx.tree, 'tcp.window_size_value').show, '8192');
    assert.equal(find(ctx.tree, 'tcp.srcport').show, '40000');
    assert.deepEqual(
      h.calls.map((c) => c.bytes),
      [m],
    );
    assert.deepEqual(ctx.protocols, ['ip', 'tcp', 'dns']);
  });

  it('hands two messages in one segment to DNS separately, in the same frame', () => {
    const h = harness();
    handshake(h);
    const a = message('2222');
    const b = message('3333');
    const ctx = h.frame(228, segment('s', SERVER_ISN + 1, CLIENT_ISN + 1, '18', concat(a, b)));
    assert.deepEqual(
      h.calls.map((c) => [c.frame, c.sourceName]),
      [
        [4, 'Frame'],
        [4, 'Frame'],
      ],
    );
    assert.deepEqual(
      h.calls.map((c) => c.bytes),
      [a, b],
    );
    assert.deepEqual(ctx.protocols, ['ip', 'tcp', 'dns']); // tshark lists dns once here
    assert.equal(ctx.dns.length, 2);
    assert.equal(ctx.dns[0]?.frames, undefined);
  });

  it('reassembles one message over three segments in the frame of the last one', () => {
    const h = harness();
    handshake(h);
    const m = message('4444');
    const s = CLIENT_ISN + 1;
    const c1 = h.frame(228, segment('c', s, SERVER_ISN + 1, '18', m.subarray(0, 10)), {
      tree: true,
    });
    assert.match(c1.column.info, /\[TCP segment of a reassembled PDU\]$/);
    h.frame(228, segment('c', s + 10, SERVER_ISN + 1, '18', m.subarray(10, 20)));
    assert.equal(h.calls.length, 0);
    const c3 = h.frame(228, segment('c', s + 20, SERVER_ISN + 1, '18', m.subarray(20)), {
      tree: true,
    });
    assert.equal(h.calls.length, 1);
    assert.equal(h.calls[0]?.frame, 6);
    assert.equal(h.calls[0]?.sourceName, 'Reassembled TCP (31 bytes)');
    assert.deepEqual(h.calls[0]?.bytes, m);
    assert.deepEqual(c3.dns[0]?.frames, [4, 5, 6]);
    assert.equal(
      find(c3.tree, 'tcp.segments').label,
      '3 Reassembled TCP Segments (31 bytes): #4(10), #5(10), #6(11)',
    );
  });

  it('reassembles a partial message followed by a complete one in the same segment', () => {
    const h = harness();
    handshake(h);
    const a = message('5555');
    const b = message('6666');
    const s = CLIENT_ISN + 1;
    h.frame(228, segment('c', s, SERVER_ISN + 1, '18', concat(b, a.subarray(0, 1))));
    // The length prefix itself is split: one byte, then the rest.
    const ctx = h.frame(228, segment('c', s + 32, SERVER_ISN + 1, '18', concat(a.subarray(1), b)));
    assert.deepEqual(
      h.calls.map((c) => c.bytes),
      [b, a, b],
    );
    assert.deepEqual(
      h.calls.map((c) => c.sourceName),
      ['Frame', 'Reassembled TCP (31 bytes)', 'Frame'],
    );
    assert.deepEqual(ctx.protocols, ['ip', 'tcp', 'dns', 'dns']);
    assert.deepEqual(ctx.dns[0]?.frames, [4, 5]);
  });

  it('does not dissect a retransmitted segment again', () => {
    const h = harness();
    handshake(h);
    const m = message('7777');
    const s = CLIENT_ISN + 1;
    h.frame(228, segment('c', s, SERVER_ISN + 1, '18', m.subarray(0, 15)));
    const again = h.frame(228, segment('c', s, SERVER_ISN + 1, '18', m.subarray(0, 15)), {
      tree: true,
    });
    assert.match(again.column.info, /^\[TCP Retransmission\]/);
    const done = h.frame(228, segment('c', s + 15, SERVER_ISN + 1, '18', m.subarray(15)));
    assert.deepEqual(
      h.calls.map((c) => c.bytes),
      [m],
    );
    assert.deepEqual(done.dns[0]?.frames, [4, 6]);
    // A whole message sent twice is decoded once.
    const n = message('8888');
    h.frame(228, segment('c', s + 31, SERVER_ISN + 1, '18', n));
    h.frame(228, segment('c', s + 31, SERVER_ISN + 1, '18', n));
    assert.equal(h.calls.length, 2);
  });

  it('holds an out-of-order segment until the gap is filled', () => {
    const h = harness();
    handshake(h);
    const m = message('9999');
    const s = CLIENT_ISN + 1;
    h.frame(228, segment('c', s + 12, SERVER_ISN + 1, '18', m.subarray(12)));
    assert.equal(h.calls.length, 0);
    const ctx = h.frame(228, segment('c', s, SERVER_ISN + 1, '18', m.subarray(0, 12)));
    assert.deepEqual(
      h.calls.map((c) => [c.frame, c.bytes]),
      [[5, m]],
    );
    assert.deepEqual(ctx.dns[0]?.frames, [5, 4]);
  });

  it('starts a capture taken mid-stream at the first byte seen', () => {
    const h = harness();
    const m = message('aaaa');
    const ctx = h.frame(228, segment('c', 123456, 777, '18', m), { tree: true });
    assert.deepEqual(
      h.calls.map((c) => c.bytes),
      [m],
    );
    assert.equal(find(ctx.tree, 'tcp.seq').show, '1');
    assert.equal(find(ctx.tree, 'tcp.ack').show, '1');
  });

  it('mid-stream inside a message: the bogus length keeps it pending, as in tshark', () => {
    const h = harness();
    const m = message('bbbb');
    // Starts 25 bytes into a message: "61 6d" ... read as a length of 0x706c = 28780.
    h.frame(228, segment('c', 123456, 777, '18', concat(m.subarray(25), message('cccc'))));
    h.frame(228, segment('c', 123456 + 37, 777, '18', message('dddd')));
    assert.equal(h.calls.length, 0);
  });

  it('leaves a message whose length never completes pending', () => {
    const h = harness();
    handshake(h);
    h.frame(228, segment('c', CLIENT_ISN + 1, SERVER_ISN + 1, '18', hex('0100 0102 0304')));
    h.frame(228, segment('c', CLIENT_ISN + 7, SERVER_ISN + 1, '11'));
    assert.equal(h.calls.length, 0);
  });

  it('does not feed a segment cut short by the snap length to reassembly', () => {
    const h = harness();
    handshake(h);
    const whole = segment('c', CLIENT_ISN + 1, SERVER_ISN + 1, '18', message('1212'));
    // Only 50 of the 71 bytes were captured: IP announces more than the frame holds.
    h.frame(228, whole.slice(0, 50), { originalLength: whole.length });
    assert.equal(h.calls.length, 0);
  });

  it('does not reassemble flows without a DNS port', () => {
    const h = harness();
    const pkt = segment('c', CLIENT_ISN, 0, '18', message('eeee'));
    pkt[20] = 0x1f; // source port 0x1f40 = 8000
    pkt[22] = 0x1f; // destination port 0x1f35 = 7989
    const ctx = h.frame(228, pkt);
    assert.deepEqual(ctx.protocols, ['ip', 'tcp']);
    assert.equal(h.calls.length, 0);
  });

  it('gives the same messages when a frame is dissected again', () => {
    const h = harness();
    handshake(h);
    const m = message('ffff');
    h.frame(228, segment('c', CLIENT_ISN + 1, SERVER_ISN + 1, '18', m.subarray(0, 5)), {
      frame: 4,
    });
    h.frame(228, segment('c', CLIENT_ISN + 6, SERVER_ISN + 1, '18', m.subarray(5)), { frame: 5 });
    const again = h.frame(228, segment('c', CLIENT_ISN + 6, SERVER_ISN + 1, '18', m.subarray(5)), {
      frame: 5,
    });
    assert.equal(h.calls.length, 2);
    assert.deepEqual(h.calls[1]?.bytes, m);
    assert.deepEqual(again.dns[0]?.frames, [4, 5]);
  });
});
