/** Strategies, their goal tree, import from text, reviews: src/features/strategy/admin/. Merged into SPEC (admin-routes.ts). */
import { type Need, n } from './admin-need.js';

export const STRATEGY_SPEC: Record<string, Need> = {
  'GET /admin/:kommun/strategi': n('view'),
  'GET /admin/:kommun/strategi/ny': n('edit'),
  'POST /admin/:kommun/strategi/ny': n('edit'),
  'GET /admin/:kommun/strategi/importera': n('edit'),
  'POST /admin/:kommun/strategi/importera': n('edit'),
  'POST /admin/:kommun/strategi/importera/granska': n('edit'),
  'POST /admin/:kommun/strategi/installningar': n('configure'),
  'GET /admin/:kommun/strategi/:id': n('view', 'strategy'),
  'GET /admin/:kommun/strategi/:id/redigera': n('edit', 'strategy'),
  'POST /admin/:kommun/strategi/:id/redigera': n('edit', 'strategy'),
  'POST /admin/:kommun/strategi/:id/anta': n('publish', 'strategy'),
  'GET /admin/:kommun/strategi/:id/oversyn': n('decide', 'strategy'),
  'POST /admin/:kommun/strategi/:id/oversyn': n('decide', 'strategy'),
  // One version is `?version=N` on this page.
  'GET /admin/:kommun/strategi/:id/historik': n('view', 'strategy'),
  'GET /admin/:kommun/strategi/:id/mal/ny': n('edit', 'strategy'),
  'POST /admin/:kommun/strategi/:id/mal/ny': n('edit', 'strategy'),
  'GET /admin/:kommun/strategi/:id/mal/:goalId': n('view', 'goal'),
  'GET /admin/:kommun/strategi/:id/mal/:goalId/redigera': n('edit', 'goal'),
  'POST /admin/:kommun/strategi/:id/mal/:goalId/redigera': n('edit', 'goal'),
  'GET /admin/:kommun/strategi/:id/mal/:goalId/ta-bort': n('edit', 'goal'),
  'POST /admin/:kommun/strategi/:id/mal/:goalId/ta-bort': n('edit', 'goal'),
};
