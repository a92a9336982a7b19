/** When each partnership's evaluation is due (AR-9). To be built (helper H4). */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../../db/schema.js';
import type { DueItem } from '../../../strategy/progress/due.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Active partnerships' evaluations that are due, overdue, or (with horizon null) upcoming. */
export async function partnershipEvaluationDueItems(db: Db, municipalityId: number, today: string, options: { horizonDays?: number | null } = {}): Promise<DueItem[]> {
  void db; void municipalityId; void today; void options;
  return [];
}
