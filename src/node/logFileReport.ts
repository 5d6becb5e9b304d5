/**
 * A query log's outcome once summarize has read it: the detected format(s) with their
 * line counts, the unparsed lines (count and the first few line numbers), and any
 * file-level problem, with the exit code it calls for (as fileProblems.ts does for
 * captures): 2 if nothing could be read or no line was a DNS query-log line, 3 if the file
 * broke off (corrupt or truncated gzip) after some lines. Plain lines, so the CLI prints
 * them on stderr and the extension shows them in its log and report view.
 */
import type { CaptureProblem } from '../core/capture/captureRecord';
import type { QueryLogSummary } from '../core/querylog/queryLogReader';
import { ExitCodes, type FileOutcome } from './fileProblems';

const SHOWN_LINES = 5;

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

export interface LogFileOutcome extends FileOutcome {
  /** The dialects found with their line counts ("bind (12 lines), unbound (3 lines)"). */
  format: string | undefined;
}

export function logFileOutcome(
  summary: QueryLogSummary | undefined,
  problem: CaptureProblem | undefined,
): LogFileOutcome {
  const lines = summary?.lines ?? 0;
  const problems: string[] = [];
  const format =
    summary && summary.formats.length > 0
      ? summary.formats.map((f) => `${f} (${plural(summary.counts[f], 'line')})`).join(', ')
      : undefined;
  if (summary && summary.untimedLines > 0) {
    problems.push(
      `${plural(summary.untimedLines, 'line')} without a timestamp ` +
        '(BIND without print-time?): counted, but not placed in time',
    );
  }
  if (summary && summary.unparsedCount > 0) {
    const numbers = summary.unparsed.slice(0, SHOWN_LINES).map((u) => u.line);
    const more = summary.unparsedCount > numbers.length ? ', ...' : '';
    problems.push(
      `${plural(summary.unparsedCount, 'line')} not parsed ` +
        `(line${numbers.length === 1 ? '' : 's'} ${numbers.join(', ')}${more})`,
    );
  }
  if (problem) {
    const what = problem.kind === 'io' ? 'cannot read' : 'damaged log';
    problems.push(
      `${what} at byte offset ${problem.fileOffset}: ${problem.message} ` +
        `(${plural(lines, 'line')} read)`,
    );
    return { format, problems, exitCode: lines === 0 ? ExitCodes.unreadable : ExitCodes.damaged };
  }
  if (summary && summary.formats.length === 0) {
    problems.push('no line is a BIND, unbound or dnsmasq query-log line');
    return { format, problems, exitCode: ExitCodes.unreadable };
  }
  return { format, problems, exitCode: ExitCodes.ok };
}
