/**
 * Splits a stream of text chunks (Uint8Array bytes or strings) into lines, numbered from 1.
 * Handles LF and CRLF, a last line without a newline, invalid UTF-8 (decoded with U+FFFD,
 * never thrown) and absurdly long lines: past `maxLineLength` the rest of the line is
 * skipped and the line is delivered cut, flagged `overlong`. Bytes are split at 0x0A before
 * decoding, which is safe in UTF-8 (0x0A never occurs inside a multi-byte character), so
 * where a chunk boundary falls never changes the lines.
 */

interface Utf8Decoder {
  decode(input: Uint8Array): string;
}
type DecoderConstructor = new (label: string, options: { fatal: boolean }) => Utf8Decoder;

/** The platform's TextDecoder (Node and browsers both have it; ES2022's lib does not type it). */
function makeDecoder(): Utf8Decoder {
  const ctor = (globalThis as unknown as { TextDecoder: DecoderConstructor }).TextDecoder;
  return new ctor('utf-8', { fatal: false });
}

export interface SplitLine {
  /** 1-based line number. */
  line: number;
  /** The text without its line ending (cut at maxLineLength when overlong). */
  text: string;
  overlong: boolean;
}

export const defaultMaxLineLength = 64 * 1024;

export class LineSplitter {
  private readonly decoder = makeDecoder();
  private readonly maxLineLength: number;
  private lineNumber = 0;
  /** Pending bytes (byte chunks) of the current line. */
  private byteParts: Uint8Array[] = [];
  private byteLength = 0;
  /** Pending text (string chunks) of the current line. */
  private textPart = '';
  private overlong = false;

  constructor(
    private readonly onLine: (line: SplitLine) => void,
    options: { maxLineLength?: number } = {},
  ) {
    this.maxLineLength = Math.max(1, options.maxLineLength ?? defaultMaxLineLength);
  }

  push(chunk: Uint8Array | string): void {
    if (typeof chunk === 'string') this.pushText(chunk);
    else this.pushBytes(chunk);
  }

  /** Delivers a last line that had no newline. */
  end(): void {
    if (this.byteLength > 0 || this.textPart.length > 0 || this.overlong) this.flush();
  }

  private pushBytes(chunk: Uint8Array): void {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      const stop = nl < 0 ? chunk.length : nl;
      this.appendBytes(chunk.subarray(start, stop));
      if (nl < 0) return;
      this.flush();
      start = nl + 1;
    }
  }

  private pushText(chunk: string): void {
    if (this.byteLength > 0) {
      // Bytes then text on one line (a caller mixing chunk kinds): bytes become text first.
      this.textPart += this.decoder.decode(concat(this.byteParts, this.byteLength));
      this.byteParts = [];
      this.byteLength = 0;
    }
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf('\n', start);
      const stop = nl < 0 ? chunk.length : nl;
      this.appendText(chunk.slice(start, stop));
      if (nl < 0) return;
      this.flush();
      start = nl + 1;
    }
  }

  private appendBytes(part: Uint8Array): void {
    if (part.length === 0 || this.overlong) return;
    // Keep one byte beyond the cap so a trailing CR can still be told from content.
    const room = this.maxLineLength + 1 - this.byteLength;
    if (part.length > room) {
      this.byteParts.push(part.slice(0, room));
      this.byteLength += room;
      this.overlong = true;
      return;
    }
    this.byteParts.push(part.slice());
    this.byteLength += part.length;
  }

  private appendText(part: string): void {
    if (part.length === 0 || this.overlong) return;
    const room = this.maxLineLength + 1 - this.textPart.length;
    if (part.length > room) {
      this.textPart += part.slice(0, room);
      this.overlong = true;
      return;
    }
    this.textPart += part;
  }

  private flush(): void {
    let text = this.textPart;
    if (this.byteLength > 0) text += this.decoder.decode(concat(this.byteParts, this.byteLength));
    if (text.endsWith('\r')) text = text.slice(0, -1);
    const overlong = this.overlong || text.length > this.maxLineLength;
    if (text.length > this.maxLineLength) text = text.slice(0, this.maxLineLength);
    this.lineNumber++;
    this.byteParts = [];
    this.byteLength = 0;
    this.textPart = '';
    this.overlong = false;
    this.onLine({ line: this.lineNumber, text, overlong });
  }
}

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1 && parts[0] !== undefined) return parts[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
