/**
 * The summary's dashboard tab: findings in plain language on top (each a link that scrolls
 * to and focuses its chart), then the charts of src/core/report/chartData.ts: the type mix
 * (doughnut and sorted bar, switchable to rcode/opcode/class/transport/EDNS/DO/RD), the
 * query rate over time with its bin choice and the gaps, A vs AAAA with the fit, the
 * AAAA/A ratio, top clients (each expandable to its type mix) and names, the top clients
 * over time, transactions and response times. Clicking an element posts `applyFilter`;
 * the bin choice posts `setBin` (the host summarizes again with that bin). A new `show`
 * (live updates while a big file is read, or a new bin) updates the charts in place.
 */
import type { Chart } from 'chart.js';
import {
  MIX_KINDS,
  MIX_LABELS,
  clientMixChart,
  dashboard,
  findingChart,
  type ChartId,
  type Dashboard,
  type MixKind,
} from '../../src/core/report/chartData';
import { dashboardMarkdown } from '../../src/core/report/chartTables';
import type { SummaryReport } from '../../src/core/report/summaryReport';
import type {
  ChartImage,
  SummaryBin,
  SummaryToHost,
} from '../../src/core/protocol/summaryMessages';
import { SUMMARY_BINS } from '../../src/core/protocol/summaryMessages';
import { h } from '../shared/dom';
import { ChartCard, type CardHost } from './chartCard';
import { barConfig, doughnutConfig, scatterConfig, timeConfig } from './chartConfigs';
import { readThemeColors, watchTheme, type ThemeColors } from './themeColors';

declare global {
  interface Window {
    /** The chart.js instances by chart id (for tests reading chart.data). */
    __DNSPECTOR_CHARTS__?: Record<string, Chart>;
  }
}

const BIN_LABELS: Record<SummaryBin, string> = {
  auto: 'auto',
  '1s': '1 second',
  '1m': '1 minute',
  '1h': '1 hour',
  '1d': '1 day',
};

const BIN_SECONDS: Record<number, SummaryBin> = { 1: '1s', 60: '1m', 3600: '1h', 86400: '1d' };

function select<T extends string>(
  label: string,
  values: readonly T[],
  names: Record<T, string>,
  onChange: (v: T) => void,
): HTMLSelectElement {
  const el = h('select', 'card-select');
  el.setAttribute('aria-label', label);
  for (const v of values) {
    const o = h('option', undefined, names[v]);
    o.value = v;
    el.append(o);
  }
  el.addEventListener('change', () => onChange(el.value as T));
  return el;
}

function formatSeconds(s: number): string {
  return s < 1 ? `${+(s * 1000).toPrecision(3)} ms` : `${+s.toPrecision(4)} s`;
}

export class DashboardView {
  readonly element: HTMLElement;
  private readonly findings: HTMLElement;
  private readonly cards = new Map<string, ChartCard>();
  private readonly charts: Record<string, Chart> = {};
  private report: SummaryReport | undefined;
  private title = '';
  private mix: MixKind = 'qtype';
  private client = '';
  private colors: ThemeColors;
  private readonly mixSelect: HTMLSelectElement;
  private readonly binSelect: HTMLSelectElement;
  private readonly clientSelect: HTMLSelectElement;

  constructor(private readonly post: (m: SummaryToHost) => void) {
    this.element = h('div', 'dashboard');
    this.findings = h('section', 'findings');
    this.findings.setAttribute('aria-label', 'Findings');
    this.colors = readThemeColors();
    window.__DNSPECTOR_CHARTS__ = this.charts;
    const cardHost: CardHost = {
      applyFilter: (filter) => this.post({ kind: 'applyFilter', filter }),
      savePng: (file, dataUrl) => this.post({ kind: 'saveChart', image: { file, dataUrl } }),
      saveCsv: (file, csv) => this.post({ kind: 'saveCsv', file, csv }),
      register: (id, chart) => {
        if (chart) this.charts[id] = chart;
        else delete this.charts[id];
      },
    };
    const card = (
      id: string,
      zoomable = false,
      tall = false,
      onElement?: (index: number) => void,
    ): ChartCard => {
      const c = new ChartCard(
        id,
        { kind: 'bars', title: id, unit: '', bars: [], total: 0 },
        cardHost,
        { zoomable, tall, ...(onElement ? { onElement } : {}) },
      );
      this.cards.set(id, c);
      return c;
    };
    this.mixSelect = select('Mix', MIX_KINDS, MIX_LABELS, (v) => {
      this.mix = v;
      this.render();
    });
    this.mixSelect.value = this.mix;
    this.binSelect = select('Time bin', SUMMARY_BINS, BIN_LABELS, (bin) =>
      this.post({ kind: 'setBin', bin }),
    );
    this.clientSelect = h('select', 'card-select');
    this.clientSelect.setAttribute('aria-label', 'Client whose query types to show');
    this.clientSelect.addEventListener('change', () => {
      this.client = this.clientSelect.value;
      this.render();
    });

    const mix = card('mix');
    const mixDoughnut = card('mixDoughnut');
    mix.controls.append(this.mixSelect);
    const mixRow = h('div', 'card-row');
    mixRow.append(mixDoughnut.element, mix.element);
    const rate = card('rate', true, true);
    rate.controls.append(this.binSelect);
    // A click on a client also shows its type mix beside.
    const clients = card('clients', false, true, (index) => {
      const address = this.report?.topClients.all[index]?.address;
      if (address === undefined) return;
      this.client = address;
      this.clientSelect.value = address;
      this.render();
    });
    const clientMix = card('clientMix');
    clientMix.controls.append(this.clientSelect);
    const clientRow = h('div', 'card-row');
    clientRow.append(clients.element, clientMix.element);
    const pairs = (a: ChartCard, b: ChartCard): HTMLElement => {
      const row = h('div', 'card-row');
      row.append(a.element, b.element);
      return row;
    };
    this.element.append(
      this.findings,
      mixRow,
      rate.element,
      pairs(card('aVsAaaa'), card('ratio', true)),
      clientRow,
      card('names', false, true).element,
      card('clientSeries', true, true).element,
      pairs(card('transactions'), card('responseTimes')),
      card('responseTimeSeries', true).element,
    );
    watchTheme(() => {
      this.colors = readThemeColors();
      this.render();
    });
  }

