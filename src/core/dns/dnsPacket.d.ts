/**
 * Ambient types for the parts of the `dns-packet` package DNSpector uses (record-data
 * codecs and whole-message encode/decode for tests). Written here instead of installing
 * @types/dns-packet, which pulls Node's types into the platform-neutral core.
 */
declare module 'dns-packet' {
  /** A Uint8Array subclass at runtime (Node's Buffer or the `buffer` package's). */
  type Bytes = Uint8Array;

  export interface RecordDecode {
    (buf: Bytes, offset?: number): unknown;
    /** Bytes consumed by the last call (RDLENGTH included). */
    bytes: number;
  }

  export interface RecordCodec {
    decode: RecordDecode;
    encode(value: unknown, buf?: Bytes, offset?: number): Bytes;
    encodingLength(value: unknown): number;
  }

  export interface Question {
    type: string;
    name: string;
    class?: string;
  }

  export interface Answer {
    type: string;
    name: string;
    class?: string;
    ttl?: number;
    data?: unknown;
    flush?: boolean;
    udpPayloadSize?: number;
    extendedRcode?: number;
    ednsVersion?: number;
    flags?: number;
    options?: readonly unknown[];
  }

  export interface Packet {
    id?: number;
    type?: 'query' | 'response';
    flags?: number;
    questions?: Question[];
    answers?: Answer[];
    authorities?: Answer[];
    additionals?: Answer[];
  }

  export function record(type: string): RecordCodec;
  export function encode(packet: Packet, buf?: Bytes, offset?: number): Bytes;
  export function decode(buf: Bytes, offset?: number): Packet;
  export const RECURSION_DESIRED: number;
  export const DNSSEC_OK: number;
}
