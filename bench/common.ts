/**
 * What every benchmark step shares: progress lines, medians and percentiles, number formats, the
 * seeded random helpers, and the database engine's name for the report.
 */
import { sql } from 'kysely';
import type { DbHandle } from '../src/db/database.js';
import { sqliteDriverName } from '../src/db/dialects/sqlite.js';

/** A progress line on stderr (stdout stays for results). */
export const say = (s: string) => process.stderr.write(`${s}\n`);
/** A full garbage collection when node runs with --expose-gc (npm run bench does). */
export const gc = () => (globalThis as { gc?: () => void }).gc?.();
export const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
export const median = (xs: number[]) => {
  if (xs.length === 0) return Number.NaN;
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
/** Nearest-rank percentile. */
export const percentile = (xs: number[], p: number) => {
  if (xs.length === 0) return Number.NaN;
  const s = sorted(xs);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};
export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
export const fmtInt = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–');
export const pad2 = (n: number) => String(n).padStart(2, '0');

export type Rng = () => number;
export const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
export const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T;

/** "SQLite 3.53.2 via better-sqlite3" or "PostgreSQL 15.20 (…)". */
export async function engineName(handle: DbHandle): Promise<string> {
  if (handle.dialect === 'sqlite') {
    const r = await sql<{ v: string }>`select sqlite_version() as v`.execute(handle.db);
    return `SQLite ${r.rows[0]?.v ?? ''} via ${sqliteDriverName() === 'node' ? 'node:sqlite' : 'better-sqlite3'}`;
  }
  const r = await sql<Record<string, string>>`show server_version`.execute(handle.db);
  return `PostgreSQL ${Object.values(r.rows[0] ?? {})[0] ?? ''}`;
}
