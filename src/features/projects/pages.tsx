/** The public project database: the search page and one project. */
import { formatNumber, type Lang, localePath, t } from '../../i18n/index.js';
import { type Crumb, Layout, municipalityName, type PageContext } from '../../ui/layout.js';
import { GL } from '../strategy/public/messages.js';
import type { PublicGoalLink } from '../strategy/public/presenter.js';
import { type PublicProject, periodText, sourceText } from './presenter.js';
import { FACETS, type Facet, searchQueryString } from './schemas.js';
import type { FacetValue, SearchOutcome } from './search.js';

const FACET_KEYS: Record<Facet, Parameters<typeof t>[1]> = {
  kind: 'facet_kind',
  theme: 'facet_theme',
  country: 'facet_country',
  partner: 'facet_partner',
  programme: 'facet_programme',
  status: 'facet_status',
  year: 'facet_year',
  unit: 'facet_unit',
  role: 'facet_role',
  target: 'facet_target',
};

function crumbs(ctx: PageContext, extra: Crumb[]): Crumb[] {
  const m = ctx.municipality;
  if (!m) return extra;
  return [{ href: localePath(ctx.lang, '/'), label: t(ctx.lang, 'site_name') }, { href: localePath(ctx.lang, `/${m.slug}`), label: municipalityName(m, ctx.lang) }, ...extra];
}

