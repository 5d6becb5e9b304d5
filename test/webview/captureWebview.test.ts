/**
 * The capture webview in real Chromium (playwright-core, /usr/bin/chromium) behind a fake
 * host answering from real captures dissected by our core (fixtureData.ts). The page has
 * the host's CSP; every test ends by asserting no CSP violation, console error or page
 * error happened. Expected values come from the protocols' layouts (IPv4 after a 14-byte
 * Ethernet header, DNS after 8 bytes of UDP) or from the dissection, not from the UI.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { CaptureRequest, HostEvent } from '../../src/core/protocol/captureMessages';
import { captureJson, hostileCapture, HOSTILE_LABELS, type CaptureJson } from './fixtureData';
import { startPageServer, type PageServer } from './pageServer';
import type { Scenario } from './fakeHost';
import { fixtureDir } from '../helpers/captureFiles';

const SHOTS = '/tmp/webview-shots';
const ROW = 22;
const MARGIN = 10;
const PAGE = 64;

let browser: Browser;
let server: PageServer;
const fixtures: Record<string, CaptureJson> = {};

interface Opened {
  page: Page;
  context: BrowserContext;
  problems: string[];
  dialogs: string[];
}
let current: Opened | undefined;

async function js<T>(page: Page, expression: string): Promise<T> {
  return (await page.evaluate(expression)) as T;
}

async function open(scenario: Scenario, theme = 'dark'): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
  const page = await context.newPage();
  const problems: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning')
      problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.addInitScript({
    content: `window.__SCENARIO__ = ${JSON.stringify(scenario)};
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));`,
  });
  await page.goto(`${server.origin}/?theme=${theme}`);
  if (scenario.autoInit !== false) {
    await until(page, 'document.querySelectorAll(".pl-data-row:not(.loading)").length > 0');
  }
  current = { page, context, problems, dialogs };
  return current;
}

/**
 * Polls `expression` (evaluated over CDP, which the page's CSP does not govern) until it is
 * truthy. Not page.waitForFunction: its in-page polling evaluates strings, and the page's
 * CSP rightly forbids eval, which would show up as a violation.
 */
async function until(page: Page, expression: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await page.evaluate(expression)) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function requests(page: Page, method?: string): Promise<CaptureRequest[]> {
  const all = await js<CaptureRequest[]>(page, 'window.__HOST__.requests');
  return method ? all.filter((r) => r.method === method) : all;
}

async function send(page: Page, event: HostEvent): Promise<void> {
  await page.evaluate(`window.__HOST__.send(${JSON.stringify(event)})`);
}

/** Byte offsets highlighted in the hex column with class `cls`. */
async function highlighted(page: Page, cls: string): Promise<number[]> {
  return js<number[]>(
    page,
    `[...document.querySelectorAll('.hex-byte.${cls}')].map((e) => Number(e.dataset.offset))`,
  );
}

function range(start: number, length: number): number[] {
  return Array.from({ length }, (_, i) => start + i);
}

async function selectedRowText(page: Page): Promise<string | null> {
  return js<string | null>(
    page,
    `document.querySelector('.pl-data-row[aria-selected="true"] .pl-col-number')?.textContent ?? null`,
  );
}

async function waitSelected(page: Page, number: number): Promise<void> {
  await until(
    page,
    `document.querySelector('.pl-data-row[aria-selected="true"] .pl-col-number')?.textContent === '${number}'`,
  );
}

async function treeItem(page: Page, labelStart: string) {
  const item = page.locator('.tree-item', { hasText: labelStart }).first();
  await item.waitFor();
  return item;
}

async function expand(page: Page, labelStart: string): Promise<void> {
  const item = await treeItem(page, labelStart);
  if ((await item.getAttribute('aria-expanded')) !== 'true') {
    await item.locator('.tree-twistie').click();
  }
  await until(
    page,
    `[...document.querySelectorAll('.tree-item')].some((e) => e.textContent.startsWith(${JSON.stringify(labelStart)}) && e.getAttribute('aria-expanded') === 'true')`,
  );
}

async function bodyHeight(page: Page): Promise<number> {
  return js<number>(page, `document.querySelector('.pl-body').clientHeight`);
}

/** Pages (start rows) covering rows [first, end) — what a store of 64-row pages asks for. */
function pagesFor(first: number, end: number): number[] {
  const out: number[] = [];
  for (let p = Math.floor(first / PAGE); p <= Math.floor((end - 1) / PAGE); p++) out.push(p * PAGE);
  return out;
}

