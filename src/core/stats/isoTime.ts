/** Nanosecond / millisecond epoch times as the report's ISO 8601 UTC strings (ms precision). */

export function nsToMs(ns: bigint): number {
  return Number(ns / 1_000_000n);
}

export function isoFromMs(ms: number): string {
  const d = new Date(ms);
  return Number.isFinite(d.getTime()) ? d.toISOString() : new Date(0).toISOString();
}

export function isoFromNs(ns: bigint): string {
  return isoFromMs(nsToMs(ns));
}

/** A non-negative duration in seconds from two ns times. */
export function secondsBetween(startNs: bigint, endNs: bigint): number {
  return Number(endNs - startNs) / 1e9;
}
