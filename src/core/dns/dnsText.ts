/**
 * Text formatting as Wireshark 4.0 formats DNS values, written by hand because tshark's
 * exact text is the product's contract: `format_text` (names and strings: printable ASCII
 * as is, C escapes and `\ooo` for control bytes, UTF-8 kept, `\uXXXX` for unprintable
 * code points, U+FFFD for invalid bytes), `unsigned_time_secs_to_str` ("1 hour, 5 minutes"),
 * absolute times ("Dec 29, 2008 11:00:04.000000000 UTC"), IPv4/IPv6 addresses.
 */

const cEscapes: Readonly<Record<number, string>> = {
  0x07: '\\a',
  0x08: '\\b',
  0x0c: '\\f',
  0x0a: '\\n',
  0x0d: '\\r',
  0x09: '\\t',
  0x0b: '\\v',
};

const unprintable = /[\p{Cc}\p{Cf}\p{Cn}\p{Cs}]/u;

function escapeCodePoint(cp: number): string {
  return cp > 0xffff
    ? '\\U' + cp.toString(16).padStart(8, '0')
    : '\\u' + cp.toString(16).padStart(4, '0');
}

/** Wireshark's format_text over bytes[start, start+length) (or a byte array). */
export function formatText(
  bytes: ArrayLike<number>,
  start = 0,
  length = bytes.length - start,
): string {
  let out = '';
  const end = start + length;
  let i = start;
  while (i < end) {
    const c = bytes[i++] as number;
    if (c >= 0x20 && c < 0x7f) {
      out += String.fromCharCode(c);
      continue;
    }
    if (c < 0x80) {
      out += cEscapes[c] ?? '\\' + c.toString(8).padStart(3, '0');
      continue;
    }
    let need: number;
    let cp: number;
    if ((c & 0xe0) === 0xc0) {
      need = 1;
      cp = c & 0x1f;
    } else if ((c & 0xf0) === 0xe0) {
      need = 2;
      cp = c & 0x0f;
    } else if ((c & 0xf8) === 0xf0) {
      need = 3;
      cp = c & 0x07;
    } else {
      out += '\ufffd';
      continue;
    }
    let ok = true;
    for (let k = 0; k < need; k++) {
      const n = i < end ? (bytes[i] as number) : -1;
      if (n < 0 || (n & 0xc0) !== 0x80) {
        ok = false;
        break;
      }
      cp = (cp << 6) | (n & 0x3f);
      i++;
    }
    if (!ok || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      out += '\ufffd';
      continue;
    }
    const ch = String.fromCodePoint(cp);
    out += unprintable.test(ch) ? escapeCodePoint(cp) : ch;
  }
  return out;
}

/**
 * An FT_STRING read from the packet with ENC_ASCII, as tshark 4.0 shows it: the C string
 * ends at the first NUL, bytes >= 0x80 become U+FFFD; `label` is format_text of that, and
 * `show` (-T fields) keeps control characters raw instead of escaping them.
 */
export function asciiString(
  bytes: Uint8Array,
  start: number,
  length: number,
): { label: string; show: string } {
  let label = '';
  let show = '';
  for (let i = start; i < start + length; i++) {
    const c = bytes[i] as number;
    if (c === 0) break;
    if (c >= 0x80) {
      label += '\ufffd';
      show += '\ufffd';
    } else {
      label += formatText(bytes, i, 1);
      show += String.fromCharCode(c);
    }
  }
  return { label, show };
}

/** The label text of an ENC_ASCII string (see asciiString). */
export function asciiText(bytes: Uint8Array, start: number, length: number): string {
  return asciiString(bytes, start, length).label;
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** Wireshark's unsigned_time_secs_to_str: "1 day, 2 hours, 3 minutes, 4 seconds". */
export function timeSecsToStr(secs: number): string {
  if (secs === 0) return '0 seconds';
  const parts: string[] = [];
  const days = Math.floor(secs / 86400);
  const hours = Math.floor((secs % 86400) / 3600);
  const minutes = Math.floor((secs % 3600) / 60);
  const seconds = secs % 60;
  if (days) parts.push(plural(days, 'day'));
  if (hours) parts.push(plural(hours, 'hour'));
  if (minutes) parts.push(plural(minutes, 'minute'));
  if (seconds) parts.push(plural(seconds, 'second'));
  return parts.join(', ');
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** FT_ABSOLUTE_TIME in UTC as tshark prints it: "Dec 29, 2008 11:00:04.000000000 UTC". */
export function absoluteTimeText(epochSecs: number): string {
  const d = new Date(epochSecs * 1000);
  const two = (n: number): string => n.toString().padStart(2, '0');
  const month = months[d.getUTCMonth()] ?? '';
  return (
    `${month} ${d.getUTCDate().toString().padStart(2, ' ')}, ${d.getUTCFullYear()} ` +
    `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.000000000 UTC`
  );
}

export function ipv4Text(bytes: ArrayLike<number>, start: number): string {
  return `${bytes[start]}.${bytes[start + 1]}.${bytes[start + 2]}.${bytes[start + 3]}`;
}

/** RFC 5952 text (longest run of two or more zero groups becomes "::"), as inet_ntop. */
export function ipv6Text(bytes: ArrayLike<number>, start: number): string {
  const groups: number[] = [];
  for (let i = 0; i < 8; i++)
    groups.push(((bytes[start + 2 * i] as number) << 8) | (bytes[start + 2 * i + 1] as number));
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (bestLen < 2) bestStart = -1;
  // IPv4-mapped and -compatible forms, as inet_ntop prints them.
  if (bestStart === 0 && (bestLen === 6 || (bestLen === 5 && groups[5] === 0xffff))) {
    const prefix = bestLen === 5 ? '::ffff:' : '::';
    return prefix + ipv4Text(bytes, start + 12);
  }
  const hex = (g: number): string => g.toString(16);
  if (bestStart < 0) return groups.map(hex).join(':');
  const head = groups.slice(0, bestStart).map(hex).join(':');
  const tail = groups
    .slice(bestStart + bestLen)
    .map(hex)
    .join(':');
  return `${head}::${tail}`;
}

const base64Chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64Text(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = i + 1 < bytes.length ? (bytes[i + 1] as number) : 0;
    const c = i + 2 < bytes.length ? (bytes[i + 2] as number) : 0;
    const n = (a << 16) | (b << 8) | c;
    s += base64Chars[(n >> 18) & 63];
    s += base64Chars[(n >> 12) & 63];
    s += i + 1 < bytes.length ? base64Chars[(n >> 6) & 63] : '=';
    s += i + 2 < bytes.length ? base64Chars[n & 63] : '=';
  }
  return s;
}
