/**
 * Corrupted capture headers: lengths of 4 GB in pcap records and pcapng blocks, a block
 * that points past the end of the file, an absurd snap length and original length, and
 * timestamps far in the future. Each must give a clear problem at the right offset without
 * allocating what the header claims (measured: ArrayBuffer memory before and after), and
 * far-future times must print as tshark prints them (when tshark is installed; a date past
 * year 275760, where JavaScript's Date ends, printed "Not representable" before).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCaptureReader } from '../../../../src/core/capture/captureReader';
import { copyRecord, type CaptureRecord } from '../../../../src/core/capture/captureRecord';
import { FrameDissector } from '../../../../src/core/dissect/frame';
import { run, tsharkAvailable } from '../../../helpers/captureFiles';
import {
  concat,
  enhancedPacket,
  interfaceDescription,
  payload,
  pcapFile,
  pcapngBlock,
  sectionHeader,
} from '../../helpers/captureBuilder';

/** Reads `bytes` one byte per push (the worst case for buffering); returns records, problems and ArrayBuffer growth. */
function readByteByByte(bytes: Uint8Array) {
  const records: CaptureRecord[] = [];
  const before = process.memoryUsage().arrayBuffers;
  const reader = createCaptureReader((r) => records.push(copyRecord(r)));
  for (let i = 0; i < bytes.length; i++) reader.push(bytes.subarray(i, i + 1));
  reader.end();
  const grown = process.memoryUsage().arrayBuffers - before;
  return { records, problems: reader.problems, failed: reader.failed, grown };
}

const MiB = 1024 * 1024;
const dnsFrame = payload(60);

