/**
 * One BIND 9 query-log message (the `queries` category), every era:
 * - before 9.9: `client 133.95.1.2#1234: query: www.example.com IN AAAA +`
 * - 9.9: `client 127.0.0.1#54819 (daisy.ubuntu.com): query: daisy.ubuntu.com IN AAAA + (127.0.0.1)`
 * - 9.10: `... query: example.com IN A +E (1.2.3.5)`
 * - 9.11+: `client @0x7fda1d74e7d0 192.168.1.6#60844 (example.net): query: example.net IN A
 *   +E(0)D (192.168.1.250)`, optionally ending `[ECS 192.0.2.0/24/0]`
 * each with an optional `view NAME: ` before `query:`. The time/syslog prefix is removed
 * first (logPrefix.ts); BIND's own `queries: info: ` category and severity are skipped here.
 * Names stay in BIND's presentation form (escapes such as `\032` and `\.` kept).
 */
import { type BindQueryFlags, decodeBindFlags } from './bindFlags';
import { qclassFromMnemonic, qtypeFromMnemonic } from './dnsMnemonicLookup';

export interface BindQuery {
  /** The `@0x...` client object (9.11+), without '@'. */
  clientObject: string | undefined;
  client: string;
  clientPort: number;
  /** The name in parentheses after the client (9.9+). */
  clientName: string | undefined;
  view: string | undefined;
  qname: string;
  qclassText: string;
  qtypeText: string;
  qclass: number;
  qtype: number;
  flagsText: string;
  flags: BindQueryFlags;
  /** The address the query arrived on (9.9+). */
  server: string | undefined;
  /** The text inside `[ECS ...]`: address/source/scope. */
  ecs: string | undefined;
}

const categoryAndSeverity =
  /^(?:[a-z-]+: )?(?:(?:critical|error|warning|notice|info|debug(?: \d+)?|dynamic): )?/;
/** A name in presentation form: any non-space, with backslash escapes. */
const paren = String.raw`\(((?:[^()\\]|\\.)*)\)`;
const bindQuery = new RegExp(
  String.raw`^client (?:@(0x[0-9a-fA-F]+) )?([^\s#]+)#(\d{1,5})(?: ${paren})?: ` +
    String.raw`(?:view ([^:]*): )?query: (\S+) (\S+) (\S+) ([+-]\S*)` +
    String.raw`(?: \(([^)\s]+)\))?(?: \[ECS ([^\]]*)\])?\s*$`,
);

/** Parses the message part of a line; undefined when it is not a BIND query line. */
export function parseBindQuery(message: string): BindQuery | undefined {
  const body = message.replace(categoryAndSeverity, '');
  const m = bindQuery.exec(body);
  if (m === null) return undefined;
  const [, object, client, port, clientName, view, qname, qclassText, qtypeText, flagsText] = m;
  if (client === undefined || qname === undefined || qclassText === undefined) return undefined;
  if (qtypeText === undefined || flagsText === undefined) return undefined;
  const qclass = qclassFromMnemonic(qclassText);
  const qtype = qtypeFromMnemonic(qtypeText);
  const flags = decodeBindFlags(flagsText);
  if (qclass === undefined || qtype === undefined || flags === undefined) return undefined;
  const clientPort = Number(port);
  if (clientPort > 65535) return undefined;
  return {
    clientObject: object,
    client,
    clientPort,
    clientName,
    view,
    qname,
    qclassText,
    qtypeText,
    qclass,
    qtype,
    flagsText,
    flags,
    server: m[10],
    ecs: m[11],
  };
}
