/**
 * How numbers read in the text and Markdown reports: counts, percentages, durations,
 * regression figures. Locale-independent (a report must read the same on every machine).
 */

/** 1234567 → "1,234,567". */
export function countText(n: number): string {
  const s = Math.trunc(Math.abs(n))
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (n < 0 ? '-' : '') + s;
}

/** part of whole as "12.3%" ("-" when whole is 0). */
export function percentText(part: number, whole: number): string {
  if (whole === 0) return '-';
  return `${((100 * part) / whole).toFixed(1)}%`;
}

/** A percentage already computed ("12.3%", "-" for null). */
export function percentValueText(p: number | null): string {
  return p === null ? '-' : `${p.toFixed(1)}%`;
}

/** Seconds as milliseconds with 3 decimals ("0.159 ms"), "-" for null. */
export function msText(seconds: number | null): string {
  return seconds === null ? '-' : `${(seconds * 1000).toFixed(3)} ms`;
}

/** A duration for people: "45 s", "12 min 5 s", "3 h 2 min", "2 d 4 h". */
export function durationText(seconds: number): string {
  if (!Number.isFinite(seconds)) return '-';
  if (seconds < 60) return `${Number(seconds.toFixed(seconds < 10 ? 3 : 1))} s`;
  const s = Math.round(seconds);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (d > 0) return h > 0 ? `${d} d ${h} h` : `${d} d`;
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  return sec > 0 ? `${m} min ${sec} s` : `${m} min`;
}

/** A fitted coefficient: 4 significant digits, "-" for null. */
export function fitText(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return '-';
  if (x === 0) return '0';
  return Number(x.toPrecision(4)).toString();
}

/** R^2 with 3 decimals, "-" for null. */
export function r2Text(x: number | null): string {
  return x === null || !Number.isFinite(x) ? '-' : x.toFixed(3);
}

/** A bin length: "1 s", "1 min", "1 h", "1 d", else seconds. */
export function binText(seconds: number): string {
  if (seconds === 86400) return '1 d';
  if (seconds === 3600) return '1 h';
  if (seconds === 60) return '1 min';
  if (seconds === 1) return '1 s';
  return durationText(seconds);
}

/** ISO 8601 "2024-05-01T11:07:00.000Z" shown as "2024-05-01 11:07:00Z" (ms kept if non-zero). */
export function timeText(iso: string | null): string {
  if (iso === null) return '-';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d+)?Z$/.exec(iso);
  if (!m) return iso;
  const frac = m[3] && /[1-9]/.test(m[3]) ? m[3] : '';
  return `${m[1]} ${m[2]}${frac}Z`;
}

/** A count table's entries, largest first, ties by key. */
export function sortedCounts(table: Readonly<Record<string, number>>): [string, number][] {
  return Object.entries(table).sort(
    (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0),
  );
}
