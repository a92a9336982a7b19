/**
 * Back office of strategies under `/:kommun/strategi`: the list, a new strategy, the import from
 * text (import-routes.tsx), one strategy with its goals, plans, reviews and follow-up, its facts
 * form, adoption, reviews, versions, the follow-up setting, and its goals (goal-routes.tsx).
 * Reading is 'view'; changes 'edit'; adoption 'publish'; reviews 'decide'; the setting 'configure'.
 */
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../../app-env.js';
import { AppError } from '../../../errors/index.js';
import type { Lang } from '../../../i18n/index.js';
import { type FormErrors, type FormValues, parseForm, str } from '../../../ui/forms.js';
import { type AdminScope, adminHref, idParam, noticeOf, readForm, requireAdminMunicipality } from '../../admin/context.js';
import { adminPageContext } from '../../admin/layout.js';
import type { MunicipalityRecord } from '../../municipalities/repository.js';
import type { Action } from '../../policy/policy.js';
import { can, recordNotFound } from '../../policy/policy.js';
import { strategyReviewDue } from '../progress/cycles.js';
import { loadStrategyProgress } from '../progress/progress.js';
import { HistoryPage, ReviewFormPage, StrategyFormPage, strategyFormValues, VersionPage } from './form-pages.js';
import { strategyGoalRoutes } from './goal-routes.js';
import { strategyImportRoutes } from './import-routes.js';
import { ERR, FIELD_LABELS, FORM, labelsIn, REVIEW, S, tr } from './messages.js';
import { StrategyListPage, StrategyPage, type StrategyPageData } from './pages.js';
import { findStrategy, findVersion, followUp, listGoals, listPlans, listReviews, listStrategies, listVersions, type StrategyRecord, staleAfterDays, strategyTitle, treeOrder } from './repository.js';
import { adoptStrategy, createStrategy, parseStaleDays, recordReview, reviewSchema, saveStaleDays, strategySchema, todayIso, updateStrategy } from './service.js';

const NOTICES = {
  created: S.created,
  imported: S.imported,
  updated: S.updated,
  adopted: S.adopted,
  adoptedSuperseding: S.adoptedSuperseding,
  reviewed: S.reviewed,
  goalDeleted: S.goalDeleted,
  settings: S.settingsSaved,
};

export function strategyAdminRoutes(lang: Lang): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // The fixed addresses (`importera`, `ny`, `installningar`) before `/:id`, which would take them for ids.
  app.route('/', strategyImportRoutes(lang));
  app.route('/', strategyRoutes(lang));
  app.route('/', strategyGoalRoutes(lang));
  return app;
}

