/**
 * `/admin/konto`: the signed-in person's own account: name, e-mail, how they sign in, a new
 * password (needs the current one; ends all other sessions), new recovery codes, language, the
 * weekly digest by e-mail (on or off), and signing out everywhere.
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { nowIso } from '../../db/database.js';
import type { User } from '../../db/schema.js';
import type { Lang } from '../../i18n/index.js';
import { AdminForm, ChoiceGroup, type FormErrors, FormErrorSummary, str, TextField } from '../../ui/forms.js';
import { recordAudit } from '../audit/chain.js';
import { adminHref, noticeOf, readForm, requireActor } from '../admin/context.js';
import { AdminLayout, adminPageContext } from '../admin/layout.js';
import { type Actor, actorLabel, auditActor } from '../policy/actor.js';
import { DIGEST_FORM } from '../reminders/messages.js';
import { findUser, hasTotp, setPassword, updateProfile } from './accounts.js';
import { rotateSession } from './flow.js';
import { fill, T } from './messages.js';
import { NewPasswordFields, newPasswordErrors, RecoveryCodesPage } from './pages.js';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';
import { replaceRecoveryCodes, unusedRecoveryCodes } from './second-factor.js';
import { clearSessionCookie, endAllSessions } from './session.js';

interface AccountState {
  errors?: FormErrors;
  /** Values typed into the name form, given back after an error. */
  name?: string;
}

