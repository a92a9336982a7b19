/**
 * Back-office sessions, kept in the database. The cookie holds a random token; the database holds
 * only its SHA-256, so a copy of the database hands out no sessions. A new token at every sign-in
 * (no fixation), an idle and an absolute time-out, and signing out or disabling a user ends the
 * sessions at once (the rows are deleted; the next request finds nothing).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../app-env.js';
import type { Config } from '../../config/env.js';
import type { Db } from '../../db/database.js';
import type { SessionStage, SessionTable, User } from '../../db/schema.js';

/** Name without the prefix; Hono adds `__Host-` (Secure, Path=/, no Domain). */
export const SESSION_COOKIE = 'utblick_session';
/** Minimum time between two `last_seen_at` updates of one session. */
const TOUCH_INTERVAL_MS = 60_000;

/** A random URL-safe token with `bytes` bytes of entropy. */
export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Compares two strings in time independent of where they differ. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Starts a session and returns its token (to put in the cookie).
 * @example const token = await createSession(db, config, user.id, 'password', 'password')
 */
export async function createSession(db: Db, config: Config, userId: number, stage: SessionStage, method: 'password' | 'oidc'): Promise<string> {
  const token = newToken();
  const now = new Date();
  await db
    .insertInto('sessions')
    .values({
      id_hash: sha256Hex(token),
      user_id: userId,
      stage,
      csrf_token: newToken(24),
      active_municipality_id: null,
      auth_method: method,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + config.session.absoluteHours * 3_600_000).toISOString(),
    })
    .execute();
  return token;
}

export interface ResolvedSession {
  session: SessionTable;
  user: User;
}

/**
 * The live session of a token, or undefined when it is unknown, expired (absolute or idle), or
 * its user is disabled. Expired sessions are deleted on the way.
 */
export async function resolveSession(db: Db, config: Config, token: string): Promise<ResolvedSession | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const idHash = sha256Hex(token);
  const session = await db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
  if (!session) return undefined;
  const now = Date.now();
  const idleLimit = Date.parse(session.last_seen_at) + config.session.idleMinutes * 60_000;
  if (now >= Date.parse(session.expires_at) || now >= idleLimit) {
    await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    return undefined;
  }
  const user = await db.selectFrom('users').selectAll().where('id', '=', session.user_id).executeTakeFirst();
  if (!user || user.disabled_at) {
    await db.deleteFrom('sessions').where('user_id', '=', session.user_id).execute();
    return undefined;
  }
  if (now - Date.parse(session.last_seen_at) > TOUCH_INTERVAL_MS) {
    const seen = new Date(now).toISOString();
    await db.updateTable('sessions').set({ last_seen_at: seen }).where('id_hash', '=', idHash).execute();
    session.last_seen_at = seen;
  }
  return { session: { ...session, user_id: Number(session.user_id) }, user: { ...user, id: Number(user.id) } };
}

export async function endSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Ends every session of a user (sign-out everywhere, password change, disabling). */
export async function endAllSessions(db: Db, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Sets the session cookie: `__Host-`, Secure, HttpOnly, SameSite=Lax, no Max-Age (ends with the browser). */
export function setSessionCookie(c: Context<AppEnv>, token: string): void {
  setCookie(c, SESSION_COOKIE, token, { prefix: 'host', httpOnly: true, sameSite: 'Lax', path: '/' });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { prefix: 'host', path: '/', secure: true });
}

export function sessionToken(c: Context<AppEnv>): string | undefined {
  return getCookie(c, SESSION_COOKIE, 'host');
}
