/**
 * A field tree made plain for the webview and the native tree view (TreeItem, protocol
 * type): hidden items dropped, generated ones in [brackets], the help text of each field,
 * and frame-number fields (dns.response_in, dns.response_to, dns.retransmit_*_in) turned
 * into links to the unit they name.
 */
import type { FieldNode } from '../field';
import type { TreeItem } from '../protocol/captureMessages';

/** Help text for a field name (hovers); absent means none. */
export type FieldHelp = (name: string) => string | undefined;

const LINKS = new Set([
  'dns.response_in',
  'dns.response_to',
  'dns.retransmit_request_in',
  'dns.retransmit_response_in',
]);

/** `units`: how many frames (or lines) exist, so links point only at real ones. */
export function plainTree(
  tree: readonly FieldNode[],
  help: FieldHelp | undefined,
  units: number,
): TreeItem[] {
  const plain = (node: FieldNode): TreeItem | undefined => {
    if (node.hidden) return undefined;
    const label = node.generated && !node.label.startsWith('[') ? `[${node.label}]` : node.label;
    const item: TreeItem = {
      name: node.name,
      label,
      source: node.source,
      start: node.start,
      length: node.length,
    };
    if (node.show !== undefined && node.name !== '') item.value = node.show;
    const text = node.name && help ? help(node.name) : undefined;
    if (text) item.help = text;
    if (node.expert) item.expert = { severity: node.expert.severity, message: node.expert.message };
    if (node.generated) item.generated = true;
    if (LINKS.has(node.name)) {
      const target = Number(node.show);
      if (Number.isInteger(target) && target >= 1 && target <= units) item.link = target;
    }
    const children = (node.children ?? []).map(plain).filter((c): c is TreeItem => !!c);
    if (children.length > 0) item.children = children;
    return item;
  };
  return tree.map(plain).filter((c): c is TreeItem => !!c);
}
