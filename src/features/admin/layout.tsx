/**
 * The back office's page frame: who is signed in, which municipality, navigation by permission,
 * language switch, sign out. No feedback form, no caching, no scripts.
 */
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { AppEnv } from '../../app-env.js';
import type { Lang } from '../../i18n/index.js';
import { otherLang } from '../../i18n/index.js';
import { Breadcrumbs, type Crumb } from '../../ui/layout.js';
import type { Actor } from '../policy/actor.js';
import { can } from '../policy/policy.js';
import { adminHref } from './context.js';

export interface AdminPageContext {
  lang: Lang;
  /** The path without the language prefix, e.g. `/admin/arvika/projekt`. */
  path: string;
  search: string;
  actor?: Actor;
  municipality?: { id: number; slug: string; name_sv: string; name_en: string };
  /** The municipalities the actor can open, for the switcher. */
  municipalities: { slug: string; name: string }[];
}

export type AdminNavKey =
  | 'dashboard'
  | 'strategy'
  | 'plans'
  | 'followUp'
  | 'reports'
  | 'budget'
  | 'projects'
  | 'partnerships'
  | 'organisations'
  | 'units'
  | 'decisions'
  | 'review'
  | 'import'
  | 'delegation'
  | 'users'
  | 'settings'
  | 'audit'
  | 'account'
  | 'platform';

const T = {
  site: { sv: 'Utblick – administration', en: 'Utblick – administration' },
  skip: { sv: 'Till huvudinnehållet', en: 'Skip to main content' },
  nav: { sv: 'Administration', en: 'Administration' },
  crumbs: { sv: 'Du är här', en: 'You are here' },
  switchLang: { sv: 'In English', en: 'På svenska' },
  signedInAs: { sv: 'Inloggad som', en: 'Signed in as' },
  account: { sv: 'Mitt konto', en: 'My account' },
  signOut: { sv: 'Logga ut', en: 'Sign out' },
  municipality: { sv: 'Kommun', en: 'Municipality' },
  publicSite: { sv: 'Den publika webbplatsen', en: 'The public website' },
  dashboard: { sv: 'Översikt', en: 'Overview' },
  strategy: { sv: 'Strategi och mål', en: 'Strategy and goals' },
  plans: { sv: 'Handlingsplaner', en: 'Action plans' },
  followUp: { sv: 'Uppföljning', en: 'Follow-up' },
  reports: { sv: 'Halvårsrapporter', en: 'Half-year reports' },
  budget: { sv: 'Budget', en: 'Budget' },
  projects: { sv: 'Projekt', en: 'Projects' },
  partnerships: { sv: 'Vänorter och samarbeten', en: 'Twin towns and partnerships' },
  organisations: { sv: 'Organisationer', en: 'Organisations' },
  units: { sv: 'Enheter och nämnder', en: 'Units and committees' },
  decisions: { sv: 'Beslut', en: 'Decisions' },
  review: { sv: 'Granskning', en: 'Review' },
  import: { sv: 'Import', en: 'Import' },
  delegation: { sv: 'Delegationsordning', en: 'Delegation order' },
  users: { sv: 'Användare', en: 'Users' },
  settings: { sv: 'Inställningar', en: 'Settings' },
  audit: { sv: 'Ändringslogg', en: 'Audit trail' },
  platform: { sv: 'Kommuner i Utblick', en: 'Municipalities in Utblick' },
};

/** The page context of a back-office page. */
export async function adminPageContext(c: Context<AppEnv>, municipality?: AdminPageContext['municipality']): Promise<AdminPageContext> {
  const url = new URL(c.req.url);
  const lang = c.var.lang;
  const actor = c.var.actor;
  let municipalities: AdminPageContext['municipalities'] = [];
  const only = actor && !actor.isPlatformAdmin && actor.roles.size === 1 ? [...actor.roles.keys()][0] : undefined;
  if (municipality && only === municipality.id) {
    // The usual case, someone with a role in one municipality on a page of it: no query needed.
    municipalities = [{ slug: municipality.slug, name: lang === 'sv' ? municipality.name_sv : municipality.name_en }];
  } else if (actor && (actor.isPlatformAdmin || actor.roles.size > 0)) {
    let q = c.var.handle.db.selectFrom('municipalities').select(['id', 'slug', 'name_sv', 'name_en']).orderBy('name_sv');
    if (!actor.isPlatformAdmin) {
      const ids = [...actor.roles.keys()];
      q = q.where('id', 'in', ids);
    }
    municipalities = (await q.execute()).map((m) => ({ slug: m.slug, name: lang === 'sv' ? m.name_sv : m.name_en }));
  }
  return {
    lang,
    path: lang === 'en' ? url.pathname.replace(/^\/en(?=\/|$)/, '') : url.pathname,
    search: url.search,
    actor,
    municipality: municipality ? { id: municipality.id, slug: municipality.slug, name_sv: municipality.name_sv, name_en: municipality.name_en } : undefined,
    municipalities,
  };
}

