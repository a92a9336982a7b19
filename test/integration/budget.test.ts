/**
 * The international budget (AL-15): the year's figures equal sums computed directly in SQL by the
 * documented rule, allocations are upserted, entries are validated with every error at once
 * (nothing written), another municipality's project is refused, and every change is audited.
 * On SQLite and PostgreSQL alike.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BudgetCategory } from '../../src/db/schema.js';
import { budgetForYear } from '../../src/features/budget/usage.js';
import { formatMoney } from '../../src/i18n/index.js';
import { type AdminTestApp, createAdminTestApp } from '../support/admin.js';
import { availableDatabases } from '../support/databases.js';
import { decode } from '../support/html.js';

const kinds = await availableDatabases();
const TS = '2026-01-01T00:00:00.000Z';
const YEAR = 2031;

describe.each(kinds)('the international budget on %s', (kind) => {
  let t: AdminTestApp;
  const ids = { twinning: 0, network: 0, projectA: 0, aleProject: 0 };

  const count = async (table: 'budget_entries' | 'budget_allocations') => Number((await t.handle.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const audits = async (entity: string) => Number((await t.handle.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('entity', '=', entity).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await createAdminTestApp(kind);
    const db = t.handle.db;
    const partnership = async (kindOf: 'twinning' | 'network', title: string) =>
      Number(
        (
          await db
            .insertInto('partnerships')
            .values({ municipality_id: t.arvikaId, kind: kindOf, title_sv: title, title_en: null, status: 'active', summary_sv: null, summary_en: null, cooperation_areas: '[]', financing_sv: null, financing_en: null, publication_state: 'draft', source: null, created_at: TS, updated_at: TS, owner_unit_id: t.ownUnit.id })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
      );
    ids.twinning = await partnership('twinning', 'Budgetvänort');
    ids.network = await partnership('network', 'Budgetnätverk');
    const project = async (p: { municipalityId?: number; title: string; status: 'planned' | 'ongoing' | 'cancelled'; lifecycle: 'idea' | 'ongoing' | 'cancelled'; start: string | null; year: number; link?: number; cash: { amount: number; currency?: string; kind?: 'municipal_cash' | 'eu_grant' }[] }) => {
      const id = Number(
        (
          await db
            .insertInto('projects')
            .values({ municipality_id: p.municipalityId ?? t.arvikaId, kind: 'project', title_sv: p.title, title_en: null, summary_sv: null, summary_en: null, owner_unit_id: null, municipality_role: 'partner', programme_id: null, status: p.status, start_date: p.start, end_date: null, year: p.year, participants_total: null, participants_youth: null, budget_sek_minor: null, publication_state: 'draft', published_at: null, search_text: p.title.toLowerCase(), source: null, created_at: TS, updated_at: TS, lifecycle: p.lifecycle })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
      );
      if (p.link) await db.insertInto('project_partnerships').values({ project_id: id, partnership_id: p.link }).execute();
      for (const c of p.cash) {
        await db.insertInto('project_funding').values({ project_id: id, kind: c.kind ?? 'municipal_cash', programme_id: null, source_name: null, amount_minor: c.amount, currency: c.currency ?? 'SEK', staff_hours: null, note_sv: null, source: null }).execute();
      }
      return id;
    };
    // Counts in twinning: 10 000 + 5 000 kr (the EU grant and the euros do not count).
    ids.projectA = await project({ title: 'Ungdomsutbyte med vänorten', status: 'ongoing', lifecycle: 'ongoing', start: `${YEAR}-03-01`, year: YEAR, link: ids.twinning, cash: [{ amount: 1_000_000 }, { amount: 500_000 }, { amount: 9_900_000, kind: 'eu_grant' }, { amount: 70_000, currency: 'EUR' }] });
    // Counts in preparation (an idea, filed under the year, no start date): 3 000 kr.
    await project({ title: 'Förstudie om ny vänort', status: 'planned', lifecycle: 'idea', start: null, year: YEAR, link: ids.twinning, cash: [{ amount: 300_000 }] });
    // Counts nowhere: cancelled; linked to a network only; started the year before.
    await project({ title: 'Inställt besök', status: 'cancelled', lifecycle: 'cancelled', start: `${YEAR}-04-01`, year: YEAR, link: ids.twinning, cash: [{ amount: 700_000 }] });
    await project({ title: 'Nätverksmöte', status: 'ongoing', lifecycle: 'ongoing', start: `${YEAR}-05-01`, year: YEAR, link: ids.network, cash: [{ amount: 900_000 }] });
    await project({ title: 'Förra årets utbyte', status: 'ongoing', lifecycle: 'ongoing', start: `${YEAR - 1}-12-31`, year: YEAR, link: ids.twinning, cash: [{ amount: 400_000 }] });
    ids.aleProject = await project({ municipalityId: t.aleId, title: 'Ales projekt', status: 'ongoing', lifecycle: 'ongoing', start: `${YEAR}-03-01`, year: YEAR, cash: [{ amount: 100_000 }] });
  }, 120_000);
  afterAll(async () => t?.close());

  /** What the rule gives, computed independently in SQL. */
  async function sqlUsed(municipalityId: number, year: number, category: BudgetCategory): Promise<number> {
    const preparing = sql`(p.lifecycle in ('idea', 'assessment', 'awaiting_decision') or coalesce(p.status, '') in ('planned', 'applied'))`;
    const twinningLink = sql`exists (select 1 from project_partnerships pp join partnerships s on s.id = pp.partnership_id where pp.project_id = p.id and s.kind = 'twinning' and s.municipality_id = ${municipalityId})`;
    const which = category === 'preparation' ? preparing : sql`not ${preparing} and ${twinningLink}`;
    const projects = await sql<{ n: string | number | null }>`
      select sum(f.amount_minor) as n from project_funding f join projects p on p.id = f.project_id
      where p.municipality_id = ${municipalityId} and f.kind = 'municipal_cash' and f.currency = 'SEK' and f.amount_minor is not null
        and ((p.start_date >= ${`${year}-01-01`} and p.start_date <= ${`${year}-12-31`}) or (p.start_date is null and p.year = ${year}))
        and coalesce(p.status, '') <> 'cancelled' and p.lifecycle not in ('cancelled', 'rejected')
        and ${which}`.execute(t.handle.db);
    const entries = await sql<{ n: string | number | null }>`
      select sum(amount_minor) as n from budget_entries
      where municipality_id = ${municipalityId} and category = ${category} and spent_on >= ${`${year}-01-01`} and spent_on <= ${`${year}-12-31`}`.execute(t.handle.db);
    return Number(projects.rows[0]?.n ?? 0) + Number(entries.rows[0]?.n ?? 0);
  }

  it('counts projects by the rule, before any entry or allocation', async () => {
    const b = await budgetForYear(t.handle.db, t.arvikaId, YEAR);
    const by = Object.fromEntries(b.categories.map((c) => [c.category, c]));
    expect(b.categories.map((c) => c.category)).toEqual(['twinning', 'preparation']);
    // By hand: 10 000 + 5 000 kr twinning; 3 000 kr preparation; nothing allocated.
    expect(by.twinning).toMatchObject({ allocatedMinor: null, usedMinor: 1_500_000, remainingMinor: null });
    expect(by.preparation).toMatchObject({ allocatedMinor: null, usedMinor: 300_000, remainingMinor: null });
    expect(by.twinning!.used).toEqual([{ source: 'project', description: 'Ungdomsutbyte med vänorten', date: `${YEAR}-03-01`, amountMinor: 1_500_000, projectId: ids.projectA, partnershipId: ids.twinning }]);
  });

  it('records entries and shows the figures, equal to the direct SQL sums', async () => {
    const before = await audits('budget_entry');
    const a = await t.request(t.users.coordinator, '/admin/arvika/budget/poster/ny', { form: { category: 'twinning', spent_on: `${YEAR}-05-01`, amount: '12 500', description_sv: 'Resa till vänorten', project_id: String(ids.projectA), partnership_id: String(ids.twinning) } });
    expect(a.status).toBe(303);
    expect(a.headers.get('location')).toBe(`/admin/arvika/budget?ar=${YEAR}&klart=created`);
    const b = await t.request(t.users.coordinator, '/admin/arvika/budget/poster/ny', { form: { category: 'preparation', spent_on: `${YEAR}-06-01`, amount: '12500,50', description_sv: 'Ansökningsskrivare' } });
    expect(b.status).toBe(303);
    expect(await audits('budget_entry')).toBe(before + 2);
    const stored = await t.handle.db.selectFrom('budget_entries').select(['amount_minor', 'project_id']).where('municipality_id', '=', t.arvikaId).orderBy('id').execute();
    expect(stored.slice(-2).map((r) => [Number(r.amount_minor), r.project_id === null ? null : Number(r.project_id)])).toEqual([
      [1_250_000, ids.projectA],
      [1_250_050, null],
    ]);

    const budget = await budgetForYear(t.handle.db, t.arvikaId, YEAR);
    const used = Object.fromEntries(budget.categories.map((c) => [c.category, c.usedMinor]));
    // By hand: 15 000 + 12 500 kr; 3 000 + 12 500,50 kr.
    expect(used).toEqual({ twinning: 2_750_000, preparation: 1_550_050 });
    for (const category of ['twinning', 'preparation'] as const) expect(used[category]).toBe(await sqlUsed(t.arvikaId, YEAR, category));
    // The seeded years of both municipalities too.
    for (const m of [t.arvikaId, t.aleId]) {
      for (let year = 1985; year <= 2030; year++) {
        const b2 = await budgetForYear(t.handle.db, m, year);
        for (const c of b2.categories) expect([m, year, c.category, c.usedMinor]).toEqual([m, year, c.category, await sqlUsed(m, year, c.category)]);
      }
    }

    const page = decode(await (await t.request(t.users.reader, `/admin/arvika/budget?ar=${YEAR}`)).text());
    expect(page).toContain(`Internationell budget ${YEAR}`);
    expect(page).toContain(formatMoney('sv', 2_750_000, 'SEK'));
    expect(page).toContain(formatMoney('sv', 1_550_050, 'SEK'));
    expect(page).toContain('Resa till vänorten');
    expect(page).toContain(`/admin/arvika/projekt/${ids.projectA}`);
    expect(page).toContain(`/admin/arvika/samarbeten/${ids.twinning}`);
    expect(page).toContain('Så räknas förbrukningen');
    // A reader sees the figures but no forms.
    expect(page).not.toContain('/budget/anslag');
    expect(page).not.toContain('/budget/poster/');
    expect((await t.request(t.users.reader, `/en/admin/arvika/budget?ar=${YEAR}`)).status).toBe(200);
  });

  it('upserts the allocations of both categories at once', async () => {
    const before = await audits('budget_allocation');
    const rows = () => t.handle.db.selectFrom('budget_allocations').select(['category', 'amount_minor']).where('municipality_id', '=', t.arvikaId).where('year', '=', YEAR).orderBy('category').execute();
    expect((await t.request(t.users.coordinator, '/admin/arvika/budget/anslag', { form: { ar: String(YEAR), twinning: '50 000', preparation: '' } })).status).toBe(303);
    expect((await rows()).map((r) => [r.category, Number(r.amount_minor)])).toEqual([['twinning', 5_000_000]]);
    expect((await t.request(t.users.coordinator, '/admin/arvika/budget/anslag', { form: { ar: String(YEAR), twinning: '40 000', preparation: '10 000' } })).status).toBe(303);
    expect((await rows()).map((r) => [r.category, Number(r.amount_minor)])).toEqual([
      ['preparation', 1_000_000],
      ['twinning', 4_000_000],
    ]);
    expect(await audits('budget_allocation')).toBe(before + 2);
    const b = await budgetForYear(t.handle.db, t.arvikaId, YEAR);
    // 40 000 − 27 500 kr; 10 000 − 15 500,50 kr.
    expect(b.categories.map((c) => c.remainingMinor)).toEqual([1_250_000, -550_050]);
    const page = decode(await (await t.request(t.users.coordinator, `/admin/arvika/budget?ar=${YEAR}`)).text());
    expect(page).toContain('Anslaget är överskridet');
    expect(page).toContain('value="40000"');
    // Emptying a category removes its allocation.
    expect((await t.request(t.users.coordinator, '/admin/arvika/budget/anslag', { form: { ar: String(YEAR), twinning: '40 000', preparation: '' } })).status).toBe(303);
    expect((await rows()).map((r) => r.category)).toEqual(['twinning']);
    // Invalid amounts: 400, all errors, nothing changed.
    const bad = await t.request(t.users.coordinator, '/admin/arvika/budget/anslag', { form: { ar: String(YEAR), twinning: '-5', preparation: 'mycket' } });
    expect(bad.status).toBe(400);
    const html = decode(await bad.text());
    expect(html).toContain('Anslag till vänortsarbete kan inte vara negativt.');
    expect(html).toContain('Anslag till förberedelse av internationella projekt: skriv ett belopp i kronor');
    expect((await rows()).map((r) => [r.category, Number(r.amount_minor)])).toEqual([['twinning', 4_000_000]]);
  });

  it('refuses invalid entries with every error at once and writes nothing', async () => {
    const [entries, audit] = [await count('budget_entries'), await audits('budget_entry')];
    const res = await t.request(t.users.coordinator, '/admin/arvika/budget/poster/ny', { form: { category: 'resor', spent_on: `${YEAR}-02-30`, amount: '-5', description_sv: '  ' } });
    expect(res.status).toBe(400);
    const html = decode(await res.text());
    for (const field of ['category', 'spent_on', 'amount', 'description_sv']) expect(html).toContain(`href="#${field}"`);
    expect(html).toContain('Belopp kan inte vara negativt.');
    const huge = await t.request(t.users.coordinator, '/admin/arvika/budget/poster/ny', { form: { category: 'twinning', spent_on: `${YEAR}-02-01`, amount: '2 000 000 000', description_sv: 'För mycket' } });
    expect(huge.status).toBe(400);
    expect(decode(await huge.text())).toContain('orimligt stort');
    // Another municipality's project or partnership is an error, not a link.
    const foreign = await t.request(t.users.coordinator, '/admin/arvika/budget/poster/ny', { form: { category: 'twinning', spent_on: `${YEAR}-02-01`, amount: '100', description_sv: 'Fel kommun', project_id: String(ids.aleProject) } });
    expect(foreign.status).toBe(400);
    expect(decode(await foreign.text())).toContain('Välj ett av kommunens projekt i listan.');
    expect([await count('budget_entries'), await audits('budget_entry')]).toEqual([entries, audit]);
    // Only coordinators and administrators record entries.
    expect((await t.request(t.users.unit_editor, '/admin/arvika/budget/poster/ny', { form: { category: 'twinning', spent_on: `${YEAR}-02-01`, amount: '100', description_sv: 'X' } })).status).toBe(403);
    expect(await count('budget_entries')).toBe(entries);
  });

  it('changes and deletes an entry, audited; another municipality cannot reach it', async () => {
    const entry = await t.handle.db.selectFrom('budget_entries').select(['id']).where('description_sv', '=', 'Ansökningsskrivare').executeTakeFirstOrThrow();
    const id = Number(entry.id);
    const form = await (await t.request(t.users.coordinator, `/admin/arvika/budget/poster/${id}`)).text();
    expect(form).toContain('value="12500,50"');
    expect((await t.request(t.users.other_coordinator, `/admin/ale/budget/poster/${id}`)).status).toBe(404);
    const changed = await t.request(t.users.coordinator, `/admin/arvika/budget/poster/${id}`, { form: { category: 'preparation', spent_on: `${YEAR}-06-02`, amount: '2 000', description_sv: 'Ansökningsskrivare, rättat belopp' } });
    expect(changed.status).toBe(303);
    expect(Number((await t.handle.db.selectFrom('budget_entries').select('amount_minor').where('id', '=', id).executeTakeFirstOrThrow()).amount_minor)).toBe(200_000);
    expect((await budgetForYear(t.handle.db, t.arvikaId, YEAR)).categories[1]!.usedMinor).toBe(300_000 + 200_000);
    const before = await audits('budget_entry');
    expect((await t.request(t.users.coordinator, `/admin/arvika/budget/poster/${id}/ta-bort`, { form: {} })).status).toBe(303);
    expect(await t.handle.db.selectFrom('budget_entries').select('id').where('id', '=', id).executeTakeFirst()).toBeUndefined();
    const last = await t.handle.db.selectFrom('audit_log').select(['action', 'entity_id']).where('entity', '=', 'budget_entry').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect([last.action, String(last.entity_id)]).toEqual(['delete', String(id)]);
    expect(await audits('budget_entry')).toBe(before + 1);
    expect((await t.request(t.users.coordinator, `/admin/arvika/budget/poster/${id}`)).status).toBe(404);
  });
});
