/**
 * The capture editor's UI controller: lays out filter bar, packet list, detail tree, hex
 * pane (split by sashes) and status bar, and wires them to the host through the capture
 * protocol (requests via RpcClient, host events via handleMessage). Hovers go both ways
 * between the tree and the hex pane. UI state is saved with the webview API's setState.
 */
import {
  CAPTURE_PROTOCOL_VERSION,
  type ColumnId,
  type HostEvent,
  type IndexProgress,
  type PacketDetail,
  type ToHost,
  type TreeItem,
  type ViewInfo,
} from '../../src/core/protocol/captureMessages';
import { h } from '../shared/dom';
import { RpcClient } from '../shared/rpcClient';
import { DetailTree, itemText } from './detailTree';
import { innermostItem, itemAt, pathKey } from './fieldLookup';
import { FilterBar } from './filterBar';
import { GoToBox } from './goToBox';
import { HexPane } from './hexPane';
import { toBytes } from './hexLayout';
import { PacketList } from './packetList';
import { createSash } from './sash';
import { restoreState, type SavedState } from './savedState';
import { StatusBar } from './statusBar';
import { Tooltip, type TooltipLine } from './tooltip';

export interface HostLink {
  postMessage(message: ToHost): void;
  getState(): unknown;
  setState(state: SavedState): void;
}

const TIME_TITLES = {
  relative: 'Seconds since the first packet',
  absolute: 'Date and time of day',
  delta: 'Seconds since the previous packet',
} as const;

const MIN_FRACTION = 0.05;

