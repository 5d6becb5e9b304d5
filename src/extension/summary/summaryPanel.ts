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
 * The dashboard's messages (applyFilter, saveChart, saveCsv, saveDashboard, setBin) go to
 * the owner's handlers too; saves are answered with `saved`/`saveFailed`. Whatever fails
 * the guard (isSummaryToHost) is logged and ignored.
 */
import * as vscode from 'vscode';
import {
  SUMMARY_PROTOCOL_VERSION,
  isSummaryToHost,
  type ChartImage,
  type SummaryBin,
  type SummaryExportFormat,
  type SummaryToWebview,
  type SummaryView,
} from '../../core/protocol/summaryMessages';
import { localResourceRoots, webviewHtml } from '../webview/webviewHtml';
import { messageLogText } from '../webview/messageLogText';

/** What the panel's owner does for the page (each save resolves to where it went, or undefined). */
export interface SummaryHandlers {
  /** Writes the shown summary in `format`. */
  export(format: SummaryExportFormat): Promise<vscode.Uri | undefined>;
  applyFilter(filter: string): Promise<void>;
  saveChart(image: ChartImage): Promise<vscode.Uri | undefined>;
  saveCsv(file: string, csv: string): Promise<vscode.Uri | undefined>;
  saveDashboard(markdown: string, images: ChartImage[]): Promise<vscode.Uri | undefined>;
  /** Summarizes the same files again with another time bin (and shows it). */
  setBin(bin: SummaryBin): Promise<void>;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export class SummaryPanel implements vscode.Disposable {
  static readonly viewType = 'dnspector.summary';
  private static current: SummaryPanel | undefined;

  private ready = false;
  private disposed = false;
  private readonly disposables: vscode.Disposable[] = [];

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private view: SummaryView,
    private handlers: SummaryHandlers,
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
    handlers: SummaryHandlers,
    log: vscode.LogOutputChannel,
    partial = false,
  ): SummaryPanel {
    const title = `DNSpector Summary: ${view.title}`;
    const existing = SummaryPanel.current;
    if (existing) {
      existing.view = view;
      existing.handlers = handlers;
      existing.panel.title = title;
      existing.post({
        kind: 'show',
        version: SUMMARY_PROTOCOL_VERSION,
        view,
        ...(partial ? { partial } : {}),
      });
      // Live updates do not steal the focus; a finished summary comes to the front.
      if (!partial) existing.panel.reveal(undefined, false);
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
    SummaryPanel.current = new SummaryPanel(panel, view, handlers, log);
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

  /** Handles a message as if the page had posted it (the page's messages come here). */
  async receive(message: unknown): Promise<void> {
    if (!isSummaryToHost(message)) {
      this.log.warn(`summary view: ignored an unknown message ${messageLogText(message)}`);
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
          const target = await this.handlers.export(format);
          if (target) this.post({ kind: 'exported', format, target: target.toString(true) });
        } catch (err) {
          this.post({ kind: 'exportFailed', format, message: errorText(err) });
        }
        break;
      }
      case 'applyFilter':
        try {
          await this.handlers.applyFilter(message.filter);
        } catch (err) {
          this.log.error(`summary view: filter "${message.filter}": ${errorText(err)}`);
          void vscode.window.showErrorMessage(
            vscode.l10n.t('DNSpector could not apply the filter: {0}', errorText(err)),
          );
        }
        break;
      case 'saveChart':
        await this.saved(() => this.handlers.saveChart(message.image));
        break;
      case 'saveCsv':
        await this.saved(() => this.handlers.saveCsv(message.file, message.csv));
        break;
      case 'saveDashboard':
        await this.saved(() => this.handlers.saveDashboard(message.markdown, message.images));
        break;
      case 'setBin':
        try {
          await this.handlers.setBin(message.bin);
        } catch (err) {
          this.log.error(`summary view: bin ${message.bin}: ${errorText(err)}`);
        }
        break;
    }
  }

  private async saved(save: () => Promise<vscode.Uri | undefined>): Promise<void> {
    try {
      const target = await save();
      if (target) {
        this.log.info(`summary view: saved ${target.toString(true)}`);
        this.post({ kind: 'saved', target: target.toString(true) });
      }
    } catch (err) {
      this.log.error(`summary view: saving failed: ${errorText(err)}`);
      this.post({ kind: 'saveFailed', message: errorText(err) });
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
