/**
 * The world the lifecycle property tests play in: a municipality with an executive board, two
 * committees, units under them (one without a committee), a generated delegation order, and
 * random sequences of steps (lifecycle actions, decisions right and wrong, funding changes,
 * ownership changes, assessments).
 *
 * `oracle` is an independent, deliberately plain restatement of AL-12, written from the issue
 * text and not from src/features/decisions/routing.ts, so the tests compare two readings of the
 * rule instead of the code with itself.
 */
import fc from 'fast-check';
import type { DecisionOutcome, MunicipalityRole, ProjectKind } from '../../src/db/schema.js';
import type { LifecycleAction } from '../../src/features/decisions/lifecycle.js';

export const HOUR_COST_MINOR = 50_000; // 500 kr

/** Ids in the pure model; the DB test maps them to real ids. */
export const BOARD = 1;
export const COMMITTEE_A = 2;
export const COMMITTEE_B = 3;
export const UNIT_A = 10; // under committee A
export const UNIT_A_CHILD = 11; // child of UNIT_A, no mapping of its own
export const UNIT_B = 12; // under committee B
export const UNIT_NONE = 13; // no committee: the board decides
export const UNITS = [UNIT_A, UNIT_A_CHILD, UNIT_B, UNIT_NONE] as const;
export const BODIES = [BOARD, COMMITTEE_A, COMMITTEE_B] as const;
export const PARENT: Record<number, number | null> = { [UNIT_A]: null, [UNIT_A_CHILD]: UNIT_A, [UNIT_B]: null, [UNIT_NONE]: null };
export const COMMITTEE_OF: Record<number, number> = { [UNIT_A]: COMMITTEE_A, [UNIT_B]: COMMITTEE_B };

export const KINDS: ProjectKind[] = ['project', 'exchange', 'visit', 'study_trip', 'network_activity', 'training'];

export interface ModelRule {
  /** Index in the generated list (the DB test maps it to a real id). */
  index: number;
  committee: number;
  kinds: ProjectKind[];
  maxKr: number;
}

export interface Funding {
  cashKr: number;
  hours: number;
  /** Cash in euro besides the kronor (cannot be compared with the limits). */
  eurCash: number;
}

export type Step =
  | { type: 'lifecycle'; action: LifecycleAction }
  | { type: 'decide_committee'; body: number; outcome: DecisionOutcome; date: number }
  | { type: 'decide_delegate'; rule: number; outcome: DecisionOutcome; date: number }
  | { type: 'funding'; funding: Funding }
  | { type: 'role'; role: MunicipalityRole | null }
  | { type: 'owner_unit'; unit: number }
  | { type: 'assessment'; complete: boolean }
  /** The correct committee decides (resolved by the oracle when the step runs). */
  | { type: 'decide_correct'; outcome: DecisionOutcome; date: number }
  /** A delegate of the right committee decides, whether the rule covers the project or not. */
  | { type: 'decide_delegate_plausible'; outcome: DecisionOutcome; date: number; pick: number }
  /** The natural next step from the current state (resolved by `resolveStep`). */
  | { type: 'advance'; viaDelegate: boolean; pick: number };

/** A step as it is applied: `advance` and `decide_correct` made concrete. */
export type ConcreteStep = Exclude<Step, { type: 'advance' | 'decide_correct' | 'decide_delegate_plausible' }>;

export interface Scenario {
  rules: ModelRule[];
  kind: ProjectKind;
  role: MunicipalityRole | null;
  unit: number;
  funding: Funding;
  steps: Step[];
}

export interface ModelDecision {
  route: 'committee' | 'delegate';
  body: number | null;
  rule: number | null;
  outcome: DecisionOutcome;
  /** Date as a day number; the sequence number breaks ties. */
  date: number;
  seq: number;
}

