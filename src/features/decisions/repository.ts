
import type { Db } from '../../db/database.js';
import { isPostgres } from '../../db/database.js';
import type { AssessmentTable, Decision, DecisionOutcome, DecisionRoute, PartnershipKind, PartnershipStatus, ProjectKind, ProjectLifecycle, ProjectStatus } from '../../db/schema.js';
import type { DecisionFacts, DelegationRule, FundingLine, OrgNode, RoutingContext } from './routing.js';


export const DEFAULT_STAFF_HOUR_COST_MINOR = 50_000;
export const DEFAULT_REGISTRY_PREFIX = 'KS';

export interface Settings {
  staffHourCostMinor: number;
  registryPrefix: string;
  /** Whether the municipality has saved its own settings (else the defaults apply). */
  saved: boolean;
}

export async function loadSettings(db: Db, municipalityId: number): Promise<Settings> {
  const row = await db.selectFrom('municipality_settings').selectAll().where('municipality_id', '=', municipalityId).executeTakeFirst();
  if (!row) return { staffHourCostMinor: DEFAULT_STAFF_HOUR_COST_MINOR, registryPrefix: DEFAULT_REGISTRY_PREFIX, saved: false };
  return { staffHourCostMinor: Number(row.staff_hour_cost_minor), registryPrefix: row.registry_prefix, saved: true };
}

/** Kinds of internal organisation that decide (committees and the executive board). */
export const COMMITTEE_KINDS = ['committee', 'executive_board'] as const;
/** Kinds that can take a decision recorded in Utblick (the council too). */
export const DECIDING_KINDS = ['council', 'executive_board', 'committee'] as const;
/** Kinds that own projects and are placed under a committee. */
export const UNIT_KINDS = ['department', 'company', 'unit'] as const;

export async function loadInternalOrganisations(db: Db, municipalityId: number): Promise<OrgNode[]> {
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'kind', 'parent_id', 'name_sv', 'name_en'])
    .where('municipality_id', '=', municipalityId)
    .where('is_internal', '=', 1)
    .orderBy('name_sv')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), parent_id: r.parent_id == null ? null : Number(r.parent_id) }));
}

/** Committee id by unit id, for the municipality's units only. */
export async function loadCommitteeUnits(db: Db, municipalityId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('committee_units as cu')
    .innerJoin('organisations as u', 'u.id', 'cu.unit_id')
    .innerJoin('organisations as c', 'c.id', 'cu.committee_id')
    .select(['cu.unit_id', 'cu.committee_id'])
    .where('u.municipality_id', '=', municipalityId)
    .where('c.municipality_id', '=', municipalityId)
    .execute();
  return new Map(rows.map((r) => [Number(r.unit_id), Number(r.committee_id)]));
}

export interface RuleRow extends DelegationRule {
  created_at: string;
  updated_at: string;
}

