/**
 * The packet list: a virtualised grid. Its own scroll container holds a spacer as tall as
 * the view (capped and scaled, see virtualRange.ts); only the visible rows plus a margin
 * are in the DOM, filled from RowStore pages. Header cells sort (click) and resize (drag
 * their right edge). Keyboard: Up/Down/PageUp/PageDown/Home/End move the selection,
 * Enter hands focus to the detail tree. role=grid with aria-rowcount/rowindex and
 * aria-activedescendant on the focused grid.
 */
import {
  COLUMN_IDS,
  type ColumnId,
  type PacketRow,
  type ViewInfo,
} from '../../src/core/protocol/captureMessages';
import { closest, codicon, h } from '../shared/dom';
import { RowStore, type FetchRows } from './rowStore';
import {
  maxTopRow,
  pageRows,
  revealRow,
  rowTop,
  scrollTopFor,
  spacerHeight,
  topRowAt,
  visibleRange,
  type ScrollGeometry,
} from './virtualRange';
import { DEFAULT_COLUMN_WIDTHS } from './savedState';

export const ROW_HEIGHT = 22;
const MARGIN_ROWS = 10;
const MIN_COLUMN = 30;

const COLUMN_TITLES: Record<ColumnId, string> = {
  number: 'No.',
  time: 'Time',
  source: 'Source',
  destination: 'Destination',
  protocol: 'Protocol',
  length: 'Length',
  info: 'Info',
};

export interface PacketListCallbacks {
  fetchRows: FetchRows;
  /** The user selected a row (click or keyboard). */
  onSelect(index: number, row: PacketRow): void;
  onSort(column: ColumnId): void;
  onColumnsResized(widths: Record<ColumnId, number>): void;
  /** Enter: move focus on (to the detail tree). */
  onActivate(): void;
  onError(error: unknown): void;
}

export class PacketList {
  readonly element = h('div', 'packet-list');
  private readonly header = h('div', 'pl-header');
  private readonly headerRow = h('div', 'pl-row pl-header-row');
  private readonly body = h('div', 'pl-body');
  private readonly spacer = h('div', 'pl-spacer');
  private readonly empty = h('div', 'pl-empty');
  private readonly headerCells = new Map<ColumnId, HTMLDivElement>();
  private readonly store: RowStore;
  private pool: HTMLDivElement[] = [];
  private total = 0;
  private topRow = 0;
  private lastScrollTop = 0;
  private selectedIndex: number | null = null;
  private selectedNumber: number | null = null;
  private selectToken = 0;
  private sort: ViewInfo['sort'] = { column: 'number', descending: false };
  private frame = 0;
  private widths: Record<ColumnId, number>;
  private renderedRange = { first: 0, end: 0 };

