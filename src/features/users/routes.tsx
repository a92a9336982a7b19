/**
 * People and roles (`/:kommun/anvandare`, municipal administrators) and the platform's
 * municipalities (`/plattform/kommuner`, platform administrators).
 */
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../app-env.js';
import type { MunicipalRole } from '../../db/schema.js';
import type { Lang } from '../../i18n/index.js';
import { AdminForm, ChoiceGroup, type FormErrors, FormErrorSummary, type FormValues, list, parseForm, SelectField, str, TextField } from '../../ui/forms.js';
import { adminHref, idParam, noticeOf, readForm, requireActor, requireAdminMunicipality } from '../admin/context.js';
import { AdminLayout, adminCrumbs, adminPageContext } from '../admin/layout.js';
import type { AdminScope } from '../admin/context.js';
import { actorLabel } from '../policy/actor.js';
import { authorize, recordNotFound } from '../policy/policy.js';
import {
  createMunicipality,
  grantRole,
  internalUnits,
  listMunicipalityUsers,
  municipalitiesOfUser,
  officialNotYetAdded,
  ROLES,
  revokeRole,
  setDisabled,
} from './service.js';

const T = {
  users: { sv: 'Användare och roller', en: 'Users and roles' },
  usersLead: {
    sv: 'Här ger du personer en roll i kommunen. En person kan ha roller i flera kommuner. Enhetsredaktörer kan ändra uppgifter för de enheter de är knutna till och läsa allt annat.',
    en: 'Here you give people a role in the municipality. A person can hold roles in several municipalities. Unit editors can change the records of the units they are assigned to and read everything else.',
  },
  name: { sv: 'Namn', en: 'Name' },
  email: { sv: 'E-postadress', en: 'Email address' },
  role: { sv: 'Roll', en: 'Role' },
  units: { sv: 'Enheter', en: 'Units' },
  unitsHint: { sv: 'Gäller bara enhetsredaktörer: de enheter personen får ändra uppgifter för.', en: 'Only for unit editors: the units whose records the person may change.' },
  status: { sv: 'Status', en: 'Status' },
  active: { sv: 'Aktiv', en: 'Active' },
  disabled: { sv: 'Avstängd', en: 'Disabled' },
  noTotp: { sv: 'Tvåstegsverifiering ej klar', en: 'Two-step verification not set up' },
  add: { sv: 'Ge en person en roll', en: 'Give a person a role' },
  addHint: {
    sv: 'Finns personen inte i Utblick skapas ett konto. Personen väljer sitt lösenord via ”Glömt lösenord” på inloggningssidan, eller loggar in med kommunens inloggningstjänst.',
    en: 'If the person is not in Utblick, an account is created. The person chooses a password through “Forgotten password” on the sign-in page, or signs in with the municipality’s sign-in service.',
  },
  save: { sv: 'Spara', en: 'Save' },
  change: { sv: 'Ändra', en: 'Change' },
  edit: { sv: 'Ändra roll', en: 'Change role' },
  revoke: { sv: 'Ta bort rollen i kommunen', en: 'Remove the role in this municipality' },
  disable: { sv: 'Stäng av kontot', en: 'Disable the account' },
  enable: { sv: 'Aktivera kontot igen', en: 'Enable the account again' },
  disableHint: {
    sv: 'Ett avstängt konto kan inte logga in, och alla dess pågående inloggningar avslutas direkt.',
    en: 'A disabled account cannot sign in, and all its current sessions end at once.',
  },
  cannotDisable: {
    sv: 'Personen har roller i andra kommuner också. Ta bort rollen här, eller be plattformens administratör stänga av kontot.',
    en: 'The person also holds roles in other municipalities. Remove the role here, or ask the platform administrator to disable the account.',
  },
  selfChange: { sv: 'Du kan inte ta bort eller stänga av ditt eget konto här.', en: 'You cannot remove or disable your own account here.' },
  platform: { sv: 'Kommuner i Utblick', en: 'Municipalities in Utblick' },
  platformLead: { sv: 'Lägg till en kommun från den officiella förteckningen över Sveriges 290 kommuner.', en: 'Add a municipality from the official list of Sweden’s 290 municipalities.' },
  municipality: { sv: 'Kommun', en: 'Municipality' },
  chooseMunicipality: { sv: 'Välj kommun', en: 'Choose a municipality' },
  firstAdmin: { sv: 'Kommunens första administratör', en: 'The municipality’s first administrator' },
  firstAdminHint: { sv: 'Frivilligt. Personen får rollen kommunadministratör.', en: 'Optional. The person becomes municipal administrator.' },
  addMunicipality: { sv: 'Lägg till kommunen', en: 'Add the municipality' },
  code: { sv: 'Kommunkod', en: 'Municipality code' },
  existing: { sv: 'Kommuner som redan finns', en: 'Municipalities already added' },
};

