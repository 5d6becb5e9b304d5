/**
 * Adding typed fields to the tree, with their text formatted as Wireshark formats it:
 * `show` as `tshark -T fields` prints the value, `label` as `tshark -V` prints the line.
 * Dissectors pass a display text (e.g. "Standard query (0)") where Wireshark has a
 * value_string; everything else comes from the field's type and base.
 */
import { appendChild, type FieldDef, type FieldNode } from './field';

export type RawValue = number | bigint | boolean | string | Uint8Array;

export interface FieldOptions {
  /** The value as shown after "Label: " (value_string, units...). Default: from type/base. */
  display?: string;
  /** The whole line, when Wireshark's differs from "Label: display". */
  label?: string;
  /** The -T fields text, when it differs from the type/base default. */
  show?: string;
  /** For bit fields: the containing word, so the label starts with the bit pattern. */
  word?: number;
  /** Width of the containing word in bits (8, 16, 32). Default: from the type. */
  wordBits?: number;
  generated?: boolean;
  hidden?: boolean;
}

const typeBits: Partial<Record<FieldDef['type'], number>> = {
  FT_UINT8: 8,
  FT_INT8: 8,
  FT_UINT16: 16,
  FT_INT16: 16,
  FT_UINT24: 24,
  FT_UINT32: 32,
  FT_INT32: 32,
  FT_UINT64: 64,
  FT_FRAMENUM: 32,
};

export function toHex(bytes: Uint8Array, separator = ''): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) {
    if (i > 0 && separator) s += separator;
    s += (bytes[i] as number).toString(16).padStart(2, '0');
  }
  return s;
}

/**
 * Hex digits for a value: the type's width (what `-T fields` prints: ip.flags -> "0x02"),
 * or in labels, for bit fields, the width of the shifted mask (Wireshark's display).
 */
function hexDigitsFor(def: FieldDef, forLabel = false): number {
  const bits = typeBits[def.type] ?? 32;
  if (forLabel && def.bitmask) {
    // Wireshark pads hex bit-field values to the width of the shifted mask.
    let mask = def.bitmask;
    while (mask !== 0 && (mask & 1) === 0) mask >>>= 1;
    const width = 32 - Math.clz32(mask);
    return Math.max(1, Math.ceil(width / 4));
  }
  return bits / 4;
}

/** Text of a value as `tshark -T fields` prints it, from the field's type and base. */
export function fieldsText(def: FieldDef, value: RawValue): string {
  // tshark prints a present FT_NONE item (a marker such as dns.opt) as "1".
  if (def.type === 'FT_NONE') return '1';
  if (value instanceof Uint8Array) return toHex(value);
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'string') return value;
  switch (def.base) {
    case 'BASE_HEX':
      return '0x' + value.toString(16).padStart(hexDigitsFor(def), '0');
    case 'BASE_HEX_DEC':
    case 'BASE_DEC_HEX':
    case 'BASE_OCT':
    case 'BASE_DEC':
    case 'BASE_NONE':
    case undefined:
      return value.toString(10);
  }
}

/** Value text after "Label: " in `tshark -V`, from the field's type and base. */
export function displayText(def: FieldDef, value: RawValue): string {
  if (value instanceof Uint8Array) return toHex(value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'string') return value;
  const hex = '0x' + value.toString(16).padStart(hexDigitsFor(def, true), '0');
  switch (def.base) {
    case 'BASE_HEX':
      return hex;
    case 'BASE_DEC_HEX':
      return `${value.toString(10)} (${hex})`;
    case 'BASE_HEX_DEC':
      return `${hex} (${value.toString(10)})`;
    case 'BASE_OCT':
      return '0' + value.toString(8);
    default:
      return value.toString(10);
  }
}

/**
 * Wireshark's bit pattern for a bit field: "0... .... .... ...." for mask 0x8000 in a
 * 16-bit word whose top bit is 0.
 */
export function bitPattern(word: number, mask: number, bits: number): string {
  let s = '';
  for (let i = bits - 1; i >= 0; i--) {
    const bit = 2 ** i;
    const inMask = Math.floor(mask / bit) % 2 === 1;
    s += inMask ? (Math.floor(word / bit) % 2 === 1 ? '1' : '0') : '.';
    if (i > 0 && i % 4 === 0) s += ' ';
  }
  return s;
}

/** Longest item label tshark 4.0 prints: 238 characters (measured on a long TXT record). */
const MAX_LABEL = 238;

/** "TXT [truncated]: v=spf1 ..." cut to the label length, as Wireshark marks a long label. */
function truncatedLabel(name: string, label: string): string {
  const marked = `${name} [truncated]${label.slice(name.length)}`;
  return marked.slice(0, MAX_LABEL);
}

function jsonValue(value: RawValue): number | string | boolean {
  if (value instanceof Uint8Array) return toHex(value);
  if (typeof value === 'bigint') return value.toString(10);
  return value;
}

/**
 * Adds a field under `parent` (no-op returning null when scanning). The label is
 * "Label: display", prefixed with the bit pattern for bit fields, unless given whole.
 */
export function addField(
  parent: FieldNode | null,
  def: FieldDef,
  source: number,
  start: number,
  length: number,
  value: RawValue,
  opts: FieldOptions = {},
): FieldNode | null {
  if (parent === null) return null;
  let label = opts.label;
  if (label === undefined) {
    label = `${def.label}: ${opts.display ?? displayText(def, value)}`;
    if (label.length > MAX_LABEL) label = truncatedLabel(def.label, label);
    if (def.bitmask !== undefined && def.bitmask !== 0 && opts.word !== undefined) {
      const bits = opts.wordBits ?? typeBits[def.type] ?? 16;
      label = `${bitPattern(opts.word, def.bitmask, bits)} = ${label}`;
    }
  }
  const node: FieldNode = {
    name: def.name,
    label,
    source,
    start,
    length,
    show: opts.show ?? fieldsText(def, value),
    value: jsonValue(value),
  };
  if (opts.generated) node.generated = true;
  if (opts.hidden) node.hidden = true;
  return appendChild(parent, node);
}
