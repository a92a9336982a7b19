/**
 * What an import reads and writes in the database: the municipality's lookups (units,
 * organisations, programmes, themes…), the current state of the projects a file touches, and the
 * writes of a project with its relations. Functions take the database (or transaction) first.
 */
import type { Db } from '../../db/database.js';
import { nowIso } from '../../db/database.js';
import type { Selectable } from 'kysely';
import type { NewProject, OrganisationKind, PartnerRole, ProjectFundingTable, ProjectLifecycle, ProjectStatus, ProjectTable } from '../../db/schema.js';
import { budgetOf } from '../editing/project-data.js';
import type { MunicipalityRecord } from '../municipalities/repository.js';
import { buildSearchText } from '../projects/search-text.js';

/** What an import needs of the municipality (a `MunicipalityRecord` from `findMunicipality` will do). */
export type MunicipalityRef = Pick<MunicipalityRecord, 'id' | 'slug' | 'name_sv' | 'name_en'>;

export interface OrgRow {
  id: number;
  is_internal: number;
  kind: string;
  name_sv: string;
  name_en: string | null;
  short_name: string | null;
  country: string | null;
  external_ref: string | null;
}

export interface ProgrammeRow {
  id: number;
  code: string;
  name_sv: string;
  name_en: string;
}

export interface ProjectIndexRow {
  id: number;
  title_sv: string;
  title_en: string | null;
  external_ref: string | null;
}

/** Everything a plan looks values up in, for one municipality. */
export interface Lookups {
  municipality: MunicipalityRef;
  orgs: OrgRow[];
  programmes: ProgrammeRow[];
  themes: { code: string; label_sv: string; label_en: string }[];
  targets: { code: string; label_sv: string; label_en: string }[];
  projects: ProjectIndexRow[];
}

export async function loadLookups(db: Db, municipality: MunicipalityRef): Promise<Lookups> {
  const [orgs, programmes, themes, targets, projects] = await Promise.all([
    db
      .selectFrom('organisations')
      .select(['id', 'is_internal', 'kind', 'name_sv', 'name_en', 'short_name', 'country', 'external_ref'])
      .where('municipality_id', '=', municipality.id)
      .orderBy('id')
      .execute(),
    db.selectFrom('funding_programmes').select(['id', 'code', 'name_sv', 'name_en']).orderBy('id').execute(),
    db.selectFrom('themes').select(['code', 'label_sv', 'label_en']).execute(),
    db.selectFrom('target_groups').select(['code', 'label_sv', 'label_en']).execute(),
    db.selectFrom('projects').select(['id', 'title_sv', 'title_en', 'external_ref']).where('municipality_id', '=', municipality.id).orderBy('id').execute(),
  ]);
  return {
    municipality,
    orgs: orgs.map((o) => ({ ...o, id: Number(o.id), is_internal: Number(o.is_internal) })),
    programmes: programmes.map((p) => ({ ...p, id: Number(p.id) })),
    themes,
    targets,
    projects: projects.map((p) => ({ ...p, id: Number(p.id) })),
  };
}

/** The project columns an import compares and writes. */
const PROJECT_COLUMNS = [
  'id', 'kind', 'title_sv', 'title_en', 'summary_sv', 'summary_en', 'owner_unit_id', 'municipality_role', 'programme_id', 'status',
  'start_date', 'end_date', 'year', 'participants_total', 'participants_youth', 'budget_sek_minor', 'publication_state', 'external_ref',
] as const;

const FUNDING_COLUMNS = ['id', 'kind', 'programme_id', 'source_name', 'amount_minor', 'currency', 'staff_hours', 'note_sv', 'source'] as const;

export type FundingLine = Pick<Selectable<ProjectFundingTable>, (typeof FUNDING_COLUMNS)[number]>;

