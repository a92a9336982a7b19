/**
 * The public strategy page: the adopted strategy, its goal tree in the municipality's own level
 * names, each goal's progress (as text and as a bar, the traffic light as a word), how it was
 * computed, and the measures, projects and partnerships that serve it. Each goal is an anchor
 * (`#mal-{id}`) that projects and partnerships link to.
 */
import type { Child } from 'hono/jsx';
import { fill, formatDate, type Lang, localePath, t } from '../../../i18n/index.js';
import { type Crumb, Layout, municipalityName, type PageContext } from '../../../ui/layout.js';
import { SP } from './messages.js';
import type { PublicGoal, PublicStrategy } from './presenter.js';

function crumbs(ctx: PageContext): Crumb[] {
  const m = ctx.municipality!;
  return [{ href: localePath(ctx.lang, '/'), label: t(ctx.lang, 'site_name') }, { href: localePath(ctx.lang, `/${m.slug}`), label: municipalityName(m, ctx.lang) }, { label: SP.title[ctx.lang] }];
}

/** "Arvika kommuns", "Borås" (a name ending in s, x or z takes no genitive s). */
function genitive(name: string): string {
  return /[sxz]$/i.test(name) ? name : `${name}s`;
}

function Heading(props: { level: number; id: string; children: Child }) {
  switch (Math.min(Math.max(props.level, 2), 6)) {
    case 2:
      return <h2 id={props.id}>{props.children}</h2>;
    case 3:
      return <h3 id={props.id}>{props.children}</h3>;
    case 4:
      return <h4 id={props.id}>{props.children}</h4>;
    case 5:
      return <h5 id={props.id}>{props.children}</h5>;
    default:
      return <h6 id={props.id}>{props.children}</h6>;
  }
}

/** The goal's progress in words, and as a bar when there is something to measure. */
function ProgressState({ g, lang }: { g: PublicGoal; lang: Lang }) {
  const stateId = `${g.anchor}-state`;
  return (
    <div class="goal-progress">
      <p id={stateId} class="goal-state">
        {g.progress === null ? (
          <span class="light light--none">{g.lightLabel}</span>
        ) : (
          <>
            <strong>{g.progressText}</strong>
            {g.light !== 'none' && (
              <>
                {' '}
                <span class="visually-hidden">{`${SP.state[lang]}: `}</span>
                <span class={`light light--${g.light}`}>{g.lightLabel}</span>
              </>
            )}
          </>
        )}
      </p>
      {g.progress !== null && (
        <progress class="bar" max="100" value={String(g.progress)} aria-labelledby={`${g.anchor}-title ${stateId}`}>
          {g.progressText}
        </progress>
      )}
    </div>
  );
}

