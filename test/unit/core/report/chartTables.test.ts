/**
 * The dashboard's tables, CSV and Markdown (src/core/report/chartTables.ts) carry the JSON
 * report's numbers: read back from the CSV text and the Markdown tables of the built CLI's
 * `summarize --format json` on incident-demo.pcap, they equal the JSON's tables and series.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { SummaryReport } from '../../../../src/core/report/summaryReport';
import { dashboard, rateChart, topClientsChart } from '../../../../src/core/report/chartData';
import { chartCsv, dashboardMarkdown } from '../../../../src/core/report/chartTables';

const repo = resolve(__dirname, '../../../../..');

function report(): SummaryReport {
  const r = spawnSync(
    'node',
    [
      join(repo, 'dist/cli.js'),
      'summarize',
      join(repo, 'test/fixtures/incident-demo.pcap'),
      '--format',
      'json',
    ],
    { encoding: 'utf8' },
  );
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as SummaryReport;
}

/** A CSV without quoted fields, as rows of cells. */
function csvRows(text: string): string[][] {
  assert.ok(text.endsWith('\r\n'));
  return text
    .slice(0, -2)
    .split('\r\n')
    .map((l) => l.split(','));
}

describe('dashboard tables, CSV and Markdown', () => {
  const r = report();

  it('the top-clients CSV holds each client and count of the JSON report', () => {
    const [head, ...rows] = csvRows(chartCsv(topClientsChart(r)));
    assert.deepEqual(head, ['label', 'queries', 'percent']);
    assert.deepEqual(
      rows.map(([a, n]) => [a, Number(n)]),
      r.topClients.all.map((c) => [c.address, c.count]),
    );
  });

  it('the query-rate CSV has a row per bin and the JSON series per type', () => {
    const [head, ...rows] = csvRows(chartCsv(rateChart(r)));
    assert.equal(head?.[0], 'bin start');
    assert.deepEqual(
      rows.map((row) => row[0]),
      r.series.binStarts,
    );
    head?.slice(1).forEach((type, i) => {
      assert.deepEqual(
        rows.map((row) => Number(row[i + 1])),
        r.series.qtypes[type],
        type,
      );
    });
  });

  it('the Markdown links every image, quotes the findings and tables the JSON numbers', () => {
    const d = dashboard(r);
    const md = dashboardMarkdown(
      'Demo',
      r.findings.map((f) => f.text),
      d,
      {
        rate: 'rate.png',
        clients: 'clients.png',
      },
    );
    assert.ok(md.startsWith('# Demo\n'));
    assert.ok(md.includes('![Query rate over time](rate.png)'));
    assert.ok(md.includes('![Top clients](clients.png)'));
    for (const f of r.findings) assert.ok(md.includes(`- ${f.text}`), f.text);
    for (const c of r.topClients.all) assert.ok(md.includes(`| ${c.address} | ${c.count} |`));
    for (const [type, n] of Object.entries(r.qtypes)) assert.ok(md.includes(`| ${type} | ${n} |`));
    assert.ok(md.includes(`R² = ${r.regression.r2}`));
  });
});
