/**
 * The sniffing entry point: picks pcap or pcapng by the first 4 bytes even when they come
 * in tiny chunks, rejects everything else at offset 0 (naming gzip when it sees 1f 8b),
 * and keeps delivered data views intact while it reads on.
 */
import assert from 'node:assert/strict';
import { createCaptureReader } from '../../../../src/core/capture/captureReader';
import {
  concat,
  enhancedPacket,
  interfaceDescription,
  payload,
  pcapFile,
  sectionHeader,
} from '../../helpers/captureBuilder';
import { collect, collectBytewise } from './collectRecords';

const pcap = pcapFile({
  endian: 'big',
  nanoseconds: true,
  records: [
    { seconds: 10, fraction: 20, data: payload(33, 9) },
    { seconds: 11, fraction: 21, data: payload(70, 8) },
  ],
});
const pcapng = concat(
  sectionHeader('big'),
  interfaceDescription('big'),
  enhancedPacket('big', { timestamp: 5n, data: payload(12) }),
);

describe('createCaptureReader', () => {
  it('recognises pcap and pcapng, also when the magic arrives one byte at a time', () => {
    for (const [bytes, format, frames] of [
      [pcap, 'pcap', 2],
      [pcapng, 'pcapng', 1],
    ] as const) {
      for (const run of [collect(bytes), collectBytewise(bytes), collect(bytes, [2, 3])]) {
        assert.equal(run.reader.info?.format, format);
        assert.equal(run.records.length, frames);
        assert.equal(run.reader.frames, frames);
        assert.deepEqual(run.reader.problems, []);
      }
    }
    assert.equal(collect(pcap, [1]).records[1]?.timeNs, 11_000_000_021n);
  });

  it('rejects bytes that are no capture as a format problem at offset 0', () => {
    const { records, reader } = collect(new TextEncoder().encode('hello, world\n'));
    assert.equal(records.length, 0);
    assert.equal(reader.failed, true);
    assert.deepEqual(
      reader.problems.map((p) => [p.kind, p.fileOffset]),
      [['format', 0]],
    );
    assert.match(reader.problems[0]?.message ?? '', /not a pcap or pcapng file/);
    assert.doesNotMatch(reader.problems[0]?.message ?? '', /gzip/);
  });

  it('says a gzip file must be decompressed first', () => {
    const { reader } = collect(Uint8Array.of(0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0));
    assert.deepEqual(
      reader.problems.map((p) => p.kind),
      ['format'],
    );
    assert.match(reader.problems[0]?.message ?? '', /gzip/);
  });

  it('reports an empty file and a file cut inside the magic', () => {
    assert.deepEqual(
      collect(new Uint8Array(0)).reader.problems.map((p) => [p.kind, p.fileOffset]),
      [['format', 0]],
    );
    for (let n = 1; n < 4; n++) {
      assert.deepEqual(
        collect(pcap.subarray(0, n)).reader.problems.map((p) => [p.kind, p.fileOffset]),
        [['truncated', 0]],
        `${n} bytes of pcap magic`,
      );
    }
    assert.deepEqual(
      collect(Uint8Array.of(1, 2)).reader.problems.map((p) => p.kind),
      ['format'],
    );
  });

  it('ignores pushes after a fatal problem', () => {
    const seen: number[] = [];
    const reader = createCaptureReader((r) => seen.push(r.frame));
    reader.push(Uint8Array.of(0, 0, 0, 0));
    reader.push(pcap);
    reader.end();
    assert.deepEqual(seen, []);
    assert.equal(reader.problems.length, 1);
  });

  it('keeps the bytes of delivered records intact while reading on, split records included', () => {
    const kept: Uint8Array[] = [];
    const reader = createCaptureReader((r) => kept.push(r.data));
    // Cut inside both records so both are assembled in pending buffers.
    const cuts = [30, 60, 90, pcap.length];
    let at = 0;
    for (const cut of cuts) {
      reader.push(pcap.slice(at, cut));
      at = cut;
    }
    reader.end();
    assert.deepEqual(kept, [payload(33, 9), payload(70, 8)]);
  });

  it('never throws on damaged files: random byte flips in pcap and pcapng, in random chunks', () => {
    // A small deterministic PRNG (xorshift32) so a failure can be replayed.
    let state = 0x9e3779b9;
    const random = (n: number): number => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state >>> 0) % n;
    };
    for (const original of [pcap, pcapng]) {
      for (let round = 0; round < 2000; round++) {
        const bytes = original.slice();
        const flips = 1 + random(4);
        for (let i = 0; i < flips; i++) bytes[random(bytes.length)] = random(256);
        const cuts = [random(bytes.length), random(bytes.length)].sort((a, b) => a - b);
        const { records, reader } = collect(bytes, cuts);
        for (const p of reader.problems)
          assert.ok(p.fileOffset >= 0 && p.fileOffset < bytes.length);
        for (const r of records) assert.ok(r.fileOffset + r.data.length <= bytes.length);
      }
    }
  });
});
