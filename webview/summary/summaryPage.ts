/**
 * The summary view's page: two tabs, the Dashboard (dashboardView.ts: chart.js charts that
 * lead to the packets) and the Report (the report as a readable document: findings first,
 * then every section's sentences, lists and tables, and the input files with their
 * problems), under one toolbar of exports. Built with createElement/textContent only (webview/shared/
 * dom.ts): addresses, query names and log text are never parsed as HTML. The page keeps
 * nothing but what it was last shown, which main.ts saves with setState.
 */
import type { ReportBlock, ReportSection } from '../../src/core/report/reportSections';
import type {
  SummaryExportFormat,
  SummaryFileInfo,
  SummaryToHost,
  SummaryToWebview,
  SummaryView,
} from '../../src/core/protocol/summaryMessages';
import { codicon, h } from '../shared/dom';
import { DashboardView } from './dashboardView';

const exportButtons: { format: SummaryExportFormat; label: string; icon: string }[] = [
  { format: 'markdown', label: 'Export Markdown', icon: 'markdown' },
  { format: 'csv', label: 'Export CSV', icon: 'table' },
  { format: 'json', label: 'Export JSON', icon: 'json' },
];

const formatNames: Record<SummaryExportFormat, string> = {
  markdown: 'Markdown',
  csv: 'CSV',
  json: 'JSON',
};

export interface PageHost {
  post(message: SummaryToHost): void;
  /** Remembers the shown view across the page being hidden and shown again. */
  save(view: SummaryView): void;
}

function blockElement(block: ReportBlock): HTMLElement {
  switch (block.kind) {
    case 'text':
      return h('p', 'text', block.text);
    case 'list': {
      const ul = h('ul', 'list');
      for (const item of block.items) ul.append(h('li', undefined, item));
      return ul;
    }
    case 'table': {
      const { table } = block;
      const el = h('table', 'report-table');
      if (block.caption) el.append(h('caption', undefined, block.caption));
      const headRow = h('tr');
      table.columns.forEach((c, i) => {
        const th = h('th', table.align[i] === 'right' ? 'num' : undefined, c);
        th.scope = 'col';
        headRow.append(th);
      });
      const head = h('thead');
      head.append(headRow);
      el.append(head);
      const body = h('tbody');
      if (table.rows.length === 0) {
        const td = h('td', 'none', '(none)');
        td.colSpan = Math.max(1, table.columns.length);
        const tr = h('tr');
        tr.append(td);
        body.append(tr);
      }
      for (const row of table.rows) {
        const tr = h('tr');
        row.forEach((cell, i) =>
          tr.append(h('td', table.align[i] === 'right' ? 'num' : undefined, cell)),
        );
        body.append(tr);
      }
      el.append(body);
      const wrap = h('div', 'table-wrap');
      wrap.append(el);
      return wrap;
    }
  }
}

function sectionElement(section: ReportSection, id: string): HTMLElement {
  const el = h('section', `report-section ${id}`);
  el.setAttribute('aria-labelledby', `${id}-title`);
  const title = h('h2', undefined, section.title);
  title.id = `${id}-title`;
  el.append(title);
  for (const block of section.blocks) el.append(blockElement(block));
  return el;
}

function fileLine(file: SummaryFileInfo): HTMLElement {
  const li = h('li', `file file-${file.status}`);
  const icon = file.status === 'ok' ? 'pass' : file.status === 'damaged' ? 'warning' : 'error';
  li.append(codicon(icon, 'file-icon'));
  const name = h('span', 'file-name', file.name);
  name.title = file.path;
  li.append(name);
  const what = file.kind === 'log' ? 'query log' : 'capture';
  li.append(h('span', 'file-format', file.format ? ` ${what}: ${file.format}` : ` ${what}`));
  if (file.status !== 'ok') li.append(h('span', 'file-status', ` (${file.status})`));
  if (file.problems.length > 0) {
    const problems = h('ul', 'file-problems');
    for (const p of file.problems) problems.append(h('li', undefined, p));
    li.append(problems);
  }
  return li;
}

function filesSection(files: readonly SummaryFileInfo[]): HTMLElement {
  const el = h('section', 'report-section files');
  el.setAttribute('aria-labelledby', 'files-title');
  const title = h('h2', undefined, files.length === 1 ? 'File' : 'Files');
  title.id = 'files-title';
  el.append(title);
  const list = h('ul', 'file-list');
  for (const f of files) list.append(fileLine(f));
  el.append(list);
  return el;
}

type Tab = 'dashboard' | 'report';

export class SummaryPage {
  private readonly status: HTMLElement;
  private readonly content: HTMLElement;
  private readonly dashboard: DashboardView;
  private readonly tabs = new Map<Tab, { button: HTMLButtonElement; panel: HTMLElement }>();
  private readonly heading: HTMLElement;
  private readonly subtitle: HTMLElement;

