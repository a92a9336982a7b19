/**
 * `/:kommun/strategi/:id/mal`: one goal of a strategy (view), and changes to the goal tree (action
 * 'edit' on the municipality): add, edit or move, delete. A goal of another strategy or
 * municipality is a 404.
 */
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../../app-env.js';
import type { Lang } from '../../../i18n/index.js';
import { type FormErrors, type FormValues, list, parseForm } from '../../../ui/forms.js';
import { adminHref, idParam, noticeOf, readForm, requireAdminMunicipality } from '../../admin/context.js';
import { adminPageContext } from '../../admin/layout.js';
import type { MunicipalityRecord } from '../../municipalities/repository.js';
import { can, recordNotFound } from '../../policy/policy.js';
import { goalHistory, loadStrategyProgress } from '../progress/progress.js';
import { GoalDeletePage, GoalFormPage, GoalPage, goalFormValues, levelSuggestions } from './goal-pages.js';
import { GOAL, S, tr } from './messages.js';
import { findGoal, findStrategy, type GoalRecord, goalLinks, linkCounts, listGoals, type StrategyRecord, subtreeIds, treeOrder } from './repository.js';
import { createGoal, deleteGoal, goalSchema, todayIso, updateGoal } from './service.js';

const NOTICES = { created: S.goalCreated, updated: S.goalUpdated };

const GOAL_LABELS = (lang: Lang) => ({
  parent_id: tr(GOAL.parent, lang),
  level_name: tr(GOAL.levelName, lang),
  title_sv: tr(GOAL.title_sv, lang),
  title_en: tr(GOAL.title_en, lang),
  description_sv: tr(GOAL.description_sv, lang),
  description_en: tr(GOAL.description_en, lang),
  weight: tr(GOAL.weight, lang),
  position: tr(GOAL.position, lang),
});

