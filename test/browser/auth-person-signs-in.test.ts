/**
 * A person signs in to the back office by keyboard: password, second-factor set-up with a code,
 * recovery codes, the account page, signing out, signing in again with a code, a forgotten
 * password. Every page on the way, in Swedish and English, at 320 px and 1280 px: axe finds no
 * WCAG 2.1 A/AA violations, one h1, the page's language, nothing scrolls sideways at 320 px.
 */
import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import { createAccount } from '../../src/features/auth/accounts.js';
import { hashPassword } from '../../src/features/auth/passwords.js';
import { sha256Hex } from '../../src/features/auth/session.js';
import { totpCode } from '../support/auth-browser.js';
import { useAdminBrowserApp } from './admin-support.js';
import { describeInBrowser, expectAccessible, tabTo } from './support.js';

const PASSWORD = 'skogen vid glafsfjorden 1911';

/** Presses Enter on the focused control and waits for the page it leads to. */
async function enter(page: Page): Promise<void> {
  await Promise.all([page.waitForEvent('framenavigated').then(() => page.waitForLoadState()), page.keyboard.press('Enter')]);
}

describeInBrowser('a person signs in by keyboard', () => {
  const b = useAdminBrowserApp();
  const people: Record<string, string> = {};
  beforeAll(async () => {
    const hash = await hashPassword(PASSWORD);
    for (const key of ['sv-1280', 'en-320', 'sv-320']) {
      const email = `${key}@arvika.example.se`;
      await createAccount(b.t.handle.db, { email, displayName: `Person ${key}`, passwordHash: hash, preferredLang: key.startsWith('en') ? 'en' : 'sv', role: { municipalityId: b.t.arvikaId, role: 'coordinator' } }, { userId: null, label: 'test' });
      people[key] = email;
    }
  });

  test.for([
    ['sv', 1280],
    ['en', 320],
    ['sv', 320],
  ] as const)('%s at %i px', async ([lang, width]) => {
    const email = people[`${lang}-${width}`]!;
    const p = lang === 'en' ? '/en/admin' : '/admin';
    const page = await b.pageAs(undefined, { width, height: 900 });

    // Not signed in: sent to the sign-in page, keeping the way back.
    await page.goto(`${p}/arvika`);
    expect(new URL(page.url()).pathname).toBe(`${p}/logga-in`);
    await expectAccessible(page, { lang, width: width, what: 'sign-in page' });

    // Sending the empty form shows every error.
    await tabTo(page, 'main form button[type="submit"]');
    await enter(page);
    expect(await page.locator('.error-summary li').count()).toBe(2);
    await expectAccessible(page, { lang, width: width, what: 'sign-in page with errors' });

    // Email and password by keyboard.
    await tabTo(page, '#email');
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('password');
    await page.keyboard.type(PASSWORD);
    await enter(page);
    expect(new URL(page.url()).pathname).toBe(`${p}/logga-in/tvafaktor`);
    await expectAccessible(page, { lang, width: width, what: 'second-factor set-up' });

    const secret = (await page.locator('#totp-secret').textContent())!.replace(/\s/g, '');
    await tabTo(page, '#code');
    await page.keyboard.type('000000');
    await enter(page);
    expect(await page.locator('.error-summary').count()).toBe(1);
    await expectAccessible(page, { lang, width: width, what: 'second-factor set-up with an error' });
    await tabTo(page, '#code');
    await page.keyboard.type(totpCode(secret));
    await enter(page);
    expect(await page.locator('.recovery-codes li').count()).toBe(10);
    await expectAccessible(page, { lang, width: width, what: 'recovery codes' });

    await tabTo(page, 'main a.button');
    await enter(page);
    expect(new URL(page.url()).pathname).toBe(`${p}/arvika`);

    // The account page, and its errors.
    await page.goto(`${p}/konto`);
    await expectAccessible(page, { lang, width: width, what: 'account page' });
    await tabTo(page, '#current_password');
    await page.keyboard.type('fel');
    await tabTo(page, '#new_password');
    await page.keyboard.type('kort');
    await enter(page);
    expect(await page.locator('.error-summary li').count()).toBe(3);
    await expectAccessible(page, { lang, width: width, what: 'account page with errors' });

    // Sign out with the header's button.
    await tabTo(page, 'header form button[type="submit"]');
    await enter(page);
    expect(new URL(page.url()).search).toBe('?klart=utloggad');
    await expectAccessible(page, { lang, width: width, what: 'signed out' });

    // Sign in again: now the code page.
    await tabTo(page, '#email');
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await enter(page);
    expect(new URL(page.url()).pathname).toBe(`${p}/logga-in/kod`);
    await expectAccessible(page, { lang, width: width, what: 'code page' });
    await tabTo(page, '#code');
    await page.keyboard.type(totpCode(secret, Date.now() + 30_000));
    await enter(page);
    expect(new URL(page.url()).pathname).toBe(`${p}/arvika`);

    // Forgotten password, the sent page, a reset link and a spent one.
    const anonymous = await b.pageAs(undefined, { width, height: 900 });
    await anonymous.goto(`${p}/glomt-losenord`);
    await expectAccessible(anonymous, { lang, width: width, what: 'forgotten password' });
    await tabTo(anonymous, '#email');
    await anonymous.keyboard.type(email);
    await enter(anonymous);
    await expectAccessible(anonymous, { lang, width: width, what: 'reset link sent' });
    const token = `browser-test-token-${lang}-${width}-0123456789`;
    const user = await b.t.handle.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
    await b.t.handle.db
      .insertInto('password_resets')
      .values({ token_hash: sha256Hex(token), user_id: user.id, created_at: new Date().toISOString(), expires_at: new Date(Date.now() + 600_000).toISOString(), used_at: null })
      .execute();
    await anonymous.goto(`${p}/aterstall/${token}`);
    await expectAccessible(anonymous, { lang, width: width, what: 'new password' });
    await anonymous.goto(`${p}/aterstall/spent-token-0123456789abcdef`);
    await expectAccessible(anonymous, { lang, width: width, what: 'spent reset link' });
  });

  test.for(['sv', 'en'] as const)('the single sign-on settings and its error page (%s)', async (lang) => {
    const p = lang === 'en' ? '/en/admin' : '/admin';
    const page = await b.pageAs(b.t.users.municipal_admin, { width: 320, height: 900 });
    await page.goto(`${p}/arvika/installningar/inloggning`);
    await expectAccessible(page, { lang, width: 320, what: 'single sign-on settings' });
    await tabTo(page, 'main form button[type="submit"]', { max: 120 });
    await enter(page);
    expect(await page.locator('.error-summary li').count()).toBeGreaterThanOrEqual(3);
    await expectAccessible(page, { lang, width: 320, what: 'single sign-on settings with errors' });
    await page.goto(`${p}/sso/fel?orsak=inget-konto`);
    await expectAccessible(page, { lang, width: 320, what: 'single sign-on refused' });
  });
});
