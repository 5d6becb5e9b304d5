/**
 * Typed values for display filters: how a literal in the filter text becomes a value of a
 * field's type (numbers in decimal/hex/octal/binary, booleans, IPv4/IPv6 with CIDR, MAC
 * addresses, byte strings, times), how a tree node's JSON value becomes the same kind of
 * value, and how two such values compare. Integers, addresses and times are bigints
 * (times in nanoseconds), so 64-bit fields and IPv6 prefixes compare exactly.
 */
import type { FieldType } from '../field';

/** How values of a field compare. 'none': protocols and markers, existence only. */
export type ValueKind =
  'int' | 'bool' | 'ipv4' | 'ipv6' | 'ether' | 'bytes' | 'string' | 'time' | 'double' | 'none';

export type Value = bigint | number | string | Uint8Array;

/** A literal ready to compare: the value and, for CIDR, the network mask. */
export interface TypedLiteral {
  readonly value: Value;
  readonly mask?: bigint;
}

export function valueKind(type: FieldType): ValueKind {
  switch (type) {
    case 'FT_UINT8':
    case 'FT_UINT16':
    case 'FT_UINT24':
    case 'FT_UINT32':
    case 'FT_UINT64':
    case 'FT_INT8':
    case 'FT_INT16':
    case 'FT_INT32':
    case 'FT_FRAMENUM':
      return 'int';
    case 'FT_BOOLEAN':
      return 'bool';
    case 'FT_IPv4':
      return 'ipv4';
    case 'FT_IPv6':
      return 'ipv6';
    case 'FT_ETHER':
      return 'ether';
    case 'FT_BYTES':
      return 'bytes';
    case 'FT_STRING':
      return 'string';
    case 'FT_ABSOLUTE_TIME':
    case 'FT_RELATIVE_TIME':
      return 'time';
    case 'FT_DOUBLE':
      return 'double';
    case 'FT_NONE':
    case 'FT_PROTOCOL':
      return 'none';
  }
}

/** Integers as Wireshark reads them: decimal, 0x hex, 0b binary, leading-0 octal, signed. */
export function parseInteger(text: string): bigint | undefined {
  const m = /^(-?)(0[xX][0-9A-Fa-f]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
  if (!m) return undefined;
  const digits = m[2] as string;
  let n: bigint;
  if (/^0[xXbB]/.test(digits)) n = BigInt(digits.toLowerCase());
  else if (digits.length > 1 && digits.startsWith('0')) n = BigInt('0o' + digits.slice(1));
  else n = BigInt(digits);
  return m[1] ? -n : n;
}

export function parseIPv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0n;
  for (const p of parts) {
    if (!/^[0-9]{1,3}$/.test(p) || Number(p) > 255) return undefined;
    n = (n << 8n) | BigInt(Number(p));
  }
  return n;
}

/** An IPv6 address (with `::` and a trailing dotted IPv4) as a 128-bit integer. */
export function parseIPv6(text: string): bigint | undefined {
  if (text.length > 45) return undefined;
  let plain = text;
  let v4: bigint | undefined;
  if (text.includes('.')) {
    // The dotted tail stands for the last two groups: parse it alone, put zeros there.
    const colon = text.lastIndexOf(':');
    v4 = parseIPv4(text.slice(colon + 1));
    if (v4 === undefined || colon < 0) return undefined;
    plain = text.slice(0, colon + 1) + '0:0';
  }
  const halves = plain.split('::');
  if (halves.length > 2) return undefined;
  const groupsOf = (s: string): string[] => (s === '' ? [] : s.split(':'));
  const left = groupsOf(halves[0] as string);
  const right = halves.length === 2 ? groupsOf(halves[1] as string) : [];
  const missing = 8 - left.length - right.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  let n = 0n;
  for (const g of [...left, ...Array<string>(missing).fill('0'), ...right]) {
    if (!/^[0-9A-Fa-f]{1,4}$/.test(g)) return undefined;
    n = (n << 16n) | BigInt(parseInt(g, 16));
  }
  return v4 === undefined ? n : (n & ~0xffffffffn) | v4;
}

function hexPairs(text: string, separators: RegExp): Uint8Array | undefined {
  const parts = separators.test(text) ? text.split(separators) : [text];
  const bytes: number[] = [];
  for (const p of parts) {
    // Separated bytes are one or two digits; a run without separators is pairs.
    if (parts.length > 1 ? !/^[0-9A-Fa-f]{1,2}$/.test(p) : !/^([0-9A-Fa-f]{2})+$/.test(p))
      return undefined;
    if (parts.length > 1) bytes.push(parseInt(p, 16));
    else for (let i = 0; i < p.length; i += 2) bytes.push(parseInt(p.slice(i, i + 2), 16));
  }
  return Uint8Array.from(bytes);
}

/** A byte string: `aa:bb:cc`, `aa-bb-cc`, `aa.bb.cc` or `aabbcc`. */
export function parseBytes(text: string): Uint8Array | undefined {
  if (text === '' || /[:\-.]{2}/.test(text)) return undefined;
  return hexPairs(text, /[:\-.]/);
}

