/** Calendar feed addresses: src/features/strategy/calendar/. Merged into SPEC (admin-routes.ts). */
import { type Need, n } from './admin-need.js';

export const CALENDAR_SPEC: Record<string, Need> = {
};
