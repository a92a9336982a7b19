/**
 * The back office's start: the municipality chooser, and each municipality's overview for the
 * person's role: what awaits me (reviews, decisions, drafts and records sent back), and recent
 * changes.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { formatDate, type Lang } from '../../i18n/index.js';
import { describeEntry } from '../audit/labels.js';
import { todayInSweden } from '../decisions/registry.js';
import { can } from '../policy/policy.js';
import { allDueItems } from '../reminders/due.js';
import type { DueItem } from '../strategy/progress/due.js';
import { DueStateTag, DueWhat } from '../strategy/progress/due-table.js';
import { DUE_PANEL, dueWhen } from '../strategy/progress/messages.js';
import { adminHref, requireActor, requireAdminMunicipality } from './context.js';
import { type AwaitingItem, awaitingFor, keyCounts, recentChanges } from './dashboard-repository.js';
import { AdminLayout, adminPageContext } from './layout.js';

const T = {
  start: { sv: 'Välj kommun', en: 'Choose a municipality' },
  none: { sv: 'Du har ännu ingen roll i någon kommun. Be kommunens administratör att ge dig en roll.', en: 'You do not have a role in any municipality yet. Ask the municipality’s administrator to give you one.' },
  overview: { sv: 'Översikt', en: 'Overview' },
  awaiting: { sv: 'Väntar på dig', en: 'Waiting for you' },
  nothing: { sv: 'Inget väntar på dig just nu.', en: 'Nothing is waiting for you right now.' },
  reviews: { sv: 'Att granska och publicera', en: 'To review and publish' },
  decisions: { sv: 'Projekt som väntar på beslut', en: 'Projects awaiting a decision' },
  drafts: { sv: 'Utkast', en: 'Drafts' },
  returned: { sv: 'Skickade tillbaka till dig', en: 'Sent back to you' },
  recent: { sv: 'Senaste ändringar', en: 'Recent changes' },
  figures: { sv: 'I siffror', en: 'In figures' },
  projects: { sv: 'Projekt', en: 'Projects' },
  published: { sv: 'varav publicerade', en: 'of which published' },
  partnerships: { sv: 'Vänorter och samarbeten', en: 'Twin towns and partnerships' },
  ongoing: { sv: 'Pågående projekt', en: 'Ongoing projects' },
  allLog: { sv: 'Hela ändringsloggen', en: 'The whole audit trail' },
  newProject: { sv: 'Registrera ett nytt projekt eller utbyte', en: 'Register a new project or exchange' },
};

function ItemList(props: { lang: Lang; items: AwaitingItem[]; slug: string }) {
  return (
    <ul class="link-list">
      {props.items.map((i) => (
        <li>
          <a href={adminHref(props.lang, `/${props.slug}${i.path}`)}>{i.title}</a>
          {i.note && <span class="muted"> – {i.note}</span>}
        </li>
      ))}
    </ul>
  );
}

const DUE_SHOWN = 15;

/** What is due or overdue: reviews, evaluations, measures, report sections, decisions awaited… */
function DuePanel(props: { lang: Lang; items: DueItem[]; slug: string }) {
  const { lang } = props;
  const items = props.items.filter((i) => i.state !== 'upcoming');
  return (
    <section aria-labelledby="due-title">
      <h2 id="due-title">{DUE_PANEL.title[lang]}</h2>
      {items.length === 0 ? (
        <p>{DUE_PANEL.nothing[lang]}</p>
      ) : (
        <ul class="link-list">
          {items.slice(0, DUE_SHOWN).map((i) => (
            <li>
              <DueStateTag lang={lang} item={i} /> <DueWhat lang={lang} item={i} />
              <span class="muted"> – {dueWhen(i, lang)}</span>
            </li>
          ))}
          {items.length > DUE_SHOWN && <li>{DUE_PANEL.more[lang].replace('{n}', String(items.length - DUE_SHOWN))}</li>}
        </ul>
      )}
      <p>
        <a href={adminHref(lang, `/${props.slug}/kalender`)}>{DUE_PANEL.calendar[lang]}</a>
      </p>
    </section>
  );
}

