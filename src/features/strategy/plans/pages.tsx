/**
 * Pages of the action plans: the list by strategy, a plan with its measures by goal, a measure
 * with indicators and notes, the forms (plan, measure, note, bulk progress, evaluation, copy) and
 * the file import's upload and preview. Swedish first; English under /en/admin.
 */
import type { Child } from 'hono/jsx';
import type { ActionPlanStatus, MeasureStatus } from '../../../db/schema.js';
import type { FieldError } from '../../../errors/index.js';
import { formatDate, type Lang } from '../../../i18n/index.js';
import { AdminForm, FormErrorSummary, type FormErrors, type FormValues, list, SelectField, str, TextArea, TextField } from '../../../ui/forms.js';
import { adminHref } from '../../admin/context.js';
import { AdminLayout, type AdminPageContext, adminCrumbs } from '../../admin/layout.js';
import { IssuesTable, UploadForm } from '../../imports/pages.js';
import { pick } from '../../registry/messages.js';
import type { DueInfo } from '../progress/cycles.js';
import type { ImportPreview } from './exchange.js';
import { EVALUATION_LABELS, MEASURE_LABELS, MEASURE_STATUS_LABELS, NOTE_LABELS, P, PLAN_LABELS, PLAN_STATUS_LABELS, type Text, tr } from './messages.js';
import type { EvaluationRecord, GoalNode, IndicatorRecord, MeasureDetails, MeasureRow, MeasureSummary, Plan, PlanOverview, StrategyRef, UnitRef } from './repository.js';
import { FINISHED, type IndicatorDraft, MEASURE_STATUSES, PLAN_STATUSES } from './service.js';

// ── Shared pieces ───────────────────────────────────────────────────────────

/** `/admin/{kommun}/handlingsplaner{rest}` in the language. */
export function planHref(lang: Lang, slug: string, rest = ''): string {
  return adminHref(lang, `/${slug}/handlingsplaner${rest}`);
}

const slugOf = (ctx: AdminPageContext) => ctx.municipality!.slug;
const L = (labels: Record<string, Text>, key: string, lang: Lang) => labels[key]![lang];
const dateText = (lang: Lang, iso: string | null | undefined) => (iso ? formatDate(lang, iso) : '–');
const percent = (lang: Lang, n: number) => tr(P.percent, lang, { n: lang === 'sv' ? String(n).replace('.', ',') : String(n) });
export const planTitle = (p: Pick<Plan, 'title_sv' | 'title_en'>, lang: Lang) => pick(lang, p.title_sv, p.title_en);
export const measureTitle = (m: Pick<MeasureRow, 'title_sv' | 'title_en'>, lang: Lang) => pick(lang, m.title_sv, m.title_en);
const goalLabel = (g: GoalNode, lang: Lang) => `${g.levelName}: ${pick(lang, g.title_sv, g.title_en)}`;

/** The page frame of a plan's pages: navigation "Handlingsplaner", crumbs down to the page. */
function PlanLayout(props: { ctx: AdminPageContext; title: string; plan?: Plan; crumbs?: { href?: string; label: string }[]; notice?: string; children: Child }) {
  const { ctx, plan } = props;
  const { lang } = ctx;
  const slug = slugOf(ctx);
  const trail = [
    { href: planHref(lang, slug), label: tr(P.title, lang) },
    ...(plan ? [{ href: planHref(lang, slug, `/${plan.id}`), label: planTitle(plan, lang) }] : []),
    ...(props.crumbs ?? [{ label: props.title }]),
  ];
  // The last crumb is this page: no link.
  const last = trail[trail.length - 1]!;
  trail[trail.length - 1] = { label: last.label };
  return (
    <AdminLayout ctx={ctx} title={props.title} current="plans" crumbs={adminCrumbs(ctx, ...trail)} notice={props.notice}>
      {props.children}
    </AdminLayout>
  );
}

/** Progress as text and as a bar (a native `<progress>` named after what it measures). */
export function ProgressBar(props: { lang: Lang; value: number; of: string }) {
  return (
    <span class="plan-progress">
      <progress class="bar" max="100" value={String(props.value)} aria-label={tr(P.progressOf, props.lang, { title: props.of })}>
        {percent(props.lang, props.value)}
      </progress>{' '}
      <span class="plan-progress-text">{percent(props.lang, props.value)}</span>
    </span>
  );
}

function StatusTag(props: { lang: Lang; status: MeasureStatus | ActionPlanStatus; kind: 'measure' | 'plan' }) {
  const label = props.kind === 'measure' ? MEASURE_STATUS_LABELS[props.status as MeasureStatus] : PLAN_STATUS_LABELS[props.status as ActionPlanStatus];
  return <span class={`tag tag--${props.status}`}>{label?.[props.lang] ?? props.status}</span>;
}

/** The evaluation's due state in words. */
export function dueText(lang: Lang, plan: Pick<Plan, 'status'>, due: DueInfo | undefined): string {
  if (plan.status === 'closed') return tr(P.due.closed, lang);
  if (!due || due.state === 'unknown' || !due.dueOn) return tr(P.due.unknown, lang);
  return tr(P.due[due.state], lang, { date: formatDate(lang, due.dueOn) });
}

/** Late: the end date has passed and the measure is not finished. */
export function isLate(m: Pick<MeasureRow, 'end_date' | 'status'>, today: string): boolean {
  return m.end_date !== null && m.end_date < today && !FINISHED.has(m.status);
}

