/**
 * Evaluations of partnerships and ending a partnership (AR-9), under `/admin/:kommun` (English
 * under `/en/admin/…`):
 *
 * | path                                        | what |
 * |---------------------------------------------|------|
 * | `utvarderingar`                             | every partnership: latest evaluation, next due, state (view) |
 * | `samarbeten/:id/utvarderingar`              | the partnership's evaluations (view) |
 * | `samarbeten/:id/utvarderingar/ny`           | a new evaluation (edit on the partnership's owner unit) |
 * | `samarbeten/:id/utvarderingar/:evaluationId`| one evaluation (view) |
 * | `samarbeten/:id/avsluta`                    | ending with a recorded decision (decide) |
 */
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../../../app-env.js';
import type { Lang } from '../../../../i18n/index.js';
import { type FormErrors, type FormValues, str } from '../../../../ui/forms.js';
import { adminHref, idParam, noticeOf, readForm, requireAdminMunicipality } from '../../../admin/context.js';
import { adminPageContext } from '../../../admin/layout.js';
import { todayInSweden } from '../../../decisions/registry.js';
import { authorize, can, recordNotFound } from '../../../policy/policy.js';
import { decisionLabel } from '../pages.js';
import { countActivity } from './counting.js';
import { evaluationMonths, partnershipEvaluationStatus, partnershipEvaluationStatuses } from './due.js';
import { NOTICES } from './messages.js';
import { EndingPage, EvaluationFormPage, EvaluationOverviewPage, EvaluationPage, PartnershipEvaluationsPage } from './pages.js';
import {
  defaultPeriodStart,
  EndingRefused,
  endingFormValues,
  endPartnership,
  findEvaluation,
  findPartnershipRef,
  formPeriod,
  listEvaluations,
  loadEndingChoices,
  newEvaluationValues,
  type PartnershipRef,
  readEndingForm,
  readEvaluationForm,
  recordEvaluation,
} from './service.js';

type C = Context<AppEnv>;

