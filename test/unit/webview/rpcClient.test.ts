/**
 * The webview's request client: ids, settling by {ok}/{err}, the timeout (fake timers, no
 * waiting), late replies and dispose.
 */
import assert from 'node:assert/strict';
import type { CaptureRequest } from '../../../src/core/protocol/captureMessages';
import { RpcClient, RpcError, type Timers } from '../../../webview/shared/rpcClient';

class FakeTimers implements Timers {
  readonly pending = new Map<number, { callback: () => void; ms: number }>();
  private next = 1;
  set(callback: () => void, ms: number): unknown {
    const id = this.next++;
    this.pending.set(id, { callback, ms });
    return id;
  }
  clear(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  fireAll(): void {
    for (const [id, t] of [...this.pending]) {
      this.pending.delete(id);
      t.callback();
    }
  }
}

function client(timeoutMs = 1000): { rpc: RpcClient; sent: CaptureRequest[]; timers: FakeTimers } {
  const sent: CaptureRequest[] = [];
  const timers = new FakeTimers();
  return { rpc: new RpcClient((m) => sent.push(m), timeoutMs, timers), sent, timers };
}

describe('webview RpcClient', () => {
  it('posts numbered requests with the method and arguments', () => {
    const { rpc, sent } = client();
    void rpc.request('findRow', { number: 7 });
    void rpc.request('getRows', { start: 0, count: 64 });
    assert.deepEqual(sent, [
      { kind: 'request', id: 1, method: 'findRow', args: { number: 7 } },
      { kind: 'request', id: 2, method: 'getRows', args: { start: 0, count: 64 } },
    ]);
    assert.equal(rpc.inFlight, 2);
  });

  it('resolves a request with the ok value of the response carrying its id', async () => {
    const { rpc, timers } = client();
    const first = rpc.request('findRow', { number: 7 });
    const second = rpc.request('findRow', { number: 9 });
    assert.equal(rpc.handle({ kind: 'response', id: 2, ok: { index: null } }), true);
    assert.equal(rpc.handle({ kind: 'response', id: 1, ok: { index: 6 } }), true);
    assert.deepEqual(await first, { index: 6 });
    assert.deepEqual(await second, { index: null });
    assert.equal(timers.pending.size, 0, 'timeouts are cleared once settled');
  });

  it('rejects with an RpcError naming the method when the host answers err', async () => {
    const { rpc } = client();
    const p = rpc.request('getPacket', { number: 3 });
    rpc.handle({ kind: 'response', id: 1, err: 'no frame 3' });
    await assert.rejects(p, (e: unknown) => {
      assert.ok(e instanceof RpcError);
      assert.equal(e.reason, 'host');
      assert.equal(e.message, 'getPacket: no frame 3');
      return true;
    });
  });

  it('rejects after the timeout and ignores a reply that comes later', async () => {
    const { rpc, timers } = client(5000);
    const p = rpc.request('getRows', { start: 0, count: 1 });
    assert.equal([...timers.pending.values()][0]?.ms, 5000);
    timers.fireAll();
    await assert.rejects(p, (e: unknown) => e instanceof RpcError && e.reason === 'timeout');
    assert.equal(rpc.handle({ kind: 'response', id: 1, ok: {} }), false);
  });

  it('does not take events or unknown ids for responses', () => {
    const { rpc } = client();
    void rpc.request('findRow', { number: 1 });
    assert.equal(rpc.handle({ kind: 'viewChanged', view: {} }), false);
    assert.equal(rpc.handle({ kind: 'response', id: 99, ok: 1 }), false);
    assert.equal(rpc.handle(null), false);
    assert.equal(rpc.inFlight, 1);
  });

  it('dispose rejects every pending request', async () => {
    const { rpc } = client();
    const a = rpc.request('findRow', { number: 1 });
    const b = rpc.request('findRow', { number: 2 });
    rpc.dispose();
    for (const p of [a, b]) {
      await assert.rejects(p, (e: unknown) => e instanceof RpcError && e.reason === 'disposed');
    }
    assert.equal(rpc.inFlight, 0);
  });

  it('rejects at once when posting throws', async () => {
    const rpc = new RpcClient(() => {
      throw new Error('webview gone');
    });
    await assert.rejects(rpc.request('findRow', { number: 1 }), /webview gone/);
    assert.equal(rpc.inFlight, 0);
  });
});
