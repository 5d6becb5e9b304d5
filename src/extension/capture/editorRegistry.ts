/**
 * Which capture editors are open and which one is active (custom editors are not
 * `activeTextEditor`), after vscode-hexeditor's registry: commands and the packet tree
 * view act on the active one. Also keeps each editor's selected packet, and the
 * `dnspector:captureActive` context key for menus and keybindings.
 */
import * as vscode from 'vscode';
import type { HostEvent } from '../../core/protocol/captureMessages';
import type { CaptureDocument } from './captureDocument';

export class CaptureEditor implements vscode.Disposable {
  /** The packet selected in this editor (0 = none). */
  selection = 0;
  private queue: HostEvent[] = [];
  private isReady = false;

  constructor(
    readonly document: CaptureDocument,
    readonly panel: vscode.WebviewPanel,
    private readonly send: (e: HostEvent) => void,
    private readonly registry: EditorRegistry,
  ) {}

  /** Sends an event to the webview (queued until it said it is ready). */
  post(e: HostEvent): void {
    if (this.isReady) this.send(e);
    else this.queue.push(e);
  }

  /** The webview is ready: send what waited. */
  flush(): void {
    this.isReady = true;
    const q = this.queue;
    this.queue = [];
    q.forEach((e) => this.send(e));
  }

  /** The user selected a packet in the webview. */
  selected(n: number): void {
    this.selection = n;
    this.registry.fireSelection(this);
  }

  dispose(): void {
    this.registry.remove(this);
  }
}

export class EditorRegistry implements vscode.Disposable {
  private readonly editors = new Set<CaptureEditor>();
  private activeEditor: CaptureEditor | undefined;
  private readonly activeEmitter = new vscode.EventEmitter<CaptureEditor | undefined>();
  /** The active capture editor changed. */
  readonly onDidChangeActive = this.activeEmitter.event;
  private readonly selectionEmitter = new vscode.EventEmitter<CaptureEditor>();
  /** A packet was selected in some capture editor. */
  readonly onDidSelect = this.selectionEmitter.event;

  get active(): CaptureEditor | undefined {
    return this.activeEditor;
  }

  add(
    doc: CaptureDocument,
    panel: vscode.WebviewPanel,
    send: (e: HostEvent) => void,
  ): CaptureEditor {
    const editor = new CaptureEditor(doc, panel, send, this);
    this.editors.add(editor);
    panel.onDidChangeViewState((e) => {
      if (e.webviewPanel.active) this.setActive(editor);
      else if (this.activeEditor === editor) this.setActive(undefined);
    });
    if (panel.active) this.setActive(editor);
    return editor;
  }

  remove(editor: CaptureEditor): void {
    this.editors.delete(editor);
    if (this.activeEditor === editor) this.setActive(undefined);
  }

  fireSelection(editor: CaptureEditor): void {
    this.selectionEmitter.fire(editor);
  }

  private setActive(editor: CaptureEditor | undefined): void {
    if (this.activeEditor === editor) return;
    this.activeEditor = editor;
    void vscode.commands.executeCommand(
      'setContext',
      'dnspector:captureActive',
      editor !== undefined,
    );
    this.activeEmitter.fire(editor);
  }

  /** Every open editor (for tests and commands that pick one). */
  all(): CaptureEditor[] {
    return [...this.editors];
  }

  dispose(): void {
    this.activeEmitter.dispose();
    this.selectionEmitter.dispose();
  }
}
