/**
 * Table imports as a sequence a page (or a test) walks through: upload → mapping → preview → run.
 * The uploaded rows and the chosen mapping are kept in an `import_runs` row between the steps;
 * the run is all or nothing (one transaction: any error and nothing is written) and leaves its
 * counts, or its errors, in the same row so a reload shows them.
 */
import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import { nowIso } from '../../db/database.js';
import type { ImportRunTable } from '../../db/schema.js';
import { type AuditActor, recordAudit } from '../audit/chain.js';
import { applyPlan } from './apply.js';
import { checkMapping, isFieldKey, type Mapping, proposeMapping } from './fields.js';
import type { ParsedTable, SourceRow } from './parse.js';
import { type ImportPlan, planImport } from './plan.js';
import { loadLookups, type MunicipalityRef } from './repository.js';
import { type ImportIssue, issue, RUN } from './text.js';

export type RunState = 'preview' | 'running' | 'done' | 'failed';

/** What a table import keeps between its steps. */
export interface TablePayload {
  format: ParsedTable['format'];
  encoding?: string;
  delimiter?: string;
  headers: string[];
  rows: SourceRow[];
  /** Problems found while reading the file (they block the run). */
  readIssues: ImportIssue[];
  mapping: Mapping;
}

export interface RunSummary {
  counts?: ImportPlan['counts'];
  created?: { units: number; organisations: number; programmes: number };
  issues?: ImportIssue[];
  /** Interreg runs: what was chosen and found. */
  [extra: string]: unknown;
}

export interface ImportRun {
  id: number;
  municipalityId: number;
  kind: string;
  filename: string | null;
  state: RunState;
  totalRows: number;
  processedRows: number;
  summary: RunSummary | null;
  createdBy: number | null;
  createdAt: string;
  finishedAt: string | null;
}

const parseJson = <T>(s: string | null): T | null => {
  if (!s) return null;
  try {
    return JSON.parse(s) as T;
  } catch {
    return null;
  }
};

/** Stores an uploaded table (with a proposed mapping) as a run in state `preview`. Returns its id. */
export async function createTableRun(db: Db, input: { municipalityId: number; userId: number | null; filename: string | null; table: ParsedTable }): Promise<number> {
  const { table } = input;
  const payload: TablePayload = {
    format: table.format,
    encoding: table.encoding,
    delimiter: table.delimiter,
    headers: table.headers,
    rows: table.rows,
    readIssues: table.issues,
    mapping: proposeMapping(table.headers),
  };
  return insertPreviewRun(db, { ...input, kind: 'projects_table', payload, totalRows: table.rows.length });
}

