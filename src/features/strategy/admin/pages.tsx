/** Pages of the strategy back office: the list, and one strategy with its goals, plans, reviews and follow-up. */
import type { Child } from 'hono/jsx';
import type { Lang } from '../../../i18n/index.js';
import { formatDate, formatNumber } from '../../../i18n/index.js';
import { AdminForm, FormErrorSummary, type FormErrors, TextField } from '../../../ui/forms.js';
import { adminHref } from '../../admin/context.js';
import { AdminLayout, type AdminPageContext, adminCrumbs } from '../../admin/layout.js';
import { pick } from '../../registry/messages.js';
import { Row } from '../../registry/ui.js';
import type { GoalProgress } from '../model.js';
import type { DueInfo } from '../progress/cycles.js';
import { DUE_LABELS, FIELD_LABELS, FOLLOW_UP, LIGHT_LABELS, OUTCOME_LABELS, S, STATUS_LABELS, STRATEGY_PAGE, tr } from './messages.js';
import type { FollowUp, FollowUpMeasure, GoalRecord, listPlans, listReviews, listStrategies, StrategyRecord, TreeGoal } from './repository.js';

export const strategyBase = (ctx: AdminPageContext) => `/${ctx.municipality!.slug}/strategi`;
const href = (ctx: AdminPageContext, rest = '') => adminHref(ctx.lang, `${strategyBase(ctx)}${rest}`);
const listCrumb = (ctx: AdminPageContext) => ({ href: href(ctx), label: tr(S.title, ctx.lang) });

export const strategyTitle = (s: Pick<StrategyRecord, 'title_sv' | 'title_en'>, lang: Lang) => pick(lang, s.title_sv, s.title_en);
export const goalTitle = (g: Pick<GoalRecord, 'title_sv' | 'title_en'>, lang: Lang) => pick(lang, g.title_sv, g.title_en);

/** Text with blank lines as paragraphs. */
export function Paragraphs(props: { text: string | null | undefined }) {
  const parts = (props.text ?? '')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      {parts.map((p) => (
        <p>{p}</p>
      ))}
    </>
  );
}

export function StatusTag(props: { status: StrategyRecord['status']; lang: Lang }) {
  const kind = props.status === 'draft' ? ' tag--draft' : props.status === 'adopted' ? ' tag--published' : '';
  return <span class={`tag${kind}`}>{tr(STATUS_LABELS[props.status], props.lang)}</span>;
}

/** "45 % genomfört" and the traffic light, as text. */
export function ProgressText(props: { progress: GoalProgress | undefined; lang: Lang }) {
  const { progress: p, lang } = props;
  if (!p || p.progress === null) return <span class="muted">{tr(STRATEGY_PAGE.noProgress, lang)}</span>;
  return (
    <>
      {tr(STRATEGY_PAGE.progressValue, lang, { p: formatNumber(lang, p.progress) })} <span class={`light light--${p.light}`}>{tr(LIGHT_LABELS[p.light], lang)}</span>
    </>
  );
}

/** "Kommunstyrelsen 12 november 2012, § 258" or what is known of it. */
export function decisionText(s: Pick<StrategyRecord, 'adopted_by' | 'adopted_on' | 'minute_paragraph'>, lang: Lang): string | undefined {
  const parts = [s.adopted_by, s.adopted_on ? formatDate(lang, s.adopted_on) : null].filter(Boolean).join(' ');
  const all = [parts, s.minute_paragraph].filter(Boolean).join(', ');
  return all || undefined;
}

function DueText(props: { due: DueInfo | undefined; lang: Lang }) {
  const { due, lang } = props;
  if (!due) return <span class="muted">{tr(S.notApplicable, lang)}</span>;
  return (
    <>
      {due.dueOn && <>{tr(STRATEGY_PAGE.reviewDueOn, lang, { date: formatDate(lang, due.dueOn) })} </>}
      <span class={`tag tag--${due.state}`}>{tr(DUE_LABELS[due.state], lang)}</span>
    </>
  );
}

/** A table that scrolls sideways in its own box on narrow screens, reachable by keyboard. */
export function TableWrap(props: { label: string; children: Child }) {
  return (
    <div class="table-wrap" role="region" aria-label={props.label} tabindex={0}>
      {props.children}
    </div>
  );
}

