// The capture editor in a real VS Code (code-server, the packaged .vsix) seen through
// Chromium: rows as tshark lists them, the detail tree of a selected packet, hovering a
// tree field highlights exactly the bytes tshark's PDML gives for it, hovering a byte names
// the innermost field, a display filter shows as many rows as tshark -Y, the native
// DNSpector: Packet view fills in, and a query log opens in the same editor. Saves the
// README's screenshots to docs/images/.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { repoRoot } from '../vscode/codeServer';
import { openWorkbench, type Workbench } from './vscodeBrowser';

const root = repoRoot();
const fixture = (name: string) => join(root, 'test/fixtures', name);
const images = join(root, 'docs/images');

function tshark(args: string[]): string[] {
  const r = spawnSync('tshark', args, { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  return r.stdout.split('\n').filter((l) => l !== '');
}

async function poll<T>(what: string, get: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await get();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('capture editor in the browser', function () {
  this.timeout(240_000);
  let bench: Workbench;
  let frame: Frame;

  before(async () => {
    bench = await openWorkbench();
    await bench.openFile('udp-queries.pcap');
    frame = await bench.webviewFrame({ selector: '.pl-data-row', timeoutMs: 60_000 });
  });

  after(async () => {
    await bench?.close();
  });

  it('lists the packets with the Info tshark shows', async () => {
    const info = tshark(['-r', fixture('udp-queries.pcap'), '-T', 'fields', '-e', '_ws.col.Info']);
    const first = await frame.locator('.pl-data-row[data-index="0"]').innerText();
    assert.ok(first.includes(info[0] ?? '?'), `${first} / ${info[0]}`);
    const status = await frame.locator('.status-counts').innerText();
    assert.match(status, new RegExp(`Packets: ${info.length}\\b`));
  });

  it('highlights the bytes of a hovered field where tshark says they are', async () => {
    await frame.locator('.pl-data-row[data-index="1"]').click();
    const dns = frame.locator('.tree-item', { hasText: 'Domain Name System (response)' });
    await dns.waitFor();
    if ((await dns.getAttribute('aria-expanded')) !== 'true')
      await dns.locator('.tree-twistie').click();
    const id = frame.locator('.tree-item', { hasText: /^Transaction ID: 0x/ }).first();
    await id.hover();
    const pdml = tshark([
      '-r',
      fixture('udp-queries.pcap'),
      '-Y',
      'frame.number == 2',
      '-T',
      'pdml',
    ]);
    const m = pdml.map((l) => /name="dns.id".*size="(\d+)" pos="(\d+)"/.exec(l)).find((x) => x);
    assert.ok(m);
    const expected = Array.from({ length: Number(m[1]) }, (_, i) => String(Number(m[2]) + i));
    const lit = await poll('highlighted bytes', async () => {
      const offsets = await frame
        .locator('.hex-byte.hl-hover')
        .evaluateAll((els: { getAttribute(name: string): string | null }[]) =>
          els.map((e) => e.getAttribute('data-offset') ?? ''),
        );
      return offsets.length > 0 ? offsets : undefined;
    });
    assert.deepEqual(lit, expected);
    const tip = await frame.locator('.tooltip').innerText();
    assert.match(tip, /dns\.id/);
    await bench.screenshot(join(images, 'capture-editor.png'));
  });

  it('names the innermost field of a hovered byte', async () => {
    await frame.locator('.hex-byte[data-offset="43"]').hover();
    const tip = await poll('the byte tooltip', async () => {
      const t = await frame.locator('.tooltip').innerText();
      return /dns\.id/.test(t) ? t : undefined;
    });
    assert.match(tip, /Transaction ID/);
  });

  it('filters the list as tshark -Y does', async () => {
    const expected = tshark([
      '-r',
      fixture('udp-queries.pcap'),
      '-Y',
      'dns.qry.type == 28',
      '-T',
      'fields',
      '-e',
      'frame.number',
    ]).length;
    const input = frame.locator('.filter-input');
    await input.fill('dns.qry.type == AAAA');
    await input.press('Enter');
    await poll('the filtered count', async () => {
      const s = await frame.locator('.status-counts').innerText();
      return s.includes(`Displayed: ${expected}`) ? s : undefined;
    });
    await input.fill('');
    await input.press('Enter');
  });

  it('shows the selected DNS message in the DNSpector: Packet view', async () => {
    const header = bench.page.locator('.pane-header', { hasText: 'DNSpector: Packet' });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    await frame.locator('.pl-data-row[data-index="3"]').click();
    const pane = bench.page.locator('.pane', { has: header });
    await pane.locator('.monaco-list-row', { hasText: 'Domain Name System (response)' }).waitFor();
    await pane.locator('.monaco-list-row', { hasText: 'Transaction ID' }).first().waitFor();
  });

  it('opens a query log in the same editor, one row per line', async () => {
    await bench.runCommand('View: Close All Editors');
    copyFileSync(fixture('logs/bind-view.log'), join(bench.workspace, 'queries.log'));
    await bench.openNewFile('queries.log');
    const logFrame = await bench.webviewFrame({ text: 'Lines:', timeoutMs: 60_000 });
    const status = await logFrame.locator('.status-counts').innerText();
    const lines = spawnSync('wc', ['-l', fixture('logs/bind-view.log')], { encoding: 'utf8' });
    assert.match(status, new RegExp(`Lines: ${Number.parseInt(lines.stdout, 10)}\\b`));
    assert.equal(
      await logFrame.locator('.pl-header-cell[data-column="source"] .pl-header-title').innerText(),
      'Client',
    );
    await logFrame.locator('.pl-data-row[data-index="1"]').click();
    await logFrame.locator('.tree-item', { hasText: 'Query log line 2' }).waitFor();
    await bench.screenshot(join(images, 'querylog-editor.png'));
  });
});
