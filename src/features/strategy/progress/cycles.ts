/**
 * Review cycles (AL-2, AL-3): the term of office, when the strategy is due for review, and when an
 * action plan is due for evaluation. Pure date arithmetic on ISO dates (`YYYY-MM-DD`).
 *
 * Mandatperiod. Allmänna val hålls i september vart fjärde år (2018, 2022, 2026, 2030 …).
 * Mandatperioden börjar den 15 oktober valåret och slutar den 14 oktober fyra år senare. Regeln
 * räknas bakåt och framåt i samma fyraårsrytm (de treåriga perioderna före 1994 modelleras inte).
 *
 * Översyn av strategin: strategin ska ses över en gång per mandatperiod. Antagandet räknas som
 * den mandatperiodens ställningstagande, liksom en översyn. Nästa översyn ska alltså vara gjord
 * senast vid slutet av den första mandatperiod som börjar efter den senaste översynen (eller
 * antagandet, om ingen översyn finns). Är den dagen mer än REVIEW_DUE_WINDOW_MONTHS månader bort
 * är översynen inte aktuell ('not_due'); inom det fönstret är den aktuell ('due'); efter den dagen
 * är den försenad ('overdue'), vilket betyder att en hel mandatperiod har gått utan översyn. En
 * strategi som antogs 12 november 2012 och aldrig setts över skulle ha setts över senast
 * 14 oktober 2018 och är försenad.
 *
 * Utvärdering av handlingsplanen: vartannat år (AL-3; planens evaluation_interval_months, 24 om
 * inget annat beslutats) räknat från senaste utvärderingen eller, innan någon finns, från
 * periodens början. Aktuell PLAN_EVALUATION_WINDOW_DAYS dagar före, försenad efter.
 *
 * Term of office. General elections are held in September every four years (2018, 2022, 2026,
 * 2030 …). A term starts on 15 October of the election year and ends on 14 October four years
 * later. The rule is extended backwards and forwards in the same four-year rhythm (the three-year
 * terms before 1994 are not modelled).
 *
 * Strategy review: the strategy is reviewed once per term. Its adoption counts as that term's
 * position on it, as a review does. The next review is due by the end of the first term that
 * starts after the latest review (or the adoption, when there is no review). More than
 * REVIEW_DUE_WINDOW_MONTHS months before that day it is 'not_due'; within that window 'due'; after
 * it 'overdue', meaning a whole term has passed without a review. A strategy adopted on
 * 12 November 2012 and never reviewed was due by 14 October 2018 and is overdue.
 *
 * Action-plan evaluation: every other year (AL-3; the plan's evaluation_interval_months, 24 unless
 * decided otherwise) from the latest evaluation or, before there is one, from the start of the
 * plan's period. 'due' within PLAN_EVALUATION_WINDOW_DAYS days before, 'overdue' after.
 */
import { isIsoDate } from '../../registry/fields.js';

export type DueState = 'not_due' | 'due' | 'overdue' | 'unknown';

export interface DueInfo {
  dueOn: string | null;
  state: DueState;
}

export interface TermOfOffice {
  /** 15 October of the election year. */
  start: string;
  /** 14 October four years later. */
  end: string;
  electionYear: number;
}

/** An election year of the four-year rhythm (general elections in September). */
export const REFERENCE_ELECTION_YEAR = 2022;
export const TERM_YEARS = 4;
/** A strategy review becomes 'due' this many months before the end of the term it is due in. */
export const REVIEW_DUE_WINDOW_MONTHS = 3;
/** An action-plan evaluation becomes 'due' this many days before its due date. */
export const PLAN_EVALUATION_WINDOW_DAYS = 60;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export { isIsoDate };

const pad = (n: number, len = 2) => String(n).padStart(len, '0');
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function parts(date: string): [number, number, number] {
  const m = ISO_RE.exec(date);
  if (!m) throw new RangeError(`Not an ISO date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** `date` plus `months` calendar months; the day is clamped to the month's last (2024-02-29 + 12 → 2025-02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return iso(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** `date` plus `days` days (negative: earlier). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  const [ay, am, ad] = parts(a);
  const [by, bm, bd] = parts(b);
  return Math.round((Date.UTC(by, bm - 1, bd) - Date.UTC(ay, am - 1, ad)) / DAY_MS);
}

function termStarting(electionYear: number): TermOfOffice {
  return { start: iso(electionYear, 10, 15), end: iso(electionYear + TERM_YEARS, 10, 14), electionYear };
}

/**
 * The term of office that contains `date` (a RangeError when it is not `YYYY-MM-DD`).
 * @example termOfOfficeOn('2026-10-14') // { start: '2022-10-15', end: '2026-10-14', electionYear: 2022 }
 */
export function termOfOfficeOn(date: string): TermOfOffice {
  const [y] = parts(date);
  const offset = (((y - REFERENCE_ELECTION_YEAR) % TERM_YEARS) + TERM_YEARS) % TERM_YEARS;
  let electionYear = y - offset;
  if (date < iso(electionYear, 10, 15)) electionYear -= TERM_YEARS;
  return termStarting(electionYear);
}

function stateOf(dueOn: string, windowStart: string, today: string): DueInfo {
  if (today > dueOn) return { dueOn, state: 'overdue' };
  if (today >= windowStart) return { dueOn, state: 'due' };
  return { dueOn, state: 'not_due' };
}

/**
 * When the strategy is next due for review (see the rule at the top of this file).
 * @example strategyReviewDue('2012-11-12', null, '2026-05-01') // { dueOn: '2018-10-14', state: 'overdue' }
 */
export function strategyReviewDue(adoptedOn: string | null, lastReviewedOn: string | null, today: string): DueInfo {
  const dates = [adoptedOn, lastReviewedOn].filter(isIsoDate);
  if (dates.length === 0 || !isIsoDate(today)) return { dueOn: null, state: 'unknown' };
  const latest = dates.sort().at(-1)!;
  const next = termStarting(termOfOfficeOn(latest).electionYear + TERM_YEARS);
  return stateOf(next.end, addMonths(next.end, -REVIEW_DUE_WINDOW_MONTHS), today);
}

/**
 * When the action plan is next due for evaluation.
 * @example planEvaluationDue('2025-01-01', 24, null, '2026-12-01') // { dueOn: '2027-01-01', state: 'due' }
 */
export function planEvaluationDue(periodStart: string | null, intervalMonths: number, lastEvaluatedOn: string | null, today: string): DueInfo {
  const from = isIsoDate(lastEvaluatedOn) ? lastEvaluatedOn : periodStart;
  if (!isIsoDate(from) || !isIsoDate(today) || !Number.isInteger(intervalMonths) || intervalMonths < 1) return { dueOn: null, state: 'unknown' };
  const dueOn = addMonths(from, intervalMonths);
  return stateOf(dueOn, addDays(dueOn, -PLAN_EVALUATION_WINDOW_DAYS), today);
}
