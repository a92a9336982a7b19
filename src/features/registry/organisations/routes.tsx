/** `/:kommun/organisationer`: external organisations, edited directly (no review step). */
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../../app-env.js';
import type { Lang } from '../../../i18n/index.js';
import { parseForm } from '../../../ui/forms.js';
import { adminHref, idParam, noticeOf, readForm, requireAdminMunicipality } from '../../admin/context.js';
import { adminPageContext } from '../../admin/layout.js';
import { authorize, can, recordNotFound } from '../../policy/policy.js';
import { COMMON, labelsIn, ORG, ORG_LABELS, tr } from '../messages.js';
import { OrganisationFormPage, OrganisationListPage, OrganisationPage, organisationFormValues } from './pages.js';
import {
  canCreateOrganisation,
  canEditOrganisation,
  createExternalOrganisation,
  EXTERNAL_KINDS,
  findExternalOrganisation,
  listExternalOrganisations,
  organisationCreator,
  organisationSchema,
  organisationUsage,
  updateExternalOrganisation,
} from './service.js';

const NOTICES = { created: ORG.created, updated: ORG.updated };

/** Folds case and accents away for the name filter: "ylojarvi" finds "Ylöjärvi". */
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();

export function organisationRoutes(lang: Lang): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const path = (slug: string, rest = '') => adminHref(lang, `/${slug}/organisationer${rest}`);

  app.get('/:kommun/organisationer', async (c) => {
    const { actor, municipality } = await requireAdminMunicipality(c);
    const q = (c.req.query('q') ?? '').slice(0, 200).trim();
    const kindRaw = c.req.query('typ') ?? '';
    const kind = (EXTERNAL_KINDS as readonly string[]).includes(kindRaw) ? kindRaw : '';
    const all = await listExternalOrganisations(c.var.handle.db, municipality.id);
    const needle = fold(q);
    const rows = all.filter(
      (o) => (!kind || o.kind === kind) && (!needle || [o.name_sv, o.name_en, o.short_name].some((s) => s && fold(s).includes(needle))),
    );
    const ctx = await adminPageContext(c, municipality);
    return c.html(
      <OrganisationListPage ctx={ctx} rows={rows} total={all.length} q={q} kind={kind} canCreate={canCreateOrganisation(actor, municipality.id)} notice={noticeOf(c, NOTICES)} />,
    );
  });

  app.get('/:kommun/organisationer/ny', async (c) => {
    const { actor, municipality } = await requireAdminMunicipality(c);
    // Throws the policy's own 403: whoever may not create may not 'publish' either.
    if (!canCreateOrganisation(actor, municipality.id)) authorize(actor, 'publish', { municipalityId: municipality.id }, lang);
    const ctx = await adminPageContext(c, municipality);
    return c.html(<OrganisationFormPage ctx={ctx} values={{}} errors={{}} />);
  });

  app.post('/:kommun/organisationer/ny', async (c) => {
    const { actor, municipality } = await requireAdminMunicipality(c);
    if (!canCreateOrganisation(actor, municipality.id)) authorize(actor, 'publish', { municipalityId: municipality.id }, lang);
    const values = await readForm(c);
    const parsed = parseForm(organisationSchema(lang), values, lang, labelsIn(ORG_LABELS, lang));
    if (!parsed.ok) {
      const ctx = await adminPageContext(c, municipality);
      return c.html(<OrganisationFormPage ctx={ctx} values={values} errors={parsed.errors} />, 400);
    }
    const id = await createExternalOrganisation(c.var.handle.db, actor, municipality.id, parsed.data);
    return c.redirect(`${path(municipality.slug, `/${id}`)}?klart=created`, 303);
  });

  app.get('/:kommun/organisationer/:id', async (c) => {
    const { actor, municipality } = await requireAdminMunicipality(c);
    const db = c.var.handle.db;
    const id = idParam(c);
    const org = await findExternalOrganisation(db, municipality.id, id);
    if (!org) throw recordNotFound(lang);
    const [usage, creator] = await Promise.all([organisationUsage(db, municipality.id, id), organisationCreator(db, municipality.id, id)]);
    const ctx = await adminPageContext(c, municipality);
    return c.html(
      <OrganisationPage
        ctx={ctx}
        org={org}
        usage={usage}
        canEdit={canEditOrganisation(actor, municipality.id, creator)}
        canSeeHistory={can(actor, 'view_audit', { municipalityId: municipality.id })}
        notice={noticeOf(c, NOTICES)}
      />,
    );
  });

  /** The organisation, after checking that the actor may edit it (404 before 403). */
  const editable = async (c: Context<AppEnv>) => {
    const scope = await requireAdminMunicipality(c);
    const { actor, municipality } = scope;
    const db = c.var.handle.db;
    const id = idParam(c);
    const org = await findExternalOrganisation(db, municipality.id, id);
    if (!org) throw recordNotFound(lang);
    if (!canEditOrganisation(actor, municipality.id, await organisationCreator(db, municipality.id, id))) authorize(actor, 'publish', { municipalityId: municipality.id }, lang);
    return { ...scope, org };
  };

  app.get('/:kommun/organisationer/:id/redigera', async (c) => {
    const { municipality, org } = await editable(c);
    const ctx = await adminPageContext(c, municipality);
    return c.html(<OrganisationFormPage ctx={ctx} org={org} values={organisationFormValues(org, lang)} errors={{}} />);
  });

  app.post('/:kommun/organisationer/:id/redigera', async (c) => {
    const { actor, municipality, org } = await editable(c);
    const values = await readForm(c);
    const parsed = parseForm(organisationSchema(lang), values, lang, labelsIn(ORG_LABELS, lang));
    const again = async (errors: Record<string, string>, status: 400 | 409) => {
      const ctx = await adminPageContext(c, municipality);
      return c.html(<OrganisationFormPage ctx={ctx} org={org} values={values} errors={errors} />, status);
    };
    if (!parsed.ok) return again(parsed.errors, 400);
    const result = await updateExternalOrganisation(c.var.handle.db, actor, municipality.id, org.id, parsed.data);
    if (result === 'not_found') throw recordNotFound(lang);
    if (result === 'conflict') {
      // Keep what was typed, but let the next save go through over the new version.
      values.version = (await findExternalOrganisation(c.var.handle.db, municipality.id, org.id))?.updated_at ?? '';
      // `main` is the page's main region: the summary's link lands there, no field is marked.
      return again({ main: tr(COMMON.conflict, lang) }, 409);
    }
    return c.redirect(`${path(municipality.slug, `/${org.id}`)}?klart=updated`, 303);
  });

  return app;
}
