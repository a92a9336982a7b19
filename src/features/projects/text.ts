/**
 * Turning a search string into search terms the way Swedish works: lower-case, å/ä/ö kept as
 * letters of their own, common inflection endings removed so "vänorterna" searches "vänort", and
 * terms matched anywhere in a word so compounds ("vänortssamarbetet") are found.
 */

export interface SearchTerm {
  /** The word as typed, lower-cased. */
  word: string;
  /** What is matched inside words (a light Swedish stem), or the word itself when short. */
  stem: string;
  /** Short words (under 3 letters, e.g. "EU") match the start of a word instead. */
  prefixOnly: boolean;
}

// Longest first. Endings of plural, definite form and genitive; a stem keeps at least 4 letters.
const SUFFIXES = [
  'arnas', 'ernas', 'ornas', 'heten', 'heter', 'arna', 'erna', 'orna', 'ande', 'ende', 'aste', 'het', 'ens', 'ets',
  'are', 'ast', 'en', 'er', 'ar', 'or', 'et', 'na', 'ns', 'es', 'a', 'e', 's',
];

/** A light Swedish stemmer: removes at most one ending, never below four letters. */
export function swedishStem(word: string): string {
  for (const suffix of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 4) return word.slice(0, -suffix.length);
  }
  return word;
}

export const MAX_TERMS = 8;

/** Splits a search string into at most MAX_TERMS terms; returns [] for a blank string. */
export function searchTerms(q: string | undefined): SearchTerm[] {
  if (!q) return [];
  const words = q
    .normalize('NFC')
    .toLocaleLowerCase('sv')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .map((w) => w.slice(0, 50));
  const unique = [...new Set(words)].slice(0, MAX_TERMS);
  return unique.map((word) => {
    if (word.length < 3) return { word, stem: word, prefixOnly: true };
    return { word, stem: swedishStem(word), prefixOnly: false };
  });
}
