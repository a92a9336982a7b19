/**
 * What the strategy back office reads: strategies, their goal tree, reviews, action plans, the
 * follow-up lists (late measures, measures without a progress report, goals nothing serves), the
 * links of a goal and the saved versions. Every function takes the handle first and scopes by
 * municipality or strategy; ids come back as numbers on both databases.
 */

import type { Db } from '../../../db/database.js';
import type { Strategy, StrategyGoal } from '../../../db/schema.js';
import { inTreeOrder } from '../goal-links.js';
import type { StrategySnapshot } from '../versions.js';

export type StrategyRecord = Strategy;
export type GoalRecord = StrategyGoal;

const num = (v: unknown): number => Number(v);
const numOrNull = (v: unknown): number | null => (v == null ? null : Number(v));

function toStrategy(r: Strategy): StrategyRecord {
  return { ...r, id: num(r.id), municipality_id: num(r.municipality_id), superseded_by_id: numOrNull(r.superseded_by_id), version: num(r.version) };
}

function toGoal(g: StrategyGoal): GoalRecord {
  return { ...g, id: num(g.id), municipality_id: num(g.municipality_id), strategy_id: num(g.strategy_id), parent_id: numOrNull(g.parent_id), position: num(g.position), weight: num(g.weight) };
}

/** The municipality's strategies, adopted first, then drafts, then superseded; with the date of the last review. */
export async function listStrategies(db: Db, municipalityId: number) {
  const rows = await db.selectFrom('strategies').selectAll().where('municipality_id', '=', municipalityId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  const ids = rows.map((r) => num(r.id));
  const reviews = ids.length
    ? await db
        .selectFrom('strategy_reviews')
        .select(['strategy_id', (eb) => eb.fn.max('reviewed_on').as('last')])
        .where('strategy_id', 'in', ids)
        .groupBy('strategy_id')
        .execute()
    : [];
  const last = new Map(reviews.map((r) => [num(r.strategy_id), (r.last as string | null) ?? null]));
  const order = { adopted: 0, draft: 1, superseded: 2 } as const;
  return rows
    .map(toStrategy)
    .map((s) => ({ ...s, lastReviewedOn: last.get(s.id) ?? null }))
    .sort((a, b) => order[a.status] - order[b.status]);
}

/** One strategy of the municipality, or undefined (also for another municipality's). */
export async function findStrategy(db: Db, municipalityId: number, id: number): Promise<StrategyRecord | undefined> {
  const row = await db.selectFrom('strategies').selectAll().where('id', '=', id).where('municipality_id', '=', municipalityId).executeTakeFirst();
  return row ? toStrategy(row) : undefined;
}

/** Every goal of the strategy, unordered. */
export async function listGoals(db: Db, strategyId: number): Promise<GoalRecord[]> {
  const rows = await db.selectFrom('strategy_goals').selectAll().where('strategy_id', '=', strategyId).execute();
  return rows.map(toGoal);
}

export type TreeGoal = GoalRecord & { depth: number };

/** The goals depth first, siblings by position then id, each with its depth. Tolerates broken parents. */
export function treeOrder(goals: readonly GoalRecord[]): TreeGoal[] {
  return inTreeOrder(goals.map((g) => ({ ...g, parentId: g.parent_id }))).map(({ parentId: _parentId, ...g }) => g);
}

/** The goal and every goal below it. */
export function subtreeIds(goals: readonly GoalRecord[], goalId: number): Set<number> {
  const out = new Set<number>([goalId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const g of goals) {
      if (g.parent_id !== null && out.has(g.parent_id) && !out.has(g.id)) {
        out.add(g.id);
        grew = true;
      }
    }
  }
  return out;
}

export async function findGoal(db: Db, strategyId: number, goalId: number): Promise<GoalRecord | undefined> {
  const row = await db.selectFrom('strategy_goals').selectAll().where('id', '=', goalId).where('strategy_id', '=', strategyId).executeTakeFirst();
  return row ? toGoal(row) : undefined;
}

export async function listReviews(db: Db, strategyId: number) {
  const rows = await db.selectFrom('strategy_reviews').selectAll().where('strategy_id', '=', strategyId).orderBy('reviewed_on', 'desc').orderBy('id', 'desc').execute();
  return rows.map((r) => ({ ...r, id: num(r.id) }));
}

export async function listPlans(db: Db, strategyId: number) {
  const rows = await db
    .selectFrom('action_plans')
    .select(['id', 'title_sv', 'title_en', 'period_start', 'period_end', 'status'])
    .where('strategy_id', '=', strategyId)
    .orderBy('period_start', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, id: num(r.id) }));
}

