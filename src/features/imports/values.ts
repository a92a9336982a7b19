/**
 * Parsers for single cells: text, numbers with decimal comma ("1 234,50"), money in minor units,
 * dates, and lists. Each returns `{ value }` or `{ error }`; none throws.
 */
import type { Cell } from './parse.js';
import { CELL, type Text } from './text.js';

export type Parsed<T> = { value: T; error?: undefined } | { value?: undefined; error: Text };

const ok = <T>(value: T): Parsed<T> => ({ value });
const fail = <T>(error: Text): Parsed<T> => ({ error });

/**
 * Our own CSV export prefixes text that starts with = + - @ (and a few look-alikes) with an
 * apostrophe so spreadsheet programs do not run it as a formula; reading it back removes it.
 */
const DEFUSED = /^'(?=[=+\-@\t\r＝＋－＠])/;

/** A cell as text: trimmed, NFC, line ends as \n, formula defusing undone; empty → null. */
export function cellText(cell: Cell): string | null {
  if (cell === null) return null;
  if (typeof cell === 'number') return String(cell);
  const s = cell.replace(/\r\n?/g, '\n').replace(DEFUSED, '').trim();
  return s === '' ? null : s;
}

/** Text with a maximum length; empty → null. */
export function parseText(cell: Cell, max: number): Parsed<string | null> {
  const s = cellText(cell);
  if (s !== null && s.length > max) return fail(CELL.tooLong(max));
  return ok(s);
}

const SPACES = /[\s\u00a0\u202f\u2009']/g;
const CURRENCY = /^(?:kr|sek|eur|euro|€|nok|dkk|:-)\s*|\s*(?:kr|sek|eur|euro|€|nok|dkk|:-)\.?$/gi;

/**
 * A decimal number as Swedes and others write it: "1 234,50", "1234,5", "1234.50", "1,234.50",
 * "1.234,50", with or without "kr"/"€"; a minus sign may be "-" or "−". A single comma is a decimal
 * comma (Swedish); several commas or dots in a row are thousands separators.
 */
export function parseDecimal(cell: Cell): Parsed<number | null> {
  if (cell === null) return ok(null);
  if (typeof cell === 'number') return Number.isFinite(cell) ? ok(cell) : fail(CELL.notNumber(String(cell)));
  const raw = cellText(cell);
  if (raw === null) return ok(null);
  let s = raw.replace(CURRENCY, '').replace(/\u2212/g, '-').replace(SPACES, '');
  const commas = (s.match(/,/g) ?? []).length;
  const dots = (s.match(/\./g) ?? []).length;
  if (commas > 0 && dots > 0) {
    // The separator that comes last is the decimal one.
    const decimal = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
    const thousands = decimal === ',' ? '.' : ',';
    if ((s.match(new RegExp(`\\${decimal}`, 'g')) ?? []).length > 1) return fail(CELL.notNumber(raw));
    s = s.split(thousands).join('').replace(decimal, '.');
  } else if (commas > 1 || dots > 1) {
    const sepChar = commas > 1 ? ',' : '.';
    if (!new RegExp(`^-?\\d{1,3}(\\${sepChar}\\d{3})+$`).test(s)) return fail(CELL.notNumber(raw));
    s = s.split(sepChar).join('');
  } else if (commas === 1) {
    s = s.replace(',', '.');
  }
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(s)) return fail(CELL.notNumber(raw));
  const n = Number(s);
  return Number.isFinite(n) ? ok(n) : fail(CELL.notNumber(raw));
}

/** Money in minor units (öre, cent): at most two decimals, not negative, at most 10^13 major units. */
export function parseMoneyMinor(cell: Cell): Parsed<number | null> {
  const n = parseDecimal(cell);
  if (n.error || n.value === null) return n;
  const shown = cellText(cell) ?? '';
  if (n.value < 0) return fail(CELL.negative);
  if (n.value > 1e13) return fail(CELL.tooLarge(shown));
  const minor = Math.round(n.value * 100);
  if (Math.abs(minor - n.value * 100) > 1e-6 * Math.max(1, Math.abs(n.value * 100))) return fail(CELL.tooManyDecimals(shown));
  return ok(minor);
}

/** A non-negative number (hours), at most two decimals kept. */
export function parseHours(cell: Cell): Parsed<number | null> {
  const n = parseDecimal(cell);
  if (n.error || n.value === null) return n;
  if (n.value < 0) return fail(CELL.negative);
  if (n.value > 1e9) return fail(CELL.tooLarge(cellText(cell) ?? ''));
  return ok(Math.round(n.value * 100) / 100);
}

/** A whole number ≥ 0 (participants, project numbers); "12,0" and 12.0 are accepted. */
export function parseCount(cell: Cell, max = 1e9): Parsed<number | null> {
  const n = parseDecimal(cell);
  if (n.error || n.value === null) return n;
  const shown = cellText(cell) ?? '';
  if (!Number.isInteger(n.value)) return fail(CELL.notInteger(shown));
  if (n.value < 0) return fail(CELL.negative);
  if (n.value > max) return fail(CELL.tooLarge(shown));
  return ok(n.value);
}

export function parseYear(cell: Cell): Parsed<number | null> {
  const n = parseDecimal(cell);
  if (n.value === null && !n.error) return ok(null);
  if (n.error || !Number.isInteger(n.value) || n.value! < 1800 || n.value! > 2200) return fail(CELL.notYear(cellText(cell) ?? ''));
  return ok(n.value!);
}

const isRealDate = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};
const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
/** Excel's day 0 in the 1900 date system (serial 60 is its fictitious 1900-02-29). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A calendar date as ISO text. Accepts ISO (`2026-03-01`, also with a time), `20260301`, day-first
 * `1.3.2026` (Nordic), and Excel serial numbers (a date cell without date format).
 */
export function parseDate(cell: Cell): Parsed<string | null> {
  if (cell === null) return ok(null);
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < 61 || cell > 73050) return fail(CELL.notDate(String(cell)));
    return ok(new Date(EXCEL_EPOCH + cell * 86_400_000).toISOString().slice(0, 10));
  }
  const s = cellText(cell);
  if (s === null) return ok(null);
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isRealDate(y, mo, d) && y >= 1000 ? ok(iso(y, mo, d)) : fail(CELL.notDate(s));
  }
  const dm = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (dm) {
    const [d, mo, y] = [Number(dm[1]), Number(dm[2]), Number(dm[3])];
    return isRealDate(y, mo, d) ? ok(iso(y, mo, d)) : fail(CELL.notDate(s));
  }
  return fail(CELL.notDate(s));
}

/** Items of a list cell. Partners are split on ";" and new lines only (names may hold commas). */
export function splitList(cell: Cell, separators: 'semicolon' | 'any'): string[] {
  const s = cellText(cell);
  if (s === null) return [];
  const parts = s.split(separators === 'semicolon' ? /[;\n]/ : /[;,\n]/);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/** Comparison form of a name or label: NFC, lower case (Swedish), single spaces, ’ as '. */
export function matchKey(s: string): string {
  return s.normalize('NFC').replace(/[’‘`´]/g, "'").replace(/\s+/g, ' ').trim().toLocaleLowerCase('sv');
}
