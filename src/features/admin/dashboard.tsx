/** The back office's start: the municipality chooser and each municipality's overview. */
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import type { Lang } from '../../i18n/index.js';
import { adminHref, requireActor, requireAdminMunicipality } from './context.js';
import { AdminLayout, adminPageContext } from './layout.js';

const T = {
  start: { sv: 'Välj kommun', en: 'Choose a municipality' },
  none: { sv: 'Du har ännu ingen roll i någon kommun. Be kommunens administratör att ge dig en roll.', en: 'You do not have a role in any municipality yet. Ask the municipality’s administrator to give you one.' },
  overview: { sv: 'Översikt', en: 'Overview' },
};

export function dashboardRoutes(lang: Lang): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/', async (c) => {
    const actor = requireActor(c);
    const ctx = await adminPageContext(c);
    if (ctx.municipalities.length === 1 && !actor.isPlatformAdmin) return c.redirect(adminHref(lang, `/${ctx.municipalities[0]!.slug}`), 303);
    return c.html(
      <AdminLayout ctx={ctx} title={T.start[lang]}>
        <h1>{T.start[lang]}</h1>
        {ctx.municipalities.length === 0 ? (
          <p>{T.none[lang]}</p>
        ) : (
          <ul class="link-list">
            {ctx.municipalities.map((m) => (
              <li>
                <a href={adminHref(lang, `/${m.slug}`)}>{m.name}</a>
              </li>
            ))}
          </ul>
        )}
      </AdminLayout>,
    );
  });
  app.get('/:kommun', async (c) => {
    const { municipality } = await requireAdminMunicipality(c);
    const ctx = await adminPageContext(c, municipality);
    return c.html(
      <AdminLayout ctx={ctx} title={T.overview[lang]} current="dashboard">
        <h1>{T.overview[lang]}</h1>
      </AdminLayout>,
    );
  });
  return app;
}
