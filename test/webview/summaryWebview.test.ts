/**
 * The summary webview (webview/summary) in real Chromium (playwright-core,
 * /usr/bin/chromium) under the host's CSP, with a fake host injected as an init script
 * (acquireVsCodeApi recording posts and state). The view it is shown is made in Node by the
 * real pipeline (runSummary + summaryView) from hostile-names.pcap, whose query names hold
 * HTML and script: they must appear as text, and no element they spell may exist. Checks
 * the ready handshake, findings first, one table per table block, the export buttons'
 * messages and status, and the saved state filling a reopened page before the host
 * answers. Every test ends with no CSP violation, console error or page error.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { runSummary } from '../../src/node/summaryRun';
import { summaryView } from '../../src/extension/summary/summaryView';
import type { SummaryView } from '../../src/core/protocol/summaryMessages';
import { fixtureDir, repo } from '../helpers/captureFiles';
import { clientFilter } from '../../src/core/report/chartFilters';
import { rateChart } from '../../src/core/report/chartData';

const chromiumPath = process.env.DNSPECTOR_CHROMIUM ?? '/usr/bin/chromium';

async function bundle(): Promise<string> {
  const r = await esbuild.build({
    entryPoints: [join(repo, 'webview/summary/main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  });
  const out = r.outputFiles[0];
  if (!out) throw new Error('no bundle');
  return out.text;
}

/** Serves the page as the host's shell does (same CSP), the bundle, the CSS and codicons. */
async function serve(): Promise<{ origin: string; server: Server }> {
  const codicons = join(repo, 'node_modules/@vscode/codicons/dist');
  const files = new Map<string, [string, string | Buffer]>([
    ['/summary.js', ['text/javascript', await bundle()]],
    ['/summary.css', ['text/css', readFileSync(join(repo, 'media/summary.css'))]],
    ['/codicon.css', ['text/css', readFileSync(join(codicons, 'codicon.css'))]],
    ['/codicon.ttf', ['font/ttf', readFileSync(join(codicons, 'codicon.ttf'))]],
  ]);
  let origin = '';
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', origin).pathname;
    if (path === '/') {
      const nonce = randomBytes(16).toString('base64');
      const csp = [
        "default-src 'none'",
        `style-src ${origin}`,
        `font-src ${origin}`,
        `img-src ${origin} data:`,
        `script-src 'nonce-${nonce}'`,
      ].join('; ');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<link rel="stylesheet" href="${origin}/codicon.css">
<link rel="stylesheet" href="${origin}/summary.css">
<title>summary</title></head><body><div id="root"></div>
<script nonce="${nonce}" src="${origin}/summary.js"></script></body></html>`);
      return;
    }
    const f = files.get(path);
    if (!f) {
      res.writeHead(path === '/favicon.ico' ? 204 : 404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': f[0] });
    res.end(f[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  origin = `http://127.0.0.1:${address.port}`;
  return { origin, server };
}

/** Polls `expression` over CDP (the page's CSP forbids the eval waitForFunction uses). */
async function until(page: Page, expression: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function js<T>(page: Page, expression: string): Promise<T> {
  return (await page.evaluate(expression)) as T;
}

describe('summary webview in Chromium', function () {
  this.timeout(120_000);
  let browser: Browser;
  let origin: string;
  let server: Server;
  let view: SummaryView;
  const problems: string[] = [];

  let demo: SummaryView;

  before(async () => {
    const file = join(fixtureDir, 'hostile-names.pcap');
    view = summaryView([file], await runSummary([file], { extraDnsPorts: [], binSeconds: null }));
    const demoFile = join(fixtureDir, 'incident-demo.pcap');
    demo = summaryView(
      [demoFile],
      await runSummary([demoFile], { extraDnsPorts: [], binSeconds: null }),
    );
    ({ origin, server } = await serve());
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu'],
    });
  });
  after(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  /** A page with the fake host; `saved` is what getState returns. */
  async function open(saved?: unknown): Promise<Page> {
    const page = await browser.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.addInitScript({
      content: `window.__posted = []; window.__states = []; window.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
        let state = ${JSON.stringify(saved ?? null)};
        window.acquireVsCodeApi = () => ({
          postMessage: (m) => window.__posted.push(m),
          getState: () => state,
          setState: (s) => { state = s; window.__states.push(s); return s; },
        });`,
    });
    await page.goto(origin);
    await until(page, 'window.__posted.some((m) => m.kind === "ready")');
    return page;
  }

  async function show(page: Page, shown: SummaryView = view, partial = false): Promise<void> {
    await page.evaluate(
      `window.postMessage(${JSON.stringify({ kind: 'show', version: 1, view: shown, partial })}, '*')`,
    );
    await until(page, 'document.querySelectorAll(".report-section").length > 0');
    await until(page, 'Object.keys(window.__DNSPECTOR_CHARTS__ || {}).length >= 11');
  }

  /** Data of a chart instance's dataset, as chart.js holds it. */
  async function chartData<T>(page: Page, id: string, dataset = 0): Promise<T> {
    return js<T>(
      page,
      `window.__DNSPECTOR_CHARTS__[${JSON.stringify(id)}].data.datasets[${dataset}].data`,
    );
  }

  async function chartLabels(page: Page, id: string): Promise<string[]> {
    return js<string[]>(page, `window.__DNSPECTOR_CHARTS__[${JSON.stringify(id)}].data.labels`);
  }

  /** Clicks the chart's element (dataset, index) where chart.js drew it. */
  async function clickElement(page: Page, id: string, index: number, dataset = 0): Promise<void> {
    const at = await js<{ x: number; y: number }>(
      page,
      `(() => { const c = window.__DNSPECTOR_CHARTS__[${JSON.stringify(id)}];
        c.canvas.scrollIntoView({ block: 'center' });
        const e = c.getDatasetMeta(${dataset}).data[${index}];
        const r = c.canvas.getBoundingClientRect();
        const p = e.getCenterPoint();
        return { x: r.left + p.x, y: r.top + p.y }; })()`,
    );
    await page.mouse.click(at.x, at.y);
  }

  afterEach(async () => {
    for (const page of browser.contexts().flatMap((c) => c.pages())) {
      assert.deepEqual(await js(page, 'window.__violations'), [], 'CSP violations');
      await page.close();
    }
    assert.deepEqual(problems.splice(0), [], 'console or page errors');
  });

  it('says ready with the protocol version, then renders the report findings first', async () => {
    const page = await open();
    assert.deepEqual(await js(page, 'window.__posted'), [{ kind: 'ready', version: 1 }]);
    await show(page);
    const titles = await js<string[]>(
      page,
      '[...document.querySelectorAll(".report-section h2")].map((h) => h.textContent)',
    );
    const expected = view.document.sections.map((s) => s.title);
    assert.equal(titles[0], 'Findings');
    assert.deepEqual(
      titles.filter((t) => t !== 'File' && t !== 'Files'),
      expected,
    );
    const tableBlocks = view.document.sections
      .flatMap((s) => s.blocks)
      .filter((b) => b.kind === 'table').length;
    assert.equal(await js(page, 'document.querySelectorAll("table").length'), tableBlocks);
    assert.equal(
      await js(page, 'document.querySelector("h1").textContent'),
      'DNS traffic summary: hostile-names.pcap',
    );
    assert.equal(
      await js(page, 'document.querySelector(".subtitle").textContent'),
      view.document.subtitle,
    );
  });

  it('shows hostile query names as text and creates no element from them', async () => {
    const page = await open();
    await show(page);
    const names = view.report.topNames.all.map((n) => n.name);
    assert.ok(
      names.some((n) => n.includes('<img')),
      'the fixture has HTML in its names',
    );
    const cells = await js<string[]>(
      page,
      '[...document.querySelectorAll("td")].map((td) => td.textContent)',
    );
    for (const name of names) assert.ok(cells.includes(name), `${name} shown as text`);
    assert.equal(await js(page, 'document.querySelectorAll("img, iframe").length'), 0);
    assert.equal(await js(page, 'document.querySelectorAll("script").length'), 1, 'only ours');
  });

  it('posts export messages from the toolbar and shows the outcome', async () => {
    const page = await open();
    await show(page);
    for (const [label, format] of [
      ['Export Markdown', 'markdown'],
      ['Export CSV', 'csv'],
      ['Export JSON', 'json'],
    ] as const) {
      await page.getByRole('button', { name: label }).click();
      const posted = await js<unknown[]>(page, 'window.__posted');
      assert.deepEqual(posted.at(-1), { kind: 'export', format });
    }
    await page.evaluate(
      `window.postMessage({ kind: 'exported', format: 'json', target: '/tmp/x.json' }, '*')`,
    );
    await until(page, 'document.querySelector(".status").textContent.includes("/tmp/x.json")');
    assert.equal(
      await js(page, 'document.querySelector(".status").textContent'),
      'JSON written to /tmp/x.json',
    );
  });

  it('saves the view and renders a saved view before the host answers', async () => {
    const first = await open();
    await show(first);
    const states = await js<{ view: SummaryView }[]>(first, 'window.__states');
    assert.equal(states.length, 1);
    assert.deepEqual(states[0]?.view, view);

    const reopened = await open(states[0]);
    assert.equal(
      await js(reopened, 'document.querySelectorAll(".report-section").length'),
      view.document.sections.length + 1,
      'every section and the file list, with no show message',
    );
  });

  it('draws the charts with the report numbers in chart.data', async () => {
    const page = await open();
    await show(page, demo);
    const r = demo.report;
    const byCount = Object.entries(r.qtypes).sort((a, b) => b[1] - a[1]);
    assert.deepEqual(
      await chartLabels(page, 'mix'),
      byCount.map(([k]) => k),
    );
    assert.deepEqual(
      await chartData(page, 'mix'),
      byCount.map(([, v]) => v),
    );
    assert.deepEqual(
      await chartData(page, 'mixDoughnut'),
      byCount.map(([, v]) => v),
    );
    const lines = await js<string[]>(
      page,
      'window.__DNSPECTOR_CHARTS__.rate.data.datasets.map((d) => d.label)',
    );
    for (const [i, label] of lines.entries()) {
      const points = await chartData<{ x: number; y: number }[]>(page, 'rate', i);
      assert.equal(
        points.reduce((n, p) => n + (p.y ?? 0), 0),
        r.qtypes[label],
        label,
      );
    }
    const scatter = await chartData<{ x: number; y: number }[]>(page, 'aVsAaaa');
    assert.equal(scatter.length, r.regression.bins);
    assert.equal(
      scatter.reduce((n, p) => n + p.x, 0),
      r.regression.aTotal,
    );
    assert.deepEqual(
      await chartLabels(page, 'clients'),
      r.topClients.all.map((c) => c.address),
    );
    assert.deepEqual(
      await chartData(page, 'clients'),
      r.topClients.all.map((c) => c.count),
    );
    assert.deepEqual(await chartData(page, 'transactions'), [
      r.totals.answered,
      r.totals.unanswered,
      r.totals.retransmissions,
      r.totals.unsolicited,
      r.totals.duplicateResponses,
      r.totals.duplicateIds,
    ]);
    assert.deepEqual(
      await chartData(page, 'responseTimes'),
      r.responseTimesFromFirstQuery.histogram.counts,
    );
    const findings = await js<string[]>(
      page,
      '[...document.querySelectorAll(".finding-text")].map((e) => e.textContent.trim())',
    );
    assert.deepEqual(
      findings,
      r.findings.map((f) => f.text),
    );
  });

  it('a click on a bar posts applyFilter with the bar filter, a client bar shows its mix', async () => {
    const page = await open();
    await show(page, demo);
    const second = demo.report.topClients.all[1]!.address;
    await clickElement(page, 'clients', 1);
    await until(
      page,
      `document.querySelector('#chart-clientMix h2').textContent.includes(${JSON.stringify(second)})`,
    );
    const mix = Object.entries(demo.report.topClients.qtypeMix[second]!).sort(
      (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1),
    );
    assert.deepEqual(
      await chartLabels(page, 'clientMix'),
      mix.map(([k]) => k),
    );
    assert.deepEqual(
      await chartData(page, 'clientMix'),
      mix.map(([, v]) => v),
    );
    await page.evaluate('window.__posted = []');
    await clickElement(page, 'clients', 0);
    await until(page, 'window.__posted.some((m) => m.kind === "applyFilter")');
    const posted = await js<{ kind: string; filter?: string }[]>(page, 'window.__posted');
    assert.deepEqual(
      posted.filter((m) => m.kind === 'applyFilter'),
      [{ kind: 'applyFilter', filter: clientFilter(demo.report.topClients.all[0]!.address) }],
    );
  });

  it('the Table toggle shows the data as text, with hostile names as text', async () => {
    const page = await open();
    await show(page);
    const toggle = page.locator('#chart-names .table-toggle');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    const cells = await js<string[]>(
      page,
      '[...document.querySelectorAll("#chart-names td:first-child")].map((td) => td.textContent)',
    );
    assert.deepEqual(
      cells,
      view.report.topNames.all.map((n) => n.name),
    );
    assert.equal(await js(page, 'document.querySelectorAll("img, iframe").length'), 0);
    assert.equal(await js(page, 'document.querySelectorAll("script").length'), 1);
    // The row's button applies the same filter as a click on the bar.
    await page.locator('#chart-names .row-filter').first().click();
    const last = (await js<{ kind: string; filter: string }[]>(page, 'window.__posted')).at(-1);
    assert.equal(last?.kind, 'applyFilter');
    assert.ok(last?.filter.startsWith('dns.flags.response == 0 && dns.qry.name == "'));
  });

  it('exports a chart as PNG, its CSV, the dashboard as Markdown, and asks for another bin', async () => {
    const page = await open();
    await show(page, demo);
    await page.locator('#chart-rate .png-button').click();
    await page.locator('#chart-clients .csv-button').click();
    await page.getByRole('button', { name: 'Export Dashboard' }).click();
    await page.locator('#chart-rate select').selectOption('1s');
    const posted = await js<Record<string, unknown>[]>(page, 'window.__posted');
    const png = posted.find((m) => m.kind === 'saveChart') as
      { image: { file: string; dataUrl: string } } | undefined;
    assert.equal(png?.image.file, 'rate.png');
    assert.match(png?.image.dataUrl ?? '', /^data:image\/png;base64,[A-Za-z0-9+/]{100,}/);
    const csv = posted.find((m) => m.kind === 'saveCsv') as { file: string; csv: string };
    assert.equal(csv.file, 'clients.csv');
    assert.equal(
      csv.csv.split('\r\n')[1],
      `${demo.report.topClients.all[0]!.address},${demo.report.topClients.all[0]!.count},` +
        `${((demo.report.topClients.all[0]!.count / demo.report.totals.queries) * 100).toFixed(1)}%`,
    );
    const md = posted.find((m) => m.kind === 'saveDashboard') as {
      markdown: string;
      images: { file: string }[];
    };
    assert.ok(md.images.length >= 9, `${md.images.length} images`);
    assert.ok(md.markdown.includes('![Query rate over time](rate.png)'));
    assert.deepEqual(posted.at(-1), { kind: 'setBin', bin: '1s' });
  });

  it('a finding link focuses its chart; a partial show updates the charts in place', async () => {
    const page = await open();
    await show(page, demo);
    await page.locator('.finding-link').first().click();
    assert.equal(
      await js(page, 'document.activeElement.id'),
      `chart-${demo.report.findings[0]!.kind === 'aaaa-dominant-client' ? 'clients' : 'rate'}-title`,
    );
    await page.evaluate('window.__first = window.__DNSPECTOR_CHARTS__.mix');
    const grown = structuredClone(demo);
    grown.report.qtypes = { ...grown.report.qtypes, TXT: 5000 };
    await show(page, grown, true);
    await until(page, 'window.__DNSPECTOR_CHARTS__.mix.data.labels[0] === "TXT"');
    assert.equal(await js(page, 'window.__first === window.__DNSPECTOR_CHARTS__.mix'), true);
    assert.ok(
      (await js<string>(page, 'document.querySelector(".status").textContent')).includes('partial'),
    );
  });

  it('a click inside a gap band posts the band filter', async () => {
    const page = await open();
    await show(page, demo);
    const band = rateChart(demo.report).bands[0]!;
    const at = await js<{ x: number; y: number }>(
      page,
      `(() => { const c = window.__DNSPECTOR_CHARTS__.rate;
        c.canvas.scrollIntoView({ block: 'center' });
        const r = c.canvas.getBoundingClientRect();
        const x = c.scales.x.getPixelForValue(${(band.startMs + band.endMs) / 2});
        return { x: r.left + x, y: r.top + (c.chartArea.top + c.chartArea.bottom) / 2 }; })()`,
    );
    await page.mouse.click(at.x, at.y);
    await until(page, 'window.__posted.some((m) => m.kind === "applyFilter")');
    const posted = await js<{ kind: string; filter?: string }[]>(page, 'window.__posted');
    assert.deepEqual(
      posted.filter((m) => m.kind === 'applyFilter'),
      [{ kind: 'applyFilter', filter: band.filter }],
    );
  });

  it('re-reads the theme colours when the body class changes', async () => {
    const page = await open();
    await show(page, demo);
    await page.evaluate(`document.documentElement.style.setProperty('--vscode-charts-blue', '#123456');
      document.body.className = 'vscode-high-contrast';`);
    await until(page, 'window.__DNSPECTOR_CHARTS__.mix.data.datasets[0].borderColor === "#123456"');
  });

  it('decimates a long series with min-max, keeping its peak', async () => {
    const page = await open();
    const long = structuredClone(demo);
    const n = 20_000;
    const start = Date.parse('2026-11-23T00:00:00.000Z');
    const series = long.report.series;
    series.binSeconds = 1;
    series.binStarts = Array.from({ length: n }, (_, i) =>
      new Date(start + i * 1000).toISOString(),
    );
    const a = Array.from({ length: n }, (_, i) => (i % 7) + 1);
    a[12_345] = 999;
    series.qtypes = { A: a };
    series.clients = {};
    series.aVsAaaa = { a, aaaa: a.map(() => 0), ratio: a.map(() => 0) };
    long.report.gaps = [];
    await show(page, long);
    const drawn = await chartData<{ x: number; y: number }[]>(page, 'rate');
    assert.ok(drawn.length < n / 4, `${drawn.length} of ${n} points drawn`);
    assert.equal(Math.max(...drawn.map((p) => p.y)), 999, 'the peak survives');
    // chart.js keeps the full series beside the decimated one.
    assert.equal(
      await js(page, 'window.__DNSPECTOR_CHARTS__.rate.data.datasets[0]._data.length'),
      n,
    );
  });

  it('the wheel zooms the time axis, a partial show keeps the zoom, Reset zoom undoes it', async () => {
    const page = await open();
    await show(page, demo);
    const range = (): Promise<[number, number]> =>
      js(
        page,
        '[window.__DNSPECTOR_CHARTS__.rate.scales.x.min, window.__DNSPECTOR_CHARTS__.rate.scales.x.max]',
      );
    const [min0, max0] = await range();
    const box = await js<{ x: number; y: number }>(
      page,
      `(() => { const c = window.__DNSPECTOR_CHARTS__.rate; c.canvas.scrollIntoView({ block: 'center' });
        const r = c.canvas.getBoundingClientRect();
        return { x: r.left + (c.chartArea.left + c.chartArea.right) / 2, y: r.top + (c.chartArea.top + c.chartArea.bottom) / 2 }; })()`,
    );
    await page.mouse.move(box.x, box.y);
    for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -200);
    await until(
      page,
      `window.__DNSPECTOR_CHARTS__.rate.scales.x.max - window.__DNSPECTOR_CHARTS__.rate.scales.x.min < ${(max0 - min0) * 0.9}`,
    );
    const zoomed = await range();
    await show(page, structuredClone(demo), true);
    assert.deepEqual(await range(), zoomed, 'zoom kept across a live update');
    await page.locator('#chart-rate .reset-zoom').click();
    await until(page, `window.__DNSPECTOR_CHARTS__.rate.scales.x.min === ${min0}`);
    assert.deepEqual(await range(), [min0, max0]);
  });
});
