/**
 * Charts drawn on the server as SVG with Apache ECharts (server-side rendering, no browser, no
 * script on the page), each with the same figures as a table and as CSV, and as PNG (sharp) for
 * the Word and PDF documents. One `ChartSpec` describes a chart once; every output comes from it,
 * so the picture, the table and the download cannot disagree.
 */
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { formatMoney, formatNumber, type Lang } from '../../i18n/index.js';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, SVGRenderer]);

export type ChartKind = 'bar' | 'stacked-bar' | 'horizontal-bar' | 'line' | 'pie';
/** How values are written: öre shown as kronor, plain numbers, or percentages (0–100). */
export type ChartValueFormat = 'money_minor' | 'number' | 'percent';

export interface ChartSeries {
  name: string;
  values: (number | null)[];
}

export interface ChartSpec {
  /** Stable and URL-safe: the export's file name and the figure's anchor, e.g. `funding-per-year`. */
  id: string;
  kind: ChartKind;
  title: string;
  /** The header of the category column in the table, e.g. "År" or "Land". */
  categoryLabel: string;
  categories: string[];
  series: ChartSeries[];
  valueFormat: ChartValueFormat;
  /** Currency of money values (ISO 4217); SEK unless told. */
  currency?: string;
  /** One or two sentences saying what the chart shows, for everyone (and screen readers). */
  summary: string;
}

/** Colours with at least 3:1 contrast against white (WCAG 1.4.11), distinguishable in grey too. */
export const PALETTE = ['#1f5fa8', '#b5470b', '#2e7d32', '#6a1b9a', '#7a6100', '#00695c', '#ad1457', '#455a64'];

export interface RenderOptions {
  width?: number;
  height?: number;
}

/** A value as text in the chart's format, e.g. "1 250 000 kr", "12 %", "1 234". */
export function formatChartValue(spec: Pick<ChartSpec, 'valueFormat' | 'currency'>, value: number | null, lang: Lang): string {
  if (value === null || !Number.isFinite(value)) return '–';
  switch (spec.valueFormat) {
    case 'money_minor':
      return formatMoney(lang, value, spec.currency ?? 'SEK');
    case 'percent':
      return `${formatNumber(lang, Math.round(value * 10) / 10)} %`;
    default:
      return formatNumber(lang, value);
  }
}

/** Values as the axis shows them: whole kronor for money. */
const axisValue = (spec: ChartSpec, v: number | null) => (v === null ? null : spec.valueFormat === 'money_minor' ? Math.round(v / 100) : v);

function option(spec: ChartSpec, lang: Lang): echarts.EChartsCoreOption {
  const base = { animation: false, color: PALETTE, textStyle: { fontFamily: 'Liberation Sans, Arial, Helvetica, sans-serif', fontSize: 13, color: '#1b1b1b' } };
  const axisLabel = { color: '#1b1b1b', fontSize: 12 };
  const valueAxis = {
    type: 'value',
    axisLabel: { ...axisLabel, formatter: (v: number) => (spec.valueFormat === 'percent' ? `${v} %` : formatNumber(lang, v)) },
    splitLine: { lineStyle: { color: '#d0d0d0' } },
    ...(spec.valueFormat === 'percent' ? { max: 100 } : {}),
  };
  const horizontal = spec.kind === 'horizontal-bar';
  // Category names beside horizontal bars wrap onto a second line (then are cut); under vertical bars they are cut.
  const categoryLabel = horizontal ? { width: 150, overflow: 'break', lineHeight: 14 } : { width: 110, overflow: 'truncate' };
  const categoryAxis = { type: 'category', data: spec.categories, axisLabel: { ...axisLabel, interval: 0, hideOverlap: !horizontal, ...categoryLabel }, axisLine: { lineStyle: { color: '#5a5a5a' } } };
  const legend = spec.series.length > 1 ? { top: 0, textStyle: { color: '#1b1b1b' } } : undefined;
  if (spec.kind === 'pie') {
    const s = spec.series[0] ?? { name: spec.title, values: [] };
    return {
      ...base,
      legend: { bottom: 0, textStyle: { color: '#1b1b1b' } },
      series: [{ type: 'pie', name: s.name, radius: ['35%', '65%'], label: { color: '#1b1b1b' }, data: spec.categories.map((c, i) => ({ name: c, value: axisValue(spec, s.values[i] ?? null) })) }],
    };
  }
  const grid = { left: horizontal ? 170 : 70, right: 24, top: legend ? 40 : 16, bottom: 40, containLabel: false };
  return {
    ...base,
    legend,
    grid,
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
    series: spec.series.map((s) => ({
      type: spec.kind === 'line' ? 'line' : 'bar',
      name: s.name,
      stack: spec.kind === 'stacked-bar' ? 'total' : undefined,
      data: s.values.map((v) => axisValue(spec, v)),
      barMaxWidth: 48,
    })),
  };
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** ECharts' inline styles that have an SVG presentation attribute of the same name. */
const SVG_STYLE_PROPERTIES = new Set(['font-size', 'font-family', 'font-weight', 'font-style', 'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'opacity', 'text-anchor', 'dominant-baseline']);

/**
 * ECharts' SVG made fit for a page under a strict Content-Security-Policy (`style-src 'self'`) and
 * for byte-identical output: its `<style>` block (hover effects, useless without script) and the
 * class names it styles go, so do its internal `ecmeta_*` attributes; `style="…"` attributes become
 * presentation attributes (which the policy allows), and its running `zrN-` ids become the chart's id.
 */
function cspSafe(svg: string, id: string): string {
  return svg
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/\sclass="zr\d+-cls-\d+"/g, '')
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/<([a-zA-Z]+)([^>]*?) style="([^"]*)"([^>]*)>/g, (_, tag: string, before: string, css: string, after: string) => {
      const attrs = `${before}${after}`;
      const extra = css
        .split(';')
        .map((d) => [d.slice(0, d.indexOf(':')).trim(), d.slice(d.indexOf(':') + 1).trim()] as const)
        .filter(([prop, value]) => SVG_STYLE_PROPERTIES.has(prop) && value !== '' && !attrs.includes(` ${prop}="`))
        .map(([prop, value]) => ` ${prop}="${value.replace(/"/g, '&quot;')}"`)
        .join('');
      return `<${tag}${attrs.replace(/\/$/, '')}${extra}${attrs.endsWith('/') ? '/' : ''}>`;
    })
    .replace(/\bzr\d+-/g, `${id}-`);
}

