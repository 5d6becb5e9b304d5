/**
 * Gzip captures as the editor opens them (expandedFile.ts: expanded to a temp file the
 * worker reads by position): a file that expands enormously stops at the cap with a
 * problem, the temp file holds exactly the bytes before it, and the records in them read
 * as from a capture cut there; a corrupt gzip keeps the packets before the damage, with a
 * problem saying what went wrong. Expected packet counts come from the records' own sizes.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createCaptureReader } from '../../../src/core/capture/captureReader';
import { expandedFile, MAX_EXPANDED_BYTES } from '../../../src/node/expandedFile';
import { fixtureDir } from '../../helpers/captureFiles';

/** A pcap of `n` copies of one 100-byte record (116 bytes with its header). */
function repetitivePcap(n: number): Buffer {
  const header = Buffer.from('d4c3b2a1020004000000000000000000ffff000001000000', 'hex');
  const record = Buffer.alloc(116);
  record.writeUInt32LE(1_700_000_000, 0);
  record.writeUInt32LE(100, 8);
  record.writeUInt32LE(100, 12);
  return Buffer.concat([header, ...Array.from({ length: n }, () => record)]);
}

function countRecords(path: string): { packets: number; problems: string[] } {
  const reader = createCaptureReader(() => undefined);
  reader.push(new Uint8Array(readFileSync(path)));
  reader.end();
  return { packets: reader.frames, problems: reader.problems.map((p) => p.message) };
}

describe('gzip captures expanded for the editor', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'dnspector-gz-'));
  });

  it('caps the expansion of a gzip bomb on disk and reads the records before the cap', async () => {
    // 200,000 records: 23 MB expanded from about 50 KB of gzip.
    const file = join(dir, 'bomb.pcap.gz');
    writeFileSync(file, gzipSync(repetitivePcap(200_000), { level: 9 }));
    assert.ok(statSync(file).size < 200_000);
    const cap = 1_000_000;
    const x = await expandedFile(file, cap);
    try {
      assert.equal(statSync(x.path).size, cap, 'the temp file stops at the cap');
      assert.equal(x.problems.length, 1);
      assert.match(x.problems[0] ?? '', /expansion stopped at 1000000 bytes/);
      const { packets, problems } = countRecords(x.path);
      assert.equal(packets, Math.floor((cap - 24) / 116));
      assert.match(problems.at(-1) ?? '', /ends inside pcap record/);
    } finally {
      x.remove();
    }
    assert.equal(MAX_EXPANDED_BYTES, 4 * 1024 ** 3, 'the documented default cap');
  });

  it('keeps the packets before the damage in a corrupt gzip, with the problem', async () => {
    const gz = Buffer.from(readFileSync(join(fixtureDir, 'udp-queries.pcap.gz')));
    const whole = countRecords(join(fixtureDir, 'udp-queries.pcap')).packets;
    // Garbage over the second half of the deflate data.
    const cut = Buffer.from(gz);
    cut.fill(0xa5, Math.floor(gz.length / 2), gz.length - 8);
    const file = join(dir, 'corrupt.pcap.gz');
    writeFileSync(file, cut);
    const x = await expandedFile(file);
    try {
      assert.equal(x.problems.length, 1);
      assert.match(x.problems[0] ?? '', /^gzip: /);
      const { packets } = countRecords(x.path);
      assert.ok(packets > 0 && packets < whole, `${packets} of ${whole} packets kept`);
    } finally {
      x.remove();
    }
  });

  it('leaves a gzip that expands within the cap untouched', async () => {
    const file = join(fixtureDir, 'udp-queries.pcap.gz');
    const x = await expandedFile(file);
    try {
      assert.deepEqual(x.problems, []);
      assert.deepEqual(readFileSync(x.path), readFileSync(join(fixtureDir, 'udp-queries.pcap')));
    } finally {
      x.remove();
    }
  });
});
