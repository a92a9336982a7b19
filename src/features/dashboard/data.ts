/**
 * The figures of the follow-up dashboard and of the public key figures, read with a handful of
 * grouped queries (one per chart or fewer; the database adds up, not the application).
 *
 * Which projects count (the rule the page states):
 * - back office: every project of the municipality that has got past the idea stage or is
 *   published (imported and seeded history is published with lifecycle `idea`), except rejected
 *   and cancelled ones;
 * - public: published projects only, nothing else.
 * A project belongs to the year it started: the start date's year, or `year` when there is no
 * start date. For a half-year, the start date must fall in it.
 */
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { budgetForYear } from '../budget/usage.js';
import { loadSettings } from '../decisions/repository.js';
import { allDueItems } from '../reminders/due.js';
import type { BudgetYear } from '../reports/model.js';
import { listUnitRefs, type UnitRef } from '../strategy/plans/repository.js';
import type { DueItem } from '../strategy/progress/due.js';
import { type DashboardFilter, type Period, periodRange, periodYears } from './filters.js';

export type Audience = 'internal' | 'public';

export interface ProjectScope {
  municipalityId: number;
  audience: Audience;
  /** Undefined: every year. */
  period?: Period;
  /** The owner units whose projects count; null: every project. */
  unitIds?: number[] | null;
}

/** The year a project belongs to (SQLite and PostgreSQL alike). */
const YEAR = sql<number>`coalesce(cast(substr(p.start_date, 1, 4) as integer), p.year)`;

