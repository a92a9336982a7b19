/**
 * The half-year report's forms: reading what was posted into checked input, with every error at
 * once keyed by field (the field's id, so the error summary's links land on it). Pure: no I/O.
 */
import type { Lang } from '../../../i18n/index.js';
import { type FormErrors, type FormValues, type ParseResult, str } from '../../../ui/forms.js';
import { SECTION_KEYS, type ReportStructure, type SectionKey } from '../model.js';
import { R, SECTION_NAMES, tr } from './messages.js';
import { formatRecipients, MAX_RECIPIENTS, parseRecipients } from './recipients.js';
import type { FollowUpInput } from './repository.js';
import { LIMITS } from './service.js';

/** Text as typed: line ends normalised, trimmed; null when empty. */
function text(values: FormValues, name: string): string | null {
  const s = str(values, name).replace(/\r\n?/g, '\n').trim();
  return s ? s : null;
}

/** The hidden `version` field: a positive integer, else 0 (which never matches, so the form counts as stale). */
export function versionOf(values: FormValues): number {
  const v = str(values, 'version');
  return /^[1-9][0-9]{0,8}$/.test(v) ? Number(v) : 0;
}

export interface SectionForm {
  comment: string | null;
  ready: boolean;
  version: number;
}

/** A unit's section: the comment, and "ready" when the second button was pressed (which needs a comment). */
export function parseSectionForm(values: FormValues, lang: Lang): ParseResult<SectionForm> {
  const comment = text(values, 'comment');
  const ready = str(values, 'action') === 'ready';
  const errors: FormErrors = {};
  if (comment && comment.length > LIMITS.comment) errors.comment = tr(R.commentTooLong, lang, { n: LIMITS.comment });
  else if (ready && !comment) errors.comment = tr(R.commentForReady, lang);
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, data: { comment, ready, version: versionOf(values) } };
}

export interface SummaryForm {
  title: string;
  titleEn: string | null;
  summary: string | null;
  version: number;
}

/** The title (required), the English title and the summary. */
export function parseSummaryForm(values: FormValues, lang: Lang): ParseResult<SummaryForm> {
  const title = text(values, 'title_sv');
  const titleEn = text(values, 'title_en');
  const summary = text(values, 'summary');
  const errors: FormErrors = {};
  if (!title) errors.title_sv = tr(R.titleMissing, lang);
  else if (title.length > LIMITS.title) errors.title_sv = tr(R.titleTooLong, lang, { n: LIMITS.title });
  if (titleEn && titleEn.length > LIMITS.title) errors.title_en = tr(R.titleTooLong, lang, { n: LIMITS.title });
  if (summary && summary.length > LIMITS.summary) errors.summary = tr(R.summaryTooLong, lang, { n: LIMITS.summary });
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, data: { title: title!, titleEn, summary, version: versionOf(values) } };
}

export interface StructureForm {
  sections: ReportStructure['sections'];
  unitIds: number[];
  confirmRemove: boolean;
  version: number;
}

const ORDER_RE = /^[1-9][0-9]?$/;

/** The form values of a structure: each section's fields and each unit's, in their order (1, 2, …). */
export function structureValues(structure: ReportStructure, unitIds: number[]): FormValues {
  const v: FormValues = {};
  structure.sections.forEach((s, i) => {
    v[`include_${s.key}`] = s.included ? '1' : undefined;
    v[`order_${s.key}`] = String(i + 1);
    v[`heading_sv_${s.key}`] = s.heading_sv ?? '';
    v[`heading_en_${s.key}`] = s.heading_en ?? '';
  });
  unitIds.forEach((id, i) => {
    v[`unit_${id}`] = '1';
    v[`unit_order_${id}`] = String(i + 1);
  });
  return v;
}

/**
 * Sections (included, order 1–99, own headings) and units with a section (any of `knownUnits`,
 * in the order given; units without an order come last, by their place in `knownUnits`).
 */
