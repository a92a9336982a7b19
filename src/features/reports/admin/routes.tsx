/**
 * Back office of the half-year report (AL-13, issue 5) under `/admin/:kommun/halvarsrapporter`
 * (English under `/en/admin/…`, same paths):
 *
 * | path | what | policy |
 * | --- | --- | --- |
 * | `` | the reports with status, completion and due dates; a new draft (POST) | view; publish |
 * | `:id` | a report: completion per unit, summary, downloads, the report itself | view |
 * | `:id/avsnitt/:unitId` (+ `/ater-oppna`) | a unit's section: figures, comment, ready; reopen | edit on the unit |
 * | `:id/sammanfattning` | title and summary | publish |
 * | `:id/struktur` | sections, order, headings, units with a section | publish |
 * | `:id/slutfor` | confirmation, then finalise and send | publish |
 * | `:id/skicka` (POST) | send a finalised report again | publish |
 * | `:id/<halvarsrapport-…>.{docx,pdf,html}` | the documents: a draft's rendered now, a finalised report's archived | view |
 *
 * And `/:kommun/installningar/uppfoljning` (settings.tsx). A finalised report is frozen: every
 * POST that would change it answers 409 and writes nothing.
 */
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../../../app-env.js';
import type { Lang } from '../../../i18n/index.js';
import { type FormErrors, type FormValues, str } from '../../../ui/forms.js';
import { type AdminScope, idParam, noticeOf, readForm, requireAdminMunicipality } from '../../admin/context.js';
import { adminPageContext } from '../../admin/layout.js';
import { contentDisposition } from '../../attachments/filename.js';
import { todayInSweden } from '../../decisions/registry.js';
import { authorize, can, recordNotFound } from '../../policy/policy.js';
import { halfYearOf, halfYearsUpTo, parseHalfYear, previousHalfYear } from '../period.js';
import { reportFilename } from '../render/index.js';
import { parseStructureForm, parseSectionForm, parseSummaryForm, structureValues } from './forms.js';
import { SectionPage, StructurePage, SummaryPage } from './form-pages.js';
import { NOTICES, R, tr } from './messages.js';
import { FinalisePage, periodLabel, ReportListPage, ReportPage, reportHref, unitName } from './pages.js';
import { parseRecipients } from './recipients.js';
import { findReport, findReportFile, findSection, listReports, listSections, listUnits, loadFollowUpSettings, parseStructure, type ReportRow } from './repository.js';
import { assertDraft, createDraft, finaliseReport, MEDIA_TYPES, REPORT_FORMATS, type SendResult, reopenSection, renderDraft, reportContent, saveSection, saveStructure, saveSummary, sendReport, sha256 } from './service.js';
import { followUpSettingsRoutes } from './settings.js';

type C = Context<AppEnv>;

/** How many half-years the new-draft form offers: the current one and the six before it. */
const OFFERED_PERIODS = 7;

/** The half-years offered for a new draft, newest first, and the default: the last finished one. */
function offeredPeriods(today: string): { periods: string[]; preselected: string } {
  const current = halfYearOf(today);
  return { periods: halfYearsUpTo(current, OFFERED_PERIODS).map((p) => p.key).reverse(), preselected: previousHalfYear(current).key };
}

/** The notice after finalising (and sending), and after sending again. */
const SEND_NOTICE: Record<SendResult, string> = { sent: 'finalised', failed: 'finalised_not_sent', no_recipients: 'finalised_no_recipients' };
const RESEND_NOTICE: Record<SendResult, string> = { sent: 'sent', failed: 'send_failed', no_recipients: 'finalised_no_recipients' };

