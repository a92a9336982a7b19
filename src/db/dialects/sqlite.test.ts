import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createSqliteDb, openSqlite, sqliteDriverName } from './sqlite.js';

const hasNodeSqlite = Boolean((process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule?.('node:sqlite'));

describe('SQLite driver', () => {
  it('uses node:sqlite where the runtime has it, better-sqlite3 otherwise, unless forced', () => {
    expect(sqliteDriverName({})).toBe(hasNodeSqlite ? 'node' : 'better-sqlite3');
    expect(sqliteDriverName({ UTBLICK_SQLITE_DRIVER: 'better-sqlite3' })).toBe('better-sqlite3');
  });

  it(`runs transactions, FTS5 trigram and RETURNING on ${sqliteDriverName()}`, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'utblick-driver-'));
    const db = createSqliteDb(path.join(dir, 't.db'));
    try {
      await sql`create table t (id integer primary key autoincrement, x text not null)`.execute(db);
      await sql`create virtual table f using fts5(x, tokenize='trigram')`.execute(db);
      const id = await db.transaction().execute(async (trx) => {
        const r = await sql<{ id: number }>`insert into t (x) values (${'vänortssamarbetet'}) returning id`.execute(trx);
        await sql`insert into f (rowid, x) values (${r.rows[0]!.id}, ${'vänortssamarbetet'})`.execute(trx);
        return r.rows[0]!.id;
      });
      const hit = await sql<{ id: number }>`select rowid as id from f where f match ${'"vänort"'}`.execute(db);
      expect(hit.rows.map((r) => Number(r.id))).toEqual([Number(id)]);
      await expect(
        db.transaction().execute(async (trx) => {
          await sql`insert into t (x) values (${'rolled back'})`.execute(trx);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      const count = await sql<{ n: number }>`select count(*) as n from t`.execute(db);
      expect(Number(count.rows[0]!.n)).toBe(1);
    } finally {
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('tells when the data may have changed: own writes at once, other processes within a millisecond', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'utblick-version-'));
    const file = path.join(dir, 'v.db');
    const a = openSqlite(file);
    const b = openSqlite(file);
    try {
      await sql`create table t (x integer)`.execute(a.db);
      const v1 = a.dataVersion();
      expect(a.dataVersion()).toBe(v1);
      await sql`select count(*) from t`.execute(a.db);
      expect(a.dataVersion()).toBe(v1);
      await sql`insert into t values (1)`.execute(a.db);
      const v2 = a.dataVersion();
      expect(v2).not.toBe(v1);
      await sql`insert into t values (2)`.execute(b.db);
      await new Promise((r) => setTimeout(r, 5));
      expect(a.dataVersion()).not.toBe(v2);
    } finally {
      await a.db.destroy();
      await b.db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
