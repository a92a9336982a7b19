/**
 * A partnership's activity in a period, counted from the data (AR-9), for its evaluation.
 *
 * Regler (visas också i formuläret):
 * - Perioden räknas med start- och slutdag. En händelse i tidslinjen hör till perioden när dess
 *   första möjliga datum (date_from) ligger i perioden.
 * - Händelser: alla händelser i tidslinjen under perioden, utom tidigare utvärderingar.
 * - Utbyten: händelser av typen utbyte.
 * - Projekt: kopplade projekt som pågick någon gång under perioden (från startdatum, eller
 *   1 januari projektets år, till slutdatum, eller startdatum när slutdatum saknas, eller årets
 *   slut när båda saknas). Projekt som
 *   ställts in eller fått avslag räknas inte.
 * - Besök: de av dessa projekt som är besök eller studieresor, plus händelser av typen "annan
 *   händelse" vars beskrivning innehåller ordet besök (besök, studiebesök, besökte …).
 *
 * Rules: the period includes both ends; a timeline event belongs to it when its earliest possible
 * date lies in it. Events: every event in the period except earlier evaluations. Exchanges: events
 * of kind 'exchange'. Projects: linked projects running at some time in the period (not cancelled
 * or rejected). Visits: those projects of kind 'visit' or 'study_trip', plus events of kind
 * 'other' whose Swedish description contains "besök".
 */
import type { Db } from '../../../../db/database.js';
import { isCancelledOrRejected } from '../../../budget/usage.js';
import { overlaps } from '../../../reports/period.js';

export interface ActivityCounts {
  exchanges: number;
  projects: number;
  visits: number;
  events: number;
}

/** Project kinds that count as visits. */
export const VISIT_PROJECT_KINDS = ['visit', 'study_trip'] as const;
/** An 'other' event whose description matches this counts as a visit. */
export const VISIT_WORD = /besök/i;

/**
 * The days a project ran: start date (or 1 January of its year) to end date (or, without one, the
 * start date, or 31 December of its year when it has no start date either). Null when it has
 * neither start date nor year.
 * @example projectSpan({ start_date: null, end_date: null, year: 2024 }) // { from: '2024-01-01', to: '2024-12-31' }
 */
export function projectSpan(p: { start_date: string | null; end_date: string | null; year: number | null }): { from: string; to: string } | null {
  const from = p.start_date ?? (p.year === null ? null : `${p.year}-01-01`);
  if (!from) return null;
  const to = p.end_date ?? p.start_date ?? `${p.year}-12-31`;
  return { from, to: to < from ? from : to };
}

/**
 * The partnership's activity between `start` and `end` (inclusive), by the module's rules.
 * @example await countActivity(db, 4, '2022-10-15', '2026-11-21') // { exchanges: 3, projects: 2, visits: 1, events: 5 }
 */
export async function countActivity(db: Db, partnershipId: number, start: string, end: string): Promise<ActivityCounts> {
  const [events, projects] = await Promise.all([
    db
      .selectFrom('partnership_events')
      .select(['kind', 'description_sv'])
      .where('partnership_id', '=', partnershipId)
      .where('date_from', '>=', start)
      .where('date_from', '<=', end)
      .where('kind', '!=', 'evaluated')
      .execute(),
    db
      .selectFrom('project_partnerships as pp')
      .innerJoin('projects as p', 'p.id', 'pp.project_id')
      .select(['p.kind', 'p.start_date', 'p.end_date', 'p.year', 'p.status', 'p.lifecycle'])
      .where('pp.partnership_id', '=', partnershipId)
      .execute(),
  ]);
  const running = projects.filter((p) => {
    if (isCancelledOrRejected(p)) return false;
    const span = projectSpan({ start_date: p.start_date, end_date: p.end_date, year: p.year === null ? null : Number(p.year) });
    return span !== null && overlaps(span.from, span.to, start, end);
  });
  const visitProjects = running.filter((p) => (VISIT_PROJECT_KINDS as readonly string[]).includes(p.kind)).length;
  const visitEvents = events.filter((e) => e.kind === 'other' && VISIT_WORD.test(e.description_sv)).length;
  return {
    exchanges: events.filter((e) => e.kind === 'exchange').length,
    projects: running.length,
    visits: visitProjects + visitEvents,
    events: events.length,
  };
}
