/**
 * SQLite specifics: the driver, the connection with its pragmas, a statement cache, and
 * transactions that take the write lock up front (`BEGIN IMMEDIATE`), so two writers never
 * deadlock on a lock upgrade.
 *
 * Driver: Node's built-in `node:sqlite` where the runtime has it (Node ≥ 22.13), else
 * better-sqlite3 (Node 20). Measured reason: better-sqlite3 12.x (the last line that supports
 * Node 20) aborts the process on Node ≥ 24.19 when a statement is garbage-collected
 * (nodejs/node#65446), and better-sqlite3 13 needs Node 22. `UTBLICK_SQLITE_DRIVER=better-sqlite3`
 * or `=node` forces one.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { CompiledQuery, type DatabaseConnection, type Driver, Kysely, SqliteDialect, SqliteDriver } from 'kysely';
import type { Database } from '../schema.js';

/** The part of a driver's statement that Kysely's SQLite dialect uses. */
interface Statement {
  readonly reader: boolean;
  all(parameters: ReadonlyArray<unknown>): unknown[];
  run(parameters: ReadonlyArray<unknown>): { changes: number | bigint; lastInsertRowid: number | bigint };
  iterate(parameters: ReadonlyArray<unknown>): IterableIterator<unknown>;
}

/** The part of a driver's database that Kysely's SQLite dialect uses, plus `exec`. */
interface RawDatabase {
  prepare(sql: string): Statement;
  exec(sql: string): void;
  close(): void;
}

/** node:sqlite's types, declared here: @types/node 20 does not know the module. */
interface NodeStatementSync {
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): { changes: number | bigint; lastInsertRowid: number | bigint };
  iterate(...params: unknown[]): IterableIterator<unknown>;
  columns(): unknown[];
}
interface NodeSqliteModule {
  DatabaseSync: new (file: string) => { prepare(sql: string): NodeStatementSync; exec(sql: string): void; close(): void };
}

export type SqliteDriverName = 'node' | 'better-sqlite3';

function nodeSqlite(): NodeSqliteModule | undefined {
  try {
    return (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule?.('node:sqlite') as NodeSqliteModule | undefined;
  } catch {
    return undefined;
  }
}

/** Which driver this runtime uses (see the module comment). */
export function sqliteDriverName(env = process.env): SqliteDriverName {
  const forced = env.UTBLICK_SQLITE_DRIVER;
  if (forced === 'node' || forced === 'better-sqlite3') return forced;
  return nodeSqlite() ? 'node' : 'better-sqlite3';
}

function openRaw(file: string, driver: SqliteDriverName): RawDatabase {
  if (driver === 'node') {
    const mod = nodeSqlite();
    if (!mod) throw new Error('node:sqlite is not available in this Node.js version; use Node ≥ 22.13 or UTBLICK_SQLITE_DRIVER=better-sqlite3');
    const db = new mod.DatabaseSync(file);
    return {
      prepare(sql) {
        const s = db.prepare(sql);
        return {
          reader: s.columns().length > 0,
          all: (p) => s.all(...p),
          run: (p) => s.run(...p),
          iterate: (p) => s.iterate(...p),
        };
      },
      exec: (sql) => db.exec(sql),
      close: () => db.close(),
    };
  }
  // Loaded only when used: on Node 24 its native addon is never touched.
  const BetterSqlite3 = createRequire(import.meta.url)('better-sqlite3') as new (file: string) => RawDatabase;
  return new BetterSqlite3(file);
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: ConstructorParameters<typeof SqliteDialect>[0];
  constructor(config: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

const READ_ONLY = /^\s*(select|pragma|explain|values)\b/i;

/** Counts each statement that may write, once it has run (see `dataVersion`). */
function countingWrites(stmt: Statement, onWrite: () => void): Statement {
  return {
    reader: stmt.reader,
    all: (p) => {
      const rows = stmt.all(p);
      onWrite();
      return rows;
    },
    run: (p) => {
      const result = stmt.run(p);
      onWrite();
      return result;
    },
    iterate: (p) => {
      onWrite();
      return stmt.iterate(p);
    },
  };
}

/**
 * Wraps `prepare` with a bounded cache (Kysely prepares every query anew, which costs ~20 µs each)
 * and calls `onWrite` after every statement that is not a plain read.
 */
function withStatementCache(db: RawDatabase, onWrite: () => void, max = 500): RawDatabase {
  const cache = new Map<string, Statement>();
  return {
    prepare(source) {
      let stmt = cache.get(source);
      if (!stmt) {
        stmt = READ_ONLY.test(source) ? db.prepare(source) : countingWrites(db.prepare(source), onWrite);
        if (cache.size >= max) cache.delete(cache.keys().next().value as string);
        cache.set(source, stmt);
      }
      return stmt;
    },
    exec: (sql) => db.exec(sql),
    close: () => {
      cache.clear();
      db.close();
    },
  };
}

/** Opens (creating its folder if needed) the SQLite file and returns a Kysely instance over it. */
export function createSqliteDb(file: string, driver: SqliteDriverName = sqliteDriverName()): Kysely<Database> {
  return openSqlite(file, driver).db;
}

/**
 * Opens the SQLite file. `dataVersion()` returns a value that changes whenever the database may
 * have changed: a counter of this connection's writing statements (moved at once), and
 * `PRAGMA data_version`, which moves when another connection (another process) commits, read at
 * most once a millisecond. So a write of this process is seen by the next call, one of another
 * process within a millisecond. It costs well under a microsecond, cheap enough for every request
 * of a response cache.
 */
export function openSqlite(file: string, driver: SqliteDriverName = sqliteDriverName()): { db: Kysely<Database>; dataVersion: () => string } {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const raw = openRaw(file, driver);
  raw.exec('pragma journal_mode = WAL');
  raw.exec('pragma synchronous = FULL');
  raw.exec('pragma foreign_keys = ON');
  raw.exec('pragma busy_timeout = 5000');
  raw.exec('pragma temp_store = MEMORY');
  let writes = 0;
  const external = raw.prepare('pragma data_version');
  let checkedAt = Number.NEGATIVE_INFINITY;
  let externalVersion = 0;
  const dataVersion = () => {
    const now = performance.now();
    if (now - checkedAt >= 1) {
      checkedAt = now;
      externalVersion = Number((external.all([])[0] as { data_version: number } | undefined)?.data_version ?? 0);
    }
    return `${externalVersion}:${writes}`;
  };
  const database = withStatementCache(raw, () => {
    writes++;
  });
  return { db: new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database }) }), dataVersion };
}
