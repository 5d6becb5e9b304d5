/**
 * Wireshark's value strings for DNS fields, generated from `tshark -G values` (Wireshark
 * 4.0.17, Debian 12) so labels and the Info column use exactly tshark's words. Regenerate
 * rather than edit by hand. Lookups go through `valueName` (dnsNames.ts).
 */

/** `dns.qry.type` */
export const dnsTypeDescriptions: ReadonlyMap<number, string> = new Map<number, string>([
  [0, 'Unused'],
  [1, 'A (Host Address)'],
  [2, 'NS (authoritative Name Server)'],
  [3, 'MD (Mail Destination)'],
  [4, 'MF (Mail Forwarder)'],
  [5, 'CNAME (Canonical NAME for an alias)'],
  [6, 'SOA (Start Of a zone of Authority)'],
  [7, 'MB (MailBox domain name)'],
  [8, 'MG (Mail Group member)'],
  [9, 'MR (Mail Rename domain)'],
  [10, 'NULL RR'],
  [11, 'WKS (Well Known Service)'],
  [12, 'PTR (domain name PoinTeR)'],
  [13, 'HINFO (host information)'],
  [14, 'MINFO (Mailbox or mail list information)'],
  [15, 'MX (Mail eXchange)'],
  [16, 'TXT (Text strings)'],
  [17, 'RP (Responsible Person)'],
  [18, 'AFSDB (AFS Data Base location)'],
  [19, 'X25 (XX.25 PSDN address)'],
  [20, 'ISDN (ISDN address)'],
  [21, 'RT (Route Through)'],
  [22, 'NSAP (NSAP address)'],
  [23, 'NSAP-PTR (NSAP domain name pointer)'],
  [24, 'SIG (security signature)'],
  [25, 'KEY (security key)'],
  [26, 'PX (X.400 mail mapping information)'],
  [27, 'GPOS (Geographical Position)'],
  [28, 'AAAA (IPv6 Address)'],
  [29, 'LOC (Location Information)'],
  [30, 'NXT (Next Domain)'],
  [31, 'EID (Endpoint Identifier)'],
  [32, 'NIMLOC (Nimrod Locator)'],
  [33, 'SRV (Server Selection)'],
  [34, 'ATMA (ATM Address)'],
  [35, 'NAPTR (Naming Authority Pointer)'],
  [36, 'KX (Key Exchanger)'],
  [37, 'CERT'],
  [38, 'A6 (OBSOLETE - use AAAA)'],
  [39, 'DNAME'],
  [40, 'SINK'],
  [41, 'OPT'],
  [42, 'APL'],
  [43, 'DS (Delegation Signer)'],
  [44, 'SSHFP (SSH Key Fingerprint)'],
  [45, 'IPSECKEY'],
  [46, 'RRSIG (Resource Record Signature)'],
  [47, 'NSEC (Next Secure)'],
  [48, 'DNSKEY (DNS Public Key)'],
  [49, 'DHCID'],
  [50, 'NSEC3'],
  [51, 'NSEC3PARAM'],
  [52, 'TLSA'],
  [55, 'HIP (Host Identity Protocol)'],
  [57, 'RKEY'],
  [58, 'TALINK (Trust Anchor LINK)'],
  [59, 'CDS (Child DS)'],
  [60, 'CDNSKEY (DNSKEY(s) the Child wants reflected in DS)'],
  [61, 'OPENPGPKEY (OpenPGP Key)'],
  [62, 'CSYNC (Child-to-Parent Synchronization)'],
  [63, 'ZONEMD'],
  [64, 'SVCB (General Purpose Service Endpoints)'],
  [65, 'HTTPS (HTTPS Specific Service Endpoints)'],
  [99, 'SPF'],
  [100, 'UINFO'],
  [101, 'UID'],
  [102, 'GID'],
  [103, 'UNSPEC'],
  [104, 'NID (NodeID)'],
  [105, 'L32 (Locator32)'],
  [106, 'L64 (Locator64)'],
  [107, 'LP (Locator FQDN)'],
  [108, 'EUI48'],
  [109, 'EUI64'],
  [249, 'TKEY (Transaction Key)'],
  [250, 'TSIG (Transaction Signature)'],
  [251, 'IXFR (incremental transfer)'],
  [252, 'AXFR (transfer of an entire zone)'],
  [253, 'MAILB (mailbox-related RRs)'],
  [254, 'MAILA (mail agent RRs)'],
  [255, '* (A request for all records the server/cache has available)'],
  [256, 'URI'],
  [257, 'CAA (Certification Authority Restriction)'],
  [32768, 'TA (DNSSEC Trust Authorities)'],
  [32769, 'DLV (DNSSEC Lookaside Validation)'],
  [65281, 'WINS'],
  [65282, 'WINS-R'],
  [65422, 'XPF'],
]);

/** `dns.qry.class` */
export const dnsClassNames: ReadonlyMap<number, string> = new Map<number, string>([
  [1, 'IN'],
  [2, 'CS'],
  [3, 'CH'],
  [4, 'HS'],
  [254, 'NONE'],
  [255, 'ANY'],
]);

