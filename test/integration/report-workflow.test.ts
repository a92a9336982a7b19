/**
 * The half-year report's workflow in the back office (issue 5 §1), on SQLite and PostgreSQL: the
 * follow-up settings; a draft for the last finished half-year; each unit editor comments on their
 * own section (and only theirs) and marks it ready; a stale form writes nothing; the coordinator
 * sets the structure and the summary and finalises: a registry number, three archived documents
 * and one e-mail with the Word and PDF attached, received by a loopback SMTP server. Then the data
 * change, and the finalised report does not: page, documents (byte for byte) and snapshot stay as
 * they were, every POST that would change it answers 409 and writes nothing, while the next
 * period's draft shows the new data and starts from the first report's structure.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInSweden } from '../../src/features/decisions/registry.js';
import { defaultTitle } from '../../src/features/reports/data.js';
import { reportDueItems } from '../../src/features/reports/due.js';
import { halfYearOf, previousHalfYear } from '../../src/features/reports/period.js';
import { addDays } from '../../src/features/strategy/progress/cycles.js';
import { type AdminTestApp, createAdminTestApp, createUser, type TestUser } from '../support/admin.js';
import { parseFullMail, startTestSmtp } from '../support/auth-mail.js';
import { availableDatabases } from '../support/databases.js';
import { decode } from '../support/html.js';

const kinds = await availableDatabases();
const TS = '2026-01-01T00:00:00.000Z';

/** The last finished half-year (the draft's default) and the current one (the "next period"). */
const CURRENT = halfYearOf(todayInSweden());
const FIRST = previousHalfYear(CURRENT);
const NEXT = CURRENT;
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe.each(kinds)('the half-year report from draft to e-mail on %s', (kind) => {
  let t: AdminTestApp;
  let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
  let otherEditor: TestUser;
  let reportId: number;
  let nextId: number;
  let projectA: number;
  const base = '/admin/arvika/halvarsrapporter';

  beforeAll(async () => {
    t = await createAdminTestApp(kind);
    smtp = await startTestSmtp();
    // The app reads its configuration per request: point its mail at the loopback server.
    t.config.mail = { smtpUrl: smtp.url, from: 'Utblick <utblick@test.example>' };
    otherEditor = await createUser(t, { email: 'redaktor2@arvika.example.se', name: 'Olle Annan', role: 'unit_editor', municipalityId: t.arvikaId, units: [t.otherUnit.id] });
    const db = t.handle.db;
    const project = async (title: string, unit: number, start: string, end: string, euMinor: number) => {
      const id = Number(
        (
          await db
            .insertInto('projects')
            .values({ municipality_id: t.arvikaId, kind: 'project', title_sv: title, title_en: null, summary_sv: null, summary_en: null, owner_unit_id: unit, municipality_role: 'lead', programme_id: null, status: 'ongoing', lifecycle: 'ongoing', start_date: start, end_date: end, year: null, participants_total: null, participants_youth: null, budget_sek_minor: null, publication_state: 'published', published_at: TS, search_text: title.toLowerCase(), source: 'test', created_at: TS, updated_at: TS })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
      );
      await db.insertInto('project_funding').values({ project_id: id, kind: 'eu_grant', programme_id: null, source_name: 'Interreg Sverige–Norge', amount_minor: euMinor, currency: 'SEK', staff_hours: null, note_sv: null, source: null }).execute();
      return id;
    };
    projectA = await project('Elevutbyte med Ylöjärvi', t.ownUnit.id, FIRST.start, addDays(NEXT.end, 200), 12_345_600);
    await project('Kulturnätverk Värmland–Akershus', t.otherUnit.id, FIRST.start, FIRST.end, 500_000);
  }, 120_000);
  afterAll(async () => {
    await smtp?.close();
    await t?.close();
  });

  const get = (user: TestUser, path: string) => t.request(user, path);
  const post = (user: TestUser, path: string, form: Record<string, string | string[]> = {}) => t.request(user, path, { form });
  const report = () => t.handle.db.selectFrom('half_year_reports').selectAll().where('id', '=', reportId).executeTakeFirstOrThrow();
  const sections = (id = reportId) => t.handle.db.selectFrom('half_year_report_sections').selectAll().where('report_id', '=', id).orderBy('position').execute();
  const auditCount = async () => Number((await t.handle.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('saves the follow-up settings, refusing bad input with every error at once', async () => {
    const settingsBefore = await t.handle.db.selectFrom('municipality_settings').selectAll().where('municipality_id', '=', t.arvikaId).executeTakeFirst();
    const bad = await post(t.users.coordinator, '/admin/arvika/installningar/uppfoljning', { report_recipients: 'ks@arvika.example.se\nKommunstyrelsen', report_sections_due_days: '-1', report_due_days: 'fyrtio', partnership_evaluation_months: '0', reminder_days_before: '91' });
    expect(bad.status).toBe(400);
    const html = decode(await bad.text());
    for (const message of [
      'Rad 2 är inte en e-postadress',
      'Ange dagarna för förvaltningarnas avsnitt som ett heltal från 0 till 365.',
      'Ange dagarna för rapporten som ett heltal från 0 till 365.',
      'Ange månaderna mellan utvärderingarna som ett heltal från 1 till 120.',
      'Ange dagarna före sista dag som ett heltal från 0 till 90.',
    ])
      expect(html).toContain(message);
    expect(html).toContain('Kommunstyrelsen'); // what was typed is given back
    expect(await t.handle.db.selectFrom('municipality_settings').selectAll().where('municipality_id', '=', t.arvikaId).executeTakeFirst()).toEqual(settingsBefore);
    expect((await post(t.users.coordinator, '/admin/arvika/installningar/uppfoljning', { report_recipients: 'x@y.se', report_sections_due_days: '50', report_due_days: '40', partnership_evaluation_months: '48', reminder_days_before: '14' })).status).toBe(400);
    expect((await post(t.users.unit_editor, '/admin/arvika/installningar/uppfoljning', { report_recipients: '' })).status).toBe(403);

    const ok = await post(t.users.coordinator, '/admin/arvika/installningar/uppfoljning', {
      report_recipients: 'Kommunstyrelsens registratur <ks@arvika.example.se>\n\nchef.bildning@arvika.example.se',
      report_sections_due_days: '20',
      report_due_days: '40',
      partnership_evaluation_months: '36',
      reminder_days_before: '10',
    });
    expect(ok.status).toBe(303);
    const saved = await t.handle.db.selectFrom('municipality_settings').selectAll().where('municipality_id', '=', t.arvikaId).executeTakeFirstOrThrow();
    expect(saved.report_recipients).toBe('Kommunstyrelsens registratur <ks@arvika.example.se>\nchef.bildning@arvika.example.se');
    expect([saved.report_sections_due_days, saved.report_due_days, saved.partnership_evaluation_months, saved.reminder_days_before].map(Number)).toEqual([20, 40, 36, 10]);
    const entry = await t.handle.db.selectFrom('audit_log').selectAll().where('entity', '=', 'municipality_settings').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(JSON.parse(entry.after_data!)).toMatchObject({ reportDueDays: 40, reminderDaysBefore: 10 });
    // The municipality's settings page links here.
    expect(await (await get(t.users.coordinator, '/admin/arvika/installningar')).text()).toContain('href="/admin/arvika/installningar/uppfoljning"');
  });

  it('starts a draft for the last finished half-year, once', async () => {
    const list = decode(await (await get(t.users.coordinator, base)).text());
    expect(list).toMatch(new RegExp(`<option value="${FIRST.key}" selected`));
    expect(decode(await (await get(t.users.reader, base)).text())).not.toContain('name="period"');
    expect((await post(t.users.unit_editor, base, { period: FIRST.key })).status).toBe(403);
    expect((await post(t.users.coordinator, base, { period: '1999H1' })).status).toBe(400);

    const res = await post(t.users.coordinator, base, { period: FIRST.key });
    expect(res.status).toBe(303);
    reportId = Number(/\/halvarsrapporter\/(\d+)\?klart=created$/.exec(res.headers.get('location') ?? '')?.[1]);
    const r = await report();
    expect(r).toMatchObject({ period: FIRST.key, status: 'draft', title_sv: defaultTitle(FIRST, 'sv'), previous_report_id: null, sections_due_on: addDays(FIRST.end, 20), due_on: addDays(FIRST.end, 40) });
    // Both units own a project, so both have a section.
    const units = (await sections()).map((s) => Number(s.unit_id));
    expect(units).toEqual(expect.arrayContaining([t.ownUnit.id, t.otherUnit.id]));

    const again = await post(t.users.coordinator, base, { period: FIRST.key });
    expect(again.status).toBe(400);
    const html = decode(await again.text());
    expect(html).toContain(`Det finns redan en halvårsrapport för ${FIRST.half === 1 ? 'första' : 'andra'} halvåret ${FIRST.year}.`);
    expect(html).toContain(`href="${base}/${reportId}"`);
    expect(Number((await t.handle.db.selectFrom('half_year_reports').select((eb) => eb.fn.countAll().as('n')).where('municipality_id', '=', t.arvikaId).executeTakeFirstOrThrow()).n)).toBe(1);
  });

  it('lets the coordinator choose sections, order, headings and units', async () => {
    const page = decode(await (await get(t.users.coordinator, `${base}/${reportId}/struktur`)).text());
    const version = /name="version" value="(\d+)"/.exec(page)![1]!;
    const form: Record<string, string> = { version };
    const order = ['projects', 'summary', 'funding', 'units', 'decisions', 'partnerships', 'goals', 'overdue', 'budget'];
    order.forEach((key, i) => {
      form[`order_${key}`] = String(i + 1);
      if (key !== 'budget') form[`include_${key}`] = '1';
    });
    form.heading_sv_projects = 'Våra projekt';
    form[`unit_${t.otherUnit.id}`] = '1';
    form[`unit_order_${t.otherUnit.id}`] = '1';
    form[`unit_${t.ownUnit.id}`] = '1';
    form[`unit_order_${t.ownUnit.id}`] = '2';
    const bad = await post(t.users.coordinator, `${base}/${reportId}/struktur`, { ...form, order_funding: 'tre', heading_sv_goals: 'x'.repeat(121) });
    expect(bad.status).toBe(400);
    expect(decode(await bad.text())).toContain('Ordningen för Finansiering ska vara ett heltal från 1 till 99.');
    expect((await post(t.users.coordinator, `${base}/${reportId}/struktur`, form)).status).toBe(303);
    const structure = JSON.parse((await report()).structure);
    expect(structure.sections.map((s: { key: string }) => s.key)).toEqual(order);
    expect(structure.sections.find((s: { key: string }) => s.key === 'budget').included).toBe(false);
    expect(structure.sections[0]).toEqual({ key: 'projects', included: true, heading_sv: 'Våra projekt', heading_en: null });
    expect(structure.unitIds).toEqual([t.otherUnit.id, t.ownUnit.id]);
    expect((await sections()).map((s) => Number(s.unit_id))).toEqual([t.otherUnit.id, t.ownUnit.id]);
    // The same form again is stale now: nothing is written.
    const before = await report();
    expect((await post(t.users.coordinator, `${base}/${reportId}/struktur`, { ...form, heading_sv_projects: 'Inaktuellt' })).status).toBe(409);
    expect(await report()).toEqual(before);
  });

  it('lets a unit editor comment on their own section only, and mark it ready', async () => {
    const own = `${base}/${reportId}/avsnitt/${t.ownUnit.id}`;
    const other = `${base}/${reportId}/avsnitt/${t.otherUnit.id}`;
    const page = await get(t.users.unit_editor, own);
    expect(page.status).toBe(200);
    const html = decode(await page.text());
    expect(html).toContain('Elevutbyte med Ylöjärvi');
    expect(html).not.toContain('Kulturnätverk Värmland–Akershus');
    const version = /name="version" value="(\d+)"/.exec(html)![1]!;

    expect((await get(t.users.unit_editor, other)).status).toBe(403);
    expect((await post(t.users.unit_editor, other, { comment: 'Inte min', action: 'save', version: '1' })).status).toBe(403);
    expect((await post(t.users.reader, own, { comment: 'Läsare', action: 'save', version })).status).toBe(403);
    expect((await post(t.users.other_coordinator, own, { comment: 'Ale', action: 'save', version })).status).toBe(404);

    const empty = await post(t.users.unit_editor, own, { comment: '  ', action: 'ready', version });
    expect(empty.status).toBe(400);
    expect(decode(await empty.text())).toContain('Skriv en kommentar innan du markerar avsnittet som klart.');

    expect((await post(t.users.unit_editor, own, { comment: 'Första utkastet.', action: 'save', version })).status).toBe(303);
    const stale = await post(t.users.unit_editor, own, { comment: 'Från en gammal flik.', action: 'ready', version });
    expect(stale.status).toBe(409);
    const staleHtml = decode(await stale.text());
    expect(staleHtml).toContain('Någon annan har ändrat avsnittet');
    expect(staleHtml).toContain('Från en gammal flik.');
    let row = (await sections()).find((s) => Number(s.unit_id) === t.ownUnit.id)!;
    expect([row.comment_sv, row.ready_at]).toEqual(['Första utkastet.', null]);

    const ready = await post(t.users.unit_editor, own, { comment: 'Tolv elever reste till Ylöjärvi i maj.\r\nUtbytet fortsätter i höst.', action: 'ready', version: String(row.version) });
    expect(ready.status).toBe(303);
    expect(ready.headers.get('location')).toBe(`${base}/${reportId}?klart=section_ready`);
    row = (await sections()).find((s) => Number(s.unit_id) === t.ownUnit.id)!;
    expect(row.comment_sv).toBe('Tolv elever reste till Ylöjärvi i maj.\nUtbytet fortsätter i höst.');
    expect(row.ready_at).not.toBeNull();
    expect(Number(row.ready_by)).toBe(t.users.unit_editor.id);

    const overview = decode(await (await get(t.users.coordinator, `${base}/${reportId}`)).text());
    expect(overview).toContain('1 av 2 förvaltningar klara');
    expect(overview).toContain('Erik Enhet');
  });

  it('refuses to finalise with a section not ready unless told to, and to remove a commented section unconfirmed', async () => {
    const counter = await t.handle.db.selectFrom('registry_counters').selectAll().where('municipality_id', '=', t.arvikaId).execute();
    const res = await post(t.users.coordinator, `${base}/${reportId}/slutfor`, {});
    expect(res.status).toBe(400);
    expect(decode(await res.text())).toContain('Kryssa i Slutför ändå');
    expect((await report()).status).toBe('draft');
    expect(await t.handle.db.selectFrom('registry_counters').selectAll().where('municipality_id', '=', t.arvikaId).execute()).toEqual(counter);

    const page = decode(await (await get(t.users.coordinator, `${base}/${reportId}/struktur`)).text());
    const form: Record<string, string> = { version: /name="version" value="(\d+)"/.exec(page)![1]! };
    for (const m of page.matchAll(/<input[^>]*name="((?:order|heading_sv|heading_en|unit_order)_[a-z0-9_]+)"[^>]*value="([^"]*)"/g)) form[m[1]!] = m[2]!;
    for (const m of page.matchAll(/name="((?:include|unit)_[a-z0-9]+)" value="1" checked/g)) form[m[1]!] = '1';
    delete form[`unit_${t.ownUnit.id}`];
    const refused = await post(t.users.coordinator, `${base}/${reportId}/struktur`, form);
    expect(refused.status).toBe(400);
    expect(decode(await refused.text())).toContain(`${t.ownUnit.name_sv} har en kommentar i rapporten.`);
    expect((await sections()).length).toBe(2);
  });

  it('lets the other unit editor and the coordinator finish their parts, and finalises and sends the report', async () => {
    const other = `${base}/${reportId}/avsnitt/${t.otherUnit.id}`;
    const version = /name="version" value="(\d+)"/.exec(decode(await (await get(otherEditor, other)).text()))![1]!;
    expect((await post(otherEditor, other, { comment: 'Nätverket höll två möten.', action: 'ready', version })).status).toBe(303);
    expect((await post(otherEditor, `${base}/${reportId}/avsnitt/${t.ownUnit.id}`, { comment: 'Nej', action: 'save', version: '1' })).status).toBe(403);

    const summaryPage = decode(await (await get(t.users.coordinator, `${base}/${reportId}/sammanfattning`)).text());
    const rv = /name="version" value="(\d+)"/.exec(summaryPage)![1]!;
    expect((await post(t.users.coordinator, `${base}/${reportId}/sammanfattning`, { title_sv: '', summary: 'x', version: rv })).status).toBe(400);
    expect((await post(t.users.coordinator, `${base}/${reportId}/sammanfattning`, { title_sv: defaultTitle(FIRST, 'sv'), title_en: '', summary: 'Arbetet gick enligt plan.', version: rv })).status).toBe(303);
    expect((await report()).summary_sv).toBe('Arbetet gick enligt plan.');

    const confirm = decode(await (await get(t.users.coordinator, `${base}/${reportId}/slutfor`)).text());
    expect(confirm).toContain('Alla förvaltningars avsnitt är klara.');
    expect(confirm).toContain('Kommunstyrelsens registratur <ks@arvika.example.se>');
    expect((await post(t.users.unit_editor, `${base}/${reportId}/slutfor`, {})).status).toBe(403);

    const done = await post(t.users.coordinator, `${base}/${reportId}/slutfor`, {});
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`${base}/${reportId}?klart=finalised`);
    const r = await report();
    const year = Number(todayInSweden().slice(0, 4));
    expect(r.status).toBe('finalised');
    expect(r.registry_number).toMatch(new RegExp(`^KS ${year}/[1-9][0-9]*$`));
    expect(r.finalised_on).toBe(todayInSweden());
    expect(Number(r.finalised_by)).toBe(t.users.coordinator.id);
    const snapshot = JSON.parse(r.snapshot!);
    expect(snapshot).toMatchObject({ status: 'finalised', registryNumber: r.registry_number, finalisedOn: r.finalised_on, summary: 'Arbetet gick enligt plan.', period: { key: FIRST.key } });
    // Its own deadline (long past) is not in its list of what is late: it is done.
    expect(snapshot.overdue.filter((d: { kind: string }) => d.kind === 'report' || d.kind === 'report_section')).toEqual([]);

    const files = await t.handle.db.selectFrom('half_year_report_files').selectAll().where('report_id', '=', reportId).orderBy('format').execute();
    expect(files.map((f) => f.format)).toEqual(['docx', 'html', 'pdf']);
    for (const f of files) {
      const bytes = new Uint8Array(f.content);
      expect(f.sha256).toBe(sha(bytes));
      expect(Number(f.size_bytes)).toBe(bytes.byteLength);
      expect(f.filename).toBe(`halvarsrapport-arvika-${FIRST.key}.${f.format}`);
    }
    const text = (f: (typeof files)[number]) => Buffer.from(f.content).toString('latin1');
    expect(text(files[0]!).startsWith('PK')).toBe(true);
    expect(text(files[2]!).startsWith('%PDF')).toBe(true);
    expect(Buffer.from(files[1]!.content).toString('utf8')).toContain('Tolv elever reste till Ylöjärvi i maj.');

    const [mail] = await smtp.waitFor(1);
    expect(mail!.to.sort()).toEqual(['chef.bildning@arvika.example.se', 'ks@arvika.example.se']);
    const full = await parseFullMail(mail!.raw);
    expect(full.subject).toBe(`Halvårsrapport ${FIRST.half === 1 ? 'första' : 'andra'} halvåret ${FIRST.year} – Arvika kommun (${r.registry_number})`);
    const names = full.attachments.map((a) => a.filename);
    expect(names).toEqual(expect.arrayContaining([`halvarsrapport-arvika-${FIRST.key}.docx`, `halvarsrapport-arvika-${FIRST.key}.pdf`]));
    const pdf = full.attachments.find((a) => a.filename?.endsWith('.pdf'))!;
    expect(pdf.content.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(sha(pdf.content)).toBe(files[2]!.sha256);
    expect(sha(full.attachments.find((a) => a.filename?.endsWith('.docx'))!.content)).toBe(files[0]!.sha256);
    expect(full.text).toContain(r.registry_number!);

    const sent = await report();
    expect(JSON.parse(sent.sent_to!)).toEqual(['ks@arvika.example.se', 'chef.bildning@arvika.example.se']);
    expect(sent.sent_at).not.toBeNull();
    const actions = (await t.handle.db.selectFrom('audit_log').select('action').where('entity', '=', 'half_year_report').where('entity_id', '=', String(reportId)).orderBy('id').execute()).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['create', 'update_structure', 'update_section', 'mark_section_ready', 'update', 'finalise', 'send']));

    const page = decode(await (await get(t.users.reader, `${base}/${reportId}`)).text());
    expect(page).toContain(`diarienummer ${r.registry_number}`);
    expect(page).toContain('Skickad till ks@arvika.example.se, chef.bildning@arvika.example.se');
  });

  it('keeps the finalised report as it was when the data change, and refuses every change to it', async () => {
    const db = t.handle.db;
    const paths = ['', `/halvarsrapport-arvika-${FIRST.key}.docx`, `/halvarsrapport-arvika-${FIRST.key}.pdf`, `/halvarsrapport-arvika-${FIRST.key}.html`, `/avsnitt/${t.ownUnit.id}`].map((p) => `${base}/${reportId}${p}`);
    const fetchAll = async () => Promise.all(paths.map(async (p) => Buffer.from(await (await get(t.users.coordinator, p)).arrayBuffer())));
    const before = await fetchAll();
    const rowBefore = await report();
    const filesBefore = await db.selectFrom('half_year_report_files').select(['format', 'sha256']).where('report_id', '=', reportId).orderBy('format').execute();
    expect(before[2]!.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(sha(before[2]!)).toBe(filesBefore.find((f) => f.format === 'pdf')!.sha256);

    // The data change: a project's funding, a new project, a section's comment behind the app's back.
    await db.updateTable('project_funding').set({ amount_minor: 99_900_000 }).where('project_id', '=', projectA).execute();
    await db
      .insertInto('projects')
      .values({ municipality_id: t.arvikaId, kind: 'project', title_sv: 'Nytt projekt efter slutförandet', title_en: null, summary_sv: null, summary_en: null, owner_unit_id: t.ownUnit.id, municipality_role: 'lead', programme_id: null, status: 'ongoing', lifecycle: 'ongoing', start_date: FIRST.start, end_date: NEXT.end, year: null, participants_total: null, participants_youth: null, budget_sek_minor: null, publication_state: 'published', published_at: TS, search_text: 'nytt', source: 'test', created_at: TS, updated_at: TS })
      .execute();
    await db.updateTable('half_year_report_sections').set({ comment_sv: 'Ändrad direkt i databasen.' }).where('report_id', '=', reportId).where('unit_id', '=', t.ownUnit.id).execute();

    const after = await fetchAll();
    for (const [i, p] of paths.entries()) expect(after[i]!.equals(before[i]!), p).toBe(true);
    const page = decode(after[0]!.toString('utf8'));
    expect(page).not.toContain('Nytt projekt efter slutförandet');
    expect(page).not.toContain('Ändrad direkt i databasen.');
    expect(decode(after[4]!.toString('utf8'))).toContain('Tolv elever reste till Ylöjärvi i maj.');
    expect(await report()).toEqual(rowBefore);

    // Every POST that would change it: 409, and nothing written.
    const audit = await auditCount();
    const sectionsBefore = await sections();
    const attempts: [string, Record<string, string>][] = [
      [`/avsnitt/${t.ownUnit.id}`, { comment: 'Efteråt', action: 'ready', version: String(sectionsBefore.find((s) => Number(s.unit_id) === t.ownUnit.id)!.version) }],
      [`/avsnitt/${t.ownUnit.id}/ater-oppna`, {}],
      ['/sammanfattning', { title_sv: 'Ny rubrik', summary: 'Efteråt', version: String(rowBefore.version) }],
      ['/struktur', { version: String(rowBefore.version), include_summary: '1', order_summary: '1' }],
      ['/slutfor', { anyway: '1' }],
    ];
    for (const [path, form] of attempts) {
      const res = await post(t.users.coordinator, `${base}/${reportId}${path}`, form);
      expect(res.status, path).toBe(409);
      expect(decode(await res.text())).toContain('Rapporten är slutförd och kan inte ändras.');
    }
    expect((await post(t.users.unit_editor, `${base}/${reportId}/avsnitt/${t.ownUnit.id}`, attempts[0]![1])).status).toBe(409);
    expect(await report()).toEqual(rowBefore);
    expect(await sections()).toEqual(sectionsBefore);
    expect(await auditCount()).toBe(audit);
    expect(await db.selectFrom('half_year_report_files').select(['format', 'sha256']).where('report_id', '=', reportId).orderBy('format').execute()).toEqual(filesBefore);
    for (const path of ['/sammanfattning', '/struktur', '/slutfor']) expect((await get(t.users.coordinator, `${base}/${reportId}${path}`)).status).toBe(409);
  });

  it('starts the next period from the first report’s structure, with the new data', async () => {
    const res = await post(t.users.coordinator, base, { period: NEXT.key });
    expect(res.status).toBe(303);
    nextId = Number(/\/halvarsrapporter\/(\d+)\?/.exec(res.headers.get('location') ?? '')?.[1]);
    const next = await t.handle.db.selectFrom('half_year_reports').selectAll().where('id', '=', nextId).executeTakeFirstOrThrow();
    const first = await report();
    expect(Number(next.previous_report_id)).toBe(reportId);
    expect(JSON.parse(next.structure).sections).toEqual(JSON.parse(first.structure).sections);
    expect((await sections(nextId)).map((s) => [Number(s.unit_id), s.comment_sv, s.ready_at])).toEqual([
      [t.otherUnit.id, null, null],
      [t.ownUnit.id, null, null],
    ]);
    const page = decode(await (await get(t.users.coordinator, `${base}/${nextId}`)).text());
    expect(page).toContain('Nytt projekt efter slutförandet');
    expect(page).toContain('Våra projekt');
    expect(page).toContain('0 av 2 förvaltningar klara');
    expect(page).toContain(`href="${base}/${reportId}"`); // the previous report
  });

  it('serves a draft’s documents rendered from live data, and 404 for other names', async () => {
    for (const [format, type, magic] of [
      ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'PK'],
      ['pdf', 'application/pdf', '%PDF'],
      ['html', 'text/html; charset=utf-8', '<!DOCTYPE html>'],
    ] as const) {
      const name = `halvarsrapport-arvika-${NEXT.key}.${format}`;
      const res = await get(t.users.reader, `${base}/${nextId}/${name}`);
      expect(res.status, format).toBe(200);
      expect(res.headers.get('content-type')).toBe(type);
      expect(res.headers.get('content-disposition')).toContain(`attachment; filename="${name}"`);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const body = Buffer.from(await res.arrayBuffer());
      expect(body.subarray(0, magic.length).toString('latin1').toUpperCase()).toBe(magic.toUpperCase());
      expect(res.headers.get('etag')).toBe(`"${sha(body)}"`);
    }
    const html = Buffer.from(await (await get(t.users.reader, `${base}/${nextId}/halvarsrapport-arvika-${NEXT.key}.html`)).arrayBuffer()).toString('utf8');
    expect(html).toContain('Nytt projekt efter slutförandet');
    expect((await get(t.users.reader, `${base}/${nextId}/halvarsrapport-arvika-${FIRST.key}.pdf`)).status).toBe(404);
    expect((await get(t.users.reader, `${base}/${nextId}/halvarsrapport-ale-${NEXT.key}.pdf`)).status).toBe(404);
    expect((await get(t.users.reader, `${base}/${nextId}/rapport.exe`)).status).toBe(404);
  });

  it('lists the draft’s deadlines: the report and each section not ready', async () => {
    const db = t.handle.db;
    const sectionsDue = addDays(NEXT.end, 20);
    const reportDue = addDays(NEXT.end, 40);
    const at = async (today: string) => (await reportDueItems(db, t.arvikaId, today)).map((d) => [d.kind, d.dueOn, d.state, d.unitId ?? null, d.path]);
    const path = `/arvika/halvarsrapporter/${nextId}`;
    // Nothing for the finalised report; reminder_days_before is 10.
    const sorted = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r)).sort();
    expect(sorted(await at(addDays(sectionsDue, -11)))).toEqual(
      sorted([
        ['report_section', sectionsDue, 'upcoming', t.otherUnit.id, `${path}/avsnitt/${t.otherUnit.id}`],
        ['report_section', sectionsDue, 'upcoming', t.ownUnit.id, `${path}/avsnitt/${t.ownUnit.id}`],
        ['report', reportDue, 'upcoming', null, path],
      ]),
    );
    expect((await at(addDays(sectionsDue, -10))).filter((d) => d[0] === 'report_section').map((d) => d[2])).toEqual(['due', 'due']);
    const items = await reportDueItems(db, t.arvikaId, addDays(sectionsDue, 1));
    expect(items.filter((d) => d.kind === 'report_section').map((d) => d.state)).toEqual(['overdue', 'overdue']);
    expect(items.find((d) => d.kind === 'report')!.state).toBe(addDays(sectionsDue, 1) >= addDays(reportDue, -10) ? 'due' : 'upcoming');
    expect(items.find((d) => d.unitId === t.ownUnit.id)!.title).toBe(`${defaultTitle(NEXT, 'sv')} – ${t.ownUnit.name_sv}`);

    // A section marked ready leaves the list.
    const own = `${base}/${nextId}/avsnitt/${t.ownUnit.id}`;
    const version = /name="version" value="(\d+)"/.exec(decode(await (await get(t.users.unit_editor, own)).text()))![1]!;
    expect((await post(t.users.unit_editor, own, { comment: 'Klart.', action: 'ready', version })).status).toBe(303);
    expect((await reportDueItems(db, t.arvikaId, sectionsDue)).filter((d) => d.kind === 'report_section').map((d) => d.unitId)).toEqual([t.otherUnit.id]);
  });

  it('keeps a report finalised when the mail cannot be sent, and sends it again on request', async () => {
    const working = t.config.mail;
    t.config.mail = { smtpUrl: 'smtp://127.0.0.1:9', from: 'Utblick <utblick@test.example>' };
    const mailsBefore = smtp.mails.length;
    const done = await post(t.users.coordinator, `${base}/${nextId}/slutfor`, { anyway: '1' });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`${base}/${nextId}?klart=finalised_not_sent`);
    const row = () => t.handle.db.selectFrom('half_year_reports').selectAll().where('id', '=', nextId).executeTakeFirstOrThrow();
    expect((await row()).status).toBe('finalised');
    expect([(await row()).sent_at, (await row()).sent_to]).toEqual([null, null]);
    const page = decode(await (await get(t.users.coordinator, `${base}/${nextId}?klart=finalised_not_sent`)).text());
    expect(page).toContain('Rapporten är slutförd men kunde inte skickas med e-post.');
    expect(page).toContain('Rapporten har inte skickats till mottagarna.');
    expect(page).toContain(`action="${base}/${nextId}/skicka"`);
    expect((await post(t.users.unit_editor, `${base}/${nextId}/skicka`)).status).toBe(403);

    t.config.mail = working;
    const again = await post(t.users.coordinator, `${base}/${nextId}/skicka`);
    expect(again.headers.get('location')).toBe(`${base}/${nextId}?klart=sent`);
    await smtp.waitFor(mailsBefore + 1);
    const full = await parseFullMail(smtp.mails[mailsBefore]!.raw);
    expect(full.attachments.map((a) => a.filename)).toEqual(expect.arrayContaining([`halvarsrapport-arvika-${NEXT.key}.pdf`]));
    expect((await row()).sent_at).not.toBeNull();
    expect(decode(await (await get(t.users.coordinator, `${base}/${nextId}`)).text())).not.toContain(`action="${base}/${nextId}/skicka"`);
  });
});
