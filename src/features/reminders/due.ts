/** Every deadline of a municipality, from every feature. To be built (helper H5). */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { type DueItem, type DueItemOptions, strategyDueItems } from '../strategy/progress/due.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Strategy reviews, plan evaluations, measures, report sections and reports, partnership evaluations, decisions awaited, stale measures. */
export async function allDueItems(db: Db, municipalityId: number, today: string, options: DueItemOptions = {}): Promise<DueItem[]> {
  return strategyDueItems(db, municipalityId, today, options);
}
