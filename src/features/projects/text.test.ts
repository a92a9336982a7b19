import { describe, expect, it } from 'vitest';
import { searchTerms, swedishStem } from './text.js';

describe('swedishStem', () => {
  it.each([
    ['vänorter', 'vänort'],
    ['vänorterna', 'vänort'],
    ['vänort', 'vänort'],
    ['entreprenörer', 'entreprenör'],
    ['entreprenör', 'entreprenör'],
    ['ungdomar', 'ungdom'],
    ['projekten', 'projekt'],
    ['norge', 'norg'],
    ['eu', 'eu'],
  ])('%s → %s', (word, stem) => {
    expect(swedishStem(word)).toBe(stem);
  });
});

describe('searchTerms', () => {
  it('lower-cases, keeps å ä ö, splits on punctuation and drops duplicates', () => {
    expect(searchTerms('Vänort, ÅLAND  vänort!').map((t) => t.word)).toEqual(['vänort', 'åland']);
  });
  it('treats short words as prefixes', () => {
    expect(searchTerms('EU')).toEqual([{ word: 'eu', stem: 'eu', prefixOnly: true }]);
  });
  it('returns nothing for blank or punctuation-only input', () => {
    expect(searchTerms('   ')).toEqual([]);
    expect(searchTerms('"*()')).toEqual([]);
    expect(searchTerms(undefined)).toEqual([]);
  });
  it('caps the number of terms', () => {
    expect(searchTerms('a b c d e f g h i j k').length).toBe(8);
  });
});
