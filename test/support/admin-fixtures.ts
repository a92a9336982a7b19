/**
 * Records of every kind the back office's URLs name, made fresh for a test: a project, a
 * partnership, an organisation, a unit, a decision, a member, a delegation rule, an import run, an
 * attachment (with its file), a single sign-on provider, a revision in review, or a project with
 * history. Used by the authorisation matrix and the accessibility sweep of every page.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { recordAudit } from '../../src/features/audit/chain.js';
import { projectReviewAdapter } from '../../src/features/editing/project-adapter.js';
import { workingCopy } from '../../src/features/editing/review.js';
import type { AdminTestApp } from './admin.js';
import { reportingFixture } from './admin-fixtures-reporting.js';

export type RecordKind =
  | 'project'
  | 'partnership'
  | 'organisation'
  | 'unit'
  | 'decision'
  | 'user'
  | 'rule'
  | 'import'
  | 'attachment'
  | 'oidc'
  | 'revision'
  | 'audit'
  // Strategy and action plan (issue 4): URL parameters `:id` (strategy or plan), `:goalId`, `:measureId`, `:evaluationId`.
  | 'strategy'
  | 'goal'
  | 'plan'
  | 'measure'
  | 'evaluation'
  | 'feed'
  // Follow-up and reporting (issue 5): `:id` and `:unitId` (report section), `:entryId`, `:evaluationId`.
  | 'report'
  | 'report_section'
  | 'budget_entry'
  | 'partnership_evaluation';

let seq = 0;

/** Fresh records of one kind in a municipality, owned by `unit`; returns the URL parameters. */
export async function fixture(t: AdminTestApp, kind: RecordKind, municipalityId: number, unit: number): Promise<Record<string, string>> {
  const db = t.handle.db;
  seq++;
  const ts = new Date().toISOString();
  const project = async () =>
    Number(
      (
        await db
          .insertInto('projects')
          .values({ municipality_id: municipalityId, kind: 'project', title_sv: `Matrisprojekt ${seq}`, title_en: null, summary_sv: null, summary_en: null, owner_unit_id: unit, municipality_role: 'partner', programme_id: null, status: 'planned', start_date: null, end_date: null, year: 2026, participants_total: null, participants_youth: null, budget_sek_minor: null, publication_state: 'draft', published_at: null, search_text: `matrisprojekt ${seq}`, source: null, created_at: ts, updated_at: ts })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
  switch (kind) {
    case 'report':
    case 'report_section':
    case 'budget_entry':
    case 'partnership_evaluation':
      return reportingFixture(t, kind, municipalityId, unit, seq);
    case 'project':
      return { id: String(await project()) };
    case 'audit': {
      const id = await project();
      await db.transaction().execute((trx) => recordAudit(trx, { municipalityId, actor: { userId: null, label: 'matrix' }, action: 'create', entity: 'project', entityId: id, after: { id } }));
      return { entity: 'project', id: String(id) };
    }
    case 'partnership': {
      const r = await db
        .insertInto('partnerships')
        .values({ municipality_id: municipalityId, kind: 'cooperation', title_sv: `Matrissamarbete ${seq}`, title_en: null, status: 'proposed', summary_sv: null, summary_en: null, cooperation_areas: '[]', financing_sv: null, financing_en: null, publication_state: 'draft', source: null, created_at: ts, updated_at: ts, owner_unit_id: unit })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: String(r.id) };
    }
    case 'organisation':
    case 'unit': {
      const r = await db
        .insertInto('organisations')
        .values({ municipality_id: municipalityId, is_internal: kind === 'unit' ? 1 : 0, kind: kind === 'unit' ? 'unit' : 'municipality', name_sv: `Matrisorganisation ${seq}`, name_en: null, short_name: null, parent_id: null, country: kind === 'unit' ? null : 'NO', region: null, population: null, population_year: null, website: null, latitude: null, longitude: null, description_sv: null, description_en: null, source: null, created_at: ts, updated_at: ts })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: String(r.id) };
    }
    case 'decision': {
      const r = await db
        .insertInto('decisions')
        .values({ municipality_id: municipalityId, body_id: null, delegate_role: null, decided_on: '2026-01-01', paragraph: null, registry_number: null, subject_sv: `Matrisbeslut ${seq}`, subject_en: null, outcome: 'approved', conditions_sv: null, source: null, created_at: ts })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: String(r.id) };
    }
    case 'user': {
      const u = await db
        .insertInto('users')
        .values({ email: `matris${seq}@example.se`, display_name: `Matris ${seq}`, password_hash: null, totp_secret: null, totp_enabled_at: null, disabled_at: null, created_at: ts, updated_at: ts })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.insertInto('user_roles').values({ user_id: Number(u.id), municipality_id: municipalityId, role: 'reader' }).execute();
      return { id: String(u.id) };
    }
    case 'rule': {
      const committee = await db
        .insertInto('organisations')
        .values({ municipality_id: municipalityId, is_internal: 1, kind: 'committee', name_sv: `Matrisnämnd ${seq}`, name_en: null, short_name: null, parent_id: null, country: null, region: null, population: null, population_year: null, website: null, latitude: null, longitude: null, description_sv: null, description_en: null, source: null, created_at: ts, updated_at: ts })
        .returning('id')
        .executeTakeFirstOrThrow();
      const r = await db
        .insertInto('delegation_rules')
        .values({ municipality_id: municipalityId, committee_id: Number(committee.id), delegate_role: 'förvaltningschef', max_cofinancing_minor: 10_000_000, reference: '1.1', created_at: ts, updated_at: ts })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: String(r.id) };
    }
    case 'import': {
      const r = await db
        .insertInto('import_runs')
        .values({ municipality_id: municipalityId, kind: 'csv', filename: 'matris.csv', state: 'failed', payload: null, summary: null, created_by: null, created_at: ts, finished_at: ts })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: String(r.id) };
    }
    case 'attachment': {
      const projectId = await project();
      const key = randomBytes(16).toString('hex');
      fs.mkdirSync(path.join(t.config.attachments.dir, key.slice(0, 2)), { recursive: true });
      fs.writeFileSync(path.join(t.config.attachments.dir, key.slice(0, 2), key), '%PDF-1.4\n%%EOF\n');
      const r = await db
        .insertInto('attachments')
        .values({ municipality_id: municipalityId, entity: 'project', entity_id: projectId, filename: 'matris.pdf', media_type: 'application/pdf', size_bytes: 10, sha256: '0'.repeat(64), storage_key: key, uploaded_by: null, created_at: ts })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { entity: 'project', entityId: String(projectId), id: String(r.id), filename: 'matris.pdf' };
    }
    case 'oidc': {
      const r = await db
        .insertInto('oidc_providers')
        .values({ municipality_id: municipalityId, display_name: `Matris-IdP ${seq}`, issuer: 'https://idp.example.se', client_id: 'utblick', client_secret: null, created_at: ts, updated_at: ts })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: String(r.id) };
    }
    case 'revision': {
      const projectId = await project();
      await db.updateTable('projects').set({ publication_state: 'published', published_at: ts }).where('id', '=', projectId).execute();
      const copy = await workingCopy(db, projectReviewAdapter, municipalityId, projectId);
      const r = await db
        .insertInto('revisions')
        .values({ municipality_id: municipalityId, entity: 'project', entity_id: projectId, data: JSON.stringify({ ...copy!.data, title_sv: `Ändrad ${seq}` }), state: 'in_review', review_comment: null, created_by: null, submitted_by: null, submitted_at: ts, reviewed_by: null, reviewed_at: null, created_at: ts, updated_at: ts })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { revision: String(r.id) };
    }
    case 'strategy':
    case 'goal':
    case 'plan':
    case 'measure':
    case 'evaluation': {
      const strategy = await db
        .insertInto('strategies')
        .values({ municipality_id: municipalityId, title_sv: `Matrisstrategi ${seq}`, title_en: null, vision_sv: null, vision_en: null, adopted_by: null, adopted_on: null, minute_paragraph: null, registry_number: null, responsibilities_sv: null, responsibilities_en: null, body_sv: null, summary_en: null, status: 'draft', superseded_by_id: null, source: null, created_at: ts, updated_at: ts })
        .returning('id')
        .executeTakeFirstOrThrow();
      const strategyId = Number(strategy.id);
      const goal = await db
        .insertInto('strategy_goals')
        .values({ municipality_id: municipalityId, strategy_id: strategyId, parent_id: null, position: 0, level_name: 'Mål', title_sv: `Matrismål ${seq}`, title_en: null, description_sv: null, description_en: null, created_at: ts, updated_at: ts })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (kind === 'strategy') return { id: String(strategyId) };
      if (kind === 'goal') return { id: String(strategyId), goalId: String(goal.id) };
      const plan = await db
        .insertInto('action_plans')
        .values({ municipality_id: municipalityId, strategy_id: strategyId, title_sv: `Matrisplan ${seq}`, title_en: null, period_start: '2026-01-01', period_end: '2027-12-31', status: 'active', previous_plan_id: null, created_at: ts, updated_at: ts })
        .returning('id')
        .executeTakeFirstOrThrow();
      const planId = Number(plan.id);
      const measure = await db
        .insertInto('measures')
        .values({ municipality_id: municipalityId, plan_id: planId, title_sv: `Matrisåtgärd ${seq}`, title_en: null, description_sv: null, description_en: null, owner_unit_id: unit, start_date: '2026-01-01', end_date: '2026-12-31', progress_updated_at: null, created_at: ts, updated_at: ts })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.insertInto('measure_goals').values({ measure_id: Number(measure.id), goal_id: Number(goal.id) }).execute();
      if (kind === 'plan') return { id: String(planId) };
      if (kind === 'measure') return { id: String(planId), measureId: String(measure.id) };
      const evaluation = await db
        .insertInto('plan_evaluations')
        .values({ municipality_id: municipalityId, plan_id: planId, evaluated_on: '2026-06-30', summary_sv: `Matrisutvärdering ${seq}`, changes_sv: null, decision_reference: null, user_id: null, created_at: ts })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: String(planId), evaluationId: String(evaluation.id) };
    }
    case 'feed': {
      const r = await db
        .insertInto('calendar_feeds')
        .values({ municipality_id: municipalityId, user_id: null, token_hash: randomBytes(32).toString('hex'), created_at: ts })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: String(r.id) };
    }
  }
}
