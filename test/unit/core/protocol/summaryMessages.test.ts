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
