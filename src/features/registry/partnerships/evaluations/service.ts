/**
 * Evaluations of partnerships and ending a partnership (AR-9).
 *
 * An evaluation stores the activity counted from the data for its period (counting.ts), the
 * benefit, the costs, the partner's view and a recommendation (continue, change, end), and adds an
 * 'evaluated' event to the partnership's timeline so the public history shows it.
 *
 * Ending needs a recorded decision: an existing decision of the municipality, or one recorded on
 * the same form. In one transaction the partnership becomes 'ended', the decision is linked
 * (partnership_decisions), an 'ended' event dated on the decision day is added, and the latest
 * evaluation, when it recommends ending, gets the decision. Publication state is unchanged: a
 * published partnership shows as ended, with its history, on the public site.
 *
 * Events written here are also added to the partnership's open revision (a draft waiting for
 * review), so publishing that draft later cannot remove them; the live row's `updated_at` is
 * touched, so an edit form opened before refuses to overwrite them (409).
 */
import type { Db } from '../../../../db/database.js';
import { nowIso } from '../../../../db/database.js';
import type { PartnershipRecommendation, PartnershipStatus } from '../../../../db/schema.js';
import { AppError } from '../../../../errors/index.js';
import type { Lang } from '../../../../i18n/index.js';
import { type FormErrors, type FormValues, str } from '../../../../ui/forms.js';
import { recordAudit } from '../../../audit/chain.js';
import { parseKronor } from '../../../budget/service.js';
import { issueRegistryNumber, normaliseRegistryNumber, registryYear } from '../../../decisions/registry.js';
import { DECIDING_KINDS, loadSettings } from '../../../decisions/repository.js';
import { type Actor, auditActor } from '../../../policy/actor.js';
import { isIsoDate } from '../../fields.js';
import type { PartnershipEventData } from '../data.js';
import { type ActivityCounts, countActivity } from './counting.js';
import { START_EVENT_KINDS } from './due.js';
import { ERR, EV, EVALUATION_LABELS, RECOMMENDATIONS, tr } from './messages.js';

export const RECOMMENDATION_VALUES = ['continue', 'change', 'end'] as const satisfies readonly PartnershipRecommendation[];

export interface PartnershipRef {
  id: number;
  municipalityId: number;
  title_sv: string;
  title_en: string | null;
  kind: string;
  status: PartnershipStatus;
  ownerUnitId: number | null;
  createdOn: string;
}

/** The municipality's partnership, or undefined (also for another municipality's). */
export async function findPartnershipRef(db: Db, municipalityId: number, id: number): Promise<PartnershipRef | undefined> {
  const p = await db
    .selectFrom('partnerships')
    .select(['id', 'municipality_id', 'title_sv', 'title_en', 'kind', 'status', 'owner_unit_id', 'created_at'])
    .where('id', '=', id)
    .where('municipality_id', '=', municipalityId)
    .executeTakeFirst();
  if (!p) return undefined;
  return {
    id: Number(p.id),
    municipalityId: Number(p.municipality_id),
    title_sv: p.title_sv,
    title_en: p.title_en,
    kind: p.kind,
    status: p.status,
    ownerUnitId: p.owner_unit_id === null ? null : Number(p.owner_unit_id),
    createdOn: p.created_at.slice(0, 10),
  };
}

/** Where the next evaluation's period starts: the latest evaluation's date, else the partnership's start. */
export async function defaultPeriodStart(db: Db, p: PartnershipRef): Promise<string> {
  const [last, start] = await Promise.all([
    db.selectFrom('partnership_evaluations').select((eb) => eb.fn.max('evaluated_on').as('d')).where('partnership_id', '=', p.id).executeTakeFirst(),
    db
      .selectFrom('partnership_events')
      .select((eb) => eb.fn.min('date_from').as('d'))
      .where('partnership_id', '=', p.id)
      .where('kind', 'in', [...START_EVENT_KINDS])
      .executeTakeFirst(),
  ]);
  return (last?.d as string | null | undefined) ?? (start?.d as string | null | undefined) ?? p.createdOn;
}

// ── Evaluations ─────────────────────────────────────────────────────────────

export interface EvaluationInput {
  evaluated_on: string;
  period_start: string;
  period_end: string;
  benefit_residents_sv: string;
  benefit_organisation_sv: string;
  costs_minor: number | null;
  costs_sv: string | null;
  partner_view_sv: string | null;
  recommendation: PartnershipRecommendation;
  recommendation_sv: string;
}

export interface EvaluationRow extends EvaluationInput, ActivityCounts {
  id: number;
  partnership_id: number;
  decision_id: number | null;
  recordedBy: string | null;
  created_at: string;
}

