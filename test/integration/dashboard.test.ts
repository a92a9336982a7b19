/**
 * The follow-up dashboard (issue 5 §2) on SQLite and PostgreSQL: its figures equal sums the test
 * computes with its own SQL; the period and unit filters change them; the HTML table, the CSV and
 * the SVG/PNG downloads carry the same chart; invalid filters give a 400 page listing every
 * problem; every role may look, another municipality's people get a 404.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budgetForYear } from '../../src/features/budget/usage.js';
import { todayInSweden } from '../../src/features/decisions/registry.js';
import { type AdminTestApp, createAdminTestApp } from '../support/admin.js';
import { availableDatabases } from '../support/databases.js';
import { decode } from '../support/html.js';

const kinds = await availableDatabases();
const TS = '2026-01-01T00:00:00.000Z';
const Y = Number(todayInSweden().slice(0, 4));

/** The figure of one chart in a dashboard page. */
function figureOf(html: string, id: string): string {
  const start = html.indexOf(`<figure class="chart" id="diagram-${id}"`);
  if (start < 0) throw new Error(`No figure ${id}`);
  return html.slice(start, html.indexOf('</figure>', start));
}

const cellText = (s: string) => decode(s.replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim();

/** The rows (header row first) of the figure's data table, as text. */
function tableOf(figure: string): string[][] {
  const table = figure.slice(figure.indexOf('<table'), figure.indexOf('</table>'));
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => cellText(c[1]!)));
}

/** "3 400 000 kr", "42,9 %", "1 234", "–" → a number (null for "–"). */
function numberOf(text: string): number | null {
  if (text === '–') return null;
  const clean = text.replace(/[\s\u00a0\u202f]|kr|%/g, '').replace(',', '.').replace('−', '-');
  return Number(clean);
}

/** CSV rows without the BOM, as cells; money columns are kronor with decimal comma. */
function csvRows(csv: string): string[][] {
  return csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n').map((l) => l.split(';'));
}
const csvNumber = (s: string) => (s === '' ? null : Number(s.replace(',', '.')));

