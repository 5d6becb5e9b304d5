/**
 * The Node adapter: streams plain and gzip captures from disk (chunks bigger than one
 * 64 KiB read, so records cross chunk edges), and turns a missing file, corrupt or
 * truncated gzip data and damaged captures into problems after every readable packet.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readCaptureFile } from '../../../src/node/captureFile';
import { payload, pcapFile, pcapRecordOffsets, type PcapSpec } from '../helpers/captureBuilder';

/** ~5000 records of 1..300 bytes (about 800 KB): many 64 KiB chunk edges. */
function bigSpec(): PcapSpec {
  const records = [];
  for (let i = 0; i < 5000; i++) {
    records.push({
      seconds: 1600000000 + i,
      fraction: i * 7,
      data: payload(1 + ((i * 37) % 300), i),
    });
  }
  return { endian: 'little', records };
}

describe('readCaptureFile', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'dnspector-cap-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function readAll(path: string, signal?: AbortSignal) {
    const frames: {
      frame: number;
      offset: number;
      timeNs: bigint;
      data: Uint8Array;
      format?: string;
    }[] = [];
    const result = await readCaptureFile(
      path,
      (r, info) =>
        frames.push({
          frame: r.frame,
          offset: r.fileOffset,
          timeNs: r.timeNs,
          data: r.data.slice(),
          format: info?.format,
        }),
      { signal },
    );
    return { frames, result };
  }

  function checkFrames(
    frames: Awaited<ReturnType<typeof readAll>>['frames'],
    spec: PcapSpec,
    count: number,
  ): void {
    const offsets = pcapRecordOffsets(spec);
    assert.equal(frames.length, count);
    for (let i = 0; i < count; i++) {
      const r = spec.records[i]!;
      const f = frames[i]!;
      assert.equal(f.frame, i + 1);
      assert.equal(f.offset, offsets[i]);
      assert.equal(f.timeNs, BigInt(r.seconds) * 1_000_000_000n + BigInt(r.fraction) * 1000n);
      assert.deepEqual(f.data, r.data);
      assert.equal(f.format, 'pcap');
    }
  }

  it('streams a plain capture across many chunks', async () => {
    const spec = bigSpec();
    const path = join(dir, 'plain.pcap');
    writeFileSync(path, pcapFile(spec));
    const { frames, result } = await readAll(path);
    checkFrames(frames, spec, 5000);
    assert.deepEqual(result.problems, []);
    assert.equal(result.frames, 5000);
    assert.equal(result.gzip, false);
    assert.equal(result.info?.format, 'pcap');
  });

  it('decompresses gzip by its magic, whatever the name, with offsets in the decompressed bytes', async () => {
    const spec = bigSpec();
    const path = join(dir, 'compressed.cap');
    writeFileSync(path, gzipSync(pcapFile(spec)));
    const { frames, result } = await readAll(path);
    checkFrames(frames, spec, 5000);
    assert.deepEqual(result.problems, []);
    assert.equal(result.gzip, true);
  });

  it('stops a corrupt gzip with a problem after the packets it could read', async () => {
    const spec = bigSpec();
    const gz = gzipSync(pcapFile(spec));
    gz[gz.length - 8] = (gz[gz.length - 8] ?? 0) ^ 0xff; // the CRC-32 of the gzip trailer
    const path = join(dir, 'bad-crc.pcap.gz');
    writeFileSync(path, gz);
    const { frames, result } = await readAll(path);
    checkFrames(frames, spec, frames.length);
    assert.ok(frames.length > 0);
    assert.deepEqual(
      result.problems.map((p) => p.kind),
      ['format'],
    );
    assert.match(result.problems[0]?.message ?? '', /corrupt gzip data/);
    assert.ok((result.problems[0]?.fileOffset ?? 0) <= pcapFile(spec).length);
  });

  it('stops on garbage inside gzip data, keeping the packets before it', async () => {
    const spec = bigSpec();
    const gz = gzipSync(pcapFile(spec), { level: 1 });
    const at = Math.floor((gz.length * 2) / 3);
    for (let i = at; i < at + 64; i++) gz[i] = 0xff;
    const path = join(dir, 'garbage.pcap.gz');
    writeFileSync(path, gz);
    const { frames, result } = await readAll(path);
    // Inflate may turn garbage into bytes before it notices: the capture reader or zlib stops.
    assert.ok(frames.length > 0 && frames.length < 5000, `read ${frames.length} packets first`);
    assert.equal(result.problems.length, 1);
    const intact = frames.filter((f, i) => {
      const r = spec.records[i]!;
      return f.data.length === r.data.length && f.data.every((b, j) => b === r.data[j]);
    }).length;
    assert.ok(intact >= Math.floor(frames.length / 2), 'packets before the damage are intact');
  });

  it('reports a gzip file that ends early as truncated, after the packets in it', async () => {
    const spec = bigSpec();
    const gz = gzipSync(pcapFile(spec));
    const path = join(dir, 'short.pcap.gz');
    writeFileSync(path, gz.subarray(0, Math.floor(gz.length / 2)));
    const { frames, result } = await readAll(path);
    assert.ok(frames.length > 0 && frames.length < 5000);
    checkFrames(frames, spec, frames.length);
    assert.deepEqual(
      result.problems.map((p) => p.kind),
      ['truncated'],
    );
    assert.match(result.problems[0]?.message ?? '', /gzip/);
  });

  it('reports a capture cut inside a record with the offset of that record', async () => {
    const spec = bigSpec();
    const bytes = pcapFile(spec);
    const offsets = pcapRecordOffsets(spec);
    const path = join(dir, 'cut.pcap');
    writeFileSync(path, bytes.subarray(0, (offsets[4000] ?? 0) + 5));
    const { frames, result } = await readAll(path);
    checkFrames(frames, spec, 4000);
    assert.deepEqual(
      result.problems.map((p) => [p.kind, p.fileOffset]),
      [['truncated', offsets[4000]]],
    );
  });

  it('turns a missing file into an io problem at offset 0', async () => {
    const { frames, result } = await readAll(join(dir, 'no-such-file.pcap'));
    assert.equal(frames.length, 0);
    assert.deepEqual(
      result.problems.map((p) => [p.kind, p.fileOffset]),
      [['io', 0]],
    );
    assert.match(result.problems[0]?.message ?? '', /no-such-file\.pcap/);
    assert.equal(result.info, undefined);
  });

  it('rejects when the signal aborts', async () => {
    const path = join(dir, 'abort.pcap');
    writeFileSync(path, pcapFile(bigSpec()));
    const controller = new AbortController();
    let seen = 0;
    const reading = readCaptureFile(
      path,
      () => {
        if (++seen === 10) controller.abort();
      },
      { signal: controller.signal },
    );
    await assert.rejects(reading, (err: Error) => err.name === 'AbortError');
    assert.ok(seen < 5000);
  });
});
