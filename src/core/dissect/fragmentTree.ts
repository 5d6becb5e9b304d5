/**
 * The items Wireshark adds to the frame that completes an IP datagram:
 * "[3 IPv4 Fragments (70 bytes): #1(24), #2(24), #3(22)]" with one "[Frame: N, payload:
 * a-b (n bytes)]" per fragment, the count, the reassembled length and data.
 */
import { addField, toHex } from '../fieldValue';
import { defineFields, type FieldDef, type FieldNode } from '../field';
import type { Reassembled } from './fragmentTable';

function fragmentFields(prefix: string, what: string) {
  return defineFields({
    // Wireshark 4.0 registers ip.fragments as FT_BYTES (-T fields prints the reassembled
    // bytes) and ipv6.fragments as FT_NONE (prints "1").
    fragments: {
      name: `${prefix}.fragments`,
      label: `${what} Fragments`,
      type: prefix === 'ip' ? 'FT_BYTES' : 'FT_NONE',
    },
    fragment: { name: `${prefix}.fragment`, label: `${what} Fragment`, type: 'FT_FRAMENUM' },
    count: {
      name: `${prefix}.fragment.count`,
      label: 'Fragment count',
      type: 'FT_UINT32',
      base: 'BASE_DEC',
    },
    length: {
      name: `${prefix}.reassembled.length`,
      label: `Reassembled ${what} length`,
      type: 'FT_UINT32',
      base: 'BASE_DEC',
    },
    data: {
      name: `${prefix}.reassembled.data`,
      label: `Reassembled ${what} data`,
      type: 'FT_BYTES',
    },
  } satisfies Record<string, FieldDef>);
}
const byPrefix = { ip: fragmentFields('ip', 'IPv4'), ipv6: fragmentFields('ipv6', 'IPv6') };
const dataFields = defineFields({
  data: { name: 'data.data', label: 'Data', type: 'FT_BYTES' },
  len: { name: 'data.len', label: 'Length', type: 'FT_INT32', base: 'BASE_DEC' },
});

/** prefix: "ip" or "ipv6"; what: "IPv4" or "IPv6"; source: the reassembled data source. */
export function addFragmentTree(
  parent: FieldNode | null,
  prefix: 'ip' | 'ipv6',
  what: string,
  r: Reassembled,
  source: number,
): void {
  if (!parent) return;
  const d = byPrefix[prefix];
  const list = r.fragments.map((f) => `#${f.frame}(${f.data.length})`).join(', ');
  const top = addField(parent, d.fragments, source, 0, r.bytes.length, r.bytes, {
    label: `${r.fragments.length} ${what} Fragments (${r.bytes.length} bytes): ${list}`,
    generated: true,
  });
  for (const f of r.fragments) {
    addField(top, d.fragment, source, f.offset, f.data.length, f.frame, {
      label: `Frame: ${f.frame}, payload: ${f.offset}-${f.offset + f.data.length - 1} (${f.data.length} bytes)`,
      generated: true,
    });
  }
  addField(top, d.count, source, 0, 0, r.fragments.length, {
    generated: true,
  });
  addField(top, d.length, source, 0, 0, r.bytes.length, {
    generated: true,
  });
  const hex = toHex(r.bytes);
  addField(top, d.data, source, 0, r.bytes.length, r.bytes, {
    display: hex.length > 72 ? hex.slice(0, 72) + '…' : hex,
    generated: true,
  });
}

/** Wireshark's "Data (N bytes)" for a payload nobody decodes (non-final fragments). */
export function addDataItem(
  ctxTree: FieldNode[] | null,
  source: number,
  start: number,
  length: number,
  bytes: Uint8Array,
): void {
  if (ctxTree === null) return;
  const node: FieldNode = {
    name: 'data',
    label: `Data (${length} bytes)`,
    source,
    start,
    length,
    show: `Data (${length} bytes)`,
    children: [],
  };
  ctxTree.push(node);
  addField(node, dataFields.data, source, start, length, bytes.subarray(start, start + length));
  addField(node, dataFields.len, source, start, 0, length, { generated: true });
}
