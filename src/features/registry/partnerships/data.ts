/**
 * A partnership as the back office edits it (`PartnershipData`: the whole form as plain JSON, what
 * a revision stores), how it is read from and written to the live tables, and its review adapter
 * (publication with review, AL-14, through src/features/editing/review.ts).
 *
 * Status rule (AR-2, AR-9): a partnership becomes 'active' only through the activation page, after
 * a completed assessment and a recorded decision, and 'ended' only through the ending page, with a
 * recorded decision (evaluations/service.ts). The form may keep an active partnership active and
 * may set 'dormant'; 'proposed' only while it is still proposed; an ended partnership stays
 * ended. `apply` enforces
 * the same rule against the live status at the moment of writing, so a draft written before an
 * activation cannot undo it when published later, and no draft can activate anything.
 *
 * References that no longer hold when a revision is published (an organisation or decision of
 * another municipality, a removed theme) are dropped rather than failing the publication.
 */
import type { Db } from '../../../db/database.js';
import { nowIso } from '../../../db/database.js';
import type { DatePrecision, PartnershipEventKind, PartnershipKind, PartnershipStatus } from '../../../db/schema.js';
import { formatFuzzyDate, type Lang } from '../../../i18n/index.js';
import { EVENT_KINDS, label, PARTNERSHIP_KINDS, PARTNERSHIP_STATUSES } from '../../../i18n/labels.js';
import { type LiveRecord, type ReviewAdapter, type ReviewField, registerReviewAdapter } from '../../editing/review.js';
import { goalLabel, partnershipGoalIds, replaceGoalLinks } from '../../strategy/goal-links.js';
import { pick } from '../messages.js';

export const PARTNERSHIP_KIND_VALUES = ['twinning', 'network', 'cooperation', 'development'] as const satisfies readonly PartnershipKind[];
export const STATUS_VALUES = ['proposed', 'active', 'dormant', 'ended'] as const satisfies readonly PartnershipStatus[];
export const EVENT_KIND_VALUES = ['first_contact', 'proposed', 'agreement_signed', 'confirmed', 'exchange', 'evaluated', 'ended', 'other'] as const satisfies readonly PartnershipEventKind[];

export interface PartnershipEventData {
  /** The stored event this row edits (keeps its source); null for a new event. */
  id: number | null;
  kind: PartnershipEventKind;
  date_from: string;
  date_to: string;
  date_precision: DatePrecision;
  description_sv: string;
  description_en: string | null;
  place: string | null;
  decision_id: number | null;
  /** Where a seeded event comes from (document and line); never set by the form. */
  source: string | null;
}

export interface PartnershipData {
  kind: PartnershipKind;
  title_sv: string;
  title_en: string | null;
  summary_sv: string | null;
  summary_en: string | null;
  cooperation_areas: string[];
  financing_sv: string | null;
  financing_en: string | null;
  owner_unit_id: number | null;
  status: PartnershipStatus;
  /** External organisations, in the order they are shown. */
  partners: number[];
  events: PartnershipEventData[];
  /**
   * Goals of the municipality's adopted and draft strategies the partnership contributes to.
   * Absent in revisions saved before goals could be linked: writing such data leaves the links as they are.
   */
  goals?: number[];
}

/**
 * The statuses the form may set, given the live status (undefined for a new partnership).
 * 'active' only when already active; 'proposed' only while still proposed; 'ended' only when
 * already ended, and then nothing else (ending and its decision: the ending page).
 */
export function allowedStatuses(live: PartnershipStatus | undefined): PartnershipStatus[] {
  if (live === 'ended') return ['ended'];
  return STATUS_VALUES.filter((s) => (s === 'active' ? live === 'active' : s === 'proposed' ? live === undefined || live === 'proposed' : s !== 'ended'));
}

/** The status that writing `wanted` over `live` gives: `wanted` if the form may set it, else `live` unchanged. */
function effectiveStatus(wanted: PartnershipStatus, live: PartnershipStatus | undefined): PartnershipStatus {
  if (allowedStatuses(live).includes(wanted)) return wanted;
  return live ?? 'proposed';
}

