/**
 * Interning of short byte strings (addresses, wire-format names) to the text the slow path
 * would build for them: the text is made once, on first sight, and every later occurrence
 * of the same bytes gets the same string object, without allocating. Keyed by a 32-bit
 * FNV-1a hash of the bytes, with the bytes kept to rule out collisions. Memory is bounded:
 * past `maxEntries` distinct keys the table starts over (texts already handed out stay
 * valid; they are only made again when next seen).
 */

interface Entry {
  bytes: Uint8Array;
  text: string;
  /** The next entry with the same hash (collisions are rare: a short chain). */
  next: Entry | undefined;
}

export const DEFAULT_MAX_INTERNED = 200_000;

/** FNV-1a over bytes[start, end). */
export function fnv1a(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ (bytes[i] as number), 0x01000193);
  return h | 0;
}

export class TextInterner {
  private readonly table = new Map<number, Entry>();
  private size = 0;

  constructor(private readonly maxEntries = DEFAULT_MAX_INTERNED) {}

  /** The interned text of bytes[start, end), or undefined if not seen yet. */
  get(bytes: Uint8Array, start: number, end: number, hash: number): string | undefined {
    const len = end - start;
    for (let e = this.table.get(hash); e !== undefined; e = e.next) {
      const b = e.bytes;
      if (b.length !== len) continue;
      let i = 0;
      while (i < len && b[i] === bytes[start + i]) i++;
      if (i === len) return e.text;
    }
    return undefined;
  }

  /** Remembers `text` for bytes[start, end) (a copy of the bytes is kept). */
  set(bytes: Uint8Array, start: number, end: number, hash: number, text: string): void {
    if (this.size >= this.maxEntries) {
      this.table.clear();
      this.size = 0;
    }
    this.table.set(hash, { bytes: bytes.slice(start, end), text, next: this.table.get(hash) });
    this.size++;
  }
}
