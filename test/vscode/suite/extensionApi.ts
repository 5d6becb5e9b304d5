// What the extension-host tests share: the activated extension's API, polling until a
// condition holds, and the capture/log editor opened for a workspace file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DnspectorApi } from '../../../src/extension/extension';
import type { CaptureEditor } from '../../../src/extension/capture/editorRegistry';

export async function api(): Promise<DnspectorApi> {
  const ext = vscode.extensions.getExtension<DnspectorApi>('dnspector.dnspector');
  assert.ok(ext, 'dnspector.dnspector is not installed');
  return ext.activate();
}

/** Polls `get` every 50 ms until it gives something other than undefined or false. */
export async function until<T>(what: string, get: () => T | undefined, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = get();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The DNSpector editor showing `uri`, once it has indexed the file. */
export async function editorFor(uri: vscode.Uri): Promise<CaptureEditor> {
  const { registry } = await api();
  const editor = await until(`an editor for ${uri.fsPath}`, () =>
    registry.all().find((e) => e.document.uri.fsPath === uri.fsPath),
  );
  await editor.document.indexed;
  return editor;
}
