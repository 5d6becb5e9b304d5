/**
 * Truncation at every byte: small captures (pcap and pcapng, DNS over UDP and over TCP,
 * made of the first packets of real fixtures) cut at each length from 0 to their size
 * open in the editor's engine (CaptureSession) with every complete packet shown and the
 * end reported at the offset where the incomplete record starts. The expected counts and
 * offsets come from a separate walk of the record headers written here. A few cuts also go
 * through the index worker the editor runs and through the CLI (exit code and message).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createCaptureReader } from '../../../src/core/capture/captureReader';
import { copyRecord, type CaptureRecord } from '../../../src/core/capture/captureRecord';
import { CaptureSession } from '../../../src/core/session/captureSession';
import { sessionFieldHelp, sessionFilterCompiler } from '../../../src/core/session/sessionServices';
import type { FromWorker, ToWorker } from '../../../src/core/protocol/workerMessages';
import { settle } from '../../helpers/captureSessions';
import { fixtureDir, repo } from '../../helpers/captureFiles';
import {
  concat,
  enhancedPacket,
  interfaceDescription,
  sectionHeader,
} from '../helpers/captureBuilder';

interface Expected {
  packets: number;
  /** Where the incomplete unit starts (0 inside the file header); undefined: cut at a boundary. */
  truncatedAt: number | undefined;
}

/** Complete records before `cut`, from the pcap record headers alone. */
function pcapExpected(b: Uint8Array, cut: number): Expected {
  if (cut < 24) return { packets: 0, truncatedAt: 0 };
  const le = b[0] === 0xd4;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let pos = 24;
  let packets = 0;
  while (pos < cut) {
    if (pos + 16 > cut || pos + 16 + view.getUint32(pos + 8, le) > cut) break;
    pos += 16 + view.getUint32(pos + 8, le);
    packets++;
  }
  return { packets, truncatedAt: pos < cut ? pos : undefined };
}

/** Complete packet blocks (EPB, SPB, PB) before `cut`, from the pcapng block headers alone. */
function pcapngExpected(b: Uint8Array, cut: number): Expected {
  if (cut < 12) return { packets: 0, truncatedAt: 0 };
  const le = b[8] === 0x4d; // the byte-order magic 1A2B3C4D, read little-endian
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let pos = 0;
  let packets = 0;
  while (pos < cut) {
    if (pos + 12 > cut) break;
    const length = view.getUint32(pos + 4, le);
    if (pos + length > cut) break;
    if ([2, 3, 6].includes(view.getUint32(pos, le))) packets++;
    pos += length;
  }
  return { packets, truncatedAt: pos < cut ? pos : undefined };
}

function records(path: string, n: number): { records: CaptureRecord[]; end: number } {
  const bytes = new Uint8Array(readFileSync(path));
  const out: CaptureRecord[] = [];
  const reader = createCaptureReader((r) => {
    if (out.length < n) out.push(copyRecord(r));
  });
  reader.push(bytes);
  reader.end();
  const last = out.at(-1);
  return { records: out, end: last ? last.dataOffset + last.capturedLength : 0 };
}

/** The first n packets of a pcap fixture, as its own file (the fixture's bytes, cut). */
function pcapPrefix(name: string, n: number): Uint8Array {
  const path = join(fixtureDir, name);
  return new Uint8Array(readFileSync(path)).slice(0, records(path, n).end);
}

/** The first n packets of a fixture, rewritten as big-endian pcapng (SHB, IDB, EPBs). */
function asPcapng(name: string, n: number): Uint8Array {
  const { records: rs } = records(join(fixtureDir, name), n);
  return concat(
    sectionHeader('big'),
    interfaceDescription('big', { linkType: rs[0]?.linkType ?? 1 }),
    ...rs.map((r) =>
      enhancedPacket('big', {
        timestamp: r.timeNs / 1000n,
        data: r.data,
        originalLength: r.originalLength,
      }),
    ),
  );
}

function openBytes(bytes: Uint8Array) {
  const session = new CaptureSession((o, l) => bytes.slice(o, o + l), {
    dissect: {},
    timeDisplay: 'relative',
    utc: true,
    compileFilter: sessionFilterCompiler,
    help: sessionFieldHelp,
  });
  const reader = createCaptureReader((r) => {
    if (reader.info) session.setFormat(reader.info.format, reader.info.timePrecision === 'ns');
    session.addRecord(r);
  });
  reader.push(bytes);
  reader.end();
  session.finish(reader.problems.map((p) => `${p.message} (at byte ${p.fileOffset})`));
  settle(session);
  return { session, problems: reader.problems };
}

