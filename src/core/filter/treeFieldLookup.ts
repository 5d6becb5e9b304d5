/**
 * A FieldLookup over one packet's field tree: every item with a filter name, hidden and
 * generated ones included (ip.addr, udp.port, dns.time), in tree order. The index is
 * built on the first lookup, in one walk, so a filter costs one pass over the tree.
 */
import { walkFields, type FieldNode } from '../field';
import type { FieldLookup } from './filterEval';

const none: readonly FieldNode[] = [];

export function treeFieldLookup(tree: readonly FieldNode[]): FieldLookup {
  let index: Map<string, FieldNode[]> | undefined;
  return (name) => {
    if (index === undefined) {
      index = new Map();
      for (const node of walkFields(tree)) {
        if (node.name === '') continue;
        const list = index.get(node.name);
        if (list) list.push(node);
        else index.set(node.name, [node]);
      }
    }
    return index.get(name) ?? none;
  };
}
