/**
 * The calendar feeds hold every deadline, not only the strategy work's: measures without a recent
 * progress report, projects awaiting a decision, partnerships' evaluations, next to the action
 * plans' evaluations; in the municipality's feed and a personal feed, with stable UIDs (kind,
 * record and date), parsed back with ical.js. The calendar page and the overview list them too.
 * On SQLite and PostgreSQL alike.
 */
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInSweden } from '../../src/features/decisions/registry.js';
import { addDays, termOfOfficeOn } from '../../src/features/strategy/progress/cycles.js';
import { type AdminTestApp, createAdminTestApp } from '../support/admin.js';
import { availableDatabases } from '../support/databases.js';
import { decode } from '../support/html.js';

const kinds = await availableDatabases();
const TS = '2026-01-01T00:00:00.000Z';
const TOKEN_RE = /\/kalender\/([A-Za-z0-9_-]{43})\.ics/;

function parseFeed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return { uid: e.uid, summary: e.summary, description: e.description, start: e.startDate.toString(), allDay: e.startDate.isDate, url: String(v.getFirstPropertyValue('url')) };
  });
}

describe.each(kinds)('calendar feeds with every deadline on %s', (kind) => {
  let t: AdminTestApp;
  const today = todayInSweden();
  // Last progress report 100 days ago: with 90 days allowed, stale since 10 days ago.
  const staleSince = addDays(today, -10);
  const firstDue = addDays(termOfOfficeOn(today).start, -1);
  const ids = { plan: 0, stale: 0, project: 0, partnership: 0 };

  beforeAll(async () => {
    t = await createAdminTestApp(kind);
    const db = t.handle.db;
    const strategy = await db
      .insertInto('strategies')
      .values({ municipality_id: t.arvikaId, title_sv: 'Kalenderstrategi utkast', title_en: null, vision_sv: null, vision_en: null, adopted_by: null, adopted_on: null, minute_paragraph: null, registry_number: null, responsibilities_sv: null, responsibilities_en: null, body_sv: null, summary_en: null, status: 'draft', superseded_by_id: null, source: null, created_at: TS, updated_at: TS })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.plan = Number(
      (
        await db
          .insertInto('action_plans')
          .values({ municipality_id: t.arvikaId, strategy_id: Number(strategy.id), title_sv: 'Alla datum-planen', title_en: null, period_start: '2020-01-01', period_end: '2099-12-31', status: 'active', evaluation_interval_months: 24, previous_plan_id: null, created_at: TS, updated_at: TS })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
    ids.stale = Number(
      (
        await db
          .insertInto('measures')
          .values({ municipality_id: t.arvikaId, plan_id: ids.plan, title_sv: 'Åtgärd utan lägesrapport', title_en: 'Measure without a report', description_sv: null, description_en: null, owner_unit_id: t.ownUnit.id, start_date: '2020-01-01', end_date: null, status: 'ongoing', progress: 10, progress_updated_at: `${addDays(today, -100)}T10:00:00.000Z`, created_at: TS, updated_at: TS })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
    ids.project = Number(
      (
        await db
          .insertInto('projects')
          .values({ municipality_id: t.arvikaId, kind: 'project', title_sv: 'Projekt i väntan på beslut', title_en: null, summary_sv: null, summary_en: null, owner_unit_id: t.ownUnit.id, municipality_role: 'partner', programme_id: null, status: 'applied', lifecycle: 'awaiting_decision', start_date: null, end_date: null, year: 2026, participants_total: null, participants_youth: null, budget_sek_minor: null, publication_state: 'draft', published_at: null, search_text: 'projekt', source: null, created_at: TS, updated_at: '2026-03-05T10:00:00.000Z' })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
    ids.partnership = Number(
      (
        await db
          .insertInto('partnerships')
          .values({ municipality_id: t.arvikaId, kind: 'cooperation', title_sv: 'Samarbete i kalendern', title_en: null, status: 'active', summary_sv: null, summary_en: null, cooperation_areas: '[]', financing_sv: null, financing_en: null, publication_state: 'draft', source: null, created_at: '2020-01-01T00:00:00.000Z', updated_at: TS, owner_unit_id: null })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
  }, 120_000);
  afterAll(async () => t?.close());

  const tokenOf = async (res: Response) => {
    const m = TOKEN_RE.exec(decode(await res.text()));
    if (!m) throw new Error(`No calendar address in the page (${res.status})`);
    return m[1]!;
  };

  it('the municipality’s feed and a personal feed hold the new kinds with stable UIDs', async () => {
    const shared = await tokenOf(await t.request(t.users.coordinator, '/admin/arvika/kalender/kommun', { form: {} }));
    const personal = await tokenOf(await t.request(t.users.unit_editor, '/admin/arvika/kalender/personlig', { form: {} }));
    const uids = {
      stale: `measure-stale-${ids.stale}-${staleSince}@utblick`,
      decision: `decision-awaited-${ids.project}-2026-03-05@utblick`,
      // Active since 2020-01-01 and never evaluated: due 48 months later (2024-01-01), but no earlier
      // than the end of the previous term of office.
      partnership: `partnership-evaluation-${ids.partnership}-${firstDue}@utblick`,
      plan: `plan-evaluation-${ids.plan}-2022-01-01@utblick`,
    };
    for (const token of [shared, personal]) {
      const first = parseFeed(await (await t.app.request(`/kalender/${token}.ics`)).text());
      const byUid = new Map(first.map((e) => [e.uid, e]));
      expect(byUid.get(uids.stale)).toMatchObject({
        summary: 'Lägesrapport saknas: Åtgärd utan lägesrapport',
        start: staleSince,
        allDay: true,
        url: `${t.config.baseUrl}/admin/arvika/handlingsplaner/${ids.plan}/atgarder/${ids.stale}`,
      });
      expect(byUid.get(uids.stale)!.description).toContain('Åtgärden i Alla datum-planen saknar aktuell lägesrapport');
      expect(byUid.get(uids.stale)!.description).toContain('Läge: försenad.');
      expect(byUid.get(uids.decision)).toMatchObject({ summary: 'Väntar på beslut: Projekt i väntan på beslut', start: '2026-03-05', url: `${t.config.baseUrl}/admin/arvika/projekt/${ids.project}/beslutsvag` });
      expect(byUid.get(uids.decision)!.description).toContain('Projektet väntar på beslut sedan 5 mars 2026.');
      expect(byUid.get(uids.partnership)).toMatchObject({ summary: 'Utvärdering av samarbetet: Samarbete i kalendern', start: firstDue, url: `${t.config.baseUrl}/admin/arvika/samarbeten/${ids.partnership}/utvarderingar` });
      expect(byUid.has(uids.plan)).toBe(true);
      // Fetched again after an unrelated change: the same events under the same UIDs.
      await t.handle.db.updateTable('projects').set({ summary_sv: 'Ny sammanfattning' }).where('id', '=', ids.project).execute();
      const again = parseFeed(await (await t.app.request(`/kalender/${token}.ics`)).text());
      expect(again.map((e) => e.uid).sort()).toEqual(first.map((e) => e.uid).sort());
      expect(new Set(first.map((e) => e.uid)).size).toBe(first.length);
    }
    const en = parseFeed(await (await t.app.request(`/kalender/${shared}.ics?lang=en`)).text());
    expect(en.find((e) => e.uid === uids.stale)?.summary).toBe('Progress report missing: Measure without a report');
    expect(en.find((e) => e.uid === uids.decision)?.summary).toBe('Awaiting a decision: Projekt i väntan på beslut');

    // A new progress report moves the staleness: the old event disappears.
    await t.handle.db.updateTable('measures').set({ progress_updated_at: new Date().toISOString() }).where('id', '=', ids.stale).execute();
    const after = parseFeed(await (await t.app.request(`/kalender/${shared}.ics`)).text());
    expect(after.some((e) => e.uid.startsWith(`measure-stale-${ids.stale}-`))).toBe(false);
    await t.handle.db.updateTable('measures').set({ progress_updated_at: `${addDays(today, -100)}T10:00:00.000Z` }).where('id', '=', ids.stale).execute();
  });

  it('the calendar page and the overview list them; coordinators find the reminders page', async () => {
    const page = decode(await (await t.request(t.users.coordinator, '/admin/arvika/kalender')).text());
    expect(page).toContain('Kalender för det internationella arbetet');
    for (const text of ['Åtgärden saknar aktuell lägesrapport: <a', 'Projektet väntar på beslut: <a', 'Utvärdering av samarbetet: <a']) expect(page).toContain(text);
    expect(page).toContain('href="/admin/arvika/paminnelser"');
    expect(decode(await (await t.request(t.users.reader, '/admin/arvika/kalender')).text())).not.toContain('/admin/arvika/paminnelser');

    const overview = decode(await (await t.request(t.users.reader, '/admin/arvika')).text());
    const panel = overview.slice(overview.indexOf('Försenat och att göra inom kort'));
    expect(panel).toContain(`<a href="/admin/arvika/handlingsplaner/${ids.plan}/atgarder/${ids.stale}">Åtgärd utan lägesrapport</a>`);
    expect(panel).toContain(`<a href="/admin/arvika/projekt/${ids.project}/beslutsvag">Projekt i väntan på beslut</a>`);
    expect(panel).toContain('sedan 5 mars 2026');
    expect(panel).toContain(`<a href="/admin/arvika/samarbeten/${ids.partnership}/utvarderingar">Samarbete i kalendern</a>`);
  });
});