/** A MAC address: six bytes as `00:11:22:33:44:55`, `00-11-...` or `0011.2233.4455`. */
export function parseEther(text: string): Uint8Array | undefined {
  const dotted = /^([0-9A-Fa-f]{4})\.([0-9A-Fa-f]{4})\.([0-9A-Fa-f]{4})$/.exec(text);
  const bytes = dotted ? hexPairs(dotted.slice(1).join(''), /:/) : parseBytes(text);
  return bytes?.length === 6 ? bytes : undefined;
}

/** The bytes of a quoted string: code points below 256 as one byte (so "\xd0" is 0xd0), others as UTF-8. */
export function stringBytes(s: string): Uint8Array {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x100) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else
      out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

const NS_PER_S = 1_000_000_000n;

/** Seconds as a decimal ("0.000501", "-1.5", "2") to nanoseconds (digits past 9 dropped). */
export function parseSeconds(text: string): bigint | undefined {
  const m = /^(-?)([0-9]+)(?:\.([0-9]*))?$/.exec(text);
  if (!m) return undefined;
  const frac = ((m[3] ?? '') + '000000000').slice(0, 9);
  const ns = BigInt(m[2] as string) * NS_PER_S + BigInt(frac);
  return m[1] ? -ns : ns;
}

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function utcNs(y: number, mo: number, d: number, h: number, mi: number, s: number, frac: string) {
  const ms = Date.UTC(y, mo, d, h, mi, s);
  if (Number.isNaN(ms)) return undefined;
  return BigInt(ms) * 1_000_000n + BigInt((frac + '000000000').slice(0, 9));
}

/**
 * An absolute time: epoch seconds ("1795439286.9"), Wireshark's "Nov 23, 2026
 * 13:08:06.896268000 UTC" or ISO 8601 "2026-11-23 13:08:06.896" / "...T...Z". Dates are
 * read as UTC (tshark reads them in its local time zone).
 */
export function parseAbsoluteTime(text: string): bigint | undefined {
  const epoch = parseSeconds(text);
  if (epoch !== undefined) return epoch;
  const ws =
    /^([A-Za-z]{3}) +([0-9]{1,2}), ([0-9]{4}) ([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]{1,9}))?( UTC)?$/.exec(
      text,
    );
  if (ws) {
    const mo = months.indexOf((ws[1] as string).toLowerCase());
    if (mo < 0) return undefined;
    const [d, y, h, mi, s] = [ws[2], ws[3], ws[4], ws[5], ws[6]].map(Number) as number[];
    return utcNs(y as number, mo, d as number, h as number, mi as number, s as number, ws[7] ?? '');
  }
  const iso =
    /^([0-9]{4})-([0-9]{2})-([0-9]{2})[T ]([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]{1,9}))?Z?$/.exec(
      text,
    );
  if (iso) {
    const [y, mo, d, h, mi, s] = iso.slice(1, 7).map(Number) as number[];
    return utcNs(
      y as number,
      (mo as number) - 1,
      d as number,
      h as number,
      mi as number,
      s as number,
      iso[7] ?? '',
    );
  }
  return undefined;
}

/** The node's typed value (FieldNode.value, JSON-safe) as a Value of `kind`, or undefined. */
export function nodeValue(kind: ValueKind, value: unknown): Value | undefined {
  switch (kind) {
    case 'int':
    case 'bool':
      if (typeof value === 'boolean') return value ? 1n : 0n;
      if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : undefined;
      if (typeof value === 'string') return parseInteger(value);
      return undefined;
    case 'ipv4':
      return typeof value === 'string' ? parseIPv4(value) : undefined;
    case 'ipv6':
      return typeof value === 'string' ? parseIPv6(value) : undefined;
    case 'ether':
    case 'bytes':
      if (value === '') return new Uint8Array(0);
      return typeof value === 'string' ? parseBytes(value) : undefined;
    case 'string':
      return typeof value === 'string' ? value : value === undefined ? undefined : String(value);
    case 'time':
      if (typeof value === 'number') return parseSeconds(String(value));
      return typeof value === 'string' ? parseAbsoluteTime(value) : undefined;
    case 'double':
      return typeof value === 'number'
        ? value
        : typeof value === 'string'
          ? Number(value)
          : undefined;
    case 'none':
      return undefined;
  }
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** -1, 0 or 1; values must be of one kind. NaN compares unordered (never equal, never less). */
export function compareValues(a: Value, b: Value): number {
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    return a instanceof Uint8Array && b instanceof Uint8Array ? compareBytes(a, b) : NaN;
  }
  if (typeof a !== typeof b) return NaN;
  return a < b ? -1 : a > b ? 1 : a === b ? 0 : NaN;
}

/** Whether `needle` occurs in `hay` (strings: substring; bytes: a run of bytes). */
export function containsValue(hay: Value, needle: Value): boolean {
  // tshark 4.0 finds nothing in `contains ""`.
  if (typeof hay === 'string' && typeof needle === 'string')
    return needle !== '' && hay.includes(needle);
  if (hay instanceof Uint8Array && needle instanceof Uint8Array) {
    if (needle.length === 0) return false;
    // Naive search: field values are at most a frame long and needles a few bytes.
    outer: for (let i = 0; i + needle.length <= hay.length; i++) {
      for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
      return true;
    }
  }
  return false;
}
