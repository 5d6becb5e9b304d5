/**
 * DNS mnemonics used as the report's JSON keys: qtypes as in zone files ("A", "AAAA", "ANY",
 * "TYPE65400" for types without one, RFC 3597), rcodes ("NOERROR", "NXDOMAIN", "RCODE12"),
 * opcodes ("QUERY", "UPDATE", "OPCODE3") and classes ("IN", "CH", "CLASS0"). Type names come
 * from the dissector's Wireshark tables (dnsValueNames.ts); rcode, opcode and class
 * mnemonics are the IANA registry's, which Wireshark's tables only describe in words.
 */
import { dnsTypeDescriptions } from '../dns/dnsValueTables';
import { typeShortName } from '../dns/dnsValueNames';

export function qtypeMnemonic(type: number): string {
  // Type 0 is reserved ("Unused" in Wireshark): not a mnemonic anyone writes.
  if (type === 0 || !dnsTypeDescriptions.has(type)) return `TYPE${type}`;
  return typeShortName(type);
}

const rcodeMnemonics: ReadonlyMap<number, string> = new Map([
  [0, 'NOERROR'],
  [1, 'FORMERR'],
  [2, 'SERVFAIL'],
  [3, 'NXDOMAIN'],
  [4, 'NOTIMP'],
  [5, 'REFUSED'],
  [6, 'YXDOMAIN'],
  [7, 'YXRRSET'],
  [8, 'NXRRSET'],
  [9, 'NOTAUTH'],
  [10, 'NOTZONE'],
  [11, 'DSOTYPENI'],
  [16, 'BADVERS'],
  [17, 'BADKEY'],
  [18, 'BADTIME'],
  [19, 'BADMODE'],
  [20, 'BADNAME'],
  [21, 'BADALG'],
  [22, 'BADTRUNC'],
  [23, 'BADCOOKIE'],
]);

export function rcodeMnemonic(rcode: number): string {
  return rcodeMnemonics.get(rcode) ?? `RCODE${rcode}`;
}

const opcodeMnemonics: ReadonlyMap<number, string> = new Map([
  [0, 'QUERY'],
  [1, 'IQUERY'],
  [2, 'STATUS'],
  [4, 'NOTIFY'],
  [5, 'UPDATE'],
  [6, 'DSO'],
]);

export function opcodeMnemonic(opcode: number): string {
  return opcodeMnemonics.get(opcode) ?? `OPCODE${opcode}`;
}

const classMnemonics: ReadonlyMap<number, string> = new Map([
  [1, 'IN'],
  [2, 'CS'],
  [3, 'CH'],
  [4, 'HS'],
  [254, 'NONE'],
  [255, 'ANY'],
]);

export function classMnemonic(cls: number): string {
  return classMnemonics.get(cls) ?? `CLASS${cls}`;
}
