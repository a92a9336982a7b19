/**
 * The strategy back office's changes. Each runs in one transaction that also writes the next
 * version of the strategy (`writeStrategyVersion`) where the strategy or its goals change, and the
 * audit trail. The caller has checked the permission ('edit', 'publish', 'decide', 'configure').
 */
import { z } from 'zod';
import type { Db } from '../../../db/database.js';
import { isPostgres, nowIso } from '../../../db/database.js';
import type { Lang } from '../../../i18n/index.js';
import { recordAudit } from '../../audit/chain.js';
import { type Actor, auditActor } from '../../policy/actor.js';
import { isIsoDate, optionalDate, optionalText, requiredText, versionField } from '../../registry/fields.js';
import { recordGoalHistory } from '../progress/progress.js';
import { writeStrategyVersion } from '../versions.js';
import { ERR, FOLLOW_UP, GOAL, REVIEW, tr, VERSION_NOTES } from './messages.js';
import { findGoal, findStrategy, listGoals, subtreeIds, treeOrder } from './repository.js';
import { MAX_DESCRIPTION, MAX_LEVEL_NAME, MAX_TITLE } from './tree-form.js';

/** Today's date (UTC) as ISO text. */
export const todayIso = () => new Date().toISOString().slice(0, 10);

export { isIsoDate };

// ── Strategy facts ────────────────────────────────────────────────────────────

export function strategySchema(lang: Lang) {
  return z.object({
    title_sv: requiredText(MAX_TITLE),
    title_en: optionalText(MAX_TITLE),
    vision_sv: optionalText(4000),
    vision_en: optionalText(4000),
    adopted_by: optionalText(200),
    adopted_on: optionalDate(tr(ERR.date, lang)),
    minute_paragraph: optionalText(50),
    registry_number: optionalText(100),
    responsibilities_sv: optionalText(20_000),
    responsibilities_en: optionalText(20_000),
    body_sv: optionalText(200_000),
    summary_en: optionalText(20_000),
    version: versionField,
  });
}

export type StrategyInput = z.output<ReturnType<typeof strategySchema>>;

function facts(input: StrategyInput) {
  const { version: _version, ...rest } = input;
  return rest;
}

/** Adds a draft strategy with version 1. */
export async function createStrategy(db: Db, actor: Actor, municipalityId: number, input: StrategyInput): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const now = nowIso();
    const row = await trx
      .insertInto('strategies')
      .values({ ...facts(input), municipality_id: municipalityId, status: 'draft', superseded_by_id: null, source: null, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(row.id);
    await writeStrategyVersion(trx, id, actor, VERSION_NOTES.created);
    await recordAudit(trx, { municipalityId, actor: auditActor(actor), action: 'create', entity: 'strategy', entityId: id, before: null, after: await findStrategy(trx, municipalityId, id) });
    return id;
  });
}

export type WriteResult = { ok: true } | { ok: false; reason: 'not_found' } | { ok: false; reason: 'conflict' } | { ok: false; reason: 'invalid'; errors: Record<string, string> };

/** Saves the facts form over a strategy as a new version. An adopted strategy keeps its decision details. */
export async function updateStrategy(db: Db, actor: Actor, municipalityId: number, id: number, input: StrategyInput, lang: Lang): Promise<WriteResult> {
  return db.transaction().execute(async (trx): Promise<WriteResult> => {
    const before = await findStrategy(trx, municipalityId, id);
    if (!before) return { ok: false, reason: 'not_found' };
    if (input.version && input.version !== before.updated_at) return { ok: false, reason: 'conflict' };
    if (before.status === 'adopted') {
      const errors: Record<string, string> = {};
      if (!input.adopted_by) errors.adopted_by = tr(ERR.adoptedNeedsBy, lang);
      if (!input.adopted_on) errors.adopted_on = tr(ERR.adoptedNeedsOn, lang);
      if (Object.keys(errors).length) return { ok: false, reason: 'invalid', errors };
    }
    await trx.updateTable('strategies').set({ ...facts(input), updated_at: nowIso() }).where('id', '=', id).where('municipality_id', '=', municipalityId).execute();
    await writeStrategyVersion(trx, id, actor, VERSION_NOTES.updated);
    await recordAudit(trx, { municipalityId, actor: auditActor(actor), action: 'update', entity: 'strategy', entityId: id, before, after: await findStrategy(trx, municipalityId, id) });
    return { ok: true };
  });
}

export type AdoptResult = { ok: true; superseded: number[] } | { ok: false; reason: 'not_found' } | { ok: false; reason: 'superseded' } | { ok: false; reason: 'incomplete'; errors: Record<string, string> };

