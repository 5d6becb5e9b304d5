/**
 * tshark 4.0 enables DNS's UDP heuristic by default: a datagram on a port no other
 * dissector claims is decoded as DNS when its header looks like a standard query or
 * response. The rules below were measured against tshark 4.0 with hand-built datagrams
 * on port 9999: more than a bare 12-byte header; opcode 0; a query has exactly one
 * question and no answer or authority records; a response has at most one question;
 * questions plus answers is not zero. The question itself is not checked.
 * (Wireshark's other UDP dissectors, which would claim their ports first, are not modelled.)
 */
import { u16 } from './byteRead';

export function looksLikeDns(b: Uint8Array, start: number, end: number): boolean {
  if (end - start <= 12) return false;
  const flags = u16(b, start + 2);
  if ((flags & 0x7800) !== 0) return false;
  const qd = u16(b, start + 4);
  const an = u16(b, start + 6);
  const ns = u16(b, start + 8);
  if ((flags & 0x8000) === 0) return qd === 1 && an === 0 && ns === 0;
  return qd <= 1 && qd + an > 0;
}
