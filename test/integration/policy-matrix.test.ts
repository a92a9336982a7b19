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
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database.js';
import { recordAudit } from '../../src/features/audit/chain.js';
import { createSession, sha256Hex } from '../../src/features/auth/session.js';
import { projectReviewAdapter } from '../../src/features/editing/project-adapter.js';
import { workingCopy } from '../../src/features/editing/review.js';
import { loadActor } from '../../src/features/policy/actor.js';
import { type Action, can, roleIn } from '../../src/features/policy/policy.js';
import { type AdminTestApp, createAdminTestApp, type TestRole, type TestUser } from '../support/admin.js';
import { availableDatabases } from '../support/databases.js';

const kinds = await availableDatabases();

type RecordKind = 'project' | 'partnership' | 'organisation' | 'unit' | 'decision' | 'user' | 'rule' | 'import' | 'attachment' | 'oidc' | 'revision' | 'audit';

interface Need {
  /** The policy action the route needs; `signed_in`: any signed-in person. */
  action: Action | 'signed_in';
  /** The record in the URL, whose municipality and owner unit the check is about. */
  record?: RecordKind;
  /** For records: the owner unit matters (unit editors); else the target has no owner unit. */
  owned?: boolean;
  /** A valid form for POSTs whose permission depends on what is asked (e.g. which lifecycle step). */
  form?: Record<string, string>;
}

const n = (action: Need['action'], record?: RecordKind, owned = false, form?: Record<string, string>): Need => ({ action, record, owned, form });

/**
 * Every back-office route and what it needs. Routes that work without a complete sign-in (sign-in,
 * second factor, password reset, single sign-on) are listed in OPEN and tested in the auth tests.
 */
