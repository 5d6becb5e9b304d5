/**
 * UDP (RFC 768) as Wireshark's udp dissector shows it; the checksum is shown, not
 * verified (Wireshark's default). Length rules follow tshark 4.0: a length below 8 is
 * bogus and stops dissection (so DNS is not decoded, e.g. tcpdump's dns-zlip captures);
 * a length beyond the IP payload is flagged and the bytes present are still handed on.
 * Datagrams with a DNS port on either side go to appDissectors.dnsUdp, and so do others
 * whose payload passes tshark's DNS heuristic (dnsHeuristic.ts).
 */
import { addExpert, defineFields } from '../field';
import { addField } from '../fieldValue';
import { u16 } from './byteRead';
import { looksLikeDns } from './dnsHeuristic';
import { addProtocol, markMalformed, type PacketContext } from './packetContext';
import { appDissectors } from './registry';

const f = defineFields({
  srcport: { name: 'udp.srcport', label: 'Source Port', type: 'FT_UINT16', base: 'BASE_DEC' },
  dstport: { name: 'udp.dstport', label: 'Destination Port', type: 'FT_UINT16', base: 'BASE_DEC' },
  port: {
    name: 'udp.port',
    label: 'Source or Destination Port',
    type: 'FT_UINT16',
    base: 'BASE_DEC',
  },
  length: { name: 'udp.length', label: 'Length', type: 'FT_UINT16', base: 'BASE_DEC' },
  checksum: { name: 'udp.checksum', label: 'Checksum', type: 'FT_UINT16', base: 'BASE_HEX' },
  checksumStatus: {
    name: 'udp.checksum.status',
    label: 'Checksum Status',
    type: 'FT_UINT8',
    base: 'BASE_NONE',
  },
  payload: { name: 'udp.payload', label: 'UDP payload', type: 'FT_BYTES' },
});

export function dissectUdp(ctx: PacketContext, source: number, start: number, end: number): void {
  const b = ctx.sources[source]!.bytes;
  ctx.protocols.push('udp');
  ctx.column.protocol = 'UDP';
  const available = end - start;
  if (available < 8) {
    const node = addProtocol(
      ctx,
      'udp',
      'User Datagram Protocol',
      source,
      start,
      Math.max(0, available),
    );
    if (node && available >= 2) addField(node, f.srcport, source, start, 2, u16(b, start));
    if (node && available >= 4) addField(node, f.dstport, source, start + 2, 2, u16(b, start + 2));
    markMalformed(ctx, node, 'UDP', 'UDP header truncated', source, start);
    return;
  }
  const srcPort = u16(b, start);
  const dstPort = u16(b, start + 2);
  const ulen = u16(b, start + 4);
  const net = ctx.net;
  net.transport = 'udp';
  net.srcPort = srcPort;
  net.dstPort = dstPort;
  const truncatedCapture = ctx.meta.capturedLength < ctx.meta.originalLength;
  const node =
    ctx.tree === null
      ? null
      : addProtocol(
          ctx,
          'udp',
          `User Datagram Protocol, Src Port: ${srcPort}, Dst Port: ${dstPort}`,
          source,
          start,
          8,
        );
  if (node) {
    addField(node, f.srcport, source, start, 2, srcPort);
    addField(node, f.dstport, source, start + 2, 2, dstPort);
    addField(node, f.port, source, start, 2, srcPort, { hidden: true });
    addField(node, f.port, source, start + 2, 2, dstPort, { hidden: true });
    let lengthDisplay: string | undefined;
    if (ulen < 8) lengthDisplay = `${ulen} (bogus, must be >= 8)`;
    else if (ulen > available && !truncatedCapture)
      lengthDisplay = `${ulen} (bogus, payload length ${available})`;
    const lenNode = addField(
      node,
      f.length,
      source,
      start + 4,
      2,
      ulen,
      lengthDisplay ? { display: lengthDisplay } : {},
    );
    if (ulen < 8) addExpert(lenNode, 'error', `Bad length value ${ulen} < 8`);
    else if (ulen > available && !truncatedCapture)
      addExpert(lenNode, 'error', `Bad length value ${ulen} > IP payload length`);
    const ck = u16(b, start + 6);
    const ckHex = `0x${ck.toString(16).padStart(4, '0')}`;
    addField(node, f.checksum, source, start + 6, 2, ck, {
      display: `${ckHex} ${ck === 0 ? '[zero-value ignored]' : '[unverified]'}`,
    });
    addField(node, f.checksumStatus, source, start + 6, 0, ck === 0 ? 3 : 2, {
      display: ck === 0 ? 'Not present' : 'Unverified',
      generated: true,
    });
  }
  if (ulen < 8) {
    if (ctx.tree !== null) ctx.column.info = `${srcPort} → ${dstPort} [BAD UDP LENGTH ${ulen} < 8]`;
    return;
  }
  const payloadEnd = ulen <= available ? start + ulen : end;
  if (node && payloadEnd > start + 8) {
    const n = payloadEnd - start - 8;
    addField(node, f.payload, source, start + 8, n, b.subarray(start + 8, payloadEnd), {
      label: `UDP payload (${n} byte${n === 1 ? '' : 's'})`,
    });
  }
  if (ctx.tree !== null) {
    ctx.column.info =
      ulen > available && !truncatedCapture
        ? `${srcPort} → ${dstPort} [BAD UDP LENGTH ${ulen} > IP PAYLOAD LENGTH] Len=${ulen - 8}`
        : `${srcPort} → ${dstPort} Len=${ulen - 8}`;
  }
  const ports = ctx.state.dnsPorts;
  const dns = appDissectors.dnsUdp;
  if (dns === undefined || payloadEnd <= start + 8) return;
  if (ports.has(srcPort) || ports.has(dstPort) || looksLikeDns(b, start + 8, payloadEnd)) {
    dns(ctx, source, start + 8, payloadEnd);
  }
}