/** The form of a new evaluation: today, and the period from `start` to today. */
export function newEvaluationValues(start: string, today: string): FormValues {
  return { evaluated_on: today, period_start: start > today ? today : start, period_end: today };
}

/** The period typed in the form, when both ends are dates in order (for counting before saving). */
export function formPeriod(values: FormValues): { start: string; end: string } | undefined {
  const start = str(values, 'period_start').trim();
  const end = str(values, 'period_end').trim();
  return isIsoDate(start) && isIsoDate(end) && start <= end ? { start, end } : undefined;
}

/** Reads the evaluation form, every error at once. */
export function readEvaluationForm(values: FormValues, today: string, lang: Lang): { ok: true; data: EvaluationInput } | { ok: false; errors: FormErrors } {
  const errors: FormErrors = {};
  const L = (k: string) => EVALUATION_LABELS[k]![lang];
  const date = (k: string) => {
    const s = str(values, k).trim();
    if (!isIsoDate(s)) errors[k] = tr(ERR.date, lang, { label: L(k) });
    else if (s > today) errors[k] = tr(ERR.future, lang, { label: L(k) });
    return s;
  };
  const evaluatedOn = date('evaluated_on');
  const start = date('period_start');
  const end = date('period_end');
  if (!errors.period_start && !errors.period_end && start > end) errors.period_end = tr(ERR.periodOrder, lang);
  if (!errors.period_end && !errors.evaluated_on && end > evaluatedOn) errors.period_end = tr(ERR.periodAfterEvaluation, lang);
  const text = (k: string, max: number, required: boolean): string | null => {
    const v = values[k];
    const s = typeof v === 'string' ? v.trim() : '';
    if (Array.isArray(v)) errors[k] = tr(ERR.required, lang, { label: L(k).toLowerCase() });
    else if (!s && required) errors[k] = tr(ERR.required, lang, { label: L(k).toLowerCase() });
    else if (s.length > max) errors[k] = tr(ERR.tooLong, lang, { label: L(k), max: String(max) });
    return s || null;
  };
  const benefitResidents = text('benefit_residents_sv', 8000, true);
  const benefitOrganisation = text('benefit_organisation_sv', 8000, true);
  const costsSv = text('costs_sv', 4000, false);
  const partnerView = text('partner_view_sv', 8000, false);
  const recommendation = str(values, 'recommendation');
  if (!(RECOMMENDATION_VALUES as readonly string[]).includes(recommendation)) errors.recommendation = tr(ERR.recommendation, lang);
  const justification = text('recommendation_sv', 8000, true);
  const costs = parseKronor(str(values, 'costs'));
  if (!costs.ok) errors.costs = tr(costs.reason === 'negative' ? ERR.costsNegative : costs.reason === 'too_large' ? ERR.costsTooLarge : ERR.costsFormat, lang);
  if (Object.keys(errors).length > 0 || !costs.ok) return { ok: false, errors };
  return {
    ok: true,
    data: {
      evaluated_on: evaluatedOn,
      period_start: start,
      period_end: end,
      benefit_residents_sv: benefitResidents!,
      benefit_organisation_sv: benefitOrganisation!,
      costs_minor: costs.minor,
      costs_sv: costsSv,
      partner_view_sv: partnerView,
      recommendation: recommendation as PartnershipRecommendation,
      recommendation_sv: justification!,
    },
  };
}

/** Adds `event` to the partnership's open revisions (and sets their status, when given). */
async function carryIntoOpenRevisions(trx: Db, p: PartnershipRef, event: PartnershipEventData, status?: PartnershipStatus): Promise<void> {
  const revisions = await trx
    .selectFrom('revisions')
    .select(['id', 'data'])
    .where('entity', '=', 'partnership')
    .where('entity_id', '=', p.id)
    .where('municipality_id', '=', p.municipalityId)
    .where('state', 'in', ['draft', 'in_review', 'returned'])
    .execute();
  for (const r of revisions) {
    const data = JSON.parse(r.data) as { events?: PartnershipEventData[]; status?: PartnershipStatus };
    data.events = [...(data.events ?? []), event];
    if (status) data.status = status;
    await trx.updateTable('revisions').set({ data: JSON.stringify(data), updated_at: nowIso() }).where('id', '=', r.id).execute();
  }
}

