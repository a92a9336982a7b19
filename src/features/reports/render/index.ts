/** The half-year report's documents, rendered from its ReportData alone: to be built (helper H2). */
import type { Lang } from '../../../i18n/index.js';
import type { ChartSpec } from '../../charts/chart.js';
import type { ReportData } from '../model.js';

/** The report's charts (funding per half-year, funding by source, budget, goals …), each also shown as a table. */
export function reportCharts(data: ReportData, lang: Lang): ChartSpec[] {
  throw new Error(`not built yet ${data.period.key} ${lang}`);
}

/** Word (.docx) that officials can edit and file. */
export async function renderReportDocx(data: ReportData, lang: Lang): Promise<Buffer> {
  throw new Error(`not built yet ${data.period.key} ${lang}`);
}

/** Tagged PDF (pdfkit): document language, title, structure tree. */
export async function renderReportPdf(data: ReportData, lang: Lang): Promise<Buffer> {
  throw new Error(`not built yet ${data.period.key} ${lang}`);
}

/** A standalone, accessible HTML document (inline CSS, SVG charts, no script). */
export function renderReportHtml(data: ReportData, lang: Lang): string {
  throw new Error(`not built yet ${data.period.key} ${lang}`);
}

/** File names, e.g. `halvarsrapport-arvika-2026H1.docx`. */
export function reportFilename(data: Pick<ReportData, 'municipality' | 'period'>, format: 'docx' | 'pdf' | 'html'): string {
  return `halvarsrapport-${data.municipality.slug}-${data.period.key}.${format}`;
}
