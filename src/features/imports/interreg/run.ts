/**
 * Runs the Interreg import: the chosen organisations' projects become draft projects of the
 * municipality (or update the ones imported before), all in one transaction with audit entries,
 * recorded in an `import_runs` row of kind `interreg`.
 */
import type { Db } from '../../../db/database.js';
import { nowIso } from '../../../db/database.js';
import { type AuditActor, recordAudit } from '../../audit/chain.js';
import {
  findCandidates,
  INTERREG_SOURCE,
  type InterregPlan,
  type InterregProject,
  type InterregRow,
  type OwnOrganisation,
  planInterreg,
} from './interreg.js';
import type { MunicipalityNames } from './org-names.js';
import { insertOrganisation, insertProgramme, insertProject, loadLookups, loadProjectState, type MunicipalityRef } from '../repository.js';
import { finishProjectWrite } from '../apply.js';
import { findRun, insertPreviewRun, type RunSummary } from '../service.js';
import { type ImportIssue, issue, RUN } from '../text.js';

/** The municipality's own organisations (is_internal), which the list may name as partners. */
export async function ownOrganisations(db: Db, municipalityId: number): Promise<OwnOrganisation[]> {
  const rows = await db.selectFrom('organisations').select(['id', 'name_sv', 'name_en']).where('municipality_id', '=', municipalityId).where('is_internal', '=', 1).execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** The municipality's names (its own and the official short name) and every other municipality's. */
export async function municipalityNames(db: Db, municipality: MunicipalityRef): Promise<{ self: MunicipalityNames; others: MunicipalityNames[] }> {
  const code = await db.selectFrom('municipalities').select('code').where('id', '=', municipality.id).executeTakeFirst();
  const official = await db.selectFrom('official_municipalities').select(['code', 'name', 'short_name']).execute();
  const mine = official.find((o) => o.code === code?.code);
  return {
    self: { name: municipality.name_sv, shortName: mine?.short_name ?? null },
    others: official.filter((o) => o.code !== code?.code).map((o) => ({ name: o.name, shortName: o.short_name })),
  };
}

export async function interregCandidates(db: Db, municipality: MunicipalityRef, rows: readonly InterregRow[]) {
  const [names, own] = await Promise.all([municipalityNames(db, municipality), ownOrganisations(db, municipality.id)]);
  return findCandidates(rows, names.self, own, names.others);
}

/** The dry run for the chosen organisation keys. Writes nothing. */
export async function previewInterreg(db: Db, municipality: MunicipalityRef, rows: readonly InterregRow[], chosen: readonly string[], today: string): Promise<InterregPlan> {
  const [lookups, own] = await Promise.all([loadLookups(db, municipality), ownOrganisations(db, municipality.id)]);
  return planInterreg(db, lookups, rows, new Set(chosen), own, today);
}

export interface InterregPayload {
  rows: InterregRow[];
  readIssues: ImportIssue[];
  chosen?: string[];
}

/** Stores a read Interreg file as a run in state `preview` (between the page's steps). */
export async function createInterregRun(db: Db, input: { municipalityId: number; userId: number | null; filename: string | null; rows: InterregRow[]; readIssues: ImportIssue[] }): Promise<number> {
  const payload: InterregPayload = { rows: input.rows, readIssues: input.readIssues };
  return insertPreviewRun(db, { ...input, kind: 'interreg', payload, totalRows: 0 });
}

export function interregPayload(run: { payload: string | null }): InterregPayload | null {
  try {
    return run.payload ? (JSON.parse(run.payload) as InterregPayload) : null;
  } catch {
    return null;
  }
}

export type InterregOutcome = { ok: true; plan: InterregPlan } | { ok: false; issues: ImportIssue[] };

/**
 * Imports the projects of the chosen organisations, all or nothing. Returns the plan it carried out.
 * The run must be in state `preview` or `failed`; it ends in `done` or `failed`.
 */
export async function runInterreg(
  db: Db,
  municipality: MunicipalityRef,
  runId: number,
  chosen: readonly string[],
  actor: AuditActor,
  today: string,
): Promise<InterregOutcome> {
  const run = await findRun(db, municipality.id, runId);
  const payload = run ? interregPayload(run) : null;
  if (!run || !payload || run.kind !== 'interreg') return { ok: false, issues: [issue(null, null, RUN.failed)] };
  const claimed = await db
    .updateTable('import_runs')
    .set({ state: 'running', processed_rows: 0 })
    .where('id', '=', runId)
    .where('state', 'in', ['preview', 'failed'])
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) return { ok: false, issues: [issue(null, null, RUN.alreadyRun)] };
  try {
    const plan = await db.transaction().execute(async (trx) => {
      const planned = await previewInterreg(trx, municipality, payload.rows, chosen, today);
      await trx.updateTable('import_runs').set({ total_rows: planned.projects.length }).where('id', '=', runId).execute();
      await applyInterreg(trx, planned, { municipality, actor, runId });
      const summary: RunSummary = { counts: planned.counts, chosen: [...chosen], created: { units: 0, organisations: planned.newOrganisations.length, programmes: planned.newProgrammes.length } };
      await trx
        .updateTable('import_runs')
        .set({ state: 'done', processed_rows: planned.projects.length, summary: JSON.stringify(summary), finished_at: nowIso(), payload: JSON.stringify({ ...payload, rows: [], chosen }) })
        .where('id', '=', runId)
        .execute();
      await recordAudit(trx, { municipalityId: municipality.id, actor, action: 'import', entity: 'import', entityId: runId, details: { kind: 'interreg', filename: run.filename, ...summary } });
      return planned;
    });
    return { ok: true, plan };
  } catch (e) {
    await db.updateTable('import_runs').set({ state: 'failed', processed_rows: 0, summary: JSON.stringify({ issues: [issue(null, null, RUN.failed)] }), finished_at: nowIso() }).where('id', '=', runId).execute();
    throw e;
  }
}

