/**
 * Changing the international budget (AL-15): the year's allocations and the coordinator's entries
 * of money used. Forms are validated with every error at once; each write runs in one
 * transaction with its audit entry. Callers have checked the policy ('publish': coordinators and
 * municipal administrators).
 */
import type { Db } from '../../db/database.js';
import { nowIso } from '../../db/database.js';
import type { BudgetCategory } from '../../db/schema.js';
import type { Lang } from '../../i18n/index.js';
import { type FormErrors, type FormValues, str } from '../../ui/forms.js';
import { recordAudit } from '../audit/chain.js';
import { formatAmountInput } from '../editing/project-form-values.js';
import { type Actor, auditActor } from '../policy/actor.js';
import { isIsoDate } from '../registry/fields.js';
import { ALLOCATION_LABELS, ENTRY_LABELS, ERR, tr } from './messages.js';
import { BUDGET_CATEGORIES, type EntryInput, type EntryRow, loadAllocations, toEntry } from './usage.js';

/** The largest amount accepted, in öre: one billion kronor. */
const MAX_AMOUNT_MINOR = 100_000_000_000;
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

export type KronorResult = { ok: true; minor: number | null } | { ok: false; reason: 'format' | 'negative' | 'too_large' };

/**
 * An amount in kronor as people write it, to öre: spaces between thousands, a decimal comma or
 * point, an optional "kr". Empty gives null.
 * @example parseKronor('12 500,50') // { ok: true, minor: 1250050 }
 * @example parseKronor('-5') // { ok: false, reason: 'negative' }
 */
export function parseKronor(raw: string): KronorResult {
  const s = raw
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/\u2212/g, '-')
    .replace(/kr\.?$/i, '');
  if (s === '') return raw.trim() === '' ? { ok: true, minor: null } : { ok: false, reason: 'format' };
  const m = /^(-?)(\d{1,15})(?:[.,](\d{1,2}))?$/.exec(s);
  if (!m) return { ok: false, reason: 'format' };
  const minor = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  if (m[1] === '-' && minor > 0) return { ok: false, reason: 'negative' };
  if (minor > MAX_AMOUNT_MINOR) return { ok: false, reason: 'too_large' };
  return { ok: true, minor };
}

/** Öre as a form field shows them: 1250050 → "12500,50" (sv) / "12500.50" (en). */
export function kronorInput(minor: number | null, lang: Lang): string {
  return minor === null ? '' : formatAmountInput(minor, lang);
}

function amountError(r: KronorResult, label: string, lang: Lang): string | undefined {
  if (r.ok) return undefined;
  const text = r.reason === 'negative' ? ERR.amountNegative : r.reason === 'too_large' ? ERR.amountTooLarge : ERR.amountFormat;
  return tr(text, lang, { label });
}

/** A year as given in `?ar=` or a form, or undefined when it is not one between MIN_YEAR and MAX_YEAR. */
export function parseYear(raw: string | undefined): number | undefined {
  if (!raw || !/^\d{4}$/.test(raw)) return undefined;
  const y = Number(raw);
  return y >= MIN_YEAR && y <= MAX_YEAR ? y : undefined;
}

// ── Allocations ─────────────────────────────────────────────────────────────

export type AllocationInput = { year: number } & Record<BudgetCategory, number | null>;

/** Reads the allocation form: `ar` and one amount per category (empty: no allocation). */
export function readAllocationForm(values: FormValues, lang: Lang): { ok: true; data: AllocationInput } | { ok: false; errors: FormErrors } {
  const errors: FormErrors = {};
  const year = parseYear(str(values, 'ar'));
  if (year === undefined) errors.ar = tr(ERR.year, lang);
  const amounts: Partial<Record<BudgetCategory, number | null>> = {};
  for (const category of BUDGET_CATEGORIES) {
    const r = parseKronor(str(values, category));
    const problem = amountError(r, ALLOCATION_LABELS[category]![lang], lang);
    if (problem) errors[category] = problem;
    else if (r.ok) amounts[category] = r.minor;
  }
  if (Object.keys(errors).length > 0 || year === undefined) return { ok: false, errors };
  return { ok: true, data: { year, twinning: amounts.twinning ?? null, preparation: amounts.preparation ?? null } };
}

/** Sets both categories' allocations for the year (insert, update, or remove when empty); audited. */
export async function saveAllocations(db: Db, actor: Actor, municipalityId: number, input: AllocationInput): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await loadAllocations(trx, municipalityId, input.year);
    const now = nowIso();
    for (const category of BUDGET_CATEGORIES) {
      const amount = input[category];
      if (amount === null) {
        await trx.deleteFrom('budget_allocations').where('municipality_id', '=', municipalityId).where('year', '=', input.year).where('category', '=', category).execute();
        continue;
      }
      await trx
        .insertInto('budget_allocations')
        .values({ municipality_id: municipalityId, year: input.year, category, amount_minor: amount, note_sv: null, updated_by: actor.userId, updated_at: now })
        .onConflict((oc) => oc.columns(['municipality_id', 'year', 'category']).doUpdateSet({ amount_minor: amount, updated_by: actor.userId, updated_at: now }))
        .execute();
    }
    const after = { twinning: input.twinning, preparation: input.preparation };
    await recordAudit(trx, { municipalityId, actor: auditActor(actor), action: 'update', entity: 'budget_allocation', entityId: input.year, before, after });
  });
}

// ── Entries ─────────────────────────────────────────────────────────────────

/** What the entry form may point at: the municipality's own projects and partnerships. */
export interface EntryChoices {
  projects: { id: number; title: string; year: number | null }[];
  partnerships: { id: number; title: string }[];
}

