// The summary dashboard's host side in a real VS Code: the page's messages, handed to the
// open summary panel by dnspector.summaryMessage exactly as if its page had posted them.
// applyFilter opens the summarized capture's (or log's) editor with the filter, whose view
// then holds as many packets as tshark -Y (the CLI -Y for logs) selects; malformed messages
// change nothing; saveChart and saveDashboard write the PNGs and the Markdown.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { fixtureUri } from './workspace';
import { editorFor, until } from './extensionApi';
import { clientFilter, qtypeFilter } from '../../../src/core/report/chartFilters';

// This file runs from <repo>/out/test/vscode/suite.
const repo = join(__dirname, '../../../..');

function count(cmd: string, args: string[]): number {
  const r = spawnSync(cmd, args, {
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC', ELECTRON_RUN_AS_NODE: '1' },
  });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.split('\n').filter((l) => l !== '').length;
}

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

async function message(m: unknown, options?: { target: vscode.Uri }): Promise<void> {
  await vscode.commands.executeCommand('dnspector.summaryMessage', m, options);
}

describe('summary dashboard (host side)', function () {
  this.timeout(90_000);
  const written: vscode.Uri[] = [];

  after(async () => {
    for (const uri of written) {
      await vscode.workspace.fs.delete(uri, { recursive: true }).then(undefined, () => {});
    }
  });

  it('applyFilter opens the capture editor with the filter; tshark -Y selects as many', async () => {
    const uri = fixtureUri('incident-demo.pcap');
    await vscode.commands.executeCommand('dnspector.summarize', uri);
    const filter = qtypeFilter('AAAA');
    await message({ kind: 'applyFilter', filter });
    const editor = await editorFor(uri);
    const view = await until('the filtered view', () =>
      editor.document.view.complete && editor.document.view.filter === filter
        ? editor.document.view
        : undefined,
    );
    // tshark 4.0 takes only the number for dns.qry.type.
    const oracle = filter.replace('== AAAA', '== 28');
    const expected = count('tshark', [
      '-r',
      uri.fsPath,
      '-Y',
      oracle,
      '-T',
      'fields',
      '-e',
      'frame.number',
    ]);
    assert.equal(view.total, expected);
    assert.ok(expected > 0);
    assert.equal(editor.panel.active, true, 'the editor is revealed');

    // Malformed messages are logged and ignored: the filter stays.
    for (const bad of [
      { kind: 'applyFilter', filter: 42 },
      { kind: 'applyFilter' },
      { kind: 'nonsense', filter: 'dns' },
      'applyFilter',
    ]) {
      await message(bad);
    }
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(editor.document.view.filter, filter);
  });

  it('applyFilter on a summarized query log opens the log editor; the CLI -Y selects as many', async () => {
    const uri = fixtureUri('logs/bind-print-time.log');
    await vscode.commands.executeCommand('dnspector.summarize', uri);
    const filter = clientFilter('127.0.1.25');
    await message({ kind: 'applyFilter', filter });
    const editor = await editorFor(uri);
    const view = await until('the filtered log view', () =>
      editor.document.view.complete && editor.document.view.filter === filter
        ? editor.document.view
        : undefined,
    );
    const expected = count(process.execPath, [
      join(repo, 'dist/cli.js'),
      'fields',
      uri.fsPath,
      '-Y',
      filter,
      '-e',
      'frame.number',
    ]);
    assert.equal(view.total, expected);
    assert.ok(expected > 0);
  });

  it('saveChart writes the PNG; saveDashboard writes dashboard.md and its images', async () => {
    await vscode.commands.executeCommand('dnspector.summarize', fixtureUri('udp-queries.pcap'));
    const png = fixtureUri('chart.test-export.png');
    written.push(png);
    await message(
      { kind: 'saveChart', image: { file: 'rate.png', dataUrl: PNG } },
      { target: png },
    );
    const bytes = await vscode.workspace.fs.readFile(png);
    assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

    const parent = fixtureUri('dashboard.test-export');
    written.push(parent);
    await vscode.workspace.fs.createDirectory(parent);
    await message(
      {
        kind: 'saveDashboard',
        markdown: '# Dashboard\n\n![Rate](rate.png)\n',
        images: [{ file: 'rate.png', dataUrl: PNG }],
      },
      { target: parent },
    );
    const folder = vscode.Uri.joinPath(parent, 'udp-queries-dashboard');
    const md = new TextDecoder().decode(
      await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'dashboard.md')),
    );
    assert.equal(md, '# Dashboard\n\n![Rate](rate.png)\n');
    const image = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'rate.png'));
    assert.equal(image[1], 0x50);
  });

  it('setBin summarizes again with that bin: the summary shown is the CLI --bin 1s one', async () => {
    const uri = fixtureUri('udp-queries.pcap');
    await vscode.commands.executeCommand('dnspector.summarize', uri);
    await message({ kind: 'setBin', bin: '1s' });
    const target = fixtureUri('rebinned.test-export.json');
    written.push(target);
    await vscode.commands.executeCommand('dnspector.exportSummary', { format: 'json', target });
    const shown = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)));
    const r = spawnSync(
      process.execPath,
      [join(repo, 'dist/cli.js'), 'summarize', uri.fsPath, '--format', 'json', '--bin', '1s'],
      { encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } },
    );
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(shown, JSON.parse(r.stdout));
    assert.equal(shown.series.binSeconds, 1);
  });
});
