/**
 * People and their roles in a municipality, and municipalities on the platform. Every change is
 * audited in the same transaction. A person holds at most one role per municipality and may hold
 * roles in several municipalities.
 */
import type { Db } from '../../db/database.js';
import { nowIso } from '../../db/database.js';
import type { MunicipalRole } from '../../db/schema.js';
import { type AuditActor, recordAudit } from '../audit/chain.js';
import { normaliseEmail } from '../auth/accounts.js';
import { endAllSessions } from '../auth/session.js';

export const ROLES: readonly MunicipalRole[] = ['municipal_admin', 'coordinator', 'unit_editor', 'reader'];

/** The people with a role in the municipality, with their units; only `userId` when given. */
export async function listMunicipalityUsers(db: Db, municipalityId: number, userId?: number) {
  let rows = db
    .selectFrom('user_roles as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['u.id', 'u.email', 'u.display_name', 'u.disabled_at', 'u.totp_enabled_at', 'r.role'])
    .where('r.municipality_id', '=', municipalityId);
  let units = db
    .selectFrom('user_units as uu')
    .innerJoin('organisations as o', 'o.id', 'uu.organisation_id')
    .select(['uu.user_id', 'o.id', 'o.name_sv', 'o.name_en'])
    .where('o.municipality_id', '=', municipalityId);
  if (userId !== undefined) {
    rows = rows.where('r.user_id', '=', userId);
    units = units.where('uu.user_id', '=', userId);
  }
  const [people, assigned] = await Promise.all([rows.orderBy('u.display_name').execute(), units.execute()]);
  return people.map((r) => ({
    ...r,
    id: Number(r.id),
    units: assigned.filter((u) => Number(u.user_id) === Number(r.id)).map((u) => ({ id: Number(u.id), name_sv: u.name_sv, name_en: u.name_en })),
  }));
}

export type MunicipalityUser = Awaited<ReturnType<typeof listMunicipalityUsers>>[number];

export async function internalUnits(db: Db, municipalityId: number) {
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'name_sv', 'name_en', 'kind'])
    .where('municipality_id', '=', municipalityId)
    .where('is_internal', '=', 1)
    .orderBy('name_sv')
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

export interface RoleInput {
  email: string;
  name: string;
  role: MunicipalRole;
  units: number[];
}

/**
 * Gives a person a role in the municipality, creating the account when the e-mail is new (without
 * a password: the person chooses one through "Glömt lösenord" or signs in with single sign-on).
 * Replaces an earlier role in the same municipality. Units must belong to the municipality.
 */
export async function grantRole(db: Db, municipalityId: number, input: RoleInput, actor: AuditActor): Promise<{ userId: number; created: boolean }> {
  return db.transaction().execute(async (trx) => {
    const email = normaliseEmail(input.email);
    let user = await trx.selectFrom('users').select(['id', 'email', 'display_name']).where('email', '=', email).executeTakeFirst();
    let created = false;
    if (!user) {
      const now = nowIso();
      const row = await trx
        .insertInto('users')
        .values({ email, display_name: input.name.trim(), password_hash: null, totp_secret: null, totp_enabled_at: null, disabled_at: null, created_at: now, updated_at: now })
        .returning(['id', 'email', 'display_name'])
        .executeTakeFirstOrThrow();
      user = row;
      created = true;
      await recordAudit(trx, { municipalityId, actor, action: 'create', entity: 'user', entityId: Number(row.id), after: { email, display_name: row.display_name } });
    }
    const userId = Number(user.id);
    const before = await roleOf(trx, municipalityId, userId);
    await trx.deleteFrom('user_roles').where('user_id', '=', userId).where('municipality_id', '=', municipalityId).execute();
    await trx.insertInto('user_roles').values({ user_id: userId, municipality_id: municipalityId, role: input.role }).execute();
    const own = await trx.selectFrom('organisations').select('id').where('municipality_id', '=', municipalityId).where('is_internal', '=', 1).execute();
    const ownIds = own.map((o) => Number(o.id));
    if (ownIds.length) await trx.deleteFrom('user_units').where('user_id', '=', userId).where('organisation_id', 'in', ownIds).execute();
    const units = input.role === 'unit_editor' ? input.units.filter((u) => ownIds.includes(u)) : [];
    for (const u of units) await trx.insertInto('user_units').values({ user_id: userId, organisation_id: u }).execute();
    await recordAudit(trx, { municipalityId, actor, action: before ? 'update_role' : 'grant_role', entity: 'user', entityId: userId, before, after: { role: input.role, units } });
    return { userId, created };
  });
}

async function roleOf(db: Db, municipalityId: number, userId: number) {
  const r = await db.selectFrom('user_roles').select('role').where('user_id', '=', userId).where('municipality_id', '=', municipalityId).executeTakeFirst();
  if (!r) return undefined;
  const units = await db
    .selectFrom('user_units as uu')
    .innerJoin('organisations as o', 'o.id', 'uu.organisation_id')
    .select('o.id')
    .where('uu.user_id', '=', userId)
    .where('o.municipality_id', '=', municipalityId)
    .execute();
  return { role: r.role, units: units.map((u) => Number(u.id)) };
}

