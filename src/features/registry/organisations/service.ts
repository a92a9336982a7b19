/**
 * External organisations (is_internal = 0): partner towns, networks, authorities, universities,
 * companies, associations. Reference data, edited directly without a review step.
 *
 * Who may do what (composed from `can()`, policy.ts is unchanged):
 * - everyone with a role in the municipality sees them ('view');
 * - coordinators and administrators ('publish') create and edit them;
 * - a unit editor (someone who may 'edit' the records of at least one unit) may create one, since
 *   registering a project or partnership with a new partner needs it, and may then edit the
 *   organisations they created themselves (the audit trail's `create` entry says who that was;
 *   the table has no creator column). Everything else of theirs stays read-only.
 */
import { z } from 'zod';
import type { Db } from '../../../db/database.js';
import { nowIso } from '../../../db/database.js';
import type { ExternalOrganisationKind } from '../../../db/schema.js';
import type { Lang } from '../../../i18n/index.js';
import { recordAudit } from '../../audit/chain.js';
import { type Actor, auditActor } from '../../policy/actor.js';
import { can } from '../../policy/policy.js';
import { isCountryCode } from '../countries.js';
import { optionalHttpsUrl, optionalNumber, optionalText, requiredText, versionField } from '../fields.js';
import { ORG, tr } from '../messages.js';

export const EXTERNAL_KINDS = ['municipality', 'region', 'network', 'authority', 'university', 'school', 'company', 'association', 'other'] as const satisfies readonly ExternalOrganisationKind[];

/** The form of an external organisation, with its messages in `lang`. */
export function organisationSchema(lang: Lang) {
  const e = ORG.errors;
  const maxYear = new Date().getUTCFullYear() + 1;
  return z
    .object({
      kind: z.enum(EXTERNAL_KINDS),
      name_sv: requiredText(200),
      name_en: optionalText(200),
      short_name: optionalText(40),
      country: z
        .string()
        .optional()
        .transform((v, ctx) => {
          const s = (v ?? '').trim().toUpperCase();
          if (!s) return null;
          if (!isCountryCode(s)) {
            ctx.addIssue({ code: 'custom', message: tr(e.country, lang) });
            return z.NEVER;
          }
          return s;
        }),
      region: optionalText(200),
      population: optionalNumber({ min: 0, max: 2_000_000_000, integer: true, message: tr(e.population, lang) }),
      population_year: optionalNumber({ min: 1800, max: maxYear, integer: true, message: tr(e.populationYear, lang, { max: maxYear }) }),
      website: optionalHttpsUrl(tr(e.website, lang)),
      latitude: optionalNumber({ min: -90, max: 90, message: tr(e.latitude, lang) }),
      longitude: optionalNumber({ min: -180, max: 180, message: tr(e.longitude, lang) }),
      description_sv: optionalText(4000),
      description_en: optionalText(4000),
      version: versionField,
    })
    .superRefine((v, ctx) => {
      if (v.population_year !== null && v.population === null) ctx.addIssue({ code: 'custom', path: ['population'], message: tr(e.yearWithout, lang) });
      if ((v.latitude === null) !== (v.longitude === null)) ctx.addIssue({ code: 'custom', path: [v.latitude === null ? 'latitude' : 'longitude'], message: tr(e.pair, lang) });
    });
}

export type OrganisationInput = z.output<ReturnType<typeof organisationSchema>>;

const COLUMNS = [
  'id', 'kind', 'name_sv', 'name_en', 'short_name', 'country', 'region', 'population', 'population_year', 'website',
  'latitude', 'longitude', 'description_sv', 'description_en', 'source', 'created_at', 'updated_at',
] as const;

function normalise<T extends { id: number; population: number | null; latitude: number | null; longitude: number | null; population_year: number | null }>(r: T): T {
  return {
    ...r,
    id: Number(r.id),
    population: r.population === null ? null : Number(r.population),
    population_year: r.population_year === null ? null : Number(r.population_year),
    latitude: r.latitude === null ? null : Number(r.latitude),
    longitude: r.longitude === null ? null : Number(r.longitude),
  };
}

/** One external organisation of the municipality, or undefined (also for another municipality's or an internal one). */
export async function findExternalOrganisation(db: Db, municipalityId: number, id: number) {
  const row = await db
    .selectFrom('organisations')
    .select(COLUMNS)
    .where('id', '=', id)
    .where('municipality_id', '=', municipalityId)
    .where('is_internal', '=', 0)
    .executeTakeFirst();
  return row ? normalise(row) : undefined;
}

export type ExternalOrganisation = NonNullable<Awaited<ReturnType<typeof findExternalOrganisation>>>;

