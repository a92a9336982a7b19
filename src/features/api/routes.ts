/**
 * The open read API under /api/v1. Every route is declared with its zod schemas, which validate
 * the request and generate the OpenAPI document (`openapiDocument`). Errors are RFC 9457 problems.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { AppError } from '../../errors/index.js';
import type { Lang } from '../../i18n/index.js';
import { rawQuery, requireMunicipality } from '../../ui/page-context.js';
import { todayInSweden } from '../decisions/registry.js';
import { feedbackCounts } from '../feedback/repository.js';
import { listMunicipalities } from '../municipalities/repository.js';
import { publicPartnership } from '../partnerships/presenter.js';
import { listPublishedPartnerships } from '../partnerships/repository.js';
import { publicProject } from '../projects/presenter.js';
import { ProjectSearchQuerySchema, parseProjectQuery, zodIssuesToFieldErrors } from '../projects/schemas.js';
import { loadPage, searchProjects } from '../projects/search.js';
import { adoptedGoalsOfProject, loadStrategyPage } from '../strategy/public/repository.js';
import { FeedbackCountSchema, MunicipalitySchema, PartnershipSchema, ProblemSchema, ProjectDetailSchema, ProjectListSchema, StrategySchema } from './schemas.js';
import { apiStrategy } from './strategy.js';

/** The API answers in English when the client asks for it (Accept-Language), else in Swedish. */
export function apiLang(c: Context<AppEnv>): Lang {
  return /^\s*en\b/i.test(c.req.header('accept-language') ?? '') ? 'en' : 'sv';
}

const problem = (description: string) => ({ content: { 'application/problem+json': { schema: ProblemSchema } }, description });
const Slug = z.string().openapi({ param: { name: 'slug', in: 'path' }, example: 'arvika', description: 'The municipality’s address name.' });
const ProjectId = z.string().openapi({ param: { name: 'id', in: 'path' }, example: '1', description: 'Project number.' });

const listMunicipalitiesRoute = createRoute({
  method: 'get',
  path: '/municipalities',
  summary: 'The municipalities of this installation',
  tags: ['Municipalities'],
  responses: { 200: { content: { 'application/json': { schema: z.object({ items: z.array(MunicipalitySchema) }) } }, description: 'All municipalities.' } },
});

const searchProjectsRoute = createRoute({
  method: 'get',
  path: '/municipalities/{slug}/projects',
  summary: 'Search a municipality’s published projects',
  description: 'The same search, filters, sort and paging as the public project database page. Each filter takes one value.',
  tags: ['Projects'],
  request: { params: z.object({ slug: Slug }), query: ProjectSearchQuerySchema },
  responses: {
    200: { content: { 'application/json': { schema: ProjectListSchema } }, description: 'One page of projects with facet counts.' },
    400: problem('Invalid parameters; every problem is listed in `errors`.'),
    404: problem('No such municipality.'),
  },
});

const getProjectRoute = createRoute({
  method: 'get',
  path: '/municipalities/{slug}/projects/{id}',
  summary: 'One published project',
  tags: ['Projects'],
  request: { params: z.object({ slug: Slug, id: ProjectId }) },
  responses: {
    200: { content: { 'application/json': { schema: ProjectDetailSchema } }, description: 'The project, with the strategy goals it contributes to.' },
    404: problem('No such municipality or published project.'),
  },
});

const listPartnershipsRoute = createRoute({
  method: 'get',
  path: '/municipalities/{slug}/partnerships',
  summary: 'A municipality’s twin towns, networks and partners',
  tags: ['Partnerships'],
  request: { params: z.object({ slug: Slug }) },
  responses: {
    200: { content: { 'application/json': { schema: z.object({ items: z.array(PartnershipSchema) }) } }, description: 'Published partnerships with their history.' },
    404: problem('No such municipality.'),
  },
});

const getStrategyRoute = createRoute({
  method: 'get',
  path: '/municipalities/{slug}/strategy',
  summary: 'The municipality’s adopted strategy, its goals with progress and its action plans',
  description:
    'The strategy for international work that the municipality has adopted, as on the public page `/{slug}/strategi`: the goal tree as a flat list in tree order, ' +
    'each goal’s progress and traffic light as of today (Swedish time), the action plans in force and closed ones, and the measures of the plans in force. ' +
    'Only published data. A municipality without an adopted strategy answers 404 with the code `not_found`, which tells it apart from an unknown municipality (`municipality_not_found`).',
  tags: ['Strategy'],
  request: { params: z.object({ slug: Slug }) },
  responses: {
    200: { content: { 'application/json': { schema: StrategySchema } }, description: 'The adopted strategy.' },
    404: problem('No such municipality (`municipality_not_found`), or the municipality has not published an adopted strategy (`not_found`).'),
  },
});

