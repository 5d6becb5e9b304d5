/**
 * Reassembly of DNS's 2-byte length framing over TCP (RFC 1035 4.2.2, RFC 7766), per
 * flow direction, the way tshark 4.0 does it with its default preferences
 * (tcp.desegment_tcp_streams on, analyze sequence numbers on):
 * - the first payload byte seen in a direction starts a message (a capture that begins
 *   mid-stream reads its length from there and, like tshark, may wait forever);
 * - several messages in one segment are each handed to DNS from the frame's bytes;
 * - a message over several segments becomes a data source "Reassembled TCP (N bytes)"
 *   and belongs to the frame that completes it, with the frames it spans;
 * - a segment whose bytes were all seen before (retransmission) is not dissected again;
 *   one that partly overlaps contributes only its new bytes;
 * - a segment after a gap is held (out of order) until the gap fills. This goes beyond
 *   tshark's default (tcp.reassemble_out_of_order off, where such data is lost). If the
 *   held bytes exceed MAX_OOO_BYTES the gap is taken as a loss: the partial message is
 *   dropped and the stream restarts at the first held segment, as tshark does after
 *   "previous segment not captured".
 * Limits: a message is at most 65,537 bytes (prefix included), so a direction holds at
 * most that much of a partial message plus MAX_OOO_BYTES (256 KiB) out of order; at most
 * MAX_FLOWS directions are tracked (least recently used dropped first) and
 * MAX_TOTAL_BYTES (64 MiB) held in all; results are remembered per frame (up to
 * MAX_REMEMBERED frames) so a frame dissected again gives the same messages.
 */

export const MAX_OOO_BYTES = 256 * 1024;
export const MAX_OOO_SEGMENTS = 64;
export const MAX_FLOWS = 65_536;
export const MAX_TOTAL_BYTES = 64 * 1024 * 1024;
export const MAX_REMEMBERED = 1_000_000;

export interface SegmentPiece {
  frame: number;
  /** Offset of this piece in the message (prefix included). */
  offset: number;
  length: number;
}

/** One complete length-prefixed message found in a segment. */
export type DnsTcpMessage =
  /** Entirely inside this frame's payload: [start, end) of the segment's source. */
  | { kind: 'inline'; start: number; end: number }
  /** Spanning frames: its bytes and the pieces per frame. */
  | { kind: 'reassembled'; bytes: Uint8Array; pieces: SegmentPiece[] };

export interface SegmentOutcome {
  /** Every payload byte was seen before: Wireshark's retransmission / out-of-order. */
  retransmission: boolean;
  /** The segment starts after a gap and is held. */
  outOfOrder: boolean;
  /** Bytes of this segment that belong to a message not yet complete. */
  partial: boolean;
  messages: DnsTcpMessage[];
}

interface Held {
  seq: number;
  frame: number;
  data: Uint8Array;
}

interface Direction {
  /** Absolute sequence number of the next expected byte; -1 before the first segment. */
  next: number;
  /** Bytes of the message being assembled, and where they came from. */
  partial: Uint8Array | null;
  partialLength: number;
  pieces: SegmentPiece[];
  held: Held[];
  heldBytes: number;
}

const seqDiff = (a: number, b: number): number => (a - b) | 0;

export class DnsTcpStreams {
  private readonly flows = new Map<string, Direction>();
  private totalBytes = 0;
  private lastFrame = 0;
  private readonly remembered = new Map<number, SegmentOutcome[]>();

  /** Bytes held for partial and out-of-order data in all flows (at most MAX_TOTAL_BYTES, see enforceTotal). */
  get heldBytes(): number {
    return this.totalBytes;
  }

  /** Flow directions tracked (at most MAX_FLOWS). */
  get flowCount(): number {
    return this.flows.size;
  }

  isRevisit(frame: number): boolean {
    return frame <= this.lastFrame;
  }