/** `dns.flags.opcode` */
export const dnsOpcodeNames: ReadonlyMap<number, string> = new Map<number, string>([
  [0, 'Standard query'],
  [1, 'Inverse query'],
  [2, 'Server status request'],
  [4, 'Zone change notification'],
  [5, 'Dynamic update'],
  [6, 'DNS Stateful operations (DSO)'],
]);

/** `dns.flags.rcode` */
export const dnsRcodeNames: ReadonlyMap<number, string> = new Map<number, string>([
  [0, 'No error'],
  [1, 'Format error'],
  [2, 'Server failure'],
  [3, 'No such name'],
  [4, 'Not implemented'],
  [5, 'Refused'],
  [6, 'Name exists'],
  [7, 'RRset exists'],
  [8, 'RRset does not exist'],
  [9, 'Not authoritative'],
  [10, 'Name out of zone'],
  [11, 'DSO-Type not implemented'],
  [16, 'Bad OPT Version or TSIG Signature Failure'],
  [17, 'Key not recognized'],
  [18, 'Signature out of time window'],
  [19, 'Bad TKEY Mode'],
  [20, 'Duplicate key name'],
  [21, 'Algorithm not supported'],
  [22, 'Bad Truncation'],
  [23, 'Bad/missing Server Cookie'],
]);

/** `dns.opt.code` */
export const ednsOptionNames: ReadonlyMap<number, string> = new Map<number, string>([
  [0, 'Reserved'],
  [1, 'LLQ - Long-lived query'],
  [2, 'UL - Update lease'],
  [3, 'NSID - Name Server Identifier'],
  [4, 'Owner (reserved)'],
  [5, 'DAU - DNSSEC Algorithm Understood (RFC6975)'],
  [6, 'DHU - DS Hash Understood (RFC6975)'],
  [7, 'N3U - NSEC3 Hash Understood (RFC6975)'],
  [20730, 'Experimental - CSUBNET - Client subnet'],
  [8, 'CSUBNET - Client subnet'],
  [9, 'EDNS EXPIRE (RFC7314)'],
  [10, 'COOKIE'],
  [11, 'EDNS TCP Keepalive'],
  [12, 'PADDING'],
  [13, 'CHAIN'],
  [15, 'Extended DNS Error'],
]);

/** `dns.rrsig.algorithm` */
export const dnssecAlgorithmNames: ReadonlyMap<number, string> = new Map<number, string>([
  [1, 'RSA/MD5'],
  [2, 'Diffie-Hellman'],
  [3, 'DSA'],
  [4, 'Elliptic curve crypto'],
  [5, 'RSA/SHA1'],
  [6, 'DSA + NSEC3/SHA1'],
  [7, 'RSA/SHA1 + NSEC3/SHA1'],
  [8, 'RSA/SHA-256'],
  [10, 'RSA/SHA-512'],
  [12, 'GOST R 34.10-2001'],
  [13, 'ECDSA Curve P-256 with SHA-256'],
  [14, 'ECDSA Curve P-386 with SHA-386'],
  [15, 'Ed25519'],
  [16, 'Ed448'],
  [157, 'HMAC/MD5'],
  [252, 'Indirect key'],
  [253, 'Private, domain name'],
  [254, 'Private, OID'],
]);

/** `dns.ds.digest_type` */
export const dsDigestTypeNames: ReadonlyMap<number, string> = new Map<number, string>([
  [0, 'Reserved digest'],
  [1, 'SHA-1'],
  [2, 'SHA-256'],
  [3, 'GOST R 34.11-94'],
  [4, 'SHA-384'],
]);

/** `dns.sshfp.algorithm` */
export const sshfpAlgorithmNames: ReadonlyMap<number, string> = new Map<number, string>([
  [0, 'Reserved'],
  [1, 'RSA'],
  [2, 'DSA'],
  [3, 'ECDSA'],
  [4, 'Ed25519'],
  [5, 'XMSS'],
]);

/** `dns.sshfp.fingerprint.type` */
export const sshfpFingerprintTypeNames: ReadonlyMap<number, string> = new Map<number, string>([
  [0, 'Reserved'],
  [1, 'SHA1'],
  [2, 'SHA256'],
]);

/** `dns.tlsa.certificate_usage` */
export const tlsaUsageNames: ReadonlyMap<number, string> = new Map<number, string>([
  [0, 'CA constraint (PKIX-TA)'],
  [1, 'Service certificate constraint (PKIX-EE)'],
  [2, 'Trust anchor assertion (DANE-TA)'],
  [3, 'Domain-issued certificate (DANE-EE)'],
]);

/** `dns.tlsa.selector` */
export const tlsaSelectorNames: ReadonlyMap<number, string> = new Map<number, string>([
  [0, 'Full certificate (Cert)'],
  [1, 'SubjectPublicKeyInfo (SPKI)'],
]);

/** `dns.tlsa.matching_type` */
export const tlsaMatchingTypeNames: ReadonlyMap<number, string> = new Map<number, string>([
  [0, 'No Hash Used (Full)'],
  [1, '256 bit hash by SHA2 (SHA2-256)'],
  [2, '512 bit hash by SHA2 (SHA2-512)'],
]);

