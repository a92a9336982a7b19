/**
 * The half-year report's figures (AL-13) against the database: generated projects across periods,
 * phases, currencies and funding kinds (staff hours too), unpublished and cancelled ones, decisions
 * in and out of the period, partnership events and evaluations, a strategy with plans. Every figure
 * of buildReportData is compared with the same figure computed by direct SQL aggregates
 * (test/support/report-fixture.ts), plus hand-checked boundary cases and the seed municipalities.
 * On SQLite and PostgreSQL alike.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partnershipEvaluationDueItems } from '../../src/features/registry/partnerships/evaluations/due.js';
import { buildReportData, defaultStructure, defaultTitle, type ReportText } from '../../src/features/reports/data.js';
import type { ReportData } from '../../src/features/reports/model.js';
import { parseHalfYear } from '../../src/features/reports/period.js';
import { availableDatabases, createTestApp } from '../support/databases.js';
import { createReportFixture, expectedFigures, HOUR_COST, type ReportFixture } from '../support/report-fixture.js';

const kinds = await availableDatabases();
const TODAY = '2026-11-21';
const NOW = '2026-11-21T09:00:00.000Z';
const sv = new Intl.Collator('sv');
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const idsOf = (d: ReportData, phase: string) => sorted(d.projects.filter((p) => p.phase === phase).map((p) => p.id));

describe.each(kinds)('half-year report data on %s', (kind) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let f: ReportFixture;
  const db = () => t.handle.db;

  beforeAll(async () => {
    t = await createTestApp(kind);
    f = await createReportFixture(t.handle.db, { projects: 90 });
  }, 180_000);
  afterAll(async () => t?.close());

  it('has the default titles', () => {
    expect(defaultTitle(parseHalfYear('2026H1')!, 'sv')).toBe('Uppföljning av det internationella arbetet – första halvåret 2026');
    expect(defaultTitle(parseHalfYear('2025H2')!, 'en')).toBe('Follow-up of international work – second half of 2025');
  });

  for (const key of ['2026H1', '2025H2', '2024H2', '2027H1']) {
    it(`${key}: projects, phases and money equal the database's own aggregates`, async () => {
      const period = parseHalfYear(key)!;
      const data = await buildReportData(db(), f.municipalityId, period, { today: TODAY, now: NOW });
      const x = await expectedFigures(db(), f.municipalityId, period.start, period.end);
      expect(x.ids.started.length + x.ids.ongoing.length + x.ids.finished.length, 'the fixture gives the period projects').toBeGreaterThan(5);
      expect(idsOf(data, 'started')).toEqual(x.ids.started);
      expect(idsOf(data, 'ongoing')).toEqual(x.ids.ongoing);
      expect(idsOf(data, 'finished')).toEqual(x.ids.finished);
      expect(data.totals).toEqual({
        started: x.ids.started.length,
        ongoing: x.ids.ongoing.length,
        finished: x.ids.finished.length,
        externalSekMinor: x.euSek + x.otherSek,
        euSekMinor: x.euSek,
        otherGrantsSekMinor: x.otherSek,
        ownCashSekMinor: x.ownCashSek,
        ownHours: x.ownHours,
        ownHoursValueSekMinor: x.ownHoursValue,
        participantsTotal: x.participantsTotal,
        participantsYouth: x.participantsYouth,
        otherCurrencies: x.otherCurrencies,
      });
      // By source: the same groups; largest first.
      const bySource = (list: { source: string; amountMinor: number }[]) => [...list].sort((a, b) => (a.source < b.source ? -1 : 1));
      expect(bySource(data.fundingBySource)).toEqual(bySource(x.bySource));
      for (let i = 1; i < data.fundingBySource.length; i++) expect(data.fundingBySource[i - 1]!.amountMinor).toBeGreaterThanOrEqual(data.fundingBySource[i]!.amountMinor);
      expect(data.fundingBySource.reduce((s, r) => s + r.amountMinor, 0)).toBe(x.euSek + x.otherSek);
      // Order: started, ongoing, finished; titles in Swedish order within each.
      const order = { started: 0, ongoing: 1, finished: 2 };
      for (let i = 1; i < data.projects.length; i++) {
        const [a, b] = [data.projects[i - 1]!, data.projects[i]!];
        expect(order[a.phase] < order[b.phase] || (order[a.phase] === order[b.phase] && sv.compare(a.title, b.title) <= 0), `${a.title} before ${b.title}`).toBe(true);
      }
    });
  }

  it('each project carries its own rows: funding lines, results, published flag, unit, countries', async () => {
    const data = await buildReportData(db(), f.municipalityId, parseHalfYear('2026H1')!, { today: TODAY });
    const ids = data.projects.map((p) => p.id);
    const lines = await db().selectFrom('project_funding').select(['project_id', (eb) => eb.fn.countAll().as('n'), (eb) => eb.fn.sum('staff_hours').as('h')]).where('project_id', 'in', ids).where('kind', '=', 'own_staff_time').groupBy('project_id').execute();
    const allLines = await db().selectFrom('project_funding').select(['project_id', (eb) => eb.fn.countAll().as('n')]).where('project_id', 'in', ids).groupBy('project_id').execute();
    const results = await db().selectFrom('project_results').select(['project_id', (eb) => eb.fn.countAll().as('n')]).where('project_id', 'in', ids).groupBy('project_id').execute();
    const rows = await db().selectFrom('projects').select(['id', 'publication_state', 'owner_unit_id', 'title_sv']).where('id', 'in', ids).execute();
    const countOf = (list: { project_id: unknown; n: unknown }[], id: number) => Number(list.find((r) => Number(r.project_id) === id)?.n ?? 0);
    for (const p of data.projects) {
      expect(p.funding).toHaveLength(countOf(allLines, p.id));
      expect(p.results).toHaveLength(countOf(results, p.id));
      const hours = Number(lines.find((r) => Number(r.project_id) === p.id)?.h ?? 0);
      expect(p.ownHours).toBeCloseTo(hours, 9);
      expect(p.ownHoursValueMinor).toBe(Math.round(hours * HOUR_COST));
      const row = rows.find((r) => Number(r.id) === p.id)!;
      expect(p.published).toBe(row.publication_state === 'published');
      expect(p.unitId).toBe(row.owner_unit_id === null ? null : Number(row.owner_unit_id));
      expect(p.title).toBe(row.title_sv);
    }
    expect(data.projects.some((p) => !p.published)).toBe(true);
    expect(data.projects.some((p) => p.status === 'cancelled' || p.lifecycle === 'cancelled')).toBe(true);
    expect(data.projects.some((p) => p.ownHours > 0 && p.ownHours % 1 !== 0)).toBe(true);
  });

  it('funding history: six half-years ending with the period, the grants of the projects that started in each', async () => {
    const data = await buildReportData(db(), f.municipalityId, parseHalfYear('2026H1')!, { today: TODAY });
    const halves = [
      ['2023H2', '2023-07-01', '2023-12-31'],
      ['2024H1', '2024-01-01', '2024-06-30'],
      ['2024H2', '2024-07-01', '2024-12-31'],
      ['2025H1', '2025-01-01', '2025-06-30'],
      ['2025H2', '2025-07-01', '2025-12-31'],
      ['2026H1', '2026-01-01', '2026-06-30'],
    ] as const;
    expect(data.fundingHistory.map((h) => h.period)).toEqual(halves.map((h) => h[0]));
    let anyMoney = false;
    for (const [i, [key, s, e]] of halves.entries()) {
      const started = (await expectedFigures(db(), f.municipalityId, s, e)).ids.started;
      const sums = started.length
        ? (
            await sql<{ eu: unknown; other: unknown }>`select sum(case when kind = 'eu_grant' then amount_minor else 0 end) as eu, sum(case when kind = 'other_grant' then amount_minor else 0 end) as other
              from project_funding where currency = 'SEK' and amount_minor is not null and project_id in (${sql.join(started)})`.execute(db())
          ).rows[0]
        : undefined;
      expect(data.fundingHistory[i], key).toEqual({ period: key, euSekMinor: Number(sums?.eu ?? 0), otherGrantsSekMinor: Number(sums?.other ?? 0), projectsStarted: started.length });
      anyMoney ||= Number(sums?.eu ?? 0) > 0;
    }
    expect(anyMoney).toBe(true);
    expect(data.fundingHistory.at(-1)!.projectsStarted).toBe(data.totals.started);
  });

  it('a project starting 30 June is started in 2026H1; one starting 1 July is not in 2026H1 but started in 2026H2', async () => {
    const h1 = await buildReportData(db(), f.municipalityId, parseHalfYear('2026H1')!, { today: TODAY });
    const h2 = await buildReportData(db(), f.municipalityId, parseHalfYear('2026H2')!, { today: TODAY });
    expect(h1.projects.find((p) => p.id === f.boundary.startsLastDay)?.phase).toBe('started');
    expect(h1.projects.find((p) => p.id === f.boundary.startsNextDay)).toBeUndefined();
    expect(h2.projects.find((p) => p.id === f.boundary.startsNextDay)?.phase).toBe('started');
    expect(h2.projects.find((p) => p.id === f.boundary.startsLastDay)?.phase).toBe('ongoing');
    // Without dates the year decides: a finished project of 2026 starts in the first half and ends in the second.
    expect(h1.projects.find((p) => p.id === f.boundary.yearOnlyFinished)?.phase).toBe('started');
    expect(h2.projects.find((p) => p.id === f.boundary.yearOnlyFinished)?.phase).toBe('finished');
    expect(h1.projects.find((p) => p.id === f.boundary.yearOnlyRunning)?.phase).toBe('ongoing');
    // Cancelled: counted in the half-year it was stopped, only.
    expect(h1.projects.find((p) => p.id === f.boundary.cancelledInH1)?.phase).toBe('finished');
    expect(h2.projects.find((p) => p.id === f.boundary.cancelledInH1)).toBeUndefined();
    const h25 = await buildReportData(db(), f.municipalityId, parseHalfYear('2025H1')!, { today: TODAY });
    expect(h25.projects.find((p) => p.id === f.boundary.cancelledInH1)).toBeUndefined();
  });

  it('decisions taken in the period, with the body or delegate and the linked projects and partnerships', async () => {
    const data = await buildReportData(db(), f.municipalityId, parseHalfYear('2026H1')!, { today: TODAY });
    const x = await expectedFigures(db(), f.municipalityId, '2026-01-01', '2026-06-30');
    expect(data.decisions.map((d) => d.id)).toEqual(x.decisionIds);
    expect(data.decisions.map((d) => d.decidedOn)).toEqual(['2026-01-01', '2026-03-15', '2026-03-15', '2026-06-30']);
    const links = await db().selectFrom('project_decisions').select(['decision_id', 'project_id']).where('decision_id', 'in', x.decisionIds).execute();
    const plinks = await db().selectFrom('partnership_decisions').select(['decision_id', 'partnership_id']).where('decision_id', 'in', x.decisionIds).execute();
    for (const d of data.decisions) {
      expect(d.projectIds).toEqual(sorted(links.filter((l) => Number(l.decision_id) === d.id).map((l) => Number(l.project_id))));
      expect(d.partnershipIds).toEqual(sorted(plinks.filter((l) => Number(l.decision_id) === d.id).map((l) => Number(l.partnership_id))));
      // Every fixture decision has either the board or a delegate.
      expect(d.body === 'Kommunstyrelsen' ? d.delegateRole : d.delegateRole).toBe(d.body ? null : 'förvaltningschef');
    }
    expect(data.decisions.some((d) => d.body === 'Kommunstyrelsen')).toBe(true);
  });

  it('partnerships active or dormant, or with events or evaluations in the period, with their events and report projects', async () => {
    const data = await buildReportData(db(), f.municipalityId, parseHalfYear('2026H1')!, { today: TODAY });
    const x = await expectedFigures(db(), f.municipalityId, '2026-01-01', '2026-06-30');
    expect(sorted(data.partnerships.map((p) => p.id))).toEqual(x.partnershipIds);
    const P = f.partnerships;
    expect(sorted(x.partnershipIds)).toEqual(sorted([P.active, P.dormant, P.proposedWithEvent, P.endedWithEvaluation]));
    for (const p of data.partnerships) expect(p.events, p.title).toHaveLength(x.eventsPerPartnership.get(p.id)!);
    const active = data.partnerships.find((p) => p.id === P.active)!;
    expect(active.events.map((e) => [e.date, e.description])).toEqual([
      ['2025-09-01', 'Lärarutbyte hösten 2025'],
      ['2026-03-10', 'Elevbesök i Partnerstad'],
    ]);
    expect(active.partners).toEqual(['Partnerstad', 'Grannkommun']);
    expect(data.partnerships.find((p) => p.id === P.endedWithEvaluation)!.evaluations).toMatchObject([{ evaluatedOn: '2026-02-01', recommendation: 'end', recommendationText: 'Avsluta samarbetet' }]);
    const reportIds = new Set(data.projects.map((p) => p.id));
    const links = await db().selectFrom('project_partnerships').select(['partnership_id', 'project_id']).where('partnership_id', 'in', x.partnershipIds).execute();
    for (const p of data.partnerships) {
      expect(p.projectIds).toEqual(sorted(links.filter((l) => Number(l.partnership_id) === p.id && reportIds.has(Number(l.project_id))).map((l) => Number(l.project_id))));
    }
    expect(data.partnerships.map((p) => p.title)).toEqual([...data.partnerships.map((p) => p.title)].sort(sv.compare));
    // The next evaluation, from the partnership evaluations' own due items (upcoming ones too).
    const due = await partnershipEvaluationDueItems(db(), f.municipalityId, TODAY, { horizonDays: null });
    for (const p of data.partnerships) expect(p.evaluationDueOn, p.title).toBe(due.find((d) => d.kind === 'partnership_evaluation' && d.recordId === p.id)?.dueOn ?? null);
    expect(data.partnerships.find((p) => p.id === P.active)!.evaluationDueOn).not.toBeNull();
  });

  it('budget of the period\'s year, or null when nothing is allocated or used', async () => {
    await db().insertInto('budget_allocations').values({ municipality_id: f.municipalityId, year: 2026, category: 'twinning', amount_minor: 250_000_00, note_sv: null, updated_by: null, updated_at: NOW }).execute();
    const data = await buildReportData(db(), f.municipalityId, parseHalfYear('2026H2')!, { today: TODAY });
    expect(data.budget?.year).toBe(2026);
    expect(data.budget?.categories.find((c) => c.category === 'twinning')?.allocatedMinor).toBe(250_000_00);
    // No project of Provby belongs to 2030, and nothing is allocated or spent then.
    expect((await buildReportData(db(), f.municipalityId, parseHalfYear('2030H1')!, { today: TODAY })).budget).toBeNull();
  });

  it('goals of the adopted strategy in tree order with progress from the active plan only; overdue items as of today', async () => {
    const data = await buildReportData(db(), f.municipalityId, parseHalfYear('2026H1')!, { today: TODAY, now: NOW });
    const G = f.goals;
    expect(data.goals?.strategyTitle).toBe('Provbys internationella strategi');
    expect(data.goals?.goals.map((g) => [g.id, g.depth, g.parentId])).toEqual([
      [G.top, 0, null],
      [G.sub1, 1, G.top],
      [G.sub2, 1, G.top],
      [G.other, 0, null],
    ]);
    const byId = new Map(data.goals!.goals.map((g) => [g.id, g]));
    expect(byId.get(G.sub1)).toMatchObject({ progress: 40, levelName: 'Delmål', title: 'Fler elever i utbyten' });
    expect(byId.get(G.sub2)!.progress).toBe(80);
    expect(byId.get(G.top)!.progress).toBe(60);
    expect(byId.get(G.sub1)!.explanation).not.toBe('');
    // Only the closed plan's measure serves this goal: nothing measurable, no light.
    expect(byId.get(G.other)).toMatchObject({ progress: null, light: 'none' });
    expect(data.overdue).toContainEqual({ kind: 'measure_end', title: 'Kulturvecka med vänorten', dueOn: '2025-05-31', state: 'overdue' });
    expect(data.overdue.every((d) => d.state === 'due' || d.state === 'overdue')).toBe(true);
    expect(data.asOf).toBe(TODAY);
    expect(data.generatedAt).toBe(NOW);
  });

  it('default structure: every section, and the units that own projects or measures, by name; unit sections from live data', async () => {
    const structure = await defaultStructure(db(), f.municipalityId);
    expect(structure.sections.map((s) => s.key)).toEqual(['summary', 'projects', 'funding', 'budget', 'decisions', 'partnerships', 'goals', 'units', 'overdue']);
    expect(structure.sections.every((s) => s.included && s.heading_sv === null && s.heading_en === null)).toBe(true);
    const owners = await sql<{ id: unknown }>`select o.id from organisations o where o.municipality_id = ${f.municipalityId} and o.is_internal = 1
      and (exists (select 1 from projects p where p.owner_unit_id = o.id) or exists (select 1 from measures m where m.owner_unit_id = o.id))`.execute(db());
    expect(sorted(structure.unitIds)).toEqual(sorted(owners.rows.map((r) => Number(r.id))));
    expect(structure.unitIds).toEqual([f.units.school, f.units.culture, f.units.planning]);

    const data = await buildReportData(db(), f.municipalityId, parseHalfYear('2026H1')!, { today: TODAY });
    expect(data.structure).toEqual(structure);
    expect(data).toMatchObject({ title: defaultTitle(parseHalfYear('2026H1')!, 'sv'), titleEn: defaultTitle(parseHalfYear('2026H1')!, 'en'), status: 'draft', summary: null, registryNumber: null, finalisedOn: null });
    const [school, culture, planning] = data.units;
    expect(school).toMatchObject({ unitId: f.units.school, unitName: 'Barn- och utbildningsförvaltningen', comment: null, ready: false, readyAt: null });
    expect(school!.projectIds).toEqual(data.projects.filter((p) => p.unitId === f.units.school).map((p) => p.id));
    expect(school!.projectIds.length).toBeGreaterThan(0);
    expect(school!.measures).toEqual([{ id: f.measures.school, title: 'Elevutbyte med Partnerstad', status: 'ongoing', progress: 40, endDate: '2027-12-31' }]);
    expect(culture!.measures.map((m) => m.id)).toEqual([f.measures.culture]);
    // The planning unit's only measure is in a closed plan.
    expect(planning).toMatchObject({ unitId: f.units.planning, projectIds: [], measures: [] });
  });

  it('uses what people wrote: title, summary, structure and the units\' comments', async () => {
    const text: ReportText = {
      title: 'Halvårsrapport våren 2026',
      titleEn: null,
      status: 'finalised',
      registryNumber: 'KS 2026/77',
      finalisedOn: '2026-08-20',
      structure: { sections: [{ key: 'projects', included: true, heading_sv: 'Våra projekt', heading_en: null }], unitIds: [f.units.culture, 999_999] },
      summary: 'Ett bra halvår.',
      sections: [
        { unitId: f.units.culture, comment: 'Kulturveckan blev försenad.', readyAt: '2026-07-31T10:00:00.000Z', readyBy: 'Karin Kultur' },
        { unitId: f.units.school, comment: 'Syns inte', readyAt: null, readyBy: null },
      ],
    };
    const data = await buildReportData(db(), f.municipalityId, parseHalfYear('2026H1')!, { today: TODAY, text });
    expect(data).toMatchObject({ title: text.title, titleEn: null, status: 'finalised', registryNumber: 'KS 2026/77', finalisedOn: '2026-08-20', summary: 'Ett bra halvår.', structure: text.structure });
    expect(data.units).toEqual([
      { unitId: f.units.culture, unitName: 'Kultur- och fritidsförvaltningen', projectIds: data.projects.filter((p) => p.unitId === f.units.culture).map((p) => p.id), measures: [expect.objectContaining({ id: f.measures.culture })], comment: 'Kulturveckan blev försenad.', ready: true, readyAt: '2026-07-31T10:00:00.000Z', readyBy: 'Karin Kultur' },
    ]);
  });

  it('the seed municipalities: the report builds, equals the SQL figures, and round-trips through JSON', async () => {
    for (const slug of ['arvika', 'ale']) {
      const m = await db().selectFrom('municipalities').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
      for (const key of ['2026H1', '2012H2']) {
        const period = parseHalfYear(key)!;
        const data = await buildReportData(db(), Number(m.id), period, { today: TODAY });
        expect(JSON.parse(JSON.stringify(data))).toEqual(data);
        expect(data.municipality.slug).toBe(slug);
        const x = await expectedFigures(db(), Number(m.id), period.start, period.end);
        expect([idsOf(data, 'started'), idsOf(data, 'ongoing'), idsOf(data, 'finished')]).toEqual([x.ids.started, x.ids.ongoing, x.ids.finished]);
        expect(data.totals.externalSekMinor).toBe(x.euSek + x.otherSek);
        expect(data.totals.ownCashSekMinor).toBe(x.ownCashSek);
      }
      const all = await buildReportData(db(), Number(m.id), parseHalfYear('2026H1')!, { today: TODAY });
      expect(all.goals?.goals.length ?? 0, `${slug} has its adopted strategy`).toBeGreaterThan(0);
    }
  });

  it('refuses an unknown municipality', async () => {
    await expect(buildReportData(db(), 987_654, parseHalfYear('2026H1')!, { today: TODAY })).rejects.toThrow('No municipality with id 987654');
  });
});
