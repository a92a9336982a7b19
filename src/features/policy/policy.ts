/**
 * The one policy layer: every back-office route asks `can()` (or `authorize()`) before it reads
 * or changes anything. Rules (issue 3, section 2):
 *
 * | role                | view | create/edit/submit               | publish, decide, configure, import, audit | manage users |
 * |---------------------|------|----------------------------------|-------------------------------------------|--------------|
 * | platform admin      | all  | all                              | all                                       | all, and creates municipalities |
 * | municipal admin     | own municipality | all in it            | all in it                                 | in it        |
 * | coordinator         | own municipality | all in it            | all in it                                 | no           |
 * | unit editor         | own municipality | records of their units | no                                      | no           |
 * | reader              | own municipality | no                   | no (reads the audit trail)                | no           |
 *
 * Anything in a municipality where the person holds no role does not exist for them: routes answer
 * 404, so no record can be found by guessing its id.
 */

import type { MunicipalRole } from '../../db/schema.js';
import { AppError } from '../../errors/index.js';
import type { Lang } from '../../i18n/index.js';
import type { Actor } from './actor.js';

export type Action =
  /** Read a record or page of the back office. */
  | 'view'
  /** Create, edit, delete drafts; upload attachments; submit for review. */
  | 'edit'
  /** Publish or send back a submitted revision (AL-14). */
  | 'publish'
  /** Record decisions, move projects through decision states, complete assessments. */
  | 'decide'
  /** Units, committees, delegation order, settings, single sign-on. */
  | 'configure'
  /** Bulk imports. */
  | 'import'
  /** Read the audit trail of the municipality. */
  | 'view_audit'
  /** Create accounts, give and take roles, disable users. */
  | 'manage_users'
  /** Platform: add a municipality from the official list. */
  | 'create_municipality';

export interface Target {
  municipalityId: number;
  /** The unit that owns the record; unit editors may edit only their units' records. */
  ownerUnitId?: number | null;
}

export type EffectiveRole = MunicipalRole | 'platform_admin';

/** The role that applies to `actor` in a municipality, or undefined when none does. */
export function roleIn(actor: Actor, municipalityId: number): EffectiveRole | undefined {
  if (actor.isPlatformAdmin) return 'platform_admin';
  return actor.roles.get(municipalityId);
}

const FULL: ReadonlySet<Action> = new Set(['view', 'edit', 'publish', 'decide', 'configure', 'import', 'view_audit']);

/** Whether `actor` may do `action` on `target`. Pure: no I/O. */
export function can(actor: Actor, action: Action, target?: Target): boolean {
  if (action === 'create_municipality') return actor.isPlatformAdmin;
  if (!target) return false;
  const role = roleIn(actor, target.municipalityId);
  switch (role) {
    case 'platform_admin':
      return true;
    case 'municipal_admin':
      return FULL.has(action) || action === 'manage_users';
    case 'coordinator':
      return FULL.has(action);
    case 'unit_editor':
      if (action === 'view') return true;
      if (action === 'edit') return target.ownerUnitId != null && actor.units.has(Number(target.ownerUnitId));
      return false;
    case 'reader':
      return action === 'view' || action === 'view_audit';
    default:
      return false;
  }
}

const TEXT = {
  notFound: { sv: 'Sidan eller uppgiften finns inte, eller så har du inte tillgång till den.', en: 'The page or record does not exist, or you do not have access to it.' },
  forbidden: { sv: 'Din roll ger inte behörighet att göra detta. Kontakta kommunens administratör om du behöver behörigheten.', en: 'Your role does not allow this. Contact the municipality’s administrator if you need the permission.' },
};

/**
 * Throws unless `actor` may do `action` on `target`: 404 when the person has no role in the
 * municipality (it does not exist for them), 403 when the role does not allow the action.
 */
export function authorize(actor: Actor, action: Action, target: Target, lang: Lang): void {
  if (can(actor, action, target)) return;
  if (action !== 'create_municipality' && roleIn(actor, target.municipalityId) === undefined) throw new AppError('not_found', TEXT.notFound[lang]);
  throw new AppError('forbidden', TEXT.forbidden[lang]);
}

/** 404 for a record that is missing or belongs to another municipality than the one in the URL. */
export function recordNotFound(lang: Lang): AppError {
  return new AppError('not_found', TEXT.notFound[lang]);
}