  constructor(
    root: HTMLElement,
    private readonly host: PageHost,
  ) {
    const header = h('header', 'summary-header');
    this.heading = h('h1', undefined, 'DNS traffic summary');
    this.subtitle = h('p', 'subtitle', 'Waiting for the report...');
    const toolbar = h('div', 'toolbar');
    toolbar.setAttribute('role', 'toolbar');
    toolbar.setAttribute('aria-label', 'Export');
    for (const b of exportButtons) {
      const button = h('button', 'export-button');
      button.type = 'button';
      button.dataset.format = b.format;
      button.append(codicon(b.icon), h('span', undefined, b.label));
      button.addEventListener('click', () => this.requestExport(b.format));
      toolbar.append(button);
    }
    const md = h('button', 'export-button export-dashboard');
    md.type = 'button';
    md.append(codicon('graph'), h('span', undefined, 'Export Dashboard'));
    md.addEventListener('click', () => this.exportDashboard());
    toolbar.append(md);
    this.status = h('span', 'status');
    this.status.setAttribute('role', 'status');
    this.status.setAttribute('aria-live', 'polite');
    toolbar.append(this.status);
    const tabList = h('div', 'tabs');
    tabList.setAttribute('role', 'tablist');
    header.append(this.heading, this.subtitle, toolbar, tabList);
    this.dashboard = new DashboardView((m) => this.host.post(m));
    this.content = h('div', 'summary-content');
    const main = h('main');
    for (const [tab, label, panel] of [
      ['dashboard', 'Dashboard', this.dashboard.element],
      ['report', 'Report', this.content],
    ] as const) {
      const button = h('button', 'tab', label);
      button.type = 'button';
      button.id = `tab-${tab}`;
      button.setAttribute('role', 'tab');
      button.setAttribute('aria-controls', `panel-${tab}`);
      button.addEventListener('click', () => this.select(tab));
      button.addEventListener('keydown', (e) => {
        if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
          const other: Tab = tab === 'dashboard' ? 'report' : 'dashboard';
          this.select(other);
          this.tabs.get(other)?.button.focus();
        }
      });
      panel.id = `panel-${tab}`;
      panel.setAttribute('role', 'tabpanel');
      panel.setAttribute('aria-labelledby', button.id);
      tabList.append(button);
      main.append(panel);
      this.tabs.set(tab, { button, panel });
    }
    this.select('dashboard');
    root.replaceChildren(header, main);
  }

  private select(tab: Tab): void {
    for (const [t, { button, panel }] of this.tabs) {
      const on = t === tab;
      button.setAttribute('aria-selected', String(on));
      button.tabIndex = on ? 0 : -1;
      panel.hidden = !on;
    }
  }

  private exportDashboard(): void {
    const out = this.dashboard.markdownExport();
    if (!out) return;
    this.status.textContent = 'Exporting the dashboard...';
    this.host.post({ kind: 'saveDashboard', ...out });
  }

  private requestExport(format: SummaryExportFormat): void {
    this.status.textContent = `Exporting ${formatNames[format]}...`;
    this.host.post({ kind: 'export', format });
  }

  show(view: SummaryView, partial = false): void {
    const doc = view.document;
    this.heading.textContent = `${doc.title}: ${view.title}`;
    this.subtitle.textContent = doc.subtitle;
    this.status.textContent = '';
    const parts: HTMLElement[] = [];
    const [first, ...rest] = doc.sections;
    // Findings first, then the files when one has a problem (they qualify every figure).
    if (first) parts.push(sectionElement(first, 'section-0'));
    const troubled = view.files.some((f) => f.problems.length > 0 || f.status !== 'ok');
    if (troubled) parts.push(filesSection(view.files));
    rest.forEach((s, i) => parts.push(sectionElement(s, `section-${i + 1}`)));
    if (!troubled) parts.push(filesSection(view.files));
    this.content.replaceChildren(...parts);
    this.dashboard.show(view.report, view.title);
    if (partial) this.status.textContent = 'Reading... (partial results, updating)';
    else this.host.save(view);
  }

  /** A message from the host; anything unknown is ignored. */
  handle(message: unknown): void {
    const m = message as SummaryToWebview | undefined;
    switch (m?.kind) {
      case 'show':
        this.show(m.view, m.partial === true);
        break;
      case 'saved':
        this.status.textContent = `Saved to ${m.target}`;
        break;
      case 'saveFailed':
        this.status.textContent = `Saving failed: ${m.message}`;
        break;
      case 'exported':
        this.status.textContent = `${formatNames[m.format]} written to ${m.target}`;
        break;
      case 'exportFailed':
        this.status.textContent = `${formatNames[m.format]} export failed: ${m.message}`;
        break;
      default:
        break;
    }
  }
}
