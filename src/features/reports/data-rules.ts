/**
 * The half-year report's rules that need no database: which projects belong to a period, in which
 * phase, and how their money adds up (AL-13). Pure functions, so the rules are tested alone and
 * the queries in `data-projects.ts` stay plain.
 */
import type { FundingKind, ProjectLifecycle, ProjectStatus } from '../../db/schema.js';
import type { Money, ReportFundingLine, ReportProject, ReportTotals } from './model.js';
import { overlaps } from './period.js';

/** The period a rule is applied to (a `HalfYear`, or any range of days). */
export interface DayRange {
  start: string;
  end: string;
}

/** What the rules read of a project. */
export interface ProjectDates {
  status: ProjectStatus | null;
  lifecycle: ProjectLifecycle;
  startDate: string | null;
  endDate: string | null;
  /** The year the project is filed under. */
  year: number | null;
}

/** Statuses and lifecycle states of a project that has actually run or been decided. */
const RUN_STATUSES: readonly (ProjectStatus | null)[] = ['ongoing', 'completed'];
const RUN_LIFECYCLES: readonly ProjectLifecycle[] = ['approved', 'ongoing', 'completed', 'evaluated'];
const FINISHED_LIFECYCLES: readonly ProjectLifecycle[] = ['completed', 'evaluated'];

const isCancelled = (p: ProjectDates) => p.status === 'cancelled' || p.lifecycle === 'cancelled';
const isFinished = (p: ProjectDates) => p.status === 'completed' || FINISHED_LIFECYCLES.includes(p.lifecycle);
const within = (date: string | null, r: DayRange) => date !== null && date >= r.start && date <= r.end;

/**
 * A project's dates as the report reads them. A missing start date is 1 January of the year the
 * project is filed under (`year`); a missing end date is 31 December of that year (or of the start
 * date's year) when the project is finished (status completed, lifecycle completed or evaluated),
 * and otherwise open: the project is still running. Without a start date and a year the start is
 * open too.
 * @example effectiveDates({ status: 'completed', lifecycle: 'completed', startDate: null, endDate: null, year: 2019 }) // { start: '2019-01-01', end: '2019-12-31' }
 */
export function effectiveDates(p: ProjectDates): { start: string | null; end: string | null } {
  const start = p.startDate ?? (p.year !== null ? `${p.year}-01-01` : null);
  if (p.endDate !== null) return { start, end: p.endDate };
  const year = p.year ?? (p.startDate ? Number(p.startDate.slice(0, 4)) : null);
  return { start, end: isFinished(p) && year !== null ? `${year}-12-31` : null };
}

/**
 * Whether a project belongs to the period's report. It must have actually run or been decided, and
 * its dates (see `effectiveDates`) must overlap the period:
 * - a cancelled project (status or lifecycle cancelled) counts only when its end date falls in the
 *   period (it was stopped then);
 * - any other project counts when its status is ongoing or completed, or its lifecycle approved,
 *   ongoing, completed or evaluated; ideas, applications, projects awaiting a decision and rejected
 *   ones never count;
 * - a finished project with neither dates nor a year cannot be placed in time and counts in no
 *   period (old records from the strategies often say only that something happened).
 * @example belongsToPeriod({ status: 'ongoing', lifecycle: 'ongoing', startDate: '2026-06-30', endDate: null, year: 2026 }, parseHalfYear('2026H1')!) // true
 */
export function belongsToPeriod(p: ProjectDates, period: DayRange): boolean {
  if (isCancelled(p)) return within(p.endDate, period);
  if (!RUN_STATUSES.includes(p.status) && !RUN_LIFECYCLES.includes(p.lifecycle)) return false;
  const { start, end } = effectiveDates(p);
  if (isFinished(p) && end === null) return false;
  return overlaps(start, end, period.start, period.end);
}

/**
 * Where a project of the period stands in it: `started` when its start (see `effectiveDates`)
 * falls in the period; else `finished` when its end falls in the period; else `ongoing` (it ran
 * through the whole period).
 * @example phaseIn({ status: 'completed', lifecycle: 'completed', startDate: '2025-03-01', endDate: '2026-04-30', year: 2025 }, parseHalfYear('2026H1')!) // 'finished'
 */
