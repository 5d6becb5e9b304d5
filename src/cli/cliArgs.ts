/**
 * Command-line parsing for `dnspector`: a command, a file and options. Hand-written
 * because the grammar is tiny (repeated `-e`, `--frame N`) and tshark-like; a parser
 * library would add a dependency for twenty lines.
 */
import { reportFormats, type ReportFormat } from '../core/report/reportFormats';

export interface CliArgs {
  command: string;
  file?: string;
  fields: string[];
  frame?: number;
  json: boolean;
  dnsPorts: number[];
  help: boolean;
  listFields: boolean;
  /** -Y: a Wireshark display filter for list and fields (in place of the implicit "dns"). */
  displayFilter?: string;
  /** Every FILE after the command (summarize takes several; the others take one). */
  files: string[];
  /** summarize: output format, time-series bin, top-N length. */
  format?: ReportFormat;
  bin?: BinOption;
  top?: number;
  /** Query logs: the year of timestamps without one (syslog), and how to read local times. */
  year?: number;
  timeZone?: string;
}

/** A bin in seconds, or 'auto' (chosen from the capture's span). */
export type BinOption = number | 'auto';
const binSeconds: Record<string, number> = { '1s': 1, '1m': 60, '1h': 3600, '1d': 86400 };

export class UsageError extends Error {}

function oneOf<T extends string>(name: string, v: string, allowed: readonly T[]): T {
  const found = allowed.find((x) => x === v);
  if (found === undefined)
    throw new UsageError(`${name} must be one of ${allowed.join(', ')}, not "${v}"`);
  return found;
}

function bin(v: string): BinOption {
  if (v === 'auto') return 'auto';
  const seconds = binSeconds[v];
  if (seconds === undefined)
    throw new UsageError(`--bin must be one of 1s, 1m, 1h, 1d, auto, not "${v}"`);
  return seconds;
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = {
    command: '',
    fields: [],
    json: false,
    dnsPorts: [],
    help: false,
    listFields: false,
    files: [],
  };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    const int = (name: string, v: string, min: number, max: number): number => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        throw new UsageError(`${name} must be an integer from ${min} to ${max}, not "${v}"`);
      }
      return n;
    };
    if (a === '-h' || a === '--help') args.help = true;
    else if (a === '-e' || a === '--field') args.fields.push(value());
    else if (a === '--frame' || a === '-f') args.frame = int('--frame', value(), 1, 2 ** 32 - 1);
    else if (a === '-Y' || a === '--display-filter') args.displayFilter = value();
    else if (a === '--json') args.json = true;
    else if (a === '--list') args.listFields = true;
    else if (a === '--dns-port') args.dnsPorts.push(int('--dns-port', value(), 1, 65535));
    else if (a === '--format') args.format = oneOf('--format', value(), reportFormats);
    else if (a === '--bin') args.bin = bin(value());
    else if (a === '--top') args.top = int('--top', value(), 1, 1000);
    else if (a === '--year') args.year = int('--year', value(), 1970, 9999);
    else if (a === '--tz') args.timeZone = value();
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else positional.push(a);
  }
  args.command = positional[0] ?? '';
  args.file = positional[1];
  args.files = positional.slice(1);
  if (positional.length > 2 && args.command !== 'summarize') {
    throw new UsageError(`unexpected argument "${positional[2]}"`);
  }
  if (args.displayFilter !== undefined && args.command !== 'list' && args.command !== 'fields') {
    throw new UsageError('-Y applies to list and fields only');
  }
  return args;
}

export const usage = `Usage: dnspector <command> FILE [options]

Commands (FILE: a capture, or a BIND, unbound or dnsmasq query log; for a log, a line is
a packet: frame.number is the line number, and the fields are the line's, by their
Wireshark names: ip.src is the client, dns.qry.name, dns.qry.type, dns.flags.recdesired...)
  list FILE                 one line per DNS packet, like tshark's default output
  fields FILE -e FIELD ...  the values of Wireshark fields, one tab-separated line per DNS
                            packet, exactly as tshark -Y dns -T fields -e FIELD ... prints them
  show FILE [--frame N]     the packet's field tree with [offset, length] for every field,
                            like tshark -V; without --frame every DNS packet's
                            (--json: the tree as JSON, one object per line for several)
  fields --list             the field names 'fields -e' knows
  summarize FILE...         a report on the DNS traffic of one or more captures, analysed
                            as one stream in time order: totals, query types, rcodes, top
                            clients (overall and per type), A vs AAAA regression, gaps,
                            response times, unanswered queries and findings

Options:
  -e, --field NAME          a field to print (repeatable)
  -Y, --display-filter F    list, fields: only the frames that match the Wireshark display
                            filter F (in place of "dns"), like tshark -2 -Y F; e.g.
                            'dns.qry.type == 28 && ip.src == 10.0.0.0/8', '!dns.response_in'
  -f, --frame N             the frame number for 'show'
      --json                JSON output for 'show'
      --dns-port N          also decode this UDP/TCP port as DNS (repeatable)
      --format F            summarize: text (default), markdown, json or csv (the time
                            series, one row per bin)
      --bin B               summarize: time-series bin 1s, 1m, 1h, 1d or auto (default)
      --top N               summarize: length of the top-N lists (default 10)
      --year YYYY           query logs: the year of syslog times, which have none
                            (default: the year the file was last modified)
      --tz ZONE             query logs: the zone of local times (syslog, BIND print-time):
                            UTC (default), an offset like +02:00, or a name like Europe/Berlin
  -h, --help                this text

Exit codes: 0 success; 1 usage error (unknown command, option or field, bad -Y filter);
2 the file could not be read (missing, not a capture, unreadable before the first packet);
3 the capture is damaged (truncated or corrupt): every complete packet before the damage was
printed, and stderr says where it ended. summarize with several files: the worst code of
any file (2 before 3); the report covers every packet that could be read.`;
