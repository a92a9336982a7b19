/**
 * Limits on sign-in attempts, kept in the database (`auth_attempts`) so they hold across
 * processes. Keys are SHA-256 of the installation's salt, the kind and the value (an e-mail
 * address, a client address, a user id), so the table holds no addresses in clear.
 *
 * Only failures are counted (and requests that send mail); a successful sign-in clears the
 * account's failures.
 */
import { sql } from 'kysely';
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import type { Config } from '../../config/env.js';
import type { Db } from '../../db/database.js';
import { sha256Hex } from './session.js';

export type AttemptKind =
  /** A failed password for an e-mail address. */
  | 'login_account'
  /** A failed password from a client address. */
  | 'login_client'
  /** A failed second-factor code for a user. */
  | 'code_user'
  /** A password-reset request from a client address. */
  | 'reset_client'
  /** A password-reset mail sent to an account. */
  | 'reset_account'
  /** A TOTP time step already used by a user (refuses the same code twice). */
  | 'totp_used';

/** How many attempts of a kind are allowed per key within the window. */
export const LIMITS: Record<Exclude<AttemptKind, 'totp_used'>, { max: number; windowMinutes: number }> = {
  login_account: { max: 5, windowMinutes: 15 },
  login_client: { max: 20, windowMinutes: 15 },
  code_user: { max: 5, windowMinutes: 15 },
  reset_client: { max: 10, windowMinutes: 60 },
  reset_account: { max: 3, windowMinutes: 60 },
};

/** Attempts older than this are deleted. */
const KEEP_HOURS = 24;

export function attemptKey(config: Pick<Config, 'rateLimitSalt'>, kind: AttemptKind, value: string | number): string {
  return sha256Hex(`${config.rateLimitSalt}|${kind}|${String(value).toLowerCase()}`);
}

/**
 * The client's address: the last `X-Forwarded-For` entry (the one added by the nearest proxy),
 * else the socket's address.
 */
export function clientAddress(c: Context<AppEnv>): string {
  const forwarded = c.req.header('x-forwarded-for');
  const last = forwarded?.split(',').pop()?.trim();
  return (last || c.var.clientAddress || 'unknown').slice(0, 100);
}

/** Whether the key has reached its limit. */
export async function isLimited(db: Db, kind: keyof typeof LIMITS, key: string): Promise<boolean> {
  const { max, windowMinutes } = LIMITS[kind];
  const since = new Date(Date.now() - windowMinutes * 60_000).toISOString();
  const r = await db
    .selectFrom('auth_attempts')
    .select(sql<number>`count(*)`.as('n'))
    .where('key', '=', key)
    .where('kind', '=', kind)
    .where('at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(r.n) >= max;
}

export async function recordAttempt(db: Db, kind: AttemptKind, key: string): Promise<void> {
  const now = Date.now();
  await db.insertInto('auth_attempts').values({ key, kind, at: new Date(now).toISOString() }).execute();
  await db
    .deleteFrom('auth_attempts')
    .where('key', '=', key)
    .where('kind', '=', kind)
    .where('at', '<', new Date(now - KEEP_HOURS * 3_600_000).toISOString())
    .execute();
}

export async function clearAttempts(db: Db, kind: AttemptKind, key: string): Promise<void> {
  await db.deleteFrom('auth_attempts').where('key', '=', key).where('kind', '=', kind).execute();
}

/** Whether the key was recorded at all within the last `minutes` (used for TOTP steps). */
export async function seenRecently(db: Db, kind: AttemptKind, key: string, minutes: number): Promise<boolean> {
  const since = new Date(Date.now() - minutes * 60_000).toISOString();
  const r = await db.selectFrom('auth_attempts').select('id').where('key', '=', key).where('kind', '=', kind).where('at', '>=', since).executeTakeFirst();
  return r !== undefined;
}

/** Deletes every attempt older than a day (keys that are never seen again, such as used TOTP steps). */
export async function pruneAttempts(db: Db): Promise<void> {
  await db
    .deleteFrom('auth_attempts')
    .where('at', '<', new Date(Date.now() - KEEP_HOURS * 3_600_000).toISOString())
    .execute();
}