function strategyRoutes(lang: Lang): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const base = '/:kommun/strategi';
  const href = (slug: string, rest = '') => adminHref(lang, `/${slug}/strategi${rest}`);
  const labels = labelsIn(FIELD_LABELS, lang);

  /** The municipality (after checking `action`) and the strategy in the URL, or a 404. */
  const requireStrategy = async (c: Context<AppEnv>, action: Action) => {
    const scope = await requireAdminMunicipality(c, action);
    const strategy = await findStrategy(c.var.handle.db, scope.municipality.id, idParam(c));
    if (!strategy) throw recordNotFound(lang);
    return { ...scope, strategy };
  };

  const form = async (c: Context<AppEnv>, municipality: MunicipalityRecord, strategy: StrategyRecord | undefined, values: FormValues, errors: FormErrors, status: 200 | 400 | 409 = 200, lead?: string) => {
    const ctx = await adminPageContext(c, municipality);
    return c.html(<StrategyFormPage ctx={ctx} strategy={strategy} values={values} errors={errors} lead={lead} />, status);
  };

  /** Everything the strategy's page shows. */
  const pageData = async (c: Context<AppEnv>, municipalityId: number, strategy: StrategyRecord): Promise<StrategyPageData> => {
    const db = c.var.handle.db;
    const today = todayIso();
    const [goals, progress, plans, reviews, staleDays, supersededBy] = await Promise.all([
      listGoals(db, strategy.id),
      loadStrategyProgress(db, strategy.id, today),
      listPlans(db, strategy.id),
      listReviews(db, strategy.id),
      staleAfterDays(db, municipalityId),
      strategy.superseded_by_id === null ? undefined : strategyTitle(db, municipalityId, strategy.superseded_by_id),
    ]);
    const due = strategy.status === 'adopted' ? strategyReviewDue(strategy.adopted_on, reviews[0]?.reviewed_on ?? null, today) : undefined;
    return {
      strategy,
      supersededBy: supersededBy && { ...supersededBy, id: Number(supersededBy.id) },
      goals: treeOrder(goals),
      progress,
      plans,
      reviews,
      due,
      followUp: await followUp(db, strategy.id, today, staleDays),
    };
  };

  const strategyPage = async (c: Context<AppEnv>, scope: AdminScope, strategy: StrategyRecord, settings?: { value: string; error?: string }, status: 200 | 400 = 200) => {
    const { actor, municipality } = scope;
    const target = { municipalityId: municipality.id };
    const [ctx, data] = await Promise.all([adminPageContext(c, municipality), pageData(c, municipality.id, strategy)]);
    const permissions = { edit: can(actor, 'edit', target), publish: can(actor, 'publish', target), decide: can(actor, 'decide', target), configure: can(actor, 'configure', target), viewAudit: can(actor, 'view_audit', target) };
    return c.html(<StrategyPage ctx={ctx} data={data} can={permissions} notice={noticeOf(c, NOTICES)} settings={settings} />, status);
  };

  app.get(base, async (c) => {
    const { actor, municipality } = await requireAdminMunicipality(c);
    const today = todayIso();
    const [ctx, strategies] = await Promise.all([adminPageContext(c, municipality), listStrategies(c.var.handle.db, municipality.id)]);
    const withDue = strategies.map((s) => ({ ...s, due: s.status === 'adopted' ? strategyReviewDue(s.adopted_on, s.lastReviewedOn, today) : undefined }));
    return c.html(<StrategyListPage ctx={ctx} strategies={withDue} canEdit={can(actor, 'edit', { municipalityId: municipality.id })} notice={noticeOf(c, NOTICES)} />);
  });

  app.get(`${base}/ny`, async (c) => {
    const { municipality } = await requireAdminMunicipality(c, 'edit');
    return form(c, municipality, undefined, {}, {});
  });

  app.post(`${base}/ny`, async (c) => {
    const { actor, municipality } = await requireAdminMunicipality(c, 'edit');
    const values = await readForm(c);
    const parsed = parseForm(strategySchema(lang), values, lang, labels);
    if (!parsed.ok) return form(c, municipality, undefined, values, parsed.errors, 400);
    const id = await createStrategy(c.var.handle.db, actor, municipality.id, parsed.data);
    return c.redirect(`${href(municipality.slug, `/${id}`)}?klart=created`, 303);
  });

  // The follow-up setting of the municipality, shown on each strategy's page.
  app.post(`${base}/installningar`, async (c) => {
    const scope = await requireAdminMunicipality(c, 'configure');
    const { actor, municipality } = scope;
    const values = await readForm(c);
    const idRaw = str(values, 'strategy_id');
    const strategy = /^[1-9][0-9]{0,14}$/.test(idRaw) ? await findStrategy(c.var.handle.db, municipality.id, Number(idRaw)) : undefined;
    const parsed = parseStaleDays(str(values, 'stale_after_days'), lang);
    if (!parsed.ok) {
      if (strategy) return strategyPage(c, scope, strategy, { value: str(values, 'stale_after_days'), error: parsed.message }, 400);
      throw new AppError('invalid_form', parsed.message);
    }
    await saveStaleDays(c.var.handle.db, actor, municipality.id, parsed.days);
    return c.redirect(strategy ? `${href(municipality.slug, `/${strategy.id}`)}?klart=settings#uppfoljning` : `${href(municipality.slug)}?klart=settings`, 303);
  });

  app.get(`${base}/:id`, async (c) => {
    const scope = await requireStrategy(c, 'view');
    return strategyPage(c, scope, scope.strategy);
  });

  app.get(`${base}/:id/redigera`, async (c) => {
    const { municipality, strategy } = await requireStrategy(c, 'edit');
    return form(c, municipality, strategy, strategyFormValues(strategy), {});
  });

  app.post(`${base}/:id/redigera`, async (c) => {
    const { actor, municipality, strategy } = await requireStrategy(c, 'edit');
    const values = await readForm(c);
    const parsed = parseForm(strategySchema(lang), values, lang, labels);
    if (!parsed.ok) return form(c, municipality, strategy, values, parsed.errors, 400);
    const result = await updateStrategy(c.var.handle.db, actor, municipality.id, strategy.id, parsed.data, lang);
    if (result.ok) return c.redirect(`${href(municipality.slug, `/${strategy.id}`)}?klart=updated`, 303);
    if (result.reason === 'not_found') throw recordNotFound(lang);
    if (result.reason === 'conflict') {
      values.version = (await findStrategy(c.var.handle.db, municipality.id, strategy.id))?.updated_at ?? '';
      return form(c, municipality, strategy, values, { main: tr(S.conflict, lang) }, 409);
    }
    return form(c, municipality, strategy, values, result.errors, 400);
  });

  app.post(`${base}/:id/anta`, async (c) => {
    const { actor, municipality, strategy } = await requireStrategy(c, 'publish');
    const result = await adoptStrategy(c.var.handle.db, actor, municipality.id, strategy.id, lang);
    if (result.ok) return c.redirect(`${href(municipality.slug, `/${strategy.id}`)}?klart=${result.superseded.length ? 'adoptedSuperseding' : 'adopted'}`, 303);
    if (result.reason === 'not_found') throw recordNotFound(lang);
    if (result.reason === 'superseded') throw new AppError('conflict', tr(ERR.superseded, lang));
    // The decision's details are missing: the facts form, with the errors beside those fields.
    return form(c, municipality, strategy, strategyFormValues(strategy), result.errors, 400, tr(FORM.adoptLead, lang));
  });

  const reviewForm = async (c: Context<AppEnv>, municipality: MunicipalityRecord, strategy: StrategyRecord, values: FormValues, errors: FormErrors, status: 200 | 400 = 200) => {
    const ctx = await adminPageContext(c, municipality);
    return c.html(<ReviewFormPage ctx={ctx} strategy={strategy} values={values} errors={errors} />, status);
  };

  app.get(`${base}/:id/oversyn`, async (c) => {
    const { municipality, strategy } = await requireStrategy(c, 'decide');
    return reviewForm(c, municipality, strategy, { reviewed_on: todayIso() }, {});
  });

  app.post(`${base}/:id/oversyn`, async (c) => {
    const { actor, municipality, strategy } = await requireStrategy(c, 'decide');
    const values = await readForm(c);
    const parsed = parseForm(reviewSchema(lang, todayIso()), values, lang, {
      reviewed_on: tr(REVIEW.reviewed_on, lang),
      outcome: tr(REVIEW.outcome, lang),
      note_sv: tr(REVIEW.note_sv, lang),
      decision_reference: tr(REVIEW.decision_reference, lang),
    });
    if (!parsed.ok) return reviewForm(c, municipality, strategy, values, parsed.errors, 400);
    await recordReview(c.var.handle.db, actor, municipality.id, strategy.id, parsed.data);
    return c.redirect(`${href(municipality.slug, `/${strategy.id}`)}?klart=reviewed`, 303);
  });

  // The versions; `?version=N` shows one (a query, not a path parameter: every version number is a page of the same record).
  app.get(`${base}/:id/historik`, async (c) => {
    const { municipality, strategy } = await requireStrategy(c, 'view');
    const db = c.var.handle.db;
    const ctx = await adminPageContext(c, municipality);
    const asked = c.req.query('version');
    if (asked === undefined) return c.html(<HistoryPage ctx={ctx} strategy={strategy} versions={await listVersions(db, strategy.id)} />);
    if (!/^[1-9][0-9]{0,6}$/.test(asked)) throw recordNotFound(lang);
    const version = await findVersion(db, strategy.id, Number(asked));
    if (!version?.snapshot) throw recordNotFound(lang);
    const goals = treeOrder((version.snapshot.goals ?? []).map((g) => ({ ...g, id: Number(g.id), parent_id: g.parent_id == null ? null : Number(g.parent_id), position: Number(g.position ?? 0) })));
    return c.html(<VersionPage ctx={ctx} strategy={strategy} version={version} snapshot={{ strategy: version.snapshot.strategy ?? {}, goals }} />);
  });

  return app;
}
