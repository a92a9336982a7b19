/**
 * Reading action plans, their measures (with goals, indicators and notes), evaluations, and what
 * the forms choose from (the municipality's strategies, a strategy's goal tree, the units). Every
 * lookup is scoped to the municipality, so another municipality's id finds nothing.
 */

import type { Kysely, Transaction } from 'kysely';
import type { Db } from '../../../db/database.js';
import type { ActionPlanStatus, Database, MeasureStatus, StrategyStatus } from '../../../db/schema.js';
import { listUnits } from '../../registry/units/service.js';
import { inTreeOrder } from '../goal-links.js';

type Reader = Db | Kysely<Database> | Transaction<Database>;

const num = (v: unknown): number => Number(v);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export interface Plan {
  id: number;
  municipality_id: number;
  strategy_id: number;
  title_sv: string;
  title_en: string | null;
  period_start: string;
  period_end: string;
  status: ActionPlanStatus;
  evaluation_interval_months: number;
  previous_plan_id: number | null;
  created_at: string;
  updated_at: string;
}

const PLAN_COLUMNS = ['id', 'municipality_id', 'strategy_id', 'title_sv', 'title_en', 'period_start', 'period_end', 'status', 'evaluation_interval_months', 'previous_plan_id', 'created_at', 'updated_at'] as const;

function toPlan(r: Record<(typeof PLAN_COLUMNS)[number], unknown>): Plan {
  return {
    id: num(r.id),
    municipality_id: num(r.municipality_id),
    strategy_id: num(r.strategy_id),
    title_sv: String(r.title_sv),
    title_en: (r.title_en as string | null) ?? null,
    period_start: String(r.period_start),
    period_end: String(r.period_end),
    status: r.status as ActionPlanStatus,
    evaluation_interval_months: num(r.evaluation_interval_months),
    previous_plan_id: numOrNull(r.previous_plan_id),
    created_at: String(r.created_at),
    updated_at: String(r.updated_at),
  };
}

/** One plan of the municipality, or undefined. */
export async function findPlan(db: Reader, municipalityId: number, id: number): Promise<Plan | undefined> {
  const r = await db.selectFrom('action_plans').select(PLAN_COLUMNS).where('id', '=', id).where('municipality_id', '=', municipalityId).executeTakeFirst();
  return r ? toPlan(r) : undefined;
}

export interface StrategyRef {
  id: number;
  title_sv: string;
  title_en: string | null;
  status: StrategyStatus;
}

/** The municipality's strategies, adopted first, then drafts, then superseded ones. */
export async function listStrategies(db: Reader, municipalityId: number): Promise<StrategyRef[]> {
  const rows = await db.selectFrom('strategies').select(['id', 'title_sv', 'title_en', 'status', 'adopted_on']).where('municipality_id', '=', municipalityId).orderBy('id').execute();
  const rank: Record<string, number> = { adopted: 0, draft: 1, superseded: 2 };
  return rows
    .map((r) => ({ id: num(r.id), title_sv: r.title_sv, title_en: r.title_en, status: r.status, adopted_on: r.adopted_on }))
    .sort((a, b) => (rank[a.status] ?? 3) - (rank[b.status] ?? 3) || (b.adopted_on ?? '').localeCompare(a.adopted_on ?? '') || a.id - b.id)
    .map(({ adopted_on: _a, ...s }) => s);
}

export interface GoalNode {
  id: number;
  parentId: number | null;
  depth: number;
  levelName: string;
  title_sv: string;
  title_en: string | null;
}

/** A strategy's goals depth first (by position), each with its depth. Tolerates broken parents. */
export async function listGoals(db: Reader, strategyId: number): Promise<GoalNode[]> {
  const rows = await db
    .selectFrom('strategy_goals')
    .select(['id', 'parent_id', 'position', 'level_name', 'title_sv', 'title_en'])
    .where('strategy_id', '=', strategyId)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return inTreeOrder(rows.map((r) => ({ id: num(r.id), parentId: numOrNull(r.parent_id), position: num(r.position), levelName: r.level_name, title_sv: r.title_sv, title_en: r.title_en }))).map(
    ({ position: _position, ...g }) => g,
  );
}

