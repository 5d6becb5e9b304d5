/**
 * One chart of the dashboard on the page: a titled card with its toolbar (Table, PNG, CSV,
 * and Reset zoom on time charts), the chart.js canvas and, when toggled, the chart's data
 * as an HTML table (textContent only) whose rows have a "Show packets" button: the
 * keyboard's way to what a click on the chart does. The card keeps its chart.js instance
 * and updates it in place (chart.update('none')) so zoom survives live updates.
 */
import { Chart, type ChartConfiguration } from 'chart.js';
import type { ChartData } from '../../src/core/report/chartData';
import { chartCsv, chartTable } from '../../src/core/report/chartTables';
import { codicon, h } from '../shared/dom';
import { bandAt, elementFilter } from './chartConfigs';

export interface CardHost {
  applyFilter(filter: string): void;
  savePng(file: string, dataUrl: string): void;
  saveCsv(file: string, csv: string): void;
  /** Every chart instance by id (the test hook window.__DNSPECTOR_CHARTS__). */
  register(id: string, chart: Chart | undefined): void;
}

function button(label: string, icon: string, className = 'card-button'): HTMLButtonElement {
  const b = h('button', className);
  b.type = 'button';
  b.append(codicon(icon), h('span', undefined, label));
  return b;
}

type AnyConfig = ChartConfiguration<'bar' | 'line' | 'scatter' | 'doughnut'>;

export class ChartCard {
  readonly element: HTMLElement;
  readonly heading: HTMLElement;
  readonly controls: HTMLElement;
  private readonly box: HTMLElement;
  private readonly tableBox: HTMLElement;
  private readonly tableToggle: HTMLButtonElement;
  private readonly note: HTMLElement;
  private chart: Chart | undefined;
  private data: ChartData;

  constructor(
    readonly id: string,
    data: ChartData,
    private readonly host: CardHost,
    private readonly options: {
      zoomable?: boolean;
      tall?: boolean;
      /** Also called with the clicked element's index (e.g. to expand a client). */
      onElement?: (index: number) => void;
    } = {},
  ) {
    this.data = data;
    this.element = h('section', 'chart-card');
    this.element.id = `chart-${id}`;
    this.element.setAttribute('aria-labelledby', `chart-${id}-title`);
    this.heading = h('h2', 'chart-title', data.title);
    this.heading.id = `chart-${id}-title`;
    this.heading.tabIndex = -1;
    const toolbar = h('div', 'card-toolbar');
    toolbar.setAttribute('role', 'toolbar');
    toolbar.setAttribute('aria-label', `${data.title} actions`);
    this.controls = h('span', 'card-controls');
    this.tableToggle = button('Table', 'table', 'card-button table-toggle');
    this.tableToggle.setAttribute('aria-pressed', 'false');
    this.tableToggle.addEventListener('click', () => this.toggleTable());
    const png = button('PNG', 'file-media', 'card-button png-button');
    png.addEventListener('click', () => this.exportPng());
    const csv = button('CSV', 'file-text', 'card-button csv-button');
    csv.addEventListener('click', () => this.host.saveCsv(`${id}.csv`, chartCsv(this.data)));
    toolbar.append(this.controls, this.tableToggle, png, csv);
    if (options.zoomable) {
      const reset = button('Reset zoom', 'zoom-out', 'card-button reset-zoom');
      reset.addEventListener('click', () => this.chart?.resetZoom());
      toolbar.append(reset);
    }
    this.note = h('p', 'chart-note');
    this.box = h('div', options.tall ? 'chart-box tall' : 'chart-box');
    this.tableBox = h('div', 'chart-table table-wrap');
    this.tableBox.hidden = true;
    this.element.append(this.heading, toolbar, this.note, this.box, this.tableBox);
  }

