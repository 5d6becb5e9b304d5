/**
 * Measurement script for the scan path (not a test, not a benchmark with ratios): builds
 * an N-packet pcap in memory by repeating one capture's records (those of its first link
 * type), then times reading it in 64 KiB chunks and scan-dissecting every frame
 * (FrameDissector.dissect(record, false)) over several rounds, printing packets/s, DNS
 * messages found and the process's RSS. Run it bundled:
 *
 *   npx esbuild scripts/scan-probe.ts --bundle --platform=node --outfile=/tmp/scan-probe.cjs
 *   node /tmp/scan-probe.cjs FILE N [--no-dns-info] [--read-only] [--rounds R]
 *
 * `--no-dns-info` scans with DissectOptions.dnsInfo = false (the statistics path);
 * `--read-only` times the capture reader alone (the floor the dissector adds to).
 */
import { readFileSync } from 'node:fs';
import { createCaptureReader } from '../src/core/capture/captureReader';
import { FrameDissector } from '../src/core/dissect/frame';

const CHUNK = 64 * 1024;

interface Args {
  file: string;
  count: number;
  dnsInfo: boolean;
  readOnly: boolean;
  rounds: number;
}

function parseArgs(argv: string[]): Args {
  const positional = argv.filter((a) => !a.startsWith('--'));
  const roundsAt = argv.indexOf('--rounds');
  const file = positional[0];
  if (!file) {
    console.error('usage: scan-probe FILE [N] [--no-dns-info] [--read-only] [--rounds R]');
    process.exit(2);
  }
  return {
    file,
    count: Number(positional[1] ?? 1_000_000),
    dnsInfo: !argv.includes('--no-dns-info'),
    readOnly: argv.includes('--read-only'),
    rounds: roundsAt >= 0 ? Number(argv[roundsAt + 1]) : 3,
  };
}

/** The capture's records (copied) of its first link type. */
function loadRecords(path: string): {
  linkType: number;
  packets: Uint8Array[];
  originals: number[];
} {
  const packets: Uint8Array[] = [];
  const originals: number[] = [];
  let linkType = -1;
  const reader = createCaptureReader((r) => {
    if (linkType < 0) linkType = r.linkType;
    if (r.linkType !== linkType) return;
    packets.push(new Uint8Array(r.data));
    originals.push(r.originalLength);
  });
  const bytes = readFileSync(path);
  reader.push(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  reader.end();
  return { linkType, packets, originals };
}

/** A little-endian microsecond pcap of `count` records cycling through `packets`, 1 ms apart. */
function buildPcap(
  linkType: number,
  packets: Uint8Array[],
  originals: number[],
  count: number,
): Uint8Array {
  let size = 24;
  for (let i = 0; i < count; i++) size += 16 + (packets[i % packets.length]?.length ?? 0);
  const out = new Uint8Array(size);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, 0xa1b2c3d4, true);
  dv.setUint16(4, 2, true);
  dv.setUint16(6, 4, true);
  dv.setUint32(16, 262144, true);
  dv.setUint32(20, linkType, true);
  let off = 24;
  const startSec = 1_700_000_000;
  for (let i = 0; i < count; i++) {
    const p = packets[i % packets.length] as Uint8Array;
    dv.setUint32(off, startSec + Math.floor(i / 1000), true);
    dv.setUint32(off + 4, (i % 1000) * 1000, true);
    dv.setUint32(off + 8, p.length, true);
    dv.setUint32(off + 12, originals[i % packets.length] ?? p.length, true);
    out.set(p, off + 16);
    off += 16 + p.length;
  }
  return out;
}

function runRound(
  pcap: Uint8Array,
  args: Args,
): { frames: number; dns: number; seconds: number; cpuSeconds: number } {
  const dissector = new FrameDissector({ dnsInfo: args.dnsInfo });
  let frames = 0;
  let dns = 0;
  const reader = createCaptureReader(
    args.readOnly
      ? () => {
          frames++;
        }
      : (record) => {
          frames++;
          dns += dissector.dissect(record, false).dns.length;
        },
  );
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let off = 0; off < pcap.length; off += CHUNK) reader.push(pcap.subarray(off, off + CHUNK));
  reader.end();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  return { frames, dns, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const { linkType, packets, originals } = loadRecords(args.file);
  if (packets.length === 0) {
    console.error(`${args.file}: no records`);
    process.exit(1);
  }
  const pcap = buildPcap(linkType, packets, originals, args.count);
  const mode = args.readOnly ? 'read only' : `scan, dnsInfo ${args.dnsInfo}`;
  console.log(
    `${args.file}: ${packets.length} records (link type ${linkType}) repeated to ${args.count} ` +
      `(${(pcap.length / 1e6).toFixed(1)} MB); ${mode}`,
  );
  const rates: number[] = [];
  const cpuRates: number[] = [];
  for (let round = 1; round <= args.rounds; round++) {
    const r = runRound(pcap, args);
    const rate = r.frames / r.seconds;
    rates.push(rate);
    cpuRates.push(r.frames / r.cpuSeconds);
    const rss = process.memoryUsage().rss / 1e6;
    console.log(
      `round ${round}: ${r.frames} frames, ${r.dns} DNS messages in ${r.seconds.toFixed(3)} s = ` +
        `${(rate / 1e6).toFixed(3)} M packets/s (CPU ${r.cpuSeconds.toFixed(3)} s), RSS ${rss.toFixed(0)} MB`,
    );
  }
  rates.sort((a, b) => a - b);
  cpuRates.sort((a, b) => a - b);
  const mps = (r: number | undefined): string => ((r ?? 0) / 1e6).toFixed(3);
  // The machine may be shared: the best round is the least disturbed one.
  // CPU time (this process's user + system, GC threads included) is steadier than wall time there.
  console.log(
    `wall: median ${mps(rates[Math.floor(rates.length / 2)])}, best ${mps(rates.at(-1))} M packets/s; ` +
      `per CPU second: median ${mps(cpuRates[Math.floor(cpuRates.length / 2)])}, best ${mps(cpuRates.at(-1))} M packets/s`,
  );
}

main();
