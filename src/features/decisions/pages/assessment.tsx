/**
 * The assessment form before a decision (AR-2, AL-7), for projects (`/:kommun/projekt/:id/bedomning`)
 * and partnerships (`/:kommun/samarbeten/:id/bedomning`); activating a proposed partnership
 * (`/:kommun/samarbeten/:id/aktivera`); the partnership's draft decision document.
 */
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../../app-env.js';
import type { AssessmentRecommendation } from '../../../db/schema.js';
import { AppError } from '../../../errors/index.js';
import { formatDate, type Lang } from '../../../i18n/index.js';
import { label, PARTNERSHIP_STATUSES } from '../../../i18n/labels.js';
import { AdminForm, FormErrorSummary, type FormErrors, type FormValues, str, TextArea, TextField } from '../../../ui/forms.js';
import { idParam, noticeOf, readForm, requireAdminMunicipality } from '../../admin/context.js';
import { AdminLayout, adminCrumbs, adminPageContext } from '../../admin/layout.js';
import { can, recordNotFound } from '../../policy/policy.js';
import { type AssessedEntity, type AssessmentInput, activatePartnership, loadPartnershipActivationState, projectCommitments, saveAssessment } from '../assessment.js';
import { buildDecisionDocument, DOCX_MEDIA_TYPE, partnershipDocumentData } from '../document.js';
import { hours, kr, orgName } from '../explain.js';
import { M, NOTICES, RECOMMENDATION_LABELS } from '../messages.js';
import { type AssessmentRow, findAssessment, findPartnership, findProject, loadInternalOrganisations, loadSettings } from '../repository.js';
import { DecisionsTable, kronorValue, mHref, parseHours, parseKronor, RadioList } from './common.js';

const RECOMMENDATIONS = Object.keys(RECOMMENDATION_LABELS) as AssessmentRecommendation[];
const TEXT_FIELDS = ['total_benefit', 'citizen_perspective', 'operations_fit', 'strategy_fit', 'risks', 'recommendation_text'] as const;
const MAX_TEXT = 10_000;

interface Subject {
  entity: AssessedEntity;
  id: number;
  title: string;
  ownerUnitId: number | null;
  /** Base path of the record's pages. */
  base: string;
}

function valuesOf(a: AssessmentRow | undefined): FormValues {
  return {
    total_benefit: a?.total_benefit ?? '',
    citizen_perspective: a?.citizen_perspective ?? '',
    operations_fit: a?.operations_fit ?? '',
    strategy_fit: a?.strategy_fit ?? '',
    risks: a?.risks ?? '',
    recommendation: a?.recommendation ?? '',
    recommendation_text: a?.recommendation_text ?? '',
    cash: a?.cash_minor != null ? kronorValue(a.cash_minor) : '',
    staff_hours: a?.staff_hours != null ? String(a.staff_hours).replace('.', ',') : '',
  };
}