interface InterregContext {
  municipality: MunicipalityRef;
  actor: AuditActor;
  runId: number;
}

/** Writes a plan inside the caller's transaction. */
export async function applyInterreg(trx: Db, plan: InterregPlan, ctx: InterregContext): Promise<void> {
  const m = ctx.municipality;
  const programmes = new Map((await trx.selectFrom('funding_programmes').select(['id', 'code']).execute()).map((p) => [p.code, Number(p.id)]));
  const createdOrgs = new Map<string, number>();
  let done = 0;
  for (const p of plan.projects) {
    let programmeId = programmes.get(p.programme.code);
    if (programmeId === undefined) {
      programmeId = await insertProgramme(trx, p.programme);
      programmes.set(p.programme.code, programmeId);
      await recordAudit(trx, { municipalityId: m.id, actor: ctx.actor, action: 'create', entity: 'funding_programme', entityId: programmeId, after: p.programme, details: { importRun: ctx.runId } });
    }
    for (const partner of p.partners) {
      if (partner.organisationId !== null) continue;
      let id = createdOrgs.get(partner.key);
      if (id === undefined) {
        id = await insertOrganisation(trx, m.id, {
          isInternal: false,
          kind: partner.kind,
          name: partner.name,
          country: 'SE',
          region: partner.region,
          externalRef: `interreg-org:${partner.key}`,
          source: INTERREG_SOURCE,
        });
        createdOrgs.set(partner.key, id);
        await recordAudit(trx, { municipalityId: m.id, actor: ctx.actor, action: 'create', entity: 'organisation', entityId: id, after: { name_sv: partner.name, kind: partner.kind, country: 'SE' }, details: { importRun: ctx.runId } });
      }
      partner.organisationId = id;
    }
    if (p.action === 'create') await createInterregProject(trx, p, programmeId, ctx);
    else if (p.action === 'update') await updateInterregProject(trx, p, programmeId, ctx);
    done++;
    if (done % 25 === 0) await trx.updateTable('import_runs').set({ processed_rows: done }).where('id', '=', ctx.runId).execute();
  }
}

