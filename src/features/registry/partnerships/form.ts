/**
 * The partnership form: flat form values ⇄ `PartnershipData`. Partners and timeline events are
 * numbered rows (`partner-0`, `event-0-kind`, `event-0-date`, …) so the page works without
 * JavaScript: a blank row adds, emptying a partner row or ticking "remove" takes away. Every
 * error is reported at once, keyed by the field's name (which is also its id).
 */
import { z } from 'zod';
import type { PartnershipStatus } from '../../../db/schema.js';
import { formatFuzzyDate, type Lang } from '../../../i18n/index.js';
import { type FormErrors, type FormValues, list, parseForm, str } from '../../../ui/forms.js';
import { GL } from '../../strategy/public/messages.js';
import { optionalText, requiredText, versionField } from '../fields.js';
import { labelsIn, tr } from '../messages.js';
import {
  allowedStatuses,
  EVENT_KIND_VALUES,
  PARTNERSHIP_KIND_VALUES,
  type PartnershipData,
  type PartnershipEventData,
  STATUS_VALUES,
} from './data.js';
import { parseFuzzyDate } from './fuzzy-date.js';
import { PS, PS_LABELS } from './messages.js';

/** At most this many partner rows and event rows are read; row numbers at or above MAX_INDEX are ignored. */
export const MAX_ROWS = 100;
const MAX_INDEX = 1000;

export interface PartnershipFormContext {
  lang: Lang;
  /** The live status, undefined for a new partnership. */
  liveStatus: PartnershipStatus | undefined;
  themes: ReadonlySet<string>;
  /** Ids of the municipality's external organisations. */
  organisations: ReadonlySet<number>;
  /** Ids of the municipality's units. */
  units: ReadonlySet<number>;
  decisions: ReadonlySet<number>;
  /** Ids of the goals the form offers (the municipality's adopted and draft strategies); none when absent. */
  goals?: ReadonlySet<number>;
  /** The events of the working copy, by id (a row keeps its id, source and, when its date text is unchanged, its exact dates). */
  existingEvents: ReadonlyMap<number, PartnershipEventData>;
  /** Whether the actor may make `unitId` the owner (unit editors only their own units). */
  mayOwn(unitId: number | null): boolean;
}

const baseSchema = z.object({
  kind: z.enum(PARTNERSHIP_KIND_VALUES),
  title_sv: requiredText(300),
  title_en: optionalText(300),
  summary_sv: optionalText(4000),
  summary_en: optionalText(4000),
  financing_sv: optionalText(4000),
  financing_en: optionalText(4000),
  status: z.enum(STATUS_VALUES),
  version: versionField,
});

/** The row numbers present in the form for keys matching `re` (first group), sorted, capped. */
export function rowIndices(values: FormValues, re: RegExp): number[] {
  const found = new Set<number>();
  for (const k of Object.keys(values)) {
    const m = re.exec(k);
    if (m && m[1]!.length <= 4) {
      const i = Number(m[1]);
      if (i < MAX_INDEX) found.add(i);
    }
  }
  return [...found].sort((a, b) => a - b);
}

export const PARTNER_RE = /^partner-(\d+)$/;
export const EVENT_RE = /^event-(\d+)-(?:id|kind|date|description_sv|description_en|place|decision|remove)$/;

export const EVENT_FIELDS = ['id', 'kind', 'date', 'description_sv', 'description_en', 'place', 'decision', 'remove'] as const;

/** Whether event row `i` is entirely empty (nothing typed, no stored event): it is not shown again. */
export function isBlankEventRow(values: FormValues, i: number): boolean {
  return EVENT_FIELDS.every((f) => {
    const v = values[`event-${i}-${f}`];
    return v === undefined || (typeof v === 'string' && v.trim() === '');
  });
}

const EVENT_TEXT_MAX = { description_sv: 2000, description_en: 2000, place: 200 } as const;

