/**
 * The one handle on VS Code's webview API: acquireVsCodeApi may be called only once per
 * page, so every module gets it from here.
 */
import type { WebviewApi } from 'vscode-webview';

let api: WebviewApi<unknown> | undefined;

export function vscodeApi(): WebviewApi<unknown> {
  api ??= acquireVsCodeApi<unknown>();
  return api;
}
