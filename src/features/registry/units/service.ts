/**
 * The municipality's own organisation (is_internal = 1): council, executive board, committees,
 * departments, companies, groups, roles and units, as a tree through `parent_id`. Changing it is
 * action 'configure' (coordinators, administrators). Which committee answers for which unit
 * (`committee_units`) is edited on the delegation-order page; here it is only shown.
 */
import { z } from 'zod';
import type { Db } from '../../../db/database.js';
import { nowIso } from '../../../db/database.js';
import type { InternalOrganisationKind } from '../../../db/schema.js';
import type { Lang } from '../../../i18n/index.js';
import { recordAudit } from '../../audit/chain.js';
import { type Actor, auditActor } from '../../policy/actor.js';
import { optionalId, optionalText, requiredText, versionField } from '../fields.js';
import { tr, UNIT } from '../messages.js';

export const INTERNAL_KINDS = ['council', 'executive_board', 'committee', 'department', 'company', 'group', 'role', 'unit'] as const satisfies readonly InternalOrganisationKind[];

export function unitSchema(lang: Lang) {
  return z.object({
    kind: z.enum(INTERNAL_KINDS),
    name_sv: requiredText(200),
    name_en: optionalText(200),
    short_name: optionalText(40),
    parent_id: optionalId(tr(UNIT.errors.parent, lang)),
    description_sv: optionalText(4000),
    description_en: optionalText(4000),
    version: versionField,
  });
}

export type UnitInput = z.output<ReturnType<typeof unitSchema>>;

const COLUMNS = ['id', 'kind', 'name_sv', 'name_en', 'short_name', 'parent_id', 'description_sv', 'description_en', 'source', 'created_at', 'updated_at'] as const;

export interface Unit {
  id: number;
  kind: InternalOrganisationKind;
  name_sv: string;
  name_en: string | null;
  short_name: string | null;
  parent_id: number | null;
  description_sv: string | null;
  description_en: string | null;
  source: string | null;
  created_at: string;
  updated_at: string;
}

function toUnit(r: { id: number; parent_id: number | null; kind: string } & Omit<Unit, 'id' | 'parent_id' | 'kind'>): Unit {
  return { ...r, id: Number(r.id), parent_id: r.parent_id === null ? null : Number(r.parent_id), kind: r.kind as InternalOrganisationKind };
}

/** Every unit of the municipality, in tree order, and which committee answers for which unit. */
export async function listUnits(db: Db, municipalityId: number) {
  const [rows, links] = await Promise.all([
    db.selectFrom('organisations').select(COLUMNS).where('municipality_id', '=', municipalityId).where('is_internal', '=', 1).execute(),
    db
      .selectFrom('committee_units as cu')
      .innerJoin('organisations as c', 'c.id', 'cu.committee_id')
      .select(['cu.committee_id', 'cu.unit_id'])
      .where('c.municipality_id', '=', municipalityId)
      .execute(),
  ]);
  const units = rows.map(toUnit);
  return { units: treeOrder(units), committeeOf: new Map(links.map((l) => [Number(l.unit_id), Number(l.committee_id)])) };
}

export type UnitTree = Awaited<ReturnType<typeof listUnits>>;

const KIND_ORDER = new Map<string, number>(INTERNAL_KINDS.map((k, i) => [k, i]));
const collator = new Intl.Collator('sv');

