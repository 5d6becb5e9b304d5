/**
 * Names for numbers (types, classes, opcodes, rcodes, options), worded as Wireshark 4.0
 * words them in labels and in the Info column. Tables come from dnsValueTables.ts.
 */
import {
  dnsClassNames,
  dnsOpcodeNames,
  dnsRcodeNames,
  dnsTypeDescriptions,
  extendedErrorRanges,
} from './dnsValueTables';

/** Wireshark's val_to_str: the name, or the fallback with the number. */
export function valueName(
  table: ReadonlyMap<number, string>,
  value: number,
  unknown = 'Unknown',
): string {
  return table.get(value) ?? `${unknown} (${value})`;
}

/** Short mnemonics (Wireshark's dns_types_vals) where they differ from the description's first word. */
const shortTypeOverrides: ReadonlyMap<number, string> = new Map([
  [10, 'NULL'],
  [255, 'ANY'],
]);

/** The type as the Info column and tree headers show it ("A", "HTTPS", "Unknown (507)"). */
export function typeShortName(type: number): string {
  const o = shortTypeOverrides.get(type);
  if (o !== undefined) return o;
  const d = dnsTypeDescriptions.get(type);
  if (d === undefined) return `Unknown (${type})`;
  const paren = d.indexOf(' (');
  return paren < 0 ? d : d.slice(0, paren);
}

/** The type as "Type:" labels show it ("A (Host Address) (1)", "Unknown (507)"). */
export function typeLabel(type: number): string {
  const d = dnsTypeDescriptions.get(type);
  return d === undefined ? `Unknown (${type})` : `${d} (${type})`;
}

/** "IN" or "Unknown" (the tree header for a record). */
export function className(cls: number): string {
  return dnsClassNames.get(cls) ?? 'Unknown';
}

/** "IN (0x0001)", "Unknown (0x10fb)" (the "Class:" label). */
export function classLabel(cls: number): string {
  const hex = '0x' + cls.toString(16).padStart(4, '0');
  return `${dnsClassNames.get(cls) ?? 'Unknown'} (${hex})`;
}

export function opcodeName(opcode: number): string {
  return dnsOpcodeNames.get(opcode) ?? `Unknown operation (${opcode})`;
}

export function rcodeName(rcode: number): string {
  return dnsRcodeNames.get(rcode) ?? `Unknown error (${rcode})`;
}

export function extendedErrorName(code: number): string {
  for (const [lo, hi, name] of extendedErrorRanges) if (code >= lo && code <= hi) return name;
  return 'Unknown';
}
