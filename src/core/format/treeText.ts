/**
 * The field tree as indented text, like `tshark -V`, with each item's byte range:
 * `[offset, length]` in the frame, or `[Reassembled TCP: offset, length]` in another
 * data source. Hidden items are left out, generated ones shown in [brackets].
 */
import type { DataSource, FieldNode } from '../field';

export function treeText(tree: readonly FieldNode[], sources: readonly DataSource[]): string {
  const lines: string[] = [];
  const visit = (node: FieldNode, depth: number): void => {
    if (node.hidden) return;
    const label = node.generated && !node.label.startsWith('[') ? `[${node.label}]` : node.label;
    const where =
      node.source === 0
        ? `[${node.start}, ${node.length}]`
        : `[${sources[node.source]?.name ?? `source ${node.source}`}: ${node.start}, ${node.length}]`;
    lines.push(`${'    '.repeat(depth)}${label}  ${where}`);
    for (const c of node.children ?? []) visit(c, depth + 1);
  };
  for (const n of tree) visit(n, 0);
  return lines.join('\n');
}
