/** The project database pages: search, one project, and exports of the current selection. */
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { AppError } from '../../errors/index.js';
import { type Lang, localePath, t } from '../../i18n/index.js';
import { municipalityName } from '../../ui/layout.js';
import { pageContext, rawQuery, requireMunicipality } from '../../ui/page-context.js';
import { exportFileName, toCsv, toXlsx } from './export.js';
import { projectExportColumns } from './export-columns.js';
import { publicGoalLink } from '../strategy/public/presenter.js';
import { adoptedGoalsOfProject } from '../strategy/public/repository.js';
import { ProjectPage, ProjectsPage } from './pages.js';
import { publicProject } from './presenter.js';
import { parseProjectQuery, searchQueryString } from './schemas.js';
import { loadPage, searchAllIds, searchProjects } from './search.js';

const ID_RE = /^[1-9]\d{0,9}$/;

/**
 * The way back to the visitor's selection: the result list links each project with `?urval=` (the
 * list's own query string), so the page, and the response cache keyed by URL, stay the same for
 * everyone who came from the same selection. An invalid or missing selection gives the plain list.
 */
export function backToSelection(selection: string | undefined, listPath: string, lang: Lang): string {
  if (!selection) return listPath;
  try {
    const query = parseProjectQuery(selection.slice(0, 2000), lang);
    return listPath + searchQueryString(query);
  } catch {
    return listPath;
  }
}

export function projectRoutes(lang: Lang) {
  const app = new Hono<AppEnv>();

  app.get('/:kommun/projekt', async (c) => {
    const m = await requireMunicipality(c, lang);
    const query = parseProjectQuery(rawQuery(c), lang);
    const { handle, config } = c.var;
    const outcome = await searchProjects(handle, m.id, query, lang);
    const items = (await loadPage(handle, m.id, outcome.ids)).map((p) => publicProject(p, lang, config.baseUrl, m.slug));
    return c.html(<ProjectsPage ctx={pageContext(c, lang, m)} outcome={outcome} items={items} />);
  });

  app.get('/:kommun/:file{projekt\\.(csv|xlsx|json)}', async (c) => {
    const m = await requireMunicipality(c, lang);
    const format = c.req.param('file').split('.')[1] as 'csv' | 'xlsx' | 'json';
    const query = parseProjectQuery(rawQuery(c), lang);
    const { handle, config } = c.var;
    const outcome = await searchAllIds(handle, m.id, query, lang);
    const items = (await loadPage(handle, m.id, outcome.ids)).map((p) => publicProject(p, lang, config.baseUrl, m.slug));
    const name = exportFileName(`${m.slug}-${lang === 'sv' ? 'projekt' : 'projects'}`, format);
    c.header('Content-Disposition', `attachment; filename="${name}"`);
    c.header('Cache-Control', 'public, max-age=60');
    if (format === 'json') {
      return c.json({ municipality: { code: m.code, slug: m.slug, name: municipalityName(m, lang) }, total: items.length, items });
    }
    const columns = projectExportColumns(lang);
    if (format === 'csv') {
      c.header('Content-Type', 'text/csv; charset=utf-8');
      return c.body(toCsv(columns, items));
    }
    const sheet = lang === 'sv' ? 'Projekt' : 'Projects';
    const buffer = await toXlsx(columns, items, sheet);
    c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    return c.body(new Uint8Array(buffer));
  });

  app.get('/:kommun/projekt/:id', async (c) => {
    const m = await requireMunicipality(c, lang);
    const id = c.req.param('id');
    const notFound = () => new AppError('project_not_found', t(lang, 'error_project_not_found', { id: id.slice(0, 20), name: municipalityName(m, lang) }));
    if (!ID_RE.test(id)) throw notFound();
    const { handle, config } = c.var;
    const [record] = await loadPage(handle, m.id, [Number(id)]);
    if (!record) throw notFound();
    const goals = (await adoptedGoalsOfProject(handle.db, m.id, record.id)).map((g) => publicGoalLink(g, lang, m.slug));
    return c.html(
      <ProjectPage
        ctx={pageContext(c, lang, m)}
        project={publicProject(record, lang, config.baseUrl, m.slug)}
        goals={goals}
        backHref={backToSelection(c.req.query('urval'), localePath(lang, `/${m.slug}/projekt`), lang)}
      />,
    );
  });

  return app;
}
