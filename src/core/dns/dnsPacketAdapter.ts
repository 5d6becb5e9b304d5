/**
 * The one place DNSpector touches the `dns-packet` library: record data decoded by its
 * per-type codecs, wrapped so that nothing it throws leaves here and no Node Buffer leaks
 * out (the `buffer` package provides Buffer in browsers; in Node bundles it is Node's).
 * Values come back as JSON text for FieldNode.value and for cross-checks in tests.
 */
// The root tsconfig excludes src/core, so name the ambient declaration for builds that reach here via imports.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./dnsPacket.d.ts" />
import { Buffer } from 'buffer';
import * as dnsPacket from 'dns-packet';
import { typeShortName } from './dnsValueNames';

/** Types whose data dns-packet decodes with a codec of its own (others: its "unknown" codec). */
const decodedTypes = new Set([
  'A',
  'AAAA',
  'PTR',
  'CNAME',
  'DNAME',
  'TXT',
  'NULL',
  'SRV',
  'HINFO',
  'CAA',
  'NS',
  'SOA',
  'MX',
  'OPT',
  'DNSKEY',
  'RRSIG',
  'RP',
  'NSEC',
  'NSEC3',
  'SSHFP',
  'DS',
  'NAPTR',
  'TLSA',
]);

function toJsonSafe(value: unknown): unknown {
  if (value instanceof Uint8Array)
    return Array.from(value, (b) => b.toString(16).padStart(2, '0')).join('');
  if (Array.isArray(value)) return value.map(toJsonSafe);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toJsonSafe(v);
    return out;
  }
  return value;
}

/**
 * Decodes one record's data with dns-packet. `message` is the whole DNS message (for
 * compression pointers) and `rdlengthOffset` the offset of the 2-byte RDLENGTH in it.
 * Returns the decoded value (bytes as hex), or undefined when dns-packet cannot decode it.
 */
export function decodeRecordData(
  message: Uint8Array,
  type: number,
  rdlengthOffset: number,
): unknown {
  const name = typeShortName(type);
  if (!decodedTypes.has(name)) return undefined;
  // dns-packet trusts RDLENGTH and reads past short data without complaint: check first,
  // and accept a decoding only when it consumed exactly RDLENGTH bytes.
  if (rdlengthOffset < 0 || rdlengthOffset + 2 > message.length) return undefined;
  const rdlength =
    ((message[rdlengthOffset] as number) << 8) | (message[rdlengthOffset + 1] as number);
  if (rdlengthOffset + 2 + rdlength > message.length) return undefined;
  try {
    const buf = Buffer.from(message.buffer as ArrayBuffer, message.byteOffset, message.byteLength);
    const codec = dnsPacket.record(name);
    const value = codec.decode(buf, rdlengthOffset);
    if (codec.decode.bytes !== 2 + rdlength) return undefined;
    return toJsonSafe(value);
  } catch {
    return undefined;
  }
}

/** The decoded value as JSON text for FieldNode.value, or undefined. */
export function dnsPacketRecordValue(
  message: Uint8Array,
  type: number,
  rdlengthOffset: number,
): string | undefined {
  const v = decodeRecordData(message, type, rdlengthOffset);
  if (v === undefined) return undefined;
  try {
    return JSON.stringify(v);
  } catch {
    return undefined;
  }
}
