/**
 * The coordinator opens the follow-up dashboard (issue 5 §2) in Swedish and English: axe finds no
 * WCAG 2.1 A/AA violation at 1280 and 320 px (tables unfolded too), nothing scrolls sideways, the
 * filter form and a chart's CSV download are reached by keyboard. The public municipality page with
 * its key figures passes axe too. With UTBLICK_SCREENSHOTS=/tmp it leaves screenshots there for a person to look at.
 */
import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import { todayInSweden } from '../../src/features/decisions/registry.js';
import type { AdminTestApp } from '../support/admin.js';
import { useAdminBrowserApp } from './admin-support.js';
import { describeInBrowser, expectAccessible, focusedHtml, tabTo } from './support.js';

const Y = Number(todayInSweden().slice(0, 4));
const TS = '2026-01-01T00:00:00.000Z';
/** Screenshots for a person to look at, when UTBLICK_SCREENSHOTS names a folder (e.g. /tmp); never in the repository. */
async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  const dir = process.env.UTBLICK_SCREENSHOTS;
  if (dir) await page.screenshot({ path: `${dir}/dashboard-${name}.png`, fullPage });
}

/** Five years of projects with money, themes, countries and participants, a partnership with events, a budget. */
async function seedFigures(t: AdminTestApp): Promise<void> {
  const db = t.handle.db;
  const themes = (await db.selectFrom('themes').select('code').orderBy('code').limit(6).execute()).map((r) => r.code);
  const countries = ['NO', 'FI', 'DK', 'DE', 'EE', 'PL'];
  const sources = ['Interreg Sverige–Norge', 'Erasmus+', 'Region Värmland', 'Svenska institutet', 'Leader Värmland'];
  const partnership = Number(
    (
      await db
        .insertInto('partnerships')
        .values({ municipality_id: t.arvikaId, kind: 'twinning', title_sv: 'Vänortssamarbete med Kongsvinger', title_en: 'Twinning with Kongsvinger', status: 'active', summary_sv: null, summary_en: null, cooperation_areas: '[]', financing_sv: null, financing_en: null, publication_state: 'published', source: null, created_at: TS, updated_at: TS, owner_unit_id: t.ownUnit.id })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id,
  );
  for (let i = 0; i < 10; i++) {
    const year = Y - 4 + (i % 5);
    const id = Number(
      (
        await db
          .insertInto('projects')
          .values({ municipality_id: t.arvikaId, kind: 'project', title_sv: `Uppföljningsprojekt ${i + 1}`, title_en: null, summary_sv: null, summary_en: null, owner_unit_id: i % 2 ? t.ownUnit.id : t.otherUnit.id, municipality_role: 'partner', programme_id: null, status: 'ongoing', start_date: `${year}-0${(i % 6) + 1}-15`, end_date: null, year: null, participants_total: 20 + i * 7, participants_youth: 8 + i * 3, budget_sek_minor: null, publication_state: i % 3 ? 'published' : 'draft', published_at: TS, search_text: `uppföljningsprojekt ${i + 1}`, source: null, created_at: TS, updated_at: TS, lifecycle: 'ongoing' })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
    await db.insertInto('project_funding').values([
      { project_id: id, kind: 'eu_grant', programme_id: null, source_name: sources[i % 3]!, amount_minor: (400_000 + i * 230_000) * 100, currency: 'SEK', staff_hours: null, note_sv: null, source: null },
      { project_id: id, kind: 'other_grant', programme_id: null, source_name: sources[3 + (i % 2)]!, amount_minor: (50_000 + i * 40_000) * 100, currency: 'SEK', staff_hours: null, note_sv: null, source: null },
      { project_id: id, kind: 'municipal_cash', programme_id: null, source_name: null, amount_minor: (30_000 + i * 10_000) * 100, currency: 'SEK', staff_hours: null, note_sv: null, source: null },
      { project_id: id, kind: 'own_staff_time', programme_id: null, source_name: null, amount_minor: null, currency: 'SEK', staff_hours: 80 + i * 20, note_sv: null, source: null },
    ]).execute();
    await db.insertInto('project_themes').values(themes.slice(0, 1 + (i % 3)).map((theme) => ({ project_id: id, theme }))).execute();
    await db.insertInto('project_countries').values(countries.slice(i % 4, (i % 4) + 2).map((country) => ({ project_id: id, country }))).execute();
    if (i % 2) await db.insertInto('project_partnerships').values({ project_id: id, partnership_id: partnership }).execute();
  }
  for (const [kind, date] of [['exchange', `${Y - 2}-05-10`], ['exchange', `${Y - 1}-09-01`], ['agreement_signed', `${Y}-02-01`]] as const) {
    await db.insertInto('partnership_events').values({ partnership_id: partnership, kind, date_from: date, date_to: date, date_precision: 'day', description_sv: 'Besök', description_en: null, place: null, decision_id: null, source: null }).execute();
  }
  await db.insertInto('budget_allocations').values([
    { municipality_id: t.arvikaId, year: Y, category: 'twinning', amount_minor: 25_000_000, note_sv: null, updated_by: null, updated_at: TS },
    { municipality_id: t.arvikaId, year: Y, category: 'preparation', amount_minor: 15_000_000, note_sv: null, updated_by: null, updated_at: TS },
  ]).execute();
}

/** Unfolds every "Visa siffrorna som tabell", so axe checks the tables as well. */
async function openTables(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
  });
}

describeInBrowser('the coordinator follows up the international work on the dashboard', () => {
  const b = useAdminBrowserApp();

  beforeAll(async () => {
    await seedFigures(b.t);
  }, 120_000);

  test('in Swedish: axe at 1280 and 320 px, the filter form and a CSV download by keyboard', async () => {
    const page = await b.pageAs(b.t.users.coordinator, { width: 1280, height: 900 });
    expect((await page.goto('/admin/arvika/uppfoljning'))?.status()).toBe(200);
    await shot(page, 'sv-1280');
    await expectAccessible(page, { lang: 'sv', what: 'the dashboard' });
    await openTables(page);
    await expectAccessible(page, { lang: 'sv', what: 'the dashboard with its tables open' });

    // By keyboard: into the filter form, choose a period, send it.
    await page.goto('/admin/arvika/uppfoljning');
    await tabTo(page, '#fran');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(String(Y - 1));
    await tabTo(page, 'form.dashboard-filter button[type="submit"]');
    await Promise.all([page.waitForURL(/fran=/), page.keyboard.press('Enter')]);
    expect(page.url()).toContain(`fran=${Y - 1}`);
    expect(await page.locator('.dashboard-showing').innerText()).toContain(`Visar ${Y - 1}–${Y}, hela kommunen.`);
    // On to the first chart's CSV download, by keyboard.
    await tabTo(page, 'a[href*="/diagram/externa-medel-per-ar?"][href*="format=csv"]', { max: 120 });
    expect(await focusedHtml(page)).toContain('CSV');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe(`arvika-externa-medel-per-ar-${Y - 1}-${Y}.csv`);

    await page.setViewportSize({ width: 320, height: 900 });
    await page.goto('/admin/arvika/uppfoljning');
    await shot(page, 'sv-320');
    await openTables(page);
    await expectAccessible(page, { lang: 'sv', width: 320, what: 'the dashboard on a phone, tables open' });
  }, 180_000);

  test('in English, a chart on its own page, and the 400 page of invalid filters', async () => {
    const page = await b.pageAs(b.t.users.reader, { width: 1280, height: 900 });
    expect((await page.goto('/en/admin/arvika/uppfoljning'))?.status()).toBe(200);
    expect(await page.locator('h1').innerText()).toBe('Follow-up');
    await openTables(page);
    await expectAccessible(page, { lang: 'en', what: 'the English dashboard' });
    await expectAccessible(page, { lang: 'en', width: 320, what: 'the English dashboard on a phone' });

    await page.setViewportSize({ width: 1280, height: 900 });
    expect((await page.goto('/admin/arvika/uppfoljning/diagram/projekt-per-land'))?.status()).toBe(200);
    await expectAccessible(page, { lang: 'sv', what: 'one chart on its own page' });

    expect((await page.goto('/admin/arvika/uppfoljning?fran=abc&halvar=2026H9'))?.status()).toBe(400);
    await shot(page, 'invalid', false);
    await expectAccessible(page, { lang: 'sv', what: 'the dashboard with invalid filters' });
    expect(await page.locator('.error-summary').innerText()).toContain('Från år ska vara ett årtal');
  }, 180_000);

  test('the public municipality page with its key figures passes axe in both languages', async () => {
    const page = await b.pageAs(undefined, { width: 1280, height: 900 });
    expect((await page.goto('/arvika'))?.status()).toBe(200);
    await shot(page, 'public-1280');
    await openTables(page);
    await expectAccessible(page, { lang: 'sv', what: 'the public page' });
    await expectAccessible(page, { lang: 'sv', width: 320, what: 'the public page on a phone' });
    await page.goto('/arvika');
    await shot(page, 'public-320');
    await page.setViewportSize({ width: 1280, height: 900 });
    expect((await page.goto('/en/arvika'))?.status()).toBe(200);
    await openTables(page);
    await expectAccessible(page, { lang: 'en', what: 'the English public page' });
    await expectAccessible(page, { lang: 'en', width: 320, what: 'the English public page on a phone' });
  }, 180_000);
});
