/**
 * The half-year report as HTML: `ReportBody` (the content, CSS classes only, so it also sits in the
 * back office under its strict CSP) and `renderReportHtml` (a complete, downloadable document
 * with its own small stylesheet). Headings in order, tables with captions and header cells,
 * each chart a `<figure>` with the SVG (role="img", title and description), a caption saying what
 * it shows and the figures as a table.
 */
import type { Child } from 'hono/jsx';
import type { Lang } from '../../../i18n/index.js';
import { renderChartSvg } from '../../charts/chart.js';
import type { ReportData } from '../model.js';
import { type Block, buildReportDocument, type Cell, type FigureBlock, type TableBlock } from './content.js';

type Level = 1 | 2 | 3 | 4 | 5 | 6;

function Heading(props: { level: number; id?: string; class?: string; children: Child }) {
  const level = Math.min(6, Math.max(1, props.level)) as Level;
  const Tag = `h${level}` as const;
  return (
    <Tag id={props.id} class={props.class}>
      {props.children}
    </Tag>
  );
}

function CellContent({ cell }: { cell: Cell }) {
  if (typeof cell === 'string') return <>{cell}</>;
  if (cell.bullets)
    return (
      <ul class="report-cell-list">
        {cell.lines.map((l) => (
          <li>{l}</li>
        ))}
      </ul>
    );
  return (
    <>
      {cell.lines.map((l, i) => (
        <>
          {i > 0 && <br />}
          {l}
        </>
      ))}
    </>
  );
}