describe.each(kinds)('follow-up dashboard on %s', (kind) => {
  let t: AdminTestApp;
  const ids: Record<string, number> = {};
  let themeCode = '';
  let themeLabel = '';
  let goalRootTitle = '';

  beforeAll(async () => {
    t = await createAdminTestApp(kind);
    const db = t.handle.db;
    themeCode = (await db.selectFrom('themes').select(['code', 'label_sv']).orderBy('code').executeTakeFirstOrThrow()).code;
    themeLabel = (await db.selectFrom('themes').select('label_sv').where('code', '=', themeCode).executeTakeFirstOrThrow()).label_sv;
    const project = async (title: string, v: { start?: string | null; year?: number | null; lifecycle?: string; status?: string | null; state?: 'draft' | 'published'; unit?: number | null; total?: number | null; youth?: number | null; municipalityId?: number }) =>
      Number(
        (
          await db
            .insertInto('projects')
            .values({
              municipality_id: v.municipalityId ?? t.arvikaId, kind: 'project', title_sv: title, title_en: null, summary_sv: null, summary_en: null, owner_unit_id: v.unit ?? null,
              municipality_role: 'partner', programme_id: null, status: (v.status ?? 'ongoing') as 'ongoing', start_date: v.start ?? null, end_date: null, year: v.year ?? null,
              participants_total: v.total ?? null, participants_youth: v.youth ?? null, budget_sek_minor: null, publication_state: v.state ?? 'draft', published_at: null,
              search_text: title.toLowerCase(), source: null, created_at: TS, updated_at: TS, lifecycle: (v.lifecycle ?? 'ongoing') as 'ongoing',
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
      );
    const fund = (projectId: number, kind: 'eu_grant' | 'other_grant' | 'municipal_cash' | 'own_staff_time', kronor: number | null, source: string | null, extra: { currency?: string; hours?: number } = {}) =>
      db
        .insertInto('project_funding')
        .values({ project_id: projectId, kind, programme_id: null, source_name: source, amount_minor: kronor === null ? null : kronor * 100, currency: extra.currency ?? 'SEK', staff_hours: extra.hours ?? null, note_sv: null, source: null })
        .execute();
    // Last year: EU 2.9 M, other grants 0.5 M, own cash 100 000 and 200 hours; 40 participants of whom 10 young.
    ids.last = await project('Dashprojekt i fjol', { start: `${Y - 1}-03-01`, unit: t.ownUnit.id, total: 40, youth: 10 });
    await fund(ids.last, 'eu_grant', 2_900_000, 'Interreg Dashprogram');
    await fund(ids.last, 'other_grant', 500_000, 'Dashfonden');
    await fund(ids.last, 'municipal_cash', 100_000, null);
    await fund(ids.last, 'own_staff_time', null, null, { hours: 200 });
    // This year (by `year`, no start date), another unit: EU 1 M and 5 000 EUR; 20 participants, 15 young.
    ids.thisYear = await project('Dashprojekt i år', { year: Y, lifecycle: 'approved', status: 'planned', unit: t.otherUnit.id, total: 20, youth: 15 });
    await fund(ids.thisYear, 'eu_grant', 1_000_000, 'Interreg Dashprogram');
    await fund(ids.thisYear, 'eu_grant', 5_000, 'Erasmus+', { currency: 'EUR' });
    // This year's first half, by start date: other grants 300 000.
    ids.half = await project('Dashprojekt första halvåret', { start: `${Y}-02-15`, unit: t.ownUnit.id });
    await fund(ids.half, 'other_grant', 300_000, 'Dashfonden');
    // Not counted: an unpublished idea, a rejected project, a cancelled one.
    ids.idea = await project('Dashidé', { start: `${Y}-01-10`, lifecycle: 'idea', status: 'planned' });
    await fund(ids.idea, 'eu_grant', 99_000_000, 'Idéfonden');
    ids.rejected = await project('Dashavslag', { start: `${Y}-01-10`, lifecycle: 'rejected', status: 'cancelled' });
    await fund(ids.rejected, 'eu_grant', 77_000_000, 'Avslagsfonden');
    ids.cancelled = await project('Dashavbrutet', { start: `${Y - 1}-05-10`, lifecycle: 'ongoing', status: 'cancelled' });
    await fund(ids.cancelled, 'eu_grant', 66_000_000, 'Avbrottsfonden');
    // Ten years ago: outside the default period.
    ids.old = await project('Dashprojekt för länge sedan', { start: `${Y - 10}-06-01`, lifecycle: 'completed', status: 'completed' });
    await fund(ids.old, 'eu_grant', 700_000, 'Gamla fonden');
    // Ale's project never shows in Arvika.
    ids.ale = await project('Ales dashprojekt', { start: `${Y}-03-01`, municipalityId: t.aleId });
    await fund(ids.ale, 'eu_grant', 55_000_000, 'Alefonden');
    for (const p of [ids.last, ids.thisYear, ids.idea]) await db.insertInto('project_themes').values({ project_id: p!, theme: themeCode }).execute();
    await db.insertInto('project_countries').values([{ project_id: ids.last!, country: 'NO' }, { project_id: ids.thisYear!, country: 'NO' }, { project_id: ids.half!, country: 'DE' }, { project_id: ids.idea!, country: 'JP' }]).execute();
    // A goal under a top-level goal of the adopted strategy: counts for the top-level goal.
    const strategy = await db.selectFrom('strategies').select('id').where('municipality_id', '=', t.arvikaId).where('status', '=', 'adopted').executeTakeFirstOrThrow();
    const child = await db.selectFrom('strategy_goals').select(['id', 'parent_id']).where('strategy_id', '=', Number(strategy.id)).where('parent_id', 'is not', null).orderBy('id').executeTakeFirstOrThrow();
    let root = Number(child.parent_id);
    for (;;) {
      const g = await db.selectFrom('strategy_goals').select(['parent_id', 'title_sv']).where('id', '=', root).executeTakeFirstOrThrow();
      if (g.parent_id === null) {
        goalRootTitle = g.title_sv;
        break;
      }
      root = Number(g.parent_id);
    }
    await db.insertInto('project_goals').values([{ project_id: ids.last!, goal_id: Number(child.id) }, { project_id: ids.half!, goal_id: root }]).execute();
    // A partnership of the own unit: an exchange last year, an agreement this year, and the project of last year.
    ids.partnership = Number(
      (
        await db
          .insertInto('partnerships')
          .values({ municipality_id: t.arvikaId, kind: 'twinning', title_sv: 'Dashvänorten', title_en: 'Dash twin town', status: 'active', summary_sv: null, summary_en: null, cooperation_areas: '[]', financing_sv: null, financing_en: null, publication_state: 'draft', source: null, created_at: TS, updated_at: TS, owner_unit_id: t.ownUnit.id })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
    const event = (kind: 'exchange' | 'agreement_signed', date: string) =>
      db.insertInto('partnership_events').values({ partnership_id: ids.partnership!, kind, date_from: date, date_to: date, date_precision: 'day', description_sv: 'Händelse', description_en: null, place: null, decision_id: null, source: null }).execute();
    await event('exchange', `${Y - 1}-09-01`);
    await event('exchange', `${Y - 1}-10-01`);
    await event('agreement_signed', `${Y}-01-20`);
    await event('exchange', `${Y - 12}-01-20`);
    await db.insertInto('project_partnerships').values({ project_id: ids.last!, partnership_id: ids.partnership! }).execute();
    await db.insertInto('budget_allocations').values({ municipality_id: t.arvikaId, year: Y, category: 'twinning', amount_minor: 40_000_000, note_sv: null, updated_by: null, updated_at: TS }).execute();
  }, 120_000);
  afterAll(async () => t?.close());

  const page = async (query = '', role: keyof AdminTestApp['users'] = 'coordinator', lang: 'sv' | 'en' = 'sv') => {
    const res = await t.request(t.users[role], `${lang === 'en' ? '/en' : ''}/admin/arvika/uppfoljning${query}`);
    return { status: res.status, html: await res.text() };
  };
  const csv = async (chart: string, query = '') => {
    const res = await t.request(t.users.coordinator, `/admin/arvika/uppfoljning/diagram/${chart}?format=csv${query ? `&${query}` : ''}`);
    expect(res.status).toBe(200);
    return { rows: csvRows(await res.text()), disposition: res.headers.get('content-disposition'), type: res.headers.get('content-type') };
  };

  /** The counted projects' condition, written out again for the test's own sums. */
  const counted = () => sql`p.municipality_id = ${t.arvikaId} and p.lifecycle not in ('rejected', 'cancelled') and (p.status is null or p.status <> 'cancelled') and (p.lifecycle <> 'idea' or p.publication_state = 'published')`;
  const sumFunding = async (fundingKind: string, year: number, unitIds?: number[]) => {
    const db = t.handle.db;
    const { rows } = await sql<{ s: unknown }>`select coalesce(sum(f.amount_minor), 0) as s from project_funding f join projects p on p.id = f.project_id
      where ${counted()} and f.kind = ${fundingKind} and f.currency = 'SEK'
      and ((p.start_date is not null and p.start_date like ${`${year}-%`}) or (p.start_date is null and p.year = ${year}))
      ${unitIds ? sql`and p.owner_unit_id in (${sql.join(unitIds)})` : sql``}`.execute(db);
    return Number(rows[0]?.s ?? 0) / 100;
  };

  it('shows external funding per year as the test’s own sums, stacked EU and other grants, SEK only', async () => {
    const { rows, disposition, type } = await csv('externa-medel-per-ar');
    expect(type).toMatch(/^text\/csv/);
    expect(disposition).toBe(`attachment; filename="arvika-externa-medel-per-ar-${Y - 4}-${Y}.csv"`);
    expect(rows[0]).toEqual(['År', 'EU-bidrag (SEK)', 'Andra bidrag (SEK)']);
    expect(rows.slice(1).map((r) => Number(r[0]))).toEqual([Y - 4, Y - 3, Y - 2, Y - 1, Y]);
    for (const r of rows.slice(1)) {
      const year = Number(r[0]);
      expect([csvNumber(r[1]!), csvNumber(r[2]!)]).toEqual([await sumFunding('eu_grant', year), await sumFunding('other_grant', year)]);
    }
    // And by hand: last year 2.9 M + 0.5 M; this year 1 M EU (the EUR amount apart) and 0.3 M other.
    expect(rows.find((r) => r[0] === String(Y - 1))!.slice(1).map(csvNumber)).toEqual([2_900_000, 500_000]);
    expect(rows.find((r) => r[0] === String(Y))!.slice(1).map(csvNumber)).toEqual([1_000_000, 300_000]);
    const { html, status } = await page();
    expect(status).toBe(200);
    const figure = figureOf(html, 'externa-medel-per-ar');
    expect(cellText(figure)).toContain(`Mest externa medel kom ${Y - 1}: 3,4 mnkr, varav 2,9 mnkr från EU.`);
    expect(cellText(figure)).toContain('Belopp i andra valutor ingår inte: 5 000,00 €.'.replace(',00', ''));
    expect(html).not.toContain('Idéfonden');
    expect(html).not.toContain('Avslagsfonden');
    expect(html).not.toContain('Avbrottsfonden');
    expect(html).not.toContain('Alefonden');
  });

  it('the HTML table carries the same figures as the CSV, with caption and header scopes', async () => {
    const { html } = await page();
    for (const chart of ['externa-medel-per-ar', 'egen-insats-per-ar', 'andel-unga-per-ar', 'projekt-per-land']) {
      const figure = figureOf(html, chart);
      expect(figure).toMatch(/<caption>[^<]+<\/caption>/);
      expect(figure).toContain('<th scope="col"');
      expect(figure).toContain('<th scope="row">');
      const table = tableOf(figure);
      const { rows } = await csv(chart);
      expect(table.length).toBe(rows.length);
      expect(table.slice(1).map((r) => r[0])).toEqual(rows.slice(1).map((r) => r[0]));
      for (let i = 1; i < rows.length; i++) {
        const fromTable = table[i]!.slice(1).map(numberOf);
        const fromCsv = rows[i]!.slice(1).map(csvNumber);
        expect(fromTable.map((v) => (v === null ? null : Math.round(v * 10) / 10))).toEqual(fromCsv.map((v) => (v === null ? null : Math.round(v * 10) / 10)));
      }
    }
  });

  it('own contribution: cash, hours and their value at the municipality’s hourly cost', async () => {
    const cost = Number((await t.handle.db.selectFrom('municipality_settings').select('staff_hour_cost_minor').where('municipality_id', '=', t.arvikaId).executeTakeFirst())?.staff_hour_cost_minor ?? 50_000);
    const { rows } = await csv('egen-insats-per-ar');
    expect(rows[0]).toEqual(['År', 'Kontant (SEK)', 'Arbetstid, värderad (SEK)', 'Arbetstimmar']);
    const last = rows.find((r) => r[0] === String(Y - 1))!;
    expect(last.slice(1).map(csvNumber)).toEqual([100_000, (200 * cost) / 100, 200]);
    expect(rows.find((r) => r[0] === String(Y))!.slice(1).map(csvNumber)).toEqual([0, 0, 0]);
  });

  it('youth share per year (AL-7) over projects with both counts, the counts in the table', async () => {
    const { rows } = await csv('andel-unga-per-ar');
    expect(rows[0]).toEqual(['År', 'Andel unga', 'Unga deltagare', 'Deltagare', 'Projekt med uppgift']);
    expect(rows.find((r) => r[0] === String(Y - 1))!.slice(1).map(csvNumber)).toEqual([25, 10, 40, 1]);
    expect(rows.find((r) => r[0] === String(Y))!.slice(1).map(csvNumber)).toEqual([75, 15, 20, 1]);
    expect(rows.find((r) => r[0] === String(Y - 2))!.slice(1).map(csvNumber)).toEqual([null, null, null, null]);
    const { html } = await page();
    expect(cellText(figureOf(html, 'andel-unga-per-ar'))).toContain('Av 60 deltagare i projekt som startade');
    expect(cellText(figureOf(html, 'andel-unga-per-ar'))).toContain('var 25 unga, 41,7 %');
  });

  it('projects by theme, goal (the subtree counts for the top-level goal), country and unit', async () => {
    const theme = (await csv('projekt-per-tema')).rows;
    expect(theme.find((r) => r[0] === themeLabel)?.[1]).toBe('2');
    const goal = (await csv('projekt-per-mal')).rows;
    expect(goal.find((r) => r[0] === goalRootTitle)?.[1]).toBe('2');
    const country = (await csv('projekt-per-land')).rows;
    expect(country.slice(1)).toEqual([['Norge', '2'], ['Tyskland', '1']]);
    const unit = (await csv('projekt-per-enhet')).rows;
    expect(unit.find((r) => r[0] === t.ownUnit.name_sv)?.[1]).toBe('2');
    expect(unit.find((r) => r[0] === t.otherUnit.name_sv)?.[1]).toBe('1');
    // The test's own count of projects per country, over the counted projects of the period.
    const { rows: own } = await sql<{ country: string; n: unknown }>`select c.country as country, count(distinct p.id) as n from project_countries c join projects p on p.id = c.project_id
      where ${counted()} and coalesce(cast(substr(p.start_date, 1, 4) as integer), p.year) between ${Y - 4} and ${Y} group by c.country order by 2 desc, 1`.execute(t.handle.db);
    expect(own.map((r) => [r.country, String(Number(r.n))])).toEqual([['NO', '2'], ['DE', '1']]);
  });

  it('the period filter changes the figures: years and a half-year', async () => {
    const longAgo = (await csv('externa-medel-per-ar', `fran=${Y - 10}&till=${Y - 10}`)).rows;
    expect(longAgo.slice(1)).toEqual([[String(Y - 10), '700000,00', '0,00']]);
    const half = await csv('externa-medel-per-ar', `halvar=${Y}H1`);
    expect(half.disposition).toContain(`arvika-externa-medel-per-ar-${Y}H1.csv`);
    // Only the project that started in the first half (by date); the one with only a year is not in a half-year.
    expect(half.rows.slice(1).map((r) => r.slice(1).map(csvNumber))).toEqual([[0, 300_000]]);
    expect(half.rows[1]![0]).toBe(`Första halvåret ${Y}`);
    const { html } = await page(`?fran=${Y - 10}&till=${Y - 10}`);
    expect(cellText(figureOf(html, 'externa-medel-per-ar'))).toContain(`Projekt som startade ${Y - 10} fick 700 000 kr i externa medel, varav 700 000 kr från EU.`);
    expect(html).toContain(`Visar ${Y - 10}, hela kommunen.`);
  });

  it('the unit filter keeps the unit’s projects and partnerships', async () => {
    const own = (await csv('externa-medel-per-ar', `enhet=${t.ownUnit.id}`));
    expect(own.disposition).toContain(`-enhet-${t.ownUnit.id}.csv`);
    for (const r of own.rows.slice(1)) {
      const year = Number(r[0]);
      expect([csvNumber(r[1]!), csvNumber(r[2]!)]).toEqual([await sumFunding('eu_grant', year, [t.ownUnit.id]), await sumFunding('other_grant', year, [t.ownUnit.id])]);
    }
    expect(own.rows.find((r) => r[0] === String(Y))!.slice(1).map(csvNumber)).toEqual([0, 300_000]);
    const other = (await csv('samarbeten-aktivitet', `enhet=${t.otherUnit.id}`)).rows;
    expect(other.some((r) => r[0] === 'Dashvänorten')).toBe(false);
    const activity = (await csv('samarbeten-aktivitet', `enhet=${t.ownUnit.id}`)).rows;
    expect(activity[0]).toEqual(['Samarbete', 'Utbyten', 'Andra händelser', 'Projekt']);
    expect(activity.slice(1)).toEqual([['Dashvänorten', '2', '1', '1']]);
  });

  it('the budget of the last year of the period, as budgetForYear gives it', async () => {
    const budget = await budgetForYear(t.handle.db, t.arvikaId, Y);
    const { rows } = await csv('internationell-budget');
    expect(rows[0]).toEqual(['Ändamål', 'Avsatt (SEK)', 'Använt (SEK)', 'Kvar (SEK)']);
    expect(rows.slice(1).map((r) => r.slice(1).map(csvNumber))).toEqual(budget.categories.map((c) => [c.allocatedMinor === null ? null : c.allocatedMinor / 100, c.usedMinor / 100, c.remainingMinor === null ? null : c.remainingMinor / 100]));
    const { html } = await page(`?fran=${Y - 30 + 1}&till=${Y - 29}`);
    expect(cellText(figureOf(html, 'internationell-budget'))).toContain(`Ingen budget är registrerad för ${Y - 29}.`);
  });

  it('lists what is due with the state in words', async () => {
    const { html } = await page();
    const due = html.slice(html.indexOf('id="att-gora"'));
    expect(due).toMatch(/Försenad|Dags nu|Kommande|Inget är försenat/);
  });

  it('downloads the chart as SVG (role=img, titled) and PNG', async () => {
    const svg = await t.request(t.users.reader, '/admin/arvika/uppfoljning/diagram/externa-medel-per-ar?format=svg');
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(svg.headers.get('content-disposition')).toBe(`attachment; filename="arvika-externa-medel-per-ar-${Y - 4}-${Y}.svg"`);
    const body = await svg.text();
    expect(body).toMatch(/^<svg role="img" aria-labelledby="chart-externa-medel-per-ar-title chart-externa-medel-per-ar-desc"/);
    expect(body).toContain('<title id="chart-externa-medel-per-ar-title">Externa medel per år</title>');
    const png = await t.request(t.users.unit_editor, `/admin/arvika/uppfoljning/diagram/andel-unga-per-ar?format=png&halvar=${Y}H1`);
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect([...new Uint8Array(await png.arrayBuffer()).slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('the page’s inline SVG has no inline styles (the CSP forbids them) and keeps its viewBox', async () => {
    const { html } = await page();
    const inline = figureOf(html, 'externa-medel-per-ar');
    expect(inline).toContain('viewBox="0 0 600 320"');
    expect(inline).toContain('role="img"');
    expect(inline).not.toMatch(/\sstyle="/);
    expect(inline).not.toContain('<style');
  });

  it('one chart on its own page, and the English dashboard', async () => {
    const res = await t.request(t.users.reader, `/admin/arvika/uppfoljning/diagram/projekt-per-land?fran=${Y - 1}&till=${Y}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1 id="diagram-projekt-per-land-rubrik">Projekt per land</h1>');
    expect(html).toContain(`/admin/arvika/uppfoljning/diagram/projekt-per-land?fran=${Y - 1}&amp;till=${Y}&amp;format=csv`);
    const en = await page('', 'coordinator', 'en');
    expect(en.status).toBe(200);
    expect(en.html).toContain('<h1>Follow-up</h1>');
    expect(cellText(figureOf(en.html, 'externa-medel-per-ar'))).toContain(`Most external funding came in ${Y - 1}: SEK 3.4 million, of which SEK 2.9 million from the EU.`);
    expect(cellText(figureOf(en.html, 'projekt-per-land'))).toContain('Norway');
  });

  it('invalid filters: a 400 page listing every problem in the form, never a 500', async () => {
    const { status, html } = await page('?fran=abc&till=1800&halvar=2026H3&enhet=999999');
    expect(status).toBe(400);
    const text = cellText(html);
    expect(text).toContain('Urvalet går inte att visa');
    expect(text).toContain('Från år ska vara ett årtal mellan 1900 och 2200');
    expect(text).toContain('Till år ska vara ett årtal mellan 1900 och 2200');
    expect(text).toContain('Skriv halvåret som 2026H1');
    expect(text).toContain('Välj en enhet i listan.');
    expect(html).toContain('value="abc"');
    expect(html).not.toContain('<figure');
    const order = await page(`?fran=${Y}&till=${Y - 2}`);
    expect(order.status).toBe(400);
    expect(order.html).toContain('Till år kan inte vara tidigare än från år.');
    const span = await page(`?fran=1950&till=${Y}`);
    expect(span.status).toBe(400);
    expect(span.html).toContain('Perioden får vara högst 30 år.');
    const repeated = await page('?fran=2020&fran=2021');
    expect(repeated.status).toBe(400);
    expect(repeated.html).toContain('Från år får bara anges en gång.');
    const aleUnit = await page(`?enhet=${t.aleUnits[0]!.id}`);
    expect(aleUnit.status).toBe(400);
    const badFormat = await t.request(t.users.coordinator, '/admin/arvika/uppfoljning/diagram/externa-medel-per-ar?format=gif');
    expect(badFormat.status).toBe(400);
    expect(await badFormat.text()).toContain('Formatet ska vara svg, png eller csv.');
    const badExport = await t.request(t.users.coordinator, '/admin/arvika/uppfoljning/diagram/externa-medel-per-ar?format=csv&halvar=nej');
    expect(badExport.status).toBe(400);
    const unknown = await t.request(t.users.coordinator, '/admin/arvika/uppfoljning/diagram/finns-inte?format=csv');
    expect(unknown.status).toBe(404);
    for (const q of ['?fran=%E0%A4%A', '?fran=2020%00', '?enhet=-1', '?enhet=1e3', `?till=${'9'.repeat(400)}`]) expect((await page(q)).status).toBe(400);
  });

  it('every role of the municipality may look; another municipality’s people get a 404', async () => {
    for (const role of ['reader', 'unit_editor', 'municipal_admin', 'platform_admin'] as const) expect((await page('', role)).status).toBe(200);
    expect((await page('', 'other_coordinator')).status).toBe(404);
    const anonymous = await t.request(undefined, '/admin/arvika/uppfoljning');
    expect([302, 303]).toContain(anonymous.status);
  });
});
