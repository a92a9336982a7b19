/** Municipality queries for the public site and the open API. */
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { countryCounts, fundingFigures, type ProjectScope, themeCounts, youthFigures } from '../dashboard/data.js';

export async function listMunicipalities(db: Db) {
  const rows = await db
    .selectFrom('municipalities as m')
    .select([
      'm.id', 'm.code', 'm.slug', 'm.name_sv', 'm.name_en', 'm.county_name', 'm.vision_sv', 'm.vision_en', 'm.website',
      (eb) =>
        eb
          .selectFrom('projects as p')
          .select(sql<number>`count(*)`.as('n'))
          .whereRef('p.municipality_id', '=', 'm.id')
          .where('p.publication_state', '=', 'published')
          .as('project_count'),
      (eb) =>
        eb
          .selectFrom('partnerships as ps')
          .select(sql<number>`count(*)`.as('n'))
          .whereRef('ps.municipality_id', '=', 'm.id')
          .where('ps.publication_state', '=', 'published')
          .as('partnership_count'),
    ])
    .orderBy('m.name_sv')
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), project_count: Number(r.project_count ?? 0), partnership_count: Number(r.partnership_count ?? 0) }));
}

export type MunicipalitySummary = Awaited<ReturnType<typeof listMunicipalities>>[number];

/** The municipality with this slug, or undefined. */
export async function findMunicipality(db: Db, slug: string) {
  const m = await db.selectFrom('municipalities').selectAll().where('slug', '=', slug).executeTakeFirst();
  return m ? { ...m, id: Number(m.id) } : undefined;
}

export type MunicipalityRecord = NonNullable<Awaited<ReturnType<typeof findMunicipality>>>;

/** Published key figures: counts, countries and recorded EU funding in SEK. */
export async function keyFigures(db: Db, municipalityId: number) {
  const [countries, eu] = await Promise.all([
    db
      .selectFrom('project_countries as c')
      .innerJoin('projects as p', 'p.id', 'c.project_id')
      .select(sql<number>`count(distinct c.country)`.as('n'))
      .where('p.municipality_id', '=', municipalityId)
      .where('p.publication_state', '=', 'published')
      .executeTakeFirst(),
    db
      .selectFrom('project_funding as f')
      .innerJoin('projects as p', 'p.id', 'f.project_id')
      .select(sql<number>`coalesce(sum(f.amount_minor), 0)`.as('n'))
      .where('p.municipality_id', '=', municipalityId)
      .where('p.publication_state', '=', 'published')
      .where('f.kind', '=', 'eu_grant')
      .where('f.currency', '=', 'SEK')
      .executeTakeFirst(),
  ]);
  return { countries: Number(countries?.n ?? 0), euFundingSekMinor: Number(eu?.n ?? 0) };
}

/** How many years the public funding and youth charts show: the latest years that have figures. */
export const PUBLIC_CHART_YEARS = 10;

/**
 * The public page's chart figures, from published projects only: external funding and youth
 * share per year, projects per theme and per country. Four grouped queries.
 */
export async function publicChartFigures(db: Db, municipalityId: number) {
  const scope: ProjectScope = { municipalityId, audience: 'public' };
  const [funding, youth, themes, countries] = await Promise.all([fundingFigures(db, scope), youthFigures(db, scope), themeCounts(db, scope), countryCounts(db, scope)]);
  const latest = (years: number[]) => years.slice(-PUBLIC_CHART_YEARS);
  return {
    funding,
    fundingYears: latest(funding.years.filter((y) => y.euMinor + y.otherGrantsMinor > 0).map((y) => y.year)),
    youth,
    youthYears: latest(youth.map((y) => y.year)),
    themes,
    countries,
  };
}

export type PublicChartFigures = Awaited<ReturnType<typeof publicChartFigures>>;
