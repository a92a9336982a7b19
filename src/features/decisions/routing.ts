/**
 * Which decision a project needs (AL-12), worked out from its own data. Pure: no I/O, so the
 * lifecycle's property tests can call it thousands of times.
 *
 * The rule, as Ale's strategy states it (line 99): a project that needs municipal co-financing
 * (own staff time included) must be approved by the responsible committee or under the
 * delegation order; a project the municipality owns must always be decided by the committee.
 *
 * - Co-financing is the cash lines (`municipal_cash`) plus the own staff time (`own_staff_time`):
 *   hours valued at the municipality's hourly cost (a staff-time line without hours counts its
 *   amount, when given in kronor).
 * - The responsible committee is found from the owner unit: the committee set for the unit in
 *   `committee_units`, else the one set for its parent, and so on upwards; a unit that is itself
 *   a committee or the executive board is its own body. With none found, the executive board
 *   decides, and the explanation says so.
 * - A delegate may decide instead when the municipality is not the project owner and a rule of
 *   the delegation order names the responsible committee, allows the project's kind (an empty
 *   list allows all kinds) and allows at least the total co-financing.
 * - Amounts in another currency than kronor, or lines without an amount, cannot be held against
 *   the delegation order's limits (there is no exchange rate in the data): such projects go to
 *   the committee. That is the cautious reading of AL-12.
 */
import type { DecisionOutcome, DecisionRoute, FundingKind, MunicipalityRole, OrganisationKind, ProjectKind } from '../../db/schema.js';

export interface FundingLine {
  kind: FundingKind;
  amount_minor: number | null;
  currency: string;
  staff_hours: number | null;
}

export interface OrgNode {
  id: number;
  kind: OrganisationKind;
  parent_id: number | null;
  name_sv: string;
  name_en: string | null;
}

/** A point of the delegation order, as the routing reads it. */
export interface DelegationRule {
  id: number;
  committee_id: number;
  delegate_role: string;
  /** Empty: every kind. */
  project_kinds: ProjectKind[];
  max_cofinancing_minor: number;
  reference: string | null;
}

export interface RoutingContext {
  /** The municipality's internal organisations by id. */
  organisations: ReadonlyMap<number, OrgNode>;
  /** Committee id by unit id (`committee_units`). */
  committeeOfUnit: ReadonlyMap<number, number>;
  rules: readonly DelegationRule[];
  /** Value of one hour of own staff time, in öre. */
  staffHourCostMinor: number;
}

export interface ProjectRoutingFacts {
  kind: ProjectKind;
  municipality_role: MunicipalityRole | null;
  owner_unit_id: number | null;
  funding: readonly FundingLine[];
}

export interface Cofinancing {
  /** Cash in kronor (öre). */
  cashMinor: number;
  staffHours: number;
  /** Hours × hourly cost, plus staff-time lines given as an amount in kronor (öre). */
  staffValueMinor: number;
  /** cashMinor + staffValueMinor. */
  totalMinor: number;
  /** Co-financing in other currencies, summed per currency. */
  foreign: { currency: string; amountMinor: number }[];
  /** A co-financing line without amount or hours. */
  unknownAmount: boolean;
  /** Any co-financing at all. */
  any: boolean;
}

export type CommitteeSource =
  /** Set for the owner unit itself. */
  | 'unit'
  /** Set for a unit above the owner unit. */
  | 'parent_unit'
  /** The owner "unit" is itself a committee or the executive board. */
  | 'own_body'
  /** No owner unit: the executive board. */
  | 'fallback_no_unit'
  /** Owner unit without a responsible committee: the executive board. */
  | 'fallback_not_configured'
  /** No committee and no executive board: the route cannot be resolved. */
  | 'missing';

/** Why no delegate may decide. */
export type DelegateBlock = 'owner' | 'no_rules' | 'kind' | 'over_limit' | 'not_comparable';

export interface DecisionPlan {
  /** Whether the project needs a decision before it may start. */
  needed: boolean;
  /** The municipality is project owner (lead). */
  owner: boolean;
  cofinancing: Cofinancing;
  /** The responsible committee (or the executive board); null when none can be found. */
  committee: OrgNode | null;
  committeeSource: CommitteeSource;
  /** The owner unit, when the project has one. */
  ownerUnit: OrgNode | null;
  /** The rules under which a delegate may decide instead, lowest limit first. */
  delegates: DelegationRule[];
  /** Set when `delegates` is empty and a decision is needed. */
  delegateBlock?: DelegateBlock;
  /** For `over_limit`: the rules of the committee that allow the kind but not the amount. */
  tooSmallRules: DelegationRule[];
}

const COMMITTEE_KINDS: ReadonlySet<OrganisationKind> = new Set(['committee', 'executive_board']);