function navItems(ctx: AdminPageContext): { key: AdminNavKey; href: string; label: string }[] {
  const { lang, actor, municipality: m } = ctx;
  if (!actor || !m) return [];
  const target = { municipalityId: m.id };
  const base = `/${m.slug}`;
  const items: { key: AdminNavKey; path: string; show: boolean }[] = [
    { key: 'dashboard', path: base, show: true },
    { key: 'strategy', path: `${base}/strategi`, show: true },
    { key: 'plans', path: `${base}/handlingsplaner`, show: true },
    { key: 'followUp', path: `${base}/uppfoljning`, show: true },
    { key: 'reports', path: `${base}/halvarsrapporter`, show: true },
    { key: 'budget', path: `${base}/budget`, show: true },
    { key: 'projects', path: `${base}/projekt`, show: true },
    { key: 'partnerships', path: `${base}/samarbeten`, show: true },
    { key: 'organisations', path: `${base}/organisationer`, show: true },
    { key: 'decisions', path: `${base}/beslut`, show: true },
    { key: 'review', path: `${base}/granskning`, show: can(actor, 'publish', target) },
    { key: 'import', path: `${base}/import`, show: can(actor, 'import', target) },
    { key: 'units', path: `${base}/enheter`, show: true },
    { key: 'delegation', path: `${base}/delegationsordning`, show: true },
    { key: 'users', path: `${base}/anvandare`, show: can(actor, 'manage_users', target) },
    { key: 'settings', path: `${base}/installningar`, show: can(actor, 'configure', target) },
    { key: 'audit', path: `${base}/logg`, show: can(actor, 'view_audit', target) },
  ];
  return items.filter((i) => i.show).map((i) => ({ key: i.key, href: adminHref(lang, i.path), label: T[i.key as keyof typeof T][lang] }));
}

export function AdminLayout(props: {
  ctx: AdminPageContext;
  title: string;
  crumbs?: Crumb[];
  current?: AdminNavKey;
  /** A confirmation shown above the page's content ("Projektet är sparat."). */
  notice?: string;
  children: Child;
}) {
  const { ctx } = props;
  const { lang, actor, municipality: m } = ctx;
  const other = otherLang(lang);
  const switchHref = `${other === 'en' ? '/en' : ''}${ctx.path}${ctx.search}`;
  const nav = navItems(ctx);
  const mName = m ? (lang === 'sv' ? m.name_sv : m.name_en) : undefined;
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${props.title} – ${mName ? `${mName} – ` : ''}${T.site[lang]}`}</title>
        <link rel="stylesheet" href="/static/utblick.css" />
      </head>
      <body class="admin">
        <a class="skip-link" href="#main">
          {T.skip[lang]}
        </a>
        <header class="site-header admin-header">
          <div class="wrap">
            <a class="brand" href={adminHref(lang)}>
              {mName ?? 'Utblick'}
              <small>{T.site[lang]}</small>
            </a>
            <div class="admin-tools">
              <a class="lang-switch" href={switchHref} hreflang={other} lang={other}>
                {T.switchLang[lang]}
              </a>
              {actor && (
                <>
                  <span class="signed-in">
                    {T.signedInAs[lang]} <strong>{actor.name}</strong>
                  </span>
                  <a href={adminHref(lang, '/konto')}>{T.account[lang]}</a>
                  <form method="post" action={adminHref(lang, '/logga-ut')} class="inline-form">
                    <input type="hidden" name="_csrf" value={actor.csrfToken} />
                    <button type="submit" class="link-button">
                      {T.signOut[lang]}
                    </button>
                  </form>
                </>
              )}
            </div>
          </div>
        </header>
        {actor && (ctx.municipalities.length > 1 || actor.isPlatformAdmin || nav.length > 0) && (
          <nav class="site-nav admin-nav" aria-label={T.nav[lang]}>
            <div class="wrap">
              <ul>
                {nav.map((n) => (
                  <li>
                    <a href={n.href} aria-current={props.current === n.key ? 'page' : undefined}>
                      {n.label}
                    </a>
                  </li>
                ))}
                {actor.isPlatformAdmin && (
                  <li>
                    <a href={adminHref(lang, '/plattform/kommuner')} aria-current={props.current === 'platform' ? 'page' : undefined}>
                      {T.platform[lang]}
                    </a>
                  </li>
                )}
              </ul>
            </div>
          </nav>
        )}
        <main id="main" tabindex={-1}>
          <div class="wrap">
            <Breadcrumbs label={T.crumbs[lang]} crumbs={props.crumbs} />
            {props.notice && (
              <div class="notice notice--ok" role="status">
                <p>{props.notice}</p>
              </div>
            )}
            {props.children}
          </div>
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <ul>
              {ctx.municipalities.length > 1 &&
                ctx.municipalities.map((mu) => (
                  <li>
                    <a href={adminHref(lang, `/${mu.slug}`)} aria-current={m?.slug === mu.slug ? 'page' : undefined}>
                      {mu.name}
                    </a>
                  </li>
                ))}
              <li>
                <a href={`${lang === 'en' ? '/en' : ''}/${m ? m.slug : ''}`}>{T.publicSite[lang]}</a>
              </li>
            </ul>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** Crumbs that start at the municipality's overview. */
export function adminCrumbs(ctx: AdminPageContext, ...rest: Crumb[]): Crumb[] {
  const m = ctx.municipality;
  const first: Crumb[] = m ? [{ href: adminHref(ctx.lang, `/${m.slug}`), label: ctx.lang === 'sv' ? m.name_sv : m.name_en }] : [];
  return [...first, ...rest];
}

/** An error or message page inside the back office's frame (403, 404, expired form…). */
export function AdminMessagePage(props: { ctx: AdminPageContext; title: string; message: string }) {
  const { lang } = props.ctx;
  return (
    <AdminLayout ctx={props.ctx} title={props.title}>
      <h1>{props.title}</h1>
      <p class="lead">{props.message}</p>
      <p>
        <a href={props.ctx.municipality ? adminHref(lang, `/${props.ctx.municipality.slug}`) : adminHref(lang)}>{T.dashboard[lang]}</a>
      </p>
    </AdminLayout>
  );
}
