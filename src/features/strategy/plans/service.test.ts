import { describe, expect, it } from 'vitest';
import { groupByGoal, isLate, staleDays } from './pages.js';
import type { GoalNode, MeasureSummary } from './repository.js';
import { checkIndicators, indicatorDrafts, isIsoDate, normalisePeriod, parseMeasureForm, parsePlanForm, parseProgress } from './service.js';

describe('progress and periods as people type them', () => {
  it('reads progress 0–100 as a whole number, with or without a per-cent sign', () => {
    for (const [raw, n] of [['0', 0], ['40', 40], [' 40 % ', 40], ['40%', 40], ['40,0', 40], ['100', 100], [55, 55]] as const) expect(parseProgress(raw), String(raw)).toBe(n);
    for (const raw of ['', '101', '150', '-1', '40,5', '4 0', 'fyrtio', 40.5, -3, Number.NaN, null, undefined, '1e2']) expect(parseProgress(raw), String(raw)).toBeUndefined();
  });

  it('reads a year or a half-year as a period', () => {
    expect(normalisePeriod('2026')).toBe('2026');
    expect(normalisePeriod(' 2026 h1 ')).toBe('2026H1');
    expect(normalisePeriod('2026H2')).toBe('2026H2');
    for (const raw of ['2026H3', '26', '2026-01', 'H1 2026', '3026', '']) expect(normalisePeriod(raw), raw).toBeUndefined();
  });

  it('knows real dates', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-2-1')).toBe(false);
  });
});

describe('indicator rows of the measure form', () => {
  it('renumbers posted rows in their order and keeps blank ones for the form shown again', () => {
    const { drafts, tooMany } = indicatorDrafts({ 'ind-5-name': 'B', 'ind-2-name': 'A', 'ind-2-p-7-period': '2027', 'ind-2-p-3-period': '2026', 'ind-9-name': '' });
    expect(tooMany).toBe(false);
    expect(drafts.map((d) => d.name)).toEqual(['A', 'B', '']);
    expect(drafts[0]!.periods.map((p) => p.period)).toEqual(['2026', '2027']);
  });

  it('drops blank and removed rows, and reports every problem by field name', () => {
    const { drafts } = indicatorDrafts({
      'ind-0-name': 'Elever',
      'ind-0-baseline': '1 200,5',
      'ind-0-p-0-period': '2026',
      'ind-0-p-0-target': 'x',
      'ind-0-p-1-period': '2026',
      'ind-1-name': 'Borttagen',
      'ind-1-remove': '1',
      'ind-2-name': '',
      'ind-2-unit': 'st',
    });
    const { indicators, errors } = checkIndicators(drafts, 'sv');
    expect(indicators.map((i) => i.name_sv)).toEqual(['Elever', '']);
    expect(indicators[0]!.baseline).toBe(1200.5);
    expect(Object.keys(errors).sort()).toEqual(['ind-0-p-0-target', 'ind-0-p-1-period', 'ind-2-name']);
  });

  it('says so when a form holds more rows than allowed', () => {
    const values: Record<string, string> = {};
    for (let i = 0; i < 30; i++) values[`ind-${i}-name`] = `I${i}`;
    expect(indicatorDrafts(values).tooMany).toBe(true);
  });
});

