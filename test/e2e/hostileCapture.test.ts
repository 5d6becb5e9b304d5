// End-to-end proof that packet text stays text in real VS Code (code-server + Chromium):
// hostile-names.pcap (names, TXT, CNAME/MX/PTR targets, HINFO, CAA holding HTML, script,
// Markdown and control bytes; see scripts/make-hostile-fixture.sh) is opened in the capture
// editor, every packet is selected so its detail tree and hex render, tree items with hostile
// text are hovered; then the webview must hold no element the packet could have injected
// (img, svg, b, a, iframe, a second script), no alert/confirm/prompt may have been called,
// no dialog opened, no console error or CSP violation logged, and the hostile text must be
// visible literally. Then the native Packet view (Explorer) after "DNSpector: Go to Packet":
// its tooltip, a MarkdownString, shows `[click](command:...)` as text, not as a link.
//
// Why the alert hook and the MutationObserver: VS Code's webview iframes are sandboxed
// without allow-modals, so an injected alert() would fail silently rather than open a
// dialog; recording calls and every element ever inserted catches what the dialog
// listener alone could miss.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ConsoleMessage, Frame, Locator, Page } from 'playwright-core';
import { repoRoot } from '../vscode/codeServer';
import { openWorkbench, webviewContentFrames, type Workbench } from './vscodeBrowser';

const shots = join(repoRoot(), 'test/e2e/screenshots');
const FILE = 'hostile-names.pcap';
const PACKETS = 38;
/** Frame 8: the UDP answer with the five hostile TXT strings at xss.example.test. */
const TXT_ANSWER = 8;
/** Tree items worth hovering: those whose text came from the hostile names and data. */
const HOSTILE = /<|>|\[click\]|javascript:|\\033|&lt;|\*\*bold/;
/** Elements that only injected markup could bring (codicons are a font, not svg). */
const FOREIGN = 'img, svg, b, a, iframe, object, embed, video, audio, form, math';

interface Recorded {
  csp: string[];
  calls: string[];
  inserted: string[];
}

/**
 * In the webview: record CSP violations, alert/confirm/prompt calls and inserted elements.
 * Plain JavaScript in a string: it runs in the page, and this project's test tsconfig has
 * no DOM types.
 */
const watchScript = `(() => {
  if (window.__hostile) return;
  const rec = { csp: [], calls: [], inserted: [] };
  window.__hostile = rec;
  document.addEventListener('securitypolicyviolation', (e) => {
    rec.csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sample);
  });
  for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) {
    window[name] = (...args) => { rec.calls.push(name + '(' + args.join(', ') + ')'); return null; };
  }
  const foreign = ${JSON.stringify(FOREIGN)};
  new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (!(n instanceof Element)) continue;
        for (const e of [n, ...n.querySelectorAll('*')]) {
          if (e.matches(foreign) || e.tagName === 'SCRIPT') rec.inserted.push(e.outerHTML.slice(0, 200));
        }
      }
    }
  }).observe(document, { childList: true, subtree: true });
})()`;

async function watch(frame: Frame): Promise<void> {
  await frame.evaluate(watchScript);
}

async function recorded(frame: Frame): Promise<Recorded> {
  return (await frame.evaluate(
    'window.__hostile || { csp: [], calls: [], inserted: [] }',
  )) as Recorded;
}

/** Opens every collapsed item of the detail tree (open subtrees stay open across packets). */
async function expandAll(frame: Frame): Promise<void> {
  for (let round = 0; round < 200; round++) {
    const closed = frame.locator('.tree-item[aria-expanded="false"] .tree-twistie');
    if ((await closed.count()) === 0) return;
    await closed.first().click();
  }
}

/** The page's scripts: VS Code's injected acquireVsCodeApi, and our nonce'd bundle; no more. */
async function assertOwnScripts(frame: Frame): Promise<void> {
  const scripts = (await frame.evaluate(
    `[...document.scripts].map((s) => [s.id, s.nonce ? 'nonce' : '', s.getAttribute('src') || ''])`,
  )) as [string, string, string][];
  assert.equal(scripts.length, 2, JSON.stringify(scripts));
  assert.equal(scripts[0]?.[0], '_vscodeApiScript');
  assert.equal(scripts[1]?.[1], 'nonce');
  assert.match(scripts[1]?.[2] ?? '', /\/dist\/webview\/capture\.js$/);
}

/**
 * Hovers a row of a VS Code tree view and returns its tooltip (the managed hover sits on
 * the icon label, custom-hover="true", not on the whole row). The mouse first rests on the
 * empty tab strip, so that no hover of a row that slid under it lingers; tried 3 times.
 */
