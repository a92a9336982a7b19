/**
 * Every public page, in Swedish and English, at 320 px (a phone, and 400 % zoom of 1280 px) and at
 * 1280 px: axe finds no WCAG 2.1 A/AA violations, there is exactly one h1, the page states its
 * language, the skip link is the first stop and moves focus to the main content, and nothing
 * scrolls sideways at 320 px.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { beforeAll, type ExpectStatic, test } from 'vitest';
import { describeInBrowser, tabTo, useBrowserApp } from './support.js';

interface PageCase {
  name: string;
  /** Path without the /en prefix. */
  path: string;
  status: number;
  /** How to reach the page when a plain GET is not enough. */
  reach?: (page: Page, lang: 'sv' | 'en') => Promise<void>;
}

/** The feedback form sent by keyboard with nothing chosen: the error page of POST /feedback. */
async function sendEmptyFeedback(page: Page, lang: 'sv' | 'en'): Promise<void> {
  await page.goto(lang === 'en' ? '/en/ale' : '/ale');
  await tabTo(page, '#feedback button[type="submit"]', { max: 120 });
  await Promise.all([page.waitForURL(/\/feedback$/), page.keyboard.press('Enter')]);
}

const PAGES: PageCase[] = [
  { name: 'home', path: '/', status: 200 },
  { name: 'Ale overview', path: '/ale', status: 200 },
  { name: 'Arvika overview', path: '/arvika', status: 200 },
  { name: 'Ale projects', path: '/ale/projekt', status: 200 },
  { name: 'search', path: '/ale/projekt?q=v%C3%A4nort', status: 200 },
  { name: 'filtered search', path: '/ale/projekt?q=v%C3%A4nort&country=FI&sort=relevance', status: 200 },
  { name: 'filtered, several pages', path: '/arvika/projekt?pageSize=10&page=2', status: 200 },
  { name: 'search without results', path: '/ale/projekt?q=zyxwvutsrq', status: 200 },
  { name: '400 invalid parameters', path: '/ale/projekt?page=-1&year=abc', status: 400 },
  { name: '404 no such page', path: '/ale/finns-inte/alls', status: 404 },
  { name: '404 no such project', path: '/ale/projekt/999999', status: 404 },
  { name: 'project', path: '/ale/projekt/5', status: 200 },
  { name: 'Arvika project', path: '/arvika/projekt/3', status: 200 },
  { name: 'Ale partners', path: '/ale/vanorter', status: 200 },
  { name: 'Arvika partners', path: '/arvika/vanorter', status: 200 },
  { name: 'accessibility statement', path: '/tillganglighet', status: 200 },
  { name: 'feedback thanks', path: '/ale?tack=1', status: 200 },
  { name: 'feedback error', path: '/feedback', status: 400, reach: sendEmptyFeedback },
];

const WIDTHS = [320, 1280] as const;
const CASES = WIDTHS.flatMap((width) => (['sv', 'en'] as const).flatMap((lang) => PAGES.map((p) => ({ width, lang, ...p }))));

function formatViolations(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string {
  return violations
    .map((v) => `  ${v.id} (${v.impact}): ${v.help}\n    ${v.helpUrl}\n${v.nodes.map((n) => `    - ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ')}`).join('\n')}`)
    .join('\n');
}

/** Pages are checked two at a time: axe is CPU-bound, and Chromium runs each page in its own process. */
const PARALLEL = 2;

describeInBrowser('accessibility of every public page', () => {
  const b = useBrowserApp();
  const idle: Page[] = [];
  const waiting: ((page: Page) => void)[] = [];
  const acquire = async (width: number) => {
    const page = idle.pop() ?? (await new Promise<Page>((resolve) => waiting.push(resolve)));
    await page.setViewportSize({ width, height: 900 });
    return page;
  };
  const release = (page: Page) => {
    const next = waiting.shift();
    if (next) next(page);
    else idle.push(page);
  };
  beforeAll(async () => {
    for (let i = 0; i < PARALLEL; i++) idle.push(await b.newPage());
  });

  test.concurrent.for(CASES)('$width px, $lang: $name ($path)', async ({ width, lang, path, status, reach }, { expect }) => {
    const page = await acquire(width);
    try {
      await checkPage(page, { width, lang, path, status, reach }, expect);
    } finally {
      release(page);
    }
  });
});

async function checkPage(page: Page, { width, lang, path, status, reach }: Omit<PageCase, 'name'> & { width: number; lang: 'sv' | 'en' }, expect: ExpectStatic): Promise<void> {
  const url = lang === 'en' ? (path === '/' ? '/en' : `/en${path}`) : path;
  if (reach) {
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), reach(page, lang)]);
    expect(response.status()).toBe(status);
  } else {
    const response = await page.goto(url);
    expect(response?.status()).toBe(status);
  }

  // axe: WCAG 2.0/2.1 A and AA. Legacy mode runs axe.run() in the page itself; the default
  // opens a blank page per analysis to merge per-frame results, which triples the time, and
  // these pages have no frames.
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .options({ resultTypes: ['violations'] })
    .setLegacyMode()
    .analyze();
  if (result.violations.length) process.stdout.write(`axe violations on ${url} at ${width} px:\n${formatViolations(result.violations)}\n`);
  expect(result.violations.map((v) => `${v.id}: ${v.help} [${v.nodes.map((n) => n.target.join(' ')).join(', ')}]`)).toEqual([]);

  // Structure: one h1, the page's language.
  expect(await page.locator('h1').count()).toBe(1);
  expect(await page.locator('html').getAttribute('lang')).toBe(lang);

  // No sideways scrolling on a narrow screen.
  if (width === 320) {
    const overflow = await page.evaluate(() => {
      const limit = document.documentElement.clientWidth + 0.5;
      const describe = (e: Element) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${typeof e.className === 'string' && e.className ? `.${e.className.trim().split(/\s+/).join('.')}` : ''}`;
      const wide = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > limit).map(describe);
      // Text can overflow a box that itself fits: measure the text too.
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        range.selectNodeContents(n);
        if (range.getBoundingClientRect().right > limit) wide.push(`text "${n.textContent?.trim().slice(0, 60)}" in ${describe(n.parentElement!)}`);
      }
      return { scrollWidth: document.documentElement.scrollWidth, widest: wide.slice(0, 6) };
    });
    expect(overflow.scrollWidth, `wider than 320 px: ${overflow.widest.join(', ')}`).toBeLessThanOrEqual(320);
  }

  // The skip link is the first Tab stop, is visible when focused, and moves focus to main.
  // (Each case has just loaded its page, so focus starts at the top of the document.)
  await page.keyboard.press('Tab');
  const skip = await page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    const r = a?.getBoundingClientRect();
    return { cls: a?.className, href: a?.getAttribute('href'), visible: !!r && r.left >= 0 && r.top >= 0 && r.width > 0 && r.right <= window.innerWidth };
  });
  expect(skip).toEqual({ cls: 'skip-link', href: '#main', visible: true });
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');
}
