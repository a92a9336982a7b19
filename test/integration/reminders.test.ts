/**
 * E-mail reminders and the weekly digest through a real SMTP server on loopback: who receives
 * what (a unit's editors their unit's items, coordinators everything, administrators what
 * concerns no unit; readers and disabled accounts nothing), each reminder once ever, the digest
 * once a week from Monday 06:00 Swedish time to those who have not turned it off (the form on
 * the account page, audited), retries after failed sending, taking over a run left unfinished,
 * and the reminders page. On SQLite and PostgreSQL alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/env.js';
import { recordAudit } from '../../src/features/audit/chain.js';
import { todayInSweden } from '../../src/features/decisions/registry.js';
import type { Mailer } from '../../src/features/mail/mailer.js';
import { allDueItems, decisionAwaitedItems } from '../../src/features/reminders/due.js';
import { runScheduledWork } from '../../src/features/reminders/scheduler.js';
import { type AdminTestApp, createAdminTestApp, createUser, type TestUser } from '../support/admin.js';
import { startTestSmtp } from '../support/auth-mail.js';
import { availableDatabases } from '../support/databases.js';
import { decode } from '../support/html.js';

const kinds = await availableDatabases();
const TS = '2026-01-01T00:00:00.000Z';

/** Monday 23 November 2026, 05:00 in Stockholm: before the digest's hour. */
const MONDAY_EARLY = new Date('2026-11-23T04:00:00Z');
/** The same Monday, 06:30 in Stockholm. */
const MONDAY_DIGEST = new Date('2026-11-23T05:30:00Z');
const TODAY = '2026-11-23';

