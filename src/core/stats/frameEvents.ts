/**
 * Turns a dissected frame's DNS messages into statistics events: the bridge from the
 * capture pipeline to the engine that also serves query logs.
 */
import type { DissectedFrame } from '../dissect/frame';
import { rangeAddressText } from '../dissect/addressText';
import type { DnsMessageEvent } from './dnsEvent';

/** One event per DNS message in the frame (TCP frames may complete several). */
export function frameMessageEvents(frame: DissectedFrame): DnsMessageEvent[] {
  if (frame.dns.length === 0) return [];
  const src = rangeAddressText(frame.sources, frame.net.src);
  const dst = rangeAddressText(frame.sources, frame.net.dst);
  return frame.dns.map((m) => {
    const event: DnsMessageEvent = {
      kind: 'message',
      timeNs: frame.meta.timeNs,
      ref: frame.meta.frame,
      src,
      dst,
      srcPort: frame.net.srcPort,
      dstPort: frame.net.dstPort,
      transport: m.transport,
      ipVersion: frame.net.ipVersion,
      response: (m.flags & 0x8000) !== 0,
      opcode: (m.flags >> 11) & 0xf,
      rcode: (m.flags & 0xf) | ((m.edns?.extRcode ?? 0) << 4),
      flags: m.flags,
      id: m.id,
      qdcount: m.qdcount,
      ancount: m.ancount,
      nscount: m.nscount,
      arcount: m.arcount,
      size: m.range.length,
      malformed: m.malformed !== undefined,
    };
    if (m.qname !== undefined) event.qname = m.qname;
    if (m.qtype !== undefined) event.qtype = m.qtype;
    if (m.qclass !== undefined) event.qclass = m.qclass;
    if (m.edns) event.edns = { udpSize: m.edns.udpSize, version: m.edns.version, do: m.edns.do };
    return event;
  });
}
