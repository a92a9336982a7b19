/**
 * The dashboard's charts as `ChartSpec`s (src/features/charts/chart.ts), each with a summary
 * written from its own figures, and the columns its table and CSV carry besides the drawn series
 * (e.g. the counts behind a percentage). The public page's key figures use the same builders.
 */
import { type ChartExtraColumn, type ChartSeries, type ChartSpec, chartCsv, chartRows, formatChartValue, renderChartSvg } from '../charts/chart.js';
import { countryName, formatMoney, formatNumber, type Lang, type Text, tr } from '../../i18n/index.js';
import { halfYearLabel } from '../reports/period.js';
import type { Count, DashboardData, FundingFigures, PartnershipActivity, YouthYear } from './data.js';
import { periodPhrase } from './filters.js';
import { BUDGET_CATEGORY, C, D } from './messages.js';
import type { BudgetYear } from '../reports/model.js';

/** The charts of the back-office dashboard, in page order; the id is the export's address and file name. */
export const CHART_IDS = [
  'externa-medel-per-ar',
  'externa-medel-per-kalla',
  'egen-insats-per-ar',
  'projekt-per-tema',
  'projekt-per-mal',
  'projekt-per-land',
  'projekt-per-enhet',
  'andel-unga-per-ar',
  'samarbeten-aktivitet',
  'internationell-budget',
] as const;
export type ChartId = (typeof CHART_IDS)[number];

export interface DashboardChart {
  spec: ChartSpec;
  /** Columns of the table and the CSV that are not drawn. */
  extra: ChartExtraColumn[];
  /** Nothing to draw: the summary says why, and the page shows no picture or table. */
  empty: boolean;
}

/** How many categories a chart of counts shows (most first). */
export const TOP_ADMIN = 12;
export const TOP_PUBLIC = 10;
const TOP_SOURCES = 7;

/** An amount for a sentence: "3,4 mnkr" / "SEK 3.4 million" from a million up, else in kronor. */
export function shortMoney(lang: Lang, minor: number): string {
  const kronor = minor / 100;
  if (Math.abs(kronor) >= 1_000_000) {
    const millions = formatNumber(lang, Math.round(kronor / 100_000) / 10);
    return lang === 'sv' ? `${millions} mnkr` : `SEK ${millions} million`;
  }
  return formatMoney(lang, Math.round(minor / 100) * 100, 'SEK');
}

const percent = (lang: Lang, part: number, whole: number) => formatChartValue({ valueFormat: 'percent' }, whole ? (part / whole) * 100 : null, lang);
const sum = (values: (number | null)[]) => values.reduce<number>((s, v) => s + (v ?? 0), 0);

/** What the year charts need to know about the period: its years, their labels and the period in a sentence. */
export interface YearAxis {
  years: number[];
  label(year: number): string;
  phrase: string;
}

/** The dashboard period's axis: years, or one half-year ("Första halvåret 2026"). */
export function periodAxis(data: Pick<DashboardData, 'filter' | 'years'>, lang: Lang): YearAxis {
  const p = data.filter.period;
  const halfName = p.kind === 'half' ? halfYearLabel(p.half, lang) : '';
  return {
    years: data.years,
    label: (y) => (p.kind === 'half' ? halfName.charAt(0).toUpperCase() + halfName.slice(1) : String(y)),
    phrase: periodPhrase(p, lang),
  };
}

function chart(spec: Omit<ChartSpec, 'summary'>, summary: string, empty: boolean, extra: ChartExtraColumn[] = []): DashboardChart {
  return { spec: { ...spec, summary }, extra, empty };
}

/** External funding per year: EU grants and other grants, stacked (SEK). */
export function fundingChart(id: string, axis: YearAxis, funding: FundingFigures, lang: Lang): DashboardChart {
  const byYear = new Map(funding.years.map((y) => [y.year, y]));
  const eu = axis.years.map((y) => byYear.get(y)?.euMinor ?? 0);
  const other = axis.years.map((y) => byYear.get(y)?.otherGrantsMinor ?? 0);
  const totals = axis.years.map((_, i) => eu[i]! + other[i]!);
  const total = sum(totals);
  let summary: string;
  if (total === 0) summary = tr(C.fundingNone, lang, { period: axis.phrase });
  else if (axis.years.length === 1) summary = tr(C.fundingOne, lang, { period: axis.phrase, amount: shortMoney(lang, total), eu: shortMoney(lang, eu[0]!) });
  else {
    const peak = totals.indexOf(Math.max(...totals));
    summary = tr(C.fundingPeak, lang, { year: axis.label(axis.years[peak]!), amount: shortMoney(lang, totals[peak]!), eu: shortMoney(lang, eu[peak]!), period: axis.phrase, total: shortMoney(lang, total) });
  }
  if (funding.otherCurrencies.length) summary += ` ${tr(C.otherCurrencies, lang, { list: funding.otherCurrencies.map((c) => formatMoney(lang, c.amountMinor, c.currency)).join(', ') })}`;
  return chart(
    { id, kind: 'stacked-bar', title: tr(C.fundingTitle, lang), categoryLabel: tr(D.year, lang), categories: axis.years.map(axis.label), series: [{ name: tr(C.eu, lang), values: eu }, { name: tr(C.otherGrants, lang), values: other }], valueFormat: 'money_minor', currency: 'SEK' },
    summary,
    total === 0,
  );
}

