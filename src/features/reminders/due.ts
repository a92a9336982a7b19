/**
 * Every deadline of a municipality, from every feature: the strategy work's own (reviews, plan
 * evaluations, measures ending), the half-year report's (sections per unit, the report), the
 * partnerships' evaluations (AR-9), projects awaiting a decision, and measures without a recent
 * progress report. The overview, the calendar feeds and the reminders all read this one list.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { swedishDateOf } from '../decisions/registry.js';
import { partnershipEvaluationDueItems } from '../registry/partnerships/evaluations/due.js';
import { DEFAULT_FOLLOW_UP } from '../reports/admin/repository.js';
import { reportDueItems } from '../reports/due.js';
import { DEFAULT_STALE_DAYS } from '../strategy/admin/repository.js';
import { addDays } from '../strategy/progress/cycles.js';
import { compareDueItems, type DueItem, type DueItemOptions, strategyDueItems } from '../strategy/progress/due.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The reminder settings of a municipality (defaults when it has no settings row). */
export async function reminderSettings(db: Db, municipalityId: number): Promise<{ staleAfterDays: number; reminderDaysBefore: number }> {
  const row = await db.selectFrom('municipality_settings').select(['stale_after_days', 'reminder_days_before']).where('municipality_id', '=', municipalityId).executeTakeFirst();
  return { staleAfterDays: Number(row?.stale_after_days ?? DEFAULT_STALE_DAYS), reminderDaysBefore: Number(row?.reminder_days_before ?? DEFAULT_FOLLOW_UP.reminderDaysBefore) };
}

/**
 * Projects awaiting a decision: due since the day they were sent for decision (the latest
 * `lifecycle.submit_for_decision` in the audit trail; the project's last change when the trail
 * has none, e.g. a project imported in that state). Reminders go to the owner unit's editors.
 */
export async function decisionAwaitedItems(db: Db, municipalityId: number, slug: string): Promise<DueItem[]> {
  const projects = await db
    .selectFrom('projects')
    .select(['id', 'title_sv', 'title_en', 'owner_unit_id', 'updated_at'])
    .where('municipality_id', '=', municipalityId)
    .where('lifecycle', '=', 'awaiting_decision')
    .execute();
  if (projects.length === 0) return [];
  const submitted = await db
    .selectFrom('audit_log')
    .select((eb) => ['entity_id', eb.fn.max('at').as('at')])
    .where('municipality_id', '=', municipalityId)
    .where('entity', '=', 'project')
    .where('action', '=', 'lifecycle.submit_for_decision')
    .where('entity_id', 'in', projects.map((p) => String(p.id)))
    .groupBy('entity_id')
    .execute();
  const since = new Map(submitted.map((s) => [String(s.entity_id), String(s.at)]));
  return projects.map((p) => {
    const id = Number(p.id);
    return {
      kind: 'decision_awaited',
      title: p.title_sv,
      titleEn: p.title_en,
      dueOn: swedishDateOf(since.get(String(id)) ?? p.updated_at),
      state: 'due',
      path: `/${slug}/projekt/${id}/beslutsvag`,
      recordId: id,
      unitId: p.owner_unit_id === null ? null : Number(p.owner_unit_id),
      municipalityId,
    } satisfies DueItem;
  });
}

/**
 * Measures of active plans, neither done nor cancelled, whose last progress report (or, without
 * one, their creation) is older than `staleAfterDays`: overdue since the day they became stale.
 */
export async function staleMeasureItems(db: Db, municipalityId: number, slug: string, today: string, staleAfterDays: number): Promise<DueItem[]> {
  const measures = await db
    .selectFrom('measures as m')
    .innerJoin('action_plans as p', 'p.id', 'm.plan_id')
    .select(['m.id', 'm.plan_id', 'm.title_sv', 'm.title_en', 'm.owner_unit_id', 'm.progress_updated_at', 'm.created_at', 'p.title_sv as plan_title'])
    .where('m.municipality_id', '=', municipalityId)
    .where('p.status', '=', 'active')
    .where('m.status', 'not in', ['done', 'cancelled'])
    .execute();
  const items: DueItem[] = [];
  for (const m of measures) {
    const dueOn = addDays(swedishDateOf(m.progress_updated_at ?? m.created_at), staleAfterDays);
    if (dueOn >= today) continue;
    const id = Number(m.id);
    items.push({
      kind: 'measure_stale',
      title: m.title_sv,
      titleEn: m.title_en,
      planTitle: m.plan_title,
      dueOn,
      state: 'overdue',
      path: `/${slug}/handlingsplaner/${Number(m.plan_id)}/atgarder/${id}`,
      recordId: id,
      unitId: m.owner_unit_id === null ? null : Number(m.owner_unit_id),
      municipalityId,
    });
  }
  return items;
}

/**
 * Everything due in a municipality, by due date (earliest first): strategy reviews, plan
 * evaluations, measures ending, report sections and reports, partnership evaluations, decisions
 * awaited and stale measures. `measureHorizonDays: null` (the calendar feeds) also lists every
 * future end date and evaluation as 'upcoming'.
 * @example await allDueItems(db, 1, '2026-11-21', { measureHorizonDays: null })
 */
export async function allDueItems(db: Db, municipalityId: number, today: string, options: DueItemOptions = {}): Promise<DueItem[]> {
  const municipality = await db.selectFrom('municipalities').select('slug').where('id', '=', municipalityId).executeTakeFirst();
  if (!municipality) return [];
  const { staleAfterDays } = await reminderSettings(db, municipalityId);
  const parts = await Promise.all([
    strategyDueItems(db, municipalityId, today, options),
    reportDueItems(db, municipalityId, today),
    partnershipEvaluationDueItems(db, municipalityId, today, { horizonDays: options.measureHorizonDays === null ? null : undefined }),
    decisionAwaitedItems(db, municipalityId, municipality.slug),
    staleMeasureItems(db, municipalityId, municipality.slug, today, staleAfterDays),
  ]);
  return parts.flat().sort(compareDueItems);
}
