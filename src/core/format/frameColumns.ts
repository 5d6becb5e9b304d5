/**
 * The packet list's columns for a dissected frame, as tshark fills them by default:
 * relative time, the innermost IP addresses, the highest protocol and its Info text.
 */
import type { DissectedFrame } from '../dissect/frame';
import type { ListColumns } from './listLine';
import { rangeAddressText } from '../dissect/addressText';
import { columnSecondsText } from './timeText';

export function frameColumns(
  frame: DissectedFrame,
  firstTimeNs: bigint,
  decimals: 6 | 9,
): ListColumns {
  return {
    number: frame.meta.frame,
    time: columnSecondsText(frame.meta.timeNs - firstTimeNs, decimals),
    source: rangeAddressText(frame.sources, frame.net.src),
    destination: rangeAddressText(frame.sources, frame.net.dst),
    protocol: frame.column.protocol,
    length: frame.meta.originalLength,
    info: frame.column.info,
  };
}
