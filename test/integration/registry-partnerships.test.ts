/** Partnerships in the back office: create, edit, the timeline, review before publication, the status rule, permissions. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AdminTestApp, createAdminTestApp } from '../support/admin.js';
import { availableDatabases } from '../support/databases.js';
import { decode } from '../support/html.js';

const kinds = await availableDatabases();

describe.each(kinds)('partnerships on %s', (kind) => {
  let t: AdminTestApp;
  let org: Record<'ylo' | 'skive' | 'kongs' | 'arko', number>;
  let twinning: number;
  beforeAll(async () => {
    t = await createAdminTestApp(kind);
    const id = async (name: string) => Number((await t.handle.db.selectFrom('organisations').select('id').where('municipality_id', '=', t.arvikaId).where('name_sv', '=', name).executeTakeFirstOrThrow()).id);
    org = { ylo: await id('Ylöjärvi'), skive: await id('Skive'), kongs: await id('Kongsvinger'), arko: await id('ARKO') };
    twinning = Number((await t.handle.db.selectFrom('partnerships').select('id').where('municipality_id', '=', t.arvikaId).where('kind', '=', 'twinning').executeTakeFirstOrThrow()).id);
  }, 60_000);
  afterAll(async () => t?.close());

  const publicPage = async (lang: 'sv' | 'en' = 'sv') => decode(await (await t.app.request(`${lang === 'en' ? '/en' : ''}/arvika/vanorter`)).text());
  const idFrom = (res: Response) => Number(/\/samarbeten\/(\d+)\?/.exec(res.headers.get('location') ?? '')?.[1]);
  const count = async (table: 'partnerships' | 'partnership_events' | 'partnership_partners' | 'revisions') =>
    Number((await t.handle.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  const newForm = (over: Record<string, string | string[]> = {}): Record<string, string | string[]> => ({
    kind: 'twinning',
    title_sv: 'Vänortssamarbetet med Nordkalotten',
    title_en: 'Twinning with the North Calotte',
    status: 'proposed',
    summary_sv: 'Ett föreslaget samarbete.',
    summary_en: '',
    cooperation_areas: ['youth', 'culture'],
    financing_sv: 'Varje kommun betalar sina resor.',
    financing_en: '',
    owner_unit_id: '',
    'partner-0': String(org.skive),
    'partner-1': String(org.ylo),
    'partner-2': String(org.kongs),
    'event-0-kind': 'first_contact',
    'event-0-date': 'hösten 1992',
    'event-0-description_sv': 'Första kontakten vid ett besök.',
    'event-0-description_en': 'First contact during a visit.',
    'event-0-place': 'Skive',
    'event-0-decision': '',
    'event-1-kind': 'other',
    'event-1-date': '1940-talet–1950-talet',
    'event-1-description_sv': 'Kontakterna etablerades.',
    'event-1-description_en': '',
    'event-1-place': '',
    'event-1-decision': '',
    'event-2-kind': '',
    'event-2-date': '',
    'event-2-description_sv': '',
    'event-2-description_en': '',
    'event-2-place': '',
    'event-2-decision': '',
    do: 'save',
    ...over,
  });

  it('lists every partnership in every state; a reader may not add one', async () => {
    const html = await (await t.request(t.users.reader, '/admin/arvika/samarbeten')).text();
    expect(html).toContain('Vänortssamarbetet Arvika–Ylöjärvi–Skive–Kongsvinger');
    expect(html).toContain('Ylöjärvi, Skive, Kongsvinger');
    expect(html).toContain('Publicerat');
    expect(html).not.toContain('/samarbeten/ny');
    expect((await t.request(t.users.reader, '/admin/arvika/samarbeten/ny')).status).toBe(403);
    expect((await t.request(t.users.reader, '/admin/arvika/samarbeten/ny', { form: newForm() })).status).toBe(403);
    expect((await t.request(t.users.reader, `/admin/arvika/samarbeten/${twinning}/redigera`)).status).toBe(403);
    for (const action of ['redigera', 'skicka', 'publicera', 'skicka-tillbaka', 'kasta']) {
      expect((await t.request(t.users.reader, `/admin/arvika/samarbeten/${twinning}/${action}`, { form: newForm({ comment: 'x' }) })).status, action).toBe(403);
    }
  });

  it('shows the multilateral agreement as one partnership with three ordered partners, and links to assessment, activation, attachments and history', async () => {
    const html = await (await t.request(t.users.coordinator, `/admin/arvika/samarbeten/${twinning}`)).text();
    expect(html).toMatch(/Ylöjärvi<\/a><\/li><li><a[^>]*>Skive<\/a><\/li><li><a[^>]*>Kongsvinger/);
    expect(html).toContain('1940-talet–1950-talet');
    expect(html).toContain(`/admin/arvika/samarbeten/${twinning}/bedomning`);
    expect(html).toContain(`/admin/arvika/bilagor/partnership/${twinning}`);
    expect(html).toContain(`/admin/arvika/logg/partnership/${twinning}`);
    expect(html).not.toContain(`/samarbeten/${twinning}/aktivera`); // already active
    const form = await (await t.request(t.users.coordinator, `/admin/arvika/samarbeten/${twinning}/redigera`)).text();
    const partners = [...form.matchAll(/<select[^>]*name="partner-(\d+)"[\s\S]*?<\/select>/g)].map((m) => /<option value="(\d+)" selected/.exec(m[0])?.[1]);
    expect(partners.slice(0, 3)).toEqual([String(org.ylo), String(org.skive), String(org.kongs)]);
    expect(partners[3]).toBeUndefined(); // one blank row to add a partner
    expect(form).toContain('<option value="active" selected');
  });

  it('a new partnership is a draft the public does not see until it is published; the fuzzy dates come back as written', async () => {
    const before = await publicPage();
    const res = await t.request(t.users.coordinator, '/admin/arvika/samarbeten/ny', { form: newForm() });
    expect(res.status).toBe(303);
    const id = idFrom(res);
    const row = await t.handle.db.selectFrom('partnerships').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ publication_state: 'draft', status: 'proposed', kind: 'twinning', summary_en: null });
    expect(JSON.parse(row.cooperation_areas)).toEqual(['youth', 'culture']);
    const partners = await t.handle.db.selectFrom('partnership_partners').select(['organisation_id', 'position']).where('partnership_id', '=', id).orderBy('position').execute();
    expect(partners.map((p) => Number(p.organisation_id))).toEqual([org.skive, org.ylo, org.kongs]);
    const events = await t.handle.db.selectFrom('partnership_events').selectAll().where('partnership_id', '=', id).orderBy('date_from').execute();
    expect(events.map((e) => [e.date_from, e.date_to, e.date_precision])).toEqual([
      ['1940-01-01', '1959-12-31', 'decade'],
      ['1992-09-01', '1992-11-30', 'season'],
    ]);
    expect(await publicPage()).toBe(before);
    const page = await (await t.request(t.users.coordinator, `/admin/arvika/samarbeten/${id}?klart=created`)).text();
    expect(page).toContain('Samarbetet är sparat som utkast.');
    expect(page).toContain('Utkast, inte publicerat');
    // The form shows the dates as they were written.
    const form = decode(await (await t.request(t.users.coordinator, `/admin/arvika/samarbeten/${id}/redigera`)).text());
    expect(form).toContain('value="hösten 1992"');
    expect(form).toContain('value="1940-talet–1950-talet"');
    const en = decode(await (await t.request(t.users.coordinator, `/en/admin/arvika/samarbeten/${id}/redigera`)).text());
    expect(en).toContain('value="autumn 1992"');
    // Publish: now it is public, with the dates as people write them.
    const pub = await t.request(t.users.coordinator, `/admin/arvika/samarbeten/${id}/publicera`, { form: {} });
    expect(pub.status).toBe(303);
    const after = await publicPage();
    expect(after).toContain('Vänortssamarbetet med Nordkalotten');
    expect(after).toContain('hösten 1992');
    expect(after).toContain('1940-talet–1950-talet');
    expect(await publicPage('en')).toContain('autumn 1992');
    const audit = await t.handle.db.selectFrom('audit_log').select('action').where('entity', '=', 'partnership').where('entity_id', '=', String(id)).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'publish']);
  });

  it('an edit of a published partnership goes through review: the public page is unchanged until it is published', async () => {
    // The coordinator gives the twinning to the unit editor's unit (published directly).
    const copy = await (await t.request(t.users.coordinator, `/admin/arvika/samarbeten/${twinning}/redigera`)).text();
    const version = /name="version" value="([^"]*)"/.exec(copy)![1]!;
    const live0 = await t.handle.db.selectFrom('partnerships').selectAll().where('id', '=', twinning).executeTakeFirstOrThrow();
    const events = await t.handle.db.selectFrom('partnership_events').selectAll().where('partnership_id', '=', twinning).execute();
    expect(events).toHaveLength(1);
    const base: Record<string, string | string[]> = {
      kind: 'twinning',
      title_sv: live0.title_sv,
      title_en: live0.title_en ?? '',
      status: 'active',
      summary_sv: live0.summary_sv ?? '',
      summary_en: live0.summary_en ?? '',
      cooperation_areas: ['youth', 'culture', 'administration'],
      financing_sv: '',
      financing_en: '',
      'event-0-id': String(events[0]!.id),
      'event-0-date': '1940-talet–1950-talet',
      'event-0-description_sv': events[0]!.description_sv,
      'event-0-description_en': events[0]!.description_en ?? '',
      'event-0-place': '',
      version,
    };
    const partnerFields = { 'partner-0': String(org.ylo), 'partner-1': String(org.skive), 'partner-2': String(org.kongs) };
    const given = await t.request(t.users.coordinator, `/admin/arvika/samarbeten/${twinning}/redigera`, {
      form: { ...base, ...partnerFields, 'event-0-kind': events[0]!.kind, 'event-0-decision': '', owner_unit_id: String(t.ownUnit.id), do: 'publish' },
    });
    expect(given.status).toBe(303);
    const live = await t.handle.db.selectFrom('partnerships').selectAll().where('id', '=', twinning).executeTakeFirstOrThrow();
    expect(Number(live.owner_unit_id)).toBe(t.ownUnit.id);
    expect(live.status).toBe('active');
    // The untouched event kept its exact dates and its source.
    const kept = await t.handle.db.selectFrom('partnership_events').selectAll().where('partnership_id', '=', twinning).execute();
    expect(kept.map((e) => [Number(e.id), e.date_from, e.date_to, e.source])).toEqual(events.map((e) => [Number(e.id), e.date_from, e.date_to, e.source]));

    // The unit editor changes the summary and adds an event: a draft, invisible to the public.
    const before = await publicPage();
    const form2 = decode(await (await t.request(t.users.unit_editor, `/admin/arvika/samarbeten/${twinning}/redigera`)).text());
    const version2 = /name="version" value="([^"]*)"/.exec(form2)![1]!;
    const edit = {
      ...base,
      ...partnerFields,
      version: version2,
      owner_unit_id: String(t.ownUnit.id),
      summary_sv: 'Ny sammanfattning från enheten.',
      'event-0-kind': events[0]!.kind,
      'event-0-decision': '',
      'event-1-kind': 'evaluated',
      'event-1-date': 'maj 2024',
      'event-1-description_sv': 'Samarbetet utvärderades.',
      'event-1-description_en': '',
      'event-1-place': 'Arvika',
      'event-1-decision': '',
      do: 'submit',
    };
    const saved = await t.request(t.users.unit_editor, `/admin/arvika/samarbeten/${twinning}/redigera`, { form: edit });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toContain('klart=submitted');
    expect(await publicPage()).toBe(before);
    expect((await t.handle.db.selectFrom('partnerships').select('summary_sv').where('id', '=', twinning).executeTakeFirstOrThrow()).summary_sv).toBe(live.summary_sv);
    const rev = await t.handle.db.selectFrom('revisions').selectAll().where('entity', '=', 'partnership').where('entity_id', '=', twinning).where('state', '=', 'in_review').executeTakeFirstOrThrow();
    expect(JSON.parse(rev.data).summary_sv).toBe('Ny sammanfattning från enheten.');
    // The review queue knows partnerships: their title, and the changes field by field with names.
    const queue = decode(await (await t.request(t.users.coordinator, '/admin/arvika/granskning')).text());
    expect(queue).toContain('Vänortssamarbetet Arvika–Ylöjärvi–Skive–Kongsvinger');
    const item = decode(await (await t.request(t.users.coordinator, `/admin/arvika/granskning/${rev.id}`)).text());
    expect(item).toContain('Ny sammanfattning från enheten.');
    expect(item).toContain('maj 2024 – Utvärdering: Samarbetet utvärderades. (Arvika)');
    expect(item).toContain(`/admin/arvika/samarbeten/${twinning}`);
    // The unit editor cannot publish it.
    expect((await t.request(t.users.unit_editor, `/admin/arvika/samarbeten/${twinning}/publicera`, { form: {} })).status).toBe(403);
    // The admin page shows the working copy and the review actions to the coordinator.
    const page = await (await t.request(t.users.coordinator, `/admin/arvika/samarbeten/${twinning}`)).text();
    expect(page).toContain('Ny sammanfattning från enheten.');
    expect(page).toContain('Ändringarna väntar på granskning.');
    expect(page).toContain('/skicka-tillbaka');
    // Sending back needs a comment; the typed comment is kept.
    const noComment = await t.request(t.users.coordinator, `/admin/arvika/samarbeten/${twinning}/skicka-tillbaka`, { form: { comment: '  ', revision: String(rev.id) } });
    expect(noComment.status).toBe(400);
    expect(await noComment.text()).toContain('href="#comment"');
    const back = await t.request(t.users.coordinator, `/admin/arvika/samarbeten/${twinning}/skicka-tillbaka`, { form: { comment: 'Skriv även på engelska.', revision: String(rev.id), revision_at: rev.updated_at } });
    expect(back.status).toBe(303);
    const returned = await (await t.request(t.users.unit_editor, `/admin/arvika/samarbeten/${twinning}`)).text();
    expect(returned).toContain('Skriv även på engelska.');
    // Reopened (the form now carries the open revision's version), changed, submitted again, then published.
    const form3 = decode(await (await t.request(t.users.unit_editor, `/admin/arvika/samarbeten/${twinning}/redigera`)).text());
    expect(form3).toContain('Samarbetet utvärderades.</textarea>');
    expect(form3).toContain('value="maj 2024"');
    const version3 = /name="version" value="([^"]*)"/.exec(form3)![1]!;
    const resaved = await t.request(t.users.unit_editor, `/admin/arvika/samarbeten/${twinning}/redigera`, {
      form: { ...edit, version: version3, 'event-1-id': /name="event-1-id" value="([^"]*)"/.exec(form3)?.[1] ?? '', 'event-1-description_en': 'The partnership was evaluated.', do: 'save' },
    });
    expect(resaved.status).toBe(303);
    expect((await t.request(t.users.unit_editor, `/admin/arvika/samarbeten/${twinning}/skicka`, { form: {} })).status).toBe(303);
    const rev2 = await t.handle.db.selectFrom('revisions').selectAll().where('entity', '=', 'partnership').where('entity_id', '=', twinning).where('state', '=', 'in_review').executeTakeFirstOrThrow();
    // A stale publish button (older revision time) is refused.
    expect((await t.request(t.users.coordinator, `/admin/arvika/samarbeten/${twinning}/publicera`, { form: { revision: String(rev2.id), revision_at: '2000-01-01T00:00:00.000Z' } })).status).toBe(409);
    expect((await t.request(t.users.coordinator, `/admin/arvika/samarbeten/${twinning}/publicera`, { form: { revision: String(rev2.id), revision_at: rev2.updated_at } })).status).toBe(303);
    const after = await publicPage();
    expect(after).toContain('Ny sammanfattning från enheten.');
    expect(after).toContain('maj 2024');
    expect(after).toContain('1940-talet–1950-talet');
  });

  it('the form cannot make a partnership active or ended; dormant may be set', async () => {
    const before = await count('partnerships');
    const res = await t.request(t.users.coordinator, '/admin/arvika/samarbeten/ny', { form: newForm({ status: 'active' }) });
    expect(res.status).toBe(400);
    const html = decode(await res.text());
    expect(html).toContain('Ett samarbete blir aktivt först när bedömningen är klar');
    expect(html).toContain('href="#status"');
    expect(await count('partnerships')).toBe(before);
    // The form of a proposed partnership does not even offer "active".
    const created = await t.request(t.users.coordinator, '/admin/arvika/samarbeten/ny', { form: newForm({ title_sv: 'Föreslaget samarbete' }) });
    const id = idFrom(created);
    const form = await (await t.request(t.users.coordinator, `/admin/arvika/samarbeten/${id}/redigera`)).text();
    expect(form).not.toContain('value="active"');
    expect(form).toContain(`/admin/arvika/samarbeten/${id}`);
    const version = /name="version" value="([^"]*)"/.exec(form)![1]!;
    const again = await t.request(t.users.coordinator, `/admin/arvika/samarbeten/${id}/redigera`, { form: newForm({ title_sv: 'Föreslaget samarbete', status: 'active', version, do: 'publish' }) });
    expect(again.status).toBe(400);
    expect((await t.handle.db.selectFrom('partnerships').select(['status', 'publication_state']).where('id', '=', id).executeTakeFirstOrThrow())).toEqual({ status: 'proposed', publication_state: 'draft' });
    const page = await (await t.request(t.users.coordinator, `/admin/arvika/samarbeten/${id}`)).text();
    expect(page).toContain(`/admin/arvika/samarbeten/${id}/aktivera`);
    // Ending needs a recorded decision (AR-9): only the ending page can do it.
    const ended = await t.request(t.users.coordinator, `/admin/arvika/samarbeten/${id}/redigera`, { form: newForm({ title_sv: 'Föreslaget samarbete', status: 'ended', version }) });
    expect(ended.status).toBe(400);
    expect(decode(await ended.text())).toContain('Ett samarbete avslutas bara med ett registrerat beslut');
    expect((await t.handle.db.selectFrom('partnerships').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('proposed');
    const dormant = await t.request(t.users.coordinator, `/admin/arvika/samarbeten/${id}/redigera`, { form: newForm({ title_sv: 'Föreslaget samarbete', status: 'dormant', version }) });
    expect(dormant.status).toBe(303);
    expect((await t.handle.db.selectFrom('partnerships').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('dormant');
  });

  it('reports every error at once, beside its field, and keeps every row typed', async () => {
    const before = await Promise.all([count('partnerships'), count('partnership_events'), count('partnership_partners')]);
    const res = await t.request(t.users.coordinator, '/admin/arvika/samarbeten/ny', {
      form: newForm({
        kind: 'alliance',
        title_sv: '',
        cooperation_areas: ['youth', 'astrology'],
        owner_unit_id: String(org.ylo),
        'partner-0': String(org.skive),
        'partner-1': String(org.skive),
        'partner-2': String(t.ownUnit.id),
        'event-0-date': 'någon gång',
        'event-1-kind': '',
        'event-1-description_sv': '',
        'event-2-place': 'Bara en plats',
      }),
    });
    expect(res.status).toBe(400);
    const html = decode(await res.text());
    const expected = ['kind', 'title_sv', 'cooperation_areas', 'owner_unit_id', 'partner-1', 'partner-2', 'event-0-date', 'event-1-kind', 'event-1-description_sv', 'event-2-kind', 'event-2-date', 'event-2-description_sv'];
    for (const f of expected) expect(html, f).toContain(`href="#${f}"`);
    expect(html).toContain('Organisationen finns redan med som partner.');
    expect(html).toContain('Skriv när händelse 1 inträffade');
    expect(html).toContain('value="någon gång"');
    expect(html).toContain('value="Bara en plats"');
    expect(html).toContain('Första kontakten vid ett besök.');
    expect(html).toContain('Varje kommun betalar sina resor.');
    expect(await Promise.all([count('partnerships'), count('partnership_events'), count('partnership_partners')])).toEqual(before);
    const none = await t.request(t.users.coordinator, '/en/admin/arvika/samarbeten/ny', { form: newForm({ 'partner-0': '', 'partner-1': '', 'partner-2': '' }) });
    expect(none.status).toBe(400);
    expect(await none.text()).toContain('Choose at least one partner organisation.');
  });

  it('adds a row without saving and keeps what was typed', async () => {
    const before = await count('partnerships');
    const res = await t.request(t.users.coordinator, '/admin/arvika/samarbeten/ny', { form: newForm({ do: 'add_event', title_sv: 'Halvfärdigt' }) });
    expect(res.status).toBe(200);
    const html = decode(await res.text());
    expect(html).toContain('value="Halvfärdigt"');
    expect(html).toContain('name="event-2-kind"');
    expect(html).toContain('name="event-3-kind"');
    expect(html).not.toContain('name="event-4-kind"');
    expect(await count('partnerships')).toBe(before);
  });

  it('edits and removes timeline events', async () => {
    const created = await t.request(t.users.coordinator, '/admin/arvika/samarbeten/ny', { form: newForm({ title_sv: 'Med historik' }) });
    const id = idFrom(created);
    const events = await t.handle.db.selectFrom('partnership_events').selectAll().where('partnership_id', '=', id).orderBy('date_from').execute();
    const form = decode(await (await t.request(t.users.coordinator, `/admin/arvika/samarbeten/${id}/redigera`)).text());
    const version = /name="version" value="([^"]*)"/.exec(form)![1]!;
    const decision = await t.handle.db
      .insertInto('decisions')
      .values({ municipality_id: t.arvikaId, body_id: null, delegate_role: null, decided_on: '2012-11-12', paragraph: '258', registry_number: 'KS 2012/77', subject_sv: 'Vänortsavtal', subject_en: null, outcome: 'approved', conditions_sv: null, source: null, created_at: new Date().toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const res = await t.request(t.users.coordinator, `/admin/arvika/samarbeten/${id}/redigera`, {
      form: newForm({
        title_sv: 'Med historik',
        version,
        'event-0-id': String(events[0]!.id),
        'event-0-kind': 'other',
        'event-0-date': '1940-talet–1950-talet',
        'event-0-description_sv': 'Kontakterna etablerades.',
        'event-0-remove': '1',
        'event-1-id': String(events[1]!.id),
        'event-1-kind': 'agreement_signed',
        'event-1-date': '12 november 2012',
        'event-1-description_sv': 'Avtalet undertecknades.',
        'event-1-decision': String(decision.id),
      }),
    });
    expect(res.status).toBe(303);
    const after = await t.handle.db.selectFrom('partnership_events').selectAll().where('partnership_id', '=', id).execute();
    expect(after).toHaveLength(1);
    expect(Number(after[0]!.id)).toBe(Number(events[1]!.id));
    expect(after[0]).toMatchObject({ kind: 'agreement_signed', date_from: '2012-11-12', date_to: '2012-11-12', date_precision: 'day' });
    expect(Number(after[0]!.decision_id)).toBe(Number(decision.id));
    const page = await (await t.request(t.users.coordinator, `/admin/arvika/samarbeten/${id}`)).text();
    expect(page).toContain('12 november 2012');
    expect(page).toContain('§ 258');
    // A decision of another municipality is not accepted.
    const aleDecision = await t.handle.db
      .insertInto('decisions')
      .values({ municipality_id: t.aleId, body_id: null, delegate_role: null, decided_on: '2012-01-01', paragraph: '1', registry_number: 'KS 2012/1', subject_sv: 'Ale', subject_en: null, outcome: 'approved', conditions_sv: null, source: null, created_at: new Date().toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const bad = await t.request(t.users.coordinator, `/admin/arvika/samarbeten/${id}/redigera`, { form: newForm({ title_sv: 'Med historik', 'event-0-decision': String(aleDecision.id) }) });
    expect(bad.status).toBe(400);
  });

  it('a unit editor adds partnerships only for their own unit', async () => {
    const notOwn = await t.request(t.users.unit_editor, '/admin/arvika/samarbeten/ny', { form: newForm({ owner_unit_id: String(t.otherUnit.id) }) });
    expect(notOwn.status).toBe(400);
    expect(decode(await notOwn.text())).toContain('Välj en enhet som du är redaktör för.');
    const none = await t.request(t.users.unit_editor, '/admin/arvika/samarbeten/ny', { form: newForm({ owner_unit_id: '' }) });
    expect(none.status).toBe(400);
    const own = await t.request(t.users.unit_editor, '/admin/arvika/samarbeten/ny', { form: newForm({ owner_unit_id: String(t.ownUnit.id), title_sv: 'Enhetens samarbete', do: 'submit' }) });
    expect(own.status).toBe(303);
    const id = idFrom(own);
    expect((await t.handle.db.selectFrom('partnerships').select('publication_state').where('id', '=', id).executeTakeFirstOrThrow()).publication_state).toBe('in_review');
    // Hand-made "save and publish" by a unit editor: refused before anything is written.
    const before = await count('partnerships');
    expect((await t.request(t.users.unit_editor, '/admin/arvika/samarbeten/ny', { form: newForm({ owner_unit_id: String(t.ownUnit.id), do: 'publish' }) })).status).toBe(403);
    expect(await count('partnerships')).toBe(before);
    // The ARKO network has no owner unit: the unit editor may look but not edit.
    const arko = Number((await t.handle.db.selectFrom('partnerships').select('id').where('title_sv', '=', 'Samverkan inom ARKO').executeTakeFirstOrThrow()).id);
    expect((await t.request(t.users.unit_editor, `/admin/arvika/samarbeten/${arko}`)).status).toBe(200);
    expect((await t.request(t.users.unit_editor, `/admin/arvika/samarbeten/${arko}/redigera`)).status).toBe(403);
  });

  it('another municipality’s partnership is 404 for every action', async () => {
    const ale = Number((await t.handle.db.selectFrom('partnerships').select('id').where('municipality_id', '=', t.aleId).executeTakeFirstOrThrow()).id);
    expect((await t.request(t.users.coordinator, `/admin/arvika/samarbeten/${ale}`)).status).toBe(404);
    expect((await t.request(t.users.coordinator, `/admin/arvika/samarbeten/${ale}/redigera`)).status).toBe(404);
    for (const action of ['redigera', 'skicka', 'publicera', 'skicka-tillbaka', 'kasta']) {
      expect((await t.request(t.users.coordinator, `/admin/arvika/samarbeten/${ale}/${action}`, { form: newForm({ comment: 'x' }) })).status, action).toBe(404);
    }
    expect((await t.request(t.users.other_coordinator, `/admin/arvika/samarbeten/${twinning}`)).status).toBe(404);
    expect((await t.request(t.users.coordinator, '/admin/ale/samarbeten')).status).toBe(404);
  });
});
