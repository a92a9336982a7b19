/** GET /tillganglighet: the accessibility statement required by the DOS law. */
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import type { Lang } from '../../i18n/index.js';
import { pageContext } from '../../ui/page-context.js';
import { AccessibilityPage } from './page.js';
import { DEFAULT_FACTS } from './statement.js';

export function accessibilityRoutes(lang: Lang) {
  const app = new Hono<AppEnv>();
  app.get('/tillganglighet', (c) => {
    const { operator } = c.var.config;
    const facts = {
      ...DEFAULT_FACTS,
      organisationName: operator.name,
      contactEmail: operator.accessibilityEmail,
      ...(operator.accessibilityPhone ? { contactPhone: operator.accessibilityPhone } : {}),
    };
    return c.html(<AccessibilityPage ctx={pageContext(c, lang)} facts={facts} />);
  });
  return app;
}
