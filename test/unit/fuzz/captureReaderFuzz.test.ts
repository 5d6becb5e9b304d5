/**
 * Fuzzes the pcap and pcapng readers and everything after them: mutated seed captures are
 * read whole and in random chunks (the two must agree record for record and problem for
 * problem), every record must be the file's own bytes at the offset it claims, problems
 * must name offsets inside the file, and every record goes through the frame dissector
 * (scan mode, and tree mode for some) under the invariants of fuzzChecks.ts.
 */
import assert from 'node:assert/strict';
import { createCaptureReader } from '../../../src/core/capture/captureReader';
import type { CaptureProblem } from '../../../src/core/capture/captureRecord';
import { FrameDissector } from '../../../src/core/dissect/frame';
import { checkFrame } from './fuzzChecks';
import { fuzzTimeoutMs, runFuzz, statsLine, type Rng } from './fuzzHarness';
import { captureFileSeeds } from './fuzzSeeds';

interface Seen {
  records: string[];
  problems: CaptureProblem[];
  failed: boolean;
}

function read(input: Uint8Array, chunks: number[] | undefined, dissect: Rng | undefined): Seen {
  const records: string[] = [];
  const dissector = new FrameDissector();
  let lastOffset = -1;
  const reader = createCaptureReader((r) => {
    assert.equal(r.frame, records.length + 1, 'frames are numbered 1, 2, 3...');
    assert.ok(r.fileOffset > lastOffset, 'records come in file order');
    lastOffset = r.fileOffset;
    assert.equal(r.data.length, r.capturedLength);
    assert.ok(r.dataOffset + r.capturedLength <= input.length, 'record data inside the file');
    assert.deepEqual(
      r.data,
      input.subarray(r.dataOffset, r.dataOffset + r.capturedLength),
      `record ${r.frame}: its bytes are the file's at offset ${r.dataOffset}`,
    );
    records.push(
      [r.frame, r.fileOffset, r.dataOffset, r.capturedLength, r.originalLength, r.linkType]
        .concat([r.interfaceId, Number(r.timeNs % 1_000_000_007n), r.timeUnknown ? 1 : 0])
        .join(','),
    );
    if (dissect) {
      if (reader.info) dissector.setFormat(reader.info.format);
      checkFrame(dissector.dissect(r, dissect.chance(4)));
    }
  });
  if (chunks === undefined) reader.push(input);
  else {
    let at = 0;
    for (const size of chunks) {
      reader.push(input.subarray(at, at + size));
      at += size;
    }
    reader.push(input.subarray(at));
  }
  reader.end();
  for (const p of reader.problems) {
    assert.ok(p.fileOffset >= 0 && p.fileOffset <= input.length, `problem offset ${p.fileOffset}`);
    assert.ok(p.message.length > 0);
  }
  return { records, problems: [...reader.problems], failed: reader.failed };
}

function randomChunks(length: number, rng: Rng): number[] {
  const sizes: number[] = [];
  for (let left = length; left > 0;) {
    const n = 1 + rng.below(rng.chance(3) ? 8 : 700);
    sizes.push(n);
    left -= n;
  }
  return sizes;
}

for (const format of ['pcap', 'pcapng'] as const) {
  describe(`fuzz: the ${format} reader and the layers after it`, function () {
    this.timeout(fuzzTimeoutMs(400));
    const seeds = captureFileSeeds(format);

    it(`never throws, agrees with itself whole and chunked, and never misplaces a record (${seeds.length} seed files)`, () => {
      assert.ok(seeds.length > 0, `no ${format} seeds`);
      const stats = runFuzz(
        {
          name: format,
          seeds,
          maxLength: 96 * 1024,
          run(input, rng) {
            const whole = read(input, undefined, rng);
            const chunked = read(input, randomChunks(input.length, rng), undefined);
            assert.deepEqual(chunked, whole, 'the same records and problems in any chunking');
          },
        },
        400,
      );
      console.log(`      ${statsLine(stats)}`);
    });
  });
}