describe('corrupted capture headers', () => {
  it('pcap: a record length of 4 GB is a format problem at the record, nothing allocated', () => {
    const good = { seconds: 1, fraction: 0, data: dnsFrame };
    const bytes = pcapFile({
      endian: 'little',
      records: [good, { seconds: 2, fraction: 0, data: payload(8), capturedLength: 0xffffffff }],
    });
    const { records, problems, failed, grown } = readByteByByte(bytes);
    assert.equal(records.length, 1);
    assert.ok(failed);
    const last = problems.at(-1);
    assert.equal(last?.kind, 'format');
    assert.equal(last?.fileOffset, 24 + 16 + dnsFrame.length);
    assert.match(last?.message ?? '', /4294967295/);
    assert.ok(grown < MiB, `ArrayBuffers grew by ${grown} bytes`);
  });

  it('pcap: an absurd snap length and a 4 GB original length read and dissect normally', () => {
    const bytes = pcapFile({
      endian: 'big',
      snapLength: 0xffffffff,
      records: [{ seconds: 1, fraction: 0, data: dnsFrame, originalLength: 0xffffffff }],
    });
    const { records, problems } = readByteByByte(bytes);
    assert.deepEqual(problems, []);
    assert.equal(records[0]?.originalLength, 0xffffffff);
    const f = new FrameDissector().dissect(records[0]!, true);
    assert.match(f.tree?.[0]?.label ?? '', /^Frame 1: 4294967295 bytes on wire/);
  });

  for (const [what, length] of [
    ['4 GB (a multiple of 4)', 0xfffffffc],
    ['just over the 16 MiB limit', 16 * MiB + 4],
  ] as const) {
    it(`pcapng: a block length of ${what} is a format problem at the block, nothing allocated`, () => {
      const head = concat(sectionHeader('little'), interfaceDescription('little'));
      const bytes = concat(head, pcapngBlock('little', 6, payload(40), { totalLength: length }));
      const { records, problems, failed, grown } = readByteByByte(bytes);
      assert.equal(records.length, 0);
      assert.ok(failed);
      assert.deepEqual(
        problems.map((p) => [p.kind, p.fileOffset]),
        [['format', head.length]],
      );
      assert.match(problems[0]?.message ?? '', new RegExp(`${length} is over 16 MiB`));
      assert.ok(grown < MiB, `ArrayBuffers grew by ${grown} bytes`);
    });
  }

  it('pcapng: a block pointing past the end of the file is truncated at the block', () => {
    const head = concat(sectionHeader('big'), interfaceDescription('big'));
    const good = enhancedPacket('big', { timestamp: 1n, data: dnsFrame });
    const bytes = concat(head, good, pcapngBlock('big', 6, payload(40), { totalLength: 4096 }));
    const { records, problems, failed } = readByteByByte(bytes);
    assert.equal(records.length, 1);
    assert.equal(failed, false);
    assert.deepEqual(
      problems.map((p) => [p.kind, p.fileOffset]),
      [['truncated', head.length + good.length]],
    );
  });

  it('pcapng: an interface id that does not exist skips the block with a problem and reads on', () => {
    const head = concat(sectionHeader('little'), interfaceDescription('little'));
    const bad = enhancedPacket('little', {
      timestamp: 1n,
      data: dnsFrame,
      interfaceId: 0xffffffff,
    });
    const good = enhancedPacket('little', { timestamp: 2n, data: dnsFrame });
    const { records, problems, failed } = readByteByByte(concat(head, bad, good));
    assert.equal(records.length, 1);
    assert.equal(failed, false);
    assert.equal(problems[0]?.fileOffset, head.length);
    assert.match(problems[0]?.message ?? '', /interface 4294967295/);
  });

  describe('timestamps far in the future', () => {
    let dir: string;
    const cases: [string, Uint8Array][] = [
      [
        'pcap: seconds 2^32 - 1 (year 2106)',
        pcapFile({
          endian: 'little',
          records: [{ seconds: 0xffffffff, fraction: 999_999, data: dnsFrame }],
        }),
      ],
      [
        'pcapng: 2^63 microseconds (year 294,247)',
        concat(
          sectionHeader('little'),
          interfaceDescription('little'),
          enhancedPacket('little', { timestamp: 0x7fffffffffffffffn, data: dnsFrame }),
        ),
      ],
      [
        'pcapng: nanoseconds with an offset of 2^40 s',
        concat(
          sectionHeader('big'),
          interfaceDescription('big', { tsresol: 9, tsoffset: 1n << 40n }),
          enhancedPacket('big', { timestamp: 0xffffffffffffn, data: dnsFrame }),
        ),
      ],
    ];
    /** tshark -T fields -e frame.time of each case (for machines without tshark). */
    const expectedTime: Record<string, string> = {
      'pcap: seconds 2^32 - 1 (year 2106)': 'Feb  7, 2106 06:28:15.999999000 UTC',
      'pcapng: 2^63 microseconds (year 294,247)': 'Jan 10, 294247 04:00:54.775807000 UTC',
      'pcapng: nanoseconds with an offset of 2^40 s': 'Feb 23, 36812 06:47:30.976710655 UTC',
    };
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'dnspector-future-'));
    });

    for (const [what, bytes] of cases) {
      it(`${what}: dissects, and prints frame.time_epoch and frame.time as tshark does`, function () {
        const { records, problems } = readByteByByte(bytes);
        assert.deepEqual(problems, []);
        assert.equal(records.length, 1);
        const f = new FrameDissector().dissect(records[0]!, true);
        assert.ok(f.tree?.[0]?.children?.some((c) => c.name === 'frame.time_epoch'));
        const time = f.tree?.[0]?.children?.find((c) => c.name === 'frame.time')?.show;
        assert.equal(time, expectedTime[what], 'frame.time as tshark 4.0 printed it on 2026-11-23');
        if (!tsharkAvailable()) this.skip();
        const file = join(dir, `${what.replace(/\W+/g, '-')}.cap`);
        writeFileSync(file, bytes);
        const args = ['-e', 'frame.number', '-e', 'frame.time_epoch', '-e', 'frame.time'];
        const theirs = run('tshark', ['-r', file, '-T', 'fields', ...args]);
        const cli = join(__dirname, '../../../../src/cli/cli.js');
        const ours = run('node', [cli, 'fields', file, '-Y', 'frame', ...args]);
        assert.equal(ours, theirs);
      });
    }
  });
});
