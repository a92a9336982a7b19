/** The page frame of the public site: header, language switch, navigation, feedback form, footer. */
import type { Child } from 'hono/jsx';
import { type Lang, localePath, otherLang, t } from '../i18n/index.js';
import { FeedbackForm } from '../features/feedback/component.js';

export interface PageContext {
  lang: Lang;
  /** Path of the page without the /en prefix, e.g. `/arvika/projekt`. */
  path: string;
  /** Query string including `?`, or ''. */
  search: string;
  municipality?: { slug: string; name_sv: string; name_en: string };
  /** Set after a feedback answer was stored, to thank the visitor. */
  feedbackThanks?: boolean;
}

export interface Crumb {
  href?: string;
  label: string;
}

/**
 * The trail of pages above this one (`label` names the navigation): each a link but the last, this
 * page, marked as current. Nothing when there are no crumbs.
 */
export function Breadcrumbs(props: { label: string; crumbs?: Crumb[] }) {
  const { crumbs } = props;
  if (!crumbs || crumbs.length === 0) return null;
  return (
    <nav class="breadcrumbs" aria-label={props.label}>
      <ol>
        {crumbs.map((c) => (
          <li>{c.href ? <a href={c.href}>{c.label}</a> : <span aria-current="page">{c.label}</span>}</li>
        ))}
      </ol>
    </nav>
  );
}

export function municipalityName(m: { name_sv: string; name_en: string }, lang: Lang): string {
  return lang === 'sv' ? m.name_sv : m.name_en;
}

export function Layout(props: {
  ctx: PageContext;
  title: string;
  crumbs?: Crumb[];
  children: Child;
  current?: 'overview' | 'projects' | 'partners' | 'strategy';
  feedback?: boolean;
  /** The page's address without visitor-specific parameters, for search engines and sharing. */
  canonical?: string;
}) {
  const { ctx } = props;
  const { lang } = ctx;
  const m = ctx.municipality;
  const other = otherLang(lang);
  const base = m ? `/${m.slug}` : '';
  const nav = m
    ? [
        { key: 'overview', href: localePath(lang, base), label: t(lang, 'nav_overview') },
        { key: 'projects', href: localePath(lang, `${base}/projekt`), label: t(lang, 'nav_projects') },
        { key: 'partners', href: localePath(lang, `${base}/vanorter`), label: t(lang, 'nav_partners') },
        { key: 'strategy', href: localePath(lang, `${base}/strategi`), label: t(lang, 'nav_strategy') },
      ]
    : [];
  const siteTitle = m ? `${municipalityName(m, lang)} – ${t(lang, 'site_name')}` : t(lang, 'site_name');
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} – ${siteTitle}`}</title>
        <link rel="stylesheet" href="/static/utblick.css" />
        <link rel="alternate" hreflang={other} href={localePath(other, ctx.path) + ctx.search} />
        {props.canonical && <link rel="canonical" href={props.canonical} />}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t(lang, 'skip_to_content')}
        </a>
        <header class="site-header">
          <div class="wrap">
            <a class="brand" href={localePath(lang, m ? base : '/')}>
              {m ? municipalityName(m, lang) : t(lang, 'site_name')}
              <small>{m ? `${t(lang, 'site_name')} – ${t(lang, 'site_tagline')}` : t(lang, 'site_tagline')}</small>
            </a>
            <a class="lang-switch" href={localePath(other, ctx.path) + ctx.search} hreflang={other} lang={other}>
              {t(lang, 'lang_switch')}
            </a>
          </div>
        </header>
        {nav.length > 0 && (
          <nav class="site-nav" aria-label={t(lang, 'nav_label')}>
            <div class="wrap">
              <ul>
                {nav.map((n) => (
                  <li>
                    <a href={n.href} aria-current={props.current === n.key ? 'page' : undefined}>
                      {n.label}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          </nav>
        )}
        <main id="main" tabindex={-1}>
          <div class="wrap">
            <Breadcrumbs label={t(lang, 'breadcrumb_label')} crumbs={props.crumbs} />
            {props.children}
          </div>
        </main>
        {props.feedback !== false && <FeedbackForm ctx={ctx} />}
        <footer class="site-footer">
          <div class="wrap">
            <p>{t(lang, 'footer_text')}</p>
            <ul>
              <li>
                <a href={localePath(lang, '/')}>{t(lang, 'site_name')}</a>
              </li>
              <li>
                <a href={localePath(lang, '/tillganglighet')}>{t(lang, 'nav_accessibility')}</a>
              </li>
              <li>
                <a href="/api/v1/openapi.json">{t(lang, 'nav_api')}</a>
              </li>
            </ul>
            <p>{t(lang, 'footer_licence')}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** An error summary (GOV.UK pattern): every error, each linking to its field. */
export function ErrorSummary(props: { lang: Lang; errors: { field: string; message: string }[] }) {
  if (props.errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">{t(props.lang, 'error_summary_title')}</h2>
      <ul>
        {props.errors.map((e) => (
          <li>
            <a href={`#${e.field}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
