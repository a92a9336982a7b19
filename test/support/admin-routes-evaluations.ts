/** Evaluations of partnerships and ending them (AR-9): src/features/registry/partnerships/evaluations/. Merged into SPEC (admin-routes.ts). */
import { type Need, n } from './admin-need.js';

export const EVALUATION_SPEC: Record<string, Need> = {
  'GET /admin/:kommun/utvarderingar': n('view'),
  'GET /admin/:kommun/samarbeten/:id/utvarderingar': n('view', 'partnership'),
  // A new evaluation: 'edit' on the partnership's owner unit (unit editors of that unit too).
  'GET /admin/:kommun/samarbeten/:id/utvarderingar/ny': n('edit', 'partnership', true),
  'POST /admin/:kommun/samarbeten/:id/utvarderingar/ny': n('edit', 'partnership', true),
  'GET /admin/:kommun/samarbeten/:id/utvarderingar/:evaluationId': n('view', 'partnership_evaluation'),
  // Ending needs a recorded decision: 'decide' (coordinator, municipal administrator).
  'GET /admin/:kommun/samarbeten/:id/avsluta': n('decide', 'partnership'),
  'POST /admin/:kommun/samarbeten/:id/avsluta': n('decide', 'partnership'),
};
