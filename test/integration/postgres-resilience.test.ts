/** PostgreSQL: a connection the server closes does not bring the process down. */
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { availableDatabases, createTestDb, POSTGRES_URL } from '../support/databases.js';

const kinds = await availableDatabases();

describe.runIf(kinds.includes('postgres'))('PostgreSQL connections', () => {
  it('survive the server terminating an idle connection', async () => {
    const t = await createTestDb('postgres');
    try {
      await sql`select 1`.execute(t.handle.db);
      const database = new URL(t.config.database.kind === 'postgres' ? t.config.database.url : '').pathname.slice(1);
      const admin = new pg.Client({ connectionString: POSTGRES_URL });
      await admin.connect();
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [database]);
      await admin.end();
      await new Promise((r) => setTimeout(r, 200));
      const r = await sql<{ one: number }>`select 1 as one`.execute(t.handle.db);
      expect(r.rows[0]?.one).toBe(1);
    } finally {
      await t.close();
    }
  });
});
