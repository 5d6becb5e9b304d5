// End to end, as a user does it: a capture open in DNSpector's editor, "DNSpector: Summarize
// DNS Traffic" from the command palette summarizes that capture and opens the summary panel,
// whose webview (under VS Code's real CSP and resource roots) renders the report with
// media/summary.css and the codicon font loaded. Expected figures come from the CLI.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { openWorkbench, type Workbench } from './vscodeBrowser';
import { repoRoot } from '../vscode/codeServer';

/** The page's getComputedStyle (these tests type-check without the DOM library). */
interface PageWindow {
  getComputedStyle(el: unknown): { cursor: string; fontFamily: string };
}

function cliMessages(file: string): number {
  const run = spawnSync(
    'node',
    [join(repoRoot(), 'dist/cli.js'), 'summarize', file, '--format', 'json'],
    { encoding: 'utf8' },
  );
  assert.equal(run.status, 0, run.stderr);
  return (JSON.parse(run.stdout) as { totals: { messages: number } }).totals.messages;
}

describe('summary panel in the VS Code workbench', function () {
  this.timeout(180_000);
  let bench: Workbench;
  let frame: Frame;

  before(async () => {
    bench = await openWorkbench({ extension: 'development' });
    await bench.openFile('udp-queries.pcap');
    await bench.page.locator('.tab.active', { hasText: 'udp-queries.pcap' }).waitFor();
    await bench.webviewFrame({ timeoutMs: 60_000 });
    await bench.runCommand('DNSpector: Summarize DNS Traffic');
    frame = await bench.webviewFrame({ selector: '.report-section', timeoutMs: 60_000 });
  });

  after(async () => {
    await bench?.close();
  });

  it('opens a tab named after the active capture', async () => {
    await bench.page
      .locator('.tab.active', { hasText: 'DNSpector Summary: udp-queries.pcap' })
      .waitFor();
  });

  it('renders the report: findings first, the totals from the CLI', async () => {
    assert.equal(await frame.locator('h1').innerText(), 'DNS traffic summary: udp-queries.pcap');
    assert.equal(await frame.locator('.report-section h2').first().innerText(), 'Findings');
    const messages = cliMessages(join(bench.workspace, 'udp-queries.pcap'));
    const row = frame.locator('tr', { hasText: 'DNS messages' }).first();
    assert.equal(await row.locator('td').nth(1).innerText(), messages.toLocaleString('en-US'));
  });

  it('loads its stylesheet and the codicon font under the webview CSP', async () => {
    const button = frame.locator('.export-button').first();
    assert.equal(
      await button.evaluate(
        (el) => (globalThis as unknown as PageWindow).getComputedStyle(el).cursor,
      ),
      'pointer',
    );
    const font = await frame
      .locator('.export-button .codicon')
      .first()
      .evaluate((el) => (globalThis as unknown as PageWindow).getComputedStyle(el).fontFamily);
    assert.match(font, /codicon/);
  });
});
