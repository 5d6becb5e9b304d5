/**
 * One line of `tshark -T fields` output for a dissected frame: for each requested field,
 * every occurrence's text in tree order joined by ",", fields joined by tabs, empty where
 * the frame has none.
 */
import type { FieldNode } from '../field';

export function fieldsLine(tree: readonly FieldNode[], names: readonly string[]): string {
  const wanted = new Map<string, string[]>();
  for (const n of names) wanted.set(n, []);
  const stack: FieldNode[] = [];
  for (let i = tree.length - 1; i >= 0; i--) stack.push(tree[i] as FieldNode);
  while (stack.length > 0) {
    const node = stack.pop() as FieldNode;
    if (node.show !== undefined) wanted.get(node.name)?.push(node.show);
    const kids = node.children;
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as FieldNode);
  }
  return names.map((n) => (wanted.get(n) as string[]).join(',')).join('\t');
}

/** tshark's `-Y dns`: frames with a DNS protocol item (malformed ones included). */
export function hasProtocol(tree: readonly FieldNode[], protocol: string): boolean {
  return tree.some((n) => n.name === protocol);
}
