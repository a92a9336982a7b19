import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, isIsoDate, PLAN_EVALUATION_WINDOW_DAYS, planEvaluationDue, REVIEW_DUE_WINDOW_MONTHS, strategyReviewDue, termOfOfficeOn } from './cycles.js';

describe('termOfOfficeOn', () => {
  it('turns on 15 October of the election year', () => {
    expect(termOfOfficeOn('2026-10-14')).toEqual({ start: '2022-10-15', end: '2026-10-14', electionYear: 2022 });
    expect(termOfOfficeOn('2026-10-15')).toEqual({ start: '2026-10-15', end: '2030-10-14', electionYear: 2026 });
    expect(termOfOfficeOn('2022-10-14')).toEqual({ start: '2018-10-15', end: '2022-10-14', electionYear: 2018 });
    expect(termOfOfficeOn('2022-10-15').electionYear).toBe(2022);
    expect(termOfOfficeOn('2030-10-14').electionYear).toBe(2026);
    expect(termOfOfficeOn('2030-10-15')).toEqual({ start: '2030-10-15', end: '2034-10-14', electionYear: 2030 });
  });

  it('keeps the old term through election day in September', () => {
    // Election day 2026 is in September; the new council takes over on 15 October.
    expect(termOfOfficeOn('2026-09-13').electionYear).toBe(2022);
    expect(termOfOfficeOn('2026-01-01').electionYear).toBe(2022);
    expect(termOfOfficeOn('2026-12-31').electionYear).toBe(2026);
  });

  it('handles years between elections, leap days and the past', () => {
    expect(termOfOfficeOn('2024-02-29')).toEqual({ start: '2022-10-15', end: '2026-10-14', electionYear: 2022 });
    expect(termOfOfficeOn('2028-02-29').electionYear).toBe(2026);
    expect(termOfOfficeOn('2023-06-01').electionYear).toBe(2022);
    expect(termOfOfficeOn('2025-10-14').electionYear).toBe(2022);
    // Arvika's strategy, adopted 12 November 2012, in the term 2010–2014.
    expect(termOfOfficeOn('2012-11-12')).toEqual({ start: '2010-10-15', end: '2014-10-14', electionYear: 2010 });
    expect(termOfOfficeOn('1998-10-15').electionYear).toBe(1998);
  });

  it('every date lies in its term, and terms follow each other without gaps', () => {
    const day = fc.integer({ min: 0, max: 40_000 }).map((d) => new Date(Date.UTC(1995, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, (date) => {
        const term = termOfOfficeOn(date);
        expect(term.start <= date && date <= term.end).toBe(true);
        expect(Math.abs((term.electionYear - 2022) % 4)).toBe(0);
        expect(termOfOfficeOn(addDays(term.end, 1)).start).toBe(addDays(term.end, 1));
        expect(termOfOfficeOn(addDays(term.start, -1)).end).toBe(addDays(term.start, -1));
      }),
    );
  });
});

describe('strategyReviewDue', () => {
  it('a strategy adopted in 2012 and never reviewed is overdue since its next term ended in 2018', () => {
    expect(strategyReviewDue('2012-11-12', null, '2026-05-01')).toEqual({ dueOn: '2018-10-14', state: 'overdue' });
    expect(strategyReviewDue('2012-11-12', null, '2018-10-14')).toEqual({ dueOn: '2018-10-14', state: 'due' });
    expect(strategyReviewDue('2012-11-12', null, '2018-10-15')).toEqual({ dueOn: '2018-10-14', state: 'overdue' });
  });

  it('after a review in this term, the next one is due by the end of the next term', () => {
    expect(strategyReviewDue('2012-11-12', '2023-03-01', '2026-05-01')).toEqual({ dueOn: '2030-10-14', state: 'not_due' });
    // Reviewed on the last day of a term: that term is covered, the next one has its own.
    expect(strategyReviewDue('2012-11-12', '2026-10-14', '2026-10-14')).toEqual({ dueOn: '2030-10-14', state: 'not_due' });
    // Reviewed on the first day of a term: due by the end of the term after it.
    expect(strategyReviewDue('2012-11-12', '2026-10-15', '2026-10-15')).toEqual({ dueOn: '2034-10-14', state: 'not_due' });
  });

  it('a review in the previous term makes this term’s review due in the last months before it ends', () => {
    expect(REVIEW_DUE_WINDOW_MONTHS).toBe(3);
    const reviewed = '2019-05-20'; // in the term 2018–2022: next due by 2026-10-14
    expect(strategyReviewDue(null, reviewed, '2026-07-13')).toEqual({ dueOn: '2026-10-14', state: 'not_due' });
    expect(strategyReviewDue(null, reviewed, '2026-07-14')).toEqual({ dueOn: '2026-10-14', state: 'due' });
    expect(strategyReviewDue(null, reviewed, '2026-10-14')).toEqual({ dueOn: '2026-10-14', state: 'due' });
    expect(strategyReviewDue(null, reviewed, '2026-10-15')).toEqual({ dueOn: '2026-10-14', state: 'overdue' });
  });

  it('uses the later of adoption and review, whichever order they come in', () => {
    // Adopted anew (a revised strategy) after the last review of the old text.
    expect(strategyReviewDue('2023-02-01', '2019-01-01', '2024-01-01')).toEqual({ dueOn: '2030-10-14', state: 'not_due' });
    expect(strategyReviewDue('2019-01-01', '2023-02-01', '2024-01-01')).toEqual({ dueOn: '2030-10-14', state: 'not_due' });
    // Adopted just before the 2022 term began: covered 2018–2022, due by the end of 2022–2026.
    expect(strategyReviewDue('2022-10-14', null, '2024-01-01')).toEqual({ dueOn: '2026-10-14', state: 'not_due' });
    expect(strategyReviewDue('2022-10-15', null, '2024-01-01')).toEqual({ dueOn: '2030-10-14', state: 'not_due' });
    // Leap day adoption.
    expect(strategyReviewDue('2024-02-29', null, '2030-08-01')).toEqual({ dueOn: '2030-10-14', state: 'due' });
  });

  it('is unknown without any date', () => {
    expect(strategyReviewDue(null, null, '2026-01-01')).toEqual({ dueOn: null, state: 'unknown' });
    expect(strategyReviewDue('', 'not a date', '2026-01-01')).toEqual({ dueOn: null, state: 'unknown' });
    expect(strategyReviewDue('2026-02-30', null, '2026-01-01')).toEqual({ dueOn: null, state: 'unknown' });
  });
});

describe('planEvaluationDue', () => {
  it('is due every other year from the start of the period, 60 days ahead, overdue after', () => {
    expect(PLAN_EVALUATION_WINDOW_DAYS).toBe(60);
    expect(planEvaluationDue('2025-01-01', 24, null, '2026-11-01')).toEqual({ dueOn: '2027-01-01', state: 'not_due' });
    // 60 days before 2027-01-01 is 2026-11-02.
    expect(planEvaluationDue('2025-01-01', 24, null, '2026-11-02')).toEqual({ dueOn: '2027-01-01', state: 'due' });
    expect(planEvaluationDue('2025-01-01', 24, null, '2027-01-01')).toEqual({ dueOn: '2027-01-01', state: 'due' });
    expect(planEvaluationDue('2025-01-01', 24, null, '2027-01-02')).toEqual({ dueOn: '2027-01-01', state: 'overdue' });
  });

  it('counts from the latest evaluation when there is one', () => {
    expect(planEvaluationDue('2021-01-01', 24, '2025-03-15', '2026-01-01')).toEqual({ dueOn: '2027-03-15', state: 'not_due' });
    expect(planEvaluationDue('2021-01-01', 12, '2025-03-15', '2026-03-01')).toEqual({ dueOn: '2026-03-15', state: 'due' });
  });

  it('clamps month ends and leap days', () => {
    expect(planEvaluationDue('2024-02-29', 24, null, '2024-03-01').dueOn).toBe('2026-02-28');
    expect(planEvaluationDue('2024-02-29', 48, null, '2024-03-01').dueOn).toBe('2028-02-29');
    expect(planEvaluationDue('2025-08-31', 6, null, '2025-09-01').dueOn).toBe('2026-02-28');
  });

  it('is unknown with missing or unusable input', () => {
    expect(planEvaluationDue(null, 24, null, '2026-01-01')).toEqual({ dueOn: null, state: 'unknown' });
    expect(planEvaluationDue('', 24, null, '2026-01-01').state).toBe('unknown');
    expect(planEvaluationDue('2025-01-01', 0, null, '2026-01-01').state).toBe('unknown');
    expect(planEvaluationDue('2025-01-01', 1.5, null, '2026-01-01').state).toBe('unknown');
    expect(planEvaluationDue('2025-13-01', 24, null, '2026-01-01').state).toBe('unknown');
  });
});

describe('date helpers', () => {
  it('adds months and days across year ends and leap years', () => {
    expect(addMonths('2026-10-14', -3)).toBe('2026-07-14');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-02-15', -14)).toBe('2024-12-15');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-2-28')).toBe(false);
  });
});
