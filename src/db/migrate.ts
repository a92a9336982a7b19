/** Runs the migrations (a fixed, ordered list) on either database. */
import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Db } from './database.js';
import * as initial from './migrations/20261121_0100_initial.js';
import * as backOffice from './migrations/20261121_0200_back_office.js';
import * as strategy from './migrations/20261121_0300_strategy.js';
import * as reporting from './migrations/20261121_0400_reporting.js';

const MIGRATIONS: Record<string, Migration> = {
  '20261121_0100_initial': initial,
  '20261121_0200_back_office': backOffice,
  '20261121_0300_strategy': strategy,
  '20261121_0400_reporting': reporting,
};

class StaticProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return MIGRATIONS;
  }
}

/**
 * Brings the schema up to date.
 * @throws Error naming the migration that failed; a failed migration is rolled back.
 */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new StaticProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
