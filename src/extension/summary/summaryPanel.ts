/**
 * The summary's WebviewPanel (viewType `dnspector.summary`, title "DNSpector Summary:
 * file names"). One panel, reused by every summary: a new summary replaces the shown one
 * and reveals the panel. The page is the shared shell (webviewHtml.ts: strict CSP with a
 * nonce, scripts from dist/, styles from media/) running dist/webview/summary.js, which
 * renders what it gets by message as text only.
 *
 * Protocol (src/core/protocol/summaryMessages.ts): nothing is posted before the webview's
 * `ready`; then `show` with the current view. A hidden panel's page is destroyed (no
 * retainContextWhenHidden); when it comes back it sends `ready` again and gets the view
 * again. Export buttons post `export`, handled by the owner's onExport (the same code as
 * the Export Summary command), whose outcome goes back as `exported`/`exportFailed`.
 */
import * as vscode from 'vscode';
import {
  SUMMARY_PROTOCOL_VERSION,
  isSummaryToHost,
  type SummaryExportFormat,
  type SummaryToWebview,
  type SummaryView,
} from '../../core/protocol/summaryMessages';
import { localResourceRoots, webviewHtml } from '../webview/webviewHtml';

/** Writes the shown summary in `format`; resolves to where it went (undefined: cancelled). */
export type ExportHandler = (format: SummaryExportFormat) => Promise<vscode.Uri | undefined>;

export class SummaryPanel implements vscode.Disposable {
  static readonly viewType = 'dnspector.summary';
  private static current: SummaryPanel | undefined;

  private ready = false;
  private disposed = false;
  private readonly disposables: vscode.Disposable[] = [];

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private view: SummaryView,
    private onExport: ExportHandler,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => void this.receive(m)),
    );
  }

  /** Shows `view` in the summary panel, creating the panel if none is open. */
  static show(
    extensionUri: vscode.Uri,
    view: SummaryView,
    onExport: ExportHandler,
    log: vscode.LogOutputChannel,
  ): SummaryPanel {
    const title = `DNSpector Summary: ${view.title}`;
    const existing = SummaryPanel.current;
    if (existing) {
      existing.view = view;
      existing.onExport = onExport;
      existing.panel.title = title;
      existing.post({ kind: 'show', version: SUMMARY_PROTOCOL_VERSION, view });
      existing.panel.reveal(undefined, false);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      SummaryPanel.viewType,
      title,
      { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
      { enableScripts: true, localResourceRoots: localResourceRoots(extensionUri) },
    );
    panel.webview.html = webviewHtml(panel.webview, extensionUri, {
      title,
      script: 'summary',
      stylesheet: 'summary.css',
    });
    SummaryPanel.current = new SummaryPanel(panel, view, onExport, log);
    return SummaryPanel.current;
  }

  /** The open summary panel, if any (tests and commands). */
  static get active(): SummaryPanel | undefined {
    return SummaryPanel.current;
  }

  get shown(): SummaryView {
    return this.view;
  }

  private post(message: SummaryToWebview): void {
    // Before `ready` the page cannot take messages; it asks once it can.
    if (this.ready) void this.panel.webview.postMessage(message);
  }

  private async receive(message: unknown): Promise<void> {
    if (!isSummaryToHost(message)) {
      this.log.warn(`summary view: ignored an unknown message ${JSON.stringify(message)}`);
      return;
    }
    switch (message.kind) {
      case 'ready':
        if (message.version !== SUMMARY_PROTOCOL_VERSION) {
          this.log.warn(
            `summary view: protocol ${message.version}, host ${SUMMARY_PROTOCOL_VERSION}`,
          );
        }
        this.ready = true;
        this.post({ kind: 'show', version: SUMMARY_PROTOCOL_VERSION, view: this.view });
        break;
      case 'export': {
        const { format } = message;
        try {
          const target = await this.onExport(format);
          if (target) this.post({ kind: 'exported', format, target: target.toString(true) });
        } catch (err) {
          const text = err instanceof Error ? err.message : String(err);
          this.post({ kind: 'exportFailed', format, message: text });
        }
        break;
      }
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (SummaryPanel.current === this) SummaryPanel.current = undefined;
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
