/**
 * A capture's DNS message events, frame by frame in file order, for the statistics: the
 * fast path (udpDnsFastScan.ts) for the common UDP frame, FrameDissector in scan mode plus
 * frameMessageEvents for every other frame (TCP reassembly, fragments, odd links, faults),
 * so the events are the same whichever path a frame took. The fast path can be switched
 * off (`fast: false`) to compare the two.
 *
 * Events from the fast path are one reused object, valid only during the `emit` call: a
 * consumer that queues events must copy them (copyMessageEvent).
 */
import type { CaptureRecord } from '../capture/captureRecord';
import { FrameDissector } from '../dissect/frame';
import type { DissectOptions } from '../dissect/packetContext';
import type { DnsMessageEvent } from '../stats/dnsEvent';
import { frameMessageEvents } from '../stats/frameEvents';
import { UdpDnsFastScan } from './udpDnsFastScan';

export interface MessageScanOptions extends DissectOptions {
  /** Use the fast path where it applies (default true). */
  fast?: boolean;
}

export class CaptureMessageScan {
  readonly dissector: FrameDissector;
  private readonly fast: UdpDnsFastScan | null;

  constructor(options: MessageScanOptions = {}) {
    const { fast = true, ...dissect } = options;
    this.dissector = new FrameDissector({ ...dissect, dnsInfo: false });
    this.fast = fast ? new UdpDnsFastScan(this.dissector.state.dnsPorts) : null;
  }

  /** Frames the fast path took and frames it handed to the dissector. */
  get fastFrames(): number {
    return this.fast?.accepted ?? 0;
  }

  get dissectedFrames(): number {
    return this.fast?.declined ?? 0;
  }

  /** Hands each DNS message of the record to `emit`, in order. */
  scan(record: CaptureRecord, emit: (event: DnsMessageEvent) => void): void {
    const fast = this.fast;
    if (fast !== null && fast.scan(record)) {
      emit(fast.event);
      return;
    }
    const frame = this.dissector.dissect(record, false);
    if (frame.dns.length === 0) return;
    for (const e of frameMessageEvents(frame)) emit(e);
  }
}

/** A copy of an event that outlives the emit call. */
export function copyMessageEvent(e: DnsMessageEvent): DnsMessageEvent {
  const copy = { ...e };
  if (e.edns) copy.edns = { ...e.edns };
  return copy;
}