async function AccountPage(props: { c: Context<AppEnv>; actor: Actor; user: User; state?: AccountState }) {
  const { c, actor, user, state = {} } = props;
  const lang = c.var.lang;
  const errors = state.errors ?? {};
  const ctx = await adminPageContext(c);
  const recoveryLeft = hasTotp(user) ? await unusedRecoveryCodes(c.var.handle.db, user.id) : undefined;
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <AdminLayout ctx={ctx} title={hasErrors ? `${lang === 'sv' ? 'Fel' : 'Error'}: ${T.account[lang]}` : T.account[lang]} current="account" notice={hasErrors ? undefined : noticeOf(c, { ...T.accountNotices, ...DIGEST_NOTICES })}>
      <h1>{T.account[lang]}</h1>
      <FormErrorSummary lang={lang} errors={errors} />

      <section aria-labelledby="details-heading">
        <h2 id="details-heading">{T.details[lang]}</h2>
        <dl class="summary-list">
          <dt>{T.email[lang]}</dt>
          <dd>{user.email}</dd>
          <dt>{T.signInMethod[lang]}</dt>
          <dd>{actor.authMethod === 'oidc' ? T.methodOidc[lang] : T.methodPassword[lang]}</dd>
        </dl>
        <AdminForm action={adminHref(lang, '/konto/namn')} csrf={actor.csrfToken}>
          <TextField name="display_name" label={T.name[lang]} lang={lang} value={state.name ?? user.display_name} error={errors.display_name} autocomplete="name" />
          <button type="submit" class="button">
            {T.saveName[lang]}
          </button>
        </AdminForm>
      </section>

      <section aria-labelledby="password-heading">
        <h2 id="password-heading">{T.changePassword[lang]}</h2>
        {user.password_hash ? (
          <>
            <p>{T.changePasswordLead[lang]}</p>
            <AdminForm action={adminHref(lang, '/konto/losenord')} csrf={actor.csrfToken}>
              <input type="hidden" name="username" value={user.email} autocomplete="username" />
              <TextField name="current_password" type="password" label={T.currentPassword[lang]} lang={lang} error={errors.current_password} autocomplete="current-password" />
              <NewPasswordFields ctx={ctx} email={user.email} errors={errors} />
              <button type="submit" class="button">
                {T.savePassword[lang]}
              </button>
            </AdminForm>
          </>
        ) : (
          <p>{T.noPassword[lang]}</p>
        )}
      </section>

      <section aria-labelledby="language-heading">
        <h2 id="language-heading">{T.language[lang]}</h2>
        <AdminForm action={adminHref(lang, '/konto/sprak')} csrf={actor.csrfToken}>
          <ChoiceGroup
            name="preferred_lang"
            legend={T.languageLegend[lang]}
            lang={lang}
            type="radio"
            options={[
              { value: 'sv', label: T.swedish[lang] },
              { value: 'en', label: T.english[lang] },
            ]}
            values={[user.preferred_lang]}
            error={errors.preferred_lang}
          />
          <button type="submit" class="button">
            {T.saveLanguage[lang]}
          </button>
        </AdminForm>
      </section>

      <section aria-labelledby="digest-heading">
        <h2 id="digest-heading">{DIGEST_FORM.heading[lang]}</h2>
        <p>{DIGEST_FORM.lead[lang]}</p>
        <AdminForm action={adminHref(lang, '/konto/sammanfattning')} csrf={actor.csrfToken}>
          <ChoiceGroup
            name="digest"
            legend={DIGEST_FORM.legend[lang]}
            lang={lang}
            type="radio"
            options={[
              { value: 'on', label: DIGEST_FORM.yes[lang] },
              { value: 'off', label: DIGEST_FORM.no[lang] },
            ]}
            values={[Number(user.digest_opt_out) === 1 ? 'off' : 'on']}
            error={errors.digest}
          />
          <button type="submit" class="button">
            {DIGEST_FORM.save[lang]}
          </button>
        </AdminForm>
      </section>

      {recoveryLeft !== undefined && (
        <section aria-labelledby="recovery-heading">
          <h2 id="recovery-heading">{T.recoveryHeading[lang]}</h2>
          <p>{fill(T.recoveryLeft[lang], { n: recoveryLeft })}</p>
          <p>{T.recoveryNewHint[lang]}</p>
          <AdminForm action={adminHref(lang, '/konto/aterstallningskoder')} csrf={actor.csrfToken}>
            <button type="submit" class="button button--secondary">
              {T.recoveryNew[lang]}
            </button>
          </AdminForm>
        </section>
      )}

      <section aria-labelledby="everywhere-heading">
        <h2 id="everywhere-heading">{T.signOutEverywhere[lang]}</h2>
        <p>{T.signOutEverywhereLead[lang]}</p>
        <AdminForm action={adminHref(lang, '/konto/logga-ut-overallt')} csrf={actor.csrfToken}>
          <button type="submit" class="button button--warning">
            {T.signOutEverywhere[lang]}
          </button>
        </AdminForm>
      </section>
    </AdminLayout>
  );
}

/** Notices after the digest form (`?klart=`). */
const DIGEST_NOTICES = { 'sammanfattning-pa': DIGEST_FORM.savedOn, 'sammanfattning-av': DIGEST_FORM.savedOff };