async function insertFundingLines(trx: Db, projectId: number, p: InterregProject, programmeId: number): Promise<void> {
  for (const f of p.funding) {
    await trx
      .insertInto('project_funding')
      .values({
        project_id: projectId,
        kind: 'eu_grant',
        programme_id: programmeId,
        source_name: f.source_name,
        amount_minor: f.amount_minor,
        currency: f.currency,
        staff_hours: null,
        note_sv: 'Partnerbudget (stöd och medfinansiering) enligt programmets lista över svenska partner',
        source: INTERREG_SOURCE,
      })
      .execute();
  }
}

async function createInterregProject(trx: Db, p: InterregProject, programmeId: number, ctx: InterregContext): Promise<void> {
  const projectId = await insertProject(trx, {
    municipality_id: ctx.municipality.id,
    kind: 'project',
    title_sv: p.title,
    summary_sv: p.summarySv,
    summary_en: p.summaryEn,
    owner_unit_id: p.ownerUnitId,
    municipality_role: p.role,
    programme_id: programmeId,
    status: p.status,
    start_date: p.startDate,
    end_date: p.endDate,
    year: p.year,
    source: INTERREG_SOURCE,
    external_ref: p.externalRef,
  });
  if (p.partners.length) {
    await trx
      .insertInto('project_partners')
      .values(p.partners.map((x, position) => ({ project_id: projectId, organisation_id: x.organisationId as number, role: x.role, position })))
      .execute();
  }
  if (p.themes.length) await trx.insertInto('project_themes').values(p.themes.map((theme) => ({ project_id: projectId, theme }))).execute();
  await insertFundingLines(trx, projectId, p, programmeId);
  await finishProjectWrite(trx, ctx, projectId, undefined, { importRun: ctx.runId, externalRef: p.externalRef });
}

async function updateInterregProject(trx: Db, p: InterregProject, programmeId: number, ctx: InterregContext): Promise<void> {
  const projectId = p.projectId as number;
  const before = await loadProjectState(trx, ctx.municipality.id, projectId);
  if (!before) throw new Error(`interreg: project ${projectId} vanished`);
  await trx
    .updateTable('projects')
    .set({
      municipality_role: p.role,
      programme_id: programmeId,
      start_date: p.startDate,
      end_date: p.endDate,
      status: p.status,
      ...(p.ownerUnitId !== null ? { owner_unit_id: p.ownerUnitId } : {}),
      updated_at: nowIso(),
    })
    .where('id', '=', projectId)
    .execute();
  // Partners: the list's partners get their role; partners added by hand stay.
  const current = new Map(before.partners.map((x) => [x.organisation_id, x.role]));
  let position = before.partners.length;
  for (const x of p.partners) {
    const id = x.organisationId as number;
    if (!current.has(id)) await trx.insertInto('project_partners').values({ project_id: projectId, organisation_id: id, role: x.role, position: position++ }).execute();
    else if (current.get(id) !== x.role) await trx.updateTable('project_partners').set({ role: x.role }).where('project_id', '=', projectId).where('organisation_id', '=', id).execute();
  }
  for (const theme of p.themes) if (!before.themes.includes(theme)) await trx.insertInto('project_themes').values({ project_id: projectId, theme }).execute();
  if (p.changes.includes('funding') || p.changes.includes('programme')) {
    await trx.deleteFrom('project_funding').where('project_id', '=', projectId).where('source', '=', INTERREG_SOURCE).execute();
    await insertFundingLines(trx, projectId, p, programmeId);
  }
  await finishProjectWrite(trx, ctx, projectId, before, { importRun: ctx.runId, externalRef: p.externalRef, fields: p.changes });
}