/** `dns.nsec3.algo` */
export const nsec3AlgorithmNames: ReadonlyMap<number, string> = new Map<number, string>([
  [0, 'Reserved'],
  [1, 'SHA-1'],
]);

/** `dns.opt.client.family` */
export const clientSubnetFamilyNames: ReadonlyMap<number, string> = new Map<number, string>([
  [1, 'IPv4'],
  [2, 'IPv6'],
]);

/** `dns.svcb.svcparam.key` */
export const svcbParamKeyNames: ReadonlyMap<number, string> = new Map<number, string>([
  [0, 'mandatory'],
  [1, 'alpn'],
  [2, 'no-default-alpn'],
  [3, 'port'],
  [4, 'ipv4hint'],
  [5, 'echconfig'],
  [6, 'ipv6hint'],
  [32769, 'odohconfig'],
  [65535, 'key65535'],
]);

/** `dns.tsig.error` */
export const tsigErrorNames: ReadonlyMap<number, string> = new Map<number, string>([
  [0, 'No error'],
  [1, 'Format error'],
  [2, 'Server failure'],
  [3, 'No such name'],
  [4, 'Not implemented'],
  [5, 'Refused'],
  [6, 'Name exists'],
  [7, 'RRset exists'],
  [8, 'RRset does not exist'],
  [9, 'Not authoritative'],
  [10, 'Name out of zone'],
  [11, 'DSO-Type not implemented'],
  [16, 'Bad OPT Version or TSIG Signature Failure'],
  [17, 'Key not recognized'],
  [18, 'Signature out of time window'],
  [19, 'Bad TKEY Mode'],
  [20, 'Duplicate key name'],
  [21, 'Algorithm not supported'],
  [22, 'Bad Truncation'],
  [23, 'Bad/missing Server Cookie'],
]);

/** `dns.opt.ext_error.info_code` (a range string: [low, high, name]). */
export const extendedErrorRanges: readonly (readonly [number, number, string])[] = [
  [0, 0, 'Other Error'],
  [1, 1, 'Unsupported DNSKEY Algorithm'],
  [2, 2, 'Unsupported DS Digest Type'],
  [3, 3, 'Stale Answer'],
  [4, 4, 'Forged Answer'],
  [5, 5, 'DNSSEC Indeterminate'],
  [6, 6, 'DNSSEC Bogus'],
  [7, 7, 'Signature Expired'],
  [8, 8, 'Signature Not Yet Valid'],
  [9, 9, 'DNSKEY Missing'],
  [10, 10, 'RRSIGs Missing'],
  [11, 11, 'No Zone Key Bit Set'],
  [12, 12, 'NSEC Missing'],
  [13, 13, 'Cached Error'],
  [14, 14, 'Not Ready'],
  [15, 15, 'Blocked'],
  [16, 16, 'Censored'],
  [17, 17, 'Filtered'],
  [18, 18, 'Prohibited'],
  [19, 19, 'Stale NXDomain Answer'],
  [20, 20, 'Not Authoritative'],
  [21, 21, 'Not Supported'],
  [22, 22, 'No Reachable Authority'],
  [23, 23, 'Network Error'],
  [24, 24, 'Invalid Data'],
  [25, 25, 'Signature Expired before Valid'],
  [26, 26, 'Too Early'],
  [27, 27, 'Unsupported NSEC3 Iterations Value'],
  [28, 28, 'Unable to conform to policy'],
  [29, 29, 'Synthesized'],
  [30, 49151, 'Unassigned'],
  [49152, 65535, 'Reserved for Private Use'],
];

/** Wireshark's true/false strings: [when set, when clear]. */
export const dnsTrueFalse = {
  response: ['Message is a response', 'Message is a query'],
  authoritative: ['Server is an authority for domain', 'Server is not an authority for domain'],
  truncated: ['Message is truncated', 'Message is not truncated'],
  recdesired: ['Do query recursively', "Don't do query recursively"],
  recavail: ['Server can do recursive queries', "Server can't do recursive queries"],
  z: ['reserved - incorrect!', 'reserved (0)'],
  authenticated: [
    'Answer/authority portion was authenticated by the server',
    'Answer/authority portion was not authenticated by the server',
  ],
  adBit: ['Set', 'Not set'],
  checkdisable: ['Acceptable', 'Unacceptable'],
  conflictQuery: ['The name is not considered unique', 'The name is considered unique'],
  conflictResponse: ['The sender received multiple responses', 'None'],
  tentative: ['Tentative', 'Not tentative'],
  dnssecOk: ['Accepts DNSSEC security RRs', 'Cannot handle DNSSEC security RRs'],
  zoneKey: ['This is the zone key for specified zone', 'This it not a zone key'],
  keyRevoked: ['Yes', 'No'],
  secureEntryPoint: ['Yes', 'No'],
  optOut: ['Additional insecure delegations allowed', 'Additional insecure delegations forbidden'],
  issuerCritical: ['Critical', 'Not critical'],
} as const satisfies Record<string, readonly [string, string]>;