function parseKinds(json: string): ProjectKind[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is ProjectKind => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export async function loadRules(db: Db, municipalityId: number): Promise<RuleRow[]> {
  const rows = await db.selectFrom('delegation_rules').selectAll().where('municipality_id', '=', municipalityId).orderBy('reference').orderBy('id').execute();
  return rows.map((r) => ({
    id: Number(r.id),
    committee_id: Number(r.committee_id),
    delegate_role: r.delegate_role,
    project_kinds: parseKinds(r.project_kinds),
    max_cofinancing_minor: Number(r.max_cofinancing_minor),
    reference: r.reference,
    created_at: r.created_at,
    updated_at: r.updated_at,
  }));
}

export async function findRule(db: Db, municipalityId: number, id: number): Promise<RuleRow | undefined> {
  return (await loadRules(db, municipalityId)).find((r) => r.id === id);
}

/** Everything the routing needs about the municipality. */
export async function loadRoutingContext(db: Db, municipalityId: number): Promise<RoutingContext & { settings: Settings; organisationList: OrgNode[] }> {
  const [organisationList, committeeOfUnit, rules, settings] = await Promise.all([
    loadInternalOrganisations(db, municipalityId),
    loadCommitteeUnits(db, municipalityId),
    loadRules(db, municipalityId),
    loadSettings(db, municipalityId),
  ]);
  return {
    organisations: new Map(organisationList.map((o) => [o.id, o])),
    organisationList,
    committeeOfUnit,
    rules,
    staffHourCostMinor: settings.staffHourCostMinor,
    settings,
  };
}

export interface ProjectRecord {
  id: number;
  municipality_id: number;
  kind: ProjectKind;
  title_sv: string;
  title_en: string | null;
  summary_sv: string | null;
  owner_unit_id: number | null;
  municipality_role: 'lead' | 'partner' | 'associated' | null;
  lifecycle: ProjectLifecycle;
  status: ProjectStatus | null;
  start_date: string | null;
  end_date: string | null;
  updated_at: string;
}

/** The project with this id in this municipality, or undefined. `lock` takes the row lock on PostgreSQL. */
export async function findProject(db: Db, municipalityId: number, projectId: number, lock = false): Promise<ProjectRecord | undefined> {
  let q = db
    .selectFrom('projects')
    .select(['id', 'municipality_id', 'kind', 'title_sv', 'title_en', 'summary_sv', 'owner_unit_id', 'municipality_role', 'lifecycle', 'status', 'start_date', 'end_date', 'updated_at'])
    .where('id', '=', projectId)
    .where('municipality_id', '=', municipalityId);
  if (lock && isPostgres(db)) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  if (!r) return undefined;
  return { ...r, id: Number(r.id), municipality_id: Number(r.municipality_id), owner_unit_id: r.owner_unit_id == null ? null : Number(r.owner_unit_id) };
}

export interface FundingRow extends FundingLine {
  id: number;
  source_name: string | null;
  programme_name_sv: string | null;
  note_sv: string | null;
}

export async function loadFunding(db: Db, projectId: number): Promise<FundingRow[]> {
  const rows = await db
    .selectFrom('project_funding as f')
    .leftJoin('funding_programmes as p', 'p.id', 'f.programme_id')
    .select(['f.id', 'f.kind', 'f.amount_minor', 'f.currency', 'f.staff_hours', 'f.source_name', 'f.note_sv', 'p.name_sv as programme_name_sv'])
    .where('f.project_id', '=', projectId)
    .orderBy('f.id')
    .execute();
  return rows.map((r) => ({
    ...r,
    id: Number(r.id),
    amount_minor: r.amount_minor == null ? null : Number(r.amount_minor),
    staff_hours: r.staff_hours == null ? null : Number(r.staff_hours),
  }));
}

export interface DecisionRow extends DecisionFacts {
  municipality_id: number;
  delegate_role: string | null;
  paragraph: string | null;
  registry_number: string | null;
  subject_sv: string;
  subject_en: string | null;
  conditions_sv: string | null;
  created_at: string;
  recorded_by: number | null;
  body_name_sv: string | null;
  body_name_en: string | null;
  rule_reference: string | null;
}

function decisionQuery(db: Db) {
  return db
    .selectFrom('decisions as d')
    .leftJoin('organisations as b', 'b.id', 'd.body_id')
    .leftJoin('delegation_rules as r', 'r.id', 'd.delegation_rule_id')
    .select([
      'd.id', 'd.municipality_id', 'd.body_id', 'd.delegate_role', 'd.decided_on', 'd.paragraph', 'd.registry_number', 'd.subject_sv', 'd.subject_en',
      'd.outcome', 'd.conditions_sv', 'd.created_at', 'd.route', 'd.delegation_rule_id', 'd.recorded_by',
      'b.name_sv as body_name_sv', 'b.name_en as body_name_en', 'r.reference as rule_reference',
    ]);
}

function toDecisionRow(r: Record<string, unknown>): DecisionRow {
  const n = (v: unknown) => (v == null ? null : Number(v));
  return {
    id: Number(r.id),
    municipality_id: Number(r.municipality_id),
    body_id: n(r.body_id),
    delegate_role: (r.delegate_role as string | null) ?? null,
    decided_on: (r.decided_on as string | null) ?? null,
    paragraph: (r.paragraph as string | null) ?? null,
    registry_number: (r.registry_number as string | null) ?? null,
    subject_sv: r.subject_sv as string,
    subject_en: (r.subject_en as string | null) ?? null,
    outcome: r.outcome as DecisionOutcome,
    conditions_sv: (r.conditions_sv as string | null) ?? null,
    created_at: r.created_at as string,
    route: (r.route as DecisionRoute | null) ?? null,
    delegation_rule_id: n(r.delegation_rule_id),
    recorded_by: n(r.recorded_by),
    body_name_sv: (r.body_name_sv as string | null) ?? null,
    body_name_en: (r.body_name_en as string | null) ?? null,
    rule_reference: (r.rule_reference as string | null) ?? null,
  };
}

export async function loadProjectDecisions(db: Db, municipalityId: number, projectId: number): Promise<DecisionRow[]> {
  const rows = await decisionQuery(db)
    .innerJoin('project_decisions as pd', 'pd.decision_id', 'd.id')
    .where('pd.project_id', '=', projectId)
    .where('d.municipality_id', '=', municipalityId)
    .orderBy('d.decided_on')
    .orderBy('d.id')
    .execute();
  return rows.map(toDecisionRow);
}

export async function loadPartnershipDecisions(db: Db, municipalityId: number, partnershipId: number): Promise<DecisionRow[]> {
  const rows = await decisionQuery(db)
    .innerJoin('partnership_decisions as pd', 'pd.decision_id', 'd.id')
    .where('pd.partnership_id', '=', partnershipId)
    .where('d.municipality_id', '=', municipalityId)
    .orderBy('d.decided_on')
    .orderBy('d.id')
    .execute();
  return rows.map(toDecisionRow);
}

export async function findDecision(db: Db, municipalityId: number, id: number): Promise<DecisionRow | undefined> {
  const r = await decisionQuery(db).where('d.id', '=', id).where('d.municipality_id', '=', municipalityId).executeTakeFirst();
  return r ? toDecisionRow(r) : undefined;
}

export async function listDecisions(db: Db, municipalityId: number, limit: number, offset: number): Promise<{ rows: DecisionRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    decisionQuery(db).where('d.municipality_id', '=', municipalityId).orderBy('d.decided_on', 'desc').orderBy('d.id', 'desc').limit(limit).offset(offset).execute(),
    db.selectFrom('decisions').select((eb) => eb.fn.countAll<number>().as('n')).where('municipality_id', '=', municipalityId).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(toDecisionRow), total: Number(count.n) };
}

