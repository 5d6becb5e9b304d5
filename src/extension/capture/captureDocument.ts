/**
 * An open capture: a read-only custom document backed by its own index worker (a
 * worker_threads thread running dist/indexWorker.js), so indexing, filtering and
 * dissection never run on the extension host's thread. The document relays the capture
 * protocol's requests to the worker and re-publishes its progress; disposing it (the
 * last editor closed) terminates the worker, which stops all work on the file.
 */
import * as vscode from 'vscode';
import { Worker } from 'node:worker_threads';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type {
  CaptureArgs,
  CaptureMethod,
  CaptureResult,
  IndexProgress,
  TimeDisplay,
  ViewInfo,
} from '../../core/protocol/captureMessages';
import type { FromWorker, OpenOptions, ToWorker } from '../../core/protocol/workerMessages';

interface Pending {
  resolve(value: unknown): void;
  reject(err: Error): void;
}

export class CaptureDocument implements vscode.CustomDocument {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private disposed = false;
  progress: IndexProgress = { packets: 0, bytesRead: 0, totalBytes: 0, done: false };
  view: ViewInfo = {
    total: 0,
    packets: 0,
    filter: '',
    sort: { column: 'number', descending: false },
    complete: false,
  };
  format: 'pcap' | 'pcapng' | 'querylog' | undefined;
  /** Where the worker expanded a gzip capture (removed on dispose: a terminated worker cannot). */
  private tempDir: string | undefined;
  private copyPath: string | undefined;

  private readonly progressEmitter = new vscode.EventEmitter<IndexProgress>();
  readonly onProgress = this.progressEmitter.event;
  private readonly viewEmitter = new vscode.EventEmitter<ViewInfo>();
  readonly onViewChanged = this.viewEmitter.event;
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;
  /** Resolves when indexing has finished (or stopped). */
  readonly indexed: Promise<IndexProgress>;
  /** Resolves once the worker knows what the file is (format set), or indexing ended. */
  readonly opened: Promise<void>;
  private resolveOpened: () => void = () => undefined;

  /**
   * `path`: the file the worker reads (uri.fsPath, or a local copy of a file from a
   * virtual file system, removed with the document when `ownsPath`).
   */
  constructor(
    readonly uri: vscode.Uri,
    extensionUri: vscode.Uri,
    options: OpenOptions,
    private readonly log: vscode.LogOutputChannel,
    path: string = uri.fsPath,
    private readonly ownsPath = false,
  ) {
    const script = vscode.Uri.joinPath(extensionUri, 'dist', 'indexWorker.js').fsPath;
    this.worker = new Worker(script);
    this.indexed = new Promise((resolve) => {
      const sub = this.onProgress((p) => {
        if (p.done) {
          sub.dispose();
          resolve(p);
        }
      });
    });
    this.opened = new Promise((resolve) => (this.resolveOpened = resolve));
    void this.indexed.then(() => this.resolveOpened());
    this.worker.on('message', (m: FromWorker) => this.receive(m));
    this.worker.on('error', (err) => {
      this.log.error(`index worker for ${uri.fsPath} failed: ${err.message}`);
      this.failAll(err);
      this.setProgress({
        ...this.progress,
        done: true,
        problems: [`internal error: ${err.message}`],
      });
    });
    this.worker.on('exit', (code) => {
      if (!this.disposed && code !== 0) this.log.warn(`index worker exited with ${code}`);
      this.failAll(new Error('the capture was closed'));
    });
    this.post({ kind: 'open', path, options });
    if (ownsPath) this.copyPath = path;
    this.log.info(`indexing ${uri.fsPath}`);
  }

  private post(m: ToWorker): void {
    if (!this.disposed) this.worker.postMessage(m);
  }

  private setProgress(p: IndexProgress): void {
    this.progress = p;
    this.progressEmitter.fire(p);
  }

  private receive(m: FromWorker): void {
    switch (m.kind) {
      case 'response': {
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        if ('err' in m) p.reject(new Error(m.err));
        else p.resolve(m.ok);
        return;
      }
      case 'opened':
        this.format = m.format;
        this.tempDir = m.tempDir;
        this.resolveOpened();
        return;
      case 'progress':
        this.view = m.view;
        this.setProgress(m.progress);
        this.viewEmitter.fire(m.view);
        if (m.progress.done) {
          this.log.info(
            `indexed ${m.progress.packets} packets of ${this.uri.fsPath}` +
              (m.progress.problems?.length ? `: ${m.progress.problems.join('; ')}` : ''),
          );
        }
        return;
      case 'viewChanged':
        this.view = m.view;
        this.viewEmitter.fire(m.view);
        return;
    }
  }

  private failAll(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  private call(make: (id: number) => ToWorker): Promise<unknown> {
    if (this.disposed) return Promise.reject(new Error('the capture was closed'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.post(make(id));
    });
  }

  /** One capture-protocol request, answered by the worker. */
  request<M extends CaptureMethod>(method: M, args: CaptureArgs<M>): Promise<CaptureResult<M>> {
    return this.call((id) => ({ kind: 'request', id, method, args }) as ToWorker) as Promise<
      CaptureResult<M>
    >;
  }

  /** The frame at the other end of frame n's transaction, if any. */
  async partnerOf(n: number): Promise<number | undefined> {
    const r = (await this.call((id) => ({ kind: 'partner', id, number: n }))) as number | null;
    return r ?? undefined;
  }

  /** Show times another way (settings changed): the views fetch their rows again. */
  configure(timeDisplay: TimeDisplay, utc: boolean): void {
    this.post({ kind: 'configure', timeDisplay, utc });
  }

  /** Stop indexing (what was indexed stays). */
  stop(): void {
    this.post({ kind: 'stop' });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    void this.worker.terminate().then(() => {
      if (this.tempDir) rmSync(this.tempDir, { recursive: true, force: true });
      // The copy sits alone in its own temporary folder.
      if (this.copyPath) rmSync(dirname(this.copyPath), { recursive: true, force: true });
    });
    this.failAll(new Error('the capture was closed'));
    this.disposeEmitter.fire();
    this.progressEmitter.dispose();
    this.viewEmitter.dispose();
    this.disposeEmitter.dispose();
  }
}
