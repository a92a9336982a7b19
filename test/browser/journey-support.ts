/**
 * Helpers for the back-office journeys (test/browser/back-office-journeys.test.ts): pressing a
 * key that leads to another page (and following a form's redirect when Chromium lands on the
 * sign-in page instead), and choosing in a select by keyboard. The accessibility check of every
 * page is `expectAccessible` in ./support.ts.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { tabTo } from './support.js';

export interface Arrival {
  /** Status of the first response: the form's POST (303, 400, 409…) or the linked page's GET. */
  status: number;
  /** The redirect's target, when the first response was a redirect. */
  location?: string;
}

/**
 * Presses `key` (Enter by default) on the focused link or button and waits until the page it
 * leads to has loaded. When a form's POST is answered by a redirect, the redirect is followed with
 * `page.goto` unless Chromium already arrived there: the test's session travels in an
 * `extraHTTPHeaders` cookie that Chromium leaves off when it follows a redirect, so it would
 * otherwise land on the sign-in page.
 */
export async function pressAndArrive(page: Page, key = 'Enter'): Promise<Arrival> {
  const main = page.mainFrame();
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().isNavigationRequest() && r.frame() === main),
    page.waitForEvent('framenavigated', { predicate: (f) => f === main }),
    page.keyboard.press(key),
  ]);
  await page.waitForLoadState('load');
  const status = response.status();
  if (status < 300 || status >= 400) return { status };
  const location = (await response.allHeaders()).location ?? '';
  const target = new URL(location, page.url());
  const here = new URL(page.url());
  if (here.pathname + here.search !== target.pathname + target.search) {
    const res = await page.goto(target.pathname + target.search);
    expect(res?.status(), `following the redirect to ${location}`).toBe(200);
  }
  return { status, location };
}

/** Tabs to `selector` and presses Enter on it; returns how the page was reached. */
export async function activate(page: Page, selector: string, max = 120): Promise<Arrival> {
  await tabTo(page, selector, { max });
  return pressAndArrive(page);
}

/**
 * Chooses the option with `value` in the focused select by keyboard: types the start of its label
 * (type-ahead, as people do), then steps with the arrow keys if that did not land on it.
 */
export async function chooseInFocusedSelect(page: Page, value: string): Promise<void> {
  const info = await page.evaluate((v) => {
    const s = document.activeElement;
    if (!(s instanceof HTMLSelectElement)) return undefined;
    const options = [...s.options];
    const target = options.findIndex((o) => o.value === v);
    return { target, label: options[target]?.text ?? '' };
  }, value);
  if (!info || info.target < 0) throw new Error(`the focused element is not a select with the option ${value}`);
  const current = () => page.evaluate(() => (document.activeElement as HTMLSelectElement).selectedIndex);
  // Type-ahead with the label's first word (a space would open the list instead).
  await page.keyboard.type(info.label.split(/\s/)[0]!);
  for (let i = 0; i < 300; i++) {
    const at = await current();
    if (at === info.target) return;
    await page.keyboard.press(at < info.target ? 'ArrowDown' : 'ArrowUp');
  }
  throw new Error(`could not choose ${value} by keyboard`);
}

/** Tabs to the select and chooses `value` by keyboard. */
export async function tabToAndChoose(page: Page, selector: string, value: string, max = 120): Promise<void> {
  await tabTo(page, selector, { max });
  await chooseInFocusedSelect(page, value);
  expect(await page.locator(selector).inputValue()).toBe(value);
}

/** Tabs to the text field, empties it (Ctrl+A, Backspace) and types `text`. */
export async function tabToAndType(page: Page, selector: string, text: string, max = 120): Promise<void> {
  await tabTo(page, selector, { max });
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

/** A CSS selector for the element with this id (ids such as `funding.0.kind` hold dots). */
export const byId = (id: string): string => `[id="${id}"]`;

/** The focused element's id and classes, for assertions. */
export function focused(page: Page): Promise<{ id: string; className: string; tag: string; href: string | null }> {
  return page.evaluate(() => {
    const e = document.activeElement;
    return { id: e?.id ?? '', className: typeof e?.className === 'string' ? e.className : '', tag: e?.tagName.toLowerCase() ?? '', href: e?.getAttribute('href') ?? null };
  });
}

/** The text of the first element matching `selector`, with no-break spaces (as in "100 000 kr") made plain. */
export async function textOf(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).first().textContent()) ?? '').replace(/[\u00a0\u202f]/g, ' ');
}
