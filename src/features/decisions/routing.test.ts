import { describe, expect, it } from 'vitest';
import { explainPlan, whoDecides } from './explain.js';
import { type DecisionFacts, type DelegationRule, decisionMatches, decisiveDecision, type FundingLine, type OrgNode, planDecision, type RoutingContext } from './routing.js';

const org = (id: number, kind: OrgNode['kind'], name: string, parent_id: number | null = null): OrgNode => ({ id, kind, name_sv: name, name_en: null, parent_id });
const KS = org(1, 'executive_board', 'Kommunstyrelsen');
const KFN = org(2, 'committee', 'Kultur- och fritidsnämnden');
const KFF = org(3, 'department', 'Kultur- och fritidsförvaltningen');
const BIBLIOTEK = org(4, 'unit', 'Biblioteket', 3);
const ORPHAN = org(5, 'unit', 'Turistbyrån');

const rule32: DelegationRule = { id: 32, committee_id: 2, delegate_role: 'förvaltningschef', project_kinds: [], max_cofinancing_minor: 25_000_000, reference: '3.2' };
const ruleExchange: DelegationRule = { id: 33, committee_id: 2, delegate_role: 'enhetschef', project_kinds: ['exchange'], max_cofinancing_minor: 5_000_000, reference: '3.3' };

