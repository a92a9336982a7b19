/** The international budget of a year (AL-15): allocated, used, remaining. To be built (helper H4). */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { BudgetYear } from '../reports/model.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The year's budget per category; categories with nothing allocated or used still appear (allocated null). */
export async function budgetForYear(db: Db, municipalityId: number, year: number): Promise<BudgetYear> {
  void db; void municipalityId;
  return { year, categories: [] };
}
