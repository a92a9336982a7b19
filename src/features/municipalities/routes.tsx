/** GET / and GET /{kommun}: the front page and a municipality's overview. */
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import type { Lang } from '../../i18n/index.js';
import { pageContext, requireMunicipality } from '../../ui/page-context.js';
import { listPublishedPartnerships } from '../partnerships/repository.js';
import { publicProject } from '../projects/presenter.js';
import { loadPage, searchProjects } from '../projects/search.js';
import { strategyInBrief } from '../strategy/public/repository.js';
import { HomePage, MunicipalityPage } from './pages.js';
import { keyFigures, listMunicipalities, publicChartFigures } from './repository.js';

export function municipalityRoutes(lang: Lang) {
  const app = new Hono<AppEnv>();
  app.get('/', async (c) => {
    const municipalities = await listMunicipalities(c.var.handle.db);
    return c.html(<HomePage ctx={pageContext(c, lang)} municipalities={municipalities} />);
  });
  app.get('/:kommun', async (c) => {
    const m = await requireMunicipality(c, lang);
    const { handle, config } = c.var;
    const [figures, outcome, partnerships, strategy, charts] = await Promise.all([
      keyFigures(handle.db, m.id),
      searchProjects(handle, m.id, { page: 1, pageSize: 10, sort: 'start' }, lang),
      listPublishedPartnerships(handle.db, m.id),
      strategyInBrief(handle.db, m.id),
      publicChartFigures(handle.db, m.id),
    ]);
    const projects = (await loadPage(handle, m.id, outcome.ids)).map((p) => publicProject(p, lang, config.baseUrl, m.slug));
    return c.html(
      <MunicipalityPage
        ctx={pageContext(c, lang, m)}
        municipality={m}
        figures={{ projects: outcome.total, partnerships: partnerships.length, ...figures }}
        projects={projects}
        partnerships={partnerships}
        strategy={strategy}
        charts={charts}
      />,
    );
  });
  return app;
}
