/**
 * Back office of action plans (AL-3) under `/admin/:kommun/handlingsplaner` (English under
 * `/en/admin/…`, same paths):
 *
 * | path                                             | what |
 * |--------------------------------------------------|------|
 * | ``                                               | plans by strategy: period, status, evaluation due, measures, mean progress |
 * | `ny`, `:id/redigera`                             | the plan form |
 * | `:id`                                            | a plan: measures by goal with progress, late and stale markers |
 * | `:id/atgarder/ny`, `:id/atgarder/:measureId{,/redigera}` | a measure: form, page with indicators and notes |
 * | `:id/atgarder/:measureId/lagesrapport` (POST)    | a dated progress note |
 * | `:id/lagesrapport`                               | bulk progress: every measure the person may edit, saved at once |
 * | `:id/handlingsplan.{csv,xlsx}`, `:id/import{,/bekrafta}` | the plan as a file and back, with a preview |
 * | `:id/utvardering{,/:evaluationId}`               | recording and showing an evaluation |
 * | `:id/kopiera`                                    | a new plan as a copy; the old one is closed |
 *
 * Policy: reading is 'view'; plans, new measures, evaluations and copies need 'edit' on the
 * municipality; a measure, its notes and progress need 'edit' on its owner unit. The bulk form's
 * POST and the import are open to anyone who may edit at least one of the plan's measures; rows of
 * other measures are refused row by row.
 */
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../../app-env.js';
import type { FieldError } from '../../../errors/index.js';
import type { Lang } from '../../../i18n/index.js';
import { type FormErrors, type FormValues, str } from '../../../ui/forms.js';
import { type AdminScope, idParam, readForm, requireAdminMunicipality } from '../../admin/context.js';
import { adminPageContext } from '../../admin/layout.js';
import { MAX_IMPORT_BYTES } from '../../imports/routes.js';
import { authorize, can, recordNotFound } from '../../policy/policy.js';
import { planEvaluationDue } from '../progress/cycles.js';
import { saveBulkProgress } from './bulk.js';
import { confirmImport, exportRows, hiddenFields, planFile, previewImport } from './exchange.js';
import { ERR, NOTICES, P, tr } from './messages.js';
import {
  BulkPage,
  blankIndicator,
  bulkValues,
  CopyFormPage,
  copyFormValues,
  EvaluationFormPage,
  EvaluationPage,
  evaluationFormValues,
  ImportPage,
  ImportPreviewPage,
  MeasureFormPage,
  MeasurePage,
  measureFormValues,
  noteFormValues,
  PlanFormPage,
  PlanListPage,
  PlanPage,
  planFormValues,
  planHref,
} from './pages.js';
import {
  findEvaluation,
  findMeasure,
  findPlan,
  lastEvaluationOf,
  listEvaluations,
  listGoals,
  listMeasures,
  listPlans,
  listStrategies,
  listUnitRefs,
  type MeasureRow,
  measureDetails,
  type Plan,
  staleAfterDays,
  successorsOf,
} from './repository.js';
import {
  addNote,
  canEditMeasure,
  canEditPlans,
  copyPlan,
  createMeasure,
  createPlan,
  FINISHED,
  indicatorDrafts,
  type MeasureRefs,
  parseCopyForm,
  parseEvaluationForm,
  parseMeasureForm,
  parseNoteForm,
  parsePlanForm,
  recordEvaluation,
  today,
  updateMeasure,
  updatePlan,
} from './service.js';

type C = Context<AppEnv>;

/** The confirmation after a redirect, with the number of measures where one is given. */
function noticeText(c: C, lang: Lang): string | undefined {
  const key = c.req.query('klart');
  if (!key) return undefined;
  const n = Number(c.req.query('antal') ?? '');
  const count = Number.isSafeInteger(n) && n >= 0 ? n : 0;
  if (key === 'bulk') return count === 1 ? tr(P.bulkSavedOne, lang) : tr(P.bulkSaved, lang, { n: count });
  if (key === 'imported') return tr(P.imported, lang, { n: count });
  return Object.hasOwn(NOTICES, key) ? NOTICES[key]![lang] : undefined;
}

/** The uploaded file of a multipart form, or undefined when none was chosen. */
async function uploadedFile(c: C): Promise<File | undefined> {
  const body = await c.req.parseBody({ all: true });
  const given = Array.isArray(body.file) ? body.file[0] : body.file;
  return given instanceof File && !(given.size === 0 && given.name === '') ? given : undefined;
}

