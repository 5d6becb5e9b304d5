// End-to-end smoke test of the browser-test harness and the packaged extension: the .vsix
// installs into a real VS Code, the workbench opens the fixture workspace, and a capture
// opens in DNSpector's custom editor (a webview) rather than as text.
import * as assert from 'node:assert/strict';
import { basename } from 'node:path';
import { openWorkbench, type Workbench } from './vscodeBrowser';

describe('VS Code workbench with the packaged extension', function () {
  this.timeout(180_000);
  let bench: Workbench;

  before(async () => {
    bench = await openWorkbench();
  });

  after(async () => {
    await bench?.close();
  });

  it('shows the fixture folder in the title and its captures in the explorer', async () => {
    assert.match(await bench.page.title(), new RegExp(basename(bench.workspace)));
    const explorer = bench.page.locator('.explorer-folders-view');
    await explorer.getByText('udp-queries.pcap', { exact: true }).waitFor();
  });

  it('lists the DNSpector packet view in the explorer (the manifest was installed)', async () => {
    await bench.page.locator('.pane-header', { hasText: 'DNSpector: Packet' }).waitFor();
  });

  it('opens a capture in a webview editor, with the file name on its tab', async () => {
    await bench.openFile('udp-queries.pcap');
    await bench.page.locator('.tab.active', { hasText: 'udp-queries.pcap' }).waitFor();
    const frame = await bench.webviewFrame({ timeoutMs: 60_000 });
    assert.ok(frame.url().length > 0);
    // A text editor would show Monaco's lines instead of a webview.
    assert.equal(await bench.page.locator('.editor-instance .monaco-editor').count(), 0);
  });
});
