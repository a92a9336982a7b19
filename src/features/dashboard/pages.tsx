/** The follow-up dashboard's pages: the whole dashboard with its filter form, and one chart on its own. */
import { type Lang, tr } from '../../i18n/index.js';
import { FormErrorSummary, type FormErrors, SelectField, TextField } from '../../ui/forms.js';
import { type AdminPageContext, AdminLayout, adminCrumbs } from '../admin/layout.js';
import { halfYearLabel, halfYearOf, halfYearsUpTo, parseHalfYear } from '../reports/period.js';
import type { UnitRef } from '../strategy/plans/repository.js';
import type { DueItem } from '../strategy/progress/due.js';
import { DueStateTag, DueWhat } from '../strategy/progress/due-table.js';
import { dueWhen } from '../strategy/progress/messages.js';
import type { ChartId, DashboardChart } from './charts.js';
import { ChartFigure, type ExportFormat } from './figure.js';
import { type DashboardFilter, type FilterInput, periodName } from './filters.js';
import { D } from './messages.js';

/** The dashboard's address with the filter's query (`?fran=…`), and a chart's export address. */
export interface DashboardLinks {
  page: string;
  chart(id: ChartId, format?: ExportFormat): string;
}

const GROUPS: { title: keyof typeof D; charts: ChartId[] }[] = [
  { title: 'sectionMoney', charts: ['externa-medel-per-ar', 'externa-medel-per-kalla', 'egen-insats-per-ar', 'internationell-budget'] },
  { title: 'sectionProjects', charts: ['projekt-per-tema', 'projekt-per-mal', 'projekt-per-land', 'projekt-per-enhet'] },
  { title: 'sectionPartnerships', charts: ['andel-unga-per-ar', 'samarbeten-aktivitet'] },
];

const unitName = (u: UnitRef, lang: Lang) => (lang === 'en' && u.name_en ? u.name_en : u.name_sv);

function FilterForm(props: { lang: Lang; action: string; input: FilterInput; errors: FormErrors; units: UnitRef[]; today: string }) {
  const { lang, input, errors } = props;
  const halves = halfYearsUpTo(halfYearOf(props.today), 10).reverse();
  const typed = parseHalfYear(input.halvar);
  if (typed && !halves.some((h) => h.key === typed.key)) halves.unshift(typed);
  return (
    <form method="get" action={props.action} class="dashboard-filter" aria-labelledby="filter-title" novalidate>
      <h2 id="filter-title" class="visually-hidden">
        {tr(D.filterTitle, lang)}
      </h2>
      <div class="dashboard-filter-fields">
        <TextField name="fran" label={tr(D.from, lang)} lang={lang} value={input.fran} error={errors.fran} inputmode="numeric" width="w-short" />
        <TextField name="till" label={tr(D.to, lang)} lang={lang} value={input.till} error={errors.till} inputmode="numeric" width="w-short" />
        <SelectField
          name="halvar"
          label={tr(D.half, lang)}
          lang={lang}
          value={typed?.key ?? ''}
          error={errors.halvar}
          hint={tr(D.halfHint, lang)}
          emptyLabel={tr(D.noHalf, lang)}
          options={halves.map((h) => ({ value: h.key, label: halfYearLabel(h, lang) }))}
        />
        <SelectField
          name="enhet"
          label={tr(D.unit, lang)}
          lang={lang}
          value={input.enhet}
          error={errors.enhet}
          hint={tr(D.unitHint, lang)}
          emptyLabel={tr(D.allUnits, lang)}
          options={props.units.map((u) => ({ value: String(u.id), label: `${'– '.repeat(u.depth)}${unitName(u, lang)}` }))}
        />
      </div>
      <button type="submit" class="button">
        {tr(D.show, lang)}
      </button>
    </form>
  );
}

