/** Strategies, their goal tree, import from text, reviews: src/features/strategy/admin/. Merged into SPEC (admin-routes.ts). */
import { type Need, n } from './admin-need.js';

export const STRATEGY_SPEC: Record<string, Need> = {
};
