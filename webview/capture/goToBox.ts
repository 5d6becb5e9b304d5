/**
 * The "Go to packet" box (Ctrl+G, or the host's showGoTo): a small input over the packet
 * list. Enter asks the owner to go to the typed frame number; the owner answers with a
 * message to show (the frame does not exist, the filter hides it) or null to close.
 */
import { h } from '../shared/dom';

export class GoToBox {
  readonly element = h('div', 'goto-box');
  readonly input = h('input', 'goto-input');
  private readonly message = h('div', 'goto-message');
  private returnFocus: HTMLElement | null = null;

  constructor(private readonly onGo: (frame: number) => Promise<string | null>) {
    const label = h('label', 'goto-label', 'Go to packet:');
    this.input.id = 'goto-input';
    label.htmlFor = 'goto-input';
    this.input.type = 'text';
    this.input.inputMode = 'numeric';
    this.input.autocomplete = 'off';
    this.input.spellcheck = false;
    this.message.setAttribute('aria-live', 'polite');
    this.element.setAttribute('role', 'dialog');
    this.element.setAttribute('aria-label', 'Go to packet');
    this.element.append(label, this.input, this.message);
    this.element.hidden = true;
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        this.close();
      } else if (e.key === 'Enter') {
        e.preventDefault();
        void this.go();
      }
    });
    this.input.addEventListener('blur', () => {
      // Clicking elsewhere closes the box, as VS Code's quick inputs do.
      setTimeout(() => {
        if (!this.element.contains(document.activeElement)) this.hide();
      }, 0);
    });
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  open(): void {
    if (!this.isOpen) {
      const active = document.activeElement;
      this.returnFocus = active instanceof HTMLElement ? active : null;
    }
    this.element.hidden = false;
    this.message.textContent = '';
    this.input.focus();
    this.input.select();
  }

  close(): void {
    this.hide();
    this.returnFocus?.focus({ preventScroll: true });
  }

  private hide(): void {
    this.element.hidden = true;
    this.message.textContent = '';
  }

  private async go(): Promise<void> {
    const text = this.input.value.trim();
    if (!/^\d+$/.test(text) || Number(text) < 1) {
      this.message.textContent = 'Type a packet number (1 or more).';
      return;
    }
    const problem = await this.onGo(Number(text));
    if (problem === null) this.hide();
    else this.message.textContent = problem;
  }
}
