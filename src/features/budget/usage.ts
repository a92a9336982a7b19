/**
 * The international budget of a year (AL-15): what is allocated to twin-town work ('twinning') and
 * to preparing international projects ('preparation'), what has been used, and what remains.
 *
 * Vad som räknas som förbrukat (the rule, also shown on the budget page):
 * - Ett projekt räknas till det år det hör till: startdatumets år, eller projektets år (`year`)
 *   när startdatum saknas. Projekt som ställts in (status eller livscykel 'cancelled') eller fått
 *   avslag (livscykel 'rejected') räknas inte.
 * - Förberedelse ('preparation'): kommunens kontanta medfinansiering (municipal_cash i SEK) i
 *   projekt under förberedelse, det vill säga med livscykeln idé, bedömning eller väntar på
 *   beslut, eller med status planerat eller ansökt.
 * - Vänortsarbete ('twinning'): kommunens kontanta medfinansiering i övriga projekt som är
 *   kopplade till ett vänortssamarbete (partnership of kind 'twinning').
 *   Ett projekt räknas aldrig i båda kategorierna: förberedelse går före.
 * - Till det kommer de poster samordnaren har registrerat med datum under året.
 * - Återstår = anslaget − förbrukat; inget värde när inget anslag är satt.
 */
import type { Db } from '../../db/database.js';
import type { BudgetCategory } from '../../db/schema.js';
import type { BudgetYear, ReportBudgetCategory } from '../reports/model.js';

/** The budget's two categories, in the order they are shown. */
export const BUDGET_CATEGORIES: readonly BudgetCategory[] = ['twinning', 'preparation'];

/** Project lifecycles that mean the project is still being prepared. */
const PREPARATION_LIFECYCLES = ['idea', 'assessment', 'awaiting_decision'] as const;
/** Project statuses that mean the project is still being prepared. */
const PREPARATION_STATUSES = ['planned', 'applied'] as const;

interface ProjectRow {
  id: number;
  title: string;
  startDate: string | null;
  year: number | null;
  status: string | null;
  lifecycle: string;
  cashMinor: number;
  twinningPartnershipId: number | null;
}

/** Whether a project was cancelled or rejected: such a project counts nowhere (budget, evaluations). */
export function isCancelledOrRejected(p: { status: string | null; lifecycle: string }): boolean {
  return p.status === 'cancelled' || p.lifecycle === 'cancelled' || p.lifecycle === 'rejected';
}

/**
 * Which category a project's municipal cash counts in, or null when it counts in none (see the
 * module's rule: cancelled and rejected never count; preparation before twinning).
 * @example projectBudgetCategory({ status: 'planned', lifecycle: 'idea', twinning: true }) // 'preparation'
 */
export function projectBudgetCategory(p: { status: string | null; lifecycle: string; twinning: boolean }): BudgetCategory | null {
  if (isCancelledOrRejected(p)) return null;
  const preparing = (PREPARATION_LIFECYCLES as readonly string[]).includes(p.lifecycle) || (PREPARATION_STATUSES as readonly string[]).includes(p.status ?? '');
  if (preparing) return 'preparation';
  return p.twinning ? 'twinning' : null;
}

export interface EntryInput {
  category: BudgetCategory;
  spent_on: string;
  amount_minor: number;
  description_sv: string;
  project_id: number | null;
  partnership_id: number | null;
}

export interface EntryRow extends EntryInput {
  id: number;
  municipality_id: number;
}

type EntryDbRow = { id: number | string; municipality_id: number | string; category: BudgetCategory; spent_on: string; amount_minor: number | string; description_sv: string; project_id: number | string | null; partnership_id: number | string | null };

/** A `budget_entries` row with its ids and amount as numbers (PostgreSQL gives bigint as text). */
export const toEntry = (r: EntryDbRow): EntryRow => ({
  id: Number(r.id),
  municipality_id: Number(r.municipality_id),
  category: r.category,
  spent_on: r.spent_on,
  amount_minor: Number(r.amount_minor),
  description_sv: r.description_sv,
  project_id: r.project_id === null ? null : Number(r.project_id),
  partnership_id: r.partnership_id === null ? null : Number(r.partnership_id),
});

/** The entries dated in the year, by date (the budget page links each to its form). */
export async function listEntries(db: Db, municipalityId: number, year: number): Promise<EntryRow[]> {
  const rows = await db
    .selectFrom('budget_entries')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('spent_on', '>=', `${year}-01-01`)
    .where('spent_on', '<=', `${year}-12-31`)
    .orderBy('spent_on')
    .orderBy('id')
    .execute();
  return rows.map(toEntry);
}

