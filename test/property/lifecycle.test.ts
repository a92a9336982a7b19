/**
 * Property: no sequence of steps brings a project to 'ongoing' (or 'approved') without the
 * decision AL-12 requires — whatever decisions are recorded (right or wrong body, wrong
 * delegate, rejections, referrals), however the funding, the ownership or the owner unit change
 * on the way. Runs the pure transition function (`nextState` with the facts derived by the real
 * routing) over thousands of generated sequences, and checks it against an independent oracle.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProjectLifecycle } from '../../src/db/schema.js';
import { LIFECYCLE_STATES, type LifecycleFacts, nextState, publicStatusOf } from '../../src/features/decisions/lifecycle.js';
import { type DecisionFacts, decisiveDecision, type FundingLine, type OrgNode, planDecision, type RoutingContext } from '../../src/features/decisions/routing.js';
import {
  BOARD,
  COMMITTEE_A,
  COMMITTEE_B,
  COMMITTEE_OF,
  type Funding,
  HOUR_COST_MINOR,
  type ModelDecision,
  type ModelRule,
  type OracleProject,
  oracleHasRequiredDecision,
  oracleMayProceed,
  PARENT,
  resolveStep,
  scenarioArb,
  UNITS,
} from './lifecycle-model.js';

function context(rules: ModelRule[]): RoutingContext {
  const orgs: OrgNode[] = [
    { id: BOARD, kind: 'executive_board', parent_id: null, name_sv: 'Kommunstyrelsen', name_en: null },
    { id: COMMITTEE_A, kind: 'committee', parent_id: null, name_sv: 'Nämnd A', name_en: null },
    { id: COMMITTEE_B, kind: 'committee', parent_id: null, name_sv: 'Nämnd B', name_en: null },
    ...UNITS.map((u) => ({ id: u, kind: 'unit' as const, parent_id: PARENT[u] ?? null, name_sv: `Enhet ${u}`, name_en: null })),
  ];
  return {
    organisations: new Map(orgs.map((o) => [o.id, o])),
    committeeOfUnit: new Map(Object.entries(COMMITTEE_OF).map(([u, c]) => [Number(u), c])),
    rules: rules.map((r) => ({ id: 1000 + r.index, committee_id: r.committee, delegate_role: 'förvaltningschef', project_kinds: r.kinds, max_cofinancing_minor: r.maxKr * 100, reference: String(r.index) })),
    staffHourCostMinor: HOUR_COST_MINOR,
  };
}

function fundingLines(f: Funding): FundingLine[] {
  const lines: FundingLine[] = [{ kind: 'eu_grant', amount_minor: 100_000_00, currency: 'SEK', staff_hours: null }];
  if (f.cashKr > 0) lines.push({ kind: 'municipal_cash', amount_minor: f.cashKr * 100, currency: 'SEK', staff_hours: null });
  if (f.hours > 0) lines.push({ kind: 'own_staff_time', amount_minor: null, currency: 'SEK', staff_hours: f.hours });
  if (f.eurCash > 0) lines.push({ kind: 'municipal_cash', amount_minor: f.eurCash * 100, currency: 'EUR', staff_hours: null });
  return lines;
}

const OPEN: ProjectLifecycle[] = ['idea', 'assessment', 'awaiting_decision', 'approved', 'ongoing'];

describe('project lifecycle (pure transition function)', () => {
  it('never reaches approved or ongoing without the decision AL-12 requires', () => {
    let reachedOngoing = 0;
    let refusedStart = 0;
    fc.assert(
      fc.property(scenarioArb(40), (s) => {
        const ctx = context(s.rules);
        const project: OracleProject = { kind: s.kind, role: s.role, unit: s.unit, funding: s.funding };
        const decisions: ModelDecision[] = [];
        let assessmentComplete = false;
        let state: ProjectLifecycle = 'idea';
        for (const raw of s.steps) {
          const step = resolveStep(raw, state, project, s.rules, decisions, assessmentComplete, 30);
          switch (step.type) {
            case 'funding':
              project.funding = step.funding;
              break;
            case 'role':
              project.role = step.role;
              break;
            case 'owner_unit':
              project.unit = step.unit;
              break;
            case 'assessment':
              assessmentComplete = step.complete;
              break;
            case 'decide_committee':
              decisions.push({ route: 'committee', body: step.body, rule: null, outcome: step.outcome, date: step.date, seq: decisions.length });
              break;
            case 'decide_delegate':
              decisions.push({ route: 'delegate', body: null, rule: step.rule, outcome: step.outcome, date: step.date, seq: decisions.length });
              break;
            case 'lifecycle': {
              const plan = planDecision({ kind: project.kind, municipality_role: project.role, owner_unit_id: project.unit, funding: fundingLines(project.funding) }, ctx);
              const facts: DecisionFacts[] = decisions.map((d) => ({
                id: d.seq + 1,
                outcome: d.outcome,
                route: d.route,
                body_id: d.body,
                delegation_rule_id: d.rule == null ? null : 1000 + d.rule,
                decided_on: `2026-01-${String(d.date + 1).padStart(2, '0')}`,
              }));
              const decisive = decisiveDecision(plan, facts);
              const lf: LifecycleFacts = {
                assessmentComplete,
                decisionNeeded: plan.needed,
                approvedByDecision: decisive?.outcome === 'approved',
                rejectedByDecision: decisive?.outcome === 'rejected',
              };
              const r = nextState(state, step.action, lf);
              const mayProceed = oracleMayProceed(project, s.rules, decisions);
              // The implementation and the oracle agree on every approval and start.
              if ((step.action === 'approve' && state === 'awaiting_decision') || (step.action === 'start' && state === 'approved')) {
                expect(r.ok).toBe(mayProceed);
              }
              if (r.ok) {
                if (r.to === 'ongoing' || r.to === 'approved') {
                  // The requirement itself, in its plainest form.
                  expect(oracleHasRequiredDecision(project, s.rules, decisions)).toBe(true);
                  expect(mayProceed).toBe(true);
                }
                if (r.to === 'ongoing') {
                  expect(state).toBe('approved');
                  reachedOngoing++;
                }
                if (r.to === 'awaiting_decision') expect(assessmentComplete).toBe(true);
                if (r.to === 'cancelled') expect(OPEN).toContain(state);
                state = r.to;
              } else if (step.action === 'start') {
                refusedStart++;
              }
              expect(LIFECYCLE_STATES).toContain(state);
              expect(publicStatusOf(state)).toBeTruthy();
              break;
            }
          }
        }
      }),
      { numRuns: 5000 },
    );
    // The generator must actually exercise both sides of the rule.
    expect(reachedOngoing).toBeGreaterThan(50);
    expect(refusedStart).toBeGreaterThan(50);
  });

  it('terminal states have no way out, and cancel works from every open state', () => {
    const facts: LifecycleFacts = { assessmentComplete: true, decisionNeeded: false, approvedByDecision: false, rejectedByDecision: false };
    for (const s of ['rejected', 'evaluated', 'cancelled'] as ProjectLifecycle[]) {
      for (const a of ['start_assessment', 'submit_for_decision', 'return_to_assessment', 'approve', 'reject', 'start', 'complete', 'evaluate', 'cancel'] as const) {
        expect(nextState(s, a, facts).ok).toBe(false);
      }
    }
    for (const s of OPEN) expect(nextState(s, 'cancel', facts)).toEqual({ ok: true, to: 'cancelled' });
  });
});
