/**
 * The frame layer and the per-capture driver: turns each CaptureRecord into a
 * DissectedFrame by adding Wireshark's `frame.*` items and handing the bytes to the
 * link-layer dissector for the record's link type. Holds the cross-frame state
 * (reassembly, first/previous time) so frames must be fed in file order.
 *
 * `scan` mode builds no tree (the fast path for indexing and statistics); `tree` mode
 * builds the full field tree of one frame. Both run the same layer code, so reassembly
 * state stays identical whichever mode a frame was seen in.
 */
import type { CaptureRecord } from '../capture/captureRecord';
import { defineFields, type FieldNode } from '../field';
import { addField } from '../fieldValue';
import { truncateColumn } from '../format/columnText';
import { absoluteTimeText, secondsText } from '../format/timeText';
import {
  createCaptureState,
  malformedColumnSuffix,
  markMalformed,
  type CaptureState,
  type DissectOptions,
  type PacketContext,
} from './packetContext';
import { linkTypeTable } from './registry';
import { registerAllDissectors } from './dissectors';

export type DissectedFrame = Omit<PacketContext, 'state'>;

const linkTypeNames: Record<number, string> = {
  0: 'NULL',
  1: 'ETHERNET',
  9: 'PPP',
  101: 'RAW',
  108: 'LOOP',
  113: 'LINUX_SLL',
  228: 'IPV4',
  229: 'IPV6',
  276: 'LINUX_SLL2',
};

export function linkTypeName(linkType: number): string {
  return linkTypeNames[linkType] ?? `LINKTYPE ${linkType}`;
}

const F = defineFields({
  time: { name: 'frame.time', label: 'Arrival Time', type: 'FT_ABSOLUTE_TIME' },
  epoch: { name: 'frame.time_epoch', label: 'Epoch Time', type: 'FT_RELATIVE_TIME' },
  delta: {
    name: 'frame.time_delta',
    label: 'Time delta from previous captured frame',
    type: 'FT_RELATIVE_TIME',
  },
  relative: {
    name: 'frame.time_relative',
    label: 'Time since reference or first frame',
    type: 'FT_RELATIVE_TIME',
  },
  number: { name: 'frame.number', label: 'Frame Number', type: 'FT_UINT32', base: 'BASE_DEC' },
  len: { name: 'frame.len', label: 'Frame Length', type: 'FT_UINT32', base: 'BASE_DEC' },
  capLen: { name: 'frame.cap_len', label: 'Capture Length', type: 'FT_UINT32', base: 'BASE_DEC' },
  interfaceId: {
    name: 'frame.interface_id',
    label: 'Interface id',
    type: 'FT_UINT32',
    base: 'BASE_DEC',
  },
  protocols: { name: 'frame.protocols', label: 'Protocols in frame', type: 'FT_STRING' },
});

defineFields({
  malformed: { name: '_ws.malformed', label: 'Malformed Packet', type: 'FT_PROTOCOL' },
  expertMessage: { name: '_ws.expert.message', label: 'Message', type: 'FT_STRING' },
});

/** Dissects the frames of one capture, in order. */
export class FrameDissector {
  readonly state: CaptureState;
  /** Link types met that no dissector handles, with the first frame that had each. */
  readonly unknownLinkTypes = new Map<number, number>();
  private pcapng = false;

  constructor(options: DissectOptions = {}) {
    registerAllDissectors();
    this.state = createCaptureState(options);
  }

  /** Tell the dissector the file is pcapng (tshark then shows interface ids). */
  setFormat(format: 'pcap' | 'pcapng'): void {
    this.pcapng = format === 'pcapng';
  }

