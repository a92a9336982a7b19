/**
 * The half-year report's decisions and partnerships from the database (AL-13, AR-9): what was
 * decided in the period, and the partnerships' activity and evaluations in it.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { partnershipEvaluationDueItems } from '../registry/partnerships/evaluations/due.js';
import { groupBy, inChunks } from './data-projects.js';
import type { ReportDecision, ReportPartnership } from './model.js';
import type { HalfYear } from './period.js';

type Db = Kysely<Database> | Transaction<Database>;

const collator = new Intl.Collator('sv');

/**
 * The municipality's decisions taken in the period (decided_on within it), oldest first, with the
 * deciding body's name (or the delegate's role) and the projects and partnerships they concern.
 */
export async function loadReportDecisions(db: Db, municipalityId: number, period: HalfYear): Promise<ReportDecision[]> {
  const rows = await db
    .selectFrom('decisions as d')
    .leftJoin('organisations as b', 'b.id', 'd.body_id')
    .select(['d.id', 'd.decided_on', 'b.name_sv as body', 'd.delegate_role', 'd.paragraph', 'd.registry_number', 'd.subject_sv', 'd.outcome'])
    .where('d.municipality_id', '=', municipalityId)
    .where('d.decided_on', '>=', period.start)
    .where('d.decided_on', '<=', period.end)
    .orderBy('d.decided_on')
    .orderBy('d.id')
    .execute();
  const ids = rows.map((r) => Number(r.id));
  const [projects, partnerships] = await Promise.all([
    inChunks(ids, (c) => db.selectFrom('project_decisions').select(['decision_id', 'project_id']).where('decision_id', 'in', c).orderBy('project_id').execute()),
    inChunks(ids, (c) => db.selectFrom('partnership_decisions').select(['decision_id', 'partnership_id']).where('decision_id', 'in', c).orderBy('partnership_id').execute()),
  ]);
  const projectIds = groupBy(projects, (r) => Number(r.decision_id), (r) => Number(r.project_id));
  const partnershipIds = groupBy(partnerships, (r) => Number(r.decision_id), (r) => Number(r.partnership_id));
  return rows.map((r) => {
    const id = Number(r.id);
    return {
      id,
      decidedOn: r.decided_on,
      body: r.body,
      delegateRole: r.delegate_role,
      paragraph: r.paragraph,
      registryNumber: r.registry_number,
      subject: r.subject_sv,
      outcome: r.outcome,
      projectIds: projectIds.get(id) ?? [],
      partnershipIds: partnershipIds.get(id) ?? [],
    };
  });
}

/**
 * The partnerships of the period, by title in Swedish order: every partnership that is active or
 * dormant, or has an event (a timeline event whose date range overlaps the period) or an
 * evaluation (evaluated_on within it) in the period; with its partners, those events and
 * evaluations, the report's projects linked to it, and when its next evaluation is due (from the
 * partnership evaluations' due items as of `today`, upcoming ones included; null when none).
 */
export async function loadReportPartnerships(db: Db, municipalityId: number, period: HalfYear, reportProjectIds: readonly number[], today: string): Promise<ReportPartnership[]> {
  const [all, events, evaluations, due] = await Promise.all([
    db.selectFrom('partnerships').select(['id', 'title_sv', 'kind', 'status', 'publication_state']).where('municipality_id', '=', municipalityId).execute(),
    db
      .selectFrom('partnership_events as e')
      .innerJoin('partnerships as p', 'p.id', 'e.partnership_id')
      .select(['e.id', 'e.partnership_id', 'e.date_from', 'e.kind', 'e.description_sv'])
      .where('p.municipality_id', '=', municipalityId)
      .where('e.date_from', '<=', period.end)
      .where('e.date_to', '>=', period.start)
      .orderBy('e.date_from')
      .orderBy('e.id')
      .execute(),
    db
      .selectFrom('partnership_evaluations')
      .select(['id', 'partnership_id', 'evaluated_on', 'recommendation', 'recommendation_sv'])
      .where('municipality_id', '=', municipalityId)
      .where('evaluated_on', '>=', period.start)
      .where('evaluated_on', '<=', period.end)
      .orderBy('evaluated_on')
      .orderBy('id')
      .execute(),
    partnershipEvaluationDueItems(db, municipalityId, today, { horizonDays: null }),
  ]);
  const eventsOf = groupBy(events, (r) => Number(r.partnership_id), (r) => ({ date: r.date_from, kind: r.kind, description: r.description_sv }));
  const evaluationsOf = groupBy(
    evaluations,
    (r) => Number(r.partnership_id),
    (r) => ({ id: Number(r.id), evaluatedOn: r.evaluated_on, recommendation: r.recommendation, recommendationText: r.recommendation_sv }),
  );
  const chosen = all.filter((p) => p.status === 'active' || p.status === 'dormant' || eventsOf.has(Number(p.id)) || evaluationsOf.has(Number(p.id)));
  const ids = chosen.map((p) => Number(p.id));
  const [partners, links] = await Promise.all([
    inChunks(ids, (c) =>
      db
        .selectFrom('partnership_partners as pp')
        .innerJoin('organisations as o', 'o.id', 'pp.organisation_id')
        .select(['pp.partnership_id', 'o.name_sv'])
        .where('pp.partnership_id', 'in', c)
        .orderBy('pp.position')
        .orderBy('o.id')
        .execute(),
    ),
    inChunks(ids, (c) => db.selectFrom('project_partnerships').select(['partnership_id', 'project_id']).where('partnership_id', 'in', c).orderBy('project_id').execute()),
  ]);
  const inReport = new Set(reportProjectIds);
  const partnersOf = groupBy(partners, (r) => Number(r.partnership_id), (r) => r.name_sv);
  const projectsOf = groupBy(
    links.filter((l) => inReport.has(Number(l.project_id))),
    (r) => Number(r.partnership_id),
    (r) => Number(r.project_id),
  );
  const dueOn = new Map(due.filter((d) => d.kind === 'partnership_evaluation').map((d) => [d.recordId, d.dueOn]));
  return chosen
    .map((p): ReportPartnership => {
      const id = Number(p.id);
      return {
        id,
        title: p.title_sv,
        kind: p.kind,
        status: p.status,
        partners: partnersOf.get(id) ?? [],
        published: p.publication_state === 'published',
        events: eventsOf.get(id) ?? [],
        projectIds: projectsOf.get(id) ?? [],
        evaluations: evaluationsOf.get(id) ?? [],
        evaluationDueOn: dueOn.get(id) ?? null,
      };
    })
    .sort((a, b) => collator.compare(a.title, b.title) || a.id - b.id);
}
