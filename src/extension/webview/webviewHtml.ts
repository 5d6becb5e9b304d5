/**
 * The HTML shell of every DNSpector webview, after the extension samples: a strict CSP
 * (`default-src 'none'`, scripts only by nonce, styles and fonts only from the extension),
 * a fresh nonce from crypto, and asset URIs made with `asWebviewUri` from the extension's
 * own dist/ and media/ folders. The page holds no data: everything arrives by message and
 * the scripts render it as text.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export function nonce(): string {
  return randomBytes(18).toString('base64url');
}

export interface WebviewPage {
  title: string;
  /** Script bundle under dist/webview (e.g. 'capture' -> dist/webview/capture.js). */
  script: string;
  /** Stylesheet under media (e.g. 'capture.css'). */
  stylesheet: string;
}

/** Folders a webview may load from: the bundles and the static media, nothing else. */
export function localResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')];
}

export function webviewHtml(
  webview: vscode.Webview,
  extensionUri: vscode.Uri,
  page: WebviewPage,
): string {
  const n = nonce();
  const asset = (...path: string[]) =>
    webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path)).toString();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource} data:`,
    `script-src 'nonce-${n}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('dist', 'codicons', 'codicon.css')}">
<link rel="stylesheet" href="${asset('media', page.stylesheet)}">
<title>${escapeHtml(page.title)}</title>
</head>
<body>
<div id="root"></div>
<script nonce="${n}" src="${asset('dist', 'webview', `${page.script}.js`)}"></script>
</body>
</html>`;
}

/** For the only string from outside that enters the shell: the title (a file name). */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
