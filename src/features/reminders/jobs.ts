/**
 * The scheduled jobs: reminders of deadlines (each person and deadline at most once ever) and the
 * weekly digest (each person at most once per ISO week). The database decides who sends: a row
 * in `reminders_sent` (primary key person + reminder key) is inserted before the mail goes out,
 * and only the process whose insert succeeded sends; when sending fails the row is deleted so a
 * later tick tries again. A process that dies between the insert and the sending loses that mail
 * (at most once, never twice).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { fill, formatDate, type Lang } from '../../i18n/index.js';
import { log } from '../../log.js';
import { adminHref } from '../admin/context.js';
import { todayInSweden } from '../decisions/registry.js';
import type { Mailer } from '../mail/mailer.js';
import { itemUrl } from '../strategy/calendar/ical.js';
import { FEED } from '../strategy/calendar/messages.js';
import { addDays } from '../strategy/progress/cycles.js';
import type { DueItem } from '../strategy/progress/due.js';
import { DUE_KIND, dueTitle } from '../strategy/progress/messages.js';
import { allDueItems, reminderSettings } from './due.js';
import { DIGEST_MAIL, MAIL, REMINDER_MAIL } from './messages.js';
import { concerns, loadPeople, type Person } from './recipients.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface JobContext {
  db: Db;
  /** The public base URL (config.baseUrl), for absolute links. */
  baseUrl: string;
  mailer: Mailer;
  now: Date;
}

const stockholmClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', weekday: 'short', hour: '2-digit', hourCycle: 'h23' });
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/**
 * The ISO 8601 week of a date, e.g. `2026-W48` (the week's year is the year of its Thursday).
 * @example isoWeekKey('2026-11-23') // '2026-W48'; isoWeekKey('2027-01-01') // '2026-W53'
 */
