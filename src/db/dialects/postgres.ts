/** PostgreSQL specifics: a pool with a statement timeout, and 64-bit integers read as numbers. */

import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { log } from '../../log.js';
import type { Database } from '../schema.js';

// bigint (money in minor units, counts) fits in a double for every sum we make (< 2^53 öre).
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number.parseFloat(v));

export function createPostgresDb(url: string, poolSize: number, statementTimeoutMs: number): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    statement_timeout: statementTimeoutMs,
    idle_in_transaction_session_timeout: statementTimeoutMs * 2,
    application_name: 'utblick',
  });
  // An idle connection can be closed by the server (a restart, an administrator): node-postgres
  // then emits 'error' on the pool, which would end the process without a listener. The pool
  // replaces the connection on the next query; log and go on.
  pool.on('error', (error) => log('error', 'PostgreSQL connection lost', { error: error.message }));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
