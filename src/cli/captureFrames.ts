/**
 * Reads a capture file and dissects each frame in order: the one pipeline behind every
 * CLI command. Frames for which `wantTree` says yes get their full field tree. Also the
 * first pass of two-pass commands (transaction annotations, as `tshark -2`).
 */
import { readCaptureFile } from '../node/captureFile';
import { FrameDissector, linkTypeName, type DissectedFrame } from '../core/dissect/frame';
import type { CaptureFileInfo } from '../core/capture/captureRecord';
import type { DissectOptions } from '../core/dissect/packetContext';
import { frameMessageEvents } from '../core/stats/frameEvents';
import { TransactionMatcher } from '../core/transactions/transactionMatcher';
import type { DnsMessageAnnotation } from '../core/transactions/dnsAnnotation';
import type { CaptureRun } from '../node/fileProblems';

export type { CaptureRun };

export async function dissectCaptureFile(
  path: string,
  options: DissectOptions,
  wantTree: (frame: number) => boolean,
  onFrame: (frame: DissectedFrame, info: CaptureFileInfo | undefined) => boolean | void,
): Promise<CaptureRun> {
  const dissector = new FrameDissector(options);
  let formatSet = false;
  let stopped = false;
  const result = await readCaptureFile(path, (record, info) => {
    if (stopped) return;
    if (!formatSet && info) {
      dissector.setFormat(info.format);
      formatSet = true;
    }
    const frame = dissector.dissect(record, wantTree(record.frame));
    if (onFrame(frame, info) === false) stopped = true;
  });
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
