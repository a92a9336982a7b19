/**
 * A strategy's goal progress from the database, and each goal's history over time: one row per
 * goal and day its progress or traffic light changed (`goal_progress_history`).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database, TrafficLight } from '../../../db/schema.js';
import type { GoalProgress, RollupMeasure } from '../model.js';
import { rollUp } from './rollup.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Plans whose measures count towards the goals: the active ones. A draft plan is not yet decided;
 * a closed plan is history (its unfinished measures were copied into the plan that replaced it).
 * The public page lists the same measures, so the figures and the list always agree.
 */
export const COUNTED_PLAN_STATUSES = ['active'] as const;

/**
 * Each goal of the strategy with its computed progress, from the measures of the strategy's
 * active action plans.
 */
export async function loadStrategyProgress(db: Db, strategyId: number, today: string): Promise<Map<number, GoalProgress>> {
  const [goals, measures, links] = await Promise.all([
    db.selectFrom('strategy_goals').select(['id', 'parent_id', 'weight']).where('strategy_id', '=', strategyId).execute(),
    db
      .selectFrom('measures as m')
      .innerJoin('action_plans as p', 'p.id', 'm.plan_id')
      .select(['m.id', 'm.progress', 'm.weight', 'm.status', 'm.start_date', 'm.end_date'])
      .where('p.strategy_id', '=', strategyId)
      .where('p.status', 'in', COUNTED_PLAN_STATUSES)
      .execute(),
    db
      .selectFrom('measure_goals as mg')
      .innerJoin('measures as m', 'm.id', 'mg.measure_id')
      .innerJoin('action_plans as p', 'p.id', 'm.plan_id')
      .select(['mg.measure_id', 'mg.goal_id'])
      .where('p.strategy_id', '=', strategyId)
      .where('p.status', 'in', COUNTED_PLAN_STATUSES)
      .execute(),
  ]);
  const goalIds = new Map<number, number[]>();
  for (const l of links) {
    const id = Number(l.measure_id);
    const list = goalIds.get(id) ?? [];
    list.push(Number(l.goal_id));
    goalIds.set(id, list);
  }
  const rollupMeasures: RollupMeasure[] = measures.map((m) => ({
    id: Number(m.id),
    goalIds: goalIds.get(Number(m.id)) ?? [],
    progress: Number(m.progress),
    weight: Number(m.weight),
    status: m.status,
    startDate: m.start_date,
    endDate: m.end_date,
  }));
  return rollUp(
    goals.map((g) => ({ id: Number(g.id), parentId: g.parent_id === null ? null : Number(g.parent_id), weight: Number(g.weight) })),
    rollupMeasures,
    today,
  );
}

const sameValue = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 1e-9);

/**
 * Records today's progress of every goal of the strategy: one row per goal for `today`, written
 * only when it differs from the goal's latest earlier row (so the history holds the days it
 * changed). Call it after any change of measures' progress, status, dates or goals, inside the
 * same transaction.
 */
export async function recordGoalHistory(db: Db, strategyId: number, today: string): Promise<void> {
  if (!db.isTransaction) {
    await (db as Kysely<Database>).transaction().execute((trx) => recordGoalHistory(trx, strategyId, today));
    return;
  }
  const progress = await loadStrategyProgress(db, strategyId, today);
  if (progress.size === 0) return;
  const goalIds = [...progress.keys()];
  // The latest row before today of each goal, in one query.
  const earlier = await db
    .selectFrom('goal_progress_history as h')
    .select(['h.goal_id', 'h.progress', 'h.light'])
    .where('h.goal_id', 'in', goalIds)
    .where('h.recorded_on', '=', (eb) =>
      eb
        .selectFrom('goal_progress_history as h2')
        .select((e) => e.fn.max('h2.recorded_on').as('latest'))
        .whereRef('h2.goal_id', '=', 'h.goal_id')
        .where('h2.recorded_on', '<', today),
    )
    .execute();
  const previous = new Map(earlier.map((r) => [Number(r.goal_id), { progress: r.progress === null ? null : Number(r.progress), light: r.light }]));

  const write: { goal_id: number; recorded_on: string; progress: number | null; light: TrafficLight }[] = [];
  const unchanged: number[] = [];
  for (const [goalId, p] of progress) {
    const prev = previous.get(goalId);
    if (prev && prev.light === p.light && sameValue(prev.progress, p.progress)) unchanged.push(goalId);
    else write.push({ goal_id: goalId, recorded_on: today, progress: p.progress, light: p.light });
  }
  // Back to what it was before today: today's row (from an earlier change today) says nothing new.
  if (unchanged.length > 0) await db.deleteFrom('goal_progress_history').where('goal_id', 'in', unchanged).where('recorded_on', '=', today).execute();
  for (let i = 0; i < write.length; i += 500) {
    await db
      .insertInto('goal_progress_history')
      .values(write.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['goal_id', 'recorded_on']).doUpdateSet((eb) => ({ progress: eb.ref('excluded.progress'), light: eb.ref('excluded.light') })))
      .execute();
  }
}

export interface GoalHistoryPoint {
  recordedOn: string;
  progress: number | null;
  light: TrafficLight;
}

/** A goal's recorded progress over time, oldest first. */
export async function goalHistory(db: Db, goalId: number): Promise<GoalHistoryPoint[]> {
  const rows = await db.selectFrom('goal_progress_history').select(['recorded_on', 'progress', 'light']).where('goal_id', '=', goalId).orderBy('recorded_on').execute();
  return rows.map((r) => ({ recordedOn: r.recorded_on, progress: r.progress === null ? null : Number(r.progress), light: r.light }));
}
