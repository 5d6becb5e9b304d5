/**
 * The capture index's columns give back what went in: every record's position, lengths,
 * time, link type and interface (compared with the capture reader's records, read again
 * separately), times too far apart for 32-bit seconds, offsets past 4 GiB, and every
 * frame's transaction annotations as the CLI's first pass (transactionAnnotations, its own
 * matcher over its own read of the file) makes them, over the fixtures and the corpus.
 * byteSize() counts 37 bytes of columns per packet once trimmed.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { basename } from 'node:path';
import { describe, it } from 'mocha';
import { createCaptureReader } from '../../../../src/core/capture/captureReader';
import type { CaptureRecord } from '../../../../src/core/capture/captureRecord';
import type { DissectedFrame } from '../../../../src/core/dissect/frame';
import { CaptureIndex } from '../../../../src/core/session/captureIndex';
import type { DnsMessageAnnotation } from '../../../../src/core/transactions/dnsAnnotation';
import { transactionAnnotations } from '../../../../src/cli/captureFrames';
import { corpusCaptures, fixtureCaptures } from '../../../helpers/captureFiles';
import { openSession } from '../../../helpers/captureSessions';

function recordsOf(path: string): CaptureRecord[] {
  let bytes = new Uint8Array(readFileSync(path));
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = new Uint8Array(gunzipSync(bytes));
  const out: CaptureRecord[] = [];
  const reader = createCaptureReader((r) => out.push({ ...r, data: new Uint8Array(0) }));
  reader.push(bytes);
  reader.end();
  return out;
}

/** Annotations with the all-null lists dropped (neither side keeps those). */
function meaningful(
  list: readonly (DnsMessageAnnotation | null)[] | undefined,
): (DnsMessageAnnotation | null)[] | undefined {
  return list?.some((a) => a !== null) ? [...list] : undefined;
}

/** A frame with no addresses and no DNS (the index's add needs little of it). */
function bareFrame(): DissectedFrame {
  return {
    meta: {
      frame: 1,
      timeNs: 0n,
      capturedLength: 0,
      originalLength: 0,
      linkType: 1,
      interfaceId: 0,
    },
    sources: [{ name: 'Frame', bytes: new Uint8Array(0) }],
    tree: null,
    net: { ipVersion: 0, transport: '', srcPort: 0, dstPort: 0 },
    protocols: ['eth'],
    dns: [],
    column: { protocol: 'Ethernet', info: '' },
  };
}

function record(frame: number, dataOffset: number, timeNs: bigint): CaptureRecord {
  return {
    frame,
    fileOffset: 0,
    dataOffset,
    timeNs,
    timeUnknown: false,
    capturedLength: 60,
    originalLength: 1514,
    linkType: frame % 2 === 0 ? 1 : 113,
    interfaceId: frame % 3,
    data: new Uint8Array(0),
  };
}

describe('capture index columns', function () {
  this.timeout(120_000);

  for (const path of [...fixtureCaptures(), ...corpusCaptures()]) {
    it(`${basename(path)}: records and transaction annotations come back as they went in`, async function () {
      const session = openSession(path);
      const index = session.index;
      const records = recordsOf(path);
      assert.equal(index.count, records.length);
      records.forEach((r, i) => {
        const back = index.record(i + 1, new Uint8Array(0));
        assert.deepEqual(
          { ...back, fileOffset: r.fileOffset, timeUnknown: r.timeUnknown ?? false },
          { ...r, timeUnknown: r.timeUnknown ?? false },
          `frame ${i + 1}`,
        );
      });
      const expected = await transactionAnnotations(path, {});
      for (let n = 1; n <= index.count; n++) {
        assert.deepEqual(meaningful(index.annotations(n)), expected.get(n), `frame ${n}`);
      }
    });
  }

  /** Everything the index says about frame n, as plain values. */
  function row(index: CaptureIndex, n: number) {
    const i = n - 1;
    return {
      record: index.record(n, new Uint8Array(0)),
      source: index.strings.text(index.source[i] ?? 0),
      destination: index.strings.text(index.destination[i] ?? 0),
      protocol: index.protocols.text(index.protocol[i] ?? 0),
      marks: index.marks[i],
      annotations: meaningful(index.annotations(n)),
      context: index.contextBefore(n),
      stream: index.streamOf(n),
    };
  }

  for (const path of [...fixtureCaptures(), ...corpusCaptures()]) {
    it(`${basename(path)}: the same index with the fast scan as with the dissector alone`, function () {
      const fast = openSession(path).index;
      const slow = openSession(path, { fastScan: false }).index;
      assert.equal(fast.count, slow.count);
      for (let n = 1; n <= slow.count; n++)
        assert.deepEqual(row(fast, n), row(slow, n), `frame ${n}`);
    });
  }

  it('keeps times far from the first one and offsets past 4 GiB exactly', function () {
    const index = new CaptureIndex();
    const times = [
      1_700_000_000_123_456_789n,
      1_700_000_000_123_456_788n, // earlier than the first: negative offset
      1_700_000_001_000_000_000n,
      0n, // 54 years before the first
      1_700_000_000_123_456_789n + 3_000_000_000n * 1_000_000_000n, // 95 years after
      1_699_999_999_999_999_999n,
    ];
    const offsets = [24, 4_294_967_290, 4_294_967_296 + 40, 2 ** 40 + 7, 2 ** 33, 100];
    times.forEach((t, i) => index.add(record(i + 1, offsets[i] ?? 0, t), bareFrame()));
    index.trim();
    times.forEach((t, i) => {
      const back = index.record(i + 1, new Uint8Array(0));
      assert.equal(back.timeNs, t, `time of frame ${i + 1}`);
      assert.equal(back.dataOffset, offsets[i], `offset of frame ${i + 1}`);
      assert.equal(back.linkType, (i + 1) % 2 === 0 ? 1 : 113);
      assert.equal(back.interfaceId, (i + 1) % 3);
    });
    // Time order as the bigints order them.
    const byTime = [0, 1, 2, 3, 4, 5].sort((a, b) => index.compareTime(a, b));
    assert.deepEqual(byTime, [3, 5, 1, 0, 2, 4]);
  });

  it('counts 37 bytes of columns per packet once trimmed', function () {
    const index = new CaptureIndex();
    for (let n = 1; n <= 3000; n++)
      index.add(record(n, 24 + 76 * n, BigInt(n) * 1000n), bareFrame());
    index.trim();
    assert.equal(index.byteSize().parts['columns'], 37 * 3000);
  });
});