function ReportTable({ table }: { table: TableBlock }) {
  const cls = (i: number) => (table.numeric[i] ? 'num' : undefined);
  return (
    <div class="table-wrap" role="region" aria-label={table.caption} tabindex={0}>
      <table class="report-table">
        <caption>{table.caption}</caption>
        <thead>
          <tr>
            {table.header.map((h, i) => (
              <th scope="col" class={cls(i)}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr>
              {row.map((c, i) => {
                const indent = i === 1 && table.indent?.[r] ? `report-indent-${Math.min(4, table.indent[r] ?? 0)}` : undefined;
                const klass = [cls(i), indent].filter(Boolean).join(' ') || undefined;
                return i === 0 && table.rowHeader ? (
                  <th scope="row" class={klass}>
                    <CellContent cell={c} />
                  </th>
                ) : (
                  <td class={klass}>
                    <CellContent cell={c} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        {table.total && (
          <tfoot>
            <tr>
              {table.total.map((c, i) =>
                i === 0 ? (
                  <th scope="row">{c}</th>
                ) : (
                  <td class={cls(i)}>{c}</td>
                ),
              )}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

function Figure({ block, lang }: { block: FigureBlock; lang: Lang }) {
  return (
    <figure class="report-figure" id={`report-chart-${block.chart.id}`}>
      <figcaption>
        <strong>{block.chart.title}</strong> {block.chart.summary}
      </figcaption>
      {/* The SVG comes from ECharts via renderChartSvg; every text in it is escaped there. */}
      <div class="report-chart" dangerouslySetInnerHTML={{ __html: renderChartSvg(block.chart, lang) }} />
      <ReportTable table={block.table} />
    </figure>
  );
}

function BlockView({ block, base, lang }: { block: Block; base: number; lang: Lang }) {
  switch (block.type) {
    case 'heading':
      return (
        <Heading level={base + block.level} id={`report-${block.id}`}>
          {block.text}
        </Heading>
      );
    case 'paragraph':
      return <p class={block.tone === 'missing' ? 'report-missing' : block.tone === 'lead' ? 'lead' : undefined}>{block.text}</p>;
    case 'list':
      return (
        <ul class="report-list">
          {block.items.map((i) => (
            <li>{i}</li>
          ))}
        </ul>
      );
    case 'table':
      return <ReportTable table={block} />;
    case 'figure':
      return <Figure block={block} lang={lang} />;
  }
}

/**
 * The report's content: its title block (heading at `headingLevel`, default 1), then every included
 * section (headings one level below). No `<html>` or `<head>`, no inline styles or scripts.
 * @example <ReportBody data={data} lang="sv" headingLevel={2} />
 */
export function ReportBody(props: { data: ReportData; lang: Lang; headingLevel?: 1 | 2 }) {
  const doc = buildReportDocument(props.data, props.lang);
  const base = props.headingLevel ?? 1;
  return (
    <article class="report" lang={doc.langTag === 'sv-SE' ? 'sv' : 'en'}>
      <header class="report-cover">
        <p class="report-kicker">
          {doc.municipality} · {doc.kind}
        </p>
        <Heading level={base}>{doc.title}</Heading>
        <p class="report-period">{doc.period}</p>
        <p>
          <span class={doc.draft ? 'tag tag--draft' : 'tag tag--done'}>{doc.statusLine}</span>
        </p>
        <p class="muted">{doc.generatedLine}</p>
      </header>
      {doc.blocks.map((b) => (
        <BlockView block={b} base={base} lang={props.lang} />
      ))}
    </article>
  );
}

const STYLE = `
:root { --ink: #1b1f24; --muted: #4a5563; --line: #c9d1db; --wash: #f3f6f9; --brand: #0b4f7c; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Segoe UI", Roboto, "Liberation Sans", Arial, sans-serif; color: var(--ink); line-height: 1.5; overflow-wrap: break-word; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1, h2, h3, h4 { line-height: 1.25; color: var(--brand); hyphens: auto; }
h1 { font-size: 2rem; margin: 0.25rem 0 0.75rem; }
h2 { font-size: 1.5rem; margin: 2.5rem 0 0.75rem; padding-top: 1rem; border-top: 2px solid var(--brand); }
h3 { font-size: 1.2rem; margin: 1.75rem 0 0.5rem; }
h4 { font-size: 1.05rem; margin: 1.25rem 0 0.5rem; color: var(--ink); }
p, li { max-width: 70ch; }
.lead { font-size: 1.1rem; }
.muted { color: var(--muted); }
.report-cover { padding-bottom: 1rem; }
.report-kicker { margin: 0; color: var(--muted); font-weight: 600; letter-spacing: 0.02em; }
.report-period { font-size: 1.15rem; margin: 0 0 0.5rem; }
.tag { display: inline-block; padding: 0.1rem 0.6rem; border-radius: 1rem; border: 1px solid var(--line); }
.tag--draft { background: #fff6e0; border-color: #d9b25c; }
.tag--done { background: #eef7f1; border-color: #6fb38a; }
.report-missing { font-style: italic; color: var(--muted); }
.table-wrap { overflow-x: auto; margin: 0.5rem 0 1.5rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.35rem; }
th, td { text-align: left; padding: 0.4rem 0.5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); }
tbody th { font-weight: 400; }
tfoot th, tfoot td { font-weight: 700; border-top: 2px solid var(--ink); }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.report-indent-1 { padding-left: 1.5rem; }
.report-indent-2 { padding-left: 2.75rem; }
.report-indent-3, .report-indent-4 { padding-left: 4rem; }
.report-cell-list { margin: 0; padding-left: 1.1rem; }
.report-figure { margin: 1.5rem 0; }
.report-figure figcaption { margin-bottom: 0.5rem; }
.report-chart svg { display: block; max-width: 100%; height: auto; }
@media print { h2 { break-before: page; border-top: 0; } .table-wrap { overflow: visible; } }
`;

/**
 * The report as a complete HTML document (`<html lang>`, `<title>`, embedded CSS, inline SVG charts, no script).
 * @example fs.writeFileSync('rapport.html', renderReportHtml(data, 'sv'))
 */
export function renderReportHtml(data: ReportData, lang: Lang): string {
  const doc = buildReportDocument(data, lang);
  const page = (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${doc.title} – ${doc.municipality}`}</title>
        <meta name="generator" content="Utblick" />
        {/* A constant stylesheet: the downloaded file has no server to fetch one from. */}
        <style dangerouslySetInnerHTML={{ __html: STYLE }} />
      </head>
      <body>
        <main>
          <ReportBody data={data} lang={lang} />
        </main>
      </body>
    </html>
  );
  return `<!doctype html>\n${page.toString()}`;
}
