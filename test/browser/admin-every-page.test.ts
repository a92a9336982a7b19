/**
 * Every back-office page (every GET route in the route table, test/support/admin-routes.ts), as a
 * person allowed to see it, in Swedish at 1280 px and in English at 320 px: axe finds no WCAG 2.1
 * A/AA violation, the page has one h1 and states its language, and nothing scrolls sideways.
 * The pages before sign-in are checked anonymously. Downloads (Word, CSV, XLSX, attachments) are not pages.
 */
import { expect, test } from 'vitest';
import type { TestRole } from '../support/admin.js';
import { fixture } from '../support/admin-fixtures.js';
import { SPEC } from '../support/admin-routes.js';
import { useAdminBrowserApp } from './admin-support.js';
import { accessibilityProblems, describeInBrowser } from './support.js';

const ANONYMOUS_PAGES = ['/admin/logga-in', '/admin/glomt-losenord', '/admin/aterstall/ogiltig-lank-som-inte-finns-0000000000'];

const PAGES = Object.entries(SPEC)
  .filter(([route]) => route.startsWith('GET ') && !/\.(docx|csv|xlsx)$|:filename$/.test(route))
  .map(([route, need]) => ({ pattern: route.slice(4), need }));

function personFor(action: string): TestRole {
  if (action === 'create_municipality') return 'platform_admin';
  if (action === 'manage_users') return 'municipal_admin';
  return 'coordinator';
}

describeInBrowser('every back-office page passes axe', () => {
  const b = useAdminBrowserApp();

  const variants = [
    { lang: 'sv', width: 1280 },
    { lang: 'en', width: 320 },
  ] as const;

  for (const { lang, width } of variants) {
    test(`${lang}, ${width} px`, async () => {
      const failures: string[] = [];
      const t = b.t;
      const check = async (role: TestRole | undefined, path: string) => {
        const page = await b.pageAs(role ? t.users[role] : undefined, { width });
        const url = `${lang === 'en' ? '/en' : ''}${path}`;
        const res = await page.goto(url);
        const status = res?.status() ?? 0;
        if (status >= 400 && !path.includes('/aterstall/')) failures.push(`${url}: status ${status}`);
        for (const problem of await accessibilityProblems(page, { lang })) failures.push(`${url}: ${problem}`);
        await page.context().close();
      };
      for (const path of ANONYMOUS_PAGES) await check(undefined, path);
      for (const { pattern, need } of PAGES) {
        const params = need.record ? await fixture(t, need.record, t.arvikaId, t.ownUnit.id) : {};
        const path = pattern
          .replace(/\{[^}]*\}/g, '')
          .replace(':kommun', 'arvika')
          .replace(/:([A-Za-z]+)/g, (_, name: string) => params[name] ?? name);
        await check(personFor(need.action), path);
      }
      expect(failures).toEqual([]);
    }, 600_000);
  }
});