export class CaptureView {
  private readonly rpc: RpcClient;
  private readonly state: SavedState;
  private readonly filterBar: FilterBar;
  private readonly list: PacketList;
  private readonly tree: DetailTree;
  private readonly hex: HexPane;
  private readonly status = new StatusBar();
  private readonly goTo: GoToBox;
  private readonly tooltip: Tooltip;
  private readonly panes = h('div', 'panes');
  private readonly listPane = h('div', 'pane list-pane');
  private readonly treePane = h('div', 'pane tree-pane');
  private readonly hexPaneEl = h('div', 'pane hex-pane-wrap');
  private view: ViewInfo | null = null;
  private progress: IndexProgress | null = null;
  private detail: PacketDetail | null = null;
  private packetToken = 0;
  private filterToken = 0;
  private hoverKey: string | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly host: HostLink,
  ) {
    this.state = restoreState(host.getState());
    this.rpc = new RpcClient((m) => host.postMessage(m));
    this.filterBar = new FilterBar((text) => void this.applyFilter(text));
    this.list = new PacketList(
      {
        fetchRows: (start, count) => this.rpc.request('getRows', { start, count }),
        onSelect: (_index, row) => void this.showPacket(row.number),
        onSort: (column) => void this.sortBy(column),
        onColumnsResized: (widths) => {
          this.state.columns = widths;
          this.save();
        },
        onActivate: () => this.tree.focus(),
        onError: (e) => this.fail(e),
      },
      this.state.columns,
    );
    this.tree = new DetailTree({
      onHover: (path, item, event) => this.hoverItem(path, item, event),
      onSelect: (_path, item) => this.hex.mark('selected', item.length > 0 ? item : null),
      onLink: (frame) => void this.selectFrame(frame),
    });
    this.hex = new HexPane({
      onHoverByte: (source, offset, event) => this.hoverByte(source, offset, event),
      onClickByte: (source, offset) => this.clickByte(source, offset),
    });
    this.goTo = new GoToBox((frame) => this.goToFrame(frame));
    this.layout();
    this.tooltip = new Tooltip(root);
    this.list.setEmptyText('Waiting for the capture…');
    document.addEventListener('keydown', (e) => this.onGlobalKey(e));
  }

  /** Announces the webview to the host (the host answers with init). */
  start(): void {
    this.host.postMessage({ kind: 'ready', version: CAPTURE_PROTOCOL_VERSION });
  }

  /** Every message from the host goes here. */
  handleMessage(message: unknown): void {
    if (this.rpc.handle(message)) return;
    if (typeof message !== 'object' || message === null) return;
    const ev = message as HostEvent;
    switch (ev.kind) {
      case 'init':
        void this.init(ev);
        break;
      case 'progress':
        this.progress = ev.progress;
        this.updateStatus();
        break;
      case 'viewChanged':
        this.applyView(ev.view);
        break;
      case 'select':
        void this.selectFrame(ev.number, ev.highlight);
        break;
      case 'setFilterText':
        this.filterBar.setText(ev.text);
        void this.applyFilter(ev.text);
        break;
      case 'showGoTo':
        this.goTo.open();
        break;
    }
  }

  private async init(ev: Extract<HostEvent, { kind: 'init' }>): Promise<void> {
    if (ev.version !== CAPTURE_PROTOCOL_VERSION) {
      this.log('warn', `host speaks protocol ${ev.version}, webview ${CAPTURE_PROTOCOL_VERSION}`);
    }
    document.title = ev.fileName;
    this.list.setColumnTitle('time', TIME_TITLES[ev.timeDisplay]);
    for (const [id, label] of Object.entries(ev.columnLabels ?? {})) {
      if (typeof label === 'string') this.list.setColumnLabel(id as ColumnId, label);
    }
    this.status.unit = ev.unit ?? 'packet';
    this.progress = ev.progress;
    this.list.setEmptyText(ev.unit === 'line' ? 'No lines.' : 'No packets.');
    this.applyView(ev.view);
    this.filterBar.setText(ev.view.filter);
    this.filterBar.setApplied(ev.view.filter);
    try {
      const s = this.state.sort;
      const hostDefault = ev.view.sort.column === 'number' && !ev.view.sort.descending;
      if (hostDefault && (s.column !== 'number' || s.descending)) {
        this.applyView((await this.rpc.request('setSort', s)).view);
      } else this.state.sort = { ...ev.view.sort };
      if (ev.view.filter !== '') this.state.filter = ev.view.filter;
      // The host's filter wins when it has one (set while this view was away); else restore ours.
      if (ev.view.filter === '' && this.state.filter !== '') {
        this.filterBar.setText(this.state.filter);
        await this.applyFilter(this.state.filter);
      }
      if (this.state.selected !== undefined) await this.selectFrame(this.state.selected);
    } catch (e) {
      this.fail(e);
    }
  }

  private applyView(view: ViewInfo): void {
    const prev = this.view;
    this.view = view;
    this.list.setView(view);
    this.updateStatus();
    const selected = this.list.selection.number;
    const stable =
      prev !== null &&
      prev.filter === view.filter &&
      prev.sort.column === view.sort.column &&
      prev.sort.descending === view.sort.descending &&
      view.sort.column === 'number' &&
      !view.sort.descending;
    if (selected !== null && !stable) void this.relocate(selected);
  }

  /** Finds the selected frame's row again after the filter or sort changed. */
  private async relocate(number: number): Promise<void> {
    try {
      const { index } = await this.rpc.request('findRow', { number });
      if (this.list.selection.number === number) this.list.showSelected(index, number);
    } catch (e) {
      this.fail(e);
    }
  }

  private updateStatus(): void {
    if (this.view) this.status.update(this.view, this.progress);
  }

  private async applyFilter(text: string): Promise<void> {
    const token = ++this.filterToken;
    try {
      const r = await this.rpc.request('setFilter', { text });
      if (token !== this.filterToken) return;
      if (r.ok) {
        this.filterBar.setApplied(text);
        this.state.filter = text;
        this.save();
        this.applyView(r.view);
      } else {
        this.filterBar.setError(r.error);
      }
    } catch (e) {
      this.fail(e);
    }
  }

  private async sortBy(column: ColumnId): Promise<void> {
    const cur = this.view?.sort;
    const descending = cur?.column === column ? !cur.descending : false;
    try {
      const r = await this.rpc.request('setSort', { column, descending });
      this.state.sort = { column, descending };
      this.save();
      this.applyView(r.view);
    } catch (e) {
      this.fail(e);
    }
  }

  /**
   * Selects frame `number`: its row when the filter shows it, its detail in any case.
   * Returns a message for the user when the frame is hidden or does not exist.
   */
  private async selectFrame(
    number: number,
    highlight?: { source: number; start: number; length: number },
  ): Promise<string | null> {
    try {
      if (this.view && this.view.complete && number > this.view.packets) {
        const msg = `There is no packet ${number} (the capture has ${this.view.packets}).`;
        this.status.setMessage(msg, 'error');
        return msg;
      }
      const { index } = await this.rpc.request('findRow', { number });
      this.list.showSelected(index, number);
      const msg = index === null ? `Packet ${number} is hidden by the display filter.` : null;
      this.status.setMessage(msg ?? '');
      const shown = await this.showPacket(number, highlight);
      return shown ? msg : `There is no packet ${number}.`;
    } catch (e) {
      this.fail(e);
      return e instanceof Error ? e.message : String(e);
    }
  }

  private async goToFrame(number: number): Promise<string | null> {
    const msg = await this.selectFrame(number);
    if (msg === null) this.list.focus();
    return msg;
  }

  /** Loads and shows one packet's tree and bytes; false when the host has no such packet. */
  private async showPacket(
    number: number,
    highlight?: { source: number; start: number; length: number },
  ): Promise<boolean> {
    const token = ++this.packetToken;
    let detail: PacketDetail;
    try {
      detail = await this.rpc.request('getPacket', { number });
    } catch (e) {
      if (token === this.packetToken) this.fail(e);
      return false;
    }
    if (token !== this.packetToken) return true;
    this.detail = detail;
    this.hoverKey = null;
    this.tooltip.hide();
    this.tree.setTree(detail.tree);
    this.hex.setSources(
      detail.sources.map((src) => ({ name: src.name, bytes: toBytes(src.bytes) })),
    );
    this.host.postMessage({ kind: 'selected', number });
    this.state.selected = number;
    this.save();
    if (highlight) {
      this.hex.mark('selected', highlight);
      const path =
        findExact(detail.tree, highlight) ??
        innermostItem(detail.tree, highlight.source, highlight.start);
      if (path) this.tree.reveal(path);
    }
    return true;
  }

  private hoverItem(path: number[] | null, item: TreeItem | null, event: MouseEvent | null): void {
    if (path === null || item === null) {
      this.hoverKey = null;
      this.hex.mark('hover', null);
      this.tooltip.hide();
      return;
    }
    const key = pathKey(path);
    if (key !== this.hoverKey) {
      this.hoverKey = key;
      this.hex.mark('hover', item.length > 0 ? item : null);
    }
    if (event) this.tooltip.show(this.itemLines(item), event.clientX, event.clientY);
  }

  private itemLines(item: TreeItem): TooltipLine[] {
    const lines: TooltipLine[] = [{ kind: 'title', text: itemText(item) }];
    if (item.name) lines.push({ kind: 'name', text: `Field: ${item.name}` });
    if (item.help) lines.push({ kind: 'help', text: item.help });
    if (item.value !== undefined) lines.push({ kind: 'value', text: `Value: ${item.value}` });
    if (item.expert) {
      lines.push({ kind: `expert-${item.expert.severity}`, text: item.expert.message });
    }
    if (item.link !== undefined)
      lines.push({ kind: 'help', text: `Click to go to packet ${item.link}` });
    lines.push({ kind: 'range', text: this.rangeText(item) });
    return lines;
  }

  private rangeText(item: TreeItem): string {
    if (item.length === 0) return item.generated ? 'Computed: covers no bytes' : 'Covers no bytes';
    const src = this.detail?.sources[item.source];
    const where = item.source !== 0 && src ? ` in ${src.name}` : '';
    return `Offset ${item.start}, length ${item.length}${where}`;
  }

  private hoverByte(source: number, offset: number | null, event: MouseEvent | null): void {
    const tree = this.detail?.tree;
    if (offset === null || !tree) {
      this.hoverKey = null;
      this.tree.setHover(null);
      this.hex.mark('hover', null);
      this.tooltip.hide();
      return;
    }
    const path = innermostItem(tree, source, offset);
    const item = path ? itemAt(tree, path) : undefined;
    const key = path ? `byte:${pathKey(path)}` : null;
    if (key !== this.hoverKey) {
      this.hoverKey = key;
      this.tree.setHover(path);
      this.hex.mark('hover', item ?? null);
    }
    if (!event) return;
    const lines: TooltipLine[] = [];
    if (item) {
      lines.push({ kind: 'title', text: itemText(item) });
      if (item.name) lines.push({ kind: 'name', text: `Field: ${item.name}` });
    }
    lines.push({ kind: 'range', text: `Offset ${offset}` });
    this.tooltip.show(lines, event.clientX, event.clientY);
  }

  private clickByte(source: number, offset: number): void {
    const tree = this.detail?.tree;
    if (!tree) return;
    const path = innermostItem(tree, source, offset);
    if (path) this.tree.reveal(path, true);
    else this.hex.mark('selected', { source, start: offset, length: 1 });
  }

  private onGlobalKey(e: KeyboardEvent): void {
    const mod = e.ctrlKey || e.metaKey;
    if (mod && !e.altKey && e.key === '/') {
      e.preventDefault();
      this.filterBar.focus();
    } else if (mod && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'g') {
      e.preventDefault();
      this.goTo.open();
    } else if (e.key === 'Escape' && this.tooltip.visible) {
      this.tooltip.hide();
    }
  }

  private layout(): void {
    const listSash = createSash(
      'Resize packet list',
      (dy) => this.resizePanes(dy, 0),
      () => this.save(),
    );
    const treeSash = createSash(
      'Resize packet details',
      (dy) => this.resizePanes(0, dy),
      () => this.save(),
    );
    this.listPane.append(this.list.element, this.goTo.element);
    this.treePane.appendChild(this.tree.element);
    this.hexPaneEl.appendChild(this.hex.element);
    this.panes.append(this.listPane, listSash, this.treePane, treeSash, this.hexPaneEl);
    this.root.classList.add('capture');
    this.root.replaceChildren(this.filterBar.element, this.panes, this.status.element);
    this.applyPaneSizes();
  }

  /** Moves the list/tree sash by dyList px, or the tree/hex sash by dyTree px. */
  private resizePanes(dyList: number, dyTree: number): void {
    const height = this.panes.clientHeight;
    if (height <= 0) return;
    let { list, tree } = this.state.panes;
    if (dyList !== 0) {
      const d = dyList / height;
      const next = clamp(list + d, MIN_FRACTION, list + tree - MIN_FRACTION);
      tree -= next - list;
      list = next;
    } else {
      tree = clamp(tree + dyTree / height, MIN_FRACTION, 1 - MIN_FRACTION - list);
    }
    this.state.panes = { list, tree };
    this.applyPaneSizes();
  }

  private applyPaneSizes(): void {
    this.listPane.style.flexBasis = `${this.state.panes.list * 100}%`;
    this.treePane.style.flexBasis = `${this.state.panes.tree * 100}%`;
  }

  private save(): void {
    this.host.setState(this.state);
  }

  private fail(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.status.setMessage(message, 'error');
    this.log('error', message);
  }

  private log(level: 'info' | 'warn' | 'error', message: string): void {
    this.host.postMessage({ kind: 'log', level, message });
  }
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(Math.max(x, lo), Math.max(lo, hi));
}

/** The path of an item with exactly this source, start and length (the host's highlight). */
function findExact(
  tree: readonly TreeItem[],
  range: { source: number; start: number; length: number },
): number[] | null {
  const path = innermostItem(tree, range.source, range.start);
  if (!path) return null;
  // Walk up from the innermost item to the one spanning exactly the range.
  for (let n = path.length; n > 0; n--) {
    const item = itemAt(tree, path.slice(0, n));
    if (item && item.start === range.start && item.length === range.length) return path.slice(0, n);
  }
  return null;
}
