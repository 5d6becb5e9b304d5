/**
 * Detail-tree lookups: the item at a path, the innermost item under a byte (smallest
 * range, same source, zero-length items never) and the expansion keys remembered across
 * packets.
 */
import assert from 'node:assert/strict';
import type { TreeItem } from '../../../src/core/protocol/captureMessages';
import {
  ancestors,
  expansionKey,
  innermostItem,
  itemAt,
} from '../../../webview/capture/fieldLookup';

const item = (
  name: string,
  start: number,
  length: number,
  children?: TreeItem[],
  source = 0,
): TreeItem => ({ name, label: name, source, start, length, children });

// frame 0..60; ip 14..34 with ip.src 26..30; udp 34..42; dns 42..60 with flags 44..46 whose
// one child dns.flags.response covers the same two bytes; a generated item of length 0;
// an item over source 1.
const tree: TreeItem[] = [
  item('frame', 0, 60, [item('frame.time_delta', 0, 0)]),
  item('ip', 14, 20, [item('ip.src', 26, 4)]),
  item('udp', 34, 8),
  item('dns', 42, 18, [
    item('dns.flags', 44, 2, [item('dns.flags.response', 44, 2)]),
    item('dns.time', 44, 0),
  ]),
  item('tcp.reassembled', 0, 10, [item('dns.length', 0, 2, undefined, 1)], 1),
];

describe('webview field lookup', () => {
  it('finds the item at a path', () => {
    assert.equal(itemAt(tree, [1, 0])?.name, 'ip.src');
    assert.equal(itemAt(tree, [3, 0, 0])?.name, 'dns.flags.response');
    assert.equal(itemAt(tree, [9]), undefined);
    assert.equal(itemAt(tree, [2, 0]), undefined);
  });

  it('names the smallest item containing a byte', () => {
    assert.deepEqual(innermostItem(tree, 0, 27), [1, 0]); // ip.src
    assert.deepEqual(innermostItem(tree, 0, 20), [1]); // ip header, no smaller field
    assert.deepEqual(innermostItem(tree, 0, 5), [0]); // only the frame
    assert.deepEqual(innermostItem(tree, 0, 34), [2]); // first byte of udp, ip ended at 33
  });

  it('prefers the deeper of two items over the same bytes', () => {
    assert.deepEqual(innermostItem(tree, 0, 45), [3, 0, 0]);
  });

  it('never names a zero-length item, and keeps to the source', () => {
    assert.deepEqual(innermostItem(tree, 0, 44), [3, 0, 0]);
    assert.deepEqual(innermostItem(tree, 1, 1), [4, 0]);
    assert.deepEqual(innermostItem(tree, 1, 5), [4]);
    assert.equal(innermostItem(tree, 0, 60), null);
    assert.equal(innermostItem(tree, 2, 0), null);
  });

  it('keys expanded subtrees by filter name, text items by parent and label head', () => {
    assert.equal(expansionKey(item('dns.flags', 0, 2), 'dns'), 'dns.flags');
    assert.equal(
      expansionKey({ name: '', label: 'Queries', source: 0, start: 0, length: 1 }, 'dns'),
      'dns>Queries',
    );
    assert.equal(
      expansionKey(
        { name: '', label: 'example.com: type A, class IN', source: 0, start: 0, length: 1 },
        'dns>Queries',
      ),
      'dns>Queries>example.com',
    );
  });

  it('lists the ancestors to expand to reveal a path', () => {
    assert.deepEqual(ancestors([3, 0, 0]), [[3], [3, 0]]);
    assert.deepEqual(ancestors([2]), []);
  });
});
