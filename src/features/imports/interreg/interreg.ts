/**
 * The Interreg 2021–2027 partner list (one row per Swedish partner of a project; see
 * ../shared/data/reference/README.md): reading it, finding the rows of a municipality and its own
 * organisations, and planning the projects they take part in. Rows are grouped into projects by
 * programme and name (ids are not unique; "Land4Climate" and "Land-4-Climate" are one project; a
 * feasibility study is a project of its own), so importing twice finds the same projects again.
 */
import { z } from 'zod';
import type { Db } from '../../../db/database.js';
import type { MunicipalityRole, OrganisationKind, PartnerRole, ProjectStatus } from '../../../db/schema.js';
import { mentionsMunicipality, type MunicipalityNames, municipalityMatcher, orgKey } from './org-names.js';
import type { Lookups, ProjectState } from '../repository.js';
import { loadProjectStates } from '../repository.js';
import { type ImportIssue, issue, type Text, tx } from '../text.js';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** One partner row as the file holds it; only what the import uses is required. */
const RowSchema = z.object({
  program: z.string().trim().min(1),
  projekttyp: z.string().nullish(),
  startdatum: z.string().regex(ISO_DAY).nullish(),
  slutdatum: z.string().regex(ISO_DAY).nullish(),
  projektnamn: z.string().trim().min(1).max(500),
  organisationsnamn: z.string().max(500).nullish(),
  organisationstyp: z.string().nullish(),
  organisationsroll: z.enum(['LP', 'PP', 'AP']).nullish(),
  nuts3: z.string().nullish(),
  partnerbudget: z.number().finite().nonnegative().max(1e10).nullish(),
  politisktmal: z.string().nullish(),
  specifiktmal: z.string().nullish(),
  strand_namn: z.string().nullish(),
});

export type InterregRow = z.infer<typeof RowSchema>;

export const INTERREG_TEXT = {
  notJson: tx('Filen är inte en JSON-fil med en lista av rader.', 'The file is not a JSON file holding a list of rows.'),
  badRow: tx('Raden saknar program eller projektnamn, eller har ett felaktigt värde, och hoppas över.', 'The row lacks a programme or project name, or has an invalid value, and is skipped.'),
};

/** Reads the JSON file's rows; rows that cannot be used are reported (by position) and left out. */
export function readInterregRows(text: string): { rows: InterregRow[]; issues: ImportIssue[] } {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { rows: [], issues: [issue(null, null, INTERREG_TEXT.notJson)] };
  }
  if (!Array.isArray(data)) return { rows: [], issues: [issue(null, null, INTERREG_TEXT.notJson)] };
  const rows: InterregRow[] = [];
  const issues: ImportIssue[] = [];
  data.forEach((raw, i) => {
    const parsed = RowSchema.safeParse(raw);
    if (parsed.success) rows.push(parsed.data);
    else issues.push(issue(i + 1, null, INTERREG_TEXT.badRow));
  });
  return { rows, issues };
}