function FacetSelect(props: { lang: Lang; facet: Facet; values: FacetValue[]; error?: string }) {
  const { lang, facet } = props;
  const id = `f-${facet}`;
  return (
    <div class={`field${props.error ? ' has-error' : ''}`}>
      <label for={id}>{t(lang, FACET_KEYS[facet])}</label>
      {props.error && (
        <p class="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      )}
      <select id={id} name={facet} aria-describedby={props.error ? `${id}-error` : undefined}>
        <option value="">{t(lang, 'filter_any')}</option>
        {props.values.map((v) => (
          <option value={v.value} selected={v.selected}>
            {`${v.label} (${formatNumber(lang, v.count)})`}
          </option>
        ))}
      </select>
    </div>
  );
}

export interface ProjectsPageProps {
  ctx: PageContext;
  outcome: SearchOutcome;
  items: PublicProject[];
}

export function ProjectsPage({ ctx, outcome, items }: ProjectsPageProps) {
  const { lang } = ctx;
  const m = ctx.municipality!;
  const base = localePath(lang, `/${m.slug}/projekt`);
  const q = outcome.query;
  const name = municipalityName(m, lang);
  const active = FACETS.flatMap((f) => {
    const v = outcome.facets[f].find((x) => x.selected);
    return v ? [{ facet: f, value: v }] : [];
  });
  const pageHref = (page: number) => base + searchQueryString(q, { page });
  // The project page links back to this very selection (see backToSelection).
  const state = searchQueryString(q).slice(1);
  const selection = state ? `?urval=${encodeURIComponent(state)}` : '';
  const exportHref = (ext: string) => `${localePath(lang, `/${m.slug}/projekt.${ext}`)}${searchQueryString(q, { page: undefined, pageSize: undefined })}`;
  const countText = q.q ? t(lang, 'results_count_query', { count: outcome.total, q: q.q }) : t(lang, 'results_count', { count: outcome.total });
  return (
    <Layout ctx={ctx} title={`${t(lang, 'projects_title')}${q.q ? ` – ${q.q}` : ''}`} crumbs={crumbs(ctx, [{ label: t(lang, 'projects_title') }])} current="projects">
      <h1>{`${t(lang, 'projects_title')} – ${name}`}</h1>
      <p class="lead">{t(lang, 'projects_lead', { name })}</p>
      <form method="get" action={base} role="search" class="search-form">
        <div class="search-box">
          <div class="field">
            <label for="q">{t(lang, 'search_label')}</label>
            <p class="hint" id="q-hint">
              {t(lang, 'search_hint')}
            </p>
            <input type="search" id="q" name="q" value={q.q ?? ''} maxlength={200} aria-describedby="q-hint" autocomplete="off" />
          </div>
          <button type="submit">{t(lang, 'search_button')}</button>
        </div>
        <div class="search-layout">
          <div class="filters" id="filters">
            <a class="to-results" href="#results-heading">
              {t(lang, 'results_jump', { count: outcome.total })}
            </a>
            <h2>{t(lang, 'filters_heading')}</h2>
            {FACETS.filter((f) => outcome.facets[f].length > 0).map((f) => (
              <FacetSelect lang={lang} facet={f} values={outcome.facets[f]} />
            ))}
            <div class="field">
              <label for="sort">{t(lang, 'sort_label')}</label>
              <p class="hint" id="sort-hint">
                {t(lang, 'sort_hint')}
              </p>
              {/* The default depends on whether there are search words, which the visitor may change in
                  this same form: an explicit default keeps a new search ranked by best match. */}
              <select id="sort" name="sort" aria-describedby="sort-hint">
                <option value="">{t(lang, 'sort_default')}</option>
                {(['relevance', 'newest', 'start', 'budget'] as const).map((s) => (
                  <option value={s} selected={q.sort === s}>
                    {t(lang, `sort_${s}`)}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="pageSize">{t(lang, 'page_size_label')}</label>
              <select id="pageSize" name="pageSize">
                {[10, 20, 50, 100].map((n) => (
                  <option value={String(n)} selected={outcome.pageSize === n}>
                    {String(n)}
                  </option>
                ))}
              </select>
            </div>
            <p>
              <button type="submit" class="secondary">
                {t(lang, 'filter_apply')}
              </button>
            </p>
          </div>
          <section aria-labelledby="results-heading">
            <div class="results-head">
              <h2 id="results-heading" aria-live="polite" tabindex={-1}>
                {countText}
              </h2>
              {outcome.pages > 1 && <p class="muted">{t(lang, 'results_page', { page: outcome.page, pages: outcome.pages })}</p>}
            </div>
            {active.length > 0 && (
              <div>
                <h3 class="visually-hidden">{t(lang, 'active_filters')}</h3>
                <ul class="chips" aria-label={t(lang, 'active_filters')}>
                  {active.map(({ facet, value }) => (
                    <li>
                      <a href={base + searchQueryString(q, { [facet]: undefined, page: undefined })} aria-label={t(lang, 'filter_remove', { name: `${t(lang, FACET_KEYS[facet])}: ${value.label}` })}>
                        {`${t(lang, FACET_KEYS[facet])}: ${value.label}`}
                      </a>
                    </li>
                  ))}
                  <li>
                    <a href={base + searchQueryString({ q: q.q })}>{t(lang, 'filter_clear')}</a>
                  </li>
                </ul>
              </div>
            )}
            {items.length === 0 ? (
              <div class="notice">
                <p>{t(lang, 'results_none')}</p>
                <p>{t(lang, 'results_none_help')}</p>
              </div>
            ) : (
              <ul class="results">
                {items.map((p) => (
                  <li>
                    <h3>
                      <a href={localePath(lang, `/${m.slug}/projekt/${p.id}`) + selection}>{p.title}</a>
                    </h3>
                    <p class="meta">
                      {[p.kindLabel, periodText(p, lang), p.statusLabel, p.countries.map((c) => c.name).join(', ')].filter(Boolean).join(' · ')}
                    </p>
                    {p.summary && <p>{p.summary.length > 280 ? `${p.summary.slice(0, 277)}…` : p.summary}</p>}
                  </li>
                ))}
              </ul>
            )}
            {outcome.pages > 1 && <Pagination lang={lang} page={outcome.page} pages={outcome.pages} href={pageHref} />}
            {outcome.total > 0 && (
              <div class="exports">
                <h2>{t(lang, 'export_heading')}</h2>
                <p class="muted">{t(lang, 'export_note', { count: outcome.total })}</p>
                <ul>
                  <li>
                    <a href={exportHref('csv')} download>
                      {t(lang, 'export_csv')}
                    </a>
                  </li>
                  <li>
                    <a href={exportHref('xlsx')} download>
                      {t(lang, 'export_xlsx')}
                    </a>
                  </li>
                  <li>
                    <a href={exportHref('json')}>{t(lang, 'export_json')}</a>
                  </li>
                </ul>
              </div>
            )}
          </section>
        </div>
      </form>
    </Layout>
  );
}

function Pagination(props: { lang: Lang; page: number; pages: number; href: (page: number) => string }) {
  const { lang, page, pages } = props;
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  return (
    <nav class="pagination" aria-label={t(lang, 'pagination_label')}>
      <ul>
        {page > 1 && (
          <li>
            <a href={props.href(page - 1)} rel="prev">
              {t(lang, 'pagination_prev')}
            </a>
          </li>
        )}
        {shown.map((n) =>
          n === page ? (
            <li>
              <span aria-current="page">
                <span class="visually-hidden">{t(lang, 'pagination_page', { page: '' })}</span>
                {String(n)}
              </span>
            </li>
          ) : (
            <li>
              <a href={props.href(n)} aria-label={t(lang, 'pagination_page', { page: n })}>
                {String(n)}
              </a>
            </li>
          ),
        )}
        {page < pages && (
          <li>
            <a href={props.href(page + 1)} rel="next">
              {t(lang, 'pagination_next')}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

export function ProjectPage({ ctx, project: p, backHref, goals = [] }: { ctx: PageContext; project: PublicProject; backHref?: string; goals?: PublicGoalLink[] }) {
  const { lang } = ctx;
  const m = ctx.municipality!;
  const none = t(lang, 'project_not_stated');
  const period = periodText(p, lang);
  const source = sourceText(p.source, lang);
  return (
    <Layout
      ctx={ctx}
      title={p.title}
      canonical={p.url}
      crumbs={crumbs(ctx, [{ href: localePath(lang, `/${m.slug}/projekt`), label: t(lang, 'projects_title') }, { label: p.title }])}
      current="projects"
    >
      <article>
        <h1 lang={lang === 'en' && !p.hasEnglish ? 'sv' : undefined}>{p.title}</h1>
        {lang === 'en' && !p.hasEnglish && <p class="notice">{t(lang, 'project_english_missing')}</p>}
        {p.summary && (
          <p class="lead" lang={lang === 'en' && !p.summaryEn ? 'sv' : undefined}>
            {p.summary}
          </p>
        )}
        <dl class="facts">
          <dt>{t(lang, 'project_kind')}</dt>
          <dd>{p.kindLabel}</dd>
          <dt>{t(lang, 'project_status')}</dt>
          <dd>{p.statusLabel ?? none}</dd>
          <dt>{t(lang, 'project_period')}</dt>
          <dd>{period ?? none}</dd>
          <dt>{t(lang, 'project_unit')}</dt>
          <dd>{p.responsibleUnit?.name ?? none}</dd>
          <dt>{t(lang, 'project_role')}</dt>
          <dd>{p.municipalityRoleLabel ?? none}</dd>
          <dt>{t(lang, 'project_programme')}</dt>
          <dd>{p.programme?.name ?? none}</dd>
          <dt>{t(lang, 'project_themes')}</dt>
          <dd>{p.themes.length ? p.themes.map((x) => x.label).join(', ') : none}</dd>
          <dt>{t(lang, 'project_targets')}</dt>
          <dd>{p.targetGroups.length ? p.targetGroups.map((x) => x.label).join(', ') : none}</dd>
          <dt>{t(lang, 'project_countries')}</dt>
          <dd>{p.countries.length ? p.countries.map((x) => x.name).join(', ') : none}</dd>
          {p.participants && (
            <>
              <dt>{t(lang, 'project_participants')}</dt>
              <dd>{t(lang, 'project_participants_text', { total: p.participants.total, youth: p.participants.youth ?? 0 })}</dd>
            </>
          )}
        </dl>

        <h2 id="project-partners">{t(lang, 'project_partners')}</h2>
        {p.partners.length === 0 ? (
          <p>{none}</p>
        ) : (
          <div class="table-scroll" role="region" aria-labelledby="project-partners" tabindex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t(lang, 'project_partner_name')}</th>
                  <th scope="col">{t(lang, 'project_partner_role')}</th>
                  <th scope="col">{t(lang, 'project_partner_country')}</th>
                </tr>
              </thead>
              <tbody>
                {p.partners.map((x) => (
                  <tr>
                    <td>{x.website ? <a href={x.website}>{x.name}</a> : x.name}</td>
                    <td>{x.roleLabel}</td>
                    <td>{x.countryName ?? none}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}

        <h2 id="project-funding">{t(lang, 'project_funding')}</h2>
        {p.funding.length === 0 ? (
          <p>{t(lang, 'project_funding_none')}</p>
        ) : (
          <div class="table-scroll" role="region" aria-labelledby="project-funding" tabindex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t(lang, 'project_funding_kind')}</th>
                  <th scope="col">{t(lang, 'project_funding_source')}</th>
                  <th scope="col" class="num">
                    {t(lang, 'project_funding_amount')}
                  </th>
                  <th scope="col" class="num">
                    {t(lang, 'project_funding_hours')}
                  </th>
                  <th scope="col">{t(lang, 'project_funding_note')}</th>
                </tr>
              </thead>
              <tbody>
                {p.funding.map((f) => (
                  <tr>
                    <td>{f.kindLabel}</td>
                    <td>{f.source ?? none}</td>
                    <td class="num">{f.amountText ?? none}</td>
                    <td class="num">{f.staffHours == null ? '–' : formatNumber(lang, f.staffHours)}</td>
                    <td lang="sv">{f.note ?? ''}</td>
                  </tr>
                ))}
              </tbody>
              {(p.fundingTotals.length > 0 || p.staffHoursTotal) && (
                <tfoot>
                  <tr>
                    <th scope="row" colspan={2}>
                      {t(lang, 'project_funding_total')}
                    </th>
                    <td class="num">{p.fundingTotals.map((x) => x.text).join(' + ') || '–'}</td>
                    <td class="num">{p.staffHoursTotal ? formatNumber(lang, p.staffHoursTotal) : '–'}</td>
                    <td />
                  </tr>
                </tfoot>
              )}
            </table>
          </div>
        )}

        {p.results.length > 0 && (
          <>
            <h2>{t(lang, 'project_results')}</h2>
            <ul>
              {p.results.map((r) => (
                <li>{r.description}</li>
              ))}
            </ul>
          </>
        )}

        {goals.length > 0 && (
          <>
            <h2 id="project-goals">{GL.contributes[lang]}</h2>
            <ul class="goal-links">
              {goals.map((g) => (
                <li>
                  <a href={g.href}>
                    <span lang={lang === 'en' ? 'sv' : undefined}>{g.levelName}</span>: <span lang={g.titleLang}>{g.title}</span>
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}

        {p.partnerships.length > 0 && (
          <>
            <h2>{t(lang, 'project_partnerships')}</h2>
            <ul>
              {p.partnerships.map((x) => (
                <li>
                  <a href={`${localePath(lang, `/${m.slug}/vanorter`)}#samarbete-${x.id}`}>{x.title}</a>
                </li>
              ))}
            </ul>
          </>
        )}

        {p.links.length > 0 && (
          <>
            <h2>{t(lang, 'project_links')}</h2>
            <ul>
              {p.links.map((l) => (
                <li>
                  <a href={l.url}>{l.label}</a>
                </li>
              ))}
            </ul>
          </>
        )}

        <h2>{t(lang, 'project_source')}</h2>
        <p class="source">{source ? t(lang, 'project_source_text', { source }) : none}</p>
        <p>
          <a href={backHref ?? localePath(lang, `/${m.slug}/projekt`)}>{t(lang, 'project_back')}</a>
        </p>
      </article>
    </Layout>
  );
}