/** Inserts a timeline event (and carries it into open revisions); returns it with its id. */
async function addEvent(trx: Db, p: PartnershipRef, e: Omit<PartnershipEventData, 'id' | 'source'>, status?: PartnershipStatus): Promise<PartnershipEventData> {
  const row = await trx
    .insertInto('partnership_events')
    .values({ partnership_id: p.id, ...e, source: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const event: PartnershipEventData = { id: Number(row.id), ...e, source: null };
  await carryIntoOpenRevisions(trx, p, event, status);
  return event;
}

/**
 * Records an evaluation with the activity counted from the data for its period, and the timeline
 * event that shows it. The caller has checked 'edit' on the partnership's owner unit.
 */
export async function recordEvaluation(db: Db, actor: Actor, p: PartnershipRef, input: EvaluationInput): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const counts = await countActivity(trx, p.id, input.period_start, input.period_end);
    const row = await trx
      .insertInto('partnership_evaluations')
      .values({ municipality_id: p.municipalityId, partnership_id: p.id, ...input, ...counts, decision_id: null, user_id: actor.userId, created_at: nowIso() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(row.id);
    const recommendation = { sv: RECOMMENDATIONS[input.recommendation].sv.toLowerCase(), en: RECOMMENDATIONS[input.recommendation].en.toLowerCase() };
    const event = await addEvent(trx, p, {
      kind: 'evaluated',
      date_from: input.evaluated_on,
      date_to: input.evaluated_on,
      date_precision: 'day',
      description_sv: tr(EV.eventEvaluated, 'sv', { recommendation: recommendation.sv }),
      description_en: tr(EV.eventEvaluated, 'en', { recommendation: recommendation.en }),
      place: null,
      decision_id: null,
    });
    await trx.updateTable('partnerships').set({ updated_at: nowIso() }).where('id', '=', p.id).execute();
    await recordAudit(trx, {
      municipalityId: p.municipalityId,
      actor: auditActor(actor),
      action: 'create',
      entity: 'partnership_evaluation',
      entityId: id,
      before: null,
      after: { id, partnership_id: p.id, ...input, ...counts, event_id: event.id },
    });
    return id;
  });
}

const evaluationColumns = [
  'e.id', 'e.partnership_id', 'e.evaluated_on', 'e.period_start', 'e.period_end', 'e.exchanges', 'e.projects', 'e.visits', 'e.events',
  'e.benefit_residents_sv', 'e.benefit_organisation_sv', 'e.costs_minor', 'e.costs_sv', 'e.partner_view_sv', 'e.recommendation',
  'e.recommendation_sv', 'e.decision_id', 'e.created_at', 'u.display_name',
] as const;

type EvaluationDbRow = Record<string, unknown> & { id: number | string; partnership_id: number | string };

function toEvaluation(r: EvaluationDbRow): EvaluationRow {
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    id: Number(r.id),
    partnership_id: Number(r.partnership_id),
    evaluated_on: r.evaluated_on as string,
    period_start: r.period_start as string,
    period_end: r.period_end as string,
    exchanges: Number(r.exchanges),
    projects: Number(r.projects),
    visits: Number(r.visits),
    events: Number(r.events),
    benefit_residents_sv: (r.benefit_residents_sv as string | null) ?? '',
    benefit_organisation_sv: (r.benefit_organisation_sv as string | null) ?? '',
    costs_minor: n(r.costs_minor),
    costs_sv: r.costs_sv as string | null,
    partner_view_sv: r.partner_view_sv as string | null,
    recommendation: r.recommendation as PartnershipRecommendation,
    recommendation_sv: (r.recommendation_sv as string | null) ?? '',
    decision_id: n(r.decision_id),
    recordedBy: (r.display_name as string | null) ?? null,
    created_at: r.created_at as string,
  };
}

/** The partnership's evaluations, newest first. */
export async function listEvaluations(db: Db, municipalityId: number, partnershipId: number): Promise<EvaluationRow[]> {
  const rows = await db
    .selectFrom('partnership_evaluations as e')
    .leftJoin('users as u', 'u.id', 'e.user_id')
    .select([...evaluationColumns])
    .where('e.municipality_id', '=', municipalityId)
    .where('e.partnership_id', '=', partnershipId)
    .orderBy('e.evaluated_on', 'desc')
    .orderBy('e.id', 'desc')
    .execute();
  return rows.map((r) => toEvaluation(r as EvaluationDbRow));
}

export async function findEvaluation(db: Db, municipalityId: number, partnershipId: number, id: number): Promise<EvaluationRow | undefined> {
  const r = await db
    .selectFrom('partnership_evaluations as e')
    .leftJoin('users as u', 'u.id', 'e.user_id')
    .select([...evaluationColumns])
    .where('e.id', '=', id)
    .where('e.municipality_id', '=', municipalityId)
    .where('e.partnership_id', '=', partnershipId)
    .executeTakeFirst();
  return r ? toEvaluation(r as EvaluationDbRow) : undefined;
}

