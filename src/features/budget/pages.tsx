/** Pages of the international budget (AL-15): the year's figures, the allocation form, the entry form. */
import { formatDate, formatMoney, type Lang } from '../../i18n/index.js';
import { AdminForm, ChoiceGroup, type FormErrors, FormErrorSummary, type FormValues, SelectField, str, TextArea, TextField } from '../../ui/forms.js';
import { adminHref } from '../admin/context.js';
import { AdminLayout, type AdminPageContext, adminCrumbs } from '../admin/layout.js';
import type { BudgetYear, ReportBudgetCategory } from '../reports/model.js';
import { ALLOCATION_LABELS, B, CATEGORY_LABELS, ENTRY_LABELS, tr } from './messages.js';
import { type EntryChoices, kronorInput } from './service.js';
import { BUDGET_CATEGORIES, type EntryRow } from './usage.js';

const kr = (lang: Lang, minor: number) => formatMoney(lang, minor, 'SEK');

/** `/admin/<slug>/budget…` in the language. */
export function budgetHref(lang: Lang, slug: string, rest = ''): string {
  return adminHref(lang, `/${slug}/budget${rest}`);
}

function slugOf(ctx: AdminPageContext): string {
  return ctx.municipality!.slug;
}

function Figures(props: { lang: Lang; c: ReportBudgetCategory }) {
  const { lang, c } = props;
  return (
    <dl class="summary-list">
      <dt>{tr(B.allocated, lang)}</dt>
      <dd>{c.allocatedMinor === null ? tr(B.notAllocated, lang) : kr(lang, c.allocatedMinor)}</dd>
      <dt>{tr(B.used, lang)}</dt>
      <dd>{kr(lang, c.usedMinor)}</dd>
      <dt>{tr(B.remaining, lang)}</dt>
      <dd>
        {c.remainingMinor === null ? '–' : kr(lang, c.remainingMinor)}
        {c.remainingMinor !== null && c.remainingMinor < 0 && (
          <>
            {' '}
            <span class="tag tag--overdue">{tr(B.overspent, lang)}</span>
          </>
        )}
      </dd>
    </dl>
  );
}

