/**
 * The iCalendar document of a calendar feed (ical-generator): one all-day event per due item —
 * the review of a strategy, the evaluation of an action plan or a partnership, the end date of a
 * measure, a section of the half-year report or the report, a project awaiting a decision since a
 * date, a measure without a recent progress report — with a
 * stable UID (kind, record and date: a moved date is a new event, the old one disappears), the
 * summary in the feed's language, and a link to the record in the back office.
 */
import ical, { ICalCalendarMethod, ICalEventTransparency } from 'ical-generator';
import { fill, formatDate, type Lang } from '../../../i18n/index.js';
import type { DueItem } from '../progress/due.js';
import { dueTitle } from '../progress/messages.js';
import { FEED } from './messages.js';

export interface FeedSource {
  municipalityName: string;
  items: DueItem[];
}

export interface CalendarInput {
  lang: Lang;
  /** The public base URL (config.baseUrl), without a trailing slash. */
  baseUrl: string;
  /** X-WR-CALNAME. */
  name: string;
  sources: FeedSource[];
  /** DTSTAMP of the events; now by default. */
  now?: Date;
}

/** How often a calendar client should fetch the feed again. */
export const FEED_REFRESH_SECONDS = 6 * 3600;

const UID_KIND: Record<DueItem['kind'], string> = {
  strategy_review: 'strategy-review',
  plan_evaluation: 'plan-evaluation',
  measure_end: 'measure-end',
  report: 'report',
  report_section: 'report-section',
  partnership_evaluation: 'partnership-evaluation',
  decision_awaited: 'decision-awaited',
  measure_stale: 'measure-stale',
};

/** The stable UID of an item's event, e.g. `strategy-review-3-2026-10-14@utblick`. */
export function eventUid(item: Pick<DueItem, 'kind' | 'recordId' | 'dueOn'>): string {
  return `${UID_KIND[item.kind]}-${item.recordId}-${item.dueOn}@utblick`;
}

/** Text for the calendar's name: no line breaks or characters the NAME property would need escaped. */
function plainName(s: string): string {
  return s.replace(/[\r\n\\;,]+/g, ' ').replace(/\s+/g, ' ').trim();
}

const utcDay = (iso: string, plusDays = 0) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + plusDays));
};

/** The address of an item's page in the back office, absolute. */
export function itemUrl(baseUrl: string, lang: Lang, item: Pick<DueItem, 'path'>): string {
  return `${baseUrl}${lang === 'en' ? '/en' : ''}/admin${item.path}`;
}

/**
 * The feed as iCalendar text.
 * @example buildCalendar({ lang: 'sv', baseUrl: 'https://utblick.example.se', name: 'Utblick', sources: [{ municipalityName: 'Arvika kommun', items }] })
 */
export function buildCalendar(input: CalendarInput): string {
  const { lang, baseUrl } = input;
  const now = input.now ?? new Date();
  const several = input.sources.filter((s) => s.items.length > 0).length > 1;
  const calendar = ical({
    name: plainName(input.name),
    description: plainName(FEED.description[lang]),
    prodId: { company: 'Utblick', product: 'Strategiarbete', language: lang.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    ttl: FEED_REFRESH_SECONDS,
  });
  const seen = new Set<string>();
  for (const source of input.sources) {
    for (const item of source.items) {
      const uid = eventUid(item);
      if (seen.has(uid)) continue;
      seen.add(uid);
      const title = dueTitle(item, lang);
      const url = itemUrl(baseUrl, lang, item);
      const date = formatDate(lang, item.dueOn);
      const summary = fill(FEED[`summary_${item.kind}`][lang], { title });
      const why = fill(FEED[`why_${item.kind}`][lang], { date, plan: item.planTitle ?? '' });
      const description = [why, FEED[`state_${item.state}`][lang], fill(FEED.municipality[lang], { municipality: source.municipalityName }), fill(FEED.open[lang], { url })].join('\n');
      calendar.createEvent({
        id: uid,
        allDay: true,
        start: utcDay(item.dueOn),
        end: utcDay(item.dueOn, 1),
        stamp: now,
        summary: several ? `${source.municipalityName}: ${summary}` : summary,
        description,
        url,
        transparency: ICalEventTransparency.TRANSPARENT,
      });
    }
  }
  return calendar.toString();
}
