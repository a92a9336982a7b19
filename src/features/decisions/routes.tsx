/**
 * The decisions feature's back-office routes (issue 3, sections 4 and 5), mounted by
 * src/features/admin/routes.tsx under `/admin` and `/en/admin`:
 *
 * | path | page |
 * | --- | --- |
 * | `/:kommun/delegationsordning` (+ `/namnder`, `/regler/…`) | the delegation order: view, edit ('configure') |
 * | `/:kommun/installningar` | hourly cost of staff time, registry prefix ('configure') |
 * | `/:kommun/beslut`, `/beslut/ny`, `/beslut/:id` | decisions: list, record ('decide'), view |
 * | `/:kommun/projekt/:id/beslutsvag`, `/status` | the project's route, decisions, lifecycle steps |
 * | `/:kommun/projekt/:id/bedomning`, `/tjansteskrivelse.docx` | assessment, draft decision document |
 * | `/:kommun/samarbeten/:id/bedomning`, `/aktivera`, `/tjansteskrivelse.docx` | the same for partnerships |
 */
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import type { Lang } from '../../i18n/index.js';
import { assessmentRoutes } from './pages/assessment.js';
import { decisionPages } from './pages/decisions.js';
import { delegationRoutes } from './pages/delegation.js';
import { projectRoutes } from './pages/project.js';

export function decisionRoutes(lang: Lang): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.route('/', delegationRoutes(lang));
  app.route('/', decisionPages(lang));
  app.route('/', projectRoutes(lang));
  app.route('/', assessmentRoutes(lang));
  return app;
}