// ── The list ──────────────────────────────────────────────────────────────────

export function StrategyListPage(props: {
  ctx: AdminPageContext;
  strategies: (Awaited<ReturnType<typeof listStrategies>>[number] & { due?: DueInfo })[];
  canEdit: boolean;
  notice?: string;
}) {
  const { ctx, strategies } = props;
  const { lang } = ctx;
  const title = tr(S.title, lang);
  const none = tr(S.none_, lang);
  return (
    <AdminLayout ctx={ctx} title={title} current="strategy" crumbs={adminCrumbs(ctx, { label: title })} notice={props.notice}>
      <h1>{title}</h1>
      <p class="lead">{tr(S.lead, lang)}</p>
      {props.canEdit ? (
        <div class="button-group">
          <a class="button" href={href(ctx, '/importera')}>
            {tr(S.importButton, lang)}
          </a>
          <a class="button button--secondary" href={href(ctx, '/ny')}>
            {tr(S.newButton, lang)}
          </a>
        </div>
      ) : (
        <p class="muted">{tr(S.onlyEdit, lang)}</p>
      )}
      {strategies.length === 0 ? (
        <p>{tr(S.none, lang)}</p>
      ) : (
        <TableWrap label={title}>
          <table class="data">
            <caption class="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{tr(S.colTitle, lang)}</th>
                <th scope="col">{tr(S.colStatus, lang)}</th>
                <th scope="col">{tr(S.colAdopted, lang)}</th>
                <th scope="col">{tr(S.colVersion, lang)}</th>
                <th scope="col">{tr(S.colReview, lang)}</th>
              </tr>
            </thead>
            <tbody>
              {strategies.map((s) => (
                <tr>
                  <td>
                    <a href={href(ctx, `/${s.id}`)}>{strategyTitle(s, lang)}</a>
                  </td>
                  <td>
                    <StatusTag status={s.status} lang={lang} />
                  </td>
                  <td>{decisionText(s, lang) ?? none}</td>
                  <td class="num">{s.version}</td>
                  <td>
                    <DueText due={s.due} lang={lang} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </AdminLayout>
  );
}

// ── One strategy ──────────────────────────────────────────────────────────────

type Nested = TreeGoal & { children: Nested[] };

/** The depth-first list as nested nodes. */
export function nestGoals(goals: TreeGoal[]): Nested[] {
  const roots: Nested[] = [];
  const stack: Nested[] = [];
  for (const g of goals) {
    const node: Nested = { ...g, children: [] };
    const parent = g.depth > 0 ? stack[g.depth - 1] : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
    stack.length = g.depth;
    stack.push(node);
  }
  return roots;
}

/** The goal tree as nested lists: level name, title (a link when `goalHref`), progress. */
export function GoalTree(props: { goals: TreeGoal[]; lang: Lang; goalHref?: (id: number) => string; progress?: Map<number, GoalProgress> }) {
  const { lang, goalHref, progress } = props;
  const Item = ({ node }: { node: Nested }) => (
    <li>
      <span class="goal-level">{node.level_name}</span> {goalHref ? <a href={goalHref(node.id)}>{goalTitle(node, lang)}</a> : <strong>{goalTitle(node, lang)}</strong>}
      {progress && (
        <div class="goal-progress">
          <ProgressText progress={progress.get(node.id)} lang={lang} />
        </div>
      )}
      {node.children.length > 0 && (
        <ul>
          {node.children.map((c) => (
            <Item node={c} />
          ))}
        </ul>
      )}
    </li>
  );
  return (
    <ul class="goal-tree">
      {nestGoals(props.goals).map((n) => (
        <Item node={n} />
      ))}
    </ul>
  );
}

export interface StrategyPageData {
  strategy: StrategyRecord;
  supersededBy?: { id: number; title_sv: string; title_en: string | null };
  goals: TreeGoal[];
  progress: Map<number, GoalProgress>;
  plans: Awaited<ReturnType<typeof listPlans>>;
  reviews: Awaited<ReturnType<typeof listReviews>>;
  due?: DueInfo;
  followUp: FollowUp;
}

export interface StrategyPermissions {
  edit: boolean;
  publish: boolean;
  decide: boolean;
  configure: boolean;
  viewAudit: boolean;
}

export function StrategyPage(props: { ctx: AdminPageContext; data: StrategyPageData; can: StrategyPermissions; notice?: string; settings?: { value: string; error?: string } }) {
  const { ctx, data, can } = props;
  const { lang } = ctx;
  const s = data.strategy;
  const name = strategyTitle(s, lang);
  const none = tr(S.none_, lang);
  const slug = ctx.municipality!.slug;
  const base = `/${s.id}`;
  const settingsErrors: FormErrors = props.settings?.error ? { stale_after_days: props.settings.error } : {};
  return (
    <AdminLayout ctx={ctx} title={name} current="strategy" crumbs={adminCrumbs(ctx, listCrumb(ctx), { label: name })} notice={props.notice}>
      <FormErrorSummary lang={lang} errors={settingsErrors} />
      <h1>{name}</h1>
      <p>
        <StatusTag status={s.status} lang={lang} />
      </p>
      {s.vision_sv && (
        <figure class="vision">
          <blockquote>
            <p>{pick(lang, s.vision_sv, s.vision_en)}</p>
          </blockquote>
          <figcaption>{tr(STRATEGY_PAGE.vision, lang)}</figcaption>
        </figure>
      )}
      <h2>{tr(STRATEGY_PAGE.facts, lang)}</h2>
      <dl class="summary-list">
        <Row term={tr(STRATEGY_PAGE.status, lang)}>
          {tr(STATUS_LABELS[s.status], lang)}
          {data.supersededBy && (
            <>
              {' – '}
              {tr(STRATEGY_PAGE.supersededBy, lang)} <a href={href(ctx, `/${data.supersededBy.id}`)}>{strategyTitle(data.supersededBy, lang)}</a>
            </>
          )}
        </Row>
        <Row term={tr(FIELD_LABELS.adopted_by!, lang)}>{s.adopted_by ?? none}</Row>
        <Row term={tr(FIELD_LABELS.adopted_on!, lang)}>{s.adopted_on ? formatDate(lang, s.adopted_on) : none}</Row>
        <Row term={tr(FIELD_LABELS.minute_paragraph!, lang)}>{s.minute_paragraph ?? none}</Row>
        <Row term={tr(FIELD_LABELS.registry_number!, lang)}>{s.registry_number ?? none}</Row>
        <Row term={tr(STRATEGY_PAGE.version, lang)}>
          {s.version} (<a href={href(ctx, `${base}/historik`)}>{tr(STRATEGY_PAGE.history, lang).toLowerCase()}</a>)
        </Row>
        {s.source && <Row term={tr(STRATEGY_PAGE.source, lang)}>{s.source}</Row>}
      </dl>
      <div class="button-group">
        {can.edit && (
          <a class="button" href={href(ctx, `${base}/redigera`)}>
            {tr(STRATEGY_PAGE.edit, lang)}
          </a>
        )}
        {can.edit && (
          <a class="button button--secondary" href={href(ctx, `${base}/mal/ny`)}>
            {tr(STRATEGY_PAGE.addGoal, lang)}
          </a>
        )}
        {can.decide && s.status !== 'draft' && (
          <a class="button button--secondary" href={href(ctx, `${base}/oversyn`)}>
            {tr(STRATEGY_PAGE.recordReview, lang)}
          </a>
        )}
        <a href={href(ctx, `${base}/historik`)}>{tr(STRATEGY_PAGE.history, lang)}</a>
        {can.viewAudit && <a href={adminHref(lang, `/${slug}/logg/strategy/${s.id}`)}>{tr(STRATEGY_PAGE.auditHistory, lang)}</a>}
      </div>
      {can.publish && s.status === 'draft' && (
        <AdminForm action={href(ctx, `${base}/anta`)} csrf={ctx.actor!.csrfToken} class="adopt-form">
          <p class="field-hint">{tr(STRATEGY_PAGE.adoptHint, lang)}</p>
          <button type="submit" class="button">
            {tr(STRATEGY_PAGE.adopt, lang)}
          </button>
        </AdminForm>
      )}

      <h2>{tr(STRATEGY_PAGE.goals, lang)}</h2>
      <p>{tr(STRATEGY_PAGE.goalsLead, lang)}</p>
      {data.goals.length === 0 ? <p>{tr(STRATEGY_PAGE.noGoals, lang)}</p> : <GoalTree goals={data.goals} lang={lang} goalHref={(id) => href(ctx, `${base}/mal/${id}`)} progress={data.progress} />}

      <h2>{tr(STRATEGY_PAGE.plans, lang)}</h2>
      {data.plans.length === 0 ? (
        <p>{tr(STRATEGY_PAGE.noPlans, lang)}</p>
      ) : (
        <ul>
          {data.plans.map((p) => (
            <li>
              <a href={adminHref(lang, `/${slug}/handlingsplaner/${p.id}`)}>{pick(lang, p.title_sv, p.title_en)}</a>{' '}
              <span class="muted">({tr(STRATEGY_PAGE.period, lang, { from: formatDate(lang, p.period_start), to: formatDate(lang, p.period_end) })})</span>
            </li>
          ))}
        </ul>
      )}

      <h2>{tr(STRATEGY_PAGE.review, lang)}</h2>
      <p>{tr(STRATEGY_PAGE.reviewLead, lang)}</p>
      <dl class="summary-list">
        <Row term={tr(STRATEGY_PAGE.reviewState, lang)}>
          <DueText due={data.due} lang={lang} />
        </Row>
      </dl>
      {data.reviews.length === 0 ? (
        <p>{tr(STRATEGY_PAGE.reviewsNone, lang)}</p>
      ) : (
        <TableWrap label={tr(STRATEGY_PAGE.reviewsCaption, lang)}>
          <table class="data">
            <caption>{tr(STRATEGY_PAGE.reviewsCaption, lang)}</caption>
            <thead>
              <tr>
                <th scope="col">{tr(STRATEGY_PAGE.reviewedOn, lang)}</th>
                <th scope="col">{tr(STRATEGY_PAGE.outcome, lang)}</th>
                <th scope="col">{tr(STRATEGY_PAGE.decisionReference, lang)}</th>
                <th scope="col">{tr(STRATEGY_PAGE.note, lang)}</th>
              </tr>
            </thead>
            <tbody>
              {data.reviews.map((r) => (
                <tr>
                  <td>{formatDate(lang, r.reviewed_on)}</td>
                  <td>{tr(OUTCOME_LABELS[r.outcome], lang)}</td>
                  <td>{r.decision_reference ?? ''}</td>
                  <td>{r.note_sv ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}

      {s.responsibilities_sv && (
        <>
          <h2>{tr(STRATEGY_PAGE.responsibilities, lang)}</h2>
          <Paragraphs text={pick(lang, s.responsibilities_sv, s.responsibilities_en)} />
        </>
      )}
      {(s.body_sv || (lang === 'en' && s.summary_en)) && (
        <details class="strategy-text">
          <summary>{tr(STRATEGY_PAGE.text, lang)}</summary>
          <Paragraphs text={lang === 'en' && s.summary_en ? s.summary_en : s.body_sv} />
        </details>
      )}

      <FollowUpSection ctx={ctx} strategyId={s.id} followUp={data.followUp} canConfigure={can.configure} settings={props.settings} />
    </AdminLayout>
  );
}

function MeasureTable(props: { ctx: AdminPageContext; caption: string; measures: FollowUpMeasure[]; last: 'end' | 'report' }) {
  const { ctx, measures } = props;
  const { lang } = ctx;
  const slug = ctx.municipality!.slug;
  return (
    <TableWrap label={props.caption}>
      <table class="data">
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{tr(FOLLOW_UP.measure, lang)}</th>
            <th scope="col">{tr(FOLLOW_UP.plan, lang)}</th>
            <th scope="col">{tr(FOLLOW_UP.unit, lang)}</th>
            <th scope="col">{props.last === 'end' ? tr(FOLLOW_UP.endDate, lang) : tr(FOLLOW_UP.lastReport, lang)}</th>
            <th scope="col" class="num">
              {tr(FOLLOW_UP.progress, lang)}
            </th>
          </tr>
        </thead>
        <tbody>
          {measures.map((m) => (
            <tr>
              <td>{pick(lang, m.title, m.titleEn)}</td>
              <td>
                <a href={adminHref(lang, `/${slug}/handlingsplaner/${m.planId}`)}>{pick(lang, m.planTitle, m.planTitleEn)}</a>
              </td>
              <td>{m.unit ?? tr(FOLLOW_UP.noUnit, lang)}</td>
              <td>
                {props.last === 'end'
                  ? m.endDate
                    ? formatDate(lang, m.endDate)
                    : ''
                  : m.lastReport
                    ? formatDate(lang, m.lastReport.slice(0, 10))
                    : tr(FOLLOW_UP.never, lang, { date: formatDate(lang, m.createdAt.slice(0, 10)) })}
              </td>
              <td class="num">{m.progress} %</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** The back-office goal view (issue 4, section 4): what is late, what lacks a report, what nothing serves. */
function FollowUpSection(props: { ctx: AdminPageContext; strategyId: number; followUp: FollowUp; canConfigure: boolean; settings?: { value: string; error?: string } }) {
  const { ctx, followUp: f } = props;
  const { lang } = ctx;
  const goalHref = (id: number) => href(ctx, `/${props.strategyId}/mal/${id}`);
  return (
    <section aria-labelledby="uppfoljning">
      <h2 id="uppfoljning">{tr(FOLLOW_UP.heading, lang)}</h2>
      <p>{tr(FOLLOW_UP.lead, lang)}</p>
      <h3>
        {tr(FOLLOW_UP.late, lang)} ({f.late.length})
      </h3>
      <p class="field-hint">{tr(FOLLOW_UP.lateLead, lang)}</p>
      {f.late.length === 0 ? <p>{tr(FOLLOW_UP.noLate, lang)}</p> : <MeasureTable ctx={ctx} caption={tr(FOLLOW_UP.late, lang)} measures={f.late} last="end" />}
      <h3>
        {tr(FOLLOW_UP.stale, lang)} ({f.stale.length})
      </h3>
      <p class="field-hint">{tr(FOLLOW_UP.staleLead, lang, { days: f.staleDays })}</p>
      {f.stale.length === 0 ? <p>{tr(FOLLOW_UP.noStale, lang)}</p> : <MeasureTable ctx={ctx} caption={tr(FOLLOW_UP.stale, lang)} measures={f.stale} last="report" />}
      <h3>
        {tr(FOLLOW_UP.uncovered, lang)} ({f.uncovered.length})
      </h3>
      <p class="field-hint">{tr(FOLLOW_UP.uncoveredLead, lang)}</p>
      {f.uncovered.length === 0 ? (
        <p>{tr(FOLLOW_UP.noUncovered, lang)}</p>
      ) : (
        <ul>
          {f.uncovered.map((g) => (
            <li>
              <span class="goal-level">{g.level_name}</span> <a href={goalHref(g.id)}>{goalTitle(g, lang)}</a>
            </li>
          ))}
        </ul>
      )}
      {props.canConfigure && <StaleDaysForm ctx={ctx} strategyId={props.strategyId} value={props.settings?.value ?? String(f.staleDays)} error={props.settings?.error} />}
    </section>
  );
}

function StaleDaysForm(props: { ctx: AdminPageContext; strategyId: number; value: string; error?: string }) {
  const { ctx } = props;
  const { lang } = ctx;
  return (
    <AdminForm action={href(ctx, '/installningar')} csrf={ctx.actor!.csrfToken} class="settings-form">
      <h3>{tr(FOLLOW_UP.settings, lang)}</h3>
      <input type="hidden" name="strategy_id" value={String(props.strategyId)} />
      <TextField name="stale_after_days" label={tr(FOLLOW_UP.staleDays, lang)} hint={tr(FOLLOW_UP.staleDaysHint, lang)} lang={lang} value={props.value} error={props.error} inputmode="numeric" width="w-short" />
      <button type="submit" class="button button--secondary">
        {tr(FOLLOW_UP.save, lang)}
      </button>
    </AdminForm>
  );
}