const LIFECYCLE_ACTIONS: LifecycleAction[] = ['start_assessment', 'submit_for_decision', 'return_to_assessment', 'approve', 'reject', 'start', 'complete', 'evaluate', 'cancel'];
const OUTCOMES: DecisionOutcome[] = ['approved', 'approved', 'approved', 'rejected', 'noted', 'referred', 'postponed'];

const fundingArb: fc.Arbitrary<Funding> = fc.record({
  cashKr: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 400_000 }), fc.constantFrom(50_000, 100_000, 250_000)),
  hours: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 800 })),
  eurCash: fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 10_000 }) }),
});

/** `advanceWeight`: how often a step is the natural next one (higher: more sequences get far). */
export function scenarioArb(maxSteps: number, opts: { advanceWeight?: number; minSteps?: number } = {}): fc.Arbitrary<Scenario> {
  const rulesArb = fc.array(
    fc.record({
      committee: fc.constantFrom(...BODIES),
      kinds: fc.oneof(fc.constant([] as ProjectKind[]), fc.subarray(KINDS, { minLength: 1 })),
      maxKr: fc.constantFrom(10_000, 50_000, 100_000, 250_000, 500_000),
    }),
    { maxLength: 4 },
  );
  return rulesArb.chain((rawRules) => {
    const rules = rawRules.map((r, index) => ({ ...r, index }));
    const ruleIndex = rules.length ? fc.integer({ min: 0, max: rules.length - 1 }) : fc.constant(-1);
    const date = fc.integer({ min: 0, max: 30 });
    // Lifecycle actions are weighted up: sequences should often get far enough to try to start.
    const step: fc.Arbitrary<Step> = fc.oneof(
      { weight: 10, arbitrary: fc.constantFrom(...LIFECYCLE_ACTIONS).map((action) => ({ type: 'lifecycle' as const, action })) },
      { weight: 3, arbitrary: fc.record({ type: fc.constant('decide_committee' as const), body: fc.constantFrom(...BODIES), outcome: fc.constantFrom(...OUTCOMES), date }) },
      { weight: rules.length ? 3 : 0, arbitrary: fc.record({ type: fc.constant('decide_delegate' as const), rule: ruleIndex, outcome: fc.constantFrom(...OUTCOMES), date }) },
      { weight: 2, arbitrary: fundingArb.map((funding) => ({ type: 'funding' as const, funding })) },
      { weight: 1, arbitrary: fc.constantFrom<MunicipalityRole | null>('lead', 'partner', 'associated', null).map((role) => ({ type: 'role' as const, role })) },
      { weight: 1, arbitrary: fc.constantFrom(...UNITS).map((unit) => ({ type: 'owner_unit' as const, unit })) },
      { weight: 3, arbitrary: fc.boolean().map((complete) => ({ type: 'assessment' as const, complete })) },
      { weight: 2, arbitrary: fc.record({ type: fc.constant('decide_correct' as const), outcome: fc.constantFrom(...OUTCOMES), date }) },
      // Without a push forwards, random sequences seldom get as far as trying to start.
      { weight: opts.advanceWeight ?? 12, arbitrary: fc.record({ type: fc.constant('advance' as const), viaDelegate: fc.boolean(), pick: fc.nat() }) },
      { weight: 2, arbitrary: fc.record({ type: fc.constant('decide_delegate_plausible' as const), outcome: fc.constantFrom(...OUTCOMES), date, pick: fc.nat() }) },
    );
    return fc.record({
      rules: fc.constant(rules),
      kind: fc.constantFrom(...KINDS),
      role: fc.constantFrom<MunicipalityRole | null>('lead', 'partner', 'associated', null),
      unit: fc.constantFrom(...UNITS),
      funding: fundingArb,
      steps: fc.array(step, { minLength: opts.minSteps ?? 1, maxLength: maxSteps }),
    });
  });
}

export interface OracleProject {
  kind: ProjectKind;
  role: MunicipalityRole | null;
  unit: number;
  funding: Funding;
}

