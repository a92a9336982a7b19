/**
 * The plan as a spreadsheet and back: export one row per measure (CSV for Swedish Excel or XLSX,
 * headers in the page's language), and read the same file back after editing: the columns ID,
 * Status, Progress and New progress note are read (in either language), the rest is ignored.
 *
 * Reading uses the project importer's reader (`readTable`: CSV in UTF-8, UTF-16 or Windows-1252
 * with any usual separator, or XLSX). The preview keeps the changed rows in hidden fields of the
 * confirm form, not in storage; the confirm step checks them again from scratch, in the same
 * transaction that writes them, so nothing a form says is trusted.
 */
import type { Db } from '../../../db/database.js';
import type { MeasureStatus } from '../../../db/schema.js';
import type { Lang } from '../../../i18n/index.js';
import { type FormValues, str } from '../../../ui/forms.js';
import { recordAudit } from '../../audit/chain.js';
import { type Cell, type ParsedTable, readTable } from '../../imports/parse.js';
import { type ImportIssue, issue, type Text } from '../../imports/text.js';
import type { Actor } from '../../policy/actor.js';
import { auditActor } from '../../policy/actor.js';
import { type ExportColumn, exportFileName, toCsv, toXlsx } from '../../projects/export.js';
import { pick } from '../../registry/messages.js';
import { MAX_BULK_ROWS, MAX_NOTE, parseStatus } from './bulk.js';
import { ERR, EXCHANGE_HEADERS, MEASURE_STATUS_LABELS, tr } from './messages.js';
import { type GoalNode, listMeasures, type MeasureSummary, type Plan, type UnitRef } from './repository.js';
import { applyProgressChanges, canEditMeasure, type ProgressChange, parseProgress, today } from './service.js';

// ── Export ──────────────────────────────────────────────────────────────────

export interface ExportRow {
  id: number;
  title: string;
  goals: string;
  unit: string;
  start: string | null;
  end: string | null;
  status: string;
  progress: number;
  lastNote: string | null;
}

export function exportColumns(lang: Lang): ExportColumn<ExportRow>[] {
  const h = (k: keyof typeof EXCHANGE_HEADERS) => EXCHANGE_HEADERS[k][lang];
  return [
    { key: 'id', header: h('id'), value: (r) => r.id, type: 'number' },
    { key: 'title', header: h('title'), value: (r) => r.title, width: 50 },
    { key: 'goals', header: h('goals'), value: (r) => r.goals, width: 40 },
    { key: 'unit', header: h('unit'), value: (r) => r.unit },
    { key: 'start', header: h('start'), value: (r) => r.start, type: 'date' },
    { key: 'end', header: h('end'), value: (r) => r.end, type: 'date' },
    { key: 'status', header: h('status'), value: (r) => r.status },
    { key: 'progress', header: h('progress'), value: (r) => r.progress, type: 'number' },
    { key: 'lastNote', header: h('lastNote'), value: (r) => r.lastNote, type: 'date' },
    { key: 'newNote', header: h('newNote'), value: () => null, width: 50 },
  ];
}

/** One export row per measure: goals by title in the tree's order, unit by name, status as a word. */
export function exportRows(measures: MeasureSummary[], goals: GoalNode[], units: UnitRef[], lang: Lang): ExportRow[] {
  const order = new Map(goals.map((g, i) => [g.id, i]));
  const goalTitle = new Map(goals.map((g) => [g.id, pick(lang, g.title_sv, g.title_en)]));
  const unitName = new Map(units.map((u) => [u.id, pick(lang, u.name_sv, u.name_en)]));
  return measures.map((m) => ({
    id: m.id,
    title: pick(lang, m.title_sv, m.title_en),
    goals: [...m.goalIds]
      .sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9))
      .map((g) => goalTitle.get(g) ?? '')
      .filter(Boolean)
      .join('; '),
    unit: m.owner_unit_id === null ? '' : (unitName.get(m.owner_unit_id) ?? ''),
    start: m.start_date,
    end: m.end_date,
    status: MEASURE_STATUS_LABELS[m.status][lang],
    progress: m.progress,
    lastNote: m.lastNoteOn,
  }));
}

/** The plan's file in `format`: body, content type, and a safe download name. */
export async function planFile(format: 'csv' | 'xlsx', plan: Plan, rows: ExportRow[], lang: Lang) {
  const title = pick(lang, plan.title_sv, plan.title_en);
  const filename = exportFileName(`${lang === 'sv' ? 'handlingsplan' : 'action plan'} ${title}`, format);
  if (format === 'csv') return { body: toCsv(exportColumns(lang), rows) as string | Buffer, contentType: 'text/csv; charset=utf-8', filename };
  return { body: (await toXlsx(exportColumns(lang), rows, title)) as string | Buffer, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename };
}

// ── Import ──────────────────────────────────────────────────────────────────

