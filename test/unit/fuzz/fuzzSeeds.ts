/**
 * Seeds for the fuzz targets, all from real files: the capture fixtures and the shared
 * corpus (../shared/corpus, skipped when absent; gzip fixtures expanded), the frames in
 * them by link type, the DNS messages in them (UDP payloads and TCP messages as the
 * dissector found them), and the query-log fixtures' lines.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createCaptureReader } from '../../../src/core/capture/captureReader';
import { FrameDissector } from '../../../src/core/dissect/frame';
import { allCaptures, fixtureDir } from '../../helpers/captureFiles';

/** Seed files larger than this are left out (a fuzz input is re-read whole many times). */
const MAX_SEED_FILE = 64 * 1024;

export interface CaptureSeed {
  path: string;
  bytes: Uint8Array;
}

let captures: CaptureSeed[] | undefined;

/** Every fixture and corpus capture up to 64 KiB, expanded if gzip. */
export function captureSeeds(): CaptureSeed[] {
  captures ??= allCaptures()
    .map((path) => {
      let bytes = new Uint8Array(readFileSync(path));
      if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = new Uint8Array(gunzipSync(bytes));
      return { path, bytes };
    })
    .filter((s) => s.bytes.length <= MAX_SEED_FILE);
  return captures;
}

/** Captures by format, by their magic (pcapng: 0A 0D 0D 0A). */
export function captureFileSeeds(format: 'pcap' | 'pcapng'): Uint8Array[] {
  return captureSeeds()
    .map((s) => s.bytes)
    .filter((b) => (b[0] === 0x0a && b[1] === 0x0d) === (format === 'pcapng'));
}

interface FrameSeeds {
  byLinkType: Map<number, Uint8Array[]>;
  dnsUdp: Uint8Array[];
  dnsTcp: Uint8Array[];
}

let frames: FrameSeeds | undefined;

/** The frames of every seed capture by link type, and the DNS messages found in them. */
export function frameSeeds(): FrameSeeds {
  if (frames) return frames;
  const out: FrameSeeds = { byLinkType: new Map(), dnsUdp: [], dnsTcp: [] };
  for (const { bytes } of captureSeeds()) {
    const dissector = new FrameDissector();
    const reader = createCaptureReader((r) => {
      const list = out.byLinkType.get(r.linkType) ?? [];
      list.push(r.data.slice());
      out.byLinkType.set(r.linkType, list);
      const f = dissector.dissect(r, false);
      for (const m of f.dns) {
        const src = f.sources[m.range.source]?.bytes;
        if (!src) continue;
        const msg = src.slice(m.range.start, m.range.start + m.range.length);
        (m.transport === 'tcp' ? out.dnsTcp : out.dnsUdp).push(msg);
      }
    });
    reader.push(bytes);
    reader.end();
  }
  frames = out;
  return out;
}

/** Every line of every query-log fixture (the logs folder), as bytes. */
export function logLineSeeds(): Uint8Array[] {
  const dir = join(fixtureDir, 'logs');
  if (!existsSync(dir)) return [];
  const lines: Uint8Array[] = [];
  const enc = new TextEncoder();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.log'))) {
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
      if (line.trim() !== '') lines.push(enc.encode(line));
    }
  }
  return lines;
}

/** Whole query-log fixtures, as bytes (for the reader over several lines). */
export function logFileSeeds(): Uint8Array[] {
  const dir = join(fixtureDir, 'logs');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.log'))
    .map((f) => new Uint8Array(readFileSync(join(dir, f))));
}
