/**
 * What every capture reader yields, whatever the file format: one record per packet,
 * with a view of its captured bytes and where it sits in the file.
 *
 * Lifetime (decided for speed: no allocation per record beyond the bytes' view and the
 * bigint time): a reader hands the sink ONE record object that it reuses for every packet;
 * its fields are valid only during the sink call (copy what you keep, or `copyRecord`).
 * `data` is a view into the pushed chunk, or into a buffer that assembled a record split
 * across chunks; readers never write into such a buffer again, so a kept `data` view stays
 * valid as long as the caller does not modify the chunks it pushed (Node's file and zlib
 * streams never do).
 */

/** Link-layer header types (https://www.tcpdump.org/linktypes.html) that DNSpector decodes. */
export const LinkType = {
  NULL: 0,
  ETHERNET: 1,
  PPP: 9,
  RAW: 101,
  LOOP: 108,
  LINUX_SLL: 113,
  IPV4: 228,
  IPV6: 229,
  LINUX_SLL2: 276,
} as const;

export interface CaptureRecord {
  /** 1-based frame number, counted over the whole file (all sections). */
  frame: number;
  /** Byte offset in the file of the record (pcap record header / pcapng block start). */
  fileOffset: number;
  /**
   * Byte offset in the file of the packet bytes themselves (after the record header), so a
   * viewer can read one packet again by position: data = file[dataOffset, +capturedLength).
   */
  dataOffset: number;
  /** Capture time in nanoseconds since the epoch (bigint: 2^53 ns is only 104 days). */
  timeNs: bigint;
  /**
   * True when the record carries no timestamp (pcapng Simple Packet Block); timeNs is
   * then 0n and tshark prints frame.time_epoch empty. Readers always set it.
   */
  timeUnknown?: boolean;
  /** Bytes captured (may be less than originalLength: snap length). */
  capturedLength: number;
  /** Length of the packet on the wire. */
  originalLength: number;
  linkType: number;
  /** Interface index within its section (pcapng), 0 for pcap. */
  interfaceId: number;
  /** The captured bytes: a view (see the lifetime note at the top), never a copy. */
  data: Uint8Array;
}

/** The one record object a reader hands its sink for every packet (see Lifetime above), zeroed. */
export function newReusableRecord(): CaptureRecord {
  return {
    frame: 0,
    fileOffset: 0,
    dataOffset: 0,
    timeNs: 0n,
    timeUnknown: false,
    capturedLength: 0,
    originalLength: 0,
    linkType: 0,
    interfaceId: 0,
    data: new Uint8Array(0),
  };
}

/** A record (and its bytes) that outlives the sink call: a plain Uint8Array copy. */
export function copyRecord(record: CaptureRecord): CaptureRecord {
  return { ...record, data: new Uint8Array(record.data) };
}

/**
 * A problem with the file itself (not with a packet): always with the byte offset. Whether
 * it stopped the reading is the reader's `failed` flag (the fatal problem is then the last
 * one); a non-fatal problem (e.g. a pcapng packet naming an unknown interface) skips a block.
 */
export interface CaptureProblem {
  /**
   * `truncated`: the file ended inside a record; `format`: the bytes are not a valid
   * capture; `unsupported`: valid but not handled (e.g. a pcap major version < 2);
   * `io`: the file could not be read (Node adapter only).
   */
  kind: 'truncated' | 'format' | 'unsupported' | 'io';
  fileOffset: number;
  message: string;
}

export interface CaptureFileInfo {
  format: 'pcap' | 'pcapng';
  /** Byte order of the pcap file, or of the first pcapng section. */
  byteOrder: 'little' | 'big';
  /** pcap only: 'us' or 'ns' by the magic (pcapng resolution is per interface). */
  timePrecision?: 'us' | 'ns';
}

/**
 * A streaming reader: push chunks of any size, in file order; records come out through
 * the callback as soon as they are complete. `end()` reports a file that stopped inside a
 * record. After a `format` problem the reader stops and ignores further input.
 */
export interface CaptureReader {
  push(chunk: Uint8Array): void;
  end(): void;
  /** Set once the first bytes identify the format. */
  readonly info: CaptureFileInfo | undefined;
  /** Problems so far, in file order (warnings such as an unknown block, and the fatal one). */
  readonly problems: readonly CaptureProblem[];
  /** True after a fatal problem: further pushes are ignored. */
  readonly failed: boolean;
  /** Records delivered to the sink so far (the last frame number). */
  readonly frames: number;
}

export type RecordSink = (record: CaptureRecord) => void;