/** After how many days a measure counts as without a progress report (municipality_settings; default 90). */
export async function staleAfterDays(db: Db, municipalityId: number): Promise<number> {
  const row = await db.selectFrom('municipality_settings').select('stale_after_days').where('municipality_id', '=', municipalityId).executeTakeFirst();
  return row ? num(row.stale_after_days) : DEFAULT_STALE_DAYS;
}

export const DEFAULT_STALE_DAYS = 90;

/** The ISO timestamp `days` days before the start of `today` (UTC). */
export function staleCutoff(today: string, days: number): string {
  const t = Date.parse(`${today}T00:00:00.000Z`) - days * 86_400_000;
  return new Date(t).toISOString();
}

export interface FollowUpMeasure {
  id: number;
  planId: number;
  planTitle: string;
  planTitleEn: string | null;
  title: string;
  titleEn: string | null;
  unit: string | null;
  endDate: string | null;
  progress: number;
  lastReport: string | null;
  createdAt: string;
}

/**
 * The follow-up lists of a strategy: measures whose end date has passed without their being done
 * or cancelled, measures (not done or cancelled) without a progress report since `staleDays`
 * before today — both in plans that are not closed — and the goals that neither they nor any goal
 * below them have a (not cancelled) measure, project or partnership linked to.
 */
export async function followUp(db: Db, strategyId: number, today: string, staleDays: number) {
  const base = db
    .selectFrom('measures as m')
    .innerJoin('action_plans as p', 'p.id', 'm.plan_id')
    .leftJoin('organisations as o', 'o.id', 'm.owner_unit_id')
    .select([
      'm.id',
      'm.plan_id',
      'p.title_sv as plan_title_sv',
      'p.title_en as plan_title_en',
      'm.title_sv',
      'm.title_en',
      'o.name_sv as unit',
      'm.end_date',
      'm.progress',
      'm.progress_updated_at',
      'm.created_at',
    ])
    .where('p.strategy_id', '=', strategyId)
    .where('p.status', '<>', 'closed')
    .where('m.status', 'not in', ['done', 'cancelled']);
  const cutoff = staleCutoff(today, staleDays);
  const [late, stale, goals, measureLinks, projectLinks, partnershipLinks] = await Promise.all([
    base.where('m.end_date', 'is not', null).where('m.end_date', '<', today).orderBy('m.end_date').orderBy('m.id').limit(500).execute(),
    base
      .where((eb) => eb(eb.fn.coalesce('m.progress_updated_at', 'm.created_at'), '<', cutoff))
      .orderBy((eb) => eb.fn.coalesce('m.progress_updated_at', 'm.created_at'))
      .orderBy('m.id')
      .limit(500)
      .execute(),
    listGoals(db, strategyId),
    db
      .selectFrom('measure_goals as mg')
      .innerJoin('strategy_goals as g', 'g.id', 'mg.goal_id')
      .innerJoin('measures as m', 'm.id', 'mg.measure_id')
      .select('mg.goal_id')
      .where('g.strategy_id', '=', strategyId)
      .where('m.status', '<>', 'cancelled')
      .distinct()
      .execute(),
    db.selectFrom('project_goals as pg').innerJoin('strategy_goals as g', 'g.id', 'pg.goal_id').select('pg.goal_id').where('g.strategy_id', '=', strategyId).distinct().execute(),
    db.selectFrom('partnership_goals as sg').innerJoin('strategy_goals as g', 'g.id', 'sg.goal_id').select('sg.goal_id').where('g.strategy_id', '=', strategyId).distinct().execute(),
  ]);
  const toMeasure = (r: (typeof late)[number]): FollowUpMeasure => ({
    id: num(r.id),
    planId: num(r.plan_id),
    planTitle: r.plan_title_sv,
    planTitleEn: r.plan_title_en,
    title: r.title_sv,
    titleEn: r.title_en,
    unit: r.unit ?? null,
    endDate: r.end_date,
    progress: num(r.progress),
    lastReport: r.progress_updated_at,
    createdAt: r.created_at,
  });
  const covered = new Set<number>([...measureLinks, ...projectLinks, ...partnershipLinks].map((l) => num(l.goal_id)));
  // A goal is covered when it or a goal below it is: walk up from every directly covered goal.
  const parentOf = new Map(goals.map((g) => [g.id, g.parent_id]));
  for (const id of [...covered]) {
    const seen = new Set<number>();
    for (let at = parentOf.get(id) ?? null; at !== null && !seen.has(at); at = parentOf.get(at) ?? null) {
      seen.add(at);
      covered.add(at);
    }
  }
  const uncovered = treeOrder(goals).filter((g) => !covered.has(g.id));
  return { late: late.map(toMeasure), stale: stale.map(toMeasure), uncovered, staleDays };
}

