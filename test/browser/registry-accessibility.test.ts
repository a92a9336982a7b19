/**
 * The registry pages of the back office (external organisations, units, partnerships), in Swedish
 * and English, at 320 and 1280 px: axe finds no WCAG 2.1 A/AA violations, one h1, nothing scrolls
 * sideways at 320 px. A coordinator adds an organisation and a timeline event by keyboard only.
 *
 * The app is served on 127.0.0.1 (test/browser/admin-support.ts), one browser context per role.
 */
import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import type { AdminTestApp } from '../support/admin.js';
import { useAdminBrowserApp } from './admin-support.js';
import { describeInBrowser, expectAccessible, tabTo } from './support.js';

type Role = 'coordinator' | 'unit_editor' | 'reader';

describeInBrowser('accessibility of the registry pages', () => {
  const b = useAdminBrowserApp();
  let t: AdminTestApp;
  let page: Page;
  const pages = new Map<Role, Page>();
  const as = async (role: Role) => {
    let p = pages.get(role);
    if (!p) {
      p = await b.pageAs(t.users[role]);
      pages.set(role, p);
    }
    page = p;
    return p;
  };
  const ids = { org: 0, unit: 0, partnership: 0, draft: 0 };

  beforeAll(async () => {
    t = b.t;
    const db = t.handle.db;
    ids.org = Number((await db.selectFrom('organisations').select('id').where('name_sv', '=', 'Ylöjärvi').executeTakeFirstOrThrow()).id);
    ids.unit = Number((await db.selectFrom('organisations').select('id').where('municipality_id', '=', t.arvikaId).where('kind', '=', 'executive_board').executeTakeFirstOrThrow()).id);
    ids.partnership = Number((await db.selectFrom('partnerships').select('id').where('municipality_id', '=', t.arvikaId).where('kind', '=', 'twinning').executeTakeFirstOrThrow()).id);
    const skive = Number((await db.selectFrom('organisations').select('id').where('name_sv', '=', 'Skive').executeTakeFirstOrThrow()).id);
    const res = await t.request(t.users.unit_editor, '/admin/arvika/samarbeten/ny', {
      form: {
        kind: 'cooperation',
        title_sv: 'Skolsamarbete med Skive',
        status: 'proposed',
        owner_unit_id: String(t.ownUnit.id),
        'partner-0': String(skive),
        'event-0-kind': 'first_contact',
        'event-0-date': 'hösten 1992',
        'event-0-description_sv': 'Första kontakten.',
        do: 'submit',
      },
    });
    ids.draft = Number(/samarbeten\/(\d+)\?/.exec(res.headers.get('location') ?? '')![1]);
  }, 120_000);

  const PAGES = [
    { name: 'organisations', user: 'reader', path: () => '/admin/arvika/organisationer' },
    { name: 'organisation', user: 'coordinator', path: () => `/admin/arvika/organisationer/${ids.org}` },
    { name: 'new organisation', user: 'coordinator', path: () => '/admin/arvika/organisationer/ny' },
    { name: 'edit organisation', user: 'coordinator', path: () => `/admin/arvika/organisationer/${ids.org}/redigera` },
    { name: 'units', user: 'coordinator', path: () => '/admin/arvika/enheter' },
    { name: 'unit', user: 'reader', path: () => `/admin/arvika/enheter/${ids.unit}` },
    { name: 'edit unit', user: 'coordinator', path: () => `/admin/arvika/enheter/${ids.unit}/redigera` },
    { name: 'partnerships', user: 'coordinator', path: () => '/admin/arvika/samarbeten' },
    { name: 'published partnership', user: 'coordinator', path: () => `/admin/arvika/samarbeten/${ids.partnership}` },
    { name: 'partnership in review', user: 'coordinator', path: () => `/admin/arvika/samarbeten/${ids.draft}` },
    { name: 'new partnership', user: 'unit_editor', path: () => '/admin/arvika/samarbeten/ny' },
    { name: 'edit partnership', user: 'coordinator', path: () => `/admin/arvika/samarbeten/${ids.partnership}/redigera` },
  ] as const;

  for (const lang of ['sv', 'en'] as const) {
    for (const p of PAGES) {
      test(`${lang}: ${p.name}`, async () => {
        await as(p.user);
        const res = await page.goto(`${lang === 'en' ? '/en' : ''}${p.path()}`);
        expect(res?.status()).toBe(200);
        for (const width of [320, 1280]) await expectAccessible(page, { lang, width });
      }, 60_000);
    }

    test(`${lang}: the forms with errors, and sending back without a comment`, async () => {
      await as('coordinator');
      const prefix = lang === 'en' ? '/en' : '';
      const post = async (selector: string, status: number) => {
        const [res] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click(selector)]);
        expect(res.status()).toBe(status);
        for (const width of [320, 1280]) await expectAccessible(page, { lang, width });
      };
      await page.goto(`${prefix}/admin/arvika/organisationer/ny`);
      await page.fill('#website', 'http://x');
      await page.fill('#latitude', '100');
      await post('main form button[type="submit"]', 400);
      await page.goto(`${prefix}/admin/arvika/enheter/ny`);
      await post('main form button[type="submit"]', 400);
      await page.goto(`${prefix}/admin/arvika/samarbeten/ny`);
      await page.fill('[id="event-0-date"]', 'någon gång');
      await post('button[name="do"][value="save"].button', 400);
      await page.goto(`${prefix}/admin/arvika/samarbeten/${ids.draft}`);
      await post('form[action$="skicka-tillbaka"] button', 400);
    }, 90_000);
  }

  test('a coordinator adds an organisation, then a timeline event, by keyboard only', async () => {
    await as('coordinator');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/admin/arvika/organisationer/ny');
    await tabTo(page, '#kind', { max: 40 });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Kongsvingers skolor');
    await tabTo(page, 'main form button[type="submit"]', { max: 60 });
    const [res] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.keyboard.press('Enter')]);
    expect(res.status()).toBe(303);
    // Chromium drops the session header (set per context) when it follows a redirect, and lands
    // on the sign-in page: let that finish, then go where the redirect pointed.
    const afterPost = async () => page.waitForURL(/logga-in|klart=/);
    await afterPost();
    const created = (await res.headerValue('location')) ?? '';
    expect(created).toMatch(/^\/admin\/arvika\/organisationer\/\d+\?klart=created$/);
    await page.goto(created);
    expect(await page.locator('h1').textContent()).toBe('Kongsvingers skolor');

    await page.goto(`/admin/arvika/samarbeten/${ids.draft}/redigera`);
    await tabTo(page, '[id="event-1-kind"]', { max: 200 });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.type('våren 1994');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Avtalet förbereddes.');
    // Enter in a text field saves the draft (the form's first button), it does not add a row.
    await tabTo(page, '[id="event-1-place"]', { max: 10 });
    await page.keyboard.type('Arvika');
    const [saved] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.keyboard.press('Enter')]);
    expect(saved.status()).toBe(303);
    await afterPost();
    const location = (await saved.headerValue('location')) ?? '';
    expect(location).toContain('klart=saved');
    await page.goto(location);
    expect(await page.locator('.timeline').textContent()).toContain('våren 1994');
  }, 60_000);
});
