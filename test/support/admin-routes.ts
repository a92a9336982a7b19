/**
 * Every back-office route and what it needs: the policy action, and the record in its URL. The
 * authorisation matrix (test/integration/policy-matrix.test.ts) checks each route against it, and
 * fails when a route exists that is not declared here.
 */
import { type Need, n } from './admin-need.js';
import { BUDGET_SPEC } from './admin-routes-budget.js';
import { CALENDAR_SPEC } from './admin-routes-calendar.js';
import { EVALUATION_SPEC } from './admin-routes-evaluations.js';
import { FOLLOW_UP_SPEC } from './admin-routes-followup.js';
import { REMINDER_SPEC } from './admin-routes-reminders.js';
import { REPORT_SPEC } from './admin-routes-reports.js';
import { PLAN_SPEC } from './admin-routes-plans.js';
import { STRATEGY_SPEC } from './admin-routes-strategy.js';

export { type Need, n } from './admin-need.js';

/**
 * Every back-office route and what it needs. Routes that work without a complete sign-in (sign-in,
 * second factor, password reset, single sign-on) are listed in OPEN and tested in the auth tests.
 */
export const SPEC: Record<string, Need> = {
  'GET /admin': n('signed_in'),
  'GET /admin/:kommun': n('view'),
  'POST /admin/logga-ut': n('signed_in'),
  'GET /admin/konto': n('signed_in'),
  'POST /admin/konto/namn': n('signed_in'),
  'POST /admin/konto/sprak': n('signed_in'),
  'POST /admin/konto/losenord': n('signed_in'),
  'POST /admin/konto/aterstallningskoder': n('signed_in'),
  'POST /admin/konto/logga-ut-overallt': n('signed_in'),
  'GET /admin/plattform/kommuner': n('create_municipality'),
  'POST /admin/plattform/kommuner': n('create_municipality'),
  // Single sign-on settings
  'GET /admin/:kommun/installningar/inloggning': n('manage_users'),
  'POST /admin/:kommun/installningar/inloggning': n('manage_users'),
  'GET /admin/:kommun/installningar/inloggning/:id': n('manage_users', 'oidc'),
  'POST /admin/:kommun/installningar/inloggning/:id': n('manage_users', 'oidc'),
  'POST /admin/:kommun/installningar/inloggning/:id/ta-bort': n('manage_users', 'oidc'),
  // People and roles
  'GET /admin/:kommun/anvandare': n('manage_users'),
  'GET /admin/:kommun/anvandare/ny': n('manage_users'),
  'POST /admin/:kommun/anvandare/ny': n('manage_users'),
  'GET /admin/:kommun/anvandare/:id': n('manage_users', 'user'),
  'GET /admin/:kommun/anvandare/:id/andra': n('manage_users', 'user'),
  'POST /admin/:kommun/anvandare/:id/andra': n('manage_users', 'user'),
  'POST /admin/:kommun/anvandare/:id/ta-bort': n('manage_users', 'user'),
  'POST /admin/:kommun/anvandare/:id/stang-av': n('manage_users', 'user'),
  'POST /admin/:kommun/anvandare/:id/aktivera': n('manage_users', 'user'),
  // Audit trail
  'GET /admin/:kommun/logg': n('view_audit'),
  'GET /admin/:kommun/logg/:entity/:id': n('view', 'audit'),
  // Imports
  'GET /admin/:kommun/import': n('import'),
  'POST /admin/:kommun/import': n('import'),
  'GET /admin/:kommun/import/interreg': n('import'),
  'POST /admin/:kommun/import/interreg': n('import'),
  'GET /admin/:kommun/import/:id/kolumner': n('import', 'import'),
  'POST /admin/:kommun/import/:id/kolumner': n('import', 'import'),
  'GET /admin/:kommun/import/:id': n('import', 'import'),
  'POST /admin/:kommun/import/:id/kor': n('import', 'import'),
  // Attachments (of a project; owner unit matters)
  'GET /admin/:kommun/bilagor/:entity/:entityId': n('view', 'attachment', true),
  'POST /admin/:kommun/bilagor/:entity/:entityId': n('edit', 'attachment', true),
  'GET /admin/:kommun/bilagor/:entity/:entityId/:id/ta-bort': n('edit', 'attachment', true),
  'POST /admin/:kommun/bilagor/:entity/:entityId/:id/ta-bort': n('edit', 'attachment', true),
  // Hiding a file needs `edit`, making it public `publish` (checked in the attachment tests).
  'POST /admin/:kommun/bilagor/:entity/:entityId/:id/synlighet': n('edit', 'attachment', true),
  'GET /admin/:kommun/bilagor/:entity/:entityId/:id/:filename': n('view', 'attachment', true),
  // Delegation order, settings, decisions
  'GET /admin/:kommun/delegationsordning': n('view'),
  'POST /admin/:kommun/delegationsordning/namnder': n('configure'),
  'GET /admin/:kommun/delegationsordning/regler/ny': n('configure'),
  'POST /admin/:kommun/delegationsordning/regler': n('configure'),
  'GET /admin/:kommun/delegationsordning/regler/:id': n('configure', 'rule'),
  'POST /admin/:kommun/delegationsordning/regler/:id': n('configure', 'rule'),
  'POST /admin/:kommun/delegationsordning/regler/:id/ta-bort': n('configure', 'rule'),
  'GET /admin/:kommun/installningar': n('configure'),
  'POST /admin/:kommun/installningar': n('configure'),
  'GET /admin/:kommun/beslut': n('view'),
  'GET /admin/:kommun/beslut/ny': n('decide'),
  'POST /admin/:kommun/beslut/ny': n('decide'),
  'GET /admin/:kommun/beslut/:id': n('view', 'decision'),
  'GET /admin/:kommun/projekt/:id/beslutsvag': n('view', 'project', true),
  'POST /admin/:kommun/projekt/:id/status': n('edit', 'project', true, { action: 'start_assessment' }),
  'GET /admin/:kommun/projekt/:id/tjansteskrivelse.docx': n('view', 'project', true),
  'GET /admin/:kommun/projekt/:id/bedomning': n('view', 'project', true),
  'POST /admin/:kommun/projekt/:id/bedomning': n('edit', 'project', true),
  'GET /admin/:kommun/samarbeten/:id/bedomning': n('view', 'partnership', true),
  'POST /admin/:kommun/samarbeten/:id/bedomning': n('edit', 'partnership', true),
  'GET /admin/:kommun/samarbeten/:id/aktivera': n('view', 'partnership', true),
  'POST /admin/:kommun/samarbeten/:id/aktivera': n('decide', 'partnership', true),
  'GET /admin/:kommun/samarbeten/:id/tjansteskrivelse.docx': n('view', 'partnership', true),
  // Organisations, units, partnerships
  'GET /admin/:kommun/organisationer': n('view'),
  'GET /admin/:kommun/organisationer/ny': n('edit', undefined, true),
  'POST /admin/:kommun/organisationer/ny': n('edit', undefined, true),
  'GET /admin/:kommun/organisationer/:id': n('view', 'organisation'),
  'GET /admin/:kommun/organisationer/:id/redigera': n('publish', 'organisation'),
  'POST /admin/:kommun/organisationer/:id/redigera': n('publish', 'organisation'),
  'GET /admin/:kommun/enheter': n('view'),
  'GET /admin/:kommun/enheter/ny': n('configure'),
  'POST /admin/:kommun/enheter/ny': n('configure'),
  'GET /admin/:kommun/enheter/:id': n('view', 'unit'),
  'GET /admin/:kommun/enheter/:id/redigera': n('configure', 'unit'),
  'POST /admin/:kommun/enheter/:id/redigera': n('configure', 'unit'),
  'GET /admin/:kommun/samarbeten': n('view'),
  'GET /admin/:kommun/samarbeten/ny': n('edit', undefined, true),
  'POST /admin/:kommun/samarbeten/ny': n('edit', undefined, true),
  'GET /admin/:kommun/samarbeten/:id': n('view', 'partnership', true),
  'GET /admin/:kommun/samarbeten/:id/redigera': n('edit', 'partnership', true),
  'POST /admin/:kommun/samarbeten/:id/redigera': n('edit', 'partnership', true),
  'POST /admin/:kommun/samarbeten/:id/skicka': n('edit', 'partnership', true),
  'POST /admin/:kommun/samarbeten/:id/publicera': n('publish', 'partnership', true),
  'POST /admin/:kommun/samarbeten/:id/skicka-tillbaka': n('publish', 'partnership', true),
  'POST /admin/:kommun/samarbeten/:id/kasta': n('edit', 'partnership', true),
  // Projects and review
  'GET /admin/:kommun/projekt': n('view'),
  'GET /admin/:kommun/projekt/ny': n('edit', undefined, true),
  'POST /admin/:kommun/projekt/ny': n('edit', undefined, true),
  'GET /admin/:kommun/projekt/:id{[0-9]+}': n('view', 'project', true),
  'GET /admin/:kommun/projekt/:id{[0-9]+}/redigera': n('edit', 'project', true),
  'POST /admin/:kommun/projekt/:id{[0-9]+}/redigera': n('edit', 'project', true),
  'POST /admin/:kommun/projekt/:id{[0-9]+}/skicka': n('edit', 'project', true),
  'POST /admin/:kommun/projekt/:id{[0-9]+}/publicera': n('publish', 'project', true),
  'POST /admin/:kommun/projekt/:id{[0-9]+}/skicka-tillbaka': n('publish', 'project', true),
  'POST /admin/:kommun/projekt/:id{[0-9]+}/kasta': n('edit', 'project', true),
  'GET /admin/:kommun/granskning': n('publish'),
  'GET /admin/:kommun/granskning/:revision{[0-9]+}': n('publish', 'revision', true),
  'POST /admin/:kommun/granskning/:revision{[0-9]+}/publicera': n('publish', 'revision', true),
  'POST /admin/:kommun/granskning/:revision{[0-9]+}/skicka-tillbaka': n('publish', 'revision', true),
  // Strategy and action plan (issue 4)
  ...STRATEGY_SPEC,
  ...PLAN_SPEC,
  ...CALENDAR_SPEC,
  // Follow-up and reporting (issue 5)
  ...REPORT_SPEC,
  ...FOLLOW_UP_SPEC,
  ...BUDGET_SPEC,
  ...EVALUATION_SPEC,
  ...REMINDER_SPEC,
};

/** Routes that answer before a complete sign-in; their own tests cover them. */
export const OPEN = /^(GET|POST) \/admin\/(logga-in|glomt-losenord|aterstall|sso)(\/|$)/;

