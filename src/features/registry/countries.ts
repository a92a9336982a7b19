/**
 * The countries an external organisation can be in: the ISO 3166-1 alpha-2 codes that
 * `countryName` (src/i18n) knows, less the codes that are not countries (deprecated or
 * exceptionally reserved codes, the EU, the UN, test codes). Kosovo (XK) stays: partner towns
 * there are real.
 */
import { countryName, type Lang } from '../../i18n/index.js';

const NOT_COUNTRIES = new Set([
  // deprecated codes that Intl still names
  'AN', 'BU', 'CS', 'DD', 'DY', 'FX', 'HV', 'NH', 'RH', 'SU', 'TP', 'UK', 'VD', 'YD', 'YU', 'ZR',
  // exceptionally reserved, unions, private use
  'AC', 'CP', 'CQ', 'DG', 'EA', 'EU', 'EZ', 'IC', 'TA', 'UN', 'QO', 'XA', 'XB', 'ZZ',
]);

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Every accepted country code, sorted by code. */
const COUNTRY_CODES: readonly string[] = [...LETTERS].flatMap((a) => [...LETTERS].map((b) => a + b)).filter((c) => !NOT_COUNTRIES.has(c) && countryName('sv', c) !== undefined);

const ACCEPTED = new Set(COUNTRY_CODES);

/** Whether `code` (upper case) is an accepted country code. */
export function isCountryCode(code: string): boolean {
  return ACCEPTED.has(code);
}

const collators = { sv: new Intl.Collator('sv'), en: new Intl.Collator('en') };
const optionCache = new Map<Lang, { value: string; label: string }[]>();

/** The countries as select options, sorted by name in the language. */
export function countryOptions(lang: Lang): { value: string; label: string }[] {
  let options = optionCache.get(lang);
  if (!options) {
    options = COUNTRY_CODES.map((c) => ({ value: c, label: countryName(lang, c) ?? c })).sort((a, b) => collators[lang].compare(a.label, b.label));
    optionCache.set(lang, options);
  }
  return options;
}
