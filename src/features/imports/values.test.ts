import { describe, expect, it } from 'vitest';
import { checkMapping, fieldForHeader, proposeMapping } from './fields.js';
import { countryCode, parseProjectUrl, splitPartner } from './lookups.js';
import { cellText, parseCount, parseDate, parseDecimal, parseMoneyMinor, parseYear, splitList } from './values.js';

describe('cell values', () => {
  it('reads decimal numbers the Swedish and the English way', () => {
    const cases: [string | number, number][] = [
      ['1 234,50', 1234.5],
      ['1\u00a0234,50', 1234.5],
      ['1\u202f234', 1234],
      ['1234,5', 1234.5],
      ['1234.50', 1234.5],
      ['1,234.50', 1234.5],
      ['1.234,50', 1234.5],
      ['1.234.567', 1234567],
      ['12 000 kr', 12000],
      ['€ 99', 99],
      ['−5', -5],
      ['-0,5', -0.5],
      [42, 42],
    ];
    for (const [input, expected] of cases) expect(parseDecimal(input).value, String(input)).toBe(expected);
    for (const bad of ['abc', '1,2,3', '1.2.3,4,5', '12-3', '1e5', 'NaN']) expect(parseDecimal(bad).error, bad).toBeDefined();
    expect(parseDecimal(null).value).toBeNull();
    expect(parseDecimal('  ').value).toBeNull();
  });

  it('reads money as minor units with at most two decimals', () => {
    expect(parseMoneyMinor('1 234,50').value).toBe(123450);
    expect(parseMoneyMinor(0.1 + 0.2).value).toBe(30);
    expect(parseMoneyMinor(1234.5).value).toBe(123450);
    expect(parseMoneyMinor('1,234').error?.sv).toMatch(/decimaler/);
    expect(parseMoneyMinor('-5').error?.en).toMatch(/negative/);
    expect(parseMoneyMinor('').value).toBeNull();
  });

  it('reads counts and years', () => {
    expect(parseCount('12').value).toBe(12);
    expect(parseCount('12,0').value).toBe(12);
    expect(parseCount('1,5').error).toBeDefined();
    expect(parseYear('2026').value).toBe(2026);
    expect(parseYear('1750').error).toBeDefined();
    expect(parseYear('tjugo').error?.sv).toMatch(/årtal/);
  });

  it('reads dates in ISO form, day-first with dots, and Excel serial numbers', () => {
    expect(parseDate('2026-03-01').value).toBe('2026-03-01');
    expect(parseDate('2026-3-1').value).toBe('2026-03-01');
    expect(parseDate('2026-03-01 00:00:00').value).toBe('2026-03-01');
    expect(parseDate('20260301').value).toBe('2026-03-01');
    expect(parseDate('1.3.2026').value).toBe('2026-03-01');
    expect(parseDate(46082).value).toBe('2026-03-01');
    expect(parseDate('2026-02-30').error?.sv).toMatch(/ÅÅÅÅ-MM-DD/);
    expect(parseDate('03/01/2026').error).toBeDefined();
    expect(parseDate('igår').error).toBeDefined();
  });

  it('undoes the export’s formula defusing and splits lists', () => {
    expect(cellText("'=SUMMA(A1)")).toBe('=SUMMA(A1)');
    expect(cellText("'-5")).toBe('-5');
    expect(cellText("'ordinary")).toBe("'ordinary");
    expect(cellText('a\r\nb')).toBe('a\nb');
    expect(splitList('Kultur; Utbildning,Miljö', 'any')).toEqual(['Kultur', 'Utbildning', 'Miljö']);
    expect(splitList('Marks kommun, AME; Tampere (Finland)', 'semicolon')).toEqual(['Marks kommun, AME', 'Tampere (Finland)']);
  });

  it('splits a partner into name and country only when the parenthesis is a country', () => {
    expect(splitPartner('Tampere (Finland)')).toEqual({ name: 'Tampere', country: 'FI' });
    expect(splitPartner('Kongsvinger kommune (Norge)')).toEqual({ name: 'Kongsvinger kommune', country: 'NO' });
    expect(splitPartner('Höganäs Omsorg (Höganäs Kommun)')).toEqual({ name: 'Höganäs Omsorg (Höganäs Kommun)', country: null });
    expect(countryCode('tyskland')).toBe('DE');
    expect(countryCode('Germany')).toBe('DE');
    expect(countryCode('no')).toBe('NO');
    expect(countryCode('Atlantis')).toBeUndefined();
  });

  it('reads project addresses of Utblick', () => {
    expect(parseProjectUrl('http://localhost:3000/ale/projekt/12')).toEqual({ slug: 'ale', id: 12 });
    expect(parseProjectUrl('https://x.se/en/arvika/projekt/7?urval=q')).toEqual({ slug: 'arvika', id: 7 });
    expect(parseProjectUrl('https://x.se/ale/projekt')).toBeNull();
  });
});

describe('mapping', () => {
  it('proposes the export’s own headers in both languages', () => {
    expect(proposeMapping(['Nummer', 'Titel', 'Typ', 'Startdatum', 'Budget (kr)', 'Budget (euro)', 'Egen tid (timmar)', 'Webbadress'])).toEqual([
      'id', 'title_sv', 'kind', 'start_date', 'budget_sek', 'budget_eur', 'staff_hours', 'url',
    ]);
    expect(proposeMapping(['Number', 'Title', 'Municipality’s role', 'Summary', 'Web address'])).toEqual(['id', 'title_en', 'role', 'summary_en', 'url']);
  });

  it('proposes common Swedish and English header names, case and spacing aside', () => {
    expect(fieldForHeader('  PROJEKTNAMN ')).toBe('title_sv');
    expect(fieldForHeader('Ansvarig förvaltning')).toBe('unit');
    expect(fieldForHeader("Municipality's role")).toBe('role');
    expect(fieldForHeader('Extern referens')).toBe('external_ref');
    expect(fieldForHeader('ID')).toBe('external_ref');
    expect(fieldForHeader('Kommentar')).toBeNull();
    // A field is proposed once: the second "Titel"-like column is left out.
    expect(proposeMapping(['Titel', 'Projektnamn'])).toEqual(['title_sv', null]);
  });

  it('checks a mapping', () => {
    expect(checkMapping(['A', 'B'], ['title_sv', 'title_sv'])[0]?.message.sv).toMatch(/flera kolumner/);
    expect(checkMapping(['A'], ['year'])[0]?.message.en).toMatch(/title, number or external reference/);
    expect(checkMapping(['A', 'B'], ['id', null])).toEqual([]);
  });
});
