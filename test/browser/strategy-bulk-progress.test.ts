/**
 * A unit editor updates three measures at once (issue 4, section 6): signed in, they open the bulk
 * progress form of the action plan, fill in three rows by keyboard only, press "Spara alla", and
 * see the new values on the plan page. The plan page, a measure's page and the bulk form (also
 * with errors) pass axe (WCAG 2.1 A/AA) in Swedish and English, at 320 and 1280 px.
 */
import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import type { AdminTestApp } from '../support/admin.js';
import { useAdminBrowserApp } from './admin-support.js';
import { describeInBrowser, expectAccessible, focusedHtml, tabTo } from './support.js';

describeInBrowser('a unit editor reports the progress of three measures at once', () => {
  const b = useAdminBrowserApp();
  let t: AdminTestApp;
  let planId: number;
  const measures: Record<string, number> = {};

  beforeAll(async () => {
    t = b.t;
    const db = t.handle.db;
    const ts = new Date().toISOString();
    const strategy = Number((await db.insertInto('strategies').values({ municipality_id: t.arvikaId, title_sv: 'Strategi för internationellt arbete', title_en: 'Strategy for international work', vision_sv: null, vision_en: null, adopted_by: null, adopted_on: null, minute_paragraph: null, registry_number: null, responsibilities_sv: null, responsibilities_en: null, body_sv: null, summary_en: null, status: 'adopted', superseded_by_id: null, source: null, created_at: ts, updated_at: ts }).returning('id').executeTakeFirstOrThrow()).id);
    const goal = async (parent: number | null, position: number, level: string, title: string) =>
      Number((await db.insertInto('strategy_goals').values({ municipality_id: t.arvikaId, strategy_id: strategy, parent_id: parent, position, level_name: level, title_sv: title, title_en: null, description_sv: null, description_en: null, created_at: ts, updated_at: ts }).returning('id').executeTakeFirstOrThrow()).id);
    const top = await goal(null, 0, 'Övergripande mål', 'Arvika är en öppen kommun');
    const area = await goal(top, 0, 'Målområde', 'Utbildning');
    planId = Number((await db.insertInto('action_plans').values({ municipality_id: t.arvikaId, strategy_id: strategy, title_sv: 'Handlingsplan 2026–2027', title_en: 'Action plan 2026–2027', period_start: '2026-01-01', period_end: '2027-12-31', status: 'active', previous_plan_id: null, created_at: ts, updated_at: ts }).returning('id').executeTakeFirstOrThrow()).id);
    const add = async (key: string, title: string, unit: number, position: number) => {
      measures[key] = Number((await db.insertInto('measures').values({ municipality_id: t.arvikaId, plan_id: planId, position, title_sv: title, title_en: null, description_sv: null, description_en: null, owner_unit_id: unit, start_date: '2026-01-01', end_date: '2027-06-30', status: 'planned', progress: 0, progress_updated_at: null, created_at: ts, updated_at: ts }).returning('id').executeTakeFirstOrThrow()).id);
      await db.insertInto('measure_goals').values({ measure_id: measures[key]!, goal_id: area }).execute();
    };
    await add('skive', 'Elevutbyte med Skive', t.ownUnit.id, 0);
    await add('cafe', 'Språkcafé', t.ownUnit.id, 1);
    await add('praktik', 'Praktik i Ylöjärvi', t.ownUnit.id, 2);
    await add('network', 'Nätverksträff', t.otherUnit.id, 3);
    const ind = Number((await db.insertInto('measure_indicators').values({ measure_id: measures.skive!, position: 0, name_sv: 'Elever som deltar', name_en: null, unit: 'antal', baseline: 0, created_at: ts }).returning('id').executeTakeFirstOrThrow()).id);
    await db.insertInto('indicator_values').values({ indicator_id: ind, period: '2026', target: 20, actual: 12 }).execute();
    await db.insertInto('measure_notes').values({ measure_id: measures.skive!, noted_on: '2026-01-10', progress: 0, status: 'planned', text_sv: 'Planeringen har börjat.', user_id: null, actor_label: 'Erik Enhet <redaktor@arvika.example.se>', created_at: ts }).execute();
  }, 120_000);

  const plan = (lang: 'sv' | 'en', rest = '') => `${lang === 'en' ? '/en' : ''}/admin/arvika/handlingsplaner/${planId}${rest}`;

  /** Types into the focused field, replacing what it holds. */
  async function replaceFocused(page: Page, text: string) {
    await page.keyboard.press('Control+A');
    await page.keyboard.type(text);
  }

  test('by keyboard: three rows filled in, one "Spara alla", and the plan shows them', async () => {
    const page = await b.pageAs(t.users.unit_editor);
    expect((await page.goto(plan('sv')))?.status()).toBe(200);
    // From the plan page to the bulk form by keyboard.
    await tabTo(page, `a[href$="/handlingsplaner/${planId}/lagesrapport"]`);
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(page.url()).toContain('/lagesrapport');
    // Only the unit editor's own measures are offered.
    expect(await page.locator(`#m-${measures.network}-progress`).count()).toBe(0);

    // Status by arrow keys from "Planerad": one down is "Pågår", two "Klar".
    const rows: [string, string, number, string][] = [
      ['skive', '40', 1, 'Tolv elever anmälda.'],
      ['cafe', '100', 2, 'Sista träffen hölls i maj.'],
      ['praktik', '10', 1, ''],
    ];
    for (const [key, progress, down, note] of rows) {
      await tabTo(page, `#m-${measures[key]}-progress`);
      await replaceFocused(page, progress);
      await page.keyboard.press('Tab');
      expect(await focusedHtml(page)).toContain(`id="m-${measures[key]}-status"`);
      for (let i = 0; i < down; i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Tab');
      expect(await focusedHtml(page)).toContain(`id="m-${measures[key]}-note"`);
      if (note) await page.keyboard.type(note);
    }
    await tabTo(page, 'form[action$="/lagesrapport"] button[type="submit"]');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Spara alla');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);

    expect(page.url()).toMatch(new RegExp(`/handlingsplaner/${planId}\\?klart=bulk&antal=3$`));
    expect(await page.locator('[role="status"]').first().textContent()).toContain('Läget är sparat för 3 åtgärder.');
    expect(await page.locator(`progress[aria-label="Framsteg för Elevutbyte med Skive"]`).getAttribute('value')).toBe('40');
    expect(await page.locator(`progress[aria-label="Framsteg för Språkcafé"]`).getAttribute('value')).toBe('100');
    expect(await page.locator(`progress[aria-label="Framsteg för Praktik i Ylöjärvi"]`).getAttribute('value')).toBe('10');
    const rowsDb = await t.handle.db.selectFrom('measures').select(['id', 'progress', 'status']).where('plan_id', '=', planId).orderBy('position').execute();
    expect(rowsDb.map((r) => [r.progress, r.status])).toEqual([
      [40, 'ongoing'],
      [100, 'done'],
      [10, 'ongoing'],
      [0, 'planned'],
    ]);
    const notes = await t.handle.db.selectFrom('measure_notes').select(['measure_id', 'text_sv']).where('measure_id', '=', measures.cafe!).execute();
    expect(notes.map((n) => n.text_sv)).toEqual(['Sista träffen hölls i maj.']);
    await expectAccessible(page, { lang: 'sv', what: 'the plan after saving' });
  }, 90_000);

  for (const lang of ['sv', 'en'] as const) {
    test(`${lang}: the plan page, a measure page and the bulk form, also with errors, pass axe at 320 and 1280 px`, async () => {
      const page = await b.pageAs(t.users.unit_editor);
      for (const [what, path] of [
        ['plan', plan(lang)],
        ['measure', plan(lang, `/atgarder/${measures.skive}`)],
        ['bulk form', plan(lang, '/lagesrapport')],
      ] as const) {
        expect((await page.goto(path))?.status(), what).toBe(200);
        for (const width of [320, 1280]) await expectAccessible(page, { lang, width, what });
      }
      // The bulk form with errors: every error in the summary, which links to the field.
      await page.goto(plan(lang, '/lagesrapport'));
      await page.fill(`#m-${measures.skive}-progress`, '150');
      await page.fill(`#m-${measures.cafe}-progress`, 'hälften');
      await Promise.all([page.waitForNavigation(), page.click('form[action$="/lagesrapport"] button[type="submit"]')]);
      const summary = page.locator('.error-summary');
      expect(await summary.locator('a').count()).toBe(2);
      expect(await summary.locator('a').first().getAttribute('href')).toBe(`#m-${measures.skive}-progress`);
      expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
      expect(await page.inputValue(`#m-${measures.cafe}-progress`)).toBe('hälften');
      for (const width of [320, 1280]) await expectAccessible(page, { lang, width, what: 'bulk form with errors' });
      // Nothing was written.
      expect(Number((await t.handle.db.selectFrom('measures').select('progress').where('id', '=', measures.skive!).executeTakeFirstOrThrow()).progress)).toBe(40);
      // The measure page with a note's errors.
      await page.goto(plan(lang, `/atgarder/${measures.skive}`));
      await page.fill('#progress', '101');
      await Promise.all([page.waitForNavigation(), page.click('form[action$="/lagesrapport"] button[type="submit"]')]);
      for (const width of [320, 1280]) await expectAccessible(page, { lang, width, what: 'measure page with errors' });
    }, 120_000);
  }
  test('the other action-plan pages and forms, with errors too, pass axe in Swedish and English at 320 and 1280 px', async () => {
    const page = await b.pageAs(t.users.coordinator);
    const submit = async (formAction: string, button?: string) => {
      // The visible button (a form with rows has a hidden default "save" button first, for Enter).
      const selector = `form[action$="${formAction}"] button${button ? `[value="${button}"]` : '[type="submit"]'}:not(.visually-hidden)`;
      await Promise.all([page.waitForNavigation(), page.click(selector)]);
    };
    const check = async (lang: 'sv' | 'en', what: string) => {
      for (const width of [320, 1280]) await expectAccessible(page, { lang, width, what });
    };
    for (const lang of ['sv', 'en'] as const) {
      const root = `${lang === 'en' ? '/en' : ''}/admin/arvika/handlingsplaner`;
      for (const [what, path] of [
        ['list', root],
        ['new plan', `${root}/ny`],
        ['edit plan', plan(lang, '/redigera')],
        ['edit measure', plan(lang, `/atgarder/${measures.skive}/redigera`)],
        ['evaluation form', plan(lang, '/utvardering')],
        ['copy form', plan(lang, '/kopiera')],
        ['import', plan(lang, '/import')],
      ] as const) {
        expect((await page.goto(path))?.status(), what).toBe(200);
        await check(lang, what);
      }
      // The plan form with every error.
      await page.goto(`${root}/ny`);
      await page.fill('#title_sv', '');
      await page.fill('#evaluation_interval_months', '0');
      await submit('/ny');
      expect(await page.locator('.error-summary a').count()).toBeGreaterThanOrEqual(2);
      await check(lang, 'plan form with errors');
      // A new measure: add an indicator by its button, then send it with errors in the indicator rows.
      await page.goto(plan(lang, '/atgarder/ny'));
      await submit('/atgarder/ny', 'add_indicator');
      expect(await page.locator('#ind-0-name').count()).toBe(1);
      await check(lang, 'measure form with an indicator');
      await page.fill('#ind-0-p-0-period', '2026H3');
      await page.fill('#ind-0-p-0-target', 'många');
      await submit('/atgarder/ny', 'save');
      expect(await page.locator('.error-summary a[href="#ind-0-p-0-period"]').count()).toBe(1);
      await check(lang, 'measure form with errors');
      // The evaluation form with errors.
      await page.goto(plan(lang, '/utvardering'));
      await page.fill('#summary_sv', '');
      await submit('/utvardering');
      await check(lang, 'evaluation form with errors');
      // The import's preview: with errors, and with changes to confirm.
      for (const [name, content] of [
        ['fel.csv', `ID;Status;Framsteg (%)\r\n999999;Pågår;150\r\n`],
        ['bra.csv', `ID;Status;Framsteg (%);Ny lägesrapport\r\n${measures.network};Pågår;${lang === 'sv' ? 55 : 65};Bra\r\n`],
      ] as const) {
        await page.goto(plan(lang, '/import'));
        await page.setInputFiles('#file', { name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
        await submit('/import');
        expect(page.url()).toContain('/import');
        await check(lang, `import preview (${name})`);
      }
      await submit('/import/bekrafta');
      expect(page.url()).toContain('klart=imported');
    }
    // An evaluation's page.
    await page.goto(plan('sv', '/utvardering'));
    await page.fill('#summary_sv', 'Det mesta går enligt planen.');
    await page.fill('#decision_reference', 'KS 2026/45 § 12');
    await submit('/utvardering');
    expect(page.url()).toMatch(/\/utvardering\/\d+\?klart=evaluated$/);
    await check('sv', 'evaluation');
    await page.goto(page.url().replace('/admin/', '/en/admin/'));
    await check('en', 'evaluation');
  }, 180_000);
});
