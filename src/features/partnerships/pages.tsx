/** Twin towns, networks and partners: a map with an equivalent list, and each partnership's history. */
import { countryName, fill, formatFuzzyDate, formatNumber, type Lang, localePath, t } from '../../i18n/index.js';
import { EVENT_KINDS, label, PARTNERSHIP_KINDS, PARTNERSHIP_STATUSES, PROJECT_KINDS } from '../../i18n/labels.js';
import { Layout, municipalityName, type PageContext } from '../../ui/layout.js';
import { sourceText } from '../projects/presenter.js';
import { GL } from '../strategy/public/messages.js';
import type { PublicGoalLink } from '../strategy/public/presenter.js';
import { renderPartnerMap } from './map.js';
import { endedText } from './presenter.js';
import type { PartnershipRecord } from './repository.js';

/** An ended partnership's status with the day it ended (AR-9). */
const ENDED = { sv: 'Avslutat {date}', en: 'Ended {date}' };

function pick(lang: Lang, sv: string | null, en: string | null): string {
  return lang === 'en' && en ? en : (sv ?? '');
}

export interface PartnersPageProps {
  ctx: PageContext;
  partnerships: PartnershipRecord[];
  home?: { latitude: number; longitude: number };
  themeLabels: Map<string, { label_sv: string; label_en: string }>;
  /** The adopted strategy's goals each partnership serves, by partnership id. */
  goals?: Map<number, PublicGoalLink[]>;
}

export function PartnersPage({ ctx, partnerships, home, themeLabels, goals }: PartnersPageProps) {
  const { lang } = ctx;
  const m = ctx.municipality!;
  const name = municipalityName(m, lang);
  const points = partnerships.flatMap((p) =>
    p.partners
      .filter((o) => o.latitude != null && o.longitude != null)
      .map((o) => ({
        id: `o${o.id}`,
        label: pick(lang, o.name_sv, o.name_en),
        latitude: Number(o.latitude),
        longitude: Number(o.longitude),
        href: `#samarbete-${p.id}`,
        category: p.kind,
      })),
  );
  const unique = [...new Map(points.map((p) => [p.id, p])).values()];
  const categoryLabels = Object.fromEntries(Object.entries(PARTNERSHIP_KINDS).map(([k, v]) => [k, v[lang]]));
  const svg =
    unique.length > 0
      ? renderPartnerMap(unique, {
          title: t(lang, 'partners_map'),
          description: t(lang, 'partners_map_desc', { count: unique.length, name }),
          home: home ? { label: name, ...home } : undefined,
          idPrefix: 'partner-map',
          categoryLabels,
          homeLegendLabel: name,
        })
      : null;
  const groups = (['twinning', 'network', 'cooperation', 'development'] as const)
    .map((kind) => ({ kind, items: partnerships.filter((p) => p.kind === kind) }))
    .filter((g) => g.items.length > 0);
  return (
    <Layout
      ctx={ctx}
      title={t(lang, 'partners_title')}
      current="partners"
      crumbs={[{ href: localePath(lang, '/'), label: t(lang, 'site_name') }, { href: localePath(lang, `/${m.slug}`), label: name }, { label: t(lang, 'partners_title') }]}
    >
      <h1>{`${t(lang, 'partners_title')} – ${name}`}</h1>
      <p class="lead">{t(lang, 'partners_lead', { name })}</p>
      {partnerships.length === 0 && <p class="notice">{t(lang, 'partners_none')}</p>}
      {svg && (
        <section aria-labelledby="map-heading">
          <h2 id="map-heading">{t(lang, 'partners_map')}</h2>
          {/* The SVG is produced by renderPartnerMap, which escapes every text it is given. */}
          <div class="map" dangerouslySetInnerHTML={{ __html: svg }} />
        </section>
      )}
      {groups.map((g) => (
        <section aria-labelledby={`group-${g.kind}`}>
          <h2 id={`group-${g.kind}`}>{label(PARTNERSHIP_KINDS, g.kind, lang)}</h2>
          {g.items.map((p) => (
            <Partnership lang={lang} p={p} slug={m.slug} themeLabels={themeLabels} goals={goals?.get(p.id) ?? []} />
          ))}
        </section>
      ))}
    </Layout>
  );
}

