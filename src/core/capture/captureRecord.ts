/**
 * What every capture reader yields, whatever the file format: one record per packet,
 * with a view of its captured bytes (valid until the reader is pushed more data; copy
 * to keep) and where it sits in the file.
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
  /** Capture time in nanoseconds since the epoch (bigint: 2^53 ns is only 104 days). */
  timeNs: bigint;
  /** Bytes captured (may be less than originalLength: snap length). */
  capturedLength: number;
  /** Length of the packet on the wire. */
  originalLength: number;
  linkType: number;
  /** Interface index within its section (pcapng), 0 for pcap. */
  interfaceId: number;
  /** The captured bytes. A view into the reader's buffer: copy it to keep it. */
  data: Uint8Array;
}

/** A problem with the file itself (not with a packet): always with the byte offset. */
export interface CaptureProblem {
  /** `truncated`: the file ended inside a record; `format`: the bytes are not a valid capture. */
  kind: 'truncated' | 'format' | 'unsupported';
  fileOffset: number;
  message: string;
}

export interface CaptureFileInfo {
  format: 'pcap' | 'pcapng';
  /** pcap: 'us' or 'ns'; pcapng: per interface, so 'mixed' is possible. */
  byteOrder: 'little' | 'big';
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
}

export type RecordSink = (record: CaptureRecord) => void;