/** AL-12 restated: who must decide this project, and does a recorded decision count? */
export function oracle(p: OracleProject, rules: ModelRule[]) {
  const cofinancingKr = p.funding.cashKr + (p.funding.hours * HOUR_COST_MINOR) / 100;
  const hasCofinancing = p.funding.cashKr > 0 || p.funding.hours > 0 || p.funding.eurCash > 0;
  const owner = p.role === 'lead';
  const needed = owner || hasCofinancing;
  let committee = BOARD;
  for (let u: number | null = p.unit; u != null; u = PARENT[u] ?? null) {
    if (COMMITTEE_OF[u] !== undefined) {
      committee = COMMITTEE_OF[u]!;
      break;
    }
  }
  const counts = (d: ModelDecision): boolean => {
    if (!needed) return true;
    if (d.route === 'committee') return d.body === committee;
    if (owner || p.funding.eurCash > 0) return false;
    const rule = rules[d.rule ?? -1];
    return !!rule && rule.committee === committee && (rule.kinds.length === 0 || rule.kinds.includes(p.kind)) && cofinancingKr <= rule.maxKr;
  };
  return { needed, committee, counts };
}

/** Whether the project may be approved or started now, by the oracle: the latest counting approval/rejection is an approval. */
export function oracleMayProceed(p: OracleProject, rules: ModelRule[], decisions: ModelDecision[]): boolean {
  const o = oracle(p, rules);
  if (!o.needed) return true;
  const decisive = decisions.filter((d) => (d.outcome === 'approved' || d.outcome === 'rejected') && o.counts(d)).sort((a, b) => a.date - b.date || a.seq - b.seq).at(-1);
  return decisive?.outcome === 'approved';
}

/** The weakest form of the requirement: some approving decision that counts exists. */
export function oracleHasRequiredDecision(p: OracleProject, rules: ModelRule[], decisions: ModelDecision[]): boolean {
  const o = oracle(p, rules);
  return !o.needed || decisions.some((d) => d.outcome === 'approved' && o.counts(d));
}

/**
 * Makes a step concrete: `decide_correct` becomes a decision by the committee the oracle names;
 * `advance` becomes what a diligent official would do next in `state`.
 */
export function resolveStep(step: Step, state: string, p: OracleProject, rules: ModelRule[], decisions: ModelDecision[], assessmentComplete: boolean, nextDate: number): ConcreteStep {
  const committee = oracle(p, rules).committee;
  const plausible = rules.filter((r) => r.committee === committee);
  const delegate = (pick: number, outcome: DecisionOutcome, date: number): ConcreteStep =>
    plausible.length ? { type: 'decide_delegate', rule: plausible[pick % plausible.length]!.index, outcome, date } : { type: 'decide_committee', body: committee, outcome, date };
  if (step.type === 'decide_correct') return { type: 'decide_committee', body: committee, outcome: step.outcome, date: step.date };
  if (step.type === 'decide_delegate_plausible') return delegate(step.pick, step.outcome, step.date);
  if (step.type !== 'advance') return step;
  switch (state) {
    case 'idea':
      return { type: 'lifecycle', action: 'start_assessment' };
    case 'assessment':
      return assessmentComplete ? { type: 'lifecycle', action: 'submit_for_decision' } : { type: 'assessment', complete: true };
    case 'awaiting_decision':
      if (oracleMayProceed(p, rules, decisions)) return { type: 'lifecycle', action: 'approve' };
      return step.viaDelegate ? delegate(step.pick, 'approved', nextDate) : { type: 'decide_committee', body: committee, outcome: 'approved', date: nextDate };
    case 'approved':
      return { type: 'lifecycle', action: 'start' };
    case 'ongoing':
      return { type: 'lifecycle', action: 'complete' };
    case 'completed':
      return { type: 'lifecycle', action: 'evaluate' };
    default:
      return { type: 'lifecycle', action: 'cancel' };
  }
}