const feedbackRoute = createRoute({
  method: 'get',
  path: '/municipalities/{slug}/feedback',
  summary: 'Answers to "Did the information on this page help you?", per page',
  tags: ['Feedback'],
  request: { params: z.object({ slug: Slug }) },
  responses: {
    200: { content: { 'application/json': { schema: z.object({ items: z.array(FeedbackCountSchema) }) } }, description: 'Yes/no counts per page.' },
    404: problem('No such municipality.'),
  },
});

export function apiRoutes() {
  const api = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const lang = apiLang(c as Context<AppEnv>);
        const input = (c as Context<AppEnv>).req.query();
        const errors = zodIssuesToFieldErrors(result.error.issues, input, lang);
        throw new AppError('invalid_query', errors.map((e) => e.message).join(' '), errors);
      }
    },
  });

  api.openapi(listMunicipalitiesRoute, async (c) => {
    const lang = apiLang(c);
    const rows = await listMunicipalities(c.var.handle.db);
    const base = c.var.config.baseUrl;
    return c.json(
      {
        items: rows.map((m) => ({
          code: m.code,
          slug: m.slug,
          name: lang === 'sv' ? m.name_sv : m.name_en,
          county: m.county_name,
          vision: (lang === 'en' && m.vision_en ? m.vision_en : m.vision_sv) ?? null,
          projectCount: m.project_count,
          partnershipCount: m.partnership_count,
          url: `${base}${lang === 'en' ? '/en' : ''}/${m.slug}`,
        })),
      },
      200,
    );
  });

  // Repeated parameters and broken encoding are invisible to zod: check the raw query first.
  api.use('/municipalities/:kommun/projects', async (c, next) => {
    parseProjectQuery(rawQuery(c), apiLang(c));
    await next();
  });

  api.openapi(searchProjectsRoute, async (c) => {
    const lang = apiLang(c);
    const m = await requireMunicipality(c, lang);
    const query = c.req.valid('query');
    const { handle, config } = c.var;
    const outcome = await searchProjects(handle, m.id, query, lang);
    const items = (await loadPage(handle, m.id, outcome.ids)).map((p) => publicProject(p, lang, config.baseUrl, m.slug));
    return c.json({ items, total: outcome.total, page: outcome.page, pageSize: outcome.pageSize, pages: outcome.pages, sort: outcome.sort, facets: outcome.facets }, 200);
  });

  api.openapi(getProjectRoute, async (c) => {
    const lang = apiLang(c);
    const m = await requireMunicipality(c, lang);
    const id = c.req.param('id');
    const notFound = new AppError('project_not_found', lang === 'sv' ? `Det finns inget publicerat projekt med nummer ${id.slice(0, 20)}.` : `There is no published project number ${id.slice(0, 20)}.`);
    if (!/^[1-9]\d{0,9}$/.test(id)) throw notFound;
    const [record] = await loadPage(c.var.handle, m.id, [Number(id)]);
    if (!record) throw notFound;
    const goals = (await adoptedGoalsOfProject(c.var.handle.db, m.id, record.id)).map((g) => ({ id: g.id, title: lang === 'en' && g.title_en ? g.title_en : g.title_sv, levelName: g.levelName }));
    return c.json({ ...publicProject(record, lang, c.var.config.baseUrl, m.slug), goals }, 200);
  });

  api.openapi(listPartnershipsRoute, async (c) => {
    const lang = apiLang(c);
    const m = await requireMunicipality(c, lang);
    const rows = await listPublishedPartnerships(c.var.handle.db, m.id);
    return c.json({ items: rows.map((p) => publicPartnership(p, lang)) }, 200);
  });

  api.openapi(getStrategyRoute, async (c) => {
    const lang = apiLang(c);
    const m = await requireMunicipality(c, lang);
    const data = await loadStrategyPage(c.var.handle.db, m.id, todayInSweden());
    if (!data) {
      const name = lang === 'sv' ? m.name_sv : m.name_en;
      throw new AppError('not_found', lang === 'sv' ? `${name} har inte publicerat någon antagen strategi.` : `${name} has not published an adopted strategy.`);
    }
    return c.json(apiStrategy(data, lang, c.var.config.baseUrl, m.slug), 200);
  });

  api.openapi(feedbackRoute, async (c) => {
    const m = await requireMunicipality(c, apiLang(c));
    return c.json({ items: await feedbackCounts(c.var.handle.db, m.id) }, 200);
  });

  return api;
}

/** The OpenAPI 3.1 document, generated from the route schemas. */
export function openapiDocument() {
  return apiRoutes().getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Utblick open API',
      version: '1.0.0',
      description:
        'Read-only access to the published international work of Swedish municipalities: projects, twin towns and partnerships, and the adopted strategy with its goals, progress and action plans. ' +
        'Answers in Swedish by default; send `Accept-Language: en` for English labels. Errors are RFC 9457 problem details.',
      license: { name: 'EUPL-1.2', url: 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12' },
    },
    servers: [{ url: '/api/v1' }],
  });
}
