/**
 * Writes a planned table import inside the caller's transaction: the units, organisations and
 * programmes the plan needs, then each project created or changed, each with an audit entry
 * holding the record before and after. Progress goes to the `import_runs` row as it goes.
 */
import type { Db } from '../../db/database.js';
import { nowIso } from '../../db/database.js';
import { type AuditActor, recordAudit } from '../audit/chain.js';
import type { ImportPlan, PlannedRow, Ref, RowValues } from './plan.js';
import {
  freeProgrammeCode,
  insertOrganisation,
  insertProgramme,
  insertProject,
  loadProjectState,
  type MunicipalityRef,
  type ProjectState,
  refreshDerived,
} from './repository.js';

export interface ApplyContext {
  municipality: MunicipalityRef;
  actor: AuditActor;
  runId: number;
  /** Written into `source` of what the import creates, e.g. `import:12` (run 12). */
  source: string;
}

/** How often (rows) progress is written to the run. */
const PROGRESS_EVERY = 25;

const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40) || 'program';

/** Applies `plan`. Call inside a transaction; throws on database errors (the caller rolls back). */
export async function applyPlan(trx: Db, plan: ImportPlan, ctx: ApplyContext): Promise<void> {
  const m = ctx.municipality;
  const created = { units: new Map<string, number>(), orgs: new Map<string, number>(), programmes: new Map<string, number>() };

  for (const p of plan.newProgrammes) {
    const code = await freeProgrammeCode(trx, `import-${slug(p.name)}`);
    const id = await insertProgramme(trx, { code, name_sv: p.name, name_en: p.name, funder: null, period_label: null });
    created.programmes.set(p.key, id);
    await recordAudit(trx, { municipalityId: m.id, actor: ctx.actor, action: 'create', entity: 'funding_programme', entityId: id, after: { code, name_sv: p.name }, details: { importRun: ctx.runId } });
  }
  for (const u of plan.newUnits) {
    const id = await insertOrganisation(trx, m.id, { isInternal: true, kind: 'unit', name: u.name, country: null, source: ctx.source });
    created.units.set(u.key, id);
    await recordAudit(trx, { municipalityId: m.id, actor: ctx.actor, action: 'create', entity: 'organisation', entityId: id, after: { name_sv: u.name, is_internal: 1, kind: 'unit' }, details: { importRun: ctx.runId } });
  }
  for (const o of plan.newOrganisations) {
    const id = await insertOrganisation(trx, m.id, { isInternal: false, kind: 'other', name: o.name, country: o.country, source: ctx.source });
    created.orgs.set(o.key, id);
    await recordAudit(trx, { municipalityId: m.id, actor: ctx.actor, action: 'create', entity: 'organisation', entityId: id, after: { name_sv: o.name, is_internal: 0, country: o.country }, details: { importRun: ctx.runId } });
  }
  const resolve = (ref: Ref | null | undefined, pool: Map<string, number>): number | null => {
    if (!ref) return null;
    if ('id' in ref) return ref.id;
    const id = pool.get(ref.key);
    if (id === undefined) throw new Error(`import: unresolved reference ${ref.key}`);
    return id;
  };

  let done = 0;
  for (const row of plan.rows) {
    if (row.action === 'create') await createProject(trx, row, ctx, (r) => resolve(r, created.units), (r) => resolve(r, created.programmes), (r) => resolve(r, created.orgs));
    else if (row.action === 'update') await updateProject(trx, row, ctx, (r) => resolve(r, created.units), (r) => resolve(r, created.programmes), (r) => resolve(r, created.orgs));
    done++;
    if (done % PROGRESS_EVERY === 0) await trx.updateTable('import_runs').set({ processed_rows: done }).where('id', '=', ctx.runId).execute();
  }
}

type Resolve = (ref: Ref | null | undefined) => number | null;

async function createProject(trx: Db, row: PlannedRow, ctx: ApplyContext, unit: Resolve, programme: Resolve, org: Resolve): Promise<void> {
  const v = row.values;
  const projectId = await insertProject(trx, {
    municipality_id: ctx.municipality.id,
    kind: v.kind ?? 'project',
    title_sv: v.title_sv as string,
    title_en: v.title_en ?? null,
    summary_sv: v.summary_sv ?? null,
    summary_en: v.summary_en ?? null,
    owner_unit_id: unit(v.unit),
    municipality_role: v.role ?? null,
    programme_id: programme(v.programme),
    status: v.status ?? null,
    start_date: v.start_date ?? null,
    end_date: v.end_date ?? null,
    year: v.year ?? (v.start_date ? Number(v.start_date.slice(0, 4)) : null),
    participants_total: v.participants_total ?? null,
    participants_youth: v.participants_youth ?? null,
    source: ctx.source,
    external_ref: v.external_ref ?? null,
  });
  await writeRelations(trx, projectId, v, undefined, ctx, org);
  await finishProjectWrite(trx, ctx, projectId, undefined, { importRun: ctx.runId, row: row.row });
}