/** One row to import, as read from the file (or from the confirm form's hidden fields). */
export interface ImportRow {
  /** The row number as the spreadsheet program shows it. */
  row: number;
  id: Cell;
  progress: Cell;
  status: Cell;
  note: Cell;
  /** The measure's `updated_at` when the file was previewed (confirm step only). */
  version?: string;
}

type Column = 'id' | 'status' | 'progress' | 'note';

const ALIASES: Record<Column, string[]> = {
  id: [EXCHANGE_HEADERS.id.sv, EXCHANGE_HEADERS.id.en, 'id-nummer'],
  status: [EXCHANGE_HEADERS.status.sv, EXCHANGE_HEADERS.status.en],
  progress: [EXCHANGE_HEADERS.progress.sv, EXCHANGE_HEADERS.progress.en, 'framsteg', 'progress', 'framsteg i procent', 'progress in percent'],
  note: [EXCHANGE_HEADERS.newNote.sv, EXCHANGE_HEADERS.newNote.en, 'lägesrapport', 'progress note', 'ny rapport'],
};

const key = (h: string) => h.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');

const both = (text: Text, params?: Record<string, string | number>): Text => ({ sv: tr(text, 'sv', params), en: tr(text, 'en', params) });

/** The rows of a read table, by the plan file's columns; a problem when a needed column is missing. */
export function rowsOfTable(table: ParsedTable): { rows: ImportRow[]; issues: ImportIssue[] } {
  const issues = [...table.issues];
  if (table.headers.length === 0) return { rows: [], issues };
  const index = {} as Record<Column, number>;
  for (const col of Object.keys(ALIASES) as Column[]) {
    const names = new Set(ALIASES[col].map(key));
    index[col] = table.headers.findIndex((h) => names.has(key(h)));
  }
  const missing = (['id', 'status', 'progress'] as const).filter((c) => index[c] < 0);
  if (missing.length > 0) {
    const header = { id: EXCHANGE_HEADERS.id, status: EXCHANGE_HEADERS.status, progress: EXCHANGE_HEADERS.progress };
    issues.push(issue(table.headerRow || null, null, { sv: tr(ERR.missingColumns, 'sv', { columns: missing.map((c) => header[c].sv).join(', ') }), en: tr(ERR.missingColumns, 'en', { columns: missing.map((c) => header[c].en).join(', ') }) }));
    return { rows: [], issues };
  }
  const cell = (cells: Cell[], i: number): Cell => (i < 0 ? null : (cells[i] ?? null));
  return {
    rows: table.rows.map((r) => ({ row: r.row, id: cell(r.cells, index.id), progress: cell(r.cells, index.progress), status: cell(r.cells, index.status), note: cell(r.cells, index.note) })),
    issues,
  };
}

/** A change the preview shows and the confirm step saves. */
export interface PreviewChange {
  row: number;
  measureId: number;
  title: string;
  before: { progress: number; status: MeasureStatus };
  after: { progress: number; status: MeasureStatus };
  note: string | null;
  /** The measure's `updated_at` when checked. */
  version: string;
}

const text = (c: Cell) => (c === null ? '' : String(c));

/**
 * Checks the rows against the plan: known ids, each once, progress 0–100, a known status, notes
 * not too long, and changes only to measures the person may edit. Rows that change nothing are
 * left out. `confirming`: the rows carry the version they were previewed with, which must still hold.
 */
export function checkImport(rows: ImportRow[], measures: MeasureSummary[], mayEdit: (m: MeasureSummary) => boolean, lang: Lang, confirming = false): { changes: PreviewChange[]; issues: ImportIssue[] } {
  const byId = new Map(measures.map((m) => [m.id, m]));
  const h = (k: keyof typeof EXCHANGE_HEADERS) => EXCHANGE_HEADERS[k][lang];
  const issues: ImportIssue[] = [];
  const changes: PreviewChange[] = [];
  const seen = new Set<number>();
  for (const r of rows) {
    const rawId = text(r.id).trim();
    const id = typeof r.id === 'number' ? r.id : /^\d{1,15}$/.test(rawId) ? Number(rawId) : Number.NaN;
    if (!Number.isSafeInteger(id) || id <= 0) {
      issues.push(issue(r.row, h('id'), both(ERR.cellId, { value: rawId.slice(0, 40) })));
      continue;
    }
    const m = byId.get(id);
    if (!m) {
      issues.push(issue(r.row, h('id'), both(ERR.cellUnknownId, { value: id })));
      continue;
    }
    if (seen.has(id)) {
      issues.push(issue(r.row, h('id'), both(ERR.cellDuplicateId, { value: id })));
      continue;
    }
    seen.add(id);
    const before = issues.length;
    const progress = r.progress === null ? m.progress : parseProgress(r.progress);
    if (progress === undefined) issues.push(issue(r.row, h('progress'), both(ERR.cellProgress, { value: text(r.progress).slice(0, 40) })));
    const status = r.status === null ? m.status : parseStatus(r.status);
    if (status === undefined) issues.push(issue(r.row, h('status'), both(ERR.cellStatus, { value: text(r.status).slice(0, 40) })));
    const note = text(r.note).trim();
    if (note.length > MAX_NOTE) issues.push(issue(r.row, h('newNote'), both(ERR.cellNoteLong)));
    if (issues.length > before || progress === undefined || status === undefined) continue;
    if (progress === m.progress && status === m.status && note === '') continue;
    if (!mayEdit(m)) {
      issues.push(issue(r.row, h('id'), both(ERR.cellNotYours)));
      continue;
    }
    if (confirming && r.version !== m.updated_at) {
      issues.push(issue(r.row, h('id'), both(ERR.changedSincePreview)));
      continue;
    }
    changes.push({ row: r.row, measureId: id, title: pick(lang, m.title_sv, m.title_en), before: { progress: m.progress, status: m.status }, after: { progress, status }, note: note || null, version: m.updated_at });
  }
  return { changes, issues };
}

