/**
 * In front of every back-office route (`/admin`, `/en/admin`): finds the session, loads the actor,
 * sends anyone not signed in to the sign-in page, checks the CSRF token of every state-changing
 * request, and marks every answer `no-store`.
 *
 * CSRF: signed-in forms carry the session's token in `_csrf` (or the `X-CSRF-Token` header);
 * forms before sign-in (sign-in, forgotten password) are protected by the Origin check in app.tsx
 * and by SameSite cookies.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { AppError } from '../../errors/index.js';
import { clearSessionCookie, resolveSession, safeEqual, sessionToken } from '../auth/session.js';
import { loadActor } from '../policy/actor.js';
import { adminHref } from './context.js';

/** Back-office paths that answer without a complete sign-in. */
const OPEN_PATHS = /^\/(logga-in|glomt-losenord|aterstall|sso)(\/|$)/;

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function adminGuard(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const lang = c.var.lang;
    const rest = c.req.path.replace(/^(\/en)?\/admin/, '') || '/';
    const token = sessionToken(c);
    if (token) {
      const resolved = await resolveSession(c.var.handle.db, c.var.config, token);
      if (!resolved) clearSessionCookie(c);
      else if (resolved.session.stage === 'complete') c.set('actor', await loadActor(c.var.handle.db, resolved.user, resolved.session));
      else c.set('pendingSession', { idHash: resolved.session.id_hash, userId: resolved.user.id, stage: resolved.session.stage, csrfToken: resolved.session.csrf_token });
    }
    const open = OPEN_PATHS.test(rest);
    if (!c.var.actor && !open) {
      const url = new URL(c.req.url);
      const back = c.req.method === 'GET' ? `${url.pathname}${url.search}` : adminHref(lang);
      return c.redirect(`${adminHref(lang, '/logga-in')}?till=${encodeURIComponent(back)}`, 303);
    }
    if (UNSAFE.has(c.req.method)) {
      const expected = c.var.actor?.csrfToken ?? c.var.pendingSession?.csrfToken;
      if (expected) {
        let given = c.req.header('x-csrf-token');
        if (!given) {
          const body = await c.req.parseBody({ all: true });
          given = typeof body._csrf === 'string' ? body._csrf : undefined;
        }
        if (!given || !safeEqual(given, expected)) {
          throw new AppError(
            'csrf_failed',
            lang === 'en'
              ? 'The form could not be accepted because its security token was missing or had expired. Go back, reload the page and try again.'
              : 'Formuläret kunde inte tas emot eftersom dess säkerhetskod saknades eller hade gått ut. Gå tillbaka, ladda om sidan och försök igen.',
          );
        }
      }
    }
    await next();
    c.header('Cache-Control', 'no-store');
  };
}