const SPEC: Record<string, Need> = {
  'GET /admin': n('signed_in'),
  'GET /admin/:kommun': n('view'),
  'POST /admin/logga-ut': n('signed_in'),
  'GET /admin/konto': n('signed_in'),
  'POST /admin/konto/namn': n('signed_in'),
  'POST /admin/konto/sprak': n('signed_in'),
  'POST /admin/konto/losenord': n('signed_in'),
  'POST /admin/konto/aterstallningskoder': n('signed_in'),
  'POST /admin/konto/logga-ut-overallt': n('signed_in'),
  'GET /admin/plattform/kommuner': n('create_municipality'),
  'POST /admin/plattform/kommuner': n('create_municipality'),
  // Single sign-on settings
  'GET /admin/:kommun/installningar/inloggning': n('manage_users'),
  'POST /admin/:kommun/installningar/inloggning': n('manage_users'),
  'GET /admin/:kommun/installningar/inloggning/:id': n('manage_users', 'oidc'),
  'POST /admin/:kommun/installningar/inloggning/:id': n('manage_users', 'oidc'),
  'POST /admin/:kommun/installningar/inloggning/:id/ta-bort': n('manage_users', 'oidc'),
  // People and roles
  'GET /admin/:kommun/anvandare': n('manage_users'),
  'GET /admin/:kommun/anvandare/ny': n('manage_users'),
  'POST /admin/:kommun/anvandare/ny': n('manage_users'),
  'GET /admin/:kommun/anvandare/:id': n('manage_users', 'user'),
  'GET /admin/:kommun/anvandare/:id/andra': n('manage_users', 'user'),
  'POST /admin/:kommun/anvandare/:id/andra': n('manage_users', 'user'),
  'POST /admin/:kommun/anvandare/:id/ta-bort': n('manage_users', 'user'),
  'POST /admin/:kommun/anvandare/:id/stang-av': n('manage_users', 'user'),
  'POST /admin/:kommun/anvandare/:id/aktivera': n('manage_users', 'user'),
  // Audit trail
  'GET /admin/:kommun/logg': n('view_audit'),
  'GET /admin/:kommun/logg/:entity/:id': n('view', 'audit'),
  // Imports
  'GET /admin/:kommun/import': n('import'),
  'POST /admin/:kommun/import': n('import'),
  'GET /admin/:kommun/import/interreg': n('import'),
  'POST /admin/:kommun/import/interreg': n('import'),
  'GET /admin/:kommun/import/:id/kolumner': n('import', 'import'),
  'POST /admin/:kommun/import/:id/kolumner': n('import', 'import'),
  'GET /admin/:kommun/import/:id': n('import', 'import'),
  'POST /admin/:kommun/import/:id/kor': n('import', 'import'),
  // Attachments (of a project; owner unit matters)
  'GET /admin/:kommun/bilagor/:entity/:entityId': n('view', 'attachment', true),
  'POST /admin/:kommun/bilagor/:entity/:entityId': n('edit', 'attachment', true),
  'GET /admin/:kommun/bilagor/:entity/:entityId/:id/ta-bort': n('edit', 'attachment', true),
  'POST /admin/:kommun/bilagor/:entity/:entityId/:id/ta-bort': n('edit', 'attachment', true),
  // Hiding a file needs `edit`, making it public `publish` (checked in the attachment tests).
  'POST /admin/:kommun/bilagor/:entity/:entityId/:id/synlighet': n('edit', 'attachment', true),
  'GET /admin/:kommun/bilagor/:entity/:entityId/:id/:filename': n('view', 'attachment', true),
  // Delegation order, settings, decisions
  'GET /admin/:kommun/delegationsordning': n('view'),
  'POST /admin/:kommun/delegationsordning/namnder': n('configure'),
  'GET /admin/:kommun/delegationsordning/regler/ny': n('configure'),
  'POST /admin/:kommun/delegationsordning/regler': n('configure'),
  'GET /admin/:kommun/delegationsordning/regler/:id': n('configure', 'rule'),
  'POST /admin/:kommun/delegationsordning/regler/:id': n('configure', 'rule'),
  'POST /admin/:kommun/delegationsordning/regler/:id/ta-bort': n('configure', 'rule'),
  'GET /admin/:kommun/installningar': n('configure'),
  'POST /admin/:kommun/installningar': n('configure'),
  'GET /admin/:kommun/beslut': n('view'),
  'GET /admin/:kommun/beslut/ny': n('decide'),
  'POST /admin/:kommun/beslut/ny': n('decide'),
  'GET /admin/:kommun/beslut/:id': n('view', 'decision'),
  'GET /admin/:kommun/projekt/:id/beslutsvag': n('view', 'project', true),
  'POST /admin/:kommun/projekt/:id/status': n('edit', 'project', true, { action: 'start_assessment' }),
  'GET /admin/:kommun/projekt/:id/tjansteskrivelse.docx': n('view', 'project', true),
  'GET /admin/:kommun/projekt/:id/bedomning': n('view', 'project', true),
  'POST /admin/:kommun/projekt/:id/bedomning': n('edit', 'project', true),
  'GET /admin/:kommun/samarbeten/:id/bedomning': n('view', 'partnership', true),
  'POST /admin/:kommun/samarbeten/:id/bedomning': n('edit', 'partnership', true),
  'GET /admin/:kommun/samarbeten/:id/aktivera': n('view', 'partnership', true),
  'POST /admin/:kommun/samarbeten/:id/aktivera': n('decide', 'partnership', true),
  'GET /admin/:kommun/samarbeten/:id/tjansteskrivelse.docx': n('view', 'partnership', true),
  // Organisations, units, partnerships
  'GET /admin/:kommun/organisationer': n('view'),
  'GET /admin/:kommun/organisationer/ny': n('edit', undefined, true),
  'POST /admin/:kommun/organisationer/ny': n('edit', undefined, true),
  'GET /admin/:kommun/organisationer/:id': n('view', 'organisation'),
  'GET /admin/:kommun/organisationer/:id/redigera': n('publish', 'organisation'),
  'POST /admin/:kommun/organisationer/:id/redigera': n('publish', 'organisation'),
  'GET /admin/:kommun/enheter': n('view'),
  'GET /admin/:kommun/enheter/ny': n('configure'),
  'POST /admin/:kommun/enheter/ny': n('configure'),
  'GET /admin/:kommun/enheter/:id': n('view', 'unit'),
  'GET /admin/:kommun/enheter/:id/redigera': n('configure', 'unit'),
  'POST /admin/:kommun/enheter/:id/redigera': n('configure', 'unit'),
  'GET /admin/:kommun/samarbeten': n('view'),
  'GET /admin/:kommun/samarbeten/ny': n('edit', undefined, true),
  'POST /admin/:kommun/samarbeten/ny': n('edit', undefined, true),
  'GET /admin/:kommun/samarbeten/:id': n('view', 'partnership', true),
  'GET /admin/:kommun/samarbeten/:id/redigera': n('edit', 'partnership', true),
  'POST /admin/:kommun/samarbeten/:id/redigera': n('edit', 'partnership', true),
  'POST /admin/:kommun/samarbeten/:id/skicka': n('edit', 'partnership', true),
  'POST /admin/:kommun/samarbeten/:id/publicera': n('publish', 'partnership', true),
  'POST /admin/:kommun/samarbeten/:id/skicka-tillbaka': n('publish', 'partnership', true),
  'POST /admin/:kommun/samarbeten/:id/kasta': n('edit', 'partnership', true),
  // Projects and review
  'GET /admin/:kommun/projekt': n('view'),
  'GET /admin/:kommun/projekt/ny': n('edit', undefined, true),
  'POST /admin/:kommun/projekt/ny': n('edit', undefined, true),
  'GET /admin/:kommun/projekt/:id{[0-9]+}': n('view', 'project', true),
  'GET /admin/:kommun/projekt/:id{[0-9]+}/redigera': n('edit', 'project', true),
  'POST /admin/:kommun/projekt/:id{[0-9]+}/redigera': n('edit', 'project', true),
  'POST /admin/:kommun/projekt/:id{[0-9]+}/skicka': n('edit', 'project', true),
  'POST /admin/:kommun/projekt/:id{[0-9]+}/publicera': n('publish', 'project', true),
  'POST /admin/:kommun/projekt/:id{[0-9]+}/skicka-tillbaka': n('publish', 'project', true),
  'POST /admin/:kommun/projekt/:id{[0-9]+}/kasta': n('edit', 'project', true),
  'GET /admin/:kommun/granskning': n('publish'),
  'GET /admin/:kommun/granskning/:revision{[0-9]+}': n('publish', 'revision', true),
  'POST /admin/:kommun/granskning/:revision{[0-9]+}/publicera': n('publish', 'revision', true),
  'POST /admin/:kommun/granskning/:revision{[0-9]+}/skicka-tillbaka': n('publish', 'revision', true),
};

