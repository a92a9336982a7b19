/** Opens the configured database. Dialect-specific code lives in `./dialects/`. */
import { type Kysely, PostgresAdapter } from 'kysely';
import type { DatabaseConfig } from '../config/env.js';
import { createPostgresDb } from './dialects/postgres.js';
import { openSqlite } from './dialects/sqlite.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;
export type DialectName = 'sqlite' | 'postgres';

export interface DbHandle {
  db: Db;
  dialect: DialectName;
  /**
   * A value that changes when the data may have changed, or undefined where the database offers
   * no cheap way to tell (PostgreSQL: several processes write; see src/http/response-cache.ts).
   */
  dataVersion?: () => string;
}

export function openDatabase(config: DatabaseConfig): DbHandle {
  if (config.kind === 'sqlite') {
    const { db, dataVersion } = openSqlite(config.file);
    return { db, dialect: 'sqlite', dataVersion };
  }
  return { db: createPostgresDb(config.url, config.poolSize, config.statementTimeoutMs), dialect: 'postgres' };
}

/** Current time as ISO 8601 UTC text, the format of every timestamp column. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** Whether a handle (or transaction) talks to PostgreSQL, for the few statements written differently there. */
// biome-ignore lint/suspicious/noExplicitAny: any database shape.
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
