/**
 * Back-office browser tests: the seeded app with a signed-in person of every role
 * (test/support/admin.ts), served on 127.0.0.1, and Chromium pages that carry a person's session
 * cookie (`__Host-utblick_session`).
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type AdminTestApp, createAdminTestApp, type TestUser } from '../support/admin.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './support.js';

export interface AdminBrowserApp {
  baseUrl: string;
  t: AdminTestApp;
  /** A fresh browser context signed in as `user` (or anonymous), and a page in it. */
  pageAs(user: TestUser | undefined, options?: { width?: number; height?: number }): Promise<Page>;
}

export function useAdminBrowserApp(): AdminBrowserApp {
  const state = {} as AdminBrowserApp;
  let cleanup: (() => Promise<void>) | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    const t = await createAdminTestApp('sqlite');
    const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve, reject) => {
      if (server.listening) return resolve();
      server.once('listening', () => resolve());
      server.once('error', reject);
    });
    const { port } = server.address() as AddressInfo;
    const browser: Browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    cleanup = async () => {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close().catch(() => {});
      await new Promise<void>((resolve) => {
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close(() => resolve());
      });
      await t.close();
    };
    state.t = t;
    state.baseUrl = `http://localhost:${port}`;
    state.pageAs = async (user, { width = 1280, height = 800 } = {}) => {
      const context = await browser.newContext({ viewport: { width, height }, baseURL: state.baseUrl, acceptDownloads: true });
      contexts.push(context);
      if (user) {
        // A real cookie, so it survives redirects and sign-out clears it: Chromium keeps a
        // `__Host-` (Secure) cookie for localhost, a secure context, when it is set for https.
        const [name, value] = user.cookie.split('=') as [string, string];
        await context.addCookies([{ name, value, url: state.baseUrl.replace('http:', 'https:'), secure: true, httpOnly: true, sameSite: 'Lax' }]);
      }
      return context.newPage();
    };
  }, 120_000);
  afterAll(async () => {
    await cleanup?.();
  });
  return state;
}
