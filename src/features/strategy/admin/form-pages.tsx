/** The strategy back office's forms (facts, review) and its versions pages. */
import type { Child } from 'hono/jsx';
import { formatDate } from '../../../i18n/index.js';
import { AdminForm, ChoiceGroup, FormErrorSummary, type FormErrors, type FormValues, str, TextArea, TextField } from '../../../ui/forms.js';
import { adminHref } from '../../admin/context.js';
import { AdminLayout, type AdminPageContext, adminCrumbs } from '../../admin/layout.js';
import { RecordFormPage, Row } from '../../registry/ui.js';
import { FIELD_HINTS, FIELD_LABELS, FORM, HISTORY, OUTCOME_LABELS, REVIEW, S, STATUS_LABELS, STRATEGY_PAGE, tr } from './messages.js';
import { GoalTree, strategyBase, strategyTitle, TableWrap } from './pages.js';
import type { listVersions, StrategyRecord, TreeGoal } from './repository.js';

const href = (ctx: AdminPageContext, rest = '') => adminHref(ctx.lang, `${strategyBase(ctx)}${rest}`);
const listCrumb = (ctx: AdminPageContext) => ({ href: href(ctx), label: tr(S.title, ctx.lang) });

// ── Forms ─────────────────────────────────────────────────────────────────────

export function strategyFormValues(s: StrategyRecord): FormValues {
  return {
    title_sv: s.title_sv,
    title_en: s.title_en ?? '',
    vision_sv: s.vision_sv ?? '',
    vision_en: s.vision_en ?? '',
    adopted_by: s.adopted_by ?? '',
    adopted_on: s.adopted_on ?? '',
    minute_paragraph: s.minute_paragraph ?? '',
    registry_number: s.registry_number ?? '',
    responsibilities_sv: s.responsibilities_sv ?? '',
    responsibilities_en: s.responsibilities_en ?? '',
    body_sv: s.body_sv ?? '',
    summary_en: s.summary_en ?? '',
    version: s.updated_at,
  };
}

export function StrategyFormPage(props: { ctx: AdminPageContext; strategy?: StrategyRecord; values: FormValues; errors: FormErrors; lead?: string }) {
  const { ctx, strategy, values, errors } = props;
  const { lang } = ctx;
  const v = (k: string) => str(values, k);
  const L = (k: string) => tr(FIELD_LABELS[k]!, lang);
  const H = (k: keyof typeof FIELD_HINTS) => tr(FIELD_HINTS[k], lang);
  const name = strategy ? strategyTitle(strategy, lang) : '';
  return (
    <RecordFormPage
      ctx={ctx}
      current="strategy"
      base={strategyBase(ctx)}
      listLabel={tr(S.title, lang)}
      newLabel={tr(FORM.newTitle, lang)}
      record={strategy && { id: strategy.id, name, title: tr(FORM.editTitle, lang, { name }) }}
      version={v('version')}
      errors={errors}
    >
      <p class="lead">{props.lead ?? (strategy ? tr(FORM.editLead, lang) : tr(FORM.newLead, lang))}</p>
      <TextField name="title_sv" label={L('title_sv')} lang={lang} value={v('title_sv')} error={errors.title_sv} />
      <TextField name="title_en" label={L('title_en')} lang={lang} value={v('title_en')} error={errors.title_en} optional />
      <TextArea name="vision_sv" label={L('vision_sv')} hint={H('vision_sv')} lang={lang} value={v('vision_sv')} error={errors.vision_sv} optional rows={2} />
      <TextArea name="vision_en" label={L('vision_en')} lang={lang} value={v('vision_en')} error={errors.vision_en} optional rows={2} />
      <fieldset class="fieldset">
        <legend class="field-label">{tr(FORM.decision, lang)}</legend>
        <TextField name="adopted_by" label={L('adopted_by')} hint={H('adopted_by')} lang={lang} value={v('adopted_by')} error={errors.adopted_by} optional width="w-medium" />
        <TextField name="adopted_on" label={L('adopted_on')} hint={H('adopted_on')} lang={lang} value={v('adopted_on')} error={errors.adopted_on} optional width="w-short" />
        <TextField name="minute_paragraph" label={L('minute_paragraph')} hint={H('minute_paragraph')} lang={lang} value={v('minute_paragraph')} error={errors.minute_paragraph} optional width="w-short" />
        <TextField name="registry_number" label={L('registry_number')} hint={H('registry_number')} lang={lang} value={v('registry_number')} error={errors.registry_number} optional width="w-medium" />
      </fieldset>
      <TextArea name="responsibilities_sv" label={L('responsibilities_sv')} hint={H('responsibilities_sv')} lang={lang} value={v('responsibilities_sv')} error={errors.responsibilities_sv} optional rows={5} />
      <TextArea name="responsibilities_en" label={L('responsibilities_en')} lang={lang} value={v('responsibilities_en')} error={errors.responsibilities_en} optional rows={3} />
      <TextArea name="body_sv" label={L('body_sv')} hint={H('body_sv')} lang={lang} value={v('body_sv')} error={errors.body_sv} optional rows={8} />
      <TextArea name="summary_en" label={L('summary_en')} lang={lang} value={v('summary_en')} error={errors.summary_en} optional rows={4} />
    </RecordFormPage>
  );
}

