/**
 * Streaming reader for pcapng: any number of sections, each in its own byte order with
 * its own interfaces (ids restart per section); Enhanced, Simple and obsolete Packet
 * Blocks; every other block skipped by its length. A block length below 12, not a
 * multiple of 4, over 16 MiB or different from its trailing copy is a fatal `format`
 * problem at the block's offset; a packet block naming a missing interface is a
 * non-fatal problem and the block is skipped.
 */
import { newReusableRecord, type CaptureRecord, type RecordSink } from './captureRecord';
import { BAD_UNIT, ChunkedReader } from './chunkedReader';
import { MAX_CAPTURED_LENGTH } from './pcapReader';
import { readInterface, timestampNs, type PcapngInterface } from './pcapngInterface';

const BT_SHB = 0x0a0d0d0a;
const BT_IDB = 1;
const BT_PB = 2;
const BT_SPB = 3;
const BT_EPB = 6;

/** Type, length and the SHB's byte-order magic: enough to measure any block. */
const BLOCK_HEADER_NEED = 12;
const MIN_BLOCK = 12;
/** libpcap's and Wireshark's upper bound for a pcapng block. */
const MAX_BLOCK = 16 * 1024 * 1024;
const MIN_SHB = 28;
const MIN_IDB = 20;
const MIN_EPB = 32;
const MIN_PB = 32;
const MIN_SPB = 16;

/** The section's byte order from its SHB's byte-order magic, if valid. */
function shbOrder(bytes: Uint8Array, pos: number): 'little' | 'big' | undefined {
  const b0 = bytes[pos + 8];
  const b3 = bytes[pos + 11];
  if (b0 === 0x1a && bytes[pos + 9] === 0x2b && bytes[pos + 10] === 0x3c && b3 === 0x4d)
    return 'big';
  if (b0 === 0x4d && bytes[pos + 9] === 0x3c && bytes[pos + 10] === 0x2b && b3 === 0x1a)
    return 'little';
  return undefined;
}

export class PcapngReader extends ChunkedReader {
  private readonly sink: RecordSink;
  private le = true;
  private inSection = false;
  private interfaces: PcapngInterface[] = [];
  /** The one record object handed to the sink (see captureRecord.ts: lifetime). */
  private readonly record: CaptureRecord = newReusableRecord();

  constructor(onRecord: RecordSink) {
    super(BLOCK_HEADER_NEED);
    this.sink = onRecord;
  }

  protected override measure(
    bytes: Uint8Array,
    view: DataView,
    pos: number,
    fileOffset: number,
  ): number {
    let le = this.le;
    if (view.getUint32(pos, true) === BT_SHB) {
      const order = shbOrder(bytes, pos);
      if (order === undefined) {
        this.fail('format', fileOffset, 'pcapng section header block has a bad byte-order magic');
        return BAD_UNIT;
      }
      le = order === 'little';
    } else if (!this.inSection) {
      this.fail('format', fileOffset, 'not a pcapng file (no section header block first)');
      return BAD_UNIT;
    }
    const length = view.getUint32(pos + 4, le);
    if (length < MIN_BLOCK || length % 4 !== 0 || length > MAX_BLOCK) {
      const why =
        length < MIN_BLOCK
          ? 'less than 12'
          : length % 4 !== 0
            ? 'not a multiple of 4'
            : 'over 16 MiB';
      this.fail('format', fileOffset, `pcapng block total length ${length} is ${why}`);
      return BAD_UNIT;
    }
    return length;
  }

