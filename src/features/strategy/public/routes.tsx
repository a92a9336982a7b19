/**
 * GET /{kommun}/strategi (and /en/{kommun}/strategi): the adopted strategy, its goals with progress,
 * the measures, projects and partnerships that serve them. Anonymous and cookie-free, so the
 * response cache serves it like the other public pages.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../../../app-env.js';
import type { Lang } from '../../../i18n/index.js';
import { pageContext, requireMunicipality } from '../../../ui/page-context.js';
import { todayInSweden } from '../../decisions/registry.js';
import { NoStrategyPage, StrategyPage } from './pages.js';
import { publicStrategy } from './presenter.js';
import { loadStrategyPage } from './repository.js';

export function strategyPublicRoutes(lang: Lang): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/:kommun/strategi', async (c) => {
    const m = await requireMunicipality(c, lang);
    const today = todayInSweden();
    const data = await loadStrategyPage(c.var.handle.db, m.id, today);
    const ctx = pageContext(c, lang, m);
    if (!data) return c.html(<NoStrategyPage ctx={ctx} />);
    return c.html(<StrategyPage ctx={ctx} strategy={publicStrategy(data, lang, m.slug)} today={today} />);
  });
  return app;
}
