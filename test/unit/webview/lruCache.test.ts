/**
 * The webview's LRU cache (packet list pages): eviction of the least recently used key,
 * reads that count as use, peeks that do not.
 */
import assert from 'node:assert/strict';
import { LruCache } from '../../../webview/shared/lruCache';

describe('webview LruCache', () => {
  it('evicts the least recently inserted key when full', () => {
    const c = new LruCache<number, string>(2);
    c.set(1, 'a');
    c.set(2, 'b');
    c.set(3, 'c');
    assert.deepEqual(c.keys(), [2, 3]);
    assert.equal(c.get(1), undefined);
  });

  it('a get makes a key the most recently used, so another key is evicted', () => {
    const c = new LruCache<number, string>(2);
    c.set(1, 'a');
    c.set(2, 'b');
    assert.equal(c.get(1), 'a');
    c.set(3, 'c');
    assert.deepEqual(c.keys(), [1, 3]);
  });

  it('peek reads without changing the order', () => {
    const c = new LruCache<number, string>(2);
    c.set(1, 'a');
    c.set(2, 'b');
    assert.equal(c.peek(1), 'a');
    c.set(3, 'c');
    assert.equal(c.has(1), false);
  });

  it('setting an existing key replaces its value without growing', () => {
    const c = new LruCache<string, number>(3);
    c.set('x', 1);
    c.set('x', 2);
    assert.equal(c.size, 1);
    assert.equal(c.get('x'), 2);
  });

  it('rejects a capacity below 1', () => {
    assert.throws(() => new LruCache(0), RangeError);
  });
});
