/**
 * The capture editor's host side (captureEditorProvider.ts) receiving malformed messages
 * from its webview, at unit level: `vscode` is answered by a stand-in, the document,
 * panel, registry and log are fakes that record what the host does. Every malformed message
 * (wrong kinds, wrong argument types, unknown methods, huge strings, values JSON cannot
 * write) must be logged once as ignored and change nothing: no request to the worker, no
 * message back, no exception; a well-formed request still goes through afterwards.
 */
import assert from 'node:assert/strict';
import { requireWithStandInVscode } from './standInVscode';

interface FakeUri {
  path: string;
  toString(): string;
}
const fakeVscode = {
  Uri: {
    joinPath: (base: FakeUri, ...parts: string[]): FakeUri => {
      const path = [base.path, ...parts].join('/');
      return { path, toString: () => `file://${path}` };
    },
  },
  workspace: { getConfiguration: () => ({ get: <T>(_k: string, d: T) => d }) },
};

function loadProvider(): typeof import('../../../src/extension/capture/captureEditorProvider') {
  return requireWithStandInVscode(
    '../../../src/extension/capture/captureEditorProvider',
    fakeVscode,
  );
}

const disposable = { dispose: () => undefined };

function harness() {
  const warnings: string[] = [];
  const requests: unknown[] = [];
  const posted: unknown[] = [];
  let receive: ((m: unknown) => Promise<void>) | undefined;
  const log = { warn: (s: string) => warnings.push(s), info: () => 0, error: () => 0 };
  const doc = {
    uri: { path: '/x/capture.pcap' },
    onProgress: () => disposable,
    onViewChanged: () => disposable,
    opened: Promise.resolve(),
    request: async (method: string, args: unknown) => {
      requests.push([method, args]);
      return { rows: [] };
    },
  };
  const panel = {
    webview: {
      options: {},
      html: '',
      cspSource: 'vscode-resource:',
      asWebviewUri: (u: FakeUri) => u,
      postMessage: async (m: unknown) => {
        posted.push(m);
        return true;
      },
      onDidReceiveMessage: (f: (m: unknown) => Promise<void>) => {
        receive = f;
        return disposable;
      },
    },
    onDidDispose: () => disposable,
  };
  const registry = {
    add: () => ({ dispose: () => undefined, flush: () => undefined, selected: () => undefined }),
  };
  const { CaptureEditorProvider } = loadProvider();
  const provider = new CaptureEditorProvider(
    { path: '/ext', toString: () => 'file:///ext' } as never,
    registry as never,
    log as never,
  );
  provider.resolveCustomEditor(doc as never, panel as never);
  if (!receive) throw new Error('no message handler');
  return { receive, warnings, requests, posted };
}

const cyclic: Record<string, unknown> = { kind: 'request' };
cyclic.self = cyclic;

const malformed: [string, unknown][] = [
  ['undefined', undefined],
  ['null', null],
  ['a string', 'ready'],
  ['an array', [{ kind: 'ready', version: 1 }]],
  ['an unknown kind', { kind: 'evaluate', code: 'process.exit()' }],
  ['a request for an unknown method', { kind: 'request', id: 1, method: 'openFile', args: {} }],
  ['a request with a string id', { kind: 'request', id: '1', method: 'getRows', args: {} }],
  [
    'getRows with a negative start',
    { kind: 'request', id: 2, method: 'getRows', args: { start: -1, count: 5 } },
  ],
  [
    'getRows with a fractional count',
    { kind: 'request', id: 3, method: 'getRows', args: { start: 0, count: 1.5 } },
  ],
  [
    'getPacket with a huge number',
    { kind: 'request', id: 4, method: 'getPacket', args: { number: 2 ** 40 } },
  ],
  [
    'setFilter with 1 MB of text',
    { kind: 'request', id: 5, method: 'setFilter', args: { text: 'x'.repeat(1 << 20) } },
  ],
  [
    'setSort on a made-up column',
    { kind: 'request', id: 6, method: 'setSort', args: { column: '__proto__', descending: true } },
  ],
  ['log with an unknown level', { kind: 'log', level: 'exec', message: 'x' }],
  ['selected without a number', { kind: 'selected' }],
  ['a cyclic object', cyclic],
  ['a bigint', { kind: 'ready', version: 10n }],
];

describe('capture editor host: malformed messages from the webview', () => {
  for (const [what, m] of malformed) {
    it(`${what}: logged once as ignored, nothing done`, async () => {
      const h = harness();
      await h.receive(m);
      assert.equal(h.warnings.length, 1);
      assert.match(h.warnings[0] ?? '', /^ignored a malformed message from the capture view/);
      assert.ok((h.warnings[0] ?? '').length < 300, 'the log line is bounded');
      assert.deepEqual(h.requests, []);
      assert.deepEqual(h.posted, []);
    });
  }

  it('still serves well-formed messages after a flood of malformed ones', async () => {
    const h = harness();
    for (const [, m] of malformed) await h.receive(m);
    await h.receive({ kind: 'ready', version: 1 });
    await h.receive({ kind: 'request', id: 9, method: 'getRows', args: { start: 0, count: 10 } });
    assert.equal(h.warnings.length, malformed.length);
    assert.deepEqual(h.requests, [['getRows', { start: 0, count: 10 }]]);
    assert.deepEqual(
      h.posted.map((p) => (p as { kind: string }).kind),
      ['init', 'response'],
    );
  });
});
