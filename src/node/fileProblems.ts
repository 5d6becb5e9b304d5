/**
 * A capture file's problems as every command words them, and the exit code they call
 * for: 0 fine, 2 unreadable (nothing could be read), 3 damaged (truncated or corrupt after
 * some packets). The words are plain lines (captureOutcome) so the CLI can print them on
 * stderr (reportFileProblems, prefixed `dnspector: FILE: `) and the extension can show them
 * in its log and report view; both thus say the same thing.
 */
import type { CaptureFileInfo, CaptureProblem } from '../core/capture/captureRecord';

export const ExitCodes = { ok: 0, usage: 1, unreadable: 2, damaged: 3 } as const;

/** What happened to one capture file once it has been read. */
export interface CaptureRun {
  info: CaptureFileInfo | undefined;
  problems: readonly CaptureProblem[];
  frames: number;
  /** One message per link type no dissector handles. */
  warnings: string[];
}

export interface ErrorSink {
  write(text: string): unknown;
}

/** A file's outcome: what to tell the user about it (one line each) and its exit code. */
export interface FileOutcome {
  problems: string[];
  exitCode: number;
}

/** Writes `dnspector: FILE: LINE` for each line, as every command words its file problems. */
export function writeFileLines(file: string, lines: readonly string[], stderr: ErrorSink): void {
  for (const line of lines) stderr.write(`dnspector: ${file}: ${line}\n`);
}

export function captureOutcome(run: CaptureRun): FileOutcome {
  const problems = run.warnings.map((w) => `warning: ${w}`);
  const last = run.problems.at(-1);
  for (const p of run.problems.slice(0, -1)) {
    problems.push(`warning at byte offset ${p.fileOffset}: ${p.message}`);
  }
  if (!last) return { problems, exitCode: ExitCodes.ok };
  const what =
    last.kind === 'truncated'
      ? 'truncated capture'
      : last.kind === 'io'
        ? 'cannot read'
        : last.kind === 'unsupported'
          ? 'unsupported capture'
          : 'damaged capture';
  problems.push(
    `${what} at byte offset ${last.fileOffset}: ${last.message} ` +
      `(${run.frames} complete packet${run.frames === 1 ? '' : 's'} read)`,
  );
  const unreadable = run.frames === 0 && last.kind !== 'truncated';
  return { problems, exitCode: unreadable ? ExitCodes.unreadable : ExitCodes.damaged };
}

/** Writes the capture's problems on `stderr` and returns its exit code. */
export function reportFileProblems(file: string, run: CaptureRun, stderr: ErrorSink): number {
  const outcome = captureOutcome(run);
  writeFileLines(file, outcome.problems, stderr);
  return outcome.exitCode;
}

/** Several files' codes as one: unreadable beats damaged beats fine. */
export function worstExitCode(codes: readonly number[]): number {
  if (codes.includes(ExitCodes.unreadable)) return ExitCodes.unreadable;
  if (codes.includes(ExitCodes.damaged)) return ExitCodes.damaged;
  return codes.find((c) => c !== ExitCodes.ok) ?? ExitCodes.ok;
}
