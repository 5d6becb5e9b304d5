/**
 * What each network- and transport-layer field means, for hovers and tooltips: IPv4,
 * IPv6 (with extension headers and fragments), AH, UDP and TCP (with DNSpector's stream
 * reassembly). Plain text ending with the defining RFC section, keyed by the Wireshark
 * filter names the dissectors register (src/core/dissect/*.ts).
 */

export const ipFieldHelp: Readonly<Record<string, string>> = {
  // The protocol items.
  ip: 'Internet Protocol version 4 header. RFC 791 §3.1',
  ipv6: 'Internet Protocol version 6 header. RFC 8200 §3',
  'ipv6.hopopts':
    'IPv6 Hop-by-Hop Options header, examined by every router on the path. RFC 8200 §4.3',
  'ipv6.routing': 'IPv6 Routing header: intermediate nodes to visit. RFC 8200 §4.4',
  'ipv6.dstopts':
    'IPv6 Destination Options header, examined only by the destination. RFC 8200 §4.6',
  'ipv6.fraghdr':
    'IPv6 Fragment header: this packet is one fragment of a larger one. RFC 8200 §4.5',
  ah: 'IPsec Authentication Header: integrity and origin authentication of the packet. RFC 4302 §2',
  udp: 'User Datagram Protocol header: ports, length and checksum. RFC 768',
  tcp: 'Transmission Control Protocol header. RFC 9293 §3.1',

  // IPv4 (RFC 791 §3.1).
  'ip.version': 'IP version: 4 for IPv4, 6 for IPv6. RFC 791 §3.1',
  'ip.hdr_len':
    'IPv4 header length in bytes (the field counts 32-bit words); 20 without options. RFC 791 §3.1',
  'ip.dsfield':
    'Differentiated Services field (formerly Type of Service): DSCP and ECN. RFC 2474 §3, RFC 3168 §5',
  'ip.dsfield.dscp':
    'DSCP: the per-hop forwarding class asked for, e.g. 0 default, 46 expedited forwarding. RFC 2474 §3',
  'ip.dsfield.ecn':
    'ECN: 0 not ECN-capable, 1 or 2 ECN-capable, 3 congestion experienced. RFC 3168 §5',
  'ip.len': 'IPv4 total length: header plus data, in bytes. RFC 791 §3.1',
  'ip.id': 'IPv4 identification: groups the fragments of one datagram. RFC 791 §3.1',
  'ip.flags': "IPv4 flags: reserved, Don't Fragment and More Fragments bits. RFC 791 §3.1",
  'ip.flags.rb': 'Reserved IPv4 flag bit; must be zero. RFC 791 §3.1',
  'ip.flags.df':
    "Don't Fragment: routers must drop the datagram rather than fragment it (used for path MTU discovery). RFC 791 §3.1",
  'ip.flags.mf': 'More Fragments: further fragments of this datagram follow. RFC 791 §3.1',
  'ip.frag_offset':
    'Fragment offset: where this fragment data belongs in the original datagram, in bytes. RFC 791 §3.1',
  'ip.ttl':
    'Time to live: decremented by each router; the datagram is dropped at zero. Hints at the sender OS and hop distance. RFC 791 §3.1',
  'ip.proto': 'Protocol of the payload, e.g. 6 TCP, 17 UDP, 1 ICMP. RFC 791 §3.1',
  'ip.checksum': 'IPv4 header checksum (ones complement sum over the header). RFC 791 §3.1',
  'ip.checksum.status':
    'Whether the header checksum was verified (not checked by default, as in Wireshark).',
  'ip.src': 'IPv4 source address. RFC 791 §3.1',
  'ip.dst': 'IPv4 destination address. RFC 791 §3.1',
  'ip.addr': 'Either IPv4 address (source or destination); for filters.',
  'ip.src_host': 'IPv4 source address as text; for filters.',
  'ip.dst_host': 'IPv4 destination address as text; for filters.',
  'ip.host': 'Either IPv4 address as text; for filters.',
  'ip.options': 'IPv4 options between the fixed header and the data. RFC 791 §3.1',
  'ip.fragment': 'One fragment that went into the reassembled IPv4 datagram.',
  'ip.fragments': 'The fragments this IPv4 datagram was reassembled from. RFC 791 §3.2',
  'ip.fragment.count': 'Number of fragments reassembled.',
  'ip.reassembled.data': 'The reassembled IPv4 payload.',
  'ip.reassembled.length': 'Length of the reassembled IPv4 payload.',

  // IPv6 (RFC 8200).
  'ipv6.version': 'IP version: 6. RFC 8200 §3',
  'ipv6.tclass': 'IPv6 traffic class: DSCP and ECN. RFC 8200 §7',
  'ipv6.tclass.dscp': 'DSCP: the per-hop forwarding class asked for. RFC 2474 §3',
  'ipv6.tclass.ecn':
    'ECN: 0 not ECN-capable, 1 or 2 ECN-capable, 3 congestion experienced. RFC 3168 §5',
  'ipv6.flow': 'IPv6 flow label: marks packets of one flow for equal treatment. RFC 6437',
  'ipv6.plen':
    'IPv6 payload length: bytes after the 40-byte header, extension headers included. RFC 8200 §3',
  'ipv6.nxt':
    'Next header: the header after this one, e.g. 6 TCP, 17 UDP, 44 Fragment, 0 Hop-by-Hop. RFC 8200 §3',
  'ipv6.hlim': 'Hop limit: decremented by each router; the packet is dropped at zero. RFC 8200 §3',
  'ipv6.src': 'IPv6 source address. RFC 8200 §3',
  'ipv6.dst': 'IPv6 destination address. RFC 8200 §3',
  'ipv6.addr': 'Either IPv6 address (source or destination); for filters.',
  'ipv6.src_host': 'IPv6 source address as text; for filters.',
  'ipv6.dst_host': 'IPv6 destination address as text; for filters.',
  'ipv6.host': 'Either IPv6 address as text; for filters.',
  'ipv6.hopopts.nxt': 'Next header after the Hop-by-Hop Options header. RFC 8200 §4.3',
  'ipv6.hopopts.len':
    'Hop-by-Hop Options header length in 8-byte units, not counting the first 8. RFC 8200 §4.3',
  'ipv6.hopopts.len_oct': 'Hop-by-Hop Options header length in bytes. RFC 8200 §4.3',
  'ipv6.dstopts.nxt': 'Next header after the Destination Options header. RFC 8200 §4.6',
  'ipv6.dstopts.len':
    'Destination Options header length in 8-byte units, not counting the first 8. RFC 8200 §4.6',
  'ipv6.dstopts.len_oct': 'Destination Options header length in bytes. RFC 8200 §4.6',
  'ipv6.routing.nxt': 'Next header after the Routing header. RFC 8200 §4.4',
  'ipv6.routing.len':
    'Routing header length in 8-byte units, not counting the first 8. RFC 8200 §4.4',
  'ipv6.routing.len_oct': 'Routing header length in bytes. RFC 8200 §4.4',
  'ipv6.routing.type': 'Routing header type, e.g. 4 Segment Routing. RFC 8200 §4.4',
  'ipv6.routing.segleft': 'Segments left: route segments still to visit. RFC 8200 §4.4',
  'ipv6.fraghdr.nxt': 'Next header of the fragmented payload. RFC 8200 §4.5',
  'ipv6.fraghdr.reserved_octet': 'Reserved byte of the Fragment header; zero. RFC 8200 §4.5',
  'ipv6.fraghdr.offset':
    'Fragment offset: where this fragment data belongs in the original packet, in bytes. RFC 8200 §4.5',
  'ipv6.fraghdr.reserved_bits': 'Reserved bits of the Fragment header; zero. RFC 8200 §4.5',
  'ipv6.fraghdr.more': 'M flag: more fragments follow. RFC 8200 §4.5',
  'ipv6.fraghdr.ident':
    'Fragment identification: groups the fragments of one packet. RFC 8200 §4.5',
  'ipv6.fragment': 'One fragment that went into the reassembled IPv6 packet.',
  'ipv6.fragments': 'The fragments this IPv6 packet was reassembled from. RFC 8200 §4.5',
  'ipv6.fragment.count': 'Number of fragments reassembled.',
  'ipv6.reassembled.data': 'The reassembled IPv6 payload.',
  'ipv6.reassembled.length': 'Length of the reassembled IPv6 payload.',

  // IPsec Authentication Header (RFC 4302 §2).
  'ah.next_header': 'Next header after the Authentication Header. RFC 4302 §2.1',
  'ah.length': 'AH length in 32-bit words, minus 2. RFC 4302 §2.2',
  'ah.spi': 'Security Parameters Index: identifies the security association. RFC 4302 §2.4',
  'ah.sequence': 'AH sequence number, for anti-replay. RFC 4302 §2.5',
  'ah.icv': 'Integrity Check Value authenticating the packet. RFC 4302 §2.6',

  // UDP (RFC 768).
  'udp.srcport': 'UDP source port; a DNS client usually picks a random high port. RFC 768',
  'udp.dstport': 'UDP destination port: 53 DNS, 5353 mDNS, 5355 LLMNR. RFC 768',
  'udp.port': 'Either UDP port (source or destination); for filters.',
  'udp.length': 'UDP length: header (8 bytes) plus data. RFC 768',
  'udp.checksum':
    'UDP checksum over a pseudo-header, the UDP header and the data; 0 means none (IPv4 only). RFC 768',
  'udp.checksum.status':
    'Whether the UDP checksum was verified (not checked by default, as in Wireshark).',
  'udp.payload': 'The UDP data.',

  // TCP (RFC 9293 §3.1).
  'tcp.srcport': 'TCP source port. RFC 9293 §3.1',
  'tcp.dstport': 'TCP destination port; 53 for DNS over TCP, 853 for DNS over TLS. RFC 9293 §3.1',
  'tcp.port': 'Either TCP port (source or destination); for filters.',
  'tcp.stream': 'Index of the TCP connection in this capture, counting from 0 (computed).',
  'tcp.seq':
    'Sequence number relative to the first one seen in this direction (computed from the raw number). RFC 9293 §3.1',
  'tcp.seq_raw':
    'Sequence number as on the wire: the position of the first data byte in the byte stream. RFC 9293 §3.1',
  'tcp.nxtseq':
    'Relative sequence number expected in the next segment of this direction (computed).',
  'tcp.ack':
    'Acknowledgment number relative to the peer initial sequence number (computed). RFC 9293 §3.1',
  'tcp.ack_raw':
    'Acknowledgment number as on the wire: the next sequence number the sender expects. RFC 9293 §3.1',
  'tcp.hdr_len':
    'TCP header length in bytes (the data offset counts 32-bit words); 20 without options. RFC 9293 §3.1',
  'tcp.flags': 'TCP control bits. RFC 9293 §3.1',
  'tcp.flags.res': 'Reserved TCP header bits; must be zero. RFC 9293 §3.1',
  'tcp.flags.ae': 'AE bit (formerly the ECN nonce), used by Accurate ECN.',
  'tcp.flags.cwr': 'CWR: the sender reduced its congestion window after an ECN echo. RFC 3168 §6.1',
  'tcp.flags.ece': 'ECE: ECN echo; with SYN, ECN-capable. RFC 3168 §6.1',
  'tcp.flags.urg': 'URG: the urgent pointer is significant. RFC 9293 §3.1',
  'tcp.flags.ack': 'ACK: the acknowledgment number is significant. RFC 9293 §3.1',
  'tcp.flags.push': 'PSH: deliver the data to the application promptly. RFC 9293 §3.1',
  'tcp.flags.reset': 'RST: abort the connection. RFC 9293 §3.1',
  'tcp.flags.syn': 'SYN: synchronize sequence numbers (connection set-up). RFC 9293 §3.1',
  'tcp.flags.fin': 'FIN: the sender has no more data (connection close). RFC 9293 §3.1',
  'tcp.flags.str': 'The TCP flags as one string of letters, one position per bit.',
  'tcp.window_size_value':
    'Receive window as on the wire (before any window scaling). RFC 9293 §3.1',
  'tcp.checksum': 'TCP checksum over a pseudo-header, the TCP header and the data. RFC 9293 §3.1',
  'tcp.checksum.status':
    'Whether the TCP checksum was verified (not checked by default, as in Wireshark).',
  'tcp.urgent_pointer':
    'Urgent pointer: offset of the end of urgent data, when URG is set. RFC 9293 §3.1',
  'tcp.options': 'TCP options, e.g. MSS, window scale, SACK, timestamps. RFC 9293 §3.1',
  'tcp.len': 'Number of data bytes in this segment.',
  'tcp.payload': 'The data bytes of this segment.',
  'tcp.segment_data':
    'Data of this segment that is part of a DNS message completed in a later segment.',
  'tcp.pdu.size': 'Size of the DNS message (with its 2-byte length) that this segment carries.',
  'tcp.segment': 'One segment that went into the reassembled DNS message.',
  'tcp.segments': 'The TCP segments this DNS message was reassembled from.',
  'tcp.segment.count': 'Number of segments reassembled.',
  'tcp.reassembled.data':
    'The reassembled bytes: one DNS message with its 2-byte length prefix. RFC 1035 §4.2.2',
  'tcp.reassembled.length': 'Length of the reassembled data.',
  'tcp.analysis.retransmission':
    'This segment repeats data already seen in this direction (computed).',
  'tcp.analysis.out_of_order':
    'This segment arrived before data that precedes it in the stream (computed).',
};
