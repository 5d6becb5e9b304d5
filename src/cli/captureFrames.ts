/**
 * Reads a capture file and dissects each frame in order: the one pipeline behind every
 * CLI command. Frames for which `wantTree` says yes get their full field tree. Also the
 * first pass of two-pass commands (transaction annotations, as `tshark -2`). With a fast
 * line maker (fastFieldsLine.ts), `fields` takes one pass in which the frames the fast scan
 * accepts are printed from its event and only the others are dissected, in order.
 */
import { LARGE_CHUNK_SIZE, readCaptureFile } from '../node/captureFile';
import { FrameDissector, linkTypeName, type DissectedFrame } from '../core/dissect/frame';
import type { CaptureFileInfo } from '../core/capture/captureRecord';
import type { DissectOptions } from '../core/dissect/packetContext';
import { frameMessageEvents } from '../core/stats/frameEvents';
import { TransactionMatcher } from '../core/transactions/transactionMatcher';
import type { DnsMessageAnnotation } from '../core/transactions/dnsAnnotation';
import type { CaptureRun } from '../node/fileProblems';
import { UdpDnsFastScan } from '../core/scan/udpDnsFastScan';
import type { FastFieldsLine } from '../core/scan/fastFieldsLine';

/** The one-pass `fields` path: lines made without a tree, and where they go. */
export interface FastLines {
  line: FastFieldsLine;
  onLine: (line: string) => void;
  /** Filled in by the run: frames printed from the fast scan, frames dissected. */
  fastFrames?: number;
  dissectedFrames?: number;
}

export type { CaptureRun };

export async function dissectCaptureFile(
  path: string,
  options: DissectOptions,
  wantTree: (frame: number) => boolean,
  onFrame: (frame: DissectedFrame, info: CaptureFileInfo | undefined) => boolean | void,
  fast?: FastLines,
  betweenChunks?: () => Promise<void> | undefined,
): Promise<CaptureRun> {
  const dissector = new FrameDissector(options);
  const scan = fast ? new UdpDnsFastScan(dissector.state.dnsPorts) : undefined;
  let fastFrames = 0;
  let formatSet = false;
  let stopped = false;
  const result = await readCaptureFile(
    path,
    (record, info) => {
      if (stopped) return;
      if (!formatSet && info) {
        dissector.setFormat(info.format);
        formatSet = true;
      }
      if (fast && scan?.scan(record)) {
        const line = fast.line(scan.event, record);
        if (line !== undefined) {
          fastFrames++;
          fast.onLine(line);
          return;
        }
      }
      const frame = dissector.dissect(record, wantTree(record.frame));
      if (onFrame(frame, info) === false) stopped = true;
    },
    { chunkSize: LARGE_CHUNK_SIZE, betweenChunks },
  );
  if (fast) {
    fast.fastFrames = fastFrames;
    fast.dissectedFrames = result.frames - fastFrames;
  }
  const warnings = [...dissector.unknownLinkTypes].map(
    ([type, frame]) =>
      `link-layer header type ${type} (${linkTypeName(type)}) is not decoded (first in frame ${frame})`,
  );
  return { info: result.info, problems: result.problems, frames: result.frames, warnings };
}

/** Each DNS message's transaction annotation, by frame number (index = message in frame). */
export type FrameAnnotations = Map<number, (DnsMessageAnnotation | null)[]>;

/**
 * The first pass of a two-pass run, as `tshark -2`: scans the whole file (no trees) and
 * matches queries with responses, keeping no transaction timeout (tshark forgets none).
 * `keep` picks the frames whose annotations are kept (default: all).
 */
export async function transactionAnnotations(
  path: string,
  options: DissectOptions,
  keep: (frame: number) => boolean = () => true,
): Promise<FrameAnnotations> {
  const annotations: FrameAnnotations = new Map();
  const matcher = new TransactionMatcher(() => undefined, { idleTimeoutNs: null });
  await dissectCaptureFile(
    path,
    options,
    () => false,
    (frame) => {
      if (frame.dns.length === 0) return;
      const list = frameMessageEvents(frame).map((event) => matcher.push(event));
      if (keep(frame.meta.frame) && list.some((a) => a !== null))
        annotations.set(frame.meta.frame, list);
    },
  );
  return annotations;
}
