import { describe, expect, it } from 'vitest';
import { overlaps } from '../../../reports/period.js';
import { projectSpan } from './counting.js';

describe('projectSpan', () => {
  it('uses the dates, else the year', () => {
    expect(projectSpan({ start_date: '2023-03-01', end_date: '2024-06-30', year: 2023 })).toEqual({ from: '2023-03-01', to: '2024-06-30' });
    expect(projectSpan({ start_date: null, end_date: null, year: 2024 })).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(projectSpan({ start_date: '2024-05-02', end_date: null, year: null })).toEqual({ from: '2024-05-02', to: '2024-05-02' });
    expect(projectSpan({ start_date: null, end_date: null, year: null })).toBeNull();
    // An end before the start (a typing error) is read as one day.
    expect(projectSpan({ start_date: '2024-05-02', end_date: '2024-01-01', year: null })).toEqual({ from: '2024-05-02', to: '2024-05-02' });
  });
});

describe('overlaps', () => {
  it('includes both ends of the period', () => {
    const span = { from: '2024-01-01', to: '2024-12-31' };
    expect(overlaps(span.from, span.to, '2024-12-31', '2025-06-01')).toBe(true);
    expect(overlaps(span.from, span.to, '2023-01-01', '2024-01-01')).toBe(true);
    expect(overlaps(span.from, span.to, '2025-01-01', '2025-06-01')).toBe(false);
    expect(overlaps(span.from, span.to, '2022-01-01', '2023-12-31')).toBe(false);
  });
});
