/**
 * The packet detail tree: the selected packet's TreeItems as a role=tree with codicon
 * chevrons. Which subtrees are open is remembered across packets by expansion key (the
 * filter name, like Wireshark remembers its subtree types). Generated items show in
 * [brackets] in italics, expert items in their severity's colour, items with a `link`
 * jump to that frame. Keyboard: Up/Down move, Right/Left expand/collapse or go to the
 * child/parent, Home/End, Enter toggles (or follows a link).
 */
import type { TreeItem } from '../../src/core/protocol/captureMessages';
import { closest, codicon, h } from '../shared/dom';
import { expansionKey, itemAt, parsePathKey, pathKey, type ItemPath } from './fieldLookup';

export interface DetailTreeCallbacks {
  /** The pointer is over an item (null: left the tree). */
  onHover(path: number[] | null, item: TreeItem | null, event: MouseEvent | null): void;
  /** An item was selected (click or keyboard). */
  onSelect(path: number[], item: TreeItem): void;
  onLink(frame: number): void;
}

interface Visible {
  path: number[];
  key: string;
  item: TreeItem;
  depth: number;
  element: HTMLDivElement;
}

/** The text of an item as the tree shows it: generated items in [brackets]. */
export function itemText(item: TreeItem): string {
  if (item.generated && !item.label.startsWith('[')) return `[${item.label}]`;
  return item.label;
}

export class DetailTree {
  readonly element = h('div', 'detail-tree');
  private tree: TreeItem[] = [];
  private readonly expanded = new Set<string>();
  private visible: Visible[] = [];
  private selectedKey: string | null = null;
  private hoverKey: string | null = null;

  constructor(private readonly callbacks: DetailTreeCallbacks) {
    const el = this.element;
    el.setAttribute('role', 'tree');
    el.setAttribute('aria-label', 'Packet details');
    el.tabIndex = 0;
    el.addEventListener('mousedown', (e) => this.onMouseDown(e));
    el.addEventListener('dblclick', (e) => {
      const v = this.fromEvent(e);
      if (v?.item.children?.length) this.toggle(v);
    });
    el.addEventListener('mouseover', (e) => {
      const v = this.fromEvent(e);
      if (v) callbacks.onHover(v.path, v.item, e);
    });
    el.addEventListener('mousemove', (e) => {
      const v = this.fromEvent(e);
      if (v) callbacks.onHover(v.path, v.item, e);
    });
    el.addEventListener('mouseleave', () => callbacks.onHover(null, null, null));
    el.addEventListener('keydown', (e) => this.onKey(e));
  }

  /** Shows a packet's tree (null: none); the selection is cleared, open subtrees stay open. */
  setTree(tree: TreeItem[] | null): void {
    this.tree = tree ?? [];
    this.selectedKey = null;
    this.hoverKey = null;
    this.render();
  }

  get items(): readonly TreeItem[] {
    return this.tree;
  }

  get selectedPath(): number[] | null {
    return this.selectedKey === null ? null : parsePathKey(this.selectedKey);
  }

  focus(): void {
    if (this.selectedKey === null && this.visible[0]) this.select(this.visible[0], false);
    this.element.focus({ preventScroll: true });
  }

  /** Expands the ancestors of `path`, selects it and scrolls it into view. */
  reveal(path: ItemPath, notify = false): void {
    let parentKey = '';
    for (let i = 1; i < path.length; i++) {
      const item = itemAt(this.tree, path.slice(0, i));
      if (!item) return;
      parentKey = expansionKey(item, parentKey);
      this.expanded.add(parentKey);
    }
    this.render();
    const v = this.visible.find((x) => x.key === pathKey(path));
    if (v) this.select(v, notify);
  }

  /**
   * Marks the item the pointer is over in the hex pane (null: none); when it sits in a
   * collapsed subtree, its nearest shown ancestor is marked instead.
   */
  setHover(path: ItemPath | null): void {
    let key: string | null = null;
    if (path !== null) {
      for (let n = path.length; n > 0 && key === null; n--) {
        const k = pathKey(path.slice(0, n));
        if (this.visible.some((v) => v.key === k)) key = k;
      }
    }
    if (key === this.hoverKey) return;
    this.hoverKey = key;
    for (const v of this.visible) v.element.classList.toggle('hovered', v.key === key);
  }

  /** Path of the item marked by setHover (tests). */
  get hoveredPath(): number[] | null {
    return this.hoverKey === null ? null : parsePathKey(this.hoverKey);
  }

  private render(): void {
    const visible: Visible[] = [];
    const walk = (items: readonly TreeItem[], prefix: number[], parentKey: string): void => {
      items.forEach((item, i) => {
        const path = [...prefix, i];
        const key = expansionKey(item, parentKey);
        const open = this.expanded.has(key);
        visible.push({
          path,
          key: pathKey(path),
          item,
          depth: prefix.length,
          element: this.itemElement(item, path, prefix.length, open),
        });
        if (open && item.children?.length) walk(item.children, path, key);
      });
    };
    walk(this.tree, [], '');
    this.visible = visible;
    this.element.replaceChildren(...visible.map((v) => v.element));
    if (this.selectedKey !== null && !visible.some((v) => v.key === this.selectedKey)) {
      this.selectedKey = null;
    }
    this.markSelection();
  }

