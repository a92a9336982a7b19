/** Deadlines of the half-year reports (sections per unit, the report itself): to be built (helper H6). */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { DueItem } from '../strategy/progress/due.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Draft reports' section deadlines (one item per unit not ready, `unitId` set) and report deadlines. */
export async function reportDueItems(db: Db, municipalityId: number, today: string): Promise<DueItem[]> {
  void db; void municipalityId; void today;
  return [];
}
