import { describe, expect, it } from 'vitest';
import { belongsToPeriod, effectiveDates, phaseIn, type ProjectDates, projectMoney, reportTotals } from './data-rules.js';
import type { ReportFundingLine, ReportProject } from './model.js';
import { parseHalfYear } from './period.js';

const H1 = parseHalfYear('2026H1')!;
const H2 = parseHalfYear('2026H2')!;
const p = (over: Partial<ProjectDates>): ProjectDates => ({ status: 'ongoing', lifecycle: 'ongoing', startDate: null, endDate: null, year: null, ...over });

describe('which projects belong to a half-year', () => {
  it('does not place a finished project without dates or year in any half-year', () => {
    const undated = p({ status: 'completed', lifecycle: 'idea' });
    expect(belongsToPeriod(undated, H1)).toBe(false);
    expect(belongsToPeriod(undated, parseHalfYear('1998H1')!)).toBe(false);
    // With a year it is placed in that year.
    expect(belongsToPeriod({ ...undated, year: 2026 }, H1)).toBe(true);
    expect(belongsToPeriod({ ...undated, year: 2025 }, H1)).toBe(false);
  });

  it('counts a project starting on the last day of the half-year, and not one starting the day after', () => {
    expect(belongsToPeriod(p({ startDate: '2026-06-30' }), H1)).toBe(true);
    expect(phaseIn(p({ startDate: '2026-06-30' }), H1)).toBe('started');
    expect(belongsToPeriod(p({ startDate: '2026-07-01' }), H1)).toBe(false);
    expect(phaseIn(p({ startDate: '2026-07-01' }), H2)).toBe('started');
  });

  it('counts a project ending on the first day, and not one that ended the day before', () => {
    expect(belongsToPeriod(p({ status: 'completed', lifecycle: 'completed', startDate: '2025-02-01', endDate: '2026-01-01' }), H1)).toBe(true);
    expect(phaseIn(p({ status: 'completed', lifecycle: 'completed', startDate: '2025-02-01', endDate: '2026-01-01' }), H1)).toBe('finished');
    expect(belongsToPeriod(p({ status: 'completed', lifecycle: 'completed', startDate: '2025-02-01', endDate: '2025-12-31' }), H1)).toBe(false);
  });

  it('a project running through the half-year is ongoing; one starting and ending in it is started', () => {
    expect(phaseIn(p({ startDate: '2025-01-01', endDate: '2027-12-31' }), H1)).toBe('ongoing');
    expect(phaseIn(p({ startDate: '2025-01-01' }), H1)).toBe('ongoing');
    expect(phaseIn(p({ startDate: '2026-02-01', endDate: '2026-05-31' }), H1)).toBe('started');
  });

  it('counts only projects that have run or been decided', () => {
    for (const [status, lifecycle, counted] of [
      ['planned', 'idea', false],
      ['applied', 'awaiting_decision', false],
      [null, 'assessment', false],
      [null, 'rejected', false],
      [null, 'approved', true],
      ['planned', 'approved', true],
      ['ongoing', 'idea', true],
      ['completed', 'idea', true],
      [null, 'evaluated', true],
    ] as const) {
      expect(belongsToPeriod(p({ status, lifecycle, startDate: '2026-03-01' }), H1), `${status} ${lifecycle}`).toBe(counted);
    }
  });

  it('counts a cancelled project only in the half-year its end date falls in', () => {
    const cancelled = p({ status: 'cancelled', lifecycle: 'cancelled', startDate: '2025-09-01', endDate: '2026-03-15' });
    expect(belongsToPeriod(cancelled, H1)).toBe(true);
    expect(phaseIn(cancelled, H1)).toBe('finished');
    expect(belongsToPeriod(cancelled, parseHalfYear('2025H2')!)).toBe(false);
    expect(belongsToPeriod(p({ status: 'ongoing', lifecycle: 'cancelled', startDate: '2025-09-01', endDate: null }), H1)).toBe(false);
  });

  it('uses the year when dates are missing: a finished project of 2026 without dates belongs to both halves of 2026 only', () => {
    const yearOnly = p({ status: 'completed', lifecycle: 'completed', year: 2026 });
    expect(effectiveDates(yearOnly)).toEqual({ start: '2026-01-01', end: '2026-12-31' });
    expect(phaseIn(yearOnly, H1)).toBe('started');
    expect(phaseIn(yearOnly, H2)).toBe('finished');
    expect(belongsToPeriod(yearOnly, parseHalfYear('2027H1')!)).toBe(false);
    expect(belongsToPeriod(yearOnly, parseHalfYear('2025H2')!)).toBe(false);
    // Still running: an open end.
    expect(belongsToPeriod(p({ year: 2019 }), parseHalfYear('2030H2')!)).toBe(true);
    // A finished project with a start but no end ends in its start's year.
    expect(effectiveDates(p({ status: 'completed', startDate: '2024-05-01' }))).toEqual({ start: '2024-05-01', end: '2024-12-31' });
  });
});

describe('money of a project', () => {
  const line = (kind: ReportFundingLine['kind'], amountMinor: number | null, currency = 'SEK', staffHours: number | null = null): ReportFundingLine => ({ kind, source: null, currency, amountMinor, staffHours });

  it('adds grants per currency, own cash, and values staff hours at the hourly cost', () => {
    const m = projectMoney(
      [line('eu_grant', 100_00), line('other_grant', 50_00), line('eu_grant', 7_00, 'EUR'), line('municipal_cash', 30_00), line('own_staff_time', null, 'SEK', 10.5), line('own_staff_time', 1_00, 'SEK', 2), line('partner', 999_00), line('eu_grant', null)],
      333,
    );
    expect(m.external).toEqual([{ currency: 'EUR', amountMinor: 7_00 }, { currency: 'SEK', amountMinor: 150_00 }]);
    expect(m.ownCash).toEqual([{ currency: 'SEK', amountMinor: 30_00 }]);
    expect(m.ownHours).toBe(12.5);
    expect(m.ownHoursValueMinor).toBe(4163); // 12.5 × 333 = 4162.5, rounded
  });

  it('totals count phases, SEK only, and list other currencies unconverted', () => {
    const project = (phase: ReportProject['phase'], funding: ReportFundingLine[], participants: [number | null, number | null]): ReportProject => ({
      id: 1, title: 't', titleEn: null, kind: 'project', status: 'ongoing', lifecycle: 'ongoing', phase, startDate: null, endDate: null, unitId: null, unitName: null,
      programme: null, published: true, countries: [], themes: [], goalIds: [], funding, ...projectMoney(funding, 100), participantsTotal: participants[0], participantsYouth: participants[1], results: [],
    });
    const t = reportTotals([
      project('started', [line('eu_grant', 1000), line('municipal_cash', 200, 'NOK')], [10, null]),
      project('started', [line('other_grant', 300), line('own_staff_time', null, 'SEK', 3)], [null, 4]),
      project('finished', [line('eu_grant', 50, 'EUR'), line('municipal_cash', 70)], [1, 1]),
    ]);
    expect(t).toMatchObject({ started: 2, ongoing: 0, finished: 1, euSekMinor: 1000, otherGrantsSekMinor: 300, externalSekMinor: 1300, ownCashSekMinor: 70, ownHours: 3, ownHoursValueSekMinor: 300, participantsTotal: 11, participantsYouth: 5 });
    expect(t.otherCurrencies).toEqual([{ currency: 'EUR', externalMinor: 50, ownCashMinor: 0 }, { currency: 'NOK', externalMinor: 0, ownCashMinor: 200 }]);
  });
});