/** What each decision is about: linked projects and partnerships, by decision id. */
export async function loadDecisionLinks(db: Db, municipalityId: number, decisionIds: number[]) {
  const projects = new Map<number, { id: number; title: string }[]>();
  const partnerships = new Map<number, { id: number; title: string }[]>();
  if (decisionIds.length === 0) return { projects, partnerships };
  const [pr, pa] = await Promise.all([
    db
      .selectFrom('project_decisions as pd')
      .innerJoin('projects as p', 'p.id', 'pd.project_id')
      .select(['pd.decision_id', 'p.id', 'p.title_sv'])
      .where('pd.decision_id', 'in', decisionIds)
      .where('p.municipality_id', '=', municipalityId)
      .execute(),
    db
      .selectFrom('partnership_decisions as pd')
      .innerJoin('partnerships as p', 'p.id', 'pd.partnership_id')
      .select(['pd.decision_id', 'p.id', 'p.title_sv'])
      .where('pd.decision_id', 'in', decisionIds)
      .where('p.municipality_id', '=', municipalityId)
      .execute(),
  ]);
  for (const r of pr) {
    const k = Number(r.decision_id);
    projects.set(k, [...(projects.get(k) ?? []), { id: Number(r.id), title: r.title_sv }]);
  }
  for (const r of pa) {
    const k = Number(r.decision_id);
    partnerships.set(k, [...(partnerships.get(k) ?? []), { id: Number(r.id), title: r.title_sv }]);
  }
  return { projects, partnerships };
}

export type AssessmentRow = Omit<AssessmentTable, 'id'> & { id: number };

export async function findAssessment(db: Db, municipalityId: number, entity: 'project' | 'partnership', entityId: number): Promise<AssessmentRow | undefined> {
  const r = await db.selectFrom('assessments').selectAll().where('entity', '=', entity).where('entity_id', '=', entityId).where('municipality_id', '=', municipalityId).executeTakeFirst();
  if (!r) return undefined;
  const n = (v: unknown) => (v == null ? null : Number(v));
  return {
    ...r,
    id: Number(r.id),
    municipality_id: Number(r.municipality_id),
    entity_id: Number(r.entity_id),
    cash_minor: n(r.cash_minor),
    staff_hours: n(r.staff_hours),
    staff_hour_cost_minor: n(r.staff_hour_cost_minor),
    completed_by: n(r.completed_by),
    created_by: n(r.created_by),
  };
}

export interface PartnershipRecord {
  id: number;
  municipality_id: number;
  kind: PartnershipKind;
  title_sv: string;
  title_en: string | null;
  summary_sv: string | null;
  status: PartnershipStatus;
  owner_unit_id: number | null;
  updated_at: string;
}

export async function findPartnership(db: Db, municipalityId: number, id: number, lock = false): Promise<PartnershipRecord | undefined> {
  let q = db
    .selectFrom('partnerships')
    .select(['id', 'municipality_id', 'kind', 'title_sv', 'title_en', 'summary_sv', 'status', 'owner_unit_id', 'updated_at'])
    .where('id', '=', id)
    .where('municipality_id', '=', municipalityId);
  if (lock && isPostgres(db)) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  if (!r) return undefined;
  return { ...r, id: Number(r.id), municipality_id: Number(r.municipality_id), owner_unit_id: r.owner_unit_id == null ? null : Number(r.owner_unit_id) };
}

/** Partner organisations of a project, in order, with their country. */
export async function loadProjectPartners(db: Db, projectId: number) {
  return db
    .selectFrom('project_partners as pp')
    .innerJoin('organisations as o', 'o.id', 'pp.organisation_id')
    .select(['o.name_sv', 'o.country', 'pp.role'])
    .where('pp.project_id', '=', projectId)
    .orderBy('pp.position')
    .orderBy('o.name_sv')
    .execute();
}

export async function loadPartnershipPartners(db: Db, partnershipId: number) {
  return db
    .selectFrom('partnership_partners as pp')
    .innerJoin('organisations as o', 'o.id', 'pp.organisation_id')
    .select(['o.name_sv', 'o.country'])
    .where('pp.partnership_id', '=', partnershipId)
    .orderBy('pp.position')
    .execute();
}

export type { Decision };