export function planAdminRoutes(lang: Lang): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const base = '/:kommun/handlingsplaner';

  /** The municipality (view) and the plan in the URL, or 404. */
  const requirePlan = async (c: C): Promise<{ scope: AdminScope; plan: Plan }> => {
    const scope = await requireAdminMunicipality(c);
    const plan = await findPlan(c.var.handle.db, scope.municipality.id, idParam(c));
    if (!plan) throw recordNotFound(lang);
    return { scope, plan };
  };

  /** As requirePlan, and 'edit' on the municipality (plans, new measures, evaluations, copies). */
  const requirePlanEditor = async (c: C) => {
    const r = await requirePlan(c);
    authorize(r.scope.actor, 'edit', { municipalityId: r.scope.municipality.id }, lang);
    return r;
  };

  /** As requirePlan, and 'edit' on at least one of the plan's measures (bulk form, import). */
  const requireReporter = async (c: C) => {
    const r = await requirePlan(c);
    const m = r.scope.municipality.id;
    // Coordinators may edit every measure: no need to read the plan's measures to know.
    if (canEditPlans(r.scope.actor, m)) return r;
    const measures = await listMeasures(c.var.handle.db, r.plan.id);
    if (!measures.some((x) => canEditMeasure(r.scope.actor, m, x.owner_unit_id))) authorize(r.scope.actor, 'edit', { municipalityId: m, ownerUnitId: null }, lang);
    return r;
  };

  /** As requirePlan, the measure in the URL (or 404), and 'edit' on its owner unit when `edit`. */
  const requireMeasure = async (c: C, edit: boolean): Promise<{ scope: AdminScope; plan: Plan; measure: MeasureRow }> => {
    const r = await requirePlan(c);
    const measure = await findMeasure(c.var.handle.db, r.scope.municipality.id, r.plan.id, idParam(c, 'measureId'));
    if (!measure) throw recordNotFound(lang);
    if (edit) authorize(r.scope.actor, 'edit', { municipalityId: r.scope.municipality.id, ownerUnitId: measure.owner_unit_id }, lang);
    return { ...r, measure };
  };

  // ── The list and the plan form ─────────────────────────────────────────────

  app.get(base, async (c) => {
    const { actor, municipality } = await requireAdminMunicipality(c);
    const db = c.var.handle.db;
    const [ctx, strategies, plans] = await Promise.all([adminPageContext(c, municipality), listStrategies(db, municipality.id), listPlans(db, municipality.id)]);
    const now = today();
    const due = new Map(plans.map((p) => [p.id, planEvaluationDue(p.period_start, p.evaluation_interval_months, p.lastEvaluatedOn, now)]));
    return c.html(<PlanListPage ctx={ctx} strategies={strategies} plans={plans} due={due} canEdit={canEditPlans(actor, municipality.id)} notice={noticeText(c, lang)} />);
  });

  const planForm = async (c: C, scope: AdminScope, plan: Plan | undefined, values: FormValues, errors: FormErrors, status: 200 | 400 | 409 = 200) => {
    const [ctx, strategies] = await Promise.all([adminPageContext(c, scope.municipality), listStrategies(c.var.handle.db, scope.municipality.id)]);
    return c.html(<PlanFormPage ctx={ctx} plan={plan} strategies={strategies} values={values} errors={errors} />, status);
  };

  app.get(`${base}/ny`, async (c) => {
    const scope = await requireAdminMunicipality(c, 'edit');
    const strategies = await listStrategies(c.var.handle.db, scope.municipality.id);
    const year = Number(today().slice(0, 4));
    return planForm(c, scope, undefined, { strategy_id: strategies.length === 1 ? String(strategies[0]!.id) : '', status: 'draft', evaluation_interval_months: '24', period_start: `${year}-01-01`, period_end: `${year + 1}-12-31` }, {});
  });

  app.post(`${base}/ny`, async (c) => {
    const scope = await requireAdminMunicipality(c, 'edit');
    const values = await readForm(c);
    const parsed = parsePlanForm(values, lang);
    if (!parsed.ok) return planForm(c, scope, undefined, values, parsed.errors, 400);
    const result = await createPlan(c.var.handle.db, scope.actor, scope.municipality.id, parsed.data, lang);
    if (!result.ok) return planForm(c, scope, undefined, values, result.reason === 'invalid' ? result.errors : {}, 400);
    return c.redirect(`${planHref(lang, scope.municipality.slug, `/${result.id}`)}?klart=created`, 303);
  });

  // ── One plan ───────────────────────────────────────────────────────────────

  app.get(`${base}/:id`, async (c) => {
    const { scope, plan } = await requirePlan(c);
    const db = c.var.handle.db;
    const m = scope.municipality;
    const [ctx, strategies, goals, measures, units, evaluations, last, successors, stale, previous] = await Promise.all([
      adminPageContext(c, m),
      listStrategies(db, m.id),
      listGoals(db, plan.strategy_id),
      listMeasures(db, plan.id),
      listUnitRefs(db, m.id),
      listEvaluations(db, plan.id),
      lastEvaluationOf(db, plan.id),
      successorsOf(db, m.id, plan.id),
      staleAfterDays(db, m.id),
      plan.previous_plan_id === null ? Promise.resolve(undefined) : findPlan(db, m.id, plan.previous_plan_id),
    ]);
    const now = today();
    const editPlans = canEditPlans(scope.actor, m.id);
    return c.html(
      <PlanPage
        ctx={ctx}
        plan={plan}
        strategy={strategies.find((s) => s.id === plan.strategy_id)}
        goals={goals}
        measures={measures}
        units={units}
        evaluations={evaluations}
        due={planEvaluationDue(plan.period_start, plan.evaluation_interval_months, last, now)}
        previous={previous}
        successors={successors}
        staleAfter={stale}
        today={now}
        canEditPlan={editPlans}
        canReport={editPlans || measures.some((x) => canEditMeasure(scope.actor, m.id, x.owner_unit_id))}
        canSeeHistory={can(scope.actor, 'view_audit', { municipalityId: m.id })}
        notice={noticeText(c, lang)}
      />,
    );
  });

  app.get(`${base}/:id/redigera`, async (c) => {
    const { scope, plan } = await requirePlanEditor(c);
    return planForm(c, scope, plan, planFormValues(plan), {});
  });

  app.post(`${base}/:id/redigera`, async (c) => {
    const { scope, plan } = await requirePlanEditor(c);
    const db = c.var.handle.db;
    const values = await readForm(c);
    const parsed = parsePlanForm(values, lang);
    if (!parsed.ok) return planForm(c, scope, plan, values, parsed.errors, 400);
    const result = await updatePlan(db, scope.actor, scope.municipality.id, plan.id, parsed.data, lang);
    if (result.ok) return c.redirect(`${planHref(lang, scope.municipality.slug, `/${plan.id}`)}?klart=updated`, 303);
    if (result.reason === 'not_found') throw recordNotFound(lang);
    if (result.reason === 'conflict') {
      values.version = (await findPlan(db, scope.municipality.id, plan.id))?.updated_at ?? '';
      return planForm(c, scope, plan, values, { main: tr(ERR.conflict, lang) }, 409);
    }
    return planForm(c, scope, plan, values, result.errors, 400);
  });

  // ── Measures ───────────────────────────────────────────────────────────────

  /** What the measure form chooses from; unit editors may only give their own units. */
  const measureRefs = async (c: C, scope: AdminScope, plan: Plan): Promise<MeasureRefs> => {
    const db = c.var.handle.db;
    const [goals, units] = await Promise.all([listGoals(db, plan.strategy_id), listUnitRefs(db, scope.municipality.id)]);
    const allowedUnits = canEditPlans(scope.actor, scope.municipality.id) ? undefined : new Set(units.map((u) => u.id).filter((id) => canEditMeasure(scope.actor, scope.municipality.id, id)));
    return { goals, units, allowedUnits };
  };

  const measureForm = async (c: C, scope: AdminScope, plan: Plan, measure: MeasureRow | undefined, refs: MeasureRefs, values: FormValues, drafts: ReturnType<typeof indicatorDrafts>['drafts'], errors: FormErrors, status: 200 | 400 | 409 = 200) => {
    const ctx = await adminPageContext(c, scope.municipality);
    return c.html(<MeasureFormPage ctx={ctx} plan={plan} measure={measure} goals={refs.goals} units={refs.units} allowedUnits={refs.allowedUnits} values={values} drafts={drafts} errors={errors} />, status);
  };

  /** "Add an indicator" and "add a period" buttons: the form again with one more row, nothing saved. */
  const addedRow = (values: FormValues): ReturnType<typeof indicatorDrafts>['drafts'] | undefined => {
    const action = str(values, 'do');
    const { drafts } = indicatorDrafts(values);
    if (action === 'add_indicator') return [...drafts, blankIndicator()];
    const m = /^add_period-(\d{1,4})$/.exec(action);
    if (m && drafts[Number(m[1])]) {
      const i = Number(m[1]);
      return drafts.map((d, j) => (j === i ? { ...d, periods: [...d.periods, { period: '', target: '', actual: '' }] } : d));
    }
    return undefined;
  };

  app.get(`${base}/:id/atgarder/ny`, async (c) => {
    const { scope, plan } = await requirePlanEditor(c);
    const refs = await measureRefs(c, scope, plan);
    return measureForm(c, scope, plan, undefined, refs, { status: 'planned', progress: '0', weight: '1' }, [], {});
  });

  app.post(`${base}/:id/atgarder/ny`, async (c) => {
    const { scope, plan } = await requirePlanEditor(c);
    const refs = await measureRefs(c, scope, plan);
    const values = await readForm(c);
    const more = addedRow(values);
    if (more) return measureForm(c, scope, plan, undefined, refs, values, more, {});
    const { drafts, result } = parseMeasureForm(values, refs, lang);
    if (!result.ok) return measureForm(c, scope, plan, undefined, refs, values, drafts, result.errors, 400);
    const saved = await createMeasure(c.var.handle.db, scope.actor, plan, result.data, lang);
    if (!saved.ok) return measureForm(c, scope, plan, undefined, refs, values, drafts, saved.reason === 'invalid' ? saved.errors : {}, 400);
    return c.redirect(`${planHref(lang, scope.municipality.slug, `/${plan.id}/atgarder/${saved.id}`)}?klart=measure_created`, 303);
  });

  const measurePage = async (c: C, scope: AdminScope, plan: Plan, measure: MeasureRow, noteValues?: FormValues, noteErrors: FormErrors = {}, status: 200 | 400 = 200) => {
    const db = c.var.handle.db;
    const m = scope.municipality;
    const [ctx, details, goals, units, stale] = await Promise.all([adminPageContext(c, m), measureDetails(db, measure.id), listGoals(db, plan.strategy_id), listUnitRefs(db, m.id), staleAfterDays(db, m.id)]);
    const now = today();
    return c.html(
      <MeasurePage
        ctx={ctx}
        plan={plan}
        measure={measure}
        details={details}
        goals={goals}
        units={units}
        canEdit={canEditMeasure(scope.actor, m.id, measure.owner_unit_id)}
        canSeeHistory={can(scope.actor, 'view_audit', { municipalityId: m.id })}
        noteValues={noteValues ?? noteFormValues(measure, now)}
        noteErrors={noteErrors}
        staleAfter={stale}
        today={now}
        notice={status === 200 ? noticeText(c, lang) : undefined}
      />,
      status,
    );
  };

  app.get(`${base}/:id/atgarder/:measureId`, async (c) => {
    const { scope, plan, measure } = await requireMeasure(c, false);
    return measurePage(c, scope, plan, measure);
  });

  app.get(`${base}/:id/atgarder/:measureId/redigera`, async (c) => {
    const { scope, plan, measure } = await requireMeasure(c, true);
    const refs = await measureRefs(c, scope, plan);
    const { values, drafts } = measureFormValues(measure, await measureDetails(c.var.handle.db, measure.id));
    return measureForm(c, scope, plan, measure, refs, values, drafts, {});
  });

  app.post(`${base}/:id/atgarder/:measureId/redigera`, async (c) => {
    const { scope, plan, measure } = await requireMeasure(c, true);
    const db = c.var.handle.db;
    const refs = await measureRefs(c, scope, plan);
    const values = await readForm(c);
    const more = addedRow(values);
    if (more) return measureForm(c, scope, plan, measure, refs, values, more, {});
    const { drafts, result } = parseMeasureForm(values, refs, lang);
    if (!result.ok) return measureForm(c, scope, plan, measure, refs, values, drafts, result.errors, 400);
    const saved = await updateMeasure(db, scope.actor, plan, measure.id, result.data, lang);
    if (saved.ok) return c.redirect(`${planHref(lang, scope.municipality.slug, `/${plan.id}/atgarder/${measure.id}`)}?klart=measure_updated`, 303);
    if (saved.reason === 'not_found') throw recordNotFound(lang);
    if (saved.reason === 'conflict') {
      values.version = (await findMeasure(db, scope.municipality.id, plan.id, measure.id))?.updated_at ?? '';
      return measureForm(c, scope, plan, measure, refs, values, drafts, { main: tr(ERR.conflict, lang) }, 409);
    }
    return measureForm(c, scope, plan, measure, refs, values, drafts, saved.errors, 400);
  });

  app.post(`${base}/:id/atgarder/:measureId/lagesrapport`, async (c) => {
    const { scope, plan, measure } = await requireMeasure(c, true);
    const values = await readForm(c);
    const parsed = parseNoteForm(values, lang);
    if (!parsed.ok) return measurePage(c, scope, plan, measure, values, parsed.errors, 400);
    const saved = await addNote(c.var.handle.db, scope.actor, plan, measure.id, parsed.data);
    if (!saved.ok) throw recordNotFound(lang);
    return c.redirect(`${planHref(lang, scope.municipality.slug, `/${plan.id}/atgarder/${measure.id}`)}?klart=note`, 303);
  });

  // ── Bulk progress ──────────────────────────────────────────────────────────

  const bulkPage = async (c: C, scope: AdminScope, plan: Plan, values: FormValues | undefined, errors: FieldError[], status: 200 | 400 = 200) => {
    const db = c.var.handle.db;
    const m = scope.municipality;
    const [ctx, measures, units] = await Promise.all([adminPageContext(c, m), listMeasures(db, plan.id), listUnitRefs(db, m.id)]);
    const editable = measures.filter((x) => canEditMeasure(scope.actor, m.id, x.owner_unit_id));
    const present = new Set(editable.map((x) => x.owner_unit_id));
    const filterUnits = units.filter((u) => present.has(u.id));
    const raw = c.req.query('enhet') ?? '';
    const unitFilter = /^[1-9][0-9]{0,14}$/.test(raw) && present.has(Number(raw)) ? Number(raw) : undefined;
    const rows = unitFilter === undefined ? editable : editable.filter((x) => x.owner_unit_id === unitFilter);
    return c.html(
      <BulkPage ctx={ctx} plan={plan} measures={rows} units={units} filterUnits={filterUnits} unitFilter={unitFilter} values={values ?? bulkValues(rows)} errors={errors} notice={status === 200 ? noticeText(c, lang) : undefined} />,
      status,
    );
  };

  app.get(`${base}/:id/lagesrapport`, async (c) => {
    const { scope, plan } = await requirePlan(c);
    return bulkPage(c, scope, plan, undefined, []);
  });

  app.post(`${base}/:id/lagesrapport`, async (c) => {
    const { scope, plan } = await requireReporter(c);
    const values = await readForm(c);
    const result = await saveBulkProgress(c.var.handle.db, scope.actor, plan, values, lang);
    if (!result.ok) return bulkPage(c, scope, plan, values, result.errors, 400);
    const target = planHref(lang, scope.municipality.slug, `/${plan.id}`);
    return c.redirect(result.changed === 0 ? `${target}?klart=bulk_none` : `${target}?klart=bulk&antal=${result.changed}`, 303);
  });

  // ── The plan as a file, and back ───────────────────────────────────────────

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`${base}/:id/handlingsplan.${format}`, async (c) => {
      const { scope, plan } = await requirePlan(c);
      const db = c.var.handle.db;
      const [measures, goals, units] = await Promise.all([listMeasures(db, plan.id), listGoals(db, plan.strategy_id), listUnitRefs(db, scope.municipality.id)]);
      const file = await planFile(format, plan, exportRows(measures, goals, units, lang), lang);
      c.header('Content-Type', file.contentType);
      c.header('Content-Disposition', `attachment; filename="${file.filename}"`);
      return c.body(typeof file.body === 'string' ? file.body : new Uint8Array(file.body));
    });
  }

  const importPage = async (c: C, scope: AdminScope, plan: Plan, error?: string, status: 200 | 400 | 413 = 200) => {
    const ctx = await adminPageContext(c, scope.municipality);
    return c.html(<ImportPage ctx={ctx} plan={plan} error={error} />, status);
  };

  app.get(`${base}/:id/import`, async (c) => {
    const { scope, plan } = await requireReporter(c);
    return importPage(c, scope, plan);
  });

  app.post(`${base}/:id/import`, async (c) => {
    const { scope, plan } = await requireReporter(c);
    const file = await uploadedFile(c);
    if (!file) return importPage(c, scope, plan, tr(P.noFile, lang), 400);
    if (file.size > MAX_IMPORT_BYTES) return importPage(c, scope, plan, tr(P.tooLarge, lang), 413);
    const preview = await previewImport(c.var.handle.db, scope.actor, plan, new Uint8Array(await file.arrayBuffer()), lang);
    const ctx = await adminPageContext(c, scope.municipality);
    return c.html(<ImportPreviewPage ctx={ctx} plan={plan} preview={preview} hidden={hiddenFields(preview.changes)} />, preview.issues.length > 0 ? 400 : 200);
  });

  app.post(`${base}/:id/import/bekrafta`, async (c) => {
    const { scope, plan } = await requireReporter(c);
    const values = await readForm(c);
    const result = await confirmImport(c.var.handle.db, scope.actor, plan, values, lang);
    if (result.ok) return c.redirect(`${planHref(lang, scope.municipality.slug, `/${plan.id}`)}?klart=imported&antal=${result.changed}`, 303);
    const ctx = await adminPageContext(c, scope.municipality);
    return c.html(<ImportPreviewPage ctx={ctx} plan={plan} preview={{ table: { format: 'csv' }, changes: result.changes, issues: result.issues }} hidden={[]} />, 400);
  });

  // ── Evaluation ─────────────────────────────────────────────────────────────

  app.get(`${base}/:id/utvardering`, async (c) => {
    const { scope, plan } = await requirePlanEditor(c);
    const [ctx, measures] = await Promise.all([adminPageContext(c, scope.municipality), listMeasures(c.var.handle.db, plan.id)]);
    return c.html(<EvaluationFormPage ctx={ctx} plan={plan} measures={measures} values={evaluationFormValues(measures, today(), lang)} errors={{}} />);
  });

  app.post(`${base}/:id/utvardering`, async (c) => {
    const { scope, plan } = await requirePlanEditor(c);
    const db = c.var.handle.db;
    const measures = await listMeasures(db, plan.id);
    const values = await readForm(c);
    const parsed = parseEvaluationForm(
      values,
      measures.map((m) => m.id),
      lang,
    );
    if (!parsed.ok) {
      const ctx = await adminPageContext(c, scope.municipality);
      return c.html(<EvaluationFormPage ctx={ctx} plan={plan} measures={measures} values={values} errors={parsed.errors} />, 400);
    }
    const saved = await recordEvaluation(db, scope.actor, plan, parsed.data);
    if (!saved.ok) throw recordNotFound(lang);
    return c.redirect(`${planHref(lang, scope.municipality.slug, `/${plan.id}/utvardering/${saved.id}`)}?klart=evaluated`, 303);
  });

  app.get(`${base}/:id/utvardering/:evaluationId`, async (c) => {
    const { scope, plan } = await requirePlan(c);
    const evaluation = await findEvaluation(c.var.handle.db, scope.municipality.id, plan.id, idParam(c, 'evaluationId'));
    if (!evaluation) throw recordNotFound(lang);
    const ctx = await adminPageContext(c, scope.municipality);
    return c.html(<EvaluationPage ctx={ctx} plan={plan} evaluation={evaluation} notice={noticeText(c, lang)} />);
  });

  // ── Copy into a new period ─────────────────────────────────────────────────

  const copyForm = async (c: C, scope: AdminScope, plan: Plan, values: FormValues, errors: FormErrors, status: 200 | 400 = 200) => {
    const [ctx, measures] = await Promise.all([adminPageContext(c, scope.municipality), listMeasures(c.var.handle.db, plan.id)]);
    const left = measures.filter((m) => FINISHED.has(m.status)).length;
    return c.html(<CopyFormPage ctx={ctx} plan={plan} copied={measures.length - left} left={left} values={values} errors={errors} />, status);
  };

  app.get(`${base}/:id/kopiera`, async (c) => {
    const { scope, plan } = await requirePlanEditor(c);
    return copyForm(c, scope, plan, copyFormValues(plan), {});
  });

  app.post(`${base}/:id/kopiera`, async (c) => {
    const { scope, plan } = await requirePlanEditor(c);
    const values = await readForm(c);
    const parsed = parseCopyForm(values, lang);
    if (!parsed.ok) return copyForm(c, scope, plan, values, parsed.errors, 400);
    const saved = await copyPlan(c.var.handle.db, scope.actor, plan, parsed.data, lang);
    if (saved.ok) return c.redirect(`${planHref(lang, scope.municipality.slug, `/${saved.id}`)}?klart=copied`, 303);
    if (saved.reason === 'not_found') throw recordNotFound(lang);
    return copyForm(c, scope, plan, values, saved.reason === 'invalid' ? saved.errors : {}, 400);
  });

  return app;
}
