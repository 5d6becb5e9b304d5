/**
 * Classic pcap reader: magics, snap-length records, truncation and chunk splits at every
 * byte position, absurd lengths. Files are built byte by byte by captureBuilder, so the
 * expected values come from the spec values written there.
 */
import assert from 'node:assert/strict';
import { PcapReader } from '../../../../src/core/capture/pcapReader';
import {
  PCAP_HEADER_LENGTH,
  pcapFile,
  pcapRecordOffsets,
  payload,
  type Endian,
  type PcapSpec,
} from '../../helpers/captureBuilder';
import { collect, collectBytewise } from './collectRecords';

function threeRecords(endian: Endian, nanoseconds = false): PcapSpec {
  return {
    endian,
    nanoseconds,
    linkType: 113,
    records: [
      { seconds: 1700000000, fraction: 123456, data: payload(42, 1) },
      { seconds: 1700000001, fraction: 999999, data: payload(30, 2), originalLength: 1514 },
      { seconds: 4294967295, fraction: 1, data: payload(1, 3) },
    ],
  };
}

describe('PcapReader', () => {
  for (const endian of ['little', 'big'] as const) {
    for (const ns of [false, true]) {
      it(`reads ${endian}-endian ${ns ? 'nanosecond' : 'microsecond'} files`, () => {
        const spec = threeRecords(endian, ns);
        const { records, reader } = collect(pcapFile(spec));
        assert.deepEqual(reader.problems, []);
        assert.deepEqual(reader.info, {
          format: 'pcap',
          byteOrder: endian,
          timePrecision: ns ? 'ns' : 'us',
        });
        const unit = ns ? 1n : 1000n;
        const offsets = pcapRecordOffsets(spec);
        assert.equal(records.length, 3);
        assert.equal(reader.frames, 3);
        spec.records.forEach((r, i) => {
          const got = records[i]!;
          assert.equal(got.frame, i + 1);
          assert.equal(got.fileOffset, offsets[i]);
          assert.equal(got.timeNs, BigInt(r.seconds) * 1_000_000_000n + BigInt(r.fraction) * unit);
          assert.equal(got.capturedLength, r.data.length);
          assert.equal(got.originalLength, r.originalLength ?? r.data.length);
          assert.equal(got.linkType, 113);
          assert.equal(got.interfaceId, 0);
          assert.deepEqual(got.data, r.data);
        });
      });
    }
  }

  it('delivers records cut short by the snap length (caplen < len) without a problem', () => {
    const { records, reader } = collect(pcapFile(threeRecords('little')));
    assert.deepEqual(reader.problems, []);
    assert.equal(records[1]?.capturedLength, 30);
    assert.equal(records[1]?.originalLength, 1514);
    assert.equal(records[1]?.data.length, 30);
  });

  it('takes only the low 16 bits of the header link type (upper bits carry FCS info)', () => {
    const bytes = pcapFile({
      endian: 'big',
      linkType: 0x14000001,
      records: [{ seconds: 1, fraction: 0, data: payload(4) }],
    });
    assert.equal(collect(bytes).records[0]?.linkType, 1);
  });

  it('gives identical records for a record split across two chunks at every byte position', () => {
    const bytes = pcapFile(threeRecords('big'));
    const whole = collect(bytes).records;
    for (let cut = 1; cut < bytes.length; cut++) {
      const { records, reader } = collect(bytes, [cut]);
      assert.deepEqual(records, whole, `cut at ${cut}`);
      assert.deepEqual(reader.problems, [], `cut at ${cut}`);
    }
    assert.deepEqual(collectBytewise(bytes).records, whole);
  });

  it('reports a file ending inside a record, at every byte position, after every complete record', () => {
    const spec = threeRecords('little');
    const bytes = pcapFile(spec);
    const offsets = pcapRecordOffsets(spec);
    const ends = [...offsets.slice(1), bytes.length];
    for (let n = 4; n < bytes.length; n++) {
      const { records, reader } = collect(bytes.subarray(0, n), n > 10 ? [7, n - 3] : []);
      const complete = ends.filter((e) => e <= n).length;
      assert.equal(records.length, complete, `length ${n}`);
      if (n < PCAP_HEADER_LENGTH) {
        assert.deepEqual(
          reader.problems.map((p) => [p.kind, p.fileOffset]),
          [['truncated', 0]],
          `length ${n}`,
        );
      } else if (offsets.includes(n)) {
        assert.deepEqual(reader.problems, [], `length ${n}`);
      } else {
        const start = [PCAP_HEADER_LENGTH, ...ends].filter((o) => o <= n).at(-1);
        assert.deepEqual(
          reader.problems.map((p) => [p.kind, p.fileOffset]),
          [['truncated', start]],
          `length ${n}`,
        );
      }
    }
  });

  it('rejects an absurd caplen as soon as the record header is seen, without waiting for data', () => {
    for (const caplen of [262145, 0xffffffff]) {
      const spec: PcapSpec = {
        endian: 'big',
        records: [
          { seconds: 1, fraction: 0, data: payload(10) },
          { seconds: 2, fraction: 0, data: new Uint8Array(0), capturedLength: caplen },
        ],
      };
      const bytes = pcapFile(spec);
      const got: number[] = [];
      const reader = new PcapReader((r) => got.push(r.frame));
      reader.push(bytes);
      assert.equal(reader.failed, true);
      assert.deepEqual(got, [1]);
      assert.equal(reader.problems.length, 1);
      assert.equal(reader.problems[0]?.kind, 'format');
      assert.equal(reader.problems[0]?.fileOffset, pcapRecordOffsets(spec)[1]);
      assert.match(reader.problems[0]?.message ?? '', new RegExp(String(caplen)));
      reader.push(payload(100));
      reader.end();
      assert.equal(reader.problems.length, 1, 'nothing after the fatal problem');
    }
  });

  it('accepts the largest ordinary caplen (256 KiB)', () => {
    const data = payload(262144);
    const { records, reader } = collect(
      pcapFile({ endian: 'little', records: [{ seconds: 0, fraction: 0, data }] }),
      [1000, 100000],
    );
    assert.deepEqual(reader.problems, []);
    assert.equal(records[0]?.capturedLength, 262144);
    assert.deepEqual(records[0]?.data, data);
  });

  it('refuses pcap major versions below 2 as unsupported', () => {
    const { records, reader } = collect(
      pcapFile({
        endian: 'little',
        versionMajor: 1,
        records: [{ seconds: 0, fraction: 0, data: payload(4) }],
      }),
    );
    assert.equal(records.length, 0);
    assert.equal(reader.failed, true);
    assert.deepEqual(
      reader.problems.map((p) => [p.kind, p.fileOffset]),
      [['unsupported', 0]],
    );
  });

  it('hands out views of the pushed chunk, not copies, for records inside one chunk', () => {
    const bytes = pcapFile(threeRecords('little'));
    const buffers: ArrayBufferLike[] = [];
    const reader = new PcapReader((r) => buffers.push(r.data.buffer));
    reader.push(bytes);
    reader.end();
    assert.equal(buffers.length, 3);
    for (const b of buffers) assert.equal(b, bytes.buffer);
  });
});
