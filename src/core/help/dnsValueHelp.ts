/**
 * What common DNS numbers mean, for hovers over a field's value: record types, classes,
 * opcodes, response codes, EDNS option codes and Extended DNS Error codes. Short plain-text
 * lines ending with the defining RFC; only the values people meet in practice, the rest
 * get their name from dnsValueTables.ts and no explanation.
 */

/** Record types (IANA "Resource Record (RR) TYPEs"). */
export const dnsTypeHelp: ReadonlyMap<number, string> = new Map([
  [1, 'A: IPv4 address record. RFC 1035 §3.4.1'],
  [2, 'NS: authoritative name server for the zone. RFC 1035 §3.3.11'],
  [5, 'CNAME: the name is an alias of another (canonical) name. RFC 1035 §3.3.1'],
  [6, 'SOA: start of a zone of authority, with the zone serial and timers. RFC 1035 §3.3.13'],
  [12, 'PTR: pointer to another name, mostly for reverse lookups. RFC 1035 §3.3.12'],
  [13, 'HINFO: host CPU and OS; also the minimal answer to ANY queries. RFC 1035 §3.3.2, RFC 8482'],
  [15, 'MX: mail exchanger for the domain, with a preference. RFC 1035 §3.3.9'],
  [16, 'TXT: free-form text strings (SPF, DKIM, verification tokens). RFC 1035 §3.3.14'],
  [28, 'AAAA: IPv6 address record. RFC 3596 §2.1'],
  [33, 'SRV: host and port of a service. RFC 2782'],
  [35, 'NAPTR: rewrite rule for URI and service discovery. RFC 3403'],
  [39, 'DNAME: redirects a whole subtree to another name. RFC 6672'],
  [41, 'OPT: EDNS pseudo-record carrying the UDP size, extended flags and options. RFC 6891 §6.1'],
  [43, 'DS: delegation signer, hash of a child zone key held by the parent. RFC 4034 §5'],
  [46, 'RRSIG: DNSSEC signature over a record set. RFC 4034 §3'],
  [47, 'NSEC: DNSSEC proof of non-existence naming the next owner name. RFC 4034 §4'],
  [48, 'DNSKEY: DNSSEC public key of a zone. RFC 4034 §2'],
  [50, 'NSEC3: hashed DNSSEC proof of non-existence. RFC 5155'],
  [51, 'NSEC3PARAM: the NSEC3 parameters a zone uses. RFC 5155 §4'],
  [52, 'TLSA: DANE binding of a TLS certificate to a name. RFC 6698'],
  [59, 'CDS: child copy of DS, for the parent to pick up. RFC 7344'],
  [60, 'CDNSKEY: child copy of DNSKEY, for the parent to pick up. RFC 7344'],
  [64, 'SVCB: service binding, endpoints and parameters of a service. RFC 9460'],
  [65, 'HTTPS: service binding for HTTPS origins. RFC 9460 §9'],
  [99, 'SPF: deprecated; SPF policies now use TXT. RFC 7208 §3.1'],
  [249, 'TKEY: transaction key establishment. RFC 2930'],
  [250, 'TSIG: transaction signature with a shared key. RFC 8945'],
  [251, 'IXFR: incremental zone transfer (query only). RFC 1995'],
  [252, 'AXFR: full zone transfer (query only). RFC 5936'],
  [
    255,
    'ANY (*): asks for all records of the name; many servers answer minimally. RFC 1035 §3.2.3, RFC 8482',
  ],
  [257, 'CAA: certificate authorities allowed to issue for the domain. RFC 8659'],
]);

export const dnsClassHelp: ReadonlyMap<number, string> = new Map([
  [1, 'IN: the Internet class, used by nearly all records. RFC 1035 §3.2.4'],
  [3, 'CH: Chaos class, used for server queries such as version.bind. RFC 1035 §3.2.4'],
  [4, 'HS: Hesiod class. RFC 1035 §3.2.4'],
  [
    254,
    'NONE: in an UPDATE, deletes a specific record or asserts a name or set does not exist. RFC 2136 §2.4, §2.5',
  ],
  [
    255,
    'ANY: any class; in an UPDATE, deletes or asserts the existence of records. RFC 1035 §3.2.5, RFC 2136 §2.4',
  ],
]);

export const dnsOpcodeHelp: ReadonlyMap<number, string> = new Map([
  [0, 'QUERY: a standard query. RFC 1035 §4.1.1'],
  [1, 'IQUERY: inverse query, obsolete. RFC 3425'],
  [2, 'STATUS: server status request. RFC 1035 §4.1.1'],
  [4, 'NOTIFY: a primary tells secondaries the zone changed. RFC 1996'],
  [5, 'UPDATE: dynamic update of zone records. RFC 2136'],
  [6, 'DSO: DNS Stateful Operations on a session. RFC 8490'],
]);