/** Stores a new run of `kind` in state `preview`, with the file's `payload` kept as JSON until it is run. Returns its id. */
export async function insertPreviewRun(
  db: Db,
  input: { municipalityId: number; userId: number | null; filename: string | null; kind: ImportRunTable['kind']; payload: unknown; totalRows: number },
): Promise<number> {
  const { id } = await db
    .insertInto('import_runs')
    .values({
      municipality_id: input.municipalityId,
      kind: input.kind,
      filename: input.filename,
      state: 'preview',
      payload: JSON.stringify(input.payload),
      total_rows: input.totalRows,
      processed_rows: 0,
      summary: null,
      created_by: input.userId,
      created_at: nowIso(),
      finished_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

type RunRow = Omit<Selectable<ImportRunTable>, 'payload'>;

function toRun(r: RunRow): ImportRun {
  return {
    id: Number(r.id),
    municipalityId: Number(r.municipality_id),
    kind: r.kind,
    filename: r.filename,
    state: r.state as RunState,
    totalRows: Number(r.total_rows),
    processedRows: Number(r.processed_rows),
    summary: parseJson<RunSummary>(r.summary),
    createdBy: r.created_by === null ? null : Number(r.created_by),
    createdAt: r.created_at,
    finishedAt: r.finished_at,
  };
}

/** A run of the municipality with its payload, or undefined (also when it belongs to another municipality). */
export async function findRun(db: Db, municipalityId: number, runId: number): Promise<(ImportRun & { payload: string | null }) | undefined> {
  const r = await db.selectFrom('import_runs').selectAll().where('id', '=', runId).where('municipality_id', '=', municipalityId).executeTakeFirst();
  return r ? { ...toRun(r), payload: r.payload } : undefined;
}

/** The latest runs of a municipality, newest first (without their payloads, which may be large). */
export async function listRuns(db: Db, municipalityId: number, limit = 20): Promise<ImportRun[]> {
  const rows = await db
    .selectFrom('import_runs')
    .select(['id', 'municipality_id', 'kind', 'filename', 'state', 'total_rows', 'processed_rows', 'summary', 'created_by', 'created_at', 'finished_at'])
    .where('municipality_id', '=', municipalityId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toRun);
}

export function tablePayload(run: { payload: string | null }): TablePayload | null {
  return parseJson<TablePayload>(run.payload);
}

/** Replaces a run's mapping (before it has run). Unknown field names are ignored (left out). */
export async function setMapping(db: Db, run: ImportRun & { payload: string | null }, mapping: (string | null)[]): Promise<Mapping> {
  const payload = tablePayload(run);
  if (!payload) throw new Error('import: run has no table');
  payload.mapping = payload.headers.map((_, i) => {
    const f = mapping[i];
    return f && isFieldKey(f) ? f : null;
  });
  await db.updateTable('import_runs').set({ payload: JSON.stringify(payload) }).where('id', '=', run.id).where('state', '=', 'preview').execute();
  return payload.mapping;
}

/** The dry run: what the import would create, change and leave alone, and every problem. Writes nothing. */
export async function previewTable(db: Db, municipality: MunicipalityRef, payload: TablePayload): Promise<ImportPlan> {
  const lookups = await loadLookups(db, municipality);
  const plan = await planImport(db, lookups, payload.headers, payload.mapping, payload.rows);
  plan.issues.unshift(...payload.readIssues, ...checkMapping(payload.headers, payload.mapping));
  // In reading order: by row, then by column as the file has them (whole-row problems first).
  const column = (c: string | null) => (c === null ? -1 : payload.headers.indexOf(c));
  plan.issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || column(a.column) - column(b.column));
  return plan;
}

export type RunOutcome = { ok: true; plan: ImportPlan } | { ok: false; issues: ImportIssue[] };

class Rejected extends Error {
  constructor(readonly issues: ImportIssue[]) {
    super('import rejected');
  }
}

/**
 * Runs a previewed table import: plans again inside one transaction and writes everything, or
 * nothing when any row has a problem. The run row ends in `done` (with counts) or `failed` (with
 * the problems). A run that is already running or done is not run again.
 */
export async function runTable(db: Db, municipality: MunicipalityRef, runId: number, actor: AuditActor): Promise<RunOutcome> {
  const run = await findRun(db, municipality.id, runId);
  const payload = run ? tablePayload(run) : null;
  if (!run || !payload) return { ok: false, issues: [issue(null, null, RUN.failed)] };
  const claimed = await db
    .updateTable('import_runs')
    .set({ state: 'running', processed_rows: 0 })
    .where('id', '=', runId)
    .where('state', 'in', ['preview', 'failed'])
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) return { ok: false, issues: [issue(null, null, RUN.alreadyRun)] };
  try {
    const plan = await db.transaction().execute(async (trx) => {
      const planned = await previewTable(trx, municipality, payload);
      if (planned.issues.length) throw new Rejected(planned.issues);
      await applyPlan(trx, planned, { municipality, actor, runId, source: `import:${runId}` });
      const summary: RunSummary = {
        counts: planned.counts,
        created: { units: planned.newUnits.length, organisations: planned.newOrganisations.length, programmes: planned.newProgrammes.length },
      };
      await trx
        .updateTable('import_runs')
        .set({ state: 'done', processed_rows: payload.rows.length, summary: JSON.stringify(summary), finished_at: nowIso(), payload: JSON.stringify({ ...payload, rows: [] }) })
        .where('id', '=', runId)
        .execute();
      await recordAudit(trx, { municipalityId: municipality.id, actor, action: 'import', entity: 'import', entityId: runId, details: { filename: run.filename, ...summary } });
      return planned;
    });
    return { ok: true, plan };
  } catch (e) {
    const issues = e instanceof Rejected ? e.issues : [issue(null, null, RUN.failed)];
    const summary: RunSummary = { issues: e instanceof Rejected ? issues.slice(0, 500) : issues };
    await db.updateTable('import_runs').set({ state: 'failed', processed_rows: 0, summary: JSON.stringify(summary), finished_at: nowIso() }).where('id', '=', runId).execute();
    if (!(e instanceof Rejected)) throw e;
    return { ok: false, issues };
  }
}
