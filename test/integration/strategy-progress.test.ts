/**
 * Goal progress from the database (measures of the strategy's active plans), the
 * compact daily history of each goal, and what is due in a municipality's strategy work — on
 * SQLite and PostgreSQL alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database.js';
import type { ActionPlanStatus, MeasureStatus, StrategyStatus } from '../../src/db/schema.js';
import { strategyDueItems } from '../../src/features/strategy/progress/due.js';
import { goalHistory, loadStrategyProgress, recordGoalHistory } from '../../src/features/strategy/progress/progress.js';
import { seedIfEmpty } from '../../src/seed/load.js';
import { availableDatabases, createTestDb, type TestDb } from '../support/databases.js';

const kinds = await availableDatabases();
const TS = '2026-01-01T00:00:00.000Z';

/** Small inserters for the strategy tables. */
function builder(db: Db) {
  return {
    async municipality(slug: string): Promise<number> {
      const r = await db
        .insertInto('municipalities')
        .values({ code: String(9000 + Math.floor(Math.random() * 999)), slug, name_sv: `${slug} kommun`, name_en: `${slug} Municipality`, county_code: null, county_name: null, vision_sv: null, vision_en: null, languages: 'sv', website: null, source: null, created_at: TS })
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(r.id);
    },
    async strategy(municipalityId: number, title: string, status: StrategyStatus = 'adopted', adoptedOn: string | null = null): Promise<number> {
      const r = await db
        .insertInto('strategies')
        .values({ municipality_id: municipalityId, title_sv: title, title_en: null, vision_sv: null, vision_en: null, adopted_by: null, adopted_on: adoptedOn, minute_paragraph: null, registry_number: null, responsibilities_sv: null, responsibilities_en: null, body_sv: null, summary_en: null, status, superseded_by_id: null, source: null, created_at: TS, updated_at: TS })
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(r.id);
    },
    async goal(municipalityId: number, strategyId: number, parentId: number | null, title: string, weight = 1): Promise<number> {
      const r = await db
        .insertInto('strategy_goals')
        .values({ municipality_id: municipalityId, strategy_id: strategyId, parent_id: parentId, level_name: 'Mål', title_sv: title, title_en: null, description_sv: null, description_en: null, weight, created_at: TS, updated_at: TS })
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(r.id);
    },
    async plan(municipalityId: number, strategyId: number, title: string, status: ActionPlanStatus, periodStart = '2025-01-01', interval = 24): Promise<number> {
      const r = await db
        .insertInto('action_plans')
        .values({ municipality_id: municipalityId, strategy_id: strategyId, title_sv: title, title_en: null, period_start: periodStart, period_end: '2028-12-31', status, evaluation_interval_months: interval, previous_plan_id: null, created_at: TS, updated_at: TS })
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(r.id);
    },
    async measure(
      municipalityId: number,
      planId: number,
      goalIds: number[],
      m: { title?: string; progress?: number; weight?: number; status?: MeasureStatus; start?: string | null; end?: string | null },
    ): Promise<number> {
      const r = await db
        .insertInto('measures')
        .values({
          municipality_id: municipalityId,
          plan_id: planId,
          title_sv: m.title ?? 'Åtgärd',
          title_en: null,
          description_sv: null,
          description_en: null,
          owner_unit_id: null,
          start_date: m.start ?? null,
          end_date: m.end ?? null,
          status: m.status ?? 'ongoing',
          progress: m.progress ?? 0,
          weight: m.weight ?? 1,
          progress_updated_at: null,
          created_at: TS,
          updated_at: TS,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const id = Number(r.id);
      for (const goalId of goalIds) await db.insertInto('measure_goals').values({ measure_id: id, goal_id: goalId }).execute();
      return id;
    },
  };
}

describe.each(kinds)('strategy progress on %s', (kind) => {
  let t: TestDb;
  let db: Db;
  let b: ReturnType<typeof builder>;
  let muni: number;
  beforeAll(async () => {
    t = await createTestDb(kind);
    await seedIfEmpty(t.handle);
    db = t.handle.db;
    b = builder(db);
    muni = await b.municipality('provkommun');
  }, 60_000);
  afterAll(async () => t?.close());

  it('rolls up the measures of active plans, not of draft or closed ones', async () => {
    const s = await b.strategy(muni, 'Rullningsstrategi');
    const g1 = await b.goal(muni, s, null, 'Övergripande');
    const g2 = await b.goal(muni, s, g1, 'Delmål A');
    const g3 = await b.goal(muni, s, g1, 'Delmål B');
    const empty = await b.goal(muni, s, g1, 'Delmål utan åtgärder', 4);
    const active = await b.plan(muni, s, 'Aktiv plan', 'active');
    const draft = await b.plan(muni, s, 'Utkast till plan', 'draft');
    const closed = await b.plan(muni, s, 'Avslutad plan', 'closed');
    await b.measure(muni, active, [g2], { progress: 40 });
    await b.measure(muni, active, [g3], { progress: 80, weight: 3 });
    await b.measure(muni, active, [g3], { progress: 10, status: 'cancelled' });
    await b.measure(muni, draft, [g2], { progress: 30, status: 'done' });
    await b.measure(muni, closed, [g3], { progress: 0 });
    // A measure of another strategy's plan, linked to this strategy's goal by mistake: not counted here.
    const other = await b.strategy(muni, 'Annan strategi');
    await b.measure(muni, await b.plan(muni, other, 'Annan plan', 'active'), [g3], { progress: 0 });

    const p = await loadStrategyProgress(db, s, '2026-05-01');
    expect([...p.keys()].sort((x, y) => x - y)).toEqual([g1, g2, g3, empty].sort((x, y) => x - y));
    // Delmål A: 40 (the draft plan's measure left out); Delmål B: 80 (cancelled and the closed plan's measure left out).
    expect(p.get(g2)).toMatchObject({ progress: 40, directMeasures: 1, light: 'on_track' });
    expect(p.get(g3)).toMatchObject({ progress: 80, directMeasures: 1 });
    expect(p.get(empty)).toMatchObject({ progress: null, light: 'none' });
    // The goal without measures does not count, whatever its weight: (40 + 80) / 2 = 60.
    expect(p.get(g1)).toMatchObject({ progress: 60, totalMeasures: 2, directMeasures: 0 });
    expect(p.get(g1)?.explanation.sv).toContain('Medelvärde av 2 delmål');
  });

  it('keeps one history row per goal and day it changed', async () => {
    const s = await b.strategy(muni, 'Historikstrategi');
    const g1 = await b.goal(muni, s, null, 'Mål');
    const g2 = await b.goal(muni, s, g1, 'Delmål med åtgärd');
    const g3 = await b.goal(muni, s, g1, 'Delmål utan åtgärd');
    const plan = await b.plan(muni, s, 'Plan', 'active');
    const m = await b.measure(muni, plan, [g2], { progress: 20, start: '2026-01-01', end: '2026-12-31' });
    const count = async () => Number((await db.selectFrom('goal_progress_history').select((e) => e.fn.countAll().as('n')).where('goal_id', 'in', [g1, g2, g3]).executeTakeFirstOrThrow()).n);

    await recordGoalHistory(db, s, '2026-02-01');
    expect(await count()).toBe(3);
    expect(await goalHistory(db, g3)).toEqual([{ recordedOn: '2026-02-01', progress: null, light: 'none' }]);
    // Again the same day, nothing changed: still one row per goal.
    await recordGoalHistory(db, s, '2026-02-01');
    expect(await count()).toBe(3);

    // The next day nothing changed: no new rows.
    await recordGoalHistory(db, s, '2026-02-02');
    expect(await count()).toBe(3);

    // Progress changes, inside the change's own transaction: only the goals that changed get a row.
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('measures').set({ progress: 60 }).where('id', '=', m).execute();
      await recordGoalHistory(trx, s, '2026-03-01');
    });
    expect(await count()).toBe(5);
    // Changed again the same day: the day's row is updated, not duplicated.
    await db.updateTable('measures').set({ progress: 65 }).where('id', '=', m).execute();
    await recordGoalHistory(db, s, '2026-03-01');
    expect(await count()).toBe(5);
    expect((await goalHistory(db, g2)).map((h) => [h.recordedOn, h.progress])).toEqual([
      ['2026-02-01', 20],
      ['2026-03-01', 65],
    ]);

    // Changed and changed back on one day: the day says nothing new, its rows go.
    await db.updateTable('measures').set({ progress: 10 }).where('id', '=', m).execute();
    await recordGoalHistory(db, s, '2026-04-01');
    expect(await count()).toBe(7);
    await db.updateTable('measures').set({ progress: 65 }).where('id', '=', m).execute();
    await recordGoalHistory(db, s, '2026-04-01');
    expect(await count()).toBe(5);

    // The light changes with time alone (the measure falls behind its schedule): a new row.
    await db.updateTable('measures').set({ progress: 20 }).where('id', '=', m).execute();
    await recordGoalHistory(db, s, '2026-05-01');
    await recordGoalHistory(db, s, '2026-11-30');
    const history = await goalHistory(db, g2);
    expect(history.map((h) => h.recordedOn)).toEqual(['2026-02-01', '2026-03-01', '2026-05-01', '2026-11-30']);
    expect(history.at(-1)).toEqual({ recordedOn: '2026-11-30', progress: 20, light: 'behind' });
    expect(history[0]!.light).toBe('on_track');
    // The parent follows its only measurable child.
    expect((await goalHistory(db, g1)).map((h) => h.progress)).toEqual([20, 65, 20, 20]);
  });

  it('lists what is due: reviews, evaluations and measures ending, by date', async () => {
    const m2 = await b.municipality('forfallokommun');
    const today = '2026-05-01';
    const old = await b.strategy(m2, 'Strategi från 2012', 'adopted', '2012-11-12');
    const reviewed = await b.strategy(m2, 'Översedd strategi', 'adopted', '2016-03-01');
    await db.insertInto('strategy_reviews').values({ strategy_id: reviewed, reviewed_on: '2019-06-01', outcome: 'unchanged', note_sv: null, decision_reference: null, user_id: null, created_at: TS }).execute();
    await db.insertInto('strategy_reviews').values({ strategy_id: reviewed, reviewed_on: '2018-01-01', outcome: 'revise', note_sv: null, decision_reference: null, user_id: null, created_at: TS }).execute();
    await b.strategy(m2, 'Utkast', 'draft', null);
    await b.strategy(m2, 'Ersatt strategi', 'superseded', '2005-01-01');

    const lateEval = await b.plan(m2, old, 'Plan utan utvärdering', 'active', '2022-01-01');
    const evaluated = await b.plan(m2, old, 'Utvärderad plan', 'active', '2022-01-01');
    await db.insertInto('plan_evaluations').values({ municipality_id: m2, plan_id: evaluated, evaluated_on: '2024-06-15', summary_sv: 'Bra', changes_sv: null, decision_reference: null, user_id: null, created_at: TS }).execute();
    const draftPlan = await b.plan(m2, old, 'Planutkast', 'draft', '2020-01-01');
    await b.plan(m2, old, 'Stängd plan', 'closed', '2020-01-01');

    const late = await b.measure(m2, lateEval, [], { title: 'Sen åtgärd', end: '2026-04-30' });
    const soon = await b.measure(m2, evaluated, [], { title: 'Snart klar', end: '2026-05-31' });
    const later = await b.measure(m2, evaluated, [], { title: 'Senare', end: '2026-06-01' });
    await b.measure(m2, lateEval, [], { title: 'Klar', end: '2026-01-01', status: 'done' });
    await b.measure(m2, lateEval, [], { title: 'Inställd', end: '2026-01-01', status: 'cancelled' });
    await b.measure(m2, lateEval, [], { title: 'Utan slutdatum' });
    await b.measure(m2, draftPlan, [], { title: 'I planutkast', end: '2026-01-01' });

    const items = await strategyDueItems(db, m2, today);
    expect(items.map((i) => [i.kind, i.title, i.dueOn, i.state, i.path])).toEqual([
      ['strategy_review', 'Strategi från 2012', '2018-10-14', 'overdue', `/forfallokommun/strategi/${old}`],
      ['plan_evaluation', 'Plan utan utvärdering', '2024-01-01', 'overdue', `/forfallokommun/handlingsplaner/${lateEval}`],
      ['measure_end', 'Sen åtgärd', '2026-04-30', 'overdue', `/forfallokommun/handlingsplaner/${lateEval}/atgarder/${late}`],
      ['measure_end', 'Snart klar', '2026-05-31', 'due', `/forfallokommun/handlingsplaner/${evaluated}/atgarder/${soon}`],
      // Reviewed in the term 2018–2022 (the latest review counts): due by the end of 2022–2026, within 3 months from mid-July.
      ['strategy_review', 'Översedd strategi', '2026-10-14', 'upcoming', `/forfallokommun/strategi/${reviewed}`],
      ['plan_evaluation', 'Utvärderad plan', '2026-06-15', 'due', `/forfallokommun/handlingsplaner/${evaluated}`],
    ].sort((a, c) => (a[2]! < c[2]! ? -1 : a[2]! > c[2]! ? 1 : 0)));
    expect(items.find((i) => i.kind === 'measure_end' && i.recordId === soon)?.planTitle).toBe('Utvärderad plan');

    // The calendar's view: every future end date, as upcoming.
    const all = await strategyDueItems(db, m2, today, { measureHorizonDays: null });
    expect(all.find((i) => i.recordId === later && i.kind === 'measure_end')).toMatchObject({ state: 'upcoming', dueOn: '2026-06-01' });
    expect(all.length).toBe(items.length + 1);
    // Sorted by date.
    expect(all.map((i) => i.dueOn)).toEqual([...all.map((i) => i.dueOn)].sort());

    // A review recorded now moves the old strategy's next review to the end of the next term.
    await db.insertInto('strategy_reviews').values({ strategy_id: old, reviewed_on: '2026-04-20', outcome: 'unchanged', note_sv: null, decision_reference: null, user_id: null, created_at: TS }).execute();
    const after = await strategyDueItems(db, m2, today);
    expect(after.find((i) => i.recordId === old && i.kind === 'strategy_review')).toMatchObject({ dueOn: '2030-10-14', state: 'upcoming' });

    // Nothing of another municipality, and nothing for an unknown one.
    expect((await strategyDueItems(db, muni, today)).some((i) => i.path.startsWith('/forfallokommun/'))).toBe(false);
    expect(await strategyDueItems(db, 999_999, today)).toEqual([]);
  });
});