  constructor(
    private readonly callbacks: PacketListCallbacks,
    widths: Partial<Record<ColumnId, number>>,
  ) {
    this.widths = { ...DEFAULT_COLUMN_WIDTHS, ...widths };
    this.store = new RowStore(
      callbacks.fetchRows,
      (view) => {
        if (view.total !== this.total) this.setTotal(view.total);
        this.scheduleRender();
      },
      callbacks.onError,
    );
    const el = this.element;
    el.setAttribute('role', 'grid');
    el.setAttribute('aria-label', 'Packets');
    el.setAttribute('aria-colcount', String(COLUMN_IDS.length));
    el.setAttribute('aria-rowcount', '1');
    el.setAttribute('aria-multiselectable', 'false');
    el.tabIndex = 0;
    el.style.setProperty('--pl-row-height', `${ROW_HEIGHT}px`);

    this.header.setAttribute('role', 'rowgroup');
    this.headerRow.setAttribute('role', 'row');
    this.headerRow.setAttribute('aria-rowindex', '1');
    COLUMN_IDS.forEach((id, i) => {
      const cell = h('div', `pl-cell pl-col-${id} pl-header-cell`);
      cell.setAttribute('role', 'columnheader');
      cell.setAttribute('aria-colindex', String(i + 1));
      cell.dataset.column = id;
      cell.append(h('span', 'pl-header-title', COLUMN_TITLES[id]), codicon('blank', 'pl-sort'));
      const resizer = h('div', 'pl-resizer');
      resizer.setAttribute('aria-hidden', 'true');
      this.attachResizer(resizer, id);
      cell.appendChild(resizer);
      this.headerCells.set(id, cell);
      this.headerRow.appendChild(cell);
    });
    this.header.appendChild(this.headerRow);
    this.body.setAttribute('role', 'rowgroup');
    this.body.appendChild(this.spacer);
    this.empty.hidden = true;
    this.body.appendChild(this.empty);
    el.append(this.header, this.body);

    this.headerRow.addEventListener('click', (e) => {
      if ((e.target as Element).closest('.pl-resizer')) return;
      const cell = closest(e.target, '.pl-header-cell', this.headerRow);
      if (cell?.dataset.column) callbacks.onSort(cell.dataset.column as ColumnId);
    });
    this.body.addEventListener('scroll', () => this.onScroll());
    this.body.addEventListener('mousedown', (e) => {
      const row = closest(e.target, '.pl-data-row', this.body);
      if (!row || e.button !== 0) return;
      this.selectIndex(Number(row.dataset.index), false);
      el.focus({ preventScroll: true });
      e.preventDefault();
    });
    el.addEventListener('keydown', (e) => this.onKey(e));
    new ResizeObserver(() => this.scheduleRender()).observe(this.body);
    this.applyWidths();
  }

  /** A new view (more rows, other filter or sort): drop cached rows and re-request. */
  setView(view: ViewInfo): void {
    this.sort = view.sort;
    this.store.invalidate();
    this.setTotal(view.total);
    this.updateSortMarks();
    this.scheduleRender();
  }

  get rowCount(): number {
    return this.total;
  }

  get selection(): { index: number | null; number: number | null } {
    return { index: this.selectedIndex, number: this.selectedNumber };
  }

  /** Marks frame `number` at row `index` (or no row: hidden by the filter) as selected. */
  showSelected(index: number | null, number: number | null): void {
    this.selectToken++;
    this.selectedIndex = index;
    this.selectedNumber = number;
    if (index !== null) this.setTopRow(revealRow(index, this.topRow, this.geometry()));
    this.render();
  }

  /** Selects row `index` and tells the owner (which loads the packet). */
  selectIndex(index: number, reveal = true): void {
    if (this.total === 0) return;
    const i = Math.min(Math.max(0, Math.round(index)), this.total - 1);
    const token = ++this.selectToken;
    this.selectedIndex = i;
    const cached = this.store.row(i);
    this.selectedNumber = cached && this.store.isFresh(i) ? cached.number : null;
    if (reveal) this.setTopRow(revealRow(i, this.topRow, this.geometry()));
    this.render();
    const done = (row: PacketRow | undefined): void => {
      if (token !== this.selectToken || !row) return;
      this.selectedNumber = row.number;
      this.render();
      this.callbacks.onSelect(i, row);
    };
    if (cached && this.store.isFresh(i)) done(cached);
    else this.callbacks.fetchRows(i, 1).then((r) => done(r.rows[0]), this.callbacks.onError);
  }

  focus(): void {
    this.element.focus({ preventScroll: true });
  }

  /** Element of row `index` when it is rendered (tests and aria). */
  rowElement(index: number): HTMLElement | null {
    return this.body.querySelector(`[data-index="${index}"]`);
  }

  /** A header cell's text (a query log names its columns Line, Client, Server...). */
  setColumnLabel(id: ColumnId, label: string): void {
    const title = this.headerCells.get(id)?.querySelector('.pl-header-title');
    if (title) title.textContent = label;
  }

  /** A header cell's tooltip (the Time column says how times are shown). */
  setColumnTitle(id: ColumnId, title: string): void {
    const cell = this.headerCells.get(id);
    if (cell) cell.title = title;
  }

  setEmptyText(text: string): void {
    this.empty.textContent = text;
  }

