/**
 * The Wireshark display filters behind the dashboard's chart elements: each bar, slice,
 * point or band stands for the packets (or log lines) it counts, and this file writes the
 * filter that selects them. Only syntax and fields our filter compiler (src/core/filter)
 * accepts: mnemonics for types, classes and rcodes (`dns.qry.type == AAAA`), numbers where
 * there is no mnemonic, `frame.time_epoch` windows for time bins (no time-zone or
 * date-format questions), `dns.time` for response-time buckets.
 */
import { opcodeMnemonic } from '../stats/dnsMnemonics';

export const QUERIES = 'dns.flags.response == 0';
export const RESPONSES = 'dns.flags.response == 1';

/** A string literal of the filter language: quotes and backslashes escaped. */
export function filterString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** `a && b && ...`, each part parenthesised when it holds an `||`. */
export function allOf(...parts: readonly string[]): string {
  return parts.map((p) => (p.includes('||') ? `(${p})` : p)).join(' && ');
}

/** "TYPE65400" / "CLASS0" / "RCODE12" → the number; a mnemonic stays as it is. */
function mnemonicValue(prefix: string, mnemonic: string): string {
  const m = new RegExp(`^${prefix}(\\d+)$`).exec(mnemonic);
  return m ? String(Number(m[1])) : mnemonic;
}

/** The test for a query type, by the report's qtype mnemonic ("AAAA", "TYPE65400"). */
export function qtypeTerm(qtype: string): string {
  return `dns.qry.type == ${mnemonicValue('TYPE', qtype)}`;
}

/** Queries of a type. */
export function qtypeFilter(qtype: string): string {
  return allOf(QUERIES, qtypeTerm(qtype));
}

export function qclassFilter(qclass: string): string {
  return allOf(QUERIES, `dns.qry.class == ${mnemonicValue('CLASS', qclass)}`);
}

/**
 * Responses with an rcode. Extended rcodes (16 and up: EDNS bits) are not in the header's
 * 4-bit field: `dns.flags.rcode` cannot select them, so they get no filter.
 */
export function rcodeFilter(rcode: string): string | undefined {
  const numeric = /^RCODE(\d+)$/.exec(rcode);
  if (numeric)
    return Number(numeric[1]) < 16
      ? allOf(RESPONSES, `dns.flags.rcode == ${numeric[1]}`)
      : undefined;
  if (/^BAD/.test(rcode)) return undefined;
  return allOf(RESPONSES, `dns.flags.rcode == ${rcode}`);
}

/**
 * Messages with an opcode ("QUERY", "OPCODE3"). Query-log lines carry no opcode field; the
 * report counts each logged DNS message as a QUERY, and so does this filter.
 */
export function opcodeFilter(opcode: string): string | undefined {
  for (let n = 0; n < 16; n++) {
    if (opcodeMnemonic(n) !== opcode) continue;
    return n === 0 ? 'dns.flags.opcode == 0 || (querylog && dns)' : `dns.flags.opcode == ${n}`;
  }
  return undefined;
}

/**
 * Messages over UDP / TCP: in captures the transport layer, in BIND logs the T flag
 * (querylog.tcp; BIND lines have querylog.flags, other logs' transport is unknown).
 */
export const UDP_FILTER = 'udp || (querylog.flags && !(querylog.tcp == 1))';
export const TCP_FILTER = 'tcp || querylog.tcp == 1';

/** Messages with EDNS: the OPT record's version field (BIND logs' E(n) flag gives it too). */
export const EDNS_TERM = 'dns.resp.edns0_version';

/** Queries a client sent (ip.src or ipv6.src after the address's family). */
export function clientFilter(address: string): string {
  return allOf(QUERIES, `${address.includes(':') ? 'ipv6' : 'ip'}.src == ${address}`);
}

/** Queries for a name (the report's names are lower-cased, as most queries are). */
export function nameFilter(name: string): string {
  return allOf(QUERIES, `dns.qry.name == ${filterString(name)}`);
}

/** Epoch seconds of a millisecond time, as the filter's number literal. */
function epochSeconds(ms: number): string {
  return String(ms / 1000);
}

/** `frame.time_epoch` in [startMs, endMs). */
export function timeWindow(startMs: number, endMs: number): string {
  return `frame.time_epoch >= ${epochSeconds(startMs)} && frame.time_epoch < ${epochSeconds(endMs)}`;
}

/** What `base` selects within one time bin. */
export function binFilter(base: string, startMs: number, binSeconds: number): string {
  return allOf(base, timeWindow(startMs, startMs + binSeconds * 1000));
}

/**
 * A silence: the packets at its two edges (the last before it, the first after it), from
 * `source` or from anyone ("*"). Report times have millisecond precision, so the window
 * ends a millisecond after the end's time to hold that packet.
 */
export function gapFilter(source: string, startMs: number, endMs: number): string {
  const window = timeWindow(startMs, endMs + 1);
  if (source === '*') return window;
  // A source's silence is about what it sent.
  const field = source.includes(':') ? 'ipv6.src' : 'ip.src';
  return allOf(`${field} == ${source}`, window);
}

/** Responses whose time from the first query (tshark's dns.time) is in (lo, hi]. */
export function responseTimeFilter(loSeconds: number | null, hiSeconds: number | null): string {
  const parts: string[] = [];
  if (loSeconds !== null) parts.push(`dns.time > ${loSeconds}`);
  if (hiSeconds !== null) parts.push(`dns.time <= ${hiSeconds}`);
  return parts.length > 0 ? parts.join(' && ') : 'dns.time';
}
