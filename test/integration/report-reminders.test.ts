/**
 * The half-year report's deadlines reach people: a unit's section not marked ready is reminded to
 * that unit's editors (not to other units'), a section marked ready is not, and both the report's
 * and the sections' deadlines are in the calendar feeds.
 */
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/env.js';
import { runScheduledWork } from '../../src/features/reminders/scheduler.js';
import { type AdminTestApp, createAdminTestApp, createUser, type TestUser } from '../support/admin.js';
import { startTestSmtp } from '../support/auth-mail.js';
import { availableDatabases } from '../support/databases.js';
import { decode } from '../support/html.js';

const kinds = await availableDatabases();
const TS = '2026-11-01T00:00:00.000Z';
/** Tuesday 24 November 2026, 10:00 in Stockholm (no digest on a Tuesday morning). */
const NOW = new Date('2026-11-24T09:00:00Z');

describe.each(kinds)('the half-year report in reminders and calendars on %s', (kind) => {
  let t: AdminTestApp;
  let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
  let config: Config;
  let editorB: TestUser;
  let reportId = 0;

  beforeAll(async () => {
    t = await createAdminTestApp(kind);
    smtp = await startTestSmtp();
    config = { ...t.config, mail: { smtpUrl: smtp.url, from: 'Utblick <utblick@test.example>' } };
    editorB = await createUser(t, { email: 'redaktor-b@arvika.example.se', name: 'Bo Bengtsson', role: 'unit_editor', municipalityId: t.arvikaId, units: [t.otherUnit.id] });
    const db = t.handle.db;
    // Sections due in six days (within the 14 days of reminders), the report in three weeks.
    const report = await db
      .insertInto('half_year_reports')
      .values({ municipality_id: t.arvikaId, period: '2026H1', title_sv: 'Halvårsrapport att påminna om', title_en: null, summary_sv: null, summary_en: null, structure: JSON.stringify({ sections: [], unitIds: [t.ownUnit.id, t.otherUnit.id] }), sections_due_on: '2026-11-30', due_on: '2026-12-15', previous_report_id: null, snapshot: null, registry_number: null, finalised_on: null, finalised_at: null, finalised_by: null, sent_to: null, sent_at: null, created_by: null, created_at: TS, updated_at: TS })
      .returning('id')
      .executeTakeFirstOrThrow();
    reportId = Number(report.id);
    await db
      .insertInto('half_year_report_sections')
      .values([
        { report_id: reportId, unit_id: t.ownUnit.id, position: 0, comment_sv: null, comment_en: null, ready_at: null, ready_by: null, updated_by: null, updated_at: TS },
        { report_id: reportId, unit_id: t.otherUnit.id, position: 1, comment_sv: 'Klart från oss.', comment_en: null, ready_at: TS, ready_by: editorB.id, updated_by: editorB.id, updated_at: TS },
      ])
      .execute();
  });

  afterAll(async () => {
    await smtp?.close();
    await t?.close();
  });

  it('reminds the unit whose section is not ready, and not the unit that is done', async () => {
    const result = await runScheduledWork({ db: t.handle.db, config, now: NOW });
    expect(result.reminders.failed).toBe(0);
    const to = (u: TestUser) => smtp.mails.filter((m) => m.to.includes(u.email));
    const [editorMail] = to(t.users.unit_editor);
    expect(editorMail?.text).toContain('Halvårsrapport att påminna om');
    expect(editorMail?.text).toContain(`/admin/arvika/halvarsrapporter/${reportId}/avsnitt/${t.ownUnit.id}`);
    // Unit B marked its section ready: nothing about this report for its editor.
    expect(to(editorB).some((m) => m.text.includes('Halvårsrapport att påminna om'))).toBe(false);
    // The coordinator hears of the open section too (the report itself is due only in three weeks).
    const [coordinatorMail] = to(t.users.coordinator);
    expect(coordinatorMail?.text).toContain(`/admin/arvika/halvarsrapporter/${reportId}/avsnitt/${t.ownUnit.id}`);
    // A second run sends nothing new.
    const before = smtp.mails.length;
    await runScheduledWork({ db: t.handle.db, config, now: NOW });
    expect(smtp.mails.length).toBe(before);
  });

  it('puts the report’s and the open section’s deadlines in the municipality’s calendar', async () => {
    const created = await t.request(t.users.coordinator, '/admin/arvika/kalender/kommun', { form: {} });
    const token = /\/kalender\/([A-Za-z0-9_-]{43})\.ics/.exec(decode(await created.text()))?.[1];
    expect(token).toBeDefined();
    const ics = await (await t.app.request(`/kalender/${token}.ics`)).text();
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => ({ uid: String(v.getFirstPropertyValue('uid')), start: String(v.getFirstPropertyValue('dtstart')) }));
    const uids = events.map((e) => e.uid);
    expect(uids).toContain(`report-${reportId}-2026-12-15@utblick`);
    expect(uids).toContain(`report-section-${t.ownUnit.id}-2026-11-30@utblick`);
    // The section marked ready is no longer a deadline.
    expect(uids).not.toContain(`report-section-${t.otherUnit.id}-2026-11-30@utblick`);
  });
});
