/** Small pieces the registry's pages share. */
import type { Child } from 'hono/jsx';

/** One term and its value in a summary list (`<dl class="summary-list">`). */
export function Row(props: { term: string; children: Child }) {
  return (
    <>
      <dt>{props.term}</dt>
      <dd>{props.children}</dd>
    </>
  );
}
