/**
 * DNSpector's entry point: registers the capture editor, the packet tree view, the
 * commands and the summary, each pushed onto the context's subscriptions. No telemetry;
 * logging goes to the "DNSpector" LogOutputChannel. Returns a small API (the registry of
 * open capture editors and the packet view) that the extension-host tests use.
 */
import * as vscode from 'vscode';
import { CaptureEditorProvider } from './capture/captureEditorProvider';
import { EditorRegistry } from './capture/editorRegistry';
import { PacketTreeProvider } from './tree/packetTreeProvider';
import { registerPacketCommands } from './commands/packetCommands';
import { registerSummaryCommands } from './summary/summaryCommands';
import { registerQueryLogLanguage } from './querylog/queryLogHoverProvider';
import { readSettings } from './settings';

export interface DnspectorApi {
  readonly registry: EditorRegistry;
  readonly packetTree: PacketTreeProvider;
}

export function activate(context: vscode.ExtensionContext): DnspectorApi {
  const log = vscode.window.createOutputChannel('DNSpector', { log: true });
  const registry = new EditorRegistry();
  const packetTree = new PacketTreeProvider(registry, log);
  context.subscriptions.push(log, registry, packetTree);
  context.subscriptions.push(CaptureEditorProvider.register(context, registry, log));
  registerPacketCommands(context, registry);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (
        !e.affectsConfiguration('dnspector.timeDisplay') &&
        !e.affectsConfiguration('dnspector.timeZone')
      )
        return;
      const s = readSettings();
      const documents = new Set(registry.all().map((editor) => editor.document));
      for (const doc of documents) doc.configure(s.timeDisplay, s.timeZone === 'UTC');
    }),
  );
  registerSummaryCommands(context, log, registry);
  registerQueryLogLanguage(context);
  log.info('DNSpector activated');
  return { registry, packetTree };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions; documents end their workers.
}
