/**
 * Half-years: `2026H1` is 1 January – 30 June 2026, `2026H2` 1 July – 31 December. The report to
 * the executive board (AL-13) covers one half-year.
 */

export interface HalfYear {
  /** `2026H1`. */
  key: string;
  year: number;
  half: 1 | 2;
  /** First and last day, ISO dates. */
  start: string;
  end: string;
}

const PERIOD_RE = /^(\d{4})H([12])$/;

/**
 * The half-year of a key, or null when the key is not one (`2026H3`, `26H1`, year before 1900 or after 2200).
 * @example parseHalfYear('2026H1') // { key: '2026H1', year: 2026, half: 1, start: '2026-01-01', end: '2026-06-30' }
 */
export function parseHalfYear(key: string): HalfYear | null {
  const m = PERIOD_RE.exec(key.trim().toUpperCase());
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1900 || year > 2200) return null;
  return halfYear(year, Number(m[2]) as 1 | 2);
}

export function halfYear(year: number, half: 1 | 2): HalfYear {
  return { key: `${year}H${half}`, year, half, start: half === 1 ? `${year}-01-01` : `${year}-07-01`, end: half === 1 ? `${year}-06-30` : `${year}-12-31` };
}

/** The half-year a date falls in. @example halfYearOf('2026-11-21').key // '2026H2' */
export function halfYearOf(isoDate: string): HalfYear {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return halfYear(year, month <= 6 ? 1 : 2);
}

/** The half-year before. @example previousHalfYear(parseHalfYear('2026H1')!).key // '2025H2' */
export function previousHalfYear(p: HalfYear): HalfYear {
  return p.half === 2 ? halfYear(p.year, 1) : halfYear(p.year - 1, 2);
}

/** The half-year after. */
export function nextHalfYear(p: HalfYear): HalfYear {
  return p.half === 1 ? halfYear(p.year, 2) : halfYear(p.year + 1, 1);
}

/** The `count` half-years ending with `p`, oldest first. */
export function halfYearsUpTo(p: HalfYear, count: number): HalfYear[] {
  const out: HalfYear[] = [p];
  while (out.length < count) out.unshift(previousHalfYear(out[0]!));
  return out;
}

/** "första halvåret 2026" / "first half of 2026". */
export function halfYearLabel(p: HalfYear, lang: 'sv' | 'en'): string {
  if (lang === 'en') return `${p.half === 1 ? 'first' : 'second'} half of ${p.year}`;
  return `${p.half === 1 ? 'första' : 'andra'} halvåret ${p.year}`;
}

/** Whether the ranges [aStart, aEnd] and [bStart, bEnd] overlap; a null end is open. */
export function overlaps(aStart: string | null, aEnd: string | null, bStart: string, bEnd: string): boolean {
  return (aStart === null || aStart <= bEnd) && (aEnd === null || aEnd >= bStart);
}
