/**
 * chart.js configurations for the dashboard's chart data (src/core/report/chartData.ts),
 * and the way back from a clicked element to its display filter. Registers only the
 * controllers, elements, scales and plugins the dashboard uses (so the bundle stays small
 * and nothing needs eval: chart.js 4 runs under the strict CSP). Time charts use a linear
 * x axis in epoch ms (no date adapter) with min-max decimation, which keeps every bin's
 * peak, and chartjs-plugin-zoom on x (wheel, drag to pan, pinch). Two small plugins of our
 * own draw what chart.js has no element for: the gap bands and the percentile marks.
 */
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Decimation,
  DoughnutController,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  ScatterController,
  Tooltip,
  type ChartConfiguration,
  type ChartDataset,
  type ChartType,
  type Plugin,
} from 'chart.js';
import zoomPlugin from 'chartjs-plugin-zoom';
import {
  pointFilter,
  type BarChart,
  type Band,
  type ChartData,
  type HistogramChart,
  type PercentileMark,
  type ScatterChart,
  type TimeChart,
} from '../../src/core/report/chartData';
import { withAlpha } from './colorAlpha';
import type { ThemeColors } from './themeColors';

Chart.register(
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Decimation,
  DoughnutController,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  ScatterController,
  Tooltip,
  zoomPlugin,
);

/** Options our plugins read (per chart, under options.plugins). */
interface DashboardPluginOptions {
  bands?: { bands: Band[]; color: string };
  marks?: { marks: PercentileMark[]; color: string };
  background?: { color: string };
}

declare module 'chart.js' {
  // The type parameter must match chart.js's declaration, though these options ignore it.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface PluginOptionsByType<TType extends ChartType> {
    dnspectorBands?: DashboardPluginOptions['bands'];
    dnspectorMarks?: DashboardPluginOptions['marks'];
    dnspectorBackground?: DashboardPluginOptions['background'];
  }
}

/** Shaded rectangles over the time axis for the gaps, behind the lines. */
const bandsPlugin: Plugin = {
  id: 'dnspectorBands',
  beforeDatasetsDraw(chart, _args, opts) {
    const options = opts as DashboardPluginOptions['bands'];
    const x = chart.scales.x;
    if (!options?.bands || !x) return;
    const { ctx, chartArea } = chart;
    ctx.save();
    ctx.fillStyle = options.color;
    for (const b of options.bands) {
      const left = Math.max(chartArea.left, x.getPixelForValue(b.startMs));
      const right = Math.min(chartArea.right, x.getPixelForValue(b.endMs));
      if (right > left) ctx.fillRect(left, chartArea.top, right - left, chartArea.height);
    }
    ctx.restore();
  },
};

/** Vertical lines with labels at the percentiles of the response-time histogram. */
const marksPlugin: Plugin = {
  id: 'dnspectorMarks',
  afterDatasetsDraw(chart, _args, opts) {
    const options = opts as DashboardPluginOptions['marks'];
    const x = chart.scales.x;
    if (!options?.marks || !x) return;
    const { ctx, chartArea } = chart;
    ctx.save();
    ctx.strokeStyle = options.color;
    ctx.fillStyle = options.color;
    ctx.setLineDash([4, 3]);
    ctx.textAlign = 'center';
    options.marks.forEach((m, i) => {
      const px = x.getPixelForValue(m.bar) + (i - 1) * 6;
      ctx.beginPath();
      ctx.moveTo(px, chartArea.top + 12 * (i + 1));
      ctx.lineTo(px, chartArea.bottom);
      ctx.stroke();
      ctx.fillText(m.label, px, chartArea.top + 12 * (i + 1) - 2);
    });
    ctx.restore();
  },
};

/** An opaque background, so an exported PNG is readable outside the editor. */
const backgroundPlugin: Plugin = {
  id: 'dnspectorBackground',
  beforeDraw(chart, _args, opts) {
    const options = opts as DashboardPluginOptions['background'];
    if (!options?.color) return;
    const { ctx } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = options.color;
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

Chart.register(bandsPlugin, marksPlugin, backgroundPlugin);

function isoLabel(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.000Z$/, 'Z');
}

function percentText(value: number, total: number): string {
  return total > 0 ? ` (${((value / total) * 100).toFixed(1)}%)` : '';
}

function baseOptions(colors: ThemeColors) {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false as const,
    color: colors.foreground,
    plugins: {
      legend: { labels: { color: colors.foreground } },
      dnspectorBackground: { color: colors.background },
    },
  };
}

function axis(colors: ThemeColors, title?: string) {
  return {
    ticks: { color: colors.muted },
    grid: { color: colors.grid },
    ...(title ? { title: { display: true, text: title, color: colors.muted } } : {}),
  };
}