export function strategyGoalRoutes(lang: Lang): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const base = '/:kommun/strategi/:id/mal';
  const strategyHref = (slug: string, id: number, rest = '') => adminHref(lang, `/${slug}/strategi/${id}${rest}`);

  /** The municipality (after checking `action`) and the strategy in the URL, or a 404. */
  const requireStrategy = async (c: Context<AppEnv>, action: 'view' | 'edit') => {
    const scope = await requireAdminMunicipality(c, action);
    const strategy = await findStrategy(c.var.handle.db, scope.municipality.id, idParam(c));
    if (!strategy) throw recordNotFound(lang);
    return { ...scope, strategy };
  };

  /** …and the goal in the URL, which must belong to that strategy. */
  const requireGoal = async (c: Context<AppEnv>, action: 'view' | 'edit') => {
    const scope = await requireStrategy(c, action);
    const goal = await findGoal(c.var.handle.db, scope.strategy.id, idParam(c, 'goalId'));
    if (!goal) throw recordNotFound(lang);
    return { ...scope, goal };
  };

  const form = async (c: Context<AppEnv>, municipality: MunicipalityRecord, strategy: StrategyRecord, goal: GoalRecord | undefined, values: FormValues, errors: FormErrors, status: 200 | 400 | 409 = 200) => {
    const [ctx, goals] = await Promise.all([adminPageContext(c, municipality), listGoals(c.var.handle.db, strategy.id)]);
    const exclude = goal ? subtreeIds(goals, goal.id) : new Set<number>();
    return c.html(<GoalFormPage ctx={ctx} strategy={strategy} goal={goal} tree={treeOrder(goals)} exclude={exclude} values={values} errors={errors} />, status);
  };

  app.get(`${base}/ny`, async (c) => {
    const { municipality, strategy } = await requireStrategy(c, 'edit');
    const tree = treeOrder(await listGoals(c.var.handle.db, strategy.id));
    // "Lägg till undermål" passes the parent: choose it and suggest the level name used below it.
    const parentRaw = c.req.query('parent') ?? '';
    const parent = /^[1-9][0-9]{0,14}$/.test(parentRaw) ? tree.find((g) => g.id === Number(parentRaw)) : undefined;
    const depth = parent ? parent.depth + 1 : 0;
    const suggested = levelSuggestions(tree)[depth]?.[0] ?? '';
    return form(c, municipality, strategy, undefined, { parent_id: parent ? String(parent.id) : '', level_name: suggested, weight: '1' }, {});
  });

  app.post(`${base}/ny`, async (c) => {
    const { actor, municipality, strategy } = await requireStrategy(c, 'edit');
    const values = await readForm(c);
    const parsed = parseForm(goalSchema(lang), values, lang, GOAL_LABELS(lang));
    if (!parsed.ok) return form(c, municipality, strategy, undefined, values, parsed.errors, 400);
    const result = await createGoal(c.var.handle.db, actor, municipality.id, strategy.id, parsed.data, lang);
    if (!result.ok) return form(c, municipality, strategy, undefined, values, result.reason === 'invalid' ? result.errors : {}, 400);
    return c.redirect(`${strategyHref(municipality.slug, strategy.id, `/mal/${result.id}`)}?klart=created`, 303);
  });

  app.get(`${base}/:goalId`, async (c) => {
    const { actor, municipality, strategy, goal } = await requireGoal(c, 'view');
    const db = c.var.handle.db;
    const [ctx, goals, progress, history, links] = await Promise.all([
      adminPageContext(c, municipality),
      listGoals(db, strategy.id),
      loadStrategyProgress(db, strategy.id, todayIso()),
      goalHistory(db, goal.id),
      goalLinks(db, goal.id),
    ]);
    const children = treeOrder(goals).filter((g) => g.parent_id === goal.id);
    const parent = goal.parent_id === null ? undefined : goals.find((g) => g.id === goal.parent_id);
    return c.html(
      <GoalPage
        ctx={ctx}
        strategy={strategy}
        goal={goal}
        parent={parent}
        children={children}
        progress={progress.get(goal.id)}
        history={history}
        links={links}
        canEdit={can(actor, 'edit', { municipalityId: municipality.id })}
        notice={noticeOf(c, NOTICES)}
      />,
    );
  });

  app.get(`${base}/:goalId/redigera`, async (c) => {
    const { municipality, strategy, goal } = await requireGoal(c, 'edit');
    const goals = treeOrder(await listGoals(c.var.handle.db, strategy.id));
    const siblingIndex = goals.filter((g) => g.parent_id === goal.parent_id).findIndex((g) => g.id === goal.id);
    return form(c, municipality, strategy, goal, goalFormValues(goal, Math.max(0, siblingIndex)), {});
  });

  app.post(`${base}/:goalId/redigera`, async (c) => {
    const { actor, municipality, strategy, goal } = await requireGoal(c, 'edit');
    const values = await readForm(c);
    const parsed = parseForm(goalSchema(lang), values, lang, GOAL_LABELS(lang));
    if (!parsed.ok) return form(c, municipality, strategy, goal, values, parsed.errors, 400);
    const result = await updateGoal(c.var.handle.db, actor, municipality.id, strategy.id, goal.id, parsed.data, lang);
    if (result.ok) return c.redirect(`${strategyHref(municipality.slug, strategy.id, `/mal/${goal.id}`)}?klart=updated`, 303);
    if (result.reason === 'not_found') throw recordNotFound(lang);
    if (result.reason === 'conflict') {
      const fresh = await findGoal(c.var.handle.db, strategy.id, goal.id);
      values.version = fresh?.updated_at ?? '';
      return form(c, municipality, strategy, goal, values, { main: tr(S.conflict, lang) }, 409);
    }
    return form(c, municipality, strategy, goal, values, result.errors, 400);
  });

  /** What deleting the goal takes with it: its sub-goals and the links of the whole subtree. */
  const whatGoes = async (c: Context<AppEnv>, strategy: StrategyRecord, goal: GoalRecord) => {
    const db = c.var.handle.db;
    const ids = [...subtreeIds(await listGoals(db, strategy.id), goal.id)];
    const counts = await linkCounts(db, ids);
    return { subgoals: ids.length - 1, counts, weighty: ids.length > 1 || counts.measures + counts.projects + counts.partnerships > 0 };
  };

  const deletePage = async (c: Context<AppEnv>, municipality: MunicipalityRecord, strategy: StrategyRecord, goal: GoalRecord, goes: Awaited<ReturnType<typeof whatGoes>>, errors: FormErrors, status: 200 | 400 = 200) => {
    const ctx = await adminPageContext(c, municipality);
    return c.html(<GoalDeletePage ctx={ctx} strategy={strategy} goal={goal} subgoals={goes.subgoals} counts={goes.counts} errors={errors} />, status);
  };

  app.get(`${base}/:goalId/ta-bort`, async (c) => {
    const { municipality, strategy, goal } = await requireGoal(c, 'edit');
    return deletePage(c, municipality, strategy, goal, await whatGoes(c, strategy, goal), {});
  });

  app.post(`${base}/:goalId/ta-bort`, async (c) => {
    const { actor, municipality, strategy, goal } = await requireGoal(c, 'edit');
    const values = await readForm(c);
    const goes = await whatGoes(c, strategy, goal);
    // A goal with sub-goals or links is deleted only when the person has ticked that they understand.
    if (goes.weighty && !list(values, 'confirm').includes('yes')) return deletePage(c, municipality, strategy, goal, goes, { confirm: tr(GOAL.deleteConfirmError, lang) }, 400);
    const deleted = await deleteGoal(c.var.handle.db, actor, municipality.id, strategy.id, goal.id);
    if (!deleted) throw recordNotFound(lang);
    return c.redirect(`${strategyHref(municipality.slug, strategy.id)}?klart=goalDeleted`, 303);
  });

  return app;
}
