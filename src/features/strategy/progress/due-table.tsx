/**
 * Due items in the back office: the state as a tag, what is due with a link to its record, and a
 * table of them (date, what, state, and any columns a page adds). One rendering for the calendar
 * page, the reminders page and the overview's list.
 */
import type { Child } from 'hono/jsx';
import { formatDate, type Lang, tr } from '../../../i18n/index.js';
import { adminHref } from '../../admin/context.js';
import type { DueItem } from './due.js';
import { DUE_KIND, DUE_STATE, DUE_TABLE, dueTitle } from './messages.js';

/** The item's state as a tag with its word (colour is never the only carrier of meaning). */
export function DueStateTag(props: { lang: Lang; item: Pick<DueItem, 'state'> }) {
  const { state } = props.item;
  return <span class={`tag tag--${state}`}>{tr(DUE_STATE[state], props.lang)}</span>;
}

/** What is due: its kind and its title linked to the record, e.g. "Översyn av strategin: <a>Strategi 2024–2030</a>". */
export function DueWhat(props: { lang: Lang; item: DueItem }) {
  const { lang, item } = props;
  return (
    <>
      {tr(DUE_KIND[item.kind], lang)}: <a href={adminHref(lang, item.path)}>{dueTitle(item, lang)}</a>
    </>
  );
}

/** A column a page adds after date, what and state: its heading, and its cell of a row. */
export interface DueColumn<T> {
  heading: string;
  cell: (row: T) => Child;
}

/**
 * The due items as a table (date, what, state, then `columns`), or the `empty` text when there
 * are none. Rows are due items, optionally with more fields for the added columns.
 * @example <DueItemsTable lang="sv" items={items} empty="Inget att visa." columns={[{ heading: 'Går till', cell: (r) => r.names.join(', ') }]} />
 */
export function DueItemsTable<T extends DueItem>(props: { lang: Lang; items: T[]; empty: string; columns?: DueColumn<T>[] }) {
  const { lang, items, columns = [] } = props;
  if (items.length === 0) return <p>{props.empty}</p>;
  return (
    <div class="table-wrap">
      <table class="data">
        <thead>
          <tr>
            <th scope="col">{tr(DUE_TABLE.date, lang)}</th>
            <th scope="col">{tr(DUE_TABLE.what, lang)}</th>
            <th scope="col">{tr(DUE_TABLE.state, lang)}</th>
            {columns.map((col) => (
              <th scope="col">{col.heading}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr>
              <td>{formatDate(lang, item.dueOn)}</td>
              <td>
                <DueWhat lang={lang} item={item} />
              </td>
              <td>
                <DueStateTag lang={lang} item={item} />
              </td>
              {columns.map((col) => (
                <td>{col.cell(item)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