export function barConfig(
  chart: BarChart | HistogramChart,
  colors: ThemeColors,
  horizontal = false,
): ChartConfiguration<'bar'> {
  const color = colors.series[0] ?? colors.foreground;
  return {
    type: 'bar',
    data: {
      labels: chart.bars.map((b) => b.label),
      datasets: [
        {
          label: chart.unit || 'count',
          data: chart.bars.map((b) => b.value),
          backgroundColor: withAlpha(color, 0.7),
          borderColor: color,
          borderWidth: 1,
        },
      ],
    },
    options: {
      ...baseOptions(colors),
      indexAxis: horizontal ? 'y' : 'x',
      scales: { x: axis(colors), y: axis(colors) },
      plugins: {
        ...baseOptions(colors).plugins,
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (item) => {
              const v = Number(item.raw);
              return `${v}${percentText(v, chart.total)}`;
            },
          },
        },
        ...(chart.kind === 'histogram'
          ? { dnspectorMarks: { marks: chart.marks, color: colors.accent } }
          : {}),
      },
    },
  };
}

export function doughnutConfig(
  chart: BarChart,
  colors: ThemeColors,
): ChartConfiguration<'doughnut'> {
  return {
    type: 'doughnut',
    data: {
      labels: chart.bars.map((b) => b.label),
      datasets: [
        {
          label: chart.unit,
          data: chart.bars.map((b) => b.value),
          backgroundColor: chart.bars.map((_, i) => colors.series[i % colors.series.length] ?? ''),
          borderColor: colors.background,
        },
      ],
    },
    options: {
      ...baseOptions(colors),
      plugins: {
        ...baseOptions(colors).plugins,
        legend: { position: 'right', labels: { color: colors.foreground } },
        tooltip: {
          callbacks: {
            label: (item) => {
              const v = Number(item.raw);
              return `${item.label}: ${v}${percentText(v, chart.total)}`;
            },
          },
        },
      },
    },
  };
}

export function timeConfig(chart: TimeChart, colors: ThemeColors): ChartConfiguration<'line'> {
  const datasets: ChartDataset<'line', { x: number; y: number | null }[]>[] = chart.lines.map(
    (l, i) => {
      const color = colors.series[i % colors.series.length] ?? colors.foreground;
      return {
        label: l.label,
        data: l.points.map((p) => ({ x: p.x, y: p.y })),
        borderColor: l.highlight ? color : withAlpha(color, 0.55),
        backgroundColor: color,
        borderWidth: l.highlight ? 2.5 : 1,
        pointRadius: l.points.length > 200 ? 0 : 2,
        pointHitRadius: 6,
        spanGaps: false,
        parsing: false as const,
        normalized: true,
      };
    },
  );
  const base = baseOptions(colors);
  return {
    type: 'line',
    data: { datasets },
    options: {
      ...base,
      // Decimation runs only when the chart (not just its datasets) skips parsing.
      parsing: false,
      interaction: { mode: 'nearest', intersect: false, axis: 'x' },
      scales: {
        x: {
          type: 'linear',
          ...axis(colors, `bin start (UTC), ${chart.binSeconds} s bins`),
          ticks: { color: colors.muted, maxRotation: 0, callback: (v) => isoLabel(Number(v)) },
        },
        y: { ...axis(colors, chart.unit), beginAtZero: true },
      },
      plugins: {
        ...base.plugins,
        decimation: { enabled: true, algorithm: 'min-max' },
        tooltip: { callbacks: { title: (items) => isoLabel(Number(items[0]?.parsed.x ?? 0)) } },
        zoom: {
          zoom: { wheel: { enabled: true }, pinch: { enabled: true }, mode: 'x' },
          pan: { enabled: true, mode: 'x' },
        },
        dnspectorBands: { bands: chart.bands, color: colors.band },
      },
    },
  };
}

export function scatterConfig(
  chart: ScatterChart,
  colors: ThemeColors,
): ChartConfiguration<'scatter'> {
  const point = colors.series[0] ?? colors.foreground;
  const datasets: ChartDataset<'scatter', { x: number; y: number }[]>[] = [
    {
      label: 'bins',
      data: chart.points.map((p) => ({ x: p.x, y: p.y })),
      backgroundColor: withAlpha(point, 0.75),
      borderColor: point,
      pointRadius: 3,
    },
  ];
  if (chart.fit) {
    datasets.push({
      label: `fit: slope ${chart.fit.slope.toFixed(3)}, R² ${chart.fit.r2?.toFixed(4) ?? 'n/a'}`,
      data: [chart.fit.from, chart.fit.to],
      showLine: true,
      borderColor: colors.accent,
      backgroundColor: colors.accent,
      pointRadius: 0,
      borderWidth: 2,
    });
  }
  return {
    type: 'scatter',
    data: { datasets },
    options: {
      ...baseOptions(colors),
      scales: {
        x: { ...axis(colors, chart.xLabel), beginAtZero: true },
        y: { ...axis(colors, chart.yLabel), beginAtZero: true },
      },
    },
  };
}

/** The display filter of the element clicked (dataset, index), if it has one. */
export function elementFilter(
  chart: ChartData,
  datasetIndex: number,
  index: number,
): string | undefined {
  switch (chart.kind) {
    case 'bars':
    case 'histogram':
      return chart.bars[index]?.filter;
    case 'time':
      return pointFilter(chart, datasetIndex, index);
    case 'scatter':
      return datasetIndex === 0 ? chart.points[index]?.filter : undefined;
  }
}

/** The gap band at time `ms`, if any. */
export function bandAt(chart: TimeChart, ms: number): Band | undefined {
  return chart.bands.find((b) => ms >= b.startMs && ms <= b.endMs);
}
