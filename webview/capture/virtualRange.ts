/**
 * The packet list's scroll maths. The list has its own scroll container holding a spacer as
 * tall as all rows; only the rows in view (plus a margin) exist in the DOM. Browsers cap an
 * element's height (Chromium near 33M px), so past MAX_SPACER_PX the spacer is capped and a
 * scroll position maps to a row proportionally, as vscode-hexeditor does for large files.
 *
 * `topRow` is fractional: the row index at the top edge of the viewport.
 */

export const MAX_SPACER_PX = 10_000_000;

export interface ScrollGeometry {
  /** Rows in the view. */
  total: number;
  rowHeight: number;
  /** Height of the scroll container's visible area. */
  viewportHeight: number;
}

/** Height of the spacer element. */
export function spacerHeight(g: ScrollGeometry): number {
  return Math.min(g.total * g.rowHeight, MAX_SPACER_PX);
}

/** Whether scroll positions are scaled (the rows are taller than the spacer). */
export function isScaled(g: ScrollGeometry): boolean {
  return g.total * g.rowHeight > MAX_SPACER_PX;
}

function ranges(g: ScrollGeometry): { content: number; spacer: number } {
  return {
    content: Math.max(0, g.total * g.rowHeight - g.viewportHeight),
    spacer: Math.max(0, spacerHeight(g) - g.viewportHeight),
  };
}

/** The highest top row (the last row just fits at the bottom). */
export function maxTopRow(g: ScrollGeometry): number {
  return ranges(g).content / g.rowHeight;
}

/** The (fractional) row at the top of the viewport for a scrollTop. */
export function topRowAt(scrollTop: number, g: ScrollGeometry): number {
  const r = ranges(g);
  if (r.spacer <= 0) return 0;
  const s = Math.min(Math.max(scrollTop, 0), r.spacer);
  // Unscaled, a px of scroll is a px of rows (no rounding from the ratio).
  return (r.content === r.spacer ? s : (s * r.content) / r.spacer) / g.rowHeight;
}

/** The scrollTop that puts `topRow` at the top of the viewport (clamped). */
export function scrollTopFor(topRow: number, g: ScrollGeometry): number {
  const r = ranges(g);
  if (r.content <= 0) return 0;
  const t = Math.min(Math.max(topRow, 0), maxTopRow(g));
  return r.content === r.spacer ? t * g.rowHeight : (t * g.rowHeight * r.spacer) / r.content;
}

/** Rows [first, end) to render: those at least partly visible, plus `margin` either side. */
export function visibleRange(
  topRow: number,
  g: ScrollGeometry,
  margin: number,
): { first: number; end: number } {
  if (g.total <= 0) return { first: 0, end: 0 };
  const first = Math.max(0, Math.floor(topRow) - margin);
  const end = Math.min(g.total, Math.ceil(topRow + g.viewportHeight / g.rowHeight) + margin);
  return { first, end: Math.max(first, end) };
}

/** Where row `index` goes, in the scroll content's coordinates. */
export function rowTop(
  index: number,
  topRow: number,
  scrollTop: number,
  g: ScrollGeometry,
): number {
  return scrollTop + (index - topRow) * g.rowHeight;
}

/** The top row after scrolling just enough to show row `index` whole (unchanged if it shows). */
export function revealRow(index: number, topRow: number, g: ScrollGeometry): number {
  const rowsInView = g.viewportHeight / g.rowHeight;
  let t = topRow;
  if (index < topRow) t = index;
  else if (index + 1 > topRow + rowsInView) t = index + 1 - rowsInView;
  return Math.min(Math.max(t, 0), maxTopRow(g));
}

/** Whole rows in the viewport (the PageUp/PageDown step), at least 1. */
export function pageRows(g: ScrollGeometry): number {
  return Math.max(1, Math.floor(g.viewportHeight / g.rowHeight) - 1);
}
