/** Action plans, measures, bulk progress, plan import/export, evaluations: src/features/strategy/plans/. Merged into SPEC (admin-routes.ts). */
import { type Need, n } from './admin-need.js';

export const PLAN_SPEC: Record<string, Need> = {
  'GET /admin/:kommun/handlingsplaner': n('view'),
  'GET /admin/:kommun/handlingsplaner/ny': n('edit'),
  'POST /admin/:kommun/handlingsplaner/ny': n('edit'),
  'GET /admin/:kommun/handlingsplaner/:id': n('view', 'plan'),
  'GET /admin/:kommun/handlingsplaner/:id/redigera': n('edit', 'plan'),
  'POST /admin/:kommun/handlingsplaner/:id/redigera': n('edit', 'plan'),
  // Measures: a new one needs 'edit' on the municipality; an existing one 'edit' on its owner unit.
  'GET /admin/:kommun/handlingsplaner/:id/atgarder/ny': n('edit', 'plan'),
  'POST /admin/:kommun/handlingsplaner/:id/atgarder/ny': n('edit', 'plan'),
  'GET /admin/:kommun/handlingsplaner/:id/atgarder/:measureId': n('view', 'measure', true),
  'GET /admin/:kommun/handlingsplaner/:id/atgarder/:measureId/redigera': n('edit', 'measure', true),
  'POST /admin/:kommun/handlingsplaner/:id/atgarder/:measureId/redigera': n('edit', 'measure', true),
  'POST /admin/:kommun/handlingsplaner/:id/atgarder/:measureId/lagesrapport': n('edit', 'measure', true),
  // Bulk progress and the file round trip: anyone who may edit one of the plan's measures (the
  // fixture plan has one measure, owned by the scope's unit); other rows are refused row by row.
  'GET /admin/:kommun/handlingsplaner/:id/lagesrapport': n('view', 'plan'),
  'POST /admin/:kommun/handlingsplaner/:id/lagesrapport': n('edit', 'plan', true),
  'GET /admin/:kommun/handlingsplaner/:id/handlingsplan.csv': n('view', 'plan'),
  'GET /admin/:kommun/handlingsplaner/:id/handlingsplan.xlsx': n('view', 'plan'),
  'GET /admin/:kommun/handlingsplaner/:id/import': n('edit', 'plan', true),
  'POST /admin/:kommun/handlingsplaner/:id/import': n('edit', 'plan', true),
  'POST /admin/:kommun/handlingsplaner/:id/import/bekrafta': n('edit', 'plan', true),
  // Evaluation (AL-3) and copying into a new period.
  'GET /admin/:kommun/handlingsplaner/:id/utvardering': n('edit', 'plan'),
  'POST /admin/:kommun/handlingsplaner/:id/utvardering': n('edit', 'plan'),
  'GET /admin/:kommun/handlingsplaner/:id/utvardering/:evaluationId': n('view', 'evaluation'),
  'GET /admin/:kommun/handlingsplaner/:id/kopiera': n('edit', 'plan'),
  'POST /admin/:kommun/handlingsplaner/:id/kopiera': n('edit', 'plan'),
};
