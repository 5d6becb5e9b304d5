/**
 * IP fragment reassembly shared by IPv4 and IPv6 (Wireshark's reassemble.c, reduced to
 * what a DNS decoder needs). Fragments are kept per datagram key (addresses, id, protocol)
 * until the final fragment (no "more fragments") is seen and the offsets cover every byte
 * up to it; then the datagram is returned once, to the frame that completed it.
 *
 * Overlapping fragments: the bytes that arrived first win.
 * Limits (the whole table is per capture, in CaptureState):
 * - a datagram may not exceed MAX_DATAGRAM bytes (65,535 + header slack) or MAX_FRAGMENTS
 *   fragments; a fragment that breaks a limit drops the datagram;
 * - at most MAX_PENDING_BYTES are held for incomplete datagrams in total and at most
 *   MAX_PENDING datagrams; beyond that the oldest incomplete datagram is dropped;
 * - an incomplete datagram older than MAX_AGE_NS (60 s of capture time) is dropped when
 *   the next fragment arrives.
 * Completed datagrams are remembered by the frame that completed them (up to
 * MAX_DONE_BYTES in total, oldest first out) so that dissecting that frame again, e.g. to
 * show it in detail after the scan, gives the same result without re-adding fragments.
 */

export const MAX_DATAGRAM = 65_535 + 64;
export const MAX_FRAGMENTS = 256;
export const MAX_PENDING_BYTES = 8 * 1024 * 1024;
export const MAX_PENDING = 4096;
export const MAX_AGE_NS = 60_000_000_000n;
export const MAX_DONE_BYTES = 32 * 1024 * 1024;

export interface Fragment {
  frame: number;
  /** Byte offset of this fragment's data in the datagram. */
  offset: number;
  data: Uint8Array;
}

export interface Reassembled {
  bytes: Uint8Array;
  /** Fragments sorted by offset (as Wireshark lists them). */
  fragments: Fragment[];
}

interface Pending {
  fragments: Fragment[];
  /** Length of the whole datagram once the final fragment is known, else -1. */
  total: number;
  held: number;
  firstTimeNs: bigint;
}

export class FragmentTable {
  private readonly pending = new Map<string, Pending>();
  private pendingBytes = 0;
  private readonly done = new Map<number, Map<string, Reassembled>>();
  private doneBytes = 0;
  /** Highest frame number that has added fragments: lower or equal frames are revisits. */
  private lastFrame = 0;

  /** True when this frame was already seen: then use `completedIn`, never `add`. */
  isRevisit(frame: number): boolean {
    return frame <= this.lastFrame;
  }

  /** The datagram a frame completed in an earlier pass, if any. */
  completedIn(frame: number, key: string): Reassembled | undefined {
    return this.done.get(frame)?.get(key);
  }

  /**
   * One fragment, as IPv4 and IPv6 meet it: on a frame seen before, the datagram it completed
   * then; otherwise added (when the fragment was captured whole), with the datagram it completes.
   */
  accept(
    key: string,
    frame: number,
    timeNs: bigint,
    offset: number,
    data: Uint8Array,
    more: boolean,
    capturedWhole: boolean,
  ): Reassembled | undefined {
    if (this.isRevisit(frame)) return this.completedIn(frame, key);
    return capturedWhole ? this.add(key, frame, timeNs, offset, data, more) : undefined;
  }

  /**
   * Adds one fragment; returns the whole datagram when this fragment completes it.
   * `data` is copied (it may be a view into a reader buffer).
   */
  add(
    key: string,
    frame: number,
    timeNs: bigint,
    offset: number,
    data: Uint8Array,
    more: boolean,
  ): Reassembled | undefined {
    this.lastFrame = Math.max(this.lastFrame, frame);
    this.expire(timeNs);
    let p = this.pending.get(key);
    if (p === undefined) {
      p = { fragments: [], total: -1, held: 0, firstTimeNs: timeNs };
      this.pending.set(key, p);
    }
    const end = offset + data.length;
    if (end > MAX_DATAGRAM || p.fragments.length >= MAX_FRAGMENTS) {
      this.drop(key, p);
      return undefined;
    }
    if (!more) {
      if (p.total !== -1 && p.total !== end) {
        // Two different final fragments: Wireshark's "multiple tails"; keep the first.
      } else p.total = end;
    }
    p.fragments.push({ frame, offset, data: data.slice() });
    p.held += data.length;
    this.pendingBytes += data.length;
    while (this.pendingBytes > MAX_PENDING_BYTES || this.pending.size > MAX_PENDING) {
      const oldest = this.pending.keys().next();
      if (oldest.done) break;
      this.drop(oldest.value, this.pending.get(oldest.value) as Pending);
    }
    if (!this.pending.has(key) || p.total === -1) return undefined;
    const result = assemble(p);
    if (result === undefined) return undefined;
    this.drop(key, p);
    this.remember(frame, key, result);
    return result;
  }

  private drop(key: string, p: Pending): void {
    this.pending.delete(key);
    this.pendingBytes -= p.held;
  }

  private expire(now: bigint): void {
    for (const [key, p] of this.pending) {
      if (now - p.firstTimeNs <= MAX_AGE_NS) break; // insertion order ~ time order
      this.drop(key, p);
    }
  }

  private remember(frame: number, key: string, r: Reassembled): void {
    let m = this.done.get(frame);
    if (m === undefined) {
      m = new Map();
      this.done.set(frame, m);
    }
    m.set(key, r);
    this.doneBytes += r.bytes.length;
    while (this.doneBytes > MAX_DONE_BYTES) {
      const oldest = this.done.entries().next();
      if (oldest.done) break;
      this.done.delete(oldest.value[0]);
      for (const old of oldest.value[1].values()) this.doneBytes -= old.bytes.length;
    }
  }
}

/** The datagram if the fragments cover [0, total) without a gap; first arrival wins overlaps. */
function assemble(p: Pending): Reassembled | undefined {
  const sorted = p.fragments.slice().sort((a, b) => a.offset - b.offset);
  let covered = 0;
  for (const fr of sorted) {
    if (fr.offset > covered) return undefined;
    covered = Math.max(covered, fr.offset + fr.data.length);
  }
  if (covered < p.total) return undefined;
  const bytes = new Uint8Array(p.total);
  // Write in reverse arrival order so that earlier fragments overwrite later ones.
  for (let i = p.fragments.length - 1; i >= 0; i--) {
    const fr = p.fragments[i] as Fragment;
    const n = Math.min(fr.data.length, p.total - fr.offset);
    if (n > 0) bytes.set(fr.data.subarray(0, n), fr.offset);
  }
  return { bytes, fragments: sorted };
}
