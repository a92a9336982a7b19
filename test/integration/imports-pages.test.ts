/**
 * The import pages through HTTP on SQLite and PostgreSQL: who may use them, upload → columns →
 * preview → run → result, the errors a person sees, and the Interreg pages.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_INTERREG_FILE } from '../../src/features/imports/interreg/cli.js';
import { type AdminTestApp, createAdminTestApp } from '../support/admin.js';
import { availableDatabases } from '../support/databases.js';

const kinds = await availableDatabases();

const upload = (bytes: Uint8Array | string, name = 'projekt.csv', type = 'text/csv') => {
  const fd = new FormData();
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  fd.set('file', new File([new Uint8Array(data)], name, { type }));
  return fd;
};

describe.each(kinds)('import pages on %s', (kind) => {
  let t: AdminTestApp;
  beforeAll(async () => {
    t = await createAdminTestApp(kind);
  }, 60_000);
  afterAll(async () => t?.close());

  const runIdOf = (location: string | null) => Number(/\/import\/(\d+)/.exec(location ?? '')?.[1]);

  it('is open to coordinators and administrators only; others get 403, other municipalities 404', async () => {
    for (const who of ['coordinator', 'municipal_admin', 'platform_admin'] as const) expect((await t.request(t.users[who], '/admin/arvika/import')).status, who).toBe(200);
    expect((await t.request(t.users.reader, '/admin/arvika/import')).status).toBe(403);
    expect((await t.request(t.users.unit_editor, '/admin/arvika/import')).status).toBe(403);
    expect((await t.request(t.users.unit_editor, '/admin/arvika/import', { multipart: upload('Titel\nX\n') })).status).toBe(403);
    expect((await t.request(t.users.other_coordinator, '/admin/arvika/import')).status).toBe(404);
    expect((await t.request(t.users.other_coordinator, '/admin/arvika/import/interreg')).status).toBe(404);
    expect((await t.request(undefined, '/admin/arvika/import')).status).toBe(303);
    expect((await t.request(t.users.coordinator, '/admin/arvika/import', { multipart: upload('Titel\nX\n'), noCsrf: true })).status).toBe(403);
    // A run of another municipality does not exist here.
    const other = await t.request(t.users.other_coordinator, '/admin/ale/import', { multipart: upload('Titel\nX\n') });
    expect((await t.request(t.users.coordinator, `/admin/arvika/import/${runIdOf(other.headers.get('location'))}`)).status).toBe(404);
  });

  it('takes a file through columns, preview and run to a result page with progress', async () => {
    const exported = new Uint8Array(await (await t.app.request('/arvika/projekt.csv')).arrayBuffer());
    const extra = new TextEncoder().encode('"";"Nytt utbyte från importen";"Utbyte";"Planerat";"2027-03-01";;;;;;;;;;"12 000";;;;\r\n');
    const file = new Uint8Array([...exported, ...extra]);
    const res = await t.request(t.users.coordinator, '/admin/arvika/import', { multipart: upload(file) });
    expect(res.status).toBe(303);
    const id = runIdOf(res.headers.get('location'));
    expect(res.headers.get('location')).toBe(`/admin/arvika/import/${id}/kolumner`);

    const mapping = await t.request(t.users.coordinator, `/admin/arvika/import/${id}/kolumner`);
    expect(mapping.status).toBe(200);
    const mhtml = await mapping.text();
    expect(mhtml).toContain('<label class="field-label" for="col-1">Titel</label>');
    expect(mhtml).toMatch(/<option value="title_sv" selected="">Titel \(svenska\)<\/option>/);
    const fields = [...mhtml.matchAll(/<select[^>]*name="(col-\d+)"[\s\S]*?<\/select>/g)].map((m) => [m[1]!, /<option value="([^"]*)" selected/.exec(m[0])?.[1] ?? '']);
    const form = Object.fromEntries(fields);
    expect(form['col-0']).toBe('id');
    const saved = await t.request(t.users.coordinator, `/admin/arvika/import/${id}/kolumner`, { form });
    expect(saved.status).toBe(303);

    const preview = await t.request(t.users.coordinator, `/admin/arvika/import/${id}`);
    expect(preview.status).toBe(200);
    const phtml = await preview.text();
    expect(phtml).toContain('Förhandsgranska importen');
    expect(phtml).toContain('Importera (1 projekt)');
    expect(phtml).toContain('Nytt utbyte från importen');
    expect(await t.handle.db.selectFrom('projects').select('id').where('title_sv', '=', 'Nytt utbyte från importen').execute()).toEqual([]);

    const ran = await t.request(t.users.coordinator, `/admin/arvika/import/${id}/kor`, { form: {} });
    expect(ran.status).toBe(303);
    const result = await (await t.request(t.users.coordinator, `/admin/arvika/import/${id}`)).text();
    expect(result).toContain('Importen är klar');
    expect(result).toMatch(/<progress id="import-progress" max="(\d+)" value="\1">/);
    const created = await t.handle.db.selectFrom('projects').selectAll().where('title_sv', '=', 'Nytt utbyte från importen').executeTakeFirstOrThrow();
    expect(created).toMatchObject({ publication_state: 'draft', kind: 'exchange', start_date: '2027-03-01' });
    // Running again does nothing; the list of imports shows the run.
    expect((await t.request(t.users.coordinator, `/admin/arvika/import/${id}/kor`, { form: {} })).status).toBe(303);
    expect((await t.handle.db.selectFrom('projects').select('id').where('title_sv', '=', 'Nytt utbyte från importen').execute()).length).toBe(1);
    expect(await (await t.request(t.users.coordinator, '/admin/arvika/import')).text()).toContain(`/admin/arvika/import/${id}"`);
    // In English too.
    const en = await (await t.request(t.users.coordinator, `/en/admin/arvika/import/${id}`)).text();
    expect(en).toContain('The import is done');
  });

  it('shows every problem with row and column, offers no run, and a forced run writes nothing', async () => {
    const res = await t.request(t.users.coordinator, '/admin/arvika/import', { multipart: upload('Titel;Startdatum;Typ\nBra rad;2026-01-01;Projekt\nDåligt datum;2026-13-01;Projekt\n;;Konferens\n') });
    const id = runIdOf(res.headers.get('location'));
    const html = await (await t.request(t.users.coordinator, `/admin/arvika/import/${id}`)).text();
    expect(html).toContain('Filen har 3 fel');
    expect(html).toMatch(/<td>3<\/td><td>Startdatum<\/td><td>&quot;2026-13-01&quot; är inte ett datum/);
    expect(html).toMatch(/<td>4<\/td><td>Typ<\/td>/);
    expect(html).not.toContain(`/import/${id}/kor"`);
    const before = await t.handle.db.selectFrom('projects').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect((await t.request(t.users.coordinator, `/admin/arvika/import/${id}/kor`, { form: {} })).status).toBe(303);
    const after = await t.handle.db.selectFrom('projects').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toEqual(before.n);
    const result = await (await t.request(t.users.coordinator, `/admin/arvika/import/${id}`)).text();
    expect(result).toContain('Importen gjordes inte, och inget har sparats.');
    expect(result).toContain('2026-13-01');
  });

  it('answers missing, too large and unreadable files with 4xx and a clear message', async () => {
    const none = await t.request(t.users.coordinator, '/admin/arvika/import', { multipart: new FormData() });
    expect(none.status).toBe(400);
    expect(await none.text()).toContain('Välj en fil att importera.');
    const big = await t.request(t.users.coordinator, '/admin/arvika/import', { multipart: upload(new Uint8Array(5 * 1024 * 1024 + 10).fill(65)) });
    expect(big.status).toBe(413);
    expect(await big.text()).toContain('större än 5 MB');
    const binary = await t.request(t.users.coordinator, '/admin/arvika/import', { multipart: upload(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]), 'x.xlsx') });
    expect(binary.status).toBe(400);
    expect(await binary.text()).toContain('Excel-arbetsbok');
    const en = await t.request(t.users.coordinator, '/en/admin/arvika/import', { multipart: upload('') });
    expect(en.status).toBe(400);
    expect(await en.text()).toContain('The file is empty.');
  });

  it('refuses a field chosen twice and keeps the other choices', async () => {
    const res = await t.request(t.users.coordinator, '/admin/arvika/import', { multipart: upload('Titel;Namn;År\nA;B;2020\n') });
    const id = runIdOf(res.headers.get('location'));
    const bad = await t.request(t.users.coordinator, `/admin/arvika/import/${id}/kolumner`, { form: { 'col-0': 'title_sv', 'col-1': 'title_sv', 'col-2': 'year' } });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('error-summary');
    expect(html).toContain('href="#col-1"');
    expect(html).toMatch(/name="col-2"[\s\S]*?<option value="year" selected="">/);
    const odd = await t.request(t.users.coordinator, `/admin/arvika/import/${id}/kolumner`, { form: { 'col-0': 'password_hash' } });
    expect(odd.status).toBe(400);
  });

  it.runIf(fs.existsSync(DEFAULT_INTERREG_FILE))('imports Arvika’s Interreg projects through the pages', async () => {
    const page = await t.request(t.users.coordinator, '/admin/arvika/import/interreg');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Använd listan som finns på servern');
    const res = await t.request(t.users.coordinator, '/admin/arvika/import/interreg', { form: { server: '1' } });
    expect(res.status).toBe(303);
    const id = runIdOf(res.headers.get('location'));
    const choose = await (await t.request(t.users.coordinator, `/admin/arvika/import/${id}`)).text();
    expect(choose).toMatch(/<input type="checkbox" id="org" name="org" value="arvika kommun" checked=""/);
    expect(choose).toMatch(/name="org-possible" value="arvika näringslivscentrum ek för"(?! checked)/);
    const none = await t.request(t.users.coordinator, `/admin/arvika/import/${id}?provkor=1`);
    expect(none.status).toBe(400);
    expect(await none.text()).toContain('Välj minst en organisation.');
    const dry = await (await t.request(t.users.coordinator, `/admin/arvika/import/${id}?provkor=1&org=${encodeURIComponent('arvika kommun')}`)).text();
    expect(dry).toContain('CircleBIM');
    expect(dry).toContain('Importera 1 projekt som utkast');
    expect(await t.handle.db.selectFrom('projects').select('id').where('title_sv', '=', 'CircleBIM').execute()).toEqual([]);
    const ran = await t.request(t.users.coordinator, `/admin/arvika/import/${id}/kor`, { form: { org: 'arvika kommun' } });
    expect(ran.status).toBe(303);
    expect(await (await t.request(t.users.coordinator, `/admin/arvika/import/${id}`)).text()).toContain('Importen är klar');
    expect(await t.handle.db.selectFrom('projects').select('publication_state').where('title_sv', '=', 'CircleBIM').execute()).toEqual([{ publication_state: 'draft' }]);
  });

  it('refuses a file that is not the Interreg list', async () => {
    const res = await t.request(t.users.coordinator, '/en/admin/arvika/import/interreg', { multipart: upload('{"not": "a list"}', 'x.json', 'application/json') });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('The file is not a JSON file of Interreg partners.');
  });
});