async function updateProject(trx: Db, row: PlannedRow, ctx: ApplyContext, unit: Resolve, programme: Resolve, org: Resolve): Promise<void> {
  const projectId = row.projectId as number;
  const before = await loadProjectState(trx, ctx.municipality.id, projectId);
  if (!before) throw new Error(`import: project ${projectId} vanished`);
  const v = row.values;
  const set: Record<string, unknown> = {};
  const direct = ['external_ref', 'title_sv', 'title_en', 'summary_sv', 'summary_en', 'kind', 'status', 'start_date', 'end_date', 'year', 'participants_total', 'participants_youth'] as const;
  for (const k of direct) if (v[k] !== undefined) set[k] = v[k];
  if (v.role !== undefined) set.municipality_role = v.role;
  if (v.unit !== undefined) set.owner_unit_id = unit(v.unit);
  if (v.programme !== undefined) set.programme_id = programme(v.programme);
  await trx
    .updateTable('projects')
    .set({ ...set, updated_at: nowIso() })
    .where('id', '=', projectId)
    .where('municipality_id', '=', ctx.municipality.id)
    .execute();
  await writeRelations(trx, projectId, v, before, ctx, org);
  await finishProjectWrite(trx, ctx, projectId, before, { importRun: ctx.runId, row: row.row, fields: row.changes });
}

/**
 * The last step of an import's write of a project, in the caller's transaction: recomputes what is
 * derived from it, then audits it as `update` with its state `before`, or as `create` when there
 * is none, and its state after.
 */
export async function finishProjectWrite(trx: Db, ctx: { municipality: MunicipalityRef; actor: AuditActor }, projectId: number, before: ProjectState | undefined, details: Record<string, unknown>): Promise<void> {
  const after = await refreshDerived(trx, ctx.municipality.id, projectId);
  await recordAudit(trx, { municipalityId: ctx.municipality.id, actor: ctx.actor, action: before ? 'update' : 'create', entity: 'project', entityId: projectId, before, after, details });
}

/** Replaces the relations the row sets; funding lines change only in the currency or hours that changed. */
async function writeRelations(trx: Db, projectId: number, v: RowValues, before: ProjectState | undefined, ctx: ApplyContext, org: Resolve): Promise<void> {
  if (v.partners !== undefined) {
    const roles = new Map(before?.partners.map((p) => [p.organisation_id, p.role]) ?? []);
    await trx.deleteFrom('project_partners').where('project_id', '=', projectId).execute();
    const ids = [...new Set(v.partners.map((r) => org(r) as number))];
    if (ids.length) {
      await trx
        .insertInto('project_partners')
        .values(ids.map((organisation_id, position) => ({ project_id: projectId, organisation_id, role: roles.get(organisation_id) ?? 'partner', position })))
        .execute();
    }
  }
  const replaceCodes = async (table: 'project_countries' | 'project_themes' | 'project_target_groups', column: 'country' | 'theme' | 'target_group', codes: string[] | undefined) => {
    if (codes === undefined) return;
    await trx.deleteFrom(table).where('project_id', '=', projectId).execute();
    if (codes.length) await trx.insertInto(table).values(codes.map((c) => ({ project_id: projectId, [column]: c }) as never)).execute();
  };
  await replaceCodes('project_countries', 'country', v.countries);
  await replaceCodes('project_themes', 'theme', v.themes);
  await replaceCodes('project_target_groups', 'target_group', v.target_groups);

  const lines = before?.funding ?? [];
  for (const [currency, total] of [
    ['SEK', v.budget_sek],
    ['EUR', v.budget_eur],
  ] as const) {
    if (total === undefined) continue;
    // The amounts in this currency are replaced by one line with the new total; lines that also
    // carry staff hours keep their hours.
    for (const f of lines.filter((l) => l.currency === currency && l.amount_minor !== null)) {
      if (f.staff_hours !== null) await trx.updateTable('project_funding').set({ amount_minor: null }).where('id', '=', f.id).execute();
      else await trx.deleteFrom('project_funding').where('id', '=', f.id).execute();
    }
    if (total !== null) await insertFunding(trx, projectId, { kind: 'other', amount_minor: total, currency, staff_hours: null }, ctx);
  }
  if (v.staff_hours !== undefined) {
    const fresh = before ? ((await loadProjectState(trx, ctx.municipality.id, projectId))?.funding ?? []) : [];
    for (const f of fresh.filter((l) => l.staff_hours !== null)) {
      if (f.amount_minor !== null) await trx.updateTable('project_funding').set({ staff_hours: null }).where('id', '=', f.id).execute();
      else await trx.deleteFrom('project_funding').where('id', '=', f.id).execute();
    }
    if (v.staff_hours) await insertFunding(trx, projectId, { kind: 'own_staff_time', amount_minor: null, currency: 'SEK', staff_hours: v.staff_hours }, ctx);
  }
}

async function insertFunding(
  trx: Db,
  projectId: number,
  f: { kind: 'other' | 'own_staff_time'; amount_minor: number | null; currency: string; staff_hours: number | null },
  ctx: ApplyContext,
): Promise<void> {
  await trx
    .insertInto('project_funding')
    .values({ project_id: projectId, kind: f.kind, programme_id: null, source_name: null, amount_minor: f.amount_minor, currency: f.currency, staff_hours: f.staff_hours, note_sv: null, source: ctx.source })
    .execute();
}
