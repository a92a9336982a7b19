/** The international budget (AL-15) (issue 5): to be built. */
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import type { Lang } from '../../i18n/index.js';

export function budgetAdminRoutes(_lang: Lang): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  return app;
}
