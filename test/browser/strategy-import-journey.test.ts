/**
 * The coordinator imports Ale's strategy from its text, fixes one goal, confirms, and finds the
 * strategy with its 11 directions: by keyboard, in Chromium. axe finds no WCAG 2.1 A/AA violations
 * on the import form, the correction form (with the importer's warning) and the strategy page, in
 * Swedish and English; the correction form's row buttons are reached by Tab and name their row.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import type { AdminTestApp } from '../support/admin.js';
import { useAdminBrowserApp } from './admin-support.js';
import { activate, byId, pressAndArrive, tabToAndType } from './journey-support.js';
import { describeInBrowser, expectAccessible, tabTo } from './support.js';

const ALE_TEXT = fs.readFileSync(new URL('../../../shared/seeds/004_80a054d53fd2fabb.txt', import.meta.url), 'utf8');
const FIXED = 'Stödja och utveckla internationellt samarbete';

describeInBrowser('the coordinator imports a strategy from its text', () => {
  const app = useAdminBrowserApp();
  let t: AdminTestApp;
  let page: Page;
  const path = () => {
    const u = new URL(page.url());
    return u.pathname + u.search;
  };
  const rowTitles = () => page.locator('input[id$=".title"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));

  beforeAll(async () => {
    t = app.t;
    page = await app.pageAs(t.users.coordinator, { width: 1280, height: 900 });
  });

  /** Opens the import form, pastes Ale's text into it and sends it: the correction form. */
  const pasteAle = async (prefix: '' | '/en') => {
    await page.goto(`${prefix}/admin/arvika/strategi`);
    await activate(page, `main a[href="${prefix}/admin/arvika/strategi/importera"]`);
    expect(path()).toBe(`${prefix}/admin/arvika/strategi/importera`);
    await expectAccessible(page, { lang: prefix ? 'en' : 'sv', what: 'the import form' });
    await tabTo(page, '#text');
    // Pasting: the whole text arrives at once.
    await page.keyboard.insertText(ALE_TEXT);
    await tabTo(page, 'main form button[type="submit"]');
    expect((await pressAndArrive(page)).status).toBe(200);
    await expectAccessible(page, { lang: prefix ? 'en' : 'sv', what: 'the correction form with warnings' });
    expect(await page.locator('.notice--warn li').count()).toBeGreaterThan(0);
  };

  test('Samordnaren importerar Ales strategi, rättar ett mål och bekräftar', async () => {
    await pasteAle('');
    expect(await page.locator('h1').textContent()).toBe('Granska förslaget');
    const titles = await rowTitles();
    expect(titles).toHaveLength(13);
    expect(titles[1]).toBe('Stödja internationellt samarbete');

    // The first row button is reached by Tab, after the fields before it, and names its row.
    await page.locator('h1').focus();
    await tabTo(page, '.tree-ops button', { max: 200 });
    const first = page.locator('.tree-ops button').first();
    expect(await first.evaluate((b) => b === document.activeElement)).toBe(true);
    expect(await first.getAttribute('value')).toBe('down:0');
    expect((await first.textContent())?.replace(/\s+/g, ' ')).toBe('Flytta ned: Inriktning för Ale kommuns internationella arbete');

    // Fix one goal: its title.
    await tabToAndType(page, byId('node.1.title'), FIXED, 200);
    await tabTo(page, 'button[value="confirm"]', { max: 400 });
    const arrival = await pressAndArrive(page);
    expect(arrival.status).toBe(303);
    expect(path()).toMatch(/^\/admin\/arvika\/strategi\/\d+\?klart=imported$/);
    await expectAccessible(page, { lang: 'sv', what: 'the imported strategy' });
    expect(await page.locator('.notice').textContent()).toContain('Strategin är importerad som utkast.');
    expect(await page.locator('h1').textContent()).toBe('Ale kommuns internationella strategi');
    // Two groups with 6 and 5 directions: 11 directions.
    expect(await page.locator('.goal-tree > li').count()).toBe(2);
    expect(await page.locator('.goal-tree > li > ul > li').count()).toBe(11);
    expect(await page.locator('.goal-tree a', { hasText: FIXED }).count()).toBe(1);
    expect(await page.locator('.goal-tree a', { hasText: 'Medverka till vänortsturism för kommunens medborgare' }).count()).toBe(1);
  }, 90_000);

  test('In English: the forms and the strategy page, and a row moved by keyboard', async () => {
    await pasteAle('/en');
    expect(await page.locator('h1').textContent()).toBe('Check the proposal');
    const before = await rowTitles();
    // Move the second direction down by keyboard: the row button says which goal it moves.
    await page.locator('h1').focus();
    await tabTo(page, 'button[value="down:1"]', { max: 200 });
    expect((await page.locator('button[value="down:1"]').textContent())?.replace(/\s+/g, ' ')).toBe('Move down: Stödja internationellt samarbete');
    expect((await pressAndArrive(page)).status).toBe(200);
    const after = await rowTitles();
    expect(after.slice(1, 3)).toEqual([before[2], before[1]]);
    // The page comes back at the row that moved.
    expect(new URL(page.url()).hash).toBe('#mal-rad-3');
    await expectAccessible(page, { lang: 'en', what: 'the correction form after a move' });
    await tabTo(page, 'button[value="confirm"]', { max: 400 });
    expect((await pressAndArrive(page)).status).toBe(303);
    expect(path()).toMatch(/^\/en\/admin\/arvika\/strategi\/\d+\?klart=imported$/);
    await expectAccessible(page, { lang: 'en', what: 'the imported strategy in English' });
    expect(await page.locator('.goal-tree > li > ul > li').count()).toBe(11);
  }, 90_000);
});
