/** The browser test harness for the back office: a signed-in session survives a form's redirect. */
import { expect, test } from 'vitest';
import { useAdminBrowserApp } from './admin-support.js';
import { describeInBrowser } from './support.js';

describeInBrowser('back office in the browser', () => {
  const b = useAdminBrowserApp();
  test('a signed-in coordinator sees the overview, and stays signed in after a redirect', async () => {
    const page = await b.pageAs(b.t.users.coordinator);
    expect((await page.goto('/admin'))?.status()).toBe(200);
    expect(page.url()).toMatch(/\/admin\/arvika$/);
    expect(await page.textContent('h1')).toContain('Översikt');
  });
  test('anyone not signed in lands on the sign-in page', async () => {
    const page = await b.pageAs(undefined);
    await page.goto('/admin/arvika/projekt');
    expect(page.url()).toContain('/admin/logga-in?till=');
  });
});
