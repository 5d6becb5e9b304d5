/**
 * The packet list's scroll maths: plain scrolling (one px per px), the capped and scaled
 * spacer past 10M px, the rendered range, revealing a row and the page step.
 */
import assert from 'node:assert/strict';
import {
  MAX_SPACER_PX,
  isScaled,
  maxTopRow,
  pageRows,
  revealRow,
  rowTop,
  scrollTopFor,
  spacerHeight,
  topRowAt,
  visibleRange,
} from '../../../webview/capture/virtualRange';

const small = { total: 1000, rowHeight: 22, viewportHeight: 440 };
// 1,000,000 rows of 22 px = 22,000,000 px of rows: more than the 10M px spacer cap.
const big = { total: 1_000_000, rowHeight: 22, viewportHeight: 440 };

describe('webview virtual range', () => {
  it('without scaling the spacer is total*rowHeight and a px of scroll is a px of rows', () => {
    assert.equal(spacerHeight(small), 22_000);
    assert.equal(isScaled(small), false);
    assert.equal(topRowAt(220, small), 10);
    assert.equal(scrollTopFor(10, small), 220);
    // rows are placed at their natural offset
    assert.equal(rowTop(12, 10, 220, small), 12 * 22);
  });

  it('clamps scroll positions to the last full page', () => {
    // 1000 rows, 20 in view: the top row can go to 980.
    assert.equal(maxTopRow(small), 980);
    assert.equal(topRowAt(1e9, small), 980);
    assert.equal(scrollTopFor(5000, small), (1000 - 20) * 22);
    assert.equal(topRowAt(-50, small), 0);
  });

  it('caps the spacer past 10M px and maps scroll proportionally', () => {
    assert.equal(spacerHeight(big), MAX_SPACER_PX);
    assert.equal(isScaled(big), true);
    const maxScroll = MAX_SPACER_PX - 440;
    // the bottom of the spacer shows the last rows
    assert.equal(topRowAt(maxScroll, big), (1_000_000 * 22 - 440) / 22);
    // halfway down the spacer is halfway through the rows
    assert.equal(topRowAt(maxScroll / 2, big), (1_000_000 * 22 - 440) / 22 / 2);
    // and back
    assert.ok(Math.abs(scrollTopFor(499_990, big) - maxScroll / 2) < 1e-6);
  });

  it('places rows relative to the viewport top when scaled', () => {
    // top row 500000 shown at scrollTop s: row 500003 is 3 rows below s
    assert.equal(rowTop(500_003, 500_000, 4_000_000, big), 4_000_000 + 3 * 22);
  });

  it('renders the rows in view plus the margin, clipped to the view', () => {
    // top row 10.5 with 20 rows in view: rows 10..30 touch the viewport (ceil 30.5 = 31 end)
    assert.deepEqual(visibleRange(10.5, small, 0), { first: 10, end: 31 });
    assert.deepEqual(visibleRange(10.5, small, 5), { first: 5, end: 36 });
    assert.deepEqual(visibleRange(0, small, 10), { first: 0, end: 30 });
    assert.deepEqual(visibleRange(980, small, 10), { first: 970, end: 1000 });
    assert.deepEqual(visibleRange(0, { ...small, total: 0 }, 10), { first: 0, end: 0 });
  });

  it('reveals a row by scrolling the least', () => {
    // already in view: unchanged
    assert.equal(revealRow(15, 10, small), 10);
    // above: it becomes the top row
    assert.equal(revealRow(3, 10, small), 3);
    // below: it becomes the bottom row (20 rows in view)
    assert.equal(revealRow(40, 10, small), 21);
    // the last row
    assert.equal(revealRow(999, 0, small), 980);
  });

  it('pages by the whole rows in view less one', () => {
    assert.equal(pageRows(small), 19);
    assert.equal(pageRows({ ...small, viewportHeight: 10 }), 1);
  });
});
