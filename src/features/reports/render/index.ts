/**
 * The half-year report's documents (AL-13), rendered from its `ReportData` alone, so a finalised
 * report renders the same forever: Word that officials edit and file (`renderReportDocx`), a tagged
 * PDF (`renderReportPdf`), and an accessible, standalone HTML page (`renderReportHtml`). All three
 * draw the same content (`content.ts`) and the same charts (`reportCharts`, each also shown as a table).
 */
import type { ReportData } from '../model.js';

export { reportCharts } from './charts.js';
export { renderReportDocx } from './docx.js';
export { ReportBody, renderReportHtml } from './html.js';
export { renderReportPdf } from './pdf.js';

/** File names, e.g. `halvarsrapport-arvika-2026H1.docx`. */
export function reportFilename(data: Pick<ReportData, 'municipality' | 'period'>, format: 'docx' | 'pdf' | 'html'): string {
  return `halvarsrapport-${data.municipality.slug}-${data.period.key}.${format}`;
}
