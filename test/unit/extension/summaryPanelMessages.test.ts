/**
 * The summary panel's host side (summaryPanel.ts) receiving messages from its webview, at
 * unit level with a stand-in `vscode`: malformed messages (wrong kinds and shapes, unsafe
 * file names, huge strings, values JSON cannot write) are logged once, bounded, and do
 * nothing — no handler runs, nothing is posted back, nothing throws; a handler that fails
 * is logged, not thrown into the extension host; well-formed messages still work after.
 */
import assert from 'node:assert/strict';
import type { SummaryView } from '../../../src/core/protocol/summaryMessages';
import { requireWithStandInVscode } from './standInVscode';

interface FakeUri {
  path: string;
  toString(): string;
}
const uri = (path: string): FakeUri => ({ path, toString: () => `file://${path}` });
const disposable = { dispose: () => undefined };

type PanelModule = typeof import('../../../src/extension/summary/summaryPanel');

/** The module keeps the `vscode` it was first loaded with: this one hands out `nextPanel`. */
let nextPanel: unknown;
const standIn = {
  Uri: { joinPath: (base: FakeUri, ...parts: string[]) => uri([base.path, ...parts].join('/')) },
  ViewColumn: { Active: -1 },
  window: {
    createWebviewPanel: () => nextPanel,
    showErrorMessage: async () => undefined,
  },
  l10n: { t: (s: string) => s },
};

function harness() {
  const warnings: string[] = [];
  const errors: string[] = [];
  const posted: unknown[] = [];
  const calls: string[] = [];
  let receive: ((m: unknown) => void) | undefined;
  const panel = {
    title: '',
    webview: {
      html: '',
      cspSource: 'vscode-resource:',
      asWebviewUri: (u: FakeUri) => u,
      postMessage: async (m: unknown) => {
        posted.push(m);
        return true;
      },
      onDidReceiveMessage: (f: (m: unknown) => void) => {
        receive = f;
        return disposable;
      },
    },
    onDidDispose: () => disposable,
    reveal: () => undefined,
    dispose: () => undefined,
  };
  nextPanel = panel;
  const { SummaryPanel } = requireWithStandInVscode<PanelModule>(
    '../../../src/extension/summary/summaryPanel',
    standIn,
  );
  SummaryPanel.active?.dispose();
  const record = (name: string) => async () => {
    calls.push(name);
    return undefined;
  };
  const handlers = {
    export: record('export'),
    applyFilter: record('applyFilter'),
    saveChart: record('saveChart'),
    saveCsv: record('saveCsv'),
    saveDashboard: record('saveDashboard'),
    setBin: async () => {
      calls.push('setBin');
      throw new Error('the files are gone');
    },
  };
  const log = {
    warn: (s: string) => warnings.push(s),
    error: (s: string) => errors.push(s),
    info: () => undefined,
  };
  const view = { title: 't', files: [] } as unknown as SummaryView;
  const shown = SummaryPanel.show(uri('/ext') as never, view, handlers as never, log as never);
  if (!receive) throw new Error('no message handler');
  return { shown, receive: (m: unknown) => shown.receive(m), warnings, errors, posted, calls };
}

const cyclic: Record<string, unknown> = { kind: 'applyFilter' };
cyclic.self = cyclic;

const malformed: [string, unknown][] = [
  ['undefined', undefined],
  ['null', null],
  ['a string', 'ready'],
  ['an unknown kind', { kind: 'runCommand', command: 'workbench.action.terminal.new' }],
  ['ready without a version', { kind: 'ready' }],
  ['export in an unknown format', { kind: 'export', format: 'html' }],
  ['an empty filter', { kind: 'applyFilter', filter: '  ' }],
  ['a 1 MB filter', { kind: 'applyFilter', filter: 'dns or '.repeat(150_000) }],
  ['a CSV with a path in its name', { kind: 'saveCsv', file: '../../.bashrc.csv', csv: 'x' }],
  ['a CSV not named .csv', { kind: 'saveCsv', file: 'types.sh', csv: 'x' }],
  [
    'a chart image that is not a PNG',
    { kind: 'saveChart', image: { file: 'a.png', dataUrl: 'javascript:alert(1)' } },
  ],
  ['a dashboard with a bad image', { kind: 'saveDashboard', markdown: '#', images: [1] }],
  ['an unknown bin', { kind: 'setBin', bin: '7s' }],
  ['a cyclic object', cyclic],
  ['a bigint', { kind: 'ready', version: 1n }],
];

describe('summary panel host: messages from the webview', () => {
  for (const [what, m] of malformed) {
    it(`${what}: logged once as ignored, nothing done`, async () => {
      const h = harness();
      await h.receive(m);
      assert.equal(h.warnings.length, 1);
      assert.match(h.warnings[0] ?? '', /^summary view: ignored an unknown message/);
      assert.ok((h.warnings[0] ?? '').length < 300, 'the log line is bounded');
      assert.deepEqual(h.calls, []);
      assert.deepEqual(h.posted, []);
      h.shown.dispose();
    });
  }

  it('logs a failing handler instead of throwing it into the extension host', async () => {
    const h = harness();
    await h.receive({ kind: 'setBin', bin: '1s' });
    assert.deepEqual(h.calls, ['setBin']);
    assert.equal(h.errors.length, 1);
    assert.match(h.errors[0] ?? '', /the files are gone/);
    h.shown.dispose();
  });

  it('still serves well-formed messages after a flood of malformed ones', async () => {
    const h = harness();
    for (const [, m] of malformed) await h.receive(m);
    await h.receive({ kind: 'ready', version: 1 });
    await h.receive({ kind: 'applyFilter', filter: 'dns.qry.type == 28' });
    assert.deepEqual(h.calls, ['applyFilter']);
    assert.equal((h.posted[0] as { kind?: string } | undefined)?.kind, 'show');
    h.shown.dispose();
  });
});
