/**
 * A horizontal sash between two panes: drag it (pointer capture) or focus it and press
 * Up/Down to move it. Reports the movement in px; the caller resizes the panes.
 */
import { h } from '../shared/dom';

export function createSash(
  label: string,
  onMove: (dy: number) => void,
  onEnd: () => void,
): HTMLDivElement {
  const sash = h('div', 'sash');
  sash.setAttribute('role', 'separator');
  sash.setAttribute('aria-orientation', 'horizontal');
  sash.setAttribute('aria-label', label);
  sash.tabIndex = 0;
  let lastY: number | null = null;
  sash.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    lastY = e.clientY;
    sash.setPointerCapture(e.pointerId);
    sash.classList.add('active');
    e.preventDefault();
  });
  sash.addEventListener('pointermove', (e) => {
    if (lastY === null) return;
    const dy = e.clientY - lastY;
    if (dy !== 0) {
      lastY = e.clientY;
      onMove(dy);
    }
  });
  const end = (e: PointerEvent): void => {
    if (lastY === null) return;
    lastY = null;
    sash.classList.remove('active');
    if (sash.hasPointerCapture(e.pointerId)) sash.releasePointerCapture(e.pointerId);
    onEnd();
  };
  sash.addEventListener('pointerup', end);
  sash.addEventListener('pointercancel', end);
  sash.addEventListener('keydown', (e) => {
    const step = e.shiftKey ? 50 : 10;
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      onMove(e.key === 'ArrowUp' ? -step : step);
      onEnd();
      e.preventDefault();
    }
  });
  return sash;
}
