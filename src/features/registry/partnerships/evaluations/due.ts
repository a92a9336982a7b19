/**
 * When each partnership's evaluation is due (AR-9).
 *
 * Regel: varje aktivt eller vilande samarbete utvärderas med det intervall kommunen har valt
 * (municipality_settings.partnership_evaluation_months, 48 månader = en gång per mandatperiod om
 * inget annat är valt). Nästa utvärdering ska vara gjord senast intervallet efter den senaste
 * utvärderingen eller, innan någon finns, efter samarbetets start: det tidigaste datumet för
 * avtal, bekräftelse eller första kontakt i tidslinjen, annars dagen samarbetet registrerades.
 * Utvärderingen är aktuell (due) inom 90 dagar före, försenad (overdue) efter.
 *
 * Rule: every active or dormant partnership is evaluated at the municipality's interval. The next
 * evaluation is due that many months after the latest one or, before there is one, after the
 * partnership's start (the earliest agreement, confirmation or first-contact event, else the day it
 * was registered) — but a partnership never evaluated is due no earlier than the end of the previous
 * term of office. 'due' within EVALUATION_DUE_WINDOW_DAYS days before, 'overdue' after.
 */
import type { Db } from '../../../../db/database.js';
import { addDays, addMonths, termOfOfficeOn } from '../../../strategy/progress/cycles.js';
import type { DueItem } from '../../../strategy/progress/due.js';

/** An evaluation becomes 'due' this many days before its due date. */
export const EVALUATION_DUE_WINDOW_DAYS = 90;
/** The interval when the municipality has no settings row. */
export const DEFAULT_EVALUATION_MONTHS = 48;
/** Timeline events that mark a partnership's start. */
export const START_EVENT_KINDS = ['agreement_signed', 'confirmed', 'first_contact'] as const;

/**
 * The next evaluation's due date and state: `from` (latest evaluation or start) plus `months`.
 * @example evaluationDue('2022-11-20', 48, '2026-11-21') // { dueOn: '2026-11-20', state: 'overdue' }
 */
export function evaluationDue(from: string, months: number, today: string, windowDays = EVALUATION_DUE_WINDOW_DAYS): { dueOn: string; state: DueItem['state'] } {
  const dueOn = addMonths(from, months);
  if (today > dueOn) return { dueOn, state: 'overdue' };
  if (today >= addDays(dueOn, -windowDays)) return { dueOn, state: 'due' };
  return { dueOn, state: 'upcoming' };
}

/**
 * The first evaluation of a partnership never evaluated: the interval after its start, but no
 * earlier than the end of the previous term of office. A twin town from 1940 is not "overdue since
 * 1944": it should have been evaluated during the term that ended last (AR-9 asks for the
 * evaluation now, not 80 years ago).
 * @example firstEvaluationDue('1940-05-01', 48, '2026-11-21') // { dueOn: '2026-10-14', state: 'overdue' }
 */
export function firstEvaluationDue(startedOn: string, months: number, today: string, windowDays = EVALUATION_DUE_WINDOW_DAYS): { dueOn: string; state: DueItem['state'] } {
  const previousTermEnd = addDays(termOfOfficeOn(today).start, -1);
  const due = evaluationDue(startedOn, months, today, windowDays);
  return due.dueOn < previousTermEnd ? evaluationDue(previousTermEnd, 0, today, windowDays) : due;
}

/** The municipality's evaluation interval in months. */
export async function evaluationMonths(db: Db, municipalityId: number): Promise<number> {
  const row = await db.selectFrom('municipality_settings').select('partnership_evaluation_months').where('municipality_id', '=', municipalityId).executeTakeFirst();
  const months = row ? Number(row.partnership_evaluation_months) : DEFAULT_EVALUATION_MONTHS;
  return Number.isInteger(months) && months > 0 ? months : DEFAULT_EVALUATION_MONTHS;
}

export interface PartnershipEvaluationStatus {
  partnershipId: number;
  title: string;
  titleEn: string | null;
  kind: string;
  status: string;
  ownerUnitId: number | null;
  /** The day the partnership counts as started (see the module's rule). */
  startedOn: string;
  lastEvaluatedOn: string | null;
  /** Null for proposed and ended partnerships, which are not evaluated. */
  dueOn: string | null;
  state: DueItem['state'] | null;
}

/**
 * Every partnership of the municipality with its latest evaluation and, when active or dormant,
 * the next due date and state (the list page and the due items read this).
 */
export async function partnershipEvaluationStatuses(db: Db, municipalityId: number, today: string, windowDays = EVALUATION_DUE_WINDOW_DAYS): Promise<PartnershipEvaluationStatus[]> {
  return loadStatuses(db, municipalityId, today, windowDays);
}

