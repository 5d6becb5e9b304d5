/**
 * The summary view's message guard: the host accepts `ready` with a version and `export`
 * with one of the three formats, and nothing else (onDidReceiveMessage hands it unknown).
 */
import { strict as assert } from 'node:assert';
import { isSummaryToHost } from '../../../../src/core/protocol/summaryMessages';

describe('isSummaryToHost', () => {
  it('accepts ready with a numeric version and export with a known format', () => {
    assert.equal(isSummaryToHost({ kind: 'ready', version: 1 }), true);
    for (const format of ['markdown', 'json', 'csv']) {
      assert.equal(isSummaryToHost({ kind: 'export', format }), true, format);
    }
  });

  it('rejects other kinds, missing or wrong fields, and non-objects', () => {
    for (const m of [
      null,
      undefined,
      'ready',
      42,
      [],
      {},
      { kind: 'ready' },
      { kind: 'ready', version: '1' },
      { kind: 'export' },
      { kind: 'export', format: 'text' },
      { kind: 'export', format: 'html' },
      { kind: 'show', version: 1 },
    ]) {
      assert.equal(isSummaryToHost(m), false, JSON.stringify(m));
    }
  });
});

describe('isSummaryToHost: the dashboard messages', () => {
  const png = 'data:image/png;base64,iVBORw0KGgo=';
  it('accepts applyFilter, saveChart, saveCsv, saveDashboard and setBin when well formed', () => {
    for (const m of [
      { kind: 'applyFilter', filter: 'dns.qry.type == AAAA' },
      { kind: 'saveChart', image: { file: 'rate.png', dataUrl: png } },
      { kind: 'saveCsv', file: 'top-clients.csv', csv: 'a,b\r\n' },
      { kind: 'saveDashboard', markdown: '# x', images: [{ file: 'mix.png', dataUrl: png }] },
      { kind: 'setBin', bin: '1s' },
      { kind: 'setBin', bin: 'auto' },
    ]) {
      assert.equal(isSummaryToHost(m), true, JSON.stringify(m));
    }
  });

  it('rejects empty filters, non-PNG data, unsafe file names and unknown bins', () => {
    for (const m of [
      { kind: 'applyFilter' },
      { kind: 'applyFilter', filter: '  ' },
      { kind: 'applyFilter', filter: 'x'.repeat(10_001) },
      { kind: 'saveChart', image: { file: 'rate.png', dataUrl: 'data:text/html;base64,PGI+' } },
      { kind: 'saveChart', image: { file: '../x.png', dataUrl: png } },
      { kind: 'saveChart', image: { file: 'rate.csv', dataUrl: png } },
      { kind: 'saveCsv', file: 'a/b.csv', csv: '' },
      { kind: 'saveCsv', file: 'a.csv' },
      { kind: 'saveDashboard', markdown: '# x', images: [{ file: '.png', dataUrl: png }] },
      { kind: 'saveDashboard', images: [] },
      { kind: 'setBin', bin: '5m' },
    ]) {
      assert.equal(isSummaryToHost(m), false, JSON.stringify(m));
    }
  });
});
