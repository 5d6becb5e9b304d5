/**
 * A hint for an unknown field name in a filter: the Wireshark name of a DNS header bit
 * written as its RFC 1035 letters (`dns.flags.rd` is `dns.flags.recdesired`), or the known
 * name one or two typing slips away (`dns.qry.tyep`).
 */
import { knownFieldNames } from '../field';

const flagLetters: ReadonlyMap<string, string> = new Map([
  ['dns.flags.qr', 'dns.flags.response'],
  ['dns.flags.aa', 'dns.flags.authoritative'],
  ['dns.flags.tc', 'dns.flags.truncated'],
  ['dns.flags.rd', 'dns.flags.recdesired'],
  ['dns.flags.ra', 'dns.flags.recavail'],
  ['dns.flags.ad', 'dns.flags.authenticated'],
  ['dns.flags.cd', 'dns.flags.checkdisable'],
  ['dns.flags.do', 'dns.resp.z.do'],
]);

/** Edit distance, or more than `limit` as soon as it must exceed it. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      );
      row.push(v);
      best = Math.min(best, v);
    }
    if (best > limit) return limit + 1;
    prev = row;
  }
  return prev[b.length] as number;
}

/** The field the user probably meant, or undefined. */
export function suggestField(name: string): string | undefined {
  const letters = flagLetters.get(name);
  if (letters !== undefined) return letters;
  if (name.length > 64) return undefined;
  let best: string | undefined;
  let bestDistance = 3;
  for (const known of knownFieldNames()) {
    const d = distance(name, known, bestDistance - 1);
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  return best;
}
