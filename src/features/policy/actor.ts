/** The signed-in person as the policy layer sees them: roles per municipality and assigned units. */
import type { Db } from '../../db/database.js';
import type { MunicipalRole, User } from '../../db/schema.js';
import type { AuditActor } from '../audit/chain.js';

export interface Actor {
  userId: number;
  email: string;
  name: string;
  lang: 'sv' | 'en';
  isPlatformAdmin: boolean;
  /** Role per municipality id. */
  roles: Map<number, MunicipalRole>;
  /** Ids of the internal organisations (units) the person edits for, as a unit editor. */
  units: Set<number>;
  sessionIdHash: string;
  csrfToken: string;
  authMethod: 'password' | 'oidc';
}

/** How the actor is named in the audit trail. */
export function actorLabel(a: Pick<Actor, 'name' | 'email'>): string {
  return `${a.name} <${a.email}>`;
}

/** The actor as the audit trail records them. */
export function auditActor(a: Pick<Actor, 'userId' | 'name' | 'email'>): AuditActor {
  return { userId: a.userId, label: actorLabel(a) };
}

export async function loadActor(db: Db, user: User, session: { id_hash: string; csrf_token: string; auth_method: 'password' | 'oidc' }): Promise<Actor> {
  const [roles, units] = await Promise.all([
    db.selectFrom('user_roles').select(['municipality_id', 'role']).where('user_id', '=', user.id).execute(),
    db.selectFrom('user_units').select('organisation_id').where('user_id', '=', user.id).execute(),
  ]);
  return {
    userId: Number(user.id),
    email: user.email,
    name: user.display_name,
    lang: user.preferred_lang,
    isPlatformAdmin: user.is_platform_admin === 1,
    roles: new Map(roles.map((r) => [Number(r.municipality_id), r.role])),
    units: new Set(units.map((u) => Number(u.organisation_id))),
    sessionIdHash: session.id_hash,
    csrfToken: session.csrf_token,
    authMethod: session.auth_method,
  };
}
