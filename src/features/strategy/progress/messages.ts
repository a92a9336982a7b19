/** Texts of the follow-up of the strategy work: what is due, and the traffic lights. Swedish first. */
import type { TrafficLight } from '../../../db/schema.js';
import { formatDate, type Lang, type Text, tr } from '../../../i18n/index.js';
import type { DueItem } from './due.js';

export type { Text } from '../../../i18n/index.js';

export const DUE_KIND: Record<DueItem['kind'], Text> = {
  strategy_review: { sv: 'Översyn av strategin', en: 'Review of the strategy' },
  plan_evaluation: { sv: 'Utvärdering av handlingsplanen', en: 'Evaluation of the action plan' },
  measure_end: { sv: 'Åtgärden ska vara klar', en: 'Measure due to be finished' },
  report: { sv: 'Halvårsrapporten ska vara klar', en: 'Half-year report due' },
  report_section: { sv: 'Förvaltningens avsnitt i halvårsrapporten', en: 'Unit’s section of the half-year report' },
  partnership_evaluation: { sv: 'Utvärdering av samarbetet', en: 'Evaluation of the partnership' },
  decision_awaited: { sv: 'Projektet väntar på beslut', en: 'Project awaiting a decision' },
  measure_stale: { sv: 'Åtgärden saknar aktuell lägesrapport', en: 'Measure without a recent progress report' },
};

export const DUE_STATE: Record<DueItem['state'], Text> = {
  overdue: { sv: 'Försenad', en: 'Overdue' },
  due: { sv: 'Dags nu', en: 'Due now' },
  upcoming: { sv: 'Kommande', en: 'Upcoming' },
};

/** "senast 14 oktober 2026" etc., with `{date}` filled in by the caller. */
export const DUE_WHEN: Record<DueItem['state'], Text> = {
  overdue: { sv: 'skulle ha varit klar {date}', en: 'was due on {date}' },
  due: { sv: 'senast {date}', en: 'by {date}' },
  upcoming: { sv: 'senast {date}', en: 'by {date}' },
};

/** Kinds whose date is not a deadline in the usual sense: a project awaits a decision since it; a stale measure's report was due on it. */
const WHEN_OF_KIND: Partial<Record<DueItem['kind'], Text>> = {
  decision_awaited: { sv: 'sedan {date}', en: 'since {date}' },
  measure_stale: { sv: 'lägesrapporten skulle ha kommit {date}', en: 'a progress report was due on {date}' },
};

/**
 * When an item is due, in words with its date: by its kind where the kind says it differently,
 * otherwise by its state (`DUE_WHEN`).
 * @example dueWhen({ kind: 'decision_awaited', state: 'due', dueOn: '2026-03-05' }, 'sv') // 'sedan 5 mars 2026'
 */
export function dueWhen(item: Pick<DueItem, 'kind' | 'state' | 'dueOn'>, lang: Lang): string {
  return tr(WHEN_OF_KIND[item.kind] ?? DUE_WHEN[item.state], lang, { date: formatDate(lang, item.dueOn) });
}

/** The column headings of a table of due items (`DueItemsTable`). */
export const DUE_TABLE = {
  date: { sv: 'Datum', en: 'Date' },
  what: { sv: 'Vad', en: 'What' },
  state: { sv: 'Läge', en: 'State' },
} satisfies Record<string, Text>;

/** The traffic light as a word (colour is never the only carrier of meaning): one wording everywhere. */
export const TRAFFIC_LIGHT: Record<TrafficLight, Text> = {
  on_track: { sv: 'Enligt plan', en: 'On track' },
  at_risk: { sv: 'Risk för försening', en: 'At risk of delay' },
  behind: { sv: 'Efter plan', en: 'Behind schedule' },
  none: { sv: 'Inget att mäta ännu', en: 'Nothing to measure yet' },
};

export const DUE_PANEL = {
  title: { sv: 'Försenat och att göra inom kort', en: 'Overdue and due soon' },
  nothing: { sv: 'Inget är försenat eller ska göras inom kort.', en: 'Nothing is overdue or due soon.' },
  more: { sv: 'och {n} till', en: 'and {n} more' },
  calendar: { sv: 'Alla datum och kalenderadresser att prenumerera på', en: 'All dates and calendar addresses to subscribe to' },
  inPlan: { sv: 'i {plan}', en: 'in {plan}' },
} satisfies Record<string, Text>;

/** The title of a due item in the language (the English title when there is one). */
export function dueTitle(item: Pick<DueItem, 'title' | 'titleEn'>, lang: Lang): string {
  return lang === 'en' && item.titleEn ? item.titleEn : item.title;
}
