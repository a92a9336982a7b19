/** Small pieces the registry's pages share. */
import type { Child } from 'hono/jsx';
import type { Lang } from '../../i18n/index.js';
import { AdminForm, FormErrorSummary, type FormErrors } from '../../ui/forms.js';
import { adminHref } from '../admin/context.js';
import { AdminLayout, type AdminNavKey, type AdminPageContext, adminCrumbs } from '../admin/layout.js';
import { COMMON, pick, tr } from './messages.js';

/** One term and its value in a summary list (`<dl class="summary-list">`). */
export function Row(props: { term: string; children: Child }) {
  return (
    <>
      <dt>{props.term}</dt>
      <dd>{props.children}</dd>
    </>
  );
}

/** A record listed by its title in Swedish and, where there is one, English. */
interface Titled {
  id: number;
  title_sv: string;
  title_en: string | null;
}

/**
 * A heading and the records under it (the partnerships or projects an organisation or unit takes
 * part in), each a link by its title in `lang` followed by its `note`; `empty` when there are none.
 */
export function TitledLinks<T extends Titled>(props: { lang: Lang; heading: string; empty: string; items: T[]; href: (item: T) => string; note?: (item: T) => Child }) {
  const { lang, items, href, note } = props;
  return (
    <>
      <h2>{props.heading}</h2>
      {items.length === 0 ? (
        <p>{props.empty}</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li>
              <a href={href(item)}>{pick(lang, item.title_sv, item.title_en)}</a>
              {note?.(item)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The project's year in brackets after its title, when it has one. */
export const projectYear = (p: { year: number | null }): Child => p.year !== null && <span class="muted"> ({p.year})</span>;

/**
 * The frame of a registry record's form (organisation, unit): crumbs, error summary, heading, the
 * form posting to `base/ny` or `base/:id/redigera` (with the `version` it was opened with when
 * editing), the fields, and save and cancel.
 */
export function RecordFormPage(props: {
  ctx: AdminPageContext;
  current: AdminNavKey;
  /** The list's path under the admin prefix, e.g. `/kommun/enheter`. */
  base: string;
  listLabel: string;
  newLabel: string;
  /** The record being edited; undefined for a new one. */
  record?: { id: number; name: string; title: string };
  version: string;
  errors: FormErrors;
  children: Child;
}) {
  const { ctx, base, record } = props;
  const { lang } = ctx;
  const title = record ? record.title : props.newLabel;
  const action = adminHref(lang, record ? `${base}/${record.id}/redigera` : `${base}/ny`);
  const cancel = adminHref(lang, record ? `${base}/${record.id}` : base);
  const crumbs = adminCrumbs(ctx, { href: adminHref(lang, base), label: props.listLabel }, ...(record ? [{ href: cancel, label: record.name }] : []), {
    label: record ? tr(COMMON.edit, lang) : props.newLabel,
  });
  return (
    <AdminLayout ctx={ctx} title={title} current={props.current} crumbs={crumbs}>
      <FormErrorSummary lang={lang} errors={props.errors} />
      <h1>{title}</h1>
      <AdminForm action={action} csrf={ctx.actor!.csrfToken}>
        {record && <input type="hidden" name="version" value={props.version} />}
        {props.children}
        <div class="button-group">
          <button type="submit" class="button">
            {tr(COMMON.save, lang)}
          </button>
          <a href={cancel}>{tr(COMMON.cancel, lang)}</a>
        </div>
      </AdminForm>
    </AdminLayout>
  );
}
