import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFuzzyDate } from '../../../i18n/index.js';
import { parseFuzzyDate } from './fuzzy-date.js';

describe('parseFuzzyDate', () => {
  it.each([
    ['2012-11-12', '2012-11-12', '2012-11-12', 'day'],
    ['12 november 2012', '2012-11-12', '2012-11-12', 'day'],
    ['12 November 2012', '2012-11-12', '2012-11-12', 'day'],
    ['2024-02', '2024-02-01', '2024-02-29', 'month'],
    ['maj 1994', '1994-05-01', '1994-05-31', 'month'],
    ['hösten 1992', '1992-09-01', '1992-11-30', 'season'],
    ['Autumn 1992', '1992-09-01', '1992-11-30', 'season'],
    ['vintern 1999', '1999-12-01', '2000-02-29', 'season'],
    ['1992', '1992-01-01', '1992-12-31', 'year'],
    ['1989–1990', '1989-01-01', '1990-12-31', 'year'],
    ['1989 - 1990', '1989-01-01', '1990-12-31', 'year'],
    ['1940-talet', '1940-01-01', '1949-12-31', 'decade'],
    ['1940-talet–1950-talet', '1940-01-01', '1959-12-31', 'decade'],
    ['1940s–1950s', '1940-01-01', '1959-12-31', 'decade'],
  ])('%s', (input, from, to, precision) => {
    expect(parseFuzzyDate(input)).toEqual({ from, to, precision });
  });

  it.each(['', 'någon gång', '2012-02-30', '2012-13', '1990–1989', '1945-talet', 'hösten', '12 smörgås 2012', '0999', '1992-1-1-1', 'constructor 1992', '1 __proto__ 1992', 'tostring 1992', 'x'.repeat(100)])('refuses %j', (input) => {
    expect(parseFuzzyDate(input)).toBeUndefined();
  });

  it('reads back exactly what formatFuzzyDate writes, in both languages', () => {
    const text = fc.oneof(
      fc.tuple(fc.integer({ min: 1000, max: 2998 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${m}-${d}`),
      fc.tuple(fc.integer({ min: 1000, max: 2998 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${m}`),
      fc.tuple(fc.constantFrom('våren', 'sommaren', 'hösten', 'vintern'), fc.integer({ min: 1000, max: 2997 })).map(([s, y]) => `${s} ${y}`),
      fc.tuple(fc.integer({ min: 1000, max: 2998 }), fc.nat({ max: 30 })).map(([y, n]) => (n === 0 ? `${y}` : `${y}–${Math.min(2999, y + n)}`)),
      fc.tuple(fc.integer({ min: 100, max: 298 }), fc.nat({ max: 3 })).map(([d, n]) => `${d * 10}-talet–${Math.min(299, d + n) * 10}-talet`),
    );
    fc.assert(
      fc.property(text, fc.constantFrom('sv', 'en') as fc.Arbitrary<'sv' | 'en'>, (input, lang) => {
        const parsed = parseFuzzyDate(input);
        expect(parsed, input).toBeDefined();
        const shown = formatFuzzyDate(lang, parsed!.from, parsed!.to, parsed!.precision);
        expect(parseFuzzyDate(shown), shown).toEqual(parsed);
      }),
    );
  });
});
