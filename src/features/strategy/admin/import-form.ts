/**
 * The correction form of a strategy import between its steps: the strategy's facts, the
 * importer's warnings and the goal rows all travel in the form (nothing is stored until the
 * person confirms). Reads a posted form, validates it all at once, and turns it into the
 * `ProposedStrategy` the importer's save takes.
 */
import type { Lang } from '../../../i18n/index.js';
import { type FormErrors, type FormValues, parseForm, str } from '../../../ui/forms.js';
import type { ProposedStrategy } from '../model.js';
import { FIELD_LABELS, labelsIn, REVIEW_FORM, tr } from './messages.js';
import { strategySchema } from './service.js';
import { buildTree, flattenTree, MAX_DEPTH, MAX_DESCRIPTION, MAX_LEVEL_NAME, MAX_ROWS, MAX_TITLE, type ReadRowsResult, readRows, rowField, rowProblems, type TreeRow } from './tree-form.js';

/** The strategy's facts in the correction form, by field name. */
export const FACT_FIELDS = ['title_sv', 'vision_sv', 'adopted_by', 'adopted_on', 'minute_paragraph', 'registry_number', 'responsibilities_sv', 'body_sv'] as const;
export type FactField = (typeof FACT_FIELDS)[number];

export const MAX_WARNINGS = 50;

export interface CorrectionState {
  facts: Record<FactField, string>;
  rows: TreeRow[];
  warnings: { sv: string; en: string }[];
  /** The uploaded file's name, or '' for pasted text. */
  source: string;
}

/** The state of the form for a fresh proposal. */
export function stateOfProposal(p: ProposedStrategy, source: string): CorrectionState {
  return {
    facts: {
      title_sv: p.title,
      vision_sv: p.vision,
      adopted_by: p.adoptedBy,
      adopted_on: p.adoptedOn,
      minute_paragraph: p.minuteParagraph,
      registry_number: p.registryNumber,
      responsibilities_sv: p.responsibilities,
      body_sv: p.body,
    },
    // Deeper than the form allows: kept at the deepest level (still a valid tree).
    rows: flattenTree(p.goals)
      .slice(0, MAX_ROWS)
      .map((r) => (r.depth > MAX_DEPTH ? { ...r, depth: MAX_DEPTH } : r)),
    warnings: p.warnings.slice(0, MAX_WARNINGS),
    source,
  };
}

export type ReadStateResult = { ok: true; state: CorrectionState } | { ok: false; reason: Exclude<ReadRowsResult, { ok: true }>['reason'] };

/** Reads the posted correction form; refuses a tampered tree (see `readRows`). */
export function readCorrection(values: FormValues): ReadStateResult {
  const rows = readRows(values);
  if (!rows.ok) return rows;
  const facts = Object.fromEntries(FACT_FIELDS.map((f) => [f, str(values, f)])) as Record<FactField, string>;
  const warnings: { sv: string; en: string }[] = [];
  for (let i = 0; i < MAX_WARNINGS; i++) {
    const sv = values[`warning.${i}.sv`];
    const en = values[`warning.${i}.en`];
    if (typeof sv !== 'string' || typeof en !== 'string') break;
    warnings.push({ sv: sv.slice(0, 2000), en: en.slice(0, 2000) });
  }
  return { ok: true, state: { facts, rows: rows.rows, warnings, source: str(values, 'source').slice(0, 200) } };
}

/** The message of a tampered form, for a 400 page. */
export function tamperedMessage(reason: 'count' | 'too_many' | 'missing' | 'depth', lang: Lang): string {
  switch (reason) {
    case 'count':
      return tr(REVIEW_FORM.tamperedCount, lang);
    case 'too_many':
      return tr(REVIEW_FORM.tamperedTooMany, lang, { max: MAX_ROWS });
    case 'missing':
      return tr(REVIEW_FORM.tamperedMissing, lang);
    default:
      return tr(REVIEW_FORM.tamperedDepth, lang);
  }
}

/** Every error of the form at once, keyed by field name (rows: `node.N.title` …), in document order. */
export function correctionErrors(state: CorrectionState, lang: Lang): FormErrors {
  const errors: FormErrors = {};
  const parsed = parseForm(strategySchema(lang), state.facts, lang, labelsIn(FIELD_LABELS, lang));
  if (!parsed.ok) for (const f of FACT_FIELDS) if (parsed.errors[f]) errors[f] = parsed.errors[f]!;
  for (const p of rowProblems(state.rows)) {
    const field = p.field === 'depth' ? 'title' : p.field;
    const key = rowField(p.index, field);
    if (errors[key]) continue;
    const message =
      p.field === 'depth'
        ? tr(REVIEW_FORM.tooDeep, lang)
        : p.field === 'title'
          ? p.kind === 'required'
            ? tr(REVIEW_FORM.titleRequired, lang)
            : tr(REVIEW_FORM.titleTooLong, lang, { max: MAX_TITLE })
          : p.field === 'level'
            ? p.kind === 'required'
              ? tr(REVIEW_FORM.levelRequired, lang)
              : tr(REVIEW_FORM.levelTooLong, lang, { max: MAX_LEVEL_NAME })
            : tr(REVIEW_FORM.descriptionTooLong, lang, { max: MAX_DESCRIPTION });
    errors[key] = message;
  }
  return errors;
}

/** The error summary's text of an error: a row's errors name the row. */
export function summaryText(key: string, message: string, lang: Lang): string {
  const m = /^node\.(\d+)\./.exec(key);
  return m ? tr(REVIEW_FORM.rowError, lang, { n: Number(m[1]) + 1, message }) : message;
}

/** The checked form as the proposal the importer saves. Call only when `correctionErrors` is empty. */
export function toProposal(state: CorrectionState): ProposedStrategy {
  const f = state.facts;
  const t = (s: string) => s.trim();
  return {
    title: t(f.title_sv),
    vision: t(f.vision_sv),
    adoptedBy: t(f.adopted_by),
    adoptedOn: t(f.adopted_on),
    minuteParagraph: t(f.minute_paragraph),
    registryNumber: t(f.registry_number),
    responsibilities: t(f.responsibilities_sv),
    body: t(f.body_sv),
    goals: buildTree(state.rows.map((r) => ({ ...r, levelName: t(r.levelName), title: t(r.title), description: t(r.description) }))),
    warnings: state.warnings,
  };
}
