/**
 * The streaming half shared by the pcap and pcapng readers: cuts pushed chunks of any size
 * into format units (file header, record, block) and hands each complete unit to the
 * format as (bytes, view, position, length).
 *
 * Units that lie wholly inside a chunk are handed out in place (no copy); only a unit split
 * across chunks is assembled in a pending buffer of that unit's size (bounded: the format
 * rejects absurd lengths in `measure` before anything is allocated). A pending buffer is
 * never written again once its unit was handed out, so views of records stay valid as long
 * as the caller leaves its pushed chunks alone (one small allocation per split unit).
 * Hand-written rather than a stream library because the core has no Node streams and the
 * hot path must not copy or allocate per record.
 */
import type { CaptureFileInfo, CaptureProblem, CaptureReader } from './captureRecord';

/** `measure` returns this when the unit is invalid (the format has called `fail`). */
export const BAD_UNIT = -1;

const EMPTY = new Uint8Array(0);
const EMPTY_VIEW = new DataView(EMPTY.buffer);

export abstract class ChunkedReader implements CaptureReader {
  info: CaptureFileInfo | undefined = undefined;
  readonly problems: CaptureProblem[] = [];
  failed = false;
  /** Records delivered so far: the formats increment it (frame numbers are 1-based). */
  protected frame = 0;

  /** Bytes the format needs to see before `measure` can tell the unit's length. */
  protected headerNeed: number;

  private pending = EMPTY;
  private pendingView = EMPTY_VIEW;
  private pendingLen = 0;
  /** File offset of the next unit (the start of `pending` when it holds bytes). */
  private offset = 0;
  private ended = false;

  protected constructor(headerNeed: number) {
    this.headerNeed = headerNeed;
  }

  /**
   * The total length of the unit starting at `pos` (at least `headerNeed` bytes are
   * there), or BAD_UNIT after calling `fail`. Must not change state: it may be called
   * twice for the same unit.
   */
  protected abstract measure(
    bytes: Uint8Array,
    view: DataView,
    pos: number,
    fileOffset: number,
  ): number;

  /** Handles one complete unit of `length` bytes at `pos`; may call `fail`. */
  protected abstract consume(
    bytes: Uint8Array,
    view: DataView,
    pos: number,
    length: number,
    fileOffset: number,
  ): void;

  /** Text of the `truncated` problem when the input ends inside a unit. */
  protected abstract truncatedMessage(): string;

  get frames(): number {
    return this.frame;
  }

  push(chunk: Uint8Array): void {
    if (this.failed || this.ended || chunk.length === 0) return;
    let pos = 0;
    if (this.pendingLen > 0) {
      pos = this.completePending(chunk);
      if (pos < 0 || this.failed) return;
    }
    const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const end = chunk.length;
    while (end - pos >= this.headerNeed) {
      const length = this.measure(chunk, view, pos, this.offset);
      if (length < 0) return;
      if (end - pos < length) {
        this.reserve(length);
        break;
      }
      this.consume(chunk, view, pos, length, this.offset);
      if (this.failed) return;
      pos += length;
      this.offset += length;
    }
    if (pos < end) this.appendPending(chunk, pos, end);
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    if (!this.failed && this.pendingLen > 0) {
      this.problems.push({
        kind: 'truncated',
        fileOffset: this.offset,
        message: this.truncatedMessage(),
      });
    }
  }

  /** Records a fatal problem: the reader stops. */
  protected fail(kind: CaptureProblem['kind'], fileOffset: number, message: string): void {
    this.failed = true;
    this.problems.push({ kind, fileOffset, message });
  }

  /** Records a non-fatal problem. */
  protected warn(kind: CaptureProblem['kind'], fileOffset: number, message: string): void {
    this.problems.push({ kind, fileOffset, message });
  }

  /**
   * Feeds the start of `chunk` into the pending unit. Returns where the rest of the chunk
   * starts, or -1 when the whole chunk went into a still incomplete unit (or a failure).
   */
  private completePending(chunk: Uint8Array): number {
    let pos = 0;
    if (this.pendingLen < this.headerNeed) {
      pos = this.fill(chunk, pos, this.headerNeed);
      if (this.pendingLen < this.headerNeed) return -1;
    }
    const length = this.measure(this.pending, this.pendingView, 0, this.offset);
    if (length < 0) return -1;
    pos = this.fill(chunk, pos, length);
    if (this.pendingLen < length) return -1;
    this.consume(this.pending, this.pendingView, 0, length, this.offset);
    if (this.failed) return -1;
    this.offset += length;
    // Formats never return a length below headerNeed, so the unit took all pending bytes.
    // Records may still view this buffer: start a new one for the next split unit.
    this.pendingLen = 0;
    this.pending = EMPTY;
    this.pendingView = EMPTY_VIEW;
    return pos;
  }

  /** Copies bytes from chunk[pos..] into pending until it holds `target` bytes. */
  private fill(chunk: Uint8Array, pos: number, target: number): number {
    const take = Math.min(target - this.pendingLen, chunk.length - pos);
    if (take <= 0) return pos;
    this.reserve(this.pendingLen + take);
    this.pending.set(chunk.subarray(pos, pos + take), this.pendingLen);
    this.pendingLen += take;
    return pos + take;
  }

  private appendPending(chunk: Uint8Array, pos: number, end: number): void {
    this.reserve(this.pendingLen + (end - pos));
    this.pending.set(chunk.subarray(pos, end), this.pendingLen);
    this.pendingLen += end - pos;
  }

  private reserve(size: number): void {
    if (size <= this.pending.length) return;
    const grown = new Uint8Array(Math.max(size, this.pending.length * 2, this.headerNeed));
    grown.set(this.pending.subarray(0, this.pendingLen));
    this.pending = grown;
    this.pendingView = new DataView(grown.buffer);
  }
}
