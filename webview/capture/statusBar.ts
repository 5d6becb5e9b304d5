/**
 * The status bar under the panes: "Packets: N · Displayed: M · indexing 45%…", the
 * indexer's problems (a capture that ends early) and the last transient message.
 */
import type { IndexProgress, ViewInfo } from '../../src/core/protocol/captureMessages';
import { codicon, h } from '../shared/dom';

/** The counts text, e.g. "Packets: 120 · Displayed: 40 · indexing 45%…". */
export function countsText(
  view: ViewInfo,
  progress: IndexProgress | null,
  unit: 'packet' | 'line' = 'packet',
): string {
  const parts = [
    `${unit === 'line' ? 'Lines' : 'Packets'}: ${view.packets}`,
    `Displayed: ${view.total}`,
  ];
  if (progress && !progress.done) {
    parts.push(
      progress.totalBytes > 0
        ? `indexing ${Math.min(99, Math.floor((progress.bytesRead / progress.totalBytes) * 100))}%…`
        : 'indexing…',
    );
  } else if (!view.complete) parts.push('filtering…');
  return parts.join(' · ');
}

export class StatusBar {
  readonly element = h('div', 'status-bar');
  private readonly counts = h('span', 'status-counts');
  private readonly problems = h('span', 'status-problems');
  private readonly message = h('span', 'status-message');

  constructor() {
    this.element.setAttribute('role', 'status');
    this.problems.hidden = true;
    this.element.append(this.counts, this.problems, this.message);
  }

  /** Rows are packets (captures) or lines (query logs). */
  unit: 'packet' | 'line' = 'packet';

  update(view: ViewInfo, progress: IndexProgress | null): void {
    this.counts.textContent = countsText(view, progress, this.unit);
    const problems = progress?.problems ?? [];
    this.problems.hidden = problems.length === 0;
    this.problems.replaceChildren(
      ...(problems.length > 0
        ? [codicon('warning'), document.createTextNode(problems.join('; '))]
        : []),
    );
    this.problems.title = problems.join('\n');
  }

  setMessage(text: string, kind: 'info' | 'error' = 'info'): void {
    this.message.textContent = text;
    this.message.classList.toggle('error', kind === 'error');
  }
}