describe('capture webview in Chromium', function () {
  this.timeout(60_000);

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    fixtures.udp = await captureJson(join(fixtureDir, 'udp-queries.pcap'), 'udp-queries.pcap');
    fixtures.axfr = await captureJson(join(fixtureDir, 'tcp-axfr.pcap'), 'tcp-axfr.pcap');
    fixtures.hostile = await captureJson(hostileCapture(), 'hostile.pcap');
    server = await startPageServer(fixtures);
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu'],
    });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(async () => {
    if (!current) return;
    const { page, context, problems, dialogs } = current;
    current = undefined;
    const violations = await js<string[]>(page, 'window.__violations');
    await context.close();
    assert.deepEqual(violations, [], 'no CSP violations');
    assert.deepEqual(problems, [], 'no console or page errors');
    assert.deepEqual(dialogs, [], 'no dialogs');
  });

  it('shows the rows of a real capture, with the counts in the status bar', async () => {
    const { page } = await open({ capture: 'udp' });
    const rows = fixtures.udp!.rows;
    const cells = await js<string[]>(
      page,
      `[...document.querySelector('.pl-data-row[data-index="0"]').children].map((c) => c.textContent)`,
    );
    const r = rows[0]!;
    assert.deepEqual(cells, [
      '1',
      r.time,
      r.source,
      r.destination,
      r.protocol,
      String(r.length),
      r.info,
    ]);
    assert.match(cells[6]!, /^Standard query 0x72d0 A www\.example\.test/);
    const headers = await js<string[]>(
      page,
      `[...document.querySelectorAll('[role=columnheader]')].map((c) => c.textContent)`,
    );
    assert.deepEqual(headers, [
      'No.',
      'Time',
      'Source',
      'Destination',
      'Protocol',
      'Length',
      'Info',
    ]);
    const status = await page.locator('.status-counts').textContent();
    assert.equal(status, `Packets: ${rows.length} · Displayed: ${rows.length}`);
    assert.equal(
      await page.locator('.filter-input').getAttribute('placeholder'),
      'Apply a display filter … <Ctrl-/>',
    );
    await page.locator('.pl-data-row[data-index="1"]').click();
    await page.locator('.tree-item').first().waitFor();
    await page.screenshot({ path: `${SHOTS}/overview-dark.png` });
  });

  it('keeps only the visible rows (plus a margin) in the DOM with 100,000 rows', async () => {
    const total = 100_000;
    const { page } = await open({ capture: 'udp', bigRows: total });
    const height = await bodyHeight(page);
    const inView = Math.ceil(height / ROW);
    const bound = inView + 1 + 2 * MARGIN;
    const count = await page.locator('.pl-data-row').count();
    assert.ok(count <= bound && count >= inView, `${count} rows rendered, bound ${bound}`);
    assert.equal(
      await page.locator('.packet-list').getAttribute('aria-rowcount'),
      String(total + 1),
    );
    const initialPages = pagesFor(0, inView + MARGIN);
    assert.deepEqual(
      (await requests(page, 'getRows')).map((r) => (r.args as { start: number }).start),
      initialPages,
    );

    // Jump to row 50,000: a px of scroll is a px of rows (2.2M px is under the cap).
    await page.locator('.pl-body').evaluate((el: { scrollTop: number }) => {
      el.scrollTop = 50_000 * 22;
    });
    await until(
      page,
      `document.querySelector('.pl-data-row[data-index="50000"]:not(.loading) .pl-col-number')?.textContent === '50001'`,
    );
    const after = (await requests(page, 'getRows')).map((r) => (r.args as { start: number }).start);
    const expected = [...initialPages, ...pagesFor(50_000 - MARGIN, 50_000 + inView + MARGIN)];
    assert.deepEqual(
      [...new Set(after)].sort((a, b) => a - b),
      expected,
    );
    const indices = await js<number[]>(
      page,
      `[...document.querySelectorAll('.pl-data-row')].map((e) => Number(e.dataset.index))`,
    );
    assert.ok(indices.length <= bound);
    assert.ok(Math.min(...indices) >= 50_000 - MARGIN && Math.max(...indices) < 50_000 + bound);
  });

  it('scales scrolling past 10M px and reaches the last of 1,000,000 rows with End', async () => {
    const total = 1_000_000;
    const { page } = await open({ capture: 'udp', bigRows: total });
    const spacer = await js<string>(page, `document.querySelector('.pl-spacer').style.height`);
    assert.equal(parseFloat(spacer), 10_000_000);
    await page.locator('.pl-data-row[data-index="0"]').click();
    await page.keyboard.press('End');
    await waitSelected(page, total);
    const getPacket = await requests(page, 'getPacket');
    assert.deepEqual(getPacket.at(-1)?.args, { number: total });
    // the last row sits whole inside the list's viewport
    const fits = await js<boolean>(
      page,
      `(() => { const b = document.querySelector('.pl-body').getBoundingClientRect();
        const r = document.querySelector('.pl-data-row[data-index="${total - 1}"]').getBoundingClientRect();
        return r.top >= b.top - 0.5 && r.bottom <= b.bottom + 0.5; })()`,
    );
    assert.equal(fits, true);
    await page.keyboard.press('Home');
    await waitSelected(page, 1);
  });

  it('sorts by a column header click (setSort) and shows the direction', async () => {
    const { page } = await open({ capture: 'udp' });
    const lengths = fixtures.udp!.rows.map((r) => r.length);
    const header = page.locator('[role=columnheader][data-column="length"]');
    await header.click();
    await until(
      page,
      `document.querySelector('[data-column="length"]').getAttribute('aria-sort') === 'ascending'`,
    );
    await until(
      page,
      `document.querySelector('.pl-data-row[data-index="0"]:not(.loading) .pl-col-length')?.textContent === '${Math.min(...lengths)}'`,
    );
    assert.equal(await header.locator('.codicon-arrow-up').count(), 1);
    await header.click();
    await until(
      page,
      `document.querySelector('.pl-data-row[data-index="0"]:not(.loading) .pl-col-length')?.textContent === '${Math.max(...lengths)}'`,
    );
    assert.equal(await header.getAttribute('aria-sort'), 'descending');
    assert.deepEqual(
      (await requests(page, 'setSort')).map((r) => r.args),
      [
        { column: 'length', descending: false },
        { column: 'length', descending: true },
      ],
    );
  });

  it('hovering a tree item highlights its bytes and shows its tooltip', async () => {
    const { page } = await open({ capture: 'udp' });
    await page.locator('.pl-data-row[data-index="0"]').click();
    // IPv4 header: 20 bytes after the 14-byte Ethernet header
    await (await treeItem(page, 'Internet Protocol Version 4')).hover();
    assert.deepEqual(await highlighted(page, 'hl-hover'), range(14, 20));
    const ipTip = await page.locator('.tooltip').innerText();
    assert.match(ipTip, /Field: ip\n/);
    assert.match(ipTip, /Offset 14, length 20/);

    await expand(page, 'Domain Name System');
    const id = await treeItem(page, 'Transaction ID');
    await id.hover();
    // DNS starts after UDP's 8 bytes (34 + 8 = 42); the ID is its first two bytes
    assert.deepEqual(await highlighted(page, 'hl-hover'), range(42, 2));
    const idTip = await page.locator('.tooltip').innerText();
    assert.match(idTip, /Transaction ID: 0x72d0/);
    assert.match(idTip, /Field: dns\.id/);
    assert.match(idTip, /Value: 0x72d0/);
    assert.match(idTip, /RFC 1035/);
    assert.match(idTip, /Offset 42, length 2/);
    // the tooltip stays inside the window
    const box = await page.locator('.tooltip').boundingBox();
    assert.ok(
      box && box.x >= 0 && box.y >= 0 && box.x + box.width <= 1200 && box.y + box.height <= 800,
    );
    await page.screenshot({ path: `${SHOTS}/tree-hover.png` });
    await page.mouse.move(600, 5);
    await until(page, `document.querySelector('.tooltip').hidden`);
    assert.deepEqual(await highlighted(page, 'hl-hover'), []);
  });

  it('hovering a byte names the innermost field; clicking it selects that field', async () => {
    const { page } = await open({ capture: 'udp' });
    await page.locator('.pl-data-row[data-index="0"]').click();
    await page.locator('.hex-byte[data-offset="27"]').hover();
    // bytes 26..29 are the IPv4 source address (header offset 12)
    assert.deepEqual(await highlighted(page, 'hl-hover'), range(26, 4));
    const tip = await page.locator('.tooltip').innerText();
    assert.match(tip, /^Source Address: 127\.0\.0\.1\nField: ip\.src\nOffset 27$/);
    // the IPv4 subtree is closed: its item stands in for the field
    assert.match(
      (await page.locator('.tree-item.hovered').textContent()) ?? '',
      /^Internet Protocol/,
    );

    await page.locator('.hex-char[data-offset="43"]').hover();
    assert.match(await page.locator('.tooltip').innerText(), /Field: dns\.id/);
    await page.locator('.hex-byte[data-offset="43"]').click();
    const selected = page.locator('.tree-item[aria-selected="true"]');
    assert.match((await selected.textContent()) ?? '', /^Transaction ID: 0x72d0/);
    assert.ok(await selected.isVisible());
    assert.deepEqual(await highlighted(page, 'hl-selected'), range(42, 2));
  });

  it('shows a filter error with its range, then applies a valid filter', async () => {
    const { page } = await open({ capture: 'udp' });
    const input = page.locator('.filter-input');
    await input.fill('dns.flgs == 1');
    await input.press('Enter');
    await page.locator('.filter-bar.invalid').waitFor();
    const mark = page.locator('.filter-error-range');
    assert.equal(await mark.textContent(), 'dns.flgs');
    assert.equal(await mark.getAttribute('data-start'), '0');
    assert.equal(await mark.getAttribute('data-end'), '8');
    assert.match((await page.locator('.filter-message').textContent()) ?? '', /dns\.flgs/);
    assert.equal(await input.getAttribute('aria-invalid'), 'true');
    await page.screenshot({ path: `${SHOTS}/filter-error.png` });

    await input.fill('dns.flags.response == 1');
    await input.press('Enter');
    await page.locator('.filter-bar.valid').waitFor();
    const responses = fixtures.udp!.rows.filter((r) => r.response).length;
    await until(
      page,
      `document.querySelector('.status-counts').textContent.endsWith('Displayed: ${responses}')`,
    );
    // Rows of the unfiltered view stay on screen, marked stale, until the new pages arrive.
    await until(
      page,
      `document.querySelectorAll('.pl-data-row.stale, .pl-data-row.loading').length === 0`,
    );
    const infos = await js<string[]>(
      page,
      `[...document.querySelectorAll('.pl-data-row .pl-col-info')].map((e) => e.textContent)`,
    );
    assert.ok(infos.length > 0 && infos.every((t) => t.startsWith('Standard query response')));
    assert.equal(await page.locator('.filter-error-range').count(), 0);

    await page.locator('.filter-clear').click();
    await until(page, `!document.querySelector('.filter-bar').classList.contains('valid')`);
    assert.deepEqual(
      (await requests(page, 'setFilter')).map((r) => r.args),
      [{ text: 'dns.flgs == 1' }, { text: 'dns.flags.response == 1' }, { text: '' }],
    );
  });

  it("marks the old view's rows stale until the filtered rows arrive", async () => {
    const { page } = await open({ capture: 'udp' });
    await until(page, `document.querySelectorAll('.pl-data-row:not(.loading)').length > 0`);
    const before = await js<string>(
      page,
      `document.querySelector('.pl-data-row .pl-col-info').textContent`,
    );
    await js<unknown>(page, 'window.__HOST__.holdRows(true)');
    await page.locator('.filter-input').fill('dns.flags.response == 1');
    await page.locator('.filter-input').press('Enter');
    await page.locator('.filter-bar.valid').waitFor();
    await until(page, `document.querySelectorAll('.pl-data-row.stale').length > 0`);
    const first = page.locator('.pl-data-row').first();
    assert.equal(await first.locator('.pl-col-info').textContent(), before);
    assert.equal(await first.getAttribute('aria-busy'), 'true');
    await js<unknown>(page, 'window.__HOST__.holdRows(false)');
    await until(
      page,
      `document.querySelectorAll('.pl-data-row.stale, .pl-data-row.loading').length === 0`,
    );
    assert.equal(await first.getAttribute('aria-busy'), 'false');
    assert.match(
      (await first.locator('.pl-col-info').textContent()) ?? '',
      /^Standard query response/,
    );
  });

  it('goes to a packet with Ctrl+G, and says when it is missing or filtered out', async () => {
    const { page } = await open({ capture: 'udp' });
    await page.locator('.packet-list').focus();
    await page.keyboard.press('Control+g');
    const input = page.locator('.goto-input');
    await input.waitFor();
    assert.equal(await js<string>(page, 'document.activeElement.className'), 'goto-input');
    await input.fill('5');
    await input.press('Enter');
    await waitSelected(page, 5);
    assert.ok(await page.locator('.goto-box').isHidden());
    assert.match((await page.locator('.tree-item').first().textContent()) ?? '', /^Frame 5:/);
    assert.deepEqual((await requests(page, 'findRow')).at(-1)?.args, { number: 5 });

    const total = fixtures.udp!.rows.length;
    await page.keyboard.press('Control+g');
    await input.fill('9999');
    await input.press('Enter');
    await until(page, `document.querySelector('.goto-message').textContent !== ''`);
    assert.equal(
      await page.locator('.goto-message').textContent(),
      `There is no packet 9999 (the capture has ${total}).`,
    );
    await input.press('Escape');

    await page.locator('.filter-input').fill('dns.flags.response == 1');
    await page.locator('.filter-input').press('Enter');
    await page.locator('.filter-bar.valid').waitFor();
    await page.keyboard.press('Control+g');
    await input.fill('1');
    await input.press('Enter');
    await until(page, `document.querySelector('.goto-message').textContent !== ''`);
    assert.equal(
      await page.locator('.goto-message').textContent(),
      'Packet 1 is hidden by the display filter.',
    );
    await until(page, `document.querySelector('.tree-item')?.textContent.startsWith('Frame 1:')`);
    assert.equal(await selectedRowText(page), null);
  });

  it('moves through the list and the tree with the keyboard', async () => {
    const { page } = await open({ capture: 'udp' });
    const total = fixtures.udp!.rows.length;
    await page.locator('.pl-data-row[data-index="0"]').click();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await waitSelected(page, 3);
    await until(page, `document.querySelector('.tree-item')?.textContent.startsWith('Frame 3:')`);
    const pageRows = Math.floor((await bodyHeight(page)) / ROW) - 1;
    await page.keyboard.press('PageDown');
    await waitSelected(page, 3 + pageRows);
    await page.keyboard.press('End');
    await waitSelected(page, total);
    await page.keyboard.press('PageUp');
    await waitSelected(page, total - pageRows);
    await page.keyboard.press('Home');
    await waitSelected(page, 1);
    assert.equal(
      await page.locator('.packet-list').getAttribute('aria-activedescendant'),
      'pl-row-0',
    );
    await until(page, `document.querySelector('.tree-item')?.textContent.startsWith('Frame 1:')`);

    await page.keyboard.press('Enter');
    assert.equal(await js<string>(page, 'document.activeElement.className'), 'detail-tree');
    const first = page.locator('.tree-item').first();
    assert.equal(await first.getAttribute('aria-selected'), 'true');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.locator('.tree-item').first().getAttribute('aria-expanded'), 'true');
    await page.keyboard.press('ArrowDown');
    assert.match(
      (await page.locator('.tree-item[aria-selected="true"]').textContent()) ?? '',
      /^Link-layer header type/,
    );
    await page.keyboard.press('ArrowLeft');
    assert.match(
      (await page.locator('.tree-item[aria-selected="true"]').textContent()) ?? '',
      /^Frame 1:/,
    );
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('.tree-item').first().getAttribute('aria-expanded'), 'false');

    await page.keyboard.press('Control+/');
    assert.equal(await js<string>(page, 'document.activeElement.className'), 'filter-input');
  });

  it('remembers open subtrees across packets by field name', async () => {
    const { page } = await open({ capture: 'udp' });
    await page.locator('.pl-data-row[data-index="0"]').click();
    await expand(page, 'Domain Name System');
    await expand(page, 'Flags: ');
    await page.locator('.pl-data-row[data-index="1"]').click();
    await until(page, `document.querySelector('.tree-item')?.textContent.startsWith('Frame 2:')`);
    // packet 2 is a response: its DNS and Flags subtrees open as well
    assert.ok(
      await (
        await treeItem(page, '1... .... .... .... = Response: Message is a response')
      ).isVisible(),
    );
  });

  it('shows HTML in a DNS name as text: no element, no script, no dialog', async () => {
    const { page, dialogs } = await open({ capture: 'hostile' });
    const info = await page.locator('.pl-data-row[data-index="0"] .pl-col-info').textContent();
    assert.equal(info, fixtures.hostile!.rows[0]!.info);
    assert.ok(info!.includes(HOSTILE_LABELS[0]!) && info!.includes(HOSTILE_LABELS[1]!));
    await page.locator('.pl-data-row[data-index="0"]').click();
    await expand(page, 'Domain Name System');
    await expand(page, 'Queries');
    const query = page.locator('.tree-item', { hasText: 'type A, class IN' }).first();
    await query.waitFor();
    assert.ok(((await query.textContent()) ?? '').startsWith(`${HOSTILE_LABELS.join('.')}.test`));
    await query.hover();
    assert.ok((await page.locator('.tooltip').innerText()).includes(HOSTILE_LABELS[0]!));
    assert.equal(await page.locator('img').count(), 0);
    assert.equal(await page.locator('script').count(), 3, 'only the page’s own scripts');
    // the ASCII column shows the bytes as characters
    const ascii = await js<string>(
      page,
      `[...document.querySelectorAll('.hex-char')].map((e) => e.textContent).join('')`,
    );
    assert.ok(ascii.includes('<img src=x onerror=alert(1)>'));
    await page.screenshot({ path: `${SHOTS}/hostile-name.png` });
    assert.deepEqual(dialogs, []);
  });

  it('follows a link item to the frame it names', async () => {
    const { page } = await open({ capture: 'udp' });
    await page.locator('.pl-data-row[data-index="0"]').click();
    await expand(page, 'Domain Name System');
    const link = page.locator('.tree-item.link', { hasText: 'Response In' });
    assert.match((await link.textContent()) ?? '', /^\[Response In: 2\]$/);
    assert.ok(
      await link.evaluate((e: { classList: { contains(c: string): boolean } }) =>
        e.classList.contains('generated'),
      ),
    );
    await link.locator('.tree-link').click();
    await waitSelected(page, 2);
    assert.deepEqual((await requests(page, 'getPacket')).at(-1)?.args, { number: 2 });
    const sent = await js<{ kind: string; number?: number }[]>(page, 'window.__HOST__.events');
    assert.deepEqual(
      sent.filter((e) => e.kind === 'selected').map((e) => e.number),
      [1, 2],
    );
  });

  it('obeys the host: select with a highlight, setFilterText, showGoTo', async () => {
    const { page } = await open({ capture: 'udp' });
    await send(page, { kind: 'select', number: 4, highlight: { source: 0, start: 26, length: 4 } });
    await waitSelected(page, 4);
    await until(page, `document.querySelectorAll('.hex-byte.hl-selected').length === 4`);
    assert.deepEqual(await highlighted(page, 'hl-selected'), range(26, 4));
    assert.match(
      (await page.locator('.tree-item[aria-selected="true"]').textContent()) ?? '',
      /^Source Address: 127\.0\.0\.1/,
    );
    await send(page, { kind: 'setFilterText', text: 'dns.flags.response == 1' });
    await page.locator('.filter-bar.valid').waitFor();
    assert.equal(await page.locator('.filter-input').inputValue(), 'dns.flags.response == 1');
    await send(page, { kind: 'showGoTo' });
    await page.locator('.goto-box:not([hidden])').waitFor();
  });

  it('switches the hex pane to the data source of the hovered item', async () => {
    const { page } = await open({ capture: 'axfr' });
    const detail = fixtures.axfr!.details[30]!;
    assert.equal(detail.sources.length, 2);
    await send(page, { kind: 'select', number: 30 });
    await page.locator('.hex-tab').first().waitFor();
    const tabs = await page.locator('.hex-tab').allTextContents();
    // frame 30 is 300 bytes on the wire; the AXFR response it ends is 14730 bytes long
    assert.deepEqual(tabs, ['Frame (300 bytes)', 'Reassembled TCP (14730 bytes)']);
    const item = detail.tree.find((i) => i.source === 1 && i.length > 0)!;
    await (await treeItem(page, item.label)).hover();
    assert.equal(await page.locator('.hex-tab').nth(1).getAttribute('aria-selected'), 'true');
    assert.deepEqual(await highlighted(page, 'hl-hover'), range(item.start, item.length));
    await page.screenshot({ path: `${SHOTS}/reassembled-source.png` });
  });

  it('restores the saved filter, sort and selection, and saves changes', async () => {
    const { page } = await open({
      capture: 'udp',
      savedState: {
        filter: 'dns.flags.response == 1',
        selected: 4,
        sort: { column: 'number', descending: true },
        panes: { list: 0.5, tree: 0.3 },
        columns: { source: 200 },
      },
    });
    await waitSelected(page, 4);
    assert.equal(await page.locator('.filter-input').inputValue(), 'dns.flags.response == 1');
    assert.deepEqual((await requests(page, 'setSort'))[0]?.args, {
      column: 'number',
      descending: true,
    });
    assert.deepEqual((await requests(page, 'setFilter'))[0]?.args, {
      text: 'dns.flags.response == 1',
    });
    const width = await page
      .locator('[role=columnheader][data-column="source"]')
      .evaluate(
        (e: { getBoundingClientRect(): { width: number } }) => e.getBoundingClientRect().width,
      );
    assert.equal(Math.round(width), 200);

    // drag the Source column 40 px wider
    const handle = page.locator('[data-column="source"] .pl-resizer');
    const box = (await handle.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
    const states = await js<{ columns: { source?: number }; selected?: number }[]>(
      page,
      'window.__HOST__.states',
    );
    assert.equal(states.at(-1)?.columns.source, 240);
    assert.equal(states.at(-1)?.selected, 4);
  });

  it('resizes the panes by dragging a sash and saves the sizes', async () => {
    const { page } = await open({ capture: 'udp' });
    const panes = await js<number>(page, `document.querySelector('.panes').clientHeight`);
    const listBefore = await js<number>(page, `document.querySelector('.list-pane').offsetHeight`);
    const sash = (await page.locator('.sash').first().boundingBox())!;
    await page.mouse.move(sash.x + 100, sash.y + sash.height / 2);
    await page.mouse.down();
    await page.mouse.move(sash.x + 100, sash.y + sash.height / 2 + 60, { steps: 3 });
    await page.mouse.up();
    const listAfter = await js<number>(page, `document.querySelector('.list-pane').offsetHeight`);
    assert.ok(Math.abs(listAfter - listBefore - 60) <= 1, `${listBefore} -> ${listAfter}`);
    const states = await js<{ panes: { list: number; tree: number } }[]>(
      page,
      'window.__HOST__.states',
    );
    // defaults 0.45 / 0.3: the list gains 60 px, the tree gives them up
    assert.ok(Math.abs(states.at(-1)!.panes.list - (0.45 + 60 / panes)) < 1e-9);
    assert.ok(Math.abs(states.at(-1)!.panes.tree - (0.3 - 60 / panes)) < 1e-9);
  });

  it('streams rows in on viewChanged and shows progress and problems', async () => {
    const rows = fixtures.udp!.rows;
    const { page } = await open({
      capture: 'udp',
      limit: 10,
      progress: { packets: 10, bytesRead: 450, totalBytes: 1000, done: false },
    });
    await until(page, `document.querySelectorAll('.pl-data-row:not(.loading)').length === 10`);
    assert.equal(
      await page.locator('.status-counts').textContent(),
      'Packets: 10 · Displayed: 10 · indexing 45%…',
    );
    const before = (await requests(page, 'getRows')).length;
    await send(page, {
      kind: 'progress',
      progress: {
        packets: rows.length,
        bytesRead: 1000,
        totalBytes: 1000,
        done: true,
        problems: ['the capture ends in the middle of packet 81'],
      },
    });
    await page.evaluate('window.__HOST__.grow()');
    await until(
      page,
      `document.querySelector('.packet-list').getAttribute('aria-rowcount') === '${rows.length + 1}'`,
    );
    await until(page, `document.querySelectorAll('.pl-data-row:not(.loading)').length > 10`);
    assert.equal(
      await page.locator('.status-counts').textContent(),
      `Packets: ${rows.length} · Displayed: ${rows.length}`,
    );
    assert.match(
      (await page.locator('.status-problems').textContent()) ?? '',
      /ends in the middle of packet 81/,
    );
    assert.ok((await requests(page, 'getRows')).length > before, 'rows re-requested');
  });

  it('renders in a light theme too', async () => {
    const { page } = await open({ capture: 'udp' }, 'light');
    await page.locator('.pl-data-row[data-index="2"]').click();
    await expand(page, 'Domain Name System');
    await (await treeItem(page, 'Queries')).hover();
    await page.screenshot({ path: `${SHOTS}/overview-light.png` });
    const bg = await js<string>(page, 'getComputedStyle(document.body).backgroundColor');
    assert.equal(bg, 'rgb(255, 255, 255)');
  });
});
