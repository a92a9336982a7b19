/**
 * Languages and messages. Swedish first, English second; every message exists in both (the type
 * of `MESSAGES` enforces it). Pages call `t(lang, key, params)`.
 */
import { MESSAGES } from './messages.js';

export type Lang = 'sv' | 'en';
export const LANGS: readonly Lang[] = ['sv', 'en'];
export type MessageKey = keyof typeof MESSAGES;

/** Formats a message; `{name}` placeholders are replaced with params (plain text, escaped later by JSX). */
export function t(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const template: string = MESSAGES[key][lang];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    return v === undefined ? `{${name}}` : typeof v === 'number' ? formatNumber(lang, v) : v;
  });
}

const numberFormats = { sv: new Intl.NumberFormat('sv-SE'), en: new Intl.NumberFormat('en-GB') };
export function formatNumber(lang: Lang, n: number): string {
  return numberFormats[lang].format(n);
}

/** Money from minor units, e.g. 800000000 SEK → "8 000 000 kr" / "SEK 8,000,000". */
export function formatMoney(lang: Lang, minor: number, currency: string): string {
  const decimals = minor % 100 === 0 ? 0 : 2;
  const key = `${lang}|${currency}|${decimals}`;
  let format = moneyFormats.get(key);
  if (!format) {
    // Building an Intl.NumberFormat costs ~50 µs: keep one per language, currency and precision.
    format = new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { style: 'currency', currency, maximumFractionDigits: decimals });
    moneyFormats.set(key, format);
  }
  return format.format(minor / 100);
}
const moneyFormats = new Map<string, Intl.NumberFormat>();

const regionNames = { sv: new Intl.DisplayNames(['sv'], { type: 'region' }), en: new Intl.DisplayNames(['en'], { type: 'region' }) };
/** Country name from an ISO 3166-1 alpha-2 code, or undefined when the code is not a country. */
export function countryName(lang: Lang, code: string): string | undefined {
  if (!/^[A-Z]{2}$/.test(code)) return undefined;
  try {
    const name = regionNames[lang].of(code);
    return name && name !== code ? name : undefined;
  } catch {
    return undefined;
  }
}

const MONTHS_SV = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A full date as people write it: "12 november 2012" / "12 November 2012". */
export function formatDate(lang: Lang, iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  return `${d} ${(lang === 'sv' ? MONTHS_SV : MONTHS_EN)[m - 1]} ${y}`;
}

/** A date range with a precision, as the documents state it: "hösten 1992", "1989–1990", "1940-talet–1950-talet". */
export function formatFuzzyDate(lang: Lang, from: string, to: string, precision: string): string {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty] = to.split('-').map(Number) as [number];
  switch (precision) {
    case 'day':
      return formatDate(lang, from);
    case 'month':
      return `${(lang === 'sv' ? MONTHS_SV : MONTHS_EN)[fm - 1]} ${fy}`;
    case 'season': {
      const season = fm >= 3 && fm <= 5 ? 0 : fm >= 6 && fm <= 8 ? 1 : fm >= 9 && fm <= 11 ? 2 : 3;
      const sv = ['våren', 'sommaren', 'hösten', 'vintern'][season];
      const en = ['spring', 'summer', 'autumn', 'winter'][season];
      return lang === 'sv' ? `${sv} ${fy}` : `${en} ${fy}`;
    }
    case 'decade': {
      const a = Math.floor(fy / 10) * 10;
      const b = Math.floor(ty / 10) * 10;
      const one = (d: number) => (lang === 'sv' ? `${d}-talet` : `${d}s`);
      return a === b ? one(a) : `${one(a)}–${one(b)}`;
    }
    default:
      return fy === ty ? String(fy) : `${fy}–${ty}`;
  }
}

/** The other language, for the language switch. */
export function otherLang(lang: Lang): Lang {
  return lang === 'sv' ? 'en' : 'sv';
}

/** Path of a public page in a language: Swedish at the root, English under /en. */
export function localePath(lang: Lang, path: string): string {
  const p = path.startsWith('/') ? path : `/${path}`;
  if (lang === 'sv') return p;
  return p === '/' ? '/en' : `/en${p}`;
}

/** A text in both languages, as the features' message tables hold them. */
export type Text = { sv: string; en: string };

/** The text in the language, with `{name}` placeholders filled in when `params` are given. */
export function tr(text: Text, lang: Lang, params?: Record<string, string | number>): string {
  return params ? fill(text[lang], params) : text[lang];
}

/** Labels of a form's fields in the language, for `parseForm`'s generic messages. */
export function labelsIn(labels: Record<string, Text>, lang: Lang): Record<string, string> {
  return Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, v[lang]]));
}

/** `text` with its `{name}` placeholders filled in; unknown names are left as they are. */
export function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}
