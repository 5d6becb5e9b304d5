/**
 * Test helper: runs the DNS dissector over hand-built bytes (offsets start at 0) in tree
 * or scan mode and finds fields by their Wireshark names.
 */
import { walkFields, type FieldNode } from '../../../../src/core/field';
import { createCaptureState, type PacketContext } from '../../../../src/core/dissect/packetContext';
import { appDissectors } from '../../../../src/core/dissect/registry';
import { registerDns } from '../../../../src/core/dns/dnsRegistration';

registerDns();

export function hex(text: string): Uint8Array {
  const clean = text.replace(/[^0-9a-fA-F]/g, '');
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export interface Dissected {
  ctx: PacketContext;
  tree: FieldNode[];
  /** -T fields text of every occurrence of a field, in tree order. */
  shows(name: string): string[];
  /** The first field with that name. */
  field(name: string): FieldNode | undefined;
}

export function dissect(
  bytes: Uint8Array,
  opts: { tcp?: boolean; port?: number; scan?: boolean; truncatedCapture?: boolean } = {},
): Dissected {
  const tree: FieldNode[] = [];
  const port = opts.port ?? 53;
  const ctx: PacketContext = {
    meta: {
      frame: 1,
      timeNs: 0n,
      capturedLength: bytes.length,
      originalLength: bytes.length + (opts.truncatedCapture ? 100 : 0),
      linkType: 1,
      interfaceId: 0,
    },
    sources: [{ name: 'frame', bytes }],
    tree: opts.scan ? null : tree,
    state: createCaptureState(),
    net: { ipVersion: 4, transport: opts.tcp ? 'tcp' : 'udp', srcPort: port, dstPort: 40000 },
    protocols: [],
    dns: [],
    column: { protocol: '', info: '' },
  };
  const run = opts.tcp ? appDissectors.dnsTcp : appDissectors.dnsUdp;
  if (!run) throw new Error('DNS dissector not registered');
  run(ctx, 0, 0, bytes.length);
  return {
    ctx,
    tree,
    shows: (name) => [...walkFields(tree)].filter((n) => n.name === name).map((n) => n.show ?? ''),
    field: (name) => [...walkFields(tree)].find((n) => n.name === name),
  };
}
