/**
 * Reading a domain name the way Wireshark 4.0's expand_dns_name/get_dns_name does, so the
 * text, the byte length and the malformed cases equal tshark's: labels joined by '.', at
 * most 254 bytes kept (then "<Name too long>"), compression pointers relative to the
 * message start (followed in either direction, as tshark does; more than 255 pointers or
 * a pointer to two bytes past itself is "<Name contains a pointer that loops>"), extended
 * label 0x41 as a "\[x..../n]" bit string, other 0x40 labels "<Unknown extended label>",
 * label type 0x80 and reads past the end throw. Work is bounded per name (at most 256
 * pointer jumps, each followed by at most the message's length in label bytes), and a
 * per-message budget keeps a whole message linear in its length.
 */
import { DnsBoundsError, u8, type DnsView } from './dnsWire';
import { formatText } from './dnsText';

const MAX_DNAME_LEN = 255;
const MIN_DNAME_LEN = 2;

export interface WireName {
  /** Bytes the name occupies where it starts (up to and including the first pointer). */
  used: number;
  /** The name as tshark shows it (format_text applied, or a placeholder such as "<Root>"). */
  text: string;
  /** Wireshark's name_len: bytes of the expanded name (placeholders: their length). */
  nameLen: number;
  /** Label count as tshark computes it (dots + 1 for names longer than one byte). */
  labels: number;
}

/** Per-message work counter shared by all names of one message. */
export interface NameBudget {
  remaining: number;
  /** Label runs already walked without output (see runEnd), by start offset. */
  runs?: Map<number, LabelRun>;
}

export function newNameBudget(v: DnsView): NameBudget {
  return { remaining: 300 * (v.end - v.base) + 65536 };
}

/** How a run of labels ends when nothing more can be printed (the name is already full). */
type LabelRun =
  | { kind: 'end'; after: number }
  | { kind: 'pointer'; after: number; target: number }
  | { kind: 'unknownExt'; after: number }
  | { kind: 'throw'; at: number };

/**
 * Walks labels from `offset` without producing text, as expand_dns_name does once the name
 * is full (label bytes are skipped unread), up to the terminator, a pointer, an unknown
 * extended label or an error. Memoised per message for every label start on the way, so
 * all names of a message together cost time linear in its length.
 */
function runEnd(v: DnsView, offset: number, budget: NameBudget): LabelRun {
  const memo = (budget.runs ??= new Map());
  const seen: number[] = [];
  let result: LabelRun;
  for (;;) {
    const known = memo.get(offset);
    if (known) {
      result = known;
      break;
    }
    seen.push(offset);
    spend(budget, offset);
    if (offset < 0 || offset >= v.end) {
      result = { kind: 'throw', at: offset };
      break;
    }
    const c = v.bytes[offset] as number;
    if (c === 0) {
      result = { kind: 'end', after: offset + 1 };
      break;
    }
    const kind = c & 0xc0;
    if (kind === 0x00) {
      offset += 1 + c;
    } else if (kind === 0x40) {
      if ((c & 0x3f) !== 0x01) {
        result = { kind: 'unknownExt', after: offset + 1 };
        break;
      }
      if (offset + 1 >= v.end) {
        result = { kind: 'throw', at: offset + 1 };
        break;
      }
      const bitCount = v.bytes[offset + 1] as number;
      offset += 2 + Math.trunc((bitCount - 1) / 8) + 1;
    } else if (kind === 0x80) {
      result = { kind: 'throw', at: offset };
      break;
    } else {
      if (offset + 1 >= v.end) {
        result = { kind: 'throw', at: offset + 1 };
        break;
      }
      result = {
        kind: 'pointer',
        after: offset + 2,
        target: v.base + (((c & 0x3f) << 8) | (v.bytes[offset + 1] as number)),
      };
      break;
    }
  }
  for (const o of seen) memo.set(o, result);
  return result;
}

const scratch = new Uint8Array(MAX_DNAME_LEN);

function spend(budget: NameBudget, offset: number): void {
  if (--budget.remaining < 0)
    throw new DnsBoundsError(offset, 'Name decoding exceeded its work budget');
}

function countLabels(buf: Uint8Array, len: number): number {
  if (len <= 1) return 0;
  let n = 1;
  for (let i = 0; i < len; i++) if (buf[i] === 0x2e) n++;
  return n;
}

function placeholder(text: string, used: number): WireName {
  return { used, text, nameLen: text.length, labels: countLabels(asciiBytes(text), text.length) };
}

