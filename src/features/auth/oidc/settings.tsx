/**
 * `/:kommun/installningar/inloggning`: a municipality's identity providers for single sign-on.
 * Only for those who may manage users there (`manage_users`). The client secret is write-only:
 * never shown again, and kept out of the audit trail (which records only whether there is one).
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import type { AppEnv } from '../../../app-env.js';
import type { Db } from '../../../db/database.js';
import type { Lang } from '../../../i18n/index.js';
import { AdminForm, ChoiceGroup, type FormErrors, FormErrorSummary, type FormValues, list, str, TextField } from '../../../ui/forms.js';
import { recordAudit } from '../../audit/chain.js';
import { type AdminScope, adminHref, idParam, noticeOf, readForm, requireAdminMunicipality } from '../../admin/context.js';
import { AdminLayout, adminCrumbs, adminPageContext } from '../../admin/layout.js';
import { actorLabel } from '../../policy/actor.js';
import { recordNotFound } from '../../policy/policy.js';
import { T } from './messages.js';
import { findProvider, issuerProblem, type OidcProvider, providersOf, redirectUri } from './service.js';

interface ProviderInput {
  display_name: string;
  issuer: string;
  client_id: string;
  client_secret: string;
  scopes: string;
  enabled: boolean;
}

const SCOPES_RE = /^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/;

function readInput(values: FormValues): ProviderInput {
  return {
    display_name: str(values, 'display_name').trim(),
    issuer: str(values, 'issuer').trim(),
    client_id: str(values, 'client_id').trim(),
    client_secret: str(values, 'client_secret').trim(),
    scopes: str(values, 'scopes').trim().replace(/\s+/g, ' ') || 'openid email profile',
    enabled: list(values, 'enabled').includes('1'),
  };
}

function validate(input: ProviderInput, lang: Lang): FormErrors {
  const errors: FormErrors = {};
  const tooLong = (label: string, max: number) => T.tooLong[lang].replace('{label}', label).replace('{max}', String(max));
  if (!input.display_name) errors.display_name = T.enterDisplayName[lang];
  else if (input.display_name.length > 100) errors.display_name = tooLong(T.displayName[lang], 100);
  const issuer = issuerProblem(input.issuer);
  if (issuer === 'missing') errors.issuer = T.enterIssuer[lang];
  else if (issuer || input.issuer.length > 500) errors.issuer = T.badIssuer[lang];
  if (!input.client_id) errors.client_id = T.enterClientId[lang];
  else if (input.client_id.length > 300) errors.client_id = tooLong(T.clientId[lang], 300);
  if (input.client_secret.length > 500) errors.client_secret = tooLong(T.clientSecret[lang], 500);
  if (input.scopes.length > 300 || !SCOPES_RE.test(input.scopes) || !input.scopes.split(' ').includes('openid')) errors.scopes = T.badScopes[lang];
  return errors;
}

/** What the audit trail keeps of a provider: everything but the secret. */
function audited(p: Pick<OidcProvider, 'display_name' | 'issuer' | 'client_id' | 'client_secret' | 'scopes' | 'enabled'>) {
  return { display_name: p.display_name, issuer: p.issuer, client_id: p.client_id, has_client_secret: Boolean(p.client_secret), scopes: p.scopes, enabled: Number(p.enabled) };
}

function ProviderForm(props: { lang: Lang; action: string; csrf: string; input: Partial<ProviderInput>; errors: FormErrors; isNew: boolean; submit: string }) {
  const { lang, input, errors } = props;
  return (
    <AdminForm action={props.action} csrf={props.csrf}>
      <TextField name="display_name" label={T.displayName[lang]} hint={T.displayNameHint[lang]} lang={lang} value={input.display_name} error={errors.display_name} />
      <TextField name="issuer" type="url" label={T.issuer[lang]} hint={T.issuerHint[lang]} lang={lang} value={input.issuer} error={errors.issuer} spellcheck={false} />
      <TextField name="client_id" label={T.clientId[lang]} lang={lang} value={input.client_id} error={errors.client_id} spellcheck={false} />
      <TextField
        name="client_secret"
        type="password"
        label={T.clientSecret[lang]}
        hint={props.isNew ? T.clientSecretNewHint[lang] : T.clientSecretHint[lang]}
        lang={lang}
        error={errors.client_secret}
        autocomplete="off"
        optional
       
      />
      <TextField name="scopes" label={T.scopes[lang]} hint={T.scopesHint[lang]} lang={lang} value={input.scopes ?? 'openid email profile'} error={errors.scopes} spellcheck={false} />
      <ChoiceGroup name="enabled" legend={T.enabledLegend[lang]} lang={lang} type="checkbox" options={[{ value: '1', label: T.enabled[lang] }]} values={input.enabled === false ? [] : ['1']} />
      <button type="submit" class="button">
        {props.submit}
      </button>
    </AdminForm>
  );
}