/** Days since the last report (or since the measure was added); null when it does not apply (finished, not started). */
export function staleDays(m: Pick<MeasureRow, 'status' | 'start_date' | 'progress_updated_at' | 'created_at'>, today: string, limit: number): number | null {
  if (FINISHED.has(m.status) || (m.start_date !== null && m.start_date > today)) return null;
  const since = (m.progress_updated_at ?? m.created_at).slice(0, 10);
  const days = Math.floor((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${since}T00:00:00Z`)) / 86_400_000);
  return Number.isFinite(days) && days > limit ? days : null;
}

function Markers(props: { lang: Lang; m: MeasureRow; today: string; staleAfter: number; quiet?: boolean }) {
  const { lang, m } = props;
  const late = isLate(m, props.today);
  const stale = staleDays(m, props.today, props.staleAfter);
  if (!late && stale === null) return props.quiet ? null : <span class="muted">–</span>;
  return (
    <>
      {late && <span class="tag tag--late">{tr(P.late, lang)}</span>}
      {late && stale !== null && ' '}
      {stale !== null && <span class="tag tag--stale">{m.progress_updated_at ? tr(P.stale, lang, { n: stale }) : tr(P.neverUpdated, lang)}</span>}
    </>
  );
}

function unitNameOf(units: UnitRef[], id: number | null, lang: Lang): string {
  if (id === null) return tr(P.noUnit, lang);
  const u = units.find((x) => x.id === id);
  return u ? pick(lang, u.name_sv, u.name_en) : tr(P.noUnit, lang);
}

// ── The list ────────────────────────────────────────────────────────────────

export function PlanListPage(props: { ctx: AdminPageContext; strategies: StrategyRef[]; plans: PlanOverview[]; due: Map<number, DueInfo>; canEdit: boolean; notice?: string }) {
  const { ctx, strategies, plans } = props;
  const { lang } = ctx;
  const slug = slugOf(ctx);
  const title = tr(P.title, lang);
  return (
    <AdminLayout ctx={ctx} title={title} current="plans" crumbs={adminCrumbs(ctx, { label: title })} notice={props.notice}>
      <h1>{title}</h1>
      <p class="lead">{tr(P.lead, lang)}</p>
      {strategies.length === 0 ? (
        <p>
          {tr(P.noStrategies, lang)} <a href={adminHref(lang, `/${slug}/strategi`)}>{tr(P.strategyLink, lang)}</a>
        </p>
      ) : props.canEdit ? (
        <p>
          <a class="button" href={planHref(lang, slug, '/ny')}>
            {tr(P.newPlan, lang)}
          </a>
        </p>
      ) : (
        <p class="muted">{tr(P.onlyEditors, lang)}</p>
      )}
      {strategies.map((s) => {
        const own = plans.filter((p) => p.strategy_id === s.id);
        const heading = tr(P.plansOf, lang, { strategy: pick(lang, s.title_sv, s.title_en) });
        return (
          <section aria-labelledby={`strategi-${s.id}`}>
            <h2 id={`strategi-${s.id}`}>{heading}</h2>
            {own.length === 0 ? (
              <p>{tr(P.noPlans, lang)}</p>
            ) : (
              <div class="table-wrap">
                <table class="data">
                  <caption class="visually-hidden">{heading}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{tr(P.plan, lang)}</th>
                      <th scope="col">{tr(P.period, lang)}</th>
                      <th scope="col">{tr(P.status, lang)}</th>
                      <th scope="col">{tr(P.evaluation, lang)}</th>
                      <th scope="col" class="num">
                        {tr(P.measures, lang)}
                      </th>
                      <th scope="col">{tr(P.meanProgress, lang)}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {own.map((p) => (
                      <tr>
                        <td>
                          <a href={planHref(lang, slug, `/${p.id}`)}>{planTitle(p, lang)}</a>
                        </td>
                        <td>{tr(P.periodText, lang, { from: formatDate(lang, p.period_start), to: formatDate(lang, p.period_end) })}</td>
                        <td>
                          <StatusTag lang={lang} status={p.status} kind="plan" />
                        </td>
                        <td>
                          {dueText(lang, p, props.due.get(p.id))}
                          {p.lastEvaluatedOn && <div class="muted">{tr(P.lastEvaluated, lang, { date: formatDate(lang, p.lastEvaluatedOn) })}</div>}
                        </td>
                        <td class="num">{String(p.measureCount)}</td>
                        <td>{p.meanProgress === null ? '–' : <ProgressBar lang={lang} value={p.meanProgress} of={planTitle(p, lang)} />}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        );
      })}
      {strategies.length > 0 && <p class="muted">{tr(P.meanProgressHint, lang)}</p>}
    </AdminLayout>
  );
}

// ── The plan form ───────────────────────────────────────────────────────────

export function planFormValues(p: Plan): FormValues {
  return {
    strategy_id: String(p.strategy_id),
    title_sv: p.title_sv,
    title_en: p.title_en ?? '',
    period_start: p.period_start,
    period_end: p.period_end,
    status: p.status,
    evaluation_interval_months: String(p.evaluation_interval_months),
    version: p.updated_at,
  };
}

export function PlanFormPage(props: { ctx: AdminPageContext; plan?: Plan; strategies: StrategyRef[]; values: FormValues; errors: FormErrors }) {
  const { ctx, plan, values, errors } = props;
  const { lang } = ctx;
  const slug = slugOf(ctx);
  const v = (k: string) => str(values, k);
  const title = plan ? tr(P.editPlanTitle, lang, { name: planTitle(plan, lang) }) : tr(P.newPlan, lang);
  const statusLabel = (s: string) => (s === 'superseded' ? (lang === 'sv' ? 'ersatt' : 'superseded') : s === 'draft' ? (lang === 'sv' ? 'utkast' : 'draft') : '');
  return (
    <PlanLayout ctx={ctx} title={title} plan={plan} crumbs={[{ label: plan ? tr(P.editPlan, lang) : tr(P.newPlan, lang) }]}>
      <FormErrorSummary lang={lang} errors={errors} />
      <h1>{title}</h1>
      <AdminForm action={plan ? planHref(lang, slug, `/${plan.id}/redigera`) : planHref(lang, slug, '/ny')} csrf={ctx.actor!.csrfToken}>
        {plan && <input type="hidden" name="version" value={v('version')} />}
        <SelectField
          name="strategy_id"
          label={L(PLAN_LABELS, 'strategy_id', lang)}
          hint={tr(P.strategyHint, lang)}
          lang={lang}
          value={v('strategy_id')}
          error={errors.strategy_id}
          emptyLabel={tr(P.choose, lang)}
          width="w-long"
          options={props.strategies.map((s) => {
            const extra = statusLabel(s.status);
            return { value: String(s.id), label: `${pick(lang, s.title_sv, s.title_en)}${extra ? ` (${extra})` : ''}` };
          })}
        />
        <TextField name="title_sv" label={L(PLAN_LABELS, 'title_sv', lang)} lang={lang} value={v('title_sv')} error={errors.title_sv} />
        <TextField name="title_en" label={L(PLAN_LABELS, 'title_en', lang)} lang={lang} value={v('title_en')} error={errors.title_en} optional />
        <TextField name="period_start" type="date" width="w-short" label={L(PLAN_LABELS, 'period_start', lang)} hint={tr(P.dateHint, lang)} lang={lang} value={v('period_start')} error={errors.period_start} />
        <TextField name="period_end" type="date" width="w-short" label={L(PLAN_LABELS, 'period_end', lang)} hint={tr(P.dateHint, lang)} lang={lang} value={v('period_end')} error={errors.period_end} />
        <SelectField
          name="status"
          label={L(PLAN_LABELS, 'status', lang)}
          lang={lang}
          value={v('status')}
          error={errors.status}
          width="w-medium"
          options={PLAN_STATUSES.map((s) => ({ value: s, label: PLAN_STATUS_LABELS[s][lang] }))}
        />
        <TextField
          name="evaluation_interval_months"
          inputmode="numeric"
          width="w-short"
          label={L(PLAN_LABELS, 'evaluation_interval_months', lang)}
          hint={tr(P.intervalHint, lang)}
          lang={lang}
          value={v('evaluation_interval_months')}
          error={errors.evaluation_interval_months}
        />
        <div class="button-group">
          <button type="submit" class="button">
            {tr(P.save, lang)}
          </button>
          <a href={plan ? planHref(lang, slug, `/${plan.id}`) : planHref(lang, slug)}>{tr(P.cancel, lang)}</a>
        </div>
      </AdminForm>
    </PlanLayout>
  );
}

// ── One plan ────────────────────────────────────────────────────────────────

/** Measures grouped under their first goal in the tree's order; the rest (no goal) last. */
export function groupByGoal(measures: MeasureSummary[], goals: GoalNode[]) {
  const order = new Map(goals.map((g, i) => [g.id, i]));
  const groups = new Map<number | null, MeasureSummary[]>();
  for (const m of measures) {
    const known = m.goalIds.filter((g) => order.has(g)).sort((a, b) => order.get(a)! - order.get(b)!);
    const first = known[0] ?? null;
    groups.set(first, [...(groups.get(first) ?? []), m]);
  }
  const served = new Set(measures.flatMap((m) => m.goalIds));
  return {
    byGoal: goals.filter((g) => groups.has(g.id)).map((g) => ({ goal: g, measures: groups.get(g.id)! })),
    withoutGoal: groups.get(null) ?? [],
    goalsWithout: goals.filter((g) => !served.has(g.id)),
  };
}

function MeasuresTable(props: { lang: Lang; slug: string; plan: Plan; caption: string; measures: MeasureSummary[]; goals: GoalNode[]; units: UnitRef[]; firstGoal: number | null; today: string; staleAfter: number }) {
  const { lang, plan } = props;
  const goalById = new Map(props.goals.map((g) => [g.id, g]));
  return (
    <div class="table-wrap">
      <table class="data measures">
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{tr(P.measure, lang)}</th>
            <th scope="col">{tr(P.unit, lang)}</th>
            <th scope="col">{tr(P.plannedDates, lang)}</th>
            <th scope="col">{tr(P.status, lang)}</th>
            <th scope="col">{tr(P.progress, lang)}</th>
            <th scope="col">{tr(P.markers, lang)}</th>
          </tr>
        </thead>
        <tbody>
          {props.measures.map((m) => {
            const others = m.goalIds.filter((g) => g !== props.firstGoal && goalById.has(g));
            return (
              <tr>
                <td>
                  <a href={planHref(lang, props.slug, `/${plan.id}/atgarder/${m.id}`)}>{measureTitle(m, lang)}</a>
                  {others.length > 0 && (
                    <div class="muted">
                      {tr(P.alsoServes, lang)}: {others.map((g) => pick(lang, goalById.get(g)!.title_sv, goalById.get(g)!.title_en)).join('; ')}
                    </div>
                  )}
                </td>
                <td>{unitNameOf(props.units, m.owner_unit_id, lang)}</td>
                <td>
                  {dateText(lang, m.start_date)} – {dateText(lang, m.end_date)}
                </td>
                <td>
                  <StatusTag lang={lang} status={m.status} kind="measure" />
                </td>
                <td>
                  <ProgressBar lang={lang} value={m.progress} of={measureTitle(m, lang)} />
                </td>
                <td>
                  <Markers lang={lang} m={m} today={props.today} staleAfter={props.staleAfter} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function PlanPage(props: {
  ctx: AdminPageContext;
  plan: Plan;
  strategy: StrategyRef | undefined;
  goals: GoalNode[];
  measures: MeasureSummary[];
  units: UnitRef[];
  evaluations: { id: number; evaluated_on: string; decision_reference: string | null }[];
  due: DueInfo | undefined;
  previous?: Plan;
  successors: { id: number; title_sv: string; title_en: string | null }[];
  staleAfter: number;
  today: string;
  canEditPlan: boolean;
  canReport: boolean;
  canSeeHistory: boolean;
  notice?: string;
}) {
  const { ctx, plan, goals, measures, units } = props;
  const { lang } = ctx;
  const slug = slugOf(ctx);
  const title = planTitle(plan, lang);
  const groups = groupByGoal(measures, goals);
  const goalById = new Map(goals.map((g) => [g.id, g]));
  const path = (g: GoalNode) => {
    const out: string[] = [];
    for (let at = g.parentId === null ? undefined : goalById.get(g.parentId); at && out.length < 20; at = at.parentId === null ? undefined : goalById.get(at.parentId)) out.unshift(goalLabel(at, lang));
    return out;
  };
  const href = (rest: string) => planHref(lang, slug, `/${plan.id}${rest}`);
  const actions: [string, string][] = [
    ...(props.canEditPlan ? ([[href('/redigera'), tr(P.editPlan, lang)], [href('/atgarder/ny'), tr(P.newMeasure, lang)]] as [string, string][]) : []),
    ...(props.canReport ? ([[href('/lagesrapport'), tr(P.bulk, lang)]] as [string, string][]) : []),
    ...(props.canEditPlan ? ([[href('/utvardering'), tr(P.evaluate, lang)], [href('/kopiera'), tr(P.copy, lang)]] as [string, string][]) : []),
    ...(props.canSeeHistory ? ([[adminHref(lang, `/${slug}/logg/action_plan/${plan.id}`), tr(P.history, lang)]] as [string, string][]) : []),
  ];
  return (
    <AdminLayout ctx={ctx} title={title} current="plans" crumbs={adminCrumbs(ctx, { href: planHref(lang, slug), label: tr(P.title, lang) }, { label: title })} notice={props.notice}>
      <h1>{title}</h1>
      <dl class="summary-list">
        <dt>{tr(P.strategy, lang)}</dt>
        <dd>{props.strategy ? <a href={adminHref(lang, `/${slug}/strategi/${props.strategy.id}`)}>{pick(lang, props.strategy.title_sv, props.strategy.title_en)}</a> : '–'}</dd>
        <dt>{tr(P.period, lang)}</dt>
        <dd>{tr(P.periodText, lang, { from: formatDate(lang, plan.period_start), to: formatDate(lang, plan.period_end) })}</dd>
        <dt>{tr(P.status, lang)}</dt>
        <dd>
          <StatusTag lang={lang} status={plan.status} kind="plan" />
        </dd>
        <dt>{tr(P.evaluation, lang)}</dt>
        <dd>
          {dueText(lang, plan, props.due)}
          <div class="muted">{tr(P.evaluationInterval, lang, { n: plan.evaluation_interval_months })}</div>
        </dd>
        {props.previous && (
          <>
            <dt>{tr(P.previousPlan, lang)}</dt>
            <dd>
              <a href={planHref(lang, slug, `/${props.previous.id}`)}>{planTitle(props.previous, lang)}</a>
            </dd>
          </>
        )}
        {props.successors.length > 0 && (
          <>
            <dt>{tr(P.nextPlans, lang)}</dt>
            <dd>
              {props.successors.map((s, i) => (
                <>
                  {i > 0 && ', '}
                  <a href={planHref(lang, slug, `/${s.id}`)}>{pick(lang, s.title_sv, s.title_en)}</a>
                </>
              ))}
            </dd>
          </>
        )}
      </dl>
      {actions.length > 0 && (
        <nav aria-label={tr(P.actions, lang)}>
          <ul class="plan-actions">
            {actions.map(([path, label]) => (
              <li>
                <a href={path}>{label}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}

      <h2>{tr(P.measuresByGoal, lang)}</h2>
      {measures.length === 0 && <p>{tr(P.noMeasures, lang)}</p>}
      {groups.byGoal.map(({ goal, measures: ms }) => {
        const above = path(goal);
        return (
          <section aria-labelledby={`mal-${goal.id}`}>
            <h3 id={`mal-${goal.id}`}>{goalLabel(goal, lang)}</h3>
            {above.length > 0 && <p class="muted">{above.join(' › ')}</p>}
            <MeasuresTable lang={lang} slug={slug} plan={plan} caption={goalLabel(goal, lang)} measures={ms} goals={goals} units={units} firstGoal={goal.id} today={props.today} staleAfter={props.staleAfter} />
          </section>
        );
      })}
      {groups.withoutGoal.length > 0 && (
        <section aria-labelledby="utan-mal">
          <h3 id="utan-mal">{tr(P.withoutGoal, lang)}</h3>
          <MeasuresTable lang={lang} slug={slug} plan={plan} caption={tr(P.withoutGoal, lang)} measures={groups.withoutGoal} goals={goals} units={units} firstGoal={null} today={props.today} staleAfter={props.staleAfter} />
        </section>
      )}
      {measures.length > 0 && groups.goalsWithout.length > 0 && (
        <>
          <h3>{tr(P.goalsWithoutMeasures, lang)}</h3>
          <ul>
            {groups.goalsWithout.map((g) => (
              <li>{goalLabel(g, lang)}</li>
            ))}
          </ul>
        </>
      )}

      <h2>{tr(P.exchange, lang)}</h2>
      <p>{tr(P.exchangeLead, lang)}</p>
      <ul class="link-list">
        <li>
          <a href={href('/handlingsplan.xlsx')}>{tr(P.exportXlsx, lang)}</a>
        </li>
        <li>
          <a href={href('/handlingsplan.csv')}>{tr(P.exportCsv, lang)}</a>
        </li>
        {props.canReport && (
          <li>
            <a href={href('/import')}>{tr(P.importLink, lang)}</a>
          </li>
        )}
      </ul>

      <h2>{tr(P.evaluations, lang)}</h2>
      {props.evaluations.length === 0 ? (
        <p>{tr(P.noEvaluations, lang)}</p>
      ) : (
        <ul class="link-list">
          {props.evaluations.map((e) => (
            <li>
              <a href={href(`/utvardering/${e.id}`)}>{tr(P.evaluationOf, lang, { date: formatDate(lang, e.evaluated_on) })}</a>
              {e.decision_reference && <span class="muted"> ({e.decision_reference})</span>}
            </li>
          ))}
        </ul>
      )}
    </AdminLayout>
  );
}

// ── The measure form ────────────────────────────────────────────────────────

/** The form values of a stored measure, and its indicators as form rows (plus one blank period each). */
export function measureFormValues(m: MeasureRow, details: MeasureDetails): { values: FormValues; drafts: IndicatorDraft[] } {
  const num = (n: number | null) => (n === null ? '' : String(n));
  return {
    values: {
      title_sv: m.title_sv,
      title_en: m.title_en ?? '',
      description_sv: m.description_sv ?? '',
      description_en: m.description_en ?? '',
      goal_ids: details.goalIds.map(String),
      owner_unit_id: m.owner_unit_id === null ? '' : String(m.owner_unit_id),
      start_date: m.start_date ?? '',
      end_date: m.end_date ?? '',
      status: m.status,
      progress: String(m.progress),
      weight: String(m.weight),
      version: m.updated_at,
    },
    drafts: details.indicators.map((i) => ({
      name: i.name_sv,
      unit: i.unit ?? '',
      baseline: num(i.baseline),
      remove: false,
      periods: [...i.values.map((v) => ({ period: v.period, target: num(v.target), actual: num(v.actual) })), { period: '', target: '', actual: '' }],
    })),
  };
}

/** A blank indicator row (name, unit, baseline, one period row). */
export const blankIndicator = (): IndicatorDraft => ({ name: '', unit: '', baseline: '', remove: false, periods: [{ period: '', target: '', actual: '' }] });

function CellField(props: { name: string; label: string; lang: Lang; value: string; error?: string; inputmode?: 'decimal' }) {
  const { name, error } = props;
  return (
    <div class={error ? 'field--error' : undefined}>
      <label class="visually-hidden" for={name}>
        {props.label}
      </label>
      {error && (
        <p class="field-error" id={`${name}-error`}>
          <span class="visually-hidden">{props.lang === 'sv' ? 'Fel:' : 'Error:'} </span>
          {error}
        </p>
      )}
      <input
        class="input"
        type="text"
        id={name}
        name={name}
        value={props.value}
        inputmode={props.inputmode}
        aria-describedby={error ? `${name}-error` : undefined}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  );
}

function IndicatorFields(props: { lang: Lang; drafts: IndicatorDraft[]; errors: FormErrors }) {
  const { lang, drafts, errors } = props;
  return (
    <fieldset class="fieldset indicators" id="indicators" tabindex={-1}>
      <legend class="field-label">{tr(P.indicators, lang)}</legend>
      <p class="field-hint">{tr(P.indicatorsHint, lang)}</p>
      {errors.indicators && <p class="field-error">{errors.indicators}</p>}
      {drafts.map((d, i) => {
        const n = i + 1;
        const f = (k: string) => `ind-${i}-${k}`;
        return (
          <fieldset class="fieldset indicator">
            <legend>{tr(P.indicator, lang, { n })}</legend>
            <TextField name={f('name')} label={tr(P.indicatorName, lang)} lang={lang} value={d.name} error={errors[f('name')]} />
            <TextField name={f('unit')} label={tr(P.indicatorUnit, lang)} hint={tr(P.indicatorUnitHint, lang)} lang={lang} value={d.unit} error={errors[f('unit')]} width="w-short" optional />
            <TextField name={f('baseline')} label={tr(P.baseline, lang)} lang={lang} value={d.baseline} error={errors[f('baseline')]} width="w-short" inputmode="decimal" optional />
            <div class="table-wrap">
              <table class="data periods">
                <caption>{tr(P.periodsOf, lang, { n })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{tr(P.periodCol, lang)}</th>
                    <th scope="col">{tr(P.target, lang)}</th>
                    <th scope="col">{tr(P.actual, lang)}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.periods.map((p, j) => {
                    const pf = (k: string) => `ind-${i}-p-${j}-${k}`;
                    const label = (what: Text) => tr(P.periodLabel, lang, { n, row: j + 1, what: tr(what, lang) });
                    return (
                      <tr>
                        <td>
                          <CellField name={pf('period')} label={label(P.periodCol)} lang={lang} value={p.period} error={errors[pf('period')]} />
                        </td>
                        <td>
                          <CellField name={pf('target')} label={label(P.target)} lang={lang} value={p.target} error={errors[pf('target')]} inputmode="decimal" />
                        </td>
                        <td>
                          <CellField name={pf('actual')} label={label(P.actual)} lang={lang} value={p.actual} error={errors[pf('actual')]} inputmode="decimal" />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <div class="button-group">
              <button type="submit" class="button button--secondary" name="do" value={`add_period-${i}`}>
                {tr(P.addPeriod, lang, { n })}
              </button>
              <div class="choice">
                <input type="checkbox" id={f('remove')} name={f('remove')} value="1" checked={d.remove} />
                <label for={f('remove')}>{tr(P.removeIndicator, lang)}</label>
              </div>
            </div>
          </fieldset>
        );
      })}
      <div class="button-group">
        <button type="submit" class="button button--secondary" name="do" value="add_indicator">
          {tr(P.addIndicator, lang)}
        </button>
      </div>
    </fieldset>
  );
}

/**
 * The strategy's goals as checkboxes, as the tree (indented by level), each with its level name.
 * The first checkbox carries the field's id, so the error summary's link lands on it.
 */
function GoalCheckboxes(props: { lang: Lang; goals: GoalNode[]; values: string[]; error?: string }) {
  const { lang, error } = props;
  const name = 'goal_ids';
  const chosen = new Set(props.values);
  const label = L(MEASURE_LABELS, 'goal_ids', lang);
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <fieldset class="fieldset" aria-describedby={error ? `${name}-hint ${name}-error` : `${name}-hint`}>
        <legend class="field-label">
          {label}
          <span class="optional"> {lang === 'sv' ? '(frivilligt)' : '(optional)'}</span>
        </legend>
        <p class="field-hint" id={`${name}-hint`}>
          {tr(P.goalsHint, lang)}
        </p>
        {error && (
          <p class="field-error" id={`${name}-error`}>
            <span class="visually-hidden">{lang === 'sv' ? 'Fel:' : 'Error:'} </span>
            {error}
          </p>
        )}
        <div class="checkboxes">
          {props.goals.map((g, i) => {
            const id = i === 0 ? name : `${name}-${g.id}`;
            return (
              <div class={`choice goal-choice goal-choice--d${Math.min(g.depth, 3)}`}>
                <input type="checkbox" id={id} name={name} value={String(g.id)} checked={chosen.has(String(g.id))} />
                <label for={id}>{goalLabel(g, lang)}</label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function MeasureFormPage(props: {
  ctx: AdminPageContext;
  plan: Plan;
  measure?: MeasureRow;
  goals: GoalNode[];
  units: UnitRef[];
  allowedUnits?: ReadonlySet<number>;
  values: FormValues;
  drafts: IndicatorDraft[];
  errors: FormErrors;
}) {
  const { ctx, plan, measure, values, errors } = props;
  const { lang } = ctx;
  const slug = slugOf(ctx);
  const v = (k: string) => str(values, k);
  const title = measure ? tr(P.editMeasureTitle, lang, { name: measureTitle(measure, lang) }) : tr(P.newMeasure, lang);
  const base = `/${plan.id}/atgarder`;
  const unitOptions = props.units
    .filter((u) => !props.allowedUnits || props.allowedUnits.has(u.id))
    .map((u) => ({ value: String(u.id), label: `${props.allowedUnits ? '' : '– '.repeat(u.depth)}${pick(lang, u.name_sv, u.name_en)}` }));
  const crumbs = measure
    ? [{ href: planHref(lang, slug, `${base}/${measure.id}`), label: measureTitle(measure, lang) }, { label: tr(P.editMeasure, lang) }]
    : [{ label: tr(P.newMeasure, lang) }];
  return (
    <PlanLayout ctx={ctx} title={title} plan={plan} crumbs={crumbs}>
      <FormErrorSummary lang={lang} errors={errors} />
      <h1>{title}</h1>
      <AdminForm action={planHref(lang, slug, measure ? `${base}/${measure.id}/redigera` : `${base}/ny`)} csrf={ctx.actor!.csrfToken}>
        {measure && <input type="hidden" name="version" value={v('version')} />}
        {/* Pressing Enter in a field submits the form's first button: let that save rather than add a row. */}
        <button type="submit" name="do" value="save" class="visually-hidden" tabindex={-1}>
          {tr(P.save, lang)}
        </button>
        <TextField name="title_sv" label={L(MEASURE_LABELS, 'title_sv', lang)} lang={lang} value={v('title_sv')} error={errors.title_sv} />
        <TextField name="title_en" label={L(MEASURE_LABELS, 'title_en', lang)} lang={lang} value={v('title_en')} error={errors.title_en} optional />
        <TextArea name="description_sv" label={L(MEASURE_LABELS, 'description_sv', lang)} lang={lang} value={v('description_sv')} error={errors.description_sv} optional rows={4} />
        <TextArea name="description_en" label={L(MEASURE_LABELS, 'description_en', lang)} lang={lang} value={v('description_en')} error={errors.description_en} optional rows={4} />
        {props.goals.length === 0 ? (
          <p>{tr(P.noGoalsInStrategy, lang)}</p>
        ) : (
          <GoalCheckboxes lang={lang} goals={props.goals} values={list(values, 'goal_ids')} error={errors.goal_ids} />
        )}
        <SelectField
          name="owner_unit_id"
          label={L(MEASURE_LABELS, 'owner_unit_id', lang)}
          hint={tr(P.unitHint, lang)}
          lang={lang}
          value={v('owner_unit_id')}
          error={errors.owner_unit_id}
          emptyLabel={tr(P.choose, lang)}
          options={unitOptions}
          width="w-long"
        />
        <TextField name="start_date" type="date" width="w-short" label={L(MEASURE_LABELS, 'start_date', lang)} hint={tr(P.dateHint, lang)} lang={lang} value={v('start_date')} error={errors.start_date} optional />
        <TextField name="end_date" type="date" width="w-short" label={L(MEASURE_LABELS, 'end_date', lang)} hint={tr(P.dateHint, lang)} lang={lang} value={v('end_date')} error={errors.end_date} optional />
        <SelectField name="status" width="w-medium" label={L(MEASURE_LABELS, 'status', lang)} lang={lang} value={v('status')} error={errors.status} options={MEASURE_STATUSES.map((s) => ({ value: s, label: MEASURE_STATUS_LABELS[s][lang] }))} />
        <TextField name="progress" inputmode="numeric" width="w-short" label={L(MEASURE_LABELS, 'progress', lang)} hint={tr(P.progressHint, lang)} lang={lang} value={v('progress')} error={errors.progress} />
        <TextField name="weight" inputmode="decimal" width="w-short" label={L(MEASURE_LABELS, 'weight', lang)} hint={tr(P.weightHint, lang)} lang={lang} value={v('weight')} error={errors.weight} optional />
        <IndicatorFields lang={lang} drafts={props.drafts} errors={errors} />
        <div class="button-group">
          <button type="submit" class="button" name="do" value="save">
            {tr(P.save, lang)}
          </button>
          <a href={planHref(lang, slug, measure ? `${base}/${measure.id}` : `/${plan.id}`)}>{tr(P.cancel, lang)}</a>
        </div>
      </AdminForm>
    </PlanLayout>
  );
}

// ── One measure ─────────────────────────────────────────────────────────────

function IndicatorTable(props: { lang: Lang; indicator: IndicatorRecord }) {
  const { lang, indicator: i } = props;
  const name = pick(lang, i.name_sv, i.name_en);
  const n = (x: number | null) => (x === null ? '–' : `${lang === 'sv' ? String(x).replace('.', ',') : String(x)}${i.unit ? ` ${i.unit}` : ''}`);
  return (
    <div class="table-wrap">
      <table class="data">
        <caption>
          {name}
          {i.baseline !== null && (
            <span class="muted">
              {' '}
              ({tr(P.baseline, lang).toLowerCase()} {n(i.baseline)})
            </span>
          )}
        </caption>
        <thead>
          <tr>
            <th scope="col">{tr(P.periodCol, lang)}</th>
            <th scope="col" class="num">
              {tr(P.target, lang)}
            </th>
            <th scope="col" class="num">
              {tr(P.actual, lang)}
            </th>
          </tr>
        </thead>
        <tbody>
          {i.values.length === 0 ? (
            <tr>
              <td colspan={3}>–</td>
            </tr>
          ) : (
            i.values.map((v) => (
              <tr>
                <th scope="row">{v.period}</th>
                <td class="num">{n(v.target)}</td>
                <td class="num">{n(v.actual)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

export function noteFormValues(m: MeasureRow, today: string): FormValues {
  return { noted_on: today, progress: String(m.progress), status: m.status, text: '' };
}

export function MeasurePage(props: {
  ctx: AdminPageContext;
  plan: Plan;
  measure: MeasureRow;
  details: MeasureDetails;
  goals: GoalNode[];
  units: UnitRef[];
  canEdit: boolean;
  canSeeHistory: boolean;
  noteValues: FormValues;
  noteErrors: FormErrors;
  staleAfter: number;
  today: string;
  notice?: string;
}) {
  const { ctx, plan, measure: m, details, noteErrors: errors } = props;
  const { lang } = ctx;
  const slug = slugOf(ctx);
  const title = measureTitle(m, lang);
  const v = (k: string) => str(props.noteValues, k);
  const goalById = new Map(props.goals.map((g) => [g.id, g]));
  const goals = props.goals.filter((g) => details.goalIds.includes(g.id));
  const base = `/${plan.id}/atgarder/${m.id}`;
  const description = pick(lang, m.description_sv, m.description_en);
  const noted = details.notes[0]?.noted_on ?? null;
  const reported = m.progress_updated_at?.slice(0, 10) ?? null;
  const lastReport = noted && reported ? (noted > reported ? noted : reported) : (noted ?? reported);
  return (
    <PlanLayout ctx={ctx} title={title} plan={plan} notice={props.notice}>
      <FormErrorSummary lang={lang} errors={errors} />
      <h1>{title}</h1>
      {description && <p class="lead">{description}</p>}
      <dl class="summary-list">
        <dt>{tr(P.unit, lang)}</dt>
        <dd>{unitNameOf(props.units, m.owner_unit_id, lang)}</dd>
        <dt>{tr(P.plannedDates, lang)}</dt>
        <dd>
          {dateText(lang, m.start_date)} – {dateText(lang, m.end_date)}
        </dd>
        <dt>{tr(P.status, lang)}</dt>
        <dd>
          <StatusTag lang={lang} status={m.status} kind="measure" />
        </dd>
        <dt>{tr(P.progress, lang)}</dt>
        <dd>
          <ProgressBar lang={lang} value={m.progress} of={title} />
        </dd>
        <dt>{tr(P.lastUpdated, lang)}</dt>
        <dd>
          {lastReport ? formatDate(lang, lastReport) : tr(P.neverUpdated, lang)}{' '}
          {lastReport && <Markers lang={lang} m={m} today={props.today} staleAfter={props.staleAfter} quiet />}
        </dd>
        <dt>{tr(P.weight, lang)}</dt>
        <dd>{lang === 'sv' ? String(m.weight).replace('.', ',') : String(m.weight)}</dd>
        <dt>{tr(P.goals, lang)}</dt>
        <dd>
          {goals.length === 0 ? (
            '–'
          ) : (
            <ul class="link-list">
              {goals.map((g) => {
                const parent = g.parentId === null ? undefined : goalById.get(g.parentId);
                return (
                  <li>
                    <a href={adminHref(lang, `/${slug}/strategi/${plan.strategy_id}/mal/${g.id}`)}>{goalLabel(g, lang)}</a>
                    {parent && <span class="muted"> ({goalLabel(parent, lang)})</span>}
                  </li>
                );
              })}
            </ul>
          )}
        </dd>
      </dl>
      <div class="button-group">
        {props.canEdit && (
          <a class="button" href={planHref(lang, slug, `${base}/redigera`)}>
            {tr(P.editMeasure, lang)}
          </a>
        )}
        {props.canSeeHistory && <a href={adminHref(lang, `/${slug}/logg/measure/${m.id}`)}>{tr(P.history, lang)}</a>}
      </div>
      {!props.canEdit && <p class="muted">{tr(P.notEditable, lang)}</p>}

      <h2>{tr(P.indicators, lang)}</h2>
      {details.indicators.length === 0 ? <p>{tr(P.noIndicators, lang)}</p> : details.indicators.map((i) => <IndicatorTable lang={lang} indicator={i} />)}

      <h2>{tr(P.timeline, lang)}</h2>
      {props.canEdit && (
        <section aria-labelledby="ny-lagesrapport" class="card note-form">
          <h3 id="ny-lagesrapport">{tr(P.addNote, lang)}</h3>
          <AdminForm action={planHref(lang, slug, `${base}/lagesrapport`)} csrf={ctx.actor!.csrfToken}>
            <TextField name="noted_on" type="date" width="w-short" label={L(NOTE_LABELS, 'noted_on', lang)} lang={lang} value={v('noted_on')} error={errors.noted_on} />
            <TextField name="progress" inputmode="numeric" width="w-short" label={L(NOTE_LABELS, 'progress', lang)} hint={tr(P.progressHint, lang)} lang={lang} value={v('progress')} error={errors.progress} />
            <SelectField name="status" width="w-medium" label={L(NOTE_LABELS, 'status', lang)} lang={lang} value={v('status')} error={errors.status} options={MEASURE_STATUSES.map((s) => ({ value: s, label: MEASURE_STATUS_LABELS[s][lang] }))} />
            <TextArea name="text" label={L(NOTE_LABELS, 'text', lang)} lang={lang} value={v('text')} error={errors.text} optional rows={3} />
            <div class="button-group">
              <button type="submit" class="button">
                {tr(P.noteSave, lang)}
              </button>
            </div>
          </AdminForm>
        </section>
      )}
      {details.notes.length === 0 ? (
        <p>{tr(P.noNotes, lang)}</p>
      ) : (
        <ol class="timeline">
          {details.notes.map((n) => (
            <li>
              <span class="when">{formatDate(lang, n.noted_on)}</span>
              <span>
                {n.status && MEASURE_STATUS_LABELS[n.status][lang]}
                {n.status && n.progress !== null && ', '}
                {n.progress !== null && tr(P.noteProgress, lang, { n: n.progress })}
              </span>
              {n.text_sv && <p>{n.text_sv}</p>}
              <span class="muted">{tr(P.noteBy, lang, { who: n.actor_label.replace(/\s*<[^>]*>$/, '') })}</span>
            </li>
          ))}
        </ol>
      )}
    </PlanLayout>
  );
}

// ── Bulk progress ───────────────────────────────────────────────────────────

/** The bulk form's values for measures as they are stored. */
export function bulkValues(measures: MeasureRow[]): FormValues {
  const out: FormValues = {};
  for (const m of measures) {
    out[`m-${m.id}-progress`] = String(m.progress);
    out[`m-${m.id}-status`] = m.status;
    out[`m-${m.id}-note`] = '';
  }
  return out;
}

export function BulkPage(props: {
  ctx: AdminPageContext;
  plan: Plan;
  measures: MeasureSummary[];
  units: UnitRef[];
  /** Units to filter by (empty: no filter shown). */
  filterUnits: UnitRef[];
  unitFilter: number | undefined;
  values: FormValues;
  errors: FieldError[];
  notice?: string;
}) {
  const { ctx, plan, measures, values, errors } = props;
  const { lang } = ctx;
  const slug = slugOf(ctx);
  const title = tr(P.bulkTitle, lang);
  const errorOf = new Map<string, string>();
  for (const e of errors) if (!errorOf.has(e.field)) errorOf.set(e.field, e.message);
  const action = `${planHref(lang, slug, `/${plan.id}/lagesrapport`)}${props.unitFilter ? `?enhet=${props.unitFilter}` : ''}`;
  return (
    <PlanLayout ctx={ctx} title={title} plan={plan} notice={props.notice}>
      <FormErrorSummary lang={lang} errors={errors} />
      <h1>
        {title}: {planTitle(plan, lang)}
      </h1>
      <p class="lead">{tr(P.bulkLead, lang)}</p>
      {props.filterUnits.length > 1 && (
        <form method="get" action={planHref(lang, slug, `/${plan.id}/lagesrapport`)} class="filters bulk-filter">
          <SelectField
            name="enhet"
            label={tr(P.bulkUnitFilter, lang)}
            lang={lang}
            value={props.unitFilter ? String(props.unitFilter) : ''}
            emptyLabel={tr(P.allUnits, lang)}
            options={props.filterUnits.map((u) => ({ value: String(u.id), label: pick(lang, u.name_sv, u.name_en) }))}
          />
          <button type="submit" class="button button--secondary">
            {tr(P.show, lang)}
          </button>
        </form>
      )}
      {measures.length === 0 ? (
        <p>{tr(P.bulkNone, lang)}</p>
      ) : (
        <AdminForm action={action} csrf={ctx.actor!.csrfToken}>
          {measures.map((m) => {
            const f = (k: string) => `m-${m.id}-${k}`;
            const name = measureTitle(m, lang);
            return (
              <div class="bulk-row">
                <fieldset class="fieldset">
                  <legend>
                    <span class="bulk-title">{name}</span>
                    <span class="muted bulk-meta">
                      {unitNameOf(props.units, m.owner_unit_id, lang)} · {tr(P.bulkCurrent, lang, { status: MEASURE_STATUS_LABELS[m.status][lang], progress: m.progress })}
                    </span>
                  </legend>
                  <input type="hidden" name={f('version')} value={m.updated_at} />
                  <div class="bulk-fields">
                    <TextField name={f('progress')} label={L(NOTE_LABELS, 'progress', lang)} lang={lang} value={str(values, f('progress'))} error={errorOf.get(f('progress'))} inputmode="numeric" width="w-short" />
                    <SelectField
                      name={f('status')}
                      label={L(NOTE_LABELS, 'status', lang)}
                      lang={lang}
                      value={str(values, f('status'))}
                      error={errorOf.get(f('status'))}
                      options={MEASURE_STATUSES.map((s) => ({ value: s, label: MEASURE_STATUS_LABELS[s][lang] }))}
                    />
                    <TextArea name={f('note')} label={tr(P.note, lang)} lang={lang} value={str(values, f('note'))} error={errorOf.get(f('note'))} rows={2} optional />
                  </div>
                </fieldset>
              </div>
            );
          })}
          <div class="button-group">
            <button type="submit" class="button">
              {tr(P.saveAll, lang)}
            </button>
            <a href={planHref(lang, slug, `/${plan.id}`)}>{tr(P.cancel, lang)}</a>
          </div>
        </AdminForm>
      )}
    </PlanLayout>
  );
}

// ── Import ──────────────────────────────────────────────────────────────────

export function ImportPage(props: { ctx: AdminPageContext; plan: Plan; error?: string; preview?: ImportPreview }) {
  const { ctx, plan } = props;
  const { lang } = ctx;
  const slug = slugOf(ctx);
  const title = tr(P.importTitle, lang);
  const issues = props.preview?.issues ?? [];
  return (
    <PlanLayout ctx={ctx} title={title} plan={plan}>
      {props.error && <FormErrorSummary lang={lang} errors={{ file: props.error }} />}
      <h1>{title}</h1>
      <p class="lead">{tr(P.importLead, lang)}</p>
      <ul class="link-list">
        <li>
          <a href={planHref(lang, slug, `/${plan.id}/handlingsplan.xlsx`)}>{tr(P.exportXlsx, lang)}</a>
        </li>
        <li>
          <a href={planHref(lang, slug, `/${plan.id}/handlingsplan.csv`)}>{tr(P.exportCsv, lang)}</a>
        </li>
      </ul>
      <UploadForm lang={lang} action={planHref(lang, slug, `/${plan.id}/import`)} csrf={ctx.actor!.csrfToken} label={tr(P.importFile, lang)} hint={tr(P.importFileHint, lang)} accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" error={props.error} />
      {issues.length > 0 && <IssuesTable lang={lang} issues={issues} caption={tr(P.errorsCaption, lang)} />}
    </PlanLayout>
  );
}

function formatOf(lang: Lang, t: ImportPreview['table']): string {
  if (t.format === 'xlsx') return 'Excel (.xlsx)';
  const sep = t.delimiter === ';' ? (lang === 'sv' ? 'semikolon' : 'semicolon') : t.delimiter === ',' ? (lang === 'sv' ? 'komma' : 'comma') : 'tab';
  return `CSV (${t.encoding ?? 'utf-8'}, ${sep})`;
}

export function ImportPreviewPage(props: { ctx: AdminPageContext; plan: Plan; preview: ImportPreview; hidden: [string, string][] }) {
  const { ctx, plan, preview } = props;
  const { lang } = ctx;
  const slug = slugOf(ctx);
  const title = tr(P.previewTitle, lang);
  const blocked = preview.issues.length > 0;
  const status = (s: MeasureStatus) => MEASURE_STATUS_LABELS[s][lang];
  return (
    <PlanLayout ctx={ctx} title={title} plan={plan} crumbs={[{ href: planHref(lang, slug, `/${plan.id}/import`), label: tr(P.importTitle, lang) }, { label: title }]}>
      {blocked && (
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1} autofocus>
          <h2 id="error-summary-title">{tr(P.errorsCaption, lang)}</h2>
          <p>{tr(P.previewErrors, lang)}</p>
          <p>
            <a href="#fel-i-filen">{tr(P.errorsCaption, lang)}</a>
          </p>
        </div>
      )}
      <h1>{title}</h1>
      {(preview.table.format === 'xlsx' || preview.table.encoding) && <p class="muted">{tr(P.readAs, lang, { format: formatOf(lang, preview.table) })}</p>}
      {blocked ? (
        <div id="fel-i-filen" tabindex={-1}>
          <IssuesTable lang={lang} issues={preview.issues} caption={tr(P.errorsCaption, lang)} />
        </div>
      ) : preview.changes.length === 0 ? (
        <div class="notice" role="status">
          <p>{tr(P.noChanges, lang)}</p>
        </div>
      ) : (
        <p>{tr(P.previewLead, lang)}</p>
      )}
      {preview.changes.length > 0 && (
        <div class="table-wrap">
          <table class="data">
            <caption>{tr(P.changesCaption, lang)}</caption>
            <thead>
              <tr>
                <th scope="col">{tr(P.row, lang)}</th>
                <th scope="col">{tr(P.measure, lang)}</th>
                <th scope="col">{tr(P.progress, lang)}</th>
                <th scope="col">{tr(P.status, lang)}</th>
                <th scope="col">{tr(P.note, lang)}</th>
              </tr>
            </thead>
            <tbody>
              {preview.changes.map((c) => (
                <tr>
                  <td>{String(c.row)}</td>
                  <td>
                    <a href={planHref(lang, slug, `/${plan.id}/atgarder/${c.measureId}`)}>{c.title}</a>
                  </td>
                  <td>{c.before.progress === c.after.progress ? `${percent(lang, c.after.progress)} (${tr(P.unchanged, lang)})` : `${percent(lang, c.before.progress)} → ${percent(lang, c.after.progress)}`}</td>
                  <td>{c.before.status === c.after.status ? `${status(c.after.status)} (${tr(P.unchanged, lang)})` : `${status(c.before.status)} → ${status(c.after.status)}`}</td>
                  <td>{c.note ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div class="button-group">
        {!blocked && preview.changes.length > 0 && (
          <AdminForm action={planHref(lang, slug, `/${plan.id}/import/bekrafta`)} csrf={ctx.actor!.csrfToken} class="inline-form">
            {props.hidden.map(([name, value]) => (
              <input type="hidden" name={name} value={value} />
            ))}
            <button type="submit" class="button">
              {tr(P.confirm, lang)}
            </button>
          </AdminForm>
        )}
        <a href={planHref(lang, slug, `/${plan.id}/import`)}>{tr(P.uploadAgain, lang)}</a>
        <a href={planHref(lang, slug, `/${plan.id}`)}>{tr(P.cancel, lang)}</a>
      </div>
    </PlanLayout>
  );
}

// ── Evaluation ──────────────────────────────────────────────────────────────

export function evaluationFormValues(measures: MeasureRow[], today: string, lang: Lang): FormValues {
  const out: FormValues = { evaluated_on: today, summary_sv: '', changes_sv: '', decision_reference: '' };
  for (const m of measures) out[`achieved-${m.id}`] = tr(P.achievedPrefill, lang, { status: MEASURE_STATUS_LABELS[m.status][lang], progress: m.progress });
  return out;
}

export function EvaluationFormPage(props: { ctx: AdminPageContext; plan: Plan; measures: MeasureRow[]; values: FormValues; errors: FormErrors }) {
  const { ctx, plan, values, errors } = props;
  const { lang } = ctx;
  const slug = slugOf(ctx);
  const v = (k: string) => str(values, k);
  const title = tr(P.evaluationTitle, lang);
  return (
    <PlanLayout ctx={ctx} title={title} plan={plan}>
      <FormErrorSummary lang={lang} errors={errors} />
      <h1>{title}</h1>
      <p class="lead">{tr(P.evaluationLead, lang)}</p>
      <AdminForm action={planHref(lang, slug, `/${plan.id}/utvardering`)} csrf={ctx.actor!.csrfToken}>
        <TextField name="evaluated_on" type="date" width="w-short" label={L(EVALUATION_LABELS, 'evaluated_on', lang)} hint={tr(P.dateHint, lang)} lang={lang} value={v('evaluated_on')} error={errors.evaluated_on} />
        <TextArea name="summary_sv" label={L(EVALUATION_LABELS, 'summary_sv', lang)} hint={tr(P.summaryHint, lang)} lang={lang} value={v('summary_sv')} error={errors.summary_sv} rows={5} />
        {props.measures.length > 0 && (
          <fieldset class="fieldset">
            <legend class="field-label">{tr(P.achieved, lang)}</legend>
            {props.measures.map((m) => (
              <TextArea name={`achieved-${m.id}`} label={measureTitle(m, lang)} lang={lang} value={v(`achieved-${m.id}`)} error={errors[`achieved-${m.id}`]} rows={3} optional />
            ))}
          </fieldset>
        )}
        <TextArea name="changes_sv" label={L(EVALUATION_LABELS, 'changes_sv', lang)} lang={lang} value={v('changes_sv')} error={errors.changes_sv} rows={4} optional />
        <TextField name="decision_reference" label={L(EVALUATION_LABELS, 'decision_reference', lang)} hint={tr(P.decisionReferenceHint, lang)} lang={lang} value={v('decision_reference')} error={errors.decision_reference} width="w-medium" optional />
        <div class="button-group">
          <button type="submit" class="button">
            {tr(P.saveEvaluation, lang)}
          </button>
          <a href={planHref(lang, slug, `/${plan.id}`)}>{tr(P.cancel, lang)}</a>
        </div>
      </AdminForm>
    </PlanLayout>
  );
}

export function EvaluationPage(props: { ctx: AdminPageContext; plan: Plan; evaluation: EvaluationRecord; notice?: string }) {
  const { ctx, plan, evaluation: e } = props;
  const { lang } = ctx;
  const slug = slugOf(ctx);
  const title = tr(P.evaluationOf, lang, { date: formatDate(lang, e.evaluated_on) });
  return (
    <PlanLayout ctx={ctx} title={title} plan={plan} notice={props.notice}>
      <h1>{title}</h1>
      <dl class="summary-list">
        <dt>{tr(P.plan, lang)}</dt>
        <dd>
          <a href={planHref(lang, slug, `/${plan.id}`)}>{planTitle(plan, lang)}</a>
        </dd>
        <dt>{tr(P.decisionReference, lang)}</dt>
        <dd>{e.decision_reference ?? '–'}</dd>
        {e.recordedBy && (
          <>
            <dt>{tr(P.evaluatedBy, lang)}</dt>
            <dd>{e.recordedBy}</dd>
          </>
        )}
      </dl>
      <h2>{tr(P.summary, lang)}</h2>
      <p class="pre-line">{e.summary_sv}</p>
      <h2>{tr(P.perMeasure, lang)}</h2>
      {e.items.length === 0 ? (
        <p>{tr(P.noMeasures, lang)}</p>
      ) : (
        <div class="table-wrap">
          <table class="data">
            <caption class="visually-hidden">{tr(P.perMeasure, lang)}</caption>
            <thead>
              <tr>
                <th scope="col">{tr(P.measure, lang)}</th>
                <th scope="col">{tr(P.statusThen, lang)}</th>
                <th scope="col">{tr(P.achieved, lang)}</th>
              </tr>
            </thead>
            <tbody>
              {e.items.map((i) => (
                <tr>
                  <td>
                    <a href={planHref(lang, slug, `/${plan.id}/atgarder/${i.measureId}`)}>{pick(lang, i.title_sv, i.title_en)}</a>
                  </td>
                  <td>
                    {i.status ? MEASURE_STATUS_LABELS[i.status][lang] : '–'}
                    {i.progress !== null && `, ${percent(lang, i.progress)}`}
                  </td>
                  <td class="pre-line">{i.achieved_sv ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{tr(P.changes, lang)}</h2>
      <p class="pre-line">{e.changes_sv ?? '–'}</p>
    </PlanLayout>
  );
}

// ── Copy ────────────────────────────────────────────────────────────────────

/** The copy form's first values: the same title marked as new, the period right after the old one, as long. */
export function copyFormValues(plan: Plan): FormValues {
  const start = new Date(`${plan.period_end}T00:00:00Z`);
  start.setUTCDate(start.getUTCDate() + 1);
  const from = new Date(`${plan.period_start}T00:00:00Z`);
  const end = new Date(start);
  end.setUTCFullYear(end.getUTCFullYear() + Math.max(1, start.getUTCFullYear() - from.getUTCFullYear()));
  end.setUTCDate(end.getUTCDate() - 1);
  const ok = !Number.isNaN(start.getTime()) && !Number.isNaN(end.getTime());
  return {
    title_sv: tr(P.copyOf, 'sv', { title: plan.title_sv }),
    title_en: plan.title_en ? tr(P.copyOf, 'en', { title: plan.title_en }) : '',
    period_start: ok ? start.toISOString().slice(0, 10) : '',
    period_end: ok ? end.toISOString().slice(0, 10) : '',
  };
}

export function CopyFormPage(props: { ctx: AdminPageContext; plan: Plan; copied: number; left: number; values: FormValues; errors: FormErrors }) {
  const { ctx, plan, values, errors } = props;
  const { lang } = ctx;
  const slug = slugOf(ctx);
  const v = (k: string) => str(values, k);
  const title = tr(P.copyTitle, lang);
  return (
    <PlanLayout ctx={ctx} title={title} plan={plan}>
      <FormErrorSummary lang={lang} errors={errors} />
      <h1>{title}</h1>
      <p class="lead">{tr(P.copyLead, lang)}</p>
      <p>{tr(P.copyCounts, lang, { copied: props.copied, left: props.left })}</p>
      <AdminForm action={planHref(lang, slug, `/${plan.id}/kopiera`)} csrf={ctx.actor!.csrfToken}>
        <TextField name="title_sv" label={L(PLAN_LABELS, 'title_sv', lang)} lang={lang} value={v('title_sv')} error={errors.title_sv} />
        <TextField name="title_en" label={L(PLAN_LABELS, 'title_en', lang)} lang={lang} value={v('title_en')} error={errors.title_en} optional />
        <TextField name="period_start" type="date" width="w-short" label={L(PLAN_LABELS, 'period_start', lang)} hint={tr(P.dateHint, lang)} lang={lang} value={v('period_start')} error={errors.period_start} />
        <TextField name="period_end" type="date" width="w-short" label={L(PLAN_LABELS, 'period_end', lang)} hint={tr(P.dateHint, lang)} lang={lang} value={v('period_end')} error={errors.period_end} />
        <div class="button-group">
          <button type="submit" class="button">
            {tr(P.copySave, lang)}
          </button>
          <a href={planHref(lang, slug, `/${plan.id}`)}>{tr(P.cancel, lang)}</a>
        </div>
      </AdminForm>
    </PlanLayout>
  );
}
