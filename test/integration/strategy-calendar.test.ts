/**
 * Calendar feeds: made and renewed in the back office, fetched anonymously by a calendar client,
 * parsed back with an independent parser (ical.js); unknown, renewed and removed addresses answer
 * 404; a personal feed follows the person's roles; the answer never enters the response cache.
 * And the overview's list of what is due. On SQLite and PostgreSQL alike.
 */
import type http from 'node:http';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/features/auth/session.js';
import { todayInSweden } from '../../src/features/decisions/registry.js';
import { addDays } from '../../src/features/strategy/progress/cycles.js';
import { startHttpServer } from '../../src/server.js';
import { type AdminTestApp, createAdminTestApp, createUser } from '../support/admin.js';
import { availableDatabases } from '../support/databases.js';
import { decode } from '../support/html.js';

const kinds = await availableDatabases();
const TS = '2026-01-01T00:00:00.000Z';
const TOKEN_RE = /\/kalender\/([A-Za-z0-9_-]{43})\.ics/;

interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  start: string;
  end: string;
  allDay: boolean;
  url: string;
}

function parseFeed(text: string): { name: string; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      summary: e.summary,
      description: e.description,
      start: e.startDate.toString(),
      end: e.endDate.toString(),
      allDay: e.startDate.isDate,
      url: String(v.getFirstPropertyValue('url')),
    };
  });
  return { name: String(calendar.getFirstPropertyValue('x-wr-calname')), events };
}