export interface ImportPreview {
  table: Pick<ParsedTable, 'format' | 'encoding' | 'delimiter'>;
  changes: PreviewChange[];
  issues: ImportIssue[];
}

/** Reads an uploaded plan file and checks it against the plan. Writes nothing. */
export async function previewImport(db: Db, actor: Actor, plan: Plan, bytes: Uint8Array, lang: Lang): Promise<ImportPreview> {
  const table = await readTable(bytes);
  const { rows, issues: readIssues } = rowsOfTable(table);
  const measures = await listMeasures(db, plan.id);
  const { changes, issues } = checkImport(rows, measures, (m) => canEditMeasure(actor, plan.municipality_id, m.owner_unit_id), lang);
  return { table: { format: table.format, encoding: table.encoding, delimiter: table.delimiter }, changes, issues: [...readIssues, ...issues] };
}

/** The confirm form's hidden fields for the changes. */
export function hiddenFields(changes: PreviewChange[]): [string, string][] {
  return changes.flatMap((c, i) => [
    [`r-${i}-row`, String(c.row)],
    [`r-${i}-id`, String(c.measureId)],
    [`r-${i}-progress`, String(c.after.progress)],
    [`r-${i}-status`, c.after.status],
    [`r-${i}-note`, c.note ?? ''],
    [`r-${i}-version`, c.version],
  ]);
}

const HIDDEN = /^r-(\d{1,5})-(row|id|progress|status|note|version)$/;

/** The rows the confirm form carried back, as they would come from a file. */
export function rowsOfHidden(values: FormValues): { rows: ImportRow[]; tooMany: boolean } {
  const rows = new Map<number, ImportRow>();
  for (const k of Object.keys(values)) {
    const m = HIDDEN.exec(k);
    if (!m) continue;
    const i = Number(m[1]);
    let r = rows.get(i);
    if (!r) {
      if (rows.size >= MAX_BULK_ROWS) return { rows: [], tooMany: true };
      r = { row: 0, id: null, progress: null, status: null, note: null, version: '' };
      rows.set(i, r);
    }
    const v = str(values, k);
    if (m[2] === 'row') r.row = /^\d{1,7}$/.test(v) ? Number(v) : 0;
    else if (m[2] === 'version') r.version = v;
    else r[m[2] as 'id' | 'progress' | 'status' | 'note'] = v === '' ? null : v;
  }
  return { rows: [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r), tooMany: false };
}

export type ConfirmResult = { ok: true; changed: number } | { ok: false; issues: ImportIssue[]; changes: PreviewChange[] };

/**
 * Saves the previewed changes, all or nothing: the rows are checked again inside the transaction
 * (and must still match the versions previewed); then notes, measures, audit entries ('progress_update'
 * per measure and one 'import' of the plan listing them) and the goals' history.
 */
export async function confirmImport(db: Db, actor: Actor, plan: Plan, values: FormValues, lang: Lang): Promise<ConfirmResult> {
  const { rows, tooMany } = rowsOfHidden(values);
  return db.transaction().execute(async (trx): Promise<ConfirmResult> => {
    const measures = await listMeasures(trx, plan.id);
    const { changes, issues } = checkImport(rows, measures, (m) => canEditMeasure(actor, plan.municipality_id, m.owner_unit_id), lang, true);
    if (tooMany || (issues.length === 0 && changes.length === 0)) issues.push(issue(null, null, both(ERR.nothingToImport)));
    if (issues.length > 0) return { ok: false, issues, changes };
    const byId = new Map(measures.map((m) => [m.id, m]));
    const notedOn = today();
    const list: ProgressChange[] = changes.map((c) => ({ measure: byId.get(c.measureId)!, progress: c.after.progress, status: c.after.status, note: c.note, notedOn }));
    await applyProgressChanges(trx, actor, plan, list, 'import');
    await recordAudit(trx, {
      municipalityId: plan.municipality_id,
      actor: auditActor(actor),
      action: 'import',
      entity: 'action_plan',
      entityId: plan.id,
      before: null,
      after: { measures: changes.map((c) => ({ id: c.measureId, progress: c.after.progress, status: c.after.status })) },
    });
    return { ok: true, changed: changes.length };
  });
}
