/**
 * Editing projects and publication with review (AL-14), end to end through HTTP, on SQLite and
 * PostgreSQL: a unit editor drafts and submits, the coordinator publishes; the public site and
 * the API show only what is published; edits of a published project wait for review.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/features/audit/chain.js';
import { type AdminTestApp, createAdminTestApp } from '../support/admin.js';
import { availableDatabases } from '../support/databases.js';
import { decode } from '../support/html.js';

const kinds = await availableDatabases();

/** A valid project form for a unit. */
function projectForm(unitId: number, over: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    kind: 'exchange',
    title_sv: 'Ungdomsutbyte med Kongsvinger',
    title_en: 'Youth exchange with Kongsvinger',
    summary_sv: 'Ungdomar från Arvika och Kongsvinger möts kring entreprenörskap.',
    summary_en: '',
    owner_unit_id: String(unitId),
    municipality_role: 'lead',
    programme_id: '',
    start_date: '2026-03-01',
    end_date: '2026-12-31',
    year: '',
    participants_total: '40',
    participants_youth: '32',
    themes: ['youth', 'business'],
    target_groups: ['youth'],
    'countries.0.country': 'NO',
    'countries.1.country': '',
    'partners.0.org': '',
    'partners.0.role': 'partner',
    'funding.0.kind': 'municipal_cash',
    'funding.0.source_name': 'Arvika kommun',
    'funding.0.amount': '125 000,50',
    'funding.0.currency': 'SEK',
    'funding.0.staff_hours': '120,5',
    'funding.0.note': '',
    'funding.1.kind': '',
    'funding.1.amount': '',
    'funding.1.currency': 'SEK',
    'results.0.description_sv': 'Deltagare som startar UF-företag',
    'results.0.indicator': 'Antal företag',
    'results.0.target': '5',
    'links.0.label_sv': 'Projektets webbplats',
    'links.0.url': 'https://www.arvika.se/utbyte',
    ...over,
  };
}