describe.each(kinds)('calendar feeds on %s', (kind) => {
  let t: AdminTestApp;
  const today = todayInSweden();
  const soon = addDays(today, 10);
  const ids = { strategy: 0, plan: 0, measureSoon: 0, measureFar: 0, measureDone: 0, aleStrategy: 0 };

  beforeAll(async () => {
    t = await createAdminTestApp(kind);
    const db = t.handle.db;
    const strategy = async (municipalityId: number, title: string, titleEn: string | null) =>
      Number(
        (
          await db
            .insertInto('strategies')
            .values({ municipality_id: municipalityId, title_sv: title, title_en: titleEn, vision_sv: null, vision_en: null, adopted_by: 'Kommunstyrelsen', adopted_on: '2012-11-12', minute_paragraph: '§ 258', registry_number: null, responsibilities_sv: null, responsibilities_en: null, body_sv: null, summary_en: null, status: 'adopted', superseded_by_id: null, source: null, created_at: TS, updated_at: TS })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
      );
    ids.strategy = await strategy(t.arvikaId, 'Kalenderstrategi för internationellt arbete', 'Calendar strategy for international work');
    ids.aleStrategy = await strategy(t.aleId, 'Ales kalenderstrategi', null);
    ids.plan = Number(
      (
        await db
          .insertInto('action_plans')
          .values({ municipality_id: t.arvikaId, strategy_id: ids.strategy, title_sv: 'Kalenderplan', title_en: null, period_start: '2020-01-01', period_end: '2099-12-31', status: 'active', evaluation_interval_months: 24, previous_plan_id: null, created_at: TS, updated_at: TS })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
    const measure = async (title: string, end: string, status: 'ongoing' | 'done' = 'ongoing') =>
      Number(
        (
          await db
            .insertInto('measures')
            .values({ municipality_id: t.arvikaId, plan_id: ids.plan, title_sv: title, title_en: null, description_sv: null, description_en: null, owner_unit_id: t.ownUnit.id, start_date: '2020-01-01', end_date: end, status, progress: 10, progress_updated_at: new Date().toISOString(), created_at: TS, updated_at: TS })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
      );
    ids.measureSoon = await measure('Kalenderåtgärd snart', soon);
    ids.measureFar = await measure('Kalenderåtgärd långt fram', '2099-06-30');
    ids.measureDone = await measure('Kalenderåtgärd klar', soon, 'done');
  }, 120_000);
  afterAll(async () => t?.close());

  const fetchFeed = (token: string, query = '') => t.app.request(`/kalender/${token}.ics${query}`);
  const tokenOf = async (res: Response) => {
    const html = decode(await res.text());
    const m = TOKEN_RE.exec(html);
    if (!m) throw new Error(`No calendar address in the page (${res.status})`);
    return m[1]!;
  };
  const uid = (kindName: string, id: number, date: string) => `${kindName}-${id}-${date}@utblick`;

  it('makes the municipality’s feed, shows the address once, stores only its hash, and serves the dates', async () => {
    const res = await t.request(t.users.coordinator, '/admin/arvika/kalender/kommun', { form: {} });
    expect(res.status).toBe(200);
    const token = await tokenOf(res);
    const stored = await t.handle.db.selectFrom('calendar_feeds').selectAll().where('municipality_id', '=', t.arvikaId).where('user_id', 'is', null).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).toBe(sha256Hex(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    const audit = await t.handle.db.selectFrom('audit_log').selectAll().where('entity', '=', 'calendar_feed').where('entity_id', '=', String(stored[0]!.id)).execute();
    expect(audit.map((a) => a.action)).toEqual(['create']);
    expect(`${audit[0]!.after_data}${audit[0]!.details}`).not.toContain(sha256Hex(token));

    // The page afterwards knows the feed exists but cannot show the address again.
    const page = decode(await (await t.request(t.users.coordinator, '/admin/arvika/kalender')).text());
    expect(page).toContain('Kommunen har en gemensam kalenderadress sedan');
    expect(page).not.toContain(token);

    const feed = await fetchFeed(token);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(feed.headers.get('cache-control')).toBe('private, no-store');
    expect(feed.headers.get('x-content-type-options')).toBe('nosniff');
    const { name, events } = parseFeed(await feed.text());
    expect(name).toBe('Utblick – internationella arbetet i Arvika kommun');
    const byUid = new Map(events.map((e) => [e.uid, e]));

    const review = byUid.get(uid('strategy-review', ids.strategy, '2018-10-14'));
    expect(review).toMatchObject({
      summary: 'Översyn av strategin: Kalenderstrategi för internationellt arbete',
      start: '2018-10-14',
      end: '2018-10-15',
      allDay: true,
      url: `${t.config.baseUrl}/admin/arvika/strategi/${ids.strategy}`,
    });
    expect(review!.description).toContain('en gång per mandatperiod');
    expect(review!.description).toContain('Läge: försenad.');
    // Evaluation every other year from the start of the period, 2020-01-01: due 2022-01-01.
    expect(byUid.get(uid('plan-evaluation', ids.plan, '2022-01-01'))).toMatchObject({ summary: 'Utvärdering av handlingsplanen: Kalenderplan', start: '2022-01-01', allDay: true });
    expect(byUid.get(uid('measure-end', ids.measureSoon, soon))).toMatchObject({
      summary: 'Åtgärd ska vara klar: Kalenderåtgärd snart',
      start: soon,
      url: `${t.config.baseUrl}/admin/arvika/handlingsplaner/${ids.plan}/atgarder/${ids.measureSoon}`,
    });
    expect(byUid.get(uid('measure-end', ids.measureSoon, soon))!.description).toContain('Läge: dags nu.');
    // Far-off end dates are in the calendar too; finished measures and other municipalities are not.
    expect(byUid.has(uid('measure-end', ids.measureFar, '2099-06-30'))).toBe(true);
    expect(events.some((e) => e.uid.startsWith(`measure-end-${ids.measureDone}-`))).toBe(false);
    expect(events.some((e) => e.uid.startsWith(`strategy-review-${ids.aleStrategy}-`))).toBe(false);
    expect(events.some((e) => e.summary.includes('Ales kalenderstrategi'))).toBe(false);

    // In English on request, with English titles where there are any.
    const en = parseFeed(await (await fetchFeed(token, '?lang=en')).text());
    expect(en.name).toBe('Utblick – international work in Arvika Municipality');
    const enReview = en.events.find((e) => e.uid === uid('strategy-review', ids.strategy, '2018-10-14'));
    expect(enReview).toMatchObject({ summary: 'Review of the strategy: Calendar strategy for international work', url: `${t.config.baseUrl}/en/admin/arvika/strategi/${ids.strategy}` });
    expect(en.events.find((e) => e.uid.startsWith(`measure-end-${ids.measureSoon}-`))?.summary).toBe('Measure due to be finished: Kalenderåtgärd snart');
  });

  it('renewing the municipality’s feed stops the old address; only coordinators and administrators may', async () => {
    const first = await tokenOf(await t.request(t.users.municipal_admin, '/admin/arvika/kalender/kommun', { form: {} }));
    const renewed = await t.request(t.users.coordinator, '/admin/arvika/kalender/kommun', { form: {} });
    expect(decode(await renewed.clone().text())).toContain('Den tidigare adressen fungerar inte längre.');
    const second = await tokenOf(renewed);
    expect(second).not.toBe(first);
    expect((await fetchFeed(first)).status).toBe(404);
    expect((await fetchFeed(second)).status).toBe(200);
    expect(await t.handle.db.selectFrom('calendar_feeds').select('id').where('municipality_id', '=', t.arvikaId).where('user_id', 'is', null).execute()).toHaveLength(1);
    const actions = (await t.handle.db.selectFrom('audit_log').select('action').where('entity', '=', 'calendar_feed').orderBy('id').execute()).map((a) => a.action);
    expect(actions.filter((a) => a === 'update').length).toBeGreaterThanOrEqual(2);

    for (const user of [t.users.reader, t.users.unit_editor]) {
      expect((await t.request(user, '/admin/arvika/kalender/kommun', { form: {} })).status).toBe(403);
    }
    expect((await t.request(t.users.other_coordinator, '/admin/arvika/kalender/kommun', { form: {} })).status).toBe(404);
    // The reader sees the page, without the buttons for the shared address.
    const page = decode(await (await t.request(t.users.reader, '/admin/arvika/kalender')).text());
    expect(page).toContain('Din personliga kalenderadress');
    expect(page).toContain('be en samordnare eller administratör');
    expect(page).not.toContain('/admin/arvika/kalender/kommun');
    expect(page).toContain('Outlook');
    expect(page).toContain('Google Kalender');
    expect(page).toContain('Apple Kalender');
    expect(page).toContain('Kalenderstrategi för internationellt arbete');
    const enPage = decode(await (await t.request(t.users.reader, '/en/admin/arvika/kalender')).text());
    expect(enPage).toContain('Your personal calendar address');
    expect(enPage).toContain('Subscribe from web');
  });

  it('answers 404 in plain text to malformed, unknown and removed addresses', async () => {
    const unknown = 'A'.repeat(43);
    for (const path of ['/kalender/abc.ics', `/kalender/${unknown}.ics`, `/kalender/${unknown}`, `/kalender/${unknown}.ics.ics`, `/kalender/${'A'.repeat(42)}!.ics`, `/kalender/${'A'.repeat(44)}.ics`]) {
      const res = await t.app.request(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      const body = await res.text();
      expect(body).toBe('Kalendern finns inte. Adressen kan ha bytts ut eller tagits bort.');
    }
    expect(await (await t.app.request(`/kalender/${unknown}.ics?lang=en`)).text()).toBe('The calendar does not exist. The address may have been renewed or removed.');

    // Removed by a coordinator: gone at once.
    const token = await tokenOf(await t.request(t.users.coordinator, '/admin/arvika/kalender/kommun', { form: {} }));
    const feed = await t.handle.db.selectFrom('calendar_feeds').select('id').where('token_hash', '=', sha256Hex(token)).executeTakeFirstOrThrow();
    expect((await t.request(t.users.reader, `/admin/arvika/kalender/${feed.id}/ta-bort`, { form: {} })).status).toBe(403);
    expect((await t.request(t.users.other_coordinator, `/admin/ale/kalender/${feed.id}/ta-bort`, { form: {} })).status).toBe(404);
    const removed = await t.request(t.users.coordinator, `/admin/arvika/kalender/${feed.id}/ta-bort`, { form: {} });
    expect(removed.status).toBe(303);
    expect(removed.headers.get('location')).toBe('/admin/arvika/kalender?klart=removed');
    expect((await fetchFeed(token)).status).toBe(404);
    const last = await t.handle.db.selectFrom('audit_log').selectAll().where('entity', '=', 'calendar_feed').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(last).toMatchObject({ action: 'delete', entity_id: String(feed.id) });
    expect(decode(await (await t.request(t.users.coordinator, '/admin/arvika/kalender?klart=removed')).text())).toContain('Kalenderadressen är borttagen');
  });

  it('a personal feed covers the person’s municipalities, and stops working with their roles', async () => {
    const person = await createUser(t, { email: 'ledningsgrupp@example.se', name: 'Leda Grupp', role: 'reader', municipalityId: t.arvikaId });
    await t.handle.db.insertInto('user_roles').values({ user_id: person.id, municipality_id: t.aleId, role: 'reader' }).execute();
    const res = await t.request(person, '/admin/arvika/kalender/personlig', { form: {} });
    expect(res.status).toBe(200);
    const token = await tokenOf(res);
    const both = parseFeed(await (await fetchFeed(token)).text());
    expect(both.name).toBe('Utblick – mina datum i internationella arbetet');
    const arvikaReview = both.events.find((e) => e.uid === uid('strategy-review', ids.strategy, '2018-10-14'));
    const aleReview = both.events.find((e) => e.uid === uid('strategy-review', ids.aleStrategy, '2018-10-14'));
    // Two municipalities: each summary names its municipality.
    expect(arvikaReview?.summary).toBe('Arvika kommun: Översyn av strategin: Kalenderstrategi för internationellt arbete');
    expect(aleReview?.summary).toBe('Ale kommun: Översyn av strategin: Ales kalenderstrategi');
    expect(aleReview?.url).toBe(`${t.config.baseUrl}/admin/ale/strategi/${ids.aleStrategy}`);

    // Renewing from the other municipality's page keeps one personal feed, with a new address.
    const renewed = await tokenOf(await t.request(person, '/admin/ale/kalender/personlig', { form: {} }));
    expect((await fetchFeed(token)).status).toBe(404);
    expect(await t.handle.db.selectFrom('calendar_feeds').select('id').where('user_id', '=', person.id).execute()).toHaveLength(1);

    // Role in Arvika removed: only Ale's dates remain.
    await t.handle.db.deleteFrom('user_roles').where('user_id', '=', person.id).where('municipality_id', '=', t.arvikaId).execute();
    const aleOnly = parseFeed(await (await fetchFeed(renewed)).text());
    expect(aleOnly.events.some((e) => e.uid === uid('strategy-review', ids.strategy, '2018-10-14'))).toBe(false);
    expect(aleOnly.events.find((e) => e.uid === uid('strategy-review', ids.aleStrategy, '2018-10-14'))?.summary).toBe('Översyn av strategin: Ales kalenderstrategi');
    // No role left: the feed stops working.
    await t.handle.db.deleteFrom('user_roles').where('user_id', '=', person.id).execute();
    expect((await fetchFeed(renewed)).status).toBe(404);
    // Role back, but the account disabled: still nothing.
    await t.handle.db.insertInto('user_roles').values({ user_id: person.id, municipality_id: t.aleId, role: 'reader' }).execute();
    expect((await fetchFeed(renewed)).status).toBe(200);
    await t.handle.db.updateTable('users').set({ disabled_at: TS }).where('id', '=', person.id).execute();
    expect((await fetchFeed(renewed)).status).toBe(404);
  });

  it('only the owner may remove a personal feed', async () => {
    const token = await tokenOf(await t.request(t.users.unit_editor, '/admin/arvika/kalender/personlig', { form: {} }));
    const feed = await t.handle.db.selectFrom('calendar_feeds').select('id').where('token_hash', '=', sha256Hex(token)).executeTakeFirstOrThrow();
    for (const user of [t.users.coordinator, t.users.municipal_admin, t.users.reader]) {
      expect((await t.request(user, `/admin/arvika/kalender/${feed.id}/ta-bort`, { form: {} })).status).toBe(404);
    }
    expect((await fetchFeed(token)).status).toBe(200);
    const page = decode(await (await t.request(t.users.unit_editor, '/admin/arvika/kalender')).text());
    expect(page).toContain('Du har en personlig kalenderadress sedan');
    expect(page).toContain(`/admin/arvika/kalender/${feed.id}/ta-bort`);
    expect((await t.request(t.users.unit_editor, `/admin/arvika/kalender/${feed.id}/ta-bort`, { form: {} })).status).toBe(303);
    expect((await fetchFeed(token)).status).toBe(404);
  });

  it('never serves a feed from the response cache', async () => {
    const token = await tokenOf(await t.request(t.users.coordinator, '/admin/arvika/kalender/kommun', { form: {} }));
    // A long time-to-live: were the feed cached, PostgreSQL would serve it for a minute after removal.
    const config = { ...t.config, host: '127.0.0.1', port: 0, responseCache: { enabled: true, maxBytes: 8 * 1024 * 1024, ttlMs: 60_000 } };
    const { server, port } = await startHttpServer(t.handle, config);
    try {
      const url = `http://127.0.0.1:${port}/kalender/${token}.ics`;
      const first = await fetch(url);
      expect(first.status).toBe(200);
      await first.text();
      const second = await fetch(url);
      expect(second.status).toBe(200);
      await second.text();
      expect(first.headers.get('x-cache')).toBeNull();
      expect(second.headers.get('x-cache')).toBeNull();
      // A public page through the same server is cached, so the cache is on.
      await (await fetch(`http://127.0.0.1:${port}/arvika`)).text();
      expect((await fetch(`http://127.0.0.1:${port}/arvika`)).headers.get('x-cache')).toBe('hit');
      await t.handle.db.deleteFrom('calendar_feeds').where('token_hash', '=', sha256Hex(token)).execute();
      expect((await fetch(url)).status).toBe(404);
    } finally {
      await new Promise<void>((resolve) => (server as http.Server).close(() => resolve()));
    }
  });

  it('shows the overdue review on the overview', async () => {
    const html = decode(await (await t.request(t.users.reader, '/admin/arvika')).text());
    expect(html).toContain('Försenat och att göra inom kort');
    const section = html.slice(html.indexOf('Försenat och att göra inom kort'));
    expect(section).toMatch(new RegExp(`Försenad</span> Översyn av strategin: <a href="/admin/arvika/strategi/${ids.strategy}">Kalenderstrategi för internationellt arbete</a>`));
    expect(section).toContain('skulle ha varit klar 14 oktober 2018');
    expect(section).toContain(`href="/admin/arvika/handlingsplaner/${ids.plan}/atgarder/${ids.measureSoon}"`);
    // Far-off end dates are not on the to-do list; Ale's strategy is not in Arvika's.
    expect(section).not.toContain('Kalenderåtgärd långt fram');
    expect(section).not.toContain('Ales kalenderstrategi');
    expect(section).toContain('href="/admin/arvika/kalender"');
    const en = decode(await (await t.request(t.users.reader, '/en/admin/arvika')).text());
    expect(en).toContain('Overdue and due soon');
    expect(en).toContain(`<a href="/en/admin/arvika/strategi/${ids.strategy}">Calendar strategy for international work</a>`);
    expect(en).toContain('was due on 14 October 2018');
  });
});
