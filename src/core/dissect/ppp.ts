/**
 * PPP (link type 9, and 50, PPP in HDLC-like framing, which Wireshark decodes the same
 * way): when the first byte is the address 0xff, address and control come first; then a
 * 2-byte protocol (0x0021 IPv4, 0x0057 IPv6). Without 0xff the frame starts with the
 * protocol, as Wireshark also accepts.
 */
import { addField } from '../fieldValue';
import { defineFields } from '../field';
import { u16 } from './byteRead';
import { EtherType } from './etherType';
import { addProtocol, markMalformed, type PacketContext } from './packetContext';
import { etherTypeTable } from './registry';

const f = defineFields({
  address: { name: 'ppp.address', label: 'Address', type: 'FT_UINT8', base: 'BASE_HEX' },
  control: { name: 'ppp.control', label: 'Control', type: 'FT_UINT8', base: 'BASE_HEX' },
  protocol: { name: 'ppp.protocol', label: 'Protocol', type: 'FT_UINT16', base: 'BASE_HEX' },
});

const protocolNames = new Map<number, [string, number]>([
  [0x0021, ['Internet Protocol version 4', EtherType.IPV4]],
  [0x0057, ['Internet Protocol version 6', EtherType.IPV6]],
]);

export function dissectPpp(ctx: PacketContext, source: number, start: number, end: number): void {
  const b = ctx.sources[source]!.bytes;
  ctx.protocols.push('ppp');
  const framed = end - start >= 1 && b[start] === 0xff;
  const hdr = framed ? 4 : 2;
  const node = addProtocol(
    ctx,
    'ppp',
    'Point-to-Point Protocol',
    source,
    start,
    Math.min(hdr, end - start),
  );
  if (end - start < hdr) {
    markMalformed(ctx, node, 'PPP', 'PPP header truncated', source, start);
    return;
  }
  const proto = u16(b, start + hdr - 2);
  const known = protocolNames.get(proto);
  if (node) {
    if (framed) {
      addField(node, f.address, source, start, 1, 0xff);
      addField(node, f.control, source, start + 1, 1, b[start + 1] as number);
    }
    const name = known?.[0] ?? 'Unknown';
    addField(node, f.protocol, source, start + hdr - 2, 2, proto, {
      display: `${name} (0x${proto.toString(16).padStart(4, '0')})`,
    });
  }
  const next = known === undefined ? undefined : etherTypeTable.get(known[1]);
  if (next === undefined) {
    ctx.protocols.push('data');
    return;
  }
  next(ctx, source, start + hdr, end);
}
