/**
 * The half-year report's content computed from live data (AL-13): `buildReportData` gathers the
 * period's projects and money (`data-projects.ts`, rules in `data-rules.ts`), decisions and
 * partnerships (`data-records.ts`), goal follow-up, budget, what is overdue, and the units'
 * sections, into one `ReportData` the documents are rendered from.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database, ReportStatus } from '../../db/schema.js';
import { budgetForYear } from '../budget/usage.js';
import { loadSettings } from '../decisions/repository.js';
import { allDueItems } from '../reminders/due.js';
import { inTreeOrder } from '../strategy/goal-links.js';
import { loadStrategyProgress } from '../strategy/progress/progress.js';
import { findAdoptedStrategy } from '../strategy/public/repository.js';
import { loadReportProjects } from './data-projects.js';
import { loadReportDecisions, loadReportPartnerships } from './data-records.js';
import { type BudgetYear, type ReportData, type ReportDueItem, type ReportGoal, type ReportProject, type ReportStructure, type ReportUnitSection, SECTION_KEYS } from './model.js';
import { type HalfYear, halfYearLabel } from './period.js';

type Db = Kysely<Database> | Transaction<Database>;

const collator = new Intl.Collator('sv');

/** What people wrote in a report (null/empty for a fresh draft, e.g. from the command line). */
export interface ReportText {
  title: string;
  titleEn: string | null;
  status: ReportStatus;
  registryNumber: string | null;
  finalisedOn: string | null;
  structure: ReportStructure;
  summary: string | null;
  sections: { unitId: number; comment: string | null; readyAt: string | null; readyBy: string | null }[];
}

/**
 * The default title of a period's report.
 * @example defaultTitle(parseHalfYear('2026H1')!, 'sv') // 'Uppföljning av det internationella arbetet – första halvåret 2026'
 * @example defaultTitle(parseHalfYear('2026H2')!, 'en') // 'Follow-up of international work – second half of 2026'
 */
export function defaultTitle(period: HalfYear, lang: 'sv' | 'en'): string {
  return lang === 'en' ? `Follow-up of international work – ${halfYearLabel(period, 'en')}` : `Uppföljning av det internationella arbetet – ${halfYearLabel(period, 'sv')}`;
}

/**
 * The default structure: every section in SECTION_KEYS order with its default heading, and a
 * section for each of the municipality's own units (internal organisations) that owns at least one
 * project or measure, by name in Swedish order.
 */
export async function defaultStructure(db: Db, municipalityId: number): Promise<ReportStructure> {
  const units = await db
    .selectFrom('organisations as o')
    .select(['o.id', 'o.name_sv'])
    .where('o.municipality_id', '=', municipalityId)
    .where('o.is_internal', '=', 1)
    .where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom('projects as p').select('p.id').whereRef('p.owner_unit_id', '=', 'o.id')),
        eb.exists(eb.selectFrom('measures as m').select('m.id').whereRef('m.owner_unit_id', '=', 'o.id')),
      ]),
    )
    .execute();
  units.sort((a, b) => collator.compare(a.name_sv, b.name_sv) || Number(a.id) - Number(b.id));
  return { sections: SECTION_KEYS.map((key) => ({ key, included: true, heading_sv: null, heading_en: null })), unitIds: units.map((u) => Number(u.id)) };
}

/** The adopted strategy's goals in tree order with their progress as of `today`; null without an adopted strategy. */
async function loadGoals(db: Db, municipalityId: number, today: string): Promise<ReportData['goals']> {
  const strategy = await findAdoptedStrategy(db, municipalityId);
  if (!strategy) return null;
  const [rows, progress] = await Promise.all([
    db.selectFrom('strategy_goals').select(['id', 'parent_id', 'position', 'level_name', 'title_sv']).where('strategy_id', '=', strategy.id).execute(),
    loadStrategyProgress(db, strategy.id, today),
  ]);
  const goals = inTreeOrder(rows.map((r) => ({ ...r, id: Number(r.id), parentId: r.parent_id === null ? null : Number(r.parent_id), position: Number(r.position) })));
  return {
    strategyTitle: strategy.title_sv,
    goals: goals.map((g): ReportGoal => {
      const p = progress.get(g.id);
      const value = p?.progress ?? null;
      // As on the public page: nothing measurable gives no light.
      return { id: g.id, parentId: g.parentId, depth: g.depth, levelName: g.level_name, title: g.title_sv, progress: value, light: value === null ? 'none' : (p?.light ?? 'none'), explanation: p?.explanation.sv ?? '' };
    }),
  };
}

/** The budget of the year; null when no category has money allocated or used. */
async function loadBudget(db: Db, municipalityId: number, year: number): Promise<BudgetYear | null> {
  const budget = await budgetForYear(db, municipalityId, year);
  return budget.categories.some((c) => c.allocatedMinor !== null || c.usedMinor !== 0) ? budget : null;
}

/** What is overdue or due as of `today` (for a draft: what is overdue now), earliest first. */
async function loadOverdue(db: Db, municipalityId: number, today: string): Promise<ReportDueItem[]> {
  const items = await allDueItems(db, municipalityId, today);
  return items.filter((d) => d.state === 'overdue' || d.state === 'due').map((d) => ({ kind: d.kind, title: d.title, dueOn: d.dueOn, state: d.state }));
}

