/**
 * Real databases for the integration tests: a fresh SQLite file, and a fresh PostgreSQL database
 * created for each test file and dropped afterwards. PostgreSQL is used when it answers at
 * TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres); with CI=true it must.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createApp } from '../../src/app.js';
import { type Config, loadConfig } from '../../src/config/env.js';
import { type DbHandle, openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { setLogLevel } from '../../src/log.js';
import { seedIfEmpty } from '../../src/seed/load.js';

export type DbKind = 'sqlite' | 'postgres';
export const POSTGRES_URL = process.env.TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

let probe: Promise<DbKind[]> | undefined;

/** The databases to run on. Throws under CI when PostgreSQL does not answer. */
export function availableDatabases(): Promise<DbKind[]> {
  probe ??= (async () => {
    const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('select 1');
      return ['sqlite', 'postgres'] as DbKind[];
    } catch (e) {
      if (process.env.CI === 'true') throw new Error(`CI=true but PostgreSQL does not answer at ${POSTGRES_URL}: ${(e as Error).message}`);
      process.stderr.write(`PostgreSQL not reachable at ${POSTGRES_URL}: running the database tests on SQLite only.\n`);
      return ['sqlite'] as DbKind[];
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return probe;
}

export interface TestDb {
  kind: DbKind;
  handle: DbHandle;
  config: Config;
  close(): Promise<void>;
}

/** A new, empty, migrated database of the given kind. */
export async function createTestDb(kind: DbKind, options: { migrate?: boolean; statementTimeoutMs?: number } = {}): Promise<TestDb> {
  setLogLevel('silent');
  const { config, cleanup } = kind === 'sqlite' ? newSqliteFile() : await newPostgresDatabase(options.statementTimeoutMs ?? 15_000);
  const handle = openDatabase(config.database);
  if (options.migrate !== false) await migrateToLatest(handle.db);
  return {
    kind,
    handle,
    config,
    close: async () => {
      await handle.db.destroy();
      await cleanup();
    },
  };
}

function newSqliteFile(): { config: Config; cleanup: () => Promise<void> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'utblick-test-'));
  const config = loadConfig({ DATABASE_URL: `sqlite:${path.join(dir, 'test.db')}`, LOG_LEVEL: 'silent' });
  return { config, cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

async function newPostgresDatabase(statementTimeoutMs: number): Promise<{ config: Config; cleanup: () => Promise<void> }> {
  const name = `utblick_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  const config = loadConfig({
    DATABASE_URL: url.toString(),
    ATTACHMENTS_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'utblick-attachments-')),
    LOG_LEVEL: 'silent',
    DATABASE_POOL_SIZE: '4',
    DATABASE_STATEMENT_TIMEOUT_MS: String(statementTimeoutMs),
  });
  return { config, cleanup: () => admin(`drop database if exists ${name} with (force)`) };
}

/** A seeded database and the app over it, called in-process with `app.request()`. */
export async function createTestApp(kind: DbKind) {
  const db = await createTestDb(kind);
  await seedIfEmpty(db.handle);
  const app = createApp({ handle: db.handle, config: db.config });
  return { ...db, app };
}
