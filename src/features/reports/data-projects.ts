/**
 * The half-year report's projects and money from the database (AL-13): every project of the
 * period with its funding lines, countries, themes, goals and results; the totals; funding
 * attracted per half-year; external funding by source. A few set-based queries (ids in chunks),
 * never one query per project, so a municipality with thousands of projects stays quick.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { belongsToPeriod, effectiveDates, grantsSek, PHASE_ORDER, phaseIn, projectMoney, reportTotals } from './data-rules.js';
import type { FundingHistoryPoint, ReportData, ReportFundingLine, ReportProject } from './model.js';
import { type HalfYear, halfYearsUpTo } from './period.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The source of external money that names neither a funder nor a programme. */
export const UNKNOWN_SOURCE = 'Okänd källa';

/** Ids per `in (…)` list: far below SQLite's and PostgreSQL's limits on parameters. */
const CHUNK = 1000;

/** How many half-years the funding history shows (this one and the five before). */
export const HISTORY_HALF_YEARS = 6;

const collator = new Intl.Collator('sv');

/** Runs `query` for the ids in chunks and concatenates the rows. */
export async function inChunks<T>(ids: readonly number[], query: (chunk: number[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await query(ids.slice(i, i + CHUNK))));
  return out;
}

/** Groups rows by a numeric key. */
export function groupBy<T, V>(rows: readonly T[], key: (r: T) => number, value: (r: T) => V): Map<number, V[]> {
  const out = new Map<number, V[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(value(r));
    else out.set(k, [value(r)]);
  }
  return out;
}

const num = (v: number | string | null) => (v === null ? null : Number(v));

type ProjectRow = Awaited<ReturnType<typeof loadProjectRows>>[number];

async function loadProjectRows(db: Db, municipalityId: number) {
  const rows = await db
    .selectFrom('projects as p')
    .leftJoin('organisations as u', 'u.id', 'p.owner_unit_id')
    .leftJoin('funding_programmes as fp', 'fp.id', 'p.programme_id')
    .select([
      'p.id', 'p.title_sv', 'p.title_en', 'p.kind', 'p.status', 'p.lifecycle', 'p.start_date', 'p.end_date', 'p.year', 'p.owner_unit_id',
      'u.name_sv as unit_name', 'fp.name_sv as programme', 'p.publication_state', 'p.participants_total', 'p.participants_youth',
    ])
    .where('p.municipality_id', '=', municipalityId)
    .execute();
  return rows.map((r) => ({
    ...r,
    id: Number(r.id),
    year: num(r.year),
    owner_unit_id: num(r.owner_unit_id),
    participants_total: num(r.participants_total),
    participants_youth: num(r.participants_youth),
  }));
}

const datesOf = (r: ProjectRow) => ({ status: r.status, lifecycle: r.lifecycle, startDate: r.start_date, endDate: r.end_date, year: r.year });

async function loadFunding(db: Db, ids: number[]): Promise<Map<number, ReportFundingLine[]>> {
  const rows = await inChunks(ids, (chunk) =>
    db
      .selectFrom('project_funding as f')
      .leftJoin('funding_programmes as fp', 'fp.id', 'f.programme_id')
      .select(['f.id', 'f.project_id', 'f.kind', 'f.source_name', 'fp.name_sv as programme', 'f.currency', 'f.amount_minor', 'f.staff_hours'])
      .where('f.project_id', 'in', chunk)
      .execute(),
  );
  rows.sort((a, b) => Number(a.id) - Number(b.id));
  return groupBy(
    rows,
    (r) => Number(r.project_id),
    (r): ReportFundingLine => ({ kind: r.kind, source: r.source_name?.trim() || r.programme || null, currency: r.currency, amountMinor: num(r.amount_minor), staffHours: num(r.staff_hours) }),
  );
}

/** Countries, themes, goals and results of the projects, by project id. */
async function loadDetails(db: Db, ids: number[]) {
  const [countries, themes, goals, results] = await Promise.all([
    inChunks(ids, (c) => db.selectFrom('project_countries').select(['project_id', 'country']).where('project_id', 'in', c).orderBy('country').execute()),
    inChunks(ids, (c) => db.selectFrom('project_themes').select(['project_id', 'theme']).where('project_id', 'in', c).orderBy('theme').execute()),
    inChunks(ids, (c) => db.selectFrom('project_goals').select(['project_id', 'goal_id']).where('project_id', 'in', c).orderBy('goal_id').execute()),
    inChunks(ids, (c) =>
      db
        .selectFrom('project_results')
        .select(['id', 'project_id', 'description_sv', 'indicator', 'unit', 'target', 'actual', 'period'])
        .where('project_id', 'in', c)
        .orderBy('id')
        .execute(),
    ),
  ]);
  return {
    countries: groupBy(countries, (r) => Number(r.project_id), (r) => r.country),
    themes: groupBy(themes, (r) => Number(r.project_id), (r) => r.theme),
    goals: groupBy(goals, (r) => Number(r.project_id), (r) => Number(r.goal_id)),
    results: groupBy(
      results,
      (r) => Number(r.project_id),
      (r) => ({ description: r.description_sv, indicator: r.indicator, unit: r.unit, target: num(r.target), actual: num(r.actual), period: r.period }),
    ),
  };
}