  /** The outcome(s) a frame had when first dissected (one per segment it carried). */
  rememberedFor(frame: number): readonly SegmentOutcome[] | undefined {
    return this.remembered.get(frame);
  }

  /** SYN seen: the stream's data starts at seq + 1. */
  syn(key: string, seq: number): void {
    const d = this.direction(key);
    if (d.next === -1) d.next = (seq + 1) >>> 0;
  }

  /**
   * Feeds one segment's payload `bytes[start, end)` at sequence number `seq`.
   * `bytes` belongs to the frame's data source; inline messages refer to it.
   */
  segment(
    key: string,
    frame: number,
    seq: number,
    bytes: Uint8Array,
    start: number,
    end: number,
  ): SegmentOutcome {
    this.lastFrame = Math.max(this.lastFrame, frame);
    const out: SegmentOutcome = {
      retransmission: false,
      outOfOrder: false,
      partial: false,
      messages: [],
    };
    const d = this.direction(key);
    if (d.next === -1) d.next = seq;
    const len = end - start;
    const rel = seqDiff(seq, d.next);
    if (rel + len <= 0) {
      out.retransmission = true;
    } else if (rel > 0) {
      out.outOfOrder = true;
      this.hold(d, { seq, frame, data: bytes.slice(start, end) }, out);
    } else {
      this.consume(d, frame, bytes, start - rel, end, out);
      this.drainHeld(d, out);
    }
    this.remember(frame, out);
    return out;
  }

  private direction(key: string): Direction {
    let d = this.flows.get(key);
    if (d !== undefined) {
      // Most recently used last.
      this.flows.delete(key);
      this.flows.set(key, d);
      return d;
    }
    d = { next: -1, partial: null, partialLength: 0, pieces: [], held: [], heldBytes: 0 };
    this.flows.set(key, d);
    while (this.flows.size > MAX_FLOWS) this.evictOldest();
    return d;
  }

  private evictOldest(): void {
    const first = this.flows.entries().next();
    if (first.done) return;
    const [key, d] = first.value;
    this.totalBytes -= (d.partial?.length ?? 0) + d.heldBytes;
    this.flows.delete(key);
  }

  /** In-order bytes [s, e) of the frame: cut messages, keep the tail. */
  private consume(
    d: Direction,
    frame: number,
    bytes: Uint8Array,
    s: number,
    e: number,
    out: SegmentOutcome,
  ): void {
    d.next = (d.next + (e - s)) >>> 0;
    let at = s;
    if (d.partial !== null) {
      at = this.extendPartial(d, frame, bytes, at, e, out);
      if (d.partial !== null) return; // still incomplete; all bytes taken
    }
    while (e - at >= 2) {
      const need = 2 + ((bytes[at] as number) << 8) + (bytes[at + 1] as number);
      if (e - at < need) break;
      out.messages.push({ kind: 'inline', start: at, end: at + need });
      at += need;
    }
    if (at < e) {
      // Start of a message that continues in later segments.
      const first = bytes.subarray(at, e);
      const need =
        first.length >= 2 ? 2 + ((first[0] as number) << 8) + (first[1] as number) : 65_537;
      d.partial = new Uint8Array(Math.max(need, first.length));
      d.partial.set(first);
      d.partialLength = first.length;
      d.pieces = [{ frame, offset: 0, length: first.length }];
      this.totalBytes += d.partial.length;
      out.partial = true;
      this.enforceTotal(d);
    }
  }

