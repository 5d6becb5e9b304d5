/**
 * Turns the wall-clock times logs print into epoch nanoseconds. Logs print local time
 * without a zone (syslog, BIND's print-time, unbound's log-time-ascii) and syslog leaves
 * out the year, so both are options:
 * - `year`: the year for timestamps that lack one (the Node layer passes the file's
 *   modification year); default: the current UTC year. A month that goes back by more than
 *   six (Dec → Jan) moves to the next year.
 * - `timeZone`: how to read local times: 'UTC' (default), a fixed offset '+02:00' / '-0530',
 *   or an IANA name ('Europe/Berlin', via Intl). An unknown zone reads as UTC.
 * Times that carry a zone (epoch seconds, ISO 8601 with offset) ignore the option.
 */

export interface LogClockOptions {
  year?: number;
  timeZone?: string;
}

export const monthIndex: ReadonlyMap<string, number> = new Map(
  ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].map(
    (m, i) => [m, i],
  ),
);

export interface WallTime {
  /** Absent: the clock's year. */
  year?: number;
  /** 0-based month. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Fraction digits as written ("123" = 123 ms), '' if none. */
  fraction: string;
}

export class LogClock {
  private year: number;
  private lastMonth = -1;
  private readonly fixedOffsetMinutes: number | undefined;
  private readonly zoneFormat: Intl.DateTimeFormat | undefined;

  constructor(options: LogClockOptions = {}) {
    this.year = options.year ?? new Date().getUTCFullYear();
    const zone = options.timeZone ?? 'UTC';
    this.fixedOffsetMinutes = parseOffset(zone);
    this.zoneFormat = this.fixedOffsetMinutes === undefined ? zoneFormatter(zone) : undefined;
  }

  /** Epoch ns for a local wall time (the year inferred when absent). */
  localToNs(t: WallTime): bigint {
    let year = t.year;
    if (year === undefined) {
      if (this.lastMonth >= 0 && t.month < this.lastMonth - 6) this.year++;
      this.lastMonth = t.month;
      year = this.year;
    }
    const asUtc = Date.UTC(year, t.month, t.day, t.hour, t.minute, t.second);
    const offset = this.offsetMinutesAt(asUtc);
    return msAndFractionToNs(asUtc - offset * 60_000, t.fraction);
  }

  /** The zone's offset from UTC in minutes at (about) the given instant. */
  private offsetMinutesAt(localAsUtcMs: number): number {
    if (this.fixedOffsetMinutes !== undefined) return this.fixedOffsetMinutes;
    const fmt = this.zoneFormat;
    if (fmt === undefined) return 0;
    // Two steps settle the offset except inside a DST gap or overlap (good enough for logs).
    let offset = zoneOffsetMinutes(fmt, localAsUtcMs);
    offset = zoneOffsetMinutes(fmt, localAsUtcMs - offset * 60_000);
    return offset;
  }
}

/** Epoch ns from epoch ms plus fraction-of-second digits beyond the whole second. */
export function msAndFractionToNs(ms: number, fraction: string): bigint {
  const digits = (fraction + '000000000').slice(0, 9);
  return BigInt(ms) * 1_000_000n + BigInt(digits);
}

/** "[1700000000]" / "1700000000.123456" epoch seconds as ns. */
export function epochSecondsToNs(seconds: string, fraction = ''): bigint {
  return BigInt(seconds) * 1_000_000_000n + BigInt((fraction + '000000000').slice(0, 9));
}

/** '+02:00', '-0530', 'Z', 'UTC' → minutes east of UTC; undefined when not an offset. */
export function parseOffset(zone: string): number | undefined {
  if (zone === 'UTC' || zone === 'Z' || zone === 'GMT') return 0;
  const m = /^([+-])(\d\d):?(\d\d)$/.exec(zone);
  if (m === null) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

function zoneFormatter(zone: string): Intl.DateTimeFormat | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    return undefined;
  }
}

function zoneOffsetMinutes(fmt: Intl.DateTimeFormat, utcMs: number): number {
  const parts: Record<string, number> = {};
  for (const p of fmt.formatToParts(new Date(utcMs))) parts[p.type] = Number(p.value);
  const wall = Date.UTC(
    parts['year'] ?? 1970,
    (parts['month'] ?? 1) - 1,
    parts['day'] ?? 1,
    parts['hour'] ?? 0,
    parts['minute'] ?? 0,
    parts['second'] ?? 0,
  );
  return Math.round((wall - Math.floor(utcMs / 1000) * 1000) / 60_000);
}
