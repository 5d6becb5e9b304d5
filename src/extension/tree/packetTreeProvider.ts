/**
 * The native tree view `DNSpector: Packet` (Explorer): the DNS message(s) of the packet
 * selected in the active capture editor, item for item as the editor's detail tree shows
 * them. Tooltips are MarkdownStrings built with appendText/appendCodeblock only (packet
 * text is escaped, never trusted, no HTML, no command links). Selecting an item
 * highlights its bytes in the editor; items with a filter name have Copy Value, Copy
 * Field Name and Apply as Filter in their context menu.
 */
import * as vscode from 'vscode';
import type { ByteSource, PacketDetail, TreeItem } from '../../core/protocol/captureMessages';
import type { CaptureEditor, EditorRegistry } from '../capture/editorRegistry';

const DNS_PROTOCOLS = new Set(['dns', 'mdns', 'llmnr']);

/** A tree view element: one item of the selected packet's tree. */
export interface PacketField {
  readonly item: TreeItem;
  readonly parent: PacketField | undefined;
  /** Stable id within the packet (path of child indexes). */
  readonly id: string;
  readonly packet: number;
  readonly sources: readonly ByteSource[];
}

export class PacketTreeProvider implements vscode.TreeDataProvider<PacketField>, vscode.Disposable {
  static readonly viewId = 'dnspector.packet';
  private readonly changeEmitter = new vscode.EventEmitter<PacketField | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private roots: PacketField[] = [];
  private message: string | undefined;
  private editor: CaptureEditor | undefined;
  private detail: PacketDetail | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  readonly view: vscode.TreeView<PacketField>;
  private generation = 0;

  constructor(
    private readonly registry: EditorRegistry,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.view = vscode.window.createTreeView(PacketTreeProvider.viewId, {
      treeDataProvider: this,
      showCollapseAll: true,
    });
    this.disposables.push(
      this.view,
      this.changeEmitter,
      registry.onDidSelect((e) => {
        if (e === registry.active || !registry.active) void this.show(e);
      }),
      registry.onDidChangeActive((e) => {
        if (e) void this.show(e);
      }),
      this.view.onDidChangeSelection((e) => {
        const f = e.selection[0];
        if (f && this.editor && f.packet === this.editor.selection && f.item.length > 0) {
          this.editor.post({
            kind: 'select',
            number: f.packet,
            highlight: { source: f.item.source, start: f.item.start, length: f.item.length },
          });
        }
      }),
    );
  }

  /** The packet shown now (for tests and commands). */
  get shown(): PacketDetail | undefined {
    return this.detail;
  }

  /** Resolves when the view shows the editor's selected packet. */
  async show(editor: CaptureEditor): Promise<void> {
    const generation = ++this.generation;
    this.editor = editor;
    const n = editor.selection;
    if (n === 0) {
      this.setRoots(undefined, [], undefined);
      return;
    }
    try {
      const detail = await editor.document.request('getPacket', { number: n });
      if (generation !== this.generation) return;
      const dns = detail.tree.filter((t) => DNS_PROTOCOLS.has(t.name));
      const items = dns.length > 0 ? dns : [];
      const roots = items.map((item, i) => this.field(item, undefined, `${i}`, detail));
      this.setRoots(
        detail,
        roots,
        roots.length === 0
          ? editor.document.format === 'querylog'
            ? vscode.l10n.t('Line {0} is not a query-log line.', n)
            : vscode.l10n.t('Packet {0} holds no DNS message.', n)
          : undefined,
      );
    } catch (err) {
      if (generation !== this.generation) return;
      this.log.warn(`packet view: ${err instanceof Error ? err.message : String(err)}`);
      this.setRoots(undefined, [], vscode.l10n.t('Packet {0} could not be read.', n));
    }
  }

  private setRoots(
    detail: PacketDetail | undefined,
    roots: PacketField[],
    message: string | undefined,
  ): void {
    this.detail = detail;
    this.roots = roots;
    this.message = message;
    this.view.message = message;
    const unit = this.editor?.document.format === 'querylog' ? 'line' : 'packet';
    this.view.description = detail
      ? unit === 'line'
        ? vscode.l10n.t('line {0}', detail.number)
        : vscode.l10n.t('packet {0}', detail.number)
      : undefined;
    this.changeEmitter.fire(undefined);
  }

  private field(
    item: TreeItem,
    parent: PacketField | undefined,
    id: string,
    detail: PacketDetail,
  ): PacketField {
    return { item, parent, id, packet: detail.number, sources: detail.sources };
  }

  getChildren(element?: PacketField): PacketField[] {
    if (!element) return this.roots;
    const detail = this.detail;
    if (!detail) return [];
    return (element.item.children ?? []).map((c, i) =>
      this.field(c, element, `${element.id}.${i}`, detail),
    );
  }

  getParent(element: PacketField): PacketField | undefined {
    return element.parent;
  }

  getTreeItem(f: PacketField): vscode.TreeItem {
    const item = f.item;
    const t = new vscode.TreeItem(
      item.label,
      item.children?.length
        ? f.parent === undefined
          ? vscode.TreeItemCollapsibleState.Expanded
          : vscode.TreeItemCollapsibleState.Collapsed
        : vscode.TreeItemCollapsibleState.None,
    );
    t.id = `${f.packet}:${f.id}`;
    t.contextValue = item.name ? 'field' : 'text';
    if (item.name) t.description = item.name;
    t.tooltip = fieldTooltip(f);
    if (item.expert) {
      t.iconPath = new vscode.ThemeIcon(
        item.expert.severity === 'error'
          ? 'error'
          : item.expert.severity === 'warn'
            ? 'warning'
            : 'info',
        new vscode.ThemeColor(
          item.expert.severity === 'error' ? 'list.errorForeground' : 'list.warningForeground',
        ),
      );
    }
    return t;
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }

  /** For tests: the items at the top. */
  get topItems(): readonly PacketField[] {
    return this.roots;
  }

  get emptyMessage(): string | undefined {
    return this.message;
  }
}

/** The tooltip: label, field name, meaning, value, where, bytes; all packet text escaped. */
export function fieldTooltip(f: PacketField): vscode.MarkdownString {
  const item = f.item;
  const md = new vscode.MarkdownString(undefined, false);
  md.isTrusted = false;
  md.supportHtml = false;
  md.appendText(item.label);
  md.appendMarkdown('\n\n');
  if (item.name) {
    md.appendCodeblock(item.name, 'text');
  }
  if (item.help) {
    md.appendText(item.help);
    md.appendMarkdown('\n\n');
  }
  if (item.value !== undefined) {
    md.appendText(`Value: ${item.value}`);
    md.appendMarkdown('\n\n');
  }
  const source = f.sources[item.source];
  if (item.length > 0 && source) {
    const where = item.source === 0 ? '' : ` in ${source.name}`;
    md.appendText(`Offset ${item.start}, length ${item.length}${where}`);
    const bytes = source.bytes.subarray(item.start, item.start + Math.min(item.length, 64));
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
    md.appendCodeblock(hex + (item.length > 64 ? ' …' : ''), 'text');
  }
  if (item.expert) {
    md.appendText(`${item.expert.severity}: ${item.expert.message}`);
  }
  return md;
}
