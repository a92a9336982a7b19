/** Texts of the reminders, the weekly digest, the opt-out form and the reminders page. Swedish first. */
import type { Text } from '../../i18n/index.js';

export type { Text } from '../../i18n/index.js';

/** The mail with new reminders (one per person and tick, bundling everything new for them). */
export const REMINDER_MAIL = {
  subjectOne: { sv: 'Påminnelse från Utblick: {what}', en: 'Reminder from Utblick: {what}' },
  subjectMany: { sv: 'Påminnelse från Utblick: {n} saker att göra', en: 'Reminder from Utblick: {n} things to do' },
  greeting: { sv: 'Hej {name}!', en: 'Hello {name},' },
  lead: {
    sv: 'Det här behöver göras i Utblick. Datumen gäller ditt ansvar i kommunens internationella arbete.',
    en: 'This needs doing in Utblick. The dates concern your part of the municipality’s international work.',
  },
  once: {
    sv: 'Du får en påminnelse per uppgift och datum: när datumet närmar sig, eller när det har passerat. Alla datum finns också i kalendern i Utblick.',
    en: 'You receive one reminder per task and date: as the date draws near, or once it has passed. Every date is also in the calendar in Utblick.',
  },
} satisfies Record<string, Text>;

/** The weekly digest. */
export const DIGEST_MAIL = {
  subject: { sv: 'Veckosammanfattning från Utblick, vecka {week}', en: 'Weekly summary from Utblick, week {week}' },
  greeting: REMINDER_MAIL.greeting,
  lead: {
    sv: 'Här är det som är försenat eller ska vara klart inom kort i ditt ansvar i Utblick.',
    en: 'Here is what is overdue or due soon in your part of Utblick.',
  },
  optOut: {
    sv: 'Vill du inte längre få veckosammanfattningen kan du stänga av den under Mitt konto: {url}',
    en: 'If you no longer want the weekly summary, you can turn it off under My account: {url}',
  },
} satisfies Record<string, Text>;

/** Shared pieces of both mails. */
export const MAIL = {
  overdue: { sv: 'Försenad.', en: 'Overdue.' },
  open: { sv: 'Öppna: {url}', en: 'Open: {url}' },
  signature: { sv: 'Vänliga hälsningar\nUtblick', en: 'Kind regards\nUtblick' },
  automatic: {
    sv: 'Det här mejlet skickas automatiskt och går inte att svara på.',
    en: 'This e-mail is sent automatically; replies are not read.',
  },
} satisfies Record<string, Text>;

/** The form on the account page. */
export const DIGEST_FORM = {
  heading: { sv: 'Veckosammanfattning per e-post', en: 'Weekly summary by e-mail' },
  lead: {
    sv: 'Varje måndag morgon skickar Utblick en sammanfattning av det som är försenat eller ska vara klart inom kort i ditt ansvar. Påminnelser om enskilda datum får du oavsett.',
    en: 'Every Monday morning Utblick sends a summary of what is overdue or due soon in your part of the work. You receive reminders of single dates either way.',
  },
  legend: { sv: 'Vill du få veckosammanfattningen?', en: 'Do you want the weekly summary?' },
  yes: { sv: 'Ja, skicka veckosammanfattningen', en: 'Yes, send the weekly summary' },
  no: { sv: 'Nej, skicka den inte', en: 'No, do not send it' },
  save: { sv: 'Spara', en: 'Save' },
  choose: { sv: 'Välj om du vill få veckosammanfattningen.', en: 'Choose whether you want the weekly summary.' },
  savedOn: { sv: 'Du får veckosammanfattningen.', en: 'You will receive the weekly summary.' },
  savedOff: { sv: 'Du får inte längre veckosammanfattningen.', en: 'You will no longer receive the weekly summary.' },
} satisfies Record<string, Text>;

/** The back-office page `/:kommun/paminnelser`. */
export const PAGE = {
  title: { sv: 'Påminnelser per e-post', en: 'Reminders by e-mail' },
  lead: {
    sv: 'Utblick påminner per e-post om datum i det internationella arbetet: {days} dagar före datumet, och när det har passerat. Varje person får en påminnelse per uppgift och datum. Förvaltningarnas redaktörer får det som gäller deras förvaltning; samordnarna får allt; administratörerna det som inte gäller en viss förvaltning.',
    en: 'Utblick reminds people by e-mail of the dates in the international work: {days} days before the date, and once it has passed. Each person receives one reminder per task and date. The units’ editors receive what concerns their unit; the coordinators everything; the administrators what concerns no particular unit.',
  },
  digest: {
    sv: 'Varje måndag efter klockan 6 skickas också en veckosammanfattning till alla som inte har stängt av den under Mitt konto.',
    en: 'Every Monday after 6 a.m. a weekly summary also goes to everyone who has not turned it off under My account.',
  },
  settings: {
    sv: 'Antalet dagar före datumet, och efter hur många dagar utan lägesrapport en åtgärd räknas som inaktuell ({stale} dagar), ändras under kommunens inställningar.',
    en: 'The number of days before the date, and after how many days without a progress report a measure counts as out of date ({stale} days), are changed in the municipality’s settings.',
  },
  nowTitle: { sv: 'Det här påminns om nu', en: 'What is reminded of now' },
  nowNone: { sv: 'Just nu finns inget att påminna om.', en: 'There is nothing to remind anyone of right now.' },
  colWho: { sv: 'Går till', en: 'Goes to' },
  colSent: { sv: 'Redan påmint', en: 'Already reminded' },
  nobody: { sv: 'Ingen: ingen med rätt roll har en aktiv e-postadress.', en: 'Nobody: no one with the right role has an active account.' },
  runsTitle: { sv: 'Senaste schemalagda körningar', en: 'Latest scheduled runs' },
  runsNone: { sv: 'Inga körningar ännu.', en: 'No runs yet.' },
  colJob: { sv: 'Jobb', en: 'Job' },
  colRun: { sv: 'Körning', en: 'Run' },
  colClaimed: { sv: 'Startad', en: 'Started' },
  colFinished: { sv: 'Klar', en: 'Finished' },
  colResult: { sv: 'Resultat', en: 'Result' },
  notFinished: { sv: 'Inte klar', en: 'Not finished' },
  job_weekly_digest: { sv: 'Veckosammanfattning', en: 'Weekly summary' },
  result: { sv: '{sent} skickade, {failed} misslyckades', en: '{sent} sent, {failed} failed' },
  sentTitle: { sv: 'Skickade påminnelser', en: 'Reminders sent' },
  sentCount: {
    sv: 'De senaste 30 dagarna har Utblick skickat {n} påminnelser till personer med roll i kommunen.',
    en: 'In the last 30 days Utblick has sent {n} reminders to people with a role in the municipality.',
  },
  seeCalendar: { sv: 'Alla datum finns i kalendern', en: 'Every date is in the calendar' },
} satisfies Record<string, Text>;