function asciiBytes(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}

/** Appends an ASCII string as snprintf into the remaining room would; returns the new state. */
function appendPrinted(s: string, np: number, maxname: number): [number, number] {
  if (maxname <= 0) return [np, maxname];
  const printLen = s.length;
  if (printLen <= maxname) {
    // snprintf writes at most maxname-1 characters; Wireshark still advances by printLen.
    const n = Math.min(printLen, maxname - 1);
    for (let i = 0; i < n; i++) scratch[np + i] = s.charCodeAt(i);
    if (n < printLen) scratch[np + n] = 0;
    return [np + printLen, maxname - printLen];
  }
  return [np, 0];
}

/** The label count of the last name plainName returned (saves an object per name). */
let plainLabels = 0;

/**
 * scratch[0, length) as text when every byte is printable ASCII (format_text leaves such
 * bytes as they are), setting plainLabels (countLabels' dots + 1); null otherwise. One
 * pass instead of the NUL search, format_text and countLabels, and a flat string (one
 * allocation, not one per character) that later Map lookups need not flatten.
 */
function plainName(length: number): string | null {
  let dots = 0;
  for (let i = 0; i < length; i++) {
    const c = scratch[i] as number;
    if (c < 0x20 || c > 0x7e) return null;
    if (c === 0x2e) dots++;
  }
  plainLabels = length > 1 ? dots + 1 : 0;
  // fromCharCode.apply over a plain array of exactly `length` numbers: V8's fast path (a
  // typed array there goes through a slow generic copy; += per character makes a rope).
  let codes = charCodes[length];
  if (codes === undefined) codes = charCodes[length] = new Array<number>(length).fill(0);
  for (let i = 0; i < length; i++) codes[i] = scratch[i] as number;
  return String.fromCharCode.apply(null, codes);
}

/** Reused arrays of char codes, one per name length (at most 255). */
const charCodes: number[][] = [];

/** Reads the name at `offset`; throws DnsBoundsError where tshark throws (get_dns_name). */
export function readName(v: DnsView, offset: number, budget: NameBudget): WireName {
  const n = expandName(v, offset, budget);
  if (n.text === '<Root>') return n;
  // get_dns_name: a name shorter than two bytes, or an empty name longer than two, is an error.
  if (n.used < MIN_DNAME_LEN || (n.used > MIN_DNAME_LEN && n.nameLen === 0))
    throw new DnsBoundsError(offset);
  return n;
}