const ROLE_LABELS: Record<MunicipalRole, { sv: string; en: string }> = {
  municipal_admin: { sv: 'Kommunadministratör', en: 'Municipal administrator' },
  coordinator: { sv: 'Internationell samordnare', en: 'International coordinator' },
  unit_editor: { sv: 'Enhetsredaktör', en: 'Unit editor' },
  reader: { sv: 'Läsare (politiker, ledningsgrupp)', en: 'Reader (politicians, management group)' },
};

const NOTICES = {
  sparad: { sv: 'Rollen är sparad.', en: 'The role has been saved.' },
  borttagen: { sv: 'Rollen är borttagen och personens inloggningar är avslutade.', en: 'The role has been removed and the person’s sessions have ended.' },
  avstangd: { sv: 'Kontot är avstängt och alla dess inloggningar är avslutade.', en: 'The account has been disabled and all its sessions have ended.' },
  aktiverad: { sv: 'Kontot är aktiverat igen.', en: 'The account has been enabled again.' },
  kommun: { sv: 'Kommunen är tillagd.', en: 'The municipality has been added.' },
};

function roleSchema(lang: Lang) {
  const sv = lang === 'sv';
  return z.object({
    name: z.string().trim().min(1).max(200),
    email: z.email({ message: sv ? 'Ange en e-postadress i rätt format, till exempel namn@kommun.se.' : 'Enter an email address in the correct format, like name@example.com.' }).max(254),
    role: z.enum(ROLES as [MunicipalRole, ...MunicipalRole[]]),
    units: z.array(z.string().regex(/^[0-9]{1,15}$/).transform(Number)).max(200),
  });
}

function labels(lang: Lang) {
  return { name: T.name[lang], email: T.email[lang], role: T.role[lang], units: T.units[lang] };
}

async function roleForm(
  c: Context<AppEnv>,
  scope: AdminScope,
  opts: { values: FormValues; errors: FormErrors; action: string; title: string; fixedEmail?: boolean; status?: 400 | 200 },
) {
  const { lang, municipality, actor } = scope;
  const ctx = await adminPageContext(c, municipality);
  const units = await internalUnits(c.var.handle.db, municipality.id);
  c.status(opts.status ?? 200);
  return c.html(
    <AdminLayout ctx={ctx} title={opts.title} current="users" crumbs={adminCrumbs(ctx, { href: adminHref(lang, `/${municipality.slug}/anvandare`), label: T.users[lang] }, { label: opts.title })}>
      <h1>{opts.title}</h1>
      <FormErrorSummary lang={lang} errors={opts.errors} />
      <p>{T.addHint[lang]}</p>
      <AdminForm action={opts.action} csrf={actor.csrfToken}>
        <TextField name="name" label={T.name[lang]} lang={lang} value={str(opts.values, 'name')} error={opts.errors.name} autocomplete="off" />
        <TextField name="email" type="email" label={T.email[lang]} lang={lang} value={str(opts.values, 'email')} error={opts.errors.email} autocomplete="off" spellcheck={false} />
        <ChoiceGroup
          name="role"
          type="radio"
          legend={T.role[lang]}
          lang={lang}
          options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r][lang] }))}
          values={[str(opts.values, 'role')]}
          error={opts.errors.role}
        />
        <ChoiceGroup
          name="units"
          type="checkbox"
          legend={T.units[lang]}
          hint={T.unitsHint[lang]}
          lang={lang}
          optional
          options={units.map((u) => ({ value: String(u.id), label: lang === 'sv' ? u.name_sv : (u.name_en ?? u.name_sv) }))}
          values={list(opts.values, 'units')}
          error={opts.errors.units}
        />
        <button type="submit" class="button">
          {T.save[lang]}
        </button>
      </AdminForm>
    </AdminLayout>,
  );
}

