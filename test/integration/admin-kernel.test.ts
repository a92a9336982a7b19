/** The back office's frame: sign-in redirect, CSRF, no-store, 404 across municipalities, audit chain. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditVerify } from '../../src/cli/audit-verify.js';
import { recordAudit, verifyAuditChain } from '../../src/features/audit/chain.js';
import { availableDatabases } from '../support/databases.js';
import { type AdminTestApp, createAdminTestApp } from '../support/admin.js';

const kinds = await availableDatabases();

describe.each(kinds)('back-office frame on %s', (kind) => {
  let t: AdminTestApp;
  beforeAll(async () => {
    t = await createAdminTestApp(kind);
  }, 60_000);
  afterAll(async () => t?.close());

  it('sends anyone not signed in to the sign-in page, keeping where they were going', async () => {
    for (const path of ['/admin', '/admin/arvika', '/en/admin/arvika/projekt']) {
      const res = await t.request(undefined, path);
      expect(res.status).toBe(303);
      const loc = res.headers.get('location')!;
      expect(loc.startsWith(path.startsWith('/en') ? '/en/admin/logga-in?till=' : '/admin/logga-in?till=')).toBe(true);
      expect(decodeURIComponent(loc.split('till=')[1]!)).toBe(path);
    }
  });

  it('a forged session cookie is no session', async () => {
    const res = await t.app.request('/admin/arvika', { headers: { cookie: '__Host-utblick_session=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' } });
    expect(res.status).toBe(303);
  });

  it('shows the overview to a signed-in coordinator, never cached', async () => {
    const res = await t.request(t.users.coordinator, '/admin/arvika');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'none'");
    const html = await res.text();
    expect(html).toContain('Sara Samordnare');
    expect(html).toContain('lang="sv"');
  });

  it('a municipality where the person has no role does not exist for them (404)', async () => {
    expect((await t.request(t.users.coordinator, '/admin/ale')).status).toBe(404);
    expect((await t.request(t.users.other_coordinator, '/admin/arvika')).status).toBe(404);
    expect((await t.request(t.users.platform_admin, '/admin/ale')).status).toBe(200);
  });

  it('refuses a state-changing request without the session’s CSRF token', async () => {
    const res = await t.request(t.users.coordinator, '/admin/logga-ut', { form: {}, noCsrf: true });
    expect(res.status).toBe(403);
    const res2 = await t.request(t.users.coordinator, '/admin/logga-ut', { form: { _csrf: 'wrong' }, noCsrf: true });
    expect(res2.status).toBe(403);
  });

  it('the audit chain is whole after the seed, and detects a forged entry', async () => {
    const db = t.handle.db;
    await db.transaction().execute(async (trx) => {
      await recordAudit(trx, { municipalityId: t.arvikaId, actor: { userId: null, label: 'test' }, action: 'update', entity: 'project', entityId: 1, before: { a: 1 }, after: { a: 2 } });
    });
    const ok = await verifyAuditChain(db);
    expect(ok.ok).toBe(true);
    expect(await auditVerify(db, false)).toEqual({ text: `Ändringsloggen är hel: ${ok.checked} poster kontrollerade.\n`, exitCode: 0 });
    expect(ok.checked).toBeGreaterThanOrEqual(3);
    // Someone with database access inserts an entry behind the application's back.
    await db.insertInto('audit_log').values({ municipality_id: t.arvikaId, actor: 'intruder', action: 'update', entity: 'project', entity_id: '1', details: null, at: new Date().toISOString(), prev_hash: null, hash: 'x' }).execute();
    const broken = await verifyAuditChain(db);
    expect(broken.ok).toBe(false);
    expect(broken.brokenAt?.reason).toMatch(/previous|hash/);
    // What `npm run audit:verify` prints and exits with.
    const cli = await auditVerify(db, false);
    expect(cli.exitCode).toBe(1);
    expect(cli.text).toMatch(/^Ändringsloggen är bruten vid post \d+/);
  });
});
