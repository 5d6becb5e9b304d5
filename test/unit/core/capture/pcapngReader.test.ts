/**
 * pcapng reader: sections of both byte orders, interface options (if_tsresol powers of 10
 * and 2, if_tsoffset), EPB/SPB/obsolete PB, skipped blocks, bad block lengths, missing
 * interfaces, chunk splits and truncation. Expected times are worked out from the spec
 * (and agree with tshark 4.0 on the same bytes: see test/unit/node/captureOracle.test.ts).
 */
import assert from 'node:assert/strict';
import type { CaptureRecord } from '../../../../src/core/capture/captureRecord';
import { PcapngReader } from '../../../../src/core/capture/pcapngReader';
import {
  concat,
  enhancedPacket,
  interfaceDescription,
  obsoletePacket,
  payload,
  pcapngBlock,
  sectionHeader,
  simplePacket,
} from '../../helpers/captureBuilder';
import { collect, collectBytewise } from './collectRecords';

const S = 1_000_000_000n;

/** Parts of a two-section file, kept apart so tests know every block's offset. */
function twoSectionParts(): Uint8Array[] {
  return [
    sectionHeader('little'),
    interfaceDescription('little', { linkType: 1, tsresol: 9 }), // if 0: ns
    interfaceDescription('little', { linkType: 228, tsresol: 0x80 | 20, tsoffset: 100n }), // if 1: 2^-20 s, +100 s
    enhancedPacket('little', {
      interfaceId: 0,
      timestamp: 1700000000123456789n,
      data: payload(60, 1),
    }),
    enhancedPacket('little', {
      interfaceId: 1,
      timestamp: (1700000000n << 20n) + 3n,
      data: payload(20, 2),
    }),
    pcapngBlock('little', 5, payload(16)), // interface statistics: skipped
    pcapngBlock('little', 0x12345678, payload(9)), // unknown: skipped
    sectionHeader('big'),
    interfaceDescription('big', { linkType: 101, snapLength: 50, tsresol: 3, tsoffset: -5n }), // if 0 again
    enhancedPacket('big', {
      interfaceId: 0,
      timestamp: 1700000000999n,
      data: payload(50, 3),
      originalLength: 60,
    }),
    simplePacket('big', 60, payload(50, 4)),
    simplePacket('big', 7, payload(7, 5)),
    obsoletePacket('big', { interfaceId: 0, timestamp: 1000n, data: payload(5, 6) }),
    interfaceDescription('big', { linkType: 113 }), // if 1: default 10^-6
    enhancedPacket('big', { interfaceId: 1, timestamp: 1700000000000001n, data: payload(3, 7) }),
  ];
}

function offsetsOf(parts: Uint8Array[]): number[] {
  let at = 0;
  return parts.map((p) => ((at += p.length), at - p.length));
}

type Expected = Omit<CaptureRecord, 'frame' | 'fileOffset' | 'dataOffset' | 'data'> & {
  part: number;
  data: Uint8Array;
};

