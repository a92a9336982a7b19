/**
 * Changing action plans and measures: the forms' validation (every error at once, keyed by field)
 * and the writes. Each write is one transaction with its audit entry, and after any change of
 * measures' progress, status, goals, weights or dates the strategy's goal history is recorded in
 * the same transaction (`recordGoalHistory`).
 *
 * Policy (issue 4): creating and editing plans, creating measures, evaluating and copying plans
 * is 'edit' on the municipality (coordinators, administrators); editing a measure, its progress,
 * notes and indicators is 'edit' on the measure's owner unit (unit editors: their units).
 */
import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../../db/database.js';
import { nowIso } from '../../../db/database.js';
import type { ActionPlanStatus, Database, MeasureStatus } from '../../../db/schema.js';
import type { Lang } from '../../../i18n/index.js';
import { type FormErrors, type FormValues, list, parseForm, str } from '../../../ui/forms.js';
import { recordAudit } from '../../audit/chain.js';
import { todayInSweden } from '../../decisions/registry.js';
import { type Actor, actorLabel, auditActor } from '../../policy/actor.js';
import { can } from '../../policy/policy.js';
import { isIsoDate, optionalDate, optionalText, requiredDate, requiredText, versionField } from '../../registry/fields.js';
import { recordGoalHistory } from '../progress/progress.js';
import { ERR, EVALUATION_LABELS, MEASURE_LABELS, NOTE_LABELS, PLAN_LABELS, type Text, tr } from './messages.js';
import { findMeasure, findPlan, type GoalNode, listMeasures, type MeasureRow, measureDetails, type Plan, type UnitRef } from './repository.js';

export const PLAN_STATUSES = ['draft', 'active', 'closed'] as const satisfies readonly ActionPlanStatus[];
export const MEASURE_STATUSES = ['planned', 'ongoing', 'done', 'cancelled'] as const satisfies readonly MeasureStatus[];
/** Statuses of a measure that is finished: it stays in the old plan when a plan is copied. */
export const FINISHED: ReadonlySet<MeasureStatus> = new Set(['done', 'cancelled']);

/** Today's date in Sweden, `YYYY-MM-DD`. */
export const today = (): string => todayInSweden();

const labelsIn = (labels: Record<string, Text>, lang: Lang) => Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, v[lang]]));

// ── Policy ──────────────────────────────────────────────────────────────────

/** Whether the actor may create or change plans of the municipality (not only measures). */
export function canEditPlans(actor: Actor, municipalityId: number): boolean {
  return can(actor, 'edit', { municipalityId });
}

/** Whether the actor may change a measure owned by `ownerUnitId`. */
export function canEditMeasure(actor: Actor, municipalityId: number, ownerUnitId: number | null): boolean {
  return can(actor, 'edit', { municipalityId, ownerUnitId });
}

// ── Field pieces ────────────────────────────────────────────────────────────

export { isIsoDate };

/** A number as people type it: "12", "3,5", "1 000", "−2". Undefined when it is not one. */
export function looseNumber(raw: string): number | undefined {
  const s = raw.replace(/[\s\u00a0\u202f]/g, '').replace(/\u2212/g, '-').replace(',', '.');
  if (!/^-?(\d{1,12}(\.\d{1,12})?|\.\d{1,12})$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

const numberField = (opts: { min: number; max: number; integer?: boolean; message: string; empty?: number }) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const s = (v ?? '').trim();
      if (s === '' && opts.empty !== undefined) return opts.empty;
      const n = looseNumber(s);
      if (n === undefined || n < opts.min || n > opts.max || (opts.integer && !Number.isInteger(n))) {
        ctx.addIssue({ code: 'custom', message: opts.message });
        return z.NEVER;
      }
      return n;
    });

const idField = (message: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const s = (v ?? '').trim();
      if (!/^[1-9][0-9]{0,14}$/.test(s)) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return Number(s);
    });

/**
 * Progress as it comes from a form or a spreadsheet cell: a whole number 0–100, optionally with a
 * per-cent sign or a zero decimal ("40", "40 %", 40, "40,0"). Undefined otherwise.
 */