/**
 * Marks the strategy adopted. It needs the adopting body and the date of the decision. Any other
 * adopted strategy of the municipality becomes superseded by this one (one adopted strategy at a
 * time). Adopting an adopted strategy again changes nothing.
 */
export async function adoptStrategy(db: Db, actor: Actor, municipalityId: number, id: number, lang: Lang): Promise<AdoptResult> {
  return db.transaction().execute(async (trx): Promise<AdoptResult> => {
    // Serialise adoptions in the municipality (SQLite's write transactions are serial already).
    if (isPostgres(trx)) await trx.selectFrom('municipalities').select('id').where('id', '=', municipalityId).forUpdate().execute();
    const before = await findStrategy(trx, municipalityId, id);
    if (!before) return { ok: false, reason: 'not_found' };
    if (before.status === 'superseded') return { ok: false, reason: 'superseded' };
    if (before.status === 'adopted') return { ok: true, superseded: [] };
    const errors: Record<string, string> = {};
    if (!before.adopted_by) errors.adopted_by = tr(ERR.adoptNeedsBy, lang);
    if (!before.adopted_on) errors.adopted_on = tr(ERR.adoptNeedsOn, lang);
    if (Object.keys(errors).length) return { ok: false, reason: 'incomplete', errors };
    const now = nowIso();
    const others = await trx.selectFrom('strategies').select('id').where('municipality_id', '=', municipalityId).where('status', '=', 'adopted').where('id', '<>', id).execute();
    const superseded: number[] = [];
    for (const o of others) {
      const otherId = Number(o.id);
      const old = await findStrategy(trx, municipalityId, otherId);
      await trx.updateTable('strategies').set({ status: 'superseded', superseded_by_id: id, updated_at: now }).where('id', '=', otherId).execute();
      await writeStrategyVersion(trx, otherId, actor, VERSION_NOTES.superseded);
      await recordAudit(trx, { municipalityId, actor: auditActor(actor), action: 'supersede', entity: 'strategy', entityId: otherId, before: old, after: await findStrategy(trx, municipalityId, otherId), details: { superseded_by: id } });
      superseded.push(otherId);
    }
    await trx.updateTable('strategies').set({ status: 'adopted', superseded_by_id: null, updated_at: now }).where('id', '=', id).execute();
    await writeStrategyVersion(trx, id, actor, VERSION_NOTES.adopted);
    await recordAudit(trx, { municipalityId, actor: auditActor(actor), action: 'adopt', entity: 'strategy', entityId: id, before, after: await findStrategy(trx, municipalityId, id), details: superseded.length ? { supersedes: superseded } : undefined });
    return { ok: true, superseded };
  });
}

// ── Reviews ───────────────────────────────────────────────────────────────────

export function reviewSchema(lang: Lang, today: string) {
  return z.object({
    reviewed_on: z
      .string()
      .optional()
      .transform((v, ctx) => {
        const s = (v ?? '').trim();
        if (!isIsoDate(s)) {
          ctx.addIssue({ code: 'custom', message: tr(REVIEW.dateError, lang) });
          return z.NEVER;
        }
        if (s > today) {
          ctx.addIssue({ code: 'custom', message: tr(REVIEW.futureError, lang) });
          return z.NEVER;
        }
        return s;
      }),
    outcome: z.enum(['unchanged', 'revise']),
    note_sv: optionalText(4000),
    decision_reference: optionalText(200),
  });
}

export type ReviewInput = z.output<ReturnType<typeof reviewSchema>>;

/** Records a review of the strategy (AL-2). */
export async function recordReview(db: Db, actor: Actor, municipalityId: number, strategyId: number, input: ReviewInput): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('strategy_reviews')
      .values({ strategy_id: strategyId, reviewed_on: input.reviewed_on, outcome: input.outcome, note_sv: input.note_sv, decision_reference: input.decision_reference, user_id: actor.userId, created_at: nowIso() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(row.id);
    await recordAudit(trx, { municipalityId, actor: auditActor(actor), action: 'review', entity: 'strategy_review', entityId: id, before: null, after: { strategy_id: strategyId, ...input } });
    return id;
  });
}

// ── Goals ─────────────────────────────────────────────────────────────────────

/** A number as people type it: "2,5", "1". Undefined when it is not one. */
function looseNumber(raw: string): number | undefined {
  const s = raw.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,4})?$/.test(s)) return undefined;
  return Number(s);
}

const goalId = (message: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const s = (v ?? '').trim();
      if (!s) return null;
      if (!/^[1-9][0-9]{0,14}$/.test(s)) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return Number(s);
    });