describe.each(kinds)('editing projects and review on %s', (kind) => {
  let t: AdminTestApp;
  beforeAll(async () => {
    t = await createAdminTestApp(kind);
  }, 90_000);
  afterAll(async () => t?.close());

  const text = async (res: Response) => decode(await res.text());
  const idFrom = (res: Response) => {
    const m = /\/admin\/arvika\/projekt\/(\d+)\?klart=/.exec(res.headers.get('location') ?? '');
    expect(m, res.headers.get('location') ?? `status ${res.status}`).not.toBeNull();
    return Number(m![1]);
  };
  const publicTitle = async (id: number) => {
    const res = await t.app.request(`/api/v1/municipalities/arvika/projects/${id}`);
    return res.status === 200 ? ((await res.json()) as { title: string }).title : res.status;
  };
  const row = (id: number) => t.handle.db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('lists the municipality’s projects with publication states, and offers a new project to editors', async () => {
    const res = await t.request(t.users.unit_editor, '/admin/arvika/projekt');
    expect(res.status).toBe(200);
    const html = await text(res);
    expect(html).toContain('Nytt projekt');
    expect(html).toContain('tag--published');
    const reader = await text(await t.request(t.users.reader, '/admin/arvika/projekt'));
    expect(reader).not.toContain('Nytt projekt');
    const en = await text(await t.request(t.users.coordinator, '/en/admin/arvika/projekt?lage=published'));
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('New project');
  });

  it('a unit editor drafts a project (not public), submits it; the coordinator publishes it', async () => {
    const form = await t.request(t.users.unit_editor, '/admin/arvika/projekt/ny');
    expect(form.status).toBe(200);
    const formHtml = await text(form);
    expect(formHtml).toContain('name="partners.0.org"');
    expect(formHtml).toContain('Lägg till rad');
    // The unit editor may choose only their own unit.
    const unitSelect = /<select[^>]*name="owner_unit_id"[^>]*>([\s\S]*?)<\/select>/.exec(formHtml)![1]!;
    expect(unitSelect).toContain(`value="${t.ownUnit.id}"`);
    expect(unitSelect).not.toContain(`value="${t.otherUnit.id}"`);

    const created = await t.request(t.users.unit_editor, '/admin/arvika/projekt/ny', { form: projectForm(t.ownUnit.id) });
    expect(created.status).toBe(303);
    const id = idFrom(created);
    const p = await row(id);
    expect(p.publication_state).toBe('draft');
    expect(Number(p.budget_sek_minor)).toBe(12_500_050);
    expect(p.search_text).toContain('Kongsvinger');
    expect(p.search_text).toContain('Norge');
    expect(p.year).toBe(2026);
    const funding = await t.handle.db.selectFrom('project_funding').selectAll().where('project_id', '=', id).execute();
    expect(funding).toHaveLength(1);
    expect(Number(funding[0]!.staff_hours)).toBe(120.5);
    expect(await publicTitle(id)).toBe(404);
    expect((await t.app.request(`/arvika/projekt/${id}`)).status).toBe(404);

    const page = await text(await t.request(t.users.unit_editor, `/admin/arvika/projekt/${id}?klart=created`));
    expect(page).toContain('Ungdomsutbyte med Kongsvinger');
    expect(page).toContain('Utkast');
    expect(page).toContain(`/admin/arvika/logg/project/${id}`);
    expect(page).toContain(`/admin/arvika/bilagor/project/${id}`);
    expect(page).toContain(`/admin/arvika/projekt/${id}/beslutsvag`);
    expect(page).not.toContain(`/admin/arvika/projekt/${id}/publicera`);

    // A unit editor cannot publish.
    expect((await t.request(t.users.unit_editor, `/admin/arvika/projekt/${id}/publicera`, { form: {} })).status).toBe(403);
    expect((await t.request(t.users.unit_editor, '/admin/arvika/granskning')).status).toBe(403);

    expect((await t.request(t.users.unit_editor, `/admin/arvika/projekt/${id}/skicka`, { form: {} })).status).toBe(303);
    expect((await row(id)).publication_state).toBe('in_review');
    expect(await publicTitle(id)).toBe(404);

    const queue = await text(await t.request(t.users.coordinator, '/admin/arvika/granskning'));
    const link = /href="(\/admin\/arvika\/granskning\/(\d+))">Ungdomsutbyte med Kongsvinger</.exec(queue);
    expect(link).not.toBeNull();
    const item = await text(await t.request(t.users.coordinator, link![1]!));
    expect(item).toContain('Aldrig publicerat');
    expect(item).toContain('Ungdomsutbyte med Kongsvinger');
    const version = /name="version" value="([^"]+)"/.exec(item)![1]!;
    const published = await t.request(t.users.coordinator, `${link![1]}/publicera`, { form: { revision: link![2]!, version } });
    expect(published.status).toBe(303);
    const live = await row(id);
    expect(live.publication_state).toBe('published');
    expect(live.published_at).not.toBeNull();
    expect(await publicTitle(id)).toBe('Ungdomsutbyte med Kongsvinger');
    const publicPage = await text(await t.app.request(`/arvika/projekt/${id}`));
    expect(publicPage).toContain('Ungdomsutbyte med Kongsvinger');
    const search = await (await t.app.request(`/api/v1/municipalities/arvika/projects?q=${encodeURIComponent('entreprenörskap')}`)).json();
    expect(search.items.map((x: { id: number }) => x.id)).toContain(id);
    const actions = (await t.handle.db.selectFrom('audit_log').select('action').where('entity', '=', 'project').where('entity_id', '=', String(id)).orderBy('id').execute()).map((a) => a.action);
    expect(actions).toEqual(['create', 'submit', 'publish']);
  });

  it('edits of a published project wait for review; send back with a comment; then publish', async () => {
    const created = await t.request(t.users.coordinator, '/admin/arvika/projekt/ny', { form: projectForm(t.ownUnit.id, { title_sv: 'Vänortsdagar i Kongsvinger', _action: 'publish' }) });
    const id = idFrom(created);
    expect(await publicTitle(id)).toBe('Vänortsdagar i Kongsvinger');

    // The editor opens the form: it holds the saved values, amounts with a decimal comma.
    const formHtml = await text(await t.request(t.users.unit_editor, `/admin/arvika/projekt/${id}/redigera`));
    expect(formHtml).toContain('value="Vänortsdagar i Kongsvinger"');
    expect(formHtml).toContain('value="125000,50"');
    expect(formHtml).toContain('Projektet är publicerat');
    const fundingId = /name="funding\.0\.id" value="(\d+)"/.exec(formHtml)![1]!;

    const saved = await t.request(t.users.unit_editor, `/admin/arvika/projekt/${id}/redigera`, { form: projectForm(t.ownUnit.id, { title_sv: 'Vänortsdagar 2026', 'funding.0.id': fundingId }) });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toContain('klart=saved_revision');
    expect(await publicTitle(id)).toBe('Vänortsdagar i Kongsvinger');
    expect((await row(id)).title_sv).toBe('Vänortsdagar i Kongsvinger');
    expect(await text(await t.app.request(`/arvika/projekt/${id}`))).not.toContain('Vänortsdagar 2026');
    const page = await text(await t.request(t.users.unit_editor, `/admin/arvika/projekt/${id}`));
    expect(page).toContain('Vänortsdagar 2026');
    expect(page).toContain('Ändring under arbete');
    expect(page).toContain('Ändringar mot den publicerade versionen');

    expect((await t.request(t.users.unit_editor, `/admin/arvika/projekt/${id}/skicka`, { form: {} })).status).toBe(303);
    // Submitting twice is a conflict, not a second revision.
    expect((await t.request(t.users.unit_editor, `/admin/arvika/projekt/${id}/skicka`, { form: {} })).status).toBe(409);

    const queue = await text(await t.request(t.users.coordinator, '/admin/arvika/granskning'));
    const [, href, revision] = /href="(\/admin\/arvika\/granskning\/(\d+))">Vänortsdagar 2026</.exec(queue)!;
    const item = await text(await t.request(t.users.coordinator, href!));
    expect(item).toMatch(/Vänortsdagar i Kongsvinger[\s\S]*Vänortsdagar 2026/);

    // A comment is required to send back; the page says so and keeps the form.
    const noComment = await t.request(t.users.coordinator, `${href}/skicka-tillbaka`, { form: { revision: revision!, comment: '  ' } });
    expect(noComment.status).toBe(400);
    const noCommentHtml = await text(noComment);
    expect(noCommentHtml).toContain('class="error-summary"');
    expect(noCommentHtml).toContain('Skriv en kommentar');

    const back = await t.request(t.users.coordinator, `${href}/skicka-tillbaka`, { form: { revision: revision!, comment: 'Skriv titeln på engelska också.' } });
    expect(back.status).toBe(303);
    const editorPage = await text(await t.request(t.users.unit_editor, `/admin/arvika/projekt/${id}`));
    expect(editorPage).toContain('Granskarens kommentar');
    expect(editorPage).toContain('Skriv titeln på engelska också.');
    expect(editorPage).toContain('Ändring skickad tillbaka');
    expect(await publicTitle(id)).toBe('Vänortsdagar i Kongsvinger');

    // Publishing a revision that was changed after the reviewer looked at it is refused.
    expect((await t.request(t.users.unit_editor, `/admin/arvika/projekt/${id}/redigera`, { form: projectForm(t.ownUnit.id, { title_sv: 'Vänortsdagar 2026', 'funding.0.id': fundingId, _action: 'submit' }) })).status).toBe(303);
    expect((await t.request(t.users.coordinator, `/admin/arvika/projekt/${id}/publicera`, { form: { revision: revision!, version: '2000-01-01T00:00:00.000Z' } })).status).toBe(409);
    expect((await t.request(t.users.coordinator, `/admin/arvika/projekt/${id}/publicera`, { form: { revision: revision! } })).status).toBe(303);
    expect(await publicTitle(id)).toBe('Vänortsdagar 2026');
    expect(await text(await t.app.request(`/arvika/projekt/${id}`))).toContain('Vänortsdagar 2026');
    // The funding line kept its identity (and so its source).
    const funding = await t.handle.db.selectFrom('project_funding').select('id').where('project_id', '=', id).execute();
    expect(funding.map((f) => String(f.id))).toEqual([fundingId]);
    expect((await verifyAuditChain(t.handle.db)).ok).toBe(true);
  });

  it('shows every error at once and keeps everything typed', async () => {
    const bad = projectForm(t.ownUnit.id, {
      kind: '',
      title_sv: '<Ungdomsläger & "vänort">',
      start_date: '2026-02-30',
      end_date: '2025-01-01',
      year: '12',
      participants_total: '10',
      participants_youth: '11',
      'countries.0.country': 'XX',
      'funding.0.amount': '-5',
      'funding.0.staff_hours': 'många',
      'links.0.url': 'javascript:alert(1)',
      'results.0.description_sv': '',
    });
    const res = await t.request(t.users.unit_editor, '/admin/arvika/projekt/ny', { form: bad });
    expect(res.status).toBe(400);
    const raw = await res.text();
    expect(raw).toContain('value="&lt;Ungdomsläger &amp; &quot;vänort&quot;&gt;"');
    const html = decode(raw);
    expect(html).toContain('class="error-summary"');
    for (const field of ['kind', 'start_date', 'year', 'countries.0.country', 'funding.0.amount', 'funding.0.staff_hours', 'links.0.url', 'results.0.description_sv']) {
      expect(html, field).toContain(`href="#${field}"`);
      expect(html, field).toContain(`id="${field}-error"`);
    }
    expect(html).toContain('Antalet unga kan inte vara större än antalet deltagare.');
    expect(html).toContain('value="-5"');
    expect(html).toContain('value="många"');
    expect(html).toContain('value="javascript:alert(1)"');
    expect(html).toContain('value="Antal företag"');
    // Nothing was written.
    const n = await t.handle.db.selectFrom('projects').select('id').where('title_sv', '=', '<Ungdomsläger & "vänort">').execute();
    expect(n).toHaveLength(0);

    // Both start and end given, end before start.
    const order = await text(await t.request(t.users.unit_editor, '/admin/arvika/projekt/ny', { form: projectForm(t.ownUnit.id, { end_date: '2026-01-01' }) }));
    expect(order).toContain('Slutdatum kan inte vara före startdatum.');

    const en = await t.request(t.users.unit_editor, '/en/admin/arvika/projekt/ny', { form: bad });
    expect(en.status).toBe(400);
    const enHtml = decode(await en.text());
    expect(enHtml).toContain('There is a problem');
    expect(enHtml).toContain('The number of young people cannot be larger than the number of participants.');
  });

  it('adds a row without JavaScript, keeping every value', async () => {
    const res = await t.request(t.users.unit_editor, '/admin/arvika/projekt/ny', { form: projectForm(t.ownUnit.id, { _add: 'partners', 'partners.1.org': '', 'partners.2.org': '' }) });
    expect(res.status).toBe(200);
    const html = decode(await res.text());
    expect(html).toContain('name="partners.3.org"');
    expect(html).not.toContain('name="partners.4.org"');
    expect(html).toContain('value="125 000,50"');
    expect(html).not.toContain('class="error-summary"');
  });

  it('refuses unit editors other units’ projects (403) and other municipalities’ projects (404)', async () => {
    const other = await t.request(t.users.coordinator, '/admin/arvika/projekt/ny', { form: projectForm(t.otherUnit.id, { title_sv: 'Annan enhets projekt' }) });
    const id = idFrom(other);
    expect((await t.request(t.users.unit_editor, `/admin/arvika/projekt/${id}`)).status).toBe(200);
    expect((await t.request(t.users.unit_editor, `/admin/arvika/projekt/${id}/redigera`)).status).toBe(403);
    expect((await t.request(t.users.unit_editor, `/admin/arvika/projekt/${id}/redigera`, { form: projectForm(t.ownUnit.id) })).status).toBe(403);
    expect((await t.request(t.users.unit_editor, `/admin/arvika/projekt/${id}/skicka`, { form: {} })).status).toBe(403);
    // Nor may they move a project to a unit that is not theirs, or create one there.
    const mine = idFrom(await t.request(t.users.unit_editor, '/admin/arvika/projekt/ny', { form: projectForm(t.ownUnit.id, { title_sv: 'Mitt projekt' }) }));
    const moved = await t.request(t.users.unit_editor, `/admin/arvika/projekt/${mine}/redigera`, { form: projectForm(t.otherUnit.id) });
    expect(moved.status).toBe(400);
    expect(decode(await moved.text())).toContain('Välj en av de enheter du är redaktör för.');
    expect((await row(mine)).owner_unit_id).toBe(t.ownUnit.id);
    expect((await t.request(t.users.reader, '/admin/arvika/projekt/ny')).status).toBe(403);
    expect((await t.request(t.users.reader, '/admin/arvika/projekt/ny', { form: projectForm(t.ownUnit.id) })).status).toBe(403);

    const ale = await t.handle.db.selectFrom('projects').select('id').where('municipality_id', '=', t.aleId).executeTakeFirstOrThrow();
    expect((await t.request(t.users.coordinator, `/admin/arvika/projekt/${ale.id}`)).status).toBe(404);
    expect((await t.request(t.users.coordinator, `/admin/arvika/projekt/${ale.id}/redigera`)).status).toBe(404);
    expect((await t.request(t.users.coordinator, `/admin/arvika/projekt/${ale.id}/publicera`, { form: {} })).status).toBe(404);
    expect((await t.request(t.users.other_coordinator, `/admin/arvika/projekt/${id}`)).status).toBe(404);
    expect((await t.request(t.users.coordinator, '/admin/arvika/projekt/99999999')).status).toBe(404);
    expect((await t.request(t.users.coordinator, '/admin/arvika/granskning/99999999')).status).toBe(404);
  });

  it('discarding a published project’s draft leaves the published version', async () => {
    const id = idFrom(await t.request(t.users.coordinator, '/admin/arvika/projekt/ny', { form: projectForm(t.ownUnit.id, { title_sv: 'Kulturutbyte', _action: 'publish' }) }));
    await t.request(t.users.unit_editor, `/admin/arvika/projekt/${id}/redigera`, { form: projectForm(t.ownUnit.id, { title_sv: 'Kulturutbyte (ändrat)' }) });
    expect((await t.request(t.users.unit_editor, `/admin/arvika/projekt/${id}/kasta`, { form: {} })).status).toBe(303);
    const form = await text(await t.request(t.users.unit_editor, `/admin/arvika/projekt/${id}/redigera`));
    expect(form).toContain('value="Kulturutbyte"');
    expect((await t.request(t.users.unit_editor, `/admin/arvika/projekt/${id}/kasta`, { form: {} })).status).toBe(409);
  });
});
