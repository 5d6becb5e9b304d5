/**
 * Value-string names a filter may use instead of a number, per field: tshark 4.0 accepts
 * a field's whole value-string text, case-insensitively (`dns.flags.rcode == "No such
 * name"`, `dns.qry.type == "AAAA (IPv6 Address)"`, `dns.qry.class == IN`). DNSpector
 * also accepts the DNS mnemonics people write (`dns.qry.type == AAAA`,
 * `dns.flags.rcode == NXDOMAIN`), which tshark 4.0 rejects: a superset, never a
 * different meaning, since no value-string text is another value's mnemonic.
 */
import {
  clientSubnetFamilyNames,
  dnsClassNames,
  dnsOpcodeNames,
  dnsRcodeNames,
  dnsTypeDescriptions,
  dnssecAlgorithmNames,
  dsDigestTypeNames,
  ednsOptionNames,
  nsec3AlgorithmNames,
  sshfpAlgorithmNames,
  sshfpFingerprintTypeNames,
  svcbParamKeyNames,
  tlsaMatchingTypeNames,
  tlsaSelectorNames,
  tlsaUsageNames,
  tsigErrorNames,
} from '../dns/dnsValueTables';
import {
  qclassFromMnemonic,
  qtypeFromMnemonic,
  rcodeFromMnemonic,
} from '../querylog/dnsMnemonicLookup';

interface ValueNames {
  readonly table: ReadonlyMap<number, string>;
  readonly mnemonic?: (text: string) => number | undefined;
}

const types: ValueNames = { table: dnsTypeDescriptions, mnemonic: qtypeFromMnemonic };
const classes: ValueNames = { table: dnsClassNames, mnemonic: qclassFromMnemonic };
const algorithms: ValueNames = { table: dnssecAlgorithmNames };
const tsigErrors: ValueNames = { table: tsigErrorNames };

const byField: ReadonlyMap<string, ValueNames> = new Map([
  ['dns.qry.type', types],
  ['dns.resp.type', types],
  ['dns.rrsig.type_covered', types],
  ['dns.qry.class', classes],
  ['dns.resp.class', classes],
  ['dns.flags.opcode', { table: dnsOpcodeNames }],
  ['dns.flags.rcode', { table: dnsRcodeNames, mnemonic: rcodeFromMnemonic }],
  ['dns.opt.code', { table: ednsOptionNames }],
  ['dns.rrsig.algorithm', algorithms],
  ['dns.dnskey.algorithm', algorithms],
  ['dns.ds.algorithm', algorithms],
  ['dns.key.algorithm', algorithms],
  ['dns.ds.digest_type', { table: dsDigestTypeNames }],
  ['dns.sshfp.algorithm', { table: sshfpAlgorithmNames }],
  ['dns.sshfp.fingerprint.type', { table: sshfpFingerprintTypeNames }],
  ['dns.tlsa.certificate_usage', { table: tlsaUsageNames }],
  ['dns.tlsa.selector', { table: tlsaSelectorNames }],
  ['dns.tlsa.matching_type', { table: tlsaMatchingTypeNames }],
  ['dns.nsec3.algo', { table: nsec3AlgorithmNames }],
  ['dns.opt.client.family', { table: clientSubnetFamilyNames }],
  ['dns.svcb.svcparam.key', { table: svcbParamKeyNames }],
  ['dns.svcb.svcparam.mandatory.key', { table: svcbParamKeyNames }],
  ['dns.tsig.error', tsigErrors],
  ['dns.tkey.error', tsigErrors],
]);

/** Whether the field has value-string names. */
export function hasValueNames(field: string): boolean {
  return byField.has(field);
}

/** The number `text` names for `field` (value-string text first, then the mnemonic). */
export function valueFromName(field: string, text: string): number | undefined {
  const names = byField.get(field);
  if (names === undefined) return undefined;
  const wanted = text.toLowerCase();
  for (const [value, name] of names.table) if (name.toLowerCase() === wanted) return value;
  return names.mnemonic?.(text);
}
