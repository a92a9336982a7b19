/**
 * Registry numbers (diarienummer) such as `KS 2026/123`: the municipality's prefix, the year and
 * a running number that starts at 1 each year.
 *
 * Numbers are issued without gaps or duplicates, also when many people register at once: the
 * counter row is incremented inside the transaction that inserts the decision. On PostgreSQL the
 * `UPDATE … RETURNING` takes the row lock, so a second registration waits until the first commits
 * (or rolls back, which takes its increment back with it); on SQLite write transactions are
 * serialised by `BEGIN IMMEDIATE`. A number already taken by a decision entered by hand is
 * skipped (it exists, so no gap appears in the register).
 */
import type { Db } from '../../db/database.js';

/** `KS 2026/123`. */
function formatRegistryNumber(prefix: string, year: number, n: number): string {
  return `${prefix} ${year}/${n}`;
}

const swedishDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in Sweden, `YYYY-MM-DD`. */
export function todayInSweden(now = new Date()): string {
  return swedishDay.format(now);
}

/** The Swedish calendar date of a stored timestamp (`2026-03-01T23:30:00Z` → `2026-03-02`), or of a plain date. */
export function swedishDateOf(timestamp: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(timestamp) ? timestamp : todayInSweden(new Date(timestamp));
}

/** The year in Sweden now (the register's year turns at midnight Swedish time, not UTC). */
export function registryYear(now = new Date()): number {
  return Number(todayInSweden(now).slice(0, 4));
}

/**
 * A registry number typed by hand, tidied: spaces collapsed, letters upper-cased. Undefined when
 * it does not look like a registry number (letters, digits, spaces and `/ . - :`, with a digit).
 */
export function normaliseRegistryNumber(raw: string): string | undefined {
  const s = raw.normalize('NFC').replace(/\s+/g, ' ').trim().toUpperCase();
  if (s.length < 3 || s.length > 40) return undefined;
  if (!/^[\p{L}\p{N}][\p{L}\p{N} ./:-]*$/u.test(s) || !/\p{N}/u.test(s)) return undefined;
  return s;
}

/**
 * The next registry number for the municipality's prefix and year. Call it inside the
 * transaction that inserts the decision, after everything that may fail on the user's input has
 * been checked, so a refused registration takes no number.
 */
export async function issueRegistryNumber(trx: Db, municipalityId: number, prefix: string, year: number): Promise<string> {
  await trx
    .insertInto('registry_counters')
    .values({ municipality_id: municipalityId, prefix, year, last_value: 0 })
    .onConflict((oc) => oc.columns(['municipality_id', 'prefix', 'year']).doNothing())
    .execute();
  for (let i = 0; i < 10_000; i++) {
    const row = await trx
      .updateTable('registry_counters')
      .set((eb) => ({ last_value: eb('last_value', '+', 1) }))
      .where('municipality_id', '=', municipalityId)
      .where('prefix', '=', prefix)
      .where('year', '=', year)
      .returning('last_value')
      .executeTakeFirstOrThrow();
    const candidate = formatRegistryNumber(prefix, year, Number(row.last_value));
    const taken = await trx.selectFrom('decisions').select('id').where('municipality_id', '=', municipalityId).where('registry_number', '=', candidate).executeTakeFirst();
    if (!taken) return candidate;
  }
  throw new Error('registry counter: no free number found');
}