const expected: Expected[] = [
  {
    part: 3,
    timeNs: 1700000000123456789n,
    capturedLength: 60,
    originalLength: 60,
    linkType: 1,
    interfaceId: 0,
    timeUnknown: false,
    data: payload(60, 1),
  },
  // 3 / 2^20 s = 2861.02 ns, truncated; plus if_tsoffset 100 s
  {
    part: 4,
    timeNs: 1700000100n * S + 2861n,
    capturedLength: 20,
    originalLength: 20,
    linkType: 228,
    interfaceId: 1,
    timeUnknown: false,
    data: payload(20, 2),
  },
  // 1700000000999 ms - 5 s
  {
    part: 9,
    timeNs: 1699999995999000000n,
    capturedLength: 50,
    originalLength: 60,
    linkType: 101,
    interfaceId: 0,
    timeUnknown: false,
    data: payload(50, 3),
  },
  // SPB: captured = min(original 60, snaplen 50); no timestamp
  {
    part: 10,
    timeNs: 0n,
    capturedLength: 50,
    originalLength: 60,
    linkType: 101,
    interfaceId: 0,
    timeUnknown: true,
    data: payload(50, 4),
  },
  // SPB: 7 bytes of data padded to 8; captured = original 7
  {
    part: 11,
    timeNs: 0n,
    capturedLength: 7,
    originalLength: 7,
    linkType: 101,
    interfaceId: 0,
    timeUnknown: true,
    data: payload(7, 5),
  },
  // obsolete PB on if 0 (ms, -5 s): 1000 ms - 5 s
  {
    part: 12,
    timeNs: -4n * S,
    capturedLength: 5,
    originalLength: 5,
    linkType: 101,
    interfaceId: 0,
    timeUnknown: false,
    data: payload(5, 6),
  },
  {
    part: 14,
    timeNs: 1700000000000001000n,
    capturedLength: 3,
    originalLength: 3,
    linkType: 113,
    interfaceId: 1,
    timeUnknown: false,
    data: payload(3, 7),
  },
];

