import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterQuery, parseFilter, periodName, periodPhrase, periodRange, periodSlug, periodYears } from './filters.js';

const UNITS = new Set([3, 7]);

describe('parseFilter', () => {
  it('defaults to the last five calendar years and the whole municipality', () => {
    const r = parseFilter('', 'sv', 2026, UNITS);
    expect(r).toEqual({ ok: true, filter: { period: { kind: 'years', from: 2022, to: 2026 }, unitId: null }, input: { fran: '', till: '', halvar: '', enhet: '' } });
  });

  it('fills in the other end of a period given by one year', () => {
    const from = parseFilter('fran=2019', 'sv', 2026, UNITS);
    expect(from.ok && from.filter.period).toEqual({ kind: 'years', from: 2019, to: 2026 });
    const to = parseFilter('till=2020', 'sv', 2026, UNITS);
    expect(to.ok && to.filter.period).toEqual({ kind: 'years', from: 2016, to: 2020 });
  });

  it('a half-year wins over the years, and a unit of the municipality is kept', () => {
    const r = parseFilter('fran=2020&till=2024&halvar=2025h2&enhet=7', 'sv', 2026, UNITS);
    expect(r.ok && r.filter).toEqual({ period: { kind: 'half', half: { key: '2025H2', year: 2025, half: 2, start: '2025-07-01', end: '2025-12-31' } }, unitId: 7 });
  });

  it('reports every problem at once, keyed by field, in the language', () => {
    const r = parseFilter('fran=20x1&till=1899&halvar=2026H3&enhet=99', 'sv', 2026, UNITS);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual({
      fran: 'Från år ska vara ett årtal mellan 1900 och 2200, till exempel 2022.',
      till: 'Till år ska vara ett årtal mellan 1900 och 2200, till exempel 2022.',
      halvar: 'Skriv halvåret som 2026H1 (januari–juni) eller 2026H2 (juli–december).',
      enhet: 'Välj en enhet i listan.',
    });
    expect(r.input).toEqual({ fran: '20x1', till: '1899', halvar: '2026H3', enhet: '99' });
    const en = parseFilter('fran=2024&till=2020&enhet=3&enhet=7', 'en', 2026, UNITS);
    expect(!en.ok && en.errors).toEqual({ till: 'The to year cannot be before the from year.', enhet: 'Unit can only be given once.' });
  });

  it('refuses a period longer than 30 years', () => {
    expect(parseFilter('fran=1990&till=2019', 'sv', 2026, UNITS).ok).toBe(true);
    const r = parseFilter('fran=1990&till=2020', 'sv', 2026, UNITS);
    expect(!r.ok && r.errors.fran).toBe('Perioden får vara högst 30 år.');
  });

  it('never throws, whatever the query string', () => {
    fc.assert(
      fc.property(fc.string(), (q) => {
        const r = parseFilter(q, 'sv', 2026, UNITS);
        if (r.ok && r.filter.period.kind === 'years') expect(r.filter.period.to - r.filter.period.from).toBeLessThan(30);
      }),
    );
  });
});

describe('periods', () => {
  const years = { kind: 'years', from: 2022, to: 2026 } as const;
  const half = { kind: 'half', half: { key: '2026H1', year: 2026, half: 1, start: '2026-01-01', end: '2026-06-30' } } as const;
  it('names, ranges, years and file names', () => {
    expect([periodName(years, 'sv'), periodName(half, 'sv'), periodName({ kind: 'years', from: 2025, to: 2025 }, 'en')]).toEqual(['2022–2026', 'första halvåret 2026', '2025']);
    expect([periodPhrase(years, 'en'), periodPhrase(half, 'en')]).toEqual(['in 2022–2026', 'in the first half of 2026']);
    expect([periodRange(years), periodRange(half)]).toEqual([{ start: '2022-01-01', end: '2026-12-31' }, { start: '2026-01-01', end: '2026-06-30' }]);
    expect([periodYears(years), periodYears(half)]).toEqual([[2022, 2023, 2024, 2025, 2026], [2026]]);
    expect([periodSlug(years), periodSlug(half)]).toEqual(['2022-2026', '2026H1']);
  });

  it('leaves the default period out of links', () => {
    expect(filterQuery({ period: years, unitId: null }, 2026).toString()).toBe('');
    expect(filterQuery({ period: years, unitId: 3 }, 2027).toString()).toBe('fran=2022&till=2026&enhet=3');
    expect(filterQuery({ period: half, unitId: null }, 2026).toString()).toBe('halvar=2026H1');
  });
});
