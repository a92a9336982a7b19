import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MeasureStatus } from '../../../db/schema.js';
import type { RollupGoal, RollupMeasure } from '../model.js';
import { AT_RISK_MARGIN, expectedOfMeasure, ON_TRACK_MARGIN, rollUp } from './rollup.js';

const goal = (id: number, parentId: number | null = null, weight = 1): RollupGoal => ({ id, parentId, weight });
let nextMeasure = 100;
const measure = (goalIds: number[], progress: number, extra: Partial<RollupMeasure> = {}): RollupMeasure => ({
  id: nextMeasure++,
  goalIds,
  progress,
  weight: 1,
  status: 'ongoing',
  startDate: null,
  endDate: null,
  ...extra,
});
/** 2026-01-01 … 2026-12-31 is 364 days; 2026-07-02 is day 182 of them: exactly half. */
const YEAR = { startDate: '2026-01-01', endDate: '2026-12-31' };
const MIDYEAR = '2026-07-02';

describe('rollUp: arithmetic', () => {
  it('weights the measures of a goal', () => {
    const r = rollUp([goal(1)], [measure([1], 20), measure([1], 80, { weight: 3 })], MIDYEAR);
    // (20 × 1 + 80 × 3) / 4 = 65
    expect(r.get(1)).toMatchObject({ progress: 65, expected: null, light: 'on_track', directMeasures: 2, totalMeasures: 2 });
  });

  it('rolls up three levels, weighting child goals, counting done as 100 and ignoring cancelled measures', () => {
    const goals = [goal(1), goal(2, 1, 2), goal(3, 1, 1), goal(4, 2, 1)];
    const measures = [
      measure([4], 50),
      measure([4], 40, { status: 'done' }),
      measure([2], 30),
      measure([3], 10),
      measure([3], 90, { status: 'cancelled' }),
    ];
    const r = rollUp(goals, measures, MIDYEAR);
    // Level 3: (50 + 100) / 2 = 75
    expect(r.get(4)?.progress).toBe(75);
    // Level 2: its own measure 30 and its child 75: (30 + 75) / 2 = 52.5; the other: 10 (the cancelled 90 is ignored).
    expect(r.get(2)?.progress).toBe(52.5);
    expect(r.get(3)?.progress).toBe(10);
    expect(r.get(3)?.directMeasures).toBe(1);
    // Level 1: (52.5 × 2 + 10 × 1) / 3 = 38.333… → 38.3
    expect(r.get(1)).toMatchObject({ progress: 38.3, directMeasures: 0, totalMeasures: 4, light: 'on_track' });
    expect(r.get(1)?.explanation.sv).toBe('Medelvärde av 2 delmål (viktat). 38,3 % klart; inga datum att jämföra med.');
    expect(r.get(1)?.explanation.en).toBe('Weighted mean of 2 sub-goals. 38.3% done; no dates to compare with.');
    expect(r.get(3)?.explanation.sv).toBe('Beräknat från 1 åtgärd. 10 % klart; inga datum att jämföra med. 1 inställd åtgärd räknas inte.');
  });

  it('leaves a goal without measures or measurable children at null, and does not count it in its parent', () => {
    const r = rollUp([goal(1), goal(2, 1, 5), goal(3, 1)], [measure([3], 60), measure([2], 0, { status: 'cancelled' })], MIDYEAR);
    expect(r.get(2)).toMatchObject({ progress: null, expected: null, light: 'none', totalMeasures: 0 });
    expect(r.get(2)?.explanation.sv).toContain('Inga åtgärder eller delmål');
    // Only goal 3 counts, whatever goal 2's weight.
    expect(r.get(1)?.progress).toBe(60);
  });

  it('computes the expected progress from the dates, with the boundaries at the start and end dates', () => {
    expect(expectedOfMeasure(YEAR, '2025-12-31')).toBe(0);
    expect(expectedOfMeasure(YEAR, '2026-01-01')).toBe(0);
    expect(expectedOfMeasure(YEAR, MIDYEAR)).toBe(50);
    expect(expectedOfMeasure(YEAR, '2026-12-31')).toBe(100);
    expect(expectedOfMeasure(YEAR, '2027-03-01')).toBe(100);
    // A leap year: 2024-01-01 … 2024-12-31 is 365 days; 2024-03-01 is day 31 + 29 = 60.
    expect(expectedOfMeasure({ startDate: '2024-01-01', endDate: '2024-12-31' }, '2024-03-01')).toBeCloseTo((60 / 365) * 100, 10);
    expect(expectedOfMeasure({ startDate: null, endDate: '2026-12-31' }, MIDYEAR)).toBeNull();
    expect(expectedOfMeasure({ startDate: '2026-01-01', endDate: null }, MIDYEAR)).toBeNull();
    // Start and end on the same day: nothing expected before it, everything from it.
    expect(expectedOfMeasure({ startDate: '2026-05-01', endDate: '2026-05-01' }, '2026-04-30')).toBe(0);
    expect(expectedOfMeasure({ startDate: '2026-05-01', endDate: '2026-05-01' }, '2026-05-01')).toBe(100);
  });

  it('averages the expected progress over the terms that have dates only', () => {
    const r = rollUp([goal(1), goal(2, 1)], [measure([1], 50, YEAR), measure([1], 100), measure([2], 0, { ...YEAR, startDate: '2026-12-01' })], MIDYEAR);
    // Progress: (50 + 100 + child 0) / 3 = 50; expected: (50 + child 0) / 2 = 25.
    expect(r.get(1)).toMatchObject({ progress: 50, expected: 25, light: 'on_track' });
    expect(r.get(2)).toMatchObject({ progress: 0, expected: 0 });
  });

  it('sets the traffic light at the thresholds', () => {
    expect(ON_TRACK_MARGIN).toBe(10);
    expect(AT_RISK_MARGIN).toBe(25);
    const light = (progress: number) => rollUp([goal(1)], [measure([1], progress, YEAR)], MIDYEAR).get(1)?.light;
    // Expected 50 at midyear.
    expect(light(50)).toBe('on_track');
    expect(light(40)).toBe('on_track');
    expect(light(39)).toBe('at_risk');
    expect(light(25)).toBe('at_risk');
    expect(light(24)).toBe('behind');
    expect(light(0)).toBe('behind');
    expect(light(90)).toBe('on_track');
  });

  it('makes a goal at least at risk when one of its own measures is past its end date and not done', () => {
    const late = { startDate: '2026-01-01', endDate: '2026-07-01' };
    const one = (status: MeasureStatus, progress: number, today = MIDYEAR) => rollUp([goal(1), goal(2, 1)], [measure([2], progress, { ...late, status })], today);
    const r = one('ongoing', 100);
    expect(r.get(2)).toMatchObject({ progress: 100, expected: 100, light: 'at_risk' });
    expect(r.get(2)?.explanation.sv).toContain('1 åtgärd har passerat sitt slutdatum utan att vara klar.');
    // The rule is about the goal's own measures; the parent only sees the numbers.
    expect(r.get(1)?.light).toBe('on_track');
    // On the end date itself it is not late yet; a finished measure is never late.
    expect(one('ongoing', 100, '2026-07-01').get(2)?.light).toBe('on_track');
    expect(one('done', 10).get(2)).toMatchObject({ progress: 100, light: 'on_track' });
    // Already behind stays behind.
    expect(one('planned', 10).get(2)?.light).toBe('behind');
  });

  it('gives the explanation the example in the issue describes', () => {
    const goals = [goal(1), goal(2, 1), goal(3, 1)];
    // Ten days, of which six have passed: 60 % expected of every measure.
    const sixty = { startDate: '2026-01-01', endDate: '2026-01-11' };
    const today = '2026-01-07';
    const r = rollUp(
      goals,
      [measure([1], 30, sixty), measure([1], 45, sixty), measure([1], 60, { ...sixty, weight: 2 }), measure([2], 45, sixty), measure([3], 45, sixty)],
      today,
    );
    // Measures 30, 45, 60 (weight 2) and sub-goals 45 and 45: (30 + 45 + 60 × 2 + 45 + 45) / 6 = 47.5; expected 60.
    expect(r.get(1)).toMatchObject({ progress: 47.5, expected: 60, light: 'at_risk' });
    expect(r.get(1)?.explanation.sv).toBe('Medelvärde av 3 åtgärder och 2 delmål (viktat). 47,5 % klart, förväntat 60 % i dag enligt åtgärdernas tidsplaner.');
    expect(r.get(1)?.explanation.en).toBe('Weighted mean of 3 measures and 2 sub-goals. 47.5% done, 60% expected today according to the measures’ schedules.');
  });

  it('counts a measure for every goal it serves and ignores goals that do not exist', () => {
    const shared = measure([1, 2, 999, 2], 70);
    const r = rollUp([goal(1), goal(2)], [shared, measure([2], 10)], MIDYEAR);
    expect(r.get(1)?.progress).toBe(70);
    expect(r.get(2)?.progress).toBe(40);
    expect(r.get(2)?.directMeasures).toBe(2);
    expect(r.has(999)).toBe(false);
  });

  it('uses the plain mean when every weight is zero, and clamps progress outside 0–100', () => {
    const r = rollUp([goal(1)], [measure([1], 20, { weight: 0 }), measure([1], 60, { weight: 0 })], MIDYEAR);
    expect(r.get(1)?.progress).toBe(40);
    const clamped = rollUp([goal(1)], [measure([1], 150), measure([1], -20)], MIDYEAR);
    expect(clamped.get(1)?.progress).toBe(50);
  });

  it('ends on goal chains that loop, and on a goal that is its own parent', () => {
    const goals = [goal(1, 2), goal(2, 3), goal(3, 1), goal(4, 4), goal(5, 1)];
    const r = rollUp(goals, [measure([1], 30), measure([2], 60), measure([3], 90), measure([4], 20), measure([5], 10)], MIDYEAR);
    expect(r.size).toBe(5);
    expect(r.get(4)?.progress).toBe(20);
    for (const p of r.values()) {
      expect(p.progress).not.toBeNull();
      expect(p.progress!).toBeGreaterThanOrEqual(10);
      expect(p.progress!).toBeLessThanOrEqual(90);
    }
  });
});

