/**
 * Screenshots for a person to look at (layout, overflow, contrast, spacing). Opt-in: runs only
 * when SHOTS_DIR is set, e.g. `SHOTS_DIR=/tmp/shots npx vitest run test/browser/screenshots.test.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { hasChromium, useBrowserApp } from './support.js';

const SHOTS_DIR = process.env.SHOTS_DIR;

const SHOTS = [
  { name: 'ale-projekt-vanort-320', path: '/ale/projekt?q=v%C3%A4nort', width: 320 },
  { name: 'ale-projekt-vanort-1280', path: '/ale/projekt?q=v%C3%A4nort', width: 1280 },
  { name: 'ale-projekt-5-320', path: '/ale/projekt/5', width: 320 },
  { name: 'ale-projekt-5-1280', path: '/ale/projekt/5', width: 1280 },
  { name: 'arvika-vanorter-1280', path: '/arvika/vanorter', width: 1280 },
  { name: 'en-ale-1280', path: '/en/ale', width: 1280 },
  { name: 'en-ale-320', path: '/en/ale', width: 320 },
];

describe.skipIf(!hasChromium || !SHOTS_DIR)('screenshots', () => {
  const b = useBrowserApp();
  test.for(SHOTS)('$name', async ({ name, path: url, width }) => {
    fs.mkdirSync(SHOTS_DIR!, { recursive: true });
    const page = await b.newPage({ width, height: 900 });
    const response = await page.goto(url);
    expect(response?.status()).toBe(200);
    const file = path.join(SHOTS_DIR!, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    // Tall pages shrink to illegibility when viewed whole: also save them screen by screen.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    if (height > 1600) {
      for (let i = 0; i * 900 < height; i++) {
        await page.screenshot({ path: path.join(SHOTS_DIR!, `${name}-${i + 1}.png`), fullPage: true, clip: { x: 0, y: i * 900, width, height: Math.min(900, height - i * 900) } });
      }
    }
    await page.close();
    expect(fs.statSync(file).size).toBeGreaterThan(1000);
  });
});
