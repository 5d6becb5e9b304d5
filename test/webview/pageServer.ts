/**
 * Serves the capture webview to Chromium the way VS Code does: the host's HTML shell with
 * the same strict CSP (default-src 'none', styles and fonts only from the extension's
 * origin, scripts only by nonce), codicons and media/capture.css, plus the fake host and
 * the fixtures as nonce'd scripts. The webview bundle is built from source here (esbuild,
 * in memory) so the tests always run the current code.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import type { CaptureJson } from './fixtureData';
import { repo } from '../helpers/captureFiles';

export interface PageServer {
  origin: string;
  close(): Promise<void>;
}

async function bundle(entry: string): Promise<string> {
  const r = await esbuild.build({
    entryPoints: [join(repo, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  });
  return r.outputFiles[0]!.text;
}

export async function startPageServer(fixtures: Record<string, CaptureJson>): Promise<PageServer> {
  const browserFixtures = Object.fromEntries(
    Object.entries(fixtures).map(([k, v]) => [k, { ...v, fieldTrees: {} }]),
  );
  const files = new Map<string, { type: string; body: string | Buffer }>([
    [
      '/dist/webview/capture.js',
      { type: 'text/javascript', body: await bundle('webview/capture/main.ts') },
    ],
    ['/fake-host.js', { type: 'text/javascript', body: await bundle('test/webview/fakeHost.ts') }],
    [
      '/fixtures.js',
      {
        type: 'text/javascript',
        body: `globalThis.__FIXTURES__ = ${JSON.stringify(browserFixtures)};`,
      },
    ],
    [
      '/dist/codicons/codicon.css',
      {
        type: 'text/css',
        body: readFileSync(join(repo, 'node_modules/@vscode/codicons/dist/codicon.css')),
      },
    ],
    [
      '/dist/codicons/codicon.ttf',
      {
        type: 'font/ttf',
        body: readFileSync(join(repo, 'node_modules/@vscode/codicons/dist/codicon.ttf')),
      },
    ],
    [
      '/media/capture.css',
      { type: 'text/css', body: readFileSync(join(repo, 'media/capture.css')) },
    ],
    [
      '/theme-dark.css',
      { type: 'text/css', body: readFileSync(join(repo, 'test/webview/theme-dark.css')) },
    ],
    [
      '/theme-light.css',
      { type: 'text/css', body: readFileSync(join(repo, 'test/webview/theme-light.css')) },
    ],
  ]);
  let origin = '';
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === '/') {
      const nonce = randomBytes(16).toString('base64');
      const theme = url.searchParams.get('theme') === 'light' ? 'light' : 'dark';
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(pageHtml(origin, nonce, theme));
      return;
    }
    const f = files.get(url.pathname);
    if (url.pathname === '/favicon.ico') {
      // Chromium asks for one; a VS Code webview does not: answer "no content".
      res.writeHead(204);
      res.end();
      return;
    }
    if (!f) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': f.type });
    res.end(f.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The host's HTML shell (task H3), with the fake host's two scripts before the bundle. */
function pageHtml(cspSource: string, nonce: string, theme: string): string {
  const csp = [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${cspSource}/theme-${theme}.css">
<link rel="stylesheet" href="${cspSource}/dist/codicons/codicon.css">
<link rel="stylesheet" href="${cspSource}/media/capture.css">
<title>DNSpector</title></head>
<body><div id="root"></div>
<script nonce="${nonce}" src="${cspSource}/fixtures.js"></script>
<script nonce="${nonce}" src="${cspSource}/fake-host.js"></script>
<script nonce="${nonce}" src="${cspSource}/dist/webview/capture.js"></script></body></html>`;
}
