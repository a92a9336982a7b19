/**
 * The half-year report's standalone HTML document in Chromium, in Swedish and English, at 320 px
 * and 1280 px: axe finds no WCAG 2.1 A/AA violations, there is one h1, the page states its
 * language, nothing scrolls sideways (wide tables scroll in their own box), and every chart is an
 * image with a name.
 */
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { renderReportHtml } from '../../src/features/reports/render/index.js';
import { sampleReportData } from '../support/report-sample.js';
import { accessibilityProblems, CHROMIUM_ARGS, CHROMIUM_PATH, describeInBrowser } from './support.js';

describeInBrowser('the half-year report as HTML', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });

  const cases = (['sv', 'en'] as const).flatMap((lang) => ([320, 1280] as const).map((width) => ({ lang, width, status: lang === 'sv' ? ('draft' as const) : ('finalised' as const) })));

  test.each(cases)('$lang at $width px ($status) passes axe', async ({ lang, width, status }) => {
    const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: true });
    try {
      const page = await context.newPage();
      await page.setContent(renderReportHtml(sampleReportData({ status }), lang), { waitUntil: 'load' });
      expect(await accessibilityProblems(page, { lang, width })).toEqual([]);
      const charts = page.getByRole('img');
      expect(await charts.count()).toBe(4);
      const names = await charts.evaluateAll((els) => els.map((e) => e.getAttribute('aria-labelledby')?.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ') ?? ''));
      for (const name of names) expect(name.length).toBeGreaterThan(20);
      // Each chart's figures are in the table of the same figure.
      expect(await page.locator('figure:has(svg[role="img"]) table caption').count()).toBe(4);
    } finally {
      await context.close();
    }
  });
});
