/** Back-office routes of the half-year report (issue 5): src/features/reports/admin/. Merged into SPEC (admin-routes.ts). */
import { type Need, n } from './admin-need.js';

export const REPORT_SPEC: Record<string, Need> = {
  'GET /admin/:kommun/halvarsrapporter': n('view'),
  'POST /admin/:kommun/halvarsrapporter': n('publish'),
  'GET /admin/:kommun/halvarsrapporter/:id': n('view', 'report'),
  // A unit's section: 'edit' on the unit (unit editors their own units; coordinators every unit).
  'GET /admin/:kommun/halvarsrapporter/:id/avsnitt/:unitId': n('edit', 'report_section', true),
  'POST /admin/:kommun/halvarsrapporter/:id/avsnitt/:unitId': n('edit', 'report_section', true),
  'POST /admin/:kommun/halvarsrapporter/:id/avsnitt/:unitId/ater-oppna': n('edit', 'report_section', true),
  'GET /admin/:kommun/halvarsrapporter/:id/sammanfattning': n('publish', 'report'),
  'POST /admin/:kommun/halvarsrapporter/:id/sammanfattning': n('publish', 'report'),
  'GET /admin/:kommun/halvarsrapporter/:id/struktur': n('publish', 'report'),
  'POST /admin/:kommun/halvarsrapporter/:id/struktur': n('publish', 'report'),
  'GET /admin/:kommun/halvarsrapporter/:id/slutfor': n('publish', 'report'),
  'POST /admin/:kommun/halvarsrapporter/:id/slutfor': n('publish', 'report'),
  // Sending needs a finalised report: on the fixture's draft the allowed answer is 409.
  'POST /admin/:kommun/halvarsrapporter/:id/skicka': n('publish', 'report'),
  // The documents (`halvarsrapport-<kommun>-<period>.{docx,pdf,html}`): downloads, not pages.
  'GET /admin/:kommun/halvarsrapporter/:id/:filename': n('view', 'report'),
  'GET /admin/:kommun/installningar/uppfoljning': n('configure'),
  'POST /admin/:kommun/installningar/uppfoljning': n('configure'),
};
