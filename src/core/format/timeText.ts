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

/** "Jun 10, 2020 09:19:54.740079000 UTC" (day space-padded to two characters). */
export function absoluteTimeText(ns: bigint): string {
  let seconds = ns / NS_PER_S;
  let frac = ns % NS_PER_S;
  if (frac < 0n) {
    frac += NS_PER_S;
    seconds -= 1n;
  }
  const d = new Date(Number(seconds) * 1000);
  if (Number.isNaN(d.getTime())) return `Not representable (${secondsText(ns)})`;
  const day = d.getUTCDate().toString().padStart(2, ' ');
  return (
    `${MONTHS[d.getUTCMonth()]} ${day}, ${d.getUTCFullYear()} ` +
    `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}.` +
    `${frac.toString().padStart(9, '0')} UTC`
  );
}