/** Wireshark's expand_dns_name (plus the "<Root>" rule of get_dns_name). */
function expandName(v: DnsView, offset: number, budget: NameBudget): WireName {
  const start = offset;
  let np = 0;
  let nameLen = 0;
  let maxname = MAX_DNAME_LEN;
  let len = -1;
  let pointers = 0;
  for (;;) {
    if (maxname <= 0) {
      // Nothing more can be printed: only how the name ends matters (memoised walk).
      const r = runEnd(v, offset, budget);
      if (r.kind === 'throw') throw new DnsBoundsError(Math.max(0, Math.min(r.at, v.end)));
      if (r.kind === 'end') {
        offset = r.after;
        break;
      }
      if (r.kind === 'unknownExt') {
        len = r.after - start;
        if (len < 1) throw new DnsBoundsError(r.after);
        return placeholder('<Unknown extended label>', len);
      }
      offset = r.after;
      pointers++;
      if (len < 0) len = offset - start;
      if (r.target === offset + 2 || pointers > MAX_DNAME_LEN) {
        if (len < 1) throw new DnsBoundsError(offset);
        return placeholder('<Name contains a pointer that loops>', len);
      }
      offset = r.target;
      continue;
    }
    spend(budget, offset);
    const c = u8(v, offset);
    offset++;
    if (c === 0) break;
    switch (c & 0xc0) {
      case 0x00: {
        if (np !== 0) {
          if (maxname > 0) {
            scratch[np++] = 0x2e;
            nameLen++;
            maxname--;
          }
        } else {
          maxname--;
        }
        if (offset + c <= v.end) {
          // The whole label is inside the message: copy what fits without per-byte checks.
          const take = c < maxname ? c : maxname > 0 ? maxname : 0;
          const bytes = v.bytes;
          for (let k = 0; k < take; k++) scratch[np + k] = bytes[offset + k] as number;
          np += take;
          nameLen += take;
          maxname -= take;
          offset += c;
        } else {
          for (let k = c; k > 0; k--) {
            if (maxname > 0) {
              scratch[np++] = u8(v, offset);
              nameLen++;
              maxname--;
            }
            offset++;
          }
        }
        budget.remaining -= c;
        break;
      }
      case 0x40: {
        if ((c & 0x3f) !== 0x01) {
          len = offset - start;
          if (len < 1) throw new DnsBoundsError(offset);
          return placeholder('<Unknown extended label>', len);
        }
        const bitCount = u8(v, offset);
        offset++;
        let labelLen = Math.trunc((bitCount - 1) / 8) + 1;
        [np, maxname] = appendPrinted('\\[x', np, maxname);
        while (labelLen-- > 0) {
          if (maxname > 0) {
            const b = u8(v, offset);
            [np, maxname] = appendPrinted(b.toString(16).padStart(2, '0'), np, maxname);
          }
          offset++;
        }
        [np, maxname] = appendPrinted(`/${bitCount}]`, np, maxname);
        break;
      }
      case 0x80:
        throw new DnsBoundsError(offset - 1, 'Malformed Packet (Exception occurred)');
      default: {
        const indir = v.base + (((c & 0x3f) << 8) | u8(v, offset));
        offset++;
        pointers++;
        if (len < 0) len = offset - start;
        if (indir === offset + 2 || pointers > MAX_DNAME_LEN) {
          if (len < 1) throw new DnsBoundsError(offset);
          return placeholder('<Name contains a pointer that loops>', len);
        }
        offset = indir;
        break;
      }
    }
  }
  if (len < 0) len = offset - start;
  if (maxname <= 0) return placeholder('<Name too long>', len);
  if (np === nameLen && nameLen > 0) {
    // The common case in one pass: printable ASCII only (no NUL, nothing to escape).
    const text = plainName(nameLen);
    if (text !== null) return { used: len, text, nameLen, labels: plainLabels };
  }
  // The C string ends at the first NUL byte (a label may contain one).
  let cLen = 0;
  while (cLen < np && scratch[cLen] !== 0) cLen++;
  if (cLen === 0 && len <= MIN_DNAME_LEN)
    return { used: len, text: '<Root>', nameLen: 6, labels: 1 };
  return {
    used: len,
    text: formatText(scratch, 0, nameLen),
    nameLen,
    labels: countLabels(scratch, nameLen),
  };
}

/** Label steps nameSpan takes itself before handing a name to readName (see there). */
const SPAN_STEPS = 128;

/**
 * The bytes the name at `offset` occupies where it starts (readName's `used`), without
 * building its text: for the scan summary, which skips the names it does not show.
 * Throws exactly where readName throws, at the same offset (compared over hostile names
 * by dnsScanName.test.ts). For plain names (labels and pointers) that takes no byte
 * reads: a label, bit or pointer byte past the end is an error at the end (readName
 * clamps its offset there), label type 0x80 at the label, a one-byte unknown extended
 * label at the name's start, and a pointer loop ends as readName's placeholder does.
 * Names with bit-string labels (whose printed length decides readName's empty-name
 * error) or more than SPAN_STEPS steps (hostile chains that readName's memo keeps
 * linear) are handed to readName itself, which also spends the message's budget.
 */
export function nameSpan(v: DnsView, offset: number, budget: NameBudget): number {
  const start = offset;
  const end = v.end;
  const bytes = v.bytes;
  let len = -1;
  for (let steps = 0; steps < SPAN_STEPS; steps++) {
    if (offset >= end) throw new DnsBoundsError(end);
    const c = bytes[offset] as number;
    offset++;
    if (c === 0) return len < 0 ? offset - start : len;
    const kind = c & 0xc0;
    if (kind === 0x00) {
      offset += c;
    } else if (kind === 0x40) {
      if ((c & 0x3f) === 0x01) break;
      // expand_dns_name sets len here even after a pointer (a Wireshark quirk kept).
      len = offset - start;
      if (len < 1) throw new DnsBoundsError(offset);
      if (len < MIN_DNAME_LEN) throw new DnsBoundsError(start);
      return len;
    } else if (kind === 0x80) {
      throw new DnsBoundsError(offset - 1, 'Malformed Packet (Exception occurred)');
    } else {
      if (offset >= end) throw new DnsBoundsError(end);
      const indir = v.base + (((c & 0x3f) << 8) | (bytes[offset] as number));
      offset++;
      if (len < 0) len = offset - start;
      if (indir === offset + 2) return len;
      offset = indir;
    }
  }
  return readName(v, start, budget).used;
}
