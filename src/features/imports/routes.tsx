/** Placeholder until this feature's routes are written. */
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import type { Lang } from '../../i18n/index.js';

export function importAdminRoutes(_lang: Lang): Hono<AppEnv> {
  return new Hono<AppEnv>();
}