/** Routes that answer before a complete sign-in; their own tests cover them. */
const OPEN = /^(GET|POST) \/admin\/(logga-in|glomt-losenord|aterstall|sso)(\/|$)/;

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
  let seq = 0;
  beforeAll(async () => {
    t = await createAdminTestApp(kind);
    db = t.handle.db;
  }, 120_000);
  afterAll(async () => t?.close());

  const now = () => new Date().toISOString();

  /** Fresh records of one kind in a municipality, owned by `unit`; returns the URL parameters. */
  async function fixture(kind: RecordKind, municipalityId: number, unit: number): Promise<Record<string, string>> {
    seq++;
    const ts = now();
    const project = async () =>
      Number(
        (
          await db
            .insertInto('projects')
            .values({ municipality_id: municipalityId, kind: 'project', title_sv: `Matrisprojekt ${seq}`, title_en: null, summary_sv: null, summary_en: null, owner_unit_id: unit, municipality_role: 'partner', programme_id: null, status: 'planned', start_date: null, end_date: null, year: 2026, participants_total: null, participants_youth: null, budget_sek_minor: null, publication_state: 'draft', published_at: null, search_text: `matrisprojekt ${seq}`, source: null, created_at: ts, updated_at: ts })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
      );
    switch (kind) {
      case 'project':
        return { id: String(await project()) };
      case 'audit': {
        const id = await project();
        await db.transaction().execute((trx) => recordAudit(trx, { municipalityId, actor: { userId: null, label: 'matrix' }, action: 'create', entity: 'project', entityId: id, after: { id } }));
        return { entity: 'project', id: String(id) };
      }
      case 'partnership': {
        const r = await db
          .insertInto('partnerships')
          .values({ municipality_id: municipalityId, kind: 'cooperation', title_sv: `Matrissamarbete ${seq}`, title_en: null, status: 'proposed', summary_sv: null, summary_en: null, cooperation_areas: '[]', financing_sv: null, financing_en: null, publication_state: 'draft', source: null, created_at: ts, updated_at: ts, owner_unit_id: unit })
          .returning('id')
          .executeTakeFirstOrThrow();
        return { id: String(r.id) };
      }
      case 'organisation':
      case 'unit': {
        const r = await db
          .insertInto('organisations')
          .values({ municipality_id: municipalityId, is_internal: kind === 'unit' ? 1 : 0, kind: kind === 'unit' ? 'unit' : 'municipality', name_sv: `Matrisorganisation ${seq}`, name_en: null, short_name: null, parent_id: null, country: kind === 'unit' ? null : 'NO', region: null, population: null, population_year: null, website: null, latitude: null, longitude: null, description_sv: null, description_en: null, source: null, created_at: ts, updated_at: ts })
          .returning('id')
          .executeTakeFirstOrThrow();
        return { id: String(r.id) };
      }
      case 'decision': {
        const r = await db
          .insertInto('decisions')
          .values({ municipality_id: municipalityId, body_id: null, delegate_role: null, decided_on: '2026-01-01', paragraph: null, registry_number: null, subject_sv: `Matrisbeslut ${seq}`, subject_en: null, outcome: 'approved', conditions_sv: null, source: null, created_at: ts })
          .returning('id')
          .executeTakeFirstOrThrow();
        return { id: String(r.id) };
      }
      case 'user': {
        const u = await db
          .insertInto('users')
          .values({ email: `matris${seq}@example.se`, display_name: `Matris ${seq}`, password_hash: null, totp_secret: null, totp_enabled_at: null, disabled_at: null, created_at: ts, updated_at: ts })
          .returning('id')
          .executeTakeFirstOrThrow();
        await db.insertInto('user_roles').values({ user_id: Number(u.id), municipality_id: municipalityId, role: 'reader' }).execute();
        return { id: String(u.id) };
      }
      case 'rule': {
        const committee = await db
          .insertInto('organisations')
          .values({ municipality_id: municipalityId, is_internal: 1, kind: 'committee', name_sv: `Matrisnämnd ${seq}`, name_en: null, short_name: null, parent_id: null, country: null, region: null, population: null, population_year: null, website: null, latitude: null, longitude: null, description_sv: null, description_en: null, source: null, created_at: ts, updated_at: ts })
          .returning('id')
          .executeTakeFirstOrThrow();
        const r = await db
          .insertInto('delegation_rules')
          .values({ municipality_id: municipalityId, committee_id: Number(committee.id), delegate_role: 'förvaltningschef', max_cofinancing_minor: 10_000_000, reference: '1.1', created_at: ts, updated_at: ts })
          .returning('id')
          .executeTakeFirstOrThrow();
        return { id: String(r.id) };
      }
      case 'import': {
        const r = await db
          .insertInto('import_runs')
          .values({ municipality_id: municipalityId, kind: 'csv', filename: 'matris.csv', state: 'failed', payload: null, summary: null, created_by: null, created_at: ts, finished_at: ts })
          .returning('id')
          .executeTakeFirstOrThrow();
        return { id: String(r.id) };
      }
      case 'attachment': {
        const projectId = await project();
        const key = randomBytes(16).toString('hex');
        fs.mkdirSync(path.join(t.config.attachments.dir, key.slice(0, 2)), { recursive: true });
        fs.writeFileSync(path.join(t.config.attachments.dir, key.slice(0, 2), key), '%PDF-1.4\n%%EOF\n');
        const r = await db
          .insertInto('attachments')
          .values({ municipality_id: municipalityId, entity: 'project', entity_id: projectId, filename: 'matris.pdf', media_type: 'application/pdf', size_bytes: 10, sha256: '0'.repeat(64), storage_key: key, uploaded_by: null, created_at: ts })
          .returning('id')
          .executeTakeFirstOrThrow();
        return { entity: 'project', entityId: String(projectId), id: String(r.id), filename: 'matris.pdf' };
      }
      case 'oidc': {
        const r = await db
          .insertInto('oidc_providers')
          .values({ municipality_id: municipalityId, display_name: `Matris-IdP ${seq}`, issuer: 'https://idp.example.se', client_id: 'utblick', client_secret: null, created_at: ts, updated_at: ts })
          .returning('id')
          .executeTakeFirstOrThrow();
        return { id: String(r.id) };
      }
      case 'revision': {
        const projectId = await project();
        await db.updateTable('projects').set({ publication_state: 'published', published_at: ts }).where('id', '=', projectId).execute();
        const copy = await workingCopy(db, projectReviewAdapter, municipalityId, projectId);
        const r = await db
          .insertInto('revisions')
          .values({ municipality_id: municipalityId, entity: 'project', entity_id: projectId, data: JSON.stringify({ ...copy!.data, title_sv: `Ändrad ${seq}` }), state: 'in_review', review_comment: null, created_by: null, submitted_by: null, submitted_at: ts, reviewed_by: null, reviewed_at: null, created_at: ts, updated_at: ts })
          .returning('id')
          .executeTakeFirstOrThrow();
        return { revision: String(r.id) };
      }
    }
  }

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
          const params = need.record ? await fixture(need.record, recordMunicipality, recordUnit) : {};
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