export function goalSchema(lang: Lang) {
  return z.object({
    parent_id: goalId(tr(GOAL.parentError, lang)),
    level_name: requiredText(MAX_LEVEL_NAME),
    title_sv: requiredText(MAX_TITLE),
    title_en: optionalText(MAX_TITLE),
    description_sv: optionalText(MAX_DESCRIPTION),
    description_en: optionalText(MAX_DESCRIPTION),
    weight: z
      .string()
      .optional()
      .transform((v, ctx) => {
        const s = (v ?? '').trim();
        if (!s) return 1;
        const n = looseNumber(s);
        if (n === undefined || n < 0 || n > 100) {
          ctx.addIssue({ code: 'custom', message: tr(GOAL.weightError, lang) });
          return z.NEVER;
        }
        return n;
      }),
    position: z
      .string()
      .optional()
      .transform((v, ctx) => {
        const s = (v ?? '').trim();
        if (!s) return null;
        if (!/^[1-9][0-9]{0,4}$/.test(s)) {
          ctx.addIssue({ code: 'custom', message: tr(GOAL.positionError, lang) });
          return z.NEVER;
        }
        return Number(s);
      }),
    version: versionField,
  });
}

export type GoalInput = z.output<ReturnType<typeof goalSchema>>;

/** Renumbers the children of `parentId` 0…n-1 in the given order. */
async function renumber(trx: Db, strategyId: number, orderedIds: number[]) {
  for (const [i, id] of orderedIds.entries()) await trx.updateTable('strategy_goals').set({ position: i }).where('id', '=', id).where('strategy_id', '=', strategyId).execute();
}

/** The children of `parentId`, in order, as ids. */
function siblingsOf(goals: Awaited<ReturnType<typeof listGoals>>, parentId: number | null, except?: number): number[] {
  return treeOrder(goals)
    .filter((g) => g.parent_id === parentId && g.id !== except)
    .map((g) => g.id);
}

function goalValues(input: GoalInput) {
  return { level_name: input.level_name, title_sv: input.title_sv, title_en: input.title_en, description_sv: input.description_sv, description_en: input.description_en, weight: input.weight };
}

export type GoalWriteResult = { ok: true; id: number } | { ok: false; reason: 'not_found' } | { ok: false; reason: 'conflict' } | { ok: false; reason: 'invalid'; errors: Record<string, string> };

