/**
 * Signing in (`/admin/logga-in`, `/en/admin/logga-in`): password, then the second factor (set up
 * on the first sign-in, a code from the app afterwards), signing out, and a forgotten password.
 * The account page and single sign-on have their own files; this router mounts them too.
 *
 * Sessions move `password`/`totp_setup` → `complete`, with a new session token at each step
 * (see flow.ts). Pending-session forms carry that session's CSRF token (checked by the guard).
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import type { User } from '../../db/schema.js';
import type { Lang } from '../../i18n/index.js';
import { type FormErrors, str } from '../../ui/forms.js';
import { recordAudit } from '../audit/chain.js';
import { adminHref, noticeOf, readForm } from '../admin/context.js';
import { adminPageContext } from '../admin/layout.js';
import { mailerFor } from '../mail/mailer.js';
import { actorLabel } from '../policy/actor.js';
import { accountRoutes } from './account.js';
import { findUser, findUserByEmail, hasTotp, normaliseEmail } from './accounts.js';
import { rotateSession, safeReturnPath, withReturn } from './flow.js';
import { T } from './messages.js';
import { enabledProviders } from './oidc/service.js';
import { ssoRoutes } from './oidc/routes.js';
import { CodePage, ForgotPage, newPasswordErrors, RecoveryCodesPage, ResetInvalidPage, ResetPage, SetupPage, SignInPage } from './pages.js';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';
import { attemptKey, clearAttempts, clientAddress, isLimited, pruneAttempts, recordAttempt, seenRecently } from './rate-limit.js';
import { completePasswordReset, requestPasswordReset, userOfResetToken } from './reset.js';
import { consumeRecoveryCode, looksLikeRecoveryCode, newTotpSecret, replaceRecoveryCodes, totpStep, totpUri, groupedSecret } from './second-factor.js';
import { clearSessionCookie, endSession } from './session.js';

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** A TOTP step is remembered this long, so the same code cannot be used twice (it is valid ≤ 90 s). */
const USED_STEP_MINUTES = 5;

const labelOf = (u: User) => actorLabel({ name: u.display_name, email: u.email });

