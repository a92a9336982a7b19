/**
 * Matching organisation names as outside registers write them ("ARVIKA KOMMUN", "Lysekil Kommun",
 * "Höganäs Omsorg (Höganäs Kommun)", "Umeå Energi AB") against a municipality and its own
 * organisations, robustly but without false positives: "Ale kommun" is not "Malå kommun" nor
 * "Vale…", and Håbo is not Habo (å, ä and ö stay distinct letters).
 */

/** Comparison form of an organisation name: lower case, punctuation as spaces, no "AB". */
export function orgKey(name: string): string {
  return tokens(name).join(' ');
}

const DROP = new Set(['ab', 'aktiebolag', 'publ', 'the']);

export function tokens(name: string): string[] {
  return name
    .normalize('NFKC')
    .toLocaleLowerCase('sv')
    .replace(/[’'`´"“”«»]/g, '')
    .replace(/[.,;:()[\]{}/\\&+!?*_|]/g, ' ')
    .replace(/\s*[-–—]\s*/g, '-')
    .split(/\s+/)
    .map((t) => t.replace(/^-+|-+$/g, ''))
    .filter((t) => t !== '' && !DROP.has(t));
}

/** Words after a municipality's name that make it the municipality itself. */
const MUNICIPALITY_WORDS = new Set(['kommun', 'kommuns', 'stad', 'stads']);

export interface MunicipalityNames {
  /** The municipality's name as stored, e.g. "Ale kommun", "Malmö stad", "Region Gotland". */
  name: string;
  /** The short name from the official list, e.g. "Ale", "Falun". */
  shortName?: string | null;
}

/** The name variants (as token lists) a municipality may be written with before "kommun". */
export function municipalityStems(m: MunicipalityNames): string[][] {
  const stems = new Map<string, string[]>();
  const addStem = (words: string[]) => {
    if (words.length === 0) return;
    const last = words[words.length - 1] as string;
    // With and without the genitive s: "Lysekils kommun" and "Lysekil Kommun" are both written.
    const forms = last.endsWith('s') && last.length > 3 ? [last, last.slice(0, -1)] : [last, `${last}s`];
    for (const f of forms) {
      const variant = [...words.slice(0, -1), f];
      stems.set(variant.join(' '), variant);
    }
  };
  for (const name of [m.name, m.shortName]) {
    if (!name) continue;
    let words = tokens(name);
    if (words[0] === 'region' && words.length > 1) words = words.slice(1);
    while (words.length > 1 && MUNICIPALITY_WORDS.has(words[words.length - 1] as string)) words = words.slice(0, -1);
    addStem(words);
  }
  return [...stems.values()];
}

const startsAt = (haystack: string[], needle: string[], at: number) => needle.every((w, i) => haystack[at + i] === w);

/**
 * A matcher for one municipality: true when `name` is the municipality itself or one of its units
 * named after it ("Arvika kommun", "Marks kommun, Arbetsmarknadsenheten", "Höganäs Omsorg
 * (Höganäs Kommun)"). `others` are the other municipalities' stems: a longer name that ends in
 * this one's ("Upplands Väsby" against a hypothetical "Väsby") is not a match.
 */
export function municipalityMatcher(m: MunicipalityNames, others: MunicipalityNames[] = []): (name: string) => boolean {
  const stems = municipalityStems(m);
  const longer = others.flatMap(municipalityStems).filter((o) => stems.some((s) => o.length > s.length && startsAt(o, s, o.length - s.length)));
  const region = tokens(m.name)[0] === 'region' ? tokens(m.name) : null;
  return (name: string) => {
    const t = tokens(name);
    if (region && t.length >= region.length && t.some((_, i) => startsAt(t, region, i))) return true;
    for (const stem of stems) {
      for (let i = 0; i + stem.length < t.length; i++) {
        if (!startsAt(t, stem, i) || !MUNICIPALITY_WORDS.has(t[i + stem.length] as string)) continue;
        if (longer.some((o) => i + stem.length - o.length >= 0 && startsAt(t, o, i + stem.length - o.length))) continue;
        return true;
      }
    }
    return false;
  };
}

/** True when some stem of the municipality appears as whole words in `name` (a possible match to offer). */
export function mentionsMunicipality(m: MunicipalityNames): (name: string) => boolean {
  const stems = municipalityStems(m);
  return (name: string) => {
    const t = tokens(name);
    return stems.some((s) => t.some((_, i) => startsAt(t, s, i)));
  };
}
