/**
 * The international budget (AL-15) under `/admin/:kommun/budget` (English under `/en/admin/…`):
 *
 * | path                           | what |
 * |--------------------------------|------|
 * | `?ar=2026`                     | the year: per category allocated, used, remaining and the lines of use (view) |
 * | `anslag` (POST)                | the year's allocations, both categories at once (publish) |
 * | `poster/ny`, `poster/:entryId` | recording and changing an entry of money used (publish) |
 * | `poster/:entryId/ta-bort` (POST) | deleting an entry (publish) |
 */
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import type { Lang } from '../../i18n/index.js';
import type { FormErrors, FormValues } from '../../ui/forms.js';
import { type AdminScope, idParam, noticeOf, readForm, requireAdminMunicipality } from '../admin/context.js';
import { adminPageContext } from '../admin/layout.js';
import { todayInSweden } from '../decisions/registry.js';
import { can, recordNotFound } from '../policy/policy.js';
import { NOTICES } from './messages.js';
import { allocationValues, BudgetPage, budgetHref, EntryFormPage } from './pages.js';
import {
  createEntry,
  deleteEntry,
  entryFormValues,
  findEntry,
  loadEntryChoices,
  parseYear,
  readAllocationForm,
  readEntryForm,
  saveAllocations,
  updateEntry,
} from './service.js';
import { budgetWithEntries, type EntryRow } from './usage.js';

type C = Context<AppEnv>;

/** The years the chooser offers: five back and two ahead of this year, and the shown year. */
function yearChoices(current: number, shown: number): number[] {
  const years = new Set<number>([shown]);
  for (let y = current - 5; y <= current + 2; y++) years.add(y);
  return [...years].sort((a, b) => b - a);
}

export function budgetAdminRoutes(lang: Lang): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const base = '/:kommun/budget';
  const thisYear = () => Number(todayInSweden().slice(0, 4));

  const budgetPage = async (c: C, scope: AdminScope, year: number, form?: { values: FormValues; errors: FormErrors }) => {
    const { actor, municipality } = scope;
    const db = c.var.handle.db;
    const [ctx, { budget, entries }, choices] = await Promise.all([adminPageContext(c, municipality), budgetWithEntries(db, municipality.id, year), loadEntryChoices(db, municipality.id)]);
    const names = { projects: new Map(choices.projects.map((p) => [p.id, p.title])), partnerships: new Map(choices.partnerships.map((p) => [p.id, p.title])) };
    return c.html(
      <BudgetPage
        ctx={ctx}
        year={year}
        years={yearChoices(thisYear(), year)}
        budget={budget}
        entries={entries}
        names={names}
        mayEdit={can(actor, 'publish', { municipalityId: municipality.id })}
        values={form?.values ?? allocationValues(budget, lang)}
        errors={form?.errors ?? {}}
        notice={noticeOf(c, NOTICES)}
      />,
      form ? 400 : 200,
    );
  };

  app.get(base, async (c) => {
    const scope = await requireAdminMunicipality(c);
    return budgetPage(c, scope, parseYear(c.req.query('ar')) ?? thisYear());
  });

  app.post(`${base}/anslag`, async (c) => {
    const scope = await requireAdminMunicipality(c, 'publish');
    const values = await readForm(c);
    const parsed = readAllocationForm(values, lang);
    if (!parsed.ok) return budgetPage(c, scope, parseYear(typeof values.ar === 'string' ? values.ar : undefined) ?? thisYear(), { values, errors: parsed.errors });
    await saveAllocations(c.var.handle.db, scope.actor, scope.municipality.id, parsed.data);
    return c.redirect(`${budgetHref(lang, scope.municipality.slug)}?ar=${parsed.data.year}&klart=allocated`, 303);
  });

  const entryForm = async (c: C, scope: AdminScope, values: FormValues, errors: FormErrors, entry?: EntryRow) => {
    const [ctx, choices] = await Promise.all([adminPageContext(c, scope.municipality), loadEntryChoices(c.var.handle.db, scope.municipality.id)]);
    return c.html(<EntryFormPage ctx={ctx} entry={entry} choices={choices} values={values} errors={errors} />, Object.keys(errors).length > 0 ? 400 : 200);
  };

  /** The entry in the URL (publish), or 404. */
  const requireEntry = async (c: C) => {
    const scope = await requireAdminMunicipality(c, 'publish');
    const entry = await findEntry(c.var.handle.db, scope.municipality.id, idParam(c, 'entryId'));
    if (!entry) throw recordNotFound(lang);
    return { scope, entry };
  };

  app.get(`${base}/poster/ny`, async (c) => {
    const scope = await requireAdminMunicipality(c, 'publish');
    const year = parseYear(c.req.query('ar'));
    const today = todayInSweden();
    const spentOn = year === undefined || year === Number(today.slice(0, 4)) ? today : `${year}-01-01`;
    return entryForm(c, scope, { spent_on: spentOn }, {});
  });

  app.post(`${base}/poster/ny`, async (c) => {
    const scope = await requireAdminMunicipality(c, 'publish');
    const db = c.var.handle.db;
    const values = await readForm(c);
    const parsed = readEntryForm(values, await loadEntryChoices(db, scope.municipality.id), lang);
    if (!parsed.ok) return entryForm(c, scope, values, parsed.errors);
    await createEntry(db, scope.actor, scope.municipality.id, parsed.data);
    return c.redirect(`${budgetHref(lang, scope.municipality.slug)}?ar=${parsed.data.spent_on.slice(0, 4)}&klart=created`, 303);
  });

  app.get(`${base}/poster/:entryId`, async (c) => {
    const { scope, entry } = await requireEntry(c);
    return entryForm(c, scope, entryFormValues(entry, lang), {}, entry);
  });

  app.post(`${base}/poster/:entryId`, async (c) => {
    const { scope, entry } = await requireEntry(c);
    const db = c.var.handle.db;
    const values = await readForm(c);
    const parsed = readEntryForm(values, await loadEntryChoices(db, scope.municipality.id), lang);
    if (!parsed.ok) return entryForm(c, scope, values, parsed.errors, entry);
    if (!(await updateEntry(db, scope.actor, scope.municipality.id, entry.id, parsed.data))) throw recordNotFound(lang);
    return c.redirect(`${budgetHref(lang, scope.municipality.slug)}?ar=${parsed.data.spent_on.slice(0, 4)}&klart=saved`, 303);
  });

  app.post(`${base}/poster/:entryId/ta-bort`, async (c) => {
    const { scope, entry } = await requireEntry(c);
    if (!(await deleteEntry(c.var.handle.db, scope.actor, scope.municipality.id, entry.id))) throw recordNotFound(lang);
    return c.redirect(`${budgetHref(lang, scope.municipality.slug)}?ar=${entry.spent_on.slice(0, 4)}&klart=deleted`, 303);
  });

  return app;
}