  private itemElement(
    item: TreeItem,
    path: number[],
    depth: number,
    open: boolean,
  ): HTMLDivElement {
    const el = h('div', 'tree-item');
    el.setAttribute('role', 'treeitem');
    el.id = `ti-${pathKey(path)}`;
    el.dataset.path = pathKey(path);
    el.setAttribute('aria-level', String(depth + 1));
    el.style.paddingLeft = `${depth * 16 + 4}px`;
    const parent = (item.children?.length ?? 0) > 0;
    if (parent) el.setAttribute('aria-expanded', String(open));
    el.appendChild(
      parent
        ? codicon(open ? 'chevron-down' : 'chevron-right', 'tree-twistie')
        : codicon('blank', 'tree-twistie'),
    );
    const label = h('span', 'tree-label', itemText(item));
    el.appendChild(label);
    if (item.generated) el.classList.add('generated');
    if (item.expert) el.classList.add(`expert-${item.expert.severity}`);
    if (item.link !== undefined) {
      el.classList.add('link');
      label.classList.add('tree-link');
    }
    return el;
  }

  private fromEvent(e: Event): Visible | undefined {
    const el = closest(e.target, '.tree-item', this.element);
    const key = el?.dataset.path;
    return key === undefined ? undefined : this.visible.find((v) => v.key === key);
  }

  private onMouseDown(e: MouseEvent): void {
    if (e.button !== 0) return;
    const v = this.fromEvent(e);
    if (!v) return;
    e.preventDefault();
    this.element.focus({ preventScroll: true });
    if ((e.target as Element).closest('.tree-twistie') && v.item.children?.length) {
      this.toggle(v);
      return;
    }
    this.select(v, true);
    if (v.item.link !== undefined && (e.target as Element).closest('.tree-link')) {
      this.callbacks.onLink(v.item.link);
    }
  }

  private select(v: Visible, notify: boolean): void {
    this.selectedKey = v.key;
    this.markSelection();
    v.element.scrollIntoView({ block: 'nearest' });
    if (notify) this.callbacks.onSelect(v.path, v.item);
  }

  private markSelection(): void {
    for (const v of this.visible) {
      const on = v.key === this.selectedKey;
      v.element.classList.toggle('selected', on);
      v.element.setAttribute('aria-selected', String(on));
      v.element.classList.toggle('hovered', v.key === this.hoverKey);
    }
    if (this.selectedKey !== null) {
      this.element.setAttribute('aria-activedescendant', `ti-${this.selectedKey}`);
    } else this.element.removeAttribute('aria-activedescendant');
  }

  private expansionKeyOf(v: Visible): string {
    let key = '';
    for (let i = 1; i <= v.path.length; i++) {
      const item = itemAt(this.tree, v.path.slice(0, i));
      if (item) key = expansionKey(item, key);
    }
    return key;
  }

  private toggle(v: Visible, open?: boolean): void {
    const key = this.expansionKeyOf(v);
    const next = open ?? !this.expanded.has(key);
    if (next) this.expanded.add(key);
    else this.expanded.delete(key);
    const selected = this.selectedKey;
    this.render();
    if (selected === null) {
      this.selectedKey = v.key;
      this.markSelection();
    }
  }

  private onKey(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey || this.visible.length === 0) return;
    const at = this.visible.findIndex((v) => v.key === this.selectedKey);
    const cur = at >= 0 ? this.visible[at] : undefined;
    const move = (i: number): void => {
      const v = this.visible[Math.min(Math.max(i, 0), this.visible.length - 1)];
      if (v) this.select(v, true);
    };
    const hasKids = (cur?.item.children?.length ?? 0) > 0;
    const isOpen = cur ? this.expanded.has(this.expansionKeyOf(cur)) : false;
    switch (e.key) {
      case 'ArrowDown':
        move(at + 1);
        break;
      case 'ArrowUp':
        move(at < 0 ? 0 : at - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(this.visible.length - 1);
        break;
      case 'ArrowRight':
        if (!cur) move(0);
        else if (hasKids && !isOpen) this.toggle(cur, true);
        else if (hasKids) move(at + 1);
        break;
      case 'ArrowLeft':
        if (!cur) move(0);
        else if (hasKids && isOpen) this.toggle(cur, false);
        else if (cur.path.length > 1) {
          const parent = pathKey(cur.path.slice(0, -1));
          move(this.visible.findIndex((v) => v.key === parent));
        }
        break;
      case 'Enter':
      case ' ':
        if (!cur) move(0);
        else if (hasKids) this.toggle(cur);
        else if (cur.item.link !== undefined) this.callbacks.onLink(cur.item.link);
        break;
      default:
        return;
    }
    e.preventDefault();
  }
}
