/**
 * `dnspector summarize FILE... [--format text|markdown|json|csv] [--bin 1s|1m|1h|1d|auto]
 * [--top N]`: reads every file as a pull stream of DNS message events (scan mode, no field
 * trees), merges them by time into one stream (several files are one capture split up),
 * runs them through the transaction matcher and the statistics engine, and prints the
 * report. Memory is one chunk of events per file plus what the matcher and engine hold
 * (bounded by open transactions and distinct keys), never the whole capture.
 *
 * Exit codes as the other commands: with several files the worst wins, an unreadable file
 * (2) over a damaged one (3). The report is printed unless no file could be read at all.
 */
import type { CliArgs, ReportFormat } from './cliArgs';
import { CaptureEventSource } from './captureEventSource';
import { mergeByTime } from './mergeByTime';
import { reportFileProblems, worstExitCode, ExitCodes } from './fileProblems';
import { ProgressLine } from './progressLine';
import { StatsEngine } from '../core/stats/statsEngine';
import { TransactionMatcher } from '../core/transactions/transactionMatcher';
import type { DnsMessageEvent } from '../core/stats/dnsEvent';
import type { SummaryReport } from '../core/report/summaryReport';
import { textReport } from '../core/report/textReport';
import { markdownReport } from '../core/report/markdownReport';
import { csvReport } from '../core/report/csvReport';

const formatters: Record<ReportFormat, (r: SummaryReport) => string> = {
  text: textReport,
  markdown: markdownReport,
  json: (r) => JSON.stringify(r, null, 2) + '\n',
  csv: csvReport,
};

export async function summarizeCommand(args: CliArgs): Promise<number> {
  const sources = args.files.map(
    // dnsInfo false: the statistics need no Info column, and skipping record data is faster.
    (file) => new CaptureEventSource(file, { extraDnsPorts: args.dnsPorts, dnsInfo: false }),
  );
  const engine = new StatsEngine({
    binSeconds: args.bin === 'auto' || args.bin === undefined ? null : args.bin,
  });
  // Transactions, unsolicited responses and duplicate IDs reach the engine as they close.
  const matcher = new TransactionMatcher((outcome) => engine.add(outcome));
  const progress = new ProgressLine(process.stderr);
  let messages = 0;
  const merged = mergeByTime<DnsMessageEvent>(
    sources.map((s) => s.events()),
    (e) => e.timeNs,
  );
  for await (const event of merged) {
    engine.add(event);
    matcher.push(event);
    messages++;
    if ((messages & 0x3ff) === 0)
      progress.update(
        messages,
        sources.reduce((n, s) => n + s.frames, 0),
      );
  }
  matcher.flush();
  progress.clear();

  const codes = sources.map((s) => reportFileProblems(s.path, s.run, process.stderr));
  const code = worstExitCode(codes);
  if (codes.every((c) => c === ExitCodes.unreadable)) return code;
  const report = engine.report({ top: args.top });
  process.stdout.write(formatters[args.format ?? 'text'](report));
  return code;
}
