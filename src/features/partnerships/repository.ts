/** Partnership queries for the public site and the open API: published partnerships only. */
import type { Db } from '../../db/database.js';

export async function listPublishedPartnerships(db: Db, municipalityId: number) {
  const partnerships = await db
    .selectFrom('partnerships')
    .select(['id', 'kind', 'title_sv', 'title_en', 'status', 'summary_sv', 'summary_en', 'cooperation_areas', 'financing_sv', 'financing_en', 'source', 'updated_at'])
    .where('municipality_id', '=', municipalityId)
    .where('publication_state', '=', 'published')
    .orderBy('kind')
    .orderBy('title_sv')
    .execute();
  const ids = partnerships.map((p) => Number(p.id));
  if (ids.length === 0) return [];
  const [partners, events, projects] = await Promise.all([
    db
      .selectFrom('partnership_partners as pp')
      .innerJoin('organisations as o', 'o.id', 'pp.organisation_id')
      .select([
        'pp.partnership_id', 'o.id', 'o.kind', 'o.name_sv', 'o.name_en', 'o.country', 'o.region', 'o.population',
        'o.population_year', 'o.website', 'o.latitude', 'o.longitude', 'o.description_sv', 'o.description_en',
      ])
      .where('pp.partnership_id', 'in', ids)
      .orderBy('pp.position')
      .execute(),
    db
      .selectFrom('partnership_events as e')
      .leftJoin('decisions as d', 'd.id', 'e.decision_id')
      .select([
        'e.partnership_id', 'e.id', 'e.kind', 'e.date_from', 'e.date_to', 'e.date_precision', 'e.description_sv', 'e.description_en',
        'e.place', 'e.source', 'd.paragraph as decision_paragraph', 'd.decided_on as decision_date', 'd.registry_number as decision_registry_number',
      ])
      .where('e.partnership_id', 'in', ids)
      .orderBy('e.date_from')
      .orderBy('e.id')
      .execute(),
    db
      .selectFrom('project_partnerships as x')
      .innerJoin('projects as p', 'p.id', 'x.project_id')
      .select(['x.partnership_id', 'p.id', 'p.title_sv', 'p.title_en', 'p.kind', 'p.year'])
      .where('x.partnership_id', 'in', ids)
      .where('p.publication_state', '=', 'published')
      .orderBy('p.title_sv')
      .execute(),
  ]);
  return partnerships.map((p) => {
    const id = Number(p.id);
    return {
      ...p,
      id,
      cooperation_areas: parseCodes(p.cooperation_areas),
      partners: partners.filter((x) => Number(x.partnership_id) === id).map((x) => ({ ...x, id: Number(x.id) })),
      events: events.filter((x) => Number(x.partnership_id) === id).map((x) => ({ ...x, id: Number(x.id) })),
      projects: projects.filter((x) => Number(x.partnership_id) === id).map((x) => ({ ...x, id: Number(x.id) })),
    };
  });
}

export type PartnershipRecord = Awaited<ReturnType<typeof listPublishedPartnerships>>[number];

function parseCodes(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