export function userRoutes(lang: Lang): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const usersPath = (slug: string) => adminHref(lang, `/${slug}/anvandare`);

  app.get('/:kommun/anvandare', async (c) => {
    const scope = await requireAdminMunicipality(c, 'manage_users');
    const { municipality } = scope;
    const users = await listMunicipalityUsers(c.var.handle.db, municipality.id);
    const ctx = await adminPageContext(c, municipality);
    return c.html(
      <AdminLayout ctx={ctx} title={T.users[lang]} current="users" notice={noticeOf(c, NOTICES)} crumbs={adminCrumbs(ctx, { label: T.users[lang] })}>
        <h1>{T.users[lang]}</h1>
        <p class="lead">{T.usersLead[lang]}</p>
        <p>
          <a class="button" href={`${usersPath(municipality.slug)}/ny`}>
            {T.add[lang]}
          </a>
        </p>
        <div class="table-wrap" role="region" aria-label={T.users[lang]} tabindex={0}>
          <table class="data">
            <caption class="visually-hidden">{T.users[lang]}</caption>
            <thead>
              <tr>
                <th scope="col">{T.name[lang]}</th>
                <th scope="col">{T.email[lang]}</th>
                <th scope="col">{T.role[lang]}</th>
                <th scope="col">{T.units[lang]}</th>
                <th scope="col">{T.status[lang]}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr>
                  <td>
                    <a href={`${usersPath(municipality.slug)}/${u.id}`}>{u.display_name}</a>
                  </td>
                  <td>{u.email}</td>
                  <td>{ROLE_LABELS[u.role][lang]}</td>
                  <td>{u.units.map((x) => (lang === 'sv' ? x.name_sv : (x.name_en ?? x.name_sv))).join(', ')}</td>
                  <td>{u.disabled_at ? T.disabled[lang] : u.totp_enabled_at ? T.active[lang] : T.noTotp[lang]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </AdminLayout>,
    );
  });

  app.get('/:kommun/anvandare/ny', async (c) => {
    const scope = await requireAdminMunicipality(c, 'manage_users');
    return roleForm(c, scope, { values: { role: 'unit_editor' }, errors: {}, action: `${usersPath(scope.municipality.slug)}/ny`, title: T.add[lang] });
  });

  app.post('/:kommun/anvandare/ny', async (c) => {
    const scope = await requireAdminMunicipality(c, 'manage_users');
    const values = await readForm(c);
    const parsed = parseForm(roleSchema(lang), { ...values, units: list(values, 'units') }, lang, labels(lang));
    if (!parsed.ok) return roleForm(c, scope, { values, errors: parsed.errors, action: `${usersPath(scope.municipality.slug)}/ny`, title: T.add[lang], status: 400 });
    await grantRole(c.var.handle.db, scope.municipality.id, parsed.data, { userId: scope.actor.userId, label: actorLabel(scope.actor) });
    return c.redirect(`${usersPath(scope.municipality.slug)}?klart=sparad`, 303);
  });

  const loadMember = async (c: Context<AppEnv>, scope: AdminScope) => {
    const id = idParam(c);
    const [member] = await listMunicipalityUsers(c.var.handle.db, scope.municipality.id, id);
    if (!member) throw recordNotFound(lang);
    return member;
  };

  app.get('/:kommun/anvandare/:id', async (c) => {
    const scope = await requireAdminMunicipality(c, 'manage_users');
    const member = await loadMember(c, scope);
    const { municipality, actor } = scope;
    const ctx = await adminPageContext(c, municipality);
    const elsewhere = (await municipalitiesOfUser(c.var.handle.db, member.id)).filter((m) => m !== municipality.id);
    const self = member.id === actor.userId;
    const base = `${usersPath(municipality.slug)}/${member.id}`;
    return c.html(
      <AdminLayout ctx={ctx} title={member.display_name} current="users" notice={noticeOf(c, NOTICES)} crumbs={adminCrumbs(ctx, { href: usersPath(municipality.slug), label: T.users[lang] }, { label: member.display_name })}>
        <h1>{member.display_name}</h1>
        <dl class="summary-list">
          <dt>{T.email[lang]}</dt>
          <dd>{member.email}</dd>
          <dt>{T.role[lang]}</dt>
          <dd>{ROLE_LABELS[member.role][lang]}</dd>
          <dt>{T.units[lang]}</dt>
          <dd>{member.units.map((x) => (lang === 'sv' ? x.name_sv : (x.name_en ?? x.name_sv))).join(', ') || '–'}</dd>
          <dt>{T.status[lang]}</dt>
          <dd>{member.disabled_at ? T.disabled[lang] : T.active[lang]}</dd>
        </dl>
        <p>
          <a class="button button--secondary" href={`${base}/andra`}>
            {T.edit[lang]}
          </a>
        </p>
        {self ? (
          <p>{T.selfChange[lang]}</p>
        ) : (
          <>
            <AdminForm action={`${base}/ta-bort`} csrf={actor.csrfToken}>
              <button type="submit" class="button button--warning">
                {T.revoke[lang]}
              </button>
            </AdminForm>
            <h2>{member.disabled_at ? T.enable[lang] : T.disable[lang]}</h2>
            <p>{T.disableHint[lang]}</p>
            {elsewhere.length > 0 && !actor.isPlatformAdmin ? (
              <p>{T.cannotDisable[lang]}</p>
            ) : (
              <AdminForm action={`${base}/${member.disabled_at ? 'aktivera' : 'stang-av'}`} csrf={actor.csrfToken}>
                <button type="submit" class={member.disabled_at ? 'button' : 'button button--warning'}>
                  {member.disabled_at ? T.enable[lang] : T.disable[lang]}
                </button>
              </AdminForm>
            )}
          </>
        )}
      </AdminLayout>,
    );
  });

  app.get('/:kommun/anvandare/:id/andra', async (c) => {
    const scope = await requireAdminMunicipality(c, 'manage_users');
    const member = await loadMember(c, scope);
    return roleForm(c, scope, {
      values: { name: member.display_name, email: member.email, role: member.role, units: member.units.map((u) => String(u.id)) },
      errors: {},
      action: `${usersPath(scope.municipality.slug)}/${member.id}/andra`,
      title: `${T.edit[lang]}: ${member.display_name}`,
    });
  });

  app.post('/:kommun/anvandare/:id/andra', async (c) => {
    const scope = await requireAdminMunicipality(c, 'manage_users');
    const member = await loadMember(c, scope);
    const values = { ...(await readForm(c)), email: member.email };
    const parsed = parseForm(roleSchema(lang), { ...values, name: str(values, 'name') || member.display_name, units: list(values, 'units') }, lang, labels(lang));
    const action = `${usersPath(scope.municipality.slug)}/${member.id}/andra`;
    if (!parsed.ok) return roleForm(c, scope, { values, errors: parsed.errors, action, title: `${T.edit[lang]}: ${member.display_name}`, status: 400 });
    await grantRole(c.var.handle.db, scope.municipality.id, parsed.data, { userId: scope.actor.userId, label: actorLabel(scope.actor) });
    return c.redirect(`${usersPath(scope.municipality.slug)}/${member.id}?klart=sparad`, 303);
  });

  app.post('/:kommun/anvandare/:id/ta-bort', async (c) => {
    const scope = await requireAdminMunicipality(c, 'manage_users');
    const member = await loadMember(c, scope);
    if (member.id === scope.actor.userId) return c.redirect(`${usersPath(scope.municipality.slug)}/${member.id}`, 303);
    await revokeRole(c.var.handle.db, scope.municipality.id, member.id, { userId: scope.actor.userId, label: actorLabel(scope.actor) });
    return c.redirect(`${usersPath(scope.municipality.slug)}?klart=borttagen`, 303);
  });

  for (const [path, disabled] of [['stang-av', true], ['aktivera', false]] as const) {
    app.post(`/:kommun/anvandare/:id/${path}`, async (c) => {
      const scope = await requireAdminMunicipality(c, 'manage_users');
      const member = await loadMember(c, scope);
      const elsewhere = (await municipalitiesOfUser(c.var.handle.db, member.id)).filter((m) => m !== scope.municipality.id);
      if (member.id === scope.actor.userId || (elsewhere.length > 0 && !scope.actor.isPlatformAdmin)) {
        authorize(scope.actor, 'create_municipality', { municipalityId: scope.municipality.id }, lang);
      }
      await setDisabled(c.var.handle.db, scope.municipality.id, member.id, disabled, { userId: scope.actor.userId, label: actorLabel(scope.actor) });
      return c.redirect(`${usersPath(scope.municipality.slug)}/${member.id}?klart=${disabled ? 'avstangd' : 'aktiverad'}`, 303);
    });
  }

  // ── Platform administrators: municipalities ─────────────────────────────────
  const platformPage = async (c: Context<AppEnv>, values: FormValues, errors: FormErrors, status: 200 | 400 = 200) => {
    const actor = requireActor(c);
    authorize(actor, 'create_municipality', { municipalityId: 0 }, lang);
    const ctx = await adminPageContext(c);
    const available = await officialNotYetAdded(c.var.handle.db);
    c.status(status);
    return c.html(
      <AdminLayout ctx={ctx} title={T.platform[lang]} current="platform" notice={noticeOf(c, NOTICES)}>
        <h1>{T.platform[lang]}</h1>
        <h2>{T.existing[lang]}</h2>
        <ul class="link-list">
          {ctx.municipalities.map((m) => (
            <li>
              <a href={adminHref(lang, `/${m.slug}`)}>{m.name}</a>
            </li>
          ))}
        </ul>
        <h2>{T.addMunicipality[lang]}</h2>
        <p>{T.platformLead[lang]}</p>
        <FormErrorSummary lang={lang} errors={errors} />
        <AdminForm action={adminHref(lang, '/plattform/kommuner')} csrf={actor.csrfToken}>
          <SelectField
            name="code"
            label={T.municipality[lang]}
            lang={lang}
            emptyLabel={T.chooseMunicipality[lang]}
            options={available.map((o) => ({ value: o.code, label: `${o.short_name} (${o.code}, ${o.county_name})` }))}
            value={str(values, 'code')}
            error={errors.code}
          />
          <fieldset class="fieldset">
            <legend class="field-label">{T.firstAdmin[lang]}</legend>
            <p class="field-hint">{T.firstAdminHint[lang]}</p>
            <TextField name="admin_name" label={T.name[lang]} lang={lang} value={str(values, 'admin_name')} error={errors.admin_name} optional />
            <TextField name="admin_email" type="email" label={T.email[lang]} lang={lang} value={str(values, 'admin_email')} error={errors.admin_email} optional spellcheck={false} />
          </fieldset>
          <button type="submit" class="button">
            {T.addMunicipality[lang]}
          </button>
        </AdminForm>
      </AdminLayout>,
    );
  };

  app.get('/plattform/kommuner', (c) => platformPage(c, {}, {}));

  app.post('/plattform/kommuner', async (c) => {
    const actor = requireActor(c);
    authorize(actor, 'create_municipality', { municipalityId: 0 }, lang);
    const values = await readForm(c);
    const sv = lang === 'sv';
    const schema = z
      .object({
        code: z.string().regex(/^[0-9]{4}$/, sv ? 'Välj en kommun i listan.' : 'Choose a municipality from the list.'),
        admin_name: z.string().trim().max(200),
        admin_email: z.union([z.literal(''), z.email({ message: sv ? 'Ange en e-postadress i rätt format, till exempel namn@kommun.se.' : 'Enter an email address in the correct format, like name@example.com.' }).max(254)]),
      })
      .superRefine((v, ctx) => {
        if (v.admin_email && !v.admin_name) ctx.addIssue({ code: 'custom', path: ['admin_name'], message: sv ? 'Fyll i administratörens namn.' : 'Enter the administrator’s name.' });
      });
    const parsed = parseForm(schema, { code: str(values, 'code'), admin_name: str(values, 'admin_name'), admin_email: str(values, 'admin_email') }, lang, {
      code: T.municipality[lang],
      admin_name: T.name[lang],
      admin_email: T.email[lang],
    });
    if (!parsed.ok) return platformPage(c, values, parsed.errors, 400);
    const { code, admin_name, admin_email } = parsed.data;
    const r = await createMunicipality(c.var.handle.db, code, admin_email ? { email: admin_email, name: admin_name } : undefined, { userId: actor.userId, label: actorLabel(actor) });
    if (!r.ok) {
      const msg = r.error === 'exists' ? (sv ? 'Kommunen finns redan i Utblick.' : 'The municipality is already in Utblick.') : sv ? 'Välj en kommun i listan.' : 'Choose a municipality from the list.';
      return platformPage(c, values, { code: msg }, 400);
    }
    return c.redirect(adminHref(lang, '/plattform/kommuner?klart=kommun'), 303);
  });

  return app;
}
