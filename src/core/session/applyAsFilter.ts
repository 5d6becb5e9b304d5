/**
 * The display filter for a tree item, as Wireshark's "Apply as Filter > Selected" makes
 * it: `name == value`, with the value quoted as a string unless it reads as a number, an
 * address or a byte string; a protocol item or an item without a value filters on the
 * field's presence.
 */
import type { TreeItem } from '../protocol/captureMessages';

const BARE = [
  /^-?\d+(\.\d+)?$/, // numbers
  /^0x[0-9a-f]+$/i, // hex numbers
  /^\d{1,3}(\.\d{1,3}){3}$/, // IPv4
  /^[0-9a-f:]*:[0-9a-f:.]*$/i, // IPv6, MAC, byte strings
];

export function filterForItem(item: Pick<TreeItem, 'name' | 'value'>): string | undefined {
  if (!item.name) return undefined;
  const v = item.value;
  if (v === undefined || v === '' || !item.name.includes('.')) return item.name;
  if (BARE.some((re) => re.test(v))) return `${item.name} == ${v}`;
  return `${item.name} == "${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
