/** Builds the PageContext of a public page from the request. */
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.js';
import { AppError } from '../errors/index.js';
import { type Lang, t } from '../i18n/index.js';
import { findMunicipality, type MunicipalityRecord } from '../features/municipalities/repository.js';
import type { PageContext } from './layout.js';

/** The query string without the feedback thank-you marker, for links to the same page. */
function cleanSearch(url: URL): string {
  const params = new URLSearchParams(url.search);
  params.delete('tack');
  const s = params.toString();
  return s ? `?${s}` : '';
}

export function pageContext(c: Context<AppEnv>, lang: Lang, municipality?: MunicipalityRecord): PageContext {
  const url = new URL(c.req.url);
  const path = lang === 'en' ? url.pathname.replace(/^\/en(?=\/|$)/, '') || '/' : url.pathname;
  return {
    lang,
    path,
    search: cleanSearch(url),
    municipality: municipality ? { slug: municipality.slug, name_sv: municipality.name_sv, name_en: municipality.name_en } : undefined,
    feedbackThanks: url.searchParams.get('tack') === '1',
  };
}

const SLUG_RE = /^[a-z0-9-]{1,60}$/;

/**
 * The municipality named in the path.
 * @throws AppError municipality_not_found
 */
export async function requireMunicipality(c: Context<AppEnv>, lang: Lang): Promise<MunicipalityRecord> {
  const slug = c.req.param('kommun') ?? c.req.param('slug') ?? '';
  const m = SLUG_RE.test(slug) ? await findMunicipality(c.var.handle.db, slug) : undefined;
  if (!m) throw new AppError('municipality_not_found', t(lang, 'error_municipality_not_found', { slug: slug.slice(0, 60) }));
  return m;
}

/** The raw query string of the request (without `?`). */
export function rawQuery(c: Context<AppEnv>): string {
  const url = c.req.url;
  const i = url.indexOf('?');
  if (i < 0) return '';
  const hash = url.indexOf('#', i);
  return url.slice(i + 1, hash < 0 ? undefined : hash);
}