function UseTable(props: { ctx: AdminPageContext; year: number; c: ReportBudgetCategory; entries: EntryRow[]; names: { projects: Map<number, string>; partnerships: Map<number, string> }; mayEdit: boolean }) {
  const { ctx, year, c, entries, names, mayEdit } = props;
  const { lang } = ctx;
  const slug = slugOf(ctx);
  const projectLines = c.used.filter((u) => u.source !== 'entry');
  if (projectLines.length === 0 && entries.length === 0) return <p>{tr(B.noUse, lang)}</p>;
  const projectHref = (id: number) => adminHref(lang, `/${slug}/projekt/${id}`);
  const partnershipHref = (id: number) => adminHref(lang, `/${slug}/samarbeten/${id}`);
  const Links = (p: { projectId: number | null; partnershipId: number | null }) => (
    <>
      {p.projectId !== null && names.projects.has(p.projectId) && (
        <div class="muted">
          <a href={projectHref(p.projectId)}>{tr(B.projectLink, lang, { title: names.projects.get(p.projectId)! })}</a>
        </div>
      )}
      {p.partnershipId !== null && names.partnerships.has(p.partnershipId) && (
        <div class="muted">
          <a href={partnershipHref(p.partnershipId)}>{tr(B.partnershipLink, lang, { title: names.partnerships.get(p.partnershipId)! })}</a>
        </div>
      )}
    </>
  );
  return (
    <div class="table-wrap">
      <table class="data">
        <caption>{tr(B.usedCaption, lang, { year: String(year), category: tr(CATEGORY_LABELS[c.category], lang) })}</caption>
        <thead>
          <tr>
            <th scope="col">{tr(B.date, lang)}</th>
            <th scope="col">{tr(B.description, lang)}</th>
            <th scope="col">{tr(B.source, lang)}</th>
            <th scope="col" class="num">
              {tr(B.amount, lang)}
            </th>
          </tr>
        </thead>
        <tbody>
          {projectLines.map((u) => (
            <tr>
              <td>{u.date ? formatDate(lang, u.date) : '–'}</td>
              <td>
                {u.projectId !== null ? <a href={projectHref(u.projectId)}>{u.description}</a> : u.description}
                <Links projectId={null} partnershipId={u.partnershipId} />
              </td>
              <td>{tr(B.sourceProject, lang)}</td>
              <td class="num">{kr(lang, u.amountMinor)}</td>
            </tr>
          ))}
          {entries.map((e) => (
            <tr>
              <td>{formatDate(lang, e.spent_on)}</td>
              <td>
                <span lang={lang === 'en' ? 'sv' : undefined}>{e.description_sv}</span>
                <Links projectId={e.project_id} partnershipId={e.partnership_id} />
              </td>
              <td>
                {tr(B.sourceEntry, lang)}
                {mayEdit && (
                  <div>
                    <a href={budgetHref(lang, slug, `/poster/${e.id}`)} aria-label={tr(B.editEntryOf, lang, { description: e.description_sv })}>
                      {tr(B.editEntry, lang)}
                    </a>
                  </div>
                )}
              </td>
              <td class="num">{kr(lang, e.amount_minor)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colspan={3}>
              {tr(B.total, lang)}
            </th>
            <td class="num">{kr(lang, c.usedMinor)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

export interface BudgetPageProps {
  ctx: AdminPageContext;
  year: number;
  years: number[];
  budget: BudgetYear;
  entries: EntryRow[];
  names: { projects: Map<number, string>; partnerships: Map<number, string> };
  mayEdit: boolean;
  /** The allocation form's values and errors (re-shown after a refused save). */
  values: FormValues;
  errors: FormErrors;
  notice?: string;
}

/** The year's budget: per category allocated, used, remaining and what the use consists of. */
export function BudgetPage(props: BudgetPageProps) {
  const { ctx, year, budget, mayEdit, values, errors } = props;
  const { lang } = ctx;
  const slug = slugOf(ctx);
  const title = tr(B.titleYear, lang, { year: String(year) });
  return (
    <AdminLayout ctx={ctx} title={title} current="budget" crumbs={adminCrumbs(ctx, { label: tr(B.title, lang) })} notice={props.notice}>
      <FormErrorSummary lang={lang} errors={errors} />
      <h1>{title}</h1>
      <p class="lead">{tr(B.lead, lang)}</p>
      <form method="get" action={budgetHref(lang, slug)} class="filters">
        <SelectField name="ar" label={tr(B.year, lang)} lang={lang} value={String(year)} width="w-short" options={props.years.map((y) => ({ value: String(y), label: String(y) }))} />
        <button type="submit" class="button button--secondary">
          {tr(B.show, lang)}
        </button>
      </form>
      {mayEdit && (
        <p>
          <a class="button" href={`${budgetHref(lang, slug, '/poster/ny')}?ar=${year}`}>
            {tr(B.newEntry, lang)}
          </a>
        </p>
      )}
      {budget.categories.map((c) => (
        <section aria-labelledby={`budget-${c.category}`}>
          <h2 id={`budget-${c.category}`}>{tr(CATEGORY_LABELS[c.category], lang)}</h2>
          <Figures lang={lang} c={c} />
          <h3>{tr(B.usedHeading, lang)}</h3>
          <UseTable ctx={ctx} year={year} c={c} entries={props.entries.filter((e) => e.category === c.category)} names={props.names} mayEdit={mayEdit} />
        </section>
      ))}
      {mayEdit && (
        <section aria-labelledby="allocation-heading">
          <h2 id="allocation-heading">{tr(B.allocationHeading, lang, { year: String(year) })}</h2>
          <AdminForm action={budgetHref(lang, slug, '/anslag')} csrf={ctx.actor!.csrfToken}>
            <input type="hidden" name="ar" value={String(year)} />
            {BUDGET_CATEGORIES.map((category) => (
              <TextField name={category} label={ALLOCATION_LABELS[category]![lang]} hint={tr(B.allocationHint, lang)} lang={lang} value={str(values, category)} error={errors[category]} width="w-medium" inputmode="decimal" optional />
            ))}
            <button type="submit" class="button">
              {tr(B.saveAllocation, lang)}
            </button>
          </AdminForm>
        </section>
      )}
      <section aria-labelledby="rule-heading">
        <h2 id="rule-heading">{tr(B.ruleHeading, lang)}</h2>
        <ul>
          {B.rule.map((r) => (
            <li>{tr(r, lang)}</li>
          ))}
        </ul>
      </section>
    </AdminLayout>
  );
}

/** The allocation form's values from the year's stored allocations. */
export function allocationValues(budget: BudgetYear, lang: Lang): FormValues {
  return Object.fromEntries(budget.categories.map((c) => [c.category, kronorInput(c.allocatedMinor, lang)]));
}

/** The form of a new entry (no `entry`) or of an existing one, with its delete button. */
export function EntryFormPage(props: { ctx: AdminPageContext; entry?: EntryRow; choices: EntryChoices; values: FormValues; errors: FormErrors }) {
  const { ctx, entry, choices, values, errors } = props;
  const { lang } = ctx;
  const slug = slugOf(ctx);
  const v = (k: string) => str(values, k);
  const title = tr(entry ? B.editEntryTitle : B.newEntryTitle, lang);
  const year = entry ? entry.spent_on.slice(0, 4) : v('spent_on').slice(0, 4);
  const back = `${budgetHref(lang, slug)}${/^\d{4}$/.test(year) ? `?ar=${year}` : ''}`;
  const L = (k: string) => ENTRY_LABELS[k]![lang];
  return (
    <AdminLayout ctx={ctx} title={title} current="budget" crumbs={adminCrumbs(ctx, { href: back, label: tr(B.title, lang) }, { label: title })}>
      <FormErrorSummary lang={lang} errors={errors} />
      <h1>{title}</h1>
      {!entry && <p class="lead">{tr(B.newEntryLead, lang)}</p>}
      <AdminForm action={budgetHref(lang, slug, entry ? `/poster/${entry.id}` : '/poster/ny')} csrf={ctx.actor!.csrfToken}>
        <ChoiceGroup
          name="category"
          legend={L('category')}
          lang={lang}
          type="radio"
          options={BUDGET_CATEGORIES.map((c) => ({ value: c, label: tr(CATEGORY_LABELS[c], lang) }))}
          values={[v('category')]}
          error={errors.category}
        />
        <TextField name="spent_on" type="date" width="w-short" label={L('spent_on')} hint={tr(B.dateHint, lang)} lang={lang} value={v('spent_on')} error={errors.spent_on} />
        <TextField name="amount" width="w-medium" inputmode="decimal" label={L('amount')} hint={tr(B.amountHint, lang)} lang={lang} value={v('amount')} error={errors.amount} />
        <TextArea name="description_sv" label={L('description_sv')} lang={lang} value={v('description_sv')} error={errors.description_sv} rows={3} />
        <SelectField
          name="project_id"
          label={L('project_id')}
          hint={tr(B.linkHint, lang)}
          lang={lang}
          value={v('project_id')}
          error={errors.project_id}
          optional
          emptyLabel={tr(B.noProject, lang)}
          options={choices.projects.map((p) => ({ value: String(p.id), label: p.year ? `${p.title} (${p.year})` : p.title }))}
        />
        <SelectField
          name="partnership_id"
          label={L('partnership_id')}
          lang={lang}
          value={v('partnership_id')}
          error={errors.partnership_id}
          optional
          emptyLabel={tr(B.noPartnership, lang)}
          options={choices.partnerships.map((p) => ({ value: String(p.id), label: p.title }))}
        />
        <div class="button-group">
          <button type="submit" class="button">
            {tr(B.saveEntry, lang)}
          </button>
          <a href={back}>{tr(B.cancel, lang)}</a>
        </div>
      </AdminForm>
      {entry && (
        <section aria-labelledby="delete-heading">
          <h2 id="delete-heading">{tr(B.deleteHeading, lang)}</h2>
          <p>{tr(B.deleteLead, lang)}</p>
          <AdminForm action={budgetHref(lang, slug, `/poster/${entry.id}/ta-bort`)} csrf={ctx.actor!.csrfToken}>
            <button type="submit" class="button button--warning">
              {tr(B.deleteButton, lang)}
            </button>
          </AdminForm>
        </section>
      )}
    </AdminLayout>
  );
}
