/**
 * The authorisation matrix (issue 3, section 2): every back-office route and method × every role ×
 * own unit / other unit / other municipality / another municipality's id guessed into our URL.
 * The expected answer comes from the route's declared need (the table below) and the policy's
 * rules; the test fails when a route answers otherwise, and when a route exists that the table does
 * not declare (so a new route cannot skip the matrix).
 *
 * Answers: "allowed" = anything but 401/403/404 and below 500 (a POST with an empty form is a 400
 * or a redirect); "forbidden" = 403; "missing" = 404. Each request gets a fresh session and, for
 * POSTs, fresh records, so destructive routes do not disturb the next check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database.js';
import { createSession, sha256Hex } from '../../src/features/auth/session.js';
import { loadActor } from '../../src/features/policy/actor.js';
import { can, roleIn } from '../../src/features/policy/policy.js';
import { type AdminTestApp, createAdminTestApp, type TestRole, type TestUser } from '../support/admin.js';
import { fixture } from '../support/admin-fixtures.js';
import { OPEN, SPEC } from '../support/admin-routes.js';
import { availableDatabases } from '../support/databases.js';

const kinds = await availableDatabases();


type Scope = 'own_unit' | 'other_unit' | 'other_municipality' | 'guessed_id';
const SCOPES: Scope[] = ['own_unit', 'other_unit', 'other_municipality', 'guessed_id'];
const ROLES: TestRole[] = ['platform_admin', 'municipal_admin', 'coordinator', 'unit_editor', 'reader', 'other_coordinator'];

type Expected = 'allowed' | 'forbidden' | 'missing' | 'missing_or_forbidden';

function classify(status: number): Expected | 'error' {
  if (status >= 500) return 'error';
  if (status === 404) return 'missing';
  if (status === 403 || status === 401) return 'forbidden';
  return 'allowed';
}

describe.each(kinds)('authorisation matrix on %s', (kind) => {
  let t: AdminTestApp;
  let db: Db;
  beforeAll(async () => {
    t = await createAdminTestApp(kind);
    db = t.handle.db;
  }, 120_000);
  afterAll(async () => t?.close());

  /** A fresh session for the role's person (routes may sign out or change the password). */
  async function sessionOf(role: TestRole): Promise<TestUser> {
    const base = t.users[role];
    const token = await createSession(db, t.config, base.id, 'complete', 'password');
    const s = await db.selectFrom('sessions').select('csrf_token').where('id_hash', '=', sha256Hex(token)).executeTakeFirstOrThrow();
    return { ...base, cookie: `__Host-utblick_session=${token}`, csrf: s.csrf_token };
  }

  function fill(pattern: string, params: Record<string, string>, slug: string): string {
    return pattern
      .replace(/\{[^}]*\}/g, '')
      .replace(':kommun', slug)
      .replace(/:([A-Za-z]+)/g, (_, name: string) => {
        const v = params[name];
        if (v === undefined) throw new Error(`No fixture value for :${name} in ${pattern}`);
        return v;
      });
  }

  it('declares every back-office route', () => {
    const routes = new Set(t.app.routes.filter((r) => r.path.startsWith('/admin') && r.method !== 'ALL').map((r) => `${r.method} ${r.path}`));
    const undeclared = [...routes].filter((r) => !OPEN.test(r) && !SPEC[r]);
    const stale = Object.keys(SPEC).filter((r) => !routes.has(r));
    expect({ undeclared, stale }).toEqual({ undeclared: [], stale: [] });
  });

  it('every route answers every role as the policy says, in every scope', async () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const [route, need] of Object.entries(SPEC)) {
      const [method, pattern] = route.split(' ') as [string, string];
      const usesMunicipality = pattern.includes(':kommun');
      const scopes: Scope[] = !usesMunicipality ? ['own_unit'] : need.record ? SCOPES : ['own_unit', 'other_municipality'];
      for (const scope of scopes) {
        for (const role of ROLES) {
          const inAle = scope === 'other_municipality';
          const municipalityId = inAle ? t.aleId : t.arvikaId;
          const unit = scope === 'other_unit' ? t.otherUnit.id : inAle ? t.aleUnits[0]!.id : t.ownUnit.id;
          const recordMunicipality = scope === 'guessed_id' ? t.aleId : municipalityId;
          const recordUnit = scope === 'guessed_id' ? t.aleUnits[0]!.id : unit;
          const params = need.record ? await fixture(t, need.record, recordMunicipality, recordUnit) : {};
          const path = fill(pattern, params, inAle ? 'ale' : 'arvika');
          const user = await sessionOf(role);
          const session = await db.selectFrom('sessions').selectAll().where('user_id', '=', user.id).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
          const person = await db.selectFrom('users').selectAll().where('id', '=', user.id).executeTakeFirstOrThrow();
          const actor = await loadActor(db, { ...person, id: Number(person.id) }, session);
          let expected: Expected;
          if (need.action === 'signed_in') expected = 'allowed';
          else if (need.action === 'create_municipality') expected = can(actor, 'create_municipality') ? 'allowed' : 'forbidden';
          // Another municipality's id in our URL: never reachable. A role that may not do the action
          // at all is refused before the record is looked up (403 for every id, so nothing leaks).
          else if (scope === 'guessed_id') expected = 'missing_or_forbidden';
          else if (roleIn(actor, municipalityId) === undefined) expected = 'missing';
          else expected = can(actor, need.action, { municipalityId, ownerUnitId: need.owned ? unit : null }) ? 'allowed' : 'forbidden';
          const res = await t.request(user, path, method === 'POST' ? { form: need.form ?? {} } : {});
          const got = classify(res.status);
          checked++;
          const ok = expected === 'missing_or_forbidden' ? got === 'missing' || got === 'forbidden' : got === expected;
          if (!ok) mismatches.push(`${route} as ${role} (${scope}): expected ${expected}, got ${res.status}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  }, 600_000);
});
