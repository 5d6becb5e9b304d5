/**
 * What each DNS field means, for hovers and tooltips: plain text, one to three sentences,
 * ending with the defining RFC section where one applies. Keyed by Wireshark's filter
 * names (src/core/dns/dnsFields.ts). Written by hand from the RFCs: Wireshark's own field
 * blurbs are mostly empty or repeat the label, so there is no table to borrow.
 *
 * The same names serve DNS, mDNS and LLMNR, and in UPDATE messages (opcode 5) the four
 * sections are renamed Zone, Prerequisite, Update and Additional (RFC 2136 §2.2), so some
 * texts say what the field means in each.
 */

export const dnsFieldHelp: Readonly<Record<string, string>> = {
  // The protocol items (one per message).
  dns: 'Domain Name System message: a header, then the question, answer, authority and additional sections. RFC 1035 §4.1',
  mdns: 'Multicast DNS message (UDP port 5353): DNS-format queries and answers on the local link without a server. RFC 6762',
  llmnr:
    'Link-Local Multicast Name Resolution message (UDP port 5355): DNS-format name resolution on the local link. RFC 4795',

  // Header (RFC 1035 §4.1.1) and TCP framing.
  'dns.length':
    'Length in bytes of the DNS message that follows; over TCP every message is prefixed with this two-byte length. RFC 1035 §4.2.2',
  'dns.id':
    'Transaction ID chosen by the client and copied into the response, so the client can match replies to outstanding queries. RFC 1035 §4.1.1',
  'dns.flags':
    'The 16 header bits after the ID: QR, Opcode, AA, TC, RD, RA, Z, AD, CD and the 4-bit RCODE. RFC 1035 §4.1.1',
  'dns.flags.response': 'QR bit: 0 for a query, 1 for a response. RFC 1035 §4.1.1',
  'dns.flags.opcode':
    'Kind of query: 0 standard query, 1 inverse query (obsolete), 2 server status, 4 NOTIFY (RFC 1996), 5 UPDATE (RFC 2136), 6 DSO (RFC 8490). RFC 1035 §4.1.1',
  'dns.flags.authoritative':
    'AA bit: set in a response when the answering server is an authority for the zone of the question name. RFC 1035 §4.1.1',
  'dns.flags.conflict':
    'LLMNR C bit (the AA position): in a query, the sender saw a conflict for the name; in a response, the name may not be unique. RFC 4795 §2.1.1',
  'dns.flags.truncated':
    'TC bit: the message was cut to fit the transport (usually the UDP size limit); the client should retry over TCP. RFC 1035 §4.1.1',
  'dns.flags.recdesired':
    'RD bit: the client asks the server to pursue the query recursively (resolve it fully on its behalf); copied into the response. RFC 1035 §4.1.1',
  'dns.flags.tentative':
    'LLMNR T bit (the RD position): the responder has not yet confirmed that the name is unique to it. RFC 4795 §2.1.1',
  'dns.flags.recavail':
    'RA bit: set in a response when the server supports recursive queries. RFC 1035 §4.1.1',
  'dns.flags.z': 'Reserved header bit; must be zero in queries and responses. RFC 1035 §4.1.1',
  'dns.flags.authenticated':
    'AD bit: in a response, the server validated all answer and authority data with DNSSEC; in a query, asks to be told so. RFC 4035 §3.2.3, RFC 6840 §5.7',
  'dns.flags.checkdisable':
    'CD bit: the client asks the server not to perform DNSSEC validation and to return the data even if it fails to validate. RFC 4035 §3.2.2',
  'dns.flags.rcode':
    'Response code (low 4 bits): 0 NoError, 1 FormErr, 2 ServFail, 3 NXDomain, 4 NotImp, 5 Refused; EDNS extends it to 12 bits with the OPT record. RFC 1035 §4.1.1',

  // Section counts (RFC 1035 §4.1.1; UPDATE names from RFC 2136 §2.2).
  'dns.count.queries':
    'QDCOUNT: number of entries in the question section (almost always 1). RFC 1035 §4.1.1',
  'dns.count.zones':
    'ZOCOUNT: in an UPDATE message, number of records in the zone section (must be 1). RFC 2136 §2.2',
  'dns.count.answers': 'ANCOUNT: number of resource records in the answer section. RFC 1035 §4.1.1',
  'dns.count.prerequisites':
    'PRCOUNT: in an UPDATE message, number of records in the prerequisite section. RFC 2136 §2.2',
  'dns.count.auth_rr':
    'NSCOUNT: number of name server (authority) records in the authority section. RFC 1035 §4.1.1',
  'dns.count.updates':
    'UPCOUNT: in an UPDATE message, number of records in the update section. RFC 2136 §2.2',
  'dns.count.add_rr':
    'ARCOUNT: number of records in the additional section, including an EDNS OPT record if present. RFC 1035 §4.1.1',
  'dns.count.labels':
    'Number of labels in the name (computed, not on the wire); the root name has none. RFC 1035 §3.1',

  // Question (RFC 1035 §4.1.2); zone section of UPDATE (RFC 2136 §2.3).
  'dns.qry.name':
    'QNAME: the domain name asked about (in an UPDATE, the zone name), as a sequence of labels, possibly compressed. RFC 1035 §4.1.2',
  'dns.qry.name.len':
    'Length of the question name in presentation form (computed, not on the wire). RFC 1035 §4.1.2',
  'dns.qry.type':
    'QTYPE: the record type asked for, e.g. 1 A, 28 AAAA, 15 MX, 255 ANY; in an UPDATE zone section always SOA. RFC 1035 §4.1.2',
  'dns.qry.class':
    'QCLASS: the class asked for, almost always 1 IN (Internet). In mDNS the top bit is the unicast-response bit, not part of the class. RFC 1035 §4.1.2',
  'dns.qry.qu':
    'mDNS QU bit (top bit of the question class): the querier asks for a unicast response instead of a multicast one. RFC 6762 §5.4, §18.12',

  // Resource records (RFC 1035 §4.1.3).
  'dns.resp.name':
    'Owner name of the resource record: the domain name the record belongs to (the root for an EDNS OPT record). RFC 1035 §4.1.3',
  'dns.resp.type':
    'TYPE of the resource record, which says how to read its data, e.g. 1 A, 5 CNAME, 28 AAAA, 41 OPT. RFC 1035 §4.1.3',
  'dns.resp.class':
    'CLASS of the resource record, almost always 1 IN. In UPDATE prerequisites and updates, ANY (255) and NONE (254) have special meanings (RFC 2136 §2.4, §2.5). RFC 1035 §4.1.3',
  'dns.resp.cache_flush':
    'mDNS cache-flush bit (top bit of the record class): this record replaces all cached records of this name, type and class rather than adding to them. RFC 6762 §10.2, §18.13',
  'dns.resp.ttl':
    'TTL: how many seconds the record may be cached before it must be fetched again; 0 means do not cache. RFC 1035 §4.1.3, RFC 2181 §8',
  'dns.ttl.high_bit_set':
    'The TTL has its top bit set; TTLs are limited to 2^31 - 1 and such values should be treated as zero. RFC 2181 §8',
  'dns.resp.len': 'RDLENGTH: length in bytes of the record data that follows. RFC 1035 §4.1.3',
  'dns.data':
    'Record data shown as raw bytes: a type or class this dissector does not decode. RFC 1035 §4.1.3',

  // EDNS(0) OPT pseudo-record (RFC 6891).
  'dns.rr.udp_payload_size':
    'EDNS requestor UDP payload size (the OPT record CLASS field): the largest UDP response the sender can reassemble and accept. RFC 6891 §6.2.3',
  'dns.resp.ext_rcode':
    'EDNS extended RCODE: the upper 8 bits of the 12-bit response code; the lower 4 bits are the header RCODE (e.g. 1 here makes 16 BADVERS). RFC 6891 §6.1.3',
  'dns.resp.edns0_version':
    'EDNS version the sender implements; 0 is the only one defined. A server answers a higher version with BADVERS. RFC 6891 §6.1.3',
  'dns.resp.z':
    'EDNS flags: the 16 low bits of the OPT record TTL; only the top bit (DO) is defined. RFC 6891 §6.1.4',
  'dns.resp.z.do':
    'DO bit (DNSSEC OK): the sender can handle DNSSEC records, so the server should include RRSIG, NSEC and similar records. RFC 3225 §3, RFC 6891 §6.1.4',
  'dns.resp.z.reserved':
    'The other 15 EDNS flag bits: reserved, set to zero by senders and ignored by receivers. RFC 6891 §6.1.4',
  'dns.rr.opt.bad_length':
    'The option is longer than any IP address it should carry: malformed option. RFC 7871 §6',
  'dns.opt':
    'One EDNS option in the OPT record data: a code, a length and option-specific data. RFC 6891 §6.1.2',
  'dns.opt.code':
    'EDNS option code, e.g. 8 Client Subnet, 10 Cookie, 11 TCP keepalive, 12 Padding, 15 Extended DNS Error. RFC 6891 §6.1.2',
  'dns.opt.len': 'Length in bytes of this EDNS option data. RFC 6891 §6.1.2',
  'dns.opt.data': 'EDNS option data shown as raw bytes. RFC 6891 §6.1.2',
  'dns.opt.dau': 'DAU option: a DNSSEC signing algorithm the client understands. RFC 6975',
  'dns.opt.dhu': 'DHU option: a DS hash (digest) algorithm the client understands. RFC 6975',
  'dns.opt.n3u': 'N3U option: an NSEC3 hash algorithm the client understands. RFC 6975',
  'dns.opt.client.family':
    'EDNS Client Subnet address family: 1 IPv4, 2 IPv6 (IANA address family numbers). RFC 7871 §6',
  'dns.opt.client.netmask':
    'EDNS Client Subnet source prefix length: how many leading bits of the client address are given. RFC 7871 §6',
  'dns.opt.client.scope':
    'EDNS Client Subnet scope prefix length: in a response, how many leading bits of the address the answer is valid for; must be 0 in queries. RFC 7871 §6',
  'dns.opt.client.addr':
    'EDNS Client Subnet address (prefix), truncated to the source prefix length; used by servers to tailor answers to the client network. RFC 7871 §6',
  'dns.opt.client.addr4':
    'EDNS Client Subnet IPv4 address prefix, truncated to the source prefix length. RFC 7871 §6',
  'dns.opt.client.addr6':
    'EDNS Client Subnet IPv6 address prefix, truncated to the source prefix length. RFC 7871 §6',
  'dns.opt.cookie.client':
    'DNS Cookie client cookie: 8 bytes the client derives from its address, the server address and a secret, to recognize genuine responses. RFC 7873 §4.1',
  'dns.opt.cookie.server':
    'DNS Cookie server cookie: 8 to 32 bytes the server returns and the client echoes later, proving it received an earlier response. RFC 7873 §4.2, RFC 9018',
  'dns.opt.edns_tcp_keepalive.timeout':
    'edns-tcp-keepalive timeout, in units of 100 ms: how long the server will keep an idle TCP connection open; empty in queries. RFC 7828 §3.1',
  'dns.opt.padding':
    'EDNS Padding: filler bytes (normally zero) that hide the true message size on encrypted transports. RFC 7830 §3',
  'dns.opt.chain.fqdn':
    'CHAIN option closest trust point: the name from which the client already has a validated DNSSEC chain. RFC 7901',
  'dns.opt.ext_error.info_code':
    'Extended DNS Error INFO-CODE: why a query failed or was altered, e.g. 6 DNSSEC Bogus, 15 Blocked, 18 Prohibited, 22 No Reachable Authority. RFC 8914 §2, §4',
  'dns.opt.ext_error.extra_text':
    'Extended DNS Error EXTRA-TEXT: optional free-form UTF-8 text for people, not for parsing. RFC 8914 §2',
  'dns.undecoded.type':
    'An EDNS option this dissector does not decode; its data is shown as bytes. RFC 6891 §6.1.2',

  // Record data, RFC 1035 types.
  'dns.a': 'A record: an IPv4 address of the owner name. RFC 1035 §3.4.1',
  'dns.aaaa': 'AAAA record: an IPv6 address of the owner name. RFC 3596 §2.2',
  'dns.cname':
    'CNAME: the canonical name for which the owner name is an alias; resolvers restart the lookup at this name. RFC 1035 §3.3.1',
  'dns.ns': 'NS: a host that is an authoritative name server for the owner zone. RFC 1035 §3.3.11',
  'dns.ptr.domain_name':
    'PTR: the domain name the owner points to, mostly the host name for a reverse lookup under in-addr.arpa or ip6.arpa. RFC 1035 §3.3.12',
  'dns.mx.preference':
    'MX preference: lower values are tried first among the mail exchangers of the domain. RFC 1035 §3.3.9',
  'dns.mx.mail_exchange':
    'MX exchange: a host willing to act as mail exchange for the owner name. RFC 1035 §3.3.9',
  'dns.txt':
    'TXT: one character-string of descriptive text (SPF, DKIM and domain verification records use it). RFC 1035 §3.3.14',
  'dns.txt.length': 'Length byte of one TXT character-string (0 to 255). RFC 1035 §3.3.14',
  'dns.soa.mname':
    'SOA MNAME: the name server that was the original or primary source of data for the zone. RFC 1035 §3.3.13',
  'dns.soa.rname':
    'SOA RNAME: mailbox of the person responsible for the zone, with the first dot standing for the @. RFC 1035 §3.3.13',
  'dns.soa.serial_number':
    'SOA SERIAL: version number of the zone, increased on each change; secondaries compare it to decide whether to transfer. RFC 1035 §3.3.13, RFC 1982',
  'dns.soa.refresh_interval':
    'SOA REFRESH: seconds a secondary waits before checking the primary for a newer serial. RFC 1035 §3.3.13',
  'dns.soa.retry_interval':
    'SOA RETRY: seconds a secondary waits before retrying a failed refresh. RFC 1035 §3.3.13',
  'dns.soa.expire_limit':
    'SOA EXPIRE: seconds after which a secondary that cannot refresh stops answering for the zone. RFC 1035 §3.3.13',
  'dns.soa.minimum_ttl':
    'SOA MINIMUM: now the TTL for caching negative answers (NXDOMAIN, NODATA) from this zone. RFC 2308 §4, RFC 1035 §3.3.13',
  'dns.md': 'MD (obsolete, use MX): a host that delivers mail for the domain. RFC 1035 §3.3.4',
  'dns.mf': 'MF (obsolete, use MX): a host that forwards mail for the domain. RFC 1035 §3.3.5',
  'dns.mb': 'MB (experimental): a host that has the given mailbox. RFC 1035 §3.3.3',
  'dns.mg': 'MG (experimental): a mailbox that is a member of the mail group. RFC 1035 §3.3.6',
  'dns.mr':
    'MR (experimental): a mailbox that is the proper rename of the owner mailbox. RFC 1035 §3.3.8',
  'dns.minfo.r':
    'MINFO RMAILBX (experimental): mailbox responsible for the mailing list or mailbox. RFC 1035 §3.3.7',
  'dns.minfo.e':
    'MINFO EMAILBX (experimental): mailbox that receives error messages about the list. RFC 1035 §3.3.7',
  'dns.null': 'NULL (experimental): up to 65535 bytes of anything. RFC 1035 §3.3.10',
  'dns.hinfo.cpu': 'HINFO CPU: the host hardware type. RFC 1035 §3.3.2',
  'dns.hinfo.cpu_length': 'Length of the HINFO CPU string. RFC 1035 §3.3.2',
  'dns.hinfo.os':
    'HINFO OS: the host operating system (RFC 8482 answers ANY queries with a synthetic HINFO). RFC 1035 §3.3.2',
  'dns.hinfo.os_length': 'Length of the HINFO OS string. RFC 1035 §3.3.2',
  'dns.wks.address':
    'WKS (obsolete): the IPv4 address the service list applies to. RFC 1035 §3.4.2',
  'dns.wks.protocol': 'WKS (obsolete): the IP protocol number, e.g. 6 TCP, 17 UDP. RFC 1035 §3.4.2',
  'dns.wks.bits':
    'WKS (obsolete): a bit map with one bit per port that has a service. RFC 1035 §3.4.2',

  // SRV, NAPTR.
  'dns.srv.service':
    'SRV service label from the owner name (e.g. _ldap), naming the service offered. RFC 2782',
  'dns.srv.proto': 'SRV protocol label from the owner name, e.g. _tcp or _udp. RFC 2782',
  'dns.srv.name': 'SRV domain: the owner name below the service and protocol labels. RFC 2782',
  'dns.srv.priority': 'SRV priority: clients try targets with the lowest priority first. RFC 2782',
  'dns.srv.weight':
    'SRV weight: among targets of equal priority, the relative share of load each should get. RFC 2782',
  'dns.srv.port': 'SRV port: the TCP or UDP port of the service on the target host. RFC 2782',
  'dns.srv.target':
    'SRV target: the host name providing the service; "." means the service is not available here. RFC 2782',
  'dns.naptr.order':
    'NAPTR order: records are processed in ascending order; lower first. RFC 3403 §4.1',
  'dns.naptr.preference':
    'NAPTR preference: among records of equal order, which to try first. RFC 3403 §4.1',
  'dns.naptr.flags':
    'NAPTR flags: control rewriting, e.g. S (next lookup is SRV), A (address), U (URI), P (protocol specific). RFC 3403 §4.1',
  'dns.naptr.flags_length': 'Length of the NAPTR flags string. RFC 3403 §4.1',
  'dns.naptr.service':
    'NAPTR services: the protocols and services available via this rewrite path, e.g. E2U+sip. RFC 3403 §4.1',
  'dns.naptr.service_length': 'Length of the NAPTR services string. RFC 3403 §4.1',
  'dns.naptr.regex':
    'NAPTR regexp: substitution expression applied to the client string to produce the next name or URI. RFC 3403 §4.1',
  'dns.naptr.regex_length': 'Length of the NAPTR regexp string. RFC 3403 §4.1',
  'dns.naptr.replacement':
    'NAPTR replacement: the next domain name to query, used when the regexp is empty. RFC 3403 §4.1',
  'dns.naptr.replacement_length': 'Length of the NAPTR replacement name. RFC 3403 §4.1',

  // DNSSEC (RFC 4034, 5155).
  'dns.rrsig.type_covered':
    'RRSIG type covered: the type of the record set this signature signs. RFC 4034 §3.1.1',
  'dns.rrsig.algorithm':
    'RRSIG algorithm: the signing algorithm, e.g. 8 RSASHA256, 13 ECDSAP256SHA256, 15 Ed25519. RFC 4034 §3.1.2',
  'dns.rrsig.labels':
    'RRSIG labels: number of labels in the original owner name, not counting the root or a leading wildcard; shows whether a wildcard was expanded. RFC 4034 §3.1.3',
  'dns.rrsig.original_ttl':
    'RRSIG original TTL: the TTL of the signed record set as it appears in the authoritative zone. RFC 4034 §3.1.4',
  'dns.rrsig.signature_expiration':
    'RRSIG signature expiration: the signature must not be used after this time. RFC 4034 §3.1.5',
  'dns.rrsig.signature_inception':
    'RRSIG signature inception: the signature must not be used before this time. RFC 4034 §3.1.5',
  'dns.rrsig.key_tag':
    'RRSIG key tag: identifies the DNSKEY that made the signature. RFC 4034 §3.1.6',
  'dns.rrsig.signers_name':
    "RRSIG signer's name: the zone whose DNSKEY validates this signature. RFC 4034 §3.1.7",
  'dns.rrsig.signature':
    'RRSIG signature: the cryptographic signature over the RRSIG fields and the record set. RFC 4034 §3.1.8',
  'dns.dnskey.flags':
    'DNSKEY flags: bit 7 Zone Key, bit 8 Revoked, bit 15 Secure Entry Point; 256 is a typical ZSK, 257 a KSK. RFC 4034 §2.1.1',
  'dns.dnskey.flags.zone_key':
    'Zone Key bit: the key is a DNS zone key and may sign zone data. RFC 4034 §2.1.1',
  'dns.dnskey.flags.key_revoked':
    'REVOKE bit: the key is revoked as a trust anchor and must not be used. RFC 5011 §3',
  'dns.dnskey.flags.secure_entry_point':
    'SEP bit: the key is meant as a secure entry point (a key signing key referenced by DS); a hint only. RFC 4034 §2.1.1, RFC 3757',
  'dns.dnskey.flags.reserved': 'Reserved DNSKEY flag bits: must be zero. RFC 4034 §2.1.1',
  'dns.dnskey.protocol': 'DNSKEY protocol: must be 3. RFC 4034 §2.1.2',
  'dns.dnskey.algorithm':
    'DNSKEY algorithm: the public key algorithm, e.g. 8 RSASHA256, 13 ECDSAP256SHA256, 15 Ed25519. RFC 4034 §2.1.3',
  'dns.dnskey.key_id':
    'Key tag computed from this DNSKEY (not on the wire): what RRSIG and DS records use to refer to it. RFC 4034 Appendix B',
  'dns.dnskey.public_key': 'DNSKEY public key material, in the algorithm format. RFC 4034 §2.1.4',
  'dns.key_id_buffer_too_short':
    'The key data is too short to compute a key tag. RFC 4034 Appendix B',
  'dns.ds.key_id':
    'DS key tag: identifies the DNSKEY in the child zone this DS refers to. RFC 4034 §5.1.1',
  'dns.ds.algorithm': 'DS algorithm: the algorithm of the referenced DNSKEY. RFC 4034 §5.1.2',
  'dns.ds.digest_type':
    'DS digest type: the hash used for the digest, e.g. 1 SHA-1, 2 SHA-256, 4 SHA-384. RFC 4034 §5.1.3',
  'dns.ds.digest':
    'DS digest: hash of the owner name and DNSKEY record, linking the parent zone to the child key. RFC 4034 §5.1.4',
  'dns.nsec.next_domain_name':
    'NSEC next domain name: the next owner name in canonical order; no names exist between the owner and this one. RFC 4034 §4.1.1',
  'dns.nsec3.algo': 'NSEC3 hash algorithm: 1 is SHA-1, the only one defined. RFC 5155 §3.1.1',
  'dns.nsec3.flags': 'NSEC3 flags; only the Opt-Out bit is defined. RFC 5155 §3.1.2',
  'dns.nsec3.flags.opt_out':
    'NSEC3 Opt-Out: this record may cover unsigned delegations. RFC 5155 §3.1.2.1',
  'dns.nsec3.iterations':
    'NSEC3 iterations: extra hash rounds applied to names; RFC 9276 recommends 0. RFC 5155 §3.1.3',
  'dns.nsec3.salt_length': 'Length of the NSEC3 salt. RFC 5155 §3.1.4',
  'dns.nsec3.salt_value':
    'NSEC3 salt appended to names before hashing; RFC 9276 recommends none. RFC 5155 §3.1.5',
  'dns.nsec3.hash_length': 'Length of the next hashed owner name. RFC 5155 §3.1.6',
  'dns.nsec3.hash_value':
    'NSEC3 next hashed owner name: the next hash in hash order, proving no name hashes in between. RFC 5155 §3.1.7',
  'dns.nxt.next_domain_name':
    'NXT (obsolete, replaced by NSEC): the next name in the zone. RFC 2535 §5.2',
  'dns.key.flags':
    'KEY flags: usage and name-type bits of the old KEY record, still used for SIG(0) and TKEY. RFC 2535 §3.1.2',
  'dns.key.flags.authentication':
    'KEY A/C bits: whether the key may be used for authentication. RFC 2535 §3.1.2',
  'dns.key.flags.confidentiality':
    'KEY A/C bits: whether the key may be used for confidentiality. RFC 2535 §3.1.2',
  'dns.key.flags.required': 'KEY flag: a key is required. RFC 2535 §3.1.2',
  'dns.key.flags.associated_user':
    'KEY name type: the key is associated with a user or account. RFC 2535 §3.1.2',
  'dns.key.flags.associated_named_entity':
    'KEY name type: the key is associated with the named entity (host or end entity). RFC 2535 §3.1.2',
  'dns.key.flags.ipsec': 'KEY flag: the key may be used with IPsec. RFC 2535 §3.1.2',
  'dns.key.flags.mime':
    'KEY flag: the key may be used with MIME security multiparts. RFC 2535 §3.1.2',
  'dns.key.flags.signatory':
    'KEY signatory field: for zone keys, which updates the key may sign. RFC 2535 §3.1.2',
  'dns.key.protocol': 'KEY protocol, e.g. 3 DNSSEC, 4 IPsec. RFC 2535 §3.1.3',
  'dns.key.algorithm': 'KEY algorithm: the public key algorithm. RFC 2535 §3.2',
  'dns.key.key_id': 'Key tag computed from this KEY (not on the wire). RFC 2535 Appendix C',
  'dns.key.public_key': 'KEY public key material. RFC 2535 §3.1',

  // SVCB / HTTPS (RFC 9460).
  'dns.svcb.svcpriority':
    'SvcPriority: 0 means AliasMode (TargetName is an alias); higher values are ServiceMode endpoints, lower tried first. RFC 9460 §2.4.1',
  'dns.svcb.targetname':
    'TargetName: the host of the service endpoint (or the alias target); "." means the owner name itself. RFC 9460 §2.5',
  'dns.svcb.svcparam':
    'One SvcParam: a key and value giving a parameter of the service endpoint. RFC 9460 §2.2',
  'dns.svcb.svcparam.key':
    'SvcParamKey: 0 mandatory, 1 alpn, 2 no-default-alpn, 3 port, 4 ipv4hint, 5 ech, 6 ipv6hint. RFC 9460 §14.3.2',
  'dns.svcb.svcparam.value.length': 'Length of the SvcParamValue. RFC 9460 §2.2',
  'dns.svcb.svcparam.value': 'SvcParamValue, shown as bytes. RFC 9460 §2.2',
  'dns.svcb.svcparam.mandatory.key':
    'A key the client must understand to use this record. RFC 9460 §8',
  'dns.svcb.svcparam.alpn': 'An ALPN protocol id the endpoint supports, e.g. h2, h3. RFC 9460 §7.1',
  'dns.svcb.svcparam.alpn.length': 'Length of one ALPN protocol id. RFC 9460 §7.1',
  'dns.svcb.svcparam.port':
    'The port the service listens on, instead of the default. RFC 9460 §7.2',
  'dns.svcb.svcparam.ipv4hint.ip':
    'An IPv4 address hint for the target, usable before its A lookup completes. RFC 9460 §7.3',
  'dns.svcb.svcparam.ipv6hint.ip':
    'An IPv6 address hint for the target, usable before its AAAA lookup completes. RFC 9460 §7.3',
  'dns.svcb.svcparam.echconfig':
    'ECH configuration list for TLS Encrypted Client Hello (key 5, ech). RFC 9460 §14.3.2',
  'dns.svcb.svcparam.odohconfig':
    'Oblivious DoH target configuration (a key from an Internet-Draft).',

  // CAA (RFC 8659).
  'dns.caa.flags': 'CAA flags; only bit 0 (Issuer Critical, value 128) is defined. RFC 8659 §4.1',
  'dns.caa.flags.issuer_critical':
    'Issuer Critical: a CA that does not understand this property tag must not issue. RFC 8659 §4.1',
  'dns.caa.tag_length': 'Length of the CAA property tag. RFC 8659 §4.1',
  'dns.caa.tag': 'CAA property tag, e.g. issue, issuewild or iodef. RFC 8659 §4.1',
  'dns.caa.value': 'CAA property value, interpreted according to the tag. RFC 8659 §4.1',
  'dns.caa.issue':
    'CAA issue: a certificate authority allowed to issue certificates for this domain. RFC 8659 §4.2',
  'dns.caa.issuewild':
    'CAA issuewild: a certificate authority allowed to issue wildcard certificates. RFC 8659 §4.3',
  'dns.caa.iodef':
    'CAA iodef: where a CA should report invalid certificate requests. RFC 8659 §4.4',
  'dns.caa.unknown': 'A CAA property with a tag this dissector does not know. RFC 8659 §4.1',

  // Other record types.
  'dns.dname':
    'DNAME: redirects every name below the owner to the same name below this target. RFC 6672 §2.1',
  'dns.a6.prefix_len': 'A6 (historic) prefix length. RFC 2874 §3.1, RFC 6563',
  'dns.a6.address_suffix': 'A6 (historic) address suffix. RFC 2874 §3.1, RFC 6563',
  'dns.a6.prefix_name':
    'A6 (historic) name whose A6 record gives the prefix. RFC 2874 §3.1, RFC 6563',
  'dns.loc.version': 'LOC version; must be 0. RFC 1876 §2',
  'dns.loc.size': 'LOC size: diameter of a sphere enclosing the entity. RFC 1876 §2',
  'dns.loc.horizontal_precision': 'LOC horizontal precision of the position. RFC 1876 §2',
  'dns.loc.vertical_precision': 'LOC vertical precision of the altitude. RFC 1876 §2',
  'dns.loc.latitude': 'LOC latitude of the entity. RFC 1876 §2',
  'dns.loc.longitude': 'LOC longitude of the entity. RFC 1876 §2',
  'dns.loc.altitude': 'LOC altitude of the entity. RFC 1876 §2',
  'dns.loc.unknown_data': 'LOC data of an unknown version, shown as bytes. RFC 1876 §2',
  'dns.kx.preference': 'KX preference: lower values are preferred. RFC 2230',
  'dns.kx.key_exchange': 'KX exchanger: a host that acts as key exchanger for the owner. RFC 2230',
  'dns.cert.type': 'CERT type: the certificate format, e.g. 1 PKIX (X.509), 3 PGP. RFC 4398 §2.1',
  'dns.cert.key_tag': 'CERT key tag of the key in the certificate. RFC 4398 §2',
  'dns.cert.algorithm': 'CERT algorithm of the key in the certificate. RFC 4398 §2',
  'dns.cert.certificate': 'The certificate or CRL. RFC 4398 §2',
  'dns.openpgpkey':
    'OPENPGPKEY: an OpenPGP transferable public key for an email address. RFC 7929 §2',
  'dns.csync.soa': 'CSYNC SOA serial: the child zone serial the request refers to. RFC 7477 §2.1.1',
  'dns.csync.flags': 'CSYNC flags. RFC 7477 §2.1.1',
  'dns.csync.flags.immediate':
    'CSYNC immediate: the parent may process the request without waiting for the serial. RFC 7477 §2.1.1',
  'dns.csync.flags.soaminimum':
    'CSYNC soaminimum: the parent should check the SOA serial before processing. RFC 7477 §2.1.1',
  'dns.csync.type_bitmap':
    'CSYNC type bitmap: the record types to copy from child to parent. RFC 7477 §2.1.1',
  'dns.zonemd.serial':
    'ZONEMD serial: the zone SOA serial the digest was computed for. RFC 8976 §2.2.1',
  'dns.zonemd.scheme': 'ZONEMD scheme: how the zone was serialized; 1 is SIMPLE. RFC 8976 §2.2.2',
  'dns.zonemd.hash_algo': 'ZONEMD hash algorithm: 1 SHA-384, 2 SHA-512. RFC 8976 §2.2.3',
  'dns.zonemd.digest': 'ZONEMD digest of the whole zone contents. RFC 8976 §2.2.4',
  'dns.spf': 'SPF record text (type 99, deprecated; SPF now uses TXT). RFC 7208 §3.1',
  'dns.spf.length': 'Length of one SPF character-string. RFC 7208 §3.1',
  'dns.ilnp.nid.preference': 'ILNP NID preference. RFC 6742 §2.1',
  'dns.ilnp.nid': 'ILNP Node Identifier (64 bits). RFC 6742 §2.1',
  'dns.ilnp.l32.preference': 'ILNP L32 preference. RFC 6742 §2.2',
  'dns.ilnp.l32': 'ILNP 32-bit locator. RFC 6742 §2.2',
  'dns.ilnp.l64.preference': 'ILNP L64 preference. RFC 6742 §2.3',
  'dns.ilnp.l64': 'ILNP 64-bit locator. RFC 6742 §2.3',
  'dns.ilnp.lp.preference': 'ILNP LP preference. RFC 6742 §2.4',
  'dns.ilnp.lp': 'ILNP locator pointer: a name holding L32 or L64 records. RFC 6742 §2.4',
  'dns.eui48': 'EUI48: a 48-bit IEEE extended unique identifier (MAC address). RFC 7043 §3',
  'dns.eui64': 'EUI64: a 64-bit IEEE extended unique identifier. RFC 7043 §4',
  'dns.px.preference': 'PX preference. RFC 2163 §4',
  'dns.px.map822': 'PX MAP822: the RFC 822 part of the X.400 mapping. RFC 2163 §4',
  'dns.px.map400': 'PX MAPX400: the X.400 part of the mapping. RFC 2163 §4',
  'dns.ipseckey.gateway_precedence':
    'IPSECKEY precedence: lower values are preferred. RFC 4025 §2.2',
  'dns.ipseckey.gateway_algorithm': 'IPSECKEY public key algorithm. RFC 4025 §2.4',
  'dns.ipseckey.gateway_type':
    'IPSECKEY gateway type: 0 none, 1 IPv4, 2 IPv6, 3 domain name. RFC 4025 §2.3',
  'dns.ipseckey.gateway_ipv4': 'IPSECKEY IPv4 gateway address. RFC 4025 §2.5',
  'dns.ipseckey.gateway_ipv6': 'IPSECKEY IPv6 gateway address. RFC 4025 §2.5',
  'dns.ipseckey.gateway_dns': 'IPSECKEY gateway domain name. RFC 4025 §2.5',
  'dns.ipseckey.public_key': 'IPSECKEY public key. RFC 4025 §2.6',
  'dns.xpf.ip_version': 'XPF (draft): IP version of the original client packet.',
  'dns.xpf.protocol': 'XPF (draft): transport protocol of the original client packet.',
  'dns.xpf.source_ipv4': 'XPF (draft): original client IPv4 source address.',
  'dns.xpf.destination_ipv4': 'XPF (draft): original IPv4 destination address.',
  'dns.xpf.source_ipv6': 'XPF (draft): original client IPv6 source address.',
  'dns.xpf.destination_ipv6': 'XPF (draft): original IPv6 destination address.',
  'dns.xpf.sport': 'XPF (draft): original client source port.',
  'dns.xpf.dport': 'XPF (draft): original destination port.',
  'dns.tlsa.certificate_usage':
    'TLSA certificate usage: 0 PKIX-TA, 1 PKIX-EE, 2 DANE-TA, 3 DANE-EE. RFC 6698 §2.1.1',
  'dns.tlsa.selector': 'TLSA selector: 0 full certificate, 1 SubjectPublicKeyInfo. RFC 6698 §2.1.2',
  'dns.tlsa.matching_type': 'TLSA matching type: 0 exact, 1 SHA-256, 2 SHA-512. RFC 6698 §2.1.3',
  'dns.tlsa.certificate_association_data':
    'TLSA data matched against the server certificate. RFC 6698 §2.1.4',
  'dns.sshfp.algorithm': 'SSHFP key algorithm, e.g. 1 RSA, 3 ECDSA, 4 Ed25519. RFC 4255 §3.1.1',
  'dns.sshfp.fingerprint.type': 'SSHFP fingerprint type: 1 SHA-1, 2 SHA-256. RFC 4255 §3.1.2',
  'dns.sshfp.fingerprint': 'SSHFP fingerprint of the SSH host key. RFC 4255 §3.1.3',
  'dns.hip.hit.length': 'HIP HIT length. RFC 8005 §5',
  'dns.hip.hit.pk.algo': 'HIP public key algorithm. RFC 8005 §5',
  'dns.hip.pk.length': 'HIP public key length. RFC 8005 §5',
  'dns.hip.hit': 'HIP Host Identity Tag. RFC 8005 §5',
  'dns.hip.pk': 'HIP host identity public key. RFC 8005 §5',
  'dns.hip.rendezvous_server': 'HIP rendezvous server name. RFC 8005 §5',
  'dns.dhcid.rdata': 'DHCID: identifies the DHCP client that owns the name. RFC 4701 §3',
  'dns.apl.address_family': 'APL address family: 1 IPv4, 2 IPv6. RFC 3123 §4',
  'dns.apl.coded_prefix': 'APL prefix length. RFC 3123 §4',
  'dns.apl.negation': 'APL negation flag: the prefix is excluded. RFC 3123 §4',
  'dns.apl.afdlength': 'APL address length in bytes. RFC 3123 §4',
  'dns.apl.afdpart.ipv4': 'APL IPv4 address prefix. RFC 3123 §4',
  'dns.apl.afdpart.ipv6': 'APL IPv6 address prefix. RFC 3123 §4',
  'dns.apl.afdpart.data': 'APL address prefix of another family. RFC 3123 §4',
  'dns.gpos.longitude_length': 'Length of the GPOS longitude string. RFC 1712 §3',
  'dns.gpos.longitude': 'GPOS longitude. RFC 1712 §3',
  'dns.gpos.latitude_length': 'Length of the GPOS latitude string. RFC 1712 §3',
  'dns.gpos.latitude': 'GPOS latitude. RFC 1712 §3',
  'dns.gpos.altitude_length': 'Length of the GPOS altitude string. RFC 1712 §3',
  'dns.gpos.altitude': 'GPOS altitude. RFC 1712 §3',
  'dns.rp.mailbox': 'RP mailbox of the responsible person. RFC 1183 §2.2',
  'dns.rp.txt_rr': 'RP name of TXT records with more about the responsible person. RFC 1183 §2.2',
  'dns.afsdb.subtype': 'AFSDB subtype: 1 AFS cell database server, 2 DCE name server. RFC 1183 §1',
  'dns.afsdb.hostname': 'AFSDB server host name. RFC 1183 §1',
  'dns.x25.length': 'Length of the X25 PSDN address. RFC 1183 §3.1',
  'dns.x25.psdn_address': 'X25 PSDN address. RFC 1183 §3.1',
  'dns.idsn.length': 'Length of the ISDN address. RFC 1183 §3.2',
  'dns.idsn.address': 'ISDN address. RFC 1183 §3.2',
  'dns.idsn.sa.length': 'Length of the ISDN subaddress. RFC 1183 §3.2',
  'dns.idsn.sa.address': 'ISDN subaddress. RFC 1183 §3.2',
  'dns.rt.subtype': 'RT preference: lower values are preferred. RFC 1183 §3.3',
  'dns.rt.intermediate_host': 'RT intermediate host that routes for the owner. RFC 1183 §3.3',
  'dns.nsap.rdata': 'NSAP address. RFC 1706 §5',
  'dns.nsap_ptr.owner': 'NSAP-PTR: the name the NSAP maps to. RFC 1706 §6',
  'dns.wins.local_flag': 'WINS local flag: the record must not be replicated (Microsoft, no RFC).',
  'dns.wins.lookup_timeout': 'WINS lookup timeout in seconds (Microsoft, no RFC).',
  'dns.wins.cache_timeout': 'WINS cache timeout in seconds (Microsoft, no RFC).',
  'dns.wins.nb_wins_servers': 'Number of WINS servers listed (Microsoft, no RFC).',
  'dns.wins.wins_server': 'WINS server address to ask for NetBIOS names (Microsoft, no RFC).',
  'dns.winsr.local_flag':
    'WINS-R local flag: the record must not be replicated (Microsoft, no RFC).',
  'dns.winsr.lookup_timeout': 'WINS-R lookup timeout in seconds (Microsoft, no RFC).',
  'dns.winsr.cache_timeout': 'WINS-R cache timeout in seconds (Microsoft, no RFC).',
  'dns.winsr.name_result_domain': 'WINS-R domain appended to NetBIOS names (Microsoft, no RFC).',

  // TSIG, TKEY.
  'dns.tsig.algorithm_name': 'TSIG algorithm name, e.g. hmac-sha256. RFC 8945 §4.2',
  'dns.tsig.time_signed': 'TSIG time signed, in seconds since 1970. RFC 8945 §4.2',
  'dns.tsig.fudge':
    'TSIG fudge: seconds of clock error allowed around the time signed. RFC 8945 §4.2',
  'dns.tsig.mac_size': 'Length of the TSIG MAC. RFC 8945 §4.2',
  'dns.tsig.mac':
    'TSIG MAC over the message, proving it comes from a holder of the shared key. RFC 8945 §4.2',
  'dns.tsig.original_id':
    'TSIG original ID: the message ID when the message was signed. RFC 8945 §4.2',
  'dns.tsig.error': 'TSIG error: e.g. 16 BADSIG, 17 BADKEY, 18 BADTIME. RFC 8945 §4.2',
  'dns.tsig.other_len': 'Length of the TSIG other data. RFC 8945 §4.2',
  'dns.tsig.other_data': 'TSIG other data: the server time in a BADTIME response. RFC 8945 §4.2',
  'dns.tsig.noalg': 'No decoder for this TSIG algorithm. RFC 8945 §4.2',
  'dns.tkey.algo_name': 'TKEY algorithm name. RFC 2930 §2.1',
  'dns.tkey.signature_inception': 'TKEY inception: start of the key validity. RFC 2930 §2.2',
  'dns.tkey.signature_expiration': 'TKEY expiration: end of the key validity. RFC 2930 §2.2',
  'dns.tkey.mode':
    'TKEY mode: how the key is agreed, e.g. 3 GSS-API, 5 key deletion. RFC 2930 §2.5',
  'dns.tkey.error': 'TKEY error code. RFC 2930 §2.6',
  'dns.tkey.key_size': 'Length of the TKEY key data. RFC 2930 §2.7',
  'dns.tkey.key_data': 'TKEY key exchange data. RFC 2930 §2.7',
  'dns.tkey.other_size': 'Length of the TKEY other data. RFC 2930 §2.8',
  'dns.tkey.other_data': 'TKEY other data (not used). RFC 2930 §2.8',

  // DNS Stateful Operations (RFC 8490).
  'dns.dso':
    'DNS Stateful Operations data (opcode 6): TLVs in place of the usual sections. RFC 8490',
  'dns.dso.tlv': 'One DSO type-length-value item. RFC 8490',
  'dns.dso.tlv.type': 'DSO TLV type: 1 Keepalive, 2 Retry Delay, 3 Encryption Padding. RFC 8490',
  'dns.dso.tlv.length': 'Length of the DSO TLV data. RFC 8490',
  'dns.dso.tlv.data': 'DSO TLV data, shown as bytes. RFC 8490',
  'dns.dso.tlv.keepalive.inactivity':
    'DSO inactivity timeout in milliseconds: how long the session may stay idle. RFC 8490 §7.1',
  'dns.dso.tlv.keepalive.interval':
    'DSO keepalive interval in milliseconds: how often traffic must be sent. RFC 8490 §7.1',
  'dns.dso.tlv.retrydelay.retrydelay':
    'DSO retry delay in milliseconds: how long the client should wait before reconnecting. RFC 8490 §7.2',
  'dns.dso.tlv.encpad.padding': 'DSO encryption padding. RFC 8490 §7.3',

  // Transaction matching (computed by DNSpector over the whole capture, like tshark -2).
  'dns.response_in':
    'Frame number of the response to this query (computed by matching addresses, ports, ID and question).',
  'dns.response_to': 'Frame number of the query this response answers (computed).',
  'dns.time': 'Seconds between the query and this response (computed).',
  'dns.retransmission':
    'This message repeats an earlier query or response with the same ID and question (computed).',
  'dns.retransmit_request': 'Expert note: this query is a retransmission of an earlier one.',
  'dns.retransmit_response': 'Expert note: this response is a retransmission of an earlier one.',
  'dns.retransmit_request_in': 'Frame number of the original query this one repeats (computed).',
  'dns.retransmit_response_in':
    'Frame number of the original response this one repeats (computed).',
  'dns.unsolicited':
    'A response with no matching query seen in the capture (computed); the query may have been missed by the capture.',

  // Anomalies.
  'dns.extraneous': 'Bytes left over after the last record the counts announce. RFC 1035 §4.1',
  'dns.extraneous.data': 'The bytes left over after the last record. RFC 1035 §4.1',
  'dns.extraneous.length': 'Number of bytes left over after the last record. RFC 1035 §4.1',
  'dns.depr.opc': 'This opcode is deprecated (e.g. 1 inverse query, RFC 3425). RFC 1035 §4.1.1',
};