export function phaseIn(p: ProjectDates, period: DayRange): ReportProject['phase'] {
  const { start, end } = effectiveDates(p);
  if (within(start, period)) return 'started';
  if (within(end, period)) return 'finished';
  return 'ongoing';
}

/** The order of phases in the report: started, ongoing, finished. */
export const PHASE_ORDER: Record<ReportProject['phase'], number> = { started: 0, ongoing: 1, finished: 2 };

const EXTERNAL: readonly FundingKind[] = ['eu_grant', 'other_grant'];

function addTo(map: Map<string, number>, currency: string, amount: number) {
  map.set(currency, (map.get(currency) ?? 0) + amount);
}

const moneyList = (map: Map<string, number>): Money[] =>
  [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([currency, amountMinor]) => ({ currency, amountMinor }));

/**
 * A project's money from its funding lines: external money (EU and other grants) and own cash
 * (municipal_cash) per currency, lines without an amount left out; own staff time in hours (the
 * own_staff_time lines' hours) and valued at the municipality's hourly cost, rounded to whole öre.
 * @example projectMoney([{ kind: 'own_staff_time', source: null, currency: 'SEK', amountMinor: null, staffHours: 10.5 }], 50_000).ownHoursValueMinor // 525000
 */
export function projectMoney(lines: readonly ReportFundingLine[], staffHourCostMinor: number): Pick<ReportProject, 'external' | 'ownCash' | 'ownHours' | 'ownHoursValueMinor'> {
  const external = new Map<string, number>();
  const ownCash = new Map<string, number>();
  let ownHours = 0;
  for (const l of lines) {
    if (l.kind === 'own_staff_time') ownHours += l.staffHours ?? 0;
    if (l.amountMinor === null) continue;
    if (EXTERNAL.includes(l.kind)) addTo(external, l.currency, l.amountMinor);
    else if (l.kind === 'municipal_cash') addTo(ownCash, l.currency, l.amountMinor);
  }
  return { external: moneyList(external), ownCash: moneyList(ownCash), ownHours, ownHoursValueMinor: Math.round(ownHours * staffHourCostMinor) };
}

/** EU grants and other grants of funding lines, in SEK (other currencies are not counted). */
export function grantsSek(lines: readonly ReportFundingLine[]): { eu: number; other: number } {
  let eu = 0;
  let other = 0;
  for (const l of lines) {
    if (l.currency !== 'SEK' || l.amountMinor === null) continue;
    if (l.kind === 'eu_grant') eu += l.amountMinor;
    else if (l.kind === 'other_grant') other += l.amountMinor;
  }
  return { eu, other };
}

/**
 * The report's totals over its projects: counts per phase, SEK sums (own staff time valued per
 * project, then summed), participants (a missing count is 0), and the amounts in other currencies
 * per currency, not converted.
 */
export function reportTotals(projects: readonly ReportProject[]): ReportTotals {
  const t: ReportTotals = {
    started: 0, finished: 0, ongoing: 0, externalSekMinor: 0, euSekMinor: 0, otherGrantsSekMinor: 0, ownCashSekMinor: 0,
    ownHours: 0, ownHoursValueSekMinor: 0, participantsTotal: 0, participantsYouth: 0, otherCurrencies: [],
  };
  const other = new Map<string, { currency: string; externalMinor: number; ownCashMinor: number }>();
  const otherOf = (currency: string) => {
    const o = other.get(currency) ?? { currency, externalMinor: 0, ownCashMinor: 0 };
    other.set(currency, o);
    return o;
  };
  for (const p of projects) {
    t[p.phase] += 1;
    const grants = grantsSek(p.funding);
    t.euSekMinor += grants.eu;
    t.otherGrantsSekMinor += grants.other;
    for (const m of p.external) if (m.currency !== 'SEK') otherOf(m.currency).externalMinor += m.amountMinor;
    for (const m of p.ownCash) {
      if (m.currency === 'SEK') t.ownCashSekMinor += m.amountMinor;
      else otherOf(m.currency).ownCashMinor += m.amountMinor;
    }
    t.ownHours += p.ownHours;
    t.ownHoursValueSekMinor += p.ownHoursValueMinor;
    t.participantsTotal += p.participantsTotal ?? 0;
    t.participantsYouth += p.participantsYouth ?? 0;
  }
  t.externalSekMinor = t.euSekMinor + t.otherGrantsSekMinor;
  t.otherCurrencies = [...other.values()].sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
  return t;
}