  /** Shows a report (a new one, or a fresher partial one: charts update in place). */
  show(report: SummaryReport, title: string): void {
    this.report = report;
    this.title = title;
    const clients = report.topClients.all.map((c) => c.address);
    if (!clients.includes(this.client)) this.client = clients[0] ?? '';
    this.clientSelect.replaceChildren(
      ...clients.map((a) => {
        const o = h('option', undefined, a);
        o.value = a;
        return o;
      }),
    );
    this.clientSelect.value = this.client;
    const bin =
      report.series.requestedBinSeconds === null
        ? 'auto'
        : BIN_SECONDS[report.series.requestedBinSeconds];
    if (bin) this.binSelect.value = bin;
    this.renderFindings(report);
    this.render();
  }

  private renderFindings(report: SummaryReport): void {
    const items = report.findings.map((f) => {
      const li = h('li', `finding finding-${f.kind}`);
      li.append(h('span', 'finding-text', f.text + ' '));
      const target = findingChart(f.kind);
      const link = h('button', 'finding-link', 'Show chart');
      link.type = 'button';
      link.dataset.chart = target;
      link.addEventListener('click', () => this.reveal(target));
      li.append(link);
      return li;
    });
    const heading = h('h2', undefined, 'Findings');
    const list = h('ul', 'finding-list');
    if (items.length === 0) list.append(h('li', 'finding none', 'Nothing stands out.'));
    list.append(...items);
    this.findings.replaceChildren(heading, list);
  }

  /** Scrolls to a chart and focuses its heading. */
  reveal(id: ChartId): void {
    const card = this.cards.get(id);
    if (!card) return;
    card.element.scrollIntoView({ block: 'start' });
    card.heading.focus();
  }

  private charts_(): Dashboard | undefined {
    return this.report ? dashboard(this.report, this.mix) : undefined;
  }

  private render(): void {
    const report = this.report;
    const d = this.charts_();
    if (!report || !d) return;
    const c = this.colors;
    const get = (id: string): ChartCard => this.cards.get(id) as ChartCard;
    get('mix').render(d.mix, barConfig(d.mix, c), `${d.mix.total} ${d.mix.unit}`);
    get('mixDoughnut').render(
      { ...d.mix, title: `${d.mix.title} (share)` },
      doughnutConfig(d.mix, c),
    );
    const series = report.series;
    const binNote = `${series.binSeconds} s bins (${series.binChoice})${series.binNote ? `: ${series.binNote}` : ''}`;
    const gaps = report.gaps
      .map(
        (g) => `${g.source === '*' ? 'all traffic' : g.source} silent ${formatSeconds(g.seconds)}`,
      )
      .join('; ');
    get('rate').render(d.rate, timeConfig(d.rate, c), gaps ? `${binNote}. Gaps: ${gaps}` : binNote);
    const fit = d.aVsAaaa.fit;
    get('aVsAaaa').render(
      d.aVsAaaa,
      scatterConfig(d.aVsAaaa, c),
      fit
        ? `AAAA = ${fit.slope.toFixed(3)} × A + ${fit.intercept.toFixed(3)}, R² = ${fit.r2 === null ? 'n/a' : fit.r2.toFixed(4)} over ${d.aVsAaaa.points.length} bins`
        : 'No fit: fewer than 2 bins, or A never varies.',
    );
    get('ratio').render(d.ratio, timeConfig(d.ratio, c));
    get('clients').render(
      d.clients,
      barConfig(d.clients, c, true),
      'Click a client for its queries.',
    );
    const mixOf = clientMixChart(report, this.client);
    get('clientMix').render(mixOf, barConfig(mixOf, c));
    get('names').render(d.names, barConfig(d.names, c, true));
    get('clientSeries').render(d.clientSeries, timeConfig(d.clientSeries, c));
    get('transactions').render(
      d.transactions,
      barConfig(d.transactions, c),
      `${report.totals.transactions} transactions`,
    );
    const rt = d.responseTimes;
    get('responseTimes').render(
      rt,
      barConfig(rt, c),
      rt.marks.map((m) => `${m.label} ${formatSeconds(m.seconds)}`).join(', ') +
        " (from the first query, as tshark's dns.time)",
    );
    get('responseTimeSeries').render(d.responseTimeSeries, timeConfig(d.responseTimeSeries, c));
  }

  /** The dashboard as Markdown with one PNG per chart, for the host to write to a folder. */
  markdownExport(): { markdown: string; images: ChartImage[] } | undefined {
    const d = this.charts_();
    if (!d || !this.report) return undefined;
    const images: ChartImage[] = [];
    const names: Partial<Record<ChartId, string>> = {};
    for (const id of Object.keys(d) as ChartId[]) {
      const dataUrl = this.cards.get(id)?.png();
      if (!dataUrl) continue;
      names[id] = `${id}.png`;
      images.push({ file: `${id}.png`, dataUrl });
    }
    const markdown = dashboardMarkdown(
      `DNS traffic dashboard: ${this.title}`,
      this.report.findings.map((f) => f.text),
      d,
      names,
    );
    return { markdown, images };
  }
}
