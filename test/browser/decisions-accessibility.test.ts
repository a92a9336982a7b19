/**
 * The decision pages of the back office (delegation order, settings, decisions, a project's
 * decision route and assessment, a partnership's activation), in Swedish and English, at 320 and
 * 1280 px: axe finds no WCAG 2.1 A/AA violations, one h1, the page's language, nothing scrolls
 * sideways at 320 px. The forms with errors too. A coordinator records a decision and starts a
 * project by keyboard only.
 *
 * The app is served on 127.0.0.1 (test/browser/admin-support.ts); each role has its own browser context.
 */
import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import type { AdminTestApp } from '../support/admin.js';
import { addProject, buildDelegation, type DelegationFixture } from '../integration/decisions-fixtures.js';
import { useAdminBrowserApp } from './admin-support.js';
import { describeInBrowser, expectAccessible, tabTo } from './support.js';

describeInBrowser('accessibility of the decision pages', () => {
  const app = useAdminBrowserApp();
  let t: AdminTestApp;
  let page: Page;
  let f: DelegationFixture;
  const pages = new Map<string, Page>();
  /** Makes `page` a page signed in as the user (one browser context per person). */
  const as = async (user: keyof AdminTestApp['users']) => {
    let p = pages.get(user);
    if (!p) {
      p = await app.pageAs(t.users[user]);
      pages.set(user, p);
    }
    page = p;
  };
  const ids = { project: 0, owned: 0, decision: 0, partnership: 0, rule: 0 };

  beforeAll(async () => {
    t = app.t;
    const db = t.handle.db;
    f = await buildDelegation(db, t.arvikaId);
    ids.rule = f.rule32;
    ids.project = await addProject(db, t.arvikaId, { title: 'Unga i gränslandet', unit: f.department, funding: [{ kind: 'municipal_cash', kr: 120_000 }, { kind: 'own_staff_time', hours: 200 }, { kind: 'eu_grant', kr: 900_000 }], lifecycle: 'assessment' });
    ids.owned = await addProject(db, t.arvikaId, { title: 'Kommunens eget projekt', unit: f.library, role: 'lead', funding: [{ kind: 'own_staff_time', hours: 20 }], lifecycle: 'awaiting_decision' });
    await t.request(t.users.coordinator, '/admin/arvika/beslut/ny', {
      form: { project_id: String(ids.project), subject_sv: 'Medfinansiering', route: 'delegate', rule_id: String(f.rule32), decided_on: '2026-10-01', registry_mode: 'auto', outcome: 'approved', conditions_sv: 'Redovisning till nämnden.' },
    });
    ids.decision = Number((await db.selectFrom('decisions').select('id').where('municipality_id', '=', t.arvikaId).orderBy('id', 'desc').executeTakeFirstOrThrow()).id);
    ids.partnership = Number((await db.selectFrom('partnerships').select('id').where('municipality_id', '=', t.arvikaId).executeTakeFirstOrThrow()).id);
  }, 120_000);

  const PAGES = [
    { name: 'delegation order (reader)', user: 'reader', path: () => '/admin/arvika/delegationsordning' },
    { name: 'delegation order (editable)', user: 'municipal_admin', path: () => '/admin/arvika/delegationsordning' },
    { name: 'new point', user: 'municipal_admin', path: () => '/admin/arvika/delegationsordning/regler/ny' },
    { name: 'edit point', user: 'municipal_admin', path: () => `/admin/arvika/delegationsordning/regler/${ids.rule}` },
    { name: 'settings', user: 'municipal_admin', path: () => '/admin/arvika/installningar' },
    { name: 'decisions', user: 'reader', path: () => '/admin/arvika/beslut' },
    { name: 'new decision', user: 'coordinator', path: () => '/admin/arvika/beslut/ny' },
    { name: 'new decision for a project', user: 'coordinator', path: () => `/admin/arvika/beslut/ny?projekt=${ids.project}` },
    { name: 'decision', user: 'reader', path: () => `/admin/arvika/beslut/${ids.decision}` },
    { name: 'decision route', user: 'coordinator', path: () => `/admin/arvika/projekt/${ids.project}/beslutsvag` },
    { name: 'decision route of an owned project', user: 'coordinator', path: () => `/admin/arvika/projekt/${ids.owned}/beslutsvag` },
    { name: 'assessment', user: 'coordinator', path: () => `/admin/arvika/projekt/${ids.project}/bedomning` },
    { name: 'partnership assessment', user: 'unit_editor', path: () => `/admin/arvika/samarbeten/${ids.partnership}/bedomning` },
    { name: 'partnership activation', user: 'coordinator', path: () => `/admin/arvika/samarbeten/${ids.partnership}/aktivera` },
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

    test(`${lang}: the forms with errors, and a refused step`, async () => {
      const prefix = lang === 'en' ? '/en' : '';
      const post = async (selector: string, status: number) => {
        const [res] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click(selector)]);
        expect(res.status()).toBe(status);
        for (const width of [320, 1280]) await expectAccessible(page, { lang, width });
      };
      await as('municipal_admin');
      await page.goto(`${prefix}/admin/arvika/delegationsordning/regler/ny`);
      await page.fill('#max_amount', 'mycket');
      await post('main form button[type="submit"]', 400);
      await page.goto(`${prefix}/admin/arvika/installningar`);
      await page.fill('#staff_hour_cost', '-1');
      await post('main form button[type="submit"]', 400);
      await as('coordinator');
      await page.goto(`${prefix}/admin/arvika/beslut/ny`);
      await page.fill('#subject_sv', '');
      await page.fill('#decided_on', '');
      await post('main form button[type="submit"].button', 400);
      await page.goto(`${prefix}/admin/arvika/projekt/${ids.project}/bedomning`);
      await post('button[name="intent"][value="complete"]', 400);
      await page.goto(`${prefix}/admin/arvika/projekt/${ids.owned}/beslutsvag`);
      await post('form:has(input[value="approve"]) button', 409);
      await page.goto(`${prefix}/admin/arvika/samarbeten/${ids.partnership}/aktivera`);
      const activate = page.locator('form[action$="/aktivera"] button');
      if (await activate.count()) await post('form[action$="/aktivera"] button', 409);
    }, 90_000);
  }

  test('a coordinator records the committee’s decision and starts a project, by keyboard only', async () => {
    await as('coordinator');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/admin/arvika/projekt/${ids.owned}/beslutsvag`);
    await tabTo(page, `a[href="/admin/arvika/beslut/ny?projekt=${ids.owned}"]`, { max: 60 });
    await Promise.all([page.waitForURL(/beslut\/ny\?projekt=/), page.keyboard.press('Enter')]);
    // The route is pre-filled: the responsible committee is chosen. Fill in the paragraph and send.
    await tabTo(page, '#paragraph', { max: 40 });
    await page.keyboard.type('45');
    await tabTo(page, 'main form button[type="submit"].button', { max: 40 });
    const [res] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.keyboard.press('Enter')]);
    expect(res.status()).toBe(303);
    expect(res.headers().location).toBe(`/admin/arvika/projekt/${ids.owned}/beslutsvag?klart=decision`);
    await page.waitForURL(/beslutsvag\?klart=decision/);
    for (const action of ['approve', 'start']) {
      await tabTo(page, `form:has(input[value="${action}"]) button`, { max: 80 });
      const [r] = await Promise.all([page.waitForResponse((x) => x.request().method() === 'POST'), page.keyboard.press('Enter')]);
      expect(r.status()).toBe(303);
      await page.waitForURL((u) => u.search.includes('klart=') && u.href.endsWith(r.headers().location!.split('?')[1]!));
      await page.waitForLoadState('load');
      expect(await page.locator('.notice').first().textContent()).toContain('Projektets status är ändrad.');
    }
    expect(await page.locator('main .tag').first().textContent()).toBe('Pågående');
  }, 60_000);
});