export function assessmentRoutes(lang: Lang): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const sv = lang === 'sv';

  const subjectOf = async (c: Context<AppEnv>, entity: AssessedEntity) => {
    const scope = await requireAdminMunicipality(c);
    const id = idParam(c);
    const db = c.var.handle.db;
    const record = entity === 'project' ? await findProject(db, scope.municipality.id, id) : await findPartnership(db, scope.municipality.id, id);
    if (!record) throw recordNotFound(lang);
    const subject: Subject = { entity, id, title: record.title_sv, ownerUnitId: record.owner_unit_id, base: entity === 'project' ? `/projekt/${id}` : `/samarbeten/${id}` };
    return { ...scope, subject };
  };

  const form = async (c: Context<AppEnv>, entity: AssessedEntity, status: 200 | 400, values?: FormValues, errors: FormErrors = {}) => {
    const { actor, municipality: m, subject } = await subjectOf(c, entity);
    const db = c.var.handle.db;
    const assessment = await findAssessment(db, m.id, entity, subject.id);
    const v = values ?? valuesOf(assessment);
    const target = { municipalityId: m.id, ownerUnitId: subject.ownerUnitId };
    const canEdit = can(actor, 'edit', target);
    const canComplete = can(actor, 'decide', target);
    const ctx = await adminPageContext(c, m);
    const title = `${M.assessmentTitle[lang]}: ${subject.title}`;
    const commitments = entity === 'project' ? await projectCommitments(db, m.id, subject.id) : undefined;
    const hourCost = commitments?.staffHourCostMinor ?? (await loadSettings(db, m.id)).staffHourCostMinor;
    const listHref = entity === 'project' ? '/projekt' : '/samarbeten';
    const listLabel = entity === 'project' ? (sv ? 'Projekt' : 'Projects') : sv ? 'Vänorter och samarbeten' : 'Twin towns and partnerships';
    const text = (name: (typeof TEXT_FIELDS)[number], labelText: string, hint?: string) => (
      <TextArea name={name} label={labelText} hint={hint} lang={lang} value={str(v, name)} error={errors[name]} rows={name === 'recommendation_text' ? 4 : 5} />
    );
    const cashTyped = parseKronor(str(v, 'cash'));
    const hoursTyped = parseHours(str(v, 'staff_hours'));
    c.status(status);
    return c.html(
      <AdminLayout
        ctx={ctx}
        title={title}
        current={entity === 'project' ? 'projects' : 'partnerships'}
        crumbs={adminCrumbs(ctx, { href: mHref(lang, m, listHref), label: listLabel }, { href: mHref(lang, m, subject.base), label: subject.title }, { label: M.assessmentTitle[lang] })}
        notice={status === 200 ? noticeOf(c, NOTICES) : undefined}
      >
        <h1>{title}</h1>
        <p class="lead">{M.assessmentIntro[lang]}</p>
        {assessment?.completed_at && status === 200 && (
          <p>
            <span class="tag tag--published">{M.assessmentDone[lang]}</span> {formatDate(lang, assessment.completed_at.slice(0, 10))}
          </p>
        )}
        <FormErrorSummary lang={lang} errors={errors} />
        <AdminForm action={mHref(lang, m, `${subject.base}/bedomning`)} csrf={actor.csrfToken}>
          {text('total_benefit', M.totalBenefit[lang], M.totalBenefitHint[lang])}
          <h2>{M.economy[lang]}</h2>
          {commitments ? (
            <>
              <p>{M.economyFromFunding[lang]}</p>
              <dl class="summary-list">
                <dt>{M.cash[lang]}</dt>
                <dd>{kr(lang, commitments.cashMinor)}</dd>
                <dt>{M.staffHours[lang]}</dt>
                <dd>{hours(lang, commitments.staffHours)}</dd>
                <dt>{M.staffValue[lang]}</dt>
                <dd>{`${kr(lang, commitments.staffValueMinor)} (${kr(lang, hourCost)} / ${sv ? 'timme' : 'hour'})`}</dd>
                <dt>{M.total[lang]}</dt>
                <dd>
                  <strong>{kr(lang, commitments.totalMinor)}</strong>
                </dd>
              </dl>
            </>
          ) : (
            <>
              <TextField name="cash" label={M.cashField[lang]} hint={M.cashHint[lang]} lang={lang} value={str(v, 'cash')} error={errors.cash} inputmode="decimal" width="w-short" />
              <TextField name="staff_hours" label={M.hoursField[lang]} hint={M.hoursHint[lang]} lang={lang} value={str(v, 'staff_hours')} error={errors.staff_hours} inputmode="decimal" width="w-short" />
              <p>
                {`${M.staffValue[lang]}: ${kr(lang, Math.round((hoursTyped ?? 0) * hourCost))} (${kr(lang, hourCost)} / ${sv ? 'timme' : 'hour'}). ${M.total[lang]}: ${kr(lang, (cashTyped ?? 0) + Math.round((hoursTyped ?? 0) * hourCost))}.`}
              </p>
            </>
          )}
          {text('citizen_perspective', M.citizen[lang], M.citizenHint[lang])}
          {text('operations_fit', M.operationsFit[lang], M.operationsFitHint[lang])}
          {text('strategy_fit', M.strategyFit[lang])}
          {text('risks', M.risks[lang], M.risksHint[lang])}
          <RadioList name="recommendation" legend={M.recommendation[lang]} lang={lang} options={RECOMMENDATIONS.map((r) => ({ value: r, label: RECOMMENDATION_LABELS[r][lang] }))} value={str(v, 'recommendation')} error={errors.recommendation} />
          {text('recommendation_text', M.recommendationText[lang], M.recommendationTextHint[lang])}
          {canEdit || canComplete ? (
            <div class="button-group">
              {canEdit && (
                <button type="submit" name="intent" value="draft" class={canComplete ? 'button button--secondary' : 'button'}>
                  {M.saveDraft[lang]}
                </button>
              )}
              {canComplete && (
                <button type="submit" name="intent" value="complete" class="button">
                  {M.saveComplete[lang]}
                </button>
              )}
            </div>
          ) : null}
          {canEdit && !canComplete && <p class="muted">{M.completeNeedsDecide[lang]}</p>}
        </AdminForm>
        <ul class="link-list">
          <li>
            <a href={mHref(lang, m, `${subject.base}/tjansteskrivelse.docx`)} download>
              {M.documentLink[lang]}
            </a>
          </li>
          <li>
            <a href={mHref(lang, m, entity === 'project' ? `${subject.base}/beslutsvag` : `${subject.base}/aktivera`)}>{entity === 'project' ? M.routeTitle[lang] : M.activateTitle[lang]}</a>
          </li>
        </ul>
      </AdminLayout>,
    );
  };

  const parse = (entity: AssessedEntity, values: FormValues): { input?: AssessmentInput; errors: FormErrors } => {
    const errors: FormErrors = {};
    const txt = (name: (typeof TEXT_FIELDS)[number]) => {
      const s = str(values, name).trim();
      if (s.length > MAX_TEXT) errors[name] = sv ? `Texten får ha högst ${MAX_TEXT} tecken.` : `The text must be ${MAX_TEXT} characters or fewer.`;
      return s || null;
    };
    const recommendation = str(values, 'recommendation');
    if (recommendation && !RECOMMENDATIONS.includes(recommendation as AssessmentRecommendation)) errors.recommendation = sv ? 'Välj en av rekommendationerna.' : 'Choose one of the recommendations.';
    let cashMinor: number | null = null;
    let staffHours: number | null = null;
    if (entity === 'partnership') {
      const rawCash = str(values, 'cash');
      if (rawCash.trim()) {
        const v = parseKronor(rawCash);
        if (v === undefined || v > 1_000_000_000_00) errors.cash = sv ? 'Skriv beloppet i kronor med siffror, till exempel 120 000.' : 'Write the amount in kronor in figures, for example 120 000.';
        else cashMinor = v;
      }
      const rawHours = str(values, 'staff_hours');
      if (rawHours.trim()) {
        const v = parseHours(rawHours);
        if (v === undefined) errors.staff_hours = sv ? 'Skriv antalet timmar med siffror, till exempel 200.' : 'Write the number of hours in figures, for example 200.';
        else staffHours = v;
      }
    }
    const input: AssessmentInput = {
      totalBenefit: txt('total_benefit'),
      citizenPerspective: txt('citizen_perspective'),
      operationsFit: txt('operations_fit'),
      strategyFit: txt('strategy_fit'),
      risks: txt('risks'),
      recommendation: (recommendation || null) as AssessmentRecommendation | null,
      recommendationText: txt('recommendation_text'),
      cashMinor,
      staffHours,
    };
    return Object.keys(errors).length ? { errors } : { input, errors };
  };

  const post = async (c: Context<AppEnv>, entity: AssessedEntity) => {
    const { actor, municipality: m, subject } = await subjectOf(c, entity);
    const values = await readForm(c);
    const intent = str(values, 'intent') === 'complete' ? 'complete' : 'draft';
    const { input, errors } = parse(entity, values);
    if (!input) return form(c, entity, 400, values, errors);
    try {
      await saveAssessment(c.var.handle.db, { actor, municipalityId: m.id, entity, entityId: subject.id, input, complete: intent === 'complete', lang });
    } catch (e) {
      if (e instanceof AppError && e.status === 400 && e.fieldErrors.length) {
        return form(c, entity, 400, values, Object.fromEntries(e.fieldErrors.map((f) => [f.field, f.message])));
      }
      throw e;
    }
    return c.redirect(`${mHref(lang, m, `${subject.base}/bedomning`)}?klart=${intent === 'complete' ? 'assessment_complete' : 'assessment'}`, 303);
  };

  app.get('/:kommun/projekt/:id/bedomning', (c) => form(c, 'project', 200));
  app.post('/:kommun/projekt/:id/bedomning', (c) => post(c, 'project'));
  app.get('/:kommun/samarbeten/:id/bedomning', (c) => form(c, 'partnership', 200));
  app.post('/:kommun/samarbeten/:id/bedomning', (c) => post(c, 'partnership'));

  // ── Activating a partnership (AR-2) ───────────────────────────────────────
  const activation = async (c: Context<AppEnv>, status: 200 | 409, error?: string) => {
    const { actor, municipality: m } = await requireAdminMunicipality(c);
    const state = await loadPartnershipActivationState(c.var.handle.db, m.id, idParam(c));
    if (!state) throw recordNotFound(lang);
    const p = state.partnership;
    const target = { municipalityId: m.id, ownerUnitId: p.owner_unit_id };
    const ctx = await adminPageContext(c, m);
    const title = `${M.activateTitle[lang]}: ${p.title_sv}`;
    const check = (ok: boolean, text: string) => (
      <li>
        {text}: <strong>{ok ? M.fulfilled[lang] : M.notFulfilled[lang]}</strong>
      </li>
    );
    c.status(status);
    return c.html(
      <AdminLayout
        ctx={ctx}
        title={title}
        current="partnerships"
        crumbs={adminCrumbs(ctx, { href: mHref(lang, m, '/samarbeten'), label: sv ? 'Vänorter och samarbeten' : 'Twin towns and partnerships' }, { href: mHref(lang, m, `/samarbeten/${p.id}`), label: p.title_sv }, { label: M.activateTitle[lang] })}
        notice={status === 200 ? noticeOf(c, NOTICES) : undefined}
      >
        <h1>{title}</h1>
        {error && <FormErrorSummary lang={lang} errors={[{ field: 'activate', message: error }]} />}
        <p class="lead">{M.activateIntro[lang]}</p>
        <dl class="summary-list">
          <dt>{M.partnershipStatus[lang]}</dt>
          <dd>
            <span class="tag">{label(PARTNERSHIP_STATUSES, p.status, lang)}</span>
          </dd>
        </dl>
        <ul>
          {check(state.assessmentComplete, M.conditionAssessment[lang])}
          {check(state.approved, M.conditionDecision[lang])}
        </ul>
        <p>
          <a href={mHref(lang, m, `/samarbeten/${p.id}/bedomning`)}>{M.assessmentTitle[lang]}</a>
        </p>
        <h2>{M.decisionsTitle[lang]}</h2>
        {state.decisions.length === 0 ? <p>{M.decisionsEmpty[lang]}</p> : <DecisionsTable lang={lang} m={m} rows={state.decisions} caption={M.decisionsTitle[lang]} />}
        {can(actor, 'decide', target) && (
          <>
            <p>
              <a class="button button--secondary" href={`${mHref(lang, m, '/beslut/ny')}?samarbete=${p.id}`}>
                {M.recordPartnershipDecision[lang]}
              </a>
            </p>
            {p.status === 'proposed' && (
              <AdminForm action={mHref(lang, m, `/samarbeten/${p.id}/aktivera`)} csrf={actor.csrfToken}>
                <div class="button-group" id="activate" tabindex={-1}>
                  <button type="submit" class="button">
                    {M.activateButton[lang]}
                  </button>
                </div>
              </AdminForm>
            )}
          </>
        )}
      </AdminLayout>,
    );
  };

  app.get('/:kommun/samarbeten/:id/aktivera', (c) => activation(c, 200));
  app.post('/:kommun/samarbeten/:id/aktivera', async (c) => {
    const { actor, municipality: m } = await requireAdminMunicipality(c);
    const id = idParam(c);
    try {
      await activatePartnership(c.var.handle.db, { actor, municipalityId: m.id, partnershipId: id, lang });
    } catch (e) {
      if (e instanceof AppError && e.status === 409) return activation(c, 409, e.detail);
      throw e;
    }
    return c.redirect(`${mHref(lang, m, `/samarbeten/${id}/aktivera`)}?klart=activated`, 303);
  });

  app.get('/:kommun/samarbeten/:id/tjansteskrivelse.docx', async (c) => {
    const { actor, municipality: m } = await requireAdminMunicipality(c);
    const db = c.var.handle.db;
    const state = await loadPartnershipActivationState(db, m.id, idParam(c));
    if (!state) throw recordNotFound(lang);
    const unit = state.partnership.owner_unit_id != null ? (await loadInternalOrganisations(db, m.id)).find((o) => o.id === state.partnership.owner_unit_id) : undefined;
    const buf = await buildDecisionDocument(await partnershipDocumentData(db, state, m.name_sv, unit ? orgName(unit, 'sv') : null, actor.name));
    return c.body(new Uint8Array(buf), 200, {
      'Content-Type': DOCX_MEDIA_TYPE,
      'Content-Disposition': `attachment; filename="tjansteskrivelse-samarbete-${state.partnership.id}.docx"`,
      'Content-Length': String(buf.length),
    });
  });

  return app;
}
