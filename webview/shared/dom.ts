/**
 * Building DOM without HTML: every element comes from createElement and every text from
 * textContent, so nothing from a packet (names, TXT strings can hold `<script>`) is ever
 * parsed as markup, and the strict CSP needs no inline styles.
 */

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

/** A codicon (the font from @vscode/codicons), hidden from screen readers. */
export function codicon(name: string, className = ''): HTMLSpanElement {
  const el = h('span', `codicon codicon-${name}${className ? ' ' + className : ''}`);
  el.setAttribute('aria-hidden', 'true');
  return el;
}

/** The nearest ancestor (or self) of an event target matching `selector`, inside `root`. */
export function closest(
  target: EventTarget | null,
  selector: string,
  root: Element,
): HTMLElement | null {
  if (!(target instanceof Element)) return null;
  const el = target.closest(selector);
  return el instanceof HTMLElement && root.contains(el) ? el : null;
}