export function accountRoutes(lang: Lang): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const load = async (c: Context<AppEnv>) => {
    const actor = requireActor(c);
    const user = await findUser(c.var.handle.db, actor.userId);
    if (!user) throw new Error('the signed-in user has no row');
    return { actor, user };
  };
  const render = async (c: Context<AppEnv>, actor: Actor, user: User, state?: AccountState) => {
    if (state?.errors) c.status(400);
    return c.html(await AccountPage({ c, actor, user, state }));
  };

  app.get('/konto', async (c) => {
    const { actor, user } = await load(c);
    return render(c, actor, user);
  });

  app.post('/konto/namn', async (c) => {
    const { actor, user } = await load(c);
    const name = str(await readForm(c), 'display_name').trim();
    const error = !name ? T.enterName[lang] : name.length > 200 ? T.nameTooLong[lang] : undefined;
    if (error) return render(c, actor, user, { errors: { display_name: error }, name });
    await updateProfile(c.var.handle.db, user, { displayName: name }, actor);
    return c.redirect(`${adminHref(lang, '/konto')}?klart=namn`, 303);
  });

  app.post('/konto/sprak', async (c) => {
    const { actor, user } = await load(c);
    const chosen = str(await readForm(c), 'preferred_lang');
    if (chosen !== 'sv' && chosen !== 'en') return render(c, actor, user, { errors: { preferred_lang: T.chooseLanguage[lang] } });
    await updateProfile(c.var.handle.db, user, { preferredLang: chosen }, actor);
    // The page follows the chosen language.
    return c.redirect(`${adminHref(chosen, '/konto')}?klart=sprak`, 303);
  });

  // The weekly digest on or off (users.digest_opt_out); audited when it changes.
  app.post('/konto/sammanfattning', async (c) => {
    const { actor, user } = await load(c);
    const chosen = str(await readForm(c), 'digest');
    if (chosen !== 'on' && chosen !== 'off') return render(c, actor, user, { errors: { digest: DIGEST_FORM.choose[lang] } });
    const before = Number(user.digest_opt_out);
    const after = chosen === 'off' ? 1 : 0;
    if (after !== before) {
      await c.var.handle.db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ digest_opt_out: after, updated_at: nowIso() }).where('id', '=', user.id).execute();
        await recordAudit(trx, { municipalityId: null, actor: auditActor(actor), action: 'update', entity: 'user', entityId: user.id, before: { digest_opt_out: before }, after: { digest_opt_out: after } });
      });
    }
    return c.redirect(`${adminHref(lang, '/konto')}?klart=${chosen === 'off' ? 'sammanfattning-av' : 'sammanfattning-pa'}`, 303);
  });

  app.post('/konto/losenord', async (c) => {
    const { actor, user } = await load(c);
    if (!user.password_hash) return render(c, actor, user);
    const form = await readForm(c);
    const current = str(form, 'current_password');
    const values = { new_password: str(form, 'new_password'), new_password_confirm: str(form, 'new_password_confirm') };
    const errors: FormErrors = {};
    if (!current) errors.current_password = T.enterCurrent[lang];
    else if (!(await verifyPassword(user.password_hash, current))) errors.current_password = T.wrongCurrent[lang];
    Object.assign(errors, newPasswordErrors(values, lang, passwordProblem(values.new_password, lang, user.email)));
    if (Object.keys(errors).length) return render(c, actor, user, { errors });
    const hash = await hashPassword(values.new_password);
    // Every session ends with the old password; this browser gets a new one at once.
    await rotateSession(c, user.id, 'complete', actor.authMethod, undefined, (trx) => setPassword(trx, user, hash, actor, 'password_change'));
    return c.redirect(`${adminHref(lang, '/konto')}?klart=losenord`, 303);
  });

  app.post('/konto/aterstallningskoder', async (c) => {
    const { actor, user } = await load(c);
    if (!hasTotp(user)) return c.redirect(adminHref(lang, '/konto'), 303);
    const codes = await c.var.handle.db.transaction().execute(async (trx) => {
      const made = await replaceRecoveryCodes(trx, user.id);
      await recordAudit(trx, { municipalityId: null, actor: { userId: actor.userId, label: actorLabel(actor) }, action: 'recovery_codes_renewed', entity: 'user', entityId: user.id, details: { count: made.length } });
      return made;
    });
    return c.html(<RecoveryCodesPage ctx={await adminPageContext(c)} codes={codes} continueHref={adminHref(lang, '/konto')} />);
  });

  app.post('/konto/logga-ut-overallt', async (c) => {
    const { actor } = await load(c);
    await c.var.handle.db.transaction().execute(async (trx) => {
      await endAllSessions(trx, actor.userId);
      await recordAudit(trx, { municipalityId: null, actor: { userId: actor.userId, label: actorLabel(actor) }, action: 'logout_everywhere', entity: 'user', entityId: actor.userId });
    });
    clearSessionCookie(c);
    return c.redirect(`${adminHref(lang, '/logga-in')}?klart=utloggad-overallt`, 303);
  });

  return app;
}
