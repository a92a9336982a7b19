/**
 * The half-year report's charts as `ChartSpec`s: external funding per half-year (EU and other
 * grants stacked), funding by source, the budget (allocated, used, remaining) and the progress of
 * the top-level goals. Each is shown with its figures as a table in every document.
 */
import { formatMoney, type Lang, tr } from '../../../i18n/index.js';
import type { ChartSpec } from '../../charts/chart.js';
import { TRAFFIC_LIGHT } from '../../strategy/progress/messages.js';
import { UNKNOWN_SOURCE } from '../data-projects.js';
import type { ReportData } from '../model.js';
import { parseHalfYear } from '../period.js';
import { BUDGET_CATEGORIES, M } from './texts.js';

const SHORT_HALF = { sv: ['jan–jun', 'jul–dec'], en: ['Jan–Jun', 'Jul–Dec'] } as const;

/** A half-year as a chart's category: "jan–jun 2026" / "Jan–Jun 2026". */
export function shortHalfYear(key: string, lang: Lang): string {
  const p = parseHalfYear(key);
  return p ? `${SHORT_HALF[lang][p.half - 1]} ${p.year}` : key;
}

function fundingHistory(data: ReportData, lang: Lang): ChartSpec | null {
  const points = data.fundingHistory;
  if (!points.length) return null;
  const current = points.find((p) => p.period === data.period.key);
  return {
    id: 'funding-history',
    kind: 'stacked-bar',
    title: tr(M.historyTitle, lang),
    categoryLabel: tr(M.halfYear, lang),
    categories: points.map((p) => shortHalfYear(p.period, lang)),
    series: [
      { name: tr(M.euSeries, lang), values: points.map((p) => p.euSekMinor) },
      { name: tr(M.otherSeries, lang), values: points.map((p) => p.otherGrantsSekMinor) },
    ],
    valueFormat: 'money_minor',
    currency: 'SEK',
    summary: tr(M.historySummary, lang, {
      period: shortHalfYear(data.period.key, lang),
      amount: formatMoney(lang, current ? current.euSekMinor + current.otherGrantsSekMinor : 0, 'SEK'),
    }),
  };
}

function fundingBySource(data: ReportData, lang: Lang): ChartSpec | null {
  // The data names a missing source in Swedish; the English report says it in English.
  const rows = data.fundingBySource.map((r) => (r.source === UNKNOWN_SOURCE ? { ...r, source: tr(M.unknownSource, lang) } : r));
  const top = rows[0];
  if (!top) return null;
  return {
    id: 'funding-by-source',
    kind: 'horizontal-bar',
    title: tr(M.sourceTitle, lang),
    categoryLabel: tr(M.source, lang),
    categories: rows.map((r) => r.source),
    series: [{ name: tr(M.amount, lang), values: rows.map((r) => r.amountMinor) }],
    valueFormat: 'money_minor',
    currency: 'SEK',
    summary: tr(M.sourceSummary, lang, { n: rows.length, top: top.source, amount: formatMoney(lang, top.amountMinor, 'SEK') }),
  };
}

/** Sums of the budget's categories; remaining counts only allocated categories. */
export function budgetTotals(budget: NonNullable<ReportData['budget']>): { allocated: number; used: number; remaining: number } {
  return budget.categories.reduce(
    (s, c) => ({ allocated: s.allocated + (c.allocatedMinor ?? 0), used: s.used + c.usedMinor, remaining: s.remaining + (c.remainingMinor ?? 0) }),
    { allocated: 0, used: 0, remaining: 0 },
  );
}

function budget(data: ReportData, lang: Lang): ChartSpec | null {
  const b = data.budget;
  if (!b?.categories.length) return null;
  const sums = budgetTotals(b);
  return {
    id: 'budget',
    kind: 'bar',
    title: tr(M.budgetTitle, lang, { year: String(b.year) }),
    categoryLabel: tr(M.category, lang),
    categories: b.categories.map((c) => tr(BUDGET_CATEGORIES[c.category], lang)),
    series: [
      { name: tr(M.allocated, lang), values: b.categories.map((c) => c.allocatedMinor) },
      { name: tr(M.used, lang), values: b.categories.map((c) => c.usedMinor) },
      { name: tr(M.remaining, lang), values: b.categories.map((c) => c.remainingMinor) },
    ],
    valueFormat: 'money_minor',
    currency: 'SEK',
    summary: tr(M.budgetSummary, lang, { allocated: formatMoney(lang, sums.allocated, 'SEK'), used: formatMoney(lang, sums.used, 'SEK'), remaining: formatMoney(lang, sums.remaining, 'SEK') }),
  };
}

function goalProgress(data: ReportData, lang: Lang): ChartSpec | null {
  const top = (data.goals?.goals ?? []).filter((g) => g.parentId === null);
  if (!top.length) return null;
  const count = (light: string) => String(top.filter((g) => g.light === light).length);
  const measured = top.some((g) => g.progress !== null);
  return {
    id: 'goal-progress',
    kind: 'horizontal-bar',
    title: tr(M.goalChartTitle, lang),
    categoryLabel: tr(M.goalCol, lang),
    categories: top.map((g) => g.title),
    series: [{ name: tr(M.progressCol, lang), values: top.map((g) => g.progress) }],
    valueFormat: 'percent',
    summary: measured
      ? tr(M.goalChartSummary, lang, { n: String(top.length), onTrack: count('on_track'), atRisk: count('at_risk'), behind: count('behind') })
      : `${tr(M.goalChartNone, lang)} (${tr(TRAFFIC_LIGHT.none, lang)})`,
  };
}

/** Whether a chart has anything to draw: a chart of only zeros and blanks is an empty frame (its table and text still say it). */
const hasFigures = (c: ChartSpec) => c.series.some((s) => s.values.some((v) => v !== null && v !== 0));

/**
 * The report's charts, in the order the document shows them; a chart without figures (none, or
 * only zeros and blanks) is left out.
 * Ids: `funding-history`, `funding-by-source`, `budget`, `goal-progress`.
 * @example reportCharts(data, 'sv').map((c) => c.id) // ['funding-history', 'funding-by-source', 'budget', 'goal-progress']
 */
export function reportCharts(data: ReportData, lang: Lang): ChartSpec[] {
  return [fundingHistory(data, lang), fundingBySource(data, lang), budget(data, lang), goalProgress(data, lang)].filter((c): c is ChartSpec => c !== null && hasFigures(c));
}
