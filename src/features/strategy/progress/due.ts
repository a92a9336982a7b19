/**
 * What is due in a municipality's strategy work (AL-2, AL-3): the adopted strategies' reviews, the
 * active action plans' evaluations, and the measures that are about to end or are past their end
 * date without being finished. Shown on the back office's overview and in the calendar feeds.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { addDays, type DueInfo, planEvaluationDue, strategyReviewDue } from './cycles.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Every kind of deadline: the strategy work's own (this file), and those of follow-up and
 * reporting (issue 5): a unit's section of the half-year report, the report itself, a partnership's
 * evaluation (AR-9), a decision a project awaits, a measure without a recent progress report.
 */
export type DueKind = 'strategy_review' | 'plan_evaluation' | 'measure_end' | 'report_section' | 'report' | 'partnership_evaluation' | 'decision_awaited' | 'measure_stale';

export interface DueItem {
  kind: DueKind;
  /** The strategy's, plan's or measure's title (Swedish). */
  title: string;
  dueOn: string;
  state: 'due' | 'overdue' | 'upcoming';
  /** Back-office path without the /admin prefix, e.g. /arvika/strategi/3. */
  path: string;
  /** The strategy's, plan's or measure's id (stable calendar UIDs). */
  recordId: number;
  /** The English title, when there is one. */
  titleEn?: string | null;
  /** For a measure: the title of its action plan. */
  planTitle?: string;
  /** The unit whose people the item concerns (a report section, a measure, a partnership), if any: reminders go to its editors. */
  unitId?: number | null;
  municipalityId: number;
}

/** A measure counts as due this many days before its end date. */
export const MEASURE_DUE_DAYS = 30;

export interface DueItemOptions {
  /**
   * How far ahead measures' end dates are listed: MEASURE_DUE_DAYS by default (the overview's
   * to-do list); null for every future end date (the calendar feeds, as 'upcoming').
   */
  measureHorizonDays?: number | null;
}

const stateOf = (info: DueInfo): DueItem['state'] | undefined => (info.state === 'due' ? 'due' : info.state === 'overdue' ? 'overdue' : info.state === 'not_due' ? 'upcoming' : undefined);

const KIND_ORDER: Record<DueItem['kind'], number> = { strategy_review: 0, plan_evaluation: 1, measure_end: 2, report: 3, report_section: 4, partnership_evaluation: 5, decision_awaited: 6, measure_stale: 7 };

/** The order of due items: by due date, then kind, then record (for `Array.prototype.sort`). */
export function compareDueItems(a: DueItem, b: DueItem): number {
  return a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.recordId - b.recordId;
}

/**
 * Everything due in the municipality's strategy work, by due date (earliest first).
 * @example await strategyDueItems(db, 1, '2026-05-01') // [{ kind: 'strategy_review', dueOn: '2018-10-14', state: 'overdue', path: '/arvika/strategi/3', … }]
 */
export async function strategyDueItems(db: Db, municipalityId: number, today: string, options: DueItemOptions = {}): Promise<DueItem[]> {
  const horizon = options.measureHorizonDays === undefined ? MEASURE_DUE_DAYS : options.measureHorizonDays;
  const municipality = await db.selectFrom('municipalities').select('slug').where('id', '=', municipalityId).executeTakeFirst();
  if (!municipality) return [];
  const slug = municipality.slug;

  let measureQuery = db
    .selectFrom('measures as m')
    .innerJoin('action_plans as p', 'p.id', 'm.plan_id')
    .select(['m.id', 'm.plan_id', 'm.title_sv', 'm.title_en', 'm.end_date', 'm.owner_unit_id', 'p.title_sv as plan_title'])
    .where('m.municipality_id', '=', municipalityId)
    .where('p.status', '=', 'active')
    .where('m.status', 'not in', ['done', 'cancelled'])
    .where('m.end_date', 'is not', null);
  if (horizon !== null) measureQuery = measureQuery.where('m.end_date', '<=', addDays(today, horizon));

  const [strategies, reviews, plans, evaluations, measures] = await Promise.all([
    db.selectFrom('strategies').select(['id', 'title_sv', 'title_en', 'adopted_on']).where('municipality_id', '=', municipalityId).where('status', '=', 'adopted').execute(),
    db
      .selectFrom('strategy_reviews as r')
      .innerJoin('strategies as s', 's.id', 'r.strategy_id')
      .select((eb) => ['r.strategy_id', eb.fn.max('r.reviewed_on').as('last')])
      .where('s.municipality_id', '=', municipalityId)
      .groupBy('r.strategy_id')
      .execute(),
    db
      .selectFrom('action_plans')
      .select(['id', 'title_sv', 'title_en', 'period_start', 'evaluation_interval_months'])
      .where('municipality_id', '=', municipalityId)
      .where('status', '=', 'active')
      .execute(),
    db
      .selectFrom('plan_evaluations')
      .select((eb) => ['plan_id', eb.fn.max('evaluated_on').as('last')])
      .where('municipality_id', '=', municipalityId)
      .groupBy('plan_id')
      .execute(),
    measureQuery.execute(),
  ]);

  const items: DueItem[] = [];
  const lastReview = new Map(reviews.map((r) => [Number(r.strategy_id), r.last as string | null]));
  for (const s of strategies) {
    const id = Number(s.id);
    const info = strategyReviewDue(s.adopted_on, lastReview.get(id) ?? null, today);
    const state = stateOf(info);
    if (!state || !info.dueOn) continue;
    items.push({ kind: 'strategy_review', title: s.title_sv, titleEn: s.title_en, dueOn: info.dueOn, state, path: `/${slug}/strategi/${id}`, recordId: id, municipalityId });
  }
  const lastEvaluation = new Map(evaluations.map((e) => [Number(e.plan_id), e.last as string | null]));
  for (const p of plans) {
    const id = Number(p.id);
    const info = planEvaluationDue(p.period_start, Number(p.evaluation_interval_months), lastEvaluation.get(id) ?? null, today);
    const state = stateOf(info);
    if (!state || !info.dueOn) continue;
    items.push({ kind: 'plan_evaluation', title: p.title_sv, titleEn: p.title_en, dueOn: info.dueOn, state, path: `/${slug}/handlingsplaner/${id}`, recordId: id, municipalityId });
  }
  const dueFrom = addDays(today, MEASURE_DUE_DAYS);
  for (const m of measures) {
    const end = m.end_date!;
    const id = Number(m.id);
    const state = end < today ? 'overdue' : end <= dueFrom ? 'due' : 'upcoming';
    items.push({
      kind: 'measure_end',
      title: m.title_sv,
      titleEn: m.title_en,
      planTitle: m.plan_title,
      dueOn: end,
      state,
      path: `/${slug}/handlingsplaner/${Number(m.plan_id)}/atgarder/${id}`,
      recordId: id,
      unitId: m.owner_unit_id === null ? null : Number(m.owner_unit_id),
      municipalityId,
    });
  }
  return items.sort(compareDueItems);
}
