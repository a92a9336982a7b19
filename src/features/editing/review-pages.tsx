/**
 * The review queue (`/admin/:kommun/granskning`): what awaits review, and a page per item with the
 * changes field by field and the Publish / Send back forms. Also the pieces the project pages
 * share: publication-state tags, field values, the before/after table.
 */
import { formatDate, type Lang } from '../../i18n/index.js';
import { AdminForm, type FormErrors, FormErrorSummary, TextArea } from '../../ui/forms.js';
import type { Crumb } from '../../ui/layout.js';
import { AdminLayout, type AdminPageContext } from '../admin/layout.js';
import { fill, STATE, UI } from './messages.js';
import type { OpenRevision, ReviewEntity, ReviewField } from './review.js';

export function StateTags(props: { lang: Lang; publicationState: string; revisionState?: OpenRevision['state'] | string }) {
  const { lang } = props;
  const ps = props.publicationState as keyof typeof STATE;
  const rs = props.revisionState;
  const everPublished = ps === 'published' || ps === 'archived';
  return (
    <span class="tags">
      <span class={`tag tag--${ps}`}>{STATE[ps]?.[lang] ?? ps}</span>
      {rs && everPublished && (
        <>
          {' '}
          <span class={`tag tag--${rs === 'in_review' ? 'in_review' : 'draft'}`}>{STATE[`change_${rs}` as keyof typeof STATE]?.[lang] ?? STATE.changed[lang]}</span>
        </>
      )}
      {rs === 'returned' && !everPublished && (
        <>
          {' '}
          <span class="tag tag--draft">{STATE.returned[lang]}</span>
        </>
      )}
    </span>
  );
}

/** A field's text; lines ("\n") become a list. */
export function FieldValue(props: { value: string; lang: Lang }) {
  if (props.value === '') return <span class="muted">{UI.empty[props.lang]}</span>;
  const lines = props.value.split('\n');
  if (lines.length === 1) return <>{props.value}</>;
  return (
    <ul>
      {lines.map((l) => (
        <li>{l}</li>
      ))}
    </ul>
  );
}

/** The fields whose text differs between `before` (undefined: never published) and `after`. */
function changedFields(before: ReviewField[] | undefined, after: ReviewField[]): { key: string; label: string; before: string; after: string }[] {
  const old = new Map((before ?? []).map((f) => [f.key, f.value]));
  const out = after.filter((f) => (old.get(f.key) ?? '') !== f.value).map((f) => ({ key: f.key, label: f.label, before: old.get(f.key) ?? '', after: f.value }));
  for (const f of before ?? []) if (!after.some((a) => a.key === f.key) && f.value !== '') out.push({ key: f.key, label: f.label, before: f.value, after: '' });
  return out;
}

/** Field-by-field fallback for an entity without `describe`: top-level keys as JSON. */
export function rawFields(data: unknown): ReviewField[] {
  if (!data || typeof data !== 'object') return [{ key: 'data', label: 'data', value: JSON.stringify(data) }];
  return Object.entries(data as Record<string, unknown>).map(([key, v]) => ({ key, label: key, value: v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v) }));
}

