/**
 * The assessment before a decision (AR-2, AL-7): total benefit, economic commitments (cash, and
 * staff hours valued at the municipality's hourly cost), citizen perspective, fit with ordinary
 * operations and with the strategy, risks, and a recommendation. One per project or partnership.
 *
 * For a project the economic commitments are taken from its funding lines when the assessment is
 * saved (a snapshot, with the hourly cost then in force); for a partnership they are entered.
 *
 * Policy: 'edit' on the record drafts the assessment (unit editors for their units); marking it
 * complete is 'decide' (the policy layer: "complete assessments"). Saving as a draft makes a
 * completed assessment a draft again.
 *
 * Also here: `activatePartnership`, the only way a partnership goes from 'proposed' to 'active'
 * (AR-2: its assessment complete and a decision recorded).
 */
import type { Db } from '../../db/database.js';
import { nowIso } from '../../db/database.js';
import type { AssessmentRecommendation } from '../../db/schema.js';
import { AppError, type FieldError } from '../../errors/index.js';
import type { Lang } from '../../i18n/index.js';
import { recordAudit } from '../audit/chain.js';
import type { Actor } from '../policy/actor.js';
import { auditActor } from '../policy/actor.js';
import { authorize, recordNotFound } from '../policy/policy.js';
import { type AssessmentRow, type DecisionRow, findAssessment, findPartnership, findProject, loadFunding, loadPartnershipDecisions, loadSettings, type PartnershipRecord } from './repository.js';
import { cofinancingOf } from './routing.js';

export type AssessedEntity = 'project' | 'partnership';

export interface AssessmentInput {
  totalBenefit: string | null;
  citizenPerspective: string | null;
  operationsFit: string | null;
  strategyFit: string | null;
  risks: string | null;
  recommendation: AssessmentRecommendation | null;
  recommendationText: string | null;
  /** Partnerships only: the cash commitment in öre. Ignored for projects. */
  cashMinor: number | null;
  /** Partnerships only. Ignored for projects. */
  staffHours: number | null;
}

/** Field names of the form, in the order errors are listed. */
const REQUIRED_TEXT: { key: keyof AssessmentInput; field: string; sv: string; en: string }[] = [
  { key: 'totalBenefit', field: 'total_benefit', sv: 'Beskriv den samlade nyttan.', en: 'Describe the total benefit.' },
  { key: 'citizenPerspective', field: 'citizen_perspective', sv: 'Beskriv medborgarperspektivet.', en: 'Describe the citizen perspective.' },
  { key: 'operationsFit', field: 'operations_fit', sv: 'Beskriv kopplingen till den ordinarie verksamheten.', en: 'Describe the fit with ordinary operations.' },
  { key: 'strategyFit', field: 'strategy_fit', sv: 'Beskriv kopplingen till strategin.', en: 'Describe the fit with the strategy.' },
  { key: 'risks', field: 'risks', sv: 'Beskriv riskerna, eller skriv att inga är kända.', en: 'Describe the risks, or write that none are known.' },
];

/** Every reason the assessment cannot be marked complete yet, keyed by form field. */
function completionErrors(entity: AssessedEntity, input: AssessmentInput, lang: Lang): FieldError[] {
  const errors: FieldError[] = [];
  for (const r of REQUIRED_TEXT) if (!input[r.key]) errors.push({ field: r.field, message: r[lang] });
  if (!input.recommendation) errors.push({ field: 'recommendation', message: lang === 'sv' ? 'Välj en rekommendation.' : 'Choose a recommendation.' });
  if (!input.recommendationText) errors.push({ field: 'recommendation_text', message: lang === 'sv' ? 'Skriv förslaget till beslut.' : 'Write the proposed decision.' });
  if (entity === 'partnership') {
    if (input.cashMinor == null) errors.push({ field: 'cash', message: lang === 'sv' ? 'Fyll i kontanta medel i kronor. Skriv 0 om inget.' : 'Enter the cash in kronor. Write 0 if none.' });
    if (input.staffHours == null) errors.push({ field: 'staff_hours', message: lang === 'sv' ? 'Fyll i egen personaltid i timmar. Skriv 0 om inget.' : 'Enter the own staff time in hours. Write 0 if none.' });
  }
  return errors;
}

async function ownerOf(db: Db, municipalityId: number, entity: AssessedEntity, id: number): Promise<{ ownerUnitId: number | null; title: string } | undefined> {
  if (entity === 'project') {
    const p = await findProject(db, municipalityId, id);
    return p && { ownerUnitId: p.owner_unit_id, title: p.title_sv };
  }
  const p = await findPartnership(db, municipalityId, id);
  return p && { ownerUnitId: p.owner_unit_id, title: p.title_sv };
}

/** The economic commitments of a project now: cash and staff time from its funding lines. */
export async function projectCommitments(db: Db, municipalityId: number, projectId: number) {
  const [funding, settings] = await Promise.all([loadFunding(db, projectId), loadSettings(db, municipalityId)]);
  return { ...cofinancingOf(funding, settings.staffHourCostMinor), staffHourCostMinor: settings.staffHourCostMinor };
}

/**
 * Saves the assessment of a project or partnership; with `complete`, also marks it complete
 * (every section filled in). Throws 404 for a record outside the municipality, 403 by the
 * policy, 400 with every missing section at once.
 */
