/**
 * The back office under `/admin` (Swedish) and `/en/admin` (English): every feature's admin routes,
 * behind the guard (sign-in, CSRF, no-store). More specific routes first: `/:kommun` is last.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import type { Lang } from '../../i18n/index.js';
import { attachmentAdminRoutes } from '../attachments/routes.js';
import { auditRoutes } from '../audit/routes.js';
import { budgetAdminRoutes } from '../budget/routes.js';
import { followUpRoutes } from '../dashboard/routes.js';
import { partnershipEvaluationRoutes } from '../registry/partnerships/evaluations/routes.js';
import { reminderAdminRoutes } from '../reminders/routes.js';
import { reportAdminRoutes } from '../reports/admin/routes.js';
import { authRoutes } from '../auth/routes.js';
import { decisionRoutes } from '../decisions/routes.js';
import { editingRoutes } from '../editing/routes.js';
import { importAdminRoutes } from '../imports/routes.js';
import { registryRoutes } from '../registry/routes.js';
import { strategyAdminRoutes } from '../strategy/admin/routes.js';
import { calendarAdminRoutes } from '../strategy/calendar/routes.js';
import { planAdminRoutes } from '../strategy/plans/routes.js';
import { userRoutes } from '../users/routes.js';
import { dashboardRoutes } from './dashboard.js';

export function adminRoutes(lang: Lang): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.route('/', authRoutes(lang));
  app.route('/', userRoutes(lang));
  app.route('/', auditRoutes(lang));
  app.route('/', importAdminRoutes(lang));
  app.route('/', attachmentAdminRoutes(lang));
  app.route('/', decisionRoutes(lang));
  app.route('/', registryRoutes(lang));
  app.route('/', editingRoutes(lang));
  app.route('/', strategyAdminRoutes(lang));
  app.route('/', planAdminRoutes(lang));
  app.route('/', calendarAdminRoutes(lang));
  app.route('/', reportAdminRoutes(lang));
  app.route('/', followUpRoutes(lang));
  app.route('/', budgetAdminRoutes(lang));
  app.route('/', partnershipEvaluationRoutes(lang));
  app.route('/', reminderAdminRoutes(lang));
  app.route('/', dashboardRoutes(lang));
  return app;
}
