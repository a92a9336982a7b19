/**
 * The HTTP application: middleware, the public site in Swedish and English, the open API, and one
 * error boundary that turns known errors into helpful pages or problem details and everything
 * else into a generic 500 with a request id.
 */

import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { csrf } from 'hono/csrf';
import { etag } from 'hono/etag';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './app-env.js';
import type { Config } from './config/env.js';
import type { DbHandle } from './db/database.js';
import { AppError, problemOf } from './errors/index.js';
import { accessibilityRoutes } from './features/accessibility/routes.js';
import { adminGuard } from './features/admin/guard.js';
import { AdminMessagePage, adminPageContext } from './features/admin/layout.js';
import { adminRoutes } from './features/admin/routes.js';
import { apiRoutes, openapiDocument } from './features/api/routes.js';
import { attachmentPublicRoutes } from './features/attachments/routes.js';
import { feedbackRoutes } from './features/feedback/routes.js';
import { municipalityRoutes } from './features/municipalities/routes.js';
import { partnershipRoutes } from './features/partnerships/routes.js';
import { projectRoutes } from './features/projects/routes.js';
import { calendarFeedRoutes } from './features/strategy/calendar/routes.js';
import { strategyPublicRoutes } from './features/strategy/public/routes.js';
import { type Lang, t } from './i18n/index.js';
import { log } from './log.js';
import { STATIC_DIR } from './paths.js';
import { BadRequestPage, MessagePage, NotFoundPage, ServerErrorPage } from './ui/error-pages.js';
import { pageContext } from './ui/page-context.js';

export interface AppDeps {
  handle: DbHandle;
  config: Config;
}

const ERROR_TITLES: Record<string, { sv: string; en: string }> = {
  not_found: { sv: 'Hittades inte', en: 'Not found' },
  municipality_not_found: { sv: 'Kommunen finns inte', en: 'Municipality not found' },
  project_not_found: { sv: 'Projektet finns inte', en: 'Project not found' },
  invalid_query: { sv: 'Felaktiga parametrar', en: 'Invalid parameters' },
  invalid_body: { sv: 'Felaktigt innehåll', en: 'Invalid content' },
  invalid_form: { sv: 'Uppgifterna behöver rättas', en: 'The details need correcting' },
  unauthorized: { sv: 'Du behöver logga in', en: 'You need to sign in' },
  forbidden: { sv: 'Du har inte behörighet', en: 'You do not have permission' },
  csrf_failed: { sv: 'Formuläret har gått ut', en: 'The form has expired' },
  conflict: { sv: 'Uppgifterna har ändrats', en: 'The details have changed' },
  unsupported_media_type: { sv: 'Filtypen stöds inte', en: 'File type not supported' },
  rate_limited: { sv: 'För många förfrågningar', en: 'Too many requests' },
  payload_too_large: { sv: 'För stort innehåll', en: 'Content too large' },
  internal: { sv: 'Internt fel', en: 'Internal error' },
};

function langOfPath(pathname: string): Lang {
  return /^\/en(\/|$)/.test(pathname) ? 'en' : 'sv';
}

function loadStatic(): Map<string, { body: string; type: string }> {
  const files = new Map<string, { body: string; type: string }>();
  for (const name of fs.readdirSync(STATIC_DIR)) {
    const type = name.endsWith('.css') ? 'text/css; charset=utf-8' : name.endsWith('.svg') ? 'image/svg+xml' : 'application/octet-stream';
    files.set(name, { body: fs.readFileSync(path.join(STATIC_DIR, name), 'utf8'), type });
  }
  return files;
}