export type FollowUp = Awaited<ReturnType<typeof followUp>>;

/** What serves a goal directly: measures (with their plan), projects and partnerships. */
export async function goalLinks(db: Db, goalId: number) {
  const [measures, projects, partnerships] = await Promise.all([
    db
      .selectFrom('measure_goals as mg')
      .innerJoin('measures as m', 'm.id', 'mg.measure_id')
      .innerJoin('action_plans as p', 'p.id', 'm.plan_id')
      .select(['m.id', 'm.plan_id', 'm.title_sv', 'm.title_en', 'm.status', 'm.progress', 'm.end_date', 'p.title_sv as plan_title_sv', 'p.title_en as plan_title_en'])
      .where('mg.goal_id', '=', goalId)
      .orderBy('p.period_start', 'desc')
      .orderBy('m.position')
      .orderBy('m.id')
      .execute(),
    db.selectFrom('project_goals as pg').innerJoin('projects as p', 'p.id', 'pg.project_id').select(['p.id', 'p.title_sv', 'p.title_en', 'p.year']).where('pg.goal_id', '=', goalId).orderBy('p.title_sv').execute(),
    db.selectFrom('partnership_goals as sg').innerJoin('partnerships as p', 'p.id', 'sg.partnership_id').select(['p.id', 'p.title_sv', 'p.title_en']).where('sg.goal_id', '=', goalId).orderBy('p.title_sv').execute(),
  ]);
  return {
    measures: measures.map((m) => ({ ...m, id: num(m.id), plan_id: num(m.plan_id), progress: num(m.progress) })),
    projects: projects.map((p) => ({ ...p, id: num(p.id) })),
    partnerships: partnerships.map((p) => ({ ...p, id: num(p.id) })),
  };
}

/** How many links the goals have in all: measures, projects, partnerships. */
export async function linkCounts(db: Db, goalIds: number[]) {
  if (goalIds.length === 0) return { measures: 0, projects: 0, partnerships: 0 };
  const count = async (table: 'measure_goals' | 'project_goals' | 'partnership_goals') => {
    const r = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .where('goal_id', 'in', goalIds)
      .executeTakeFirst();
    return num(r?.n ?? 0);
  };
  const [measures, projects, partnerships] = await Promise.all([count('measure_goals'), count('project_goals'), count('partnership_goals')]);
  return { measures, projects, partnerships };
}

export async function listVersions(db: Db, strategyId: number) {
  const rows = await db.selectFrom('strategy_versions').select(['version', 'note', 'actor_label', 'created_at']).where('strategy_id', '=', strategyId).orderBy('version', 'desc').execute();
  return rows.map((r) => ({ ...r, version: num(r.version) }));
}

/** One saved version with its snapshot, or undefined. */
export async function findVersion(db: Db, strategyId: number, version: number) {
  const row = await db.selectFrom('strategy_versions').select(['version', 'note', 'actor_label', 'created_at', 'snapshot']).where('strategy_id', '=', strategyId).where('version', '=', version).executeTakeFirst();
  if (!row) return undefined;
  let snapshot: StrategySnapshot | undefined;
  try {
    snapshot = JSON.parse(row.snapshot) as StrategySnapshot;
  } catch {
    snapshot = undefined;
  }
  return { version: num(row.version), note: row.note, actor_label: row.actor_label, created_at: row.created_at, snapshot };
}

/** Titles of other strategies by id (for "superseded by"). */
export async function strategyTitle(db: Db, municipalityId: number, id: number) {
  return db.selectFrom('strategies').select(['id', 'title_sv', 'title_en']).where('id', '=', id).where('municipality_id', '=', municipalityId).executeTakeFirst();
}
