/**
 * Hooks the DNS dissector into the dispatch tables (registry.ts): DNS over UDP (the whole
 * datagram) and over TCP (one length-prefixed message). Picks DNS, MDNS (port 5353) or
 * LLMNR (port 5355) as tshark does, records the message for the packet list and sets the
 * Protocol and Info columns. Scan mode with DissectOptions.dnsInfo false takes the summary
 * path (dnsScanSummary.ts: no Info text, record data skipped).
 */
import { appDissectors } from '../dissect/registry';
import type { PacketContext } from '../dissect/packetContext';
import { dissectDnsMessage, type DnsFlavor } from './dnsMessage';
import { summarizeDnsMessage } from './dnsScanSummary';

function flavorOf(ctx: PacketContext, transport: 'udp' | 'tcp'): DnsFlavor {
  if (transport !== 'udp') return 'dns';
  const { srcPort, dstPort } = ctx.net;
  if (srcPort === 5353 || dstPort === 5353) return 'mdns';
  if (srcPort === 5355 || dstPort === 5355) return 'llmnr';
  return 'dns';
}

const protocolColumn: Readonly<Record<DnsFlavor, string>> = {
  dns: 'DNS',
  mdns: 'MDNS',
  llmnr: 'LLMNR',
};

function run(
  ctx: PacketContext,
  source: number,
  start: number,
  end: number,
  transport: 'udp' | 'tcp',
): void {
  const flavor = flavorOf(ctx, transport);
  const summary = ctx.tree === null && ctx.state.options.dnsInfo === false;
  const info = summary
    ? summarizeDnsMessage(ctx, source, start, end, transport, flavor)
    : dissectDnsMessage(ctx, source, start, end, transport, flavor);
  if (!info) return;
  ctx.protocols.push(flavor);
  ctx.dns.push(info);
  ctx.column.protocol = protocolColumn[flavor];
  ctx.column.info = info.info;
}

export function registerDns(): void {
  appDissectors.dnsUdp = (ctx, source, start, end) => run(ctx, source, start, end, 'udp');
  appDissectors.dnsTcp = (ctx, source, start, end) => run(ctx, source, start, end, 'tcp');
}
