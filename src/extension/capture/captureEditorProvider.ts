/**
 * The capture editor: a CustomReadonlyEditorProvider (default for .pcap, .pcapng, .cap and
 * their .gz forms) whose webview shows the packet list, detail tree and hex pane. The
 * provider creates the document (which starts its index worker), serves the webview its
 * HTML, validates every message from it (isToHost) before relaying requests to the worker,
 * forwards progress and view changes, and shows indexing progress in a cancellable
 * notification as well as in the editor.
 */
import * as vscode from 'vscode';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import {
  CAPTURE_PROTOCOL_VERSION,
  isToHost,
  type HostEvent,
  type ToWebview,
} from '../../core/protocol/captureMessages';
import type { OpenOptions } from '../../core/protocol/workerMessages';
import { CaptureDocument } from './captureDocument';
import { localResourceRoots, webviewHtml } from '../webview/webviewHtml';
import type { EditorRegistry } from './editorRegistry';
import { readSettings } from '../settings';
import { messageLogText } from '../webview/messageLogText';

/** A query log's columns, in the capture list's slots. */
const LOG_COLUMNS = {
  number: 'Line',
  source: 'Client',
  destination: 'Server',
  protocol: 'Type',
  length: 'Bytes',
  info: 'Message',
} as const;

export class CaptureEditorProvider implements vscode.CustomReadonlyEditorProvider<CaptureDocument> {
  static readonly viewType = 'dnspector.capture';
  /** The same editor for DNS server query logs (BIND, unbound, dnsmasq): default for their usual names. */
  static readonly logViewType = 'dnspector.querylog';
  /** ...and offered by "Reopen Editor With..." for any *.log. */
  static readonly anyLogViewType = 'dnspector.querylogAny';

  static register(
    context: vscode.ExtensionContext,
    registry: EditorRegistry,
    log: vscode.LogOutputChannel,
  ): vscode.Disposable {
    const provider = new CaptureEditorProvider(context.extensionUri, registry, log);
    return vscode.Disposable.from(
      ...[
        CaptureEditorProvider.viewType,
        CaptureEditorProvider.logViewType,
        CaptureEditorProvider.anyLogViewType,
      ].map((viewType) =>
        vscode.window.registerCustomEditorProvider(viewType, provider, {
          supportsMultipleEditorsPerDocument: true,
        }),
      ),
    );
  }

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly registry: EditorRegistry,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  async openCustomDocument(uri: vscode.Uri): Promise<CaptureDocument> {
    const s = readSettings();
    const options: OpenOptions = {
      extraDnsPorts: s.extraDnsPorts,
      timeDisplay: s.timeDisplay,
      utc: s.timeZone === 'UTC',
    };
    let doc: CaptureDocument;
    if (uri.scheme === 'file') {
      doc = new CaptureDocument(uri, this.extensionUri, options, this.log);
    } else {
      // A virtual file system: the worker reads by position, so it gets a local copy.
      const bytes = await vscode.workspace.fs.readFile(uri);
      const copy = join(
        mkdtempSync(join(tmpdir(), 'dnspector-vfs-')),
        basename(uri.path) || 'capture',
      );
      writeFileSync(copy, bytes);
      doc = new CaptureDocument(uri, this.extensionUri, options, this.log, copy, true);
    }
    this.showProgress(doc);
    return doc;
  }

  private showProgress(doc: CaptureDocument): void {
    const name = vscode.workspace.asRelativePath(doc.uri);
    void vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Indexing {0}', name),
        cancellable: true,
      },
      async (progress, token) => {
        token.onCancellationRequested(() => doc.stop());
        let reported = 0;
        const sub = doc.onProgress((p) => {
          const percent = p.totalBytes > 0 ? (100 * p.bytesRead) / p.totalBytes : 0;
          progress.report({
            increment: Math.max(0, percent - reported),
            message: vscode.l10n.t('{0} packets', p.packets.toLocaleString()),
          });
          reported = Math.max(reported, percent);
        });
        const done = await Promise.race([
          doc.indexed,
          new Promise<undefined>((r) => doc.onDidDispose(() => r(undefined))),
        ]);
        sub.dispose();
        if (done?.problems?.length) {
          void vscode.window.showWarningMessage(
            vscode.l10n.t('{0}: {1}', name, done.problems.join('; ')),
          );
        }
      },
    );
  }

  resolveCustomEditor(doc: CaptureDocument, panel: vscode.WebviewPanel): void {
    const webview = panel.webview;
    webview.options = {
      enableScripts: true,
      localResourceRoots: localResourceRoots(this.extensionUri),
    };
    webview.html = webviewHtml(webview, this.extensionUri, {
      title: doc.uri.path.split('/').pop() ?? 'capture',
      script: 'capture',
      stylesheet: 'capture.css',
    });
    const disposables: vscode.Disposable[] = [];
    let ready = false;
    const send = (m: ToWebview) => {
      if (ready) void webview.postMessage(m);
    };
    const editor = this.registry.add(doc, panel, (e: HostEvent) => send(e));
    disposables.push(editor);
    disposables.push(doc.onProgress((progress) => send({ kind: 'progress', progress })));
    disposables.push(doc.onViewChanged((view) => send({ kind: 'viewChanged', view })));
    disposables.push(
      webview.onDidReceiveMessage(async (m: unknown) => {
        if (!isToHost(m)) {
          this.log.warn(`ignored a malformed message from the capture view: ${messageLogText(m)}`);
          return;
        }
        switch (m.kind) {
          case 'ready':
            if (m.version !== CAPTURE_PROTOCOL_VERSION) {
              this.log.warn(
                `capture view speaks protocol ${m.version}, host ${CAPTURE_PROTOCOL_VERSION}`,
              );
            }
            ready = true;
            await doc.opened;
            send({
              kind: 'init',
              version: CAPTURE_PROTOCOL_VERSION,
              fileName: doc.uri.path.split('/').pop() ?? '',
              timeDisplay: readSettings().timeDisplay,
              view: doc.view,
              progress: doc.progress,
              ...(doc.format === 'querylog'
                ? { unit: 'line' as const, columnLabels: LOG_COLUMNS }
                : { unit: 'packet' as const }),
            });
            editor.flush();
            return;
          case 'selected':
            editor.selected(m.number);
            return;
          case 'log':
            this.log[m.level](`capture view: ${m.message}`);
            return;
          case 'request':
            try {
              const ok = await doc.request(m.method, m.args as never);
              send({ kind: 'response', id: m.id, ok });
            } catch (err) {
              send({
                kind: 'response',
                id: m.id,
                err: err instanceof Error ? err.message : String(err),
              });
            }
            return;
        }
      }),
    );
    panel.onDidDispose(() => disposables.forEach((d) => d.dispose()));
  }
}
