/**
 * A coordinator imports projects by keyboard: upload, columns, preview (with and without errors),
 * run and result, and the Interreg pages, all pass axe (WCAG 2.1 A/AA) in Swedish and English,
 * at 320 and 1280 px without sideways scrolling.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEFAULT_INTERREG_FILE } from '../../src/features/imports/interreg/cli.js';
import { type AdminTestApp, createAdminTestApp } from '../support/admin.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, describeInBrowser, expectAccessible, tabTo } from './support.js';

/** Chooses a file and sends the form, by keyboard. */
async function uploadByKeyboard(page: Page, name: string, content: string) {
  await tabTo(page, 'input[type="file"]', { max: 60 });
  await page.setInputFiles('input[type="file"]', { name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('submit');
  await Promise.all([page.waitForLoadState('load'), page.waitForNavigation(), page.keyboard.press('Enter')]);
}

/** Tabs to a submit button whose text contains `text` and presses Enter. */
async function pressButton(page: Page, text: string) {
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => (document.activeElement?.tagName === 'BUTTON' ? (document.activeElement.textContent ?? '') : ''));
    if (label.includes(text)) {
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      return;
    }
  }
  throw new Error(`No button "${text}" reached by keyboard`);
}

describeInBrowser('a coordinator imports projects by keyboard', () => {
  let t: AdminTestApp;
  let browser: Browser;
  let baseUrl: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    t = await createAdminTestApp('sqlite');
    const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
    baseUrl = `http://localhost:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    close = async () => {
      await browser.close().catch(() => {});
      await new Promise<void>((resolve) => {
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close(() => resolve());
      });
    };
  }, 120_000);
  afterAll(async () => {
    await close?.();
    await t?.close();
  });

  async function coordinatorPage(width: number): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 800 }, baseURL: baseUrl });
    // Chromium keeps a __Host- (Secure) cookie for localhost, a secure context, when it is set for https.
    const [name, value] = t.users.coordinator.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: baseUrl.replace('http:', 'https:'), secure: true, httpOnly: true, sameSite: 'Lax' }]);
    return context.newPage();
  }

  for (const width of [320, 1280]) {
    for (const lang of ['sv', 'en'] as const) {
      const prefix = lang === 'en' ? '/en' : '';
      test(`upload, columns, preview, run and result pass axe (${lang}, ${width} px)`, async () => {
        const page = await coordinatorPage(width);
        expect((await page.goto(`${prefix}/admin/arvika/import`))?.status()).toBe(200);
        await expectAccessible(page, { lang, what: 'start' });

        // A file with errors: the preview lists them and offers no run.
        await uploadByKeyboard(page, 'fel.csv', 'Titel;Startdatum\nEtt;2026-02-30\n');
        expect(page.url()).toMatch(/\/kolumner$/);
        await expectAccessible(page, { lang, what: 'columns' });
        await pressButton(page, lang === 'sv' ? 'Förhandsgranska' : 'Preview');
        await expectAccessible(page, { lang, what: 'preview with errors' });
        expect(await page.locator('table caption').first().textContent()).toMatch(lang === 'sv' ? /1 fel/ : /1 error/);

        // A good file all the way.
        await page.goto(`${prefix}/admin/arvika/import`);
        await uploadByKeyboard(page, 'bra.csv', `Titel;Typ;Startdatum;Budget (kr)\nTangentbordsprojekt ${lang} ${width};Utbyte;2027-01-01;1 000,50\n`);
        await pressButton(page, lang === 'sv' ? 'Förhandsgranska' : 'Preview');
        await expectAccessible(page, { lang, what: 'preview' });
        await pressButton(page, lang === 'sv' ? 'Importera' : 'Import');
        await expectAccessible(page, { lang, what: 'result' });
        expect(await page.locator('progress').getAttribute('value')).toBe('1');
        expect(await page.locator('[role="status"]').first().textContent()).toMatch(lang === 'sv' ? /klar/ : /done/);
      }, 60_000);

      test.runIf(fs.existsSync(DEFAULT_INTERREG_FILE))(`the Interreg pages pass axe (${lang}, ${width} px)`, async () => {
        const page = await coordinatorPage(width);
        expect((await page.goto(`${prefix}/admin/arvika/import/interreg`))?.status()).toBe(200);
        await expectAccessible(page, { lang, what: 'interreg start' });
        await pressButton(page, lang === 'sv' ? 'Använd listan' : 'Use the list');
        await expectAccessible(page, { lang, what: 'interreg choose' });
        await pressButton(page, lang === 'sv' ? 'Provkör' : 'Dry run');
        await expectAccessible(page, { lang, what: 'interreg dry run' });
        expect(await page.content()).toContain('CircleBIM');
      }, 60_000);
    }
  }
});