  protected override consume(
    bytes: Uint8Array,
    view: DataView,
    pos: number,
    length: number,
    fileOffset: number,
  ): void {
    const type = view.getUint32(pos, this.le);
    if (type === BT_SHB) this.le = shbOrder(bytes, pos) === 'little';
    const le = this.le;
    const trailer = view.getUint32(pos + length - 4, le);
    if (trailer !== length) {
      this.fail(
        'format',
        fileOffset,
        `pcapng block total length ${length} does not match its trailing copy ${trailer}`,
      );
      return;
    }
    switch (type) {
      case BT_SHB:
        this.readSection(view, pos, length, fileOffset);
        return;
      case BT_IDB:
        if (length < MIN_IDB) return this.tooShort('interface description', length, fileOffset);
        this.interfaces.push(readInterface(view, pos + 8, pos + length - 4, le));
        return;
      case BT_EPB:
      case BT_PB: {
        if (length < (type === BT_EPB ? MIN_EPB : MIN_PB)) {
          return this.tooShort(type === BT_EPB ? 'enhanced packet' : 'packet', length, fileOffset);
        }
        const interfaceId =
          type === BT_EPB ? view.getUint32(pos + 8, le) : view.getUint16(pos + 8, le);
        const caplen = view.getUint32(pos + 20, le);
        if (caplen > length - MIN_EPB || caplen > MAX_CAPTURED_LENGTH) {
          this.fail(
            'format',
            fileOffset,
            `pcapng packet block captured length ${caplen} does not fit block length ${length}`,
          );
          return;
        }
        const iface = this.interfaceFor(interfaceId, fileOffset);
        if (!iface) return;
        const time = timestampNs(iface, view.getUint32(pos + 12, le), view.getUint32(pos + 16, le));
        this.deliver(
          type,
          bytes,
          pos + 28,
          caplen,
          view.getUint32(pos + 24, le),
          time,
          iface,
          interfaceId,
          fileOffset,
          pos,
        );
        return;
      }
      case BT_SPB: {
        if (length < MIN_SPB) return this.tooShort('simple packet', length, fileOffset);
        const iface = this.interfaceFor(0, fileOffset);
        if (!iface) return;
        // Captured = min(original length, snap length, block data): the data is padded to 4.
        // (Wireshark rejects the file when the block holds less than min(original, snap
        // length); we deliver what is there.)
        const original = view.getUint32(pos + 8, le);
        let caplen = Math.min(original, length - MIN_SPB);
        if (iface.snapLength !== 0 && caplen > iface.snapLength) caplen = iface.snapLength;
        this.deliver(type, bytes, pos + 12, caplen, original, 0n, iface, 0, fileOffset, pos);
        return;
      }
      default:
        return; // NRB, ISB, DSB, custom and unknown blocks: skipped by their length.
    }
  }

  protected override truncatedMessage(): string {
    return 'the file ends inside a pcapng block';
  }

  private readSection(view: DataView, pos: number, length: number, fileOffset: number): void {
    if (length < MIN_SHB) return this.tooShort('section header', length, fileOffset);
    const major = view.getUint16(pos + 12, this.le);
    if (major !== 1) {
      this.fail(
        'unsupported',
        fileOffset,
        `pcapng version ${major}.${view.getUint16(pos + 14, this.le)} is not supported`,
      );
      return;
    }
    this.inSection = true;
    this.interfaces = [];
    this.info ??= { format: 'pcapng', byteOrder: this.le ? 'little' : 'big' };
  }

  private interfaceFor(id: number, fileOffset: number): PcapngInterface | undefined {
    const iface = this.interfaces[id];
    if (!iface) {
      this.warn(
        'format',
        fileOffset,
        `pcapng packet block names interface ${id}, but its section has ${this.interfaces.length}: block skipped`,
      );
    }
    return iface;
  }

  private tooShort(what: string, length: number, fileOffset: number): void {
    this.fail('format', fileOffset, `pcapng ${what} block of ${length} bytes is too short`);
  }

  private deliver(
    type: number,
    bytes: Uint8Array,
    start: number,
    caplen: number,
    original: number,
    timeNs: bigint,
    iface: PcapngInterface,
    interfaceId: number,
    fileOffset: number,
    blockStart: number,
  ): void {
    const r = this.record;
    r.frame = ++this.frame;
    r.fileOffset = fileOffset;
    r.dataOffset = fileOffset + (start - blockStart);
    r.timeNs = timeNs;
    r.timeUnknown = type === BT_SPB;
    r.capturedLength = caplen;
    r.originalLength = original;
    r.linkType = iface.linkType;
    r.interfaceId = interfaceId;
    r.data = bytes.subarray(start, start + caplen);
    this.sink(r);
  }
}