export function partnershipEvaluationRoutes(lang: Lang): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const base = '/:kommun/samarbeten/:id';
  const href = (slug: string, id: number, rest = '') => adminHref(lang, `/${slug}/samarbeten/${id}${rest}`);

  /** The municipality (view) and its partnership in the URL, or 404. */
  const requirePartnership = async (c: C) => {
    const scope = await requireAdminMunicipality(c);
    const p = await findPartnershipRef(c.var.handle.db, scope.municipality.id, idParam(c));
    if (!p) throw recordNotFound(lang);
    return { ...scope, p };
  };

  app.get('/:kommun/utvarderingar', async (c) => {
    const { municipality } = await requireAdminMunicipality(c);
    const db = c.var.handle.db;
    const [ctx, rows, months] = await Promise.all([adminPageContext(c, municipality), partnershipEvaluationStatuses(db, municipality.id, todayInSweden()), evaluationMonths(db, municipality.id)]);
    return c.html(<EvaluationOverviewPage ctx={ctx} rows={rows} months={months} />);
  });

  app.get(`${base}/utvarderingar`, async (c) => {
    const { actor, municipality, p } = await requirePartnership(c);
    const db = c.var.handle.db;
    const [ctx, status, evaluations, ended] = await Promise.all([
      adminPageContext(c, municipality),
      partnershipEvaluationStatus(db, municipality.id, p.id, todayInSweden()),
      listEvaluations(db, municipality.id, p.id),
      db.selectFrom('partnership_events').select((eb) => eb.fn.max('date_from').as('d')).where('partnership_id', '=', p.id).where('kind', '=', 'ended').executeTakeFirst(),
    ]);
    const target = { municipalityId: municipality.id, ownerUnitId: p.ownerUnitId };
    return c.html(
      <PartnershipEvaluationsPage
        ctx={ctx}
        p={p}
        status={status}
        evaluations={evaluations}
        endedOn={(ended?.d as string | null | undefined) ?? null}
        may={{ edit: can(actor, 'edit', target), decide: can(actor, 'decide', target) }}
        notice={noticeOf(c, NOTICES)}
      />,
    );
  });

  const evaluationForm = async (c: C, scope: { municipality: { id: number; slug: string; name_sv: string; name_en: string }; p: PartnershipRef }, values: FormValues, errors: FormErrors) => {
    const period = formPeriod(values);
    const [ctx, counts] = await Promise.all([adminPageContext(c, scope.municipality), period ? countActivity(c.var.handle.db, scope.p.id, period.start, period.end) : undefined]);
    return c.html(<EvaluationFormPage ctx={ctx} p={scope.p} values={values} errors={errors} counts={counts} period={period} />, Object.keys(errors).length > 0 ? 400 : 200);
  };

  /** As requirePartnership, and 'edit' on the partnership's owner unit. */
  const requireEvaluator = async (c: C) => {
    const r = await requirePartnership(c);
    authorize(r.actor, 'edit', { municipalityId: r.municipality.id, ownerUnitId: r.p.ownerUnitId }, lang);
    return r;
  };

  app.get(`${base}/utvarderingar/ny`, async (c) => {
    const r = await requireEvaluator(c);
    const start = await defaultPeriodStart(c.var.handle.db, r.p);
    return evaluationForm(c, r, newEvaluationValues(start, todayInSweden()), {});
  });

  app.post(`${base}/utvarderingar/ny`, async (c) => {
    const r = await requireEvaluator(c);
    const values = await readForm(c);
    const parsed = readEvaluationForm(values, todayInSweden(), lang);
    // "Count again" shows the form with the new period's activity and saves nothing.
    if (str(values, 'do') === 'recount') return evaluationForm(c, r, values, parsed.ok ? {} : pickPeriodErrors(parsed.errors));
    if (!parsed.ok) return evaluationForm(c, r, values, parsed.errors);
    const id = await recordEvaluation(c.var.handle.db, r.actor, r.p, parsed.data);
    return c.redirect(`${href(r.municipality.slug, r.p.id, `/utvarderingar/${id}`)}?klart=evaluated`, 303);
  });

  app.get(`${base}/utvarderingar/:evaluationId`, async (c) => {
    const { actor, municipality, p } = await requirePartnership(c);
    const db = c.var.handle.db;
    const e = await findEvaluation(db, municipality.id, p.id, idParam(c, 'evaluationId'));
    if (!e) throw recordNotFound(lang);
    const [ctx, decision] = await Promise.all([
      adminPageContext(c, municipality),
      e.decision_id === null ? undefined : db.selectFrom('decisions').select(['id', 'decided_on', 'paragraph', 'registry_number', 'subject_sv', 'subject_en']).where('id', '=', e.decision_id).where('municipality_id', '=', municipality.id).executeTakeFirst(),
    ]);
    return c.html(
      <EvaluationPage
        ctx={ctx}
        p={p}
        e={e}
        decision={decision ? decisionLabel({ ...decision, id: Number(decision.id) }, lang) : null}
        may={{ decide: can(actor, 'decide', { municipalityId: municipality.id, ownerUnitId: p.ownerUnitId }) }}
        notice={noticeOf(c, NOTICES)}
      />,
    );
  });

  /** As requirePartnership, and 'decide'. */
  const requireDecider = async (c: C) => {
    const r = await requirePartnership(c);
    authorize(r.actor, 'decide', { municipalityId: r.municipality.id, ownerUnitId: r.p.ownerUnitId }, lang);
    return r;
  };

  const endingPage = async (c: C, r: Awaited<ReturnType<typeof requireDecider>>, values: FormValues, errors: FormErrors, status: 200 | 400 | 409 = 200) => {
    const [ctx, choices] = await Promise.all([adminPageContext(c, r.municipality), loadEndingChoices(c.var.handle.db, r.municipality.id)]);
    return c.html(<EndingPage ctx={ctx} p={r.p} choices={choices} values={values} errors={errors} />, status);
  };

  app.get(`${base}/avsluta`, async (c) => {
    const r = await requireDecider(c);
    return endingPage(c, r, endingFormValues(r.p, todayInSweden()), {});
  });

  app.post(`${base}/avsluta`, async (c) => {
    const r = await requireDecider(c);
    const db = c.var.handle.db;
    const values = await readForm(c);
    if (r.p.status === 'ended') return endingPage(c, r, values, {}, 409);
    const today = todayInSweden();
    const parsed = readEndingForm(values, await loadEndingChoices(db, r.municipality.id), today, lang);
    if (!parsed.ok) return endingPage(c, r, values, parsed.errors, 400);
    try {
      await endPartnership(db, r.actor, r.p, parsed.data, today, lang);
    } catch (e) {
      if (e instanceof EndingRefused) return endingPage(c, r, values, e.errors, e.status);
      throw e;
    }
    return c.redirect(`${href(r.municipality.slug, r.p.id, '/utvarderingar')}?klart=ended`, 303);
  });

  return app;
}

/** When only counting again: the errors of the period's fields, not of the fields not yet filled in. */
function pickPeriodErrors(errors: FormErrors): FormErrors {
  return Object.fromEntries(Object.entries(errors).filter(([k]) => k === 'period_start' || k === 'period_end'));
}