export function parseStructureForm(values: FormValues, knownUnits: { id: number; name: string }[], lang: Lang): ParseResult<StructureForm> {
  const errors: FormErrors = {};
  const rows = SECTION_KEYS.map((key, index) => {
    const name = tr(SECTION_NAMES[key], lang);
    const rawOrder = str(values, `order_${key}`).trim();
    if (rawOrder && !ORDER_RE.test(rawOrder)) errors[`order_${key}`] = tr(R.orderInvalid, lang, { section: name });
    const headingSv = text(values, `heading_sv_${key}`);
    const headingEn = text(values, `heading_en_${key}`);
    if (headingSv && headingSv.length > LIMITS.heading) errors[`heading_sv_${key}`] = tr(R.headingTooLong, lang, { section: name, n: LIMITS.heading });
    if (headingEn && headingEn.length > LIMITS.heading) errors[`heading_en_${key}`] = tr(R.headingTooLong, lang, { section: name, n: LIMITS.heading });
    const order = ORDER_RE.test(rawOrder) ? Number(rawOrder) : 100;
    return { key: key as SectionKey, included: str(values, `include_${key}`) === '1', heading_sv: headingSv, heading_en: headingEn, order, index };
  });
  if (!rows.some((r) => r.included)) errors[`include_${SECTION_KEYS[0]}`] = tr(R.noSectionIncluded, lang);
  const known = new Map(knownUnits.map((u, i) => [u.id, i]));
  const chosen: { id: number; order: number; index: number }[] = [];
  for (const [k, v] of Object.entries(values)) {
    const m = /^unit_([1-9][0-9]{0,14})$/.exec(k);
    if (!m || v !== '1') continue;
    const id = Number(m[1]);
    if (!known.has(id)) {
      errors.units = tr(R.unknownUnit, lang);
      continue;
    }
    const rawOrder = str(values, `unit_order_${id}`).trim();
    if (rawOrder && !ORDER_RE.test(rawOrder)) errors[`unit_order_${id}`] = tr(R.orderInvalid, lang, { section: knownUnits[known.get(id)!]!.name });
    chosen.push({ id, order: ORDER_RE.test(rawOrder) ? Number(rawOrder) : 100, index: known.get(id)! });
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  const sections = rows.sort((a, b) => a.order - b.order || a.index - b.index).map(({ key, included, heading_sv, heading_en }) => ({ key, included, heading_sv, heading_en }));
  const unitIds = chosen.sort((a, b) => a.order - b.order || a.index - b.index).map((c) => c.id);
  return { ok: true, data: { sections, unitIds, confirmRemove: str(values, 'confirm_remove') === '1', version: versionOf(values) } };
}

const SETTINGS_RANGES = {
  report_sections_due_days: { error: R.sectionsDueDaysError, min: 0, max: 365 },
  report_due_days: { error: R.reportDueDaysError, min: 0, max: 365 },
  partnership_evaluation_months: { error: R.evaluationMonthsError, min: 1, max: 120 },
  reminder_days_before: { error: R.reminderDaysError, min: 0, max: 90 },
} as const;

/** The follow-up settings: recipients (each line an address) and four whole numbers in range. */
export function parseSettingsForm(values: FormValues, lang: Lang): ParseResult<FollowUpInput> {
  const errors: FormErrors = {};
  const { recipients, badLines } = parseRecipients(str(values, 'report_recipients'));
  if (badLines.length) errors.report_recipients = badLines.map((line) => tr(R.recipientInvalid, lang, { line })).join(' ');
  else if (recipients.length > MAX_RECIPIENTS) errors.report_recipients = tr(R.recipientsTooMany, lang, { n: MAX_RECIPIENTS });
  const n: Partial<Record<keyof typeof SETTINGS_RANGES, number>> = {};
  for (const [field, range] of Object.entries(SETTINGS_RANGES) as [keyof typeof SETTINGS_RANGES, (typeof SETTINGS_RANGES)[keyof typeof SETTINGS_RANGES]][]) {
    const raw = str(values, field).trim();
    const v = /^[0-9]{1,4}$/.test(raw) ? Number(raw) : Number.NaN;
    if (!(v >= range.min && v <= range.max)) errors[field] = tr(range.error, lang, { min: range.min, max: range.max });
    else n[field] = v;
  }
  if (!errors.report_due_days && !errors.report_sections_due_days && n.report_due_days! < n.report_sections_due_days!) errors.report_due_days = tr(R.reportBeforeSections, lang);
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    data: {
      reportRecipients: formatRecipients(recipients),
      reportSectionsDueDays: n.report_sections_due_days!,
      reportDueDays: n.report_due_days!,
      partnershipEvaluationMonths: n.partnership_evaluation_months!,
      reminderDaysBefore: n.reminder_days_before!,
    },
  };
}

