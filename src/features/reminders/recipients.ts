/**
 * Who is reminded of what. An item that concerns a unit (a report section, a measure, a project)
 * goes to that unit's editors and to the municipality's coordinators; an item of the municipality
 * as a whole (a strategy review, a plan evaluation, the report) to the coordinators and the
 * municipal administrators. Readers are not reminded; disabled accounts never.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database, MunicipalRole } from '../../db/schema.js';
import type { Lang } from '../../i18n/index.js';
import type { DueItem } from '../strategy/progress/due.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface Person {
  userId: number;
  email: string;
  name: string;
  lang: Lang;
  digestOptOut: boolean;
  /** The person's role in each municipality. */
  roles: Map<number, MunicipalRole>;
  /** The units the person edits for (unit editors). */
  units: Set<number>;
}

/**
 * Whether an item concerns a person: by their role in the item's municipality and, for unit
 * editors, their units.
 * @example concerns(editorOfUnit5, { unitId: 5, municipalityId: 1, … }) // true
 */
export function concerns(person: Pick<Person, 'roles' | 'units'>, item: Pick<DueItem, 'municipalityId' | 'unitId'>): boolean {
  const role = person.roles.get(item.municipalityId);
  const unitId = item.unitId ?? null;
  switch (role) {
    case 'coordinator':
      return true;
    case 'municipal_admin':
      return unitId === null;
    case 'unit_editor':
      return unitId !== null && person.units.has(unitId);
    default:
      return false;
  }
}

/**
 * Every person with a role whose account is not disabled, by user id: in every municipality, or
 * only those with a role in `municipalityId` (and only that role).
 */
export async function loadPeople(db: Db, municipalityId?: number): Promise<Map<number, Person>> {
  let query = db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select(['u.id', 'u.email', 'u.display_name', 'u.preferred_lang', 'u.digest_opt_out', 'r.municipality_id', 'r.role'])
    .where('u.disabled_at', 'is', null);
  if (municipalityId !== undefined) query = query.where('r.municipality_id', '=', municipalityId);
  const rows = await query.orderBy('u.id').execute();
  const people = new Map<number, Person>();
  for (const r of rows) {
    const userId = Number(r.id);
    let person = people.get(userId);
    if (!person) {
      person = { userId, email: r.email, name: r.display_name, lang: r.preferred_lang === 'en' ? 'en' : 'sv', digestOptOut: Number(r.digest_opt_out) === 1, roles: new Map(), units: new Set() };
      people.set(userId, person);
    }
    person.roles.set(Number(r.municipality_id), r.role);
  }
  if (people.size > 0) {
    const units = await db.selectFrom('user_units').select(['user_id', 'organisation_id']).where('user_id', 'in', [...people.keys()]).execute();
    for (const u of units) people.get(Number(u.user_id))?.units.add(Number(u.organisation_id));
  }
  return people;
}

/** The people an item goes to. */
export function recipientsOf(people: Iterable<Person>, item: Pick<DueItem, 'municipalityId' | 'unitId'>): Person[] {
  return [...people].filter((p) => concerns(p, item));
}
