/** `/:kommun/enheter`: the municipality's own organisation; changing it is action 'configure'. */
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../../app-env.js';
import type { Lang } from '../../../i18n/index.js';
import { type FormErrors, type FormValues, parseForm } from '../../../ui/forms.js';
import { adminHref, idParam, noticeOf, readForm, requireAdminMunicipality } from '../../admin/context.js';
import { adminPageContext } from '../../admin/layout.js';
import type { MunicipalityRecord } from '../../municipalities/repository.js';
import { authorize, can, recordNotFound } from '../../policy/policy.js';
import { COMMON, labelsIn, tr, UNIT, UNIT_LABELS } from '../messages.js';
import { UnitFormPage, UnitListPage, UnitPage, unitFormValues } from './pages.js';
import { createUnit, findUnit, listUnits, type Unit, unitSchema, unitUsage, updateUnit } from './service.js';

const NOTICES = { created: UNIT.created, updated: UNIT.updated };

export function unitRoutes(lang: Lang): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const path = (slug: string, rest = '') => adminHref(lang, `/${slug}/enheter${rest}`);

  const form = async (c: Context<AppEnv>, municipality: MunicipalityRecord, unit: Unit | undefined, values: FormValues, errors: FormErrors, status: 200 | 400 | 409 = 200) => {
    const [ctx, tree] = await Promise.all([adminPageContext(c, municipality), listUnits(c.var.handle.db, municipality.id)]);
    return c.html(<UnitFormPage ctx={ctx} unit={unit} tree={tree} values={values} errors={errors} />, status);
  };

  app.get('/:kommun/enheter', async (c) => {
    const { actor, municipality } = await requireAdminMunicipality(c);
    const [ctx, tree] = await Promise.all([adminPageContext(c, municipality), listUnits(c.var.handle.db, municipality.id)]);
    return c.html(<UnitListPage ctx={ctx} tree={tree} canConfigure={can(actor, 'configure', { municipalityId: municipality.id })} notice={noticeOf(c, NOTICES)} />);
  });

  app.get('/:kommun/enheter/ny', async (c) => {
    const { municipality } = await requireAdminMunicipality(c, 'configure');
    return form(c, municipality, undefined, {}, {});
  });

  app.post('/:kommun/enheter/ny', async (c) => {
    const { actor, municipality } = await requireAdminMunicipality(c, 'configure');
    const values = await readForm(c);
    const parsed = parseForm(unitSchema(lang), values, lang, labelsIn(UNIT_LABELS, lang));
    if (!parsed.ok) return form(c, municipality, undefined, values, parsed.errors, 400);
    const result = await createUnit(c.var.handle.db, actor, municipality.id, parsed.data, lang);
    if (!result.ok) return form(c, municipality, undefined, values, result.reason === 'invalid' ? result.errors : {}, 400);
    return c.redirect(`${path(municipality.slug, `/${result.id}`)}?klart=created`, 303);
  });

  app.get('/:kommun/enheter/:id', async (c) => {
    const { actor, municipality } = await requireAdminMunicipality(c);
    const db = c.var.handle.db;
    const id = idParam(c);
    const unit = await findUnit(db, municipality.id, id);
    if (!unit) throw recordNotFound(lang);
    const [ctx, tree, usage] = await Promise.all([adminPageContext(c, municipality), listUnits(db, municipality.id), unitUsage(db, municipality.id, id)]);
    const target = { municipalityId: municipality.id };
    return c.html(
      <UnitPage ctx={ctx} unit={unit} tree={tree} usage={usage} canConfigure={can(actor, 'configure', target)} canSeeHistory={can(actor, 'view_audit', target)} notice={noticeOf(c, NOTICES)} />,
    );
  });

  app.get('/:kommun/enheter/:id/redigera', async (c) => {
    const { actor, municipality } = await requireAdminMunicipality(c);
    const unit = await findUnit(c.var.handle.db, municipality.id, idParam(c));
    if (!unit) throw recordNotFound(lang);
    authorize(actor, 'configure', { municipalityId: municipality.id }, lang);
    return form(c, municipality, unit, unitFormValues(unit), {});
  });

  app.post('/:kommun/enheter/:id/redigera', async (c) => {
    const { actor, municipality } = await requireAdminMunicipality(c);
    const db = c.var.handle.db;
    const unit = await findUnit(db, municipality.id, idParam(c));
    if (!unit) throw recordNotFound(lang);
    authorize(actor, 'configure', { municipalityId: municipality.id }, lang);
    const values = await readForm(c);
    const parsed = parseForm(unitSchema(lang), values, lang, labelsIn(UNIT_LABELS, lang));
    if (!parsed.ok) return form(c, municipality, unit, values, parsed.errors, 400);
    const result = await updateUnit(db, actor, municipality.id, unit.id, parsed.data, lang);
    if (result.ok) return c.redirect(`${path(municipality.slug, `/${unit.id}`)}?klart=updated`, 303);
    if (result.reason === 'not_found') throw recordNotFound(lang);
    if (result.reason === 'conflict') {
      values.version = (await findUnit(db, municipality.id, unit.id))?.updated_at ?? '';
      // `main` is the page's main region: the summary's link lands there, no field is marked.
      return form(c, municipality, unit, values, { main: tr(COMMON.conflict, lang) }, 409);
    }
    return form(c, municipality, unit, values, result.errors, 400);
  });

  return app;
}
