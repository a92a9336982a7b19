/** External organisations in the back office: list, create, edit, validation, permissions, audit. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AdminTestApp, createAdminTestApp } from '../support/admin.js';
import { availableDatabases } from '../support/databases.js';
import { decode } from '../support/html.js';

const kinds = await availableDatabases();

const VALID = {
  kind: 'municipality',
  name_sv: 'Tromsø',
  name_en: 'Tromsø',
  short_name: '',
  country: 'NO',
  region: 'Troms',
  population: '77 000',
  population_year: '2024',
  website: 'https://www.tromso.kommune.no',
  latitude: '69,65',
  longitude: '18,96',
  description_sv: 'Vänort i Nordnorge.',
  description_en: '',
};

describe.each(kinds)('external organisations on %s', (kind) => {
  let t: AdminTestApp;
  beforeAll(async () => {
    t = await createAdminTestApp(kind);
  }, 60_000);
  afterAll(async () => t?.close());

  const externalCount = async (municipalityId: number) =>
    Number(
      (
        await t.handle.db
          .selectFrom('organisations')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('municipality_id', '=', municipalityId)
          .where('is_internal', '=', 0)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('lists the municipality’s external organisations, not its units, in both languages', async () => {
    const res = await t.request(t.users.reader, '/admin/arvika/organisationer');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Ylöjärvi');
    expect(html).toContain('ARKO');
    expect(html).not.toContain('>Kommunstyrelsen<');
    expect(html).not.toContain('/organisationer/ny');
    const en = await (await t.request(t.users.coordinator, '/en/admin/arvika/organisationer?q=ylojarvi')).text();
    expect(en).toContain('lang="en"');
    expect(en).toContain('Ylöjärvi');
    expect(en).not.toContain('Kongsvinger</a>');
    expect(en).toContain('/en/admin/arvika/organisationer/ny');
  });

  it('a coordinator creates an organisation; it is audited with before and after', async () => {
    const res = await t.request(t.users.coordinator, '/admin/arvika/organisationer/ny', { form: VALID });
    expect(res.status).toBe(303);
    const loc = res.headers.get('location')!;
    expect(loc).toMatch(/^\/admin\/arvika\/organisationer\/\d+\?klart=created$/);
    const id = Number(/\/(\d+)\?/.exec(loc)![1]);
    const row = await t.handle.db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ is_internal: 0, kind: 'municipality', name_sv: 'Tromsø', country: 'NO', website: 'https://www.tromso.kommune.no', description_en: null });
    expect(Number(row.municipality_id)).toBe(t.arvikaId);
    expect(Number(row.population)).toBe(77000);
    expect(Number(row.latitude)).toBeCloseTo(69.65);
    const audit = await t.handle.db.selectFrom('audit_log').selectAll().where('entity', '=', 'organisation').where('entity_id', '=', String(id)).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.action).toBe('create');
    expect(audit[0]!.before_data).toBeNull();
    expect(JSON.parse(audit[0]!.after_data!).name_sv).toBe('Tromsø');
    const page = await (await t.request(t.users.coordinator, loc)).text();
    expect(page).toContain('Organisationen är sparad.');
    expect(page).toContain('Norge (NO)');
    expect(page).toContain('69,65, 18,96');
    expect(page).toContain(`/admin/arvika/logg/organisation/${id}`);
  });

  it('reports every error at once, beside each field, and keeps what was typed', async () => {
    const before = await externalCount(t.arvikaId);
    const res = await t.request(t.users.coordinator, '/admin/arvika/organisationer/ny', {
      form: { ...VALID, kind: 'council', name_sv: '  ', country: 'XX', website: 'http://example.se', latitude: '91', longitude: '', population: 'många', population_year: '1700' },
    });
    expect(res.status).toBe(400);
    const html = decode(await res.text());
    expect(html).toContain('Det finns fel i formuläret');
    for (const field of ['kind', 'name_sv', 'country', 'website', 'latitude', 'population', 'population_year']) {
      expect(html, field).toContain(`href="#${field}"`);
      expect(html, field).toContain(`id="${field}-error"`);
    }
    expect(html).toContain('Välj ett land i listan.');
    expect(html).toContain('Ange en webbadress som börjar med https://');
    expect(html).toContain('Latitud måste vara ett tal mellan -90 och 90');
    expect(html).toContain('value="http://example.se"');
    expect(html).toContain('value="många"');
    expect(html).toContain('Vänort i Nordnorge.');
    expect(await externalCount(t.arvikaId)).toBe(before);
  });

  it('asks for both coordinates or none, and a population for its year (in English too)', async () => {
    const res = await t.request(t.users.coordinator, '/en/admin/arvika/organisationer/ny', { form: { ...VALID, longitude: '', population: '' } });
    expect(res.status).toBe(400);
    const html = decode(await res.text());
    expect(html).toContain('There is a problem');
    expect(html).toContain('Enter both latitude and longitude, or leave both empty.');
    expect(html).toContain('Enter the population the year refers to.');
  });

  it('edits an organisation, keeps the untouched values, and refuses a stale form (409)', async () => {
    const ylo = await t.handle.db.selectFrom('organisations').selectAll().where('name_sv', '=', 'Ylöjärvi').executeTakeFirstOrThrow();
    const form = await (await t.request(t.users.coordinator, `/admin/arvika/organisationer/${ylo.id}/redigera`)).text();
    expect(form).toContain('value="Ylöjärvi"');
    expect(form).toContain('value="61,55"');
    const version = /name="version" value="([^"]+)"/.exec(form)![1]!;
    const fields = {
      kind: 'municipality',
      name_sv: 'Ylöjärvi stad',
      name_en: 'Ylöjärvi',
      short_name: '',
      country: 'FI',
      region: 'Birkaland (Pirkanmaa)',
      population: '33 500',
      population_year: '2023',
      website: 'https://www.ylojarvi.fi',
      latitude: '61,55',
      longitude: '23,6',
      description_sv: ylo.description_sv ?? '',
      description_en: ylo.description_en ?? '',
      version,
    };
    const res = await t.request(t.users.coordinator, `/admin/arvika/organisationer/${ylo.id}/redigera`, { form: fields });
    expect(res.status).toBe(303);
    const after = await t.handle.db.selectFrom('organisations').selectAll().where('id', '=', ylo.id).executeTakeFirstOrThrow();
    expect(after.name_sv).toBe('Ylöjärvi stad');
    expect(Number(after.population)).toBe(33500);
    expect(Number(after.latitude)).toBeCloseTo(61.55);
    expect(after.source).toBe(ylo.source);
    const audit = await t.handle.db.selectFrom('audit_log').selectAll().where('entity', '=', 'organisation').where('entity_id', '=', String(ylo.id)).where('action', '=', 'update').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before_data!).name_sv).toBe('Ylöjärvi');
    expect(JSON.parse(audit.after_data!).name_sv).toBe('Ylöjärvi stad');
    // The same (now stale) form again: refused, nothing written, what was typed kept.
    const stale = await t.request(t.users.coordinator, `/admin/arvika/organisationer/${ylo.id}/redigera`, { form: { ...fields, name_sv: 'Ylöjärvi kaupunki' } });
    expect(stale.status).toBe(409);
    expect(decode(await stale.text())).toContain('value="Ylöjärvi kaupunki"');
    expect((await t.handle.db.selectFrom('organisations').select('name_sv').where('id', '=', ylo.id).executeTakeFirstOrThrow()).name_sv).toBe('Ylöjärvi stad');
  });

  it('a reader may look but not create or edit (403)', async () => {
    const ylo = await t.handle.db.selectFrom('organisations').select('id').where('name_sv', 'like', 'Ylöjärvi%').executeTakeFirstOrThrow();
    expect((await t.request(t.users.reader, `/admin/arvika/organisationer/${ylo.id}`)).status).toBe(200);
    expect((await t.request(t.users.reader, '/admin/arvika/organisationer/ny')).status).toBe(403);
    expect((await t.request(t.users.reader, '/admin/arvika/organisationer/ny', { form: VALID })).status).toBe(403);
    expect((await t.request(t.users.reader, `/admin/arvika/organisationer/${ylo.id}/redigera`)).status).toBe(403);
    expect((await t.request(t.users.reader, `/admin/arvika/organisationer/${ylo.id}/redigera`, { form: VALID })).status).toBe(403);
  });

  it('a unit editor creates an organisation and edits it, but not the seeded ones', async () => {
    const res = await t.request(t.users.unit_editor, '/admin/arvika/organisationer/ny', { form: { ...VALID, name_sv: 'Enhetens partner' } });
    expect(res.status).toBe(303);
    const id = Number(/\/(\d+)\?/.exec(res.headers.get('location')!)![1]);
    expect((await t.request(t.users.unit_editor, `/admin/arvika/organisationer/${id}/redigera`)).status).toBe(200);
    const edit = await t.request(t.users.unit_editor, `/admin/arvika/organisationer/${id}/redigera`, { form: { ...VALID, name_sv: 'Enhetens partner AB', kind: 'company' } });
    expect(edit.status).toBe(303);
    const ylo = await t.handle.db.selectFrom('organisations').select('id').where('name_sv', 'like', 'Ylöjärvi%').executeTakeFirstOrThrow();
    expect((await t.request(t.users.unit_editor, `/admin/arvika/organisationer/${ylo.id}/redigera`)).status).toBe(403);
    const page = await (await t.request(t.users.unit_editor, `/admin/arvika/organisationer/${ylo.id}`)).text();
    expect(page).not.toContain('/redigera');
  });

  it('another municipality’s organisation, a unit, or a bad id is 404', async () => {
    const aleOrg = await t.handle.db.selectFrom('organisations').select('id').where('municipality_id', '=', t.aleId).where('is_internal', '=', 0).executeTakeFirstOrThrow();
    expect((await t.request(t.users.coordinator, `/admin/arvika/organisationer/${aleOrg.id}`)).status).toBe(404);
    expect((await t.request(t.users.coordinator, `/admin/arvika/organisationer/${aleOrg.id}/redigera`)).status).toBe(404);
    expect((await t.request(t.users.coordinator, `/admin/arvika/organisationer/${aleOrg.id}/redigera`, { form: VALID })).status).toBe(404);
    expect((await t.request(t.users.coordinator, `/admin/arvika/organisationer/${t.ownUnit.id}`)).status).toBe(404);
    expect((await t.request(t.users.coordinator, '/admin/arvika/organisationer/0')).status).toBe(404);
    expect((await t.request(t.users.coordinator, '/admin/arvika/organisationer/abc')).status).toBe(404);
    expect((await t.request(t.users.other_coordinator, '/admin/arvika/organisationer')).status).toBe(404);
    expect((await t.request(t.users.coordinator, '/admin/ale/organisationer/ny', { form: VALID })).status).toBe(404);
  });
});
