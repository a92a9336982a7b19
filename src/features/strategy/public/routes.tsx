/** GET /{kommun}/strategi: the adopted strategy, its goals with progress, measures, projects. */
import { Hono } from 'hono';
import type { AppEnv } from '../../../app-env.js';
import type { Lang } from '../../../i18n/index.js';

export function strategyPublicRoutes(_lang: Lang): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  return app;
}
