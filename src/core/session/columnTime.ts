/**
 * The Time column's absolute form, as Wireshark's "Date and Time of Day" format:
 * "2026-11-23 11:07:01.123456" (six or nine decimals), in UTC or the local time zone of
 * the platform the view runs on.
 */
const NS_PER_S = 1_000_000_000n;

function pad(n: number, width = 2): string {
  return n.toString().padStart(width, '0');
}

export function columnDateTimeText(ns: bigint, decimals: 6 | 9, utc: boolean): string {
  let seconds = ns / NS_PER_S;
  let frac = ns % NS_PER_S;
  if (frac < 0n) {
    frac += NS_PER_S;
    seconds -= 1n;
  }
  if (decimals === 6) {
    frac = (frac + 500n) / 1000n;
    if (frac >= 1_000_000n) {
      frac -= 1_000_000n;
      seconds += 1n;
    }
  }
  const d = new Date(Number(seconds) * 1000);
  if (Number.isNaN(d.getTime())) return `${seconds}.${frac}`;
  const [y, mo, day, h, mi, s] = utc
    ? [
        d.getUTCFullYear(),
        d.getUTCMonth(),
        d.getUTCDate(),
        d.getUTCHours(),
        d.getUTCMinutes(),
        d.getUTCSeconds(),
      ]
    : [d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()];
  return `${pad(y, 4)}-${pad(mo + 1)}-${pad(day)} ${pad(h)}:${pad(mi)}:${pad(s)}.${frac.toString().padStart(decimals, '0')}`;
}
