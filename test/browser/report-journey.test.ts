/**
 * Two unit editors complete the half-year report and the coordinator finalises it (issue 5 §1):
 * each editor signs in, opens their own unit's section from the report, writes a comment and marks
 * it ready by keyboard; the coordinator sees "2 av 2 klara", writes the summary, finalises, and the
 * report is e-mailed with its Word and PDF documents to a loopback SMTP server. The list, the report
 * (draft and finalised, Swedish and English), the section form (also with errors), the summary,
 * structure, finalise and settings pages pass axe (WCAG 2.1 A/AA).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { todayInSweden } from '../../src/features/decisions/registry.js';
import { halfYearOf, previousHalfYear } from '../../src/features/reports/period.js';
import { type AdminTestApp, createUser, type TestUser } from '../support/admin.js';
import { parseFullMail, startTestSmtp } from '../support/auth-mail.js';
import { useAdminBrowserApp } from './admin-support.js';
import { describeInBrowser, expectAccessible, focusedHtml, tabTo } from './support.js';

const TS = '2026-01-01T00:00:00.000Z';
const PERIOD = previousHalfYear(halfYearOf(todayInSweden()));
/** Screenshots to look at by hand (not compared). */
const SHOTS = process.env.REPORT_SCREENSHOTS_DIR;

