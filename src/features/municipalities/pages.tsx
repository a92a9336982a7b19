/** The installation's front page and a municipality's overview page. */
import { fill, formatMoney, formatNumber, type Lang, localePath, t, tr } from '../../i18n/index.js';
import { Layout, municipalityName, type PageContext } from '../../ui/layout.js';
import { countChart, countryLabel, type DashboardChart, fundingChart, TOP_PUBLIC, type YearAxis, youthChart } from '../dashboard/charts.js';
import { ChartFigure } from '../dashboard/figure.js';
import { periodPhrase } from '../dashboard/filters.js';
import { C, P } from '../dashboard/messages.js';
import { type PublicProject, periodText } from '../projects/presenter.js';
import type { PartnershipRecord } from '../partnerships/repository.js';
import { SP } from '../strategy/public/messages.js';
import type { strategyInBrief } from '../strategy/public/repository.js';
import type { MunicipalityRecord, MunicipalitySummary, PublicChartFigures } from './repository.js';

export function HomePage({ ctx, municipalities }: { ctx: PageContext; municipalities: MunicipalitySummary[] }) {
  const { lang } = ctx;
  return (
    <Layout ctx={ctx} title={t(lang, 'home_title')}>
      <h1>{t(lang, 'home_title')}</h1>
      <p class="lead">{t(lang, 'home_lead')}</p>
      <h2>{t(lang, 'home_municipalities')}</h2>
      <ul class="cards">
        {municipalities.map((m) => (
          <li class="card">
            <h3>
              <a href={localePath(lang, `/${m.slug}`)}>{municipalityName(m, lang)}</a>
            </h3>
            <p class="muted">{m.county_name}</p>
            <p>{t(lang, 'home_counts', { projects: m.project_count, partnerships: m.partnership_count })}</p>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export interface MunicipalityPageProps {
  ctx: PageContext;
  municipality: MunicipalityRecord;
  figures: { projects: number; partnerships: number; countries: number; euFundingSekMinor: number };
  projects: PublicProject[];
  partnerships: PartnershipRecord[];
  /** The adopted strategy in brief; undefined when none is adopted. */
  strategy?: Awaited<ReturnType<typeof strategyInBrief>>;
  /** Published projects' figures for the charts. */
  charts: PublicChartFigures;
}

/** The axis of the latest years that have figures: "1998–2025" in sentences (no years: the caller says so instead). */
function yearsAxis(years: number[], lang: Lang): YearAxis {
  return { years, label: String, phrase: years.length === 0 ? '' : periodPhrase({ kind: 'years', from: years[0]!, to: years.at(-1)! }, lang) };
}

/** The public charts: external funding and youth share per year, projects per theme and country (top ten). */
export function publicCharts(figures: PublicChartFigures, totalProjects: number, lang: Lang): DashboardChart[] {
  const funding = fundingChart('externa-medel-per-ar', yearsAxis(figures.fundingYears, lang), figures.funding, lang);
  if (figures.fundingYears.length === 0) funding.spec.summary = tr(P.fundingPublicNone, lang);
  const youth = youthChart('andel-unga-per-ar', yearsAxis(figures.youthYears, lang), figures.youth, lang);
  if (figures.youthYears.length === 0) youth.spec.summary = tr(P.youthPublicNone, lang);
  const none = { phrase: '' };
  return [
    funding,
    countChart('projekt-per-tema', figures.themes, totalProjects, { title: P.themeTopTitle, category: C.theme, none: P.themeNone, top: P.themeTop }, none, lang, { top: TOP_PUBLIC }),
    countChart('projekt-per-land', figures.countries, totalProjects, { title: P.countryTopTitle, category: C.country, none: P.countryNone, top: P.countryTop }, none, lang, {
      top: TOP_PUBLIC,
      label: countryLabel(lang),
      params: { countries: formatNumber(lang, figures.countries.length) },
    }),
    youth,
  ];
}

/** The youth share of all published projects that recorded both counts, e.g. "41,7 %" with "129 av 309" beneath. */
function YouthFigure(props: { figures: PublicChartFigures; lang: Lang }) {
  const { figures, lang } = props;
  const youth = figures.youth.reduce((s, y) => s + y.youth, 0);
  const total = figures.youth.reduce((s, y) => s + y.total, 0);
  if (total === 0) return <dd class="figure-missing">{tr(P.noFigure, lang)}</dd>;
  return (
    <dd>
      {`${formatNumber(lang, Math.round((youth / total) * 1000) / 10)} %`}
      <span class="figure-note">{tr(P.youthOf, lang, { youth: formatNumber(lang, youth), total: formatNumber(lang, total) })}</span>
    </dd>
  );
}

function pick(lang: Lang, sv: string | null, en: string | null): string {
  return lang === 'en' && en ? en : (sv ?? '');
}

export function MunicipalityPage({ ctx, municipality: m, figures, projects, partnerships, strategy, charts }: MunicipalityPageProps) {
  const { lang } = ctx;
  const name = municipalityName(m, lang);
  const vision = pick(lang, m.vision_sv, m.vision_en);
  return (
    <Layout ctx={ctx} title={t(lang, 'muni_title', { name })} current="overview" crumbs={[{ href: localePath(lang, '/'), label: t(lang, 'site_name') }, { label: name }]}>
      <h1>{t(lang, 'muni_title', { name })}</h1>
      {vision && (
        <figure class="vision">
          <blockquote>
            <p lang={lang === 'en' && !m.vision_en ? 'sv' : undefined}>{vision}</p>
          </blockquote>
          <figcaption class="muted">{t(lang, 'muni_vision')}</figcaption>
        </figure>
      )}
      <h2>{t(lang, 'muni_key_figures')}</h2>
      <dl class="figures">
        <div>
          <dt>{t(lang, 'muni_projects_count')}</dt>
          <dd>{formatNumber(lang, figures.projects)}</dd>
        </div>
        <div>
          <dt>{t(lang, 'muni_partnerships_count')}</dt>
          <dd>{formatNumber(lang, figures.partnerships)}</dd>
        </div>
        <div>
          <dt>{t(lang, 'muni_countries_count')}</dt>
          <dd>{formatNumber(lang, figures.countries)}</dd>
        </div>
        <div>
          <dt>{t(lang, 'muni_eu_funding')}</dt>
          <dd>{formatMoney(lang, figures.euFundingSekMinor, 'SEK')}</dd>
        </div>
        <div>
          <dt>{tr(P.activeTwinTowns, lang)}</dt>
          <dd>{formatNumber(lang, partnerships.filter((p) => p.kind === 'twinning' && p.status === 'active').length)}</dd>
        </div>
        <div>
          <dt>{tr(P.activePartnerships, lang)}</dt>
          <dd>{formatNumber(lang, partnerships.filter((p) => p.status === 'active').length)}</dd>
        </div>
        <div>
          <dt>{tr(P.youthShare, lang)}</dt>
          <YouthFigure figures={charts} lang={lang} />
        </div>
      </dl>
      <p class="muted">{tr(P.chartsLead, lang)}</p>
      <div class="chart-grid">
        {publicCharts(charts, figures.projects, lang).map((c) => (
          <ChartFigure chart={c} lang={lang} />
        ))}
      </div>
      {strategy && (
        <section aria-labelledby="strategy-in-brief">
          <h2 id="strategy-in-brief">{SP.inBrief[lang]}</h2>
          <p>{fill(SP.inBriefText[lang], { title: pick(lang, strategy.title_sv, strategy.title_en), n: formatNumber(lang, strategy.goalCount) })}</p>
          {strategy.levels.length > 0 && (
            <dl class="figures">
              {strategy.levels.map((l) => (
                <div>
                  <dt lang={lang === 'en' ? 'sv' : undefined}>{l.name}</dt>
                  <dd>{formatNumber(lang, l.count)}</dd>
                </div>
              ))}
            </dl>
          )}
          <p>
            <a href={localePath(lang, `/${m.slug}/strategi`)}>{SP.inBriefLink[lang]}</a>
          </p>
        </section>
      )}
      <h2>{t(lang, 'muni_twin_towns')}</h2>
      <ul>
        {partnerships.map((p) => (
          <li>
            <a href={`${localePath(lang, `/${m.slug}/vanorter`)}#samarbete-${p.id}`}>{pick(lang, p.title_sv, p.title_en)}</a>
          </li>
        ))}
      </ul>
      <p>
        <a href={localePath(lang, `/${m.slug}/vanorter`)}>{t(lang, 'muni_all_partners')}</a>
      </p>
      <h2>{t(lang, 'muni_latest_projects')}</h2>
      <ul class="results">
        {projects.map((p) => (
          <li>
            <h3>
              <a href={localePath(lang, `/${m.slug}/projekt/${p.id}`)}>{p.title}</a>
            </h3>
            <p class="meta">{[p.kindLabel, periodText(p, lang), p.statusLabel].filter(Boolean).join(' · ')}</p>
          </li>
        ))}
      </ul>
      <p>
        <a class="button" href={localePath(lang, `/${m.slug}/projekt`)}>
          {t(lang, 'muni_all_projects')}
        </a>
      </p>
    </Layout>
  );
}
