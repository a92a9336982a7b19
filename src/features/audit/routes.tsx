/**
 * The audit trail in the back office: the municipality's log (`/:kommun/logg`) and each record's
 * history (`/:kommun/logg/:entity/:id`), field by field before and after.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../../app-env.js';
import { formatDate, type Lang } from '../../i18n/index.js';
import { adminHref, idParam, requireAdminMunicipality } from '../admin/context.js';
import { AdminLayout, adminCrumbs, adminPageContext } from '../admin/layout.js';
import { recordNotFound } from '../policy/policy.js';
import { actionLabel, entityLabel } from './labels.js';
import { fieldChanges, historyOf, municipalityLog, recordExists } from './repository.js';

const T = {
  log: { sv: 'Ändringslogg', en: 'Audit trail' },
  logLead: {
    sv: 'Varje ändring i Utblick sparas här: vem, när, vilken uppgift, före och efter. Loggen kan inte ändras i efterhand, och varje post bär en kontrollsumma av den föregående.',
    en: 'Every change in Utblick is kept here: who, when, which record, before and after. The log cannot be altered afterwards, and each entry carries a checksum of the previous one.',
  },
  history: { sv: 'Historik', en: 'History' },
  when: { sv: 'När', en: 'When' },
  who: { sv: 'Vem', en: 'Who' },
  what: { sv: 'Vad', en: 'What' },
  record: { sv: 'Uppgift', en: 'Record' },
  changes: { sv: 'Ändringar', en: 'Changes' },
  field: { sv: 'Fält', en: 'Field' },
  before: { sv: 'Före', en: 'Before' },
  after: { sv: 'Efter', en: 'After' },
  none: { sv: 'Inga ändringar är registrerade.', en: 'No changes are recorded.' },
  older: { sv: 'Äldre ändringar', en: 'Older changes' },
  allEntities: { sv: 'Alla', en: 'All' },
  showHistory: { sv: 'Visa historik', en: 'Show history' },
};

const ENTITY_RE = /^[a-z_]{1,40}$/;

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function when(lang: Lang, iso: string): string {
  return `${formatDate(lang, iso.slice(0, 10))} ${iso.slice(11, 16)} UTC`;
}

function Changes(props: { lang: Lang; before: string | null; after: string | null }) {
  const changes = fieldChanges(props.before, props.after);
  if (changes.length === 0) return null;
  const { lang } = props;
  return (
    <div class="table-wrap" role="region" aria-label={T.changes[lang]} tabindex={0}>
      <table class="data">
        <thead>
          <tr>
            <th scope="col">{T.field[lang]}</th>
            <th scope="col">{T.before[lang]}</th>
            <th scope="col">{T.after[lang]}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((ch) => (
            <tr>
              <th scope="row">{ch.field}</th>
              <td>{ch.before}</td>
              <td>{ch.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function auditRoutes(lang: Lang): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/:kommun/logg', async (c) => {
    const { municipality } = await requireAdminMunicipality(c, 'view_audit');
    const entity = c.req.query('typ');
    const beforeRaw = c.req.query('fore');
    const before = beforeRaw && /^[1-9][0-9]{0,14}$/.test(beforeRaw) ? Number(beforeRaw) : undefined;
    const rows = await municipalityLog(c.var.handle.db, municipality.id, { entity: entity && ENTITY_RE.test(entity) ? entity : undefined, beforeId: before, limit: 50 });
    const ctx = await adminPageContext(c, municipality);
    const base = adminHref(lang, `/${municipality.slug}/logg`);
    return c.html(
      <AdminLayout ctx={ctx} title={T.log[lang]} current="audit" crumbs={adminCrumbs(ctx, { label: T.log[lang] })}>
        <h1>{T.log[lang]}</h1>
        <p class="lead">{T.logLead[lang]}</p>
        {rows.length === 0 ? (
          <p>{T.none[lang]}</p>
        ) : (
          <div class="table-wrap" role="region" aria-label={T.log[lang]} tabindex={0}>
            <table class="data">
              <caption class="visually-hidden">{T.log[lang]}</caption>
              <thead>
                <tr>
                  <th scope="col">{T.when[lang]}</th>
                  <th scope="col">{T.who[lang]}</th>
                  <th scope="col">{T.what[lang]}</th>
                  <th scope="col">{T.record[lang]}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr>
                    <td>{when(lang, r.at)}</td>
                    <td>{r.actor}</td>
                    <td>{actionLabel(r.action, lang)}</td>
                    <td>
                      {r.entity_id && /^[0-9]+$/.test(r.entity_id) ? (
                        <a href={adminHref(lang, `/${municipality.slug}/logg/${r.entity}/${r.entity_id}`)}>
                          {capitalise(entityLabel(r.entity, lang))} {r.entity_id}
                        </a>
                      ) : (
                        capitalise(entityLabel(r.entity, lang))
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {rows.length === 50 && (
          <p>
            <a href={`${base}?${new URLSearchParams({ ...(entity && ENTITY_RE.test(entity) ? { typ: entity } : {}), fore: String(rows[rows.length - 1]!.id) })}`}>{T.older[lang]}</a>
          </p>
        )}
      </AdminLayout>,
    );
  });

  app.get('/:kommun/logg/:entity/:id', async (c) => {
    const { municipality } = await requireAdminMunicipality(c, 'view');
    const entity = c.req.param('entity');
    if (!ENTITY_RE.test(entity)) throw recordNotFound(lang);
    const id = idParam(c);
    // Only entries of this municipality; a record of another municipality does not exist here.
    const rows = await historyOf(c.var.handle.db, entity, id, municipality.id);
    const exists = await recordExists(c.var.handle.db, entity, id, municipality.id);
    if (exists === false || (exists === undefined && rows.length === 0)) throw recordNotFound(lang);
    const ctx = await adminPageContext(c, municipality);
    const title = `${T.history[lang]}: ${entityLabel(entity, lang)} ${id}`;
    return c.html(
      <AdminLayout ctx={ctx} title={title} crumbs={adminCrumbs(ctx, { label: title })}>
        <h1>{title}</h1>
        {rows.length === 0 && <p>{T.none[lang]}</p>}
        <ol class="history">
          {rows.map((r) => (
            <li>
              <h2 class="h3">
                {when(lang, r.at)} – {actionLabel(r.action, lang)}
              </h2>
              <p>
                {T.who[lang]}: {r.actor}
              </p>
              <Changes lang={lang} before={r.before_data} after={r.after_data} />
            </li>
          ))}
        </ol>
      </AdminLayout>,
    );
  });

  return app;
}