export interface MeasureRow {
  id: number;
  municipality_id: number;
  plan_id: number;
  position: number;
  title_sv: string;
  title_en: string | null;
  description_sv: string | null;
  description_en: string | null;
  owner_unit_id: number | null;
  start_date: string | null;
  end_date: string | null;
  status: MeasureStatus;
  progress: number;
  weight: number;
  progress_updated_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface MeasureSummary extends MeasureRow {
  goalIds: number[];
  /** The date of the newest progress note, or null. */
  lastNoteOn: string | null;
}

const MEASURE_COLUMNS = [
  'id', 'municipality_id', 'plan_id', 'position', 'title_sv', 'title_en', 'description_sv', 'description_en', 'owner_unit_id', 'start_date', 'end_date', 'status', 'progress', 'weight',
  'progress_updated_at', 'created_at', 'updated_at',
] as const;

function toMeasure(r: Record<(typeof MEASURE_COLUMNS)[number], unknown>): MeasureRow {
  return {
    id: num(r.id),
    municipality_id: num(r.municipality_id),
    plan_id: num(r.plan_id),
    position: num(r.position),
    title_sv: String(r.title_sv),
    title_en: (r.title_en as string | null) ?? null,
    description_sv: (r.description_sv as string | null) ?? null,
    description_en: (r.description_en as string | null) ?? null,
    owner_unit_id: numOrNull(r.owner_unit_id),
    start_date: (r.start_date as string | null) ?? null,
    end_date: (r.end_date as string | null) ?? null,
    status: r.status as MeasureStatus,
    progress: num(r.progress),
    weight: num(r.weight),
    progress_updated_at: (r.progress_updated_at as string | null) ?? null,
    created_at: String(r.created_at),
    updated_at: String(r.updated_at),
  };
}

/** The measures of a plan in their order, each with its goal ids and the date of its newest note. */
export async function listMeasures(db: Reader, planId: number): Promise<MeasureSummary[]> {
  const rows = await db.selectFrom('measures').select(MEASURE_COLUMNS).where('plan_id', '=', planId).orderBy('position').orderBy('id').execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => num(r.id));
  const [links, notes] = await Promise.all([
    db.selectFrom('measure_goals').select(['measure_id', 'goal_id']).where('measure_id', 'in', ids).orderBy('goal_id').execute(),
    db.selectFrom('measure_notes').select(['measure_id', (eb) => eb.fn.max('noted_on').as('last')]).where('measure_id', 'in', ids).groupBy('measure_id').execute(),
  ]);
  const goalsOf = new Map<number, number[]>();
  for (const l of links) goalsOf.set(num(l.measure_id), [...(goalsOf.get(num(l.measure_id)) ?? []), num(l.goal_id)]);
  const lastOf = new Map(notes.map((n) => [num(n.measure_id), n.last === null ? null : String(n.last)]));
  return rows.map((r) => {
    const m = toMeasure(r);
    return { ...m, goalIds: goalsOf.get(m.id) ?? [], lastNoteOn: lastOf.get(m.id) ?? null };
  });
}

/** One measure of a plan of the municipality, or undefined. */
export async function findMeasure(db: Reader, municipalityId: number, planId: number, measureId: number): Promise<MeasureRow | undefined> {
  const r = await db.selectFrom('measures').select(MEASURE_COLUMNS).where('id', '=', measureId).where('plan_id', '=', planId).where('municipality_id', '=', municipalityId).executeTakeFirst();
  return r ? toMeasure(r) : undefined;
}

export interface IndicatorRecord {
  id: number;
  name_sv: string;
  name_en: string | null;
  unit: string | null;
  baseline: number | null;
  values: { period: string; target: number | null; actual: number | null }[];
}

