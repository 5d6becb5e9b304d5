/**
 * The entry point for reading captures: sniffs the first 4 bytes (pcap magics in both
 * byte orders and time units, pcapng's 0A 0D 0D 0A) and delegates every byte to the
 * matching streaming reader. Anything else is a `format` problem at offset 0.
 */
import type { CaptureFileInfo, CaptureProblem, CaptureReader, RecordSink } from './captureRecord';
import { PcapngReader } from './pcapngReader';
import { PcapReader, pcapMagic } from './pcapReader';

const SNIFF_LENGTH = 4;

function isPcapng(b: Uint8Array): boolean {
  return b[0] === 0x0a && b[1] === 0x0d && b[2] === 0x0d && b[3] === 0x0a;
}

/** True if `b` (fewer than 4 bytes) could still become a known magic. */
function isMagicPrefix(b: Uint8Array): boolean {
  const magics = [
    [0xa1, 0xb2, 0xc3, 0xd4],
    [0xd4, 0xc3, 0xb2, 0xa1],
    [0xa1, 0xb2, 0x3c, 0x4d],
    [0x4d, 0x3c, 0xb2, 0xa1],
    [0x0a, 0x0d, 0x0d, 0x0a],
  ];
  return magics.some((m) => b.every((x, i) => x === m[i]));
}

/** True if `head` starts with a pcap or pcapng magic (the first 4 bytes of a capture). */
export function hasCaptureMagic(head: Uint8Array): boolean {
  return head.length >= SNIFF_LENGTH && isMagicPrefix(head.subarray(0, SNIFF_LENGTH));
}

class SniffingReader implements CaptureReader {
  private inner: (PcapReader | PcapngReader) | undefined;
  private readonly head = new Uint8Array(SNIFF_LENGTH);
  private headLen = 0;
  private ownProblems: CaptureProblem[] = [];
  private rejected = false;

  constructor(private readonly sink: RecordSink) {}

  get info(): CaptureFileInfo | undefined {
    return this.inner?.info;
  }

  get problems(): readonly CaptureProblem[] {
    return this.inner ? this.inner.problems : this.ownProblems;
  }

  get failed(): boolean {
    return this.rejected || (this.inner?.failed ?? false);
  }

  /** Records delivered so far. */
  get frames(): number {
    return this.inner?.frames ?? 0;
  }

  push(chunk: Uint8Array): void {
    if (this.inner) {
      this.inner.push(chunk);
      return;
    }
    if (this.rejected || chunk.length === 0) return;
    const take = Math.min(SNIFF_LENGTH - this.headLen, chunk.length);
    this.head.set(chunk.subarray(0, take), this.headLen);
    this.headLen += take;
    if (this.headLen < SNIFF_LENGTH) return;
    const h = this.head;
    const reader = isPcapng(h)
      ? new PcapngReader(this.sink)
      : pcapMagic(h[0] ?? 0, h[1] ?? 0, h[2] ?? 0, h[3] ?? 0)
        ? new PcapReader(this.sink)
        : undefined;
    if (!reader) {
      this.reject();
      return;
    }
    this.inner = reader;
    // The sniffed bytes came from this chunk, or partly from earlier tiny ones.
    if (take === SNIFF_LENGTH) reader.push(chunk);
    else {
      reader.push(h.slice());
      reader.push(chunk.subarray(take));
    }
  }

  end(): void {
    if (this.inner) {
      this.inner.end();
      return;
    }
    if (this.rejected) return;
    if (this.headLen === 0) {
      this.fail('format', 'the file is empty: not a pcap or pcapng file');
    } else if (isMagicPrefix(this.head.subarray(0, this.headLen))) {
      this.rejected = true;
      this.ownProblems.push({
        kind: 'truncated',
        fileOffset: 0,
        message: 'the file ends inside the file header',
      });
    } else this.reject();
  }

  private reject(): void {
    const gzip = this.head[0] === 0x1f && (this.headLen < 2 || this.head[1] === 0x8b);
    this.fail(
      'format',
      gzip
        ? 'not a pcap or pcapng file: it looks gzip-compressed (decompress it first)'
        : 'not a pcap or pcapng file',
    );
  }

  private fail(kind: CaptureProblem['kind'], message: string): void {
    this.rejected = true;
    this.ownProblems.push({ kind, fileOffset: 0, message });
  }
}

/** A reader for pcap or pcapng, decided by the first 4 bytes. */
export function createCaptureReader(onRecord: RecordSink): CaptureReader {
  return new SniffingReader(onRecord);
}