export function dashboardRoutes(lang: Lang): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/', async (c) => {
    const actor = requireActor(c);
    const ctx = await adminPageContext(c);
    if (ctx.municipalities.length === 1 && !actor.isPlatformAdmin) return c.redirect(adminHref(lang, `/${ctx.municipalities[0]!.slug}`), 303);
    return c.html(
      <AdminLayout ctx={ctx} title={T.start[lang]}>
        <h1>{T.start[lang]}</h1>
        {ctx.municipalities.length === 0 ? (
          <p>{T.none[lang]}</p>
        ) : (
          <ul class="link-list">
            {ctx.municipalities.map((m) => (
              <li>
                <a href={adminHref(lang, `/${m.slug}`)}>{m.name}</a>
              </li>
            ))}
          </ul>
        )}
      </AdminLayout>,
    );
  });

  app.get('/:kommun', async (c) => {
    const { municipality, actor } = await requireAdminMunicipality(c);
    const db = c.var.handle.db;
    const target = { municipalityId: municipality.id };
    const [awaiting, recent, counts, due] = await Promise.all([
      awaitingFor(db, actor, municipality.id, lang),
      can(actor, 'view_audit', target) ? recentChanges(db, municipality.id, 10) : Promise.resolve([]),
      keyCounts(db, municipality.id),
      allDueItems(db, municipality.id, todayInSweden()),
    ]);
    const ctx = await adminPageContext(c, municipality);
    const name = lang === 'sv' ? municipality.name_sv : municipality.name_en;
    const sections = [
      { key: 'reviews', items: awaiting.reviews },
      { key: 'decisions', items: awaiting.decisions },
      { key: 'returned', items: awaiting.returned },
      { key: 'drafts', items: awaiting.drafts },
    ] as const;
    const anything = sections.some((s) => s.items.length > 0);
    const mayCreate = can(actor, 'edit', target) || actor.units.size > 0;
    return c.html(
      <AdminLayout ctx={ctx} title={T.overview[lang]} current="dashboard">
        <h1>
          {T.overview[lang]}: {name}
        </h1>
        {mayCreate && (
          <p>
            <a class="button" href={adminHref(lang, `/${municipality.slug}/projekt/ny`)}>
              {T.newProject[lang]}
            </a>
          </p>
        )}
        <section aria-labelledby="awaiting-title">
          <h2 id="awaiting-title">{T.awaiting[lang]}</h2>
          {!anything && <p>{T.nothing[lang]}</p>}
          {sections
            .filter((s) => s.items.length > 0)
            .map((s) => (
              <>
                <h3>
                  {T[s.key][lang]} ({s.items.length})
                </h3>
                <ItemList lang={lang} items={s.items} slug={municipality.slug} />
              </>
            ))}
        </section>
        <DuePanel lang={lang} items={due} slug={municipality.slug} />
        <section aria-labelledby="figures-title">
          <h2 id="figures-title">{T.figures[lang]}</h2>
          <dl class="figures">
            <div>
              <dt>{T.projects[lang]}</dt>
              <dd>
                {counts.projects} ({T.published[lang]} {counts.publishedProjects})
              </dd>
            </div>
            <div>
              <dt>{T.ongoing[lang]}</dt>
              <dd>{counts.ongoing}</dd>
            </div>
            <div>
              <dt>{T.partnerships[lang]}</dt>
              <dd>{counts.partnerships}</dd>
            </div>
          </dl>
        </section>
        {recent.length > 0 && (
          <section aria-labelledby="recent-title">
            <h2 id="recent-title">{T.recent[lang]}</h2>
            <ul class="link-list">
              {recent.map((r) => (
                <li>
                  {formatDate(lang, r.at.slice(0, 10))}: {r.actor} {describeEntry(r, lang)}
                </li>
              ))}
            </ul>
            <p>
              <a href={adminHref(lang, `/${municipality.slug}/logg`)}>{T.allLog[lang]}</a>
            </p>
          </section>
        )}
      </AdminLayout>,
    );
  });
  return app;
}
