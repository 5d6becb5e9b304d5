/**
 * Reads a capture file and dissects each frame in order: the one pipeline behind every
 * CLI command. Frames for which `wantTree` says yes get their full field tree.
 */
import { readCaptureFile } from '../node/captureFile';
import { FrameDissector, linkTypeName, type DissectedFrame } from '../core/dissect/frame';
import type { CaptureFileInfo, CaptureProblem } from '../core/capture/captureRecord';
import type { DissectOptions } from '../core/dissect/packetContext';

export interface CaptureRun {
  info: CaptureFileInfo | undefined;
  problems: readonly CaptureProblem[];
  frames: number;
  /** One message per link type no dissector handles. */
  warnings: string[];
}

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
