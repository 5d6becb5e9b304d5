/**
 * The capture editor's commands: Go to Packet, Follow Transaction, Filter Packets (palette,
 * editor title, Ctrl+G), and the packet tree view's Copy Value, Copy Field Name and
 * Apply as Filter. Each acts on the active capture editor; arguments let tests and other
 * extensions skip the input boxes.
 */
import * as vscode from 'vscode';
import { filterForItem } from '../../core/session/applyAsFilter';
import type { CaptureEditor, EditorRegistry } from '../capture/editorRegistry';
import type { PacketField } from '../tree/packetTreeProvider';
import { validateFilter } from '../filterValidation';

/** Selects packet n in the editor (and tells the tree view). */
export function selectPacket(
  editor: CaptureEditor,
  n: number,
  highlight?: { source: number; start: number; length: number },
): void {
  editor.post(highlight ? { kind: 'select', number: n, highlight } : { kind: 'select', number: n });
  editor.selected(n);
}

export function registerPacketCommands(
  context: vscode.ExtensionContext,
  registry: EditorRegistry,
): void {
  const needEditor = (): CaptureEditor | undefined => {
    const editor = registry.active ?? (registry.all().length === 1 ? registry.all()[0] : undefined);
    if (!editor) void vscode.window.showInformationMessage(vscode.l10n.t('Open a capture first.'));
    return editor;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('dnspector.goToPacket', async (arg?: number) => {
      const editor = needEditor();
      if (!editor) return undefined;
      const packets = editor.document.view.packets;
      let n = typeof arg === 'number' ? arg : undefined;
      if (n === undefined) {
        const text = await vscode.window.showInputBox({
          title: vscode.l10n.t('Go to Packet'),
          prompt: vscode.l10n.t('Packet number (1 to {0})', packets),
          validateInput: (v) =>
            /^\d+$/.test(v.trim()) && Number(v) >= 1 && Number(v) <= packets
              ? undefined
              : vscode.l10n.t('Enter a packet number from 1 to {0}', packets),
        });
        if (text === undefined) return undefined;
        n = Number(text.trim());
      }
      if (!Number.isInteger(n) || n < 1 || n > packets) {
        void vscode.window.showWarningMessage(vscode.l10n.t('There is no packet {0}.', String(n)));
        return undefined;
      }
      selectPacket(editor, n);
      return n;
    }),
    vscode.commands.registerCommand('dnspector.followTransaction', async () => {
      const editor = needEditor();
      if (!editor) return undefined;
      if (editor.selection === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Select a DNS packet first.'));
        return undefined;
      }
      const other = await editor.document.partnerOf(editor.selection);
      if (other === undefined) {
        void vscode.window.showInformationMessage(
          vscode.l10n.t('Packet {0} has no matching query or response.', editor.selection),
        );
        return undefined;
      }
      selectPacket(editor, other);
      return other;
    }),
    vscode.commands.registerCommand('dnspector.filterPackets', async (arg?: string) => {
      const editor = needEditor();
      if (!editor) return undefined;
      let text = typeof arg === 'string' ? arg : undefined;
      if (text === undefined) {
        text = await vscode.window.showInputBox({
          title: vscode.l10n.t('Filter Packets'),
          prompt: vscode.l10n.t(
            'A Wireshark display filter, e.g. dns.qry.type == AAAA && ip.src == 10.0.0.5',
          ),
          value: editor.document.view.filter,
          validateInput: validateFilter,
        });
        if (text === undefined) return undefined;
      }
      const error = validateFilter(text);
      if (error) {
        void vscode.window.showErrorMessage(error);
        return undefined;
      }
      editor.post({ kind: 'setFilterText', text });
      return (await editor.document.request('setFilter', { text })).ok;
    }),
    vscode.commands.registerCommand('dnspector.copyValue', async (f?: PacketField) => {
      if (!f) return;
      await vscode.env.clipboard.writeText(f.item.value ?? f.item.label);
    }),
    vscode.commands.registerCommand('dnspector.copyFieldName', async (f?: PacketField) => {
      if (!f?.item.name) return;
      await vscode.env.clipboard.writeText(f.item.name);
    }),
    vscode.commands.registerCommand('dnspector.applyAsFilter', async (f?: PacketField) => {
      const text = f ? filterForItem(f.item) : undefined;
      if (text === undefined) return;
      await vscode.commands.executeCommand('dnspector.filterPackets', text);
    }),
  );
}
