/** GET /{kommun}/vanorter: twin towns, networks and partners. */
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import type { Lang } from '../../i18n/index.js';
import { pageContext, requireMunicipality } from '../../ui/page-context.js';
import { publicGoalLink } from '../strategy/public/presenter.js';
import { adoptedGoalsOfPartnerships } from '../strategy/public/repository.js';
import { PartnersPage } from './pages.js';
import { listPublishedPartnerships } from './repository.js';

/** Where each seed municipality's seat is; a municipality without coordinates gets no home marker. */
const HOME_COORDINATES: Record<string, { latitude: number; longitude: number }> = {
  '1784': { latitude: 59.65, longitude: 12.59 },
  '1440': { latitude: 57.93, longitude: 12.05 },
};

export function partnershipRoutes(lang: Lang) {
  const app = new Hono<AppEnv>();
  app.get('/:kommun/vanorter', async (c) => {
    const m = await requireMunicipality(c, lang);
    const db = c.var.handle.db;
    const [partnerships, themes, goals] = await Promise.all([listPublishedPartnerships(db, m.id), db.selectFrom('themes').selectAll().execute(), adoptedGoalsOfPartnerships(db, m.id)]);
    return c.html(
      <PartnersPage
        ctx={pageContext(c, lang, m)}
        partnerships={partnerships}
        home={HOME_COORDINATES[m.code]}
        themeLabels={new Map(themes.map((th) => [th.code, th]))}
        goals={new Map([...goals].map(([id, list]) => [id, list.map((g) => publicGoalLink(g, lang, m.slug))]))}
      />,
    );
  });
  return app;
}
