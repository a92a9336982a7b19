/** The half-year report's back office (issue 5): to be built. */
import { Hono } from 'hono';
import type { AppEnv } from '../../../app-env.js';
import type { Lang } from '../../../i18n/index.js';

export function reportAdminRoutes(_lang: Lang): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  return app;
}