/**
 * The units' sections, in the structure's order: each unit's projects among the report's, the
 * measures it owns in active action plans (by plan, then position), and what the unit wrote.
 * A unit that no longer exists in the municipality is left out.
 */
async function loadUnits(db: Db, municipalityId: number, unitIds: readonly number[], projects: readonly ReportProject[], sections: ReportText['sections']): Promise<ReportUnitSection[]> {
  if (unitIds.length === 0) return [];
  const [units, measures] = await Promise.all([
    db.selectFrom('organisations').select(['id', 'name_sv']).where('municipality_id', '=', municipalityId).where('is_internal', '=', 1).where('id', 'in', [...unitIds]).execute(),
    db
      .selectFrom('measures as m')
      .innerJoin('action_plans as p', 'p.id', 'm.plan_id')
      .select(['m.id', 'm.owner_unit_id', 'm.title_sv', 'm.status', 'm.progress', 'm.end_date'])
      .where('m.municipality_id', '=', municipalityId)
      .where('p.status', '=', 'active')
      .where('m.owner_unit_id', 'in', [...unitIds])
      .orderBy('p.period_start')
      .orderBy('p.id')
      .orderBy('m.position')
      .orderBy('m.id')
      .execute(),
  ]);
  const names = new Map(units.map((u) => [Number(u.id), u.name_sv]));
  const text = new Map(sections.map((s) => [s.unitId, s]));
  return unitIds.flatMap((unitId): ReportUnitSection[] => {
    const unitName = names.get(unitId);
    if (unitName === undefined) return [];
    const s = text.get(unitId);
    return [
      {
        unitId,
        unitName,
        projectIds: projects.filter((p) => p.unitId === unitId).map((p) => p.id),
        measures: measures
          .filter((m) => Number(m.owner_unit_id) === unitId)
          .map((m) => ({ id: Number(m.id), title: m.title_sv, status: m.status, progress: Number(m.progress), endDate: m.end_date })),
        comment: s?.comment ?? null,
        ready: (s?.readyAt ?? null) !== null,
        readyAt: s?.readyAt ?? null,
        readyBy: s?.readyBy ?? null,
      },
    ];
  });
}

/**
 * The report's whole content for a municipality and half-year, from live data as of `today`.
 * `text` carries what people wrote; without it the draft has the default title and structure and no comments.
 * Which projects belong to the period, and in which phase: `belongsToPeriod` and `phaseIn` in
 * data-rules.ts (a missing start date is 1 January of the project's year; cancelled projects
 * count in the half-year they ended in).
 * Goal progress, partnerships' next evaluations and what is overdue are as of `today` (a draft
 * shows what is overdue now; a finalised report keeps what was overdue when it was finalised).
 * @throws Error when the municipality does not exist.
 * @example await buildReportData(db, 1, parseHalfYear('2026H1')!, { today: '2026-07-10' }) // { period: { key: '2026H1', … }, totals: { started: 3, … }, … }
 */
export async function buildReportData(db: Db, municipalityId: number, period: HalfYear, options: { today: string; now?: string; text?: ReportText }): Promise<ReportData> {
  const { today, text } = options;
  const municipality = await db.selectFrom('municipalities').select(['id', 'name_sv', 'name_en', 'slug']).where('id', '=', municipalityId).executeTakeFirst();
  if (!municipality) throw new Error(`No municipality with id ${municipalityId}`);
  const [settings, structure] = await Promise.all([loadSettings(db, municipalityId), text ? text.structure : defaultStructure(db, municipalityId)]);
  const part = await loadReportProjects(db, municipalityId, period, settings.staffHourCostMinor);
  const projectIds = part.projects.map((p) => p.id);
  const [decisions, partnerships, goals, budget, overdue, units] = await Promise.all([
    loadReportDecisions(db, municipalityId, period),
    loadReportPartnerships(db, municipalityId, period, projectIds, today),
    loadGoals(db, municipalityId, today),
    loadBudget(db, municipalityId, period.year),
    loadOverdue(db, municipalityId, today),
    loadUnits(db, municipalityId, structure.unitIds, part.projects, text?.sections ?? []),
  ]);
  return {
    schemaVersion: 1,
    municipality: { id: Number(municipality.id), name: municipality.name_sv, nameEn: municipality.name_en, slug: municipality.slug },
    period: { key: period.key, start: period.start, end: period.end },
    title: text?.title ?? defaultTitle(period, 'sv'),
    titleEn: text ? text.titleEn : defaultTitle(period, 'en'),
    status: text?.status ?? 'draft',
    generatedAt: options.now ?? new Date().toISOString(),
    asOf: today,
    registryNumber: text?.registryNumber ?? null,
    finalisedOn: text?.finalisedOn ?? null,
    structure,
    summary: text?.summary ?? null,
    totals: part.totals,
    projects: part.projects,
    fundingHistory: part.fundingHistory,
    fundingBySource: part.fundingBySource,
    decisions,
    partnerships,
    goals,
    budget,
    overdue,
    units,
  };
}