export interface NoteRecord {
  id: number;
  noted_on: string;
  progress: number | null;
  status: MeasureStatus | null;
  text_sv: string | null;
  actor_label: string;
  created_at: string;
}

/** Everything about one measure: goal ids, indicators with their values by period, notes newest first. */
export async function measureDetails(db: Reader, measureId: number) {
  const [links, indicators, notes] = await Promise.all([
    db.selectFrom('measure_goals').select('goal_id').where('measure_id', '=', measureId).orderBy('goal_id').execute(),
    db.selectFrom('measure_indicators').select(['id', 'name_sv', 'name_en', 'unit', 'baseline']).where('measure_id', '=', measureId).orderBy('position').orderBy('id').execute(),
    db
      .selectFrom('measure_notes')
      .select(['id', 'noted_on', 'progress', 'status', 'text_sv', 'actor_label', 'created_at'])
      .where('measure_id', '=', measureId)
      .orderBy('noted_on', 'desc')
      .orderBy('id', 'desc')
      .execute(),
  ]);
  const indicatorIds = indicators.map((i) => num(i.id));
  const values =
    indicatorIds.length === 0
      ? []
      : await db.selectFrom('indicator_values').select(['indicator_id', 'period', 'target', 'actual']).where('indicator_id', 'in', indicatorIds).orderBy('period').execute();
  return {
    goalIds: links.map((l) => num(l.goal_id)),
    indicators: indicators.map(
      (i): IndicatorRecord => ({
        id: num(i.id),
        name_sv: i.name_sv,
        name_en: i.name_en,
        unit: i.unit,
        baseline: numOrNull(i.baseline),
        values: values.filter((v) => num(v.indicator_id) === num(i.id)).map((v) => ({ period: v.period, target: numOrNull(v.target), actual: numOrNull(v.actual) })),
      }),
    ),
    notes: notes.map((n): NoteRecord => ({ id: num(n.id), noted_on: n.noted_on, progress: numOrNull(n.progress), status: n.status, text_sv: n.text_sv, actor_label: n.actor_label, created_at: n.created_at })),
  };
}

export type MeasureDetails = Awaited<ReturnType<typeof measureDetails>>;

export interface PlanOverview extends Plan {
  measureCount: number;
  /** Mean progress of the measures that are not cancelled, or null when there are none. */
  meanProgress: number | null;
  lastEvaluatedOn: string | null;
}

/** Every plan of the municipality with its measure count, mean progress and last evaluation. */
export async function listPlans(db: Reader, municipalityId: number): Promise<PlanOverview[]> {
  const [plans, measures, evaluations] = await Promise.all([
    db.selectFrom('action_plans').select(PLAN_COLUMNS).where('municipality_id', '=', municipalityId).orderBy('period_start', 'desc').orderBy('id', 'desc').execute(),
    db.selectFrom('measures').select(['plan_id', 'status', 'progress']).where('municipality_id', '=', municipalityId).execute(),
    db
      .selectFrom('plan_evaluations')
      .select(['plan_id', (eb) => eb.fn.max('evaluated_on').as('last')])
      .where('municipality_id', '=', municipalityId)
      .groupBy('plan_id')
      .execute(),
  ]);
  const stats = new Map<number, { n: number; sum: number; counted: number }>();
  for (const m of measures) {
    const s = stats.get(num(m.plan_id)) ?? { n: 0, sum: 0, counted: 0 };
    s.n++;
    if (m.status !== 'cancelled') {
      s.sum += num(m.progress);
      s.counted++;
    }
    stats.set(num(m.plan_id), s);
  }
  const lastOf = new Map(evaluations.map((e) => [num(e.plan_id), e.last === null ? null : String(e.last)]));
  return plans.map((r) => {
    const p = toPlan(r);
    const s = stats.get(p.id);
    return { ...p, measureCount: s?.n ?? 0, meanProgress: s && s.counted > 0 ? Math.round((s.sum / s.counted) * 10) / 10 : null, lastEvaluatedOn: lastOf.get(p.id) ?? null };
  });
}