/** What is due: overdue first (as `allDueItems` orders them), the state as a word. */
function DueTable(props: { lang: Lang; items: DueItem[] }) {
  const { lang, items } = props;
  if (items.length === 0) return <p>{tr(D.dueNothing, lang)}</p>;
  return (
    <div class="table-wrap" role="region" aria-label={tr(D.dueCaption, lang)} tabindex={0}>
      <table class="data">
        <caption>{tr(D.dueCaption, lang)}</caption>
        <thead>
          <tr>
            <th scope="col">{tr(D.dueState, lang)}</th>
            <th scope="col">{tr(D.dueWhat, lang)}</th>
            <th scope="col">{tr(D.dueWhen, lang)}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr>
              <td>
                <DueStateTag lang={lang} item={i} />
              </td>
              <td>
                <DueWhat lang={lang} item={i} />
              </td>
              <td>{dueWhen(i, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export interface DashboardPageProps {
  ctx: AdminPageContext;
  input: FilterInput;
  errors: FormErrors;
  units: UnitRef[];
  today: string;
  links: DashboardLinks;
  /** Absent when the filters are invalid. */
  result?: { filter: DashboardFilter; charts: Record<ChartId, DashboardChart>; due: DueItem[] };
}

function showing(filter: DashboardFilter, units: UnitRef[], lang: Lang): string {
  const unit = filter.unitId === null ? undefined : units.find((u) => u.id === filter.unitId);
  return tr(D.showing, lang, { period: periodName(filter.period, lang), unit: unit ? unitName(unit, lang) : tr(D.wholeMunicipality, lang) });
}

export function DashboardPage(props: DashboardPageProps) {
  const { ctx, result, links } = props;
  const { lang } = ctx;
  const title = tr(D.title, lang);
  return (
    <AdminLayout ctx={ctx} title={title} current="followUp" crumbs={adminCrumbs(ctx, { label: title })}>
      <h1>{title}</h1>
      <p class="lead">{tr(D.lead, lang)}</p>
      <FormErrorSummary lang={lang} errors={props.errors} title={tr(D.invalidTitle, lang)} />
      <FilterForm lang={lang} action={links.page.split('?')[0]!} input={props.input} errors={props.errors} units={props.units} today={props.today} />
      {result && (
        <>
          <p class="dashboard-showing">
            <strong>{showing(result.filter, props.units, lang)}</strong> {tr(D.rule, lang)}
          </p>
          {GROUPS.map((g) => (
            <section aria-labelledby={`grupp-${g.title}`}>
              <h2 id={`grupp-${g.title}`}>{tr(D[g.title], lang)}</h2>
              <div class="chart-grid">
                {g.charts.map((id) => (
                  <ChartFigure chart={result.charts[id]} lang={lang} exportHref={(f) => links.chart(id, f)} />
                ))}
              </div>
            </section>
          ))}
          <section aria-labelledby="att-gora">
            <h2 id="att-gora">{tr(D.sectionDue, lang)}</h2>
            <DueTable lang={lang} items={result.due} />
          </section>
        </>
      )}
    </AdminLayout>
  );
}

/** One chart on its own page (the export address without a format), its table unfolded. */
export function ChartPage(props: { ctx: AdminPageContext; chart: DashboardChart; filter: DashboardFilter; units: UnitRef[]; links: DashboardLinks; id: ChartId }) {
  const { ctx, chart, links } = props;
  const { lang } = ctx;
  return (
    <AdminLayout ctx={ctx} title={chart.spec.title} current="followUp" crumbs={adminCrumbs(ctx, { href: links.page, label: tr(D.title, lang) }, { label: chart.spec.title })}>
      <div class="chart-single">
        <ChartFigure chart={chart} lang={lang} heading="h1" openTable exportHref={(f) => links.chart(props.id, f)} />
      </div>
      <p>{showing(props.filter, props.units, lang)}</p>
      <p>
        <a href={links.page}>{tr(D.title, lang)}</a>
      </p>
    </AdminLayout>
  );
}