/** The units depth first, each with its depth; siblings by kind (council first) and name. Tolerates broken parents. */
function treeOrder(units: Unit[]): (Unit & { depth: number })[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<number | null, Unit[]>();
  for (const u of units) {
    const parent = u.parent_id !== null && ids.has(u.parent_id) && u.parent_id !== u.id ? u.parent_id : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  for (const list of children.values()) list.sort((a, b) => (KIND_ORDER.get(a.kind) ?? 99) - (KIND_ORDER.get(b.kind) ?? 99) || collator.compare(a.name_sv, b.name_sv) || a.id - b.id);
  const out: (Unit & { depth: number })[] = [];
  const seen = new Set<number>();
  const walk = (parent: number | null, depth: number) => {
    for (const u of children.get(parent) ?? []) {
      if (seen.has(u.id)) continue;
      seen.add(u.id);
      out.push({ ...u, depth });
      walk(u.id, depth + 1);
    }
  };
  walk(null, 0);
  // A cycle stored behind the application's back would leave units unreachable: show them at the top.
  for (const u of units) if (!seen.has(u.id)) out.push({ ...u, depth: 0 });
  return out;
}

/** One unit of the municipality, or undefined (also for another municipality's or an external organisation). */
export async function findUnit(db: Db, municipalityId: number, id: number): Promise<Unit | undefined> {
  const row = await db.selectFrom('organisations').select(COLUMNS).where('id', '=', id).where('municipality_id', '=', municipalityId).where('is_internal', '=', 1).executeTakeFirst();
  return row ? toUnit(row) : undefined;
}

/** What a unit owns: projects and partnerships. */
export async function unitUsage(db: Db, municipalityId: number, id: number) {
  const [projects, partnerships] = await Promise.all([
    db.selectFrom('projects').select(['id', 'title_sv', 'title_en', 'year']).where('municipality_id', '=', municipalityId).where('owner_unit_id', '=', id).orderBy('title_sv').limit(200).execute(),
    db.selectFrom('partnerships').select(['id', 'title_sv', 'title_en']).where('municipality_id', '=', municipalityId).where('owner_unit_id', '=', id).orderBy('title_sv').execute(),
  ]);
  return { projects: projects.map((p) => ({ ...p, id: Number(p.id) })), partnerships: partnerships.map((p) => ({ ...p, id: Number(p.id) })) };
}

export type UnitWriteResult = { ok: true; id: number } | { ok: false; reason: 'not_found' } | { ok: false; reason: 'conflict' } | { ok: false; reason: 'invalid'; errors: Record<string, string> };

/** Checks the chosen parent inside the transaction: it must be a unit of the municipality and not the unit itself or below it. */
async function parentProblem(trx: Db, municipalityId: number, id: number | null, parentId: number | null, lang: Lang): Promise<string | undefined> {
  if (parentId === null) return undefined;
  const all = await trx.selectFrom('organisations').select(['id', 'parent_id']).where('municipality_id', '=', municipalityId).where('is_internal', '=', 1).execute();
  const parentOf = new Map(all.map((r) => [Number(r.id), r.parent_id === null ? null : Number(r.parent_id)]));
  if (!parentOf.has(parentId)) return tr(UNIT.errors.parent, lang);
  if (id === null) return undefined;
  // Walk up from the chosen parent; reaching the unit itself would make a cycle.
  const seen = new Set<number>();
  for (let at: number | null | undefined = parentId; at != null && !seen.has(at); at = parentOf.get(at)) {
    if (at === id) return tr(UNIT.errors.cycle, lang);
    seen.add(at);
  }
  return undefined;
}


function values(input: UnitInput) {
  const { version: _version, ...rest } = input;
  return rest;
}

/** Adds a unit. The caller has checked 'configure'. */
export async function createUnit(db: Db, actor: Actor, municipalityId: number, input: UnitInput, lang: Lang): Promise<UnitWriteResult> {
  return db.transaction().execute(async (trx): Promise<UnitWriteResult> => {
    const problem = await parentProblem(trx, municipalityId, null, input.parent_id, lang);
    if (problem) return { ok: false, reason: 'invalid', errors: { parent_id: problem } };
    const now = nowIso();
    const inserted = await trx
      .insertInto('organisations')
      .values({
        ...values(input),
        municipality_id: municipalityId,
        is_internal: 1,
        country: null,
        region: null,
        population: null,
        population_year: null,
        website: null,
        latitude: null,
        longitude: null,
        source: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(inserted.id);
    await recordAudit(trx, { municipalityId, actor: auditActor(actor), action: 'create', entity: 'organisation', entityId: id, before: null, after: await findUnit(trx, municipalityId, id) });
    return { ok: true, id };
  });
}

/** Saves the form over a unit. The caller has checked 'configure'. */
export async function updateUnit(db: Db, actor: Actor, municipalityId: number, id: number, input: UnitInput, lang: Lang): Promise<UnitWriteResult> {
  return db.transaction().execute(async (trx): Promise<UnitWriteResult> => {
    const before = await findUnit(trx, municipalityId, id);
    if (!before) return { ok: false, reason: 'not_found' };
    if (input.version && input.version !== before.updated_at) return { ok: false, reason: 'conflict' };
    const problem = await parentProblem(trx, municipalityId, id, input.parent_id, lang);
    if (problem) return { ok: false, reason: 'invalid', errors: { parent_id: problem } };
    await trx
      .updateTable('organisations')
      .set({ ...values(input), updated_at: nowIso() })
      .where('id', '=', id)
      .where('municipality_id', '=', municipalityId)
      .where('is_internal', '=', 1)
      .execute();
    await recordAudit(trx, { municipalityId, actor: auditActor(actor), action: 'update', entity: 'organisation', entityId: id, before, after: await findUnit(trx, municipalityId, id) });
    return { ok: true, id };
  });
}
