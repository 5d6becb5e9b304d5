// End to end, with DNSpector installed from a freshly packaged .vsix: "Summarize DNS
// Traffic" on the capture open in the editor shows the dashboard; a click on the top
// client's bar (where chart.js drew it) brings the capture editor back with that client's
// queries filtered (the filter box holds the filter, the count is tshark's -Y count). The
// same for a BIND query log (its rows: the CLI's -Y count). Screenshots for the README go
// to docs/images/dashboard-*.png.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { openWorkbench, webviewContentFrames, type Workbench } from './vscodeBrowser';
import { repoRoot } from '../vscode/codeServer';
import { clientFilter } from '../../src/core/report/chartFilters';

const images = join(repoRoot(), 'docs/images');
const fixture = (name: string): string => join(repoRoot(), 'test/fixtures', name);

function lines(cmd: string, args: string[]): number {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.split('\n').filter((l) => l !== '').length;
}

async function poll<T>(what: string, get: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await get().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Clicks bar `index` of the dashboard chart `id` where chart.js drew it. */
async function clickBar(frame: Frame, id: string, index: number): Promise<void> {
  const canvas = frame.locator(`#chart-${id} canvas`);
  await canvas.scrollIntoViewIfNeeded();
  const at = (await frame.evaluate(
    `(() => { const e = window.__DNSPECTOR_CHARTS__[${JSON.stringify(id)}]
      .getDatasetMeta(0).data[${index}].getCenterPoint(); return { x: e.x, y: e.y }; })()`,
  )) as { x: number; y: number };
  await canvas.click({ position: at });
}

/** The editor frame whose filter box holds `filter`, and its status line once it shows `n`. */
async function filteredEditor(bench: Workbench, filter: string, label: string, n: number) {
  return poll(`an editor filtered by ${filter} showing ${n}`, async () => {
    for (const frame of webviewContentFrames(bench.page)) {
      const input = frame.locator('.filter-input');
      if ((await input.count()) === 0 || (await input.inputValue()) !== filter) continue;
      const status = await frame.locator('.status-counts').innerText();
      if (status.includes(`${label}: ${n}`)) return status;
    }
    return undefined;
  });
}

describe('summary dashboard in the VS Code workbench (.vsix)', function () {
  this.timeout(240_000);
  let bench: Workbench;

  before(async () => {
    bench = await openWorkbench({ viewport: { width: 1500, height: 1000 } });
  });

  after(async () => {
    await bench?.close();
  });

  it('a click on the top client bar filters the capture editor as tshark -Y does', async () => {
    await bench.openFile('incident-demo.pcap');
    await bench.page.locator('.tab.active', { hasText: 'incident-demo.pcap' }).waitFor();
    await bench.webviewFrame({ selector: '.filter-input', timeoutMs: 60_000 });
    await bench.runCommand('DNSpector: Summarize DNS Traffic');
    const dash = await bench.webviewFrame({ selector: '#chart-clients canvas', timeoutMs: 60_000 });
    await dash.locator('.finding').first().waitFor();
    await bench.screenshot(join(images, 'dashboard-capture.png'));
    await dash.locator('#chart-aVsAaaa').scrollIntoViewIfNeeded();
    await bench.screenshot(join(images, 'dashboard-regression.png'));
    await dash.locator('#chart-transactions').scrollIntoViewIfNeeded();
    await bench.screenshot(join(images, 'dashboard-transactions.png'));

    const filter = clientFilter('127.0.1.25');
    await clickBar(dash, 'clients', 0);
    const expected = lines('tshark', [
      '-r',
      fixture('incident-demo.pcap'),
      '-Y',
      filter,
      '-T',
      'fields',
      '-e',
      'frame.number',
    ]);
    assert.ok(expected > 0);
    await filteredEditor(bench, filter, 'Displayed', expected);
    await bench.page.locator('.tab.active', { hasText: 'incident-demo.pcap' }).waitFor();
    await bench.screenshot(join(images, 'dashboard-filtered-capture.png'));
  });

  it('a click on the top client bar of a query log dashboard filters the log editor', async () => {
    await bench.runCommand('View: Close All Editors');
    copyFileSync(fixture('logs/bind-print-time.log'), join(bench.workspace, 'queries.log'));
    await bench.openNewFile('queries.log');
    await bench.webviewFrame({ text: 'Lines:', timeoutMs: 60_000 });
    await bench.runCommand('DNSpector: Summarize DNS Traffic');
    const dash = await bench.webviewFrame({ selector: '#chart-clients canvas', timeoutMs: 60_000 });
    await dash.locator('h1', { hasText: 'queries.log' }).waitFor();
    await bench.screenshot(join(images, 'dashboard-log.png'));
    const top = (await dash.evaluate(
      'window.__DNSPECTOR_CHARTS__.clients.data.labels[0]',
    )) as string;
    const filter = clientFilter(top);
    await clickBar(dash, 'clients', 0);
    const expected = lines('node', [
      join(repoRoot(), 'dist/cli.js'),
      'fields',
      fixture('logs/bind-print-time.log'),
      '-Y',
      filter,
      '-e',
      'frame.number',
    ]);
    assert.ok(expected > 0);
    const status = await filteredEditor(bench, filter, 'Displayed', expected);
    assert.match(status, /Lines: 42\b/);
  });
});
