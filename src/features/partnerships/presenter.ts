/** What of a partnership leaves the server (API and exports). */
import { formatFuzzyDate, type Lang } from '../../i18n/index.js';
import { EVENT_KINDS, label, PARTNERSHIP_KINDS, PARTNERSHIP_STATUSES } from '../../i18n/labels.js';
import type { PartnershipRecord } from './repository.js';

const pick = (lang: Lang, sv: string | null, en: string | null) => (lang === 'en' && en ? en : (sv ?? ''));

/**
 * When an ended partnership ended, as the history states it: its latest 'ended' event's date
 * ("12 mars 2026", "hösten 1992"); null when it has not ended or the history has no such event.
 * @example endedText(p, 'sv') // '12 mars 2026'
 */
export function endedText(p: Pick<PartnershipRecord, 'status' | 'events'>, lang: Lang): string | null {
  if (p.status !== 'ended') return null;
  const last = p.events.filter((e) => e.kind === 'ended').at(-1);
  return last ? formatFuzzyDate(lang, last.date_from, last.date_to, last.date_precision) : null;
}

export function publicPartnership(p: PartnershipRecord, lang: Lang) {
  return {
    id: p.id,
    kind: p.kind,
    kindLabel: label(PARTNERSHIP_KINDS, p.kind, lang),
    title: pick(lang, p.title_sv, p.title_en),
    status: p.status,
    statusLabel: label(PARTNERSHIP_STATUSES, p.status, lang),
    summary: pick(lang, p.summary_sv, p.summary_en) || null,
    cooperationAreas: p.cooperation_areas,
    partners: p.partners.map((o) => ({
      id: o.id,
      kind: o.kind,
      name: pick(lang, o.name_sv, o.name_en),
      country: o.country,
      region: o.region,
      population: o.population == null ? null : Number(o.population),
      populationYear: o.population_year,
      website: o.website,
      latitude: o.latitude == null ? null : Number(o.latitude),
      longitude: o.longitude == null ? null : Number(o.longitude),
    })),
    events: p.events.map((e) => ({
      kind: e.kind,
      kindLabel: label(EVENT_KINDS, e.kind, lang),
      dateFrom: e.date_from,
      dateTo: e.date_to,
      datePrecision: e.date_precision,
      dateText: formatFuzzyDate(lang, e.date_from, e.date_to, e.date_precision),
      description: pick(lang, e.description_sv, e.description_en),
      place: e.place,
    })),
    projects: p.projects.map((x) => ({ id: x.id, title: pick(lang, x.title_sv, x.title_en) })),
    source: p.source,
  };
}
