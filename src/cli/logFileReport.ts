/**
 * A query log's outcome on stderr, once per file after summarize has read it: the
 * detected format(s) with their line counts, the unparsed lines (count and the first few
 * line numbers), and any file-level problem, with the exit code it calls for (as
 * fileProblems.ts does for captures): 2 if nothing could be read or no line was a DNS
 * query-log line, 3 if the file broke off (corrupt or truncated gzip) after some lines.
 */
import type { CaptureProblem } from '../core/capture/captureRecord';
import type { QueryLogSummary } from '../core/querylog/queryLogReader';
import { ExitCodes, type ErrorSink } from './fileProblems';

const SHOWN_LINES = 5;

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

export function reportLogFile(
  file: string,
  summary: QueryLogSummary | undefined,
  problem: CaptureProblem | undefined,
  stderr: ErrorSink,
): number {
  const lines = summary?.lines ?? 0;
  if (summary && summary.formats.length > 0) {
    const formats = summary.formats.map((f) => `${f} (${plural(summary.counts[f], 'line')})`);
    stderr.write(`dnspector: ${file}: query log: ${formats.join(', ')}\n`);
  }
  if (summary && summary.untimedLines > 0) {
    stderr.write(
      `dnspector: ${file}: ${plural(summary.untimedLines, 'line')} without a timestamp ` +
        '(BIND without print-time?): counted, but not placed in time\n',
    );
  }
  if (summary && summary.unparsedCount > 0) {
    const numbers = summary.unparsed.slice(0, SHOWN_LINES).map((u) => u.line);
    const more = summary.unparsedCount > numbers.length ? ', ...' : '';
    stderr.write(
      `dnspector: ${file}: ${plural(summary.unparsedCount, 'line')} not parsed ` +
        `(line${numbers.length === 1 ? '' : 's'} ${numbers.join(', ')}${more})\n`,
    );
  }
  if (problem) {
    const what = problem.kind === 'io' ? 'cannot read' : 'damaged log';
    stderr.write(
      `dnspector: ${file}: ${what} at byte offset ${problem.fileOffset}: ${problem.message} ` +
        `(${plural(lines, 'line')} read)\n`,
    );
    return lines === 0 ? ExitCodes.unreadable : ExitCodes.damaged;
  }
  if (summary && summary.formats.length === 0) {
    stderr.write(`dnspector: ${file}: no line is a BIND, unbound or dnsmasq query-log line\n`);
    return ExitCodes.unreadable;
  }
  return ExitCodes.ok;
}
