/**
 * Property tests: generated values for every search and filter parameter of the project page and
 * the API. Whatever comes in, the answer is never a 5xx, and the input never appears unescaped in
 * HTML. 1,000 inputs per parameter on SQLite; a smaller sample on PostgreSQL, to catch
 * dialect-specific failures (text search syntax) without doubling the suite's time.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACETS } from '../../src/features/projects/schemas.js';
import { availableDatabases, createTestApp } from '../support/databases.js';

const kinds = await availableDatabases();
const PARAMS = ['q', ...FACETS, 'sort', 'page', 'pageSize'] as const;
const PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg/onload=alert(1)>",
  '</textarea><b>fet</b>',
  '<!--',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose.
  '${7*7}{{7*7}}',
];

/** A raw value as it may reach the query string: encoded, half-encoded or plain garbage. */
const rawValue = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 60 }).map(encodeURIComponent) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).map(encodeURIComponent) },
  { weight: 2, arbitrary: fc.tuple(fc.string({ maxLength: 10 }), fc.constantFrom(...PAYLOADS), fc.string({ maxLength: 10 })).map(([a, p, b]) => encodeURIComponent(a + p + b)) },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.bigInt()).map((n) => encodeURIComponent(String(n))) },
  { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '%E0%A4%A', '%00', '%C3%28', '+', '&', '=', '%2F..%2F', '%FF%FE', 'v%C3%A4nort', 'NO', 'youth', 'interreg', 'exchange', 'completed', 'lead', '2006', '1', '0', '-1', '1e9', '') },
  { weight: 1, arbitrary: fc.string({ minLength: 190, maxLength: 400 }).map(encodeURIComponent) },
);

function decodeLoosely(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

describe.each(kinds)('search parameters never break the site on %s', (kind) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });
  const numRuns = kind === 'sqlite' ? 1000 : 150;

  for (const param of PARAMS) {
    it(`"${param}": ${numRuns} generated values give no 5xx and no unescaped HTML`, async () => {
      await fc.assert(
        fc.asyncProperty(rawValue, fc.boolean(), fc.boolean(), async (raw, repeat, english) => {
          const query = `${param}=${raw}${repeat ? `&${param}=${raw}` : ''}`;
          const page = await t.app.request(`${english ? '/en' : ''}/ale/projekt?${query}`);
          expect(page.status, query).toBeLessThan(500);
          const body = await page.text();
          const value = decodeLoosely(raw);
          if (/[<>]/.test(value) && value.length >= 6) expect(body.includes(value), query).toBe(false);
          for (const payload of PAYLOADS) if (value.includes(payload) && /[<>]/.test(payload)) expect(body.includes(payload), query).toBe(false);
          const api = await t.app.request(`/api/v1/municipalities/ale/projects?${query}`);
          expect(api.status, query).toBeLessThan(500);
          if (api.status >= 400) expect((await api.json()).errors?.length ?? 1).toBeGreaterThan(0);
          else await api.arrayBuffer();
        }),
        { numRuns },
      );
    }, 300_000);
  }

  it('odd paths and ids give 404, never 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 30 }), async (s) => {
        const seg = encodeURIComponent(s);
        for (const path of [`/ale/projekt/${seg}`, `/${seg}`, `/${seg}/projekt`, `/api/v1/municipalities/${seg}/projects`, `/api/v1/municipalities/ale/projects/${seg}`]) {
          const res = await t.app.request(path);
          expect(res.status, path).toBeLessThan(500);
          await res.arrayBuffer();
        }
      }),
      { numRuns: kind === 'sqlite' ? 300 : 60 },
    );
  }, 300_000);
});
