/**
 * The history of a strategy's revisions: every save writes the whole strategy and its goal tree
 * as one numbered version (JSON), in the same transaction as the change.
 */
import type { Kysely, Transaction } from 'kysely';
import { nowIso } from '../../db/database.js';
import type { Database, Strategy, StrategyGoal } from '../../db/schema.js';
import { type Actor, actorLabel } from '../policy/actor.js';

export interface StrategySnapshot {
  strategy: Omit<Strategy, 'version'>;
  goals: StrategyGoal[];
}

/** The strategy and its goals as they are now in `trx`. */
export async function snapshotOf(trx: Kysely<Database> | Transaction<Database>, strategyId: number): Promise<StrategySnapshot | undefined> {
  const strategy = await trx.selectFrom('strategies').selectAll().where('id', '=', strategyId).executeTakeFirst();
  if (!strategy) return undefined;
  const goals = await trx.selectFrom('strategy_goals').selectAll().where('strategy_id', '=', strategyId).orderBy('parent_id').orderBy('position').orderBy('id').execute();
  const { version: _version, ...rest } = strategy;
  return {
    strategy: { ...rest, id: Number(rest.id), municipality_id: Number(rest.municipality_id), superseded_by_id: rest.superseded_by_id == null ? null : Number(rest.superseded_by_id) },
    goals: goals.map((g) => ({ ...g, id: Number(g.id), municipality_id: Number(g.municipality_id), strategy_id: Number(g.strategy_id), parent_id: g.parent_id == null ? null : Number(g.parent_id), weight: Number(g.weight) })),
  };
}

/**
 * Writes the next version of the strategy (call it inside the transaction that made the change,
 * after the change). Returns the new version number.
 */
export async function writeStrategyVersion(trx: Transaction<Database>, strategyId: number, actor: Actor | null, note: string | null): Promise<number> {
  const snapshot = await snapshotOf(trx, strategyId);
  if (!snapshot) throw new Error(`Strategy ${strategyId} does not exist`);
  const last = await trx.selectFrom('strategy_versions').select((eb) => eb.fn.max('version').as('v')).where('strategy_id', '=', strategyId).executeTakeFirst();
  const version = Number(last?.v ?? 0) + 1;
  await trx
    .insertInto('strategy_versions')
    .values({ strategy_id: strategyId, version, snapshot: JSON.stringify(snapshot), note, user_id: actor?.userId ?? null, actor_label: actor ? actorLabel(actor) : 'system', created_at: nowIso() })
    .execute();
  await trx.updateTable('strategies').set({ version }).where('id', '=', strategyId).execute();
  return version;
}

/** The versions of a strategy, newest first, without their snapshots. */
export function listStrategyVersions(db: Kysely<Database>, strategyId: number) {
  return db.selectFrom('strategy_versions').select(['id', 'version', 'note', 'actor_label', 'created_at']).where('strategy_id', '=', strategyId).orderBy('version', 'desc').execute();
}