/** Sums the project's municipal co-financing. */
export function cofinancingOf(funding: readonly FundingLine[], staffHourCostMinor: number): Cofinancing {
  let cashMinor = 0;
  let staffHours = 0;
  let staffValueMinor = 0;
  let unknownAmount = false;
  const foreign = new Map<string, number>();
  const addForeign = (currency: string, amount: number) => foreign.set(currency, (foreign.get(currency) ?? 0) + amount);
  for (const f of funding) {
    const currency = (f.currency || 'SEK').toUpperCase();
    if (f.kind === 'municipal_cash') {
      if (f.amount_minor == null) unknownAmount = true;
      else if (f.amount_minor <= 0) continue;
      else if (currency === 'SEK') cashMinor += f.amount_minor;
      else addForeign(currency, f.amount_minor);
    } else if (f.kind === 'own_staff_time') {
      if (f.staff_hours != null && f.staff_hours > 0) {
        staffHours += f.staff_hours;
        staffValueMinor += Math.round(f.staff_hours * staffHourCostMinor);
      } else if (f.amount_minor != null && f.amount_minor > 0) {
        if (currency === 'SEK') staffValueMinor += f.amount_minor;
        else addForeign(currency, f.amount_minor);
      } else if (f.staff_hours == null && f.amount_minor == null) {
        unknownAmount = true;
      }
    }
  }
  const foreignList = [...foreign].map(([currency, amountMinor]) => ({ currency, amountMinor })).sort((a, b) => a.currency.localeCompare(b.currency));
  const totalMinor = cashMinor + staffValueMinor;
  return { cashMinor, staffHours, staffValueMinor, totalMinor, foreign: foreignList, unknownAmount, any: totalMinor > 0 || foreignList.length > 0 || unknownAmount };
}

/** The responsible committee of a unit: walks up `parent_id` until a committee is set. */
export function responsibleCommittee(ownerUnitId: number | null, ctx: Pick<RoutingContext, 'organisations' | 'committeeOfUnit'>): { committee: OrgNode | null; source: CommitteeSource } {
  const executiveBoard = [...ctx.organisations.values()].filter((o) => o.kind === 'executive_board').sort((a, b) => a.id - b.id)[0] ?? null;
  const fallback = (source: CommitteeSource) => ({ committee: executiveBoard, source: executiveBoard ? source : ('missing' as const) });
  if (ownerUnitId == null) return fallback('fallback_no_unit');
  const seen = new Set<number>();
  let current = ctx.organisations.get(ownerUnitId);
  if (!current) return fallback('fallback_no_unit');
  let first = true;
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    const mapped = ctx.committeeOfUnit.get(current.id);
    const committee = mapped != null ? ctx.organisations.get(mapped) : undefined;
    if (committee) return { committee, source: first ? 'unit' : 'parent_unit' };
    if (COMMITTEE_KINDS.has(current.kind)) return { committee: current, source: first ? 'own_body' : 'parent_unit' };
    first = false;
    current = current.parent_id != null ? ctx.organisations.get(current.parent_id) : undefined;
  }
  return fallback('fallback_not_configured');
}

/** The decision a project needs, who may take it and why. */
export function planDecision(project: ProjectRoutingFacts, ctx: RoutingContext): DecisionPlan {
  const cofinancing = cofinancingOf(project.funding, ctx.staffHourCostMinor);
  const owner = project.municipality_role === 'lead';
  const ownerUnit = project.owner_unit_id != null ? (ctx.organisations.get(project.owner_unit_id) ?? null) : null;
  const { committee, source } = responsibleCommittee(project.owner_unit_id, ctx);
  const needed = owner || cofinancing.any;
  const plan: DecisionPlan = { needed, owner, cofinancing, committee, committeeSource: source, ownerUnit, delegates: [], tooSmallRules: [] };
  if (!needed) return plan;
  if (owner) return { ...plan, delegateBlock: 'owner' };
  const ofCommittee = committee ? ctx.rules.filter((r) => r.committee_id === committee.id) : [];
  if (ofCommittee.length === 0) return { ...plan, delegateBlock: 'no_rules' };
  const ofKind = ofCommittee.filter((r) => r.project_kinds.length === 0 || r.project_kinds.includes(project.kind));
  if (ofKind.length === 0) return { ...plan, delegateBlock: 'kind' };
  if (cofinancing.foreign.length > 0 || cofinancing.unknownAmount) return { ...plan, delegateBlock: 'not_comparable' };
  const delegates = ofKind.filter((r) => cofinancing.totalMinor <= r.max_cofinancing_minor).sort((a, b) => a.max_cofinancing_minor - b.max_cofinancing_minor || a.id - b.id);
  if (delegates.length === 0) return { ...plan, delegateBlock: 'over_limit', tooSmallRules: [...ofKind].sort((a, b) => b.max_cofinancing_minor - a.max_cofinancing_minor) };
  return { ...plan, delegates };
}

/** What the routing needs to know about a recorded decision. */
export interface DecisionFacts {
  id: number;
  outcome: DecisionOutcome;
  route: DecisionRoute | null;
  body_id: number | null;
  delegation_rule_id: number | null;
  decided_on: string | null;
}

/**
 * Whether a recorded decision was taken on the project's route: by the responsible committee, or
 * by a delegate under a rule that covers the project now. A delegate decision never matches a
 * project the municipality owns. When no decision is needed, every decision matches.
 */
export function decisionMatches(plan: DecisionPlan, d: DecisionFacts): boolean {
  if (!plan.needed) return true;
  if (d.route === 'delegate') return d.delegation_rule_id != null && plan.delegates.some((r) => r.id === d.delegation_rule_id);
  return plan.committee != null && d.body_id === plan.committee.id;
}

/**
 * The decision that counts: the latest matching decision that approved or rejected the project
 * (by date, then by the order of registration). A later rejection overrides an earlier approval
 * and the other way round; a referral back or a postponement changes nothing.
 */
export function decisiveDecision<D extends DecisionFacts>(plan: DecisionPlan, decisions: readonly D[]): D | undefined {
  let best: D | undefined;
  for (const d of decisions) {
    if (d.outcome !== 'approved' && d.outcome !== 'rejected') continue;
    if (!decisionMatches(plan, d)) continue;
    if (!best || (d.decided_on ?? '') > (best.decided_on ?? '') || ((d.decided_on ?? '') === (best.decided_on ?? '') && d.id > best.id)) best = d;
  }
  return best;
}
