/**
 * Per-line format detection: each line is tried against the dialects (BIND, unbound,
 * dnsmasq), the program name in a syslog prefix going first when it names one, so a file
 * that mixes formats parses line by line. Returns the dialect and its parsed message.
 */
import { type BindQuery, parseBindQuery } from './bindQueryLog';
import { type DnsmasqMessage, parseDnsmasqMessage } from './dnsmasqLog';
import type { LinePrefix } from './logPrefix';
import { parseUnboundMessage, type UnboundQuery, type UnboundReply } from './unboundLog';

export type QueryLogFormat = 'bind' | 'unbound' | 'dnsmasq';
export const queryLogFormats: readonly QueryLogFormat[] = ['bind', 'unbound', 'dnsmasq'];

export type DetectedLine =
  | { format: 'bind'; bind: BindQuery }
  | { format: 'unbound'; unbound: UnboundQuery | UnboundReply }
  | { format: 'dnsmasq'; dnsmasq: DnsmasqMessage };

function tryFormat(format: QueryLogFormat, message: string): DetectedLine | undefined {
  switch (format) {
    case 'bind': {
      const bind = parseBindQuery(message);
      return bind === undefined ? undefined : { format, bind };
    }
    case 'unbound': {
      const unbound = parseUnboundMessage(message);
      return unbound === undefined ? undefined : { format, unbound };
    }
    case 'dnsmasq': {
      const dnsmasq = parseDnsmasqMessage(message);
      return dnsmasq === undefined ? undefined : { format, dnsmasq };
    }
  }
}

function hintedFormat(program: string | undefined): QueryLogFormat | undefined {
  if (program === undefined) return undefined;
  if (program === 'named' || program === 'bind' || program === 'bind9') return 'bind';
  if (program === 'unbound') return 'unbound';
  if (program === 'dnsmasq') return 'dnsmasq';
  return undefined;
}

/** The line's dialect and parsed message, or undefined when no dialect matches. */
export function detectLine(prefix: LinePrefix): DetectedLine | undefined {
  const hint = hintedFormat(prefix.program);
  if (hint !== undefined) {
    const hinted = tryFormat(hint, prefix.rest);
    if (hinted !== undefined) return hinted;
  }
  for (const f of queryLogFormats) {
    if (f === hint) continue;
    const d = tryFormat(f, prefix.rest);
    if (d !== undefined) return d;
  }
  return undefined;
}
