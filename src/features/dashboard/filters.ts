/**
 * The dashboard's filters from the query string: a period (from year – to year, or a half-year)
 * and a unit. Every problem is reported at once, as field errors for the GET form; nothing here
 * throws on bad input.
 */
import { type Lang, tr } from '../../i18n/index.js';
import type { FormErrors } from '../../ui/forms.js';
import { type HalfYear, halfYearLabel, parseHalfYear } from '../reports/period.js';
import { D } from './messages.js';

export type Period = { kind: 'years'; from: number; to: number } | { kind: 'half'; half: HalfYear };

export interface DashboardFilter {
  period: Period;
  /** The chosen unit (an internal organisation), or null for the whole municipality. */
  unitId: number | null;
}

/** The form's values as typed, given back when something is wrong. */
export interface FilterInput {
  fran: string;
  till: string;
  halvar: string;
  enhet: string;
}

export type FilterResult = { ok: true; filter: DashboardFilter; input: FilterInput } | { ok: false; errors: FormErrors; input: FilterInput };

/** The default period: the last five calendar years up to the current one. */
export const DEFAULT_YEARS = 5;
/** The longest period the charts show, in years. */
export const MAX_YEARS = 30;
const NAMES = ['fran', 'till', 'halvar', 'enhet'] as const;
const YEAR_RE = /^\d{4}$/;

/** The period's first and last day (ISO dates). */
export function periodRange(p: Period): { start: string; end: string } {
  return p.kind === 'half' ? { start: p.half.start, end: p.half.end } : { start: `${p.from}-01-01`, end: `${p.to}-12-31` };
}

/** The years the period's charts have a bar for. */
export function periodYears(p: Period): number[] {
  if (p.kind === 'half') return [p.half.year];
  return Array.from({ length: p.to - p.from + 1 }, (_, i) => p.from + i);
}

/** The period as a name: "2022–2026", "2026", "första halvåret 2026". */
export function periodName(p: Period, lang: Lang): string {
  if (p.kind === 'half') return halfYearLabel(p.half, lang);
  return p.from === p.to ? String(p.from) : `${p.from}–${p.to}`;
}

/** The period inside a sentence: "2022–2026" / "in 2022–2026", "första halvåret 2026" / "in the first half of 2026". */
export function periodPhrase(p: Period, lang: Lang): string {
  if (lang === 'sv') return periodName(p, lang);
  return p.kind === 'half' ? `in the ${periodName(p, lang)}` : `in ${periodName(p, lang)}`;
}

/** The period in a file name: `2022-2026`, `2026`, `2026H1`. */
export function periodSlug(p: Period): string {
  if (p.kind === 'half') return p.half.key;
  return p.from === p.to ? String(p.from) : `${p.from}-${p.to}`;
}

/** The filter as query parameters (defaults left out), for links to exports. */
export function filterQuery(f: DashboardFilter, currentYear: number): URLSearchParams {
  const q = new URLSearchParams();
  if (f.period.kind === 'half') q.set('halvar', f.period.half.key);
  else if (f.period.from !== currentYear - DEFAULT_YEARS + 1 || f.period.to !== currentYear) {
    q.set('fran', String(f.period.from));
    q.set('till', String(f.period.to));
  }
  if (f.unitId !== null) q.set('enhet', String(f.unitId));
  return q;
}

/**
 * Reads and checks the filters of a raw query string. `unitIds` are the municipality's units
 * (any other id is an error); `currentYear` gives the default period. Unknown parameters are ignored.
 * @example parseFilter('fran=2020&till=2024', 'sv', 2026, new Set([3])) // { ok: true, filter: { period: { kind: 'years', from: 2020, to: 2024 }, unitId: null }, … }
 */
export function parseFilter(rawQuery: string, lang: Lang, currentYear: number, unitIds: ReadonlySet<number>): FilterResult {
  const params = new URLSearchParams(rawQuery);
  const errors: FormErrors = {};
  const label = { fran: tr(D.from, lang), till: tr(D.to, lang), halvar: tr(D.half, lang), enhet: tr(D.unit, lang) };
  const input = {} as FilterInput;
  for (const name of NAMES) {
    const all = params.getAll(name);
    input[name] = (all[0] ?? '').trim();
    if (all.length > 1) errors[name] = tr(D.repeated, lang, { name: label[name] });
  }
  /** The year typed in a field: null when empty, undefined when wrong (and the error noted). */
  const year = (name: 'fran' | 'till'): number | null | undefined => {
    const v = input[name];
    if (v === '') return null;
    const n = Number(v);
    if (YEAR_RE.test(v) && n >= 1900 && n <= 2200) return n;
    errors[name] ??= tr(D.badYear, lang, { name: label[name] });
    return undefined;
  };
  const fromTyped = year('fran');
  const toTyped = year('till');
  // One year left empty: the other end of the default length (from alone: up to this year).
  const to = toTyped ?? (typeof fromTyped === 'number' ? Math.max(fromTyped, currentYear) : currentYear);
  const from = fromTyped ?? (typeof toTyped === 'number' ? toTyped - DEFAULT_YEARS + 1 : currentYear - DEFAULT_YEARS + 1);
  if (!errors.fran && !errors.till) {
    if (to < from) errors.till = tr(D.badOrder, lang);
    else if (to - from + 1 > MAX_YEARS) errors.fran = tr(D.badSpan, lang, { n: MAX_YEARS });
  }
  const half = input.halvar === '' ? null : parseHalfYear(input.halvar);
  if (input.halvar !== '' && !half) errors.halvar ??= tr(D.badHalf, lang);
  let unitId: number | null = null;
  if (input.enhet !== '') {
    const n = /^[1-9]\d{0,14}$/.test(input.enhet) ? Number(input.enhet) : Number.NaN;
    if (unitIds.has(n)) unitId = n;
    else errors.enhet ??= tr(D.badUnit, lang);
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, input };
  const period: Period = half ? { kind: 'half', half } : { kind: 'years', from, to };
  return { ok: true, filter: { period, unitId }, input };
}
