/**
 * Command-line parsing for `dnspector`: a command, a file and options. Hand-written
 * because the grammar is tiny (repeated `-e`, `--frame N`) and tshark-like; a parser
 * library would add a dependency for twenty lines.
 */
export interface CliArgs {
  command: string;
  file?: string;
  fields: string[];
  frame?: number;
  json: boolean;
  dnsPorts: number[];
  help: boolean;
  listFields: boolean;
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { command: '', fields: [], json: false, dnsPorts: [], help: false, listFields: false };
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
    else if (a === '--json') args.json = true;
    else if (a === '--list') args.listFields = true;
    else if (a === '--dns-port') args.dnsPorts.push(int('--dns-port', value(), 1, 65535));
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else positional.push(a);
  }
  args.command = positional[0] ?? '';
  args.file = positional[1];
  if (positional.length > 2) throw new UsageError(`unexpected argument "${positional[2]}"`);
  return args;
}

export const usage = `Usage: dnspector <command> FILE [options]

Commands:
  list FILE                 one line per DNS packet, like tshark's default output
  fields FILE -e FIELD ...  the values of Wireshark fields, one tab-separated line per DNS
                            packet, exactly as tshark -Y dns -T fields -e FIELD ... prints them
  show FILE --frame N       the packet's field tree with [offset, length] for every field,
                            like tshark -V (--json: the tree as JSON)
  fields --list             the field names 'fields -e' knows

Options:
  -e, --field NAME          a field to print (repeatable)
  -f, --frame N             the frame number for 'show'
      --json                JSON output for 'show'
      --dns-port N          also decode this UDP/TCP port as DNS (repeatable)
  -h, --help                this text

Exit codes: 0 success; 1 usage error (unknown command, option or field);
2 the file could not be read (missing, not a capture, unreadable before the first packet);
3 the capture is damaged (truncated or corrupt): every complete packet before the damage was
printed, and stderr says where it ended.`;
