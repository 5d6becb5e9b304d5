/**
 * The webviews' security, checked without a browser:
 * - the HTML shell every DNSpector webview gets (webviewHtml.ts, with a stand-in for the
 *   `vscode` module): `default-src 'none'`, scripts only by a fresh nonce, no unsafe-eval or
 *   unsafe-inline, every resource from the extension (no remote URL), the file name in the
 *   title escaped; and every webview in src/extension takes its HTML from that builder;
 * - the message guards (isToHost, isSummaryToHost) with fast-check: any value, and near
 *   misses of valid messages, never throw, and what they accept has the shape the host
 *   relies on;
 * - untrusted workspaces: declared supported (reading only), and nothing in the extension
 *   can run code from a file (no child_process, vm, eval or Function in src/ or webview/).
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import fc from 'fast-check';
import { COLUMN_IDS, isToHost } from '../../../src/core/protocol/captureMessages';
import { isSummaryToHost } from '../../../src/core/protocol/summaryMessages';
import { repo } from '../../helpers/captureFiles';

interface FakeUri {
  path: string;
  toString(): string;
}
const RESOURCE = 'vscode-resource://extension';
const fakeVscode = {
  Uri: {
    joinPath: (base: FakeUri, ...parts: string[]): FakeUri => {
      const path = [base.path, ...parts].join('/');
      return { path, toString: () => `file://${path}` };
    },
  },
};
const fakeWebview = {
  cspSource: RESOURCE,
  asWebviewUri: (u: FakeUri) => ({ toString: () => `${RESOURCE}${u.path}` }),
};

/** Loads webviewHtml.ts with `vscode` answered by the stand-in above. */
function loadWebviewHtml(): typeof import('../../../src/extension/webview/webviewHtml') {
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = loader._load;
  loader._load = (request: string, ...rest: unknown[]) =>
    request === 'vscode' ? fakeVscode : original(request, ...rest);
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('../../../src/extension/webview/webviewHtml');
  } finally {
    loader._load = original;
  }
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('webview security', () => {
  describe('the HTML shell', () => {
    const hostileName = '<script>alert(1)</script><img src=x onerror=alert(2)>.pcap';
    const pages = ['capture', 'summary'].map((script) =>
      loadWebviewHtml().webviewHtml(
        fakeWebview as never,
        { path: '/ext', toString: () => 'file:///ext' } as never,
        { title: hostileName, script, stylesheet: `${script}.css` },
      ),
    );

    it("has a CSP of default-src 'none' with scripts only by nonce, no unsafe-*", () => {
      for (const html of pages) {
        const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
        assert.ok(csp, 'a CSP meta tag');
        const directives = new Map(
          csp.split(';').map((d) => {
            const [name, ...values] = d.trim().split(/\s+/);
            return [name ?? '', values];
          }),
        );
        assert.deepEqual(directives.get('default-src'), ["'none'"]);
        const script = directives.get('script-src') ?? [];
        assert.equal(script.length, 1);
        assert.match(script[0] ?? '', /^'nonce-[A-Za-z0-9_-]{22,}'$/);
        assert.doesNotMatch(csp, /unsafe-eval|unsafe-inline|\*|https?:/);
        for (const [name, values] of directives) {
          if (name !== 'default-src' && name !== 'script-src')
            for (const v of values) assert.ok(v === RESOURCE || v === 'data:', `${name} ${v}`);
        }
      }
    });

    it('loads every script by that nonce and every resource from the extension', () => {
      for (const html of pages) {
        const nonce = /'nonce-([^']+)'/.exec(html)?.[1];
        const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
        assert.equal(scripts.length, 1);
        for (const [, attrs, body] of scripts) {
          assert.match(attrs ?? '', new RegExp(`nonce="${nonce}"`));
          assert.equal(body?.trim(), '', 'no inline script');
        }
        for (const [, url] of html.matchAll(/\b(?:src|href)="([^"]*)"/g)) {
          assert.ok(url?.startsWith(`${RESOURCE}/ext/`), `resource ${url}`);
        }
        // (The title is text: the hostile name's escaped "onerror=" is not an attribute.)
        const markup = html.replace(/<title>[^<]*<\/title>/, '');
        assert.doesNotMatch(markup, /\son[a-z]+=/i, 'no inline event handlers');
      }
    });

    it('escapes the file name in the title and makes a fresh nonce each time', () => {
      for (const html of pages) {
        assert.ok(!html.includes('<script>alert'), 'the name is not markup');
        assert.ok(!html.includes('<img'), 'the name is not markup');
        assert.match(html, /<title>&#60;script&#62;alert\(1\)&#60;\/script&#62;/);
      }
      const nonces = pages.map((h) => /'nonce-([^']+)'/.exec(h)?.[1]);
      assert.notEqual(nonces[0], nonces[1]);
    });

    it('is the only way webviews in the extension get their HTML', () => {
      const assignments = sourceFiles(join(repo, 'src/extension'))
        .flatMap((f) => readFileSync(f, 'utf8').split('\n'))
        .filter((l) => /\.html\s*=/.test(l));
      assert.ok(assignments.length >= 2, 'the capture editor and the summary panel');
      for (const l of assignments) assert.match(l, /=\s*webviewHtml\(/, l.trim());
    });
  });

  describe('message guards', () => {
    const valid: unknown[] = [
      { kind: 'ready', version: 1 },
      { kind: 'selected', number: 3 },
      { kind: 'log', level: 'warn', message: 'x' },
      { kind: 'request', id: 1, method: 'getRows', args: { start: 0, count: 50 } },
      { kind: 'request', id: 2, method: 'getPacket', args: { number: 1 } },
      { kind: 'request', id: 3, method: 'findRow', args: { number: 9 } },
      { kind: 'request', id: 4, method: 'setFilter', args: { text: 'dns' } },
      { kind: 'request', id: 5, method: 'setSort', args: { column: 'number', descending: true } },
    ];
    /** What the capture host relies on once isToHost said yes. */
    const shapeOk = (m: unknown): boolean => {
      const o = m as Record<string, unknown>;
      const count = (x: unknown) => Number.isInteger(x) && (x as number) >= 0;
      if (o.kind !== 'request') return ['ready', 'selected', 'log'].includes(o.kind as string);
      const a = o.args as Record<string, unknown>;
      switch (o.method) {
        case 'getRows':
          return count(a.start) && count(a.count);
        case 'getPacket':
        case 'findRow':
          return count(a.number);
        case 'setFilter':
          return typeof a.text === 'string';
        case 'setSort':
          return (COLUMN_IDS as readonly unknown[]).includes(a.column);
      }
      return false;
    };
    /** A valid message with one part replaced by anything. */
    const nearMiss = fc
      .tuple(fc.constantFrom(...valid), fc.string(), fc.anything())
      .map(([m, key, value]) => {
        const copy = structuredClone(m) as Record<string, unknown>;
        const keys = Object.keys(copy);
        const k = keys[key.length % keys.length] ?? key;
        if (k === 'args' && typeof copy.args === 'object') {
          const args = copy.args as Record<string, unknown>;
          const ak = Object.keys(args)[key.length % Math.max(1, Object.keys(args).length)] ?? key;
          args[ak] = value;
        } else copy[k] = value;
        return copy;
      });

    it('accept the valid messages', () => {
      for (const m of valid) assert.equal(isToHost(m), true, JSON.stringify(m));
      assert.equal(isSummaryToHost({ kind: 'ready', version: 1 }), true);
    });

    it('never throw, and what they accept has the shape the host relies on', () => {
      fc.assert(
        fc.property(fc.oneof(fc.anything(), nearMiss, fc.jsonValue()), (m) => {
          if (isToHost(m)) assert.ok(shapeOk(m), JSON.stringify(m));
          const s = isSummaryToHost(m);
          if (s) assert.equal(typeof (m as { kind: unknown }).kind, 'string');
        }),
        { numRuns: 3000, seed: 42 },
      );
    });
  });

  describe('untrusted workspaces', () => {
    const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
      capabilities?: { untrustedWorkspaces?: { supported?: unknown } };
      contributes?: Record<string, unknown>;
    };

    it('are declared supported: DNSpector only reads files', () => {
      assert.equal(manifest.capabilities?.untrustedWorkspaces?.supported, true);
      for (const k of ['taskDefinitions', 'debuggers', 'terminal', 'problemMatchers']) {
        assert.equal(manifest.contributes?.[k], undefined, `contributes.${k}`);
      }
    });

    it('have nothing to fear: no code in src/ or webview/ runs processes or evaluates text', () => {
      const files = [...sourceFiles(join(repo, 'src')), ...sourceFiles(join(repo, 'webview'))];
      assert.ok(files.length > 50);
      for (const f of files) {
        const text = readFileSync(f, 'utf8');
        assert.doesNotMatch(text, /['"](node:)?(child_process|vm|cluster)['"]/, f);
        assert.doesNotMatch(text, /\beval\s*\(|new Function\s*\(/, f);
        assert.doesNotMatch(text, /\.innerHTML\s*=|insertAdjacentHTML|document\.write/, f);
      }
    });
  });
});
