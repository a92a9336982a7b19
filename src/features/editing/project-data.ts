/**
 * A project as the back office edits it (`ProjectData`: the whole form, plain JSON, what a
 * revision stores), how it is read from and written to the live tables, and the review adapter
 * that ties it to publication with review (review.ts).
 *
 * Writing rebuilds what is derived: `search_text` (buildSearchText, so the public search finds
 * the new words at once), `budget_sek_minor` (sum of the SEK funding lines), `year` (from the
 * start date when not given). References that no longer exist when a revision is published (an
 * organisation removed since) are dropped rather than failing the publication.
 */
import type { Db } from '../../db/database.js';
import { nowIso } from '../../db/database.js';
import type { FundingKind, MunicipalityRole, PartnerRole, ProjectKind, PublicationState } from '../../db/schema.js';
import { buildSearchText } from '../projects/search-text.js';
import { projectGoalIds, replaceGoalLinks } from '../strategy/goal-links.js';
import type { LiveRecord } from './review.js';

export interface FundingLine {
  /** The stored line this row edits (keeps its source); absent for a new line. */
  id?: number;
  kind: FundingKind;
  programme_id: number | null;
  source_name: string | null;
  amount_minor: number | null;
  currency: string;
  staff_hours: number | null;
  note_sv: string | null;
}

export interface ResultLine {
  id?: number;
  description_sv: string;
  description_en: string | null;
  indicator: string | null;
  unit: string | null;
  baseline: number | null;
  target: number | null;
  actual: number | null;
  period: string | null;
}

export interface LinkLine {
  label_sv: string;
  label_en: string | null;
  url: string;
}

export interface ProjectData {
  kind: ProjectKind;
  title_sv: string;
  title_en: string | null;
  summary_sv: string | null;
  summary_en: string | null;
  owner_unit_id: number | null;
  municipality_role: MunicipalityRole | null;
  programme_id: number | null;
  start_date: string | null;
  end_date: string | null;
  year: number | null;
  participants_total: number | null;
  participants_youth: number | null;
  themes: string[];
  target_groups: string[];
  countries: string[];
  partners: { organisation_id: number; role: PartnerRole }[];
  funding: FundingLine[];
  results: ResultLine[];
  links: LinkLine[];
  partnerships: number[];
  /**
   * Goals of the municipality's adopted and draft strategies the project contributes to. Absent in
   * revisions saved before goals could be linked: writing such data leaves the links as they are.
   */
  goals?: number[];
}

const num = (v: number | string | null | undefined): number | null => (v === null || v === undefined ? null : Number(v));

/** The live project as ProjectData with its owner and publication state, or undefined. */
export async function loadProjectData(db: Db, municipalityId: number, id: number): Promise<LiveRecord<ProjectData> | undefined> {
  const p = await db.selectFrom('projects').selectAll().where('id', '=', id).where('municipality_id', '=', municipalityId).executeTakeFirst();
  if (!p) return undefined;
  const [partners, countries, themes, targets, funding, results, links, partnerships, goals] = await Promise.all([
    db.selectFrom('project_partners').select(['organisation_id', 'role']).where('project_id', '=', id).orderBy('position').execute(),
    db.selectFrom('project_countries').select('country').where('project_id', '=', id).orderBy('country').execute(),
    db.selectFrom('project_themes').select('theme').where('project_id', '=', id).orderBy('theme').execute(),
    db.selectFrom('project_target_groups').select('target_group').where('project_id', '=', id).orderBy('target_group').execute(),
    db.selectFrom('project_funding').selectAll().where('project_id', '=', id).orderBy('id').execute(),
    db.selectFrom('project_results').selectAll().where('project_id', '=', id).orderBy('id').execute(),
    db.selectFrom('project_links').selectAll().where('project_id', '=', id).orderBy('id').execute(),
    db.selectFrom('project_partnerships').select('partnership_id').where('project_id', '=', id).orderBy('partnership_id').execute(),
    projectGoalIds(db, id),
  ]);
  const data: ProjectData = {
    kind: p.kind,
    title_sv: p.title_sv,
    title_en: p.title_en,
    summary_sv: p.summary_sv,
    summary_en: p.summary_en,
    owner_unit_id: num(p.owner_unit_id),
    municipality_role: p.municipality_role,
    programme_id: num(p.programme_id),
    start_date: p.start_date,
    end_date: p.end_date,
    year: num(p.year),
    participants_total: num(p.participants_total),
    participants_youth: num(p.participants_youth),
    themes: themes.map((r) => r.theme),
    target_groups: targets.map((r) => r.target_group),
    countries: countries.map((r) => r.country),
    partners: partners.map((r) => ({ organisation_id: Number(r.organisation_id), role: r.role })),
    funding: funding.map((f) => ({
      id: Number(f.id),
      kind: f.kind,
      programme_id: num(f.programme_id),
      source_name: f.source_name,
      amount_minor: num(f.amount_minor),
      currency: f.currency,
      staff_hours: num(f.staff_hours),
      note_sv: f.note_sv,
    })),
    results: results.map((r) => ({
      id: Number(r.id),
      description_sv: r.description_sv,
      description_en: r.description_en,
      indicator: r.indicator,
      unit: r.unit,
      baseline: num(r.baseline),
      target: num(r.target),
      actual: num(r.actual),
      period: r.period,
    })),
    links: links.map((l) => ({ label_sv: l.label_sv, label_en: l.label_en, url: l.url })),
    partnerships: partnerships.map((r) => Number(r.partnership_id)),
    goals,
  };
  return { data, ownerUnitId: num(p.owner_unit_id), publicationState: p.publication_state as PublicationState };
}

