/** Back-office routes of follow-up and reporting (issue 5). Merged into SPEC (admin-routes.ts). */
import type { Need } from './admin-need.js';

export const REMINDER_SPEC: Record<string, Need> = {};
