/**
 * The half-year report's documents (AL-13), rendered from its `ReportData` alone, so a finalised
 * report renders the same forever: Word that officials edit and file, a tagged PDF, and an
 * accessible HTML page. All three draw the same content (`content.ts`) and the same charts.
 */
import type { Lang } from '../../../i18n/index.js';
import type { ChartSpec } from '../../charts/chart.js';
import type { ReportData } from '../model.js';
import { reportCharts as charts } from './charts.js';
import { renderReportDocx as docx } from './docx.js';
import { renderReportHtml as html } from './html.js';
import { renderReportPdf as pdf } from './pdf.js';

/** The report's charts (funding per half-year, funding by source, budget, goals …), each also shown as a table. */
export function reportCharts(data: ReportData, lang: Lang): ChartSpec[] {
  return charts(data, lang);
}

/** Word (.docx) that officials can edit and file. */
export async function renderReportDocx(data: ReportData, lang: Lang): Promise<Buffer> {
  return docx(data, lang);
}

/** Tagged PDF (pdfkit): document language, title, structure tree. */
export async function renderReportPdf(data: ReportData, lang: Lang): Promise<Buffer> {
  return pdf(data, lang);
}

/** A standalone, accessible HTML document (inline CSS, SVG charts, no script). */
export function renderReportHtml(data: ReportData, lang: Lang): string {
  return html(data, lang);
}

/** File names, e.g. `halvarsrapport-arvika-2026H1.docx`. */
export function reportFilename(data: Pick<ReportData, 'municipality' | 'period'>, format: 'docx' | 'pdf' | 'html'): string {
  return `halvarsrapport-${data.municipality.slug}-${data.period.key}.${format}`;
}

export { ReportBody } from './html.js';
