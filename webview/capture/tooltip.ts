/**
 * The hover card of the detail tree and the hex pane: our own element (not a title
 * attribute) so it can carry several styled lines, follow the theme and be tested. Lines
 * are set with textContent; the card is kept inside the window.
 */
import { h } from '../shared/dom';

export interface TooltipLine {
  text: string;
  /** 'title', 'name', 'help', 'value', 'range', 'expert-warn'... */
  kind: string;
}

const GAP = 12;

export class Tooltip {
  readonly element = h('div', 'tooltip');

  constructor(parent: HTMLElement) {
    this.element.setAttribute('role', 'tooltip');
    this.element.id = 'dnspector-tooltip';
    this.element.hidden = true;
    parent.appendChild(this.element);
  }

  get visible(): boolean {
    return !this.element.hidden;
  }

  /** Shows the lines near (x, y) (client coordinates), flipped or clamped to stay in view. */
  show(lines: readonly TooltipLine[], x: number, y: number): void {
    this.element.replaceChildren(
      ...lines.map((l) => h('div', `tooltip-line tooltip-${l.kind}`, l.text)),
    );
    this.element.hidden = false;
    const w = this.element.offsetWidth;
    const hgt = this.element.offsetHeight;
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    let left = x + GAP;
    let top = y + GAP;
    if (left + w > vw - 4) left = Math.max(4, vw - 4 - w);
    if (top + hgt > vh - 4) top = y - GAP - hgt >= 4 ? y - GAP - hgt : Math.max(4, vh - 4 - hgt);
    this.element.style.left = `${left}px`;
    this.element.style.top = `${top}px`;
  }

  hide(): void {
    this.element.hidden = true;
    this.element.replaceChildren();
  }
}