/** The condition on `projects p` that picks the projects counted. */
export function projectScope(s: ProjectScope): RawBuilder<SqlBool> {
  const parts: RawBuilder<unknown>[] = [sql`p.municipality_id = ${s.municipalityId}`];
  if (s.audience === 'public') parts.push(sql`p.publication_state = 'published'`);
  else {
    parts.push(sql`p.lifecycle not in ('rejected', 'cancelled')`);
    parts.push(sql`(p.status is null or p.status <> 'cancelled')`);
    parts.push(sql`(p.lifecycle <> 'idea' or p.publication_state = 'published')`);
  }
  if (s.period?.kind === 'years') parts.push(sql`${YEAR} between ${s.period.from} and ${s.period.to}`);
  if (s.period?.kind === 'half') parts.push(sql`p.start_date between ${s.period.half.start} and ${s.period.half.end}`);
  if (s.unitIds) parts.push(s.unitIds.length ? sql`p.owner_unit_id in (${sql.join(s.unitIds)})` : sql`1 = 0`);
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

export interface FundingYear {
  year: number;
  euMinor: number;
  otherGrantsMinor: number;
  ownCashMinor: number;
  ownHours: number;
}

export interface FundingFigures {
  /** SEK, per year that has any amount (ascending). */
  years: FundingYear[];
  /** External funding (EU and other grants) per source, SEK, largest first. */
  sources: { source_sv: string | null; source_en: string | null; amountMinor: number }[];
  /** External funding in other currencies, not converted. */
  otherCurrencies: { currency: string; amountMinor: number }[];
}

/** External funding (EU and other grants) and the municipality's own cash and hours, per year and per source. */
export async function fundingFigures(db: Db, scope: ProjectScope): Promise<FundingFigures> {
  const { rows } = await sql<{ y: number | null; kind: string; currency: string; source_name: string | null; programme_sv: string | null; programme_en: string | null; amount: unknown; hours: unknown }>`
    select ${YEAR} as y, f.kind as kind, f.currency as currency, nullif(f.source_name, '') as source_name,
      fp.name_sv as programme_sv, fp.name_en as programme_en, sum(f.amount_minor) as amount, sum(f.staff_hours) as hours
    from project_funding f
    join projects p on p.id = f.project_id
    left join funding_programmes fp on fp.id = f.programme_id
    where ${projectScope(scope)} and f.kind in ('eu_grant', 'other_grant', 'municipal_cash', 'own_staff_time')
    group by 1, 2, 3, 4, 5, 6`.execute(db);
  const years = new Map<number, FundingYear>();
  const sources = new Map<string, FundingFigures['sources'][number]>();
  const otherCurrencies = new Map<string, number>();
  for (const r of rows) {
    const amount = num(r.amount);
    const external = r.kind === 'eu_grant' || r.kind === 'other_grant';
    if (r.currency !== 'SEK') {
      if (external && amount) otherCurrencies.set(r.currency, (otherCurrencies.get(r.currency) ?? 0) + amount);
      if (r.kind !== 'own_staff_time') continue;
    }
    if (r.y !== null) {
      const y = Number(r.y);
      const entry = years.get(y) ?? { year: y, euMinor: 0, otherGrantsMinor: 0, ownCashMinor: 0, ownHours: 0 };
      if (r.kind === 'eu_grant') entry.euMinor += amount;
      else if (r.kind === 'other_grant') entry.otherGrantsMinor += amount;
      else if (r.kind === 'municipal_cash') entry.ownCashMinor += amount;
      else entry.ownHours += num(r.hours);
      years.set(y, entry);
    }
    if (external && amount) {
      const sv = r.source_name ?? r.programme_sv;
      const en = r.source_name ?? r.programme_en ?? r.programme_sv;
      const key = sv ?? '';
      const s = sources.get(key) ?? { source_sv: sv, source_en: en, amountMinor: 0 };
      s.amountMinor += amount;
      sources.set(key, s);
    }
  }
  return {
    years: [...years.values()].sort((a, b) => a.year - b.year),
    sources: [...sources.values()].sort((a, b) => b.amountMinor - a.amountMinor || String(a.source_sv).localeCompare(String(b.source_sv), 'sv')),
    otherCurrencies: [...otherCurrencies].map(([currency, amountMinor]) => ({ currency, amountMinor })).sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}

export interface YouthYear {
  year: number;
  youth: number;
  total: number;
  projects: number;
}

/** Participants and young participants per year, over projects that recorded both (AL-7). */
export async function youthFigures(db: Db, scope: ProjectScope): Promise<YouthYear[]> {
  const { rows } = await sql<{ y: number | null; youth: unknown; total: unknown; n: unknown }>`
    select ${YEAR} as y, sum(p.participants_youth) as youth, sum(p.participants_total) as total, count(*) as n
    from projects p
    where ${projectScope(scope)} and p.participants_total is not null and p.participants_youth is not null
    group by 1`.execute(db);
  return rows
    .filter((r) => r.y !== null)
    .map((r) => ({ year: Number(r.y), youth: num(r.youth), total: num(r.total), projects: num(r.n) }))
    .sort((a, b) => a.year - b.year);
}

export interface Count {
  key: string;
  label_sv: string;
  label_en: string;
  projects: number;
}

/** Projects per theme (a project with several themes counts under each), most first. */
export async function themeCounts(db: Db, scope: ProjectScope): Promise<Count[]> {
  const { rows } = await sql<{ code: string; label_sv: string | null; label_en: string | null; n: unknown }>`
    select pt.theme as code, th.label_sv as label_sv, th.label_en as label_en, count(distinct p.id) as n
    from project_themes pt
    join projects p on p.id = pt.project_id
    left join themes th on th.code = pt.theme
    where ${projectScope(scope)}
    group by 1, 2, 3`.execute(db);
  return sortCounts(rows.map((r) => ({ key: r.code, label_sv: r.label_sv ?? r.code, label_en: r.label_en ?? r.label_sv ?? r.code, projects: num(r.n) })));
}

/** Projects per country code (ISO 3166-1 alpha-2), most first; labels are the codes (named by the page). */
export async function countryCounts(db: Db, scope: ProjectScope): Promise<Count[]> {
  const { rows } = await sql<{ code: string; n: unknown }>`
    select c.country as code, count(distinct p.id) as n
    from project_countries c
    join projects p on p.id = c.project_id
    where ${projectScope(scope)}
    group by 1`.execute(db);
  return sortCounts(rows.map((r) => ({ key: r.code, label_sv: r.code, label_en: r.code, projects: num(r.n) })));
}

function sortCounts(list: Count[]): Count[] {
  return list.sort((a, b) => b.projects - a.projects || a.label_sv.localeCompare(b.label_sv, 'sv'));
}

/** Projects per owner unit (null: none given), most first. */
async function unitCounts(db: Db, scope: ProjectScope, units: UnitRef[]): Promise<{ counts: Count[]; total: number }> {
  const { rows } = await sql<{ unit: number | null; n: unknown }>`
    select p.owner_unit_id as unit, count(*) as n from projects p where ${projectScope(scope)} group by 1`.execute(db);
  const byId = new Map(units.map((u) => [u.id, u]));
  const counts = rows.map((r) => {
    const u = r.unit === null ? undefined : byId.get(Number(r.unit));
    return { key: r.unit === null ? '' : String(r.unit), label_sv: u?.name_sv ?? '', label_en: u?.name_en ?? u?.name_sv ?? '', projects: num(r.n) };
  });
  return { counts: sortCounts(counts), total: counts.reduce((s, c) => s + c.projects, 0) };
}

export interface GoalCounts {
  /** The adopted strategy's title; null when none is adopted. */
  strategy: { title_sv: string; title_en: string | null } | null;
  /** Top-level goals in order, each counting the projects linked to it or to any goal under it. */
  goals: Count[];
  /** Projects linked to any goal of the strategy. */
  linked: number;
}

/** Projects per top-level goal of the adopted strategy (the goal's whole subtree counts). */
export async function goalCounts(db: Db, scope: ProjectScope): Promise<GoalCounts> {
  const strategy = await db
    .selectFrom('strategies')
    .select(['id', 'title_sv', 'title_en'])
    .where('municipality_id', '=', scope.municipalityId)
    .where('status', '=', 'adopted')
    .orderBy('adopted_on', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!strategy) return { strategy: null, goals: [], linked: 0 };
  const strategyId = Number(strategy.id);
  const [goals, links] = await Promise.all([
    db.selectFrom('strategy_goals').select(['id', 'parent_id', 'title_sv', 'title_en', 'position']).where('strategy_id', '=', strategyId).orderBy('position').orderBy('id').execute(),
    sql<{ project_id: number; goal_id: number }>`
      select distinct pg.project_id as project_id, pg.goal_id as goal_id
      from project_goals pg
      join projects p on p.id = pg.project_id
      join strategy_goals g on g.id = pg.goal_id
      where ${projectScope(scope)} and g.strategy_id = ${strategyId}`.execute(db),
  ]);
  const parent = new Map(goals.map((g) => [Number(g.id), g.parent_id === null ? null : Number(g.parent_id)]));
  const rootOf = (id: number): number => {
    let at = id;
    for (let i = 0; i < goals.length; i++) {
      const p = parent.get(at);
      if (p === null || p === undefined || !parent.has(p)) return at;
      at = p;
    }
    return at;
  };
  const projectsOf = new Map<number, Set<number>>();
  const linked = new Set<number>();
  for (const l of links.rows) {
    const root = rootOf(Number(l.goal_id));
    const set = projectsOf.get(root) ?? new Set<number>();
    set.add(Number(l.project_id));
    projectsOf.set(root, set);
    linked.add(Number(l.project_id));
  }
  const roots = goals.filter((g) => g.parent_id === null || !parent.has(Number(g.parent_id)));
  return {
    strategy: { title_sv: strategy.title_sv, title_en: strategy.title_en },
    goals: roots.map((g) => ({ key: String(g.id), label_sv: g.title_sv, label_en: g.title_en ?? g.title_sv, projects: projectsOf.get(Number(g.id))?.size ?? 0 })),
    linked: linked.size,
  };
}

export interface PartnershipActivity {
  id: number;
  title_sv: string;
  title_en: string | null;
  active: boolean;
  exchanges: number;
  otherEvents: number;
  projects: number;
}

/**
 * Per partnership (of the units, when given): its exchanges and other events dated in the period,
 * and the counted projects linked to it that started in the period. Active partnerships and any
 * with activity, most active first.
 */
export async function partnershipActivity(db: Db, scope: ProjectScope & { period: Period }): Promise<PartnershipActivity[]> {
  const { start, end } = periodRange(scope.period);
  const projects = projectScope({ ...scope, unitIds: null });
  const unit = scope.unitIds ? (scope.unitIds.length ? sql`and ps.owner_unit_id in (${sql.join(scope.unitIds)})` : sql`and 1 = 0`) : sql``;
  const { rows } = await sql<{ id: number; title_sv: string; title_en: string | null; status: string; exchanges: unknown; other_events: unknown; projects: unknown }>`
    select ps.id as id, ps.title_sv as title_sv, ps.title_en as title_en, ps.status as status,
      (select count(*) from partnership_events e where e.partnership_id = ps.id and e.kind = 'exchange' and e.date_from between ${start} and ${end}) as exchanges,
      (select count(*) from partnership_events e where e.partnership_id = ps.id and e.kind <> 'exchange' and e.date_from between ${start} and ${end}) as other_events,
      (select count(distinct p.id) from project_partnerships x join projects p on p.id = x.project_id where x.partnership_id = ps.id and ${projects}) as projects
    from partnerships ps
    where ps.municipality_id = ${scope.municipalityId} ${unit}`.execute(db);
  return rows
    .map((r) => ({ id: Number(r.id), title_sv: r.title_sv, title_en: r.title_en, active: r.status === 'active', exchanges: num(r.exchanges), otherEvents: num(r.other_events), projects: num(r.projects) }))
    .filter((r) => r.active || r.exchanges + r.otherEvents + r.projects > 0)
    .sort((a, b) => b.exchanges + b.otherEvents + b.projects - (a.exchanges + a.otherEvents + a.projects) || a.title_sv.localeCompare(b.title_sv, 'sv'));
}

/** The unit and every unit under it. */
export function unitSubtree(units: UnitRef[], unitId: number): number[] {
  const children = new Map<number, number[]>();
  for (const u of units) if (u.parentId !== null) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
  const out: number[] = [];
  const stack = [unitId];
  while (stack.length) {
    const id = stack.pop()!;
    if (out.includes(id)) continue;
    out.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

export interface DashboardData {
  filter: DashboardFilter;
  years: number[];
  units: UnitRef[];
  funding: FundingFigures;
  staffHourCostMinor: number;
  youth: YouthYear[];
  themes: Count[];
  countries: Count[];
  goals: GoalCounts;
  unitProjects: Count[];
  /** Projects counted in the period (and unit). */
  projectCount: number;
  partnerships: PartnershipActivity[];
  budget: BudgetYear;
  due: DueItem[];
}

/** Every figure of the back-office dashboard for a municipality, a filter and a day. */
export async function loadDashboard(db: Db, municipalityId: number, filter: DashboardFilter, today: string, units?: UnitRef[]): Promise<DashboardData> {
  const unitList = units ?? (await listUnitRefs(db, municipalityId));
  const unitIds = filter.unitId === null ? null : unitSubtree(unitList, filter.unitId);
  const scope: ProjectScope = { municipalityId, audience: 'internal', period: filter.period, unitIds };
  const budgetYear = filter.period.kind === 'half' ? filter.period.half.year : filter.period.to;
  const [funding, settings, youth, themes, countries, goals, unitProjects, partnerships, budget, due] = await Promise.all([
    fundingFigures(db, scope),
    loadSettings(db, municipalityId),
    youthFigures(db, scope),
    themeCounts(db, scope),
    countryCounts(db, scope),
    goalCounts(db, scope),
    unitCounts(db, scope, unitList),
    partnershipActivity(db, { ...scope, period: filter.period }),
    budgetForYear(db, municipalityId, budgetYear),
    allDueItems(db, municipalityId, today),
  ]);
  const unitSet = unitIds ? new Set(unitIds) : null;
  return {
    filter,
    years: periodYears(filter.period),
    units: unitList,
    funding,
    staffHourCostMinor: settings.staffHourCostMinor,
    youth,
    themes,
    countries,
    goals,
    unitProjects: unitProjects.counts,
    projectCount: unitProjects.total,
    partnerships,
    budget,
    due: unitSet ? due.filter((d) => d.unitId !== null && d.unitId !== undefined && unitSet.has(d.unitId)) : due,
  };
}
