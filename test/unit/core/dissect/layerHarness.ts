/**
 * Drives the network layers without the lead's frame driver: builds a PacketContext for
 * hand-written bytes, registers the layers, and records what would reach DNS (a stub in
 * appDissectors) so tests can check the ranges the layers hand over.
 */
import {
  createCaptureState,
  type CaptureState,
  type DissectOptions,
  type PacketContext,
} from '../../../../src/core/dissect/packetContext';
import { appDissectors, linkTypeTable } from '../../../../src/core/dissect/registry';
import { registerNetworkLayers } from '../../../../src/core/dissect/networkLayers';
import { emptyDnsMessageInfo } from '../../../../src/core/dns/dnsMessage';
import type { FieldNode } from '../../../../src/core/field';

/** Bytes from a hex string; spaces, newlines and `# comments` are ignored. */
export function hex(text: string): Uint8Array {
  const clean = text.replace(/#[^\n]*/g, '').replace(/[^0-9a-fA-F]/g, '');
  if (clean.length % 2 !== 0) throw new Error(`odd hex length ${clean.length}`);
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export interface DnsCall {
  transport: 'udp' | 'tcp';
  frame: number;
  sourceName: string;
  bytes: Uint8Array;
}

export interface Harness {
  state: CaptureState;
  calls: DnsCall[];
  /** Dissects one frame; returns the context for inspection. */
  frame(
    linkType: number,
    data: Uint8Array,
    opts?: { tree?: boolean; frame?: number; timeNs?: bigint; originalLength?: number },
  ): PacketContext;
}

let registered = false;

/** A fresh capture (empty reassembly state) with a DNS stub that records every call. */
export function harness(withDns = true, options: DissectOptions = {}): Harness {
  if (!registered) {
    registerNetworkLayers();
    registered = true;
  }
  const calls: DnsCall[] = [];
  const state = createCaptureState(options);
  let nextFrame = 1;
  const record =
    (transport: 'udp' | 'tcp') =>
    (ctx: PacketContext, source: number, start: number, end: number): void => {
      const src = ctx.sources[source]!;
      calls.push({
        transport,
        frame: ctx.meta.frame,
        sourceName: src.name,
        bytes: src.bytes.slice(start, end),
      });
      ctx.protocols.push('dns');
      ctx.dns.push(emptyDnsMessageInfo({ source, start, length: end - start }, transport));
    };
  return {
    state,
    calls,
    frame(linkType, data, opts = {}) {
      // The tables are process-wide: put back what was there, so other suites see the real DNS.
      const saved = { dnsUdp: appDissectors.dnsUdp, dnsTcp: appDissectors.dnsTcp };
      if (withDns) {
        appDissectors.dnsUdp = record('udp');
        appDissectors.dnsTcp = record('tcp');
      } else {
        appDissectors.dnsUdp = undefined;
        appDissectors.dnsTcp = undefined;
      }
      const frame = opts.frame ?? nextFrame;
      nextFrame = frame + 1;
      const ctx: PacketContext = {
        meta: {
          frame,
          timeNs: opts.timeNs ?? BigInt(frame) * 1_000_000_000n,
          capturedLength: data.length,
          originalLength: opts.originalLength ?? data.length,
          linkType,
          interfaceId: 0,
        },
        sources: [{ name: 'Frame', bytes: data }],
        tree: opts.tree ? [] : null,
        state,
        net: { ipVersion: 0, transport: '', srcPort: 0, dstPort: 0 },
        protocols: [],
        dns: [],
        column: { protocol: '', info: '' },
      };
      const link = linkTypeTable.get(linkType);
      if (link === undefined) throw new Error(`no dissector for link type ${linkType}`);
      try {
        link(ctx, 0, 0, data.length);
      } finally {
        appDissectors.dnsUdp = saved.dnsUdp;
        appDissectors.dnsTcp = saved.dnsTcp;
      }
      return ctx;
    },
  };
}

/** All nodes named `name` in a tree, depth first. */
export function findAll(tree: readonly FieldNode[] | null, name: string): FieldNode[] {
  const out: FieldNode[] = [];
  const walk = (nodes: readonly FieldNode[]): void => {
    for (const n of nodes) {
      if (n.name === name) out.push(n);
      if (n.children) walk(n.children);
    }
  };
  walk(tree ?? []);
  return out;
}

export function find(tree: readonly FieldNode[] | null, name: string): FieldNode {
  const n = findAll(tree, name)[0];
  if (n === undefined) throw new Error(`no field ${name}`);
  return n;
}

export function addressText(ctx: PacketContext, which: 'src' | 'dst'): Uint8Array {
  const r = ctx.net[which];
  if (r === undefined) throw new Error('no address');
  return ctx.sources[r.source]!.bytes.slice(r.start, r.start + r.length);
}
