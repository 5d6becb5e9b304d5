/**
 * The packet list's row pages: one request per missing page, replies for an older view
 * ignored after viewChanged, and the old rows kept as a fallback meanwhile.
 */
import assert from 'node:assert/strict';
import type { PacketRow, ViewInfo } from '../../../src/core/protocol/captureMessages';
import { PAGE_SIZE, RowStore } from '../../../webview/capture/rowStore';

const view = (total: number): ViewInfo => ({
  total,
  packets: total,
  filter: '',
  sort: { column: 'number', descending: false },
  complete: true,
});

const row = (n: number, info = ''): PacketRow => ({
  number: n,
  time: '0',
  source: 'a',
  destination: 'b',
  protocol: 'DNS',
  length: 60,
  info,
});

interface Call {
  start: number;
  count: number;
  resolve(rows: PacketRow[]): void;
}

function store(): { s: RowStore; calls: Call[]; pages: number } {
  const calls: Call[] = [];
  const box = { pages: 0 };
  const s = new RowStore(
    (start, count) =>
      new Promise((resolve) =>
        calls.push({ start, count, resolve: (rows) => resolve({ rows, view: view(1000) }) }),
      ),
    () => box.pages++,
  );
  return {
    s,
    calls,
    get pages() {
      return box.pages;
    },
  };
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('webview RowStore', () => {
  it('requests each missing page once', () => {
    const { s, calls } = store();
    // rows 10..70 touch pages 0 and 1 (64 rows a page)
    assert.deepEqual(s.ensure(10, 70), [0, 1]);
    assert.deepEqual(s.ensure(0, 128), [], 'both pages are on their way');
    assert.deepEqual(
      calls.map((c) => [c.start, c.count]),
      [
        [0, PAGE_SIZE],
        [PAGE_SIZE, PAGE_SIZE],
      ],
    );
  });

  it('serves rows from a page once it arrived', async () => {
    const { s, calls } = store();
    s.ensure(0, 1);
    assert.equal(s.row(5), undefined);
    calls[0]!.resolve(Array.from({ length: PAGE_SIZE }, (_, i) => row(i + 1)));
    await tick();
    assert.equal(s.row(5)?.number, 6);
    assert.equal(s.isFresh(5), true);
    assert.deepEqual(s.ensure(0, 64), []);
  });

  it('after invalidate ignores replies for the old view and keeps old rows as stale', async () => {
    const st = store();
    const { s, calls } = st;
    s.ensure(0, 1);
    calls[0]!.resolve([row(1, 'old')]);
    await tick();
    s.ensure(64, 65);
    s.invalidate();
    calls[1]!.resolve([row(65, 'late')]);
    await tick();
    assert.equal(s.row(64), undefined, 'a reply for the old view is dropped');
    assert.equal(s.row(0)?.info, 'old', 'old rows remain visible meanwhile');
    assert.equal(s.isFresh(0), false);
    assert.deepEqual(s.ensure(0, 1), [0], 'and are fetched again');
    calls[2]!.resolve([row(1, 'new')]);
    await tick();
    assert.equal(s.row(0)?.info, 'new');
    assert.equal(st.pages, 2);
  });
});
