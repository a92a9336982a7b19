/**
 * A coordinator attaches files to a project by keyboard: the attachments page, its error state and
 * the delete confirmation pass axe (WCAG 2.1 A/AA) in Swedish and English at 320 and 1280 px, and
 * every control is reached with Tab.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type AdminTestApp, createAdminTestApp } from '../support/admin.js';
import { htmlFile, pdfFile } from '../support/attachment-files.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, describeInBrowser, expectAccessible, tabTo } from './support.js';

describeInBrowser('a coordinator attaches files by keyboard', () => {
  let t: AdminTestApp;
  let browser: Browser;
  let baseUrl: string;
  let close: () => Promise<void>;
  let project: number;
  let dir: string;

  beforeAll(async () => {
    t = await createAdminTestApp('sqlite');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'utblick-attachments-browser-'));
    t.config.attachments.dir = dir;
    project = Number((await t.handle.db.selectFrom('projects').select('id').where('municipality_id', '=', t.arvikaId).orderBy('id').executeTakeFirstOrThrow()).id);
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
  });
  afterAll(async () => {
    await close?.();
    await t?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function signedInPage(width: number): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 800 }, baseURL: baseUrl });
    // Chromium keeps a __Host- (Secure) cookie for localhost, a secure context, when it is set for https.
    const [name, value] = t.users.coordinator.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: baseUrl.replace('http:', 'https:'), secure: true, httpOnly: true, sameSite: 'Lax' }]);
    return context.newPage();
  }

  for (const width of [320, 1280]) {
    for (const lang of ['sv', 'en'] as const) {
      test(`upload, refusal and delete pass axe (${lang}, ${width} px)`, async () => {
        const page = await signedInPage(width);
        const url = `${lang === 'en' ? '/en' : ''}/admin/arvika/bilagor/project/${project}`;
        expect((await page.goto(url))?.status()).toBe(200);
        await expectAccessible(page, { lang, what: 'list' });

        // A refused file: error summary and the error beside the field.
        await tabTo(page, 'input[type="file"]', { max: 120 });
        await page.setInputFiles('input[type="file"]', { name: 'rapport.pdf', mimeType: 'application/pdf', buffer: htmlFile() });
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('submit');
        await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
        await page.waitForSelector('.error-summary');
        await expectAccessible(page, { lang, what: 'refused' });

        // An accepted file.
        await page.setInputFiles('input[type="file"]', { name: `Slutrapport ${lang} ${width}.pdf`, mimeType: 'application/pdf', buffer: pdfFile() });
        await tabTo(page, 'button.button[type="submit"]', { max: 120 });
        await Promise.all([page.waitForURL(/klart=uppladdad/), page.keyboard.press('Enter')]);
        await expectAccessible(page, { lang, what: 'uploaded' });

        // Delete through the confirmation page, by keyboard.
        await tabTo(page, `a[href*="/ta-bort"]`, { max: 200 });
        await Promise.all([page.waitForURL(/\/ta-bort$/), page.keyboard.press('Enter')]);
        await expectAccessible(page, { lang, what: 'confirm delete' });
        await tabTo(page, 'button.button--warning', { max: 120 });
        await Promise.all([page.waitForURL(/klart=borttagen/), page.keyboard.press('Enter')]);
        await page.context().close();
      }, 90_000);
    }
  }
});