/** External funding per source, the largest sources and the rest as "Övriga". */
export function sourceChart(id: string, axis: YearAxis, funding: FundingFigures, lang: Lang): DashboardChart {
  const name = (s: FundingFigures['sources'][number]) => (lang === 'en' ? s.source_en : s.source_sv) ?? tr(D.unknownSource, lang);
  const top = funding.sources.slice(0, TOP_SOURCES);
  const rest = funding.sources.slice(TOP_SOURCES);
  const categories = top.map(name);
  const values = top.map((s) => s.amountMinor);
  if (rest.length) {
    categories.push(tr(D.others, lang));
    values.push(sum(rest.map((s) => s.amountMinor)));
  }
  const total = sum(values);
  const summary = total === 0 ? tr(C.fundingNone, lang, { period: axis.phrase }) : tr(C.sourceTop, lang, { period: axis.phrase, source: categories[0]!, amount: shortMoney(lang, values[0]!), share: percent(lang, values[0]!, total) });
  return chart({ id, kind: 'horizontal-bar', title: tr(C.sourceTitle, lang), categoryLabel: tr(C.source, lang), categories, series: [{ name: tr(C.amount, lang), values }], valueFormat: 'money_minor', currency: 'SEK' }, summary, total === 0);
}

/** The municipality's own contribution per year: cash and the value of staff hours, stacked; the hours in the table. */
export function ownContributionChart(id: string, axis: YearAxis, funding: FundingFigures, hourCostMinor: number, lang: Lang): DashboardChart {
  const byYear = new Map(funding.years.map((y) => [y.year, y]));
  const cash = axis.years.map((y) => byYear.get(y)?.ownCashMinor ?? 0);
  const hours = axis.years.map((y) => byYear.get(y)?.ownHours ?? 0);
  const value = hours.map((h) => Math.round(h * hourCostMinor));
  const empty = sum(cash) === 0 && sum(hours) === 0;
  const summary = empty
    ? tr(C.ownNone, lang, { period: axis.phrase })
    : tr(C.ownSummary, lang, { cash: shortMoney(lang, sum(cash)), hours: formatNumber(lang, Math.round(sum(hours) * 10) / 10), period: axis.phrase, value: shortMoney(lang, sum(value)), rate: formatMoney(lang, hourCostMinor, 'SEK') });
  return chart(
    { id, kind: 'stacked-bar', title: tr(C.ownTitle, lang), categoryLabel: tr(D.year, lang), categories: axis.years.map(axis.label), series: [{ name: tr(C.ownCash, lang), values: cash }, { name: tr(C.ownHoursValue, lang), values: value }], valueFormat: 'money_minor', currency: 'SEK' },
    summary,
    empty,
    [{ name: tr(C.ownHours, lang), values: hours, valueFormat: 'number' }],
  );
}

interface CountTexts {
  title: Text;
  category: Text;
  none: Text;
  top: Text;
}

/** Projects per category (theme, country, unit, goal), most first, at most `top` categories. */
export function countChart(id: string, counts: Count[], total: number, texts: CountTexts, axis: Pick<YearAxis, 'phrase'>, lang: Lang, options: { top: number; label?: (c: Count) => string; params?: Record<string, string>; title?: string } = { top: TOP_ADMIN }): DashboardChart {
  const shown = counts.filter((c) => c.projects > 0).slice(0, options.top);
  const label = options.label ?? ((c: Count) => (lang === 'en' ? c.label_en : c.label_sv));
  const categories = shown.map(label);
  const values = shown.map((c) => c.projects);
  const summary = shown.length === 0 ? tr(texts.none, lang, { period: axis.phrase, ...options.params }) : tr(texts.top, lang, { period: axis.phrase, label: categories[0]!, n: formatNumber(lang, values[0]!), total: formatNumber(lang, total), ...options.params });
  return chart({ id, kind: 'horizontal-bar', title: options.title ?? tr(texts.title, lang), categoryLabel: tr(texts.category, lang), categories, series: [{ name: tr(C.projects, lang), values }], valueFormat: 'number' }, summary, shown.length === 0);
}

