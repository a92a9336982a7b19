/**
 * Generated data for the half-year report's tests (a municipality of its own, "Provby"), and the
 * report's figures computed independently with direct SQL aggregates (`expectedFigures`), so tests
 * compare buildReportData and the rendered documents with the database, not with the code itself.
 *
 * The SQL restates the counting rule of src/features/reports/data-rules.ts in SQL: a missing
 * start is 1 January of `year`; a missing end of a finished project is 31 December of `year` (or
 * of the start's year); cancelled projects count only when their end date falls in the period; a
 * finished project with neither dates nor year counts nowhere; others when they have run or been
 * decided and their dates overlap it.
 */
import { type Insertable, type Kysely, sql } from 'kysely';
import type { Database, FundingKind, ProjectLifecycle, ProjectStatus, ProjectTable } from '../../src/db/schema.js';
import { addDays } from '../../src/features/strategy/progress/cycles.js';

type Db = Kysely<Database>;
const TS = '2026-01-01T00:00:00.000Z';
/** The hourly cost of staff time in the generated municipality (öre): odd, so rounding shows. */
export const HOUR_COST = 333;

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ReportFixture {
  municipalityId: number;
  slug: string;
  units: { school: number; culture: number; planning: number; elderly: number };
  boundary: { startsLastDay: number; startsNextDay: number; yearOnlyFinished: number; yearOnlyRunning: number; cancelledInH1: number };
  goals: { top: number; sub1: number; sub2: number; other: number };
  measures: { school: number; culture: number; closed: number };
  partnerships: Record<'active' | 'dormant' | 'proposedWithEvent' | 'endedWithEvaluation' | 'endedQuiet' | 'proposedQuiet', number>;
}

const WORDS = ['Åtgärd', 'Ungdomsutbyte', 'Ölandsnätverk', 'Arbetsmarknad', 'Zebra', 'Ängsmark', 'Elevresa', 'Kulturbyte', 'Östersjö', 'Vänort'];
const STATUSES: (ProjectStatus | null)[] = ['planned', 'applied', 'ongoing', 'ongoing', 'completed', 'completed', 'cancelled', null];
const LIFECYCLES: ProjectLifecycle[] = ['idea', 'assessment', 'awaiting_decision', 'approved', 'rejected', 'ongoing', 'ongoing', 'completed', 'evaluated', 'cancelled'];
const KINDS: FundingKind[] = ['eu_grant', 'eu_grant', 'other_grant', 'municipal_cash', 'own_staff_time', 'own_staff_time', 'partner', 'other'];
const SOURCES = ['Interreg Sverige–Norge', 'Erasmus+', 'Sida', 'Nordiska ministerrådet', '', '  ', null, null];

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Inserts Provby (or `slug`): units, an adopted strategy with an active and a closed action plan,
 * partnerships with events and evaluations, decisions, and `projects` generated projects (funding
 * lines of every kind in SEK, EUR and NOK, staff hours, results, published or not), plus two
 * projects on the boundary of 2026H1.
 */
