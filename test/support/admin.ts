/**
 * A seeded app with signed-in people of every role, for back-office tests. People are created
 * directly in the database and given a complete session (the sign-in flow has its own tests), so
 * a test can call any route as any role:
 *
 *   const t = await createAdminTestApp('sqlite');
 *   const res = await t.request(t.users.coordinator, '/admin/arvika/projekt/ny', { form: { title_sv: 'X' } });
 */
import { hash } from '@node-rs/argon2';
import type { MunicipalRole } from '../../src/db/schema.js';
import { createSession } from '../../src/features/auth/session.js';
import { createTestApp, type DbKind } from './databases.js';

export interface TestUser {
  id: number;
  email: string;
  /** The `Cookie` header value of the user's session. */
  cookie: string;
  csrf: string;
}

export type TestRole = 'platform_admin' | MunicipalRole | 'other_coordinator' | 'other_unit_editor';

/** A stored password hash of "correct horse battery staple", made once (argon2 is slow on purpose). */
let passwordHash: Promise<string> | undefined;
export const TEST_PASSWORD = 'correct horse battery staple';

/** Creates a user with an optional role in one municipality and returns a signed-in session. */
export async function createUser(
  t: Awaited<ReturnType<typeof createTestApp>>,
  opts: { email: string; name?: string; platformAdmin?: boolean; role?: MunicipalRole; municipalityId?: number; units?: number[] },
): Promise<TestUser> {
  passwordHash ??= hash(TEST_PASSWORD);
  const db = t.handle.db;
  const now = new Date().toISOString();
  const u = await db
    .insertInto('users')
    .values({
      email: opts.email,
      display_name: opts.name ?? opts.email.split('@')[0]!,
      password_hash: await passwordHash,
      totp_secret: null,
      totp_enabled_at: now,
      is_platform_admin: opts.platformAdmin ? 1 : 0,
      disabled_at: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(u.id);
  if (opts.role && opts.municipalityId) await db.insertInto('user_roles').values({ user_id: id, municipality_id: opts.municipalityId, role: opts.role }).execute();
  for (const unit of opts.units ?? []) await db.insertInto('user_units').values({ user_id: id, organisation_id: unit }).execute();
  const token = await createSession(db, t.config, id, 'complete', 'password');
  const session = await db.selectFrom('sessions').select('csrf_token').where('user_id', '=', id).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
  return { id, email: opts.email, cookie: `__Host-utblick_session=${token}`, csrf: session.csrf_token };
}

export interface RequestOptions {
  method?: string;
  /** Sent as application/x-www-form-urlencoded with the user's CSRF token added. */
  form?: Record<string, string | string[]>;
  /** Sent as multipart/form-data with the CSRF token added. */
  multipart?: FormData;
  headers?: Record<string, string>;
  /** Leave out the CSRF token (to test that it is required). */
  noCsrf?: boolean;
}

/** A seeded app (Arvika and Ale) with one signed-in user per role; Arvika is "own", Ale "other". */
export async function createAdminTestApp(kind: DbKind) {
  const t = await createTestApp(kind);
  const db = t.handle.db;
  const muni = async (slug: string) => Number((await db.selectFrom('municipalities').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id);
  const arvikaId = await muni('arvika');
  const aleId = await muni('ale');
  const internalUnits = async (municipalityId: number) =>
    (
      await db
        .selectFrom('organisations')
        .select(['id', 'name_sv', 'kind'])
        .where('municipality_id', '=', municipalityId)
        .where('is_internal', '=', 1)
        .where('kind', 'in', ['department', 'company', 'unit'])
        .orderBy('id')
        .execute()
    ).map((o) => ({ ...o, id: Number(o.id) }));
  const arvikaUnits = await internalUnits(arvikaId);
  const aleUnits = await internalUnits(aleId);
  if (arvikaUnits.length < 2 || aleUnits.length < 1) throw new Error('The seed needs at least two Arvika units and one Ale unit');
  /** The unit the Arvika unit editor edits for; `otherUnit` is another Arvika unit. */
  const ownUnit = arvikaUnits[0]!;
  const otherUnit = arvikaUnits[1]!;
  const users = {
    platform_admin: await createUser(t, { email: 'plattform@example.se', name: 'Petra Plattform', platformAdmin: true }),
    municipal_admin: await createUser(t, { email: 'admin@arvika.example.se', name: 'Anna Admin', role: 'municipal_admin', municipalityId: arvikaId }),
    coordinator: await createUser(t, { email: 'samordnare@arvika.example.se', name: 'Sara Samordnare', role: 'coordinator', municipalityId: arvikaId }),
    unit_editor: await createUser(t, { email: 'redaktor@arvika.example.se', name: 'Erik Enhet', role: 'unit_editor', municipalityId: arvikaId, units: [ownUnit.id] }),
    reader: await createUser(t, { email: 'politiker@arvika.example.se', name: 'Lena Läsare', role: 'reader', municipalityId: arvikaId }),
    other_coordinator: await createUser(t, { email: 'samordnare@ale.example.se', name: 'Ola Ale', role: 'coordinator', municipalityId: aleId }),
    other_unit_editor: await createUser(t, { email: 'redaktor@ale.example.se', name: 'Alva Ale', role: 'unit_editor', municipalityId: aleId, units: [aleUnits[0]!.id] }),
  } satisfies Record<TestRole, TestUser>;

  /** Calls the app as `user` (or anonymously with `undefined`). */
  const request = (user: TestUser | undefined, path: string, opts: RequestOptions = {}) => {
    // Browsers send Origin with every form post; the app's CSRF origin check requires it.
    const headers: Record<string, string> = { origin: 'http://localhost', ...(opts.headers ?? {}) };
    if (user) headers.cookie = user.cookie;
    let body: BodyInit | undefined;
    let method = opts.method ?? 'GET';
    if (opts.form) {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(opts.form)) for (const x of Array.isArray(v) ? v : [v]) params.append(k, x);
      if (user && !opts.noCsrf) params.set('_csrf', user.csrf);
      body = params.toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
      if (!opts.method) method = 'POST';
    } else if (opts.multipart) {
      if (user && !opts.noCsrf) opts.multipart.set('_csrf', user.csrf);
      body = opts.multipart;
      if (!opts.method) method = 'POST';
    } else if (method !== 'GET' && method !== 'HEAD' && user && !opts.noCsrf) {
      headers['x-csrf-token'] = user.csrf;
    }
    return t.app.request(path, { method, headers, body });
  };

  return { ...t, users, request, arvikaId, aleId, ownUnit, otherUnit, arvikaUnits, aleUnits };
}

export type AdminTestApp = Awaited<ReturnType<typeof createAdminTestApp>>;
