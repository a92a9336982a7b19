/** Calendar feed addresses: src/features/strategy/calendar/. Merged into SPEC (admin-routes.ts). */
import { type Need, n } from './admin-need.js';

export const CALENDAR_SPEC: Record<string, Need> = {
  'GET /admin/:kommun/kalender': n('view'),
  // Anyone with a role makes their own personal address.
  'POST /admin/:kommun/kalender/personlig': n('view'),
  'POST /admin/:kommun/kalender/kommun': n('configure'),
  // The fixture is the municipality's feed ('configure'); a personal feed only its owner may remove.
  'POST /admin/:kommun/kalender/:id/ta-bort': n('configure', 'feed'),
};