export function createApp({ handle, config }: AppDeps) {
  const app = new Hono<AppEnv>();
  const staticFiles = loadStatic();
  const openapiJson = JSON.stringify(openapiDocument(), null, 2);
  const publicOrigin = new URL(config.baseUrl).origin;

  app.use('*', async (c, next) => {
    c.set('handle', handle);
    c.set('config', config);
    c.set('requestId', c.req.header('x-request-id')?.slice(0, 64).replace(/[^\w-]/g, '') || randomUUID());
    c.set('lang', langOfPath(c.req.path));
    const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
    if (incoming?.socket?.remoteAddress) c.set('clientAddress', incoming.socket.remoteAddress);
    await next();
    c.header('X-Request-Id', c.var.requestId);
  });
  app.use(
    '*',
    secureHeaders({
      // Routes that set their own stricter headers (attachment downloads: `default-src 'none'; sandbox`) keep them.
      overwrite: false,
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
      referrerPolicy: 'strict-origin-when-cross-origin',
      crossOriginResourcePolicy: false,
    }),
  );
  app.use('*', csrf({ origin: (origin, c) => origin === new URL(c.req.url).origin || origin === publicOrigin }));

  app.get('/healthz', async (c) => {
    await handle.db.selectFrom('municipalities').select('id').limit(1).execute();
    return c.json({ status: 'ok' });
  });
  app.get('/static/:name', (c) => {
    const file = staticFiles.get(c.req.param('name'));
    if (!file) throw new AppError('not_found', t(c.var.lang, 'error_not_found_text'));
    c.header('Content-Type', file.type);
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(file.body);
  });

  // Open API: CORS for reads, ETags, short caching.
  app.use('/api/*', cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'], exposeHeaders: ['ETag', 'X-Request-Id'] }));
  app.use('/api/*', etag());
  app.use('/api/*', async (c, next) => {
    await next();
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=60');
  });
  app.get('/api/v1/openapi.json', (c) => {
    c.header('Content-Type', 'application/json; charset=utf-8');
    return c.body(openapiJson);
  });
  app.route('/api/v1', apiRoutes());

  // The back office: behind the guard (sign-in, CSRF token, no-store), in Swedish and English.
  for (const [prefix, lang] of [['/en/admin', 'en'], ['/admin', 'sv']] as const) {
    const limit = bodyLimit({
      maxSize: config.attachments.maxBytes + 1024 * 1024,
      onError: (c) => {
        throw new AppError('payload_too_large', c.var.lang === 'en' ? 'The upload is too large.' : 'Det du skickade är för stort.');
      },
    });
    // `${prefix}/*` also matches `${prefix}` itself in Hono, so one registration covers both.
    app.use(`${prefix}/*`, limit, adminGuard());
    app.route(prefix, adminRoutes(lang));
  }

  app.route('/', feedbackRoutes());
  app.route('/', attachmentPublicRoutes());
  app.route('/', calendarFeedRoutes());
  // English first: otherwise the Swedish `/:kommun` route takes `/en` (the English front page) for a municipality.
  for (const [prefix, lang] of [['/en', 'en'], ['/', 'sv']] as const) {
    app.route(prefix, accessibilityRoutes(lang));
    app.route(prefix, projectRoutes(lang));
    app.route(prefix, partnershipRoutes(lang));
    app.route(prefix, strategyPublicRoutes(lang));
    app.route(prefix, municipalityRoutes(lang));
  }

  app.notFound(async (c) => {
    const lang = c.var.lang ?? 'sv';
    if (/^(\/en)?\/admin(\/|$)/.test(c.req.path) && c.var.actor) {
      c.status(404);
      c.header('Cache-Control', 'no-store');
      const ctx = await adminPageContext(c);
      return c.html(<AdminMessagePage ctx={ctx} title={ERROR_TITLES.not_found![lang]} message={lang === 'sv' ? 'Sidan finns inte.' : 'The page does not exist.'} />);
    }
    if (c.req.path.startsWith('/api/')) {
      const err = new AppError('not_found', lang === 'sv' ? 'Det finns ingen sådan adress i API:et.' : 'There is no such address in the API.');
      return c.json(problemOf(err, ERROR_TITLES.not_found![lang], c.req.path), 404, { 'Content-Type': 'application/problem+json' });
    }
    c.status(404);
    return c.html(<NotFoundPage ctx={pageContext(c, lang)} />);
  });

  app.onError(async (err, c) => {
    const lang = c.var.lang ?? 'sv';
    const isApi = c.req.path.startsWith('/api/');
    if (err instanceof AppError && /^(\/en)?\/admin(\/|$)/.test(c.req.path)) {
      c.status(err.status as 400);
      c.header('Cache-Control', 'no-store');
      const ctx = await adminPageContext(c).catch(() => undefined);
      if (ctx) return c.html(<AdminMessagePage ctx={ctx} title={ERROR_TITLES[err.code]![lang]} message={err.detail} />);
    }
    if (err instanceof AppError) {
      if (isApi) {
        return c.json(problemOf(err, ERROR_TITLES[err.code]![lang], c.req.path), err.status as 400, { 'Content-Type': 'application/problem+json' });
      }
      c.status(err.status as 400);
      const ctx = pageContext(c, lang);
      if (err.status === 404) return c.html(<NotFoundPage ctx={ctx} message={err.detail} />);
      if (err.code === 'invalid_query') {
        const base = c.req.path.replace(/\/$/, '');
        return c.html(<BadRequestPage ctx={ctx} errors={err.fieldErrors.length ? err.fieldErrors : [{ field: 'query', message: err.detail }]} startOver={base} />);
      }
      return c.html(<MessagePage ctx={ctx} title={ERROR_TITLES[err.code]![lang]} message={err.detail} status="error" />);
    }
    const requestId = c.var.requestId ?? 'unknown';
    // Malformed bodies and similar client faults from Hono carry a status below 500.
    const status = (err as { status?: number }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const e = new AppError('invalid_body', lang === 'sv' ? 'Förfrågan kunde inte läsas.' : 'The request could not be read.');
      if (isApi) return c.json(problemOf(e, ERROR_TITLES.invalid_body![lang], c.req.path), status as 400, { 'Content-Type': 'application/problem+json' });
      c.status(status as 400);
      return c.html(<MessagePage ctx={pageContext(c, lang)} title={ERROR_TITLES.invalid_body![lang]} message={e.detail} status="error" />);
    }
    log('error', 'unhandled error', { requestId, path: c.req.path, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    if (isApi) {
      const e = new AppError('internal', lang === 'sv' ? `Ett internt fel inträffade. Felkod: ${requestId}.` : `An internal error occurred. Error code: ${requestId}.`);
      return c.json(problemOf(e, ERROR_TITLES.internal![lang], c.req.path), 500, { 'Content-Type': 'application/problem+json' });
    }
    c.status(500);
    return c.html(<ServerErrorPage ctx={pageContext(c, lang)} requestId={requestId} />);
  });

  return app;
}