/** Adds a goal under the chosen parent (of the same strategy), at the chosen place or last. */
export async function createGoal(db: Db, actor: Actor, municipalityId: number, strategyId: number, input: GoalInput, lang: Lang): Promise<GoalWriteResult> {
  return db.transaction().execute(async (trx): Promise<GoalWriteResult> => {
    const goals = await listGoals(trx, strategyId);
    if (input.parent_id !== null && !goals.some((g) => g.id === input.parent_id)) return { ok: false, reason: 'invalid', errors: { parent_id: tr(GOAL.parentError, lang) } };
    const now = nowIso();
    const siblings = siblingsOf(goals, input.parent_id);
    const row = await trx
      .insertInto('strategy_goals')
      .values({ ...goalValues(input), municipality_id: municipalityId, strategy_id: strategyId, parent_id: input.parent_id, position: siblings.length, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(row.id);
    if (input.position !== null && input.position <= siblings.length) {
      siblings.splice(input.position - 1, 0, id);
      await renumber(trx, strategyId, siblings);
    }
    await trx.updateTable('strategies').set({ updated_at: now }).where('id', '=', strategyId).execute();
    await writeStrategyVersion(trx, strategyId, actor, VERSION_NOTES.goalCreated.replace('{title}', input.title_sv));
    await recordGoalHistory(trx, strategyId, todayIso());
    await recordAudit(trx, { municipalityId, actor: auditActor(actor), action: 'create', entity: 'strategy_goal', entityId: id, before: null, after: await findGoal(trx, strategyId, id) });
    return { ok: true, id };
  });
}

/**
 * Saves the goal form: title, level, description, weight, and its place in the tree (another
 * parent of the same strategy, never itself or a goal below it; the place among its siblings).
 */
export async function updateGoal(db: Db, actor: Actor, municipalityId: number, strategyId: number, id: number, input: GoalInput, lang: Lang): Promise<GoalWriteResult> {
  return db.transaction().execute(async (trx): Promise<GoalWriteResult> => {
    const goals = await listGoals(trx, strategyId);
    const before = goals.find((g) => g.id === id);
    if (!before) return { ok: false, reason: 'not_found' };
    if (input.version && input.version !== before.updated_at) return { ok: false, reason: 'conflict' };
    if (input.parent_id !== null) {
      if (!goals.some((g) => g.id === input.parent_id)) return { ok: false, reason: 'invalid', errors: { parent_id: tr(GOAL.parentError, lang) } };
      if (subtreeIds(goals, id).has(input.parent_id)) return { ok: false, reason: 'invalid', errors: { parent_id: tr(GOAL.cycleError, lang) } };
    }
    const moved = input.parent_id !== before.parent_id;
    const oldSiblings = siblingsOf(goals, before.parent_id);
    const newSiblings = siblingsOf(goals, input.parent_id, id);
    const at = input.position !== null ? Math.min(input.position - 1, newSiblings.length) : moved ? newSiblings.length : Math.max(0, oldSiblings.indexOf(id));
    newSiblings.splice(at, 0, id);
    const now = nowIso();
    await trx.updateTable('strategy_goals').set({ ...goalValues(input), parent_id: input.parent_id, updated_at: now }).where('id', '=', id).where('strategy_id', '=', strategyId).execute();
    await renumber(trx, strategyId, newSiblings);
    if (moved) await renumber(trx, strategyId, oldSiblings.filter((s) => s !== id));
    const repositioned = moved || oldSiblings.indexOf(id) !== at;
    await trx.updateTable('strategies').set({ updated_at: now }).where('id', '=', strategyId).execute();
    await writeStrategyVersion(trx, strategyId, actor, VERSION_NOTES.goalUpdated.replace('{title}', input.title_sv));
    await recordGoalHistory(trx, strategyId, todayIso());
    const after = await findGoal(trx, strategyId, id);
    await recordAudit(trx, { municipalityId, actor: auditActor(actor), action: repositioned ? 'move' : 'update', entity: 'strategy_goal', entityId: id, before, after });
    return { ok: true, id };
  });
}

/** Deletes the goal and every goal below it; their links to measures, projects and partnerships go with them. */
export async function deleteGoal(db: Db, actor: Actor, municipalityId: number, strategyId: number, id: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const goals = await listGoals(trx, strategyId);
    const goal = goals.find((g) => g.id === id);
    if (!goal) return false;
    const ids = [...subtreeIds(goals, id)];
    const removed = treeOrder(goals).filter((g) => ids.includes(g.id));
    // Deepest first, so no row is left pointing at a deleted parent mid-statement.
    for (const g of [...removed].reverse()) await trx.deleteFrom('strategy_goals').where('id', '=', g.id).where('strategy_id', '=', strategyId).execute();
    await renumber(trx, strategyId, siblingsOf(goals, goal.parent_id, id));
    await trx.updateTable('strategies').set({ updated_at: nowIso() }).where('id', '=', strategyId).execute();
    await writeStrategyVersion(trx, strategyId, actor, VERSION_NOTES.goalDeleted.replace('{title}', goal.title_sv));
    await recordGoalHistory(trx, strategyId, todayIso());
    await recordAudit(trx, { municipalityId, actor: auditActor(actor), action: 'delete', entity: 'strategy_goal', entityId: id, before: { ...goal, subgoals: removed.length - 1 }, after: null });
    return true;
  });
}

// ── Follow-up setting ─────────────────────────────────────────────────────────

export const MAX_STALE_DAYS = 730;

/** The number of days from the settings form, or an error message. */
export function parseStaleDays(raw: string, lang: Lang): { ok: true; days: number } | { ok: false; message: string } {
  const s = raw.trim();
  if (!/^[1-9][0-9]{0,3}$/.test(s) || Number(s) > MAX_STALE_DAYS) return { ok: false, message: tr(FOLLOW_UP.staleDaysError, lang) };
  return { ok: true, days: Number(s) };
}

/** Saves after how many days a measure counts as without a progress report. */
export async function saveStaleDays(db: Db, actor: Actor, municipalityId: number, days: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('municipality_settings').select('stale_after_days').where('municipality_id', '=', municipalityId).executeTakeFirst();
    const now = nowIso();
    await trx
      .insertInto('municipality_settings')
      .values({ municipality_id: municipalityId, stale_after_days: days, updated_at: now })
      .onConflict((oc) => oc.column('municipality_id').doUpdateSet({ stale_after_days: days, updated_at: now }))
      .execute();
    await recordAudit(trx, {
      municipalityId,
      actor: auditActor(actor),
      action: 'update',
      entity: 'municipality_settings',
      entityId: municipalityId,
      before: before ? { stale_after_days: Number(before.stale_after_days) } : null,
      after: { stale_after_days: days },
    });
  });
}