export function ReviewFormPage(props: { ctx: AdminPageContext; strategy: StrategyRecord; values: FormValues; errors: FormErrors }) {
  const { ctx, strategy, values, errors } = props;
  const { lang } = ctx;
  const name = strategyTitle(strategy, lang);
  const title = tr(REVIEW.title, lang, { name });
  const back = href(ctx, `/${strategy.id}`);
  return (
    <AdminLayout ctx={ctx} title={title} current="strategy" crumbs={adminCrumbs(ctx, listCrumb(ctx), { href: back, label: name }, { label: tr(STRATEGY_PAGE.recordReview, lang) })}>
      <FormErrorSummary lang={lang} errors={errors} />
      <h1>{title}</h1>
      <p class="lead">{tr(REVIEW.lead, lang)}</p>
      <AdminForm action={href(ctx, `/${strategy.id}/oversyn`)} csrf={ctx.actor!.csrfToken}>
        <TextField name="reviewed_on" label={tr(REVIEW.reviewed_on, lang)} hint={tr(REVIEW.reviewedOnHint, lang)} lang={lang} value={str(values, 'reviewed_on')} error={errors.reviewed_on} width="w-short" />
        <ChoiceGroup
          name="outcome"
          legend={tr(REVIEW.outcome, lang)}
          lang={lang}
          type="radio"
          options={(['unchanged', 'revise'] as const).map((o) => ({ value: o, label: tr(OUTCOME_LABELS[o], lang) }))}
          values={[str(values, 'outcome')]}
          error={errors.outcome}
        />
        <TextField name="decision_reference" label={tr(REVIEW.decision_reference, lang)} hint={tr(REVIEW.decisionHint, lang)} lang={lang} value={str(values, 'decision_reference')} error={errors.decision_reference} optional width="w-medium" />
        <TextArea name="note_sv" label={tr(REVIEW.note_sv, lang)} lang={lang} value={str(values, 'note_sv')} error={errors.note_sv} optional rows={4} />
        <div class="button-group">
          <button type="submit" class="button">
            {tr(REVIEW.save, lang)}
          </button>
          <a href={back}>{tr(FORM.cancel, lang)}</a>
        </div>
      </AdminForm>
    </AdminLayout>
  );
}

// ── Versions ──────────────────────────────────────────────────────────────────

