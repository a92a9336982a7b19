/**
 * Single sign-on routes: `/sso/:providerId/start` sends the browser to the identity provider,
 * `/sso/callback` (one address for the installation, always under `/admin`) finishes the login,
 * `/sso/fel` explains a refusal in the language the login started in. The settings page for a
 * municipality's providers is mounted from here too.
 *
 * Login CSRF: the state is also put in a short-lived `__Host-` cookie at the start, and the
 * callback must come back in the same browser with the same state.
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../../app-env.js';
import type { Lang } from '../../../i18n/index.js';
import { log } from '../../../log.js';
import { adminHref, idParam } from '../../admin/context.js';
import { AdminLayout, adminPageContext } from '../../admin/layout.js';
import { recordAudit } from '../../audit/chain.js';
import { actorLabel } from '../../policy/actor.js';
import { rotateSession, safeReturnPath, withReturn } from '../flow.js';
import { safeEqual } from '../session.js';
import { T } from './messages.js';
import { providerSettingsRoutes } from './settings.js';
import { findProvider, finishLogin, LOGIN_MAX_AGE_MS, linkIdentity, matchAccount, startLogin, takeLogin } from './service.js';

const STATE_COOKIE = 'utblick_sso';
type Reason = keyof typeof T.errors;

export function ssoRoutes(lang: Lang): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const fail = (c: Context<AppEnv>, reason: Reason, inLang: Lang = lang, till?: string) =>
    c.redirect(withReturn(`${adminHref(inLang, '/sso/fel')}?orsak=${reason}`, till ?? adminHref(inLang), inLang), 303);

  app.get('/sso/:providerId/start', async (c) => {
    const till = safeReturnPath(c.req.query('till'), lang);
    if (c.var.actor) return c.redirect(till, 303);
    const provider = await findProvider(c.var.handle.db, idParam(c, 'providerId'));
    if (!provider?.enabled) return fail(c, 'okand');
    let started: { url: string; state: string };
    try {
      started = await startLogin(c.var.handle.db, c.var.config, provider, till);
    } catch (e) {
      log('error', 'single sign-on could not start', { providerId: provider.id, issuer: provider.issuer, error: e instanceof Error ? e.message : String(e) });
      return fail(c, 'misslyckades');
    }
    setCookie(c, STATE_COOKIE, started.state, { prefix: 'host', httpOnly: true, sameSite: 'Lax', path: '/', maxAge: LOGIN_MAX_AGE_MS / 1000 });
    return c.redirect(started.url, 303);
  });

  app.get('/sso/callback', async (c) => {
    const { db } = c.var.handle;
    const config = c.var.config;
    const state = c.req.query('state') ?? '';
    const cookieState = getCookie(c, STATE_COOKIE, 'host');
    deleteCookie(c, STATE_COOKIE, { prefix: 'host', path: '/', secure: true });
    const login = state ? await takeLogin(db, state) : undefined;
    if (!login || !cookieState || !safeEqual(cookieState, state)) return fail(c, 'ogiltig');
    const till = safeReturnPath(login.returnTo, 'sv');
    const inLang: Lang = till.startsWith('/en/') || till === '/en/admin' ? 'en' : 'sv';
    if (c.req.query('error')) return fail(c, 'avbruten', inLang, till);
    const provider = await findProvider(db, login.providerId);
    if (!provider?.enabled) return fail(c, 'okand', inLang, till);

    let identity: Awaited<ReturnType<typeof finishLogin>>;
    try {
      identity = await finishLogin(config, provider, login, new URL(c.req.url).search);
    } catch (e) {
      log('error', 'single sign-on could not be verified', { providerId: provider.id, error: e instanceof Error ? e.message : String(e) });
      return fail(c, 'misslyckades', inLang, till);
    }
    const match = await matchAccount(db, provider, identity);
    if ('refused' in match) {
      await db.transaction().execute(async (trx) => {
        await recordAudit(trx, {
          municipalityId: provider.municipality_id,
          actor: { userId: null, label: `sso:${provider.id}` },
          action: 'login_failed',
          entity: 'oidc_provider',
          entityId: provider.id,
          details: { step: 'single_sign_on', reason: match.refused },
        });
      });
      return fail(c, match.refused, inLang, till);
    }
    const { user, link } = match;
    const label = actorLabel({ name: user.display_name, email: user.email });
    await rotateSession(
      c,
      user.id,
      'complete',
      'oidc',
      { municipalityId: provider.municipality_id, actor: { userId: user.id, label }, action: 'login', entity: 'user', entityId: user.id, details: { method: 'oidc', provider_id: provider.id } },
      async (trx) => {
        if (!link) return;
        await linkIdentity(trx, provider, identity.subject, user.id);
        await recordAudit(trx, { municipalityId: provider.municipality_id, actor: { userId: user.id, label }, action: 'link_identity', entity: 'user', entityId: user.id, after: { provider_id: provider.id } });
      },
    );
    return c.redirect(till === adminHref('sv') || till === adminHref('en') ? adminHref(user.preferred_lang) : till, 303);
  });

  app.get('/sso/fel', async (c) => {
    const reason = c.req.query('orsak') ?? '';
    const message = Object.hasOwn(T.errors, reason) ? T.errors[reason as Reason][lang] : T.errors.misslyckades[lang];
    const till = safeReturnPath(c.req.query('till'), lang);
    c.status(reason === 'inget-konto' || reason === 'plattform' ? 403 : 400);
    return c.html(
      <AdminLayout ctx={await adminPageContext(c)} title={T.errorTitle[lang]}>
        <h1>{T.errorTitle[lang]}</h1>
        <p>{message}</p>
        <p>
          <a href={withReturn(adminHref(lang, '/logga-in'), till, lang)}>{T.backToSignIn[lang]}</a>
        </p>
      </AdminLayout>,
    );
  });

  app.route('/', providerSettingsRoutes(lang));
  return app;
}
