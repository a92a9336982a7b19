/**
 * fast-check against every form of the back office: for each POST route in the route table, the
 * field names are read from the form on its page, and generated values (empty, huge, odd
 * Unicode, numbers in Swedish format, dates, HTML, repeated fields) are posted as a person allowed
 * to post there. No answer is a 5xx, and nothing posted appears unescaped in the page.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AdminTestApp, createAdminTestApp, type TestRole } from '../support/admin.js';
import { fixture } from '../support/admin-fixtures.js';
import { SPEC } from '../support/admin-routes.js';
import { availableDatabases } from '../support/databases.js';

const kinds = await availableDatabases();

/** Routes whose success ends the person's own session or account settings; covered elsewhere. */
const SKIP = /\/logga-ut|\/konto\/(losenord|logga-ut-overallt)/;

const value = fc.oneof(
  fc.constant(''),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom('1 234,50', '-1', '0', '1e309', 'NaN', '2026-02-31', '2026-11-21', '99999999999999999999', 'https://example.se', 'javascript:alert(1)', '<script>x</script>', 'true', 'on', '\u0000', 'ä'.repeat(5000)),
  fc.integer().map(String),
);

function fieldNames(html: string): string[] {
  const names = new Set<string>();
  for (const m of html.matchAll(/<(?:input|select|textarea)\b[^>]*\bname="([^"]+)"/g)) if (m[1] !== '_csrf') names.add(m[1]!.replaceAll('&amp;', '&'));
  return [...names];
}

function personFor(action: string): TestRole {
  if (action === 'create_municipality') return 'platform_admin';
  if (action === 'manage_users') return 'municipal_admin';
  return 'coordinator';
}

describe.each(kinds)('generated form input never gives a 5xx on %s', (kind) => {
  let t: AdminTestApp;
  beforeAll(async () => {
    t = await createAdminTestApp(kind);
  }, 120_000);
  afterAll(async () => t?.close());

  const runs = kind === 'sqlite' ? 25 : 8;
  const posts = Object.entries(SPEC).filter(([route]) => route.startsWith('POST ') && !SKIP.test(route));

  it.each(posts)('%s', async (route, need) => {
    const pattern = route.slice(5);
    const user = t.users[personFor(need.action)];
    await fc.assert(
      fc.asyncProperty(fc.array(value, { minLength: 1, maxLength: 40 }), fc.boolean(), async (values, repeat) => {
        const params = need.record ? await fixture(t, need.record, t.arvikaId, t.ownUnit.id) : {};
        const path = pattern
          .replace(/\{[^}]*\}/g, '')
          .replace(':kommun', 'arvika')
          .replace(/:([A-Za-z]+)/g, (_, name: string) => params[name] ?? name);
        // The form's own field names, from its page (or the page it belongs to).
        const pagePath = path.replace(/\/(ny|kor|skicka|publicera|skicka-tillbaka|kasta|ta-bort|synlighet|stang-av|aktivera|status|namnder|regler)$/, (m) => (m === '/ny' ? m : ''));
        const page = await t.request(user, pagePath);
        const names = page.status === 200 ? fieldNames(await page.text()) : [];
        const form: Record<string, string | string[]> = {};
        names.forEach((name, i) => {
          const v = values[i % values.length]!;
          form[name] = repeat && i % 3 === 0 ? [v, v] : v;
        });
        const res = await t.request(user, path, { form });
        if (res.status >= 500) throw new Error(`${route}: ${res.status} for ${JSON.stringify(form).slice(0, 500)}`);
        const body = await res.text();
        expect(body).not.toContain('<script>x</script>');
      }),
      { numRuns: runs },
    );
  }, 300_000);
});
