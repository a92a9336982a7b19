/**
 * A project's life (AL-12): idea → assessment → awaiting_decision → approved | rejected →
 * ongoing → completed → evaluated, and cancelled from any open state. `nextState` is the pure
 * rule; `changeLifecycle` loads the facts, checks the policy and the rule, and writes the new
 * state, the public status and an audit entry in one transaction.
 *
 * Guards:
 * - leaving `assessment` for `awaiting_decision` needs a completed assessment (AR-2);
 * - `approved` needs the decisive decision (the latest matching approval or rejection, see
 *   routing.ts) to be an approval, unless the project needs no decision;
 * - `rejected` needs the decisive decision to be a rejection;
 * - `ongoing` needs `approved` AND, checked again at that moment, an approving decision that
 *   matches the project as it is now. So when the co-financing grows after a delegate approved
 *   it, beyond the delegate's limit (or the municipality becomes project owner), the delegate's
 *   decision no longer matches and the project cannot start until the committee has decided. A
 *   project already ongoing is not moved back: its route page warns that the decision no longer
 *   covers it (`decisionStillCovers`), so the coordinator can take the matter to the committee.
 *
 * Policy (who may do what; the policy layer's actions, `can()`):
 * - 'edit' on the project (unit editors for their own units' projects, coordinators, admins):
 *   start the assessment, send for decision, start an approved project (the decision already
 *   exists; starting is the unit's own step), complete, mark evaluated, and cancel while the
 *   project is still an idea or in assessment;
 * - 'decide' (coordinators, admins): approve, reject, send back to assessment (a referral back),
 *   and cancel a project that is awaiting a decision, approved or ongoing (stopping something
 *   decided is itself a decision matter).
 *
 * Public status (the `status` column the public database shows): idea, assessment and approved →
 * 'planned'; awaiting_decision → 'applied'; ongoing → 'ongoing'; completed and evaluated →
 * 'completed'; cancelled and rejected → 'cancelled' (the public list has no "rejected"; a
 * rejected project will not be carried out, which is what "Avbrutet" tells a reader).
 */
import type { Db } from '../../db/database.js';
import { nowIso } from '../../db/database.js';
import type { ProjectLifecycle, ProjectStatus } from '../../db/schema.js';
import { AppError } from '../../errors/index.js';
import type { Lang } from '../../i18n/index.js';
import { recordAudit } from '../audit/chain.js';
import { type Actor, actorLabel } from '../policy/actor.js';
import { type Action, authorize, recordNotFound } from '../policy/policy.js';
import { refusalMessage } from './messages.js';
import {
  type AssessmentRow,
  type DecisionRow,
  findAssessment,
  findProject,
  loadFunding,
  loadProjectDecisions,
  loadRoutingContext,
  type ProjectRecord,
} from './repository.js';
import { type DecisionPlan, decisionMatches, decisiveDecision, planDecision } from './routing.js';

export type LifecycleAction =
  | 'start_assessment'
  | 'submit_for_decision'
  | 'return_to_assessment'
  | 'approve'
  | 'reject'
  | 'start'
  | 'complete'
  | 'evaluate'
  | 'cancel';

export const LIFECYCLE_STATES: readonly ProjectLifecycle[] = ['idea', 'assessment', 'awaiting_decision', 'approved', 'rejected', 'ongoing', 'completed', 'evaluated', 'cancelled'];

const TRANSITIONS: Record<LifecycleAction, { from: readonly ProjectLifecycle[]; to: ProjectLifecycle }> = {
  start_assessment: { from: ['idea'], to: 'assessment' },
  submit_for_decision: { from: ['assessment'], to: 'awaiting_decision' },
  return_to_assessment: { from: ['awaiting_decision'], to: 'assessment' },
  approve: { from: ['awaiting_decision'], to: 'approved' },
  reject: { from: ['awaiting_decision'], to: 'rejected' },
  start: { from: ['approved'], to: 'ongoing' },
  complete: { from: ['ongoing'], to: 'completed' },
  evaluate: { from: ['completed'], to: 'evaluated' },
  cancel: { from: ['idea', 'assessment', 'awaiting_decision', 'approved', 'ongoing'], to: 'cancelled' },
};

export const LIFECYCLE_ACTIONS = Object.keys(TRANSITIONS) as LifecycleAction[];

export function isLifecycleAction(v: string): v is LifecycleAction {
  return Object.hasOwn(TRANSITIONS, v);
}

/** What the guards need to know; the service derives it from the database. */
export interface LifecycleFacts {
  assessmentComplete: boolean;
  /** AL-12: the project needs a decision before it may start. */
  decisionNeeded: boolean;
  /** The decisive decision on the project's route is an approval. */
  approvedByDecision: boolean;
  /** The decisive decision on the project's route is a rejection. */
  rejectedByDecision: boolean;
}

export type Refusal = 'wrong_state' | 'assessment_incomplete' | 'decision_required' | 'rejection_required';
export type Transition = { ok: true; to: ProjectLifecycle } | { ok: false; reason: Refusal };

/** The state after `action`, or why the action is refused. Pure. */
export function nextState(state: ProjectLifecycle, action: LifecycleAction, facts: LifecycleFacts): Transition {
  const t = TRANSITIONS[action];
  const approvalOk = !facts.decisionNeeded || facts.approvedByDecision;
  if (!t.from.includes(state)) {
    // Starting too early: say what is missing first (the decision), which is what the person needs to know.
    if (action === 'start' && (state === 'idea' || state === 'assessment' || state === 'awaiting_decision') && !approvalOk) return { ok: false, reason: 'decision_required' };
    return { ok: false, reason: 'wrong_state' };
  }
  switch (action) {
    case 'submit_for_decision':
      if (!facts.assessmentComplete) return { ok: false, reason: 'assessment_incomplete' };
      break;
    case 'approve':
    case 'start':
      if (!approvalOk) return { ok: false, reason: 'decision_required' };
      break;
    case 'reject':
      if (!facts.rejectedByDecision) return { ok: false, reason: 'rejection_required' };
      break;
    default:
      break;
  }
  return { ok: true, to: t.to };
}

