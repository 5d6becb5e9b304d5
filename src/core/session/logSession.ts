/**
 * One open query log in the editor: the log twin of captureSession.ts, answering the same
 * protocol (CaptureApi) so the capture editor's webview shows logs unchanged. Units are
 * lines. While the file streams in, the session notes where each line starts, and the
 * QueryLogReader's events give each line its time, client, server and type and the
 * transactions the log itself reveals (unbound replies, dnsmasq answers). Rows and
 * details come from reading a line again by position: the columns are No. = line, Time,
 * Source = client, Destination = server, Protocol = query type, Length = bytes of the line,
 * Info = the message; the detail tree is logLineTree.ts's. Lines that match no format
 * stay in the list, marked malformed, never dropped.
 */
import type { FieldNode } from '../field';
import type { DnsEvent } from '../stats/dnsEvent';
import { QueryLogReader, type QueryLogReaderOptions } from '../querylog/queryLogReader';
import { defaultMaxLineLength } from '../querylog/lineSplitter';
import { truncateColumn } from '../format/columnText';
import { parseLogLineSpans, type ParsedLogLine } from '../querylog/logLineSpans';
import { logLineTree } from '../querylog/logLineTree';
import { LogClock } from '../querylog/logClock';
import { typeShortName } from '../dns/dnsValueNames';
import type { DnsMessageAnnotation } from '../transactions/dnsAnnotation';
import type {
  ColumnId,
  PacketDetail,
  PacketRow,
  TimeDisplay,
  TreeItem,
  ViewInfo,
} from '../protocol/captureMessages';
import { StringTable } from './captureIndex';
import type { EditorSession } from './editorSession';
import { ViewedSession } from './viewedSession';
import { columnSecondsText } from '../format/timeText';
import { columnDateTimeText } from './columnTime';
import { plainTree, type FieldHelp } from './plainTree';
import type { ByteReader } from './packetView';
import { stringRanks, ViewModel, type FilterCompiler } from './viewModel';

export interface LogSessionOptions {
  timeDisplay: TimeDisplay;
  utc: boolean;
  compileFilter: FilterCompiler;
  help?: FieldHelp;
  reader?: QueryLogReaderOptions;
}

const NO_TIME = -1n << 62n;

function grow<T extends Float64Array | Uint32Array | BigInt64Array>(a: T, size: number): T {
  if (size <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(size, a.length * 2));
  b.set(a as never);
  return b;
}

interface DecoderLike {
  decode(input: Uint8Array): string;
}
const decoder: DecoderLike = new (
  globalThis as unknown as { TextDecoder: new (label: string) => DecoderLike }
).TextDecoder('utf-8');

export class LogSession extends ViewedSession implements EditorSession {
  /** Lines seen so far (complete lines; the last one counts once the file ends). */
  count = 0;
  complete = false;
  readonly problems: string[] = [];
  /** Byte offset where each line starts; lineStart[count] is where the next one starts. */
  private lineStart = new Float64Array(1024);
  private timeNs = new BigInt64Array(1024).fill(NO_TIME);
  private client = new Uint32Array(1024);
  private server = new Uint32Array(1024);
  private qtype = new Uint32Array(1024);
  private readonly strings = new StringTable();
  private readonly annotations = new Map<number, DnsMessageAnnotation>();
  private readonly reader: QueryLogReader;
  private bytes = 0;
  protected readonly viewModel: ViewModel;
  private firstTimeNs: bigint | undefined;
  /** The log shows replies (unbound log-replies, dnsmasq): only then can a query go unanswered. */
  private sawReplies = false;

  constructor(
    private readonly read: ByteReader,
    private readonly options: LogSessionOptions,
  ) {
    super();
    this.reader = new QueryLogReader((e) => this.event(e), options.reader ?? {});
    this.viewModel = new ViewModel(
      {
        count: () => this.count,
        complete: () => this.complete,
        treeMaker: () => (n) => this.fieldTree(n),
        comparator: (column, units) => this.comparator(column, units),
      },
      options.compileFilter,
    );
  }

  private ensure(n: number): void {
    if (n < this.lineStart.length) return;
    const old = this.timeNs.length;
    this.lineStart = grow(this.lineStart, n + 1);
    this.timeNs = grow(this.timeNs, n + 1);
    this.timeNs.fill(NO_TIME, old);
    this.client = grow(this.client, n + 1);
    this.server = grow(this.server, n + 1);
    this.qtype = grow(this.qtype, n + 1);
  }

