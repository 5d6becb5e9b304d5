/**
 * Builds pcap and pcapng files byte by byte, in either byte order, from the format
 * specifications (libpcap file format; draft-ietf-opsawg-pcapng), so the readers' tests
 * compare against values written here rather than against the readers' own output.
 * Blocks can be built with wrong lengths on purpose.
 */

export type Endian = 'little' | 'big';

/** A growable byte sink with explicit byte order. */
export class ByteWriter {
  private bytes: number[] = [];
  constructor(private readonly endian: Endian) {}

  u8(v: number): this {
    this.bytes.push(v & 0xff);
    return this;
  }
  u16(v: number): this {
    const b = [(v >>> 8) & 0xff, v & 0xff];
    this.bytes.push(...(this.endian === 'big' ? b : b.reverse()));
    return this;
  }
  u32(v: number): this {
    const b = [(v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff];
    this.bytes.push(...(this.endian === 'big' ? b : b.reverse()));
    return this;
  }
  /** 64-bit two's complement (for if_tsoffset and the SHB section length). */
  u64(v: bigint): this {
    const u = BigInt.asUintN(64, v);
    const b: number[] = [];
    for (let i = 7; i >= 0; i--) b.push(Number((u >> BigInt(i * 8)) & 0xffn));
    this.bytes.push(...(this.endian === 'big' ? b : b.reverse()));
    return this;
  }
  raw(data: ArrayLike<number>): this {
    for (let i = 0; i < data.length; i++) this.bytes.push((data[i] ?? 0) & 0xff);
    return this;
  }
  /** Zero bytes up to a multiple of 4. */
  pad4(): this {
    while (this.bytes.length % 4 !== 0) this.bytes.push(0);
    return this;
  }
  get length(): number {
    return this.bytes.length;
  }
  toBytes(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Deterministic packet bytes: n bytes counting up from `seed`. */
export function payload(n: number, seed = 0): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (seed + i) & 0xff;
  return out;
}

// ---------------------------------------------------------------- classic pcap

export interface PcapRecordSpec {
  seconds: number;
  /** Microseconds, or nanoseconds in an ns file. */
  fraction: number;
  data: Uint8Array;
  /** Defaults to data.length. */
  originalLength?: number;
  /** Written as the caplen field; defaults to data.length (set it to lie). */
  capturedLength?: number;
}

export interface PcapSpec {
  endian: Endian;
  nanoseconds?: boolean;
  linkType?: number;
  snapLength?: number;
  versionMajor?: number;
  records: PcapRecordSpec[];
}

export const PCAP_HEADER_LENGTH = 24;
export const PCAP_RECORD_HEADER_LENGTH = 16;

export function pcapFile(spec: PcapSpec): Uint8Array {
  const w = new ByteWriter(spec.endian);
  w.u32(spec.nanoseconds ? 0xa1b23c4d : 0xa1b2c3d4)
    .u16(spec.versionMajor ?? 2)
    .u16(4)
    .u32(0)
    .u32(0)
    .u32(spec.snapLength ?? 65535)
    .u32(spec.linkType ?? 1);
  for (const r of spec.records) {
    w.u32(r.seconds)
      .u32(r.fraction)
      .u32(r.capturedLength ?? r.data.length)
      .u32(r.originalLength ?? r.data.length)
      .raw(r.data);
  }
  return w.toBytes();
}

/** File offsets of each record header in a file built by pcapFile. */
export function pcapRecordOffsets(spec: PcapSpec): number[] {
  const out: number[] = [];
  let at = PCAP_HEADER_LENGTH;
  for (const r of spec.records) {
    out.push(at);
    at += PCAP_RECORD_HEADER_LENGTH + r.data.length;
  }
  return out;
}

// ---------------------------------------------------------------- pcapng

export interface BlockOptions {
  /** Override the leading total length field. */
  totalLength?: number;
  /** Override the trailing total length field. */
  trailerLength?: number;
}

/** A generic block: type, total length, body padded to 4, total length. */
export function pcapngBlock(
  endian: Endian,
  type: number,
  body: Uint8Array,
  opts: BlockOptions = {},
): Uint8Array {
  const padded = (body.length + 3) & ~3;
  const total = 12 + padded;
  const w = new ByteWriter(endian);
  w.u32(type)
    .u32(opts.totalLength ?? total)
    .raw(body)
    .pad4()
    .u32(opts.trailerLength ?? total);
  return w.toBytes();
}

/** Options list: [code, value] pairs, each padded, then opt_endofopt. */
export function pcapngOptions(endian: Endian, options: [number, Uint8Array][]): Uint8Array {
  if (options.length === 0) return new Uint8Array(0);
  const w = new ByteWriter(endian);
  for (const [code, value] of options) w.u16(code).u16(value.length).raw(value).pad4();
  w.u16(0).u16(0);
  return w.toBytes();
}

export function sectionHeader(
  endian: Endian,
  opts: BlockOptions & { versionMajor?: number } = {},
): Uint8Array {
  const body = new ByteWriter(endian)
    .u32(0x1a2b3c4d)
    .u16(opts.versionMajor ?? 1)
    .u16(0)
    .u64(-1n)
    .toBytes();
  return pcapngBlock(endian, 0x0a0d0d0a, body, opts);
}

export interface InterfaceSpec {
  linkType?: number;
  snapLength?: number;
  /** The if_tsresol byte (absent = default 10^-6). */
  tsresol?: number;
  /** if_tsoffset in seconds. */
  tsoffset?: bigint;
}

export function interfaceDescription(endian: Endian, spec: InterfaceSpec = {}): Uint8Array {
  const options: [number, Uint8Array][] = [];
  // An option DNSpector ignores (if_name = 2) first, to check options are walked.
  options.push([2, new TextEncoder().encode('eth0')]);
  if (spec.tsresol !== undefined) options.push([9, Uint8Array.of(spec.tsresol)]);
  if (spec.tsoffset !== undefined)
    options.push([14, new ByteWriter(endian).u64(spec.tsoffset).toBytes()]);
  const body = new ByteWriter(endian)
    .u16(spec.linkType ?? 1)
    .u16(0)
    .u32(spec.snapLength ?? 0)
    .raw(pcapngOptions(endian, options))
    .toBytes();
  return pcapngBlock(endian, 1, body);
}

export interface PacketSpec {
  interfaceId?: number;
  /** Timestamp in interface units (64 bits: high and low words). */
  timestamp: bigint;
  data: Uint8Array;
  originalLength?: number;
}

export function enhancedPacket(
  endian: Endian,
  spec: PacketSpec,
  opts: BlockOptions = {},
): Uint8Array {
  const body = new ByteWriter(endian)
    .u32(spec.interfaceId ?? 0)
    .u32(Number(spec.timestamp >> 32n))
    .u32(Number(spec.timestamp & 0xffffffffn))
    .u32(spec.data.length)
    .u32(spec.originalLength ?? spec.data.length)
    .raw(spec.data)
    .pad4()
    // an epb_flags option, to check it is not taken for packet bytes
    .raw(pcapngOptions(endian, [[2, new ByteWriter(endian).u32(1).toBytes()]]))
    .toBytes();
  return pcapngBlock(endian, 6, body, opts);
}

/** Obsolete Packet Block (type 2): 16-bit interface id and drops count. */
export function obsoletePacket(endian: Endian, spec: PacketSpec): Uint8Array {
  const body = new ByteWriter(endian)
    .u16(spec.interfaceId ?? 0)
    .u16(0)
    .u32(Number(spec.timestamp >> 32n))
    .u32(Number(spec.timestamp & 0xffffffffn))
    .u32(spec.data.length)
    .u32(spec.originalLength ?? spec.data.length)
    .raw(spec.data)
    .toBytes();
  return pcapngBlock(endian, 2, body);
}

/** Simple Packet Block: original length, then the data (as much as was captured). */
export function simplePacket(endian: Endian, originalLength: number, data: Uint8Array): Uint8Array {
  const body = new ByteWriter(endian).u32(originalLength).raw(data).toBytes();
  return pcapngBlock(endian, 3, body);
}
