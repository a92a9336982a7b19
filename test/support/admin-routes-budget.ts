/** The international budget (AL-15): src/features/budget/. Merged into SPEC (admin-routes.ts). */
import { type Need, n } from './admin-need.js';

export const BUDGET_SPEC: Record<string, Need> = {
  'GET /admin/:kommun/budget': n('view'),
  // Allocations and entries: the coordinator (and the municipal administrator).
  'POST /admin/:kommun/budget/anslag': n('publish'),
  'GET /admin/:kommun/budget/poster/ny': n('publish'),
  'POST /admin/:kommun/budget/poster/ny': n('publish'),
  'GET /admin/:kommun/budget/poster/:entryId': n('publish', 'budget_entry'),
  'POST /admin/:kommun/budget/poster/:entryId': n('publish', 'budget_entry'),
  'POST /admin/:kommun/budget/poster/:entryId/ta-bort': n('publish', 'budget_entry'),
};
