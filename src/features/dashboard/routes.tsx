/**
 * The follow-up dashboard (issue 5): `GET /admin/{kommun}/uppfoljning` with a GET filter form
 * (period and unit), and each chart at `/uppfoljning/diagram/{chart}`: on its own page, or with
 * `?format=svg|png|csv` as a download. Everyone with a role in the municipality may look.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { AppError } from '../../errors/index.js';
import { type Lang, tr } from '../../i18n/index.js';
import { adminHref, requireAdminMunicipality } from '../admin/context.js';
import { adminPageContext } from '../admin/layout.js';
import { renderChartSvg, svgToPng } from '../charts/chart.js';
import { todayInSweden } from '../decisions/registry.js';
import { listUnitRefs } from '../strategy/plans/repository.js';
import { CHART_IDS, type ChartId, chartCsvOf, chartSize, dashboardCharts } from './charts.js';
import { loadDashboard } from './data.js';
import { EXPORT_FORMATS, type ExportFormat } from './figure.js';
import { type DashboardFilter, filterQuery, parseFilter, periodSlug } from './filters.js';
import { D } from './messages.js';
import { ChartPage, DashboardPage, type DashboardLinks } from './pages.js';

const MEDIA_TYPE: Record<ExportFormat, string> = { svg: 'image/svg+xml; charset=utf-8', png: 'image/png', csv: 'text/csv; charset=utf-8' };

function links(lang: Lang, slug: string, filter: DashboardFilter | undefined, currentYear: number): DashboardLinks {
  const query = filter ? filterQuery(filter, currentYear) : new URLSearchParams();
  const withQuery = (path: string, extra: Record<string, string> = {}) => {
    const q = new URLSearchParams(query);
    for (const [k, v] of Object.entries(extra)) q.set(k, v);
    const s = q.toString();
    return adminHref(lang, `/${slug}${path}${s ? `?${s}` : ''}`);
  };
  return {
    page: withQuery('/uppfoljning'),
    chart: (id, format) => withQuery(`/uppfoljning/diagram/${id}`, format ? { format } : {}),
  };
}

/** The municipality, its units, today and the checked filter; invalid filters come back as errors. */
async function prepare(c: Context<AppEnv>) {
  const { municipality, lang } = await requireAdminMunicipality(c, 'view');
  const db = c.var.handle.db;
  const today = todayInSweden();
  const currentYear = Number(today.slice(0, 4));
  const units = await listUnitRefs(db, municipality.id);
  const parsed = parseFilter(new URL(c.req.url).search.slice(1), lang, currentYear, new Set(units.map((u) => u.id)));
  return { municipality, lang, db, today, currentYear, units, parsed };
}

/** The export's file name, e.g. `arvika-externa-medel-per-ar-2022-2026.csv`. */
export function exportFilename(slug: string, id: ChartId, filter: DashboardFilter, format: ExportFormat): string {
  return `${slug}-${id}-${periodSlug(filter.period)}${filter.unitId === null ? '' : `-enhet-${filter.unitId}`}.${format}`;
}

export function followUpRoutes(lang: Lang): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/:kommun/uppfoljning', async (c) => {
    const { municipality, db, today, currentYear, units, parsed } = await prepare(c);
    const ctx = await adminPageContext(c, municipality);
    if (!parsed.ok) {
      const page = <DashboardPage ctx={ctx} input={parsed.input} errors={parsed.errors} units={units} today={today} links={links(lang, municipality.slug, undefined, currentYear)} />;
      return c.html(page, 400);
    }
    const data = await loadDashboard(db, municipality.id, parsed.filter, today, units);
    const p = parsed.filter.period;
    // The years in force are shown in the form, also when they are the defaults.
    const input = p.kind === 'years' ? { ...parsed.input, fran: String(p.from), till: String(p.to) } : parsed.input;
    return c.html(
      <DashboardPage
        ctx={ctx}
        input={input}
        errors={{}}
        units={units}
        today={today}
        links={links(lang, municipality.slug, parsed.filter, currentYear)}
        result={{ filter: parsed.filter, charts: dashboardCharts(data, lang), due: data.due }}
      />,
    );
  });

  for (const id of CHART_IDS) {
    app.get(`/:kommun/uppfoljning/diagram/${id}`, async (c) => {
      const { municipality, db, today, currentYear, units, parsed } = await prepare(c);
      const format = c.req.query('format');
      const badFormat = format !== undefined && !EXPORT_FORMATS.includes(format as ExportFormat);
      const fields = [...(parsed.ok ? [] : Object.entries(parsed.errors).map(([field, message]) => ({ field, message }))), ...(badFormat ? [{ field: 'format', message: tr(D.badFormat, lang) }] : [])];
      if (!parsed.ok || badFormat) throw new AppError('invalid_query', fields.map((e) => e.message).join(' '), fields);
      const data = await loadDashboard(db, municipality.id, parsed.filter, today, units);
      const chart = dashboardCharts(data, lang)[id];
      if (format === undefined) {
        const ctx = await adminPageContext(c, municipality);
        return c.html(<ChartPage ctx={ctx} chart={chart} filter={parsed.filter} units={units} links={links(lang, municipality.slug, parsed.filter, currentYear)} id={id} />);
      }
      const f = format as ExportFormat;
      c.header('Content-Type', MEDIA_TYPE[f]);
      c.header('Content-Disposition', `attachment; filename="${exportFilename(municipality.slug, id, parsed.filter, f)}"`);
      if (f === 'csv') return c.body(chartCsvOf(chart));
      const svg = renderChartSvg(chart.spec, lang, chartSize(chart.spec));
      if (f === 'svg') return c.body(svg);
      return c.body(new Uint8Array(await svgToPng(svg)));
    });
  }
  return app;
}
