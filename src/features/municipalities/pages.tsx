/** The installation's front page and a municipality's overview page. */
import { fill, formatMoney, formatNumber, type Lang, localePath, t } from '../../i18n/index.js';
import { Layout, municipalityName, type PageContext } from '../../ui/layout.js';
import { type PublicProject, periodText } from '../projects/presenter.js';
import type { PartnershipRecord } from '../partnerships/repository.js';
import { SP } from '../strategy/public/messages.js';
import type { strategyInBrief } from '../strategy/public/repository.js';
import type { MunicipalityRecord, MunicipalitySummary } from './repository.js';

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
}

function pick(lang: Lang, sv: string | null, en: string | null): string {
  return lang === 'en' && en ? en : (sv ?? '');
}

export function MunicipalityPage({ ctx, municipality: m, figures, projects, partnerships, strategy }: MunicipalityPageProps) {
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
      </dl>
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
