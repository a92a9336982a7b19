/** The back office's project list and project page. */
import { formatDate, type Lang } from '../../i18n/index.js';
import { AdminForm, type FormErrors, FormErrorSummary, type Option, SelectField, TextField } from '../../ui/forms.js';
import type { Crumb } from '../../ui/layout.js';
import { adminHref } from '../admin/context.js';
import { AdminLayout, type AdminPageContext } from '../admin/layout.js';
import { fill, STATE, UI } from './messages.js';
import { type ListedProject, LIST_STATES, PAGE_SIZE } from './project-list.js';
import { ChangesTable, FieldValue, ReviewForms, StateTags } from './review-pages.js';
import type { OpenRevision, ReviewField } from './review.js';

const title = (lang: Lang, sv: string, en: string | null) => (lang === 'en' && en ? en : sv);

export function ProjectListPage(props: {
  ctx: AdminPageContext;
  crumbs: Crumb[];
  base: string;
  items: ListedProject[];
  total: number;
  page: number;
  filter: { unit: string; state: string; text: string };
  units: Option[];
  unitName: (id: number | null) => string;
  canCreate: boolean;
  notice?: string;
}) {
  const { lang } = props.ctx;
  const pages = Math.max(1, Math.ceil(props.total / PAGE_SIZE));
  const query = (page: number) => {
    const q = new URLSearchParams();
    if (props.filter.text) q.set('sok', props.filter.text);
    if (props.filter.unit) q.set('enhet', props.filter.unit);
    if (props.filter.state) q.set('lage', props.filter.state);
    if (page > 1) q.set('sida', String(page));
    const s = q.toString();
    return s ? `?${s}` : '';
  };
  return (
    <AdminLayout ctx={props.ctx} title={UI.projects[lang]} crumbs={props.crumbs} current="projects" notice={props.notice}>
      <h1>{UI.projects[lang]}</h1>
      {props.canCreate && (
        <p>
          <a class="button" href={`${props.base}/ny`}>
            {UI.newProject[lang]}
          </a>
        </p>
      )}
      <form method="get" action={props.base} class="filters" role="search" aria-label={UI.filters[lang]}>
        <TextField name="sok" label={UI.title[lang]} lang={lang} value={props.filter.text} width="w-medium" />
        <SelectField name="enhet" label={UI.unit[lang]} lang={lang} value={props.filter.unit} options={props.units} emptyLabel={UI.allUnits[lang]} />
        <SelectField name="lage" label={UI.state[lang]} lang={lang} value={props.filter.state} options={LIST_STATES.map((s) => ({ value: s, label: STATE[s][lang] }))} emptyLabel={UI.allStates[lang]} />
        <button type="submit" class="button button--secondary">
          {UI.filter[lang]}
        </button>
      </form>
      <p role="status">{fill(UI.count[lang], { n: props.total })}</p>
      {props.items.length === 0 ? (
        <p>{UI.noProjects[lang]}</p>
      ) : (
        <div class="table-wrap" role="region" aria-label={UI.count[lang].replace(/\{n\}/g, String(props.total))} tabindex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{UI.title[lang]}</th>
                <th scope="col">{UI.unit[lang]}</th>
                <th scope="col">{UI.state[lang]}</th>
                <th scope="col">{UI.updated[lang]}</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((p) => (
                <tr>
                  <td>
                    <a href={`${props.base}/${p.id}`}>{title(lang, p.title, p.titleEn)}</a>
                  </td>
                  <td>{props.unitName(p.unitId)}</td>
                  <td>
                    <StateTags lang={lang} publicationState={p.publicationState} revisionState={p.revisionState} />
                  </td>
                  <td>{formatDate(lang, p.updatedAt.slice(0, 10))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav class="pagination" aria-label={UI.pagination[lang]}>
          <p>{fill(UI.pageOf[lang], { page: props.page, pages })}</p>
          <ul>
            {props.page > 1 && (
              <li>
                <a href={`${props.base}${query(props.page - 1)}`} rel="prev">
                  {UI.previous[lang]}
                </a>
              </li>
            )}
            {props.page < pages && (
              <li>
                <a href={`${props.base}${query(props.page + 1)}`} rel="next">
                  {UI.next[lang]}
                </a>
              </li>
            )}
          </ul>
        </nav>
      )}
    </AdminLayout>
  );
}

export interface ProjectPageProps {
  ctx: AdminPageContext;
  crumbs: Crumb[];
  csrf: string;
  slug: string;
  id: number;
  title: string;
  publicationState: string;
  lifecycle: string | null;
  revision?: OpenRevision;
  everPublished: boolean;
  /** The working copy, field by field. */
  fields: ReviewField[];
  /** The published version, when a revision differs from it. */
  liveFields?: ReviewField[];
  /** The working copy's strategy goals, each linking to its back-office page (shown as the `goals` field). */
  goalLinks?: { href: string; label: string }[];
  canEdit: boolean;
  canPublish: boolean;
  notice?: string;
  comment?: string;
  errors?: FormErrors;
}

export function ProjectPage(p: ProjectPageProps) {
  const { lang } = p.ctx;
  const base = adminHref(lang, `/${p.slug}/projekt/${p.id}`);
  const rev = p.revision;
  const inReview = rev?.state === 'in_review' || p.publicationState === 'in_review';
  const hasChange = p.everPublished ? rev !== undefined : true;
  const publicHref = `${lang === 'en' ? '/en' : ''}/${p.slug}/projekt/${p.id}`;
  return (
    <AdminLayout ctx={p.ctx} title={p.title} crumbs={p.crumbs} current="projects" notice={p.notice}>
      <FormErrorSummary lang={lang} errors={p.errors ?? {}} />
      <h1>{p.title}</h1>
      <p>
        <StateTags lang={lang} publicationState={p.publicationState} revisionState={rev?.state} />
      </p>
      {rev?.reviewComment && (
        <div class="notice notice--warn">
          <h2>{UI.reviewComment[lang]}</h2>
          <p>{rev.reviewComment}</p>
        </div>
      )}
      {p.everPublished && rev && <p>{UI.pendingChange[lang]}</p>}

      {(p.canEdit || p.canPublish) && (
        <div class="button-group">
          {p.canEdit && (
            <a class="button" href={`${base}/redigera`}>
              {UI.edit[lang]}
            </a>
          )}
          {p.canEdit && !inReview && hasChange && p.publicationState !== 'archived' && (
            <AdminForm action={`${base}/skicka`} csrf={p.csrf} class="inline-form">
              <button type="submit" class="button button--secondary">
                {UI.submit[lang]}
              </button>
            </AdminForm>
          )}
          {p.canEdit && rev && (
            <AdminForm action={`${base}/kasta`} csrf={p.csrf} class="inline-form">
              <button type="submit" class="button button--warning" aria-describedby="discard-hint">
                {UI.discard[lang]}
              </button>
            </AdminForm>
          )}
        </div>
      )}
      {p.canEdit && rev && (
        <p class="field-hint" id="discard-hint">
          {p.everPublished ? UI.discardHint[lang] : UI.discardHintFresh[lang]}
        </p>
      )}
      {p.canPublish && hasChange && p.publicationState !== 'archived' && (
        <ReviewForms
          lang={lang}
          csrf={p.csrf}
          publishAction={`${base}/publicera`}
          sendBackAction={inReview ? `${base}/skicka-tillbaka` : undefined}
          comment={p.comment}
          errors={p.errors}
          revisionId={rev?.id}
          version={rev?.updatedAt}
        />
      )}

      <h2>{UI.links[lang]}</h2>
      <ul class="link-list">
        <li>
          <a href={adminHref(lang, `/${p.slug}/logg/project/${p.id}`)}>{UI.history[lang]}</a>
        </li>
        <li>
          <a href={adminHref(lang, `/${p.slug}/bilagor/project/${p.id}`)}>{UI.attachments[lang]}</a>
        </li>
        <li>
          <a href={`${base}/beslutsvag`}>{UI.decisionRoute[lang]}</a>
        </li>
        <li>
          <a href={`${base}/bedomning`}>{UI.assessment[lang]}</a>
        </li>
        {p.everPublished && p.publicationState === 'published' && (
          <li>
            <a href={publicHref}>{UI.publicPage[lang]}</a>
          </li>
        )}
      </ul>

      {p.everPublished && rev && p.liveFields && (
        <>
          <h2>{UI.changes[lang]}</h2>
          <ChangesTable lang={lang} before={p.liveFields} after={p.fields} caption={UI.changes[lang]} />
        </>
      )}

      <h2>{UI.basics[lang]}</h2>
      <p>{UI.workingCopy[lang]}</p>
      <dl class="summary-list">
        {p.fields.map((f) => (
          <>
            <dt>{f.label}</dt>
            <dd>
              {f.key === 'goals' && p.goalLinks && p.goalLinks.length > 0 ? (
                <ul>
                  {p.goalLinks.map((g) => (
                    <li>
                      <a href={g.href}>{g.label}</a>
                    </li>
                  ))}
                </ul>
              ) : (
                <FieldValue value={f.value} lang={lang} />
              )}
            </dd>
          </>
        ))}
        {p.lifecycle && (
          <>
            <dt>{UI.lifecycle[lang]}</dt>
            <dd>{p.lifecycle}</dd>
          </>
        )}
      </dl>
    </AdminLayout>
  );
}
