/**
 * The hex pane: offset | 16 hex bytes | ASCII for one data source of the selected packet,
 * with tabs at the bottom when the packet has several ("Frame (74 bytes)", "Reassembled
 * TCP (123 bytes)"). Bytes of the hovered and of the selected field are highlighted;
 * hovering or clicking a byte is reported with its source and offset.
 */
import type { ByteSource } from '../../src/core/protocol/captureMessages';
import { closest, h } from '../shared/dom';
import { HEX_CAP, hexLines, shownRange } from './hexLayout';

/** "Frame (74 bytes)"; a name that already states its size ("Reassembled TCP (123 bytes)") is kept. */
export function sourceTabText(source: ByteSource): string {
  return /\(\d+ bytes\)$/.test(source.name)
    ? source.name
    : `${source.name} (${source.bytes.length} bytes)`;
}

export interface HexPaneCallbacks {
  onHoverByte(source: number, offset: number | null, event: MouseEvent | null): void;
  onClickByte(source: number, offset: number): void;
}

type Mark = 'hover' | 'selected';

export class HexPane {
  readonly element = h('div', 'hex-pane');
  private readonly body = h('div', 'hex-body');
  private readonly tabs = h('div', 'hex-tabs');
  private sources: ByteSource[] = [];
  private active = 0;
  private hexCells: HTMLSpanElement[] = [];
  private asciiCells: HTMLSpanElement[] = [];
  private readonly marks: Record<Mark, { source: number; start: number; length: number } | null> = {
    hover: null,
    selected: null,
  };

  constructor(private readonly callbacks: HexPaneCallbacks) {
    this.body.setAttribute('aria-label', 'Packet bytes');
    this.body.setAttribute('role', 'region');
    this.body.tabIndex = 0;
    this.tabs.setAttribute('role', 'tablist');
    this.tabs.setAttribute('aria-label', 'Data sources');
    this.element.append(this.body, this.tabs);
    this.body.addEventListener('mouseover', (e) => this.hoverFrom(e));
    this.body.addEventListener('mousemove', (e) => this.hoverFrom(e));
    this.body.addEventListener('mouseleave', () => callbacks.onHoverByte(this.active, null, null));
    this.body.addEventListener('mousedown', (e) => {
      const offset = this.offsetOf(e);
      if (offset === null || e.button !== 0) return;
      e.preventDefault();
      callbacks.onClickByte(this.active, offset);
    });
    this.tabs.addEventListener('click', (e) => {
      const tab = closest(e.target, '.hex-tab', this.tabs);
      if (tab?.dataset.source) this.showSource(Number(tab.dataset.source));
    });
  }

  get activeSource(): number {
    return this.active;
  }

  setSources(sources: ByteSource[]): void {
    this.sources = sources;
    this.marks.hover = null;
    this.marks.selected = null;
    this.active = 0;
    this.renderTabs();
    this.renderBytes();
  }

  /** Switches to data source `index` (no-op if it is already shown or does not exist). */
  showSource(index: number): void {
    if (index === this.active || !this.sources[index]) return;
    this.active = index;
    this.renderTabs();
    this.renderBytes();
  }

  /** Highlights [start, start+length) of `source` (switching tabs if needed); null clears. */
  mark(kind: Mark, range: { source: number; start: number; length: number } | null): void {
    this.marks[kind] = range;
    if (range && range.length > 0 && range.source !== this.active && this.sources[range.source]) {
      this.showSource(range.source);
    } else this.paint(kind);
    if (kind === 'selected' && range && range.source === this.active) {
      this.hexCells[range.start]?.scrollIntoView({ block: 'nearest' });
    }
  }

  private paint(kind: Mark): void {
    const cls = `hl-${kind}`;
    for (const el of this.body.querySelectorAll(`.${cls}`)) el.classList.remove(cls);
    const m = this.marks[kind];
    if (!m || m.source !== this.active) return;
    const src = this.sources[this.active];
    if (!src) return;
    const { start, end } = shownRange(m.start, m.length, src.bytes.length);
    for (let i = start; i < end; i++) {
      this.hexCells[i]?.classList.add(cls);
      this.asciiCells[i]?.classList.add(cls);
    }
  }

  private renderTabs(): void {
    this.tabs.hidden = this.sources.length < 2;
    this.tabs.replaceChildren(
      ...this.sources.map((s, i) => {
        const tab = h('button', 'hex-tab', sourceTabText(s));
        tab.type = 'button';
        tab.setAttribute('role', 'tab');
        tab.setAttribute('aria-selected', String(i === this.active));
        tab.dataset.source = String(i);
        tab.classList.toggle('active', i === this.active);
        return tab;
      }),
    );
  }

  private renderBytes(): void {
    const src = this.sources[this.active];
    this.hexCells = [];
    this.asciiCells = [];
    if (!src) {
      this.body.replaceChildren();
      return;
    }
    const { lines, truncated } = hexLines(src.bytes);
    const out: HTMLElement[] = [];
    for (const line of lines) {
      const row = h('div', 'hex-line');
      const hex = h('span', 'hex-bytes');
      const ascii = h('span', 'hex-ascii');
      for (const cell of line.cells) {
        const b = h('span', 'hex-byte', cell.hex);
        b.dataset.offset = String(cell.offset);
        if (cell.offset % 16 === 8) b.classList.add('hex-gap');
        hex.appendChild(b);
        this.hexCells[cell.offset] = b;
        const c = h('span', 'hex-char', cell.ascii);
        c.dataset.offset = String(cell.offset);
        if (cell.offset % 16 === 8) c.classList.add('hex-gap');
        ascii.appendChild(c);
        this.asciiCells[cell.offset] = c;
      }
      row.append(h('span', 'hex-offset', line.offsetText), hex, ascii);
      out.push(row);
    }
    if (truncated) {
      out.push(
        h(
          'div',
          'hex-note',
          `Showing the first ${HEX_CAP / 1024} KiB of ${src.bytes.length} bytes.`,
        ),
      );
    }
    this.body.replaceChildren(...out);
    this.paint('selected');
    this.paint('hover');
  }

  private offsetOf(e: Event): number | null {
    const el = closest(e.target, '[data-offset]', this.body);
    return el?.dataset.offset === undefined ? null : Number(el.dataset.offset);
  }

  private hoverFrom(e: MouseEvent): void {
    const offset = this.offsetOf(e);
    this.callbacks.onHoverByte(this.active, offset, e);
  }
}
