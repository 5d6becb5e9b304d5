/**
 * What a field means, for the hovers of the capture editor and the tooltips of the packet
 * tree: `fieldHelp('dns.flags.recdesired')` gives one to three plain-text sentences ending
 * with the RFC section, and `valueHelp('dns.qry.type', 28)` what a common value means.
 * The texts live in one data file per protocol family; a field without a text there falls
 * back to the description its registration carries (FieldDef.description), if any.
 */
import { fieldDef } from '../field';
import { dnsFieldHelp } from './dnsFieldHelp';
import { ipFieldHelp } from './ipFieldHelp';
import { linkFieldHelp } from './linkFieldHelp';
import {
  dnsClassHelp,
  dnsOpcodeHelp,
  dnsRcodeHelp,
  dnsTypeHelp,
  ednsOptionHelp,
  extendedErrorHelp,
} from './dnsValueHelp';

const texts: ReadonlyMap<string, string> = new Map(
  [dnsFieldHelp, ipFieldHelp, linkFieldHelp].flatMap((table) => Object.entries(table)),
);

/**
 * Plain text (no Markdown, no HTML): one to three sentences, ending with the RFC reference
 * like "RFC 1035 §4.1.1" where one applies. undefined when we have nothing to say.
 */
export function fieldHelp(name: string): string | undefined {
  return texts.get(name) ?? fieldDef(name)?.description;
}

/** The fields whose values valueHelp explains, and the table for each. */
const valueTables: ReadonlyMap<string, ReadonlyMap<number, string>> = new Map([
  ['dns.qry.type', dnsTypeHelp],
  ['dns.resp.type', dnsTypeHelp],
  ['dns.rrsig.type_covered', dnsTypeHelp],
  ['dns.qry.class', dnsClassHelp],
  ['dns.resp.class', dnsClassHelp],
  ['dns.flags.opcode', dnsOpcodeHelp],
  ['dns.flags.rcode', dnsRcodeHelp],
  ['dns.opt.code', ednsOptionHelp],
  ['dns.opt.ext_error.info_code', extendedErrorHelp],
]);

/**
 * What one value of a field means, e.g. valueHelp('dns.qry.type', 28) is "AAAA: IPv6
 * address record. RFC 3596 §2.1". Plain text; undefined for fields without a value table
 * and for values we have nothing to say about.
 */
export function valueHelp(name: string, value: number): string | undefined {
  return valueTables.get(name)?.get(value);
}