/** The sum of the SEK funding lines in öre, or null when there is none (as the seed derives it). */
export function budgetOf(data: Pick<ProjectData, 'funding'>): number | null {
  const sum = data.funding.filter((f) => f.currency === 'SEK' && f.amount_minor != null).reduce((s, f) => s + (f.amount_minor ?? 0), 0);
  return sum > 0 ? sum : null;
}

/** What exists in the municipality that a project may point at, to drop dangling references. */
async function existingRefs(trx: Db, municipalityId: number) {
  const [orgs, partnerships, programmes, themes, targets] = await Promise.all([
    trx.selectFrom('organisations').select(['id', 'is_internal', 'name_sv', 'name_en', 'short_name']).where('municipality_id', '=', municipalityId).execute(),
    trx.selectFrom('partnerships').select('id').where('municipality_id', '=', municipalityId).execute(),
    trx.selectFrom('funding_programmes').select(['id', 'name_sv', 'name_en']).execute(),
    trx.selectFrom('themes').selectAll().execute(),
    trx.selectFrom('target_groups').selectAll().execute(),
  ]);
  return {
    orgs: new Map(orgs.map((o) => [Number(o.id), o])),
    partnerships: new Set(partnerships.map((p) => Number(p.id))),
    programmes: new Map(programmes.map((p) => [Number(p.id), p])),
    themes: new Map(themes.map((t) => [t.code, t])),
    targets: new Map(targets.map((t) => [t.code, t])),
  };
}

const names = (...xs: (string | null | undefined)[]) => xs.filter((s): s is string => typeof s === 'string' && s.trim() !== '');

/**
 * Writes `data` to the live project and its child rows (inside the caller's transaction). Does
 * not touch publication_state, published_at, status, lifecycle, source or external_ref.
 */
