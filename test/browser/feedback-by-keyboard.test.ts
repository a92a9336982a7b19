/**
 * "Hjälpte informationen på sidan dig?" answered with the keyboard alone: Tab to "Ja", Space,
 * Tab to the comment, type, send with Enter; the thank-you message is announced (role=status)
 * and the answer shows in the open API's counts. Also the way back from a mistake: sending
 * without choosing gives an error summary whose link leads to the question.
 */
import { expect, test } from 'vitest';
import { describeInBrowser, focusedHtml, tabTo, useBrowserApp } from './support.js';

interface Counts {
  items: { path: string; yes: number; no: number; comments: number }[];
}

describeInBrowser('the feedback form by keyboard', () => {
  const b = useBrowserApp();
  const countsFor = async (path: string) => {
    const res = await b.fetch('/api/v1/municipalities/ale/feedback');
    expect(res.status).toBe(200);
    return ((await res.json()) as Counts).items.find((i) => i.path === path) ?? { path, yes: 0, no: 0, comments: 0 };
  };

  test('a resident answers "Ja" with a comment on a project page (Swedish)', async () => {
    const before = await countsFor('/ale/projekt/5');
    const page = await b.newPage({ width: 1280 });
    await page.goto('/ale/projekt/5');

    await tabTo(page, 'input#feedback-yes', { max: 150 });
    await page.keyboard.press('Space');
    await expect(page.locator('#feedback-yes').isChecked()).resolves.toBe(true);
    await page.keyboard.press('Tab');
    expect(await focusedHtml(page)).toMatch(/^<textarea id="feedback-comment"/);
    await page.keyboard.type('Bra översikt över projektet.');
    await page.keyboard.press('Tab');
    expect(await focusedHtml(page)).toMatch(/^<button type="submit">Skicka<\/button>/);
    await Promise.all([page.waitForURL(/\/ale\/projekt\/5\?tack=1#feedback$/), page.keyboard.press('Enter')]);

    const status = page.locator('#feedback [role="status"]');
    await expect(status.textContent()).resolves.toBe('Tack för ditt svar! Det hjälper oss att förbättra sidan.');
    await expect(status.isVisible()).resolves.toBe(true);
    expect(await page.locator('#feedback form').count()).toBe(0);

    const after = await countsFor('/ale/projekt/5');
    expect(after).toEqual({ path: '/ale/projekt/5', yes: before.yes + 1, no: before.no, comments: before.comments + 1 });
  });

  test('sending without choosing shows an error summary that leads back to the question (English)', async () => {
    const before = await countsFor('/ale');
    const page = await b.newPage({ width: 320 });
    await page.goto('/en/ale');

    await tabTo(page, '#feedback button[type="submit"]', { max: 150 });
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.keyboard.press('Enter')]);
    expect(response.status()).toBe(400);
    await expect(page.locator('.error-summary').getAttribute('role')).resolves.toBe('alert');
    await expect(page.locator('.error-summary a').textContent()).resolves.toBe('Choose yes or no.');
    await expect(page.locator('fieldset').getAttribute('aria-describedby')).resolves.toBe('feedback-yes-error');

    // Follow the error's link: focus lands on the first answer.
    await tabTo(page, '.error-summary a');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('feedback-yes');
    // Arrow keys move within the radio group and choose "No".
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('#feedback-no').isChecked()).resolves.toBe(true);
    await tabTo(page, 'button[type="submit"]');
    await Promise.all([page.waitForURL(/\/en\/ale\?tack=1#feedback$/), page.keyboard.press('Enter')]);
    await expect(page.locator('#feedback [role="status"]').textContent()).resolves.toBe('Thank you for your answer! It helps us improve the page.');

    const after = await countsFor('/ale');
    expect(after).toEqual({ path: '/ale', yes: before.yes, no: before.no + 1, comments: before.comments });
  });
});
