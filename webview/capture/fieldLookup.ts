/**
 * Walking the detail tree by path (indices from the root forest): the item at a path, the
 * innermost item covering a byte (what hovering a byte names, as Wireshark picks the
 * smallest field under the cursor), and the keys that remember expanded subtrees across
 * packets. No DOM: unit-tested in Node.
 */
import type { TreeItem } from '../../src/core/protocol/captureMessages';

export type ItemPath = readonly number[];

export function itemAt(tree: readonly TreeItem[], path: ItemPath): TreeItem | undefined {
  let items: readonly TreeItem[] | undefined = tree;
  let item: TreeItem | undefined;
  for (const i of path) {
    item = items?.[i];
    if (!item) return undefined;
    items = item.children;
  }
  return item;
}

export function pathKey(path: ItemPath): string {
  return path.join('.');
}

export function parsePathKey(key: string): number[] {
  return key === '' ? [] : key.split('.').map(Number);
}

/**
 * The deepest, smallest item of `source` whose bytes contain `offset` (items of length 0
 * cover nothing). Among items of equal length the deeper one wins (a field over its
 * one-child subtree), then the first in tree order.
 */
export function innermostItem(
  tree: readonly TreeItem[],
  source: number,
  offset: number,
): number[] | null {
  let best: { path: number[]; length: number } | null = null;
  const walk = (items: readonly TreeItem[], prefix: number[]): void => {
    items.forEach((item, i) => {
      const path = [...prefix, i];
      if (
        item.source === source &&
        item.length > 0 &&
        offset >= item.start &&
        offset < item.start + item.length &&
        (best === null ||
          item.length < best.length ||
          (item.length === best.length && path.length > best.path.length))
      ) {
        best = { path, length: item.length };
      }
      if (item.children) walk(item.children, path);
    });
  };
  walk(tree, []);
  return (best as { path: number[] } | null)?.path ?? null;
}

/**
 * The key under which an item's expanded state is remembered across packets: its filter
 * name (`dns.flags`, `ip`), or for a text-only item its parent's key and the label's text
 * before the first ':' ("Queries", "Answers"); Wireshark remembers subtree types the same way.
 */
export function expansionKey(item: TreeItem, parentKey: string): string {
  if (item.name !== '') return item.name;
  const colon = item.label.indexOf(':');
  const head = (colon >= 0 ? item.label.slice(0, colon) : item.label).trim();
  return `${parentKey}>${head}`;
}

/** Every path from the root to `path` (exclusive): the ancestors to expand to reveal it. */
export function ancestors(path: ItemPath): number[][] {
  const out: number[][] = [];
  for (let i = 1; i < path.length; i++) out.push(path.slice(0, i));
  return out;
}
