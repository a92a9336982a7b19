/** Action plans, measures, bulk progress, plan import/export, evaluations: src/features/strategy/plans/. Merged into SPEC (admin-routes.ts). */
import { type Need, n } from './admin-need.js';

export const PLAN_SPEC: Record<string, Need> = {
};
