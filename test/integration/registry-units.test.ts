/** The municipality's own organisation in the back office: tree, create, edit, cycles, committees, permissions. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AdminTestApp, createAdminTestApp } from '../support/admin.js';
import { availableDatabases } from '../support/databases.js';
import { decode } from '../support/html.js';

const kinds = await availableDatabases();

describe.each(kinds)('units and committees on %s', (kind) => {
  let t: AdminTestApp;
  let kf: number;
  beforeAll(async () => {
    t = await createAdminTestApp(kind);
    kf = Number((await t.handle.db.selectFrom('organisations').select('id').where('municipality_id', '=', t.arvikaId).where('kind', '=', 'council').executeTakeFirstOrThrow()).id);
  }, 60_000);
  afterAll(async () => t?.close());

  const idFrom = (res: Response) => Number(/\/enheter\/(\d+)\?/.exec(res.headers.get('location') ?? '')?.[1]);

  it('shows the organisation to every role; only coordinators and administrators may change it', async () => {
    const html = await (await t.request(t.users.reader, '/admin/arvika/enheter')).text();
    expect(html).toContain('Kommunstyrelsen');
    expect(html).toContain('Kommunfullmäktige');
    expect(html).not.toContain('Ylöjärvi');
    expect(html).not.toContain('/admin/arvika/enheter/ny');
    for (const user of [t.users.reader, t.users.unit_editor]) {
      expect((await t.request(user, '/admin/arvika/enheter/ny')).status).toBe(403);
      expect((await t.request(user, '/admin/arvika/enheter/ny', { form: { kind: 'unit', name_sv: 'X' } })).status).toBe(403);
      expect((await t.request(user, `/admin/arvika/enheter/${kf}/redigera`)).status).toBe(403);
      expect((await t.request(user, `/admin/arvika/enheter/${kf}/redigera`, { form: { kind: 'council', name_sv: 'X' } })).status).toBe(403);
    }
    expect((await t.request(t.users.municipal_admin, '/admin/arvika/enheter/ny')).status).toBe(200);
  });

  it('creates a committee under the council and a unit under it; the tree nests them', async () => {
    const c = await t.request(t.users.coordinator, '/admin/arvika/enheter/ny', {
      form: { kind: 'committee', name_sv: 'Kultur- och fritidsnämnden', name_en: 'Culture and Leisure Committee', short_name: 'KFN', parent_id: String(kf), description_sv: '', description_en: '' },
    });
    expect(c.status).toBe(303);
    const committee = idFrom(c);
    const u = await t.request(t.users.coordinator, '/admin/arvika/enheter/ny', { form: { kind: 'unit', name_sv: 'Kulturskolan', parent_id: String(committee) } });
    expect(u.status).toBe(303);
    const unit = idFrom(u);
    const row = await t.handle.db.selectFrom('organisations').selectAll().where('id', '=', unit).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ is_internal: 1, kind: 'unit', name_sv: 'Kulturskolan', country: null });
    expect(Number(row.parent_id)).toBe(committee);
    const html = await (await t.request(t.users.reader, '/admin/arvika/enheter')).text();
    // Council > committee > unit, as nested lists.
    expect(html).toMatch(/Kommunfullmäktige<\/a>[\s\S]*?<ul>[\s\S]*?Kultur- och fritidsnämnden<\/a>[\s\S]*?<ul>[\s\S]*?Kulturskolan<\/a>/);
    const en = await (await t.request(t.users.reader, `/en/admin/arvika/enheter/${committee}`)).text();
    expect(en).toContain('Culture and Leisure Committee');
    expect(en).toContain('Kulturskolan');
    const audit = await t.handle.db.selectFrom('audit_log').selectAll().where('entity', '=', 'organisation').where('entity_id', '=', String(unit)).executeTakeFirstOrThrow();
    expect(audit.action).toBe('create');
    expect(JSON.parse(audit.after_data!).parent_id).toBe(committee);
  });

  it('refuses to place a unit under itself or under one of its sub-units, and keeps what was typed', async () => {
    const committee = Number((await t.handle.db.selectFrom('organisations').select('id').where('short_name', '=', 'KFN').executeTakeFirstOrThrow()).id);
    const school = Number((await t.handle.db.selectFrom('organisations').select('id').where('name_sv', '=', 'Kulturskolan').executeTakeFirstOrThrow()).id);
    for (const parent of [committee, school]) {
      const res = await t.request(t.users.coordinator, `/admin/arvika/enheter/${committee}/redigera`, { form: { kind: 'committee', name_sv: 'Kulturnämnden', parent_id: String(parent) } });
      expect(res.status).toBe(400);
      const html = decode(await res.text());
      expect(html).toContain('En enhet kan inte ingå i sig själv eller i någon av sina egna underenheter.');
      expect(html).toContain('value="Kulturnämnden"');
    }
    // The form does not even offer them.
    const form = await (await t.request(t.users.coordinator, `/admin/arvika/enheter/${committee}/redigera`)).text();
    expect(form).not.toContain(`<option value="${school}"`);
    expect(form).not.toContain(`<option value="${committee}"`);
    expect(form).toContain(`<option value="${kf}" selected`);
    expect((await t.handle.db.selectFrom('organisations').select('name_sv').where('id', '=', committee).executeTakeFirstOrThrow()).name_sv).toBe('Kultur- och fritidsnämnden');
  });

  it('refuses a parent from another municipality or an external organisation, and reports all errors at once', async () => {
    const aleUnit = t.aleUnits[0]!.id;
    const external = Number((await t.handle.db.selectFrom('organisations').select('id').where('name_sv', '=', 'Ylöjärvi').executeTakeFirstOrThrow()).id);
    for (const parent of [aleUnit, external]) {
      const res = await t.request(t.users.coordinator, '/admin/arvika/enheter/ny', { form: { kind: 'unit', name_sv: 'Ny enhet', parent_id: String(parent) } });
      expect(res.status).toBe(400);
      expect(decode(await res.text())).toContain('Välj en enhet i listan.');
    }
    const res = await t.request(t.users.coordinator, '/admin/arvika/enheter/ny', { form: { kind: 'nation', name_sv: '', parent_id: 'abc', short_name: 'x'.repeat(41) } });
    expect(res.status).toBe(400);
    const html = await res.text();
    for (const f of ['kind', 'name_sv', 'parent_id', 'short_name']) expect(html, f).toContain(`href="#${f}"`);
  });

  it('edits a unit with before and after in the audit trail', async () => {
    const ks = await t.handle.db.selectFrom('organisations').selectAll().where('municipality_id', '=', t.arvikaId).where('kind', '=', 'executive_board').executeTakeFirstOrThrow();
    const form = await (await t.request(t.users.coordinator, `/admin/arvika/enheter/${ks.id}/redigera`)).text();
    const version = /name="version" value="([^"]+)"/.exec(form)![1]!;
    const res = await t.request(t.users.coordinator, `/admin/arvika/enheter/${ks.id}/redigera`, {
      form: { kind: 'executive_board', name_sv: 'Kommunstyrelsen', name_en: 'Municipal Executive Board', short_name: 'KS', parent_id: String(kf), description_sv: 'Leder det internationella arbetet.', description_en: '', version },
    });
    expect(res.status).toBe(303);
    const after = await t.handle.db.selectFrom('organisations').selectAll().where('id', '=', ks.id).executeTakeFirstOrThrow();
    expect(Number(after.parent_id)).toBe(kf);
    expect(after.description_en).toBeNull();
    const audit = await t.handle.db.selectFrom('audit_log').selectAll().where('entity', '=', 'organisation').where('entity_id', '=', String(ks.id)).where('action', '=', 'update').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before_data!).parent_id).toBeNull();
    expect(JSON.parse(audit.after_data!).parent_id).toBe(kf);
    const stale = await t.request(t.users.coordinator, `/admin/arvika/enheter/${ks.id}/redigera`, { form: { kind: 'executive_board', name_sv: 'KS', version } });
    expect(stale.status).toBe(409);
  });

  it('shows which committee answers for which unit', async () => {
    const committee = Number((await t.handle.db.selectFrom('organisations').select('id').where('short_name', '=', 'KFN').executeTakeFirstOrThrow()).id);
    const departments = await t.handle.db.selectFrom('organisations').select(['id', 'name_sv']).where('municipality_id', '=', t.arvikaId).where('kind', '=', 'department').executeTakeFirstOrThrow();
    await t.handle.db.insertInto('committee_units').values({ committee_id: committee, unit_id: Number(departments.id) }).execute();
    const list = await (await t.request(t.users.reader, '/admin/arvika/enheter')).text();
    expect(list).toContain('Ansvarig nämnd: Kultur- och fritidsnämnden');
    expect(list).toContain(`Ansvarar för: ${departments.name_sv}`);
    const page = await (await t.request(t.users.reader, `/admin/arvika/enheter/${departments.id}`)).text();
    expect(page).toContain('Ansvarig nämnd');
  });

  it('another municipality’s unit, an external organisation, or a bad id is 404', async () => {
    const aleUnit = t.aleUnits[0]!.id;
    const external = Number((await t.handle.db.selectFrom('organisations').select('id').where('name_sv', '=', 'Ylöjärvi').executeTakeFirstOrThrow()).id);
    for (const id of [aleUnit, external, 999999]) {
      expect((await t.request(t.users.coordinator, `/admin/arvika/enheter/${id}`)).status).toBe(404);
      expect((await t.request(t.users.coordinator, `/admin/arvika/enheter/${id}/redigera`)).status).toBe(404);
      expect((await t.request(t.users.coordinator, `/admin/arvika/enheter/${id}/redigera`, { form: { kind: 'unit', name_sv: 'X' } })).status).toBe(404);
    }
    expect((await t.request(t.users.other_coordinator, '/admin/arvika/enheter')).status).toBe(404);
    expect((await t.request(t.users.reader, `/admin/arvika/enheter/${aleUnit}/redigera`)).status).toBe(404);
  });
});