export async function applyProjectData(trx: Db, municipalityId: number, id: number, input: ProjectData): Promise<void> {
  const refs = await existingRefs(trx, municipalityId);
  const internal = (oid: number | null) => (oid !== null && refs.orgs.get(oid)?.is_internal === 1 ? oid : null);
  const programme = (pid: number | null) => (pid !== null && refs.programmes.has(pid) ? pid : null);
  const data: ProjectData = {
    ...input,
    owner_unit_id: internal(input.owner_unit_id),
    programme_id: programme(input.programme_id),
    themes: [...new Set(input.themes)].filter((c) => refs.themes.has(c)),
    target_groups: [...new Set(input.target_groups)].filter((c) => refs.targets.has(c)),
    countries: [...new Set(input.countries)],
    partners: input.partners.filter((p, i, all) => refs.orgs.get(p.organisation_id)?.is_internal === 0 && all.findIndex((q) => q.organisation_id === p.organisation_id) === i),
    partnerships: [...new Set(input.partnerships)].filter((p) => refs.partnerships.has(p)),
    funding: input.funding.map((f) => ({ ...f, programme_id: programme(f.programme_id) })),
  };
  const orgNames = (oid: number) => {
    const o = refs.orgs.get(oid);
    return o ? names(o.name_sv, o.name_en, o.short_name) : [];
  };
  const searchText = buildSearchText({
    kind: data.kind,
    title_sv: data.title_sv,
    title_en: data.title_en,
    summary_sv: data.summary_sv,
    summary_en: data.summary_en,
    partnerNames: data.partners.flatMap((p) => orgNames(p.organisation_id)),
    countries: data.countries,
    themeLabels: data.themes.flatMap((c) => names(refs.themes.get(c)?.label_sv, refs.themes.get(c)?.label_en)),
    targetLabels: data.target_groups.flatMap((c) => names(refs.targets.get(c)?.label_sv, refs.targets.get(c)?.label_en)),
    programmeNames: [data.programme_id, ...data.funding.map((f) => f.programme_id)]
      .flatMap((pid) => (pid === null ? [] : names(refs.programmes.get(pid)?.name_sv, refs.programmes.get(pid)?.name_en)))
      .concat(names(...data.funding.map((f) => f.source_name))),
    unitNames: data.owner_unit_id === null ? [] : orgNames(data.owner_unit_id),
    resultTexts: data.results.flatMap((r) => names(r.description_sv, r.description_en)),
  });
  await trx
    .updateTable('projects')
    .set({
      kind: data.kind,
      title_sv: data.title_sv,
      title_en: data.title_en,
      summary_sv: data.summary_sv,
      summary_en: data.summary_en,
      owner_unit_id: data.owner_unit_id,
      municipality_role: data.municipality_role,
      programme_id: data.programme_id,
      start_date: data.start_date,
      end_date: data.end_date,
      year: data.year ?? (data.start_date ? Number(data.start_date.slice(0, 4)) : null),
      participants_total: data.participants_total,
      participants_youth: data.participants_youth,
      budget_sek_minor: budgetOf(data),
      search_text: searchText,
      updated_at: nowIso(),
    })
    .where('id', '=', id)
    .where('municipality_id', '=', municipalityId)
    .execute();

  for (const table of ['project_partners', 'project_countries', 'project_themes', 'project_target_groups', 'project_links', 'project_partnerships'] as const) {
    await trx.deleteFrom(table).where('project_id', '=', id).execute();
  }
  if (data.partners.length) await trx.insertInto('project_partners').values(data.partners.map((p, position) => ({ project_id: id, organisation_id: p.organisation_id, role: p.role, position }))).execute();
  if (data.countries.length) await trx.insertInto('project_countries').values(data.countries.map((country) => ({ project_id: id, country }))).execute();
  if (data.themes.length) await trx.insertInto('project_themes').values(data.themes.map((theme) => ({ project_id: id, theme }))).execute();
  if (data.target_groups.length) await trx.insertInto('project_target_groups').values(data.target_groups.map((target_group) => ({ project_id: id, target_group }))).execute();
  if (data.links.length) await trx.insertInto('project_links').values(data.links.map((l) => ({ project_id: id, kind: 'link' as const, url: l.url, label_sv: l.label_sv, label_en: l.label_en }))).execute();
  if (data.partnerships.length) await trx.insertInto('project_partnerships').values(data.partnerships.map((partnership_id) => ({ project_id: id, partnership_id }))).execute();
  if (input.goals !== undefined) await replaceGoalLinks(trx, 'project_goals', municipalityId, id, input.goals);

  // Funding lines and results keep their ids (and their `source`, where the seed cites a document).
  const keptFunding = new Set((await trx.selectFrom('project_funding').select('id').where('project_id', '=', id).execute()).map((r) => Number(r.id)));
  const seenFunding = new Set<number>();
  for (const f of data.funding) {
    const values = { kind: f.kind, programme_id: f.programme_id, source_name: f.source_name, amount_minor: f.amount_minor, currency: f.currency, staff_hours: f.staff_hours, note_sv: f.note_sv };
    if (f.id !== undefined && keptFunding.has(f.id) && !seenFunding.has(f.id)) {
      seenFunding.add(f.id);
      await trx.updateTable('project_funding').set(values).where('id', '=', f.id).where('project_id', '=', id).execute();
    } else {
      await trx.insertInto('project_funding').values({ ...values, project_id: id, source: null }).execute();
    }
  }
  const dropFunding = [...keptFunding].filter((fid) => !seenFunding.has(fid));
  if (dropFunding.length) await trx.deleteFrom('project_funding').where('project_id', '=', id).where('id', 'in', dropFunding).execute();

  const keptResults = new Set((await trx.selectFrom('project_results').select('id').where('project_id', '=', id).execute()).map((r) => Number(r.id)));
  const seenResults = new Set<number>();
  for (const r of data.results) {
    const values = { description_sv: r.description_sv, description_en: r.description_en, indicator: r.indicator, unit: r.unit, baseline: r.baseline, target: r.target, actual: r.actual, period: r.period };
    if (r.id !== undefined && keptResults.has(r.id) && !seenResults.has(r.id)) {
      seenResults.add(r.id);
      await trx.updateTable('project_results').set(values).where('id', '=', r.id).where('project_id', '=', id).execute();
    } else {
      await trx.insertInto('project_results').values({ ...values, project_id: id, source: null }).execute();
    }
  }
  const dropResults = [...keptResults].filter((rid) => !seenResults.has(rid));
  if (dropResults.length) await trx.deleteFrom('project_results').where('project_id', '=', id).where('id', 'in', dropResults).execute();
}

/** Inserts a new, never-published project (publication_state 'draft', lifecycle 'idea') and writes `data` to it. */
export async function createProject(trx: Db, municipalityId: number, data: ProjectData): Promise<number> {
  const now = nowIso();
  const row = await trx
    .insertInto('projects')
    .values({
      municipality_id: municipalityId,
      kind: data.kind,
      title_sv: data.title_sv,
      title_en: null,
      summary_sv: null,
      summary_en: null,
      owner_unit_id: null,
      municipality_role: null,
      programme_id: null,
      status: null,
      start_date: null,
      end_date: null,
      year: null,
      participants_total: null,
      participants_youth: null,
      budget_sek_minor: null,
      publication_state: 'draft',
      published_at: null,
      search_text: '',
      source: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(row.id);
  await applyProjectData(trx, municipalityId, id, data);
  return id;
}