/** The country's name in the language (the code when it is not a country). */
export const countryLabel = (lang: Lang) => (c: Count) => countryName(lang, c.key) ?? c.key;

/** The share of young participants per year (AL-7), with the counts in the table. */
export function youthChart(id: string, axis: YearAxis, youth: YouthYear[], lang: Lang): DashboardChart {
  const byYear = new Map(youth.map((y) => [y.year, y]));
  const rows = axis.years.map((y) => byYear.get(y));
  const share = rows.map((r) => (r && r.total > 0 ? (r.youth / r.total) * 100 : null));
  const youthSum = sum(rows.map((r) => r?.youth ?? null));
  const totalSum = sum(rows.map((r) => r?.total ?? null));
  const projects = sum(rows.map((r) => r?.projects ?? null));
  let summary: string;
  if (projects === 0) summary = tr(C.youthNone, lang, { period: axis.phrase });
  else {
    summary = tr(C.youthSummary, lang, { total: formatNumber(lang, totalSum), period: axis.phrase, youth: formatNumber(lang, youthSum), share: percent(lang, youthSum, totalSum), n: formatNumber(lang, projects) });
    const known = share.filter((s): s is number => s !== null);
    if (axis.years.length > 1 && known.length > 1) {
      const peak = share.indexOf(Math.max(...known));
      summary += ` ${tr(C.youthPeak, lang, { year: axis.label(axis.years[peak]!), share: formatChartValue({ valueFormat: 'percent' }, share[peak]!, lang) })}`;
    }
  }
  return chart(
    { id, kind: 'bar', title: tr(C.youthTitle, lang), categoryLabel: tr(D.year, lang), categories: axis.years.map(axis.label), series: [{ name: tr(C.youthShare, lang), values: share }], valueFormat: 'percent' },
    summary,
    projects === 0,
    [
      { name: tr(C.youthCount, lang), values: rows.map((r) => r?.youth ?? null), valueFormat: 'number' },
      { name: tr(C.totalCount, lang), values: rows.map((r) => r?.total ?? null), valueFormat: 'number' },
      { name: tr(C.youthProjects, lang), values: rows.map((r) => r?.projects ?? null), valueFormat: 'number' },
    ],
  );
}

/** Exchanges, other events and linked projects per partnership in the period (at most TOP_ADMIN partnerships). */
export function partnershipChart(id: string, axis: YearAxis, list: PartnershipActivity[], lang: Lang): DashboardChart {
  const shown = list.slice(0, TOP_ADMIN);
  const title = (p: PartnershipActivity) => (lang === 'en' && p.title_en ? p.title_en : p.title_sv);
  const series: ChartSeries[] = [
    { name: tr(C.exchanges, lang), values: shown.map((p) => p.exchanges) },
    { name: tr(C.otherEvents, lang), values: shown.map((p) => p.otherEvents) },
    { name: tr(C.linkedProjects, lang), values: shown.map((p) => p.projects) },
  ];
  const top = shown[0];
  let summary: string;
  if (!top) summary = tr(C.partnershipNone, lang, { period: axis.phrase });
  else {
    const busy = top.exchanges + top.otherEvents + top.projects > 0;
    const active = list.filter((p) => p.active);
    const quiet = active.filter((p) => p.exchanges + p.otherEvents + p.projects === 0).length;
    summary = busy ? tr(C.partnershipTop, lang, { label: title(top), period: axis.phrase, exchanges: formatNumber(lang, top.exchanges), events: formatNumber(lang, top.otherEvents), projects: formatNumber(lang, top.projects) }) : '';
    if (quiet > 0) summary = `${summary} ${tr(C.partnershipQuiet, lang, { n: formatNumber(lang, quiet), total: formatNumber(lang, active.length), period: axis.phrase })}`.trim();
  }
  return chart({ id, kind: 'horizontal-bar', title: tr(C.partnershipTitle, lang), categoryLabel: tr(C.partnership, lang), categories: shown.map(title), series, valueFormat: 'number' }, summary, !top);
}