describeInBrowser('two unit editors complete the half-year report, and the coordinator finalises and sends it', () => {
  const b = useAdminBrowserApp();
  let t: AdminTestApp;
  let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
  let otherEditor: TestUser;
  let reportId: number;
  const root = (lang: 'sv' | 'en') => `${lang === 'en' ? '/en' : ''}/admin/arvika/halvarsrapporter`;
  const reportPath = (lang: 'sv' | 'en', rest = '') => `${root(lang)}/${reportId}${rest}`;

  beforeAll(async () => {
    t = b.t;
    smtp = await startTestSmtp();
    // The app reads its configuration per request: its mail goes to the loopback server.
    t.config.mail = { smtpUrl: smtp.url, from: 'Utblick <utblick@test.example>' };
    const db = t.handle.db;
    otherEditor = await createUser(t, { email: 'redaktor2@arvika.example.se', name: 'Olle Annan', role: 'unit_editor', municipalityId: t.arvikaId, units: [t.otherUnit.id] });
    for (const [title, unit] of [
      ['Elevutbyte med Ylöjärvi', t.ownUnit.id],
      ['Kulturnätverk Värmland–Akershus', t.otherUnit.id],
    ] as const) {
      const id = Number(
        (
          await db
            .insertInto('projects')
            .values({ municipality_id: t.arvikaId, kind: 'project', title_sv: title, title_en: null, summary_sv: null, summary_en: null, owner_unit_id: unit, municipality_role: 'lead', programme_id: null, status: 'ongoing', lifecycle: 'ongoing', start_date: PERIOD.start, end_date: PERIOD.end, year: null, participants_total: null, participants_youth: null, budget_sek_minor: null, publication_state: 'published', published_at: TS, search_text: title, source: 'test', created_at: TS, updated_at: TS })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
      );
      await db.insertInto('project_funding').values({ project_id: id, kind: 'eu_grant', programme_id: null, source_name: 'Interreg Sverige–Norge', amount_minor: 25_000_000, currency: 'SEK', staff_hours: null, note_sv: null, source: null }).execute();
    }
    const settings = await t.request(t.users.coordinator, '/admin/arvika/installningar/uppfoljning', {
      form: { report_recipients: 'Kommunstyrelsens registratur <ks@arvika.example.se>\nchef@arvika.example.se', report_sections_due_days: '30', report_due_days: '45', partnership_evaluation_months: '48', reminder_days_before: '14' },
    });
    expect(settings.status).toBe(303);
    if (SHOTS) fs.mkdirSync(SHOTS, { recursive: true });
  }, 120_000);
  afterAll(async () => smtp?.close());

  const shot = async (page: Page, name: string) => {
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  };

  /** Clicks a submit button and waits for the next page. */
  const submit = async (page: Page, selector: string) => {
    await Promise.all([page.waitForNavigation(), page.click(selector)]);
  };

  test('the coordinator starts the draft with a section for each of the two units', async () => {
    const page = await b.pageAs(t.users.coordinator);
    expect((await page.goto(root('sv')))?.status()).toBe(200);
    await expectAccessible(page, { lang: 'sv', what: 'the list without reports' });
    expect(await page.inputValue('#period')).toBe(PERIOD.key);
    await submit(page, `form[action$="/halvarsrapporter"] button[type="submit"]`);
    reportId = Number(/\/halvarsrapporter\/(\d+)\?klart=created$/.exec(page.url())?.[1]);
    expect(reportId).toBeGreaterThan(0);

    // Exactly the two units: the structure form, its units' boxes ticked or not.
    await page.goto(reportPath('sv', '/struktur'));
    await expectAccessible(page, { lang: 'sv', what: 'the structure form' });
    for (const box of await page.locator('input[type="checkbox"][name^="unit_"]').all()) {
      const name = (await box.getAttribute('name'))!;
      await box.setChecked(name === `unit_${t.ownUnit.id}` || name === `unit_${t.otherUnit.id}`);
    }
    await submit(page, 'form[action$="/struktur"] button[type="submit"]');
    expect(page.url()).toContain('klart=structure');
    const units = await t.handle.db.selectFrom('half_year_report_sections').select('unit_id').where('report_id', '=', reportId).execute();
    expect(units.map((u) => Number(u.unit_id)).sort((a, c) => a - c)).toEqual([t.ownUnit.id, t.otherUnit.id].sort((a, c) => a - c));
  }, 120_000);

  test('each unit editor writes a comment on their own section and marks it ready, by keyboard', async () => {
    for (const [user, unit, comment] of [
      [t.users.unit_editor, t.ownUnit, 'Tolv elever reste till Ylöjärvi i maj. Utbytet fortsätter i höst.'],
      [otherEditor, t.otherUnit, 'Nätverket höll två möten och planerar en gemensam ansökan.'],
    ] as const) {
      const page = await b.pageAs(user);
      expect((await page.goto(reportPath('sv')))?.status()).toBe(200);
      // Only their own unit's section is a link.
      expect(await page.locator(`a[href$="/avsnitt/${unit.id}"]`).count()).toBe(1);
      expect(await page.locator('a[href*="/avsnitt/"]').count()).toBe(1);
      await tabTo(page, `a[href$="/avsnitt/${unit.id}"]`, { max: 120 });
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      expect(page.url()).toContain(`/avsnitt/${unit.id}`);
      await tabTo(page, '#comment');
      await page.keyboard.type(comment);
      await page.keyboard.press('Tab');
      expect(await focusedHtml(page)).toContain('value="ready"');
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      expect(page.url()).toMatch(/\?klart=section_ready$/);
      expect(await page.locator('[role="status"]').first().textContent()).toContain('Avsnittet är sparat och markerat som klart.');
      const row = await t.handle.db.selectFrom('half_year_report_sections').selectAll().where('report_id', '=', reportId).where('unit_id', '=', unit.id).executeTakeFirstOrThrow();
      expect(row.comment_sv).toBe(comment);
      expect(Number(row.ready_by)).toBe(user.id);
    }
  }, 120_000);

  test('the coordinator sees 2 av 2 klara, writes the summary, finalises, and the report is e-mailed', async () => {
    const page = await b.pageAs(t.users.coordinator);
    await page.goto(root('sv'));
    expect(await page.locator('table.data').textContent()).toContain('2 av 2 klara');
    await page.goto(reportPath('sv'));
    expect(await page.locator('dl.summary-list').textContent()).toContain('2 av 2 förvaltningar klara');

    await submit(page, `a[href$="/${reportId}/sammanfattning"]`);
    await page.fill('#summary', 'Det internationella arbetet gick enligt plan under halvåret.');
    await submit(page, 'form[action$="/sammanfattning"] button[type="submit"]');
    expect(page.url()).toContain('klart=summary');

    await submit(page, `a[href$="/${reportId}/slutfor"]`);
    expect(await page.locator('main').textContent()).toContain('Alla förvaltningars avsnitt är klara.');
    await expectAccessible(page, { lang: 'sv', what: 'the finalise page' });
    await submit(page, 'form[action$="/slutfor"] button[type="submit"]');
    expect(page.url()).toMatch(/\?klart=finalised$/);
    expect(await page.locator('[role="status"]').first().textContent()).toContain('Rapporten är slutförd och skickad till mottagarna.');

    const [mail] = await smtp.waitFor(1);
    expect(mail!.to.sort()).toEqual(['chef@arvika.example.se', 'ks@arvika.example.se']);
    const full = await parseFullMail(mail!.raw);
    const registry = (await t.handle.db.selectFrom('half_year_reports').select('registry_number').where('id', '=', reportId).executeTakeFirstOrThrow()).registry_number!;
    expect(full.subject).toContain(registry);
    const names = full.attachments.map((a) => a.filename);
    expect(names).toEqual(expect.arrayContaining([`halvarsrapport-arvika-${PERIOD.key}.docx`, `halvarsrapport-arvika-${PERIOD.key}.pdf`]));
    const pdf = full.attachments.find((a) => a.filename === `halvarsrapport-arvika-${PERIOD.key}.pdf`)!;
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.content.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(full.attachments.find((a) => a.filename?.endsWith('.docx'))!.content.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(await page.locator('main').textContent()).toContain(`diarienummer ${registry}`);
  }, 120_000);

  test('the report pages pass axe: the finalised report in Swedish and English, the forms with and without errors', async () => {
    const coordinator = await b.pageAs(t.users.coordinator);
    for (const lang of ['sv', 'en'] as const) {
      expect((await coordinator.goto(reportPath(lang)))?.status()).toBe(200);
      for (const width of [320, 1280]) await expectAccessible(coordinator, { lang, width, what: 'the finalised report' });
      await coordinator.goto(root(lang));
      await expectAccessible(coordinator, { lang, what: 'the list' });
    }
    await coordinator.setViewportSize({ width: 1280, height: 900 });
    await coordinator.goto(reportPath('sv'));
    await shot(coordinator, 'report-finalised');
    const editor = await b.pageAs(t.users.unit_editor);
    await editor.goto(reportPath('sv', `/avsnitt/${t.ownUnit.id}`));
    await expectAccessible(editor, { lang: 'sv', what: 'a finalised section' });

    // A new draft for the current half-year: the report page, section form (also with an error),
    // summary, structure and finalise pages, and the settings.
    await coordinator.goto(root('sv'));
    await coordinator.selectOption('#period', halfYearOf(todayInSweden()).key);
    await submit(coordinator, `form[action$="/halvarsrapporter"] button[type="submit"]`);
    const draftId = Number(/\/halvarsrapporter\/(\d+)\?/.exec(coordinator.url())?.[1]);
    const draft = (lang: 'sv' | 'en', rest = '') => `${root(lang)}/${draftId}${rest}`;
    for (const lang of ['sv', 'en'] as const) {
      for (const [what, p] of [
        ['the draft report', draft(lang)],
        ['the summary form', draft(lang, '/sammanfattning')],
        ['the structure form', draft(lang, '/struktur')],
        ['the finalise page', draft(lang, '/slutfor')],
        ['the settings', `${lang === 'en' ? '/en' : ''}/admin/arvika/installningar/uppfoljning`],
      ] as const) {
        expect((await coordinator.goto(p))?.status(), what).toBe(200);
        for (const width of [320, 1280]) await expectAccessible(coordinator, { lang, width, what });
      }
      expect((await editor.goto(draft(lang, `/avsnitt/${t.ownUnit.id}`)))?.status()).toBe(200);
      await expectAccessible(editor, { lang, width: 1280, what: 'the section form' });
      await submit(editor, 'form button[value="ready"]');
      expect(await editor.locator('.error-summary a[href="#comment"]').count()).toBe(1);
      for (const width of [320, 1280]) await expectAccessible(editor, { lang, width, what: 'the section form with an error' });
      // The other forms with errors.
      await coordinator.goto(draft(lang, '/sammanfattning'));
      await coordinator.fill('#title_sv', '');
      await submit(coordinator, 'form[action$="/sammanfattning"] button[type="submit"]');
      await expectAccessible(coordinator, { lang, width: 1280, what: 'the summary form with an error' });
      await coordinator.goto(draft(lang, '/struktur'));
      await coordinator.fill('#order_funding', 'tre');
      await submit(coordinator, 'form[action$="/struktur"] button[type="submit"]');
      expect(await coordinator.locator('.error-summary a[href="#order_funding"]').count()).toBe(1);
      await expectAccessible(coordinator, { lang, width: 1280, what: 'the structure form with an error' });
      await coordinator.goto(`${lang === 'en' ? '/en' : ''}/admin/arvika/installningar/uppfoljning`);
      await coordinator.fill('#report_recipients', 'inte en adress');
      await coordinator.fill('#reminder_days_before', '-3');
      await submit(coordinator, 'form[action$="/uppfoljning"] button[type="submit"]');
      expect(await coordinator.locator('.error-summary a').count()).toBe(2);
      await expectAccessible(coordinator, { lang, width: 1280, what: 'the settings with errors' });
    }
    await editor.setViewportSize({ width: 1280, height: 900 });
    await editor.goto(draft('sv', `/avsnitt/${t.ownUnit.id}`));
    await shot(editor, 'section-form');
    await coordinator.setViewportSize({ width: 1280, height: 900 });
    await coordinator.goto(draft('sv'));
    await shot(coordinator, 'report-draft');
  }, 300_000);
});