export async function loadEntryChoices(db: Db, municipalityId: number): Promise<EntryChoices> {
  const [projects, partnerships] = await Promise.all([
    db.selectFrom('projects').select(['id', 'title_sv', 'year']).where('municipality_id', '=', municipalityId).orderBy('title_sv').orderBy('id').execute(),
    db.selectFrom('partnerships').select(['id', 'title_sv']).where('municipality_id', '=', municipalityId).orderBy('title_sv').orderBy('id').execute(),
  ]);
  return {
    projects: projects.map((p) => ({ id: Number(p.id), title: p.title_sv, year: p.year === null ? null : Number(p.year) })),
    partnerships: partnerships.map((p) => ({ id: Number(p.id), title: p.title_sv })),
  };
}

const ID_RE = /^[1-9][0-9]{0,14}$/;

/** An optional chosen id that must be among `allowed`; error text when it is not. */
function chosenId(raw: string, allowed: ReadonlySet<number>): { id: number | null; bad: boolean } {
  const s = raw.trim();
  if (s === '') return { id: null, bad: false };
  if (!ID_RE.test(s) || !allowed.has(Number(s))) return { id: null, bad: true };
  return { id: Number(s), bad: false };
}

/**
 * Reads the entry form with every error at once. Projects and partnerships must be among the
 * municipality's (`choices`): another municipality's id is an error like any other.
 */
export function readEntryForm(values: FormValues, choices: EntryChoices, lang: Lang): { ok: true; data: EntryInput } | { ok: false; errors: FormErrors } {
  const errors: FormErrors = {};
  const category = str(values, 'category');
  if (!(BUDGET_CATEGORIES as readonly string[]).includes(category)) errors.category = tr(ERR.category, lang);
  const spentOn = str(values, 'spent_on').trim();
  if (!isIsoDate(spentOn) || Number(spentOn.slice(0, 4)) < MIN_YEAR || Number(spentOn.slice(0, 4)) > MAX_YEAR) errors.spent_on = tr(ERR.date, lang);
  const amountRaw = str(values, 'amount');
  const amount = parseKronor(amountRaw);
  if (amount.ok && amount.minor === null) errors.amount = tr(ERR.amountRequired, lang);
  else {
    const problem = amountError(amount, ENTRY_LABELS.amount![lang], lang);
    if (problem) errors.amount = problem;
  }
  const description = str(values, 'description_sv').trim();
  if (!description) errors.description_sv = tr(ERR.description, lang);
  else if (description.length > 500) errors.description_sv = tr(ERR.descriptionTooLong, lang);
  const project = chosenId(str(values, 'project_id'), new Set(choices.projects.map((p) => p.id)));
  if (project.bad || Array.isArray(values.project_id)) errors.project_id = tr(ERR.project, lang);
  const partnership = chosenId(str(values, 'partnership_id'), new Set(choices.partnerships.map((p) => p.id)));
  if (partnership.bad || Array.isArray(values.partnership_id)) errors.partnership_id = tr(ERR.partnership, lang);
  if (Object.keys(errors).length > 0 || !amount.ok || amount.minor === null) return { ok: false, errors };
  return {
    ok: true,
    data: { category: category as BudgetCategory, spent_on: spentOn, amount_minor: amount.minor, description_sv: description, project_id: project.id, partnership_id: partnership.id },
  };
}

/** The entry's form values (for editing). */
export function entryFormValues(e: EntryRow, lang: Lang): FormValues {
  return {
    category: e.category,
    spent_on: e.spent_on,
    amount: kronorInput(e.amount_minor, lang),
    description_sv: e.description_sv,
    project_id: e.project_id === null ? '' : String(e.project_id),
    partnership_id: e.partnership_id === null ? '' : String(e.partnership_id),
  };
}

export async function findEntry(db: Db, municipalityId: number, id: number): Promise<EntryRow | undefined> {
  const r = await db.selectFrom('budget_entries').selectAll().where('id', '=', id).where('municipality_id', '=', municipalityId).executeTakeFirst();
  return r ? toEntry(r) : undefined;
}

/** Records an entry; returns its id. */
export async function createEntry(db: Db, actor: Actor, municipalityId: number, input: EntryInput): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const now = nowIso();
    const row = await trx
      .insertInto('budget_entries')
      .values({ municipality_id: municipalityId, ...input, user_id: actor.userId, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(row.id);
    await recordAudit(trx, { municipalityId, actor: auditActor(actor), action: 'create', entity: 'budget_entry', entityId: id, before: null, after: { id, ...input } });
    return id;
  });
}

/** Changes an entry; false when it is not the municipality's (any more). */
export async function updateEntry(db: Db, actor: Actor, municipalityId: number, id: number, input: EntryInput): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const before = await findEntry(trx, municipalityId, id);
    if (!before) return false;
    await trx.updateTable('budget_entries').set({ ...input, updated_at: nowIso() }).where('id', '=', id).where('municipality_id', '=', municipalityId).execute();
    await recordAudit(trx, { municipalityId, actor: auditActor(actor), action: 'update', entity: 'budget_entry', entityId: id, before, after: { ...before, ...input } });
    return true;
  });
}

/** Deletes an entry; false when it is not the municipality's (any more). */
export async function deleteEntry(db: Db, actor: Actor, municipalityId: number, id: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const before = await findEntry(trx, municipalityId, id);
    if (!before) return false;
    await trx.deleteFrom('budget_entries').where('id', '=', id).where('municipality_id', '=', municipalityId).execute();
    await recordAudit(trx, { municipalityId, actor: auditActor(actor), action: 'delete', entity: 'budget_entry', entityId: id, before, after: null });
    return true;
  });
}