/** The date of the plan's newest evaluation, or null. */
export async function lastEvaluationOf(db: Reader, planId: number): Promise<string | null> {
  const r = await db.selectFrom('plan_evaluations').select((eb) => eb.fn.max('evaluated_on').as('last')).where('plan_id', '=', planId).executeTakeFirst();
  return r?.last == null ? null : String(r.last);
}

/** The plan's evaluations, newest first. */
export async function listEvaluations(db: Reader, planId: number) {
  const rows = await db.selectFrom('plan_evaluations').select(['id', 'evaluated_on', 'decision_reference']).where('plan_id', '=', planId).orderBy('evaluated_on', 'desc').orderBy('id', 'desc').execute();
  return rows.map((r) => ({ id: num(r.id), evaluated_on: r.evaluated_on, decision_reference: r.decision_reference }));
}

/** One evaluation of a plan of the municipality, with its items (measure titles joined), or undefined. */
export async function findEvaluation(db: Reader, municipalityId: number, planId: number, evaluationId: number) {
  const e = await db
    .selectFrom('plan_evaluations as e')
    .leftJoin('users as u', 'u.id', 'e.user_id')
    .select(['e.id', 'e.evaluated_on', 'e.summary_sv', 'e.changes_sv', 'e.decision_reference', 'e.created_at', 'u.display_name'])
    .where('e.id', '=', evaluationId)
    .where('e.plan_id', '=', planId)
    .where('e.municipality_id', '=', municipalityId)
    .executeTakeFirst();
  if (!e) return undefined;
  const items = await db
    .selectFrom('plan_evaluation_items as i')
    .innerJoin('measures as m', 'm.id', 'i.measure_id')
    .select(['i.measure_id', 'i.progress', 'i.status', 'i.achieved_sv', 'm.title_sv', 'm.title_en', 'm.position'])
    .where('i.evaluation_id', '=', evaluationId)
    .orderBy('m.position')
    .orderBy('m.id')
    .execute();
  return {
    id: num(e.id),
    evaluated_on: e.evaluated_on,
    summary_sv: e.summary_sv,
    changes_sv: e.changes_sv,
    decision_reference: e.decision_reference,
    created_at: e.created_at,
    recordedBy: e.display_name ?? null,
    items: items.map((i) => ({ measureId: num(i.measure_id), progress: numOrNull(i.progress), status: i.status, achieved_sv: i.achieved_sv, title_sv: i.title_sv, title_en: i.title_en })),
  };
}

export type EvaluationRecord = NonNullable<Awaited<ReturnType<typeof findEvaluation>>>;

/** The plans that were started as copies of this one. */
export async function successorsOf(db: Reader, municipalityId: number, planId: number) {
  const rows = await db.selectFrom('action_plans').select(['id', 'title_sv', 'title_en']).where('previous_plan_id', '=', planId).where('municipality_id', '=', municipalityId).orderBy('id').execute();
  return rows.map((r) => ({ ...r, id: num(r.id) }));
}

/** After how many days without a report a measure counts as not updated (municipality setting, default 90). */
export async function staleAfterDays(db: Reader, municipalityId: number): Promise<number> {
  const r = await db.selectFrom('municipality_settings').select('stale_after_days').where('municipality_id', '=', municipalityId).executeTakeFirst();
  const n = Number(r?.stale_after_days ?? 90);
  return Number.isFinite(n) && n > 0 ? n : 90;
}

/** The municipality's units (internal organisations) in tree order, each with its depth. */
export async function listUnitRefs(db: Db, municipalityId: number) {
  const { units } = await listUnits(db, municipalityId);
  return units.map((u) => ({ id: u.id, parentId: u.parent_id, depth: u.depth, name_sv: u.name_sv, name_en: u.name_en }));
}

export type UnitRef = Awaited<ReturnType<typeof listUnitRefs>>[number];