  private newLine(start: number): void {
    this.ensure(this.count + 1);
    this.count++;
    this.lineStart[this.count] = start;
  }

  /** The next bytes of the file, in order. */
  push(chunk: Uint8Array): void {
    this.reader.push(chunk);
    for (let i = 0; i < chunk.length; i++) {
      if (chunk[i] === 0x0a) this.newLine(this.bytes + i + 1);
    }
    this.bytes += chunk.length;
  }

  /** The file ended (or reading stopped): the last line without a newline counts. */
  finish(problems: readonly string[]): void {
    if (this.bytes > (this.lineStart[this.count] ?? 0)) this.newLine(this.bytes);
    this.reader.end();
    this.complete = true;
    this.problems.push(...problems);
    const s = this.reader.summary();
    if (s.unparsedCount > 0) {
      const first = s.unparsed.slice(0, 5).map((u) => u.line);
      this.problems.push(
        `${s.unparsedCount} line${s.unparsedCount === 1 ? '' : 's'} match no query-log format (first: line ${first.join(', ')})`,
      );
    }
  }

  /** The dialects seen, most lines first (bind, unbound, dnsmasq). */
  formats(): string[] {
    return this.reader.summary().formats;
  }

  private event(e: DnsEvent): void {
    if (e.kind === 'message') {
      const i = e.ref - 1;
      this.ensure(i + 1);
      if (!e.timeUnknown) {
        this.timeNs[i] = e.timeNs;
        this.firstTimeNs ??= e.timeNs;
      }
      this.client[i] = this.strings.id(e.response ? e.dst : e.src);
      this.server[i] = this.strings.id(e.response ? e.src : e.dst);
      this.qtype[i] = e.qtype ?? 0;
    } else if (e.kind === 'transaction' && e.responseRef !== undefined) {
      const q = e.firstQueryRef;
      const r = e.responseRef;
      this.sawReplies = true;
      if (q !== r) {
        this.annotations.set(q, { ...this.annotations.get(q), responseIn: r });
        this.annotations.set(r, { ...this.annotations.get(r), responseTo: q });
      }
    }
  }

  /**
   * Line n's text, without its line ending; a line longer than the reader's maxLineLength
   * is cut there, as the reader cuts it (a 1 MB line is not read whole for each row).
   */
  lineText(n: number): string {
    const start = this.lineStart[n - 1] ?? 0;
    const length = Math.min(
      this.lineLength(n),
      this.options.reader?.maxLineLength ?? defaultMaxLineLength,
    );
    return decoder.decode(this.read(start, length));
  }

  /** Line n's length in bytes, without its line ending. */
  private lineLength(n: number): number {
    const start = this.lineStart[n - 1] ?? 0;
    const end = n < this.count || this.complete ? (this.lineStart[n] ?? start) : start;
    let length = Math.max(0, end - start);
    if (length === 0) return 0;
    const tail = this.read(start + Math.max(0, length - 2), Math.min(2, length));
    if (tail[tail.length - 1] === 0x0a) {
      length--;
      if (tail.length === 2 && tail[0] === 0x0d) length--;
    }
    return length;
  }

  /** Line n as a field tree (logLineTree.ts), with its transaction items. */
  fieldTree(n: number): FieldNode[] {
    const text = this.lineText(n);
    const annotation = this.annotations.get(n);
    const timeNs = this.timeNs[n - 1] ?? NO_TIME;
    return logLineTree({
      lineNumber: n,
      text,
      parsed: parseLogLineSpans(text, new LogClock(this.options.reader ?? {})),
      ...(annotation ? { annotation } : {}),
      ...(timeNs !== NO_TIME ? { timeNs } : {}),
    });
  }

  private timeText(n: number): string {
    const t = this.timeNs[n - 1] ?? NO_TIME;
    if (t === NO_TIME) return '';
    switch (this.options.timeDisplay) {
      case 'absolute':
        return columnDateTimeText(t, 6, this.options.utc);
      case 'delta': {
        let p = n - 2;
        while (p >= 0 && this.timeNs[p] === NO_TIME) p--;
        return columnSecondsText(p >= 0 ? t - (this.timeNs[p] ?? t) : 0n, 6);
      }
      default:
        return columnSecondsText(t - (this.firstTimeNs ?? t), 6);
    }
  }