export function HistoryPage(props: { ctx: AdminPageContext; strategy: StrategyRecord; versions: Awaited<ReturnType<typeof listVersions>> }) {
  const { ctx, strategy } = props;
  const { lang } = ctx;
  const name = strategyTitle(strategy, lang);
  const title = tr(HISTORY.title, lang, { name });
  const self = href(ctx, `/${strategy.id}/historik`);
  return (
    <AdminLayout ctx={ctx} title={title} current="strategy" crumbs={adminCrumbs(ctx, listCrumb(ctx), { href: href(ctx, `/${strategy.id}`), label: name }, { label: tr(STRATEGY_PAGE.history, lang) })}>
      <h1>{title}</h1>
      <p class="lead">{tr(HISTORY.lead, lang)}</p>
      {props.versions.length === 0 ? (
        <p>{tr(HISTORY.none, lang)}</p>
      ) : (
        <TableWrap label={tr(HISTORY.caption, lang)}>
          <table class="data">
            <caption>{tr(HISTORY.caption, lang)}</caption>
            <thead>
              <tr>
                <th scope="col" class="num">
                  {tr(HISTORY.number, lang)}
                </th>
                <th scope="col">{tr(HISTORY.when, lang)}</th>
                <th scope="col">{tr(HISTORY.who, lang)}</th>
                <th scope="col">{tr(HISTORY.note, lang)}</th>
              </tr>
            </thead>
            <tbody>
              {props.versions.map((v) => (
                <tr>
                  <td class="num">
                    <a href={`${self}?version=${v.version}`} aria-label={tr(HISTORY.show, lang, { n: v.version })}>
                      {v.version}
                    </a>
                  </td>
                  <td>{formatDate(lang, v.created_at.slice(0, 10))}</td>
                  <td>{v.actor_label}</td>
                  <td>{v.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </AdminLayout>
  );
}

export function VersionPage(props: {
  ctx: AdminPageContext;
  strategy: StrategyRecord;
  version: { version: number; created_at: string; actor_label: string; note: string | null };
  snapshot: { strategy: Partial<StrategyRecord>; goals: TreeGoal[] };
}) {
  const { ctx, strategy, version } = props;
  const { lang } = ctx;
  const name = strategyTitle(strategy, lang);
  const title = tr(HISTORY.versionTitle, lang, { n: version.version, name });
  const snap = props.snapshot.strategy;
  const none = tr(S.none_, lang);
  const self = href(ctx, `/${strategy.id}/historik`);
  const text = (v: unknown): Child => (typeof v === 'string' && v ? v : none);
  return (
    <AdminLayout
      ctx={ctx}
      title={title}
      current="strategy"
      crumbs={adminCrumbs(ctx, listCrumb(ctx), { href: href(ctx, `/${strategy.id}`), label: name }, { href: self, label: tr(STRATEGY_PAGE.history, lang) }, { label: `${tr(HISTORY.number, lang)} ${version.version}` })}
    >
      <h1>{title}</h1>
      <p class="lead">{tr(HISTORY.versionLead, lang, { n: version.version, when: formatDate(lang, version.created_at.slice(0, 10)), who: version.actor_label })}</p>
      {version.note && <p>{version.note}</p>}
      <dl class="summary-list">
        <Row term={tr(FIELD_LABELS.title_sv!, lang)}>{text(snap.title_sv)}</Row>
        <Row term={tr(STRATEGY_PAGE.status, lang)}>{snap.status && snap.status in STATUS_LABELS ? tr(STATUS_LABELS[snap.status], lang) : none}</Row>
        <Row term={tr(FIELD_LABELS.vision_sv!, lang)}>{text(snap.vision_sv)}</Row>
        <Row term={tr(FIELD_LABELS.adopted_by!, lang)}>{text(snap.adopted_by)}</Row>
        <Row term={tr(FIELD_LABELS.adopted_on!, lang)}>{typeof snap.adopted_on === 'string' && snap.adopted_on ? formatDate(lang, snap.adopted_on) : none}</Row>
        <Row term={tr(FIELD_LABELS.minute_paragraph!, lang)}>{text(snap.minute_paragraph)}</Row>
        <Row term={tr(FIELD_LABELS.registry_number!, lang)}>{text(snap.registry_number)}</Row>
      </dl>
      <h2>{tr(STRATEGY_PAGE.goals, lang)}</h2>
      {props.snapshot.goals.length === 0 ? <p>{tr(STRATEGY_PAGE.noGoals, lang)}</p> : <GoalTree goals={props.snapshot.goals} lang={lang} />}
      <p>
        <a href={self}>{tr(HISTORY.back, lang)}</a>
      </p>
    </AdminLayout>
  );
}
