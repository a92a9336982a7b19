/**
 * Browser tests: the real app on a real HTTP port on 127.0.0.1, over a seeded SQLite database,
 * driven by Debian's Chromium through playwright-core. One server and one browser per test file.
 *
 * Chromium is found at CHROMIUM_PATH, else /usr/bin/chromium. When it is missing the browser tests
 * are skipped with a message; with CI=true they fail instead, so a CI run cannot pass silently.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import { serve } from '@hono/node-server';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { createTestApp } from '../support/databases.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

export const hasChromium = fs.existsSync(CHROMIUM_PATH);
if (!hasChromium) {
  const message = `Chromium not found at ${CHROMIUM_PATH} (set CHROMIUM_PATH, or: apt-get install -y chromium)`;
  if (process.env.CI === 'true') throw new Error(`CI=true but the browser tests cannot run: ${message}.`);
  process.stderr.write(`Skipping the browser tests: ${message}.\n`);
}

/** `describe` that runs only when Chromium is installed. */
export const describeInBrowser = describe.skipIf(!hasChromium);

export interface BrowserApp {
  /** e.g. `http://127.0.0.1:40123` */
  baseUrl: string;
  browser: Browser;
  /** A fresh context (own cookies, downloads accepted) and page at the given viewport width. */
  newPage(options?: { width?: number; height?: number } & BrowserContextOptions): Promise<Page>;
  /** GET on the running server (not through the browser). */
  fetch(path: string, init?: RequestInit): Promise<Response>;
}

/**
 * Starts the seeded app and Chromium before the file's tests and stops both afterwards.
 * Returns an object whose fields are filled in by the `beforeAll` hook.
 */
export function useBrowserApp(): BrowserApp {
  const state = {} as BrowserApp;
  let cleanup: (() => Promise<void>) | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    const testApp = await createTestApp('sqlite');
    const server = serve({ fetch: testApp.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve, reject) => {
      if (server.listening) return resolve();
      server.once('listening', () => resolve());
      server.once('error', reject);
    });
    const { port } = server.address() as AddressInfo;
    let browser: Browser | undefined;
    cleanup = async () => {
      for (const c of contexts) await c.close().catch(() => {});
      await browser?.close().catch(() => {});
      await new Promise<void>((resolve) => {
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close(() => resolve());
      });
      await testApp.close();
    };
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    state.baseUrl = `http://127.0.0.1:${port}`;
    state.browser = browser;
    state.newPage = async ({ width = 1280, height = 800, ...options } = {}) => {
      const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true, baseURL: state.baseUrl, ...options });
      contexts.push(context);
      return context.newPage();
    };
    state.fetch = (path, init) => fetch(state.baseUrl + path, init);
  });

  afterAll(async () => {
    await cleanup?.();
  });

  return state;
}

/**
 * Presses Tab (or Shift+Tab) until the focused element matches `selector`, as a keyboard user
 * would, and fails when it is not reached within `max` presses.
 */
export async function tabTo(page: Page, selector: string, options: { max?: number; backwards?: boolean } = {}): Promise<void> {
  const max = options.max ?? 80;
  const key = options.backwards ? 'Shift+Tab' : 'Tab';
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing');
  throw new Error(`${selector} was not reached with ${max} presses of ${key}; focus is on ${focused}`);
}

/** The focused element's outer HTML (shortened), for assertions and messages. */
export function focusedHtml(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.outerHTML.slice(0, 300) ?? '');
}

/** The axe rule sets every page must pass: WCAG 2.0 and 2.1, levels A and AA. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AccessibleOptions {
  /** The language the page must state on `<html lang>`. */
  lang: 'sv' | 'en';
  /** Resize the viewport to this width (keeping its height) before checking. */
  width?: number;
  /** The page in words, for the failure message. */
  what?: string;
}

/**
 * What keeps the page as it stands from passing, one sentence each; empty when it passes:
 * axe (WCAG 2.1 A and AA) violations, not exactly one h1, `<html lang>` other than `lang`, and
 * a page wider than the window (sideways scrolling), naming the elements that stick out.
 */
export async function accessibilityProblems(page: Page, { lang, width }: AccessibleOptions): Promise<string[]> {
  if (width !== undefined) await page.setViewportSize({ width, height: page.viewportSize()?.height ?? 900 });
  const problems: string[] = [];
  // Legacy mode runs axe.run() in the page itself; the default opens a blank page per analysis
  // to merge per-frame results, which triples the time, and these pages have no frames.
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).options({ resultTypes: ['violations'] }).setLegacyMode().analyze();
  for (const v of result.violations) {
    problems.push(`${v.id} (${v.impact}): ${v.help} [${v.nodes.map((n) => `${n.target.join(' ')} – ${n.failureSummary ?? ''}`.slice(0, 300)).join(' | ')}]`);
  }
  const h1s = await page.locator('h1').count();
  if (h1s !== 1) problems.push(`${h1s} h1 elements, not exactly one`);
  const stated = await page.locator('html').getAttribute('lang');
  if (stated !== lang) problems.push(`html lang is ${JSON.stringify(stated)}, not ${lang}`);
  const overflow = await page.evaluate(() => {
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth <= window.innerWidth) return undefined;
    const limit = document.documentElement.clientWidth + 0.5;
    const describe = (e: Element) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${typeof e.className === 'string' && e.className ? `.${e.className.trim().split(/\s+/).join('.')}` : ''}`;
    // Inside a .table-wrap a wide table scrolls in its own box, which is allowed (WCAG 1.4.10
    // exempts data tables): what sticks out there is not the cause.
    const wide = [...document.querySelectorAll('body *')].filter((e) => !e.parentElement?.closest('.table-wrap') && e.getBoundingClientRect().right > limit).map(describe);
    // Text can overflow a box that itself fits: measure the text too.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement?.closest('.table-wrap')) continue;
      range.selectNodeContents(n);
      if (range.getBoundingClientRect().right > limit) wide.push(`text "${n.textContent?.trim().slice(0, 60)}" in ${n.parentElement ? describe(n.parentElement) : 'body'}`);
    }
    return { scrollWidth, window: window.innerWidth, widest: wide.slice(0, 8) };
  });
  if (overflow) problems.push(`scrolls sideways: ${overflow.scrollWidth} px wide in a ${overflow.window} px window; wider than the window: ${overflow.widest.join(', ') || 'nothing found'}`);
  return problems;
}

/**
 * Fails unless the page passes axe (WCAG 2.1 A and AA) with no violations, has exactly one h1,
 * states `lang` on `<html>` and does not scroll sideways; see `accessibilityProblems`.
 */
export async function expectAccessible(page: Page, options: AccessibleOptions): Promise<void> {
  const problems = await accessibilityProblems(page, options);
  const width = page.viewportSize()?.width;
  expect(problems, `${options.what ?? 'the page'} (${options.lang}, ${width} px, ${page.url()})`).toEqual([]);
}
