/** Pages of partnership evaluations and ending a partnership (AR-9). */
import { formatDate, formatMoney, formatNumber, type Lang } from '../../../../i18n/index.js';
import { label, PARTNERSHIP_KINDS, PARTNERSHIP_STATUSES } from '../../../../i18n/labels.js';
import { AdminForm, ChoiceGroup, type FormErrors, FormErrorSummary, type FormValues, SelectField, str, TextArea, TextField } from '../../../../ui/forms.js';
import { adminHref } from '../../../admin/context.js';
import { AdminLayout, type AdminPageContext, adminCrumbs } from '../../../admin/layout.js';
import { pick } from '../../messages.js';
import { decisionLabel } from '../pages.js';
import { PS } from '../messages.js';
import type { ActivityCounts } from './counting.js';
import type { PartnershipEvaluationStatus } from './due.js';
import { EV, EVALUATION_LABELS, HINTS, RECOMMENDATIONS, STATE_LABELS, tr } from './messages.js';
import { type EndingChoices, type EvaluationRow, type PartnershipRef, RECOMMENDATION_VALUES } from './service.js';

const slugOf = (ctx: AdminPageContext) => ctx.municipality!.slug;
const partnershipHref = (lang: Lang, slug: string, id: number, rest = '') => adminHref(lang, `/${slug}/samarbeten/${id}${rest}`);
const titleOf = (p: { title_sv: string; title_en: string | null }, lang: Lang) => pick(lang, p.title_sv, p.title_en);
const L = (k: string, lang: Lang) => EVALUATION_LABELS[k]![lang];

function StateTag(props: { lang: Lang; state: PartnershipEvaluationStatus['state'] }) {
  if (!props.state) return <span class="muted">{tr(EV.notEvaluated, props.lang)}</span>;
  return <span class={`tag tag--${props.state}`}>{tr(STATE_LABELS[props.state], props.lang)}</span>;
}

function crumbsOf(ctx: AdminPageContext, p: PartnershipRef, ...rest: { href?: string; label: string }[]) {
  const { lang } = ctx;
  const slug = slugOf(ctx);
  return adminCrumbs(ctx, { href: adminHref(lang, `/${slug}/samarbeten`), label: tr(PS.title, lang) }, { href: partnershipHref(lang, slug, p.id), label: titleOf(p, lang) }, ...rest);
}

