/**
 * Strategy queries for the public site: only the municipality's adopted strategy, only the
 * measures of its active action plans (the ones its progress is computed from; draft plans are not public, closed ones are listed as history), and only
 * published projects and partnerships. Nothing here reads notes, people or drafts.
 */
import { sql } from 'kysely';
import type { Db } from '../../../db/database.js';
import type { MeasureStatus } from '../../../db/schema.js';
import { inTreeOrder } from '../goal-links.js';
import { COUNTED_PLAN_STATUSES, loadStrategyProgress } from '../progress/progress.js';

/** Plans the public sees listed: the active one and earlier, closed ones (draft plans are not public). */
const PUBLIC_PLAN_STATUSES = ['active', 'closed'] as const;

/** The municipality's adopted strategy (the most recently adopted, should there be two), or undefined. */
export async function findAdoptedStrategy(db: Db, municipalityId: number) {
  const row = await db
    .selectFrom('strategies')
    .select([
      'id', 'title_sv', 'title_en', 'vision_sv', 'vision_en', 'adopted_by', 'adopted_on', 'minute_paragraph', 'registry_number',
      'responsibilities_sv', 'responsibilities_en',
    ])
    .where('municipality_id', '=', municipalityId)
    .where('status', '=', 'adopted')
    .orderBy(sql`coalesce(adopted_on, '')`, 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row ? { ...row, id: Number(row.id) } : undefined;
}

export type AdoptedStrategy = NonNullable<Awaited<ReturnType<typeof findAdoptedStrategy>>>;

/** Everything the public strategy page shows, or undefined when the municipality has no adopted strategy. */
export async function loadStrategyPage(db: Db, municipalityId: number, today: string) {
  const strategy = await findAdoptedStrategy(db, municipalityId);
  if (!strategy) return undefined;
  const [goalRows, plans, measures, measureGoals, projects, partnerships, progress] = await Promise.all([
    db
      .selectFrom('strategy_goals')
      .select(['id', 'parent_id', 'position', 'level_name', 'title_sv', 'title_en', 'description_sv', 'description_en', 'weight'])
      .where('strategy_id', '=', strategy.id)
      .where('municipality_id', '=', municipalityId)
      .execute(),
    db
      .selectFrom('action_plans')
      .select(['id', 'title_sv', 'title_en', 'period_start', 'period_end', 'status'])
      .where('strategy_id', '=', strategy.id)
      .where('municipality_id', '=', municipalityId)
      .where('status', 'in', [...PUBLIC_PLAN_STATUSES])
      .orderBy('period_start', 'desc')
      .orderBy('id', 'desc')
      .execute(),
    db
      .selectFrom('measures as me')
      .innerJoin('action_plans as ap', 'ap.id', 'me.plan_id')
      .leftJoin('organisations as u', (j) => j.onRef('u.id', '=', 'me.owner_unit_id').on('u.municipality_id', '=', municipalityId))
      .select([
        'me.id', 'me.plan_id', 'me.position', 'me.title_sv', 'me.title_en', 'me.start_date', 'me.end_date', 'me.status', 'me.progress',
        'u.id as unit_id', 'u.name_sv as unit_name_sv', 'u.name_en as unit_name_en', 'ap.period_start as plan_start', 'ap.period_end as plan_end',
      ])
      .where('ap.strategy_id', '=', strategy.id)
      .where('ap.municipality_id', '=', municipalityId)
      .where('me.municipality_id', '=', municipalityId)
      // Only the measures that count towards the goals (see COUNTED_PLAN_STATUSES): figures and lists agree.
      .where('ap.status', 'in', [...COUNTED_PLAN_STATUSES])
      .orderBy('ap.period_start', 'desc')
      .orderBy('me.position')
      .orderBy('me.id')
      .execute(),
    db
      .selectFrom('measure_goals as mg')
      .innerJoin('strategy_goals as g', 'g.id', 'mg.goal_id')
      .select(['mg.measure_id', 'mg.goal_id'])
      .where('g.strategy_id', '=', strategy.id)
      .execute(),
    db
      .selectFrom('project_goals as x')
      .innerJoin('strategy_goals as g', 'g.id', 'x.goal_id')
      .innerJoin('projects as p', 'p.id', 'x.project_id')
      .select(['x.goal_id', 'p.id', 'p.title_sv', 'p.title_en'])
      .where('g.strategy_id', '=', strategy.id)
      .where('p.municipality_id', '=', municipalityId)
      .where('p.publication_state', '=', 'published')
      .orderBy('p.title_sv')
      .orderBy('p.id')
      .execute(),
    db
      .selectFrom('partnership_goals as x')
      .innerJoin('strategy_goals as g', 'g.id', 'x.goal_id')
      .innerJoin('partnerships as p', 'p.id', 'x.partnership_id')
      .select(['x.goal_id', 'p.id', 'p.title_sv', 'p.title_en'])
      .where('g.strategy_id', '=', strategy.id)
      .where('p.municipality_id', '=', municipalityId)
      .where('p.publication_state', '=', 'published')
      .orderBy('p.title_sv')
      .orderBy('p.id')
      .execute(),
    loadStrategyProgress(db, strategy.id, today),
  ]);
  const goals = inTreeOrder(
    goalRows.map((g) => ({
      id: Number(g.id),
      parentId: g.parent_id === null ? null : Number(g.parent_id),
      position: Number(g.position),
      levelName: g.level_name,
      title_sv: g.title_sv,
      title_en: g.title_en,
      description_sv: g.description_sv,
      description_en: g.description_en,
      weight: Number(g.weight),
    })),
  );
  const group = <T>(rows: T[], key: (r: T) => number) => {
    const m = new Map<number, T[]>();
    for (const r of rows) {
      const k = key(r);
      const list = m.get(k);
      if (list) list.push(r);
      else m.set(k, [r]);
    }
    return m;
  };
  const measureById = new Map(
    measures.map((x) => [
      Number(x.id),
      {
        id: Number(x.id),
        plan_id: Number(x.plan_id),
        title_sv: x.title_sv,
        title_en: x.title_en,
        unit_id: x.unit_id === null ? null : Number(x.unit_id),
        unit_name_sv: x.unit_name_sv,
        unit_name_en: x.unit_name_en,
        start_date: x.start_date,
        end_date: x.end_date,
        plan_start: x.plan_start,
        plan_end: x.plan_end,
        status: x.status as MeasureStatus,
        progress: Number(x.progress),
      },
    ]),
  );
  const measureOrder = new Map(measures.map((x, i) => [Number(x.id), i]));
  const measuresOf = new Map<number, NonNullable<ReturnType<typeof measureById.get>>[]>();
  for (const mg of measureGoals) {
    const measure = measureById.get(Number(mg.measure_id));
    if (!measure) continue; // a measure of a draft plan
    const list = measuresOf.get(Number(mg.goal_id));
    if (list) list.push(measure);
    else measuresOf.set(Number(mg.goal_id), [measure]);
  }
  for (const list of measuresOf.values()) list.sort((a, b) => (measureOrder.get(a.id) ?? 0) - (measureOrder.get(b.id) ?? 0));
  const toLink = (r: { id: number | string; title_sv: string; title_en: string | null }) => ({ id: Number(r.id), title_sv: r.title_sv, title_en: r.title_en });
  const projectsOf = group(projects, (r) => Number(r.goal_id));
  const partnershipsOf = group(partnerships, (r) => Number(r.goal_id));
  return {
    strategy,
    plans: plans.map((p) => ({ ...p, id: Number(p.id) })),
    /** Every measure of the active plans, goals or not (for the open API), in the order they are listed. */
    measures: [...measureById.values()],
    goals: goals.map((g) => ({
      ...g,
      measures: measuresOf.get(g.id) ?? [],
      projects: (projectsOf.get(g.id) ?? []).map(toLink),
      partnerships: (partnershipsOf.get(g.id) ?? []).map(toLink),
      progress: progress.get(g.id),
    })),
  };
}

export type StrategyPageData = NonNullable<Awaited<ReturnType<typeof loadStrategyPage>>>;

/** The adopted strategy's goals a published project serves (for its public page and the API), in tree order. */
export async function adoptedGoalsOfProject(db: Db, municipalityId: number, projectId: number) {
  const strategy = await findAdoptedStrategy(db, municipalityId);
  if (!strategy) return [];
  const rows = await db
    .selectFrom('project_goals as x')
    .innerJoin('strategy_goals as g', 'g.id', 'x.goal_id')
    .select(['g.id', 'g.parent_id', 'g.position', 'g.level_name', 'g.title_sv', 'g.title_en'])
    .where('x.project_id', '=', projectId)
    .where('g.strategy_id', '=', strategy.id)
    .execute();
  return orderedLinks(rows);
}

/** The adopted strategy's goals each published partnership of the municipality serves, by partnership id. */
export async function adoptedGoalsOfPartnerships(db: Db, municipalityId: number) {
  const out = new Map<number, PublicGoalRef[]>();
  const strategy = await findAdoptedStrategy(db, municipalityId);
  if (!strategy) return out;
  const rows = await db
    .selectFrom('partnership_goals as x')
    .innerJoin('strategy_goals as g', 'g.id', 'x.goal_id')
    .innerJoin('partnerships as p', 'p.id', 'x.partnership_id')
    .select(['x.partnership_id', 'g.id', 'g.parent_id', 'g.position', 'g.level_name', 'g.title_sv', 'g.title_en'])
    .where('g.strategy_id', '=', strategy.id)
    .where('p.municipality_id', '=', municipalityId)
    .where('p.publication_state', '=', 'published')
    .execute();
  const byPartnership = new Map<number, typeof rows>();
  for (const r of rows) {
    const list = byPartnership.get(Number(r.partnership_id));
    if (list) list.push(r);
    else byPartnership.set(Number(r.partnership_id), [r]);
  }
  for (const [partnershipId, list] of byPartnership) out.set(partnershipId, orderedLinks(list));
  return out;
}

export interface PublicGoalRef {
  id: number;
  levelName: string;
  title_sv: string;
  title_en: string | null;
}

function orderedLinks(rows: { id: number | string; parent_id: number | string | null; position: number; level_name: string; title_sv: string; title_en: string | null }[]): PublicGoalRef[] {
  // Only the linked goals are read: one whose parent is not linked counts as top level here.
  return inTreeOrder(rows.map((r) => ({ id: Number(r.id), parentId: r.parent_id === null ? null : Number(r.parent_id), position: Number(r.position), levelName: r.level_name, title_sv: r.title_sv, title_en: r.title_en }))).map(
    (g) => ({ id: g.id, levelName: g.levelName, title_sv: g.title_sv, title_en: g.title_en }),
  );
}

/** The adopted strategy in brief, for the municipality's overview page: its title and how many goals it has at each level. */
export async function strategyInBrief(db: Db, municipalityId: number) {
  const strategy = await findAdoptedStrategy(db, municipalityId);
  if (!strategy) return undefined;
  const goals = await db.selectFrom('strategy_goals').select(['id', 'parent_id', 'position', 'level_name']).where('strategy_id', '=', strategy.id).execute();
  const ordered = inTreeOrder(goals.map((g) => ({ id: Number(g.id), parentId: g.parent_id === null ? null : Number(g.parent_id), position: Number(g.position), levelName: g.level_name })));
  // Level names in the order they first appear in the tree: "Övergripande mål", "Målområde", "Aktivitet".
  const levels = new Map<string, number>();
  for (const g of ordered) levels.set(g.levelName, (levels.get(g.levelName) ?? 0) + 1);
  return { title_sv: strategy.title_sv, title_en: strategy.title_en, goalCount: goals.length, levels: [...levels].map(([name, count]) => ({ name, count })) };
}
