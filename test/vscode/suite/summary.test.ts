// "Summarize DNS Traffic" and "Export Summary" in a real VS Code: summarizing a fixture
// opens the summary panel (viewType dnspector.summary) titled after the file, and Export
// Summary, given { format, target } (no dialogs), writes exactly what the built CLI's
// `dnspector summarize FILE --format F` prints, for the last summary shown and for files
// passed in { files }.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { fixtureUri } from './workspace';

function extensionPath(): string {
  const extension = vscode.extensions.getExtension('dnspector.dnspector');
  assert.ok(extension, 'dnspector.dnspector is not installed in this VS Code');
  return extension.extensionPath;
}

/** The CLI's summary of `files` with the same settings the extension reads. */
function cliSummary(files: vscode.Uri[], format: string): string {
  const config = vscode.workspace.getConfiguration('dnspector');
  const args = [
    join(extensionPath(), 'dist', 'cli.js'),
    'summarize',
    ...files.map((f) => f.fsPath),
    '--format',
    format,
    '--bin',
    config.get<string>('binSize', 'auto'),
    '--top',
    String(config.get<number>('topN', 10)),
    ...config.get<number[]>('extraDnsPorts', []).flatMap((p) => ['--dns-port', String(p)]),
  ];
  // The extension host's own runtime; under Electron it acts as Node with this variable.
  const run = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    maxBuffer: 1 << 26,
  });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}

function summaryTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter(
      (t) =>
        t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('dnspector.summary'),
    );
}

/**
 * The summary tabs once `done` holds for them: the workbench updates its tab model after
 * the command returns, so the check waits for tab changes (up to 10 s, then the last state).
 */
async function summaryTabsWhen(done: (tabs: vscode.Tab[]) => boolean): Promise<vscode.Tab[]> {
  const deadline = Date.now() + 10_000;
  while (!done(summaryTabs()) && Date.now() < deadline) {
    await new Promise<void>((resolveChange) => {
      const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
        sub.dispose();
        resolveChange();
      });
      setTimeout(() => {
        sub.dispose();
        resolveChange();
      }, 100);
    });
  }
  return summaryTabs();
}

async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

describe('summary commands', function () {
  this.timeout(60_000);
  const written: vscode.Uri[] = [];

  before(async () => {
    await vscode.extensions.getExtension('dnspector.dnspector')?.activate();
  });

  after(async () => {
    for (const uri of written) await vscode.workspace.fs.delete(uri).then(undefined, () => {});
    const tabs = summaryTabs();
    if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
  });

  it('dnspector.summarize with a file Uri opens the summary panel named after it', async () => {
    await vscode.commands.executeCommand('dnspector.summarize', fixtureUri('udp-queries.pcap'));
    const tabs = await summaryTabsWhen((t) => t.length > 0);
    assert.equal(tabs.length, 1, 'one summary panel');
    assert.equal(tabs[0]?.label, 'DNSpector Summary: udp-queries.pcap');
  });

  it('exportSummary writes the JSON the CLI prints for the summary shown', async () => {
    const source = fixtureUri('udp-queries.pcap');
    const target = fixtureUri('udp-queries-summary.test-export.json');
    written.push(target);
    const result = await vscode.commands.executeCommand<vscode.Uri | undefined>(
      'dnspector.exportSummary',
      { format: 'json', target },
    );
    assert.equal(result?.toString(), target.toString());
    const text = await readText(target);
    assert.equal(text, cliSummary([source], 'json'));
    assert.equal(JSON.parse(text).totals.messages, 72, 'the 36 query/response pairs');
  });

  it('exportSummary with files summarizes them, here a capture and a log, as Markdown', async () => {
    const files = [fixtureUri('logs/unbound.log'), fixtureUri('tcp-queries.pcap')];
    const target = fixtureUri('mixed-summary.test-export.md');
    written.push(target);
    await vscode.commands.executeCommand('dnspector.exportSummary', {
      format: 'markdown',
      target,
      files,
    });
    assert.equal(await readText(target), cliSummary(files, 'markdown'));
  });

  it('a second summary reuses the panel and retitles it (Uri[] argument)', async () => {
    await vscode.commands.executeCommand('dnspector.summarize', [
      fixtureUri('ipv6.pcap'),
      fixtureUri('dnssec.pcap'),
    ]);
    const title = 'DNSpector Summary: ipv6.pcap, dnssec.pcap';
    const tabs = await summaryTabsWhen((t) => t[0]?.label === title);
    assert.equal(tabs.length, 1, 'still one summary panel');
    assert.equal(tabs[0]?.label, title);
  });

  it("takes the explorer's (clicked, selected) arguments: every selected file", async () => {
    const clicked = fixtureUri('tcp-queries.pcap');
    const selected = [clicked, fixtureUri('logs/unbound.log'), fixtureUri('sll.pcap')];
    await vscode.commands.executeCommand('dnspector.summarize', clicked, selected);
    const title = 'DNSpector Summary: tcp-queries.pcap, unbound.log, sll.pcap';
    const tabs = await summaryTabsWhen((t) => t[0]?.label === title);
    assert.equal(tabs[0]?.label, title);
    // The export of the summary shown covers all three files.
    const target = fixtureUri('explorer-summary.test-export.json');
    written.push(target);
    await vscode.commands.executeCommand('dnspector.exportSummary', { format: 'json', target });
    assert.equal(await readText(target), cliSummary(selected, 'json'));
  });
});