/** The year's international budget (AL-15): allocated and used per purpose; what remains in the table. */
export function budgetChart(id: string, budget: BudgetYear, lang: Lang): DashboardChart {
  const cats = budget.categories;
  const allocated = cats.map((c) => c.allocatedMinor);
  const used = cats.map((c) => c.usedMinor);
  const empty = cats.length === 0 || (allocated.every((a) => a === null) && sum(used) === 0);
  const year = String(budget.year);
  let summary: string;
  if (empty) summary = tr(C.budgetNone, lang, { year });
  else if (allocated.every((a) => a === null)) summary = tr(C.budgetUsedOnly, lang, { year, used: shortMoney(lang, sum(used)) });
  else summary = tr(C.budgetSummary, lang, { year, used: shortMoney(lang, sum(used)), allocated: shortMoney(lang, sum(allocated)), share: percent(lang, sum(used), sum(allocated)), remaining: shortMoney(lang, sum(allocated) - sum(used)) });
  return chart(
    { id, kind: 'bar', title: tr(C.budgetTitle, lang, { year }), categoryLabel: tr(C.category, lang), categories: cats.map((c) => tr(BUDGET_CATEGORY[c.category], lang)), series: [{ name: tr(C.allocated, lang), values: allocated }, { name: tr(C.used, lang), values: used }], valueFormat: 'money_minor', currency: 'SEK' },
    summary,
    empty,
    [{ name: tr(C.remaining, lang), values: cats.map((c) => c.remainingMinor), valueFormat: 'money_minor' }],
  );
}

/** Every chart of the dashboard, in CHART_IDS order. */
export function dashboardCharts(data: DashboardData, lang: Lang): Record<ChartId, DashboardChart> {
  const axis = periodAxis(data, lang);
  const unitLabel = (c: Count) => (c.key === '' ? tr(D.noUnit, lang) : lang === 'en' ? c.label_en : c.label_sv);
  const goalTexts = data.goals.strategy ? { title: C.goalTitle, category: C.goal, none: C.goalNone, top: C.goalTop } : { title: C.goalTitle, category: C.goal, none: C.goalNoStrategy, top: C.goalTop };
  return {
    'externa-medel-per-ar': fundingChart('externa-medel-per-ar', axis, data.funding, lang),
    'externa-medel-per-kalla': sourceChart('externa-medel-per-kalla', axis, data.funding, lang),
    'egen-insats-per-ar': ownContributionChart('egen-insats-per-ar', axis, data.funding, data.staffHourCostMinor, lang),
    'projekt-per-tema': countChart('projekt-per-tema', data.themes, data.projectCount, { title: C.themeTitle, category: C.theme, none: C.themeNone, top: C.themeTop }, axis, lang),
    'projekt-per-mal': countChart('projekt-per-mal', data.goals.goals, data.projectCount, goalTexts, axis, lang),
    'projekt-per-land': countChart('projekt-per-land', data.countries, data.projectCount, { title: C.countryTitle, category: C.country, none: C.countryNone, top: C.countryTop }, axis, lang, {
      top: TOP_ADMIN,
      label: countryLabel(lang),
      params: { countries: formatNumber(lang, data.countries.length) },
    }),
    'projekt-per-enhet': countChart('projekt-per-enhet', data.unitProjects, data.projectCount, { title: C.unitTitle, category: C.unit, none: C.unitNone, top: C.unitTop }, axis, lang, { top: TOP_ADMIN, label: unitLabel }),
    'andel-unga-per-ar': youthChart('andel-unga-per-ar', axis, data.youth, lang),
    'samarbeten-aktivitet': partnershipChart('samarbeten-aktivitet', axis, data.partnerships, lang),
    'internationell-budget': budgetChart('internationell-budget', data.budget, lang),
  };
}

/** The chart's table: the drawn series, then the extra columns, each value in its own format. */
export function chartTable(c: DashboardChart, lang: Lang): { header: string[]; rows: string[][] } {
  return chartRows(c.spec, lang, c.extra);
}

/** The chart's CSV (chartCsv's Swedish Excel format), with the extra columns appended. */
export function chartCsvOf(c: DashboardChart): string {
  return chartCsv(c.spec, c.extra);
}

/**
 * The size a chart is drawn at, on the page and in the downloads alike: narrower than ECharts'
 * default so that its text stays legible when the page's grid scales it down; horizontal bars
 * get room for every series of every category.
 */
export function chartSize(spec: ChartSpec): { width: number; height: number } {
  if (spec.kind !== 'horizontal-bar') return { width: 600, height: 320 };
  const perCategory = spec.series.length > 1 ? 14 * spec.series.length + 14 : 28;
  return { width: 600, height: Math.max(160, (spec.series.length > 1 ? 96 : 60) + spec.categories.length * perCategory) };
}

/** The chart's SVG for use inside a page, at the dashboard's size (CSP-safe: see renderChartSvg). */
export function inlineChartSvg(spec: ChartSpec, lang: Lang): string {
  return renderChartSvg(spec, lang, chartSize(spec));
}
