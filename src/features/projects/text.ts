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

/**
 * The rows whose text matches every term, by the same rule as the database indexes: a long term's
 * stem anywhere in the text (trigram index), a short term at the start of a word (word index).
 * `texts` are lower-cased search texts; returns the indexes of the matching texts.
 */
export function matchInMemory(texts: readonly string[], terms: SearchTerm[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i] as string;
    if (terms.every((term) => (term.prefixOnly ? startsAWord(text, term.stem) : text.includes(term.stem)))) out.push(i);
  }
  return out;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

function startsAWord(text: string, prefix: string): boolean {
  for (let at = text.indexOf(prefix); at >= 0; at = text.indexOf(prefix, at + 1)) {
    if (at === 0 || !WORD_CHAR.test(text[at - 1] as string)) return true;
  }
  return false;
}
