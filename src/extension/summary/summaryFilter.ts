/**
 * The dashboard's way into the data: a clicked chart element's display filter is applied
 * in the capture (or query-log) editor of each summarized file. The editor is opened with
 * `vscode.openWith` (the capture or log view type) when it is not open yet, else revealed;
 * the filter then goes the way "Filter Packets" sends it (packetCommands.ts): the filter
 * box shows the text (setFilterText) and the document's view is filtered (setFilter).
 */
import * as vscode from 'vscode';
import type { SummaryFileInfo } from '../../core/protocol/summaryMessages';
import { CaptureEditorProvider } from '../capture/captureEditorProvider';
import type { CaptureEditor, EditorRegistry } from '../capture/editorRegistry';
import { validateFilter } from '../filterValidation';

const OPEN_TIMEOUT_MS = 30_000;

function editorOf(registry: EditorRegistry, path: string): CaptureEditor | undefined {
  return registry.all().find((e) => e.document.uri.fsPath === path);
}

/** Waits (polling every 50 ms) for the registry to hold an editor of `path`. */
async function editorOpened(registry: EditorRegistry, path: string): Promise<CaptureEditor> {
  const end = Date.now() + OPEN_TIMEOUT_MS;
  for (;;) {
    const editor = editorOf(registry, path);
    if (editor) return editor;
    if (Date.now() > end) throw new Error(`no DNSpector editor opened for ${path}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Applies `filter` in the editor of each readable file (opening or revealing it); the first
 * file's editor ends up in front. Resolves to the editors filtered; rejects with the filter
 * compiler's message when the filter does not compile.
 */
export async function applySummaryFilter(
  registry: EditorRegistry,
  files: readonly SummaryFileInfo[],
  filter: string,
  log: vscode.LogOutputChannel,
): Promise<CaptureEditor[]> {
  const error = validateFilter(filter);
  if (error) throw new Error(error);
  const readable = files.filter((f) => f.status !== 'unreadable');
  const done: CaptureEditor[] = [];
  // The last one opened is in front: go through the files backwards.
  for (const file of [...readable].reverse()) {
    let editor = editorOf(registry, file.path);
    if (editor) editor.panel.reveal(undefined, false);
    else {
      const viewType =
        file.kind === 'log' ? CaptureEditorProvider.logViewType : CaptureEditorProvider.viewType;
      await vscode.commands.executeCommand('vscode.openWith', vscode.Uri.file(file.path), viewType);
      editor = await editorOpened(registry, file.path);
    }
    editor.post({ kind: 'setFilterText', text: filter });
    await editor.document.request('setFilter', { text: filter });
    log.info(`summary: filter "${filter}" applied to ${file.path}`);
    done.push(editor);
  }
  return done.reverse();
}
