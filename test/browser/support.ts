/**
 * Browser tests: the real app on a real HTTP port on 127.0.0.1, over a seeded SQLite database,
 * driven by Debian's Chromium through playwright-core. One server and one browser per test file.
 *
 * Chromium is found at CHROMIUM_PATH, else /usr/bin/chromium. When it is missing the browser tests
 * are skipped with a message; with CI=true they fail instead, so a CI run cannot pass silently.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
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