export function reportAdminRoutes(lang: Lang): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const base = '/:kommun/halvarsrapporter';
  const href = (scope: AdminScope, rest = '') => reportHref(lang, scope.municipality.slug, rest);

  /** The municipality (after checking `action` there) and the report in the URL, or 404. */
  const requireReport = async (c: C, action: 'view' | 'publish' = 'view'): Promise<{ scope: AdminScope; report: ReportRow }> => {
    const scope = await requireAdminMunicipality(c, action);
    const report = await findReport(c.var.handle.db, scope.municipality.id, idParam(c));
    if (!report) throw recordNotFound(lang);
    return { scope, report };
  };

  // ── The list and a new draft ──────────────────────────────────────────────

  const listPage = async (c: C, scope: AdminScope, status: 200 | 400, values?: FormValues, errors: FormErrors = {}, duplicate?: ReportRow) => {
    const db = c.var.handle.db;
    const reports = await listReports(db, scope.municipality.id);
    const sections = await listSections(db, reports.map((r) => r.id));
    const { periods, preselected } = offeredPeriods(todayInSweden());
    const ctx = await adminPageContext(c, scope.municipality);
    c.status(status);
    return c.html(
      <ReportListPage
        ctx={ctx}
        reports={reports}
        sections={sections}
        canPublish={can(scope.actor, 'publish', { municipalityId: scope.municipality.id })}
        periods={periods}
        values={values ?? { period: preselected }}
        errors={errors}
        duplicate={duplicate}
        notice={status === 200 ? noticeOf(c, NOTICES) : undefined}
      />,
    );
  };

  app.get(base, async (c) => listPage(c, await requireAdminMunicipality(c), 200));

  app.post(base, async (c) => {
    const scope = await requireAdminMunicipality(c, 'publish');
    const values = await readForm(c);
    const key = str(values, 'period');
    const period = offeredPeriods(todayInSweden()).periods.includes(key) ? parseHalfYear(key) : null;
    if (!period) return listPage(c, scope, 400, values, { period: tr(R.badPeriod, lang) });
    const result = await createDraft(c.var.handle.db, scope.actor, scope.municipality.id, period);
    if (!result.ok) return listPage(c, scope, 400, values, { period: tr(R.duplicate, lang, { period: periodLabel(period.key, lang) }) }, result.existing);
    return c.redirect(`${href(scope, `/${result.id}`)}?klart=created`, 303);
  });

  // ── A unit's section ──────────────────────────────────────────────────────

  /** The report and the unit's section; 'edit' on the unit (unit editors: their own units). */
  const requireSection = async (c: C) => {
    const scope = await requireAdminMunicipality(c);
    const unitId = idParam(c, 'unitId');
    authorize(scope.actor, 'edit', { municipalityId: scope.municipality.id, ownerUnitId: unitId }, lang);
    const db = c.var.handle.db;
    const report = await findReport(db, scope.municipality.id, idParam(c));
    const section = report && (await findSection(db, report.id, unitId));
    if (!report || !section) throw recordNotFound(lang);
    return { scope, report, section };
  };

  const sectionPage = async (c: C, r: Awaited<ReturnType<typeof requireSection>>, status: 200 | 400 | 409, values: FormValues, errors: FormErrors = {}) => {
    const data = await reportContent(c.var.handle.db, r.report);
    const ctx = await adminPageContext(c, r.scope.municipality);
    c.status(status);
    return c.html(<SectionPage ctx={ctx} report={r.report} section={r.section} data={data} values={values} errors={errors} notice={status === 200 ? noticeOf(c, NOTICES) : undefined} />);
  };

  app.get(`${base}/:id/avsnitt/:unitId`, async (c) => {
    const r = await requireSection(c);
    return sectionPage(c, r, 200, { comment: r.section.comment ?? '', version: String(r.section.version) });
  });

  app.post(`${base}/:id/avsnitt/:unitId`, async (c) => {
    const r = await requireSection(c);
    assertDraft(r.report, lang);
    const values = await readForm(c);
    const parsed = parseSectionForm(values, lang);
    if (!parsed.ok) return sectionPage(c, r, 400, values, parsed.errors);
    const db = c.var.handle.db;
    const result = await saveSection(db, r.scope.actor, r.scope.municipality.id, r.report.id, r.section.unitId, parsed.data, lang);
    if (result.ok) return c.redirect(`${href(r.scope, `/${r.report.id}`)}?klart=${parsed.data.ready ? 'section_ready' : 'section'}`, 303);
    const now = await findSection(db, r.report.id, r.section.unitId);
    if (!now) throw recordNotFound(lang);
    // Keep what the person wrote; the page shows the saved section, and the next save may overwrite it.
    return sectionPage(c, { ...r, section: now }, 409, { ...values, version: String(now.version) }, { comment: tr(R.sectionConflict, lang) });
  });

  app.post(`${base}/:id/avsnitt/:unitId/ater-oppna`, async (c) => {
    const r = await requireSection(c);
    assertDraft(r.report, lang);
    const result = await reopenSection(c.var.handle.db, r.scope.actor, r.scope.municipality.id, r.report.id, r.section.unitId, lang);
    if (!result.ok) throw recordNotFound(lang);
    return c.redirect(`${href(r.scope, `/${r.report.id}/avsnitt/${r.section.unitId}`)}?klart=reopened`, 303);
  });

  // ── Title and summary ─────────────────────────────────────────────────────

  const summaryPage = async (c: C, scope: AdminScope, report: ReportRow, status: 200 | 400 | 409, values: FormValues, errors: FormErrors = {}) => {
    const ctx = await adminPageContext(c, scope.municipality);
    c.status(status);
    return c.html(<SummaryPage ctx={ctx} report={report} values={values} errors={errors} />);
  };

  app.get(`${base}/:id/sammanfattning`, async (c) => {
    const { scope, report } = await requireReport(c, 'publish');
    assertDraft(report, lang);
    return summaryPage(c, scope, report, 200, { title_sv: report.title_sv, title_en: report.title_en ?? '', summary: report.summary_sv ?? '', version: String(report.version) });
  });

  app.post(`${base}/:id/sammanfattning`, async (c) => {
    const { scope, report } = await requireReport(c, 'publish');
    assertDraft(report, lang);
    const values = await readForm(c);
    const parsed = parseSummaryForm(values, lang);
    if (!parsed.ok) return summaryPage(c, scope, report, 400, values, parsed.errors);
    const result = await saveSummary(c.var.handle.db, scope.actor, scope.municipality.id, report.id, parsed.data, lang);
    if (result.ok) return c.redirect(`${href(scope, `/${report.id}`)}?klart=summary`, 303);
    const now = (await findReport(c.var.handle.db, scope.municipality.id, report.id)) ?? report;
    return summaryPage(c, scope, now, 409, { ...values, version: String(now.version) }, { summary: tr(R.reportConflict, lang) });
  });

  // ── Structure ─────────────────────────────────────────────────────────────

  /** The units a report's structure form offers: the usual kinds, and whoever has a section already. */
  const unitsOf = async (c: C, scope: AdminScope, report: ReportRow) => {
    const sections = await listSections(c.var.handle.db, [report.id]);
    return listUnits(c.var.handle.db, scope.municipality.id, sections.map((s) => s.unitId));
  };

  const structurePage = async (c: C, scope: AdminScope, report: ReportRow, status: 200 | 400 | 409, values: FormValues, errors: FormErrors = {}, askConfirm = false) => {
    const units = await unitsOf(c, scope, report);
    const ctx = await adminPageContext(c, scope.municipality);
    const order = parseStructure(report.structure).sections.map((s) => s.key);
    c.status(status);
    return c.html(<StructurePage ctx={ctx} report={report} order={order} units={units} values={values} errors={errors} askConfirm={askConfirm} />);
  };

  app.get(`${base}/:id/struktur`, async (c) => {
    const { scope, report } = await requireReport(c, 'publish');
    assertDraft(report, lang);
    const sections = await listSections(c.var.handle.db, [report.id]);
    const values = structureValues(parseStructure(report.structure), sections.map((s) => s.unitId));
    return structurePage(c, scope, report, 200, { ...values, version: String(report.version) });
  });

  app.post(`${base}/:id/struktur`, async (c) => {
    const { scope, report } = await requireReport(c, 'publish');
    assertDraft(report, lang);
    const db = c.var.handle.db;
    const values = await readForm(c);
    const parsed = parseStructureForm(values, await unitsOf(c, scope, report), lang);
    if (!parsed.ok) return structurePage(c, scope, report, 400, values, parsed.errors);
    const sections = await listSections(db, [report.id]);
    const losing = sections.filter((s) => s.comment && !parsed.data.unitIds.includes(s.unitId));
    if (losing.length && !parsed.data.confirmRemove) {
      const names = losing.map((s) => unitName(s, lang)).join(', ');
      return structurePage(c, scope, report, 400, values, { confirm_remove: tr(R.removeWithComment, lang, { units: names }) }, true);
    }
    const result = await saveStructure(db, scope.actor, scope.municipality.id, report.id, { sections: parsed.data.sections, unitIds: parsed.data.unitIds, version: parsed.data.version }, lang);
    if (result.ok) return c.redirect(`${href(scope, `/${report.id}`)}?klart=structure`, 303);
    const now = (await findReport(db, scope.municipality.id, report.id)) ?? report;
    // The error links to the first field of the form.
    const first = parseStructure(now.structure).sections[0]!.key;
    return structurePage(c, scope, now, 409, { ...values, version: String(now.version) }, { [`include_${first}`]: tr(R.reportConflict, lang) });
  });

  // ── Finalising and sending ────────────────────────────────────────────────

  const finalisePage = async (c: C, scope: AdminScope, report: ReportRow, status: 200 | 400, values: FormValues, errors: FormErrors = {}) => {
    const db = c.var.handle.db;
    const [sections, settings] = await Promise.all([listSections(db, [report.id]), loadFollowUpSettings(db, scope.municipality.id)]);
    const ctx = await adminPageContext(c, scope.municipality);
    c.status(status);
    return c.html(<FinalisePage ctx={ctx} report={report} sections={sections} recipients={parseRecipients(settings.reportRecipients).recipients} registryPrefix={settings.registryPrefix} values={values} errors={errors} />);
  };

  app.get(`${base}/:id/slutfor`, async (c) => {
    const { scope, report } = await requireReport(c, 'publish');
    assertDraft(report, lang);
    return finalisePage(c, scope, report, 200, {});
  });

  app.post(`${base}/:id/slutfor`, async (c) => {
    const { scope, report } = await requireReport(c, 'publish');
    assertDraft(report, lang);
    const values = await readForm(c);
    const db = c.var.handle.db;
    const result = await finaliseReport(db, scope.actor, scope.municipality.id, report.id, str(values, 'anyway') === '1', lang);
    if (!result.ok) return finalisePage(c, scope, report, 400, values, { anyway: tr(R.finaliseAnywayError, lang) });
    const sent = await sendReport(db, c.var.config, scope.actor, scope.municipality, report.id, lang);
    return c.redirect(`${href(scope, `/${report.id}`)}?klart=${SEND_NOTICE[sent]}`, 303);
  });

  app.post(`${base}/:id/skicka`, async (c) => {
    const { scope, report } = await requireReport(c, 'publish');
    const sent = await sendReport(c.var.handle.db, c.var.config, scope.actor, scope.municipality, report.id, lang);
    return c.redirect(`${href(scope, `/${report.id}`)}?klart=${RESEND_NOTICE[sent]}`, 303);
  });

  // ── The report and its documents ──────────────────────────────────────────

  app.get(`${base}/:id`, async (c) => {
    const { scope, report } = await requireReport(c);
    const db = c.var.handle.db;
    const m = scope.municipality.id;
    const sections = await listSections(db, [report.id]);
    const [data, settings, previous] = await Promise.all([
      reportContent(db, report, sections),
      loadFollowUpSettings(db, m),
      report.previous_report_id ? findReport(db, m, report.previous_report_id) : undefined,
    ]);
    const ctx = await adminPageContext(c, scope.municipality);
    return c.html(
      <ReportPage
        ctx={ctx}
        report={report}
        sections={sections}
        data={data}
        canEditUnit={(unitId) => can(scope.actor, 'edit', { municipalityId: m, ownerUnitId: unitId })}
        canPublish={can(scope.actor, 'publish', { municipalityId: m })}
        canSeeHistory={can(scope.actor, 'view_audit', { municipalityId: m })}
        recipients={parseRecipients(settings.reportRecipients).recipients}
        previous={previous}
        notice={noticeOf(c, NOTICES)}
      />,
    );
  });

  app.get(`${base}/:id/:filename`, async (c) => {
    const { scope, report } = await requireReport(c);
    const name = c.req.param('filename');
    const m = scope.municipality;
    const period = parseHalfYear(report.period);
    const ref = { municipality: { id: m.id, name: m.name_sv, nameEn: m.name_en, slug: m.slug }, period: { key: report.period, start: period?.start ?? '', end: period?.end ?? '' } };
    const format = REPORT_FORMATS.find((f) => reportFilename(ref, f) === name);
    if (!format) throw recordNotFound(lang);
    const db = c.var.handle.db;
    let content: Uint8Array;
    let sha: string;
    if (report.status === 'finalised') {
      const file = await findReportFile(db, report.id, format);
      if (!file) throw recordNotFound(lang);
      content = file.content;
      sha = file.sha256;
    } else {
      content = await renderDraft(await reportContent(db, report), format, lang);
      sha = sha256(content);
    }
    const etag = `"${sha}"`;
    c.header('ETag', etag);
    c.header('X-Content-Type-Options', 'nosniff');
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    return c.body(content as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': MEDIA_TYPES[format],
      'Content-Disposition': contentDisposition(name, 'attachment'),
      'Content-Length': String(content.byteLength),
    });
  });

  app.route('/', followUpSettingsRoutes(lang));
  return app;
}
