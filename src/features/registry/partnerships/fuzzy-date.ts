/**
 * A timeline event's date as people write it, in one field: "2012-11-12", "12 november 2012",
 * "november 2012", "hösten 1992", "1992", "1989–1990", "1940-talet", "1940-talet–1950-talet" (and
 * the English forms "autumn 1992", "1940s"). `parseFuzzyDate` turns that into the stored range
 * and precision; `formatFuzzyDate` (src/i18n) turns the range back into exactly such a text, so
 * the form shows what it stored and a round trip changes nothing.
 */
import type { DatePrecision } from '../../../db/schema.js';

export interface FuzzyDate {
  from: string;
  to: string;
  precision: DatePrecision;
}

const MONTHS = new Map<string, number>(
  Object.entries({
    januari: 1, january: 1, jan: 1, februari: 2, february: 2, feb: 2, mars: 3, march: 3, mar: 3, april: 4, apr: 4,
    maj: 5, may: 5, juni: 6, june: 6, jun: 6, juli: 7, july: 7, jul: 7, augusti: 8, august: 8, aug: 8,
    september: 9, sep: 9, sept: 9, oktober: 10, october: 10, okt: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
  }),
);

/** First month of each season: spring March–May, summer June–August, autumn September–November, winter December–February. */
const SEASONS = new Map<string, number>(
  Object.entries({ våren: 3, vår: 3, spring: 3, sommaren: 6, sommar: 6, summer: 6, hösten: 9, höst: 9, autumn: 9, fall: 9, vintern: 12, vinter: 12, winter: 12 }),
);

const MIN_YEAR = 1000;
const MAX_YEAR = 2999;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const okYear = (y: number) => Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR;

function day(y: number, m: number, d: number): FuzzyDate | undefined {
  if (!okYear(y) || m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return undefined;
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  return { from: iso, to: iso, precision: 'day' };
}

function month(y: number, m: number): FuzzyDate | undefined {
  if (!okYear(y) || m < 1 || m > 12) return undefined;
  return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(daysIn(y, m))}`, precision: 'month' };
}

function season(y: number, first: number): FuzzyDate | undefined {
  if (!okYear(y) || (first === 12 && y + 1 > MAX_YEAR)) return undefined;
  const lastMonth = first === 12 ? 2 : first + 2;
  const lastYear = first === 12 ? y + 1 : y;
  return { from: `${y}-${pad(first)}-01`, to: `${lastYear}-${pad(lastMonth)}-${pad(daysIn(lastYear, lastMonth))}`, precision: 'season' };
}

function years(a: number, b: number): FuzzyDate | undefined {
  if (!okYear(a) || !okYear(b) || b < a) return undefined;
  return { from: `${a}-01-01`, to: `${b}-12-31`, precision: 'year' };
}

function decades(a: number, b: number): FuzzyDate | undefined {
  if (a % 10 !== 0 || b % 10 !== 0 || !okYear(a) || !okYear(b + 9) || b < a) return undefined;
  return { from: `${a}-01-01`, to: `${b + 9}-12-31`, precision: 'decade' };
}

const DECADE = String.raw`(\d{3}0)(?:-talet|s|'s)`;

/** The accepted forms, tried in order; each reads its match (the groups) into a range, or undefined. */
const FORMS: [RegExp, (g: string[]) => FuzzyDate | undefined][] = [
  [/^(\d{4})-(\d{1,2})-(\d{1,2})$/, ([y, m, d]) => day(+y!, +m!, +d!)],
  [/^(\d{1,2})\.? ([a-zåäö]+)\.? (\d{4})$/, ([d, name, y]) => (MONTHS.has(name!) ? day(+y!, MONTHS.get(name!)!, +d!) : undefined)],
  [/^(\d{4})-(\d{1,2})$/, ([y, m]) => month(+y!, +m!)],
  [/^([a-zåäö]+)\.? (\d{4})$/, ([name, y]) => (MONTHS.has(name!) ? month(+y!, MONTHS.get(name!)!) : SEASONS.has(name!) ? season(+y!, SEASONS.get(name!)!) : undefined)],
  [/^(\d{4})$/, ([y]) => years(+y!, +y!)],
  [/^(\d{4}) ?- ?(\d{4})$/, ([a, b]) => years(+a!, +b!)],
  [new RegExp(`^${DECADE}$`), ([a]) => decades(+a!, +a!)],
  [new RegExp(`^${DECADE} ?- ?${DECADE}$`), ([a, b]) => decades(+a!, +b!)],
];

/** Parses a date as written; undefined when it is not one of the accepted forms or not a real date. */
export function parseFuzzyDate(input: string): FuzzyDate | undefined {
  const s = input
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
  if (s.length > 40) return undefined;
  for (const [re, read] of FORMS) {
    const m = re.exec(s);
    if (m) return read(m.slice(1));
  }
  return undefined;
}
