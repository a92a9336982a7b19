/**
 * The registry of the back office, mounted by src/features/admin/routes.tsx:
 *
 * | path under `/admin/:kommun`       | folder           | what                                                    |
 * |-----------------------------------|------------------|---------------------------------------------------------|
 * | `organisationer`, `/ny`, `/:id…`  | organisations/   | external organisations, edited directly (no review)     |
 * | `enheter`, `/ny`, `/:id…`         | units/           | the municipality's own organisation ('configure')       |
 * | `samarbeten`, `/ny`, `/:id…`      | partnerships/    | partnerships, partners, history; published with review |
 *
 * Shared here: texts (messages.ts), form field pieces (fields.ts), the country list (countries.ts).
 */
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import type { Lang } from '../../i18n/index.js';
import { organisationRoutes } from './organisations/routes.js';
import { partnershipAdminRoutes } from './partnerships/routes.js';
import { unitRoutes } from './units/routes.js';

export function registryRoutes(lang: Lang): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.route('/', organisationRoutes(lang));
  app.route('/', unitRoutes(lang));
  app.route('/', partnershipAdminRoutes(lang));
  return app;
}
