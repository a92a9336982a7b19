/**
 * The international budget (AL-15) and partnership evaluations (AR-9) in Chromium: the budget page
 * (with figures, an overspent category and entries), the entry form with errors, the evaluation
 * form (also with every error shown), an evaluation's page, the list of evaluations and the ending
 * page (also with its error) pass axe (WCAG 2.1 A/AA) in Swedish and English at 320 and 1280 px.
 * Screenshots of the budget page and the evaluation form at 1280 px go to the temporary directory.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import type { AdminTestApp } from '../support/admin.js';
import { useAdminBrowserApp } from './admin-support.js';
import { describeInBrowser, expectAccessible } from './support.js';

const YEAR = 2026;
/** Where the screenshots go (outside the checkout: they are for looking at, not committed). */
const SHOTS = path.join(os.tmpdir(), 'utblick-screenshots');

describeInBrowser('the budget and partnership evaluations are accessible', () => {
  const b = useAdminBrowserApp();
  let t: AdminTestApp;
  let partnershipId: number;

  beforeAll(async () => {
    t = b.t;
    const db = t.handle.db;
    const ts = new Date().toISOString();
    partnershipId = Number(
      (
        await db
          .insertInto('partnerships')
          .values({ municipality_id: t.arvikaId, kind: 'twinning', title_sv: 'Vänorten Provby', title_en: 'Twin town Provby', status: 'active', summary_sv: null, summary_en: null, cooperation_areas: '[]', financing_sv: null, financing_en: null, publication_state: 'published', source: null, created_at: ts, updated_at: ts, owner_unit_id: t.ownUnit.id })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
    await db.insertInto('partnership_events').values({ partnership_id: partnershipId, kind: 'agreement_signed', date_from: '2019-06-01', date_to: '2019-06-01', date_precision: 'day', description_sv: 'Avtalet undertecknades.', description_en: null, place: 'Provby', decision_id: null, source: null }).execute();
    await db.insertInto('partnership_events').values({ partnership_id: partnershipId, kind: 'exchange', date_from: '2024-04-10', date_to: '2024-04-10', date_precision: 'day', description_sv: 'Elevutbyte.', description_en: null, place: null, decision_id: null, source: null }).execute();
    const project = Number(
      (
        await db
          .insertInto('projects')
          .values({ municipality_id: t.arvikaId, kind: 'exchange', title_sv: 'Ungdomsutbyte med Provby', title_en: null, summary_sv: null, summary_en: null, owner_unit_id: t.ownUnit.id, municipality_role: 'lead', programme_id: null, status: 'ongoing', start_date: `${YEAR}-03-01`, end_date: `${YEAR}-09-30`, year: YEAR, participants_total: null, participants_youth: null, budget_sek_minor: null, publication_state: 'draft', published_at: null, search_text: 'x', source: null, created_at: ts, updated_at: ts, lifecycle: 'ongoing' })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
    await db.insertInto('project_partnerships').values({ project_id: project, partnership_id: partnershipId }).execute();
    await db.insertInto('project_funding').values({ project_id: project, kind: 'municipal_cash', programme_id: null, source_name: null, amount_minor: 4_500_000, currency: 'SEK', staff_hours: null, note_sv: null, source: null }).execute();
    await db.insertInto('budget_allocations').values([
      { municipality_id: t.arvikaId, year: YEAR, category: 'twinning', amount_minor: 15_000_000, note_sv: null, updated_by: null, updated_at: ts },
      { municipality_id: t.arvikaId, year: YEAR, category: 'preparation', amount_minor: 1_000_000, note_sv: null, updated_by: null, updated_at: ts },
    ]).execute();
    await db.insertInto('budget_entries').values([
      { municipality_id: t.arvikaId, category: 'twinning', spent_on: `${YEAR}-05-12`, amount_minor: 1_250_000, description_sv: 'Mottagning av delegation från Provby', project_id: null, partnership_id: partnershipId, user_id: null, created_at: ts, updated_at: ts },
      { municipality_id: t.arvikaId, category: 'preparation', spent_on: `${YEAR}-02-03`, amount_minor: 1_500_050, description_sv: 'Ansökningsskrivare för Interreg-ansökan', project_id: null, partnership_id: null, user_id: null, created_at: ts, updated_at: ts },
    ]).execute();
  }, 120_000);

  const admin = (lang: 'sv' | 'en', rest: string) => `${lang === 'en' ? '/en' : ''}/admin/arvika${rest}`;

  // First, while the partnership has no evaluation: the form then counts from its start (2019).
  test('screenshots of the budget page and the evaluation form at 1280 px', async () => {
    const page = await b.pageAs(t.users.coordinator, { width: 1280, height: 900 });
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.goto(admin('sv', `/budget?ar=${YEAR}`));
    expect(await page.locator('h1').textContent()).toBe(`Internationell budget ${YEAR}`);
    await page.screenshot({ path: path.join(SHOTS, 'budget.png'), fullPage: true });
    await page.goto(admin('sv', `/samarbeten/${partnershipId}/utvarderingar/ny`));
    await page.screenshot({ path: path.join(SHOTS, 'partnership-evaluation-form.png'), fullPage: true });
  }, 60_000);

  test('pages and forms, with errors too, pass axe in Swedish and English at 320 and 1280 px', async () => {
    const page = await b.pageAs(t.users.coordinator);
    const check = async (lang: 'sv' | 'en', what: string) => {
      for (const width of [320, 1280]) await expectAccessible(page, { lang, width, what });
    };
    const submit = async (formAction: string, button?: string) => {
      const selector = `form[action$="${formAction}"] button${button ? `[value="${button}"]` : '[type="submit"]'}`;
      await Promise.all([page.waitForNavigation(), page.click(selector)]);
    };
    for (const lang of ['sv', 'en'] as const) {
      for (const [what, p] of [
        ['budget page', `/budget?ar=${YEAR}`],
        ['new entry', '/budget/poster/ny'],
        ['evaluations overview', '/utvarderingar'],
        ["a partnership's evaluations", `/samarbeten/${partnershipId}/utvarderingar`],
        ['evaluation form', `/samarbeten/${partnershipId}/utvarderingar/ny`],
        ['ending page', `/samarbeten/${partnershipId}/avsluta`],
      ] as const) {
        expect((await page.goto(admin(lang, p)))?.status(), what).toBe(200);
        await check(lang, what);
      }
      // The entry form with every error.
      await page.goto(admin(lang, '/budget/poster/ny'));
      await page.fill('#amount', '-100');
      await submit('/budget/poster/ny');
      expect(await page.locator('.error-summary a').count()).toBe(3);
      await check(lang, 'entry form with errors');
      // The evaluation form with every error shown.
      await page.goto(admin(lang, `/samarbeten/${partnershipId}/utvarderingar/ny`));
      await page.fill('#costs', 'mycket');
      await submit('/utvarderingar/ny', 'save');
      expect(await page.locator('.error-summary a').count()).toBe(5);
      expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
      await check(lang, 'evaluation form with errors');
      // The ending page without a decision.
      await page.goto(admin(lang, `/samarbeten/${partnershipId}/avsluta`));
      await submit('/avsluta');
      expect(await page.locator('.error-summary a[href="#decision_id"]').count()).toBe(1);
      await check(lang, 'ending page with its error');
    }
    // A recorded evaluation's page.
    await page.goto(admin('sv', `/samarbeten/${partnershipId}/utvarderingar/ny`));
    await page.fill('#benefit_residents_sv', 'Elever har fått vänner i Provby.');
    await page.fill('#benefit_organisation_sv', 'Skolan har lärt sig av Provbys arbete med språk.');
    await page.fill('#costs', '45 000');
    await page.check('#recommendation');
    await page.fill('#recommendation_sv', 'Samarbetet ger mycket för små kostnader.');
    await submit('/utvarderingar/ny', 'save');
    expect(page.url()).toMatch(/\/utvarderingar\/\d+\?klart=evaluated$/);
    await check('sv', 'evaluation');
    await page.goto(page.url().replace('/admin/', '/en/admin/'));
    await check('en', 'evaluation');
  }, 240_000);
});