  private setTotal(total: number): void {
    this.total = total;
    this.element.setAttribute('aria-rowcount', String(total + 1));
    const g = this.geometry();
    this.spacer.style.height = `${spacerHeight(g)}px`;
    if (this.selectedIndex !== null && this.selectedIndex >= total) this.selectedIndex = null;
    this.setTopRow(this.topRow);
  }

  private geometry(): ScrollGeometry {
    return {
      total: this.total,
      rowHeight: ROW_HEIGHT,
      viewportHeight: Math.max(ROW_HEIGHT, this.body.clientHeight),
    };
  }

  private setTopRow(topRow: number): void {
    const g = this.geometry();
    this.topRow = Math.max(0, Math.min(topRow, maxTopRow(g)));
    this.body.scrollTop = scrollTopFor(this.topRow, g);
    this.lastScrollTop = this.body.scrollTop;
  }

  private onScroll(): void {
    const st = this.body.scrollTop;
    // Our own scrollTop writes round to device pixels: keep the exact top row we set.
    if (Math.abs(st - this.lastScrollTop) >= 1) this.topRow = topRowAt(st, this.geometry());
    this.lastScrollTop = st;
    this.header.scrollLeft = this.body.scrollLeft;
    this.scheduleRender();
  }

  private scheduleRender(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  private render(): void {
    const g = this.geometry();
    this.spacer.style.height = `${spacerHeight(g)}px`;
    const { first, end } = visibleRange(this.topRow, g, MARGIN_ROWS);
    this.renderedRange = { first, end };
    this.store.ensure(first, end);
    const scrollTop = this.body.scrollTop;
    const rows: HTMLDivElement[] = [];
    for (let i = first; i < end; i++) {
      const el = (this.pool[i - first] ??= this.createRow());
      this.fillRow(el, i, this.store.row(i));
      el.style.top = `${rowTop(i, this.topRow, scrollTop, g)}px`;
      rows.push(el);
    }
    this.body.replaceChildren(this.spacer, this.empty, ...rows);
    this.empty.hidden = this.total > 0;
    const active = this.selectedIndex !== null ? this.rowElement(this.selectedIndex) : null;
    if (active) this.element.setAttribute('aria-activedescendant', active.id);
    else this.element.removeAttribute('aria-activedescendant');
  }

  /** Rows currently in the DOM (for tests). */
  get rendered(): { first: number; end: number } {
    return this.renderedRange;
  }

  private createRow(): HTMLDivElement {
    const row = h('div', 'pl-row pl-data-row');
    row.setAttribute('role', 'row');
    COLUMN_IDS.forEach((id, i) => {
      const cell = h('div', `pl-cell pl-col-${id}`);
      cell.setAttribute('role', 'gridcell');
      cell.setAttribute('aria-colindex', String(i + 1));
      row.appendChild(cell);
    });
    return row;
  }

  private fillRow(el: HTMLDivElement, index: number, row: PacketRow | undefined): void {
    el.dataset.index = String(index);
    el.id = `pl-row-${index}`;
    el.setAttribute('aria-rowindex', String(index + 2));
    const selected =
      index === this.selectedIndex || (row !== undefined && row.number === this.selectedNumber);
    el.setAttribute('aria-selected', String(selected));
    el.classList.toggle('selected', selected);
    el.classList.toggle('loading', row === undefined);
    // A row of the previous view (other filter or sort) shown until its page arrives.
    const stale = row !== undefined && !this.store.isFresh(index);
    el.classList.toggle('stale', stale);
    el.setAttribute('aria-busy', String(stale || row === undefined));
    el.classList.toggle('malformed', row?.malformed !== undefined);
    el.classList.toggle('unanswered', row?.unanswered === true);
    el.classList.toggle('retransmission', row?.retransmission === true);
    el.classList.toggle('response', row?.response === true);
    const cells = el.children;
    if (!row) {
      for (let i = 0; i < cells.length; i++) cells[i]!.textContent = i === 0 ? '…' : '';
      el.removeAttribute('title');
      return;
    }
    const values = [
      String(row.number),
      row.time,
      row.source,
      row.destination,
      row.protocol,
      String(row.length),
      row.info,
    ];
    values.forEach((v, i) => {
      const cell = cells[i] as HTMLElement;
      if (i === 0) cell.replaceChildren(...this.marks(row), document.createTextNode(v));
      else cell.textContent = v;
    });
    const notes = [
      row.malformed,
      row.unanswered ? 'No response seen' : undefined,
      row.retransmission ? 'Retransmission' : undefined,
    ].filter((s): s is string => s !== undefined);
    if (notes.length > 0) el.title = notes.join('\n');
    else el.removeAttribute('title');
  }

  private marks(row: PacketRow): HTMLElement[] {
    const out: HTMLElement[] = [];
    if (row.malformed !== undefined) out.push(codicon('error', 'pl-mark pl-mark-malformed'));
    if (row.unanswered) out.push(codicon('warning', 'pl-mark pl-mark-unanswered'));
    if (row.retransmission) out.push(codicon('debug-restart', 'pl-mark pl-mark-retransmission'));
    return out;
  }

  private onKey(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const g = this.geometry();
    const current = this.selectedIndex ?? Math.floor(this.topRow) - 1;
    let next: number;
    switch (e.key) {
      case 'ArrowDown':
        next = current + 1;
        break;
      case 'ArrowUp':
        next = this.selectedIndex === null ? Math.floor(this.topRow) : current - 1;
        break;
      case 'PageDown':
        next = Math.max(current, 0) + pageRows(g);
        break;
      case 'PageUp':
        next = Math.max(current, 0) - pageRows(g);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = this.total - 1;
        break;
      case 'Enter':
        this.callbacks.onActivate();
        e.preventDefault();
        return;
      default:
        return;
    }
    e.preventDefault();
    if (this.total > 0) this.selectIndex(Math.min(Math.max(next, 0), this.total - 1));
  }

  private updateSortMarks(): void {
    for (const [id, cell] of this.headerCells) {
      const sorted = this.sort.column === id;
      cell.setAttribute(
        'aria-sort',
        sorted ? (this.sort.descending ? 'descending' : 'ascending') : 'none',
      );
      const mark = cell.querySelector('.pl-sort');
      if (mark) {
        mark.className = `codicon pl-sort codicon-${
          sorted ? (this.sort.descending ? 'arrow-down' : 'arrow-up') : 'blank'
        }`;
      }
    }
  }

  private applyWidths(): void {
    const cols = COLUMN_IDS.map((id) =>
      id === 'info' ? `minmax(${this.widths[id]}px, 1fr)` : `${this.widths[id]}px`,
    ).join(' ');
    const sum = COLUMN_IDS.reduce((n, id) => n + this.widths[id], 0);
    this.element.style.setProperty('--pl-columns', cols);
    this.element.style.setProperty('--pl-min-width', `${sum}px`);
  }

  private attachResizer(resizer: HTMLDivElement, id: ColumnId): void {
    let startX = 0;
    let startWidth = 0;
    let dragging = false;
    resizer.addEventListener('pointerdown', (e) => {
      if (e.button !== 0) return;
      dragging = true;
      startX = e.clientX;
      startWidth = this.widths[id];
      resizer.setPointerCapture(e.pointerId);
      e.preventDefault();
      e.stopPropagation();
    });
    resizer.addEventListener('pointermove', (e) => {
      if (!dragging) return;
      this.widths[id] = Math.max(MIN_COLUMN, Math.round(startWidth + e.clientX - startX));
      this.applyWidths();
    });
    const end = (e: PointerEvent): void => {
      if (!dragging) return;
      dragging = false;
      if (resizer.hasPointerCapture(e.pointerId)) resizer.releasePointerCapture(e.pointerId);
      this.callbacks.onColumnsResized({ ...this.widths });
    };
    resizer.addEventListener('pointerup', end);
    resizer.addEventListener('pointercancel', end);
    resizer.addEventListener('click', (e) => e.stopPropagation());
  }
}