function parseCodes(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

const num = (v: number | string | null | undefined): number | null => (v === null || v === undefined ? null : Number(v));

/** The live partnership as PartnershipData with owner and publication state, or undefined (also for another municipality's). */
async function loadPartnershipData(db: Db, municipalityId: number, id: number): Promise<LiveRecord<PartnershipData> | undefined> {
  const p = await db.selectFrom('partnerships').selectAll().where('id', '=', id).where('municipality_id', '=', municipalityId).executeTakeFirst();
  if (!p) return undefined;
  const [partners, events, goals] = await Promise.all([
    db.selectFrom('partnership_partners').select('organisation_id').where('partnership_id', '=', id).orderBy('position').orderBy('organisation_id').execute(),
    db.selectFrom('partnership_events').selectAll().where('partnership_id', '=', id).orderBy('date_from').orderBy('id').execute(),
    partnershipGoalIds(db, id),
  ]);
  return {
    data: {
      kind: p.kind,
      title_sv: p.title_sv,
      title_en: p.title_en,
      summary_sv: p.summary_sv,
      summary_en: p.summary_en,
      cooperation_areas: parseCodes(p.cooperation_areas),
      financing_sv: p.financing_sv,
      financing_en: p.financing_en,
      owner_unit_id: num(p.owner_unit_id),
      status: p.status,
      partners: partners.map((x) => Number(x.organisation_id)),
      events: events.map((e) => ({
        id: Number(e.id),
        kind: e.kind,
        date_from: e.date_from,
        date_to: e.date_to,
        date_precision: e.date_precision,
        description_sv: e.description_sv,
        description_en: e.description_en,
        place: e.place,
        decision_id: num(e.decision_id),
        source: e.source,
      })),
      goals,
    },
    ownerUnitId: num(p.owner_unit_id),
    publicationState: p.publication_state,
  };
}

/** The ids among `ids` that are rows of `table` in the municipality (external organisations only for organisations). */
async function validIds(trx: Db, table: 'organisations' | 'decisions', municipalityId: number, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  let q = trx.selectFrom(table).select('id').where('municipality_id', '=', municipalityId).where('id', 'in', ids);
  if (table === 'organisations') q = q.where('is_internal', '=', 0);
  return new Set((await q.execute()).map((r) => Number(r.id)));
}

async function validUnit(trx: Db, municipalityId: number, id: number | null): Promise<number | null> {
  if (id === null) return null;
  const row = await trx.selectFrom('organisations').select('id').where('id', '=', id).where('municipality_id', '=', municipalityId).where('is_internal', '=', 1).executeTakeFirst();
  return row ? id : null;
}

async function writeChildren(trx: Db, municipalityId: number, id: number, data: PartnershipData): Promise<void> {
  const partnerOk = await validIds(trx, 'organisations', municipalityId, data.partners);
  const partners = [...new Set(data.partners)].filter((o) => partnerOk.has(o));
  await trx.deleteFrom('partnership_partners').where('partnership_id', '=', id).execute();
  if (partners.length) await trx.insertInto('partnership_partners').values(partners.map((organisation_id, position) => ({ partnership_id: id, organisation_id, position }))).execute();

  const decisionOk = await validIds(trx, 'decisions', municipalityId, data.events.flatMap((e) => (e.decision_id === null ? [] : [e.decision_id])));
  const stored = new Map((await trx.selectFrom('partnership_events').select(['id', 'source']).where('partnership_id', '=', id).execute()).map((e) => [Number(e.id), e.source]));
  const kept = new Set<number>();
  for (const e of data.events) {
    const row = {
      kind: e.kind,
      date_from: e.date_from,
      date_to: e.date_to,
      date_precision: e.date_precision,
      description_sv: e.description_sv,
      description_en: e.description_en,
      place: e.place,
      decision_id: e.decision_id !== null && decisionOk.has(e.decision_id) ? e.decision_id : null,
    };
    if (e.id !== null && stored.has(e.id) && !kept.has(e.id)) {
      kept.add(e.id);
      await trx.updateTable('partnership_events').set(row).where('id', '=', e.id).where('partnership_id', '=', id).execute();
    } else {
      await trx.insertInto('partnership_events').values({ ...row, partnership_id: id, source: null }).execute();
    }
  }
  const gone = [...stored.keys()].filter((k) => !kept.has(k));
  if (gone.length) await trx.deleteFrom('partnership_events').where('partnership_id', '=', id).where('id', 'in', gone).execute();
  if (data.goals !== undefined) await replaceGoalLinks(trx, 'partnership_goals', municipalityId, id, data.goals);
}

async function themeCodes(trx: Db): Promise<Set<string>> {
  return new Set((await trx.selectFrom('themes').select('code').execute()).map((t) => t.code));
}

/** Writes `data` over the live partnership (inside the caller's transaction); never its publication state. */
async function applyPartnershipData(trx: Db, municipalityId: number, id: number, data: PartnershipData): Promise<void> {
  const live = await trx.selectFrom('partnerships').select('status').where('id', '=', id).where('municipality_id', '=', municipalityId).executeTakeFirst();
  if (!live) return;
  const themes = await themeCodes(trx);
  await trx
    .updateTable('partnerships')
    .set({
      kind: data.kind,
      title_sv: data.title_sv,
      title_en: data.title_en,
      summary_sv: data.summary_sv,
      summary_en: data.summary_en,
      cooperation_areas: JSON.stringify([...new Set(data.cooperation_areas)].filter((c) => themes.has(c))),
      financing_sv: data.financing_sv,
      financing_en: data.financing_en,
      owner_unit_id: await validUnit(trx, municipalityId, data.owner_unit_id),
      status: effectiveStatus(data.status, live.status),
      updated_at: nowIso(),
    })
    .where('id', '=', id)
    .where('municipality_id', '=', municipalityId)
    .execute();
  await writeChildren(trx, municipalityId, id, data);
}

/** Creates a never-published (draft) partnership from `data`; returns its id. Never 'active'. */
async function createPartnership(trx: Db, municipalityId: number, data: PartnershipData): Promise<number> {
  const themes = await themeCodes(trx);
  const now = nowIso();
  const inserted = await trx
    .insertInto('partnerships')
    .values({
      municipality_id: municipalityId,
      kind: data.kind,
      title_sv: data.title_sv,
      title_en: data.title_en,
      status: effectiveStatus(data.status, undefined),
      summary_sv: data.summary_sv,
      summary_en: data.summary_en,
      cooperation_areas: JSON.stringify([...new Set(data.cooperation_areas)].filter((c) => themes.has(c))),
      financing_sv: data.financing_sv,
      financing_en: data.financing_en,
      publication_state: 'draft',
      source: null,
      created_at: now,
      updated_at: now,
      owner_unit_id: await validUnit(trx, municipalityId, data.owner_unit_id),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(inserted.id);
  await writeChildren(trx, municipalityId, id, data);
  return id;
}

/** The data as label/value pairs in the language, names looked up (the review queue's before/after view). */
async function describePartnership(db: Db, municipalityId: number, data: PartnershipData, lang: Lang): Promise<ReviewField[]> {
  const sv = lang === 'sv';
  const orgIds = [...new Set([...data.partners, ...(data.owner_unit_id === null ? [] : [data.owner_unit_id])])];
  const goalIds = data.goals ?? [];
  const [orgs, themes, goals] = await Promise.all([
    orgIds.length ? db.selectFrom('organisations').select(['id', 'name_sv', 'name_en']).where('municipality_id', '=', municipalityId).where('id', 'in', orgIds).execute() : [],
    db.selectFrom('themes').selectAll().execute(),
    goalIds.length
      ? db.selectFrom('strategy_goals').select(['id', 'level_name', 'title_sv', 'title_en']).where('municipality_id', '=', municipalityId).where('id', 'in', goalIds).execute()
      : [],
  ]);
  const goalName = new Map(goals.map((g) => [Number(g.id), goalLabel({ levelName: g.level_name, title_sv: g.title_sv, title_en: g.title_en }, lang)]));
  const orgName = new Map(orgs.map((o) => [Number(o.id), pick(lang, o.name_sv, o.name_en)]));
  const themeName = new Map(themes.map((t) => [t.code, pick(lang, t.label_sv, t.label_en)]));
  const f = (key: string, labelSv: string, labelEn: string, value: string | null | undefined): ReviewField => ({ key, label: sv ? labelSv : labelEn, value: value ?? '' });
  return [
    f('kind', 'Typ av samarbete', 'Kind of partnership', label(PARTNERSHIP_KINDS, data.kind, lang)),
    f('title_sv', 'Titel på svenska', 'Title in Swedish', data.title_sv),
    f('title_en', 'Titel på engelska', 'Title in English', data.title_en),
    f('status', 'Status', 'Status', label(PARTNERSHIP_STATUSES, data.status, lang)),
    f('summary_sv', 'Sammanfattning på svenska', 'Summary in Swedish', data.summary_sv),
    f('summary_en', 'Sammanfattning på engelska', 'Summary in English', data.summary_en),
    f('cooperation_areas', 'Samarbetsområden', 'Cooperation areas', data.cooperation_areas.map((c) => themeName.get(c) ?? c).join(', ')),
    f('financing_sv', 'Finansiering på svenska', 'Financing in Swedish', data.financing_sv),
    f('financing_en', 'Finansiering på engelska', 'Financing in English', data.financing_en),
    f('owner_unit_id', 'Ansvarig enhet', 'Responsible unit', data.owner_unit_id === null ? '' : (orgName.get(data.owner_unit_id) ?? '')),
    f('partners', 'Partner', 'Partners', data.partners.map((p) => orgName.get(p) ?? `#${p}`).join(', ')),
    f(
      'events',
      'Historik',
      'History',
      data.events
        .map((e) => `${formatFuzzyDate(lang, e.date_from, e.date_to, e.date_precision)} – ${label(EVENT_KINDS, e.kind, lang)}: ${pick(lang, e.description_sv, e.description_en)}${e.place ? ` (${e.place})` : ''}`)
        .join('\n'),
    ),
    f('goals', 'Mål i strategin', 'Strategy goals', goalIds.map((g) => goalName.get(g) ?? `#${g}`).join('\n')),
  ];
}

export const partnershipAdapter: ReviewAdapter<PartnershipData> = {
  entity: 'partnership',
  loadLive: loadPartnershipData,
  apply: applyPartnershipData,
  create: createPartnership,
  ownerUnitOf: (data) => data.owner_unit_id,
  title: (data, lang) => pick(lang, data.title_sv, data.title_en),
  describe: describePartnership,
  path: (slug, id) => `/${slug}/samarbeten/${id}`,
};

registerReviewAdapter(partnershipAdapter);
