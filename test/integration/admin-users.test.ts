/** People and roles, the platform's municipalities, the dashboard and the audit pages. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/features/audit/chain.js';
import { availableDatabases } from '../support/databases.js';
import { type AdminTestApp, createAdminTestApp, createUser } from '../support/admin.js';

const kinds = await availableDatabases();

describe.each(kinds)('users, municipalities, dashboard, audit on %s', (kind) => {
  let t: AdminTestApp;
  beforeAll(async () => {
    t = await createAdminTestApp(kind);
  }, 60_000);
  afterAll(async () => t?.close());

  it('a municipal administrator gives a new person a unit editor role; the change is in the audit trail', async () => {
    const res = await t.request(t.users.municipal_admin, '/admin/arvika/anvandare/ny', {
      form: { name: 'Nina Ny', email: 'Nina.Ny@Arvika.example.se', role: 'unit_editor', units: [String(t.ownUnit.id)] },
    });
    expect(res.status).toBe(303);
    const user = await t.handle.db.selectFrom('users').selectAll().where('email', '=', 'nina.ny@arvika.example.se').executeTakeFirstOrThrow();
    const role = await t.handle.db.selectFrom('user_roles').selectAll().where('user_id', '=', user.id).executeTakeFirstOrThrow();
    expect(role.role).toBe('unit_editor');
    expect(Number(role.municipality_id)).toBe(t.arvikaId);
    const units = await t.handle.db.selectFrom('user_units').select('organisation_id').where('user_id', '=', user.id).execute();
    expect(units.map((u) => Number(u.organisation_id))).toEqual([t.ownUnit.id]);
    const list = await (await t.request(t.users.municipal_admin, '/admin/arvika/anvandare')).text();
    expect(list).toContain('Nina Ny');
    const log = await (await t.request(t.users.municipal_admin, '/admin/arvika/logg')).text();
    expect(log).toContain('gav en roll till');
    expect((await verifyAuditChain(t.handle.db)).ok).toBe(true);
  });

  it('shows every error at once and keeps what was typed', async () => {
    const res = await t.request(t.users.municipal_admin, '/admin/arvika/anvandare/ny', { form: { name: '', email: 'inte-en-adress', role: 'kung' } });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('error-summary');
    expect(html).toContain('href="#name"');
    expect(html).toContain('href="#email"');
    expect(html).toContain('href="#role"');
    expect(html).toContain('value="inte-en-adress"');
  });

  it('only administrators manage users; others get 403, other municipalities 404', async () => {
    expect((await t.request(t.users.coordinator, '/admin/arvika/anvandare')).status).toBe(403);
    expect((await t.request(t.users.reader, '/admin/arvika/anvandare')).status).toBe(403);
    expect((await t.request(t.users.other_coordinator, '/admin/arvika/anvandare')).status).toBe(404);
    expect((await t.request(t.users.municipal_admin, `/admin/arvika/anvandare/${t.users.other_coordinator.id}`)).status).toBe(404);
  });

  it('disabling a user ends their sessions at once', async () => {
    const victim = await createUser(t, { email: 'tillfallig@arvika.example.se', role: 'reader', municipalityId: t.arvikaId });
    expect((await t.request(victim, '/admin/arvika')).status).toBe(200);
    const res = await t.request(t.users.municipal_admin, `/admin/arvika/anvandare/${victim.id}/stang-av`, { form: {} });
    expect(res.status).toBe(303);
    expect((await t.request(victim, '/admin/arvika')).status).toBe(303);
    const sessions = await t.handle.db.selectFrom('sessions').select('id_hash').where('user_id', '=', victim.id).execute();
    expect(sessions).toHaveLength(0);
  });

  it('a platform administrator adds a municipality from the official list, with its first administrator', async () => {
    const page = await (await t.request(t.users.platform_admin, '/admin/plattform/kommuner')).text();
    expect(page).toContain('Umeå');
    expect(page).not.toContain('value="1784"');
    const res = await t.request(t.users.platform_admin, '/admin/plattform/kommuner', { form: { code: '2480', admin_name: 'Ulla Umeå', admin_email: 'ulla@umea.example.se' } });
    expect(res.status).toBe(303);
    const m = await t.handle.db.selectFrom('municipalities').selectAll().where('code', '=', '2480').executeTakeFirstOrThrow();
    expect(m.slug).toBe('umea');
    const again = await t.request(t.users.platform_admin, '/admin/plattform/kommuner', { form: { code: '2480', admin_name: '', admin_email: '' } });
    expect(again.status).toBe(400);
    expect((await t.request(t.users.municipal_admin, '/admin/plattform/kommuner')).status).toBe(403);
    expect((await t.request(t.users.platform_admin, '/admin/plattform/kommuner', { form: { code: '9999', admin_name: '', admin_email: '' } })).status).toBe(400);
  });

  it('the overview shows what awaits each role, in Swedish and English', async () => {
    const sv = await (await t.request(t.users.coordinator, '/admin/arvika')).text();
    expect(sv).toContain('Väntar på dig');
    const en = await (await t.request(t.users.coordinator, '/en/admin/arvika')).text();
    expect(en).toContain('Waiting for you');
    expect(en).toContain('lang="en"');
    const reader = await (await t.request(t.users.reader, '/admin/arvika')).text();
    expect(reader).not.toContain('/projekt/ny');
  });

  it('a record’s history shows before and after', async () => {
    const res = await t.request(t.users.coordinator, `/admin/arvika/logg/user/${t.users.coordinator.id}`);
    expect([200, 404]).toContain(res.status);
    const own = await t.request(t.users.municipal_admin, '/admin/arvika/logg/municipality/' + t.arvikaId);
    expect(own.status).toBe(200);
    expect(await own.text()).toContain('seed');
    expect((await t.request(t.users.other_coordinator, '/admin/arvika/logg/municipality/' + t.arvikaId)).status).toBe(404);
  });
});
