/**
 * The half-year report as a list of blocks (headings, paragraphs, tables, charts with their
 * tables, lists), in one language. The Word, PDF and HTML documents draw the same blocks, so
 * their content cannot differ; only the typography is theirs.
 *
 * Section order and headings follow `data.structure.sections` (included ones only). A section
 * without data says so in a sentence rather than being left empty.
 */
import { formatDate, formatMoney, formatNumber, type Lang, tr } from '../../../i18n/index.js';
import { DECISION_OUTCOMES, EVENT_KINDS, label, PARTNERSHIP_KINDS, PARTNERSHIP_STATUSES, PROJECT_STATUSES } from '../../../i18n/labels.js';
import { type ChartSpec, chartRows } from '../../charts/chart.js';
import { MEASURE_STATUS_LABELS } from '../../strategy/plans/messages.js';
import { swedishDateOf } from '../../decisions/registry.js';
import { DUE_KIND, DUE_STATE, dueWhen, TRAFFIC_LIGHT } from '../../strategy/progress/messages.js';
import type { Money, ReportData, ReportProject, SectionKey } from '../model.js';
import { halfYearLabel, parseHalfYear, previousHalfYear } from '../period.js';
import { budgetTotals, reportCharts } from './charts.js';
import { BUDGET_CATEGORIES, M, PHASES, RECOMMENDATIONS, SECTION_HEADINGS } from './texts.js';

/** A table cell: a text, or several lines (a list when `bullets`). */
export type Cell = string | { lines: string[]; bullets?: boolean };

export interface TableBlock {
  type: 'table';
  caption: string;
  header: string[];
  rows: Cell[][];
  /** Per column: right-aligned figures. */
  numeric: boolean[];
  /** Per column: relative widths. */
  widths: number[];
  /** The first cell of each row heads the row (`<th scope="row">`). */
  rowHeader?: boolean;
  /** A sum row, drawn bold below a rule. */
  total?: string[];
  /** Indentation steps of the second column per row (a goal's depth in the tree). */
  indent?: number[];
}

export interface FigureBlock {
  type: 'figure';
  chart: ChartSpec;
  /** The chart's figures. */
  table: TableBlock;
}

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string; id: string }
  | { type: 'paragraph'; text: string; tone?: 'lead' | 'missing' }
  | TableBlock
  | FigureBlock
  | { type: 'list'; items: string[] };

