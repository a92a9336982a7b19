/**
 * Evaluations of partnerships (AR-9): the activity counted for a period equals counts made
 * directly in SQL by the documented rule and is stored with the evaluation, which adds an
 * 'evaluated' event; ending needs a recorded decision (400 and nothing changed without one), and
 * with one the partnership ends in one transaction (status, decision link, event, evaluation,
 * audit) and the public site shows it as ended with its history; due and overdue evaluations.
 * On SQLite and PostgreSQL alike.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInSweden } from '../../src/features/decisions/registry.js';
import { partnershipEvaluationDueItems } from '../../src/features/registry/partnerships/evaluations/due.js';
import { addDays, addMonths } from '../../src/features/strategy/progress/cycles.js';
import { formatMoney } from '../../src/i18n/index.js';
import { type AdminTestApp, createAdminTestApp } from '../support/admin.js';
import { availableDatabases } from '../support/databases.js';
import { decode } from '../support/html.js';

const kinds = await availableDatabases();
const TS = '2020-01-01T00:00:00.000Z';

describe.each(kinds)('partnership evaluations on %s', (kind) => {
  let t: AdminTestApp;
  const today = todayInSweden();
  const START = '2022-11-21';
  let id = 0;
  let second = 0;

  const partnership = async (title: string, status: 'active' | 'dormant' | 'proposed' | 'ended', published = false) =>
    Number(
      (
        await t.handle.db
          .insertInto('partnerships')
          .values({ municipality_id: t.arvikaId, kind: 'twinning', title_sv: title, title_en: null, status, summary_sv: null, summary_en: null, cooperation_areas: '[]', financing_sv: null, financing_en: null, publication_state: published ? 'published' : 'draft', source: null, created_at: TS, updated_at: TS, owner_unit_id: t.ownUnit.id })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
  const event = (partnershipId: number, kindOf: 'agreement_signed' | 'exchange' | 'other' | 'evaluated', date: string, description: string) =>
    t.handle.db.insertInto('partnership_events').values({ partnership_id: partnershipId, kind: kindOf, date_from: date, date_to: date, date_precision: 'day', description_sv: description, description_en: null, place: null, decision_id: null, source: null }).execute();
  const project = async (partnershipId: number, p: { kind: 'project' | 'visit' | 'study_trip'; start: string | null; end: string | null; year: number | null; status?: 'ongoing' | 'cancelled' }) => {
    const pid = Number(
      (
        await t.handle.db
          .insertInto('projects')
          .values({ municipality_id: t.arvikaId, kind: p.kind, title_sv: `Utvärderingsprojekt ${p.kind} ${p.start ?? p.year}`, title_en: null, summary_sv: null, summary_en: null, owner_unit_id: null, municipality_role: 'partner', programme_id: null, status: p.status ?? 'ongoing', start_date: p.start, end_date: p.end, year: p.year, participants_total: null, participants_youth: null, budget_sek_minor: null, publication_state: 'draft', published_at: null, search_text: 'x', source: null, created_at: TS, updated_at: TS, lifecycle: p.status === 'cancelled' ? 'cancelled' : 'ongoing' })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
    await t.handle.db.insertInto('project_partnerships').values({ project_id: pid, partnership_id: partnershipId }).execute();
  };

  beforeAll(async () => {
    t = await createAdminTestApp(kind);
    id = await partnership('Vänorten Utvärderingsby', 'active', true);
    await event(id, 'agreement_signed', '2020-05-01', 'Vänortsavtalet undertecknades.');
    await event(id, 'exchange', '2021-01-01', 'Utbyte före perioden.');
    await event(id, 'exchange', '2023-03-01', 'Elevutbyte under perioden.');
    await event(id, 'other', '2024-02-02', 'Studiebesök i Utvärderingsby.');
    await event(id, 'other', '2024-03-03', 'Möte om samarbetets framtid.');
    await event(id, 'evaluated', START, 'Förra utvärderingen.');
    await project(id, { kind: 'visit', start: null, end: null, year: 2024 });
    await project(id, { kind: 'project', start: '2019-01-01', end: '2023-01-31', year: 2019 });
    await project(id, { kind: 'visit', start: '2024-05-01', end: null, year: 2024, status: 'cancelled' });
    await project(id, { kind: 'study_trip', start: '2019-05-01', end: '2019-05-05', year: 2019 });
    second = await partnership('Vänorten Andraby', 'dormant', true);
  }, 120_000);
  afterAll(async () => t?.close());

  /** The counts by the documented rule, straight from SQL. */
  async function sqlCounts(partnershipId: number, start: string, end: string) {
    const db = t.handle.db;
    const one = async (q: ReturnType<typeof sql<{ n: string | number }>>) => Number((await q.execute(db)).rows[0]!.n);
    const inPeriod = sql`partnership_id = ${partnershipId} and date_from >= ${start} and date_from <= ${end}`;
    const running = sql`pp.partnership_id = ${partnershipId} and coalesce(p.status, '') <> 'cancelled' and p.lifecycle not in ('cancelled', 'rejected')
      and coalesce(p.start_date, cast(p.year as text) || '-01-01') <= ${end}
      and coalesce(p.end_date, p.start_date, cast(p.year as text) || '-12-31') >= ${start}`;
    const projects = await one(sql<{ n: string | number }>`select count(*) as n from project_partnerships pp join projects p on p.id = pp.project_id where ${running}`);
    const visitProjects = await one(sql<{ n: string | number }>`select count(*) as n from project_partnerships pp join projects p on p.id = pp.project_id where ${running} and p.kind in ('visit', 'study_trip')`);
    return {
      exchanges: await one(sql<{ n: string | number }>`select count(*) as n from partnership_events where ${inPeriod} and kind = 'exchange'`),
      events: await one(sql<{ n: string | number }>`select count(*) as n from partnership_events where ${inPeriod} and kind <> 'evaluated'`),
      projects,
      visits: visitProjects + (await one(sql<{ n: string | number }>`select count(*) as n from partnership_events where ${inPeriod} and kind = 'other' and description_sv like '%besök%'`)),
    };
  }

  const form = (over: Record<string, string> = {}) => ({
    evaluated_on: today,
    period_start: START,
    period_end: today,
    benefit_residents_sv: 'Elever och föreningar har fått kontakter.',
    benefit_organisation_sv: 'Skolförvaltningen har lärt sig nya arbetssätt.',
    costs: '45 000',
    costs_sv: 'Resor och mottagning.',
    partner_view_sv: 'Partnern vill fortsätta men i mindre skala.',
    recommendation: 'end',
    recommendation_sv: 'Samarbetet har inte längre någon bärande verksamhet.',
    ...over,
  });

  it('shows the activity counted from the data, equal to direct SQL counts', async () => {
    const expected = await sqlCounts(id, START, today);
    // By hand: one exchange; the visit of 2024 and the project running into 2023; the study visit
    // event; three events (the exchange, the study visit, the meeting).
    expect(expected).toEqual({ exchanges: 1, projects: 2, visits: 2, events: 3 });
    const res = await t.request(t.users.unit_editor, `/admin/arvika/samarbeten/${id}/utvarderingar/ny`, { form: { ...form(), do: 'recount' } });
    expect(res.status).toBe(200);
    const html = decode(await res.text());
    expect(html).toMatch(/Utbyten<\/th>\s*<td class="num">1<\/td>/);
    expect(html).toMatch(/Projekt<\/th>\s*<td class="num">2<\/td>/);
    expect(html).toMatch(/Besök<\/th>\s*<td class="num">2<\/td>/);
    expect(html).toMatch(/Händelser i tidslinjen<\/th>\s*<td class="num">3<\/td>/);
    // The empty form starts the period at the partnership's start (no evaluation recorded yet).
    const blank = await (await t.request(t.users.unit_editor, `/admin/arvika/samarbeten/${id}/utvarderingar/ny`)).text();
    expect(blank).toContain('name="period_start" type="date" value="2020-05-01"');
    // Another period, another count.
    expect(await sqlCounts(id, '2019-01-01', '2020-12-31')).toEqual({ exchanges: 0, projects: 2, visits: 1, events: 1 });
  });

  it('refuses an incomplete evaluation with every error and writes nothing', async () => {
    const before = Number((await t.handle.db.selectFrom('partnership_evaluations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const res = await t.request(t.users.unit_editor, `/admin/arvika/samarbeten/${id}/utvarderingar/ny`, { form: { evaluated_on: '2999-01-01', period_start: today, period_end: START, costs: '-1' } });
    expect(res.status).toBe(400);
    const html = decode(await res.text());
    for (const f of ['evaluated_on', 'period_end', 'benefit_residents_sv', 'benefit_organisation_sv', 'costs', 'recommendation', 'recommendation_sv']) expect(html).toContain(`href="#${f}"`);
    expect(Number((await t.handle.db.selectFrom('partnership_evaluations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(before);
    // Another unit's editor may not evaluate the partnership.
    const other = await t.handle.db.updateTable('partnerships').set({ owner_unit_id: t.otherUnit.id }).where('id', '=', second).execute();
    expect(other).toBeDefined();
    expect((await t.request(t.users.unit_editor, `/admin/arvika/samarbeten/${second}/utvarderingar/ny`, { form: form() })).status).toBe(403);
  });

  it('stores the evaluation with the counts and adds an evaluated event', async () => {
    const events = await t.handle.db.selectFrom('partnership_events').select('id').where('partnership_id', '=', id).where('kind', '=', 'evaluated').execute();
    const res = await t.request(t.users.unit_editor, `/admin/arvika/samarbeten/${id}/utvarderingar/ny`, { form: form() });
    expect(res.status).toBe(303);
    const stored = await t.handle.db.selectFrom('partnership_evaluations').selectAll().where('partnership_id', '=', id).executeTakeFirstOrThrow();
    expect({ exchanges: stored.exchanges, projects: stored.projects, visits: stored.visits, events: stored.events }).toEqual(await sqlCounts(id, START, today));
    expect([Number(stored.costs_minor), stored.recommendation, stored.evaluated_on]).toEqual([4_500_000, 'end', today]);
    expect(res.headers.get('location')).toBe(`/admin/arvika/samarbeten/${id}/utvarderingar/${stored.id}?klart=evaluated`);
    const after = await t.handle.db.selectFrom('partnership_events').select(['date_from', 'description_sv']).where('partnership_id', '=', id).where('kind', '=', 'evaluated').orderBy('id').execute();
    expect(after).toHaveLength(events.length + 1);
    expect(after.at(-1)).toEqual({ date_from: today, description_sv: 'Samarbetet utvärderades. Rekommendation: avsluta samarbetet.' });
    const audit = await t.handle.db.selectFrom('audit_log').select(['action', 'entity_id']).where('entity', '=', 'partnership_evaluation').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect([audit.action, String(audit.entity_id)]).toEqual(['create', String(stored.id)]);
    const page = decode(await (await t.request(t.users.reader, `/admin/arvika/samarbeten/${id}/utvarderingar/${stored.id}`)).text());
    expect(page).toContain('Samarbetet har inte längre någon bärande verksamhet.');
    expect(page).toContain(formatMoney('sv', 4_500_000, 'SEK'));
    const list = decode(await (await t.request(t.users.reader, '/admin/arvika/utvarderingar')).text());
    expect(list).toContain('Vänorten Utvärderingsby');
  });

  it('will not end a partnership without a recorded decision', async () => {
    const path = `/admin/arvika/samarbeten/${id}/avsluta`;
    const opened = decode(await (await t.request(t.users.coordinator, path)).text());
    expect(opened).toContain('Avslutande av samarbetet med Vänorten Utvärderingsby');
    const res = await t.request(t.users.coordinator, path, { form: { decision_id: '', decided_on: today, subject_sv: 'Avslutande av samarbetet med Vänorten Utvärderingsby' } });
    expect(res.status).toBe(400);
    expect(decode(await res.text())).toContain('Ett samarbete kan bara avslutas med ett registrerat beslut.');
    // Another municipality's decision is not a recorded decision of ours.
    const ale = await t.handle.db.insertInto('decisions').values({ municipality_id: t.aleId, body_id: null, delegate_role: null, decided_on: '2026-01-01', paragraph: '1', registry_number: null, subject_sv: 'Ales beslut', subject_en: null, outcome: 'approved', conditions_sv: null, source: null, created_at: TS }).returning('id').executeTakeFirstOrThrow();
    expect((await t.request(t.users.coordinator, path, { form: { decision_id: String(ale.id) } })).status).toBe(400);
    // Unit editors may not end partnerships at all.
    expect((await t.request(t.users.unit_editor, path, { form: { decision_id: String(ale.id) } })).status).toBe(403);
    const p = await t.handle.db.selectFrom('partnerships').select('status').where('id', '=', id).executeTakeFirstOrThrow();
    expect(p.status).toBe('active');
    expect(await t.handle.db.selectFrom('partnership_events').select('id').where('partnership_id', '=', id).where('kind', '=', 'ended').execute()).toHaveLength(0);
    expect(await t.handle.db.selectFrom('partnership_decisions').select('decision_id').where('partnership_id', '=', id).execute()).toHaveLength(0);
  });

  it('ends it with a decision recorded on the same form, in one go, and the public site shows it ended', async () => {
    const body = await t.handle.db.selectFrom('organisations').select('id').where('municipality_id', '=', t.arvikaId).where('is_internal', '=', 1).where('kind', '=', 'executive_board').executeTakeFirstOrThrow();
    const decidedOn = addDays(today, -20);
    const res = await t.request(t.users.coordinator, `/admin/arvika/samarbeten/${id}/avsluta`, {
      form: { decision_id: '', body_id: String(body.id), decided_on: decidedOn, paragraph: '§ 45', registry_number: '', subject_sv: 'Avslutande av samarbetet med Vänorten Utvärderingsby' },
    });
    expect(res.status).toBe(303);
    const db = t.handle.db;
    const p = await db.selectFrom('partnerships').select(['status', 'publication_state']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(p).toEqual({ status: 'ended', publication_state: 'published' });
    const decision = await db.selectFrom('decisions').selectAll().where('municipality_id', '=', t.arvikaId).where('subject_sv', '=', 'Avslutande av samarbetet med Vänorten Utvärderingsby').executeTakeFirstOrThrow();
    expect([decision.decided_on, decision.paragraph, Number(decision.body_id)]).toEqual([decidedOn, '§ 45', Number(body.id)]);
    expect(decision.registry_number).toMatch(/^[A-ZÅÄÖ]+ \d{4}\/\d+$/);
    const links = await db.selectFrom('partnership_decisions').select('decision_id').where('partnership_id', '=', id).execute();
    expect(links.map((l) => Number(l.decision_id))).toEqual([Number(decision.id)]);
    const ended = await db.selectFrom('partnership_events').select(['date_from', 'decision_id']).where('partnership_id', '=', id).where('kind', '=', 'ended').execute();
    expect(ended.map((e) => [e.date_from, Number(e.decision_id)])).toEqual([[decidedOn, Number(decision.id)]]);
    const evaluation = await db.selectFrom('partnership_evaluations').select('decision_id').where('partnership_id', '=', id).executeTakeFirstOrThrow();
    expect(Number(evaluation.decision_id)).toBe(Number(decision.id));
    const audit = await db.selectFrom('audit_log').select(['action', 'entity', 'entity_id']).where('entity', 'in', ['partnership', 'decision']).orderBy('id', 'desc').limit(2).execute();
    expect(audit.map((a) => [a.action, a.entity, String(a.entity_id)])).toEqual([
      ['end', 'partnership', String(id)],
      ['create', 'decision', String(decision.id)],
    ]);
    // The history is all there: six events before, the evaluation, the ending.
    expect(await db.selectFrom('partnership_events').select('id').where('partnership_id', '=', id).execute()).toHaveLength(8);
    // Public: still listed, shown as ended on the decision day, with its history.
    const pub = decode(await (await t.request(undefined, '/arvika/vanorter')).text());
    const article = pub.slice(pub.indexOf(`id="samarbete-${id}"`));
    const [y, m, d] = decidedOn.split('-').map(Number) as [number, number, number];
    const months = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
    expect(article.slice(0, 600)).toContain(`Avslutat ${d} ${months[m - 1]} ${y}`);
    expect(article).toContain('Elevutbyte under perioden.');
    expect(article).toContain('Vänortsavtalet undertecknades.');
    // Already ended: refused, nothing more written.
    const again = await t.request(t.users.coordinator, `/admin/arvika/samarbeten/${id}/avsluta`, { form: { decision_id: String(decision.id) } });
    expect(again.status).toBe(409);
    expect(await db.selectFrom('partnership_events').select('id').where('partnership_id', '=', id).where('kind', '=', 'ended').execute()).toHaveLength(1);
    // The partnership form cannot revive it.
    expect((await db.selectFrom('partnerships').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('ended');
  });

  it('ends with an existing decision too', async () => {
    const existing = await t.handle.db.insertInto('decisions').values({ municipality_id: t.arvikaId, body_id: null, delegate_role: null, decided_on: '2026-10-01', paragraph: '12', registry_number: 'KS 2026/999', subject_sv: 'Vilande vänorter avslutas', subject_en: null, outcome: 'approved', conditions_sv: null, source: null, created_at: TS }).returning('id').executeTakeFirstOrThrow();
    const res = await t.request(t.users.municipal_admin, `/admin/arvika/samarbeten/${second}/avsluta`, { form: { decision_id: String(existing.id), decided_on: today, subject_sv: 'x' } });
    expect(res.status).toBe(303);
    const ended = await t.handle.db.selectFrom('partnership_events').select(['date_from', 'decision_id']).where('partnership_id', '=', second).where('kind', '=', 'ended').executeTakeFirstOrThrow();
    expect([ended.date_from, Number(ended.decision_id)]).toEqual(['2026-10-01', Number(existing.id)]);
  });

  it('lists due and overdue evaluations of active and dormant partnerships', async () => {
    const overdue = await partnership('Due: försenad', 'active');
    const due = await partnership('Due: aktuell', 'dormant');
    const later = await partnership('Due: senare', 'active');
    const proposed = await partnership('Due: föreslagen', 'proposed');
    const evaluate = (pid: number, on: string) =>
      t.handle.db.insertInto('partnership_evaluations').values({ municipality_id: t.arvikaId, partnership_id: pid, evaluated_on: on, period_start: '2010-01-01', period_end: on, benefit_residents_sv: null, benefit_organisation_sv: null, costs_minor: null, costs_sv: null, partner_view_sv: null, recommendation: 'continue', recommendation_sv: null, decision_id: null, user_id: null, created_at: TS }).execute();
    const fourYearsAgo = addMonths(today, -48);
    await evaluate(overdue, addDays(fourYearsAgo, -1));
    await evaluate(due, addDays(fourYearsAgo, 30));
    await evaluate(later, addDays(fourYearsAgo, 200));
    await evaluate(proposed, addDays(fourYearsAgo, -400));
    const items = await partnershipEvaluationDueItems(t.handle.db, t.arvikaId, today);
    const of = (pid: number) => items.find((i) => i.recordId === pid);
    expect(of(overdue)).toMatchObject({ kind: 'partnership_evaluation', state: 'overdue', dueOn: addDays(today, -1), title: 'Due: försenad', path: `/arvika/samarbeten/${overdue}/utvarderingar`, unitId: t.ownUnit.id, municipalityId: t.arvikaId });
    expect(of(due)).toMatchObject({ state: 'due', dueOn: addMonths(addDays(fourYearsAgo, 30), 48) });
    expect(of(later)).toBeUndefined();
    expect(of(proposed)).toBeUndefined();
    // The ended partnerships are not evaluated any more.
    expect(of(id)).toBeUndefined();
    expect(of(second)).toBeUndefined();
    // For calendars (no horizon) the later one is listed as upcoming.
    const all = await partnershipEvaluationDueItems(t.handle.db, t.arvikaId, today, { horizonDays: null });
    expect(all.find((i) => i.recordId === later)?.state).toBe('upcoming');
    // A shorter cycle set by the municipality makes the later one overdue.
    await t.handle.db.insertInto('municipality_settings').values({ municipality_id: t.arvikaId, partnership_evaluation_months: 24, updated_at: TS }).onConflict((oc) => oc.column('municipality_id').doUpdateSet({ partnership_evaluation_months: 24 })).execute();
    const shorter = await partnershipEvaluationDueItems(t.handle.db, t.arvikaId, today);
    expect(shorter.find((i) => i.recordId === later)?.state).toBe('overdue');
    await t.handle.db.updateTable('municipality_settings').set({ partnership_evaluation_months: 48 }).where('municipality_id', '=', t.arvikaId).execute();
  });
});