export function providerSettingsRoutes(lang: Lang): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const base = (slug: string) => adminHref(lang, `/${slug}/installningar/inloggning`);

  const listPage = async (c: Context<AppEnv>, scope: AdminScope, state: { input?: Partial<ProviderInput>; errors?: FormErrors } = {}) => {
    const { municipality, actor } = scope;
    const ctx = await adminPageContext(c, municipality);
    const providers = await providersOf(c.var.handle.db, municipality.id);
    const errors = state.errors ?? {};
    if (Object.keys(errors).length) c.status(400);
    return c.html(
      <AdminLayout ctx={ctx} title={T.title[lang]} current="settings" crumbs={adminCrumbs(ctx, { label: T.title[lang] })} notice={Object.keys(errors).length ? undefined : noticeOf(c, T.notices)}>
        <h1>{T.title[lang]}</h1>
        <FormErrorSummary lang={lang} errors={errors} />
        <p class="lead">{T.lead[lang]}</p>
        <dl>
          <dt>{T.redirectUri[lang]}</dt>
          <dd>
            <code>{redirectUri(c.var.config)}</code>
          </dd>
        </dl>
        {providers.length === 0 ? (
          <p>{T.none[lang]}</p>
        ) : (
          <div class="table-wrap" role="region" aria-label={T.tableCaption[lang]} tabindex={0}>
            <table>
              <caption>{T.tableCaption[lang]}</caption>
              <thead>
                <tr>
                  <th scope="col">{T.colName[lang]}</th>
                  <th scope="col">{T.colIssuer[lang]}</th>
                  <th scope="col">{T.colEnabled[lang]}</th>
                  <th scope="col">
                    <span class="visually-hidden">{T.edit[lang]}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {providers.map((p) => (
                  <tr>
                    <td>{p.display_name}</td>
                    <td>
                      <code>{p.issuer}</code>
                    </td>
                    <td>{p.enabled ? T.yes[lang] : T.no[lang]}</td>
                    <td>
                      <a href={`${base(municipality.slug)}/${p.id}`}>
                        {T.edit[lang]}
                        <span class="visually-hidden"> {p.display_name}</span>
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <h2>{T.addTitle[lang]}</h2>
        <ProviderForm lang={lang} action={base(municipality.slug)} csrf={actor.csrfToken} input={state.input ?? {}} errors={errors} isNew submit={T.add[lang]} />
      </AdminLayout>,
    );
  };

  const editPage = async (c: Context<AppEnv>, scope: AdminScope, provider: OidcProvider, state: { input?: Partial<ProviderInput>; errors?: FormErrors } = {}) => {
    const { municipality, actor } = scope;
    const ctx = await adminPageContext(c, municipality);
    const errors = state.errors ?? {};
    if (Object.keys(errors).length) c.status(400);
    const input = state.input ?? { ...provider, client_secret: '', enabled: provider.enabled === 1 };
    return c.html(
      <AdminLayout ctx={ctx} title={T.editTitle[lang]} current="settings" crumbs={adminCrumbs(ctx, { href: base(municipality.slug), label: T.title[lang] }, { label: provider.display_name })}>
        <h1>{T.editTitle[lang]}</h1>
        <FormErrorSummary lang={lang} errors={errors} />
        <ProviderForm lang={lang} action={`${base(municipality.slug)}/${provider.id}`} csrf={actor.csrfToken} input={input} errors={errors} isNew={false} submit={T.save[lang]} />
        <h2>{T.remove[lang]}</h2>
        <p>{T.removeHint[lang]}</p>
        <AdminForm action={`${base(municipality.slug)}/${provider.id}/ta-bort`} csrf={actor.csrfToken}>
          <button type="submit" class="button button--warning">
            {T.remove[lang]}
          </button>
        </AdminForm>
      </AdminLayout>,
    );
  };

  /** The provider of the URL, if it belongs to the municipality of the URL; else 404. */
  const providerIn = async (c: Context<AppEnv>, db: Db, municipalityId: number) => {
    const provider = await findProvider(db, idParam(c));
    if (!provider || provider.municipality_id !== municipalityId) throw recordNotFound(lang);
    return provider;
  };

  app.get('/:kommun/installningar/inloggning', async (c) => listPage(c, await requireAdminMunicipality(c, 'manage_users')));

  app.post('/:kommun/installningar/inloggning', async (c) => {
    const scope = await requireAdminMunicipality(c, 'manage_users');
    const input = readInput(await readForm(c));
    const errors = validate(input, lang);
    if (Object.keys(errors).length) return listPage(c, scope, { input, errors });
    const now = new Date().toISOString();
    const row = { municipality_id: scope.municipality.id, display_name: input.display_name, issuer: input.issuer, client_id: input.client_id, client_secret: input.client_secret || null, scopes: input.scopes, enabled: input.enabled ? 1 : 0 };
    await c.var.handle.db.transaction().execute(async (trx) => {
      const inserted = await trx.insertInto('oidc_providers').values({ ...row, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
      await recordAudit(trx, { municipalityId: scope.municipality.id, actor: { userId: scope.actor.userId, label: actorLabel(scope.actor) }, action: 'create', entity: 'oidc_provider', entityId: Number(inserted.id), before: null, after: audited(row) });
    });
    return c.redirect(`${base(scope.municipality.slug)}?klart=tillagd`, 303);
  });

  app.get('/:kommun/installningar/inloggning/:id', async (c) => {
    const scope = await requireAdminMunicipality(c, 'manage_users');
    return editPage(c, scope, await providerIn(c, c.var.handle.db, scope.municipality.id));
  });

  app.post('/:kommun/installningar/inloggning/:id', async (c) => {
    const scope = await requireAdminMunicipality(c, 'manage_users');
    const db = c.var.handle.db;
    const provider = await providerIn(c, db, scope.municipality.id);
    const input = readInput(await readForm(c));
    const errors = validate(input, lang);
    if (Object.keys(errors).length) return editPage(c, scope, provider, { input, errors });
    const after = { display_name: input.display_name, issuer: input.issuer, client_id: input.client_id, client_secret: input.client_secret || provider.client_secret, scopes: input.scopes, enabled: input.enabled ? 1 : 0 };
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('oidc_providers').set({ ...after, updated_at: new Date().toISOString() }).where('id', '=', provider.id).execute();
      await recordAudit(trx, { municipalityId: scope.municipality.id, actor: { userId: scope.actor.userId, label: actorLabel(scope.actor) }, action: 'update', entity: 'oidc_provider', entityId: provider.id, before: audited(provider), after: audited(after) });
    });
    return c.redirect(`${base(scope.municipality.slug)}?klart=sparad`, 303);
  });

  app.post('/:kommun/installningar/inloggning/:id/ta-bort', async (c) => {
    const scope = await requireAdminMunicipality(c, 'manage_users');
    const db = c.var.handle.db;
    const provider = await providerIn(c, db, scope.municipality.id);
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('oidc_providers').where('id', '=', provider.id).execute();
      await recordAudit(trx, { municipalityId: scope.municipality.id, actor: { userId: scope.actor.userId, label: actorLabel(scope.actor) }, action: 'delete', entity: 'oidc_provider', entityId: provider.id, before: audited(provider), after: null });
    });
    return c.redirect(`${base(scope.municipality.slug)}?klart=borttagen`, 303);
  });

  return app;
}
