/**
 * Deadlines of the half-year reports: for each draft, the report itself (`due_on`) and each unit's
 * section that is not ready (`sections_due_on`). A deadline is 'overdue' after its day, 'due' from
 * `reminder_days_before` days before it (the municipality's setting), and 'upcoming' before that;
 * every state is returned and the consumers filter. Finalised reports have no deadlines.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { addDays } from '../strategy/progress/cycles.js';
import type { DueItem } from '../strategy/progress/due.js';
import { loadFollowUpSettings } from './admin/repository.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The state of a deadline on `today`.
 * @example dueState('2026-08-14', '2026-08-01', 14) // 'due'
 */
export function dueState(dueOn: string, today: string, daysBefore: number): DueItem['state'] {
  if (today > dueOn) return 'overdue';
  return today >= addDays(dueOn, -daysBefore) ? 'due' : 'upcoming';
}

/**
 * Draft reports' section deadlines (one item per unit not ready, `unitId` set; `recordId` is the
 * unit, so each section has its own calendar event) and report deadlines (`recordId`: the report).
 */
export async function reportDueItems(db: Db, municipalityId: number, today: string): Promise<DueItem[]> {
  const [municipality, settings, reports] = await Promise.all([
    db.selectFrom('municipalities').select('slug').where('id', '=', municipalityId).executeTakeFirst(),
    loadFollowUpSettings(db, municipalityId),
    db.selectFrom('half_year_reports').select(['id', 'title_sv', 'title_en', 'sections_due_on', 'due_on']).where('municipality_id', '=', municipalityId).where('status', '=', 'draft').execute(),
  ]);
  if (!municipality || reports.length === 0) return [];
  const daysBefore = settings.reminderDaysBefore;
  const sections = await db
    .selectFrom('half_year_report_sections as s')
    .innerJoin('organisations as o', 'o.id', 's.unit_id')
    .select(['s.report_id', 's.unit_id', 'o.name_sv', 'o.name_en'])
    .where('s.report_id', 'in', reports.map((r) => r.id))
    .where('s.ready_at', 'is', null)
    .orderBy('s.position')
    .execute();
  const items: DueItem[] = [];
  for (const r of reports) {
    const id = Number(r.id);
    const path = `/${municipality.slug}/halvarsrapporter/${id}`;
    if (r.due_on) items.push({ kind: 'report', title: r.title_sv, titleEn: r.title_en, dueOn: r.due_on, state: dueState(r.due_on, today, daysBefore), path, recordId: id, municipalityId });
    if (!r.sections_due_on) continue;
    for (const s of sections.filter((x) => Number(x.report_id) === id)) {
      const unitId = Number(s.unit_id);
      items.push({
        kind: 'report_section',
        title: `${r.title_sv} – ${s.name_sv}`,
        titleEn: `${r.title_en ?? r.title_sv} – ${s.name_en ?? s.name_sv}`,
        dueOn: r.sections_due_on,
        state: dueState(r.sections_due_on, today, daysBefore),
        path: `${path}/avsnitt/${unitId}`,
        recordId: unitId,
        unitId,
        municipalityId,
      });
    }
  }
  return items.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.recordId - b.recordId);
}