describe.each(kinds)('reminders on %s', (kind) => {
  let t: AdminTestApp;
  let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
  let config: Config;
  let editorB: TestUser;
  let disabled: TestUser;
  const ids = { plan: 0, staleA: 0, staleB: 0, endingSoon: 0, endingLater: 0, fresh: 0, project: 0, partnership: 0 };
  const tick = (now: Date, mailer?: Mailer) => runScheduledWork({ db: t.handle.db, config, now, mailer });
  const mailsTo = (user: TestUser, from = 0) => smtp.mails.slice(from).filter((m) => m.to.includes(user.email));

  beforeAll(async () => {
    t = await createAdminTestApp(kind);
    smtp = await startTestSmtp();
    config = { ...t.config, mail: { smtpUrl: smtp.url, from: 'Utblick <utblick@test.example>' } };
    const db = t.handle.db;
    editorB = await createUser(t, { email: 'redaktor-b@arvika.example.se', name: 'Bo Bengtsson', role: 'unit_editor', municipalityId: t.arvikaId, units: [t.otherUnit.id] });
    await db.updateTable('users').set({ preferred_lang: 'en' }).where('id', '=', editorB.id).execute();
    disabled = await createUser(t, { email: 'avstangd@arvika.example.se', name: 'Dora Disabled', role: 'coordinator', municipalityId: t.arvikaId });
    await db.updateTable('users').set({ disabled_at: TS }).where('id', '=', disabled.id).execute();

    const strategy = await db
      .insertInto('strategies')
      .values({ municipality_id: t.arvikaId, title_sv: 'Påminnelsestrategi', title_en: null, vision_sv: null, vision_en: null, adopted_by: null, adopted_on: null, minute_paragraph: null, registry_number: null, responsibilities_sv: null, responsibilities_en: null, body_sv: null, summary_en: null, status: 'draft', superseded_by_id: null, source: null, created_at: TS, updated_at: TS })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Evaluated every other year from 2020-01-01: due 2022-01-01, long overdue.
    ids.plan = Number(
      (
        await db
          .insertInto('action_plans')
          .values({ municipality_id: t.arvikaId, strategy_id: Number(strategy.id), title_sv: 'Påminnelseplan', title_en: 'Reminder plan', period_start: '2020-01-01', period_end: '2099-12-31', status: 'active', evaluation_interval_months: 24, previous_plan_id: null, created_at: TS, updated_at: TS })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
    const measure = async (title: string, unit: number, end: string | null, progressAt: string | null) =>
      Number(
        (
          await db
            .insertInto('measures')
            .values({ municipality_id: t.arvikaId, plan_id: ids.plan, title_sv: title, title_en: null, description_sv: null, description_en: null, owner_unit_id: unit, start_date: '2020-01-01', end_date: end, status: 'ongoing', progress: 10, progress_updated_at: progressAt, created_at: TS, updated_at: TS })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
      );
    const recent = '2026-11-10T09:00:00.000Z';
    // Last report 2026-06-01 + 90 days: stale since 2026-08-30.
    ids.staleA = await measure('Åtgärd A utan lägesrapport', t.ownUnit.id, '2099-12-31', '2026-06-01T10:00:00.000Z');
    ids.staleB = await measure('Åtgärd B utan lägesrapport', t.otherUnit.id, '2099-12-31', '2026-06-01T10:00:00.000Z');
    // Ends in 10 days (within the 14 days of reminders) and in 20 days (not yet).
    ids.endingSoon = await measure('Åtgärd A slutar snart', t.ownUnit.id, '2026-12-03', recent);
    ids.endingLater = await measure('Åtgärd A slutar om tre veckor', t.ownUnit.id, '2026-12-13', recent);
    ids.fresh = await measure('Åtgärd A med färsk rapport', t.ownUnit.id, '2099-12-31', recent);
    ids.project = Number(
      (
        await db
          .insertInto('projects')
          .values({ municipality_id: t.arvikaId, kind: 'project', title_sv: 'Projekt som väntar på beslut', title_en: null, summary_sv: null, summary_en: null, owner_unit_id: t.ownUnit.id, municipality_role: 'partner', programme_id: null, status: 'applied', lifecycle: 'awaiting_decision', start_date: null, end_date: null, year: 2026, participants_total: null, participants_youth: null, budget_sek_minor: null, publication_state: 'draft', published_at: null, search_text: 'projekt som väntar', source: null, created_at: TS, updated_at: '2026-11-02T10:00:00.000Z' })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
    // Active since 2020 and never evaluated: 48 months after its start is 2024-01-01, before the end of
    // the previous term of office (2026-10-14), so it is overdue since then.
    ids.partnership = Number(
      (
        await db
          .insertInto('partnerships')
          .values({ municipality_id: t.arvikaId, kind: 'cooperation', title_sv: 'Samarbete att utvärdera', title_en: null, status: 'active', summary_sv: null, summary_en: null, cooperation_areas: '[]', financing_sv: null, financing_en: null, publication_state: 'draft', source: null, created_at: '2020-01-01T00:00:00.000Z', updated_at: TS, owner_unit_id: t.ownUnit.id })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
  }, 120_000);
  afterAll(async () => {
    await smtp?.close();
    await t?.close();
  });

  it('lists every kind of deadline: stale measures, decisions awaited, partnership evaluations, plan evaluations', async () => {
    const items = await allDueItems(t.handle.db, t.arvikaId, TODAY, { measureHorizonDays: null });
    const find = (k: string, id: number) => items.find((i) => i.kind === k && i.recordId === id);
    expect(find('measure_stale', ids.staleA)).toMatchObject({ dueOn: '2026-08-30', state: 'overdue', unitId: t.ownUnit.id, planTitle: 'Påminnelseplan', path: `/arvika/handlingsplaner/${ids.plan}/atgarder/${ids.staleA}` });
    expect(find('measure_stale', ids.staleB)).toMatchObject({ unitId: t.otherUnit.id });
    for (const id of [ids.fresh, ids.endingSoon, ids.endingLater]) expect(find('measure_stale', id)).toBeUndefined();
    // No audit entry of the submission: the day of the project's last change.
    expect(find('decision_awaited', ids.project)).toMatchObject({ dueOn: '2026-11-02', state: 'due', unitId: t.ownUnit.id, path: `/arvika/projekt/${ids.project}/beslutsvag` });
    expect(find('partnership_evaluation', ids.partnership)).toMatchObject({ dueOn: '2026-10-14', state: 'overdue', unitId: t.ownUnit.id });
    expect(find('plan_evaluation', ids.plan)).toMatchObject({ dueOn: '2022-01-01', state: 'overdue' });
    expect(find('plan_evaluation', ids.plan)?.unitId ?? null).toBeNull();
    // Sorted by date.
    expect(items.map((i) => i.dueOn)).toEqual(items.map((i) => i.dueOn).sort());
    // A larger staleness limit: the measures are not stale yet on this day (2026-06-01 + 200 days = 2026-12-18).
    await t.handle.db.insertInto('municipality_settings').values({ municipality_id: t.arvikaId, stale_after_days: 200, updated_at: TS }).onConflict((oc) => oc.column('municipality_id').doUpdateSet({ stale_after_days: 200 })).execute();
    try {
      expect((await allDueItems(t.handle.db, t.arvikaId, TODAY)).some((i) => i.kind === 'measure_stale' && i.recordId === ids.staleA)).toBe(false);
    } finally {
      await t.handle.db.updateTable('municipality_settings').set({ stale_after_days: 90 }).where('municipality_id', '=', t.arvikaId).execute();
    }
  });

  it('a decision is awaited since the project was sent for decision, by the audit trail', async () => {
    const db = t.handle.db;
    const other = await db
      .insertInto('projects')
      .values({ municipality_id: t.aleId, kind: 'project', title_sv: 'Ales väntande projekt', title_en: null, summary_sv: null, summary_en: null, owner_unit_id: null, municipality_role: 'partner', programme_id: null, status: 'applied', lifecycle: 'awaiting_decision', start_date: null, end_date: null, year: 2026, participants_total: null, participants_youth: null, budget_sek_minor: null, publication_state: 'draft', published_at: null, search_text: 'ales', source: null, created_at: TS, updated_at: TS })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(other.id);
    await db.transaction().execute((trx) => recordAudit(trx, { municipalityId: t.aleId, actor: { userId: null, label: 'test' }, action: 'lifecycle.submit_for_decision', entity: 'project', entityId: id, before: { lifecycle: 'assessment' }, after: { lifecycle: 'awaiting_decision' } }));
    const at = (await db.selectFrom('audit_log').select('at').where('entity', '=', 'project').where('entity_id', '=', String(id)).executeTakeFirstOrThrow()).at;
    const items = await decisionAwaitedItems(db, t.aleId, 'ale');
    expect(items.find((i) => i.recordId === id)).toMatchObject({ dueOn: todayInSweden(new Date(at)), unitId: null, municipalityId: t.aleId });
    await db.deleteFrom('projects').where('id', '=', id).execute();
  });

  it('sends each person one mail with their own new reminders, and nothing the second time', async () => {
    const first = await tick(MONDAY_EARLY);
    expect(first.ran).toBe(true);
    expect(first.digest).toMatchObject({ runKey: null, claimed: false, sent: 0 });
    expect(first.reminders.failed).toBe(0);
    expect(first.reminders.mails).toBe(smtp.mails.length);

    const [coordinatorMail, ...moreCoordinator] = mailsTo(t.users.coordinator);
    expect(moreCoordinator).toHaveLength(0);
    expect(coordinatorMail!.subject).toMatch(/^Påminnelse från Utblick: \d+ saker att göra$/);
    for (const title of ['Åtgärd A utan lägesrapport', 'Åtgärd B utan lägesrapport', 'Åtgärd A slutar snart', 'Projekt som väntar på beslut', 'Samarbete att utvärdera', 'Utvärdering av handlingsplanen: Påminnelseplan']) {
      expect(coordinatorMail!.text).toContain(title);
    }
    expect(coordinatorMail!.text).not.toContain('Åtgärd A slutar om tre veckor');
    expect(coordinatorMail!.text).not.toContain('Åtgärd A med färsk rapport');
    expect(coordinatorMail!.text).toContain(`Öppna: ${t.config.baseUrl}/admin/arvika/handlingsplaner/${ids.plan}/atgarder/${ids.staleA}`);
    expect(coordinatorMail!.text).toContain(`Öppna: ${t.config.baseUrl}/admin/arvika/projekt/${ids.project}/beslutsvag`);

    // Unit A's editor: unit A's measures, project and partnership; not unit B's, nor the plan's evaluation.
    const [editorMail, ...moreEditor] = mailsTo(t.users.unit_editor);
    expect(moreEditor).toHaveLength(0);
    for (const title of ['Åtgärd A utan lägesrapport', 'Åtgärd A slutar snart', 'Projekt som väntar på beslut', 'Samarbete att utvärdera']) expect(editorMail!.text).toContain(title);
    expect(editorMail!.text).not.toContain('Åtgärd B utan lägesrapport');
    expect(editorMail!.text).not.toContain('Utvärdering av handlingsplanen');

    // Unit B's editor, in English.
    const [bMail, ...moreB] = mailsTo(editorB);
    expect(moreB).toHaveLength(0);
    expect(bMail!.subject).toMatch(/^Reminder from Utblick: /);
    expect(bMail!.text).toContain('Hello Bo Bengtsson,');
    expect(bMail!.text).toContain('Åtgärd B utan lägesrapport');
    expect(bMail!.text).toContain(`Open: ${t.config.baseUrl}/en/admin/arvika/handlingsplaner/${ids.plan}/atgarder/${ids.staleB}`);
    expect(bMail!.text).not.toContain('Åtgärd A');

    // The administrator: what concerns no unit.
    const [adminMail, ...moreAdmin] = mailsTo(t.users.municipal_admin);
    expect(moreAdmin).toHaveLength(0);
    expect(adminMail!.text).toContain('Utvärdering av handlingsplanen: Påminnelseplan');
    expect(adminMail!.text).not.toContain('Åtgärd A utan lägesrapport');

    // Readers, disabled accounts and the platform administrator (no role) get nothing; Ale's coordinator nothing of Arvika's.
    for (const user of [t.users.reader, disabled, t.users.platform_admin]) expect(mailsTo(user)).toHaveLength(0);
    for (const m of mailsTo(t.users.other_coordinator)) expect(m.text).not.toContain('Påminnelseplan');
    // One mail per person.
    const recipients = smtp.mails.map((m) => m.to.join(','));
    expect(new Set(recipients).size).toBe(recipients.length);

    const sent = smtp.mails.length;
    const second = await tick(MONDAY_EARLY);
    expect(second.reminders).toEqual({ mails: 0, reminders: 0, failed: 0 });
    expect(smtp.mails.length).toBe(sent);

    // A week later (Monday 05:00, before the digest) the measure ending on 13 December is within 14 days: only that is new.
    const later = await tick(new Date('2026-11-30T04:00:00Z'));
    expect(later.digest.claimed).toBe(false);
    const newMails = smtp.mails.slice(sent);
    expect(later.reminders.mails).toBe(newMails.length);
    const editorNew = newMails.filter((m) => m.to.includes(t.users.unit_editor.email));
    expect(editorNew).toHaveLength(1);
    expect(editorNew[0]!.subject).toBe('Påminnelse från Utblick: Åtgärden ska vara klar: Åtgärd A slutar om tre veckor');
    expect(newMails.filter((m) => m.to.includes(editorB.email))).toHaveLength(0);
  });

  it('a mail that cannot be sent is tried again at the next tick', async () => {
    const newcomer = await createUser(t, { email: 'ny-samordnare@arvika.example.se', name: 'Nils Ny', role: 'coordinator', municipalityId: t.arvikaId });
    const failing: Mailer = {
      async send() {
        throw new Error('421 try again later');
      },
    };
    const failed = await tick(MONDAY_EARLY, failing);
    expect(failed.reminders).toMatchObject({ mails: 0, failed: 1 });
    expect(await t.handle.db.selectFrom('reminders_sent').select('reminder_key').where('user_id', '=', newcomer.id).execute()).toHaveLength(0);
    const before = smtp.mails.length;
    const retried = await tick(MONDAY_EARLY);
    expect(retried.reminders.mails).toBe(1);
    const mails = mailsTo(newcomer, before);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain('Åtgärd B utan lägesrapport');
  });

  it('the account page turns the weekly digest off and on, audited', async () => {
    const page = decode(await (await t.request(t.users.unit_editor, '/admin/konto')).text());
    expect(page).toContain('Veckosammanfattning per e-post');
    expect(page).toMatch(/<input type="radio" id="digest" name="digest" value="on" checked=""/);
    const bad = await t.request(t.users.unit_editor, '/admin/konto/sammanfattning', { form: { digest: 'kanske' } });
    expect(bad.status).toBe(400);
    expect(decode(await bad.text())).toContain('Välj om du vill få veckosammanfattningen.');

    const off = await t.request(t.users.unit_editor, '/admin/konto/sammanfattning', { form: { digest: 'off' } });
    expect(off.status).toBe(303);
    expect(off.headers.get('location')).toBe('/admin/konto?klart=sammanfattning-av');
    const row = await t.handle.db.selectFrom('users').select('digest_opt_out').where('id', '=', t.users.unit_editor.id).executeTakeFirstOrThrow();
    expect(Number(row.digest_opt_out)).toBe(1);
    const audit = await t.handle.db.selectFrom('audit_log').selectAll().where('entity', '=', 'user').where('entity_id', '=', String(t.users.unit_editor.id)).orderBy('id').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'update', municipality_id: null });
    expect(JSON.parse(audit[0]!.before_data!)).toEqual({ digest_opt_out: 0 });
    expect(JSON.parse(audit[0]!.after_data!)).toEqual({ digest_opt_out: 1 });
    const after = decode(await (await t.request(t.users.unit_editor, '/admin/konto?klart=sammanfattning-av')).text());
    expect(after).toContain('Du får inte längre veckosammanfattningen.');
    expect(after).toMatch(/value="off" checked=""/);
    // Saving the same choice again changes nothing and writes no audit entry.
    await t.request(t.users.unit_editor, '/admin/konto/sammanfattning', { form: { digest: 'off' } });
    expect(await t.handle.db.selectFrom('audit_log').select('id').where('entity', '=', 'user').where('entity_id', '=', String(t.users.unit_editor.id)).execute()).toHaveLength(1);
    // In English too; and the reader turns it off and on again.
    expect((await t.request(t.users.reader, '/en/admin/konto/sammanfattning', { form: { digest: 'off' } })).headers.get('location')).toBe('/en/admin/konto?klart=sammanfattning-av');
    expect((await t.request(t.users.reader, '/en/admin/konto/sammanfattning', { form: { digest: 'on' } })).headers.get('location')).toBe('/en/admin/konto?klart=sammanfattning-pa');
    expect(Number((await t.handle.db.selectFrom('users').select('digest_opt_out').where('id', '=', t.users.reader.id).executeTakeFirstOrThrow()).digest_opt_out)).toBe(0);
  });

  it('sends the weekly digest from Monday 06:00 to those who want it, once a week', async () => {
    const before = smtp.mails.length;
    const digest = await tick(MONDAY_DIGEST);
    expect(digest.digest).toMatchObject({ runKey: '2026-W48', claimed: true, failed: 0 });
    const digests = smtp.mails.slice(before).filter((m) => /^(Veckosammanfattning|Weekly summary)/.test(m.subject));
    expect(digest.digest.sent).toBe(digests.length);
    const to = (user: TestUser) => digests.filter((m) => m.to.includes(user.email));
    const coordinatorDigest = to(t.users.coordinator);
    expect(coordinatorDigest).toHaveLength(1);
    expect(coordinatorDigest[0]!.subject).toBe('Veckosammanfattning från Utblick, vecka 48');
    // Everything due, also what has been reminded of already.
    expect(coordinatorDigest[0]!.text).toContain('Åtgärd A utan lägesrapport');
    expect(coordinatorDigest[0]!.text).toContain(`stänga av den under Mitt konto: ${t.config.baseUrl}/admin/konto`);
    expect(to(t.users.municipal_admin)).toHaveLength(1);
    const bDigest = to(editorB);
    expect(bDigest).toHaveLength(1);
    expect(bDigest[0]!.subject).toBe('Weekly summary from Utblick, week 48');
    expect(bDigest[0]!.text).toContain(`${t.config.baseUrl}/en/admin/konto`);
    // Turned off, no role to be reminded, disabled: no digest.
    for (const user of [t.users.unit_editor, t.users.reader, disabled, t.users.platform_admin]) expect(to(user)).toHaveLength(0);

    // Ticked again that Monday and on Tuesday: nothing more.
    const count = smtp.mails.length;
    for (const now of [MONDAY_DIGEST, new Date('2026-11-24T08:00:00Z')]) {
      const again = await tick(now);
      expect(again.digest).toMatchObject({ runKey: '2026-W48', claimed: false, sent: 0 });
    }
    expect(smtp.mails.length).toBe(count);
    const runs = await t.handle.db.selectFrom('scheduled_runs').selectAll().where('job', '=', 'weekly_digest').execute();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ run_key: '2026-W48', claimed_at: MONDAY_DIGEST.toISOString(), finished_at: MONDAY_DIGEST.toISOString() });
    expect(JSON.parse(runs[0]!.result!)).toEqual({ sent: digests.length, failed: 0 });

    // The next Monday: a new week, a new digest (and still not to the one who turned it off).
    const next = await tick(new Date('2026-11-30T06:00:00Z'));
    expect(next.digest).toMatchObject({ runKey: '2026-W49', claimed: true, sent: digests.length });
    expect(mailsTo(t.users.unit_editor, count).filter((m) => m.subject.startsWith('Veckosammanfattning'))).toHaveLength(0);
  });

  it('a digest run left unfinished by failed mail is taken over after 30 minutes, sending only what is missing', async () => {
    const monday = new Date('2026-12-07T06:00:00Z');
    let calls = 0;
    // Only the coordinator's mail fails.
    const flaky: Mailer = {
      async send(mail) {
        calls += 1;
        if (mail.to === t.users.coordinator.email && mail.subject.startsWith('Veckosammanfattning')) throw new Error('connection lost');
        const { mailerFor } = await import('../../src/features/mail/mailer.js');
        await mailerFor(config).send(mail);
      },
    };
    const first = await tick(monday, flaky);
    expect(first.digest).toMatchObject({ runKey: '2026-W50', claimed: true, failed: 1 });
    expect(calls).toBeGreaterThan(1);
    const run = await t.handle.db.selectFrom('scheduled_runs').selectAll().where('run_key', '=', '2026-W50').executeTakeFirstOrThrow();
    expect(run.finished_at).toBeNull();
    const before = smtp.mails.length;
    // 29 minutes later the run still belongs to the first claim.
    expect((await tick(new Date(monday.getTime() + 29 * 60_000))).digest.claimed).toBe(false);
    const takeover = await tick(new Date(monday.getTime() + 31 * 60_000));
    expect(takeover.digest).toMatchObject({ claimed: true, sent: 1, failed: 0 });
    const digests = smtp.mails.slice(before).filter((m) => m.subject.startsWith('Veckosammanfattning') || m.subject.startsWith('Weekly'));
    expect(digests.map((m) => m.to)).toEqual([[t.users.coordinator.email]]);
    expect((await t.handle.db.selectFrom('scheduled_runs').select('finished_at').where('run_key', '=', '2026-W50').executeTakeFirstOrThrow()).finished_at).not.toBeNull();
  });

  it('the reminders page shows what is reminded of and to whom, and the latest runs, to coordinators', async () => {
    const res = await t.request(t.users.coordinator, '/admin/arvika/paminnelser');
    expect(res.status).toBe(200);
    const html = decode(await res.text());
    expect(html).toContain('Påminnelser per e-post');
    const row = html.slice(html.indexOf('Åtgärd B utan lägesrapport'));
    expect(row.slice(0, row.indexOf('</tr>'))).toMatch(/Sara Samordnare.*Bo Bengtsson|Bo Bengtsson.*Sara Samordnare/);
    expect(html).toContain('2026-W48');
    expect(html).toContain('Veckosammanfattning');
    expect((await t.request(t.users.reader, '/admin/arvika/paminnelser')).status).toBe(403);
    expect((await t.request(t.users.unit_editor, '/admin/arvika/paminnelser')).status).toBe(403);
    expect((await t.request(t.users.other_coordinator, '/admin/arvika/paminnelser')).status).toBe(404);
    expect((await t.request(t.users.coordinator, '/en/admin/arvika/paminnelser')).status).toBe(200);
  });
});
