/**
 * Addresses as Wireshark prints them: dotted IPv4, IPv6 as glibc's inet_ntop (which
 * Wireshark 4.0 uses on Linux: RFC 5952 compression of the first longest run of two or
 * more zero groups, lowercase hex, and the embedded-IPv4 forms ::a.b.c.d and
 * ::ffff:a.b.c.d), and MAC addresses as colon-separated lowercase hex.
 * Hand-written because core may not use node:net or a DOM URL parser.
 */
import type { DataSource } from '../field';
import type { ByteRange } from './packetContext';

export function ipv4Text(bytes: Uint8Array, off: number): string {
  return `${bytes[off] ?? 0}.${bytes[off + 1] ?? 0}.${bytes[off + 2] ?? 0}.${bytes[off + 3] ?? 0}`;
}

export function ipv6Text(bytes: Uint8Array, off: number): string {
  const words: number[] = [];
  for (let i = 0; i < 8; i++)
    words.push(((bytes[off + 2 * i] ?? 0) << 8) | (bytes[off + 2 * i + 1] ?? 0));
  // The first longest run of zero words, only if at least two long (glibc inet_ntop6).
  let bestBase = -1;
  let bestLen = 0;
  let curBase = -1;
  let curLen = 0;
  for (let i = 0; i < 8; i++) {
    if (words[i] === 0) {
      if (curBase === -1) {
        curBase = i;
        curLen = 1;
      } else curLen++;
      if (curLen > bestLen) {
        bestBase = curBase;
        bestLen = curLen;
      }
    } else curBase = -1;
  }
  if (bestLen < 2) bestBase = -1;
  let s = '';
  for (let i = 0; i < 8; i++) {
    if (bestBase !== -1 && i >= bestBase && i < bestBase + bestLen) {
      if (i === bestBase) s += ':';
      continue;
    }
    if (i !== 0) s += ':';
    // Encapsulated IPv4: ::a.b.c.d (IPv4-compatible) or ::ffff:a.b.c.d (IPv4-mapped).
    if (i === 6 && bestBase === 0 && (bestLen === 6 || (bestLen === 5 && words[5] === 0xffff))) {
      s += ipv4Text(bytes, off + 12);
      return s;
    }
    s += (words[i] as number).toString(16);
  }
  if (bestBase !== -1 && bestBase + bestLen === 8) s += ':';
  return s;
}

const hexByte: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function macText(bytes: Uint8Array, off: number): string {
  let s = hexByte[bytes[off] ?? 0] as string;
  for (let i = 1; i < 6; i++) s += ':' + (hexByte[bytes[off + i] ?? 0] as string);
  return s;
}

/** The text of an address found by a layer (4 bytes: IPv4, 16: IPv6); '' when there is none. */
export function rangeAddressText(
  sources: readonly DataSource[],
  range: ByteRange | undefined,
): string {
  if (!range) return '';
  const bytes = sources[range.source]?.bytes;
  if (!bytes) return '';
  return range.length === 4 ? ipv4Text(bytes, range.start) : ipv6Text(bytes, range.start);
}
