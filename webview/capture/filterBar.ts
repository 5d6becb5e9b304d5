/**
 * The display-filter bar: a text box applied on Enter, a clear button and an apply
 * button. Like Wireshark its border turns green for an applied filter and red for one the
 * host rejected; the error's range [start, end) is underlined by a mirror layer over the
 * input (an <input> cannot style part of its text) and the message shows beside it.
 */
import type { FilterError } from '../../src/core/protocol/captureMessages';
import { codicon, h } from '../shared/dom';

export const FILTER_PLACEHOLDER = 'Apply a display filter … <Ctrl-/>';

export class FilterBar {
  readonly element = h('div', 'filter-bar');
  readonly input = h('input', 'filter-input');
  private readonly mirror = h('div', 'filter-mirror');
  private readonly message = h('div', 'filter-message');
  private applied = '';

  constructor(private readonly onApply: (text: string) => void) {
    const input = this.input;
    input.type = 'text';
    input.placeholder = FILTER_PLACEHOLDER;
    input.spellcheck = false;
    input.autocomplete = 'off';
    input.setAttribute('aria-label', 'Display filter');
    input.setAttribute('aria-describedby', 'filter-message');
    this.message.id = 'filter-message';
    this.message.setAttribute('aria-live', 'polite');
    this.mirror.setAttribute('aria-hidden', 'true');
    const field = h('div', 'filter-field');
    field.append(input, this.mirror);
    const clear = this.button('close', 'Clear filter', 'filter-clear');
    clear.addEventListener('click', () => {
      this.setText('');
      this.onApply('');
      input.focus();
    });
    const apply = this.button('arrow-right', 'Apply filter', 'filter-apply');
    apply.addEventListener('click', () => this.onApply(input.value));
    this.element.append(codicon('filter', 'filter-icon'), field, clear, apply, this.message);
    this.element.setAttribute('role', 'search');

    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        this.onApply(input.value);
      } else if (e.key === 'Escape' && input.value !== this.applied) {
        e.preventDefault();
        this.setText(this.applied);
      }
    });
    input.addEventListener('input', () => {
      // The old error range refers to text that changed.
      this.mirror.replaceChildren();
      this.element.classList.toggle('edited', input.value !== this.applied);
    });
    input.addEventListener('scroll', () => this.syncScroll());
    input.addEventListener('keyup', () => this.syncScroll());
  }

  get text(): string {
    return this.input.value;
  }

  focus(): void {
    this.input.focus();
    this.input.select();
  }

  setText(text: string): void {
    this.input.value = text;
    this.mirror.replaceChildren();
    this.element.classList.toggle('edited', text !== this.applied);
  }

  /** The host accepted `text` ('' = no filter). */
  setApplied(text: string): void {
    this.applied = text;
    this.element.classList.remove('invalid', 'edited');
    this.element.classList.toggle('valid', text.trim() !== '');
    this.input.removeAttribute('aria-invalid');
    this.message.textContent = '';
    this.mirror.replaceChildren();
  }

  /** The host rejected the box's text: mark [start, end) and show the message. */
  setError(error: FilterError): void {
    const text = this.input.value;
    this.element.classList.remove('valid');
    this.element.classList.add('invalid');
    this.input.setAttribute('aria-invalid', 'true');
    this.message.textContent = error.message;
    const start = Math.max(0, Math.min(error.start, text.length));
    const end = Math.max(start, Math.min(error.end, text.length));
    const mark = h('span', 'filter-error-range', text.slice(start, end) || ' ');
    mark.dataset.start = String(start);
    mark.dataset.end = String(end);
    this.mirror.replaceChildren(
      document.createTextNode(text.slice(0, start)),
      mark,
      document.createTextNode(text.slice(end)),
    );
    this.syncScroll();
  }

  private syncScroll(): void {
    this.mirror.scrollLeft = this.input.scrollLeft;
  }

  private button(icon: string, label: string, className: string): HTMLButtonElement {
    const b = h('button', `icon-button ${className}`);
    b.type = 'button';
    b.setAttribute('aria-label', label);
    b.title = label;
    b.appendChild(codicon(icon));
    return b;
  }
}