export interface ReportDocument {
  lang: Lang;
  /** BCP 47 tag of the documents: sv-SE or en-GB. */
  langTag: string;
  municipality: string;
  title: string;
  /** "Halvårsrapport, internationellt arbete". */
  kind: string;
  /** "Första halvåret 2026 (1 januari 2026 – 30 juni 2026)". */
  period: string;
  draft: boolean;
  /** "Utkast – inte slutfört" or "Slutförd 12 augusti 2026, diarienummer KS 2026/123". */
  statusLine: string;
  /** "Sammanställd … Uppgifterna avser läget …". */
  generatedLine: string;
  blocks: Block[];
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const sek = (lang: Lang, minor: number) => formatMoney(lang, minor, 'SEK');
const money = (lang: Lang, list: Money[]) => list.filter((m) => m.amountMinor !== 0).map((m) => formatMoney(lang, m.amountMinor, m.currency));

/** A project's external money, a line per currency; '–' for none. */
function externalCell(lang: Lang, p: ReportProject): Cell {
  const lines = money(lang, p.external);
  return lines.length ? { lines } : '–';
}

/** A sum in millions when it is at least one: "1,2 mnkr" / "SEK 1.2 million"; else in full. */
export function roundedSek(lang: Lang, minor: number): string {
  const kronor = minor / 100;
  if (Math.abs(kronor) < 1_000_000) return sek(lang, minor);
  return tr(M.millions, lang, { n: formatNumber(lang, Math.round(kronor / 100_000) / 10) });
}

/** A project's title in the language. */
export const projectTitle = (p: Pick<ReportProject, 'title' | 'titleEn'>, lang: Lang) => (lang === 'en' && p.titleEn ? p.titleEn : p.title);

function dateRange(lang: Lang, start: string | null, end: string | null): Cell {
  if (start && end) return { lines: [formatDate(lang, start), `– ${formatDate(lang, end)}`] };
  if (start) return tr(M.from, lang, { date: formatDate(lang, start) });
  if (end) return tr(M.until, lang, { date: formatDate(lang, end) });
  return tr(M.notStated, lang);
}

/** The section's heading: its own, or the default in the language. */
export function sectionHeading(data: ReportData, key: SectionKey, lang: Lang): string {
  const s = data.structure.sections.find((x) => x.key === key);
  const own = lang === 'en' ? s?.heading_en : s?.heading_sv;
  return own?.trim() || tr(SECTION_HEADINGS[key], lang);
}

class Builder {
  readonly blocks: Block[] = [];
  constructor(
    readonly data: ReportData,
    readonly lang: Lang,
    readonly charts: Map<string, ChartSpec>,
  ) {}
  heading(level: 1 | 2 | 3, text: string, id: string) {
    this.blocks.push({ type: 'heading', level, text, id });
  }
  para(text: string, tone?: 'lead' | 'missing') {
    this.blocks.push(tone ? { type: 'paragraph', text, tone } : { type: 'paragraph', text });
  }
  /** Paragraphs of a person's text: blank lines separate them. */
  prose(text: string) {
    for (const p of text.split(/\n\s*\n/)) if (p.trim()) this.para(p.trim().replace(/\s*\n\s*/g, ' '));
  }
  table(t: Omit<TableBlock, 'type'>) {
    this.blocks.push({ type: 'table', ...t });
  }
  list(items: string[]) {
    this.blocks.push({ type: 'list', items });
  }
  figure(id: string) {
    const chart = this.charts.get(id);
    if (!chart) return;
    const { header, rows } = chartRows(chart, this.lang);
    this.blocks.push({
      type: 'figure',
      chart,
      table: { type: 'table', caption: `${tr(M.tableOf, this.lang)}: ${lowerFirst(chart.title)}`, header, rows, numeric: header.map((_, i) => i > 0), widths: header.map((_, i) => (i === 0 ? 3 : 2)), rowHeader: true },
    });
  }
  t(text: (typeof M)[keyof typeof M], params?: Record<string, string | number>) {
    return tr(text, this.lang, params);
  }
}

function summary(b: Builder) {
  if (b.data.summary?.trim()) b.prose(b.data.summary);
  else b.para(b.t(M.summaryMissing), 'missing');
}

function ownCell(b: Builder, p: ReportProject): Cell {
  const lines = money(b.lang, p.ownCash);
  if (p.ownHours > 0) lines.push(`${b.t(M.hoursShort, { hours: formatNumber(b.lang, p.ownHours) })} (${sek(b.lang, p.ownHoursValueMinor)})`);
  return lines.length ? { lines } : '–';
}

function projects(b: Builder) {
  const { data, lang } = b;
  const tot = data.totals;
  b.para(b.t(M.projectsLead, { count: formatNumber(lang, data.projects.length), started: formatNumber(lang, tot.started), finished: formatNumber(lang, tot.finished) }), 'lead');
  const share = tot.participantsTotal > 0 ? Math.round((tot.participantsYouth / tot.participantsTotal) * 100) : 0;
  const rows: string[][] = [
    [b.t(M.started), formatNumber(lang, tot.started)],
    [b.t(M.ongoing), formatNumber(lang, tot.ongoing)],
    [b.t(M.finished), formatNumber(lang, tot.finished)],
    [b.t(M.external), sek(lang, tot.externalSekMinor)],
    [b.t(M.euGrants), sek(lang, tot.euSekMinor)],
    [b.t(M.otherGrants), sek(lang, tot.otherGrantsSekMinor)],
    [b.t(M.ownCash), sek(lang, tot.ownCashSekMinor)],
    [b.t(M.ownHours), b.t(M.hoursValue, { hours: formatNumber(lang, tot.ownHours), value: sek(lang, tot.ownHoursValueSekMinor) })],
    [
      b.t(M.participants),
      tot.participantsTotal > 0
        ? b.t(M.participantsYouth, { total: formatNumber(lang, tot.participantsTotal), youth: formatNumber(lang, tot.participantsYouth), share: formatNumber(lang, share) })
        : b.t(M.participantsNone),
    ],
    ...tot.otherCurrencies.map((c) => [
      b.t(M.otherCurrency, { currency: c.currency }),
      b.t(M.otherCurrencyValue, { external: formatMoney(lang, c.externalMinor, c.currency), own: formatMoney(lang, c.ownCashMinor, c.currency) }),
    ]),
  ];
  b.table({ caption: b.t(M.keyFigures), header: [b.t(M.figure), b.t(M.value)], rows, numeric: [false, true], widths: [5, 4], rowHeader: true });
  if (!data.projects.length) {
    b.para(b.t(M.noProjects), 'missing');
    return;
  }
  for (const phase of ['started', 'ongoing', 'finished'] as const) {
    const list = data.projects.filter((p) => p.phase === phase);
    if (!list.length) continue;
    const name = tr(PHASES[phase], lang);
    b.heading(2, name, `projects-${phase}`);
    b.table({
      caption: b.t(M.projectTable, { phase: name, n: list.length }),
      header: [b.t(M.projectCol), b.t(M.unitCol), b.t(M.statusCol), b.t(M.periodCol), b.t(M.externalCol), b.t(M.ownCol)],
      rows: list.map((p) => [projectTitle(p, lang), p.unitName ?? '–', label(PROJECT_STATUSES, p.status, lang) || '–', dateRange(lang, p.startDate, p.endDate), externalCell(lang, p), ownCell(b, p)]),
      numeric: [false, false, false, false, true, true],
      widths: [104, 90, 52, 76, 62, 79],
      rowHeader: true,
    });
    const results = list.flatMap((p) =>
      p.results.map((r) => {
        const figure = r.actual !== null && r.target !== null ? b.t(M.resultOf, { actual: formatNumber(lang, r.actual), target: formatNumber(lang, r.target) }) : r.actual !== null ? formatNumber(lang, r.actual) : null;
        const measured = figure ? ` – ${[r.indicator, figure, r.unit].filter(Boolean).join(' ')}` : '';
        return `${projectTitle(p, lang)}: ${r.description}${measured}${r.period ? ` (${r.period})` : ''}`;
      }),
    );
    b.heading(3, `${b.t(M.results)}: ${lowerFirst(name)}`, `projects-${phase}-results`);
    if (results.length) b.list(results);
    else b.para(b.t(M.noResults), 'missing');
  }
}

function change(b: Builder, current: number, before: number, more: (typeof M)['more'], less: (typeof M)['less']): string {
  const pct = Math.round((Math.abs(current - before) / before) * 100);
  return b.t(current >= before ? more : less, { pct: formatNumber(b.lang, pct) });
}

function fundingSentence(b: Builder): string {
  const { data } = b;
  const period = parseHalfYear(data.period.key);
  const total = (key: string | undefined) => {
    const p = data.fundingHistory.find((x) => x.period === key);
    return p ? p.euSekMinor + p.otherGrantsSekMinor : null;
  };
  const current = total(data.period.key) ?? 0;
  const parts = [current > 0 ? b.t(M.fundingSentence, { amount: roundedSek(b.lang, current) }) : b.t(M.fundingNone)];
  if (!period) return parts.join(' ');
  const previous = total(previousHalfYear(period).key);
  const lastYear = total(`${period.year - 1}H${period.half}`);
  if (previous !== null) {
    if (previous === 0) parts.push(b.t(M.noPrevious));
    else if (previous === current) parts.push(b.t(M.samePrevious));
    else parts.push(b.t(M.comparedPrevious, { change: change(b, current, previous, M.more, M.less), amount: roundedSek(b.lang, previous) }));
  }
  if (lastYear !== null) {
    if (lastYear === 0) parts.push(b.t(M.noLastYear));
    else if (lastYear === current) parts.push(b.t(M.sameLastYear));
    else parts.push(b.t(M.comparedLastYear, { amount: roundedSek(b.lang, lastYear), change: change(b, current, lastYear, M.moreThan, M.lessThan) }));
  }
  return parts.join(' ');
}

function funding(b: Builder) {
  b.para(fundingSentence(b), 'lead');
  b.figure('funding-history');
  if (b.charts.has('funding-by-source')) b.figure('funding-by-source');
  else b.para(b.t(M.noSources), 'missing');
}

function budget(b: Builder) {
  const { data, lang } = b;
  const year = data.budget?.year ?? parseHalfYear(data.period.key)?.year ?? Number(data.period.start.slice(0, 4));
  const bud = data.budget;
  if (!bud) {
    b.para(b.t(M.noBudget, { year: String(year) }), 'missing');
    return;
  }
  b.para(b.t(M.budgetLead, { year: String(year) }));
  b.figure('budget');
  const sums = budgetTotals(bud);
  const amount = (v: number | null) => (v === null ? b.t(M.notAllocated) : sek(lang, v));
  const table = b.blocks.at(-1);
  if (table?.type === 'figure') {
    // The chart's table, with the sums below.
    table.table.total = [b.t(M.total), sek(lang, sums.allocated), sek(lang, sums.used), sek(lang, sums.remaining)];
    table.table.rows = bud.categories.map((c) => [tr(BUDGET_CATEGORIES[c.category], lang), amount(c.allocatedMinor), sek(lang, c.usedMinor), amount(c.remainingMinor)]);
  }
  for (const c of bud.categories) {
    const name = tr(BUDGET_CATEGORIES[c.category], lang);
    b.heading(2, name, `budget-${c.category}`);
    if (!c.used.length) {
      b.para(b.t(M.noUses, { category: lowerFirst(name) }), 'missing');
      continue;
    }
    b.table({
      caption: b.t(M.usesOf, { category: lowerFirst(name) }),
      header: [b.t(M.date), b.t(M.description), b.t(M.amount)],
      rows: c.used.map((u) => [u.date ? formatDate(lang, u.date) : '–', u.description, sek(lang, u.amountMinor)]),
      numeric: [false, false, true],
      widths: [2.4, 7, 2.6],
      total: [b.t(M.total), '', sek(lang, c.usedMinor)],
    });
  }
}

function decisions(b: Builder) {
  const { data, lang } = b;
  if (!data.decisions.length) {
    b.para(b.t(M.noDecisions), 'missing');
    return;
  }
  b.table({
    caption: b.t(M.decisionsCaption),
    header: [b.t(M.date), b.t(M.registryCol), b.t(M.matterCol), b.t(M.bodyCol), b.t(M.outcomeCol)],
    rows: data.decisions.map((d) => [
      d.decidedOn ? formatDate(lang, d.decidedOn) : '–',
      d.registryNumber ?? '–',
      d.subject,
      [d.body ?? d.delegateRole, d.paragraph ? `§ ${d.paragraph.replace(/^§\s*/, '')}` : null].filter(Boolean).join(', ') || '–',
      label(DECISION_OUTCOMES, d.outcome, lang),
    ]),
    numeric: [false, false, false, false, false],
    widths: [2.4, 2.4, 5.6, 3.4, 1.8],
  });
}

function partnerships(b: Builder) {
  const { data, lang } = b;
  if (!data.partnerships.length) {
    b.para(b.t(M.noPartnerships), 'missing');
    return;
  }
  const titles = new Map(data.projects.map((p) => [p.id, projectTitle(p, lang)]));
  const today = data.asOf;
  for (const p of data.partnerships) {
    b.heading(2, p.title, `partnership-${p.id}`);
    const kind = `${label(PARTNERSHIP_KINDS, p.kind, lang)}, ${label(PARTNERSHIP_STATUSES, p.status, lang).toLowerCase()}.`;
    b.para(`${kind} ${p.partners.length ? b.t(M.partners, { partners: p.partners.join(', ') }) : b.t(M.noPartners)}`);
    const linked = p.projectIds.map((id) => titles.get(id)).filter((x): x is string => Boolean(x));
    if (linked.length) b.para(b.t(M.linkedProjects, { projects: linked.join(', ') }));
    if (p.events.length) b.list(p.events.map((e) => `${formatDate(lang, e.date)} – ${label(EVENT_KINDS, e.kind, lang)}: ${e.description}`));
    else b.para(b.t(M.noEvents), 'missing');
    for (const e of p.evaluations) {
      const text = b.t(M.evaluated, { date: formatDate(lang, e.evaluatedOn), recommendation: tr(RECOMMENDATIONS[e.recommendation], lang) });
      b.para(e.recommendationText?.trim() ? `${text} ${e.recommendationText.trim()}` : text);
    }
    if (p.evaluationDueOn) b.para(b.t(p.evaluationDueOn < today ? M.evaluationOverdue : M.evaluationDue, { date: formatDate(lang, p.evaluationDueOn) }));
  }
}

function goals(b: Builder) {
  const { data, lang } = b;
  const g = data.goals;
  if (!g?.goals.length) {
    b.para(b.t(M.noGoals), 'missing');
    return;
  }
  b.para(b.t(M.goalsLead, { strategy: g.strategyTitle }));
  b.figure('goal-progress');
  const minDepth = Math.min(...g.goals.map((x) => x.depth));
  b.table({
    caption: b.t(M.goalsCaption),
    header: [b.t(M.levelCol), b.t(M.goalCol), b.t(M.progressCol), b.t(M.lightCol), b.t(M.explanationCol)],
    rows: g.goals.map((x) => [x.levelName, x.title, x.progress === null ? '–' : `${formatNumber(lang, Math.round(x.progress))} %`, tr(TRAFFIC_LIGHT[x.light], lang), x.explanation || '–']),
    numeric: [false, false, true, false, false],
    widths: [72, 150, 40, 70, 131],
    indent: g.goals.map((x) => x.depth - minDepth),
  });
}

function units(b: Builder) {
  const { data, lang } = b;
  const order = new Map(data.structure.unitIds.map((id, i) => [id, i]));
  const list = [...data.units].sort((a, c) => (order.get(a.unitId) ?? 1e9) - (order.get(c.unitId) ?? 1e9));
  if (!list.length) {
    b.para(b.t(M.noUnits), 'missing');
    return;
  }
  const byId = new Map(data.projects.map((p) => [p.id, p]));
  for (const u of list) {
    b.heading(2, u.unitName, `unit-${u.unitId}`);
    if (u.ready && u.readyAt) b.para(u.readyBy ? b.t(M.ready, { date: formatDate(lang, swedishDateOf(u.readyAt)), by: u.readyBy }) : b.t(M.readyNoBy, { date: formatDate(lang, swedishDateOf(u.readyAt)) }));
    else b.para(b.t(M.notReady), 'missing');
    if (u.comment?.trim()) b.prose(u.comment);
    else b.para(b.t(M.noComment), 'missing');
    const projects = u.projectIds.map((id) => byId.get(id)).filter((p): p is ReportProject => Boolean(p));
    b.heading(3, b.t(M.unitProjects), `unit-${u.unitId}-projects`);
    if (projects.length)
      b.table({
        caption: b.t(M.unitProjectsCaption, { unit: u.unitName }),
        header: [b.t(M.projectCol), b.t(M.statusCol), b.t(M.periodCol), b.t(M.externalCol)],
        rows: projects.map((p) => [projectTitle(p, lang), label(PROJECT_STATUSES, p.status, lang) || '–', dateRange(lang, p.startDate, p.endDate), externalCell(lang, p)]),
        numeric: [false, false, false, true],
        widths: [6, 2.4, 3.4, 3],
        rowHeader: true,
      });
    else b.para(b.t(M.noUnitProjects), 'missing');
    b.heading(3, b.t(M.measures), `unit-${u.unitId}-measures`);
    if (u.measures.length)
      b.table({
        caption: b.t(M.measuresCaption, { unit: u.unitName }),
        header: [b.t(M.measureCol), b.t(M.statusCol), b.t(M.progressCol), b.t(M.endCol)],
        rows: u.measures.map((m) => [
          m.title,
          m.status in MEASURE_STATUS_LABELS ? tr(MEASURE_STATUS_LABELS[m.status as keyof typeof MEASURE_STATUS_LABELS], lang) : m.status,
          `${formatNumber(lang, Math.round(m.progress))} %`,
          m.endDate ? formatDate(lang, m.endDate) : '–',
        ]),
        numeric: [false, false, true, false],
        widths: [7, 2.4, 1.8, 3.2],
        rowHeader: true,
      });
    else b.para(b.t(M.noMeasures), 'missing');
  }
}

function overdue(b: Builder) {
  const { data, lang } = b;
  if (!data.overdue.length) {
    b.para(b.t(M.noOverdue), 'missing');
    return;
  }
  b.list(
    data.overdue.map((d) =>
      b.t(M.dueItem, { kind: tr(DUE_KIND[d.kind], lang), title: d.title, state: tr(DUE_STATE[d.state], lang).toLowerCase(), when: dueWhen(d, lang) }),
    ),
  );
}

const SECTIONS: Record<SectionKey, (b: Builder) => void> = { summary, projects, funding, budget, decisions, partnerships, goals, units, overdue };

/** The report's title in the language. */
export function reportTitle(data: Pick<ReportData, 'title' | 'titleEn'>, lang: Lang): string {
  return lang === 'en' && data.titleEn ? data.titleEn : data.title;
}

/**
 * The report as blocks in one language, ready for any of the three renderers.
 * @example buildReportDocument(data, 'sv').blocks[0] // { type: 'heading', level: 1, text: 'Sammanfattning', id: 'summary' }
 */
export function buildReportDocument(data: ReportData, lang: Lang): ReportDocument {
  const charts = new Map(reportCharts(data, lang).map((c) => [c.id, c]));
  const b = new Builder(data, lang, charts);
  for (const s of data.structure.sections) {
    if (!s.included) continue;
    b.heading(1, sectionHeading(data, s.key, lang), s.key);
    SECTIONS[s.key](b);
  }
  const period = parseHalfYear(data.period.key);
  const range = `${formatDate(lang, data.period.start)} – ${formatDate(lang, data.period.end)}`;
  const finalisedOn = data.finalisedOn ?? swedishDateOf(data.generatedAt);
  return {
    lang,
    langTag: lang === 'sv' ? 'sv-SE' : 'en-GB',
    municipality: lang === 'en' ? data.municipality.nameEn || data.municipality.name : data.municipality.name,
    title: reportTitle(data, lang),
    kind: tr(M.documentKind, lang),
    period: period ? `${capitalise(halfYearLabel(period, lang))} (${range})` : range,
    draft: data.status !== 'finalised',
    statusLine:
      data.status === 'finalised'
        ? data.registryNumber
          ? tr(M.finalised, lang, { date: formatDate(lang, finalisedOn), registryNumber: data.registryNumber })
          : tr(M.finalisedNoNumber, lang, { date: formatDate(lang, finalisedOn) })
        : tr(M.draftLabel, lang),
    generatedLine: tr(M.generated, lang, { date: formatDate(lang, swedishDateOf(data.generatedAt)), asOf: formatDate(lang, data.asOf) }),
    blocks: b.blocks,
  };
}
