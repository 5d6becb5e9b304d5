/**
 * The hex pane's text: lines of offset | 16 hex bytes | ASCII, as Wireshark's byte view
 * shows them. Only the first HEX_CAP bytes of a source are laid out (the pane holds one
 * packet; a reassembled stream can be big). No DOM: unit-tested in Node.
 */

export const BYTES_PER_LINE = 16;
export const HEX_CAP = 64 * 1024;

export interface HexCell {
  offset: number;
  hex: string;
  ascii: string;
}

export interface HexLine {
  offset: number;
  offsetText: string;
  cells: HexCell[];
}

/** Digits of the offset column: 4 while the source fits in 64 KiB, else 8. */
export function offsetDigits(length: number): number {
  return length <= 0x10000 ? 4 : 8;
}

/** A byte as the ASCII column shows it: printable ASCII as itself, anything else as '.'. */
export function asciiChar(byte: number): string {
  return byte >= 0x20 && byte <= 0x7e ? String.fromCharCode(byte) : '.';
}

export function hexByte(byte: number): string {
  return byte.toString(16).padStart(2, '0');
}

export function hexLines(
  bytes: Uint8Array,
  cap = HEX_CAP,
): { lines: HexLine[]; truncated: boolean } {
  const shown = Math.min(bytes.length, cap);
  const digits = offsetDigits(bytes.length);
  const lines: HexLine[] = [];
  for (let at = 0; at < shown; at += BYTES_PER_LINE) {
    const cells: HexCell[] = [];
    for (let i = at; i < Math.min(at + BYTES_PER_LINE, shown); i++) {
      const b = bytes[i] ?? 0;
      cells.push({ offset: i, hex: hexByte(b), ascii: asciiChar(b) });
    }
    lines.push({ offset: at, offsetText: at.toString(16).padStart(digits, '0'), cells });
  }
  return { lines, truncated: shown < bytes.length };
}

/** The offsets of [start, start+length) that the pane shows (clipped to the cap). */
export function shownRange(
  start: number,
  length: number,
  sourceLength: number,
  cap = HEX_CAP,
): { start: number; end: number } {
  const limit = Math.min(sourceLength, cap);
  const s = Math.max(0, Math.min(start, limit));
  return { start: s, end: Math.max(s, Math.min(start + length, limit)) };
}

/**
 * The bytes of a data source as they arrived: a Uint8Array when the host's postMessage keeps
 * typed arrays (VS Code does), else a plain array or an index-keyed object (JSON-serialised
 * typed array). Anything else is no bytes.
 */
export function toBytes(x: unknown): Uint8Array {
  if (x instanceof Uint8Array) return x;
  if (x instanceof ArrayBuffer) return new Uint8Array(x);
  if (Array.isArray(x)) return Uint8Array.from(x, (b) => Number(b) & 0xff);
  if (typeof x === 'object' && x !== null) {
    const o = x as Record<string, unknown>;
    const out: number[] = [];
    for (let i = 0; typeof o[i] === 'number'; i++) out.push((o[i] as number) & 0xff);
    return Uint8Array.from(out);
  }
  return new Uint8Array(0);
}
