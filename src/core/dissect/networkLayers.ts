/**
 * Registers the network layers in the dispatch tables: link types, ethertypes, BSD
 * loopback families and IP protocols. Called once by dissectors.ts, next to registerDns().
 */
import { LinkType } from '../capture/captureRecord';
import { EtherType } from './etherType';
import { dissectEthernet, dissectIeee8021ad, dissectVlan } from './ethernet';
import { dissectIpv4 } from './ipv4';
import { dissectIpv6 } from './ipv6';
import { dissectLoop, dissectNull } from './nullLoopback';
import { dissectPpp } from './ppp';
import { dissectRaw, dissectRawIpv4, dissectRawIpv6 } from './rawIp';
import { etherTypeTable, ipProtoTable, linkTypeTable, nullFamilyTable } from './registry';
import { dissectSll, dissectSll2 } from './sll';
import { dissectTcp } from './tcp';
import { dissectUdp } from './udp';

/** PPP in HDLC-like framing (tcpdump.org linktypes), not in captureRecord's LinkType list. */
const LINKTYPE_PPP_HDLC = 50;

export function registerNetworkLayers(): void {
  linkTypeTable.set(LinkType.NULL, dissectNull);
  linkTypeTable.set(LinkType.ETHERNET, dissectEthernet);
  linkTypeTable.set(LinkType.PPP, dissectPpp);
  linkTypeTable.set(LINKTYPE_PPP_HDLC, dissectPpp);
  linkTypeTable.set(LinkType.RAW, dissectRaw);
  linkTypeTable.set(LinkType.LOOP, dissectLoop);
  linkTypeTable.set(LinkType.LINUX_SLL, dissectSll);
  linkTypeTable.set(LinkType.IPV4, dissectRawIpv4);
  linkTypeTable.set(LinkType.IPV6, dissectRawIpv6);
  linkTypeTable.set(LinkType.LINUX_SLL2, dissectSll2);

  etherTypeTable.set(EtherType.IPV4, dissectIpv4);
  etherTypeTable.set(EtherType.IPV6, dissectIpv6);
  etherTypeTable.set(EtherType.VLAN, dissectVlan);
  etherTypeTable.set(EtherType.QINQ_OLD, dissectVlan);
  etherTypeTable.set(EtherType.QINQ, dissectIeee8021ad);

  nullFamilyTable.set(2, dissectIpv4);
  for (const inet6 of [10, 24, 28, 30]) nullFamilyTable.set(inet6, dissectIpv6);

  ipProtoTable.set(6, dissectTcp);
  ipProtoTable.set(17, dissectUdp);
}
