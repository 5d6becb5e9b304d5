/**
 * What each capture-record and link-layer field means, for hovers and tooltips: frame,
 * Ethernet, 802.1Q/802.1ad tags, Linux cooked capture (SLL, SLL2), BSD loopback, PPP,
 * plus the generic data and malformed-packet items. Plain text, keyed by the Wireshark
 * filter names the dissectors register (src/core/dissect/*.ts).
 */

export const linkFieldHelp: Readonly<Record<string, string>> = {
  // The protocol items.
  frame: 'One captured packet: the capture record (time, lengths, interface) around the bytes.',
  eth: 'Ethernet II (or IEEE 802.3) frame header: destination and source MAC addresses and the EtherType.',
  vlan: 'IEEE 802.1Q VLAN tag: priority, drop eligibility and VLAN ID, then the next EtherType.',
  ieee8021ad: 'IEEE 802.1ad service tag (Q-in-Q): the outer VLAN tag of a provider network.',
  sll: 'Linux cooked capture header (capture on "any" interface): packet direction, address and protocol instead of a link header.',
  null: 'BSD loopback header: a 4-byte address family in the capturing host byte order.',
  ppp: 'Point-to-Point Protocol header. RFC 1661 §2',
  raw: 'Raw IP: the capture has no link-layer header; the packet starts with the IP header.',
  data: 'Bytes that no dissector decoded.',
  '_ws.short':
    'The capture kept only the first bytes of this packet (the snapshot length), so later fields are missing.',
  '_ws.expert': 'An expert note about something unusual or wrong in the packet.',
  '_ws.expert.severity': 'How serious the expert note is: chat, note, warning or error.',
  '_ws.expert.group': 'What kind of problem the expert note is about, e.g. malformed or protocol.',
  '_ws.string.trailing_stray_characters':
    'A text field ends at a NUL byte but more bytes follow it inside the field: they are not shown as text.',

  // The capture record (not bytes of the packet).
  'frame.number': 'Position of this packet in the capture file, counting from 1.',
  'frame.interface_id':
    'Index of the capture interface the packet was recorded on (pcapng Interface Description Block).',
  'frame.time': 'When the packet was captured, as recorded in the capture file.',
  'frame.time_epoch': 'Capture time as seconds since 1970-01-01 00:00:00 UTC.',
  'frame.time_delta': 'Seconds since the previous captured packet.',
  'frame.time_relative': 'Seconds since the first packet of the capture.',
  'frame.len': 'Length of the packet on the wire, in bytes.',
  'frame.cap_len':
    'Number of bytes actually saved in the capture; smaller than the frame length when the snapshot length cut the packet.',
  'frame.protocols': 'The protocols found in this packet, outermost first.',

  // Ethernet (IEEE 802.3).
  'eth.dst': 'Destination MAC address of the Ethernet frame.',
  'eth.src': 'Source MAC address of the Ethernet frame.',
  'eth.addr': 'Either MAC address (source or destination); for filters.',
  'eth.type':
    'EtherType: the protocol carried, e.g. 0x0800 IPv4, 0x86dd IPv6, 0x8100 802.1Q VLAN tag.',
  'eth.len': 'IEEE 802.3 length field (values up to 1500 give a length, not an EtherType).',
  'eth.padding':
    'Bytes added to reach the 60-byte Ethernet minimum frame size; not part of the payload.',
  'eth.ig':
    'Individual/Group bit of a MAC address: 1 for multicast or broadcast, 0 for a single station.',
  'eth.lg':
    'Local/Global bit of a MAC address: 1 for a locally administered address, 0 for a vendor-assigned one.',
  'eth.dst.ig': 'Individual/Group bit of the destination: 1 for multicast or broadcast.',
  'eth.dst.lg': 'Local/Global bit of the destination: 1 for a locally administered address.',
  'eth.src.ig': 'Individual/Group bit of the source; should be 0.',
  'eth.src.lg':
    'Local/Global bit of the source: 1 for a locally administered (for example random) address.',

  // VLAN tags (IEEE 802.1Q, 802.1ad).
  'vlan.priority': 'IEEE 802.1Q priority code point (0 to 7), the frame class of service.',
  'vlan.dei':
    'IEEE 802.1Q drop eligible indicator: the frame may be dropped first under congestion.',
  'vlan.id': 'IEEE 802.1Q VLAN identifier (1 to 4094).',
  'vlan.etype': 'EtherType of the protocol after the 802.1Q tag.',
  'ieee8021ad.priority': 'IEEE 802.1ad service tag priority (0 to 7).',
  'ieee8021ad.dei': 'IEEE 802.1ad service tag drop eligible indicator.',
  'ieee8021ad.id': 'IEEE 802.1ad service VLAN identifier (the outer tag of Q-in-Q).',
  'ieee8021ah.etype': 'EtherType of the protocol after the 802.1ad service tag.',

  // Linux cooked capture (tcpdump LINKTYPE_LINUX_SLL and SLL2).
  'sll.pkttype':
    'Linux packet type: 0 to us, 1 broadcast, 2 multicast, 3 to another host, 4 sent by us.',
  'sll.hatype':
    'Linux ARPHRD link-layer address type of the interface, e.g. 1 Ethernet, 772 loopback.',
  'sll.halen': 'Length of the link-layer source address.',
  'sll.src.eth': 'Link-layer (MAC) source address of the packet.',
  'sll.src.other': 'Link-layer source address of a non-Ethernet interface.',
  'sll.unused': 'Unused bytes of the 8-byte address field.',
  'sll.etype': 'EtherType of the protocol carried, e.g. 0x0800 IPv4.',
  'sll.ltype': 'Linux protocol number for payloads that are not identified by an EtherType.',
  'sll.ifindex': 'Linux interface index the packet was seen on (SLL2 only).',

  // BSD loopback, PPP.
  'null.family':
    'BSD loopback address family of the payload, e.g. 2 IPv4; IPv6 differs by system (24, 28, 30).',
  'ppp.address': 'PPP address field, always 0xff. RFC 1662 §3.1',
  'ppp.control': 'PPP control field, always 0x03. RFC 1662 §3.1',
  'ppp.protocol': 'PPP protocol of the payload, e.g. 0x0021 IPv4, 0x0057 IPv6. RFC 1661 §2',

  // Generic.
  'data.data': 'Payload bytes that no dissector decoded.',
  'data.len': 'Length of the undecoded payload.',
  '_ws.malformed':
    'The packet ended early or held a value no decoder accepts; fields before the problem are still shown.',
  '_ws.expert.message': 'An expert note about something unusual or wrong in the packet.',
};
