/**
 * Bulk progress: one form with a row per measure (progress, status, a note), saved all at once.
 * Every row is checked first and every error reported; if any row is wrong nothing is written.
 * Rows left as they were are not written; each changed row gets a dated note, the measure's new
 * progress and status, and its own audit entry ('progress_update' of the measure, so each
 * measure's history shows it), and the goals' history is recorded once.
 *
 * Field names: `m-{measureId}-progress`, `m-{measureId}-status`, `m-{measureId}-note`, and
 * `m-{measureId}-version` (the measure's `updated_at` when the form was opened).
 */
import type { Db } from '../../../db/database.js';
import type { MeasureStatus } from '../../../db/schema.js';
import type { FieldError } from '../../../errors/index.js';
import type { Lang } from '../../../i18n/index.js';
import { type FormValues, str } from '../../../ui/forms.js';
import type { Actor } from '../../policy/actor.js';
import { pick } from '../../registry/messages.js';
import { ERR, MEASURE_STATUS_LABELS, tr } from './messages.js';
import { listMeasures, type Plan } from './repository.js';
import { applyProgressChanges, canEditMeasure, MEASURE_STATUSES, type ProgressChange, parseProgress, today } from './service.js';

/** The most rows one form may carry. */
export const MAX_BULK_ROWS = 2000;
/** The longest progress note. */
export const MAX_NOTE = 4000;

/**
 * A status as a form or a spreadsheet gives it: the code (`ongoing`) or its label in Swedish or
 * English (`Pågår`, `Ongoing`), in any case. Undefined otherwise.
 */
export function parseStatus(v: unknown): MeasureStatus | undefined {
  if (typeof v !== 'string') return undefined;
  const s = v.trim().toLocaleLowerCase('sv');
  if (s === '') return undefined;
  for (const code of MEASURE_STATUSES) {
    const l = MEASURE_STATUS_LABELS[code];
    if (s === code || s === l.sv.toLocaleLowerCase('sv') || s === l.en.toLocaleLowerCase('sv')) return code;
  }
  return undefined;
}

export interface BulkRow {
  measureId: number;
  progress: string;
  status: string;
  note: string;
  version: string;
}

const KEY = /^m-([1-9][0-9]{0,14})-(progress|status|note|version)$/;

/** The rows of a posted bulk form, in the order their fields came. */
export function bulkRows(values: FormValues): { rows: BulkRow[]; tooMany: boolean } {
  const rows = new Map<number, BulkRow>();
  for (const key of Object.keys(values)) {
    const m = KEY.exec(key);
    if (!m) continue;
    const id = Number(m[1]);
    let row = rows.get(id);
    if (!row) {
      if (rows.size >= MAX_BULK_ROWS) return { rows: [...rows.values()], tooMany: true };
      row = { measureId: id, progress: '', status: '', note: '', version: '' };
      rows.set(id, row);
    }
    row[m[2] as 'progress' | 'status' | 'note' | 'version'] = str(values, key);
  }
  return { rows: [...rows.values()], tooMany: false };
}

export type BulkResult = { ok: true; changed: number } | { ok: false; errors: FieldError[] };

/**
 * Checks and saves a posted bulk form in one transaction. Rows for measures outside the plan or
 * outside the person's units are errors (field `main`: the form does not show them).
 */
export async function saveBulkProgress(db: Db, actor: Actor, plan: Plan, values: FormValues, lang: Lang): Promise<BulkResult> {
  const { rows, tooMany } = bulkRows(values);
  return db.transaction().execute(async (trx): Promise<BulkResult> => {
    const measures = new Map((await listMeasures(trx, plan.id)).map((m) => [m.id, m]));
    const errors: FieldError[] = [];
    if (tooMany) errors.push({ field: 'main', message: tr(ERR.tooManyRows, lang) });
    const changes: ProgressChange[] = [];
    const notedOn = today();
    for (const row of rows) {
      const m = measures.get(row.measureId);
      if (!m) {
        errors.push({ field: 'main', message: tr(ERR.rowUnknown, lang, { id: row.measureId }) });
        continue;
      }
      if (!canEditMeasure(actor, plan.municipality_id, m.owner_unit_id)) {
        errors.push({ field: 'main', message: tr(ERR.rowNotYours, lang, { id: row.measureId }) });
        continue;
      }
      const title = pick(lang, m.title_sv, m.title_en);
      const before = errors.length;
      const progress = parseProgress(row.progress);
      if (progress === undefined) errors.push({ field: `m-${m.id}-progress`, message: tr(ERR.rowProgress, lang, { title }) });
      const status = parseStatus(row.status);
      if (status === undefined) errors.push({ field: `m-${m.id}-status`, message: tr(ERR.rowStatus, lang, { title }) });
      const note = row.note.trim();
      if (note.length > MAX_NOTE) errors.push({ field: `m-${m.id}-note`, message: tr(ERR.rowNoteLong, lang, { title }) });
      if (errors.length > before || progress === undefined || status === undefined) continue;
      if (progress === m.progress && status === m.status && note === '') continue;
      if (row.version !== '' && row.version !== m.updated_at) {
        errors.push({ field: `m-${m.id}-progress`, message: tr(ERR.rowChanged, lang, { title, status: tr(MEASURE_STATUS_LABELS[m.status], lang), progress: m.progress }) });
        continue;
      }
      changes.push({ measure: m, progress, status, note: note || null, notedOn });
    }
    if (errors.length > 0) return { ok: false, errors };
    await applyProgressChanges(trx, actor, plan, changes, 'bulk');
    return { ok: true, changed: changes.length };
  });
}
