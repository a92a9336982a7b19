/**
 * The public project database, end to end through HTTP, on SQLite and on PostgreSQL.
 * Runs the same scenarios on both databases; nothing is mocked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDatabases, createTestApp } from '../support/databases.js';
import { resultTitles, resultsHeading } from '../support/html.js';

const kinds = await availableDatabases();

describe.each(kinds)('public site on %s', (kind) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => {
    await t?.close();
  });
  const get = (path: string, headers: Record<string, string> = {}) => t.app.request(path, { headers });
  const html = async (path: string) => {
    const res = await get(path);
    return { status: res.status, body: await res.text(), res };
  };

  it('serves the health check and the front page with both municipalities', async () => {
    expect((await get('/healthz')).status).toBe(200);
    const { status, body } = await html('/');
    expect(status).toBe(200);
    expect(body).toContain('href="/arvika"');
    expect(body).toContain('href="/ale"');
    expect(body).toContain('<html lang="sv">');
  });

  it('finds inflected forms and compounds the Swedish way', async () => {
    // "vänort" finds "vänorter" and "vänortssamarbetet"; "entreprenör" finds "Entreprenörer".
    const vanort = await html('/ale/projekt?q=v%C3%A4nort');
    expect(vanort.status).toBe(200);
    expect(resultTitles(vanort.body).length).toBeGreaterThan(0);
    const entr = await html(`/ale/projekt?q=${encodeURIComponent('entreprenör')}`);
    const titles = resultTitles(entr.body);
    expect(titles.some((x) => x.includes('Morgondagens Entreprenörer'))).toBe(true);
    expect(titles.some((x) => x.includes('Unga Entreprenörer i nya Europa'))).toBe(true);
    // Inflected query: the plural finds the same projects.
    const plural = resultTitles((await html(`/ale/projekt?q=${encodeURIComponent('entreprenörerna')}`)).body);
    expect(plural.sort()).toEqual(titles.sort());
  });

  it('keeps å, ä and ö distinct letters', async () => {
    const withUmlaut = resultTitles((await html(`/ale/projekt?q=${encodeURIComponent('vänort')}`)).body);
    const without = resultTitles((await html('/ale/projekt?q=vanort')).body);
    expect(withUmlaut.length).toBeGreaterThan(0);
    expect(without).toEqual([]);
  });

  it('filters with live counts and shareable URLs', async () => {
    const all = await (await get('/api/v1/municipalities/arvika/projects')).json();
    expect(all.total).toBeGreaterThan(0);
    const norway = all.facets.country.find((f: { value: string }) => f.value === 'NO');
    expect(norway).toBeDefined();
    const filtered = await (await get('/api/v1/municipalities/arvika/projects?country=NO')).json();
    expect(filtered.total).toBe(norway.count);
    // The selected facet still lists the other values (counted without its own filter).
    expect(filtered.facets.country.length).toBe(all.facets.country.length);
    expect(filtered.facets.country.find((f: { value: string }) => f.value === 'NO').selected).toBe(true);
    // The page for the same URL shows the same count.
    const page = await html('/arvika/projekt?country=NO');
    expect(resultsHeading(page.body)).toContain(String(norway.count));
    expect(page.body).toMatch(/<option value="NO" selected="">Norge \(\d+\)<\/option>/);
  });

  it('sorts, pages and keeps the state in the URL', async () => {
    const one = await (await get('/api/v1/municipalities/ale/projects?pageSize=3&sort=start')).json();
    expect(one.items.length).toBe(3);
    expect(one.pages).toBe(Math.ceil(one.total / 3));
    const two = await (await get('/api/v1/municipalities/ale/projects?pageSize=3&sort=start&page=2')).json();
    const ids1 = one.items.map((p: { id: number }) => p.id);
    const ids2 = two.items.map((p: { id: number }) => p.id);
    expect(ids1.filter((id: number) => ids2.includes(id))).toEqual([]);
    const budget = await (await get('/api/v1/municipalities/ale/projects?sort=budget')).json();
    const totals = budget.items.map((p: { fundingTotals: { currency: string; amountMinor: number }[] }) => p.fundingTotals.find((x) => x.currency === 'SEK')?.amountMinor ?? -1);
    expect(totals).toEqual([...totals].sort((a: number, b: number) => b - a));
    const page = await html('/ale/projekt?pageSize=3');
    expect(page.body).toContain('href="/ale/projekt?page=2&amp;pageSize=3"');
  });

  it('shows a project with partners, funding, period, source', async () => {
    const list = await (await get(`/api/v1/municipalities/ale/projects?q=${encodeURIComponent('Vikinga')}`)).json();
    expect(list.total).toBe(1);
    const id = list.items[0].id;
    const { status, body } = await html(`/ale/projekt/${id}`);
    expect(status).toBe(200);
    expect(body).toContain('<h1>');
    expect(body).toContain('Vikinga');
    expect(body).toMatch(/20\s000\s000\skr/);
    expect(body).toContain('Ale kommuns internationella strategi (2006), rad 44');
    // The way back keeps the visitor's selection when they came from a search.
    const listing = await html(`/ale/projekt?q=Vikinga&sort=budget`);
    expect(listing.body).toContain(`href="/ale/projekt/${id}?urval=q%3DVikinga%26sort%3Dbudget"`);
    const fromSearch = await get(`/ale/projekt/${id}?urval=q%3DVikinga%26sort%3Dbudget`);
    expect(await fromSearch.text()).toContain('href="/ale/projekt?q=Vikinga&amp;sort=budget">Tillbaka till projektdatabasen');
    for (const bad of ['%3Cscript%3E', 'page%3D-1', 'kind%3Dx%26kind%3Dy', '%E0%A4%A']) {
      const odd = await get(`/ale/projekt/${id}?urval=${bad}`);
      expect(odd.status, bad).toBe(200);
      expect(await odd.text(), bad).toContain('href="/ale/projekt">Tillbaka till projektdatabasen');
    }
    const en = await html(`/en/ale/projekt/${id}`);
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('line 44');
  });

  it('shows twin towns with their history and a map with a text equivalent', async () => {
    const { status, body } = await html('/ale/vanorter');
    expect(status).toBe(200);
    for (const town of ['Ruukki', 'Kaufungen', 'Bertinoro']) expect(body).toContain(town);
    expect(body).toContain('hösten 1992');
    expect(body).toContain('<svg');
    expect(body).toContain('aria-labelledby="partner-map-title partner-map-desc"');
    const arvika = await html('/arvika/vanorter');
    for (const town of ['Ylöjärvi', 'Skive', 'Kongsvinger']) expect(arvika.body).toContain(town);
    expect(arvika.body).toContain('1940-talet–1950-talet');
  });

  it('exports the current selection as CSV for Swedish Excel, XLSX and JSON', async () => {
    const csv = await get(`/ale/projekt.csv?q=${encodeURIComponent('entreprenör')}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="ale-projekt-\d{4}-\d{2}-\d{2}\.csv"/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toContain('Nummer;Titel;Typ');
    expect(lines.length).toBe(3);
    const xlsx = await get('/en/ale/projekt.xlsx');
    expect(xlsx.status).toBe(200);
    expect([...new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)]).toEqual([0x50, 0x4b]);
    const json = await (await get('/ale/projekt.json?kind=exchange')).json();
    expect(json.items.every((p: { kind: string }) => p.kind === 'exchange')).toBe(true);
  });

  it('answers unknown places with a helpful 404 in the right language', async () => {
    const muni = await html('/gotham/projekt');
    expect(muni.status).toBe(404);
    expect(muni.body).toContain('Det finns ingen kommun med adressen ”gotham”');
    const project = await html('/en/ale/projekt/99999');
    expect(project.status).toBe(404);
    expect(project.body).toContain('There is no published project number 99999');
    const api = await get('/api/v1/municipalities/gotham/projects');
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
    expect((await api.json()).code).toBe('municipality_not_found');
  });

  it('rejects bad parameters with 400 and a message a person understands', async () => {
    const cases: [string, string][] = [
      ['page=-1', '”Sida” måste vara mellan 1 och 10'],
      ['pageSize=1000000', '”Antal per sida” måste vara mellan 1 och 100.'],
      ['kind=spaceship', '”spaceship” är inget giltigt värde för ”Typ”.'],
      ['theme=unicorns', '”unicorns” är inget giltigt värde för ”Tema”.'],
      [`q=${'a'.repeat(20_000)}`, '”Sök” får vara högst 200 tecken.'],
      ['q=%E0%A4%A', 'Adressen är felaktigt kodad'],
      ['q=a%00b', '”Sök” innehåller otillåtna tecken.'],
      ['kind=project&kind=exchange', 'Parametern ”Typ” får bara anges en gång.'],
      ['partner=999999', '”999999” är inget giltigt värde för ”Partnerorganisation”.'],
    ];
    for (const [query, message] of cases) {
      const page = await html(`/ale/projekt?${query}`);
      expect(page.status, query).toBe(400);
      expect(page.body, query).toContain(message.replace(/”/g, '”'));
      const api = await get(`/api/v1/municipalities/ale/projects?${query}`);
      expect(api.status, query).toBe(400);
      const problem = await api.json();
      expect(problem.code).toBe('invalid_query');
      expect(problem.errors.length).toBeGreaterThan(0);
    }
    // Every error at once, and in English on the English page.
    const en = await html('/en/ale/projekt?page=0&pageSize=0');
    expect(en.status).toBe(400);
    expect(en.body).toContain('“Page” must be between 1 and 10');
    expect(en.body).toContain('“Page size” must be between 1 and 100.');
    const apiEn = await (await get('/api/v1/municipalities/ale/projects?page=0&pageSize=0', { 'Accept-Language': 'en-GB' })).json();
    expect(apiEn.errors.map((e: { field: string }) => e.field).sort()).toEqual(['page', 'pageSize']);
  });

  it('serves the API with CORS, ETag, caching and a matching OpenAPI document', async () => {
    const res = await get('/api/v1/municipalities', { Origin: 'https://example.org' });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const etag = res.headers.get('etag');
    expect(etag).toBeTruthy();
    expect(res.headers.get('cache-control')).toContain('max-age');
    const again = await get('/api/v1/municipalities', { 'If-None-Match': etag ?? '' });
    expect(again.status).toBe(304);
    const doc = await (await get('/api/v1/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/municipalities', '/municipalities/{slug}/projects', '/municipalities/{slug}/projects/{id}', '/municipalities/{slug}/partnerships']),
    );
  });

  it('shows only published records and no private fields', async () => {
    const { handle } = t;
    const ale = await handle.db.selectFrom('municipalities').select('id').where('slug', '=', 'ale').executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    const draft = await handle.db
      .insertInto('projects')
      .values({
        municipality_id: ale.id,
        kind: 'project',
        title_sv: 'Hemligt utkast om vänorter',
        publication_state: 'draft',
        search_text: 'Hemligt utkast om vänorter',
        created_at: now,
        updated_at: now,
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    const search = await (await get(`/api/v1/municipalities/ale/projects?q=${encodeURIComponent('hemligt')}`)).json();
    expect(search.total).toBe(0);
    expect((await get(`/ale/projekt/${draft.id}`)).status).toBe(404);
    expect((await get(`/api/v1/municipalities/ale/projects/${draft.id}`)).status).toBe(404);
    const csv = await (await get('/ale/projekt.csv')).text();
    expect(csv).not.toContain('Hemligt');
    // Allow-listed fields only: nothing internal such as search_text or publication_state.
    const one = await (await get('/api/v1/municipalities/ale/projects?pageSize=1')).json();
    const keys = Object.keys(one.items[0]);
    for (const forbidden of ['search_text', 'publication_state', 'municipality_id', 'created_at', 'client_hash']) expect(keys).not.toContain(forbidden);
    await handle.db.deleteFrom('projects').where('id', '=', draft.id).execute();
  });

  it('stores page feedback, refuses bots quietly and limits the rate', async () => {
    const post = (body: Record<string, string>, ip = '203.0.113.7') =>
      t.app.request('/feedback', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost', 'X-Forwarded-For': ip },
        body: new URLSearchParams(body).toString(),
      });
    const ok = await post({ path: '/ale/projekt', lang: 'sv', helpful: 'yes', comment: 'Bra sida', search: '?q=v%C3%A4nort&tack=1' });
    expect(ok.status).toBe(303);
    // Back to the same selection, thanked.
    expect(ok.headers.get('location')).toBe('/ale/projekt?q=v%C3%A4nort&tack=1#feedback');
    const thanked = await html('/ale/projekt?q=v%C3%A4nort&tack=1');
    expect(thanked.body).toContain('role="status"');
    const hostile = await post({ path: '//evil.example/x', lang: 'sv', helpful: 'yes', search: '?a="><script>' }, '203.0.113.8');
    expect(hostile.headers.get('location')).toBe('/?tack=1#feedback');
    const bot = await post({ path: '/ale/projekt', lang: 'sv', helpful: 'no', website: 'http://spam.example' });
    expect(bot.status).toBe(303);
    const missing = await post({ path: '/ale/projekt', lang: 'en', comment: 'x'.repeat(1200) });
    expect(missing.status).toBe(400);
    const body = await missing.text();
    expect(body).toContain('Choose yes or no.');
    expect(body).toContain('may be at most 1,000 characters');
    expect(body).toContain('x'.repeat(1200)); // nothing typed is lost
    const counts = await (await get('/api/v1/municipalities/ale/feedback')).json();
    expect(counts.items).toEqual([{ path: '/ale/projekt', yes: 1, no: 0, comments: 1 }]);
    expect((await (await get('/api/v1/municipalities/arvika/feedback')).json()).items).toEqual([]);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await post({ path: '/ale', lang: 'sv', helpful: 'no' }, '198.51.100.1')).status);
    expect(statuses.slice(0, 10).every((s) => s === 303)).toBe(true);
    expect(statuses[10]).toBe(429);
    const crossSite = await t.app.request('/feedback', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://evil.example' },
      body: 'path=/ale&lang=sv&helpful=yes',
    });
    expect(crossSite.status).toBe(403);
  });

  it('publishes the accessibility statement with the operator\'s contact and Digg\'s report form', async () => {
    const sv = await html('/tillganglighet');
    expect(sv.status).toBe(200);
    expect(sv.body).toContain('mailto:tillganglighet@utblick.example');
    expect(sv.body).toContain('https://www.digg.se/tdosanmalan');
    expect(sv.body).toContain('WCAG 2.1');
    const en = await html('/en/tillganglighet');
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('https://www.digg.se/tdosanmalan');
  });

  it('sends security headers with a strict CSP and no inline script', async () => {
    const res = await get('/ale/projekt');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const body = await res.text();
    expect(body).not.toMatch(/<script/i);
    expect(body).not.toMatch(/\sstyle="/i);
  });
});