export function authRoutes(lang: Lang): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  /** Where to go when signed in: the return path, or the start page in the person's own language. */
  const destination = (till: string, user: User) => (till === adminHref(lang) ? adminHref(user.preferred_lang) : till);

  const signInPage = async (c: Context<AppEnv>, status: 200 | 400 | 429, props: { till: string; email?: string; errors?: FormErrors }) => {
    c.status(status);
    return c.html(
      <SignInPage ctx={await adminPageContext(c)} {...props} csrf={c.var.pendingSession?.csrfToken} notice={status === 200 ? noticeOf(c, T.notices) : undefined} providers={await enabledProviders(c.var.handle.db, props.till)} />,
    );
  };

  app.get('/logga-in', async (c) => {
    const till = safeReturnPath(c.req.query('till'), lang);
    if (c.var.actor) return c.redirect(till, 303);
    return signInPage(c, 200, { till });
  });

  app.post('/logga-in', async (c) => {
    const { db } = c.var.handle;
    const config = c.var.config;
    const form = await readForm(c);
    const till = safeReturnPath(str(form, 'till'), lang);
    const email = str(form, 'email').trim().slice(0, 320);
    const password = str(form, 'password');
    const errors: FormErrors = {};
    if (!email) errors.email = T.enterEmail[lang];
    else if (!EMAIL_RE.test(email)) errors.email = T.emailFormat[lang];
    if (!password) errors.password = T.enterPassword[lang];
    if (Object.keys(errors).length) return signInPage(c, 400, { till, email, errors });

    const accountKey = attemptKey(config, 'login_account', normaliseEmail(email));
    const clientKey = attemptKey(config, 'login_client', clientAddress(c));
    if ((await isLimited(db, 'login_account', accountKey)) || (await isLimited(db, 'login_client', clientKey))) {
      return signInPage(c, 429, { till, email, errors: { email: T.tooManySignIns[lang] } });
    }
    const user = await findUserByEmail(db, email);
    const passwordOk = await verifyPassword(user?.password_hash, password);
    if (!user || !passwordOk || user.disabled_at) {
      await db.transaction().execute(async (trx) => {
        await recordAttempt(trx, 'login_account', accountKey);
        await recordAttempt(trx, 'login_client', clientKey);
        await recordAudit(trx, {
          municipalityId: null,
          actor: user ? { userId: user.id, label: labelOf(user) } : { userId: null, label: 'anonymous' },
          action: 'login_failed',
          entity: 'user',
          entityId: user?.id ?? null,
          details: { step: 'password', reason: !user ? 'unknown_account' : !passwordOk ? 'wrong_password' : 'disabled' },
        });
      });
      return signInPage(c, 400, { till, email, errors: { email: T.badCredentials[lang] } });
    }
    await clearAttempts(db, 'login_account', accountKey);
    const stage = hasTotp(user) ? 'password' : 'totp_setup';
    await rotateSession(
      c,
      user.id,
      stage,
      'password',
      { municipalityId: null, actor: { userId: user.id, label: labelOf(user) }, action: 'login_password', entity: 'user', entityId: user.id, details: { next: stage === 'password' ? 'code' : 'second_factor_setup' } },
      async (trx) => {
        // An unconfirmed secret from an earlier, unfinished set-up is never shown again: each sign-in gets its own.
        if (stage === 'totp_setup') await trx.updateTable('users').set({ totp_secret: null }).where('id', '=', user.id).where('totp_enabled_at', 'is', null).execute();
      },
    );
    return c.redirect(withReturn(adminHref(lang, stage === 'password' ? '/logga-in/kod' : '/logga-in/tvafaktor'), till, lang), 303);
  });

  /** The pending user, or a redirect to the sign-in page when the sign-in has lapsed. */
  const pendingUser = async (c: Context<AppEnv>, till: string): Promise<User | Response> => {
    const pending = c.var.pendingSession;
    const user = pending ? await findUser(c.var.handle.db, pending.userId) : undefined;
    if (!pending || !user) return c.redirect(withReturn(`${adminHref(lang, '/logga-in')}?klart=session-slut`, till, lang), 303);
    return user;
  };

  const codeGuard = (c: Context<AppEnv>) => {
    const till = safeReturnPath(c.req.query('till'), lang);
    return { till, signedIn: c.var.actor ? c.redirect(till, 303) : undefined };
  };

  app.get('/logga-in/kod', async (c) => {
    const { till, signedIn } = codeGuard(c);
    if (signedIn) return signedIn;
    const user = await pendingUser(c, till);
    if (user instanceof Response) return user;
    if (!hasTotp(user)) return c.redirect(withReturn(adminHref(lang, '/logga-in/tvafaktor'), till, lang), 303);
    return c.html(<CodePage ctx={await adminPageContext(c)} till={till} csrf={c.var.pendingSession!.csrfToken} />);
  });

  app.post('/logga-in/kod', async (c) => {
    const { db } = c.var.handle;
    const config = c.var.config;
    const form = await readForm(c);
    const till = safeReturnPath(str(form, 'till'), lang);
    if (c.var.actor) return c.redirect(till, 303);
    const user = await pendingUser(c, till);
    if (user instanceof Response) return user;
    if (!hasTotp(user)) return c.redirect(withReturn(adminHref(lang, '/logga-in/tvafaktor'), till, lang), 303);
    const csrf = c.var.pendingSession!.csrfToken;
    const page = async (status: 400 | 429, message: string) => {
      c.status(status);
      return c.html(<CodePage ctx={await adminPageContext(c)} till={till} csrf={csrf} errors={{ code: message }} />);
    };
    const code = str(form, 'code').trim().slice(0, 40);
    if (!code) return page(400, T.enterCode[lang]);
    const userKey = attemptKey(config, 'code_user', user.id);
    if (await isLimited(db, 'code_user', userKey)) return page(429, T.tooManyCodes[lang]);

    const step = totpStep(user.totp_secret!, code);
    const usedKey = step === undefined ? undefined : attemptKey(config, 'totp_used', `${user.id}|${step}`);
    if (usedKey && (await seenRecently(db, 'totp_used', usedKey, USED_STEP_MINUTES))) return page(400, T.usedCode[lang]);
    const method = usedKey ? 'totp' : looksLikeRecoveryCode(code) && (await consumeRecoveryCode(db, user.id, code)) ? 'recovery_code' : undefined;
    if (!method) {
      await db.transaction().execute(async (trx) => {
        await recordAttempt(trx, 'code_user', userKey);
        await recordAudit(trx, { municipalityId: null, actor: { userId: user.id, label: labelOf(user) }, action: 'login_failed', entity: 'user', entityId: user.id, details: { step: 'second_factor' } });
      });
      return page(400, T.wrongCode[lang]);
    }
    await rotateSession(
      c,
      user.id,
      'complete',
      'password',
      { municipalityId: null, actor: { userId: user.id, label: labelOf(user) }, action: 'login', entity: 'user', entityId: user.id, details: { method: 'password', second_factor: method } },
      async (trx) => {
        if (usedKey) await recordAttempt(trx, 'totp_used', usedKey);
        await clearAttempts(trx, 'code_user', userKey);
        await pruneAttempts(trx);
      },
    );
    return c.redirect(destination(till, user), 303);
  });

  app.get('/logga-in/tvafaktor', async (c) => {
    const { till, signedIn } = codeGuard(c);
    if (signedIn) return signedIn;
    const user = await pendingUser(c, till);
    if (user instanceof Response) return user;
    if (hasTotp(user)) return c.redirect(withReturn(adminHref(lang, '/logga-in/kod'), till, lang), 303);
    let secret = user.totp_secret;
    if (!secret) {
      // The secret waits here, unconfirmed (totp_enabled_at null), so reloading the page shows the same key.
      secret = newTotpSecret();
      await c.var.handle.db.updateTable('users').set({ totp_secret: secret }).where('id', '=', user.id).where('totp_secret', 'is', null).execute();
      secret = (await findUser(c.var.handle.db, user.id))?.totp_secret ?? secret;
    }
    return c.html(<SetupPage ctx={await adminPageContext(c)} till={till} csrf={c.var.pendingSession!.csrfToken} accountName={user.email} secret={groupedSecret(secret)} uri={totpUri(secret, user.email)} />);
  });

  app.post('/logga-in/tvafaktor', async (c) => {
    const { db } = c.var.handle;
    const config = c.var.config;
    const form = await readForm(c);
    const till = safeReturnPath(str(form, 'till'), lang);
    if (c.var.actor) return c.redirect(till, 303);
    const user = await pendingUser(c, till);
    if (user instanceof Response) return user;
    if (hasTotp(user)) return c.redirect(withReturn(adminHref(lang, '/logga-in/kod'), till, lang), 303);
    const secret = user.totp_secret;
    if (!secret) return c.redirect(withReturn(adminHref(lang, '/logga-in/tvafaktor'), till, lang), 303);
    const page = async (status: 400 | 429, message: string) => {
      c.status(status);
      return c.html(
        <SetupPage ctx={await adminPageContext(c)} till={till} csrf={c.var.pendingSession!.csrfToken} accountName={user.email} secret={groupedSecret(secret)} uri={totpUri(secret, user.email)} errors={{ code: message }} />,
      );
    };
    const code = str(form, 'code').trim().slice(0, 40);
    if (!code) return page(400, T.enterCode[lang]);
    const userKey = attemptKey(config, 'code_user', user.id);
    if (await isLimited(db, 'code_user', userKey)) return page(429, T.tooManyCodes[lang]);
    const step = totpStep(secret, code);
    if (step === undefined) {
      await recordAttempt(db, 'code_user', userKey);
      return page(400, T.wrongCode[lang]);
    }
    const actor = { userId: user.id, label: labelOf(user) };
    const codes = await rotateSession(c, user.id, 'complete', 'password', { municipalityId: null, actor, action: 'login', entity: 'user', entityId: user.id, details: { method: 'password', second_factor: 'totp' } }, async (trx) => {
      const now = new Date().toISOString();
      await trx.updateTable('users').set({ totp_enabled_at: now, updated_at: now }).where('id', '=', user.id).execute();
      await recordAttempt(trx, 'totp_used', attemptKey(config, 'totp_used', `${user.id}|${step}`));
      await clearAttempts(trx, 'code_user', userKey);
      await recordAudit(trx, { municipalityId: null, actor, action: 'second_factor_setup', entity: 'user', entityId: user.id, before: { second_factor: null }, after: { second_factor: 'totp', recovery_codes: 10 } });
      return replaceRecoveryCodes(trx, user.id);
    });
    return c.html(<RecoveryCodesPage ctx={await adminPageContext(c)} codes={codes ?? []} continueHref={destination(till, user)} notice={T.twoStepOn[lang]} />);
  });

  app.post('/logga-in/avbryt', async (c) => {
    if (c.var.actor) return c.redirect(adminHref(lang), 303);
    const pending = c.var.pendingSession;
    if (pending) await endSession(c.var.handle.db, pending.idHash);
    clearSessionCookie(c);
    return c.redirect(`${adminHref(lang, '/logga-in')}?klart=avbruten`, 303);
  });

  app.post('/logga-ut', async (c) => {
    const actor = c.var.actor!;
    await c.var.handle.db.transaction().execute(async (trx) => {
      await endSession(trx, actor.sessionIdHash);
      await recordAudit(trx, { municipalityId: null, actor: { userId: actor.userId, label: actorLabel(actor) }, action: 'logout', entity: 'user', entityId: actor.userId });
    });
    clearSessionCookie(c);
    return c.redirect(`${adminHref(lang, '/logga-in')}?klart=utloggad`, 303);
  });

  // ── Forgotten password ─────────────────────────────────────────────────────

  app.get('/glomt-losenord', async (c) => c.html(<ForgotPage ctx={await adminPageContext(c)} />));

  app.post('/glomt-losenord', async (c) => {
    const { db } = c.var.handle;
    const config = c.var.config;
    const email = str(await readForm(c), 'email').trim().slice(0, 320);
    const ctx = await adminPageContext(c);
    const error = !email ? T.enterEmail[lang] : !EMAIL_RE.test(email) ? T.emailFormat[lang] : undefined;
    if (error) {
      c.status(400);
      return c.html(<ForgotPage ctx={ctx} email={email} errors={{ email: error }} />);
    }
    const clientKey = attemptKey(config, 'reset_client', clientAddress(c));
    if (await isLimited(db, 'reset_client', clientKey)) {
      c.status(429);
      return c.html(<ForgotPage ctx={ctx} email={email} errors={{ email: T.tooManyResets[lang] }} />);
    }
    await recordAttempt(db, 'reset_client', clientKey);
    await requestPasswordReset(db, config, mailerFor(config), email);
    return c.html(<ForgotPage ctx={ctx} sentTo={email} />);
  });

  app.get('/aterstall/:token', async (c) => {
    const user = await userOfResetToken(c.var.handle.db, c.req.param('token'));
    const ctx = await adminPageContext(c);
    if (!user) {
      c.status(410);
      return c.html(<ResetInvalidPage ctx={ctx} />);
    }
    return c.html(<ResetPage ctx={ctx} token={c.req.param('token')} email={user.email} />);
  });

  app.post('/aterstall/:token', async (c) => {
    const { db } = c.var.handle;
    const token = c.req.param('token');
    const form = await readForm(c);
    const ctx = await adminPageContext(c);
    const user = await userOfResetToken(db, token);
    if (!user) {
      c.status(410);
      return c.html(<ResetInvalidPage ctx={ctx} />);
    }
    const values = { new_password: str(form, 'new_password'), new_password_confirm: str(form, 'new_password_confirm') };
    const errors = newPasswordErrors(values, lang, passwordProblem(values.new_password, lang, user.email));
    if (Object.keys(errors).length) {
      c.status(400);
      return c.html(<ResetPage ctx={ctx} token={token} email={user.email} errors={errors} />);
    }
    if (!(await completePasswordReset(db, c.var.config, token, await hashPassword(values.new_password)))) {
      c.status(410);
      return c.html(<ResetInvalidPage ctx={ctx} />);
    }
    if (c.var.actor?.userId === user.id || c.var.pendingSession?.userId === user.id) clearSessionCookie(c);
    return c.redirect(`${adminHref(lang, '/logga-in')}?klart=nytt-losenord`, 303);
  });

  app.route('/', accountRoutes(lang));
  app.route('/', ssoRoutes(lang));
  return app;
}
