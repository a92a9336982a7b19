/** Calendar feeds (iCalendar): the secret feed addresses and their back-office page. */
import { Hono } from 'hono';
import type { AppEnv } from '../../../app-env.js';
import type { Lang } from '../../../i18n/index.js';

/** Back office: `/admin/{kommun}/kalender`. */
export function calendarAdminRoutes(_lang: Lang): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  return app;
}

/** The feeds themselves, outside the back office (a calendar client has no session). */
export function calendarFeedRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  return app;
}