/** One partnership's status as partnershipEvaluationStatuses gives it (undefined when it is not the municipality's). */
export async function partnershipEvaluationStatus(db: Db, municipalityId: number, partnershipId: number, today: string): Promise<PartnershipEvaluationStatus | undefined> {
  return (await loadStatuses(db, municipalityId, today, EVALUATION_DUE_WINDOW_DAYS, partnershipId))[0];
}

/** The statuses of the municipality's partnerships, or of only the one given. */
async function loadStatuses(db: Db, municipalityId: number, today: string, windowDays: number, partnershipId?: number): Promise<PartnershipEvaluationStatus[]> {
  const only = partnershipId !== undefined;
  const [months, partnerships, starts, lasts] = await Promise.all([
    evaluationMonths(db, municipalityId),
    db
      .selectFrom('partnerships')
      .select(['id', 'title_sv', 'title_en', 'kind', 'status', 'owner_unit_id', 'created_at'])
      .where('municipality_id', '=', municipalityId)
      .$if(only, (qb) => qb.where('id', '=', partnershipId!))
      .orderBy('title_sv')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('partnership_events as e')
      .innerJoin('partnerships as p', 'p.id', 'e.partnership_id')
      .select((eb) => ['e.partnership_id', eb.fn.min('e.date_from').as('start')])
      .where('p.municipality_id', '=', municipalityId)
      .$if(only, (qb) => qb.where('e.partnership_id', '=', partnershipId!))
      .where('e.kind', 'in', [...START_EVENT_KINDS])
      .groupBy('e.partnership_id')
      .execute(),
    db
      .selectFrom('partnership_evaluations')
      .select((eb) => ['partnership_id', eb.fn.max('evaluated_on').as('last')])
      .where('municipality_id', '=', municipalityId)
      .$if(only, (qb) => qb.where('partnership_id', '=', partnershipId!))
      .groupBy('partnership_id')
      .execute(),
  ]);
  const startOf = new Map(starts.map((s) => [Number(s.partnership_id), s.start as string]));
  const lastOf = new Map(lasts.map((l) => [Number(l.partnership_id), l.last as string]));
  return partnerships.map((p) => {
    const id = Number(p.id);
    const startedOn = startOf.get(id) ?? p.created_at.slice(0, 10);
    const lastEvaluatedOn = lastOf.get(id) ?? null;
    const evaluated = p.status === 'active' || p.status === 'dormant';
    const due = evaluated ? (lastEvaluatedOn ? evaluationDue(lastEvaluatedOn, months, today, windowDays) : firstEvaluationDue(startedOn, months, today, windowDays)) : null;
    return {
      partnershipId: id,
      title: p.title_sv,
      titleEn: p.title_en,
      kind: p.kind,
      status: p.status,
      ownerUnitId: p.owner_unit_id === null ? null : Number(p.owner_unit_id),
      startedOn,
      lastEvaluatedOn,
      dueOn: due?.dueOn ?? null,
      state: due?.state ?? null,
    };
  });
}

/**
 * Active and dormant partnerships' evaluations that are due or overdue, by due date; with
 * `horizonDays: null` (the calendar feeds) also every upcoming one. `horizonDays` (default 90) is
 * how long before its due date an evaluation counts as due.
 * @example await partnershipEvaluationDueItems(db, 1, '2026-11-21') // [{ kind: 'partnership_evaluation', state: 'overdue', path: '/arvika/samarbeten/4/utvarderingar', … }]
 */
export async function partnershipEvaluationDueItems(db: Db, municipalityId: number, today: string, options: { horizonDays?: number | null } = {}): Promise<DueItem[]> {
  const municipality = await db.selectFrom('municipalities').select('slug').where('id', '=', municipalityId).executeTakeFirst();
  if (!municipality) return [];
  const horizon = options.horizonDays === undefined ? EVALUATION_DUE_WINDOW_DAYS : options.horizonDays;
  const statuses = await partnershipEvaluationStatuses(db, municipalityId, today, horizon ?? EVALUATION_DUE_WINDOW_DAYS);
  const items: DueItem[] = [];
  for (const s of statuses) {
    if (!s.state || !s.dueOn) continue;
    if (s.state === 'upcoming' && horizon !== null) continue;
    items.push({
      kind: 'partnership_evaluation',
      title: s.title,
      titleEn: s.titleEn,
      dueOn: s.dueOn,
      state: s.state,
      path: `/${municipality.slug}/samarbeten/${s.partnershipId}/utvarderingar`,
      recordId: s.partnershipId,
      unitId: s.ownerUnitId,
      municipalityId,
    });
  }
  return items.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.recordId - b.recordId);
}
