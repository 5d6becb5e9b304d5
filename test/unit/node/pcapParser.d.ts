/**
 * Types for the parts of the untyped npm package `pcap-parser` (0.2.x) that the oracle
 * test uses: it reads classic microsecond pcap from a path and emits one event per packet.
 */
declare module 'pcap-parser' {
  import type { EventEmitter } from 'node:events';

  export interface PcapParserPacket {
    header: {
      timestampSeconds: number;
      timestampMicroseconds: number;
      capturedLength: number;
      originalLength: number;
    };
    data: Uint8Array;
  }

  export interface PcapParser extends EventEmitter {
    on(event: 'packet', listener: (packet: PcapParserPacket) => void): this;
    on(event: 'globalHeader', listener: (header: { linkLayerType: number }) => void): this;
    on(event: 'end', listener: () => void): this;
    on(event: 'error', listener: (err: Error) => void): this;
  }

  export function parse(input: string | NodeJS.ReadableStream): PcapParser;
}
