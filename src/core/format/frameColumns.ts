/**
 * The packet list's columns for a dissected frame, as tshark fills them by default:
 * relative time, the innermost IP addresses, the highest protocol and its Info text.
 */
import type { DissectedFrame } from '../dissect/frame';
import type { ListColumns } from './listLine';
import { ipv4Text, ipv6Text } from '../dissect/addressText';
import type { ByteRange } from '../dissect/packetContext';

function addressText(frame: DissectedFrame, range: ByteRange | undefined): string {
  if (!range) return '';
  const bytes = frame.sources[range.source]?.bytes;
  if (!bytes) return '';
  return range.length === 4 ? ipv4Text(bytes, range.start) : ipv6Text(bytes, range.start);
}

/** Seconds since the first frame, with 6 decimals (µs captures) or 9 (ns captures). */
export function relativeTimeText(ns: bigint, decimals: 6 | 9): string {
  const negative = ns < 0n;
  let abs = negative ? -ns : ns;
  if (decimals === 6) abs = (abs + 500n) / 1000n;
  const unit = decimals === 6 ? 1_000_000n : 1_000_000_000n;
  return `${negative ? '-' : ''}${abs / unit}.${(abs % unit).toString().padStart(decimals, '0')}`;
}

export function frameColumns(
  frame: DissectedFrame,
  firstTimeNs: bigint,
  decimals: 6 | 9,
): ListColumns {
  return {
    number: frame.meta.frame,
    time: relativeTimeText(frame.meta.timeNs - firstTimeNs, decimals),
    source: addressText(frame, frame.net.src),
    destination: addressText(frame, frame.net.dst),
    protocol: frame.column.protocol,
    length: frame.meta.originalLength,
    info: frame.column.info,
  };
}