/** The year's allocations by category (null when none). */
export async function loadAllocations(db: Db, municipalityId: number, year: number): Promise<Record<BudgetCategory, number | null>> {
  const rows = await db.selectFrom('budget_allocations').select(['category', 'amount_minor']).where('municipality_id', '=', municipalityId).where('year', '=', year).execute();
  const of = (c: BudgetCategory) => {
    const r = rows.find((x) => x.category === c);
    return r ? Number(r.amount_minor) : null;
  };
  return { twinning: of('twinning'), preparation: of('preparation') };
}

async function projectsWithCash(db: Db, municipalityId: number, year: number): Promise<ProjectRow[]> {
  const rows = await db
    .selectFrom('projects as p')
    .innerJoin('project_funding as f', 'f.project_id', 'p.id')
    .select((eb) => ['p.id', 'p.title_sv', 'p.start_date', 'p.year', 'p.status', 'p.lifecycle', eb.fn.sum<string | number>('f.amount_minor').as('cash')])
    .where('p.municipality_id', '=', municipalityId)
    .where('f.kind', '=', 'municipal_cash')
    .where('f.currency', '=', 'SEK')
    .where('f.amount_minor', 'is not', null)
    .where((eb) =>
      eb.or([
        eb('p.start_date', '>=', `${year}-01-01`).and('p.start_date', '<=', `${year}-12-31`),
        eb('p.start_date', 'is', null).and('p.year', '=', year),
      ]),
    )
    .groupBy(['p.id', 'p.title_sv', 'p.start_date', 'p.year', 'p.status', 'p.lifecycle'])
    .execute();
  if (rows.length === 0) return [];
  const links = await db
    .selectFrom('project_partnerships as pp')
    .innerJoin('partnerships as s', 's.id', 'pp.partnership_id')
    .select(['pp.project_id', 'pp.partnership_id'])
    .where('s.municipality_id', '=', municipalityId)
    .where('s.kind', '=', 'twinning')
    .where(
      'pp.project_id',
      'in',
      rows.map((r) => Number(r.id)),
    )
    .orderBy('pp.partnership_id')
    .execute();
  const twinning = new Map<number, number>();
  for (const l of links) if (!twinning.has(Number(l.project_id))) twinning.set(Number(l.project_id), Number(l.partnership_id));
  return rows.map((r) => ({
    id: Number(r.id),
    title: r.title_sv,
    startDate: r.start_date,
    year: r.year === null ? null : Number(r.year),
    status: r.status,
    lifecycle: r.lifecycle,
    cashMinor: Number(r.cash),
    twinningPartnershipId: twinning.get(Number(r.id)) ?? null,
  }));
}

/**
 * The year's budget per category, both categories always present (allocated null when nothing is
 * allocated). Used lines: the projects first (by date), then the coordinator's entries (by date).
 * @example await budgetForYear(db, 2, 2026) // { year: 2026, categories: [{ category: 'twinning', allocatedMinor: 50_000_00, usedMinor: 12_500_00, remainingMinor: 37_500_00, used: [...] }, …] }
 */
export async function budgetForYear(db: Db, municipalityId: number, year: number): Promise<BudgetYear> {
  return (await budgetWithEntries(db, municipalityId, year)).budget;
}

/** The year's budget (as budgetForYear) and the entries it counts, with their ids (the budget page links them). */
export async function budgetWithEntries(db: Db, municipalityId: number, year: number): Promise<{ budget: BudgetYear; entries: EntryRow[] }> {
  const [allocations, entries, projects] = await Promise.all([loadAllocations(db, municipalityId, year), listEntries(db, municipalityId, year), projectsWithCash(db, municipalityId, year)]);
  const byDate = (a: { date: string | null }, b: { date: string | null }) => (a.date ?? '').localeCompare(b.date ?? '');
  const categories: ReportBudgetCategory[] = BUDGET_CATEGORIES.map((category) => {
    const fromProjects: ReportBudgetCategory['used'] = projects
      .filter((p) => projectBudgetCategory({ status: p.status, lifecycle: p.lifecycle, twinning: p.twinningPartnershipId !== null }) === category)
      .map((p) => ({
        source: 'project' as const,
        description: p.title,
        date: p.startDate ?? (p.year === null ? null : `${p.year}-01-01`),
        amountMinor: p.cashMinor,
        projectId: p.id,
        partnershipId: category === 'twinning' ? p.twinningPartnershipId : null,
      }))
      .sort(byDate);
    const fromEntries: ReportBudgetCategory['used'] = entries
      .filter((e) => e.category === category)
      .map((e) => ({ source: 'entry' as const, description: e.description_sv, date: e.spent_on, amountMinor: e.amount_minor, projectId: e.project_id, partnershipId: e.partnership_id }));
    const used = [...fromProjects, ...fromEntries];
    const usedMinor = used.reduce((sum, u) => sum + u.amountMinor, 0);
    const allocatedMinor = allocations[category];
    return { category, allocatedMinor, usedMinor, remainingMinor: allocatedMinor === null ? null : allocatedMinor - usedMinor, used };
  });
  return { budget: { year, categories }, entries };
}
