import { describe, expect, it } from 'vitest';
import { EVALUATION_DUE_WINDOW_DAYS, evaluationDue, firstEvaluationDue } from './due.js';

describe('evaluationDue', () => {
  it('adds the cycle in calendar months from the last evaluation', () => {
    expect(evaluationDue('2022-11-21', 48, '2026-11-21')).toEqual({ dueOn: '2026-11-21', state: 'due' });
    expect(evaluationDue('2022-11-20', 48, '2026-11-21')).toEqual({ dueOn: '2026-11-20', state: 'overdue' });
    expect(evaluationDue('2025-01-10', 12, '2025-06-01')).toEqual({ dueOn: '2026-01-10', state: 'upcoming' });
  });

  it('clamps to the last day of a shorter month', () => {
    expect(evaluationDue('2025-01-31', 1, '2025-01-31').dueOn).toBe('2025-02-28');
    expect(evaluationDue('2023-01-31', 13, '2023-01-31').dueOn).toBe('2024-02-29');
    expect(evaluationDue('2025-08-31', 1, '2025-08-31').dueOn).toBe('2025-09-30');
    expect(evaluationDue('2025-12-31', 2, '2025-12-31').dueOn).toBe('2026-02-28');
  });

  it('handles leap days: four years from a leap day is a leap day, one year is 28 February', () => {
    expect(evaluationDue('2024-02-29', 48, '2024-03-01').dueOn).toBe('2028-02-29');
    expect(evaluationDue('2024-02-29', 12, '2024-03-01').dueOn).toBe('2025-02-28');
    expect(evaluationDue('2100-02-28', 48, '2100-03-01').dueOn).toBe('2104-02-28');
  });

  it('is due within the window before the due date and overdue the day after', () => {
    const dueOn = '2026-03-01';
    // 2026-03-01 minus 90 days: 2025-12-01 (Dec 31 + Jan 31 + Feb 28 = 90).
    expect(EVALUATION_DUE_WINDOW_DAYS).toBe(90);
    expect(evaluationDue('2022-03-01', 48, '2025-11-30').state).toBe('upcoming');
    expect(evaluationDue('2022-03-01', 48, '2025-12-01')).toEqual({ dueOn, state: 'due' });
    expect(evaluationDue('2022-03-01', 48, dueOn).state).toBe('due');
    expect(evaluationDue('2022-03-01', 48, '2026-03-02').state).toBe('overdue');
    expect(evaluationDue('2022-03-01', 48, '2025-12-31', 30).state).toBe('upcoming');
    expect(evaluationDue('2022-03-01', 48, '2026-01-30', 30).state).toBe('due');
  });
});

describe('firstEvaluationDue', () => {
  it('does not date an old, never evaluated partnership back to its start', () => {
    // Term of office 2026-10-15 – 2030-10-14: the previous one ended 2026-10-14.
    expect(firstEvaluationDue('1940-05-01', 48, '2026-11-21')).toEqual({ dueOn: '2026-10-14', state: 'overdue' });
    // A recent partnership counts from its start.
    expect(firstEvaluationDue('2025-03-01', 48, '2026-11-21')).toEqual({ dueOn: '2029-03-01', state: 'upcoming' });
    expect(firstEvaluationDue('2022-12-01', 48, '2026-11-21')).toEqual({ dueOn: '2026-12-01', state: 'due' });
  });
});
