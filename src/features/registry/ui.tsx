/** Small pieces the registry's pages share. */
import type { Child } from 'hono/jsx';
import type { Lang } from '../../i18n/index.js';
import { pick } from './messages.js';

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
