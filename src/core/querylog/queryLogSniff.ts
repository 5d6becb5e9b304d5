/**
 * Whether a text file is a DNS query log, from its first lines: VS Code picks a language
 * by file name before it looks at the first line, so `*.log` files open as "Log" and the
 * manifest's firstLine pattern never runs for them. The extension reads the first lines
 * with this and switches such files to `dns-querylog`. A log whose first lines are daemon
 * start-up messages (syslog) still counts when enough of the rest are query lines.
 */
import { LogClock } from './logClock';
import { detectLine } from './logFormat';
import { parseLinePrefix } from './logPrefix';

/** At least one query line, and query lines are at least a quarter of the non-empty ones. */
export function looksLikeQueryLog(lines: readonly string[]): boolean {
  const clock = new LogClock();
  let nonEmpty = 0;
  let parsed = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    nonEmpty++;
    if (detectLine(parseLinePrefix(line, clock)) !== undefined) parsed++;
  }
  return parsed > 0 && parsed * 4 >= nonEmpty;
}