function Goal({ g, lang, level }: { g: PublicGoal; lang: Lang; level: number }) {
  const titleId = `${g.anchor}-title`;
  const svOnEnglish = lang === 'en' ? 'sv' : undefined;
  return (
    <section class={`goal goal--d${Math.min(g.depth, 3)}`} id={g.anchor} aria-labelledby={titleId}>
      <Heading level={level} id={titleId}>
        {/* The municipality's own level names are Swedish. */}
        <span class="goal-level" lang={svOnEnglish}>
          {g.levelName}
        </span>{' '}
        <span lang={g.titleLang}>{g.title}</span>
      </Heading>
      {g.description && (
        <p class="goal-description" lang={g.descriptionLang}>
          {g.description}
        </p>
      )}
      <ProgressState g={g} lang={lang} />
      {g.explanation && <p class="goal-explanation muted">{g.explanation}</p>}
      {g.measures.length > 0 && (
        <div class="table-wrap" role="region" aria-labelledby={`${g.anchor}-measures`} tabindex={0}>
          <table class="goal-measures">
            <caption id={`${g.anchor}-measures`}>
              {SP.measures[lang]}
              <span class="visually-hidden">{` – ${g.title}`}</span>
            </caption>
            <thead>
              <tr>
                <th scope="col">{SP.measure[lang]}</th>
                <th scope="col">{SP.responsible[lang]}</th>
                <th scope="col">{SP.period[lang]}</th>
                <th scope="col">{SP.status[lang]}</th>
                <th scope="col" class="num">
                  {SP.progress[lang]}
                </th>
              </tr>
            </thead>
            <tbody>
              {g.measures.map((m) => (
                <tr>
                  <td lang={m.titleLang}>{m.title}</td>
                  <td>{m.unit ?? SP.notStated[lang]}</td>
                  <td>{m.period ?? SP.notStated[lang]}</td>
                  <td>{m.statusLabel}</td>
                  <td class="num">{m.progressText}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <GoalLinkList id={`${g.anchor}-projects`} heading={SP.projects[lang]} links={g.projects} />
      <GoalLinkList id={`${g.anchor}-partnerships`} heading={SP.partnerships[lang]} links={g.partnerships} />
      {g.children.map((child) => (
        <Goal g={child} lang={lang} level={level + 1} />
      ))}
    </section>
  );
}

export function StrategyPage({ ctx, strategy: s, today }: { ctx: PageContext; strategy: PublicStrategy; today: string }) {
  const { lang } = ctx;
  const m = ctx.municipality!;
  const name = municipalityName(m, lang);
  return (
    <Layout ctx={ctx} title={SP.title[lang]} crumbs={crumbs(ctx)} current="strategy">
      <h1 lang={s.titleLang}>{s.title}</h1>
      <p class="lead">{fill(SP.lead[lang], { name: lang === 'sv' ? genitive(name) : name })}</p>
      {(s.adoption || s.registryNumber || s.plans.length > 0) && (
        <dl class="facts">
          {s.adoption && (
            <>
              <dt>{SP.adoption[lang]}</dt>
              <dd>{s.adoption}</dd>
            </>
          )}
          {s.registryNumber && (
            <>
              <dt>{SP.registryNumber[lang]}</dt>
              <dd>{s.registryNumber}</dd>
            </>
          )}
          {s.plans.length > 0 && (
            <>
              <dt>{SP.plans[lang]}</dt>
              <dd>
                {s.plans.map((p, i) => (
                  <>
                    {i > 0 && <br />}
                    <span lang={p.titleLang}>{p.title}</span>
                    {p.period && ` (${p.period})`}
                  </>
                ))}
              </dd>
            </>
          )}
        </dl>
      )}
      {s.vision && (
        <figure class="vision">
          <blockquote>
            <p lang={s.visionLang}>{s.vision}</p>
          </blockquote>
          <figcaption class="muted">{SP.visionCaption[lang]}</figcaption>
        </figure>
      )}
      {s.responsibilities.length > 0 && (
        <section aria-labelledby="responsibilities">
          <h2 id="responsibilities">{SP.responsibilities[lang]}</h2>
          {s.responsibilities.map((p) => (
            <p lang={s.responsibilitiesLang}>{p}</p>
          ))}
        </section>
      )}
      {s.goals.length > 0 && (
        <section aria-labelledby="contents">
          <h2 id="contents">{SP.contents[lang]}</h2>
          <ul class="goal-contents">
            {s.goals.map((g) => (
              <li>
                <a href={`#${g.anchor}`}>
                  <span lang={lang === 'en' ? 'sv' : undefined}>{g.levelName}</span>: <span lang={g.titleLang}>{g.title}</span>
                </a>{' '}
                <span class="muted">
                  – {g.progressText}
                  {g.progress !== null && g.light !== 'none' ? `, ${g.lightLabel.toLowerCase()}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="goals">
        <h2 id="goals">{SP.goals[lang]}</h2>
        <p>{fill(SP.howComputed[lang], { date: formatDate(lang, today) })}</p>
        {s.goals.length === 0 ? (
          <p class="notice">{SP.noGoals[lang]}</p>
        ) : (
          s.goals.map((g) => <Goal g={g} lang={lang} level={3} />)
        )}
      </section>
    </Layout>
  );
}

/** No adopted strategy yet: a friendly page (200) that says so and shows the way on. */
export function NoStrategyPage({ ctx }: { ctx: PageContext }) {
  const { lang } = ctx;
  const m = ctx.municipality!;
  const name = municipalityName(m, lang);
  return (
    <Layout ctx={ctx} title={SP.title[lang]} crumbs={crumbs(ctx)} current="strategy">
      <h1>{`${SP.title[lang]} – ${name}`}</h1>
      <div class="notice">
        <p>{fill(SP.none[lang], { name })}</p>
        <p>{SP.noneHelp[lang]}</p>
      </div>
      <ul>
        <li>
          <a href={localePath(lang, `/${m.slug}/projekt`)}>{t(lang, 'nav_projects')}</a>
        </li>
        <li>
          <a href={localePath(lang, `/${m.slug}/vanorter`)}>{t(lang, 'nav_partners')}</a>
        </li>
      </ul>
    </Layout>
  );
}

/** The projects or the partnerships serving a goal, under a short heading; nothing when there are none. */
function GoalLinkList(props: { id: string; heading: string; links: { href: string; title: string; titleLang?: string }[] }) {
  if (props.links.length === 0) return null;
  return (
    <>
      <p class="goal-part" id={props.id}>
        {props.heading}
      </p>
      <ul aria-labelledby={props.id} class="goal-links">
        {props.links.map((p) => (
          <li>
            <a href={p.href} lang={p.titleLang}>
              {p.title}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