  dissect(record: CaptureRecord, buildTree: boolean): DissectedFrame {
    const state = this.state;
    state.firstTimeNs ??= record.timeNs;
    const previous = state.previousTimeNs ?? record.timeNs;
    state.previousTimeNs = record.timeNs;

    const ctx: PacketContext = {
      meta: {
        frame: record.frame,
        timeNs: record.timeNs,
        capturedLength: record.capturedLength,
        originalLength: record.originalLength,
        linkType: record.linkType,
        interfaceId: record.interfaceId,
      },
      sources: [{ name: 'Frame', bytes: record.data }],
      tree: buildTree ? [] : null,
      state,
      net: { ipVersion: 0, transport: '', srcPort: 0, dstPort: 0 },
      protocols: [],
      dns: [],
      column: { protocol: '', info: '' },
    };

    const frameNode = buildTree ? this.frameItem(record, previous) : null;
    if (frameNode && ctx.tree) ctx.tree.push(frameNode);

    const link = linkTypeTable.get(record.linkType);
    if (link === undefined) {
      if (!this.unknownLinkTypes.has(record.linkType)) {
        this.unknownLinkTypes.set(record.linkType, record.frame);
      }
      ctx.column.protocol = 'N/A';
      ctx.column.info = `Link-layer header type ${record.linkType} is not decoded`;
    } else {
      try {
        link(ctx, 0, 0, record.data.length);
      } catch (err) {
        // Last line of defence: a dissector bug must not take the capture down with it.
        const message = `Dissector bug: ${err instanceof Error ? err.message : String(err)}`;
        markMalformed(ctx, frameNode, ctx.protocols.at(-1) ?? 'frame', message, 0, 0);
      }
    }

    if (ctx.malformed) {
      ctx.column.info = truncateColumn(ctx.column.info + malformedColumnSuffix(ctx.malformed.kind));
    }
    if (frameNode) {
      const text = ctx.protocols.join(':');
      const protocols = addField(frameNode, F.protocols, 0, 0, 0, text, {
        label: `[Protocols in frame: ${text}]`,
        generated: true,
      });
      if (protocols) protocols.show = text;
    }
    // The frame is the context without its cross-frame state. Built field by field: an
    // object rest spread (`{ state, ...frame }`) cost a seventh of the scan's time.
    const frame: DissectedFrame = {
      meta: ctx.meta,
      sources: ctx.sources,
      tree: ctx.tree,
      net: ctx.net,
      protocols: ctx.protocols,
      dns: ctx.dns,
      column: ctx.column,
    };
    if (ctx.malformed) frame.malformed = ctx.malformed;
    return frame;
  }

  private frameItem(record: CaptureRecord, previousNs: bigint): FieldNode {
    const wire = record.originalLength;
    const cap = record.capturedLength;
    const frame: FieldNode = {
      name: 'frame',
      label:
        `Frame ${record.frame}: ${wire} bytes on wire (${wire * 8} bits), ` +
        `${cap} bytes captured (${cap * 8} bits)` +
        (this.pcapng ? ` on interface ${record.interfaceId}` : ''),
      source: 0,
      start: 0,
      length: record.data.length,
      children: [],
    };
    frame.show = frame.label;
    if (this.pcapng) {
      addField(frame, F.interfaceId, 0, 0, 0, record.interfaceId);
    }
    frame.children?.push({
      name: '',
      label: `Link-layer header type: ${linkTypeName(record.linkType)} (${record.linkType})`,
      source: 0,
      start: 0,
      length: 0,
    });
    if (record.timeUnknown) {
      // Simple Packet Blocks carry no time: tshark shows none (empty frame.time_epoch).
      frame.children?.push({
        name: '',
        label: 'Arrival Time: unknown (no timestamp in the record)',
        source: 0,
        start: 0,
        length: 0,
      });
    } else {
      addField(frame, F.time, 0, 0, 0, absoluteTimeText(record.timeNs));
      const epoch = secondsText(record.timeNs);
      addField(frame, F.epoch, 0, 0, 0, epoch, { display: `${epoch} seconds` });
    }
    const delta = secondsText(record.timeNs - previousNs);
    addField(frame, F.delta, 0, 0, 0, delta, {
      label: `[${F.delta.label}: ${delta} seconds]`,
      generated: true,
    });
    const rel = secondsText(record.timeNs - (this.state.firstTimeNs ?? record.timeNs));
    addField(frame, F.relative, 0, 0, 0, rel, {
      label: `[${F.relative.label}: ${rel} seconds]`,
      generated: true,
    });
    addField(frame, F.number, 0, 0, 0, record.frame);
    addField(frame, F.len, 0, 0, 0, wire, { display: `${wire} bytes (${wire * 8} bits)` });
    addField(frame, F.capLen, 0, 0, 0, cap, { display: `${cap} bytes (${cap * 8} bits)` });
    return frame;
  }
}