async function treeHover(page: Page, row: Locator, text: string): Promise<Locator> {
  const hover = page.locator('.monaco-hover:visible', { hasText: text }).last();
  for (let attempt = 0; ; attempt++) {
    await page.mouse.move(900, 50);
    await page.waitForTimeout(500);
    await row.locator('.monaco-icon-label').hover();
    try {
      await hover.waitFor({ timeout: 8000 });
      return hover;
    } catch (error) {
      if (attempt === 2) throw error;
    }
  }
}

async function visibleText(locator: Locator): Promise<string> {
  return (await locator.allTextContents()).join('\n');
}

describe('a capture full of HTML, script and Markdown in real VS Code', function () {
  this.timeout(600_000);
  let bench: Workbench;
  let page: Page;
  let frame: Frame;
  const dialogs: string[] = [];
  const consoleProblems: string[] = [];

  before(async () => {
    bench = await openWorkbench();
    page = bench.page;
    page.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    page.on('console', (m: ConsoleMessage) => {
      const text = m.text();
      const fromWebview = /webview|vscode-cdn|vscode-resource/.test(m.location().url);
      if (
        (m.type() === 'error' && fromWebview) ||
        /Content Security Policy|Refused to (execute|load|apply)/.test(text)
      ) {
        consoleProblems.push(`${m.type()} ${m.location().url}: ${text}`);
      }
    });
  });

  after(async () => {
    await bench?.close();
  });

  it('opens the capture in the capture editor and lists every packet', async () => {
    await bench.openFile(FILE);
    await page.locator('.tab.active', { hasText: FILE }).waitFor();
    frame = await bench.webviewFrame({ selector: '.pl-data-row', timeoutMs: 90_000 });
    await watch(frame);
    await frame
      .locator('.pl-col-info', { hasText: 'xss.example.test' })
      .first()
      .waitFor({ timeout: 60_000 });
    await assertOwnScripts(frame);
    assert.equal(await frame.locator(FOREIGN).count(), 0);
    await bench.screenshot(join(shots, 'hostile-list.png'));
  });

  it('selects every packet, renders its tree and hex, and hovers the hostile items', async () => {
    let hovered = 0;
    const infos = new Set<string>();
    await frame.locator('#pl-row-0').click();
    for (let i = 0; i < PACKETS; i++) {
      if (i > 0) {
        // the list is virtualised: move the selection with the keyboard, from the list
        await frame.locator('.pl-data-row.selected').click();
        await frame.locator('.pl-data-row.selected').press('ArrowDown');
      }
      await frame.locator(`.pl-data-row.selected[data-index="${i}"]`).waitFor();
      for (const t of await frame.locator('.pl-data-row .pl-col-info').allTextContents()) {
        infos.add(t);
      }
      // the detail comes from the host after the selection: wait for this packet's tree
      await frame.locator('.tree-item .tree-label', { hasText: `Frame ${i + 1}:` }).waitFor();
      await expandAll(frame);
      await frame.locator('.hex-pane .hex-byte').first().waitFor();
      const items = frame.locator('.tree-item .tree-label');
      const labels = await items.allTextContents();
      for (let k = 0; k < labels.length; k++) {
        if (!HOSTILE.test(labels[k] ?? '')) continue;
        await items.nth(k).scrollIntoViewIfNeeded();
        await items.nth(k).hover();
        const tip = frame.locator('#dnspector-tooltip:not([hidden])');
        await tip.waitFor({ timeout: 5000 });
        assert.equal(await tip.locator(FOREIGN).count(), 0);
        hovered++;
      }
      if (i + 1 === TXT_ANSWER) await bench.screenshot(join(shots, 'hostile-txt-detail.png'));
    }
    assert.ok(hovered > 50, `only ${hovered} hostile tree items hovered`);
    // every hostile name was in the list, literally, as text
    const text = [...infos].join('\n');
    for (const s of [
      'A <img src=x onerror=alert(1)>.example.test',
      '</script><script>alert(2)</script>.example.test',
      'CNAME <svg onload=alert(5)>.example.test',
      'MX 10 <svg onload=alert(5)>.example.test',
      'PTR <img src=x onerror=alert(1)>.example.test',
      'HINFO <b>cpu</b> <script>alert(6)</script>',
      'q"uote\'&lt;b&gt;;semi.example.test',
      '<iframe src=javascript:alert(8)>.example.test',
      '\\033[2J\\000nul.example.test',
    ]) {
      assert.ok(text.includes(s), `the list did not show ${s}`);
    }
  });

  it('shows the hostile TXT strings in the detail tree literally', async () => {
    await frame.locator('.pl-data-row.selected').click();
    await frame.locator('.pl-data-row.selected').press('Home');
    for (let i = 1; i < TXT_ANSWER; i++) {
      await frame.locator('.pl-data-row.selected').press('ArrowDown');
    }
    await frame.locator(`.pl-data-row.selected[data-index="${TXT_ANSWER - 1}"]`).waitFor();
    await frame.locator('.tree-item .tree-label', { hasText: `Frame ${TXT_ANSWER}:` }).waitFor();
    await expandAll(frame);
    const text = await visibleText(frame.locator('.tree-item .tree-label'));
    for (const s of [
      'TXT: <img src=x onerror=alert(3)>',
      'TXT: </script>',
      'TXT: javascript:alert(4)',
      'TXT: [click](command:workbench.action.quit)',
      'TXT: **bold** <b>b</b> &amp; `code`',
    ]) {
      assert.ok(text.includes(s), `the detail tree does not show ${s}`);
    }
  });

  it('shows the hostile TXT as escaped text in the Packet view tooltip', async () => {
    // Go to Packet asks for the number in an input box (no list to wait for)
    await page.locator('.monaco-workbench').click({ position: { x: 5, y: 5 }, force: true });
    await page.keyboard.press('F1');
    const box = page.locator('.quick-input-widget input');
    await box.fill('>DNSpector: Go to Packet');
    // Enter only once the list shows the command (not the unfiltered list of a moment ago)
    await page
      .locator('.quick-input-widget .monaco-list-row', { hasText: 'DNSpector: Go to Packet' })
      .first()
      .waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget', { hasText: 'Packet number (1 to 38)' }).waitFor();
    await box.fill(String(TXT_ANSWER));
    await page.keyboard.press('Enter');
    await frame.locator(`.pl-data-row.selected[data-index="${TXT_ANSWER - 1}"]`).waitFor();

    // room for the Packet view (it mirrors the DNS part of the packet): fold the folder's
    // section, unfold the Packet view
    const folder = page.locator('.pane-header', { hasText: basename(bench.workspace) });
    if ((await folder.getAttribute('aria-expanded')) === 'true') await folder.click();
    const header = page.locator('.pane-header', { hasText: 'DNSpector: Packet' });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    const view = page.locator('.pane', { has: header }).locator('.monaco-list');
    // rows read label + description ("Answer RRs: 5dns.count.answers"): match the label's start
    const row = (text: string) =>
      view
        .locator('.monaco-list-row', {
          hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
        })
        .first();
    await row('Domain Name System').waitFor({ timeout: 30_000 });
    const answers = row('Answers');
    if ((await answers.getAttribute('aria-expanded')) !== 'true') await answers.click();
    await row('xss.example.test: type TXT').waitFor();
    // open TXT records until the [click](...) and <img ...> strings show
    const closed = view.locator('.monaco-list-row[aria-expanded="false"]', {
      hasText: /^xss\.example\.test: type TXT/,
    });
    const shown = async (t: string) => (await row(t).count()) > 0;
    for (let k = 0; k < 5 && !((await shown('TXT: [click]')) && (await shown('TXT: <img'))); k++) {
      await closed.first().click();
    }
    const target = row('TXT: [click](command:workbench.action.quit)');
    await target.waitFor();
    // VS Code's icon labels hold the text in <a class="label-name"> (no href): its own markup
    const injected = 'img, svg, script, iframe, b, a:not(.label-name), a[href]';
    assert.equal(await view.locator(injected).count(), 0, 'markup in the Packet view');
    assert.equal(
      await target.locator('.label-name').innerText(),
      'TXT: [click](command:workbench.action.quit)',
    );
    const hover = await treeHover(page, target, 'TXT: [click](command:workbench.action.quit)');
    await page.waitForTimeout(300);
    // MarkdownString.appendText turns spaces into &nbsp;
    const text = (await hover.innerText()).replace(/\u00a0/g, ' ');
    // the Markdown came out as the literal text, title and value alike: no link was made
    assert.ok(text.includes('TXT: [click](command:workbench.action.quit)'), `tooltip: ${text}`);
    assert.ok(text.includes('Value: [click](command:workbench.action.quit)'), `tooltip: ${text}`);
    assert.equal(await hover.locator('a, img, svg, b, script').count(), 0, 'markup in the tooltip');
    await bench.screenshot(join(shots, 'hostile-packet-view-tooltip.png'));

    // the HTML string too: shown as text, no image
    const hover2 = await treeHover(
      page,
      row('TXT: <img src=x onerror=alert(3)>'),
      'TXT: <img src=x onerror=alert(3)>',
    );
    assert.equal(await hover2.locator('a, img, svg, b, script').count(), 0);
    assert.deepEqual(dialogs, []);
  });
  it('ran nothing: no injected elements, calls, dialogs, CSP violations or console errors', async () => {
    const rec = await recorded(frame);
    assert.deepEqual(rec.inserted, [], 'elements inserted that packet text could have made');
    assert.deepEqual(rec.calls, [], 'alert/confirm/prompt/print/open called');
    assert.deepEqual(rec.csp, [], 'CSP violations');
    await assertOwnScripts(frame);
    assert.equal(await frame.locator(FOREIGN).count(), 0);
    for (const f of webviewContentFrames(page)) {
      assert.equal(await f.locator(FOREIGN).count(), 0, `foreign elements in ${f.url()}`);
    }
    assert.deepEqual(dialogs, []);
    assert.deepEqual(consoleProblems, []);
  });

  it('shows a query log of HTML, script and Markdown names as text in the log editor', async () => {
    // BIND 9.11+ lines whose client names, query names and view hold markup (BIND writes a
    // space in a name as \\032, so none here has one), and a line of bare script (unparsed).
    // (BIND escapes `(` and `)` in names, so the markup here does without them)
    const names = [
      '<svg/onload=alert`11`>.example.test',
      '</script><script>alert`12`</script>.example.test',
      '[click]<command:workbench.action.quit>.example.test',
      'javascript:alert`13`.example.test',
    ];
    const lines = names.map(
      (n, i) =>
        `23-Nov-2026 11:07:0${i}.000 queries: info: client @0x7f00 10.0.0.${i + 1}#5353 (${n}): ` +
        `view <b>v</b>: query: ${n} IN AAAA +E(0) (10.0.0.53)`,
    );
    lines.push('<script>alert(14)</script><img src=x onerror=alert(15)>');
    writeFileSync(join(bench.workspace, 'hostile.querylog'), `${lines.join('\n')}\n`);
    await page.keyboard.press('Escape');
    await bench.openNewFile('hostile.querylog');
    const log = await bench.webviewFrame({ text: 'Lines:', timeoutMs: 60_000 });
    await watch(log);
    await log.locator('.pl-data-row:not(.loading)').first().waitFor();
    await assertOwnScripts(log);
    // every line is a row; the line of bare script matches no format: a malformed row
    await log.locator(`#pl-row-${names.length}`).waitFor();
    assert.equal(await log.locator('.pl-data-row').count(), lines.length);
    const listed = await visibleText(log.locator('.pl-data-row'));
    for (const n of names) assert.ok(listed.includes(n), `the list did not show ${n}`);
    const junk = log.locator(`#pl-row-${names.length}`);
    assert.match((await junk.getAttribute('class')) ?? '', /\bmalformed\b/);
    assert.equal(await log.locator('.pl-data-row.malformed').count(), 1);
    assert.equal(await junk.locator('.pl-col-info').textContent(), lines[names.length]);
    await log.locator('#pl-row-0').click();
    for (let i = 0; i < names.length; i++) {
      if (i > 0) {
        // from the list (the tree had the focus)
        await log.locator('.pl-data-row.selected').click();
        await log.locator('.pl-data-row.selected').press('ArrowDown');
      }
      await log.locator(`.pl-data-row.selected[data-index="${i}"]`).waitFor();
      // the detail comes from the host after the selection: wait for this line's tree
      await log
        .locator('.tree-item .tree-label', { hasText: new RegExp(`^Query log line ${i + 1}\\b`) })
        .waitFor();
      await expandAll(log);
      const tree = await visibleText(log.locator('.tree-item .tree-label'));
      assert.ok(
        tree.includes(names[i]!),
        `the tree of line ${i + 1} did not show ${names[i]}: ${tree}`,
      );
    }
    // the native Packet view follows the selection: the last parsed line's name, as text
    const header = page.locator('.pane-header', { hasText: 'DNSpector: Packet' });
    const packetView = page.locator('.pane', { has: header }).locator('.monaco-list');
    await packetView
      .locator('.monaco-list-row', { hasText: `Name: ${names.at(-1)}` })
      .first()
      .waitFor({ timeout: 30_000 });
    assert.equal(await packetView.locator('img, svg, script, iframe, b, a[href]').count(), 0);
    await bench.screenshot(join(shots, 'hostile-log.png'));
    const rec = await recorded(log);
    assert.deepEqual(rec.inserted, [], 'elements inserted that log text could have made');
    assert.deepEqual(rec.calls, [], 'alert/confirm/prompt/print/open called');
    assert.deepEqual(rec.csp, [], 'CSP violations');
    assert.equal(await log.locator(FOREIGN).count(), 0);
    assert.deepEqual(dialogs, []);
  });
});
