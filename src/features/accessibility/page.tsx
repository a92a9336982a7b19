/** The accessibility statement page (`/tillganglighet`), built from the statement's content. */
import { Layout, type PageContext } from '../../ui/layout.js';
import { localePath, t } from '../../i18n/index.js';
import { accessibilityStatement, type StatementFacts } from './statement.js';

export function AccessibilityPage({ ctx, facts }: { ctx: PageContext; facts: StatementFacts }) {
  const s = accessibilityStatement(ctx.lang, facts);
  return (
    <Layout ctx={ctx} title={s.title} crumbs={[{ href: localePath(ctx.lang, '/'), label: t(ctx.lang, 'site_name') }, { label: s.title }]}>
      <h1>{s.title}</h1>
      <p class="lead">{s.lead}</p>
      {s.sections.map((section) => (
        <section>
          <h2>{section.heading}</h2>
          {section.paragraphs.map((p) => (
            <p>{p}</p>
          ))}
          {section.list && (
            <ul>
              {section.list.map((li) => (
                <li>{li}</li>
              ))}
            </ul>
          )}
          {section.links && (
            <ul>
              {section.links.map((l) => (
                <li>
                  <a href={l.href}>{l.text}</a>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </Layout>
  );
}
