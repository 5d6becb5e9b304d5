/**
 * Mnemonics as logs print them, back to numbers: qtypes ("AAAA", "TYPE65534"), classes
 * ("IN", "CH", "CLASS255") and rcodes ("NXDOMAIN", unbound's "NOTIMPL", "RCODE12"). The
 * names are the report's own (dnsMnemonics.ts), so a log's type counts under the same keys
 * as a capture's; BIND and ldns spellings that differ are added as aliases.
 */
import { dnsTypeDescriptions } from '../dns/dnsValueTables';
import { classMnemonic, qtypeMnemonic, rcodeMnemonic } from '../stats/dnsMnemonics';

function reverse(numbers: Iterable<number>, name: (n: number) => string): Map<string, number> {
  const map = new Map<string, number>();
  for (const n of numbers) {
    const key = name(n).toUpperCase();
    if (!map.has(key)) map.set(key, n);
  }
  return map;
}

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

const types = reverse(dnsTypeDescriptions.keys(), qtypeMnemonic);
for (const [alias, n] of [
  ['NSAP-PTR', 23],
  ['NSAP_PTR', 23],
  ['NULL', 10],
  ['ANY', 255],
  ['*', 255],
] as const) {
  if (!types.has(alias)) types.set(alias, n);
}
const classes = reverse([1, 2, 3, 4, 254, 255], classMnemonic);
classes.set('CHAOS', 3);
classes.set('HESIOD', 4);
const rcodes = reverse(range(0, 23), rcodeMnemonic);
rcodes.set('NOTIMPL', 4);

function lookup(
  map: ReadonlyMap<string, number>,
  prefix: string,
  text: string,
): number | undefined {
  const upper = text.toUpperCase();
  const known = map.get(upper);
  if (known !== undefined) return known;
  if (upper.startsWith(prefix)) {
    const digits = upper.slice(prefix.length);
    if (/^\d{1,5}$/.test(digits)) {
      const n = Number(digits);
      if (n <= 65535) return n;
    }
  }
  return undefined;
}

export function qtypeFromMnemonic(text: string): number | undefined {
  return lookup(types, 'TYPE', text);
}

export function qclassFromMnemonic(text: string): number | undefined {
  return lookup(classes, 'CLASS', text);
}

export function rcodeFromMnemonic(text: string): number | undefined {
  return lookup(rcodes, 'RCODE', text);
}
