/**
 * One chart on a page: its heading, the summary in words, the SVG, the same figures as a table,
 * and (in the back office) links to download it as SVG, PNG and CSV. Used by the dashboard and
 * by the public municipality page.
 */
import { type Lang, tr } from '../../i18n/index.js';
import { chartTable, type DashboardChart, inlineChartSvg } from './charts.js';
import { D } from './messages.js';

export type ExportFormat = 'svg' | 'png' | 'csv';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['svg', 'png', 'csv'];

const FORMAT_NAME: Record<ExportFormat, string> = { svg: 'SVG', png: 'PNG', csv: 'CSV' };

/** The chart's figures as a table: a caption, column headers, and each row's category as its header. */
export function ChartTable(props: { chart: DashboardChart; lang: Lang }) {
  const { chart, lang } = props;
  const table = chartTable(chart, lang);
  return (
    <div class="table-wrap" role="region" aria-label={chart.spec.title} tabindex={0}>
      <table class="data chart-data">
        <caption>{chart.spec.title}</caption>
        <thead>
          <tr>
            {table.header.map((h, i) => (
              <th scope="col" class={i > 0 ? 'num' : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map(([first, ...cells]) => (
            <tr>
              <th scope="row">{first}</th>
              {cells.map((v) => (
                <td class="num">{v}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A chart as a `<figure>`: heading (`h3` unless told), summary, picture, table (folded away unless
 * `openTable`), and download links when `exportHref` is given.
 */
export function ChartFigure(props: { chart: DashboardChart; lang: Lang; heading?: 'h1' | 'h2' | 'h3'; exportHref?: (format: ExportFormat) => string; openTable?: boolean }) {
  const { chart, lang } = props;
  const id = chart.spec.id;
  const Heading = props.heading ?? 'h3';
  return (
    <figure class="chart" id={`diagram-${id}`} aria-labelledby={`diagram-${id}-rubrik`}>
      <Heading id={`diagram-${id}-rubrik`}>{chart.spec.title}</Heading>
      <p class="chart-summary">{chart.spec.summary}</p>
      {!chart.empty && (
        <>
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the SVG is built on the server; ECharts and renderChartSvg escape every text (charts.test.ts checks hostile names) */}
          <div class="chart-image" dangerouslySetInnerHTML={{ __html: inlineChartSvg(chart.spec, lang) }} />
          <details class="chart-table" open={props.openTable}>
            <summary>{tr(D.showTable, lang)}</summary>
            <ChartTable chart={chart} lang={lang} />
          </details>
          {props.exportHref && (
            <p class="chart-exports">
              {tr(D.download, lang)}:{' '}
              {EXPORT_FORMATS.map((f, i) => (
                <>
                  {i > 0 && ' · '}
                  <a href={props.exportHref!(f)} download>
                    {f === 'csv' ? tr(D.csvName, lang) : FORMAT_NAME[f]}
                    <span class="visually-hidden"> ({tr(D.downloadAs, lang, { title: chart.spec.title, format: FORMAT_NAME[f] })})</span>
                  </a>
                </>
              ))}
            </p>
          )}
        </>
      )}
    </figure>
  );
}
