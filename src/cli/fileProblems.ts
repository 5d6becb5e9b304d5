/**
 * A capture file's problems on stderr, worded as every command words them, and the exit
 * code they call for: 0 fine, 2 unreadable (nothing could be read), 3 damaged (truncated
 * or corrupt after some packets). Used by every command (cli.ts and summarizeCommand.ts).
 */
import type { CaptureRun } from './captureFrames';

export const ExitCodes = { ok: 0, usage: 1, unreadable: 2, damaged: 3 } as const;

export interface ErrorSink {
  write(text: string): unknown;
}

export function reportFileProblems(file: string, run: CaptureRun, stderr: ErrorSink): number {
  for (const w of run.warnings) stderr.write(`dnspector: ${file}: warning: ${w}\n`);
  const last = run.problems.at(-1);
  for (const p of run.problems.slice(0, -1)) {
    stderr.write(`dnspector: ${file}: warning at byte offset ${p.fileOffset}: ${p.message}\n`);
  }
  if (!last) return ExitCodes.ok;
  const what =
    last.kind === 'truncated'
      ? 'truncated capture'
      : last.kind === 'io'
        ? 'cannot read'
        : last.kind === 'unsupported'
          ? 'unsupported capture'
          : 'damaged capture';
  stderr.write(
    `dnspector: ${file}: ${what} at byte offset ${last.fileOffset}: ${last.message} ` +
      `(${run.frames} complete packet${run.frames === 1 ? '' : 's'} read)\n`,
  );
  if (run.frames === 0 && last.kind !== 'truncated') return ExitCodes.unreadable;
  return ExitCodes.damaged;
}

/** Several files' codes as one: unreadable beats damaged beats fine. */
export function worstExitCode(codes: readonly number[]): number {
  if (codes.includes(ExitCodes.unreadable)) return ExitCodes.unreadable;
  if (codes.includes(ExitCodes.damaged)) return ExitCodes.damaged;
  return codes.find((c) => c !== ExitCodes.ok) ?? ExitCodes.ok;
}
