/**
 * The part of a log line before the daemon's message: a timestamp (BSD syslog
 * `Aug 20 11:07:01`, ISO 8601 `2026-11-23T11:07:01.123+01:00`, BIND's print-time
 * `23-Nov-2026 11:07:01.123`, unbound's `[1700000000]`) and, after syslog-style times, an
 * optional host and the program (`host named[1234]:`, `dnsmasq[99]:`, `unbound[12:0]`,
 * `host unbound: [12:0]`). What follows is the message each dialect's parser reads.
 */
import {
  epochSecondsToNs,
  type LogClock,
  monthIndex,
  msAndFractionToNs,
  parseOffset,
  type WallTime,
} from './logClock';

export interface LinePrefix {
  /** Epoch ns; undefined when the line carries no time. */
  timeNs: bigint | undefined;
  /** Program name ('named', 'unbound', 'dnsmasq'), when logged. */
  program: string | undefined;
  host: string | undefined;
  /** The message after the prefix. */
  rest: string;
}

const bsdTime = /^([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d\d):(\d\d):(\d\d)(?:\.(\d+))? +/;
const isoTime = /^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d):(\d\d)(?:[.,](\d+))?(Z|[+-]\d\d:?\d\d)? +/;
const bindTime = /^(\d\d)-([A-Z][a-z]{2})-(\d{4}) (\d\d):(\d\d):(\d\d)(?:\.(\d+))? +/;
const epochTime = /^\[(\d{1,12})(?:\.(\d+))?\] +/;

/** unbound's own `unbound[pid:tid] ` (no colon). */
const unboundProgram = /^([\w./-]+)\[\d+:[0-9a-fA-F]+\] +/;
const hostProgram = /^(\S+) ([\w./-]+)(?:\[\d+\])?: +/;
const programOnly = /^([\w./-]+)(?:\[\d+\])?: +/;
/** unbound through syslog: `unbound: [pid:tid] info: ...`. */
const threadTag = /^\[\d+:[0-9a-fA-F]+\] +/;

export function parseLinePrefix(text: string, clock: LogClock): LinePrefix {
  const out: LinePrefix = { timeNs: undefined, program: undefined, host: undefined, rest: text };
  let m: RegExpExecArray | null;
  let programMayFollow = true;
  if ((m = bsdTime.exec(text)) !== null) {
    const month = monthIndex.get(m[1] ?? '');
    if (month === undefined) return out;
    out.timeNs = clock.localToNs({
      month,
      day: Number(m[2]),
      hour: Number(m[3]),
      minute: Number(m[4]),
      second: Number(m[5]),
      fraction: m[6] ?? '',
    });
  } else if ((m = isoTime.exec(text)) !== null) {
    const wall = {
      year: Number(m[1]),
      month: Number(m[2]) - 1,
      day: Number(m[3]),
      hour: Number(m[4]),
      minute: Number(m[5]),
      second: Number(m[6]),
      fraction: m[7] ?? '',
    };
    const zone = m[8];
    out.timeNs = zone === undefined ? clock.localToNs(wall) : zonedToNs(wall, zone);
  } else if ((m = bindTime.exec(text)) !== null) {
    const month = monthIndex.get(m[2] ?? '');
    if (month === undefined) return out;
    out.timeNs = clock.localToNs({
      year: Number(m[3]),
      month,
      day: Number(m[1]),
      hour: Number(m[4]),
      minute: Number(m[5]),
      second: Number(m[6]),
      fraction: m[7] ?? '',
    });
    // BIND's own prefix: the category and severity follow, not a program.
    programMayFollow = false;
  } else if ((m = epochTime.exec(text)) !== null) {
    out.timeNs = epochSecondsToNs(m[1] ?? '0', m[2] ?? '');
  } else {
    return out;
  }
  let rest = text.slice(m[0].length);
  if (programMayFollow) {
    let p: RegExpExecArray | null;
    if ((p = unboundProgram.exec(rest)) !== null) {
      out.program = p[1];
    } else if ((p = programOnly.exec(rest)) !== null) {
      out.program = p[1];
    } else if ((p = hostProgram.exec(rest)) !== null) {
      out.host = p[1];
      out.program = p[2];
    }
    if (p !== null) rest = rest.slice(p[0].length);
    const t = threadTag.exec(rest);
    if (t !== null) rest = rest.slice(t[0].length);
  }
  out.rest = rest;
  return out;
}

/** A wall time written with its own zone ('Z', '+01:00'). */
function zonedToNs(w: Required<WallTime>, zone: string): bigint {
  const offset = parseOffset(zone) ?? 0;
  const ms = Date.UTC(w.year, w.month, w.day, w.hour, w.minute, w.second) - offset * 60_000;
  return msAndFractionToNs(ms, w.fraction);
}
