/**
 * The goals projects and partnerships serve (`project_goals`, `partnership_goals`): the goals
 * their forms offer, reading and writing the links, and the goal tree in reading order.
 *
 * The forms offer the goals of the municipality's adopted and draft strategies. A link to a goal
 * of a superseded strategy is history: the forms neither show nor change it, and writing a form
 * keeps it (only links to goals the form offers are replaced).
 */
import type { Db } from '../../db/database.js';

/** Strategy statuses whose goals the forms offer. */
export const LINKABLE_STATUSES = ['adopted', 'draft'] as const;

export interface TreeGoal {
  id: number;
  parentId: number | null;
  position: number;
}

/**
 * The goals in reading order (depth first: a goal, then its sub-goals, by position and id), each
 * with its depth (0 for a top-level goal). A goal whose parent is missing counts as top level; a
 * cycle cannot hide a goal.
 */
export function inTreeOrder<G extends TreeGoal>(goals: readonly G[]): (G & { depth: number })[] {
  const ids = new Set(goals.map((g) => g.id));
  const children = new Map<number | null, G[]>();
  for (const g of goals) {
    const parent = g.parentId !== null && ids.has(g.parentId) && g.parentId !== g.id ? g.parentId : null;
    const list = children.get(parent);
    if (list) list.push(g);
    else children.set(parent, [g]);
  }
  for (const list of children.values()) list.sort((a, b) => a.position - b.position || a.id - b.id);
  const out: (G & { depth: number })[] = [];
  const seen = new Set<number>();
  const visit = (parent: number | null, depth: number) => {
    for (const g of children.get(parent) ?? []) {
      if (seen.has(g.id)) continue;
      seen.add(g.id);
      out.push({ ...g, depth });
      visit(g.id, depth + 1);
    }
  };
  visit(null, 0);
  // Goals only reachable through a cycle: shown at the top level rather than lost.
  for (const g of goals) {
    if (!seen.has(g.id)) {
      seen.add(g.id);
      out.push({ ...g, depth: 0 });
      visit(g.id, 1);
    }
  }
  return out;
}

export interface GoalChoice {
  id: number;
  strategyId: number;
  parentId: number | null;
  position: number;
  depth: number;
  levelName: string;
  title_sv: string;
  title_en: string | null;
}

export interface GoalChoiceGroup {
  strategyId: number;
  title_sv: string;
  title_en: string | null;
  status: (typeof LINKABLE_STATUSES)[number];
  /** In reading order. */
  goals: GoalChoice[];
}

/** The goals a project or partnership of the municipality may be linked to: its adopted strategies first, then its drafts. */
export async function loadGoalChoices(db: Db, municipalityId: number): Promise<GoalChoiceGroup[]> {
  const strategies = await db
    .selectFrom('strategies')
    .select(['id', 'title_sv', 'title_en', 'status'])
    .where('municipality_id', '=', municipalityId)
    .where('status', 'in', [...LINKABLE_STATUSES])
    .orderBy('id', 'desc')
    .execute();
  if (strategies.length === 0) return [];
  const goals = await db
    .selectFrom('strategy_goals')
    .select(['id', 'strategy_id', 'parent_id', 'position', 'level_name', 'title_sv', 'title_en'])
    .where('municipality_id', '=', municipalityId)
    .where(
      'strategy_id',
      'in',
      strategies.map((s) => Number(s.id)),
    )
    .execute();
  const groups = strategies.map((s) => {
    const mine = goals
      .filter((g) => Number(g.strategy_id) === Number(s.id))
      .map((g) => ({
        id: Number(g.id),
        strategyId: Number(g.strategy_id),
        parentId: g.parent_id === null ? null : Number(g.parent_id),
        position: Number(g.position),
        levelName: g.level_name,
        title_sv: g.title_sv,
        title_en: g.title_en,
      }));
    return { strategyId: Number(s.id), title_sv: s.title_sv, title_en: s.title_en, status: s.status as GoalChoiceGroup['status'], goals: inTreeOrder(mine) };
  });
  return groups.filter((g) => g.goals.length > 0).sort((a, b) => (a.status === b.status ? 0 : a.status === 'adopted' ? -1 : 1));
}

/** Every goal id the choices offer. */
export function goalChoiceIds(groups: readonly GoalChoiceGroup[]): Set<number> {
  return new Set(groups.flatMap((g) => g.goals.map((x) => x.id)));
}