/** Every external organisation of the municipality, by name, with how many partnerships and projects it is a partner in. */
export async function listExternalOrganisations(db: Db, municipalityId: number) {
  const [rows, partnerships, projects] = await Promise.all([
    db.selectFrom('organisations').select(COLUMNS).where('municipality_id', '=', municipalityId).where('is_internal', '=', 0).execute(),
    db
      .selectFrom('partnership_partners as pp')
      .innerJoin('partnerships as p', 'p.id', 'pp.partnership_id')
      .select(['pp.organisation_id', (eb) => eb.fn.countAll().as('n')])
      .where('p.municipality_id', '=', municipalityId)
      .groupBy('pp.organisation_id')
      .execute(),
    db
      .selectFrom('project_partners as pp')
      .innerJoin('projects as p', 'p.id', 'pp.project_id')
      .select(['pp.organisation_id', (eb) => eb.fn.countAll().as('n')])
      .where('p.municipality_id', '=', municipalityId)
      .groupBy('pp.organisation_id')
      .execute(),
  ]);
  const pCount = new Map(partnerships.map((r) => [Number(r.organisation_id), Number(r.n)]));
  const qCount = new Map(projects.map((r) => [Number(r.organisation_id), Number(r.n)]));
  const collator = new Intl.Collator('sv');
  return rows
    .map((r) => normalise(r))
    .map((r) => ({ ...r, partnershipCount: pCount.get(r.id) ?? 0, projectCount: qCount.get(r.id) ?? 0 }))
    .sort((a, b) => collator.compare(a.name_sv, b.name_sv) || a.id - b.id);
}

/** The partnerships and projects the organisation is a partner in (any publication state). */
export async function organisationUsage(db: Db, municipalityId: number, id: number) {
  const [partnerships, projects] = await Promise.all([
    db
      .selectFrom('partnership_partners as pp')
      .innerJoin('partnerships as p', 'p.id', 'pp.partnership_id')
      .select(['p.id', 'p.title_sv', 'p.title_en', 'p.kind', 'p.status'])
      .where('pp.organisation_id', '=', id)
      .where('p.municipality_id', '=', municipalityId)
      .orderBy('p.title_sv')
      .execute(),
    db
      .selectFrom('project_partners as pp')
      .innerJoin('projects as p', 'p.id', 'pp.project_id')
      .select(['p.id', 'p.title_sv', 'p.title_en', 'p.year'])
      .where('pp.organisation_id', '=', id)
      .where('p.municipality_id', '=', municipalityId)
      .orderBy('p.title_sv')
      .execute(),
  ]);
  return { partnerships: partnerships.map((p) => ({ ...p, id: Number(p.id) })), projects: projects.map((p) => ({ ...p, id: Number(p.id) })) };
}

/** The user who created the organisation in the back office (from the audit trail), or null (seeded, imported). */
export async function organisationCreator(db: Db, municipalityId: number, id: number): Promise<number | null> {
  const row = await db
    .selectFrom('audit_log')
    .select('user_id')
    .where('entity', '=', 'organisation')
    .where('entity_id', '=', String(id))
    .where('municipality_id', '=', municipalityId)
    .where('action', '=', 'create')
    .orderBy('id')
    .executeTakeFirst();
  return row?.user_id == null ? null : Number(row.user_id);
}

/** Whether the actor edits the records of at least one unit (a unit editor with units, or more). */
function editsSomeUnit(actor: Actor, municipalityId: number): boolean {
  return [...actor.units].some((u) => can(actor, 'edit', { municipalityId, ownerUnitId: u }));
}

/** Whether the actor may add external organisations (see the rule at the top). */
export function canCreateOrganisation(actor: Actor, municipalityId: number): boolean {
  return can(actor, 'publish', { municipalityId }) || editsSomeUnit(actor, municipalityId);
}

/** Whether the actor may edit an external organisation created by `creatorId` (see the rule at the top). */
export function canEditOrganisation(actor: Actor, municipalityId: number, creatorId: number | null): boolean {
  if (can(actor, 'publish', { municipalityId })) return true;
  return creatorId !== null && creatorId === actor.userId && editsSomeUnit(actor, municipalityId);
}


function values(input: OrganisationInput) {
  const { version: _version, ...rest } = input;
  return rest;
}

/** Adds an external organisation; returns its id. */
export async function createExternalOrganisation(db: Db, actor: Actor, municipalityId: number, input: OrganisationInput): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const now = nowIso();
    const inserted = await trx
      .insertInto('organisations')
      .values({ ...values(input), municipality_id: municipalityId, is_internal: 0, parent_id: null, source: null, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(inserted.id);
    const after = await findExternalOrganisation(trx, municipalityId, id);
    await recordAudit(trx, { municipalityId, actor: auditActor(actor), action: 'create', entity: 'organisation', entityId: id, before: null, after });
    return id;
  });
}

export type UpdateResult = 'ok' | 'not_found' | 'conflict';

/**
 * Saves the form over the organisation. 'conflict' when someone else saved since the form was
 * opened (`input.version` differs from `updated_at`); nothing is written then.
 */
export async function updateExternalOrganisation(db: Db, actor: Actor, municipalityId: number, id: number, input: OrganisationInput): Promise<UpdateResult> {
  return db.transaction().execute(async (trx) => {
    const before = await findExternalOrganisation(trx, municipalityId, id);
    if (!before) return 'not_found';
    if (input.version && input.version !== before.updated_at) return 'conflict';
    await trx
      .updateTable('organisations')
      .set({ ...values(input), updated_at: nowIso() })
      .where('id', '=', id)
      .where('municipality_id', '=', municipalityId)
      .where('is_internal', '=', 0)
      .execute();
    const after = await findExternalOrganisation(trx, municipalityId, id);
    await recordAudit(trx, { municipalityId, actor: auditActor(actor), action: 'update', entity: 'organisation', entityId: id, before, after });
    return 'ok';
  });
}
