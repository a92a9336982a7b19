/**
 * The project editing and review pages of the back office, in Swedish and English, at 320 and
 * 1280 px: axe finds no WCAG 2.1 A/AA violations, one h1, nothing scrolls sideways at 320 px.
 * An editor fills in the form by keyboard only and saves it.
 *
 * Chromium's requests are answered in-process by the app (page.route), signed in as the test
 * user, so no server or cookie handling is needed.
 */
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type AdminTestApp, createAdminTestApp, type TestUser } from '../support/admin.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, describeInBrowser, expectAccessible, tabTo } from './support.js';

describeInBrowser('accessibility of project editing and review', () => {
  let t: AdminTestApp;
  let browser: Browser;
  let page: Page;
  let as: TestUser;
  const ids = { draft: 0, published: 0, revision: 0 };

  beforeAll(async () => {
    t = await createAdminTestApp('sqlite');
    const form = (title: string, extra: Record<string, string> = {}) => ({ kind: 'exchange', title_sv: title, owner_unit_id: String(t.ownUnit.id), 'countries.0.country': 'NO', 'funding.0.kind': 'eu_grant', 'funding.0.amount': '1000', ...extra });
    const idOf = (res: Response) => Number(/projekt\/(\d+)\?/.exec(res.headers.get('location') ?? '')![1]);
    ids.draft = idOf(await t.request(t.users.unit_editor, '/admin/arvika/projekt/ny', { form: form('Utkast till utbyte') }));
    ids.published = idOf(await t.request(t.users.coordinator, '/admin/arvika/projekt/ny', { form: form('Publicerat utbyte', { _action: 'publish' }) }));
    await t.request(t.users.unit_editor, `/admin/arvika/projekt/${ids.published}/redigera`, { form: form('Publicerat utbyte, ändrat', { _action: 'submit' }) });
    const rev = await t.handle.db.selectFrom('revisions').select('id').where('entity_id', '=', ids.published).where('state', '=', 'in_review').executeTakeFirstOrThrow();
    ids.revision = Number(rev.id);
    await t.request(t.users.unit_editor, `/admin/arvika/projekt/${ids.draft}/skicka`, { form: {} });
    const draftRev = await t.handle.db.selectFrom('revisions').select('id').where('entity_id', '=', ids.draft).where('state', '=', 'in_review').executeTakeFirstOrThrow();
    await t.request(t.users.coordinator, `/admin/arvika/granskning/${draftRev.id}/skicka-tillbaka`, { form: { comment: 'Lägg till en sammanfattning.' } });

    const origin = new URL(t.config.baseUrl).origin;
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ baseURL: origin });
    page = await context.newPage();
    await page.route('**/*', async (route) => {
      const req = route.request();
      const url = new URL(req.url());
      const headers: Record<string, string> = { ...req.headers(), cookie: as.cookie, origin };
      const body = req.postDataBuffer();
      const res = await t.app.request(url.pathname + url.search, { method: req.method(), headers, body: body ? new Uint8Array(body) : undefined });
      await route.fulfill({ status: res.status, headers: Object.fromEntries(res.headers), body: Buffer.from(await res.arrayBuffer()) });
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const PAGES = [
    { name: 'project list', user: 'unit_editor', path: '/admin/arvika/projekt' },
    { name: 'new project', user: 'unit_editor', path: '/admin/arvika/projekt/ny' },
    { name: 'draft sent back', user: 'unit_editor', path: () => `/admin/arvika/projekt/${ids.draft}` },
    { name: 'published with change in review', user: 'coordinator', path: () => `/admin/arvika/projekt/${ids.published}` },
    { name: 'edit form', user: 'coordinator', path: () => `/admin/arvika/projekt/${ids.published}/redigera` },
    { name: 'review queue', user: 'coordinator', path: '/admin/arvika/granskning' },
    { name: 'review item', user: 'coordinator', path: () => `/admin/arvika/granskning/${ids.revision}` },
  ] as const;

  for (const lang of ['sv', 'en'] as const) {
    for (const p of PAGES) {
      test(`${lang}: ${p.name}`, async () => {
        as = t.users[p.user];
        const path = typeof p.path === 'function' ? p.path() : p.path;
        const res = await page.goto(`${lang === 'en' ? '/en' : ''}${path}`);
        expect(res?.status()).toBe(200);
        for (const width of [320, 1280]) await expectAccessible(page, { lang, width });
      }, 60_000);
    }

    test(`${lang}: the form with errors, and the review page without a comment`, async () => {
      as = t.users.coordinator;
      const prefix = lang === 'en' ? '/en' : '';
      await page.goto(`${prefix}/admin/arvika/projekt/ny`);
      await page.fill('#start_date', '2026-13-01');
      await page.fill('[id="funding.0.amount"]', 'mycket');
      const [res] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click('button[name="_action"][value="save"].button')]);
      expect(res.status()).toBe(400);
      for (const width of [320, 1280]) await expectAccessible(page, { lang, width });
      await page.goto(`${prefix}/admin/arvika/granskning/${ids.revision}`);
      const [res2] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click('form[action$="skicka-tillbaka"] button')]);
      expect(res2.status()).toBe(400);
      for (const width of [320, 1280]) await expectAccessible(page, { lang, width });
    }, 60_000);
  }

  test('an editor creates a project by keyboard only', async () => {
    as = t.users.unit_editor;
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/admin/arvika/projekt/ny');
    await tabTo(page, '#kind', { max: 40 });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Studieresa till Kongsvinger');
    await tabTo(page, 'button[name="_action"][value="save"].button', { max: 400 });
    const [res] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.keyboard.press('Enter')]);
    expect(res.status()).toBe(303);
    const location = (await res.allHeaders()).location ?? '';
    expect(location).toMatch(/^\/admin\/arvika\/projekt\/\d+\?klart=created$/);
    // Chromium sometimes follows the redirect of a fulfilled route and sometimes not: wait for it,
    // and go there ourselves only when it did not.
    await page.waitForURL((u) => u.pathname + u.search === location, { timeout: 3000 }).catch(() => undefined);
    for (let attempt = 0; new URL(page.url()).pathname + new URL(page.url()).search !== location && attempt < 5; attempt++) {
      // A goto can be cut short by Chromium's own error page for the unfollowed redirect: retry.
      await page.goto(location).catch(() => page.waitForTimeout(300));
    }
    await page.waitForLoadState('load');
    expect(await page.locator('h1').textContent()).toBe('Studieresa till Kongsvinger');
  }, 60_000);
});
