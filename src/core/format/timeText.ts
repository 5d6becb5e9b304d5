/**
 * Times as Wireshark prints them: epoch and relative seconds with nine decimals, and the
 * absolute "Jun 10, 2020 09:19:54.740079000 UTC" form (always UTC here: DNSpector does not
 * depend on the machine's time zone; run tshark with TZ=UTC to compare).
 */

const NS_PER_S = 1_000_000_000n;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "1591780794.740079000"; negative values as "-0.000001000". */
export function secondsText(ns: bigint): string {
  const negative = ns < 0n;
  const abs = negative ? -ns : ns;
  const s = abs / NS_PER_S;
  const frac = abs % NS_PER_S;
  return `${negative ? '-' : ''}${s}.${frac.toString().padStart(9, '0')}`;
}

/**
 * Seconds as tshark's Time column shows them: six decimals for microsecond captures (rounded),
 * nine for nanosecond ones.
 */
export function columnSecondsText(ns: bigint, decimals: 6 | 9): string {
  const negative = ns < 0n;
  let abs = negative ? -ns : ns;
  if (decimals === 6) abs = (abs + 500n) / 1000n;
  const unit = decimals === 6 ? 1_000_000n : 1_000_000_000n;
  return `${negative ? '-' : ''}${abs / unit}.${(abs % unit).toString().padStart(decimals, '0')}`;
}

function pad2(n: number): string {
  return n.toString().padStart(2, '0');
}

/** Floor division for bigints (the calendar below needs it for days before 1970). */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/**
 * "Jun 10, 2020 09:19:54.740079000 UTC" (day space-padded to two characters). The date is
 * computed with bigints (H. Hinnant's civil_from_days), not Date, whose range ends in year
 * 275760: tshark (gmtime with a 64-bit time_t) prints far-future pcapng times as dates too.
 */
export function absoluteTimeText(ns: bigint): string {
  const seconds = floorDiv(ns, NS_PER_S);
  const frac = ns - seconds * NS_PER_S;
  const days = floorDiv(seconds, 86_400n);
  const secOfDay = Number(seconds - days * 86_400n);
  const z = days + 719_468n;
  const era = floorDiv(z, 146_097n);
  const doe = z - era * 146_097n;
  const yoe = (doe - doe / 1460n + doe / 36_524n - doe / 146_096n) / 365n;
  const doy = doe - (365n * yoe + yoe / 4n - yoe / 100n);
  const mp = (5n * doy + 2n) / 153n;
  const day = Number(doy - (153n * mp + 2n) / 5n + 1n);
  const month = Number(mp < 10n ? mp + 3n : mp - 9n);
  const year = yoe + era * 400n + (month <= 2 ? 1n : 0n);
  // gmtime's tm_year is an int counted from 1900.
  if (year - 1900n > 2_147_483_647n || year - 1900n < -2_147_483_648n) {
    return `Not representable (${secondsText(ns)})`;
  }
  return (
    `${MONTHS[month - 1]} ${day.toString().padStart(2, ' ')}, ${year} ` +
    `${pad2(Math.floor(secOfDay / 3600))}:${pad2(Math.floor(secOfDay / 60) % 60)}:${pad2(secOfDay % 60)}.` +
    `${frac.toString().padStart(9, '0')} UTC`
  );
}