describe('PcapngReader', () => {
  it('reads two sections of opposite byte order with per-section interfaces and timestamp options', () => {
    const parts = twoSectionParts();
    const offsets = offsetsOf(parts);
    const { records, reader } = collect(concat(...parts));
    assert.deepEqual(reader.problems, []);
    assert.deepEqual(reader.info, { format: 'pcapng', byteOrder: 'little' });
    assert.deepEqual(
      records,
      expected.map(({ part, ...e }, i) => ({
        ...e,
        frame: i + 1,
        fileOffset: offsets[part],
        // Packet bytes follow the 28-byte EPB header, or the 12-byte SPB header (no time).
        dataOffset: (offsets[part] ?? 0) + (e.timeUnknown ? 12 : 28),
      })),
    );
  });

  it('gives identical records for a block split across two chunks at every byte position', () => {
    const bytes = concat(...twoSectionParts());
    const whole = collect(bytes).records;
    assert.equal(whole.length, expected.length);
    for (let cut = 1; cut < bytes.length; cut++) {
      const { records, reader } = collect(bytes, [cut]);
      assert.deepEqual(records, whole, `cut at ${cut}`);
      assert.deepEqual(reader.problems, [], `cut at ${cut}`);
    }
    assert.deepEqual(collectBytewise(bytes).records, whole);
  });

  it('reports a file ending inside a block, at every byte position, after every complete packet', () => {
    const parts = twoSectionParts();
    const offsets = offsetsOf(parts);
    const bytes = concat(...parts);
    const packetEnds = expected.map((e) => (offsets[e.part] ?? 0) + (parts[e.part]?.length ?? 0));
    for (let n = 4; n < bytes.length; n++) {
      const { records, reader } = collect(bytes.subarray(0, n));
      assert.equal(records.length, packetEnds.filter((e) => e <= n).length, `length ${n}`);
      if (offsets.includes(n)) {
        assert.deepEqual(reader.problems, [], `length ${n}`);
      } else {
        const start = offsets.filter((o) => o < n).at(-1);
        assert.deepEqual(
          reader.problems.map((p) => [p.kind, p.fileOffset]),
          [['truncated', start]],
          `length ${n}`,
        );
      }
    }
  });

  describe('bad block lengths are fatal format problems at the block offset', () => {
    const shb = sectionHeader('big');
    const idb = interfaceDescription('big');
    const good = enhancedPacket('big', { timestamp: 1n, data: payload(8) });
    const cases: [string, Uint8Array][] = [
      [
        'trailer differs from the leading length',
        enhancedPacket('big', { timestamp: 2n, data: payload(8) }, { trailerLength: 44 }),
      ],
      ['length not a multiple of 4', pcapngBlock('big', 6, payload(30), { totalLength: 42 })],
      ['length below 12', pcapngBlock('big', 4, new Uint8Array(0), { totalLength: 8 })],
      ['length 0', pcapngBlock('big', 4, payload(4), { totalLength: 0 })],
      ['length over 16 MiB', pcapngBlock('big', 4, payload(4), { totalLength: 0x7ffffff0 })],
    ];
    for (const [name, bad] of cases) {
      it(name, () => {
        const badOffset = shb.length + idb.length + good.length;
        const { records, reader } = collect(concat(shb, idb, good, bad, good));
        assert.equal(records.length, 1, 'the packet before is delivered, none after');
        assert.equal(reader.failed, true);
        assert.deepEqual(
          reader.problems.map((p) => [p.kind, p.fileOffset]),
          [['format', badOffset]],
        );
      });
    }
  });

  it('rejects an EPB whose captured length overruns its block', () => {
    const bytes = concat(sectionHeader('little'), interfaceDescription('little'));
    // Build an EPB claiming caplen 100 in a block holding 8 bytes of data.
    const body = new Uint8Array(20 + 8);
    const view = new DataView(body.buffer);
    view.setUint32(12, 100, true);
    view.setUint32(16, 100, true);
    const { records, reader } = collect(concat(bytes, pcapngBlock('little', 6, body)));
    assert.equal(records.length, 0);
    assert.deepEqual(
      reader.problems.map((p) => [p.kind, p.fileOffset]),
      [['format', bytes.length]],
    );
  });

  it('rejects a section header with a bad byte-order magic', () => {
    const shb = sectionHeader('little');
    shb[8] = 0x99;
    const { reader } = collect(shb);
    assert.deepEqual(
      reader.problems.map((p) => [p.kind, p.fileOffset]),
      [['format', 0]],
    );
  });

  it('skips a packet block naming a missing interface, with a problem, and reads on', () => {
    const parts = [
      sectionHeader('little'),
      interfaceDescription('little'),
      enhancedPacket('little', { interfaceId: 1, timestamp: 1n, data: payload(4) }),
      enhancedPacket('little', { interfaceId: 0, timestamp: 2n, data: payload(4) }),
      sectionHeader('little'), // interfaces restart: the next SPB has no interface 0
      simplePacket('little', 4, payload(4)),
    ];
    const offsets = offsetsOf(parts);
    const { records, reader } = collect(concat(...parts));
    assert.equal(reader.failed, false);
    assert.deepEqual(
      records.map((r) => [r.frame, r.fileOffset, r.timeNs]),
      [[1, offsets[3], 2000n]],
    );
    assert.deepEqual(
      reader.problems.map((p) => [p.kind, p.fileOffset]),
      [
        ['format', offsets[2]],
        ['format', offsets[5]],
      ],
    );
  });

  it('uses 2^-n and 10^-n resolutions exactly', () => {
    const cases: [number, bigint, bigint][] = [
      [0x80 | 0, 3n, 3n * S], // 2^0: seconds
      [0x80 | 10, 1024n * 5n + 512n, 5n * S + S / 2n], // 2^-10: 5.5 s
      [0, 7n, 7n * S], // 10^0
      [6, 1n, 1000n],
      [12, 1234567n, 1234n], // picoseconds, truncated to ns
    ];
    for (const [tsresol, ts, ns] of cases) {
      const { records } = collect(
        concat(
          sectionHeader('big'),
          interfaceDescription('big', { tsresol }),
          enhancedPacket('big', { timestamp: ts, data: payload(1) }),
        ),
      );
      assert.equal(records[0]?.timeNs, ns, `tsresol 0x${tsresol.toString(16)}`);
    }
  });

  it('fails on a file whose first block is not a section header', () => {
    const { reader } = collect(
      interfaceDescription('little'),
      [],
      (sink) => new PcapngReader(sink),
    );
    assert.deepEqual(
      reader.problems.map((p) => [p.kind, p.fileOffset]),
      [['format', 0]],
    );
  });
});
