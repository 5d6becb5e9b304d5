/**
 * What the capture webview keeps across reloads with vscode.setState: the filter text,
 * the selected frame, the sort, pane sizes and column widths. `restoreState` accepts
 * anything (an older or corrupt state) and returns a valid one. No DOM: unit-tested.
 */
import { COLUMN_IDS, type ColumnId } from '../../src/core/protocol/captureMessages';

export interface SavedState {
  filter: string;
  selected?: number;
  sort: { column: ColumnId; descending: boolean };
  /** Fractions of the panes' height: packet list, detail tree (the hex pane has the rest). */
  panes: { list: number; tree: number };
  /** Column widths in px, by column. */
  columns: Partial<Record<ColumnId, number>>;
}

export const DEFAULT_COLUMN_WIDTHS: Record<ColumnId, number> = {
  number: 70,
  time: 110,
  source: 150,
  destination: 150,
  protocol: 90,
  length: 80,
  info: 400,
};

export function defaultState(): SavedState {
  return {
    filter: '',
    sort: { column: 'number', descending: false },
    panes: { list: 0.45, tree: 0.3 },
    columns: {},
  };
}

const MIN_PANE = 0.05;

export function restoreState(raw: unknown): SavedState {
  const s = defaultState();
  if (typeof raw !== 'object' || raw === null) return s;
  const r = raw as Record<string, unknown>;
  if (typeof r.filter === 'string') s.filter = r.filter.slice(0, 10_000);
  if (typeof r.selected === 'number' && Number.isInteger(r.selected) && r.selected > 0) {
    s.selected = r.selected;
  }
  const sort = r.sort as Record<string, unknown> | undefined;
  if (
    sort &&
    (COLUMN_IDS as readonly unknown[]).includes(sort.column) &&
    typeof sort.descending === 'boolean'
  ) {
    s.sort = { column: sort.column as ColumnId, descending: sort.descending };
  }
  const panes = r.panes as Record<string, unknown> | undefined;
  if (panes && isFraction(panes.list) && isFraction(panes.tree)) {
    if (panes.list + panes.tree <= 1 - MIN_PANE) s.panes = { list: panes.list, tree: panes.tree };
  }
  const columns = r.columns as Record<string, unknown> | undefined;
  if (columns && typeof columns === 'object') {
    for (const id of COLUMN_IDS) {
      const w = columns[id];
      if (typeof w === 'number' && w >= 20 && w <= 5000) s.columns[id] = Math.round(w);
    }
  }
  return s;
}

function isFraction(x: unknown): x is number {
  return typeof x === 'number' && x >= MIN_PANE && x <= 1 - MIN_PANE;
}