export async function saveAssessment(
  db: Db,
  args: { actor: Actor; municipalityId: number; entity: AssessedEntity; entityId: number; input: AssessmentInput; complete: boolean; lang: Lang },
): Promise<AssessmentRow> {
  const { actor, municipalityId, entity, entityId, input, complete, lang } = args;
  return db.transaction().execute(async (trx) => {
    const owner = await ownerOf(trx, municipalityId, entity, entityId);
    if (!owner) throw recordNotFound(lang);
    const target = { municipalityId, ownerUnitId: owner.ownerUnitId };
    authorize(actor, complete ? 'decide' : 'edit', target, lang);
    if (complete) {
      const errors = completionErrors(entity, input, lang);
      if (errors.length) {
        throw new AppError('invalid_form', lang === 'sv' ? 'Bedömningen kan inte markeras som klar förrän alla delar är ifyllda.' : 'The assessment cannot be marked complete until every part is filled in.', errors);
      }
    }
    let cashMinor = input.cashMinor;
    let staffHours = input.staffHours;
    let staffHourCostMinor = (await loadSettings(trx, municipalityId)).staffHourCostMinor;
    if (entity === 'project') {
      const c = await projectCommitments(trx, municipalityId, entityId);
      cashMinor = c.cashMinor;
      staffHours = c.staffHours;
      staffHourCostMinor = c.staffHourCostMinor;
    }
    const before = await findAssessment(trx, municipalityId, entity, entityId);
    const now = nowIso();
    const values = {
      total_benefit: input.totalBenefit,
      cash_minor: cashMinor,
      staff_hours: staffHours,
      staff_hour_cost_minor: staffHourCostMinor,
      citizen_perspective: input.citizenPerspective,
      operations_fit: input.operationsFit,
      strategy_fit: input.strategyFit,
      risks: input.risks,
      recommendation: input.recommendation,
      recommendation_text: input.recommendationText,
      completed_at: complete ? now : null,
      completed_by: complete ? actor.userId : null,
      updated_at: now,
    };
    if (before) {
      await trx.updateTable('assessments').set(values).where('id', '=', before.id).execute();
    } else {
      await trx.insertInto('assessments').values({ ...values, municipality_id: municipalityId, entity, entity_id: entityId, created_by: actor.userId, created_at: now }).execute();
    }
    const after = (await findAssessment(trx, municipalityId, entity, entityId))!;
    await recordAudit(trx, {
      municipalityId,
      actor: auditActor(actor),
      action: complete ? 'complete' : before ? 'update' : 'create',
      entity: 'assessment',
      entityId: after.id,
      before: before ?? null,
      after,
      details: { [entity]: entityId, title: owner.title },
    });
    return after;
  });
}

/** A partnership with what its activation needs. */
export interface PartnershipActivationState {
  partnership: PartnershipRecord;
  assessment: AssessmentRow | undefined;
  decisions: DecisionRow[];
  assessmentComplete: boolean;
  /** The latest decision that approved or rejected the partnership approved it. */
  approved: boolean;
}

export async function loadPartnershipActivationState(db: Db, municipalityId: number, partnershipId: number, lock = false): Promise<PartnershipActivationState | undefined> {
  const partnership = await findPartnership(db, municipalityId, partnershipId, lock);
  if (!partnership) return undefined;
  const [assessment, decisions] = await Promise.all([findAssessment(db, municipalityId, 'partnership', partnershipId), loadPartnershipDecisions(db, municipalityId, partnershipId)]);
  const decisive = decisions
    .filter((d) => d.outcome === 'approved' || d.outcome === 'rejected')
    .sort((a, b) => (a.decided_on ?? '').localeCompare(b.decided_on ?? '') || a.id - b.id)
    .at(-1);
  return { partnership, assessment, decisions, assessmentComplete: assessment?.completed_at != null, approved: decisive?.outcome === 'approved' };
}

/**
 * Makes a proposed partnership active (AR-2). Needs 'decide'; refuses with 409 unless the
 * partnership is 'proposed', its assessment is complete, and the decisive decision on it (the
 * latest approval or rejection, in `partnership_decisions`) approved it.
 *
 * The partnership edit forms must not set status 'active' themselves; they call this.
 */
export async function activatePartnership(db: Db, args: { actor: Actor; municipalityId: number; partnershipId: number; lang: Lang }): Promise<void> {
  const { actor, municipalityId, partnershipId, lang } = args;
  const sv = lang === 'sv';
  await db.transaction().execute(async (trx) => {
    const state = await loadPartnershipActivationState(trx, municipalityId, partnershipId, true);
    if (!state) throw recordNotFound(lang);
    const { partnership } = state;
    authorize(actor, 'decide', { municipalityId, ownerUnitId: partnership.owner_unit_id }, lang);
    const refuse = (sv_: string, en: string) => new AppError('conflict', sv ? sv_ : en);
    if (partnership.status !== 'proposed') throw refuse('Bara ett föreslaget samarbete kan aktiveras. Det här samarbetet är inte längre ett förslag.', 'Only a proposed partnership can be activated. This partnership is no longer a proposal.');
    if (!state.assessmentComplete) throw refuse('Samarbetet kan inte bli aktivt innan bedömningen är klar.', 'The partnership cannot become active before its assessment is complete.');
    if (!state.approved) throw refuse('Samarbetet kan inte bli aktivt innan ett beslut om att godkänna det är registrerat.', 'The partnership cannot become active before a decision approving it has been recorded.');
    const now = nowIso();
    await trx.updateTable('partnerships').set({ status: 'active', updated_at: now }).where('id', '=', partnershipId).where('municipality_id', '=', municipalityId).execute();
    await recordAudit(trx, {
      municipalityId,
      actor: auditActor(actor),
      action: 'activate',
      entity: 'partnership',
      entityId: partnershipId,
      before: { status: partnership.status },
      after: { status: 'active' },
      details: { assessment_id: state.assessment?.id, decisions: state.decisions.map((d) => d.registry_number) },
    });
  });
}
