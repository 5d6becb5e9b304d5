/**
 * `dnspector`: the command line on the same core as the extension. Thin: parses
 * arguments, runs the capture pipeline, prints with the core's formatters.
 */
import { parseArgs, usage, UsageError, type CliArgs } from './cliArgs';
import { dissectCaptureFile, transactionAnnotations } from './captureFrames';
import {
  addTransactionFields,
  transactionFieldNames,
} from '../core/transactions/transactionFields';
import { fieldsLine, hasProtocol } from '../core/format/fieldsLine';
import { fastFieldsLine } from '../core/scan/fastFieldsLine';
import { listLine } from '../core/format/listLine';
import { treeText } from '../core/format/treeText';
import { summarizeCommand } from './summarizeCommand';
import { checkFieldNames, filterUsageError, FilterUsageError } from './cliChecks';
import { ExitCodes, reportFileProblems } from '../node/fileProblems';
import { frameColumns } from '../core/format/frameColumns';
import { knownFieldNames } from '../core/field';
import { registerAllDissectors } from '../core/dissect/dissectors';
import type { DissectedFrame } from '../core/dissect/frame';
import { toHex } from '../core/fieldValue';
import { compileFilter, type DisplayFilter } from '../core/filter/displayFilter';
import { treeFieldLookup } from '../core/filter/treeFieldLookup';
import { readFileHead, sniffFileKind } from '../node/fileKind';
import { LogClock } from '../core/querylog/logClock';
import { detectLine } from '../core/querylog/logFormat';
import { parseLinePrefix } from '../core/querylog/logPrefix';
import { logFieldsCommand, logListCommand, logShowCommand } from './logCommands';

/** Lines to stdout in large writes (about 1 MiB of text each). */
class Output {
  private buf: string[] = [];
  private size = 0;
  line(s: string): void {
    this.buf.push(s);
    this.size += s.length;
    if (this.size > 1 << 20) this.flush();
  }
  private full = false;
  flush(): void {
    if (this.buf.length === 0) return;
    if (!process.stdout.write(this.buf.join('\n') + '\n')) this.full = true;
    this.buf = [];
    this.size = 0;
  }
  /** After a write stdout could not take at once (a slow pipe): the wait for 'drain'. */
  drained = (): Promise<void> | undefined => {
    if (!this.full) return undefined;
    this.full = false;
    return new Promise((resolve) => process.stdout.once('drain', () => resolve()));
  };
}

function isDns(frame: DissectedFrame): boolean {
  return frame.tree !== null ? hasProtocol(frame.tree, 'dns') : frame.dns.length > 0;
}

/** The -Y filter, compiled (undefined without -Y); a bad one is a usage error. */
function displayFilter(args: CliArgs): DisplayFilter | undefined {
  if (args.displayFilter === undefined) return undefined;
  const r = compileFilter(args.displayFilter);
  if (r.ok) return r.filter;
  throw filterUsageError(args.displayFilter, r.error);
}

/** Whether a frame is printed: the -Y filter on its tree, or without one, whether it holds DNS. */
function shown(frame: DissectedFrame, filter: DisplayFilter | undefined): boolean {
  if (!filter) return isDns(frame);
  return frame.tree !== null && filter.matches(treeFieldLookup(frame.tree));
}

async function fieldsCommand(args: CliArgs, file: string): Promise<number> {
  checkFieldNames(args.fields);
  const filter = displayFilter(args);
  const out = new Output();
  const options = { extraDnsPorts: args.dnsPorts };
  // Two passes, as `tshark -2`, only when a field needs to know later frames.
  const annotations = [...args.fields, ...(filter?.fields ?? [])].some(isTransactionField)
    ? await transactionAnnotations(file, options)
    : undefined;
  // One pass without trees for the frames the fast scan takes, when it knows every field.
  const fastLine = annotations || filter ? undefined : fastFieldsLine(args.fields);
  const fast = fastLine && { line: fastLine, onLine: (line: string) => out.line(line) };
  const run = await dissectCaptureFile(
    file,
    options,
    () => true,
    (frame) => {
      if (annotations) addTransactionFields(frame, annotations.get(frame.meta.frame) ?? []);
      if (frame.tree && shown(frame, filter)) out.line(fieldsLine(frame.tree, args.fields));
    },
    fast,
    out.drained,
  );
  out.flush();
  return reportFileProblems(file, run, process.stderr);
}

/** Fields that only a first pass over the whole capture can fill (query ⇄ response matching). */
function isTransactionField(name: string): boolean {
  return transactionFieldNames.has(name) || name.startsWith('_ws.expert');
}

async function listCommand(args: CliArgs, file: string): Promise<number> {
  const filter = displayFilter(args);
  const out = new Output();
  let firstTimeNs: bigint | undefined;
  const options = { extraDnsPorts: args.dnsPorts };
  // A filter reads field trees, and transaction fields need the first pass.
  const annotations =
    filter?.fields && [...filter.fields].some(isTransactionField)
      ? await transactionAnnotations(file, options)
      : undefined;
  const run = await dissectCaptureFile(
    file,
    options,
    () => filter !== undefined,
    (frame, info) => {
      firstTimeNs ??= frame.meta.timeNs;
      if (annotations) addTransactionFields(frame, annotations.get(frame.meta.frame) ?? []);
      if (!shown(frame, filter)) return;
      const decimals = info?.timePrecision === 'ns' ? 9 : 6;
      out.line(listLine(frameColumns(frame, firstTimeNs, decimals)));
    },
  );
  out.flush();
  return reportFileProblems(file, run, process.stderr);
}