export function isoWeekKey(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  const weekday = (day.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = new Date(day.getTime() + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The hour after which Monday's digest goes out, Swedish time. */
export const DIGEST_HOUR = 6;

/**
 * The run key of the weekly digest at `now`: the ISO week of the Swedish date, from Monday 06:00
 * Swedish time; undefined on Monday before 06:00. Every tick of the week from then on sees the
 * same key, so the first tick on or after Monday 06:00 sends the digest, and a server that was
 * down on Monday sends it on its first tick later that week.
 * @example digestRunKey(new Date('2026-11-23T05:30:00Z')) // '2026-W48' (06:30 in Stockholm)
 */
export function digestRunKey(now: Date): string | undefined {
  const parts = Object.fromEntries(stockholmClock.formatToParts(now).map((p) => [p.type, p.value]));
  const monday = WEEKDAYS.indexOf(parts.weekday ?? '') === 0;
  if (monday && Number(parts.hour) < DIGEST_HOUR) return undefined;
  return isoWeekKey(todayInSweden(now));
}

/** The key of a reminder: kind, record and date (a moved date is a new reminder), and the unit for items per unit. */
export function reminderKey(item: Pick<DueItem, 'kind' | 'recordId' | 'dueOn' | 'unitId'>): string {
  return `${item.kind}:${item.recordId}:${item.dueOn}${item.unitId == null ? '' : `:${item.unitId}`}`;
}

export interface DueForPeople {
  /** The items that concern each person, earliest first. */
  byPerson: Map<number, DueItem[]>;
  people: Map<number, Person>;
  municipalityNames: Map<number, { sv: string; en: string }>;
}

/**
 * Everything within the reminder window of each person's municipalities: items due within the
 * municipality's `reminder_days_before` days, and items already overdue; for each person the
 * ones that concern them.
 */
export async function dueForPeople(db: Db, today: string): Promise<DueForPeople> {
  const people = await loadPeople(db);
  const municipalityIds = [...new Set([...people.values()].flatMap((p) => [...p.roles.keys()]))];
  const municipalityNames = new Map<number, { sv: string; en: string }>();
  const byPerson = new Map<number, DueItem[]>();
  if (municipalityIds.length === 0) return { byPerson, people, municipalityNames };
  const municipalities = await db.selectFrom('municipalities').select(['id', 'name_sv', 'name_en']).where('id', 'in', municipalityIds).orderBy('name_sv').execute();
  for (const m of municipalities) {
    const id = Number(m.id);
    municipalityNames.set(id, { sv: m.name_sv, en: m.name_en });
    const { reminderDaysBefore } = await reminderSettings(db, id);
    const until = addDays(today, reminderDaysBefore);
    const items = (await allDueItems(db, id, today, { measureHorizonDays: null })).filter((i) => i.dueOn <= until);
    for (const person of people.values()) {
      const mine = items.filter((i) => concerns(person, i));
      if (mine.length > 0) byPerson.set(person.userId, [...(byPerson.get(person.userId) ?? []), ...mine]);
    }
  }
  return { byPerson, people, municipalityNames };
}

/** One item as lines of a mail: what, why and when, the state, the link. */
function itemLines(item: DueItem, lang: Lang, baseUrl: string): string[] {
  const why = fill(FEED[`why_${item.kind}`][lang], { date: formatDate(lang, item.dueOn), plan: item.planTitle ?? '' });
  return [`- ${DUE_KIND[item.kind][lang]}: ${dueTitle(item, lang)}`, `  ${why}${item.state === 'overdue' ? ` ${MAIL.overdue[lang]}` : ''}`, `  ${fill(MAIL.open[lang], { url: itemUrl(baseUrl, lang, item) })}`];
}

/** The items grouped under their municipality's name, in the order of the municipalities. */
function itemSections(items: DueItem[], names: Map<number, { sv: string; en: string }>, lang: Lang, baseUrl: string): string[] {
  const lines: string[] = [];
  for (const [id, name] of names) {
    const own = items.filter((i) => i.municipalityId === id);
    if (own.length === 0) continue;
    lines.push(name[lang], '', ...own.flatMap((i) => [...itemLines(i, lang, baseUrl), '']));
  }
  return lines;
}

/**
 * The reminder mail of one person: subject and plain text in their language.
 * @example reminderMail(person, items, names, 'https://utblick.example.se') // { subject: 'Påminnelse från Utblick: 2 saker att göra', text: 'Hej …' }
 */
export function reminderMail(person: Pick<Person, 'name' | 'lang'>, items: DueItem[], names: Map<number, { sv: string; en: string }>, baseUrl: string): { subject: string; text: string } {
  const { lang } = person;
  const only = items.length === 1 ? items[0]! : undefined;
  const subject = only ? fill(REMINDER_MAIL.subjectOne[lang], { what: `${DUE_KIND[only.kind][lang]}: ${dueTitle(only, lang)}` }) : fill(REMINDER_MAIL.subjectMany[lang], { n: items.length });
  const text = [fill(REMINDER_MAIL.greeting[lang], { name: person.name }), '', REMINDER_MAIL.lead[lang], '', ...itemSections(items, names, lang, baseUrl), REMINDER_MAIL.once[lang], '', MAIL.signature[lang], '', MAIL.automatic[lang], ''].join('\n');
  return { subject, text };
}

/** The weekly digest of one person, with how to turn it off. */
export function digestMail(person: Pick<Person, 'name' | 'lang'>, items: DueItem[], names: Map<number, { sv: string; en: string }>, baseUrl: string, runKey: string): { subject: string; text: string } {
  const { lang } = person;
  const week = Number(runKey.slice(runKey.indexOf('W') + 1));
  const account = `${baseUrl}${adminHref(lang, '/konto')}`;
  const text = [fill(DIGEST_MAIL.greeting[lang], { name: person.name }), '', DIGEST_MAIL.lead[lang], '', ...itemSections(items, names, lang, baseUrl), fill(DIGEST_MAIL.optOut[lang], { url: account }), '', MAIL.signature[lang], '', MAIL.automatic[lang], ''].join('\n');
  return { subject: fill(DIGEST_MAIL.subject[lang], { week }), text };
}

/**
 * Claims keys for a person: inserts each into `reminders_sent`, and returns those this call
 * inserted (a key another process or an earlier tick holds is not returned).
 */
async function claimKeys(db: Db, userId: number, keys: string[], now: Date): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .insertInto('reminders_sent')
    .values(keys.map((reminder_key) => ({ user_id: userId, reminder_key, sent_at: now.toISOString() })))
    .onConflict((oc) => oc.columns(['user_id', 'reminder_key']).doNothing())
    .returning('reminder_key')
    .execute();
  return new Set(rows.map((r) => r.reminder_key));
}

/** Sends a claimed mail; on failure gives the keys back (deletes their rows) so a later tick retries. */
async function sendClaimed(ctx: JobContext, person: Person, keys: string[], mail: { subject: string; text: string }, job: string): Promise<boolean> {
  try {
    await ctx.mailer.send({ to: person.email, ...mail });
    return true;
  } catch (e) {
    await ctx.db.deleteFrom('reminders_sent').where('user_id', '=', person.userId).where('reminder_key', 'in', keys).execute();
    log('error', 'scheduled mail could not be sent; it will be tried again', { job, userId: person.userId, error: e instanceof Error ? e.message : String(e) });
    return false;
  }
}

export interface ReminderResult {
  /** Mails sent, and the reminders in them. */
  mails: number;
  reminders: number;
  failed: number;
}

/**
 * Sends every person one mail with their new reminders (deadlines within the reminder window or
 * overdue that they have not been reminded of), in their language. `due` is `dueForPeople` of the
 * tick's day.
 */
export async function sendReminders(ctx: JobContext, due: DueForPeople): Promise<ReminderResult> {
  const { byPerson, people, municipalityNames } = due;
  const result: ReminderResult = { mails: 0, reminders: 0, failed: 0 };
  for (const [userId, items] of byPerson) {
    const person = people.get(userId)!;
    const unique = new Map(items.map((i) => [reminderKey(i), i]));
    const claimed = await claimKeys(ctx.db, userId, [...unique.keys()], ctx.now);
    const fresh = [...unique].filter(([key]) => claimed.has(key)).map(([, item]) => item);
    if (fresh.length === 0) continue;
    const keys = fresh.map(reminderKey);
    if (await sendClaimed(ctx, person, keys, reminderMail(person, fresh, municipalityNames, ctx.baseUrl), 'reminders')) {
      result.mails += 1;
      result.reminders += fresh.length;
    } else result.failed += 1;
  }
  return result;
}

export interface DigestResult {
  sent: number;
  failed: number;
}

/**
 * Sends the weekly digest `runKey` (e.g. `2026-W48`) to everyone with a role who has not turned
 * it off and has something due or overdue; nobody twice in a week (key `digest:<runKey>`). A
 * person with nothing due gets no mail. `due` is `dueForPeople` of the tick's day.
 */
export async function sendWeeklyDigest(ctx: JobContext, runKey: string, due: DueForPeople): Promise<DigestResult> {
  const { byPerson, people, municipalityNames } = due;
  const result: DigestResult = { sent: 0, failed: 0 };
  const key = `digest:${runKey}`;
  for (const [userId, items] of byPerson) {
    const person = people.get(userId)!;
    if (person.digestOptOut) continue;
    if (!(await claimKeys(ctx.db, userId, [key], ctx.now)).has(key)) continue;
    if (await sendClaimed(ctx, person, [key], digestMail(person, items, municipalityNames, ctx.baseUrl, runKey), 'weekly_digest')) result.sent += 1;
    else result.failed += 1;
  }
  return result;
}
