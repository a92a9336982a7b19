/** Back-office routes of reminders (src/features/reminders/, the account page's digest form). Merged into SPEC (admin-routes.ts). */
import { type Need, n } from './admin-need.js';

export const REMINDER_SPEC: Record<string, Need> = {
  'GET /admin/:kommun/paminnelser': n('configure'),
  // Anyone signed in turns their own weekly digest off or on.
  'POST /admin/konto/sammanfattning': n('signed_in'),
};