/** Reads and checks the whole form. */
export function readPartnershipForm(values: FormValues, ctx: PartnershipFormContext): { ok: true; data: PartnershipData } | { ok: false; errors: FormErrors } {
  const { lang } = ctx;
  const E = PS.errors;
  const errors: FormErrors = {};
  const add = (key: string, message: string) => {
    if (!errors[key]) errors[key] = message;
  };

  // The status rule first, so that its message wins over the generic one.
  const statusRaw = str(values, 'status');
  if ((STATUS_VALUES as readonly string[]).includes(statusRaw) && !allowedStatuses(ctx.liveStatus).includes(statusRaw as PartnershipStatus)) add('status', tr(E.status, lang));
  const base = parseForm(baseSchema, values, lang, labelsIn(PS_LABELS, lang));
  if (!base.ok) for (const [k, v] of Object.entries(base.errors)) add(k, v);

  // The responsible unit.
  const ownerRaw = values.owner_unit_id;
  const ownerText = typeof ownerRaw === 'string' ? ownerRaw.trim() : ownerRaw === undefined ? '' : '?';
  let ownerId: number | null = null;
  if (ownerText && (!/^[1-9][0-9]{0,14}$/.test(ownerText) || !ctx.units.has(Number(ownerText)))) add('owner_unit_id', tr(E.owner, lang));
  else {
    ownerId = ownerText ? Number(ownerText) : null;
    if (!ctx.mayOwn(ownerId)) add('owner_unit_id', tr(E.ownerNotYours, lang));
  }

  // Cooperation areas.
  const areas = list(values, 'cooperation_areas');
  if (areas.length > 50 || areas.some((a) => !ctx.themes.has(a))) add('cooperation_areas', tr(E.theme, lang));

  // Strategy goals: only those the form offers, so never another municipality's.
  const goalValues = list(values, 'goals');
  const goals: number[] = [];
  for (const g of goalValues.slice(0, 500)) {
    const id = /^[1-9][0-9]{0,14}$/.test(g) ? Number(g) : undefined;
    if (id === undefined || !ctx.goals?.has(id)) {
      add('goals', tr(GL.invalid, lang));
      break;
    }
    if (!goals.includes(id)) goals.push(id);
  }
  if (goalValues.length > 500) add('goals', tr(GL.invalid, lang));

  // Partners, in row order; an empty row is no partner.
  const partnerRows = rowIndices(values, PARTNER_RE);
  if (partnerRows.length > MAX_ROWS) add(`partner-${partnerRows[0]}`, tr(E.tooMany, lang, { max: MAX_ROWS }));
  const partners: number[] = [];
  for (const i of partnerRows.slice(0, MAX_ROWS)) {
    const raw = values[`partner-${i}`];
    const s = typeof raw === 'string' ? raw.trim() : '?';
    if (!s) continue;
    const id = /^[1-9][0-9]{0,14}$/.test(s) ? Number(s) : undefined;
    if (id === undefined || !ctx.organisations.has(id)) add(`partner-${i}`, tr(E.partner, lang));
    else if (partners.includes(id)) add(`partner-${i}`, tr(E.partnerTwice, lang));
    else partners.push(id);
  }
  // Only when every row is empty; the page then shows one empty row, numbered 0.
  if (partners.length === 0 && !Object.keys(errors).some((k) => k.startsWith('partner-'))) add('partner-0', tr(E.partnerNone, lang));

  // Timeline events.
  const eventRows = rowIndices(values, EVENT_RE);
  if (eventRows.length > MAX_ROWS) add(`event-${eventRows[0]}-kind`, tr(E.tooMany, lang, { max: MAX_ROWS }));
  const events: PartnershipEventData[] = [];
  // Rows are numbered as the page shows them: entirely empty rows are not shown again.
  let n = 0;
  for (const i of eventRows.slice(0, MAX_ROWS)) {
    if (isBlankEventRow(values, i)) continue;
    n++;
    const get = (f: string) => {
      const v = values[`event-${i}-${f}`];
      return typeof v === 'string' ? v.trim() : v === undefined ? '' : undefined;
    };
    if (get('remove') === '1') continue;
    const fields = ['kind', 'date', 'description_sv', 'description_en', 'place', 'decision'].map(get);
    if (fields.every((f) => f === '')) continue; // a stored event emptied of everything is removed
    const rawId = get('id');
    const existing = rawId && /^[1-9][0-9]{0,14}$/.test(rawId) ? ctx.existingEvents.get(Number(rawId)) : undefined;
    const kind = get('kind');
    if (!kind || !(EVENT_KIND_VALUES as readonly string[]).includes(kind)) add(`event-${i}-kind`, tr(E.eventKind, lang, { n }));
    const dateText = get('date');
    let date = dateText ? parseFuzzyDate(dateText) : undefined;
    if (existing && dateText !== undefined && dateText === formatFuzzyDate(lang, existing.date_from, existing.date_to, existing.date_precision)) {
      date = { from: existing.date_from, to: existing.date_to, precision: existing.date_precision };
    }
    if (!date) add(`event-${i}-date`, tr(E.eventDate, lang, { n }));
    const text: Record<string, string | null> = {};
    for (const f of ['description_sv', 'description_en', 'place'] as const) {
      const v = get(f);
      if (v === undefined || v.length > EVENT_TEXT_MAX[f]) add(`event-${i}-${f}`, tr(E.eventTooLong, lang, { n, max: EVENT_TEXT_MAX[f] }));
      text[f] = v || null;
    }
    if (get('description_sv') === '') add(`event-${i}-description_sv`, tr(E.eventDescription, lang, { n }));
    const decisionRaw = get('decision');
    let decision: number | null = null;
    if (decisionRaw) {
      if (/^[1-9][0-9]{0,14}$/.test(decisionRaw) && ctx.decisions.has(Number(decisionRaw))) decision = Number(decisionRaw);
      else add(`event-${i}-decision`, tr(E.eventDecision, lang, { n }));
    } else if (decisionRaw === undefined) add(`event-${i}-decision`, tr(E.eventDecision, lang, { n }));
    if (kind && date && text.description_sv) {
      events.push({
        id: existing?.id ?? null,
        kind: kind as PartnershipEventData['kind'],
        date_from: date.from,
        date_to: date.to,
        date_precision: date.precision,
        description_sv: text.description_sv,
        description_en: text.description_en ?? null,
        place: text.place ?? null,
        decision_id: decision,
        source: existing?.source ?? null,
      });
    }
  }

  if (!base.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  const b = base.data;
  // The timeline in date order; rows with the same date keep the order they were typed in.
  const ordered = events.map((e, i) => ({ e, i })).sort((x, y) => x.e.date_from.localeCompare(y.e.date_from) || x.i - y.i).map((x) => x.e);
  return {
    ok: true,
    data: {
      kind: b.kind,
      title_sv: b.title_sv,
      title_en: b.title_en,
      summary_sv: b.summary_sv,
      summary_en: b.summary_en,
      cooperation_areas: [...new Set(areas)],
      financing_sv: b.financing_sv,
      financing_en: b.financing_en,
      owner_unit_id: ownerId,
      status: b.status,
      partners,
      events: ordered,
      goals,
    },
  };
}

/** The form's values from stored data. */
export function partnershipFormValues(data: PartnershipData, lang: Lang, version: string): FormValues {
  const values: FormValues = {
    kind: data.kind,
    title_sv: data.title_sv,
    title_en: data.title_en ?? '',
    summary_sv: data.summary_sv ?? '',
    summary_en: data.summary_en ?? '',
    cooperation_areas: data.cooperation_areas,
    financing_sv: data.financing_sv ?? '',
    financing_en: data.financing_en ?? '',
    owner_unit_id: data.owner_unit_id === null ? '' : String(data.owner_unit_id),
    status: data.status,
    goals: (data.goals ?? []).map(String),
    version,
  };
  data.partners.forEach((p, i) => {
    values[`partner-${i}`] = String(p);
  });
  data.events.forEach((e, i) => {
    values[`event-${i}-id`] = e.id === null ? '' : String(e.id);
    values[`event-${i}-kind`] = e.kind;
    values[`event-${i}-date`] = formatFuzzyDate(lang, e.date_from, e.date_to, e.date_precision);
    values[`event-${i}-description_sv`] = e.description_sv;
    values[`event-${i}-description_en`] = e.description_en ?? '';
    values[`event-${i}-place`] = e.place ?? '';
    values[`event-${i}-decision`] = e.decision_id === null ? '' : String(e.decision_id);
  });
  return values;
}