export function parseProgress(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 && v <= 100 ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const m = /^(\d{1,3})(?:[.,]0+)?\s*%?$/.exec(v.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  return n <= 100 ? n : undefined;
}

function withDateOrder(errors: FormErrors, start: string, end: string, field: string, message: string): FormErrors {
  const a = start.trim();
  const b = end.trim();
  if (isIsoDate(a) && isIsoDate(b) && b < a && !errors[field]) return { ...errors, [field]: message };
  return errors;
}

/** The parse result with "the period ends before it starts" added to its errors. */
function withOrder<T>(parsed: { ok: true; data: T } | { ok: false; errors: FormErrors }, values: FormValues, lang: Lang): { ok: true; data: T } | { ok: false; errors: FormErrors } {
  const errors = withDateOrder(parsed.ok ? {} : parsed.errors, str(values, 'period_start'), str(values, 'period_end'), 'period_end', tr(ERR.periodEndBeforeStart, lang));
  return parsed.ok && Object.keys(errors).length === 0 ? parsed : { ok: false, errors };
}

// ── Plans ───────────────────────────────────────────────────────────────────

export function planSchema(lang: Lang) {
  const L = labelsIn(PLAN_LABELS, lang);
  return z.object({
    strategy_id: idField(tr(ERR.strategy, lang)),
    title_sv: requiredText(200),
    title_en: optionalText(200),
    period_start: requiredDate(tr(ERR.date, lang, { label: L.period_start! })),
    period_end: requiredDate(tr(ERR.date, lang, { label: L.period_end! })),
    status: z.enum(PLAN_STATUSES, { message: tr(ERR.status, lang) }),
    evaluation_interval_months: numberField({ min: 1, max: 120, integer: true, message: tr(ERR.interval, lang) }),
    version: versionField,
  });
}

export type PlanInput = z.output<ReturnType<typeof planSchema>>;

export function parsePlanForm(values: FormValues, lang: Lang) {
  return withOrder(parseForm(planSchema(lang), values, lang, labelsIn(PLAN_LABELS, lang)), values, lang);
}

export type WriteResult = { ok: true; id: number } | { ok: false; reason: 'not_found' } | { ok: false; reason: 'conflict' } | { ok: false; reason: 'invalid'; errors: FormErrors };

async function strategyOf(trx: Db | Transaction<Database>, municipalityId: number, strategyId: number) {
  return trx.selectFrom('strategies').select('id').where('id', '=', strategyId).where('municipality_id', '=', municipalityId).executeTakeFirst();
}

function planValues(input: PlanInput) {
  const { version: _v, ...rest } = input;
  return rest;
}

/** Adds a plan. The caller has checked 'edit' on the municipality. */
export async function createPlan(db: Db, actor: Actor, municipalityId: number, input: PlanInput, lang: Lang): Promise<WriteResult> {
  return db.transaction().execute(async (trx): Promise<WriteResult> => {
    if (!(await strategyOf(trx, municipalityId, input.strategy_id))) return { ok: false, reason: 'invalid', errors: { strategy_id: tr(ERR.strategy, lang) } };
    const now = nowIso();
    const { id } = await trx
      .insertInto('action_plans')
      .values({ ...planValues(input), municipality_id: municipalityId, previous_plan_id: null, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const planId = Number(id);
    await recordAudit(trx, { municipalityId, actor: auditActor(actor), action: 'create', entity: 'action_plan', entityId: planId, before: null, after: await findPlan(trx, municipalityId, planId) });
    return { ok: true, id: planId };
  });
}

/** Saves the form over a plan. The caller has checked 'edit' on the municipality. */
export async function updatePlan(db: Db, actor: Actor, municipalityId: number, id: number, input: PlanInput, lang: Lang): Promise<WriteResult> {
  return db.transaction().execute(async (trx): Promise<WriteResult> => {
    const before = await findPlan(trx, municipalityId, id);
    if (!before) return { ok: false, reason: 'not_found' };
    if (input.version && input.version !== before.updated_at) return { ok: false, reason: 'conflict' };
    if (input.strategy_id !== before.strategy_id) {
      if (!(await strategyOf(trx, municipalityId, input.strategy_id))) return { ok: false, reason: 'invalid', errors: { strategy_id: tr(ERR.strategy, lang) } };
      const measures = await trx.selectFrom('measures').select('id').where('plan_id', '=', id).limit(1).execute();
      if (measures.length > 0) return { ok: false, reason: 'invalid', errors: { strategy_id: tr(ERR.strategyLocked, lang) } };
    }
    await trx.updateTable('action_plans').set({ ...planValues(input), updated_at: nowIso() }).where('id', '=', id).where('municipality_id', '=', municipalityId).execute();
    const after = await findPlan(trx, municipalityId, id);
    await recordAudit(trx, { municipalityId, actor: auditActor(actor), action: 'update', entity: 'action_plan', entityId: id, before, after });
    // Closed plans leave the roll-up; a changed status changes the goals' progress.
    if (before.status !== input.status) await recordGoalHistory(trx, before.strategy_id, today());
    return { ok: true, id };
  });
}

// ── Measures ────────────────────────────────────────────────────────────────

export const LIMITS = { indicators: 20, periods: 40 };

/** One indicator as the form holds it: what was typed, blank rows included. */
export interface IndicatorDraft {
  name: string;
  unit: string;
  baseline: string;
  remove: boolean;
  periods: { period: string; target: string; actual: string }[];
}

export interface IndicatorInput {
  name_sv: string;
  /** Kept from before when the Swedish name is unchanged (the form edits the Swedish name only). */
  name_en?: string | null;
  unit: string | null;
  baseline: number | null;
  values: { period: string; target: number | null; actual: number | null }[];
}

/** A period as people write it: `2026`, `2026H1`, `2026 h2` → `2026`, `2026H1`, `2026H2`; undefined otherwise. */
export function normalisePeriod(raw: string): string | undefined {
  const m = /^((?:19|20)\d{2})\s*(?:[Hh]\s*([12]))?$/.exec(raw.trim());
  if (!m) return undefined;
  return m[2] ? `${m[1]}H${m[2]}` : m[1];
}

const INDICATOR_KEY = /^ind-(\d{1,4})-(name|unit|baseline|remove)$/;
const PERIOD_KEY = /^ind-(\d{1,4})-p-(\d{1,4})-(period|target|actual)$/;

/**
 * The indicator rows of a posted form, in the order of their numbers and renumbered from 0, so
 * errors and the form shown again use the same field names. `tooMany` when more were posted than
 * the form may hold.
 */
export function indicatorDrafts(values: FormValues): { drafts: IndicatorDraft[]; tooMany: boolean } {
  const byIndex = new Map<number, { fields: Record<string, string>; periods: Map<number, Record<string, string>> }>();
  const entry = (i: number) => {
    let e = byIndex.get(i);
    if (!e) {
      e = { fields: {}, periods: new Map() };
      byIndex.set(i, e);
    }
    return e;
  };
  for (const key of Object.keys(values)) {
    const v = str(values, key);
    const a = INDICATOR_KEY.exec(key);
    if (a) {
      entry(Number(a[1])).fields[a[2]!] = v;
      continue;
    }
    const b = PERIOD_KEY.exec(key);
    if (b) {
      const e = entry(Number(b[1]));
      const j = Number(b[2]);
      const p = e.periods.get(j) ?? {};
      p[b[3]!] = v;
      e.periods.set(j, p);
    }
  }
  let tooMany = byIndex.size > LIMITS.indicators;
  const drafts = [...byIndex.entries()]
    .sort((x, y) => x[0] - y[0])
    .slice(0, LIMITS.indicators)
    .map(([, e]) => {
      if (e.periods.size > LIMITS.periods) tooMany = true;
      return {
        name: e.fields.name ?? '',
        unit: e.fields.unit ?? '',
        baseline: e.fields.baseline ?? '',
        remove: (e.fields.remove ?? '') !== '',
        periods: [...e.periods.entries()]
          .sort((x, y) => x[0] - y[0])
          .slice(0, LIMITS.periods)
          .map(([, p]) => ({ period: p.period ?? '', target: p.target ?? '', actual: p.actual ?? '' })),
      };
    });
  return { drafts, tooMany };
}

const blankPeriod = (p: IndicatorDraft['periods'][number]) => p.period.trim() === '' && p.target.trim() === '' && p.actual.trim() === '';
const blankIndicator = (d: IndicatorDraft) => d.name.trim() === '' && d.unit.trim() === '' && d.baseline.trim() === '' && d.periods.every(blankPeriod);

/** Checks the indicator rows: every error keyed by its field name; blank and removed rows dropped. */
export function checkIndicators(drafts: IndicatorDraft[], lang: Lang): { indicators: IndicatorInput[]; errors: FormErrors } {
  const errors: FormErrors = {};
  const indicators: IndicatorInput[] = [];
  drafts.forEach((d, i) => {
    if (d.remove || blankIndicator(d)) return;
    const name = d.name.trim();
    if (name === '') errors[`ind-${i}-name`] = tr(ERR.indicatorName, lang);
    else if (name.length > 200) errors[`ind-${i}-name`] = lang === 'sv' ? 'Namnet får ha högst 200 tecken.' : 'The name must be 200 characters or fewer.';
    const unit = d.unit.trim();
    if (unit.length > 40) errors[`ind-${i}-unit`] = lang === 'sv' ? 'Enheten får ha högst 40 tecken.' : 'The unit must be 40 characters or fewer.';
    let baseline: number | null = null;
    if (d.baseline.trim() !== '') {
      const n = looseNumber(d.baseline);
      if (n === undefined) errors[`ind-${i}-baseline`] = tr(ERR.number, lang);
      else baseline = n;
    }
    const seen = new Set<string>();
    const values: IndicatorInput['values'] = [];
    d.periods.forEach((p, j) => {
      if (blankPeriod(p)) return;
      const key = `ind-${i}-p-${j}`;
      const period = normalisePeriod(p.period);
      if (!period) errors[`${key}-period`] = tr(ERR.period, lang);
      else if (seen.has(period)) errors[`${key}-period`] = tr(ERR.periodTwice, lang);
      else seen.add(period);
      const num = (raw: string, field: string) => {
        if (raw.trim() === '') return null;
        const n = looseNumber(raw);
        if (n === undefined) errors[`${key}-${field}`] = tr(ERR.number, lang);
        return n ?? null;
      };
      const target = num(p.target, 'target');
      const actual = num(p.actual, 'actual');
      if (period) values.push({ period, target, actual });
    });
    indicators.push({ name_sv: name, unit: unit || null, baseline, values });
  });
  return { indicators, errors };
}

export function measureSchema(lang: Lang) {
  const L = labelsIn(MEASURE_LABELS, lang);
  return z.object({
    title_sv: requiredText(300),
    title_en: optionalText(300),
    description_sv: optionalText(8000),
    description_en: optionalText(8000),
    owner_unit_id: idField(tr(ERR.unit, lang)),
    start_date: optionalDate(tr(ERR.date, lang, { label: L.start_date! })),
    end_date: optionalDate(tr(ERR.date, lang, { label: L.end_date! })),
    status: z.enum(MEASURE_STATUSES, { message: tr(ERR.status, lang) }),
    progress: numberField({ min: 0, max: 100, integer: true, message: tr(ERR.progress, lang) }),
    weight: numberField({ min: 0.001, max: 100, message: tr(ERR.weight, lang), empty: 1 }),
    version: versionField,
  });
}

export type MeasureInput = Omit<z.output<ReturnType<typeof measureSchema>>, 'version'> & { version?: string; goal_ids: number[]; indicators: IndicatorInput[] };

/** What the measure form chooses from, and which units the person may give a measure (undefined: any). */
export interface MeasureRefs {
  goals: GoalNode[];
  units: UnitRef[];
  allowedUnits?: ReadonlySet<number>;
}

/** Validates the whole measure form: fields, goals, unit, dates in order, indicators. */
export function parseMeasureForm(values: FormValues, refs: MeasureRefs, lang: Lang): { drafts: IndicatorDraft[]; result: { ok: true; data: MeasureInput } | { ok: false; errors: FormErrors } } {
  const parsed = parseForm(measureSchema(lang), values, lang, labelsIn(MEASURE_LABELS, lang));
  const errors: FormErrors = parsed.ok ? {} : { ...parsed.errors };
  const goalIds = new Set(refs.goals.map((g) => g.id));
  const chosen: number[] = [];
  for (const raw of list(values, 'goal_ids')) {
    if (!/^[1-9][0-9]{0,14}$/.test(raw) || !goalIds.has(Number(raw))) {
      errors.goal_ids ??= tr(ERR.goal, lang);
      continue;
    }
    if (!chosen.includes(Number(raw))) chosen.push(Number(raw));
  }
  if (!errors.owner_unit_id) {
    // Checked even when other fields failed, so every error shows at once.
    const unit = Number(str(values, 'owner_unit_id').trim());
    if (!refs.units.some((u) => u.id === unit)) errors.owner_unit_id = tr(ERR.unit, lang);
    else if (refs.allowedUnits && !refs.allowedUnits.has(unit)) errors.owner_unit_id = tr(ERR.unitNotYours, lang);
  }
  Object.assign(errors, withDateOrder(errors, str(values, 'start_date'), str(values, 'end_date'), 'end_date', tr(ERR.endBeforeStart, lang)));
  const { drafts, tooMany } = indicatorDrafts(values);
  const checked = checkIndicators(drafts, lang);
  Object.assign(errors, checked.errors);
  if (tooMany) errors.indicators = tr(ERR.tooManyRows, lang);
  if (!parsed.ok || Object.keys(errors).length > 0) return { drafts, result: { ok: false, errors } };
  return { drafts, result: { ok: true, data: { ...parsed.data, goal_ids: chosen, indicators: checked.indicators } } };
}

/** The measure, its goals and indicators as the audit trail keeps them. */
async function measureSnapshot(trx: Db | Transaction<Database>, municipalityId: number, planId: number, measureId: number) {
  const m = await findMeasure(trx, municipalityId, planId, measureId);
  if (!m) return undefined;
  const d = await measureDetails(trx, measureId);
  return { ...m, goal_ids: d.goalIds, indicators: d.indicators.map(({ id: _id, ...i }) => i) };
}

async function writeLinks(trx: Transaction<Database>, measureId: number, input: Pick<MeasureInput, 'goal_ids' | 'indicators'>, now: string) {
  await trx.deleteFrom('measure_goals').where('measure_id', '=', measureId).execute();
  if (input.goal_ids.length > 0) await trx.insertInto('measure_goals').values(input.goal_ids.map((goal_id) => ({ measure_id: measureId, goal_id }))).execute();
  const english = new Map(
    (await trx.selectFrom('measure_indicators').select(['name_sv', 'name_en']).where('measure_id', '=', measureId).execute()).filter((r) => r.name_en).map((r) => [r.name_sv, r.name_en]),
  );
  await trx.deleteFrom('measure_indicators').where('measure_id', '=', measureId).execute();
  let position = 0;
  for (const ind of input.indicators) {
    const { id } = await trx
      .insertInto('measure_indicators')
      .values({ measure_id: measureId, position: position++, name_sv: ind.name_sv, name_en: ind.name_en ?? english.get(ind.name_sv) ?? null, unit: ind.unit, baseline: ind.baseline, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (ind.values.length > 0) await trx.insertInto('indicator_values').values(ind.values.map((v) => ({ indicator_id: Number(id), ...v }))).execute();
  }
}

/** Goals must be the plan's strategy's; checked again inside the transaction. */
async function goalsProblem(trx: Transaction<Database>, plan: Plan, goalIds: number[], lang: Lang): Promise<FormErrors> {
  if (goalIds.length === 0) return {};
  const found = await trx.selectFrom('strategy_goals').select('id').where('strategy_id', '=', plan.strategy_id).where('id', 'in', goalIds).execute();
  return found.length === goalIds.length ? {} : { goal_ids: tr(ERR.goal, lang) };
}

function measureValues(input: MeasureInput) {
  return {
    title_sv: input.title_sv,
    title_en: input.title_en,
    description_sv: input.description_sv,
    description_en: input.description_en,
    owner_unit_id: input.owner_unit_id,
    start_date: input.start_date,
    end_date: input.end_date,
    status: input.status,
    progress: input.progress,
    weight: input.weight,
  };
}

/** Adds a measure to a plan. The caller has checked 'edit' on the municipality. */
export async function createMeasure(db: Db, actor: Actor, plan: Plan, input: MeasureInput, lang: Lang): Promise<WriteResult> {
  return db.transaction().execute(async (trx): Promise<WriteResult> => {
    const problem = await goalsProblem(trx, plan, input.goal_ids, lang);
    if (Object.keys(problem).length > 0) return { ok: false, reason: 'invalid', errors: problem };
    const now = nowIso();
    const last = await trx.selectFrom('measures').select((eb) => eb.fn.max('position').as('p')).where('plan_id', '=', plan.id).executeTakeFirst();
    const { id } = await trx
      .insertInto('measures')
      .values({ ...measureValues(input), municipality_id: plan.municipality_id, plan_id: plan.id, position: Number(last?.p ?? -1) + 1, progress_updated_at: null, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const measureId = Number(id);
    await writeLinks(trx, measureId, input, now);
    const after = await measureSnapshot(trx, plan.municipality_id, plan.id, measureId);
    await recordAudit(trx, { municipalityId: plan.municipality_id, actor: auditActor(actor), action: 'create', entity: 'measure', entityId: measureId, before: null, after });
    await recordGoalHistory(trx, plan.strategy_id, today());
    return { ok: true, id: measureId };
  });
}

/** Saves the form over a measure. The caller has checked 'edit' on the measure's owner unit. */
export async function updateMeasure(db: Db, actor: Actor, plan: Plan, measureId: number, input: MeasureInput, lang: Lang): Promise<WriteResult> {
  return db.transaction().execute(async (trx): Promise<WriteResult> => {
    const before = await measureSnapshot(trx, plan.municipality_id, plan.id, measureId);
    if (!before) return { ok: false, reason: 'not_found' };
    if (input.version && input.version !== before.updated_at) return { ok: false, reason: 'conflict' };
    const problem = await goalsProblem(trx, plan, input.goal_ids, lang);
    if (Object.keys(problem).length > 0) return { ok: false, reason: 'invalid', errors: problem };
    const now = nowIso();
    const reported = input.progress !== before.progress || input.status !== before.status;
    await trx
      .updateTable('measures')
      .set({ ...measureValues(input), updated_at: now, ...(reported ? { progress_updated_at: now } : {}) })
      .where('id', '=', measureId)
      .where('plan_id', '=', plan.id)
      .execute();
    await writeLinks(trx, measureId, input, now);
    const after = await measureSnapshot(trx, plan.municipality_id, plan.id, measureId);
    await recordAudit(trx, { municipalityId: plan.municipality_id, actor: auditActor(actor), action: 'update', entity: 'measure', entityId: measureId, before, after });
    const goalsChanged = [...before.goal_ids].sort().join() !== [...input.goal_ids].sort().join();
    const rollupChanged = reported || goalsChanged || input.weight !== before.weight || input.start_date !== before.start_date || input.end_date !== before.end_date;
    if (rollupChanged) await recordGoalHistory(trx, plan.strategy_id, today());
    return { ok: true, id: measureId };
  });
}

// ── Progress notes ──────────────────────────────────────────────────────────

const noteSchemas = new Map<Lang, ReturnType<typeof buildNoteSchema>>();

/** The progress-note form's schema, built once per language. */
export function noteSchema(lang: Lang) {
  let schema = noteSchemas.get(lang);
  if (!schema) {
    schema = buildNoteSchema(lang);
    noteSchemas.set(lang, schema);
  }
  return schema;
}

function buildNoteSchema(lang: Lang) {
  const L = labelsIn(NOTE_LABELS, lang);
  return z.object({
    noted_on: requiredDate(tr(ERR.date, lang, { label: L.noted_on! })),
    progress: numberField({ min: 0, max: 100, integer: true, message: tr(ERR.progress, lang) }),
    status: z.enum(MEASURE_STATUSES, { message: tr(ERR.status, lang) }),
    text: optionalText(4000),
  });
}

export type NoteInput = z.output<ReturnType<typeof buildNoteSchema>>;

export function parseNoteForm(values: FormValues, lang: Lang) {
  const parsed = parseForm(noteSchema(lang), values, lang, labelsIn(NOTE_LABELS, lang));
  if (parsed.ok && parsed.data.noted_on > today()) return { ok: false as const, errors: { noted_on: lang === 'sv' ? 'Datumet kan inte vara senare än i dag.' : 'The date cannot be later than today.' } };
  return parsed;
}

/** One change of a measure's progress: what it becomes and the note that goes with it. */
export interface ProgressChange {
  measure: MeasureRow;
  progress: number;
  status: MeasureStatus;
  note: string | null;
  notedOn: string;
}

/**
 * Writes progress changes inside `trx`: for each a dated note, the measure's progress, status and
 * `progress_updated_at`, and one audit entry ('progress_update' of the measure, before and
 * after); then the goals' history once, when a progress or status changed (a note with text
 * only moves no goal). The caller has checked every measure's permission.
 */
export async function applyProgressChanges(trx: Transaction<Database>, actor: Actor, plan: Plan, changes: ProgressChange[], via: 'note' | 'bulk' | 'import'): Promise<void> {
  if (changes.length === 0) return;
  const now = nowIso();
  for (const c of changes) {
    await trx
      .insertInto('measure_notes')
      .values({ measure_id: c.measure.id, noted_on: c.notedOn, progress: c.progress, status: c.status, text_sv: c.note, user_id: actor.userId, actor_label: actorLabel(actor), created_at: now })
      .execute();
    await trx.updateTable('measures').set({ progress: c.progress, status: c.status, progress_updated_at: now, updated_at: now }).where('id', '=', c.measure.id).where('plan_id', '=', plan.id).execute();
    await recordAudit(trx, {
      municipalityId: plan.municipality_id,
      actor: auditActor(actor),
      action: 'progress_update',
      entity: 'measure',
      entityId: c.measure.id,
      before: { progress: c.measure.progress, status: c.measure.status, progress_updated_at: c.measure.progress_updated_at },
      after: { progress: c.progress, status: c.status, progress_updated_at: now, noted_on: c.notedOn, note: c.note, via },
    });
  }
  if (changes.some((c) => c.progress !== c.measure.progress || c.status !== c.measure.status)) await recordGoalHistory(trx, plan.strategy_id, today());
}

/** Adds a dated progress note to a measure. The caller has checked 'edit' on its owner unit. */
export async function addNote(db: Db, actor: Actor, plan: Plan, measureId: number, input: NoteInput): Promise<WriteResult> {
  return db.transaction().execute(async (trx): Promise<WriteResult> => {
    const measure = await findMeasure(trx, plan.municipality_id, plan.id, measureId);
    if (!measure) return { ok: false, reason: 'not_found' };
    await applyProgressChanges(trx, actor, plan, [{ measure, progress: input.progress, status: input.status, note: input.text, notedOn: input.noted_on }], 'note');
    return { ok: true, id: measureId };
  });
}

// ── Evaluations (AL-3) ──────────────────────────────────────────────────────

export interface EvaluationInput {
  evaluated_on: string;
  summary_sv: string;
  changes_sv: string | null;
  decision_reference: string | null;
  achieved: Map<number, string | null>;
}

export function evaluationSchema(lang: Lang) {
  const L = labelsIn(EVALUATION_LABELS, lang);
  return z.object({
    evaluated_on: requiredDate(tr(ERR.date, lang, { label: L.evaluated_on! })),
    summary_sv: requiredText(8000),
    changes_sv: optionalText(8000),
    decision_reference: optionalText(200),
  });
}

/** Validates the evaluation form: the fields and one optional text per measure (`achieved-{id}`). */
export function parseEvaluationForm(values: FormValues, measureIds: number[], lang: Lang): { ok: true; data: EvaluationInput } | { ok: false; errors: FormErrors } {
  const parsed = parseForm(evaluationSchema(lang), values, lang, labelsIn(EVALUATION_LABELS, lang));
  const errors: FormErrors = parsed.ok ? {} : { ...parsed.errors };
  if (parsed.ok && parsed.data.evaluated_on > today()) errors.evaluated_on = lang === 'sv' ? 'Datumet kan inte vara senare än i dag.' : 'The date cannot be later than today.';
  const achieved = new Map<number, string | null>();
  for (const id of measureIds) {
    const raw = values[`achieved-${id}`];
    if (raw !== undefined && typeof raw !== 'string') {
      errors[`achieved-${id}`] = lang === 'sv' ? 'Texten har fel format.' : 'The text is in the wrong format.';
      continue;
    }
    const text = (raw ?? '').trim();
    if (text.length > 8000) errors[`achieved-${id}`] = lang === 'sv' ? 'Texten får ha högst 8000 tecken.' : 'The text must be 8,000 characters or fewer.';
    achieved.set(id, text || null);
  }
  if (!parsed.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, data: { ...parsed.data, achieved } };
}

/** Records an evaluation of the plan with one item per measure. The caller has checked 'edit'. */
export async function recordEvaluation(db: Db, actor: Actor, plan: Plan, input: EvaluationInput): Promise<WriteResult> {
  return db.transaction().execute(async (trx): Promise<WriteResult> => {
    const measures = await listMeasures(trx, plan.id);
    const { id } = await trx
      .insertInto('plan_evaluations')
      .values({
        municipality_id: plan.municipality_id,
        plan_id: plan.id,
        evaluated_on: input.evaluated_on,
        summary_sv: input.summary_sv,
        changes_sv: input.changes_sv,
        decision_reference: input.decision_reference,
        user_id: actor.userId,
        created_at: nowIso(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const evaluationId = Number(id);
    const items = measures.map((m) => ({ evaluation_id: evaluationId, measure_id: m.id, progress: m.progress, status: m.status, achieved_sv: input.achieved.get(m.id) ?? null }));
    if (items.length > 0) await trx.insertInto('plan_evaluation_items').values(items).execute();
    await recordAudit(trx, {
      municipalityId: plan.municipality_id,
      actor: auditActor(actor),
      action: 'evaluate',
      entity: 'plan_evaluation',
      entityId: evaluationId,
      before: null,
      after: { plan_id: plan.id, evaluated_on: input.evaluated_on, summary_sv: input.summary_sv, changes_sv: input.changes_sv, decision_reference: input.decision_reference, items: items.map(({ evaluation_id: _e, ...i }) => i) },
    });
    return { ok: true, id: evaluationId };
  });
}

// ── Copying a plan into a new period ────────────────────────────────────────

export function copySchema(lang: Lang) {
  const L = labelsIn(PLAN_LABELS, lang);
  return z.object({
    title_sv: requiredText(200),
    title_en: optionalText(200),
    period_start: requiredDate(tr(ERR.date, lang, { label: L.period_start! })),
    period_end: requiredDate(tr(ERR.date, lang, { label: L.period_end! })),
  });
}

export type CopyInput = z.output<ReturnType<typeof copySchema>>;

export function parseCopyForm(values: FormValues, lang: Lang) {
  return withOrder(parseForm(copySchema(lang), values, lang, labelsIn(PLAN_LABELS, lang)), values, lang);
}

/**
 * A new plan as a copy of `plan`: its unfinished measures (with goals, unit, indicators and their
 * values, progress) are copied, finished ones stay behind; the old plan is closed. One
 * transaction. Refused when the plan already has a successor (a second click, or a stale form).
 */
export async function copyPlan(db: Db, actor: Actor, plan: Plan, input: CopyInput, lang: Lang): Promise<WriteResult> {
  return db.transaction().execute(async (trx): Promise<WriteResult> => {
    const before = await findPlan(trx, plan.municipality_id, plan.id);
    if (!before) return { ok: false, reason: 'not_found' };
    const successor = await trx.selectFrom('action_plans').select('id').where('previous_plan_id', '=', plan.id).executeTakeFirst();
    if (successor) return { ok: false, reason: 'invalid', errors: { main: tr(ERR.copyClosed, lang) } };
    const now = nowIso();
    const { id } = await trx
      .insertInto('action_plans')
      .values({
        municipality_id: before.municipality_id,
        strategy_id: before.strategy_id,
        title_sv: input.title_sv,
        title_en: input.title_en,
        period_start: input.period_start,
        period_end: input.period_end,
        status: 'active',
        evaluation_interval_months: before.evaluation_interval_months,
        previous_plan_id: before.id,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const newId = Number(id);
    const measures = await listMeasures(trx, before.id);
    const copied: { from: number; to: number }[] = [];
    let position = 0;
    for (const m of measures) {
      if (FINISHED.has(m.status)) continue;
      const { id: mid } = await trx
        .insertInto('measures')
        .values({
          municipality_id: m.municipality_id,
          plan_id: newId,
          position: position++,
          title_sv: m.title_sv,
          title_en: m.title_en,
          description_sv: m.description_sv,
          description_en: m.description_en,
          owner_unit_id: m.owner_unit_id,
          start_date: m.start_date,
          end_date: m.end_date,
          status: m.status,
          progress: m.progress,
          weight: m.weight,
          progress_updated_at: m.progress_updated_at,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const details = await measureDetails(trx, m.id);
      await writeLinks(
        trx,
        Number(mid),
        { goal_ids: details.goalIds, indicators: details.indicators.map((i) => ({ name_sv: i.name_sv, name_en: i.name_en, unit: i.unit, baseline: i.baseline, values: i.values })) },
        now,
      );
      copied.push({ from: m.id, to: Number(mid) });
    }
    await trx.updateTable('action_plans').set({ status: 'closed', updated_at: now }).where('id', '=', before.id).execute();
    const after = await findPlan(trx, before.municipality_id, newId);
    await recordAudit(trx, { municipalityId: before.municipality_id, actor: auditActor(actor), action: 'copy', entity: 'action_plan', entityId: newId, before: null, after: { ...after, copied_from: before.id, measures: copied } });
    await recordAudit(trx, { municipalityId: before.municipality_id, actor: auditActor(actor), action: 'update', entity: 'action_plan', entityId: before.id, before, after: await findPlan(trx, before.municipality_id, before.id) });
    await recordGoalHistory(trx, before.strategy_id, today());
    return { ok: true, id: newId };
  });
}