  /** Shows `config` (a new chart, or the same chart's data and options updated in place). */
  render(data: ChartData, config: AnyConfig, note = ''): void {
    this.data = data;
    this.heading.textContent = data.title;
    this.note.textContent = note;
    this.note.hidden = note === '';
    if (!this.tableBox.hidden) this.fillTable();
    const existing = this.chart;
    if (existing && (existing.config as { type?: string }).type === config.type) {
      existing.data = config.data as typeof existing.data;
      // Keep the zoomed or panned x range (the scale's current limits) across the update.
      const scale = existing.scales.x;
      const options = this.withClick(config).options ?? {};
      const x = (options.scales as Record<string, { min?: number; max?: number }> | undefined)?.x;
      if (existing.isZoomedOrPanned?.() && scale && x) {
        x.min = scale.min;
        x.max = scale.max;
      }
      existing.options = options as typeof existing.options;
      existing.update('none');
      return;
    }
    existing?.destroy();
    const canvas = h('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', `${data.title} chart; the Table button shows its data`);
    this.box.replaceChildren(canvas);
    const chart = new Chart(canvas, this.withClick(config));
    this.chart = chart;
    this.host.register(this.id, chart);
  }

  private withClick(config: AnyConfig): ChartConfiguration {
    return {
      ...config,
      options: {
        ...config.options,
        onClick: (event, elements, c) => this.clicked(event, elements, c),
      },
    } as ChartConfiguration;
  }

  private clicked(
    event: { x: number | null },
    elements: { datasetIndex: number; index: number }[],
    chart: Chart,
  ): void {
    // In a time chart a click inside a gap band means the gap (the bins there are empty).
    if (this.data.kind === 'time' && event.x !== null) {
      const x = chart.scales.x?.getValueForPixel(event.x);
      const band = x === undefined ? undefined : bandAt(this.data, x);
      if (band) {
        this.host.applyFilter(band.filter);
        return;
      }
    }
    const hit = elements[0];
    if (!hit) return;
    this.options.onElement?.(hit.index);
    const filter = elementFilter(this.data, hit.datasetIndex, hit.index);
    if (filter) this.host.applyFilter(filter);
  }

  private toggleTable(): void {
    const show = this.tableBox.hidden;
    this.tableBox.hidden = !show;
    this.tableToggle.setAttribute('aria-pressed', String(show));
    if (show) this.fillTable();
  }

  /** The filters of the table's rows (bars and scatter points have one each). */
  private rowFilters(): (string | undefined)[] {
    switch (this.data.kind) {
      case 'bars':
      case 'histogram':
        return this.data.bars.map((b) => b.filter);
      case 'scatter':
        return this.data.points.map((p) => p.filter);
      case 'time':
        return [];
    }
  }

  private fillTable(): void {
    const t = chartTable(this.data);
    const filters = this.rowFilters();
    const table = h('table', 'report-table');
    table.append(h('caption', undefined, this.data.title));
    const head = h('tr');
    for (const c of t.columns) {
      const th = h('th', undefined, c);
      th.scope = 'col';
      head.append(th);
    }
    if (filters.length > 0) head.append(h('th', undefined, 'packets'));
    const thead = h('thead');
    thead.append(head);
    const tbody = h('tbody');
    t.rows.forEach((row, i) => {
      const tr = h('tr');
      row.forEach((cell, j) => tr.append(h('td', j > 0 ? 'num' : undefined, cell)));
      const filter = filters[i];
      if (filters.length > 0) {
        const td = h('td');
        if (filter) {
          const b = h('button', 'row-filter', 'Show packets');
          b.type = 'button';
          b.title = filter;
          b.addEventListener('click', () => this.host.applyFilter(filter));
          td.append(b);
        }
        tr.append(td);
      }
      tbody.append(tr);
    });
    table.append(thead, tbody);
    this.tableBox.replaceChildren(table);
  }

  private exportPng(): void {
    if (this.chart) this.host.savePng(`${this.id}.png`, this.chart.toBase64Image('image/png', 1));
  }

  /** The chart's PNG (for the Markdown export). */
  png(): string | undefined {
    return this.chart?.toBase64Image('image/png', 1);
  }

  destroy(): void {
    this.chart?.destroy();
    this.chart = undefined;
    this.host.register(this.id, undefined);
  }
}
