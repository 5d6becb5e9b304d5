/**
 * Test helper: runs a capture reader over bytes pushed in the given pieces and keeps a
 * copy of every record (the readers reuse one record object and views of their buffers).
 */
import { createCaptureReader } from '../../../../src/core/capture/captureReader';
import {
  copyRecord,
  type CaptureRecord,
  type CaptureReader,
  type RecordSink,
} from '../../../../src/core/capture/captureRecord';

export interface Collected {
  records: CaptureRecord[];
  reader: CaptureReader;
}

/** Pushes `bytes` cut at the given positions (ascending), then ends. */
export function collect(
  bytes: Uint8Array,
  cuts: readonly number[] = [],
  make: (sink: RecordSink) => CaptureReader = createCaptureReader,
): Collected {
  const records: CaptureRecord[] = [];
  const reader = make((r) => records.push(copyRecord(r)));
  let at = 0;
  for (const cut of [...cuts, bytes.length]) {
    // Copy each piece into its own buffer, as a file stream would deliver it.
    reader.push(bytes.slice(at, cut));
    at = cut;
  }
  reader.end();
  return { records, reader };
}

/** Every byte in its own chunk. */
export function collectBytewise(bytes: Uint8Array): Collected {
  return collect(
    bytes,
    Array.from({ length: Math.max(0, bytes.length - 1) }, (_, i) => i + 1),
  );
}
