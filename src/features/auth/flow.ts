/**
 * The steps between "not signed in" and "signed in": where to go afterwards (never off-site),
 * and rotating the session at every change of privilege (a new token after the password, after
 * the second factor, after a password change), so a token seen before a step is worthless after it.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import type { Db } from '../../db/database.js';
import type { SessionStage } from '../../db/schema.js';
import type { Lang } from '../../i18n/index.js';
import { type AuditEntry, recordAudit } from '../audit/chain.js';
import { adminHref } from '../admin/context.js';
import { createSession, endSession, setSessionCookie, sessionToken, sha256Hex } from './session.js';

/** Back-office pages that make no sense to return to after signing in. */
const SIGN_IN_PAGES = /^\/(en\/)?admin\/(logga-in|logga-ut|glomt-losenord|aterstall|sso)(\/|$)/;

/**
 * `raw` if it is a back-office path of this site (`/admin…` or `/en/admin…`), else the back
 * office's start page. Refuses absolute and protocol-relative URLs, backslashes, control
 * characters and the sign-in pages themselves, so `?till=` can never send anyone elsewhere.
 */
export function safeReturnPath(raw: string | undefined | null, lang: Lang): string {
  const fallback = adminHref(lang);
  if (!raw || raw.length > 2000) return fallback;
  if (!/^\/(en\/)?admin(\/|\?|$)/.test(raw)) return fallback;
  if (/[\\\u0000-\u001F\u007F\s]/.test(raw) || raw.includes('//')) return fallback;
  let url: URL;
  try {
    url = new URL(raw, 'http://utblick.invalid');
  } catch {
    return fallback;
  }
  if (url.origin !== 'http://utblick.invalid' || !/^\/(en\/)?admin(\/|$)/.test(url.pathname)) return fallback;
  if (SIGN_IN_PAGES.test(url.pathname)) return fallback;
  return `${url.pathname}${url.search}`;
}

/** `path` with `?till=` added when the return path is not the default one. */
export function withReturn(path: string, till: string, lang: Lang): string {
  return till === adminHref(lang) ? path : `${path}${path.includes('?') ? '&' : '?'}till=${encodeURIComponent(till)}`;
}

/**
 * Ends this browser's current session (pending or complete), starts a new one at `stage`, and sets
 * the new cookie, all in one transaction with the audit entry and any `extra` work (whose result is
 * returned). After this the old cookie value opens nothing.
 */
export async function rotateSession<T = void>(
  c: Context<AppEnv>,
  userId: number,
  stage: SessionStage,
  method: 'password' | 'oidc',
  audit?: AuditEntry,
  extra?: (trx: Db) => Promise<T>,
): Promise<T | undefined> {
  const db = c.var.handle.db;
  const old = sessionToken(c);
  const { token, result } = await db.transaction().execute(async (trx) => {
    if (old) await endSession(trx, sha256Hex(old));
    const result = extra ? await extra(trx) : undefined;
    const token = await createSession(trx, c.var.config, userId, stage, method);
    if (audit) await recordAudit(trx, audit);
    return { token, result };
  });
  setSessionCookie(c, token);
  return result;
}