/** Every partnership of the municipality with its latest evaluation, next due date and state. */
export function EvaluationOverviewPage(props: { ctx: AdminPageContext; rows: PartnershipEvaluationStatus[]; months: number }) {
  const { ctx, rows } = props;
  const { lang } = ctx;
  const slug = slugOf(ctx);
  const title = tr(EV.listTitle, lang);
  return (
    <AdminLayout ctx={ctx} title={title} current="partnerships" crumbs={adminCrumbs(ctx, { href: adminHref(lang, `/${slug}/samarbeten`), label: tr(PS.title, lang) }, { label: title })}>
      <h1>{title}</h1>
      <p class="lead">{tr(EV.listLead, lang, { months: String(props.months) })}</p>
      {rows.length === 0 ? (
        <p>{tr(EV.none, lang)}</p>
      ) : (
        <div class="table-wrap">
          <table class="data">
            <caption class="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{tr(EV.partnership, lang)}</th>
                <th scope="col">{tr(EV.status, lang)}</th>
                <th scope="col">{tr(EV.last, lang)}</th>
                <th scope="col">{tr(EV.next, lang)}</th>
                <th scope="col">{tr(EV.state, lang)}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>
                    <a href={partnershipHref(lang, slug, r.partnershipId, '/utvarderingar')}>{pick(lang, r.title, r.titleEn)}</a>
                    <div class="muted">{label(PARTNERSHIP_KINDS, r.kind as keyof typeof PARTNERSHIP_KINDS, lang)}</div>
                  </td>
                  <td>{label(PARTNERSHIP_STATUSES, r.status as keyof typeof PARTNERSHIP_STATUSES, lang)}</td>
                  <td>{r.lastEvaluatedOn ? formatDate(lang, r.lastEvaluatedOn) : tr(EV.never, lang)}</td>
                  <td>{r.dueOn ? formatDate(lang, r.dueOn) : '–'}</td>
                  <td>
                    <StateTag lang={lang} state={r.state} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminLayout>
  );
}

/** One partnership's evaluations, its due state, and links to a new evaluation and to ending it. */
export function PartnershipEvaluationsPage(props: { ctx: AdminPageContext; p: PartnershipRef; status: PartnershipEvaluationStatus | undefined; evaluations: EvaluationRow[]; endedOn: string | null; may: { edit: boolean; decide: boolean }; notice?: string }) {
  const { ctx, p, status, evaluations, may } = props;
  const { lang } = ctx;
  const slug = slugOf(ctx);
  const title = tr(EV.ofPartnership, lang, { title: titleOf(p, lang) });
  return (
    <AdminLayout ctx={ctx} title={title} current="partnerships" crumbs={crumbsOf(ctx, p, { label: tr(EV.heading, lang) })} notice={props.notice}>
      <h1>{title}</h1>
      <dl class="summary-list">
        <dt>{tr(EV.status, lang)}</dt>
        <dd>{label(PARTNERSHIP_STATUSES, p.status, lang)}</dd>
        <dt>{tr(EV.last, lang)}</dt>
        <dd>{status?.lastEvaluatedOn ? formatDate(lang, status.lastEvaluatedOn) : tr(EV.never, lang)}</dd>
        {status?.dueOn && (
          <>
            <dt>{tr(EV.next, lang)}</dt>
            <dd>
              {formatDate(lang, status.dueOn)} <StateTag lang={lang} state={status.state} />
            </dd>
          </>
        )}
      </dl>
      {p.status === 'ended' && <p class="notice">{props.endedOn ? tr(EV.ended, lang, { date: formatDate(lang, props.endedOn) }) : tr(EV.endedNoDate, lang)}</p>}
      {status && !status.lastEvaluatedOn && <p>{tr(EV.startedOn, lang, { date: formatDate(lang, status.startedOn) })}</p>}
      <div class="button-group">
        {may.edit && (
          <a class="button" href={partnershipHref(lang, slug, p.id, '/utvarderingar/ny')}>
            {tr(EV.newEvaluation, lang)}
          </a>
        )}
        {may.decide && p.status !== 'ended' && (
          <a class="button button--secondary" href={partnershipHref(lang, slug, p.id, '/avsluta')}>
            {tr(EV.endPartnership, lang)}
          </a>
        )}
      </div>
      <h2>{tr(EV.heading, lang)}</h2>
      {evaluations.length === 0 ? (
        <p>{tr(EV.noEvaluations, lang)}</p>
      ) : (
        <div class="table-wrap">
          <table class="data">
            <caption class="visually-hidden">{tr(EV.heading, lang)}</caption>
            <thead>
              <tr>
                <th scope="col">{tr(EV.evaluatedOn, lang)}</th>
                <th scope="col">{tr(EV.period, lang)}</th>
                <th scope="col">{tr(EV.recommendation, lang)}</th>
                <th scope="col" class="num">
                  {tr(EV.exchanges, lang)}
                </th>
                <th scope="col" class="num">
                  {tr(EV.projects, lang)}
                </th>
                <th scope="col" class="num">
                  {tr(EV.visits, lang)}
                </th>
              </tr>
            </thead>
            <tbody>
              {evaluations.map((e) => (
                <tr>
                  <td>
                    <a href={partnershipHref(lang, slug, p.id, `/utvarderingar/${e.id}`)}>{formatDate(lang, e.evaluated_on)}</a>
                  </td>
                  <td>{tr(EV.periodText, lang, { from: formatDate(lang, e.period_start), to: formatDate(lang, e.period_end) })}</td>
                  <td>{tr(RECOMMENDATIONS[e.recommendation], lang)}</td>
                  <td class="num">{formatNumber(lang, e.exchanges)}</td>
                  <td class="num">{formatNumber(lang, e.projects)}</td>
                  <td class="num">{formatNumber(lang, e.visits)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <a href={adminHref(lang, `/${slug}/utvarderingar`)}>{tr(EV.allEvaluations, lang)}</a>
      </p>
    </AdminLayout>
  );
}

function ActivityTable(props: { lang: Lang; counts: ActivityCounts; start: string; end: string }) {
  const { lang, counts } = props;
  const rows: [string, number][] = [
    [tr(EV.exchanges, lang), counts.exchanges],
    [tr(EV.projects, lang), counts.projects],
    [tr(EV.visits, lang), counts.visits],
    [tr(EV.events, lang), counts.events],
  ];
  return (
    <div class="table-wrap">
      <table class="data">
        <caption>{tr(EV.activityCaption, lang, { from: formatDate(lang, props.start), to: formatDate(lang, props.end) })}</caption>
        <thead>
          <tr>
            <th scope="col">{tr(EV.activityHeading, lang)}</th>
            <th scope="col" class="num">
              {tr(EV.count, lang)}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, n]) => (
            <tr>
              <th scope="row">{name}</th>
              <td class="num">{formatNumber(lang, n)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The form of a new evaluation: the period, the activity counted for it (read-only), the assessment. */
export function EvaluationFormPage(props: { ctx: AdminPageContext; p: PartnershipRef; values: FormValues; errors: FormErrors; counts: ActivityCounts | undefined; period: { start: string; end: string } | undefined }) {
  const { ctx, p, values, errors } = props;
  const { lang } = ctx;
  const slug = slugOf(ctx);
  const v = (k: string) => str(values, k);
  const title = tr(EV.formTitle, lang, { title: titleOf(p, lang) });
  return (
    <AdminLayout ctx={ctx} title={title} current="partnerships" crumbs={crumbsOf(ctx, p, { href: partnershipHref(lang, slug, p.id, '/utvarderingar'), label: tr(EV.heading, lang) }, { label: tr(EV.newEvaluation, lang) })}>
      <FormErrorSummary lang={lang} errors={errors} />
      <h1>{title}</h1>
      <p class="lead">{tr(EV.formLead, lang)}</p>
      <AdminForm action={partnershipHref(lang, slug, p.id, '/utvarderingar/ny')} csrf={ctx.actor!.csrfToken}>
        <TextField name="evaluated_on" type="date" width="w-short" label={L('evaluated_on', lang)} hint={tr(HINTS.date, lang)} lang={lang} value={v('evaluated_on')} error={errors.evaluated_on} />
        <fieldset class="fieldset">
          <legend class="field-label">{tr(EV.periodLegend, lang)}</legend>
          <TextField name="period_start" type="date" width="w-short" label={L('period_start', lang)} lang={lang} value={v('period_start')} error={errors.period_start} />
          <TextField name="period_end" type="date" width="w-short" label={L('period_end', lang)} lang={lang} value={v('period_end')} error={errors.period_end} />
          <button type="submit" name="do" value="recount" class="button button--secondary">
            {tr(EV.recount, lang)}
          </button>
        </fieldset>
        <section aria-labelledby="activity-heading">
          <h2 id="activity-heading">{tr(EV.activityHeading, lang)}</h2>
          {props.counts && props.period && <ActivityTable lang={lang} counts={props.counts} start={props.period.start} end={props.period.end} />}
          <details>
            <summary>{tr(EV.countRuleHeading, lang)}</summary>
            <ul>
              {EV.countRules.map((r) => (
                <li>{tr(r, lang)}</li>
              ))}
            </ul>
          </details>
        </section>
        <TextArea name="benefit_residents_sv" label={L('benefit_residents_sv', lang)} hint={tr(HINTS.benefit_residents_sv, lang)} lang={lang} value={v('benefit_residents_sv')} error={errors.benefit_residents_sv} rows={4} />
        <TextArea name="benefit_organisation_sv" label={L('benefit_organisation_sv', lang)} hint={tr(HINTS.benefit_organisation_sv, lang)} lang={lang} value={v('benefit_organisation_sv')} error={errors.benefit_organisation_sv} rows={4} />
        <TextField name="costs" width="w-medium" inputmode="decimal" label={L('costs', lang)} hint={tr(HINTS.costs, lang)} lang={lang} value={v('costs')} error={errors.costs} optional />
        <TextArea name="costs_sv" label={L('costs_sv', lang)} lang={lang} value={v('costs_sv')} error={errors.costs_sv} rows={2} optional />
        <TextArea name="partner_view_sv" label={L('partner_view_sv', lang)} hint={tr(HINTS.partner_view_sv, lang)} lang={lang} value={v('partner_view_sv')} error={errors.partner_view_sv} rows={3} optional />
        <ChoiceGroup
          name="recommendation"
          legend={L('recommendation', lang)}
          lang={lang}
          type="radio"
          options={RECOMMENDATION_VALUES.map((r) => ({ value: r, label: tr(RECOMMENDATIONS[r], lang) }))}
          values={[v('recommendation')]}
          error={errors.recommendation}
        />
        <TextArea name="recommendation_sv" label={L('recommendation_sv', lang)} lang={lang} value={v('recommendation_sv')} error={errors.recommendation_sv} rows={4} />
        <div class="button-group">
          <button type="submit" name="do" value="save" class="button">
            {tr(EV.save, lang)}
          </button>
          <a href={partnershipHref(lang, slug, p.id, '/utvarderingar')}>{tr(EV.cancel, lang)}</a>
        </div>
      </AdminForm>
    </AdminLayout>
  );
}

/** One recorded evaluation. */
export function EvaluationPage(props: { ctx: AdminPageContext; p: PartnershipRef; e: EvaluationRow; decision: string | null; may: { decide: boolean }; notice?: string }) {
  const { ctx, p, e } = props;
  const { lang } = ctx;
  const slug = slugOf(ctx);
  const title = tr(EV.evaluationOf, lang, { date: formatDate(lang, e.evaluated_on) });
  const none = tr(EV.notStated, lang);
  const sv = lang === 'en' ? 'sv' : undefined;
  return (
    <AdminLayout ctx={ctx} title={title} current="partnerships" crumbs={crumbsOf(ctx, p, { href: partnershipHref(lang, slug, p.id, '/utvarderingar'), label: tr(EV.heading, lang) }, { label: title })} notice={props.notice}>
      <h1>{title}</h1>
      <dl class="summary-list">
        <dt>{tr(EV.partnership, lang)}</dt>
        <dd>
          <a href={partnershipHref(lang, slug, p.id)}>{titleOf(p, lang)}</a>
        </dd>
        <dt>{tr(EV.period, lang)}</dt>
        <dd>{tr(EV.periodText, lang, { from: formatDate(lang, e.period_start), to: formatDate(lang, e.period_end) })}</dd>
        <dt>{tr(EV.recommendation, lang)}</dt>
        <dd>{tr(RECOMMENDATIONS[e.recommendation], lang)}</dd>
        {props.decision && (
          <>
            <dt>{tr(EV.decision, lang)}</dt>
            <dd>{props.decision}</dd>
          </>
        )}
        {e.recordedBy && (
          <>
            <dt>{tr(EV.recordedBy, lang)}</dt>
            <dd>{e.recordedBy}</dd>
          </>
        )}
      </dl>
      {e.recommendation === 'end' && p.status !== 'ended' && props.may.decide && (
        <p class="notice notice--warn">
          {tr(EV.endHint, lang)} <a href={partnershipHref(lang, slug, p.id, '/avsluta')}>{tr(EV.endPartnership, lang)}</a>
        </p>
      )}
      <h2>{tr(EV.activityHeading, lang)}</h2>
      <ActivityTable lang={lang} counts={e} start={e.period_start} end={e.period_end} />
      <h2>{L('benefit_residents_sv', lang)}</h2>
      <p class="pre-line" lang={sv}>
        {e.benefit_residents_sv || none}
      </p>
      <h2>{L('benefit_organisation_sv', lang)}</h2>
      <p class="pre-line" lang={sv}>
        {e.benefit_organisation_sv || none}
      </p>
      <h2>{L('costs', lang)}</h2>
      <p>{e.costs_minor === null ? tr(EV.costsNone, lang) : formatMoney(lang, e.costs_minor, 'SEK')}</p>
      {e.costs_sv && (
        <p class="pre-line" lang={sv}>
          {e.costs_sv}
        </p>
      )}
      <h2>{L('partner_view_sv', lang)}</h2>
      <p class="pre-line" lang={sv}>
        {e.partner_view_sv ?? none}
      </p>
      <h2>{L('recommendation_sv', lang)}</h2>
      <p class="pre-line" lang={sv}>
        {e.recommendation_sv || none}
      </p>
    </AdminLayout>
  );
}

/** Ending a partnership: choose a recorded decision or record one on the same form. */
export function EndingPage(props: { ctx: AdminPageContext; p: PartnershipRef; choices: EndingChoices; values: FormValues; errors: FormErrors }) {
  const { ctx, p, choices, values, errors } = props;
  const { lang } = ctx;
  const slug = slugOf(ctx);
  const v = (k: string) => str(values, k);
  const title = tr(EV.endTitle, lang, { title: titleOf(p, lang) });
  return (
    <AdminLayout ctx={ctx} title={title} current="partnerships" crumbs={crumbsOf(ctx, p, { label: tr(EV.endPartnership, lang) })}>
      <FormErrorSummary lang={lang} errors={errors} />
      <h1>{title}</h1>
      {p.status === 'ended' ? (
        <p class="notice">{tr(EV.alreadyEnded, lang)}</p>
      ) : (
        <>
          <p class="lead">{tr(EV.endLead, lang)}</p>
          <AdminForm action={partnershipHref(lang, slug, p.id, '/avsluta')} csrf={ctx.actor!.csrfToken}>
            <fieldset class="fieldset">
              <legend class="field-label">{tr(EV.existingLegend, lang)}</legend>
              <SelectField
                name="decision_id"
                label={tr(EV.existingDecision, lang)}
                lang={lang}
                value={v('decision_id')}
                error={errors.decision_id}
                emptyLabel={tr(EV.noExisting, lang)}
                options={choices.decisions.map((d) => ({ value: String(d.id), label: decisionLabel(d, lang) }))}
              />
            </fieldset>
            <fieldset class="fieldset">
              <legend class="field-label">{tr(EV.newLegend, lang)}</legend>
              <p class="field-hint">{tr(EV.newHint, lang)}</p>
              <SelectField name="body_id" label={tr(EV.body, lang)} lang={lang} value={v('body_id')} error={errors.body_id} emptyLabel={tr(EV.chooseBody, lang)} options={choices.bodies.map((b) => ({ value: String(b.id), label: pick(lang, b.name_sv, b.name_en) }))} />
              <TextField name="decided_on" type="date" width="w-short" label={tr(EV.decidedOn, lang)} hint={tr(HINTS.date, lang)} lang={lang} value={v('decided_on')} error={errors.decided_on} />
              <TextField name="paragraph" width="w-short" label={tr(EV.paragraph, lang)} hint={tr(EV.paragraphHint, lang)} lang={lang} value={v('paragraph')} error={errors.paragraph} />
              <TextField name="registry_number" width="w-medium" label={tr(EV.registryNumber, lang)} hint={tr(EV.registryHint, lang)} lang={lang} value={v('registry_number')} error={errors.registry_number} optional />
              <TextField name="subject_sv" width="w-long" label={tr(EV.subject, lang)} lang={lang} value={v('subject_sv')} error={errors.subject_sv} />
            </fieldset>
            <div class="button-group">
              <button type="submit" class="button button--warning">
                {tr(EV.endButton, lang)}
              </button>
              <a href={partnershipHref(lang, slug, p.id, '/utvarderingar')}>{tr(EV.cancel, lang)}</a>
            </div>
          </AdminForm>
        </>
      )}
    </AdminLayout>
  );
}
