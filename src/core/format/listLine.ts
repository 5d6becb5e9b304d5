/**
 * One line of tshark's default one-line-per-packet output: No., Time, Source,
 * Destination, Protocol, Length, Info, padded as tshark pads them.
 */
export interface ListColumns {
  number: number;
  time: string;
  source: string;
  destination: string;
  protocol: string;
  length: number;
  info: string;
}

export function listLine(c: ListColumns): string {
  return (
    `${String(c.number).padStart(5)} ${c.time.padStart(10)} ` +
    `${c.source.padStart(12)} → ${c.destination.padEnd(12)} ` +
    `${c.protocol} ${c.length} ${c.info}`
  );
}