/** A project with the relations an import compares and writes (also the audit snapshot). */
export interface ProjectState extends Pick<Selectable<ProjectTable>, (typeof PROJECT_COLUMNS)[number]> {
  partners: { organisation_id: number; role: PartnerRole }[];
  countries: string[];
  themes: string[];
  targets: string[];
  funding: FundingLine[];
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** Current state of the given projects of a municipality (any publication state). */
export async function loadProjectStates(db: Db, municipalityId: number, ids: number[]): Promise<Map<number, ProjectState>> {
  const out = new Map<number, ProjectState>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const [projects, partners, countries, themes, targets, funding] = await Promise.all([
      db
        .selectFrom('projects')
        .select(PROJECT_COLUMNS)
        .where('municipality_id', '=', municipalityId)
        .where('id', 'in', chunk)
        .execute(),
      db.selectFrom('project_partners').select(['project_id', 'organisation_id', 'role']).where('project_id', 'in', chunk).orderBy('project_id').orderBy('position').execute(),
      db.selectFrom('project_countries').select(['project_id', 'country']).where('project_id', 'in', chunk).orderBy('project_id').orderBy('country').execute(),
      db.selectFrom('project_themes').select(['project_id', 'theme']).where('project_id', 'in', chunk).execute(),
      db.selectFrom('project_target_groups').select(['project_id', 'target_group']).where('project_id', 'in', chunk).execute(),
      db
        .selectFrom('project_funding')
        .select(['project_id', ...FUNDING_COLUMNS])
        .where('project_id', 'in', chunk)
        .orderBy('id')
        .execute(),
    ]);
    for (const p of projects) {
      out.set(Number(p.id), {
        ...p,
        id: Number(p.id),
        owner_unit_id: num(p.owner_unit_id),
        programme_id: num(p.programme_id),
        year: num(p.year),
        participants_total: num(p.participants_total),
        participants_youth: num(p.participants_youth),
        budget_sek_minor: num(p.budget_sek_minor),
        partners: [],
        countries: [],
        themes: [],
        targets: [],
        funding: [],
      });
    }
    for (const r of partners) out.get(Number(r.project_id))?.partners.push({ organisation_id: Number(r.organisation_id), role: r.role });
    for (const r of countries) out.get(Number(r.project_id))?.countries.push(r.country);
    for (const r of themes) out.get(Number(r.project_id))?.themes.push(r.theme);
    for (const r of targets) out.get(Number(r.project_id))?.targets.push(r.target_group);
    for (const r of funding) {
      out.get(Number(r.project_id))?.funding.push({
        id: Number(r.id),
        kind: r.kind,
        programme_id: num(r.programme_id),
        source_name: r.source_name,
        amount_minor: num(r.amount_minor),
        currency: r.currency,
        staff_hours: num(r.staff_hours),
        note_sv: r.note_sv,
        source: r.source,
      });
    }
  }
  return out;
}

export async function loadProjectState(db: Db, municipalityId: number, id: number): Promise<ProjectState | undefined> {
  return (await loadProjectStates(db, municipalityId, [id])).get(id);
}

/** The state a new project's lifecycle starts in, from its public status (as the migration maps seeds). */
function lifecycleFor(status: ProjectStatus | null | undefined): ProjectLifecycle {
  switch (status) {
    case 'ongoing':
      return 'ongoing';
    case 'completed':
      return 'completed';
    case 'cancelled':
      return 'cancelled';
    case 'applied':
      return 'awaiting_decision';
    default:
      return 'idea';
  }
}

/** The columns an import sets on a new project; the rest start empty. */
export type ImportedProject = Pick<NewProject, 'municipality_id' | 'kind' | 'title_sv' | 'source' | 'external_ref'> &
  Partial<Pick<NewProject, 'title_en' | 'summary_sv' | 'summary_en' | 'owner_unit_id' | 'municipality_role' | 'programme_id' | 'status' | 'start_date' | 'end_date' | 'year' | 'participants_total' | 'participants_youth'>>;