/**
 * The chart as a standalone SVG document: `role="img"`, named by its title, with a `<title>` and
 * `<desc>` (the summary) so it also makes sense outside the page; no inline styles (a page's CSP
 * forbids them) and the same bytes for the same chart.
 * @example renderChartSvg({ id: 'funding', kind: 'bar', title: 'Bidrag per år', … }, 'sv')
 */
export function renderChartSvg(spec: ChartSpec, lang: Lang, opts: RenderOptions = {}): string {
  const width = opts.width ?? 720;
  const height = opts.height ?? (spec.kind === 'horizontal-bar' ? Math.max(200, 60 + spec.categories.length * 28) : 340);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option(spec, lang));
    const svg = cspSafe(chart.renderToSVGString(), spec.id);
    const titleId = `chart-${spec.id}-title`;
    const descId = `chart-${spec.id}-desc`;
    return svg
      .replace(/^<svg /, `<svg role="img" aria-labelledby="${titleId} ${descId}" `)
      .replace(/(<svg[^>]*>)/, `$1<title id="${titleId}">${escapeXml(spec.title)}</title><desc id="${descId}">${escapeXml(spec.summary)}</desc>`);
  } finally {
    chart.dispose();
  }
}

/** A column of the table and the CSV that is not drawn (e.g. the counts behind a percentage), in its own format. */
export interface ChartExtraColumn extends ChartSeries {
  valueFormat: ChartValueFormat;
}

/** The drawn series in the chart's format, then the extra columns in theirs. */
const columnsOf = (spec: ChartSpec, extra: readonly ChartExtraColumn[]): ChartExtraColumn[] => [...spec.series.map((s) => ({ ...s, valueFormat: spec.valueFormat })), ...extra];

/** The chart's figures as rows for a table: the category, then one cell per series and per extra column. */
export function chartRows(spec: ChartSpec, lang: Lang, extra: readonly ChartExtraColumn[] = []): { header: string[]; rows: string[][] } {
  const columns = columnsOf(spec, extra);
  return {
    header: [spec.categoryLabel, ...columns.map((c) => c.name)],
    rows: spec.categories.map((category, i) => [category, ...columns.map((c) => formatChartValue({ valueFormat: c.valueFormat, currency: spec.currency }, c.values[i] ?? null, lang))]),
  };
}

const csvCell = (v: string) => (/[";\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * The chart's figures as CSV the way Swedish Excel opens it: UTF-8 with BOM, semicolons, decimal
 * comma; money in kronor with two decimals, no thousands separators. Extra columns follow the series.
 */
export function chartCsv(spec: ChartSpec, extra: readonly ChartExtraColumn[] = []): string {
  const columns = columnsOf(spec, extra);
  const num = (format: ChartValueFormat, v: number | null) => {
    if (v === null || !Number.isFinite(v)) return '';
    const n = format === 'money_minor' ? (v / 100).toFixed(2) : String(Math.round(v * 100) / 100);
    return n.replace('.', ',');
  };
  const header = [spec.categoryLabel, ...columns.map((c) => (c.valueFormat === 'money_minor' ? `${c.name} (${spec.currency ?? 'SEK'})` : c.name))];
  const lines = [header.map(csvCell).join(';'), ...spec.categories.map((category, i) => [csvCell(category), ...columns.map((c) => num(c.valueFormat, c.values[i] ?? null))].join(';'))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The SVG as PNG (sharp/librsvg), at `density` DPI (the SVG's own size is at 72). */
export async function svgToPng(svg: string, density = 144): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  return sharp(Buffer.from(svg), { density }).flatten({ background: '#ffffff' }).png().toBuffer();
}
