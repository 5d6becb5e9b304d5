/**
 * `list`, `fields` and `show` on a DNS server query log: the same verbs and output as for
 * captures, with a line in the place of a packet. The log is opened in the editor's log
 * engine (LogSession: one row and one field tree per line, Wireshark field names), so
 * `-Y` filters, `fields -e dns.qry.name` and `show --frame N` mean what they mean for
 * captures, with `frame.number` = the line number and `frame.time_epoch` = the line's time.
 * Lines that log no DNS message are left out, as a capture's non-DNS frames are, and those
 * that match no format are counted on stderr with their numbers.
 */
import type { CliArgs } from './cliArgs';
import { checkFieldNames, filterUsageError } from './cliChecks';
import { fieldsLine } from '../core/format/fieldsLine';
import { listLine } from '../core/format/listLine';
import { treeText } from '../core/format/treeText';
import { ExitCodes } from '../node/fileProblems';
import { openLogSessionFile, type OpenLogFile } from '../node/logSessionFile';

type Line = (s: string) => void;

async function open(args: CliArgs, file: string): Promise<OpenLogFile> {
  const clock: { year?: number; timeZone?: string } = {};
  if (args.year !== undefined) clock.year = args.year;
  if (args.timeZone !== undefined) clock.timeZone = args.timeZone;
  return openLogSessionFile(file, clock);
}

/**
 * The line numbers to print: the -Y filter's, or, as for captures (whose implicit filter is
 * "dns"), every line that logs a DNS message. The others are counted on stderr.
 */
function lines(log: OpenLogFile, args: CliArgs): number[] {
  const s = log.session;
  const filter = args.displayFilter ?? 'dns';
  const r = s.setFilter({ text: filter });
  if (!r.ok) throw filterUsageError(filter, r.error);
  while (s.busy) s.work(10_000);
  const out: number[] = [];
  const total = s.viewInfo().total;
  for (let start = 0; start < total; start += 1000) {
    for (const row of s.getRows({ start, count: 1000 }).rows) out.push(row.number);
  }
  return out;
}

/** stderr: the file's problems and unparsed lines; the exit code. */
function finish(log: OpenLogFile, file: string): number {
  for (const p of log.session.problems) process.stderr.write(`dnspector: ${file}: ${p}\n`);
  log.close();
  if (log.session.viewInfo().packets === 0 && log.problems.length > 0) return ExitCodes.unreadable;
  return log.problems.length > 0 ? ExitCodes.damaged : ExitCodes.ok;
}

export async function logListCommand(args: CliArgs, file: string, out: Line): Promise<number> {
  const log = await open(args, file);
  const units = lines(log, args);
  for (let i = 0; i < units.length; i += 1000) {
    for (const row of log.session.getRows({ start: i, count: 1000 }).rows) out(listLine(row));
  }
  return finish(log, file);
}

export async function logFieldsCommand(args: CliArgs, file: string, out: Line): Promise<number> {
  checkFieldNames(args.fields);
  const log = await open(args, file);
  for (const n of lines(log, args)) out(fieldsLine(log.session.fieldTree(n), args.fields));
  return finish(log, file);
}

export async function logShowCommand(args: CliArgs, file: string, out: Line): Promise<number> {
  const log = await open(args, file);
  const count = log.session.viewInfo().packets;
  const wanted = args.frame;
  if (wanted !== undefined && wanted > count) {
    finish(log, file);
    process.stderr.write(`dnspector: ${file}: there is no line ${wanted} (the log has ${count})\n`);
    return ExitCodes.usage;
  }
  const numbers = wanted !== undefined ? [wanted] : lines(log, args);
  for (const n of numbers) {
    const tree = log.session.fieldTree(n);
    if (args.json) {
      out(
        JSON.stringify(
          { line: n, text: log.session.lineText(n), tree },
          null,
          wanted ? 2 : undefined,
        ),
      );
    } else {
      out(treeText(tree, [{ name: `Line ${n}`, bytes: new Uint8Array(0) }]) + '\n');
    }
  }
  return finish(log, file);
}