/** Inserts a new draft project (its lifecycle from its status; derived columns filled by refreshDerived). */
export async function insertProject(db: Db, p: ImportedProject): Promise<number> {
  const now = nowIso();
  const { id } = await db
    .insertInto('projects')
    .values({
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
      ...p,
      budget_sek_minor: null,
      publication_state: 'draft',
      published_at: null,
      search_text: '',
      created_at: now,
      updated_at: now,
      lifecycle: lifecycleFor(p.status),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

export interface NewOrganisation {
  isInternal: boolean;
  kind: OrganisationKind;
  name: string;
  country: string | null;
  region?: string | null;
  externalRef?: string | null;
  source: string;
}

export async function insertOrganisation(db: Db, municipalityId: number, o: NewOrganisation): Promise<number> {
  const now = nowIso();
  const { id } = await db
    .insertInto('organisations')
    .values({
      municipality_id: municipalityId,
      is_internal: o.isInternal ? 1 : 0,
      kind: o.kind,
      name_sv: o.name,
      name_en: null,
      short_name: null,
      parent_id: null,
      country: o.country,
      region: o.region ?? null,
      population: null,
      population_year: null,
      website: null,
      latitude: null,
      longitude: null,
      description_sv: null,
      description_en: null,
      source: o.source,
      created_at: now,
      updated_at: now,
      external_ref: o.externalRef ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

/** A programme code that is not taken yet: `base`, `base-2`, `base-3`… */
export async function freeProgrammeCode(db: Db, base: string): Promise<string> {
  const taken = new Set((await db.selectFrom('funding_programmes').select('code').where('code', 'like', `${base}%`).execute()).map((r) => r.code));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

export async function insertProgramme(db: Db, p: { code: string; name_sv: string; name_en: string; funder: string | null; period_label: string | null }): Promise<number> {
  const { id } = await db.insertInto('funding_programmes').values(p).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

/**
 * Recomputes what is derived from a project's relations: the SEK budget used for sorting and the
 * search text (as the seed loader builds it), after an import changed the project. Returns the
 * project's state after.
 */
export async function refreshDerived(db: Db, municipalityId: number, projectId: number): Promise<ProjectState | undefined> {
  const p = await loadProjectState(db, municipalityId, projectId);
  if (!p) return undefined;
  const orgIds = [...new Set([...p.partners.map((x) => x.organisation_id), ...(p.owner_unit_id ? [p.owner_unit_id] : [])])];
  const programmeIds = [...new Set([p.programme_id, ...p.funding.map((f) => f.programme_id)].filter((x): x is number => x !== null))];
  const [orgs, programmes, themes, targets, results] = await Promise.all([
    orgIds.length ? db.selectFrom('organisations').select(['id', 'name_sv', 'name_en', 'short_name']).where('id', 'in', orgIds).execute() : [],
    programmeIds.length ? db.selectFrom('funding_programmes').select(['id', 'name_sv', 'name_en']).where('id', 'in', programmeIds).execute() : [],
    p.themes.length ? db.selectFrom('themes').select(['code', 'label_sv', 'label_en']).where('code', 'in', p.themes).execute() : [],
    p.targets.length ? db.selectFrom('target_groups').select(['code', 'label_sv', 'label_en']).where('code', 'in', p.targets).execute() : [],
    db.selectFrom('project_results').select(['description_sv', 'description_en']).where('project_id', '=', projectId).execute(),
  ]);
  const orgNames = new Map(orgs.map((o) => [Number(o.id), [o.name_sv, o.name_en, o.short_name].filter((s): s is string => !!s)]));
  const searchText = buildSearchText({
    kind: p.kind,
    title_sv: p.title_sv,
    title_en: p.title_en,
    summary_sv: p.summary_sv,
    summary_en: p.summary_en,
    partnerNames: p.partners.flatMap((x) => orgNames.get(x.organisation_id) ?? []),
    countries: p.countries,
    themeLabels: themes.flatMap((t) => [t.label_sv, t.label_en]),
    targetLabels: targets.flatMap((t) => [t.label_sv, t.label_en]),
    programmeNames: [...programmes.flatMap((x) => [x.name_sv, x.name_en]), ...p.funding.map((f) => f.source_name).filter((s): s is string => !!s)],
    unitNames: p.owner_unit_id ? (orgNames.get(p.owner_unit_id) ?? []) : [],
    resultTexts: results.flatMap((r) => [r.description_sv, r.description_en].filter((s): s is string => !!s)),
  });
  const budget = budgetOf(p);
  await db.updateTable('projects').set({ search_text: searchText, budget_sek_minor: budget }).where('id', '=', projectId).execute();
  return { ...p, budget_sek_minor: budget };
}