export async function createReportFixture(db: Db, options: { slug?: string; projects?: number; seed?: number } = {}): Promise<ReportFixture> {
  const rng = prng(options.seed ?? 20261121);
  const int = (min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T;
  const chance = (p: number) => rng() < p;
  const date = (fromYear: number, toYear: number) => `${int(fromYear, toYear)}-${pad(int(1, 12))}-${pad(int(1, 28))}`;
  const slug = options.slug ?? 'provby';

  const municipalityId = Number(
    (
      await db
        .insertInto('municipalities')
        .values({ code: String(9000 + int(0, 999)), slug, name_sv: 'Provby kommun', name_en: 'Provby Municipality', county_code: null, county_name: null, vision_sv: null, vision_en: null, languages: 'sv', website: null, source: 'test', created_at: TS })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id,
  );
  await db.insertInto('municipality_settings').values({ municipality_id: municipalityId, staff_hour_cost_minor: HOUR_COST, registry_prefix: 'KS', updated_at: TS }).execute();
  const org = async (name: string, internal: boolean, kind: Database['organisations']['kind']) =>
    Number(
      (
        await db
          .insertInto('organisations')
          .values({ municipality_id: municipalityId, is_internal: internal ? 1 : 0, kind, name_sv: name, name_en: null, short_name: null, parent_id: null, country: internal ? 'SE' : 'NO', region: null, population: null, population_year: null, website: null, latitude: null, longitude: null, description_sv: null, description_en: null, source: 'test', created_at: TS, updated_at: TS })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
  const board = await org('Kommunstyrelsen', true, 'executive_board');
  const units = {
    school: await org('Barn- och utbildningsförvaltningen', true, 'department'),
    culture: await org('Kultur- och fritidsförvaltningen', true, 'department'),
    planning: await org('Samhällsbyggnadsförvaltningen', true, 'department'),
    elderly: await org('Äldreomsorgen', true, 'department'),
  };
  const partnerOrgs = [await org('Partnerstad', false, 'municipality'), await org('Grannkommun', false, 'municipality')];

  // Strategy, goals, an active and a closed action plan.
  const strategy = Number(
    (
      await db
        .insertInto('strategies')
        .values({ municipality_id: municipalityId, title_sv: 'Provbys internationella strategi', title_en: null, vision_sv: null, vision_en: null, adopted_by: 'Kommunfullmäktige', adopted_on: '2024-01-15', minute_paragraph: null, registry_number: null, responsibilities_sv: null, responsibilities_en: null, body_sv: null, summary_en: null, status: 'adopted', superseded_by_id: null, source: null, created_at: TS, updated_at: TS })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id,
  );
  const goal = async (title: string, parent: number | null, position: number, level: string) =>
    Number(
      (
        await db
          .insertInto('strategy_goals')
          .values({ municipality_id: municipalityId, strategy_id: strategy, parent_id: parent, position, level_name: level, title_sv: title, title_en: null, description_sv: null, description_en: null, created_at: TS, updated_at: TS })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
  // Inserted out of order: the report must give the tree order (top, its sub-goals by position, then other).
  const other = await goal('Ett attraktivt Provby', null, 2, 'Övergripande mål');
  const top = await goal('Unga möter världen', null, 1, 'Övergripande mål');
  const sub2 = await goal('Fler lärare i utbyten', top, 2, 'Delmål');
  const sub1 = await goal('Fler elever i utbyten', top, 1, 'Delmål');
  const plan = async (status: 'active' | 'closed') =>
    Number(
      (
        await db
          .insertInto('action_plans')
          .values({ municipality_id: municipalityId, strategy_id: strategy, title_sv: `Handlingsplan (${status})`, title_en: null, period_start: '2024-01-01', period_end: '2027-12-31', status, evaluation_interval_months: 24, previous_plan_id: null, created_at: TS, updated_at: TS })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
  const active = await plan('active');
  const closed = await plan('closed');
  const measure = async (planId: number, title: string, unit: number, progress: number, end: string, goalId: number) => {
    const id = Number(
      (
        await db
          .insertInto('measures')
          .values({ municipality_id: municipalityId, plan_id: planId, title_sv: title, title_en: null, description_sv: null, description_en: null, owner_unit_id: unit, start_date: '2024-01-01', end_date: end, status: 'ongoing', progress, progress_updated_at: null, created_at: TS, updated_at: TS })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
    await db.insertInto('measure_goals').values({ measure_id: id, goal_id: goalId }).execute();
    return id;
  };
  const measures = {
    school: await measure(active, 'Elevutbyte med Partnerstad', units.school, 40, '2027-12-31', sub1),
    // Past its end date and not done: overdue.
    culture: await measure(active, 'Kulturvecka med vänorten', units.culture, 80, '2025-05-31', sub2),
    closed: await measure(closed, 'Gammal åtgärd i stängd plan', units.planning, 100, '2024-12-31', other),
  };

  // Partnerships: which belong to 2026H1 depends on status, events and evaluations.
  const partnership = async (title: string, status: Database['partnerships']['status']) => {
    const id = Number(
      (
        await db
          .insertInto('partnerships')
          .values({ municipality_id: municipalityId, kind: 'twinning', title_sv: title, title_en: null, status, summary_sv: null, summary_en: null, cooperation_areas: '[]', financing_sv: null, financing_en: null, publication_state: chance(0.5) ? 'published' : 'draft', source: null, created_at: TS, updated_at: TS, owner_unit_id: units.culture })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
    await db.insertInto('partnership_partners').values(partnerOrgs.map((o, position) => ({ partnership_id: id, organisation_id: o, position }))).execute();
    return id;
  };
  const partnerships = {
    active: await partnership('Vänort Partnerstad', 'active'),
    dormant: await partnership('Östersamarbetet', 'dormant'),
    proposedWithEvent: await partnership('Ålandsnätverket', 'proposed'),
    endedWithEvaluation: await partnership('Avslutad vänort', 'ended'),
    endedQuiet: await partnership('Gammal vänort', 'ended'),
    proposedQuiet: await partnership('Föreslagen vänort', 'proposed'),
  };
  const event = async (p: number, from: string, to: string, description: string) =>
    db
      .insertInto('partnership_events')
      .values({ partnership_id: p, kind: 'exchange', date_from: from, date_to: to, date_precision: from === to ? 'day' : 'season', description_sv: description, description_en: null, place: null, decision_id: null, source: null })
      .execute();
  await event(partnerships.active, '2026-03-10', '2026-03-10', 'Elevbesök i Partnerstad');
  await event(partnerships.active, '2025-09-01', '2026-01-15', 'Lärarutbyte hösten 2025'); // overlaps the start of 2026H1
  await event(partnerships.active, '2026-07-01', '2026-07-01', 'Sommarbesök'); // not in 2026H1
  await event(partnerships.proposedWithEvent, '2026-06-30', '2026-06-30', 'Första mötet');
  await event(partnerships.endedQuiet, '2019-05-01', '2019-05-01', 'Sista besöket');
  const evaluation = (p: number, on: string) =>
    db
      .insertInto('partnership_evaluations')
      .values({ municipality_id: municipalityId, partnership_id: p, evaluated_on: on, period_start: '2022-10-15', period_end: on, benefit_residents_sv: 'Nytta', benefit_organisation_sv: null, costs_minor: null, costs_sv: null, partner_view_sv: null, recommendation: 'end', recommendation_sv: 'Avsluta samarbetet', decision_id: null, user_id: null, created_at: TS })
      .execute();
  await evaluation(partnerships.endedWithEvaluation, '2026-02-01');
  await evaluation(partnerships.endedQuiet, '2025-12-31');

  const themes = (await db.selectFrom('themes').select('code').execute()).map((r) => r.code);
  const programmes = (await db.selectFrom('funding_programmes').select('id').execute()).map((r) => Number(r.id));
  const partnershipIds = Object.values(partnerships);

  const project = async (i: number, over: Partial<Insertable<ProjectTable>> = {}) => {
    const startNull = chance(0.25);
    const start = startNull ? null : date(2022, 2027);
    const end = chance(0.3) ? null : start ? addDays(start, int(0, 900)) : date(2023, 2027);
    const year = start && chance(0.7) ? Number(start.slice(0, 4)) : chance(0.8) ? int(2022, 2027) : null;
    const values = {
      municipality_id: municipalityId, kind: 'project' as const, title_sv: `${pick(WORDS)} ${i}`, title_en: chance(0.5) ? `Project ${i}` : null, summary_sv: null, summary_en: null,
      owner_unit_id: pick([units.school, units.culture, null]), municipality_role: 'partner' as const, programme_id: chance(0.5) && programmes.length ? pick(programmes) : null,
      status: pick(STATUSES), lifecycle: pick(LIFECYCLES), start_date: start, end_date: end, year,
      participants_total: chance(0.6) ? int(0, 300) : null, participants_youth: chance(0.5) ? int(0, 100) : null, budget_sek_minor: null,
      publication_state: chance(0.6) ? ('published' as const) : ('draft' as const), published_at: null, search_text: `projekt ${i}`, source: 'test', created_at: TS, updated_at: TS,
      ...over,
    };
    const id = Number((await db.insertInto('projects').values(values).returning('id').executeTakeFirstOrThrow()).id);
    const lines = int(0, 4);
    for (let l = 0; l < lines; l++) {
      const kind = pick(KINDS);
      const currency = chance(0.75) ? 'SEK' : pick(['EUR', 'NOK']);
      const hours = kind === 'own_staff_time' ? (chance(0.9) ? int(0, 1600) / 4 : null) : null;
      await db
        .insertInto('project_funding')
        .values({ project_id: id, kind, programme_id: chance(0.4) && programmes.length ? pick(programmes) : null, source_name: pick(SOURCES), amount_minor: kind === 'own_staff_time' && chance(0.7) ? null : chance(0.1) ? null : int(0, 50_000) * 100, currency, staff_hours: hours, note_sv: null, source: null })
        .execute();
    }
    for (let r = int(0, 2); r > 0; r--) {
      await db.insertInto('project_results').values({ project_id: id, description_sv: `Resultat ${r} av projekt ${i}`, description_en: null, indicator: chance(0.5) ? 'Deltagare' : null, unit: 'st', baseline: null, target: int(10, 50), actual: chance(0.5) ? int(0, 60) : null, period: '2026H1', source: null }).execute();
    }
    if (chance(0.5)) await db.insertInto('project_countries').values({ project_id: id, country: pick(['NO', 'DE', 'FI']) }).execute();
    if (chance(0.5) && themes.length) await db.insertInto('project_themes').values({ project_id: id, theme: pick(themes) }).execute();
    if (chance(0.3)) await db.insertInto('project_partnerships').values({ project_id: id, partnership_id: pick(partnershipIds) }).execute();
    if (chance(0.3)) await db.insertInto('project_goals').values({ project_id: id, goal_id: pick([sub1, sub2, other]) }).execute();
    return id;
  };
  const count = options.projects ?? 80;
  const projectIds: number[] = [];
  for (let i = 1; i <= count; i++) projectIds.push(await project(i));
  const boundary = {
    startsLastDay: await project(count + 1, { title_sv: 'Gränsfall som startar 30 juni', status: 'ongoing', lifecycle: 'ongoing', start_date: '2026-06-30', end_date: null, year: 2026 }),
    startsNextDay: await project(count + 2, { title_sv: 'Gränsfall som startar 1 juli', status: 'ongoing', lifecycle: 'ongoing', start_date: '2026-07-01', end_date: null, year: 2026 }),
    yearOnlyFinished: await project(count + 3, { title_sv: 'Bara årtal, avslutat 2026', status: 'completed', lifecycle: 'completed', start_date: null, end_date: null, year: 2026 }),
    yearOnlyRunning: await project(count + 4, { title_sv: 'Bara årtal, pågår sedan 2019', status: 'ongoing', lifecycle: 'ongoing', start_date: null, end_date: null, year: 2019 }),
    cancelledInH1: await project(count + 5, { title_sv: 'Avbrutet i maj', status: 'cancelled', lifecycle: 'cancelled', start_date: '2025-03-01', end_date: '2026-05-15', year: 2025 }),
  };

  // Decisions in and around 2026H1, by the board or a delegate, about projects and partnerships.
  for (const [i, on] of ['2025-12-31', '2026-01-01', '2026-03-15', '2026-03-15', '2026-06-30', '2026-07-01', null].entries()) {
    const id = Number(
      (
        await db
          .insertInto('decisions')
          .values({ municipality_id: municipalityId, body_id: i % 2 ? board : null, delegate_role: i % 2 ? null : 'förvaltningschef', decided_on: on, paragraph: `§ ${10 + i}`, registry_number: `KS 2026/${i + 1}`, subject_sv: `Beslut ${i + 1} om internationellt arbete`, subject_en: null, outcome: 'approved', conditions_sv: null, source: null, created_at: TS })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
    await db.insertInto('project_decisions').values({ project_id: pick(projectIds), decision_id: id }).execute();
    if (i % 3 === 0) await db.insertInto('partnership_decisions').values({ partnership_id: pick(partnershipIds), decision_id: id }).execute();
  }
  return { municipalityId, slug, units, boundary, goals: { top, sub1, sub2, other }, measures, partnerships };
}

// ---------------------------------------------------------------------------------------------
// The figures by direct SQL

/** The period's projects with their effective dates and phase, as a SQL fragment over (municipality, start, end). */
function counted(municipalityId: number, s: string, e: string) {
  return sql`
    with x as (
      select p.id, p.title_sv, p.owner_unit_id, p.participants_total, p.participants_youth, p.status, p.lifecycle, p.end_date,
        coalesce(p.start_date, case when p.year is not null then p.year || '-01-01' end) as es,
        coalesce(p.end_date, case when p.status = 'completed' or p.lifecycle in ('completed', 'evaluated') then
          case when p.year is not null then p.year || '-12-31' when p.start_date is not null then substr(p.start_date, 1, 4) || '-12-31' end end) as ee
      from projects p where p.municipality_id = ${municipalityId}
    ), c as (
      select x.*, case when x.es >= ${s} and x.es <= ${e} then 'started' when x.ee >= ${s} and x.ee <= ${e} then 'finished' else 'ongoing' end as phase
      from x
      where case
        when x.status = 'cancelled' or x.lifecycle = 'cancelled' then (x.end_date >= ${s} and x.end_date <= ${e})
        when (x.status = 'completed' or x.lifecycle in ('completed', 'evaluated')) and x.ee is null then false
        when x.status in ('ongoing', 'completed') or x.lifecycle in ('approved', 'ongoing', 'completed', 'evaluated') then ((x.es is null or x.es <= ${e}) and (x.ee is null or x.ee >= ${s}))
        else false end
    )`;
}

const n = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

export interface ExpectedFigures {
  ids: { started: number[]; ongoing: number[]; finished: number[] };
  euSek: number;
  otherSek: number;
  ownCashSek: number;
  ownHours: number;
  ownHoursValue: number;
  participantsTotal: number;
  participantsYouth: number;
  otherCurrencies: { currency: string; externalMinor: number; ownCashMinor: number }[];
  bySource: { source: string; amountMinor: number }[];
  decisionIds: number[];
  partnershipIds: number[];
  eventsPerPartnership: Map<number, number>;
}

/** The report's figures for [s, e], computed by SQL aggregates alone. */
export async function expectedFigures(db: Db, municipalityId: number, s: string, e: string): Promise<ExpectedFigures> {
  const c = counted(municipalityId, s, e);
  const ids = (await sql<{ id: number; phase: 'started' | 'ongoing' | 'finished' }>`${c} select id, phase from c order by id`.execute(db)).rows;
  const money = (
    await sql<{ eu: unknown; other: unknown; cash: unknown }>`${c}
      select sum(case when f.kind = 'eu_grant' then f.amount_minor else 0 end) as eu,
             sum(case when f.kind = 'other_grant' then f.amount_minor else 0 end) as other,
             sum(case when f.kind = 'municipal_cash' then f.amount_minor else 0 end) as cash
      from c join project_funding f on f.project_id = c.id where f.currency = 'SEK' and f.amount_minor is not null`.execute(db)
  ).rows[0];
  const hours = (
    await sql<{ hours: unknown; value: unknown }>`${c}
      select sum(h) as hours, sum(v) as value from (
        select sum(f.staff_hours) as h, round(cast(coalesce(sum(f.staff_hours), 0) * ${sql.lit(HOUR_COST)} as numeric)) as v
        from c join project_funding f on f.project_id = c.id where f.kind = 'own_staff_time' group by c.id) t`.execute(db)
  ).rows[0];
  const people = (await sql<{ total: unknown; youth: unknown }>`${c} select sum(coalesce(participants_total, 0)) as total, sum(coalesce(participants_youth, 0)) as youth from c`.execute(db)).rows[0];
  const other = (
    await sql<{ currency: string; ext: unknown; cash: unknown }>`${c}
      select f.currency, sum(case when f.kind in ('eu_grant', 'other_grant') then f.amount_minor else 0 end) as ext,
             sum(case when f.kind = 'municipal_cash' then f.amount_minor else 0 end) as cash
      from c join project_funding f on f.project_id = c.id
      where f.currency <> 'SEK' and f.amount_minor is not null and f.kind in ('eu_grant', 'other_grant', 'municipal_cash')
      group by f.currency order by f.currency`.execute(db)
  ).rows;
  const sources = (
    await sql<{ source: string; amount: unknown }>`${c}
      select coalesce(nullif(trim(f.source_name), ''), fp.name_sv, 'Okänd källa') as source, sum(f.amount_minor) as amount
      from c join project_funding f on f.project_id = c.id left join funding_programmes fp on fp.id = f.programme_id
      where f.kind in ('eu_grant', 'other_grant') and f.currency = 'SEK' and f.amount_minor is not null
      group by coalesce(nullif(trim(f.source_name), ''), fp.name_sv, 'Okänd källa') having sum(f.amount_minor) <> 0`.execute(db)
  ).rows;
  const decisions = (
    await sql<{ id: unknown }>`select id from decisions where municipality_id = ${municipalityId} and decided_on >= ${s} and decided_on <= ${e} order by decided_on, id`.execute(db)
  ).rows;
  const partnerships = (
    await sql<{ id: unknown; events: unknown }>`
      select p.id, (select count(*) from partnership_events e where e.partnership_id = p.id and e.date_from <= ${e} and e.date_to >= ${s}) as events
      from partnerships p where p.municipality_id = ${municipalityId} and (p.status in ('active', 'dormant')
        or exists (select 1 from partnership_events e where e.partnership_id = p.id and e.date_from <= ${e} and e.date_to >= ${s})
        or exists (select 1 from partnership_evaluations v where v.partnership_id = p.id and v.evaluated_on >= ${s} and v.evaluated_on <= ${e}))
      order by p.id`.execute(db)
  ).rows;
  const byPhase = (phase: string) => ids.filter((r) => r.phase === phase).map((r) => Number(r.id));
  return {
    ids: { started: byPhase('started'), ongoing: byPhase('ongoing'), finished: byPhase('finished') },
    euSek: n(money?.eu),
    otherSek: n(money?.other),
    ownCashSek: n(money?.cash),
    ownHours: n(hours?.hours),
    ownHoursValue: n(hours?.value),
    participantsTotal: n(people?.total),
    participantsYouth: n(people?.youth),
    otherCurrencies: other.map((r) => ({ currency: r.currency, externalMinor: n(r.ext), ownCashMinor: n(r.cash) })),
    bySource: sources.map((r) => ({ source: r.source, amountMinor: n(r.amount) })),
    decisionIds: decisions.map((r) => Number(r.id)),
    partnershipIds: partnerships.map((r) => Number(r.id)),
    eventsPerPartnership: new Map(partnerships.map((r) => [Number(r.id), n(r.events)])),
  };
}