describe('the plan and measure forms', () => {
  it('gives every plan error at once, the period order included', () => {
    const r = parsePlanForm({ strategy_id: '1', title_sv: 'Plan', period_start: '2027-01-01', period_end: '2026-01-01', status: 'active', evaluation_interval_months: '24' }, 'sv');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual({ period_end: 'Periodens slut kan inte vara före dess början.' });
    const ok = parsePlanForm({ strategy_id: '1', title_sv: 'Plan', period_start: '2026-01-01', period_end: '2027-12-31', status: 'active', evaluation_interval_months: '24' }, 'en');
    expect(ok.ok && ok.data).toMatchObject({ strategy_id: 1, evaluation_interval_months: 24, title_en: null });
  });

  const goals: GoalNode[] = [
    { id: 1, parentId: null, depth: 0, levelName: 'Mål', title_sv: 'A', title_en: null },
    { id: 2, parentId: 1, depth: 1, levelName: 'Område', title_sv: 'A1', title_en: null },
  ];
  const units = [
    { id: 10, parentId: null, depth: 0, name_sv: 'Skolförvaltningen', name_en: null },
    { id: 11, parentId: null, depth: 0, name_sv: 'Kulturförvaltningen', name_en: null },
  ];

  it('checks goals, the unit and the dates of a measure', () => {
    const { result } = parseMeasureForm({ title_sv: 'Åtgärd', owner_unit_id: '11', goal_ids: ['2', '99'], start_date: '2026-05-01', end_date: '2026-04-01', status: 'ongoing', progress: '5', weight: '' }, { goals, units, allowedUnits: new Set([10]) }, 'sv');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['end_date', 'goal_ids', 'owner_unit_id']);
    const ok = parseMeasureForm({ title_sv: 'Åtgärd', owner_unit_id: '10', goal_ids: ['2', '2', '1'], status: 'planned', progress: '0', weight: '' }, { goals, units }, 'sv');
    expect(ok.result.ok && ok.result.data).toMatchObject({ goal_ids: [2, 1], weight: 1, start_date: null, indicators: [] });
  });
});

describe('markers and grouping on the plan page', () => {
  const m = (over: Partial<MeasureSummary>): MeasureSummary => ({
    id: 1,
    municipality_id: 1,
    plan_id: 1,
    position: 0,
    title_sv: 'M',
    title_en: null,
    description_sv: null,
    description_en: null,
    owner_unit_id: null,
    start_date: null,
    end_date: null,
    status: 'ongoing',
    progress: 0,
    weight: 1,
    progress_updated_at: null,
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-01-01T00:00:00.000Z',
    goalIds: [],
    lastNoteOn: null,
    ...over,
  });

  it('late: past its end date and not finished', () => {
    expect(isLate(m({ end_date: '2026-01-31' }), '2026-02-01')).toBe(true);
    expect(isLate(m({ end_date: '2026-02-01' }), '2026-02-01')).toBe(false);
    expect(isLate(m({ end_date: '2026-01-31', status: 'done' }), '2026-02-01')).toBe(false);
  });

  it('stale: no report for longer than the limit, counted from the last report or from when it was added', () => {
    expect(staleDays(m({ progress_updated_at: '2026-01-01T10:00:00.000Z' }), '2026-04-02', 90)).toBe(91);
    expect(staleDays(m({ progress_updated_at: '2026-01-01T10:00:00.000Z' }), '2026-03-31', 90)).toBeNull();
    expect(staleDays(m({ status: 'cancelled' }), '2027-01-01', 90)).toBeNull();
    expect(staleDays(m({ start_date: '2027-06-01' }), '2027-01-01', 90)).toBeNull();
    expect(staleDays(m({}), '2027-01-01', 90)).toBe(365);
  });

  it('groups measures under their first goal in tree order and names goals without measures', () => {
    const goals: GoalNode[] = [
      { id: 5, parentId: null, depth: 0, levelName: 'Mål', title_sv: 'Först', title_en: null },
      { id: 3, parentId: null, depth: 0, levelName: 'Mål', title_sv: 'Sedan', title_en: null },
      { id: 4, parentId: null, depth: 0, levelName: 'Mål', title_sv: 'Sist', title_en: null },
    ];
    const g = groupByGoal([m({ id: 1, goalIds: [3, 5] }), m({ id: 2, goalIds: [3] }), m({ id: 3, goalIds: [] }), m({ id: 4, goalIds: [777] })], goals);
    expect(g.byGoal.map((x) => [x.goal.id, x.measures.map((y) => y.id)])).toEqual([
      [5, [1]],
      [3, [2]],
    ]);
    expect(g.withoutGoal.map((x) => x.id)).toEqual([3, 4]);
    expect(g.goalsWithout.map((x) => x.id)).toEqual([4]);
  });
});
