/**
 * The summary's fast scan path (src/core/scan/udpDnsFastScan.ts) against the dissector it
 * stands in for: for every fixture and every capture under ../shared/corpus, the message
 * events of each frame are the same with the fast path on and off (CaptureMessageScan),
 * and so is the whole `summarize` report (runSummary, one file and two files merged).
 * Then the frames of three captures with bytes of their DNS, UDP and IP headers changed
 * (a seeded pseudo-random walk): whatever the fast path accepts must still give the
 * dissector's events, and it must decline what it cannot decode the same way.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createCaptureReader } from '../../src/core/capture/captureReader';
import { copyRecord, type CaptureRecord } from '../../src/core/capture/captureRecord';
import { CaptureMessageScan } from '../../src/core/scan/captureMessageScan';
import type { DnsMessageEvent } from '../../src/core/stats/dnsEvent';
import { runSummary, type SummaryOptions } from '../../src/node/summaryRun';
import { allCaptures, fixtureDir } from '../helpers/captureFiles';

/** An event as plain comparable data: absent and undefined keys alike, bigint as text. */
function plain(e: DnsMessageEvent): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) {
    if (v === undefined) continue;
    out[k] = typeof v === 'bigint' ? v.toString() : v && typeof v === 'object' ? { ...v } : v;
  }
  return out;
}

function records(path: string): CaptureRecord[] {
  const out: CaptureRecord[] = [];
  const reader = createCaptureReader((r) => out.push(copyRecord(r)));
  const bytes = readFileSync(path);
  reader.push(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  reader.end();
  return out;
}

/** Each record's events, one list per record, with the fast path on or off. */
function eventsByFrame(
  recs: CaptureRecord[],
  fast: boolean,
): { lists: unknown[][]; fastFrames: number } {
  const scan = new CaptureMessageScan({ fast });
  const lists = recs.map((r) => {
    const list: unknown[] = [];
    scan.scan(r, (e) => list.push(plain(e)));
    return list;
  });
  return { lists, fastFrames: scan.fastFrames };
}

/**
 * An Ethernet frame whose DNS message lost its last `n` bytes, with the IP and UDP lengths
 * cut to match (so the message itself ends early, not the frame).
 */
function cutMessage(frame: Uint8Array, n: number): Uint8Array {
  const type = (frame[12]! << 8) | frame[13]!;
  const udp = type === 0x0800 ? 14 + (frame[14]! & 15) * 4 : type === 0x86dd ? 54 : -1;
  if (udp < 0 || frame.length - n < udp + 8) return frame;
  const out = frame.slice(0, frame.length - n);
  const dec = (at: number): void => {
    const v = ((out[at]! << 8) | out[at + 1]!) - n;
    out[at] = (v >> 8) & 0xff;
    out[at + 1] = v & 0xff;
  };
  dec(type === 0x0800 ? 16 : 18);
  dec(udp + 4);
  return out;
}

const options: SummaryOptions = { extraDnsPorts: [], binSeconds: null };

describe('fast scan path = dissector (events and reports)', function () {
  this.timeout(120000);
  const captures = allCaptures();

  it('takes the fast path for the plain UDP fixtures', () => {
    for (const name of ['udp-queries.pcap', 'incident-demo.pcap', 'ipv6.pcap', 'sll.pcap']) {
      const recs = records(join(fixtureDir, name));
      const { fastFrames } = eventsByFrame(recs, true);
      assert.ok(
        fastFrames > (name === 'ipv6.pcap' ? 0 : recs.length / 2),
        `${name}: ${fastFrames} of ${recs.length} fast`,
      );
    }
  });

  for (const path of captures) {
    it(`same events per frame and same report: ${basename(path)}`, async () => {
      const recs = records(path);
      const fast = eventsByFrame(recs, true).lists;
      const slow = eventsByFrame(recs, false).lists;
      for (let i = 0; i < recs.length; i++)
        assert.deepStrictEqual(fast[i], slow[i], `frame ${i + 1}`);
      const a = await runSummary([path], options);
      const b = await runSummary([path], { ...options, fastScan: false });
      assert.deepStrictEqual(a, b);
    });
  }

  it('same report for two captures merged by time', async () => {
    const files = [join(fixtureDir, 'udp-queries.pcap'), join(fixtureDir, 'tcp-queries.pcap')];
    const a = await runSummary(files, { ...options, topN: 5 });
    const b = await runSummary(files, { ...options, topN: 5, fastScan: false });
    assert.deepStrictEqual(a, b);
    assert.ok(a.report.totals.messages > 0);
  });

  it('same events for frames with changed header and DNS bytes', () => {
    let seed = 0x2545f491;
    const random = (n: number): number => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) % n;
    };
    let accepted = 0;
    let total = 0;
    for (const name of ['udp-queries.pcap', 'edns-options.pcap', 'ipv6.pcap']) {
      const recs = records(join(fixtureDir, name));
      for (let round = 0; round < 40; round++) {
        const mutated = recs.map((r) => {
          let data: Uint8Array = new Uint8Array(r.data);
          if (random(3) === 0) data = cutMessage(data, 1 + random(24));
          const changes = random(4);
          for (let k = 0; k < changes; k++) {
            // Mostly the DNS message (after 42 bytes of Ethernet+IPv4+UDP), sometimes headers.
            const at = random(4) === 0 ? random(data.length) : 14 + random(data.length - 14);
            const old = data[at]!;
            const kind = random(3);
            data[at] =
              kind === 0
                ? [0, 0xc0, 0x29, 0xff, 1][random(5)]!
                : kind === 1
                  ? old + (random(2) === 0 ? 1 : -1)
                  : random(256);
          }
          return { ...r, data, capturedLength: data.length, originalLength: data.length };
        });
        const fast = eventsByFrame(mutated, true);
        const slow = eventsByFrame(mutated, false).lists;
        accepted += fast.fastFrames;
        total += mutated.length;
        for (let i = 0; i < mutated.length; i++)
          assert.deepStrictEqual(fast.lists[i], slow[i], `${name} round ${round} frame ${i + 1}`);
      }
    }
    // Some changed frames must still take the fast path, or this compares nothing.
    assert.ok(accepted > total / 10, `${accepted} of ${total} took the fast path`);
  });
});