  /** Adds bytes to the partial message; returns where unused bytes start. */
  private extendPartial(
    d: Direction,
    frame: number,
    bytes: Uint8Array,
    at: number,
    e: number,
    out: SegmentOutcome,
  ): number {
    let p = d.partial as Uint8Array;
    if (d.partialLength < 2) {
      // The length prefix itself was split: now its size is known.
      const b0 = p[0] as number;
      const b1 = d.partialLength === 1 ? (bytes[at] as number) : (p[1] as number);
      const need = 2 + (b0 << 8) + b1;
      const grown = new Uint8Array(need);
      grown.set(p.subarray(0, d.partialLength));
      this.totalBytes += grown.length - p.length;
      p = grown;
      d.partial = grown;
    }
    const take = Math.min(p.length - d.partialLength, e - at);
    p.set(bytes.subarray(at, at + take), d.partialLength);
    d.pieces.push({ frame, offset: d.partialLength, length: take });
    d.partialLength += take;
    if (d.partialLength < p.length) {
      out.partial = true;
      return at + take;
    }
    out.messages.push({ kind: 'reassembled', bytes: p, pieces: d.pieces });
    this.totalBytes -= p.length;
    d.partial = null;
    d.partialLength = 0;
    d.pieces = [];
    return at + take;
  }

  private hold(d: Direction, h: Held, out: SegmentOutcome): void {
    d.held.push(h);
    d.heldBytes += h.data.length;
    this.totalBytes += h.data.length;
    // Over a limit: restart at the earliest held byte and feed what is then in order (its
    // messages belong to this frame). Each round takes at least one held segment out.
    while (d.held.length > 0 && (d.heldBytes > MAX_OOO_BYTES || d.held.length > MAX_OOO_SEGMENTS)) {
      this.giveUpGap(d);
      this.drainHeld(d, out);
    }
    this.enforceTotal(d);
  }

  /** The gap will not fill: forget the partial message and restart at the earliest held byte. */
  private giveUpGap(d: Direction): void {
    if (d.held.length === 0) return;
    let earliest = d.held[0] as Held;
    for (const h of d.held) if (seqDiff(h.seq, earliest.seq) < 0) earliest = h;
    if (d.partial !== null) this.totalBytes -= d.partial.length;
    d.partial = null;
    d.partialLength = 0;
    d.pieces = [];
    d.next = earliest.seq;
  }

  /** Feeds held segments that have become in order (their messages belong to this frame). */
  private drainHeld(d: Direction, out: SegmentOutcome): void {
    let progress = true;
    while (progress && d.held.length > 0) {
      progress = false;
      for (let i = 0; i < d.held.length; i++) {
        const h = d.held[i] as Held;
        const rel = seqDiff(h.seq, d.next);
        if (rel > 0) continue;
        d.held.splice(i, 1);
        d.heldBytes -= h.data.length;
        this.totalBytes -= h.data.length;
        if (rel + h.data.length > 0) {
          const inner: SegmentOutcome = {
            retransmission: false,
            outOfOrder: false,
            partial: false,
            messages: [],
          };
          this.consume(d, h.frame, h.data, -rel, h.data.length, inner);
          // Messages cut from a held segment's own bytes are copied: the segment is not this frame.
          for (const m of inner.messages) {
            if (m.kind === 'inline') {
              const bytes = h.data.slice(m.start, m.end);
              out.messages.push({
                kind: 'reassembled',
                bytes,
                pieces: [{ frame: h.frame, offset: 0, length: bytes.length }],
              });
            } else out.messages.push(m);
          }
          out.partial ||= inner.partial;
        }
        progress = true;
        break;
      }
    }
  }

  private enforceTotal(current: Direction): void {
    while (this.totalBytes > MAX_TOTAL_BYTES && this.flows.size > 1) {
      const first = this.flows.entries().next();
      if (first.done || first.value[1] === current) break;
      this.evictOldest();
    }
  }

  private remember(frame: number, out: SegmentOutcome): void {
    if (!out.retransmission && !out.outOfOrder && out.messages.length === 0 && !out.partial) return;
    const list = this.remembered.get(frame);
    if (list !== undefined) list.push(out);
    else this.remembered.set(frame, [out]);
    while (this.remembered.size > MAX_REMEMBERED) {
      const first = this.remembered.keys().next();
      if (first.done) break;
      this.remembered.delete(first.value);
    }
  }
}