// ── Ending ──────────────────────────────────────────────────────────────────

export interface DecisionChoice {
  id: number;
  decided_on: string | null;
  paragraph: string | null;
  registry_number: string | null;
  subject_sv: string;
  subject_en: string | null;
}

/** What the ending form offers: the municipality's decisions (newest first) and deciding bodies. */
export interface EndingChoices {
  decisions: DecisionChoice[];
  bodies: { id: number; name_sv: string; name_en: string | null }[];
}

export async function loadEndingChoices(db: Db, municipalityId: number): Promise<EndingChoices> {
  const [decisions, bodies] = await Promise.all([
    db
      .selectFrom('decisions')
      .select(['id', 'decided_on', 'paragraph', 'registry_number', 'subject_sv', 'subject_en'])
      .where('municipality_id', '=', municipalityId)
      .orderBy('decided_on', 'desc')
      .orderBy('id', 'desc')
      .limit(2000)
      .execute(),
    db
      .selectFrom('organisations')
      .select(['id', 'name_sv', 'name_en'])
      .where('municipality_id', '=', municipalityId)
      .where('is_internal', '=', 1)
      .where('kind', 'in', [...DECIDING_KINDS])
      .orderBy('name_sv')
      .orderBy('id')
      .execute(),
  ]);
  return { decisions: decisions.map((d) => ({ ...d, id: Number(d.id) })), bodies: bodies.map((b) => ({ ...b, id: Number(b.id) })) };
}

export interface NewDecisionInput {
  bodyId: number;
  decidedOn: string;
  paragraph: string;
  /** Null: issue the next number. */
  registryNumber: string | null;
  subjectSv: string;
}

export type EndingInput = { decisionId: number } | { decision: NewDecisionInput };

/** The ending form's values when it opens. */
export function endingFormValues(p: PartnershipRef, today: string): FormValues {
  return { decided_on: today, subject_sv: tr(EV.subjectDefault, 'sv', { title: p.title_sv }) };
}

/**
 * Reads the ending form: either an existing decision (`decision_id`) or a new one (body, date,
 * paragraph, optional registry number, subject). Neither gives the one message that an ending
 * needs a recorded decision.
 */
export function readEndingForm(values: FormValues, choices: EndingChoices, today: string, lang: Lang): { ok: true; data: EndingInput } | { ok: false; errors: FormErrors } {
  const errors: FormErrors = {};
  const chosen = str(values, 'decision_id').trim();
  // The date and the subject come filled in: a new decision counts as given once any other field is.
  const typed = ['body_id', 'paragraph', 'registry_number'].some((k) => str(values, k).trim() !== '');
  if (chosen) {
    if (!/^[1-9][0-9]{0,14}$/.test(chosen) || !choices.decisions.some((d) => d.id === Number(chosen))) errors.decision_id = tr(ERR.decisionUnknown, lang);
    else if (typed) errors.decision_id = tr(ERR.decisionBoth, lang);
    return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, data: { decisionId: Number(chosen) } };
  }
  if (!typed) return { ok: false, errors: { decision_id: tr(ERR.decisionMissing, lang) } };
  const body = str(values, 'body_id').trim();
  if (!/^[1-9][0-9]{0,14}$/.test(body) || !choices.bodies.some((b) => b.id === Number(body))) errors.body_id = tr(ERR.body, lang);
  const decidedOn = str(values, 'decided_on').trim();
  if (!isIsoDate(decidedOn)) errors.decided_on = tr(ERR.date, lang, { label: tr(EV.decidedOn, lang) });
  else if (decidedOn > today) errors.decided_on = tr(ERR.future, lang, { label: tr(EV.decidedOn, lang) });
  const paragraph = str(values, 'paragraph').trim();
  if (!paragraph || paragraph.length > 40) errors.paragraph = tr(ERR.paragraph, lang);
  const rawNumber = str(values, 'registry_number').trim();
  const registryNumber = rawNumber ? normaliseRegistryNumber(rawNumber) : null;
  if (registryNumber === undefined) errors.registry_number = tr(ERR.registry, lang);
  const subject = str(values, 'subject_sv').trim();
  if (!subject || subject.length > 300) errors.subject_sv = tr(ERR.subject, lang);
  if (Object.keys(errors).length > 0 || registryNumber === undefined) return { ok: false, errors };
  return { ok: true, data: { decision: { bodyId: Number(body), decidedOn, paragraph, registryNumber, subjectSv: subject } } };
}

