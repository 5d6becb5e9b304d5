/**
 * Bounds-checked reads over one DNS message, like Wireshark's tvb accessors: a read past
 * the end throws DnsBoundsError, which the message dissector catches to mark the message
 * malformed after keeping everything decoded before the fault (tshark's
 * "[Malformed Packet: DNS]"). The error never leaves src/core/dns.
 */

export interface DnsView {
  readonly bytes: Uint8Array;
  /** Where the message starts (after the TCP length prefix): compression pointers count from here. */
  readonly base: number;
  /** End of the readable bytes (exclusive). */
  readonly end: number;
}

export class DnsBoundsError extends Error {
  constructor(
    readonly offset: number,
    reason = 'Malformed Packet (Exception occurred)',
  ) {
    super(reason);
  }
}

export function check(v: DnsView, offset: number, length: number): void {
  if (offset < 0 || length < 0 || offset + length > v.end)
    throw new DnsBoundsError(Math.min(offset, v.end));
}

export function u8(v: DnsView, offset: number): number {
  if (offset < 0 || offset >= v.end) throw new DnsBoundsError(Math.min(Math.max(offset, 0), v.end));
  return v.bytes[offset] as number;
}

export function u16(v: DnsView, offset: number): number {
  check(v, offset, 2);
  return ((v.bytes[offset] as number) << 8) | (v.bytes[offset + 1] as number);
}

export function u32(v: DnsView, offset: number): number {
  check(v, offset, 4);
  return (
    (v.bytes[offset] as number) * 0x1000000 +
    (((v.bytes[offset + 1] as number) << 16) |
      ((v.bytes[offset + 2] as number) << 8) |
      (v.bytes[offset + 3] as number))
  );
}

/** A copy of bytes [offset, offset+length), bounds-checked. */
export function slice(v: DnsView, offset: number, length: number): Uint8Array {
  check(v, offset, length);
  return v.bytes.slice(offset, offset + length);
}
