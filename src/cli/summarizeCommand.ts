/**
 * `dnspector summarize FILE... [--format text|markdown|json|csv] [--bin 1s|1m|1h|1d|auto]
 * [--top N]`: runs the summary pipeline (src/node/summaryRun.ts: every file, capture or
 * query log, merged by time through the transaction matcher and the statistics engine)
 * with a progress line on a terminal's stderr, then writes each file's outcome on stderr
 * (a log's format(s) and unparsed lines, a capture's damage) and prints the report.
 *
 * Exit codes as the other commands: with several files the worst wins, an unreadable file
 * (2) over a damaged one (3). The report is printed unless no file could be read at all.
 */
import type { CliArgs } from './cliArgs';
import { worstExitCode, writeFileLines, ExitCodes } from '../node/fileProblems';
import { runSummary } from '../node/summaryRun';
import { ProgressLine } from './progressLine';
import { formatReport } from '../core/report/reportFormats';

export async function summarizeCommand(args: CliArgs): Promise<number> {
  const progress = new ProgressLine(process.stderr);
  const { report, fileNotes } = await runSummary(
    args.files,
    {
      extraDnsPorts: args.dnsPorts,
      binSeconds: args.bin === 'auto' || args.bin === undefined ? null : args.bin,
      topN: args.top,
      clock: {
        ...(args.year !== undefined ? { year: args.year } : {}),
        ...(args.timeZone !== undefined ? { timeZone: args.timeZone } : {}),
      },
    },
    { onProgress: (units, messages) => progress.update(messages, units) },
  );
  progress.clear();

  for (const note of fileNotes) {
    const lines = note.kind === 'log' && note.format ? [`query log: ${note.format}`] : [];
    writeFileLines(note.path, [...lines, ...note.problems], process.stderr);
  }
  const codes = fileNotes.map((n) => n.exitCode);
  const code = worstExitCode(codes);
  if (codes.every((c) => c === ExitCodes.unreadable)) return code;
  process.stdout.write(formatReport(report, args.format ?? 'text'));
  return code;
}