/** A refused ending: field errors to show on the form (400), or a conflict (409). */
export class EndingRefused extends Error {
  constructor(
    readonly errors: FormErrors,
    readonly status: 400 | 409,
  ) {
    super('ending refused');
  }
}

/**
 * Ends the partnership with a recorded decision, in one transaction (see the module's comment).
 * Throws EndingRefused when it has already ended or the registry number is taken. The caller has
 * checked 'decide'.
 */
export async function endPartnership(db: Db, actor: Actor, p: PartnershipRef, input: EndingInput, today: string, lang: Lang): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const live = await trx.selectFrom('partnerships').select('status').where('id', '=', p.id).where('municipality_id', '=', p.municipalityId).executeTakeFirst();
    if (!live) throw new AppError('not_found', lang === 'sv' ? 'Samarbetet finns inte.' : 'The partnership does not exist.');
    if (live.status === 'ended') throw new EndingRefused({ main: tr(EV.alreadyEnded, lang) }, 409);
    let decisionId: number;
    let decisionDate: string;
    let label: string;
    if ('decisionId' in input) {
      const d = await trx.selectFrom('decisions').select(['id', 'decided_on', 'registry_number', 'paragraph']).where('id', '=', input.decisionId).where('municipality_id', '=', p.municipalityId).executeTakeFirst();
      if (!d) throw new EndingRefused({ decision_id: tr(ERR.decisionUnknown, lang) }, 400);
      decisionId = Number(d.id);
      decisionDate = d.decided_on ?? today;
      label = d.registry_number ?? d.paragraph ?? `#${decisionId}`;
    } else {
      const n = input.decision;
      let registryNumber = n.registryNumber;
      if (registryNumber) {
        const taken = await trx.selectFrom('decisions').select('id').where('municipality_id', '=', p.municipalityId).where('registry_number', '=', registryNumber).executeTakeFirst();
        if (taken) throw new EndingRefused({ registry_number: tr(ERR.registryTaken, lang, { n: registryNumber }) }, 400);
      } else {
        const settings = await loadSettings(trx, p.municipalityId);
        registryNumber = await issueRegistryNumber(trx, p.municipalityId, settings.registryPrefix, registryYear());
      }
      const row = {
        municipality_id: p.municipalityId,
        body_id: n.bodyId,
        delegate_role: null,
        decided_on: n.decidedOn,
        paragraph: n.paragraph,
        registry_number: registryNumber,
        subject_sv: n.subjectSv,
        subject_en: null,
        outcome: 'approved' as const,
        conditions_sv: null,
        source: null,
        created_at: nowIso(),
        route: 'committee' as const,
        delegation_rule_id: null,
        recorded_by: actor.userId,
      };
      const inserted = await trx.insertInto('decisions').values(row).returning('id').executeTakeFirstOrThrow();
      decisionId = Number(inserted.id);
      decisionDate = n.decidedOn;
      label = registryNumber;
      await recordAudit(trx, { municipalityId: p.municipalityId, actor: auditActor(actor), action: 'create', entity: 'decision', entityId: decisionId, before: null, after: { ...row, id: decisionId, partnership_id: p.id } });
    }
    const linked = await trx.selectFrom('partnership_decisions').select('decision_id').where('partnership_id', '=', p.id).where('decision_id', '=', decisionId).executeTakeFirst();
    if (!linked) await trx.insertInto('partnership_decisions').values({ partnership_id: p.id, decision_id: decisionId }).execute();
    await trx.updateTable('partnerships').set({ status: 'ended', updated_at: nowIso() }).where('id', '=', p.id).execute();
    const event = await addEvent(
      trx,
      p,
      {
        kind: 'ended',
        date_from: decisionDate,
        date_to: decisionDate,
        date_precision: 'day',
        description_sv: tr(EV.eventEnded, 'sv', { decision: label }),
        description_en: tr(EV.eventEnded, 'en', { decision: label }),
        place: null,
        decision_id: decisionId,
      },
      'ended',
    );
    const latest = await trx
      .selectFrom('partnership_evaluations')
      .select(['id', 'recommendation'])
      .where('partnership_id', '=', p.id)
      .orderBy('evaluated_on', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    const evaluationId = latest?.recommendation === 'end' ? Number(latest.id) : null;
    if (evaluationId !== null) await trx.updateTable('partnership_evaluations').set({ decision_id: decisionId }).where('id', '=', evaluationId).execute();
    await recordAudit(trx, {
      municipalityId: p.municipalityId,
      actor: auditActor(actor),
      action: 'end',
      entity: 'partnership',
      entityId: p.id,
      before: { status: live.status },
      after: { status: 'ended', decision_id: decisionId, event_id: event.id, evaluation_id: evaluationId },
    });
  });
}
