// Query logs in the capture editor, in a real VS Code: a file named query.log opens in the
// DNSpector Query Log editor by default, any *.log opens in it on request ("Reopen Editor
// With..."), one row per line of the file, the Type column as the line logs it, and a
// display filter on the line's Wireshark field names.
import * as assert from 'node:assert/strict';
import { copyFileSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { fixtureUri } from './workspace';
import { editorFor } from './extensionApi';

function lines(uri: vscode.Uri): string[] {
  const all = readFileSync(uri.fsPath, 'utf8').split('\n');
  if (all.at(-1) === '') all.pop();
  return all;
}

describe('query log editor', function () {
  this.timeout(60_000);
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens query.log in the DNSpector Query Log editor by default', async () => {
    const source = fixtureUri('logs/bind-print-time.log');
    const target = fixtureUri('logs/query.log');
    copyFileSync(source.fsPath, target.fsPath);
    await vscode.commands.executeCommand('vscode.open', target);
    const editor = await editorFor(target);
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(tab?.input instanceof vscode.TabInputCustom);
    assert.equal((tab.input as vscode.TabInputCustom).viewType, 'dnspector.querylog');
    assert.equal(editor.document.format, 'querylog');
    assert.equal(editor.document.progress.packets, lines(target).length);
  });

  it('opens any .log on request, one row per line, types as logged', async () => {
    const uri = fixtureUri('logs/bind-view.log');
    await vscode.commands.executeCommand('vscode.openWith', uri, 'dnspector.querylogAny');
    const editor = await editorFor(uri);
    const text = lines(uri);
    assert.equal(editor.document.view.total, text.length);
    const { rows } = await editor.document.request('getRows', { start: 0, count: 1000 });
    rows.forEach((row, i) => {
      const m = /query: \S+ \S+ (\S+) /.exec(text[i] ?? '');
      assert.equal(row.protocol, m?.[1] ?? '', `line ${i + 1}`);
    });
  });

  it('filters log lines with a display filter', async () => {
    const uri = fixtureUri('logs/bind-view.log');
    await vscode.commands.executeCommand('vscode.openWith', uri, 'dnspector.querylogAny');
    const editor = await editorFor(uri);
    const expected = lines(uri)
      .map((l, i) => (/ IN AAAA [+-]/.test(l) ? i + 1 : 0))
      .filter((n) => n > 0);
    const ok = await vscode.commands.executeCommand<boolean>(
      'dnspector.filterPackets',
      'dns.qry.type == AAAA',
    );
    assert.equal(ok, true);
    const end = Date.now() + 10_000;
    while (!(editor.document.view.complete && editor.document.view.filter !== '')) {
      if (Date.now() > end) throw new Error('the filter did not finish');
      await new Promise((r) => setTimeout(r, 50));
    }
    const { rows } = await editor.document.request('getRows', { start: 0, count: 1000 });
    assert.deepEqual(
      rows.map((r) => r.number),
      expected,
    );
  });
});
