/**
 * `dnspector summarize FILE... [--format text|markdown|json|csv] [--bin 1s|1m|1h|1d|auto]
 * [--top N]`: reads every file, capture or DNS server query log (summarySources.ts), as a
 * pull stream of DNS events (captures in scan mode, no field trees), merges them by time
 * into one stream (several files are one capture split up), runs capture messages through
 * the transaction matcher and every event through the statistics engine (logs bring their
 * own transactions), and prints the report. Each log's format(s) and unparsed lines go to
 * stderr once the file is read. Memory is one chunk of events per file plus what the matcher and engine hold
 * (bounded by open transactions and distinct keys), never the whole capture.
 *
 * Exit codes as the other commands: with several files the worst wins, an unreadable file
 * (2) over a damaged one (3). The report is printed unless no file could be read at all.
 */
import type { CliArgs, ReportFormat } from './cliArgs';
import { openSummarySource, type TaggedEvent } from './summarySources';
import { mergeByTime } from './mergeByTime';
import { worstExitCode, ExitCodes } from './fileProblems';
import { ProgressLine } from './progressLine';
import { StatsEngine } from '../core/stats/statsEngine';
import { TransactionMatcher } from '../core/transactions/transactionMatcher';
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
  const sources = await Promise.all(
    args.files.map((file) => openSummarySource(file, { extraDnsPorts: args.dnsPorts })),
  );
  const engine = new StatsEngine({
    binSeconds: args.bin === 'auto' || args.bin === undefined ? null : args.bin,
  });
  // Transactions, unsolicited responses and duplicate IDs reach the engine as they close.
  const matcher = new TransactionMatcher((outcome) => engine.add(outcome));
  const progress = new ProgressLine(process.stderr);
  let messages = 0;
  const merged = mergeByTime<TaggedEvent>(
    sources.map((s) => s.events()),
    (t) => t.timeNs,
  );
  for await (const { event, viaMatcher } of merged) {
    engine.add(event);
    if (event.kind !== 'message') continue;
    if (viaMatcher) matcher.push(event);
    messages++;
    if ((messages & 0x3ff) === 0)
      progress.update(
        messages,
        sources.reduce((n, s) => n + s.units, 0),
      );
  }
  matcher.flush();
  progress.clear();

  const codes = sources.map((s) => s.report(process.stderr));
  const code = worstExitCode(codes);
  if (codes.every((c) => c === ExitCodes.unreadable)) return code;
  const report = engine.report({ top: args.top });
  process.stdout.write(formatters[args.format ?? 'text'](report));
  return code;
}
