/**
 * The webview's side of the capture protocol's requests: numbers each request, keeps a
 * pending promise per id, settles it with the host's {ok} or {err} reply, and rejects it
 * after a timeout so a lost reply never hangs the UI. Platform-neutral (the post function
 * and the timers are injected), so it is unit-tested in Node.
 */
import type {
  CaptureArgs,
  CaptureMethod,
  CaptureRequest,
  CaptureResult,
} from '../../src/core/protocol/captureMessages';

export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const globalTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as Parameters<typeof clearTimeout>[0]),
};

/** A request the host answered with {err}, that timed out, or that was cancelled. */
export class RpcError extends Error {
  constructor(
    readonly method: CaptureMethod,
    message: string,
    readonly reason: 'host' | 'timeout' | 'disposed',
  ) {
    super(`${method}: ${message}`);
    this.name = 'RpcError';
  }
}

interface Pending {
  method: CaptureMethod;
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: unknown;
}

export class RpcClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly post: (message: CaptureRequest) => void,
    private readonly timeoutMs = 30_000,
    private readonly timers: Timers = globalTimers,
  ) {}

  /** Requests waiting for a reply. */
  get inFlight(): number {
    return this.pending.size;
  }

  request<M extends CaptureMethod>(method: M, args: CaptureArgs<M>): Promise<CaptureResult<M>> {
    const id = this.nextId++;
    return new Promise<CaptureResult<M>>((resolve, reject) => {
      const timer = this.timers.set(() => {
        if (this.pending.delete(id)) {
          reject(new RpcError(method, `no reply within ${this.timeoutMs} ms`, 'timeout'));
        }
      }, this.timeoutMs);
      this.pending.set(id, {
        method,
        resolve: resolve as (value: unknown) => void,
        reject,
        timer,
      });
      try {
        this.post({ kind: 'request', id, method, args } as CaptureRequest);
      } catch (err) {
        this.settle(id);
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
  }

  /**
   * Settles the request a response belongs to. Returns false for anything that is not a
   * response to a pending request (an event, a late reply after a timeout).
   */
  handle(message: unknown): boolean {
    if (typeof message !== 'object' || message === null) return false;
    const m = message as { kind?: unknown; id?: unknown; ok?: unknown; err?: unknown };
    if (m.kind !== 'response' || typeof m.id !== 'number') return false;
    const p = this.settle(m.id);
    if (!p) return false;
    if ('err' in m) p.reject(new RpcError(p.method, String(m.err), 'host'));
    else p.resolve(m.ok);
    return true;
  }

  /** Rejects every pending request (the webview is going away). */
  dispose(): void {
    for (const id of [...this.pending.keys()]) {
      const p = this.settle(id);
      p?.reject(new RpcError(p.method, 'cancelled', 'disposed'));
    }
  }

  private settle(id: number): Pending | undefined {
    const p = this.pending.get(id);
    if (!p) return undefined;
    this.pending.delete(id);
    this.timers.clear(p.timer);
    return p;
  }
}