/** One frame as JSON: metadata, every data source's bytes, the malformation and the tree. */
function frameJson(frame: DissectedFrame): unknown {
  return {
    frame: frame.meta.frame,
    timeNs: frame.meta.timeNs.toString(),
    capturedLength: frame.meta.capturedLength,
    originalLength: frame.meta.originalLength,
    linkType: frame.meta.linkType,
    sources: frame.sources.map((s) => ({
      name: s.name,
      length: s.bytes.length,
      hex: toHex(s.bytes),
    })),
    malformed: frame.malformed ?? null,
    tree: frame.tree,
  };
}

/**
 * `show FILE --frame N`: that frame's tree. `show FILE`: the tree of every frame that holds
 * DNS, like `tshark -2 -V -Y dns` (frames separated by a blank line; with --json one JSON
 * object per line).
 */
async function showCommand(args: CliArgs, file: string): Promise<number> {
  const wanted = args.frame;
  const selected = (n: number): boolean => wanted === undefined || n === wanted;
  const out = new Output();
  let shown = 0;
  const options = { extraDnsPorts: args.dnsPorts };
  const annotations = await transactionAnnotations(file, options, selected);
  const run = await dissectCaptureFile(file, options, selected, (frame) => {
    if (!selected(frame.meta.frame) || !frame.tree) return true;
    if (wanted === undefined && !isDns(frame)) return true;
    addTransactionFields(frame, annotations.get(frame.meta.frame) ?? []);
    shown++;
    if (args.json)
      out.line(JSON.stringify(frameJson(frame), null, wanted === undefined ? undefined : 2));
    else out.line(treeText(frame.tree, frame.sources) + '\n');
    return wanted === undefined;
  });
  out.flush();
  const code = reportFileProblems(file, run, process.stderr);
  if (wanted !== undefined && shown === 0) {
    if (code !== ExitCodes.unreadable) {
      process.stderr.write(
        `dnspector: ${file}: there is no frame ${wanted} (the capture has ${run.frames})\n`,
      );
    }
    return code === ExitCodes.ok ? ExitCodes.usage : code;
  }
  return code;
}

/**
 * A capture or a query log. A text file is a log when a line of its first 64 KiB is a
 * query-log line; any other file (also one that cannot be read) goes the capture way,
 * whose error says what is wrong with it and at which offset.
 */
async function fileKindOf(file: string): Promise<'capture' | 'log'> {
  try {
    if ((await sniffFileKind(file)) !== 'log') return 'capture';
    const text = new TextDecoder().decode(await readFileHead(file, 64 * 1024));
    const clock = new LogClock();
    const lines = text.split('\n');
    return lines.some((l) => detectLine(parseLinePrefix(l.replace(/\r$/, ''), clock)))
      ? 'log'
      : 'capture';
  } catch {
    return 'capture';
  }
}

/** list / fields / show on a query log (logCommands.ts). */
async function logCommand(args: CliArgs, file: string): Promise<number> {
  const out = new Output();
  const line = (s: string) => out.line(s);
  const run =
    args.command === 'list'
      ? logListCommand
      : args.command === 'fields'
        ? logFieldsCommand
        : logShowCommand;
  try {
    return await run(args, file, line);
  } finally {
    out.flush();
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.help || args.command === '') {
      (args.help ? process.stdout : process.stderr).write(usage + '\n');
      return args.help ? ExitCodes.ok : ExitCodes.usage;
    }
    if (args.command === 'fields' && args.listFields) {
      registerAllDissectors();
      process.stdout.write(knownFieldNames().join('\n') + '\n');
      return ExitCodes.ok;
    }
    const commands: Record<string, (a: CliArgs, f: string) => Promise<number>> = {
      fields: fieldsCommand,
      list: listCommand,
      show: showCommand,
      summarize: (a) => summarizeCommand(a),
    };
    const command = commands[args.command];
    if (!command) throw new UsageError(`unknown command "${args.command}"`);
    if (!args.file) throw new UsageError(`${args.command} needs a capture FILE`);
    registerAllDissectors();
    if (args.command !== 'summarize' && (await fileKindOf(args.file)) === 'log') {
      return await logCommand(args, args.file);
    }
    return await command(args, args.file);
  } catch (err) {
    if (err instanceof UsageError) {
      const hint =
        err.message.includes('known fields') || err instanceof FilterUsageError
          ? ''
          : `\n${usage}\n`;
      process.stderr.write(`dnspector: ${err.message}\n${hint}`);
      return ExitCodes.usage;
    }
    throw err;
  }
}

// `dnspector list F | head` closes our stdout early: stop quietly, as other CLI tools do.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(
      `dnspector: internal error: ${err instanceof Error ? err.stack : String(err)}\n`,
    );
    process.exitCode = 70;
  },
);
