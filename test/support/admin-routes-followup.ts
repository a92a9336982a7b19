/** Back-office routes of follow-up and reporting (issue 5). Merged into SPEC (admin-routes.ts). */
import { CHART_IDS } from '../../src/features/dashboard/charts.js';
import { type Need, n } from './admin-need.js';

export const FOLLOW_UP_SPEC: Record<string, Need> = {
  // The dashboard, and each chart on its own page (with ?format=svg|png|csv: a download)
  'GET /admin/:kommun/uppfoljning': n('view'),
  ...Object.fromEntries(CHART_IDS.map((id) => [`GET /admin/:kommun/uppfoljning/diagram/${id}`, n('view')])),
};