export const dnsRcodeHelp: ReadonlyMap<number, string> = new Map([
  [0, 'NoError: no error condition. RFC 1035 §4.1.1'],
  [1, 'FormErr: the server could not interpret the query. RFC 1035 §4.1.1'],
  [
    2,
    'ServFail: the server could not process the query, e.g. upstream failure or DNSSEC validation failure. RFC 1035 §4.1.1',
  ],
  [3, 'NXDomain: the queried name does not exist. RFC 1035 §4.1.1'],
  [4, 'NotImp: the server does not support this kind of query. RFC 1035 §4.1.1'],
  [5, 'Refused: the server refuses to answer for policy reasons. RFC 1035 §4.1.1'],
  [6, 'YXDomain: a name exists that the UPDATE prerequisite says should not. RFC 2136 §2.2'],
  [7, 'YXRRSet: a record set exists that should not. RFC 2136 §2.2'],
  [8, 'NXRRSet: a record set that should exist does not. RFC 2136 §2.2'],
  [
    9,
    'NotAuth: the server is not authoritative for the zone (or TSIG failed). RFC 2136 §2.2, RFC 8945',
  ],
  [10, 'NotZone: a name is not within the zone of the UPDATE. RFC 2136 §2.2'],
  [
    16,
    'BADVERS: the EDNS version is not supported (needs the OPT extended RCODE). RFC 6891 §6.1.3',
  ],
  [23, 'BADCOOKIE: bad or missing server cookie; retry with the cookie given. RFC 7873'],
]);

export const ednsOptionHelp: ReadonlyMap<number, string> = new Map([
  [3, 'NSID: asks for or carries the name server identifier. RFC 5001'],
  [5, 'DAU: DNSSEC algorithms understood. RFC 6975'],
  [6, 'DHU: DS hash algorithms understood. RFC 6975'],
  [7, 'N3U: NSEC3 hash algorithms understood. RFC 6975'],
  [8, 'Client Subnet: part of the client address, for location-dependent answers. RFC 7871'],
  [9, 'EDNS EXPIRE: the remaining zone expire time. RFC 7314'],
  [10, 'Cookie: client and server cookies against spoofing. RFC 7873'],
  [11, 'edns-tcp-keepalive: TCP idle timeout signalling. RFC 7828'],
  [12, 'Padding: filler to hide the message size. RFC 7830'],
  [13, 'CHAIN: asks for a DNSSEC chain from a trust point. RFC 7901'],
  [14, 'edns-key-tag: trust anchor key tags the resolver uses. RFC 8145'],
  [15, 'Extended DNS Error: the reason behind an error or altered answer. RFC 8914'],
]);

export const extendedErrorHelp: ReadonlyMap<number, string> = new Map([
  [0, 'Other Error: see the extra text. RFC 8914 §4.1'],
  [1, 'Unsupported DNSKEY Algorithm. RFC 8914 §4.2'],
  [2, 'Unsupported DS Digest Type. RFC 8914 §4.3'],
  [3, 'Stale Answer: answered from expired cache data. RFC 8914 §4.4'],
  [4, 'Forged Answer: the answer was changed by policy. RFC 8914 §4.5'],
  [5, 'DNSSEC Indeterminate. RFC 8914 §4.6'],
  [6, 'DNSSEC Bogus: validation failed. RFC 8914 §4.7'],
  [7, 'Signature Expired. RFC 8914 §4.8'],
  [8, 'Signature Not Yet Valid. RFC 8914 §4.9'],
  [9, 'DNSKEY Missing. RFC 8914 §4.10'],
  [10, 'RRSIGs Missing. RFC 8914 §4.11'],
  [11, 'No Zone Key Bit Set. RFC 8914 §4.12'],
  [12, 'NSEC Missing. RFC 8914 §4.13'],
  [13, 'Cached Error: a cached failure was returned. RFC 8914 §4.14'],
  [14, 'Not Ready: the server is not ready to serve. RFC 8914 §4.15'],
  [15, 'Blocked: the name is on an operator blocklist. RFC 8914 §4.16'],
  [16, 'Censored: blocked because of an external requirement. RFC 8914 §4.17'],
  [17, 'Filtered: blocked at the client request. RFC 8914 §4.18'],
  [18, 'Prohibited: the client is not allowed to query. RFC 8914 §4.19'],
  [19, 'Stale NXDomain Answer. RFC 8914 §4.20'],
  [
    20,
    'Not Authoritative: the server is not authoritative for the name and does not recurse. RFC 8914 §4.21',
  ],
  [21, 'Not Supported: the query or operation is not supported. RFC 8914 §4.22'],
  [22, 'No Reachable Authority: no authoritative server answered. RFC 8914 §4.23'],
  [23, 'Network Error: a network error reaching an authority. RFC 8914 §4.24'],
  [24, 'Invalid Data: the authority returned invalid data. RFC 8914 §4.25'],
]);