/** A date that may be impossible ("2027-02-31" is in the file): clamped to the month's last day. */
export function clampDate(value: string | null | undefined): string | null {
  const m = value ? ISO_DAY.exec(value) : null;
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return null;
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return `${m[1]}-${m[2]}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

const compact = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** "Interreg europe" → "europe", "Sverige-Norge" → "sverige-norge". */
export const programmeSlug = (program: string) => slug(program.replace(/^\s*interreg\b/i, '')) || 'interreg';

/** The stable key of the project a row belongs to, also its `external_ref`. */
export function projectRef(r: Pick<InterregRow, 'program' | 'projektnamn' | 'projekttyp'>): string {
  const feasibility = /feasibility/i.test(r.projekttyp ?? '') ? ':feasibility' : '';
  return `interreg:${programmeSlug(r.program)}:${compact(r.projektnamn) || slug(r.projektnamn)}${feasibility}`;
}

const PROGRAMME_NAMES: Record<string, Text> = {
  aurora: tx('Interreg Aurora', 'Interreg Aurora'),
  'baltic-sea-region': tx('Interreg Östersjöregionen', 'Interreg Baltic Sea Region'),
  'central-baltic': tx('Interreg Central Baltic', 'Interreg Central Baltic'),
  europe: tx('Interreg Europe', 'Interreg Europe'),
  'northern-periphery-and-arctic': tx('Interreg Norra periferin och Arktis', 'Interreg Northern Periphery and Arctic'),
  'south-baltic-programme': tx('Interreg Södra Östersjön', 'Interreg South Baltic'),
  'sverige-norge': tx('Interreg Sverige–Norge', 'Interreg Sweden–Norway'),
  'urbact-iv': tx('URBACT IV', 'URBACT IV'),
  'oresund-kattegat-skagerrak': tx('Interreg Öresund–Kattegat–Skagerrak', 'Interreg Öresund–Kattegat–Skagerrak'),
  'north-sea': tx('Interreg Nordsjöregionen', 'Interreg North Sea'),
};

/** The funding programme a row's programme becomes: code `interreg-<programme>`. */
export function programmeFor(program: string): { code: string; name_sv: string; name_en: string; funder: string; period_label: string } {
  const s = programmeSlug(program);
  const name = PROGRAMME_NAMES[s] ?? tx(`Interreg ${program.replace(/^\s*interreg\s*/i, '')}`, `Interreg ${program.replace(/^\s*interreg\s*/i, '')}`);
  return { code: `interreg-${s}`, name_sv: name.sv, name_en: name.en, funder: 'Europeiska unionen (Europeiska regionala utvecklingsfonden)', period_label: '2021–2027' };
}

const ROLE_RANK: Record<string, number> = { LP: 0, PP: 1, AP: 2 };
const MUNICIPALITY_ROLE: Record<string, MunicipalityRole> = { LP: 'lead', PP: 'partner', AP: 'associated' };
const PARTNER_ROLE: Record<string, PartnerRole> = { LP: 'lead', PP: 'partner', AP: 'associated' };
const PARTNER_ORDER: Record<PartnerRole, number> = { lead: 0, partner: 1, associated: 2, other: 3 };
const strongest = <T extends { organisationsroll?: string | null }>(rows: T[]): T | undefined =>
  [...rows].sort((a, b) => (ROLE_RANK[a.organisationsroll ?? ''] ?? 9) - (ROLE_RANK[b.organisationsroll ?? ''] ?? 9))[0];

/** Organisation types of the programme lists → our kinds. */
export function organisationKind(type: string | null | undefined): OrganisationKind {
  const t = (type ?? '').toLowerCase();
  if (t.includes('local public authority')) return 'municipality';
  if (t.includes('regional public authority')) return 'region';
  if (/national public authority|sectoral agency|governed by public law|national, regional and local/.test(t)) return 'authority';
  if (t.includes('education') || t.includes('research')) return 'university';
  if (/sme|enterprise/.test(t)) return 'company';
  if (/ngo|interest group/.test(t)) return 'association';
  return 'other';
}

/** Themes for the programmes' policy objectives, where one fits plainly. */
const OBJECTIVE_THEMES: Record<string, string> = { PO1: 'business', PO2: 'environment', PO3: 'infrastructure', PO6: 'administration', ISO: 'administration' };

// ── Which rows are the municipality's ────────────────────────────────────────────────────────────

export interface Candidate {
  /** `orgKey` of the name: what a person chooses. */
  key: string;
  /** The spellings in the file. */
  names: string[];
  rows: number;
  projects: number;
  /** `municipality`: the municipality itself; `organisation`: one of its own organisations; `possible`: a name that mentions it. */
  match: 'municipality' | 'organisation' | 'possible';
  organisationId: number | null;
}

export interface OwnOrganisation {
  id: number;
  name_sv: string;
  name_en: string | null;
}

/**
 * The organisation names in the file that are the municipality or one of its own organisations
 * (chosen by default), and names that mention the municipality (offered, not chosen).
 */
export function findCandidates(rows: readonly InterregRow[], municipality: MunicipalityNames, own: readonly OwnOrganisation[], others: MunicipalityNames[] = []): Candidate[] {
  const isMunicipality = municipalityMatcher(municipality, others);
  const mentions = mentionsMunicipality(municipality);
  const ownByKey = new Map<string, number>();
  for (const o of own) for (const n of [o.name_sv, o.name_en]) if (n && orgKey(n)) ownByKey.set(orgKey(n), o.id);
  const found = new Map<string, Candidate & { refs: Set<string> }>();
  for (const r of rows) {
    const name = r.organisationsnamn?.trim();
    if (!name) continue;
    const key = orgKey(name);
    let c = found.get(key);
    if (!c) {
      const orgId = ownByKey.get(key) ?? null;
      const match = isMunicipality(name) ? 'municipality' : orgId !== null ? 'organisation' : mentions(name) ? 'possible' : null;
      if (!match) continue;
      c = { key, names: [], rows: 0, projects: 0, match, organisationId: orgId, refs: new Set() };
      found.set(key, c);
    }
    if (!c.names.includes(name)) c.names.push(name);
    c.rows++;
    c.refs.add(projectRef(r));
  }
  const order = { municipality: 0, organisation: 1, possible: 2 };
  return [...found.values()]
    .map(({ refs, ...c }) => ({ ...c, projects: refs.size }))
    .sort((a, b) => order[a.match] - order[b.match] || b.projects - a.projects || a.key.localeCompare(b.key, 'sv'));
}

// ── The plan ─────────────────────────────────────────────────────────────────────────────────────

export interface PlannedPartner {
  key: string;
  name: string;
  kind: OrganisationKind;
  region: string | null;
  role: PartnerRole;
  /** An existing organisation of the municipality, or null: the run creates it. */
  organisationId: number | null;
}

export interface PlannedFunding {
  source_name: string;
  amount_minor: number;
  currency: 'EUR';
}

export interface InterregProject {
  externalRef: string;
  title: string;
  programme: ReturnType<typeof programmeFor>;
  role: MunicipalityRole;
  ownerUnitId: number | null;
  startDate: string | null;
  endDate: string | null;
  year: number | null;
  status: ProjectStatus;
  themes: string[];
  summarySv: string;
  summaryEn: string;
  partners: PlannedPartner[];
  funding: PlannedFunding[];
  action: 'create' | 'update' | 'unchanged';
  projectId: number | null;
  /** What an update changes. */
  changes: string[];
}

export interface InterregPlan {
  projects: InterregProject[];
  counts: { create: number; update: number; unchanged: number };
  /** Organisations and programmes the run creates. */
  newOrganisations: string[];
  newProgrammes: string[];
  /** Partner rows without an organisation name: left out. */
  namelessPartners: number;
}

/** The source tag of what the Interreg import writes (funding lines, organisations). */
export const INTERREG_SOURCE = 'interreg-2021-2027';

const bestName = (names: string[]) => [...names].sort((a, b) => Number(a === a.toUpperCase()) - Number(b === b.toUpperCase()))[0] as string;

/**
 * Plans the import of the projects in which any of the chosen organisations (`chosen`: candidate
 * keys) takes part. `today` (ISO) sets the status from the dates. Reads the database, writes nothing.
 */
export async function planInterreg(db: Db, lookups: Lookups, rows: readonly InterregRow[], chosen: ReadonlySet<string>, own: readonly OwnOrganisation[], today: string): Promise<InterregPlan> {
  const byProject = new Map<string, InterregRow[]>();
  for (const r of rows) {
    const ref = projectRef(r);
    byProject.set(ref, [...(byProject.get(ref) ?? []), r]);
  }
  const ownByKey = new Map<string, number>();
  for (const o of own) for (const n of [o.name_sv, o.name_en]) if (n) ownByKey.set(orgKey(n), o.id);
  const orgByRef = new Map(lookups.orgs.filter((o) => o.external_ref).map((o) => [o.external_ref as string, o.id]));
  const orgByKey = new Map<string, number>();
  for (const o of lookups.orgs) for (const n of [o.name_sv, o.name_en]) if (n && !orgByKey.has(orgKey(n))) orgByKey.set(orgKey(n), o.id);
  const projectByRef = new Map(lookups.projects.filter((p) => p.external_ref).map((p) => [p.external_ref as string, p.id]));
  const programmeCodes = new Set(lookups.programmes.map((p) => p.code));

  const planned: InterregProject[] = [];
  const newOrganisations = new Set<string>();
  const newProgrammes = new Set<string>();
  let namelessPartners = 0;
  for (const [ref, group] of byProject) {
    const mine = group.filter((r) => r.organisationsnamn && chosen.has(orgKey(r.organisationsnamn)));
    if (mine.length === 0) continue;
    const lead = strongest(mine)!;
    const programme = programmeFor(lead.program);
    if (!programmeCodes.has(programme.code)) newProgrammes.add(programme.name_sv);
    const starts = group.map((r) => clampDate(r.startdatum)).filter((d): d is string => !!d).sort();
    const ends = group.map((r) => clampDate(r.slutdatum)).filter((d): d is string => !!d).sort();
    const startDate = starts[0] ?? null;
    const endDate = ends[ends.length - 1] ?? null;
    const status: ProjectStatus = endDate && endDate < today ? 'completed' : startDate && startDate > today ? 'planned' : 'ongoing';
    const ownerUnitId = mine.map((r) => ownByKey.get(orgKey(r.organisationsnamn!))).find((id) => id !== undefined) ?? null;

    // The other partners, once each, with their strongest role and their most carefully written name.
    const others = new Map<string, InterregRow[]>();
    for (const r of group) {
      if (mine.includes(r)) continue;
      const name = r.organisationsnamn?.trim();
      if (!name) {
        namelessPartners++;
        continue;
      }
      const key = orgKey(name);
      if (chosen.has(key)) continue;
      others.set(key, [...(others.get(key) ?? []), r]);
    }
    const partners: PlannedPartner[] = [...others].map(([key, rs]) => {
      const best = strongest(rs)!;
      const organisationId = orgByRef.get(`interreg-org:${key}`) ?? orgByKey.get(key) ?? null;
      const name = bestName(rs.map((r) => r.organisationsnamn!.trim()));
      if (organisationId === null) newOrganisations.add(name);
      return { key, name, kind: organisationKind(best.organisationstyp), region: best.nuts3 ?? null, role: PARTNER_ROLE[best.organisationsroll ?? ''] ?? 'partner', organisationId };
    });
    partners.sort((a, b) => PARTNER_ORDER[a.role] - PARTNER_ORDER[b.role] || a.name.localeCompare(b.name, 'sv'));

    const funding = mine
      .filter((r) => (r.partnerbudget ?? 0) > 0)
      .map((r) => ({ source_name: r.organisationsnamn!.trim(), amount_minor: Math.round((r.partnerbudget as number) * 100), currency: 'EUR' as const }));
    const objective = lead.politisktmal ?? '';
    const strand = lead.strand_namn ? ` (${lead.strand_namn})` : '';
    planned.push({
      externalRef: ref,
      title: bestName(group.map((r) => r.projektnamn.trim())),
      programme,
      role: MUNICIPALITY_ROLE[lead.organisationsroll ?? ''] ?? 'partner',
      ownerUnitId,
      startDate,
      endDate,
      year: startDate ? Number(startDate.slice(0, 4)) : null,
      status,
      themes: OBJECTIVE_THEMES[objective] ? [OBJECTIVE_THEMES[objective]] : [],
      summarySv: `Projekt inom ${programme.name_sv} 2021–2027${strand}.${objective ? ` Politiskt mål ${objective}${lead.specifiktmal ? `, specifikt mål ${lead.specifiktmal}` : ''}.` : ''} Uppgifterna kommer från programmets lista över svenska partner.`,
      summaryEn: `Project in ${programme.name_en} 2021–2027.${objective ? ` Policy objective ${objective}${lead.specifiktmal ? `, specific objective ${lead.specifiktmal}` : ''}.` : ''} The details come from the programme’s list of Swedish partners.`,
      partners,
      funding,
      action: 'create',
      projectId: projectByRef.get(ref) ?? null,
      changes: [],
    });
  }

  const states = await loadProjectStates(db, lookups.municipality.id, planned.map((p) => p.projectId).filter((x): x is number => x !== null));
  const programmeIds = new Map(lookups.programmes.map((p) => [p.code, p.id]));
  for (const p of planned) {
    const current = p.projectId !== null ? states.get(p.projectId) : undefined;
    if (!current) {
      p.projectId = null;
      continue;
    }
    p.changes = interregChanges(p, current, programmeIds.get(p.programme.code) ?? null);
    p.action = p.changes.length ? 'update' : 'unchanged';
  }
  planned.sort((a, b) => (a.startDate ?? '').localeCompare(b.startDate ?? '') || a.title.localeCompare(b.title, 'sv'));
  const counts = { create: 0, update: 0, unchanged: 0 };
  for (const p of planned) counts[p.action]++;
  return { projects: planned, counts, newOrganisations: [...newOrganisations].sort(), newProgrammes: [...newProgrammes].sort(), namelessPartners };
}

/**
 * What a new import changes in a project imported before. Only what the list says is compared:
 * titles and summaries someone has edited since, and partners or funding added by hand, stay.
 */
function interregChanges(p: InterregProject, c: ProjectState, programmeId: number | null): string[] {
  const changes: string[] = [];
  if (c.municipality_role !== p.role) changes.push('role');
  if (programmeId === null || c.programme_id !== programmeId) changes.push('programme');
  if (c.start_date !== p.startDate) changes.push('start_date');
  if (c.end_date !== p.endDate) changes.push('end_date');
  if (c.status !== p.status) changes.push('status');
  if (p.ownerUnitId !== null && c.owner_unit_id !== p.ownerUnitId) changes.push('unit');
  const partnerRoles = new Map(c.partners.map((x) => [x.organisation_id, x.role]));
  if (p.partners.some((x) => x.organisationId === null || partnerRoles.get(x.organisationId) !== x.role)) changes.push('partners');
  if (p.themes.some((th) => !c.themes.includes(th))) changes.push('themes');
  const mine = c.funding.filter((f) => f.source === INTERREG_SOURCE);
  const same =
    mine.length === p.funding.length &&
    p.funding.every((f) => mine.some((m) => m.source_name === f.source_name && m.amount_minor === f.amount_minor && m.currency === f.currency && m.kind === 'eu_grant'));
  if (!same) changes.push('funding');
  return changes;
}
