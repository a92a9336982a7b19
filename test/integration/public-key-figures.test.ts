/**
 * The public municipality page's key figures (issue 5 §2) on SQLite and PostgreSQL: external
 * funding and youth share per year, projects per theme and country, active twin towns and
 * partnerships, each chart with its table and summary, in Swedish and English. Only published
 * data: an unpublished project with a huge EU grant, its own country and theme, and an
 * unpublished twin town leave no trace; a published one shows.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/databases.js';
import { availableDatabases } from '../support/databases.js';
import { decode } from '../support/html.js';

const kinds = await availableDatabases();
const TS = '2026-01-01T00:00:00.000Z';

function figureOf(html: string, id: string): string {
  const start = html.indexOf(`<figure class="chart" id="diagram-${id}"`);
  if (start < 0) throw new Error(`No figure ${id}`);
  return html.slice(start, html.indexOf('</figure>', start));
}
const textOf = (s: string) => decode(s.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();
function tableOf(figure: string): string[][] {
  const table = figure.slice(figure.indexOf('<table'), figure.indexOf('</table>'));
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => textOf(c[1]!)));
}
const kronor = (text: string) => Number(text.replace(/[\s\u00a0\u202f]|kr/g, ''));

describe.each(kinds)('public key figures on %s', (kind) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let municipalityId = 0;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.handle.db;
    municipalityId = Number((await db.selectFrom('municipalities').select('id').where('slug', '=', 'arvika').executeTakeFirstOrThrow()).id);
    await db.insertInto('themes').values([
      { code: 'nyckeltal-hemligt', label_sv: 'Hemligt nyckeltalstema', label_en: 'Secret key figure theme' },
      { code: 'nyckeltal-publikt', label_sv: 'Publikt nyckeltalstema', label_en: 'Public key figure theme' },
    ]).execute();
    const project = async (title: string, state: 'draft' | 'published', year: number, total: number, youth: number) =>
      Number(
        (
          await db
            .insertInto('projects')
            .values({ municipality_id: municipalityId, kind: 'project', title_sv: title, title_en: null, summary_sv: null, summary_en: null, owner_unit_id: null, municipality_role: 'partner', programme_id: null, status: 'ongoing', start_date: `${year}-04-01`, end_date: null, year: null, participants_total: total, participants_youth: youth, budget_sek_minor: null, publication_state: state, published_at: state === 'published' ? TS : null, search_text: title.toLowerCase(), source: null, created_at: TS, updated_at: TS, lifecycle: 'ongoing' })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
      );
    const secret = await project('Hemligt nyckeltalsprojekt', 'draft', 2024, 1000, 999);
    const open = await project('Publikt nyckeltalsprojekt', 'published', 2024, 30, 12);
    await db.insertInto('project_funding').values([
      { project_id: secret, kind: 'eu_grant', programme_id: null, source_name: 'Hemliga fonden', amount_minor: 98_765_432_100, currency: 'SEK', staff_hours: null, note_sv: null, source: null },
      { project_id: open, kind: 'eu_grant', programme_id: null, source_name: 'Publika fonden', amount_minor: 123_400_000, currency: 'SEK', staff_hours: null, note_sv: null, source: null },
      { project_id: open, kind: 'other_grant', programme_id: null, source_name: 'Publika fonden', amount_minor: 10_000_000, currency: 'SEK', staff_hours: null, note_sv: null, source: null },
    ]).execute();
    await db.insertInto('project_themes').values([{ project_id: secret, theme: 'nyckeltal-hemligt' }, { project_id: open, theme: 'nyckeltal-publikt' }]).execute();
    await db.insertInto('project_countries').values([{ project_id: secret, country: 'NZ' }, { project_id: open, country: 'CL' }]).execute();
    const partnership = (title: string, state: 'draft' | 'published') =>
      db.insertInto('partnerships').values({ municipality_id: municipalityId, kind: 'twinning', title_sv: title, title_en: null, status: 'active', summary_sv: null, summary_en: null, cooperation_areas: '[]', financing_sv: null, financing_en: null, publication_state: state, source: null, created_at: TS, updated_at: TS, owner_unit_id: null }).execute();
    await partnership('Hemlig nyckeltalsvänort', 'draft');
    await partnership('Publik nyckeltalsvänort', 'published');
  }, 120_000);
  afterAll(async () => t?.close());

  const get = async (path: string) => {
    const res = await t.app.request(path);
    expect(res.status).toBe(200);
    return res.text();
  };

  it('funding per year equals the sums of published projects only', async () => {
    const html = await get('/arvika');
    const table = tableOf(figureOf(html, 'externa-medel-per-ar'));
    expect(table[0]).toEqual(['År', 'EU-bidrag', 'Andra bidrag']);
    const { rows } = await sql<{ y: number; kind: string; s: unknown }>`select cast(substr(p.start_date, 1, 4) as integer) as y, f.kind as kind, sum(f.amount_minor) as s
      from project_funding f join projects p on p.id = f.project_id
      where p.municipality_id = ${municipalityId} and p.publication_state = 'published' and f.currency = 'SEK' and f.kind in ('eu_grant', 'other_grant') and p.start_date is not null
      group by 1, 2`.execute(t.handle.db);
    const expected = new Map<string, [number, number]>();
    for (const r of rows) {
      const e = expected.get(String(r.y)) ?? [0, 0];
      e[r.kind === 'eu_grant' ? 0 : 1] += Number(r.s) / 100;
      expected.set(String(r.y), e);
    }
    for (const row of table.slice(1)) expect([kronor(row[1]!), kronor(row[2]!)]).toEqual(expected.get(row[0]!) ?? [0, 0]);
    // By hand: 2024 has the published project's 1 234 000 kr EU and 100 000 kr other grants, nothing of the draft's.
    expect(table.find((r) => r[0] === '2024')?.slice(1).map(kronor)).toEqual([1_234_000, 100_000]);
    expect(html).not.toContain('987 654 321');
    expect(html).not.toContain('Hemliga fonden');
  });

  it('themes, countries, youth and twin towns leave out what is not published', async () => {
    const html = await get('/arvika');
    const themes = tableOf(figureOf(html, 'projekt-per-tema'));
    expect(themes.some((r) => r[0] === 'Publikt nyckeltalstema' && r[1] === '1')).toBe(true);
    const countries = tableOf(figureOf(html, 'projekt-per-land'));
    expect(countries.some((r) => r[0] === 'Chile' && r[1] === '1')).toBe(true);
    expect(html).not.toContain('Hemligt nyckeltalstema');
    expect(html).not.toContain('Nya Zeeland');
    const youth = tableOf(figureOf(html, 'andel-unga-per-ar'));
    expect(youth[0]).toEqual(['År', 'Andel unga', 'Unga deltagare', 'Deltagare', 'Projekt med uppgift']);
    expect(youth.find((r) => r[0] === '2024')?.slice(1)).toEqual(['40 %', '12', '30', '1']);
    const { rows } = await sql<{ n: unknown; twin: unknown }>`select count(*) as n, sum(case when kind = 'twinning' then 1 else 0 end) as twin from partnerships
      where municipality_id = ${municipalityId} and publication_state = 'published' and status = 'active'`.execute(t.handle.db);
    const figures = textOf(html.slice(html.indexOf('<dl class="figures">'), html.indexOf('</dl>')));
    expect(figures).toContain(`Aktiva vänorter ${Number(rows[0]!.twin)}`);
    expect(figures).toContain(`Aktiva samarbeten ${Number(rows[0]!.n)}`);
    expect(figures).not.toContain('Aktiva vänorter 0');
    // The seed records no participants: the share is the published project's alone, not the draft's 999 of 1 000.
    expect(figures).toContain('Andel unga deltagare 40 % 12 av 30 deltagare');
  });

  it('each chart has its summary, a captioned table and an SVG with role=img; no inline styles', async () => {
    const html = await get('/arvika');
    for (const id of ['externa-medel-per-ar', 'projekt-per-tema', 'projekt-per-land', 'andel-unga-per-ar']) {
      const figure = figureOf(html, id);
      expect(figure).toMatch(/<p class="chart-summary">[^<]{20,}<\/p>/);
      expect(figure).toMatch(/<caption>[^<]+<\/caption>/);
      expect(figure).toContain('role="img"');
      expect(figure).not.toMatch(/\sstyle="/);
    }
    expect(textOf(figureOf(html, 'andel-unga-per-ar'))).toContain('var 12 unga, 40 %');
  });

  it('in English at /en/arvika, and the page’s earlier content is still there', async () => {
    const html = await get('/en/arvika');
    expect(html).toContain('External funding per year');
    expect(html).toContain('Active twin towns');
    expect(textOf(figureOf(html, 'projekt-per-land'))).toContain('Chile');
    expect(html).toContain('Search all projects');
    const sv = await get('/arvika');
    expect(sv).toContain('Redovisat EU-stöd');
    expect(sv).toContain('Sök bland alla projekt');
  });
});