  row(n: number): PacketRow {
    const text = this.lineText(n);
    const parsed = parseLogLineSpans(text, new LogClock(this.options.reader ?? {}));
    const span = (k: string) => parsed?.spans.find((s) => s.kind === k)?.text ?? '';
    const row: PacketRow = {
      number: n,
      time: this.timeText(n),
      source: span('client'),
      destination: span('server') || span('upstream'),
      protocol: span('qtype'),
      length: this.lineLength(n),
      info: truncateColumn(parsed ? messageText(text, parsed) : text),
    };
    if (!parsed && text.trim() !== '') row.malformed = 'The line matches no query-log format';
    const d = parsed?.detected;
    if (
      (d?.format === 'unbound' && d.unbound.kind === 'reply') ||
      (d?.format === 'dnsmasq' && d.dnsmasq.kind === 'answer')
    ) {
      row.response = true;
    }
    const a = this.annotations.get(n);
    if (
      this.complete &&
      d &&
      ((d.format === 'unbound' && d.unbound.kind === 'query') ||
        (d.format === 'dnsmasq' && d.dnsmasq.kind === 'query')) &&
      a?.responseIn === undefined &&
      this.sawReplies
    ) {
      row.unanswered = true;
    }
    return row;
  }

  private comparator(column: ColumnId, units: Uint32Array): (a: number, b: number) => number {
    switch (column) {
      case 'number':
        return (a, b) => a - b;
      case 'time':
        return (a, b) => {
          const x = this.timeNs[a - 1] ?? 0n;
          const y = this.timeNs[b - 1] ?? 0n;
          return x < y ? -1 : x > y ? 1 : 0;
        };
      case 'source':
      case 'destination': {
        const values = column === 'source' ? this.client : this.server;
        const rank = stringRanks(this.strings.strings);
        return (a, b) => (rank[values[a - 1] ?? 0] ?? 0) - (rank[values[b - 1] ?? 0] ?? 0);
      }
      case 'protocol':
        return (a, b) =>
          typeShortName(this.qtype[a - 1] ?? 0).localeCompare(
            typeShortName(this.qtype[b - 1] ?? 0),
          );
      case 'length':
        return (a, b) =>
          (this.lineStart[a] ?? 0) -
          (this.lineStart[a - 1] ?? 0) -
          ((this.lineStart[b] ?? 0) - (this.lineStart[b - 1] ?? 0));
      case 'info': {
        const info = new Map<number, string>();
        for (const n of units) info.set(n, this.row(n).info);
        return (a, b) => (info.get(a) ?? '').localeCompare(info.get(b) ?? '');
      }
    }
  }

  // --- CaptureApi ---------------------------------------------------------------------

  setTimeDisplay(timeDisplay: TimeDisplay, utc: boolean): void {
    this.options.timeDisplay = timeDisplay;
    this.options.utc = utc;
  }

  getRows(args: { start: number; count: number }): { rows: PacketRow[]; view: ViewInfo } {
    const rows = this.viewModel.units(args.start, args.count).map((n) => this.row(n));
    return { rows, view: this.viewInfo() };
  }

  getPacket(args: { number: number }): PacketDetail {
    const n = args.number;
    if (n < 1 || n > this.count) {
      throw new Error(`there is no line ${n} (the log has ${this.count})`);
    }
    const text = this.lineText(n);
    const tree: TreeItem[] = plainTree(this.fieldTree(n), this.options.help, this.count);
    return {
      number: n,
      tree,
      sources: [{ name: `Line ${n}`, bytes: new TextEncoderLike().encode(text) }],
    };
  }

  partnerOf(n: number): number | undefined {
    const a = this.annotations.get(n);
    return a?.responseIn ?? a?.responseTo;
  }
}

/** UTF-8 encoding through the platform's TextEncoder (ES2022's lib does not type it). */
class TextEncoderLike {
  private static readonly encoder = new (
    globalThis as unknown as { TextEncoder: new () => { encode(s: string): Uint8Array } }
  ).TextEncoder();
  encode(s: string): Uint8Array {
    return TextEncoderLike.encoder.encode(s);
  }
}

/**
 * The Info column of a log line: from the dnsmasq verb or the query name to the end
 * (`www.example.test IN AAAA +E(0)K (127.0.0.1)`, `query[A] www.example.test from
 * 127.0.0.1`), leaving out the prefix and the client the other columns show.
 */
function messageText(text: string, parsed: ParsedLogLine): string {
  const from =
    parsed.spans.find((s) => s.kind === 'verb') ?? parsed.spans.find((s) => s.kind === 'qname');
  return (from ? text.slice(from.start) : parsed.prefix.rest).trim();
}
