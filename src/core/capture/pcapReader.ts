/**
 * Streaming reader for classic libpcap files: the four magics (a1b2c3d4 microseconds,
 * a1b23c4d nanoseconds, each in little and big endian), the link type from the file
 * header, records cut short by the snap length (caplen < len is normal).
 * A record whose caplen exceeds 256 KiB (Wireshark's maximum for the ordinary link types)
 * is a `format` problem, caught before anything is buffered.
 */
import { newReusableRecord, type CaptureRecord, type RecordSink } from './captureRecord';
import { BAD_UNIT, ChunkedReader } from './chunkedReader';

const FILE_HEADER_LENGTH = 24;
const RECORD_HEADER_LENGTH = 16;
/** Wireshark's WTAP_MAX_PACKET_SIZE_STANDARD: larger caplens are a damaged file. */
export const MAX_CAPTURED_LENGTH = 262144;

const MAGIC_US = 0xa1b2c3d4;
const MAGIC_NS = 0xa1b23c4d;

/** The file's byte order and time unit if the first 4 bytes are a pcap magic. */
export function pcapMagic(
  b0: number,
  b1: number,
  b2: number,
  b3: number,
): { le: boolean; ns: boolean } | undefined {
  const be = ((b0 << 24) | (b1 << 16) | (b2 << 8) | b3) >>> 0;
  const le = ((b3 << 24) | (b2 << 16) | (b1 << 8) | b0) >>> 0;
  if (be === MAGIC_US || be === MAGIC_NS) return { le: false, ns: be === MAGIC_NS };
  if (le === MAGIC_US || le === MAGIC_NS) return { le: true, ns: le === MAGIC_NS };
  return undefined;
}

export class PcapReader extends ChunkedReader {
  private readonly sink: RecordSink;
  private le = true;
  /** Multiplier from the record's sub-second field to nanoseconds (1000 or 1). */
  private fracToNs = 1000;
  /** The last record's seconds field and its value in nanoseconds (see consume). */
  private lastSeconds = -1;
  private lastSecondsNs = 0n;
  private linkType = 0;
  private inRecords = false;
  /** The one record object handed to the sink (see captureRecord.ts: lifetime). */
  private readonly record: CaptureRecord = newReusableRecord();

  constructor(onRecord: RecordSink) {
    super(FILE_HEADER_LENGTH);
    this.sink = onRecord;
  }

  protected override measure(
    _bytes: Uint8Array,
    view: DataView,
    pos: number,
    fileOffset: number,
  ): number {
    if (!this.inRecords) return FILE_HEADER_LENGTH;
    const caplen = view.getUint32(pos + 8, this.le);
    if (caplen > MAX_CAPTURED_LENGTH) {
      this.fail(
        'format',
        fileOffset,
        `pcap record ${this.frame + 1} has a captured length of ${caplen} bytes, more than the maximum ${MAX_CAPTURED_LENGTH}`,
      );
      return BAD_UNIT;
    }
    return RECORD_HEADER_LENGTH + caplen;
  }

  protected override consume(
    bytes: Uint8Array,
    view: DataView,
    pos: number,
    length: number,
    fileOffset: number,
  ): void {
    if (!this.inRecords) {
      this.readFileHeader(bytes, view, pos);
      return;
    }
    const le = this.le;
    const r = this.record;
    r.frame = ++this.frame;
    r.fileOffset = fileOffset;
    r.dataOffset = fileOffset + RECORD_HEADER_LENGTH;
    const seconds = view.getUint32(pos, le);
    if (seconds !== this.lastSeconds) {
      // Records come many per second: the second's bigint is made once, not per record.
      this.lastSeconds = seconds;
      this.lastSecondsNs = BigInt(seconds) * 1_000_000_000n;
    }
    r.timeNs = this.lastSecondsNs + BigInt(view.getUint32(pos + 4, le) * this.fracToNs);
    r.capturedLength = length - RECORD_HEADER_LENGTH;
    r.originalLength = view.getUint32(pos + 12, le);
    r.linkType = this.linkType;
    r.data = bytes.subarray(pos + RECORD_HEADER_LENGTH, pos + length);
    this.sink(r);
  }

  protected override truncatedMessage(): string {
    return this.inRecords
      ? `the file ends inside pcap record ${this.frame + 1}`
      : 'the file ends inside the pcap file header';
  }

  private readFileHeader(bytes: Uint8Array, view: DataView, pos: number): void {
    const magic = pcapMagic(
      bytes[pos] ?? 0,
      bytes[pos + 1] ?? 0,
      bytes[pos + 2] ?? 0,
      bytes[pos + 3] ?? 0,
    );
    if (!magic) {
      this.fail('format', 0, 'not a pcap file (bad magic number)');
      return;
    }
    this.le = magic.le;
    this.fracToNs = magic.ns ? 1 : 1000;
    const major = view.getUint16(pos + 4, this.le);
    if (major < 2) {
      this.fail(
        'unsupported',
        0,
        `pcap version ${major}.${view.getUint16(pos + 6, this.le)} is not supported`,
      );
      return;
    }
    // Low 16 bits: the link type; the upper bits carry FCS information (pcap spec).
    this.linkType = view.getUint32(pos + 20, this.le) & 0xffff;
    this.info = {
      format: 'pcap',
      byteOrder: this.le ? 'little' : 'big',
      timePrecision: magic.ns ? 'ns' : 'us',
    };
    this.inRecords = true;
    this.headerNeed = RECORD_HEADER_LENGTH;
  }
}
