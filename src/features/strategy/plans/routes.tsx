/** Back office of action plans: measures, bulk progress, CSV/XLSX round trip, evaluations. */
import { Hono } from 'hono';
import type { AppEnv } from '../../../app-env.js';
import type { Lang } from '../../../i18n/index.js';

export function planAdminRoutes(_lang: Lang): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  return app;
}