const captures: [string, () => Uint8Array, typeof pcapExpected][] = [
  ['pcap, DNS over UDP', () => pcapPrefix('udp-queries.pcap', 6), pcapExpected],
  ['pcap, DNS over TCP', () => pcapPrefix('tcp-queries.pcap', 10), pcapExpected],
  ['pcapng, DNS over UDP', () => asPcapng('udp-queries.pcap', 6), pcapngExpected],
  ['pcapng, DNS over TCP', () => asPcapng('tcp-queries.pcap', 10), pcapngExpected],
];

describe('a capture cut at every byte', function () {
  this.timeout(120_000);

  for (const [what, build, expected] of captures) {
    it(`${what}: opens in the editor engine with every complete packet and the offset of the cut`, () => {
      const bytes = build();
      const full = expected(bytes, bytes.length);
      assert.equal(full.truncatedAt, undefined, 'the uncut capture is whole');
      assert.ok(full.packets >= 6);
      for (let cut = 0; cut <= bytes.length; cut++) {
        const want = expected(bytes, cut);
        const { session, problems } = openBytes(bytes.slice(0, cut));
        assert.equal(session.index.count, want.packets, `cut at ${cut}: packets indexed`);
        const { rows } = session.getRows({ start: 0, count: 1000 });
        assert.deepEqual(
          rows.map((r) => r.number),
          Array.from({ length: want.packets }, (_, i) => i + 1),
          `cut at ${cut}: rows shown`,
        );
        const last = problems.at(-1);
        if (want.truncatedAt === undefined) assert.equal(last, undefined, `cut at ${cut}`);
        else {
          assert.ok(last, `cut at ${cut}: a problem`);
          assert.equal(last.fileOffset, want.truncatedAt, `cut at ${cut}: ${last.message}`);
          assert.ok(
            session.problems.some((p) => p.endsWith(`(at byte ${want.truncatedAt})`)),
            `cut at ${cut}: the session says where it ended`,
          );
        }
      }
    });
  }

  describe('through the index worker and the CLI', () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'dnspector-cuts-'));
    });

    /** Opens `path` in the index worker (built beside this test) and waits until it is done. */
    async function openInWorker(path: string): Promise<{ packets: number; problems: string[] }> {
      const w = new Worker(join(__dirname, '../../../src/node/indexWorker.js'));
      try {
        return await new Promise((resolve, reject) => {
          w.on('error', reject);
          w.on('message', (m: FromWorker) => {
            if (m.kind === 'progress' && m.progress.done) {
              resolve({ packets: m.progress.packets, problems: m.progress.problems ?? [] });
            }
          });
          const open: ToWorker = {
            kind: 'open',
            path,
            options: { extraDnsPorts: [], timeDisplay: 'relative', utc: true },
          };
          w.postMessage(open);
        });
      } finally {
        await w.terminate();
      }
    }

    for (const [what, build, expected] of captures) {
      it(`${what}: the worker and dnspector fields report the complete packets and the offset`, async () => {
        const bytes = build();
        const cuts = [4, 30, Math.floor(bytes.length / 2), bytes.length - 1];
        const cli = join(repo, 'dist/cli.js');
        for (const cut of cuts) {
          const want = expected(bytes, cut);
          const file = join(dir, `${what.replace(/\W+/g, '-')}-${cut}.cap`);
          writeFileSync(file, bytes.subarray(0, cut));
          const opened = await openInWorker(file);
          assert.equal(opened.packets, want.packets, `worker, cut at ${cut}`);
          assert.ok(
            opened.problems.some((p) => p.endsWith(`(at byte ${want.truncatedAt})`)),
            `worker, cut at ${cut}: ${opened.problems.join('; ')}`,
          );
          if (!existsSync(cli)) continue;
          const r = spawnSync('node', [cli, 'fields', file, '-Y', 'frame', '-e', 'frame.number'], {
            encoding: 'utf8',
          });
          assert.equal(
            r.status,
            want.packets > 0 || cut >= 4 ? 3 : 2,
            `CLI exit, cut at ${cut}: ${r.stderr}`,
          );
          assert.equal(
            r.stdout.split('\n').filter(Boolean).length,
            want.packets,
            `CLI rows, cut at ${cut}`,
          );
          assert.match(
            r.stderr,
            new RegExp(`at byte offset ${want.truncatedAt}\\b`),
            `CLI, cut at ${cut}`,
          );
        }
      });
    }
  });
});
