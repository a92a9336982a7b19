/**
 * A delegation order for the decisions tests, built in a seeded municipality: a culture and
 * leisure committee with its department and a library under it, a unit with no committee, and
 * point 3.2 of the delegation order (the head of department, up to 250 000 kr). Also projects
 * with funding lines, written straight into the tables (the project forms are another feature).
 */
import { inflateRawSync } from 'node:zlib';
import type { Db } from '../../src/db/database.js';
import type { FundingKind, MunicipalityRole, ProjectKind, ProjectLifecycle } from '../../src/db/schema.js';
import type { Actor } from '../../src/features/policy/actor.js';

const now = () => new Date().toISOString();

export async function addOrg(db: Db, municipalityId: number, kind: 'committee' | 'executive_board' | 'department' | 'unit', name: string, parentId: number | null = null): Promise<number> {
  const r = await db
    .insertInto('organisations')
    .values({
      municipality_id: municipalityId,
      is_internal: 1,
      kind,
      name_sv: name,
      name_en: null,
      short_name: null,
      parent_id: parentId,
      country: null,
      region: null,
      population: null,
      population_year: null,
      website: null,
      latitude: null,
      longitude: null,
      description_sv: null,
      description_en: null,
      source: 'test',
      created_at: now(),
      updated_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function addRule(db: Db, municipalityId: number, committeeId: number, role: string, maxKr: number, reference: string | null, kinds: ProjectKind[] = []): Promise<number> {
  const r = await db
    .insertInto('delegation_rules')
    .values({ municipality_id: municipalityId, committee_id: committeeId, delegate_role: role, project_kinds: JSON.stringify(kinds), max_cofinancing_minor: maxKr * 100, reference, created_at: now(), updated_at: now() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

export interface DelegationFixture {
  board: number;
  committee: number;
  department: number;
  library: number;
  orphan: number;
  rule32: number;
}

/** The culture and leisure committee and its delegation; the executive board is the seed's own. */
export async function buildDelegation(db: Db, municipalityId: number, suffix = ''): Promise<DelegationFixture> {
  const board = Number(
    (await db.selectFrom('organisations').select('id').where('municipality_id', '=', municipalityId).where('kind', '=', 'executive_board').orderBy('id').executeTakeFirstOrThrow()).id,
  );
  const committee = await addOrg(db, municipalityId, 'committee', `Kultur- och fritidsnämnden${suffix}`);
  const department = await addOrg(db, municipalityId, 'department', `Kultur- och fritidsförvaltningen${suffix}`);
  const library = await addOrg(db, municipalityId, 'unit', `Biblioteket${suffix}`, department);
  const orphan = await addOrg(db, municipalityId, 'unit', `Turistbyrån${suffix}`);
  await db.insertInto('committee_units').values({ committee_id: committee, unit_id: department }).execute();
  const rule32 = await addRule(db, municipalityId, committee, 'förvaltningschef', 250_000, '3.2');
  return { board, committee, department, library, orphan, rule32 };
}

export interface FundingSpec {
  kind: FundingKind;
  kr?: number;
  hours?: number;
  currency?: string;
}

export async function addProject(
  db: Db,
  municipalityId: number,
  opts: { title?: string; kind?: ProjectKind; role?: MunicipalityRole | null; unit?: number | null; funding?: FundingSpec[]; lifecycle?: ProjectLifecycle },
): Promise<number> {
  const r = await db
    .insertInto('projects')
    .values({
      municipality_id: municipalityId,
      kind: opts.kind ?? 'project',
      title_sv: opts.title ?? 'Testprojekt',
      title_en: null,
      summary_sv: 'Ett projekt för test.',
      summary_en: null,
      owner_unit_id: opts.unit ?? null,
      municipality_role: opts.role === undefined ? 'partner' : opts.role,
      programme_id: null,
      status: 'planned',
      start_date: '2026-09-01',
      end_date: '2027-08-31',
      year: 2026,
      participants_total: null,
      participants_youth: null,
      budget_sek_minor: null,
      publication_state: 'draft',
      published_at: null,
      search_text: '',
      source: 'test',
      created_at: now(),
      updated_at: now(),
      lifecycle: opts.lifecycle ?? 'idea',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(r.id);
  await setFunding(db, id, opts.funding ?? []);
  return id;
}

export async function setFunding(db: Db, projectId: number, funding: FundingSpec[]): Promise<void> {
  await db.deleteFrom('project_funding').where('project_id', '=', projectId).execute();
  for (const f of funding) {
    await db
      .insertInto('project_funding')
      .values({
        project_id: projectId,
        kind: f.kind,
        programme_id: null,
        source_name: null,
        amount_minor: f.kr == null ? null : f.kr * 100,
        currency: f.currency ?? 'SEK',
        staff_hours: f.hours ?? null,
        note_sv: null,
        source: 'test',
      })
      .execute();
  }
}

/** An actor that may do everything (the services check the policy; these tests are about the rules). */
export function platformActor(userId: number | null = null): Actor {
  return {
    userId: userId ?? 0,
    email: 'test@example.se',
    name: 'Test',
    lang: 'sv',
    isPlatformAdmin: true,
    roles: new Map(),
    units: new Set(),
    sessionIdHash: 'x',
    csrfToken: 'x',
    authMethod: 'password',
  };
}

/** The entries of a zip file (enough of the format for a .docx: stored or deflated entries). */
export function unzipEntries(buf: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory');
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    out.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