/** A goal among the choices, by id. */
export function findGoalChoice(groups: readonly GoalChoiceGroup[], id: number): GoalChoice | undefined {
  for (const g of groups) {
    const found = g.goals.find((x) => x.id === id);
    if (found) return found;
  }
  return undefined;
}

/** "Målområde: Internationellt engagemang" (the title in the language, Swedish when there is no English). */
export function goalLabel(g: { levelName: string; title_sv: string; title_en: string | null }, lang: 'sv' | 'en'): string {
  const title = lang === 'en' && g.title_en ? g.title_en : g.title_sv;
  return g.levelName ? `${g.levelName}: ${title}` : title;
}

type LinkTable = 'project_goals' | 'partnership_goals';

/** Ids of the goals of the municipality's adopted and draft strategies (what a form may change). */
async function linkableGoalIds(db: Db, municipalityId: number): Promise<Set<number>> {
  const rows = await db
    .selectFrom('strategy_goals as g')
    .innerJoin('strategies as s', 's.id', 'g.strategy_id')
    .select('g.id')
    .where('g.municipality_id', '=', municipalityId)
    .where('s.municipality_id', '=', municipalityId)
    .where('s.status', 'in', [...LINKABLE_STATUSES])
    .execute();
  return new Set(rows.map((r) => Number(r.id)));
}

/** The linked goal ids of a project that the form shows (goals of adopted and draft strategies), ascending. */
export async function projectGoalIds(db: Db, projectId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('project_goals as x')
    .innerJoin('strategy_goals as g', 'g.id', 'x.goal_id')
    .innerJoin('strategies as s', 's.id', 'g.strategy_id')
    .select('x.goal_id')
    .where('x.project_id', '=', projectId)
    .where('s.status', 'in', [...LINKABLE_STATUSES])
    .orderBy('x.goal_id')
    .execute();
  return rows.map((r) => Number(r.goal_id));
}

/** The linked goal ids of a partnership that the form shows, ascending. */
export async function partnershipGoalIds(db: Db, partnershipId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('partnership_goals as x')
    .innerJoin('strategy_goals as g', 'g.id', 'x.goal_id')
    .innerJoin('strategies as s', 's.id', 'g.strategy_id')
    .select('x.goal_id')
    .where('x.partnership_id', '=', partnershipId)
    .where('s.status', 'in', [...LINKABLE_STATUSES])
    .orderBy('x.goal_id')
    .execute();
  return rows.map((r) => Number(r.goal_id));
}

/**
 * Replaces the links of a project or partnership to the goals of the municipality's adopted and
 * draft strategies with `goalIds` (inside the caller's transaction). Ids that are not such goals of
 * this municipality (another municipality's, a goal removed or superseded since) are dropped;
 * links to goals of superseded strategies stay as they are.
 */
export async function replaceGoalLinks(trx: Db, table: LinkTable, municipalityId: number, ownerId: number, goalIds: readonly number[]): Promise<void> {
  const linkable = await linkableGoalIds(trx, municipalityId);
  const wanted = [...new Set(goalIds)].filter((g) => linkable.has(g));
  if (table === 'project_goals') {
    const current = await trx.selectFrom('project_goals').select('goal_id').where('project_id', '=', ownerId).execute();
    const drop = current.map((r) => Number(r.goal_id)).filter((g) => linkable.has(g) && !wanted.includes(g));
    const have = new Set(current.map((r) => Number(r.goal_id)));
    if (drop.length) await trx.deleteFrom('project_goals').where('project_id', '=', ownerId).where('goal_id', 'in', drop).execute();
    const add = wanted.filter((g) => !have.has(g));
    if (add.length) await trx.insertInto('project_goals').values(add.map((goal_id) => ({ project_id: ownerId, goal_id }))).execute();
  } else {
    const current = await trx.selectFrom('partnership_goals').select('goal_id').where('partnership_id', '=', ownerId).execute();
    const drop = current.map((r) => Number(r.goal_id)).filter((g) => linkable.has(g) && !wanted.includes(g));
    const have = new Set(current.map((r) => Number(r.goal_id)));
    if (drop.length) await trx.deleteFrom('partnership_goals').where('partnership_id', '=', ownerId).where('goal_id', 'in', drop).execute();
    const add = wanted.filter((g) => !have.has(g));
    if (add.length) await trx.insertInto('partnership_goals').values(add.map((goal_id) => ({ partnership_id: ownerId, goal_id }))).execute();
  }
}