/** Takes away the person's role (and unit assignments) in the municipality; ends their sessions. */
export async function revokeRole(db: Db, municipalityId: number, userId: number, actor: AuditActor): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const before = await roleOf(trx, municipalityId, userId);
    if (!before) return false;
    await trx.deleteFrom('user_roles').where('user_id', '=', userId).where('municipality_id', '=', municipalityId).execute();
    if (before.units.length) await trx.deleteFrom('user_units').where('user_id', '=', userId).where('organisation_id', 'in', before.units).execute();
    await endAllSessions(trx, userId);
    await recordAudit(trx, { municipalityId, actor, action: 'revoke_role', entity: 'user', entityId: userId, before, after: null });
    return true;
  });
}

/** Disables or re-enables an account; disabling ends every session of the person at once. */
export async function setDisabled(db: Db, municipalityId: number, userId: number, disabled: boolean, actor: AuditActor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const u = await trx.selectFrom('users').select(['disabled_at']).where('id', '=', userId).executeTakeFirstOrThrow();
    const at = disabled ? nowIso() : null;
    await trx.updateTable('users').set({ disabled_at: at, updated_at: nowIso() }).where('id', '=', userId).execute();
    if (disabled) await endAllSessions(trx, userId);
    await recordAudit(trx, { municipalityId, actor, action: disabled ? 'disable' : 'enable', entity: 'user', entityId: userId, before: { disabled_at: u.disabled_at }, after: { disabled_at: at } });
  });
}

/** The municipalities a user holds roles in. */
export async function municipalitiesOfUser(db: Db, userId: number): Promise<number[]> {
  const rows = await db.selectFrom('user_roles').select('municipality_id').where('user_id', '=', userId).execute();
  return rows.map((r) => Number(r.municipality_id));
}

// ── Platform: municipalities ─────────────────────────────────────────────────

/** A URL slug from a municipality's short name: "Upplands Väsby" → "upplands-vasby". */
export function slugOf(name: string): string {
  return name
    .toLowerCase()
    .replaceAll('å', 'a')
    .replaceAll('ä', 'a')
    .replaceAll('ö', 'o')
    .replaceAll('é', 'e')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export async function officialNotYetAdded(db: Db) {
  const rows = await db
    .selectFrom('official_municipalities as o')
    .leftJoin('municipalities as m', 'm.code', 'o.code')
    .select(['o.code', 'o.name', 'o.short_name', 'o.county_name'])
    .where('m.id', 'is', null)
    .orderBy('o.short_name')
    .execute();
  return rows;
}

/**
 * Adds a municipality from the official list, with its settings and its executive board, and
 * optionally gives a person the municipal administrator role.
 * @returns the new municipality's slug, or an error key: `unknown_code`, `exists`.
 */
export async function createMunicipality(
  db: Db,
  code: string,
  admin: { email: string; name: string } | undefined,
  actor: AuditActor,
): Promise<{ ok: true; slug: string; id: number } | { ok: false; error: 'unknown_code' | 'exists' }> {
  const official = await db.selectFrom('official_municipalities').selectAll().where('code', '=', code).executeTakeFirst();
  if (!official) return { ok: false, error: 'unknown_code' };
  if (await db.selectFrom('municipalities').select('id').where('code', '=', code).executeTakeFirst()) return { ok: false, error: 'exists' };
  let slug = slugOf(official.short_name);
  if (await db.selectFrom('municipalities').select('id').where('slug', '=', slug).executeTakeFirst()) slug = `${slug}-${code}`;
  const result = await db.transaction().execute(async (trx) => {
    const now = nowIso();
    const m = await trx
      .insertInto('municipalities')
      .values({
        code,
        slug,
        name_sv: official.name,
        name_en: official.name.replace(/ kommun$/, ' Municipality').replace(/ stad$/, ' City'),
        county_code: official.county_code,
        county_name: official.county_name,
        vision_sv: null,
        vision_en: null,
        website: null,
        languages: 'sv,en',
        source: 'official_municipalities',
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(m.id);
    await trx.insertInto('municipality_settings').values({ municipality_id: id, updated_at: now }).execute();
    await trx
      .insertInto('organisations')
      .values({ municipality_id: id, is_internal: 1, kind: 'executive_board', name_sv: 'Kommunstyrelsen', name_en: 'Municipal Executive Board', short_name: 'KS', created_at: now, updated_at: now })
      .execute();
    await recordAudit(trx, { municipalityId: id, actor, action: 'create', entity: 'municipality', entityId: id, after: { code, slug, name_sv: official.name } });
    return { id };
  });
  if (admin) await grantRole(db, result.id, { email: admin.email, name: admin.name, role: 'municipal_admin', units: [] }, actor);
  return { ok: true, slug, id: result.id };
}