export function ChangesTable(props: { lang: Lang; before?: ReviewField[]; after: ReviewField[]; caption: string }) {
  const { lang } = props;
  const rows = changedFields(props.before, props.after);
  if (rows.length === 0) return <p>{UI.noChanges[lang]}</p>;
  return (
    <div class="table-wrap" role="region" aria-label={props.caption} tabindex={0}>
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{UI.field[lang]}</th>
            {props.before && <th scope="col">{UI.before[lang]}</th>}
            <th scope="col">{props.before ? UI.after[lang] : UI.publication[lang]}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row">{r.label}</th>
              {props.before && (
                <td>
                  <FieldValue value={r.before} lang={lang} />
                </td>
              )}
              <td>
                <FieldValue value={r.after} lang={lang} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Publish, and send back with a comment (required). */
export function ReviewForms(props: { lang: Lang; csrf: string; publishAction: string; sendBackAction?: string; comment?: string; errors?: FormErrors; revisionId?: number; version?: string }) {
  const { lang } = props;
  const Expected = () =>
    props.revisionId === undefined ? null : (
      <>
        <input type="hidden" name="revision" value={String(props.revisionId)} />
        {props.version && <input type="hidden" name="version" value={props.version} />}
      </>
    );
  return (
    <>
      <h2>{UI.publish[lang]}</h2>
      <p>{UI.publishIntro[lang]}</p>
      <AdminForm action={props.publishAction} csrf={props.csrf} class="inline-form">
        <Expected />
        <button type="submit" class="button">
          {UI.publish[lang]}
        </button>
      </AdminForm>
      {props.sendBackAction && (
        <>
          <h2>{UI.sendBack[lang]}</h2>
          <AdminForm action={props.sendBackAction} csrf={props.csrf}>
            <Expected />
            <TextArea name="comment" label={UI.comment[lang]} lang={lang} value={props.comment ?? ''} error={props.errors?.comment} hint={UI.commentHint[lang]} rows={4} />
            <button type="submit" class="button button--secondary">
              {UI.sendBack[lang]}
            </button>
          </AdminForm>
        </>
      )}
    </>
  );
}

export interface QueueItem {
  revisionId: number;
  entity: ReviewEntity;
  title: string;
  href: string;
  submittedAt: string | null;
  submittedByName: string | null;
}

export function ReviewQueuePage(props: { ctx: AdminPageContext; crumbs: Crumb[]; items: QueueItem[]; notice?: string }) {
  const { lang } = props.ctx;
  return (
    <AdminLayout ctx={props.ctx} title={UI.reviewQueue[lang]} crumbs={props.crumbs} current="review" notice={props.notice}>
      <h1>{UI.reviewQueue[lang]}</h1>
      {props.items.length === 0 ? (
        <p>{UI.reviewNone[lang]}</p>
      ) : (
        <div class="table-wrap" role="region" aria-label={UI.reviewQueue[lang]} tabindex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{UI.title[lang]}</th>
                <th scope="col">{UI.what[lang]}</th>
                <th scope="col">{UI.submittedBy[lang]}</th>
                <th scope="col">{UI.submittedAt[lang]}</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((i) => (
                <tr>
                  <td>
                    <a href={i.href}>{i.title}</a>
                  </td>
                  <td>{i.entity === 'project' ? UI.kindProject[lang] : UI.kindPartnership[lang]}</td>
                  <td>{i.submittedByName ?? ''}</td>
                  <td>{i.submittedAt ? formatDate(lang, i.submittedAt.slice(0, 10)) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminLayout>
  );
}

export function ReviewItemPage(props: {
  ctx: AdminPageContext;
  crumbs: Crumb[];
  csrf: string;
  title: string;
  recordHref?: string;
  everPublished: boolean;
  before: ReviewField[];
  after: ReviewField[];
  submittedByName: string | null;
  submittedAt: string | null;
  publishAction: string;
  sendBackAction: string;
  revisionId: number;
  version: string;
  comment?: string;
  errors?: FormErrors;
}) {
  const { lang } = props.ctx;
  const heading = fill(UI.reviewOf[lang], { title: props.title });
  return (
    <AdminLayout ctx={props.ctx} title={heading} crumbs={props.crumbs} current="review">
      <FormErrorSummary lang={lang} errors={props.errors ?? {}} />
      <h1>{heading}</h1>
      <dl class="summary-list">
        <dt>{UI.submittedBy[lang]}</dt>
        <dd>{props.submittedByName ?? UI.empty[lang]}</dd>
        <dt>{UI.submittedAt[lang]}</dt>
        <dd>{props.submittedAt ? formatDate(lang, props.submittedAt.slice(0, 10)) : UI.empty[lang]}</dd>
      </dl>
      {props.recordHref && (
        <p>
          <a href={props.recordHref}>{UI.openRecord[lang]}</a>
        </p>
      )}
      <h2>{UI.changes[lang]}</h2>
      {!props.everPublished && <p>{UI.newRecord[lang]}</p>}
      <ChangesTable lang={lang} before={props.everPublished ? props.before : undefined} after={props.after} caption={UI.changes[lang]} />
      <ReviewForms lang={lang} csrf={props.csrf} publishAction={props.publishAction} sendBackAction={props.sendBackAction} comment={props.comment} errors={props.errors} revisionId={props.revisionId} version={props.version} />
    </AdminLayout>
  );
}