/** The actions that lead out of a state (whether their guards pass or not). */
export function actionsFrom(state: ProjectLifecycle): LifecycleAction[] {
  return LIFECYCLE_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(state));
}

/** The policy action a lifecycle action needs (see the module comment). */
export function permissionFor(action: LifecycleAction, from: ProjectLifecycle): Action {
  switch (action) {
    case 'approve':
    case 'reject':
    case 'return_to_assessment':
      return 'decide';
    case 'cancel':
      return from === 'idea' || from === 'assessment' ? 'edit' : 'decide';
    default:
      return 'edit';
  }
}

/** The public status that goes with a lifecycle state. */
export function publicStatusOf(state: ProjectLifecycle): ProjectStatus {
  switch (state) {
    case 'awaiting_decision':
      return 'applied';
    case 'ongoing':
      return 'ongoing';
    case 'completed':
    case 'evaluated':
      return 'completed';
    case 'cancelled':
    case 'rejected':
      return 'cancelled';
    default:
      return 'planned';
  }
}

export interface DecisionWithMatch extends DecisionRow {
  matches: boolean;
}

/** A project with its route, decisions and assessment, as the pages and the service read it. */
export interface ProjectDecisionState {
  project: ProjectRecord;
  plan: DecisionPlan;
  decisions: DecisionWithMatch[];
  decisive: DecisionWithMatch | undefined;
  assessment: AssessmentRow | undefined;
  facts: LifecycleFacts;
  context: Awaited<ReturnType<typeof loadRoutingContext>>;
  funding: Awaited<ReturnType<typeof loadFunding>>;
}

/** Loads everything the route and the guards need; undefined when the project is not in the municipality. */
export async function loadProjectDecisionState(db: Db, municipalityId: number, projectId: number, lock = false): Promise<ProjectDecisionState | undefined> {
  const project = await findProject(db, municipalityId, projectId, lock);
  if (!project) return undefined;
  const [context, funding, decisionRows, assessment] = await Promise.all([
    loadRoutingContext(db, municipalityId),
    loadFunding(db, projectId),
    loadProjectDecisions(db, municipalityId, projectId),
    findAssessment(db, municipalityId, 'project', projectId),
  ]);
  const plan = planDecision({ kind: project.kind, municipality_role: project.municipality_role, owner_unit_id: project.owner_unit_id, funding }, context);
  const decisions = decisionRows.map((d) => ({ ...d, matches: decisionMatches(plan, d) }));
  const decisive = decisiveDecision(plan, decisions);
  return {
    project,
    plan,
    decisions,
    decisive,
    assessment,
    context,
    funding,
    facts: {
      assessmentComplete: assessment?.completed_at != null,
      decisionNeeded: plan.needed,
      approvedByDecision: decisive?.outcome === 'approved',
      rejectedByDecision: decisive?.outcome === 'rejected',
    },
  };
}

/**
 * For an approved or ongoing project: whether a decision still covers it as it is now (false
 * when, say, the co-financing rose above the delegate's limit after the delegate approved it).
 */
export function decisionStillCovers(state: Pick<ProjectDecisionState, 'project' | 'facts'>): boolean {
  if (!['approved', 'ongoing'].includes(state.project.lifecycle)) return true;
  return !state.facts.decisionNeeded || state.facts.approvedByDecision;
}

export interface LifecycleChange {
  from: ProjectLifecycle;
  to: ProjectLifecycle;
}

/**
 * Applies a lifecycle action to a project, or throws: 404 when the project is not in the
 * municipality (or the actor has no role there), 403 when the role does not allow the action,
 * 409 with a message in `lang` when the project's state or facts do not allow it.
 */
export async function changeLifecycle(db: Db, args: { actor: Actor; municipalityId: number; projectId: number; action: LifecycleAction; lang: Lang }): Promise<LifecycleChange> {
  const { actor, municipalityId, projectId, action, lang } = args;
  return db.transaction().execute(async (trx) => {
    const state = await loadProjectDecisionState(trx, municipalityId, projectId, true);
    if (!state) throw recordNotFound(lang);
    const { project } = state;
    authorize(actor, permissionFor(action, project.lifecycle), { municipalityId, ownerUnitId: project.owner_unit_id }, lang);
    const result = nextState(project.lifecycle, action, state.facts);
    if (!result.ok) throw new AppError('conflict', refusalMessage(result.reason, action, project.lifecycle, state.plan, lang));
    const status = publicStatusOf(result.to);
    const updatedAt = nowIso();
    await trx.updateTable('projects').set({ lifecycle: result.to, status, updated_at: updatedAt }).where('id', '=', projectId).where('municipality_id', '=', municipalityId).execute();
    await recordAudit(trx, {
      municipalityId,
      actor: { userId: actor.userId, label: actorLabel(actor) },
      action: `lifecycle.${action}`,
      entity: 'project',
      entityId: projectId,
      before: { lifecycle: project.lifecycle, status: project.status },
      after: { lifecycle: result.to, status },
      details: state.decisive ? { decision_id: state.decisive.id, registry_number: state.decisive.registry_number } : undefined,
    });
    return { from: project.lifecycle, to: result.to };
  });
}