/** The projects part of a report: its projects, totals, funding history and funding by source. */
export type ReportProjectsPart = Pick<ReportData, 'projects' | 'totals' | 'fundingHistory' | 'fundingBySource'>;

/**
 * The municipality's projects of the period (published or not; see `belongsToPeriod` and
 * `phaseIn`), by phase (started, ongoing, finished) and then title in Swedish order; their totals;
 * the funding history (for this half-year and the five before it: the EU and other grants in SEK
 * of the projects that started in it, by the same rules, and how many started); and the external
 * SEK money of the period's projects by source (the line's funder as written, else its
 * programme, else UNKNOWN_SOURCE), largest first.
 */
export async function loadReportProjects(db: Db, municipalityId: number, period: HalfYear, staffHourCostMinor: number): Promise<ReportProjectsPart> {
  const rows = await loadProjectRows(db, municipalityId);
  const history = halfYearsUpTo(period, HISTORY_HALF_YEARS);
  const inPeriod = rows.filter((r) => belongsToPeriod(datesOf(r), period));
  // Projects that started in one of the history's half-years (and belong to it).
  const startedIn = new Map<string, ProjectRow[]>(history.map((h) => [h.key, []]));
  for (const r of rows) {
    const start = effectiveDates(datesOf(r)).start;
    const h = start === null ? undefined : history.find((x) => start >= x.start && start <= x.end);
    if (h && belongsToPeriod(datesOf(r), h)) startedIn.get(h.key)!.push(r);
  }
  const ids = [...new Set([...inPeriod, ...[...startedIn.values()].flat()].map((r) => r.id))];
  const [funding, details] = await Promise.all([loadFunding(db, ids), loadDetails(db, inPeriod.map((r) => r.id))]);

  const projects = inPeriod.map((r): ReportProject => {
    const lines = funding.get(r.id) ?? [];
    return {
      id: r.id,
      title: r.title_sv,
      titleEn: r.title_en,
      kind: r.kind,
      status: r.status,
      lifecycle: r.lifecycle,
      phase: phaseIn(datesOf(r), period),
      startDate: r.start_date,
      endDate: r.end_date,
      unitId: r.owner_unit_id,
      unitName: r.unit_name,
      programme: r.programme,
      published: r.publication_state === 'published',
      countries: details.countries.get(r.id) ?? [],
      themes: details.themes.get(r.id) ?? [],
      goalIds: details.goals.get(r.id) ?? [],
      funding: lines,
      ...projectMoney(lines, staffHourCostMinor),
      participantsTotal: r.participants_total,
      participantsYouth: r.participants_youth,
      results: details.results.get(r.id) ?? [],
    };
  });
  projects.sort((a, b) => PHASE_ORDER[a.phase] - PHASE_ORDER[b.phase] || collator.compare(a.title, b.title) || a.id - b.id);

  const fundingHistory = history.map((h): FundingHistoryPoint => {
    const started = startedIn.get(h.key)!;
    let eu = 0;
    let other = 0;
    for (const r of started) {
      const g = grantsSek(funding.get(r.id) ?? []);
      eu += g.eu;
      other += g.other;
    }
    return { period: h.key, euSekMinor: eu, otherGrantsSekMinor: other, projectsStarted: started.length };
  });

  return { projects, totals: reportTotals(projects), fundingHistory, fundingBySource: bySource(projects) };
}

/** External SEK money by source, largest first (sources with nothing left out). */
function bySource(projects: readonly ReportProject[]): ReportData['fundingBySource'] {
  const sums = new Map<string, number>();
  for (const p of projects) {
    for (const l of p.funding) {
      if ((l.kind !== 'eu_grant' && l.kind !== 'other_grant') || l.currency !== 'SEK' || l.amountMinor === null) continue;
      const source = l.source ?? UNKNOWN_SOURCE;
      sums.set(source, (sums.get(source) ?? 0) + l.amountMinor);
    }
  }
  return [...sums]
    .filter(([, amount]) => amount !== 0)
    .map(([source, amountMinor]) => ({ source, amountMinor }))
    .sort((a, b) => b.amountMinor - a.amountMinor || collator.compare(a.source, b.source));
}
