/**
 * Accounts: finding, creating, disabling, and the changes a person makes to their own account.
 * Every change runs in a transaction with its audit entry. Audit entries never hold password
 * hashes, TOTP secrets or recovery codes: `auditedUser` picks the fields that may be kept.
 */
import type { Db } from '../../db/database.js';
import type { MunicipalRole, User } from '../../db/schema.js';
import { type AuditActor, recordAudit } from '../audit/chain.js';
import { type Actor, actorLabel } from '../policy/actor.js';
import { endAllSessions } from './session.js';

/** Who makes a change: a signed-in actor, or the system (`{ userId: null, label: 'system:cli' }`). */
export type AccountActor = Actor | AuditActor;

export function auditActorOf(a: AccountActor): AuditActor {
  return 'label' in a ? a : { userId: a.userId, label: actorLabel(a) };
}

/** The fields of a user that may appear in the audit trail. */
export function auditedUser(u: Pick<User, 'email' | 'display_name' | 'is_platform_admin' | 'preferred_lang' | 'disabled_at' | 'totp_enabled_at'>) {
  return {
    email: u.email,
    display_name: u.display_name,
    is_platform_admin: Number(u.is_platform_admin),
    preferred_lang: u.preferred_lang,
    disabled_at: u.disabled_at,
    second_factor: u.totp_enabled_at ? 'totp' : null,
  };
}

/** E-mail addresses are stored trimmed and in lower case. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  const u = await db.selectFrom('users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
  return u ? { ...u, id: Number(u.id) } : undefined;
}

export async function findUser(db: Db, id: number): Promise<User | undefined> {
  const u = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return u ? { ...u, id: Number(u.id) } : undefined;
}

/** Whether the user has a working TOTP second factor (a secret that was confirmed with a code). */
export function hasTotp(u: Pick<User, 'totp_secret' | 'totp_enabled_at'>): boolean {
  return Boolean(u.totp_secret && u.totp_enabled_at);
}

/**
 * Disables an account and ends all its sessions at once (the next request of that person finds no
 * session). Audited. Returns false when there is no such user; disabling a disabled user only ends
 * any sessions again.
 * @example await disableUser(db, 42, actor, { municipalityId: 1 })
 */
export async function disableUser(db: Db, userId: number, actor: AccountActor, opts: { municipalityId?: number | null } = {}): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const before = await findUser(trx, userId);
    if (!before) return false;
    await endAllSessions(trx, userId);
    if (before.disabled_at) return true;
    const now = new Date().toISOString();
    await trx.updateTable('users').set({ disabled_at: now, updated_at: now }).where('id', '=', userId).execute();
    await recordAudit(trx, {
      municipalityId: opts.municipalityId ?? null,
      actor: auditActorOf(actor),
      action: 'disable',
      entity: 'user',
      entityId: userId,
      before: auditedUser(before),
      after: auditedUser({ ...before, disabled_at: now }),
    });
    return true;
  });
}

export interface NewAccount {
  email: string;
  displayName: string;
  passwordHash: string | null;
  platformAdmin?: boolean;
  preferredLang?: 'sv' | 'en';
  role?: { municipalityId: number; role: MunicipalRole };
}

/**
 * Creates an account (and optionally its role in one municipality). Audited.
 * @throws when the e-mail address is taken (unique constraint); check with findUserByEmail first.
 */
export async function createAccount(db: Db, account: NewAccount, actor: AccountActor): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const values = {
      email: normaliseEmail(account.email),
      display_name: account.displayName.trim(),
      password_hash: account.passwordHash,
      totp_secret: null,
      totp_enabled_at: null,
      is_platform_admin: account.platformAdmin ? 1 : 0,
      preferred_lang: account.preferredLang ?? 'sv',
      disabled_at: null,
      created_at: now,
      updated_at: now,
    } as const;
    const row = await trx.insertInto('users').values(values).returning('id').executeTakeFirstOrThrow();
    const id = Number(row.id);
    await recordAudit(trx, { municipalityId: null, actor: auditActorOf(actor), action: 'create', entity: 'user', entityId: id, before: null, after: auditedUser(values) });
    if (account.role) await grantRole(trx, id, account.role.municipalityId, account.role.role, actor);
    return id;
  });
}

/** Gives a user a role in a municipality, replacing any role there. Audited. Call in a transaction. */
export async function grantRole(trx: Db, userId: number, municipalityId: number, role: MunicipalRole, actor: AccountActor): Promise<void> {
  const before = await trx.selectFrom('user_roles').select('role').where('user_id', '=', userId).where('municipality_id', '=', municipalityId).executeTakeFirst();
  if (before?.role === role) return;
  if (before) await trx.updateTable('user_roles').set({ role }).where('user_id', '=', userId).where('municipality_id', '=', municipalityId).execute();
  else await trx.insertInto('user_roles').values({ user_id: userId, municipality_id: municipalityId, role }).execute();
  await recordAudit(trx, {
    municipalityId,
    actor: auditActorOf(actor),
    action: before ? 'update' : 'create',
    entity: 'user_role',
    entityId: userId,
    before: before ? { role: before.role } : null,
    after: { role },
  });
}

/**
 * Sets a new password hash and ends every session of the user (a stolen session dies with the
 * old password). Audited as `password_change` or `password_reset`. Call in a transaction.
 */
export async function setPassword(trx: Db, user: User, passwordHash: string, actor: AccountActor, action: 'password_change' | 'password_reset'): Promise<void> {
  const now = new Date().toISOString();
  await trx.updateTable('users').set({ password_hash: passwordHash, updated_at: now }).where('id', '=', user.id).execute();
  await endAllSessions(trx, user.id);
  await recordAudit(trx, { municipalityId: null, actor: auditActorOf(actor), action, entity: 'user', entityId: user.id, details: { sessions_ended: true } });
}

/** Changes the person's own name or language. Audited. */
export async function updateProfile(db: Db, user: User, change: { displayName?: string; preferredLang?: 'sv' | 'en' }, actor: AccountActor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const after = { ...user, display_name: change.displayName ?? user.display_name, preferred_lang: change.preferredLang ?? user.preferred_lang };
    await trx
      .updateTable('users')
      .set({ display_name: after.display_name, preferred_lang: after.preferred_lang, updated_at: new Date().toISOString() })
      .where('id', '=', user.id)
      .execute();
    await recordAudit(trx, { municipalityId: null, actor: auditActorOf(actor), action: 'update', entity: 'user', entityId: user.id, before: auditedUser(user), after: auditedUser(after) });
  });
}