function Partnership({ lang, p, slug, themeLabels, goals }: { lang: Lang; p: PartnershipRecord; slug: string; themeLabels: PartnersPageProps['themeLabels']; goals: PublicGoalLink[] }) {
  const none = t(lang, 'project_not_stated');
  const source = sourceText(p.source, lang);
  const ended = endedText(p, lang);
  return (
    <article class="partnership" id={`samarbete-${p.id}`} aria-labelledby={`samarbete-${p.id}-title`}>
      <h3 id={`samarbete-${p.id}-title`}>{pick(lang, p.title_sv, p.title_en)}</h3>
      <p class="meta">
        {label(PARTNERSHIP_KINDS, p.kind, lang)} · {ended ? <strong>{fill(ENDED[lang], { date: ended })}</strong> : label(PARTNERSHIP_STATUSES, p.status, lang)}
      </p>
      {pick(lang, p.summary_sv, p.summary_en) && <p>{pick(lang, p.summary_sv, p.summary_en)}</p>}
      {p.cooperation_areas.length > 0 && (
        <p>
          <strong>{t(lang, 'partners_areas')}:</strong>{' '}
          {p.cooperation_areas.map((c) => (themeLabels.get(c) ? pick(lang, themeLabels.get(c)!.label_sv, themeLabels.get(c)!.label_en) : c)).join(', ')}
        </p>
      )}
      <h4 id={`samarbete-${p.id}-partners`}>{t(lang, 'partners_partner_facts')}</h4>
      <div class="table-scroll" role="region" aria-labelledby={`samarbete-${p.id}-title samarbete-${p.id}-partners`} tabindex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'project_partner_name')}</th>
              <th scope="col">{t(lang, 'partners_country')}</th>
              <th scope="col">{t(lang, 'partners_region')}</th>
              <th scope="col" class="num">
                {t(lang, 'partners_population')}
              </th>
            </tr>
          </thead>
          <tbody>
            {p.partners.map((o) => (
              <tr>
                <td>
                  {o.website ? <a href={o.website}>{pick(lang, o.name_sv, o.name_en)}</a> : pick(lang, o.name_sv, o.name_en)}
                  {pick(lang, o.description_sv, o.description_en) && <div class="muted">{pick(lang, o.description_sv, o.description_en)}</div>}
                </td>
                <td>{o.country ? (countryName(lang, o.country) ?? o.country) : none}</td>
                <td>{o.region ?? none}</td>
                <td class="num">
                  {o.population != null
                    ? o.population_year
                      ? t(lang, 'partners_population_about', { n: formatNumber(lang, Number(o.population)), year: String(o.population_year) })
                      : formatNumber(lang, Number(o.population))
                    : none}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {p.events.length > 0 && (
        <>
          <h4>{t(lang, 'partners_timeline')}</h4>
          <ol class="timeline">
            {p.events.map((e) => (
              <li>
                <span class="when">
                  {formatFuzzyDate(lang, e.date_from, e.date_to, e.date_precision)} – {label(EVENT_KINDS, e.kind, lang)}
                </span>
                <span lang={lang === 'en' && !e.description_en ? 'sv' : undefined}>{pick(lang, e.description_sv, e.description_en)}</span>
                {e.place && <span class="muted"> ({e.place})</span>}
              </li>
            ))}
          </ol>
        </>
      )}
      <h4>{t(lang, 'partners_projects')}</h4>
      {p.projects.length === 0 ? (
        <p>{t(lang, 'partners_no_projects')}</p>
      ) : (
        <ul>
          {p.projects.map((x) => (
            <li>
              <a href={localePath(lang, `/${slug}/projekt/${x.id}`)}>{pick(lang, x.title_sv, x.title_en)}</a>{' '}
              <span class="muted">({[label(PROJECT_KINDS, x.kind, lang), x.year].filter(Boolean).join(', ')})</span>
            </li>
          ))}
        </ul>
      )}
      {goals.length > 0 && (
        <>
          <h4>{GL.contributes[lang]}</h4>
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
      {source && <p class="source">{t(lang, 'project_source_text', { source })}</p>}
    </article>
  );
}
