/**
 * User story: a resident of Arvika, using the keyboard alone, searches the project database for
 * twin-town work ("vänort"), narrows it to Norway, reads a project, comes back, exports the
 * selection as CSV, and then reads the same selection in English.
 *
 * The journey runs in Arvika: Ale's "vänort" projects are with Finland and Italy, while Arvika's
 * twin-town cooperation includes Kongsvinger in Norway.
 */
import fs from 'node:fs';
import { expect, test } from 'vitest';
import { describeInBrowser, focusedHtml, tabTo, useBrowserApp } from './support.js';

describeInBrowser('a resident searches the project database by keyboard', () => {
  const b = useBrowserApp();

  test('Arvika: search "vänort", narrow to Norway, open a project, go back, export CSV, switch to English', async () => {
    // The seed data behind the journey: Arvika has "vänort" projects with Norway.
    const api = await b.fetch('/api/v1/municipalities/arvika/projects?q=v%C3%A4nort&country=NO');
    const expected = (await api.json()) as { total: number; items: { id: number; title: string }[] };
    expect(expected.total).toBeGreaterThan(0);

    const page = await b.newPage({ width: 1280 });
    await page.goto('/arvika/projekt');
    await expect(page.locator('h1').textContent()).resolves.toMatch(/^Projektdatabas – Arvika/);

    // 1. Search for "vänort": Tab to the search field, type, Enter.
    await tabTo(page, 'input#q');
    await page.keyboard.type('vänort');
    await Promise.all([page.waitForURL(/[?&]q=v%C3%A4nort/), page.keyboard.press('Enter')]);
    const heading = page.locator('#results-heading');
    await expect(heading.textContent()).resolves.toMatch(/^\d+ projekt matchar ”vänort”$/);
    const allCount = Number((await heading.textContent())!.split(' ')[0]);
    expect(allCount).toBeGreaterThanOrEqual(expected.total);
    await expect(page.locator('input#q').inputValue()).resolves.toBe('vänort');

    // 2. Narrow to Norway: Tab to the country filter, choose with the arrow keys, apply.
    await tabTo(page, 'select#f-country');
    for (let i = 0; i < 10 && (await page.locator('select#f-country').inputValue()) !== 'NO'; i++) await page.keyboard.press('ArrowDown');
    await expect(page.locator('select#f-country').inputValue()).resolves.toBe('NO');
    await tabTo(page, 'button.secondary[type="submit"]');
    await Promise.all([page.waitForURL(/country=NO/), page.keyboard.press('Enter')]);
    await expect(heading.textContent()).resolves.toBe(`${expected.total} projekt matchar ”vänort”`);
    const chips = page.locator('ul.chips a');
    await expect(chips.first().textContent()).resolves.toBe('Land: Norge');
    await expect(chips.first().getAttribute('aria-label')).resolves.toBe('Ta bort filtret Land: Norge');
    const titles = await page.locator('ul.results h3 a').allTextContents();
    expect(titles).toEqual(expected.items.map((i) => i.title));
    const selectionUrl = new URL(page.url());
    expect(selectionUrl.searchParams.get('q')).toBe('vänort');
    expect(selectionUrl.searchParams.get('country')).toBe('NO');

    // 3. Open the first project: Tab to its link, Enter.
    await tabTo(page, 'ul.results li:first-child h3 a');
    await Promise.all([page.waitForURL(/\/arvika\/projekt\/\d+\?urval=/), page.keyboard.press('Enter')]);
    await expect(page.locator('h1').textContent()).resolves.toBe(expected.items[0]!.title);
    await expect(page.locator('dl.facts').textContent()).resolves.toContain('Norge');
    // The page's own way back leads to the same selection.
    const back = await page.locator('a', { hasText: 'Tillbaka till projektdatabasen' }).getAttribute('href');
    const backUrl = new URL(back ?? '', selectionUrl);
    expect(backUrl.pathname).toBe('/arvika/projekt');
    expect(backUrl.searchParams.get('q')).toBe('vänort');
    expect(backUrl.searchParams.get('country')).toBe('NO');

    // 4. Go back (the browser's Back, Alt+Left for a keyboard user): the selection is still there.
    await page.goBack();
    expect(page.url()).toBe(selectionUrl.toString());
    await expect(heading.textContent()).resolves.toBe(`${expected.total} projekt matchar ”vänort”`);
    await expect(chips.first().textContent()).resolves.toBe('Land: Norge');

    // 5. Export the selection as CSV: Tab to the CSV link, Enter, and read the download.
    await page.locator('body').focus();
    await tabTo(page, '.exports a[href*="projekt.csv"]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/^arvika-projekt.*\.csv$/);
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split(/\r?\n/).filter(Boolean);
    expect(lines[0]!.split(';').length).toBeGreaterThan(3);
    expect(lines.length).toBe(1 + expected.total);
    for (const item of expected.items) expect(bytes.toString('utf8')).toContain(item.title);

    // 6. Switch to English with the language link (Shift+Tab back up to the header).
    await tabTo(page, 'a.lang-switch', { backwards: true, max: 200 });
    expect(await focusedHtml(page)).toContain('In English');
    await Promise.all([page.waitForURL(/\/en\/arvika\/projekt\?/), page.keyboard.press('Enter')]);
    const enUrl = new URL(page.url());
    expect(enUrl.pathname).toBe('/en/arvika/projekt');
    expect(enUrl.search).toBe(selectionUrl.search);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.locator('h1').textContent()).resolves.toMatch(/^Project database – Arvika/);
    await expect(heading.textContent()).resolves.toBe(`${expected.total} projects match “vänort”`);
    await expect(chips.first().textContent()).resolves.toBe('Country: Norway');
    expect(await page.locator('ul.results h3 a').count()).toBe(expected.total);
    await expect(page.locator('input#q').inputValue()).resolves.toBe('vänort');
    await expect(page.locator('select#f-country').inputValue()).resolves.toBe('NO');
  });
});