describe('rollUp: properties', () => {
  const statuses: MeasureStatus[] = ['planned', 'ongoing', 'done', 'cancelled'];
  const date = fc.integer({ min: 0, max: 3000 }).map((d) => new Date(Date.UTC(2022, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
  const measures = (goalCount: number) =>
    fc.array(
      fc.record({
        id: fc.integer({ min: 1, max: 10_000 }),
        goalIds: fc.array(fc.integer({ min: 1, max: goalCount + 2 }), { maxLength: 3 }),
        progress: fc.integer({ min: 0, max: 100 }),
        weight: fc.oneof(fc.constant(1), fc.integer({ min: 0, max: 5 }), fc.double({ min: 0, max: 10, noNaN: true })),
        status: fc.constantFrom(...statuses),
        startDate: fc.option(date),
        endDate: fc.option(date),
      }),
      { maxLength: 40 },
    );
  /** Trees: each goal's parent has a smaller id. */
  const tree = fc.integer({ min: 1, max: 25 }).chain((n) =>
    fc.tuple(
      fc.tuple(...Array.from({ length: n }, (_, i) => fc.record({ parent: fc.option(fc.integer({ min: 1, max: Math.max(1, i) })), weight: fc.oneof(fc.constant(1), fc.integer({ min: 0, max: 4 })) }))),
      measures(n),
      date,
    ),
  );

  it('keeps progress within 0–100 (or null), and each goal within the range of its terms', () => {
    fc.assert(
      fc.property(tree, ([spec, ms, today]) => {
        const goals = spec.map((s, i) => ({ id: i + 1, parentId: i === 0 ? null : s.parent, weight: s.weight }));
        const r = rollUp(goals, ms, today);
        for (const g of goals) {
          const p = r.get(g.id)!;
          if (p.progress !== null) {
            expect(p.progress).toBeGreaterThanOrEqual(0);
            expect(p.progress).toBeLessThanOrEqual(100);
          }
          if (p.expected !== null) {
            expect(p.expected).toBeGreaterThanOrEqual(0);
            expect(p.expected).toBeLessThanOrEqual(100);
          }
          const terms = [
            ...ms.filter((m) => m.status !== 'cancelled' && m.goalIds.includes(g.id)).map((m) => (m.status === 'done' ? 100 : m.progress)),
            ...goals.filter((c) => c.parentId === g.id && c.id !== g.id).flatMap((c) => (r.get(c.id)!.progress === null ? [] : [r.get(c.id)!.progress!])),
          ];
          if (terms.length === 0) expect(p.progress).toBeNull();
          else {
            expect(p.progress).not.toBeNull();
            expect(p.progress!).toBeGreaterThanOrEqual(Math.min(...terms));
            expect(p.progress!).toBeLessThanOrEqual(Math.max(...terms));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('always ends and stays within 0–100 when parents point anywhere, loops included', () => {
    const anyParents = fc.integer({ min: 1, max: 15 }).chain((n) =>
      fc.tuple(fc.array(fc.option(fc.integer({ min: 1, max: n + 1 })), { minLength: n, maxLength: n }), measures(n), date),
    );
    fc.assert(
      fc.property(anyParents, ([parents, ms, today]) => {
        const goals = parents.map((parentId, i) => ({ id: i + 1, parentId, weight: 1 }));
        const r = rollUp(goals, ms, today);
        expect(r.size).toBe(goals.length);
        for (const p of r.values()) {
          if (p.progress !== null) expect(p.progress >= 0 && p.progress <= 100).toBe(true);
          expect(['on_track', 'at_risk', 'behind', 'none']).toContain(p.light);
          expect(p.light === 'none').toBe(p.progress === null);
        }
      }),
      { numRuns: 300 },
    );
  });
});