function ctx(rules: DelegationRule[] = [rule32], mapping: [number, number][] = [[3, 2]]): RoutingContext {
  return {
    organisations: new Map([KS, KFN, KFF, BIBLIOTEK, ORPHAN].map((o) => [o.id, o])),
    committeeOfUnit: new Map(mapping),
    rules,
    staffHourCostMinor: 50_000,
  };
}
const cash = (kr: number, currency = 'SEK'): FundingLine => ({ kind: 'municipal_cash', amount_minor: kr * 100, currency, staff_hours: null });
const staff = (hours: number): FundingLine => ({ kind: 'own_staff_time', amount_minor: null, currency: 'SEK', staff_hours: hours });
const eu = (kr: number): FundingLine => ({ kind: 'eu_grant', amount_minor: kr * 100, currency: 'SEK', staff_hours: null });
const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('decision routing (AL-12)', () => {
  it('cash and staff time under the limit: the committee, or the delegate of point 3.2', () => {
    const plan = planDecision({ kind: 'project', municipality_role: 'partner', owner_unit_id: 3, funding: [cash(120_000), staff(200), eu(900_000)] }, ctx());
    expect(plan.needed).toBe(true);
    expect(plan.cofinancing).toMatchObject({ cashMinor: 12_000_000, staffHours: 200, staffValueMinor: 10_000_000, totalMinor: 22_000_000 });
    expect(plan.committee?.id).toBe(2);
    expect(plan.committeeSource).toBe('unit');
    expect(plan.delegates.map((r) => r.id)).toEqual([32]);
    expect(nbsp(explainPlan(plan, 'sv').join(' '))).toBe(
      'Projektet kräver kommunal medfinansiering (120 000 kr kontant och 200 timmar egen personal, värderat till 100 000 kr). Beslut fattas av Kultur- och fritidsnämnden eller, enligt delegationsordningen punkt 3.2, av förvaltningschef (upp till 250 000 kr).',
    );
    expect(nbsp(explainPlan(plan, 'en').join(' '))).toContain('under point 3.2 of the delegation order, by the förvaltningschef (up to SEK 250,000)');
  });

  it('own staff time alone needs a decision', () => {
    const plan = planDecision({ kind: 'project', municipality_role: 'partner', owner_unit_id: 4, funding: [staff(10)] }, ctx());
    expect(plan.needed).toBe(true);
    expect(plan.cofinancing.cashMinor).toBe(0);
    expect(plan.cofinancing.staffValueMinor).toBe(500_000);
    // The library has no committee of its own: its department's committee answers (walking up parent_id).
    expect(plan.committeeSource).toBe('parent_unit');
    expect(plan.committee?.id).toBe(2);
    expect(nbsp(explainPlan(plan, 'sv')[0]!)).toBe('Projektet kräver kommunal medfinansiering (10 timmar egen personal, värderat till 5 000 kr).');
  });

  it('the municipality as project owner always goes to the committee, even with no co-financing', () => {
    const plan = planDecision({ kind: 'project', municipality_role: 'lead', owner_unit_id: 3, funding: [eu(100)] }, ctx());
    expect(plan.needed).toBe(true);
    expect(plan.delegates).toEqual([]);
    expect(plan.delegateBlock).toBe('owner');
    const text = explainPlan(plan, 'sv').join(' ');
    expect(text).toContain('Kommunen är projektägare.');
    expect(text).toContain('ska beslutet alltid fattas av Kultur- och fritidsnämnden');
    const withCash = planDecision({ kind: 'project', municipality_role: 'lead', owner_unit_id: 3, funding: [cash(1)] }, ctx());
    expect(withCash.delegates).toEqual([]);
  });

  it('above the delegate’s limit: the committee only, and says why', () => {
    const plan = planDecision({ kind: 'project', municipality_role: 'partner', owner_unit_id: 3, funding: [cash(250_001)] }, ctx());
    expect(plan.delegates).toEqual([]);
    expect(plan.delegateBlock).toBe('over_limit');
    expect(nbsp(explainPlan(plan, 'sv').join(' '))).toContain('Medfinansieringen (250 001 kr) är större än vad delegationsordningen låter en delegat besluta om (förvaltningschef (punkt 3.2, upp till 250 000 kr)).');
    // Exactly at the limit is allowed.
    expect(planDecision({ kind: 'project', municipality_role: 'partner', owner_unit_id: 3, funding: [cash(250_000)] }, ctx()).delegates).toHaveLength(1);
  });

  it('rules limited to kinds of project', () => {
    const onlyExchange = ctx([ruleExchange]);
    const project = planDecision({ kind: 'project', municipality_role: null, owner_unit_id: 3, funding: [cash(1000)] }, onlyExchange);
    expect(project.delegateBlock).toBe('kind');
    expect(explainPlan(project, 'sv', 'project').join(' ')).toContain('ingen delegat rätt att besluta om projekt');
    const exchange = planDecision({ kind: 'exchange', municipality_role: null, owner_unit_id: 3, funding: [cash(1000)] }, onlyExchange);
    expect(exchange.delegates.map((r) => r.id)).toEqual([33]);
    // Several rules: lowest limit first, each with its point.
    const both = planDecision({ kind: 'exchange', municipality_role: null, owner_unit_id: 3, funding: [cash(1000)] }, ctx([rule32, ruleExchange]));
    expect(both.delegates.map((r) => r.id)).toEqual([33, 32]);
    expect(nbsp(explainPlan(both, 'sv').join(' '))).toContain('av enhetschef (punkt 3.3, upp till 50 000 kr) eller av förvaltningschef (punkt 3.2, upp till 250 000 kr)');
  });

  it('a rule of another committee does not apply', () => {
    const other: DelegationRule = { ...rule32, id: 40, committee_id: 1 };
    const plan = planDecision({ kind: 'project', municipality_role: null, owner_unit_id: 3, funding: [cash(1000)] }, ctx([other]));
    expect(plan.delegates).toEqual([]);
    expect(plan.delegateBlock).toBe('no_rules');
  });

  it('no co-financing and not the owner: no decision needed, and says so', () => {
    const plan = planDecision({ kind: 'project', municipality_role: 'partner', owner_unit_id: 3, funding: [eu(500_000)] }, ctx());
    expect(plan.needed).toBe(false);
    expect(explainPlan(plan, 'sv')[0]).toMatch(/^Inget beslut behövs/);
    expect(explainPlan(plan, 'en')[0]).toMatch(/^No decision is needed/);
  });

  it('falls back to the executive board when no committee is set, and says so', () => {
    const none = planDecision({ kind: 'project', municipality_role: 'partner', owner_unit_id: 5, funding: [cash(10)] }, ctx());
    expect(none.committee?.id).toBe(1);
    expect(none.committeeSource).toBe('fallback_not_configured');
    expect(explainPlan(none, 'sv').join(' ')).toContain('Delegationsordningen anger ingen ansvarig nämnd för Turistbyrån, så ärendet går till Kommunstyrelsen.');
    const noUnit = planDecision({ kind: 'project', municipality_role: 'partner', owner_unit_id: null, funding: [cash(10)] }, ctx());
    expect(noUnit.committeeSource).toBe('fallback_no_unit');
    expect(noUnit.committee?.id).toBe(1);
    // A project owned by the committee itself.
    const own = planDecision({ kind: 'project', municipality_role: 'partner', owner_unit_id: 2, funding: [cash(10)] }, ctx());
    expect(own.committeeSource).toBe('own_body');
    // No board at all: unresolved, and nothing can match.
    const bare: RoutingContext = { organisations: new Map([[5, ORPHAN]]), committeeOfUnit: new Map(), rules: [], staffHourCostMinor: 50_000 };
    const missing = planDecision({ kind: 'project', municipality_role: 'partner', owner_unit_id: 5, funding: [cash(10)] }, bare);
    expect(missing.committeeSource).toBe('missing');
    expect(decisionMatches(missing, { id: 1, outcome: 'approved', route: 'committee', body_id: 5, delegation_rule_id: null, decided_on: '2026-01-01' })).toBe(false);
  });

  it('survives a cycle in the unit tree', () => {
    const a = org(10, 'unit', 'A', 11);
    const b = org(11, 'unit', 'B', 10);
    const c: RoutingContext = { organisations: new Map([KS, a, b].map((o) => [o.id, o])), committeeOfUnit: new Map(), rules: [], staffHourCostMinor: 1 };
    expect(planDecision({ kind: 'project', municipality_role: null, owner_unit_id: 10, funding: [cash(1)] }, c).committee?.id).toBe(1);
  });

  it('cash in another currency, or without an amount, goes to the committee', () => {
    const eur = planDecision({ kind: 'project', municipality_role: null, owner_unit_id: 3, funding: [cash(100, 'EUR')] }, ctx());
    expect(eur.needed).toBe(true);
    expect(eur.delegateBlock).toBe('not_comparable');
    expect(nbsp(explainPlan(eur, 'sv')[0]!)).toBe('Projektet kräver kommunal medfinansiering (100 € kontant).');
    const unknown = planDecision({ kind: 'project', municipality_role: null, owner_unit_id: 3, funding: [{ kind: 'municipal_cash', amount_minor: null, currency: 'SEK', staff_hours: null }] }, ctx());
    expect(unknown.needed).toBe(true);
    expect(unknown.delegates).toEqual([]);
  });

  it('which decisions match the route', () => {
    const plan = planDecision({ kind: 'project', municipality_role: 'partner', owner_unit_id: 3, funding: [cash(1000)] }, ctx());
    const d = (over: Partial<DecisionFacts>): DecisionFacts => ({ id: 1, outcome: 'approved', route: 'committee', body_id: 2, delegation_rule_id: null, decided_on: '2026-02-01', ...over });
    expect(decisionMatches(plan, d({}))).toBe(true);
    expect(decisionMatches(plan, d({ body_id: 1 }))).toBe(false); // the executive board is not the responsible committee
    expect(decisionMatches(plan, d({ route: 'delegate', body_id: null, delegation_rule_id: 32 }))).toBe(true);
    expect(decisionMatches(plan, d({ route: 'delegate', body_id: null, delegation_rule_id: 99 }))).toBe(false);
    const owned = planDecision({ kind: 'project', municipality_role: 'lead', owner_unit_id: 3, funding: [cash(1000)] }, ctx());
    expect(decisionMatches(owned, d({ route: 'delegate', body_id: null, delegation_rule_id: 32 }))).toBe(false);
    expect(whoDecides(owned, 'sv')).toBe('Kultur- och fritidsnämnden');
    expect(whoDecides(plan, 'sv')).toBe('Kultur- och fritidsnämnden eller av förvaltningschef enligt delegationsordningen');
  });

  it('the latest matching approval or rejection decides', () => {
    const plan = planDecision({ kind: 'project', municipality_role: 'partner', owner_unit_id: 3, funding: [cash(1000)] }, ctx());
    const decisions: DecisionFacts[] = [
      { id: 1, outcome: 'approved', route: 'committee', body_id: 2, delegation_rule_id: null, decided_on: '2026-01-10' },
      { id: 2, outcome: 'rejected', route: 'committee', body_id: 1, delegation_rule_id: null, decided_on: '2026-02-10' }, // wrong body: ignored
      { id: 3, outcome: 'referred', route: 'committee', body_id: 2, delegation_rule_id: null, decided_on: '2026-03-10' }, // not decisive
    ];
    expect(decisiveDecision(plan, decisions)?.id).toBe(1);
    decisions.push({ id: 4, outcome: 'rejected', route: 'committee', body_id: 2, delegation_rule_id: null, decided_on: '2026-03-01' });
    expect(decisiveDecision(plan, decisions)?.id).toBe(4);
  });
});
