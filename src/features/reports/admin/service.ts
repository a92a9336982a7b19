/**
 * The half-year report's workflow (AL-13): a draft for a half-year, each unit's comment and
 * "ready", the coordinator's summary and structure, and finalising: a registry number, the frozen
 * content (`snapshot`), the archived Word, PDF and HTML documents, and one e-mail to the
 * recipients with the documents attached.
 *
 * Every change is one transaction with its audit entry. A finalised report is frozen: every write
 * re-reads the report's status inside its transaction and refuses (409) when it is finalised, so
 * nothing changes it after finalising, not even a form posted a moment too late. Sections and the
 * report carry a `version` for optimistic locking: a form posted from a stale page writes nothing.
 */
import { createHash } from 'node:crypto';
import type { Config } from '../../../config/env.js';
import type { Db } from '../../../db/database.js';
import { nowIso } from '../../../db/database.js';
import type { ReportFormat } from '../../../db/schema.js';
import { AppError } from '../../../errors/index.js';
import { formatDate, type Lang } from '../../../i18n/index.js';
import { log } from '../../../log.js';
import { recordAudit } from '../../audit/chain.js';
import { issueRegistryNumber, registryYear, todayInSweden } from '../../decisions/registry.js';
import { mailerFor, type MailAttachment } from '../../mail/mailer.js';
import { type Actor, auditActor } from '../../policy/actor.js';
import { recordNotFound } from '../../policy/policy.js';
import { addDays } from '../../strategy/progress/cycles.js';
import { buildReportData, defaultStructure, defaultTitle } from '../data.js';
import type { ReportData, ReportStructure } from '../model.js';
import { type HalfYear, halfYearLabel, parseHalfYear } from '../period.js';
import { renderReportDocx, renderReportHtml, renderReportPdf, reportFilename } from '../render/index.js';
import { R, tr } from './messages.js';
import { mailAddress, parseRecipients } from './recipients.js';
import { findReport, findReportOfPeriod, findSection, type FollowUpInput, listSections, listUnits, loadFollowUpSettings, parseStructure, previousReport, type ReportRow, reportText, type SectionRow } from './repository.js';

/** The report's documents, in the order they are archived, attached and offered. */
export const REPORT_FORMATS: readonly ReportFormat[] = ['docx', 'pdf', 'html'];

export const MEDIA_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
};

/** The HTML document goes with the mail too when it is at most this large. */
export const MAX_HTML_ATTACHMENT_BYTES = 1_000_000;

export const LIMITS = { comment: 20_000, summary: 20_000, title: 200, heading: 120 };

/** The SHA-256 of a document, in hex (archived with it, and a draft download's ETag). */
export const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Throws 409 "finalised" unless the report (re-read in the transaction) is still a draft. */
async function lockDraft(trx: Db, municipalityId: number, reportId: number, lang: Lang): Promise<ReportRow> {
  const report = await findReport(trx, municipalityId, reportId);
  if (!report) throw recordNotFound(lang);
  assertDraft(report, lang);
  return report;
}

/** Throws 409 "finalised" when the report is finalised (before reading a form). */
export function assertDraft(report: ReportRow, lang: Lang): void {
  if (report.status !== 'draft') throw new AppError('conflict', tr(R.frozen, lang));
}

// ── A new draft ─────────────────────────────────────────────────────────────

export type CreateResult = { ok: true; id: number } | { ok: false; existing: ReportRow };

/**
 * A draft report for the half-year: the default title, the previous report's structure (else the
 * default one), a section per unit, and due dates from the settings.
 */
export async function createDraft(db: Db, actor: Actor, municipalityId: number, period: HalfYear): Promise<CreateResult> {
  return db.transaction().execute(async (trx): Promise<CreateResult> => {
    const existing = await findReportOfPeriod(trx, municipalityId, period.key);
    if (existing) return { ok: false, existing };
    const previous = await previousReport(trx, municipalityId, period.key);
    const base: ReportStructure = previous ? parseStructure(previous.structure) : await defaultStructure(trx, municipalityId);
    if (previous) base.unitIds = (await listSections(trx, [previous.id])).map((s) => s.unitId);
    const units = new Set((await listUnits(trx, municipalityId, base.unitIds)).map((u) => u.id));
    const structure: ReportStructure = { sections: base.sections, unitIds: base.unitIds.filter((id) => units.has(id)) };
    const settings = await loadFollowUpSettings(trx, municipalityId);
    const now = nowIso();
    const values = {
      municipality_id: municipalityId,
      period: period.key,
      title_sv: defaultTitle(period, 'sv'),
      title_en: defaultTitle(period, 'en'),
      summary_sv: null,
      summary_en: null,
      structure: JSON.stringify(structure),
      sections_due_on: addDays(period.end, settings.reportSectionsDueDays),
      due_on: addDays(period.end, settings.reportDueDays),
      previous_report_id: previous?.id ?? null,
      snapshot: null,
      registry_number: null,
      finalised_on: null,
      finalised_at: null,
      finalised_by: null,
      sent_to: null,
      sent_at: null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    };
    const id = Number((await trx.insertInto('half_year_reports').values(values).returning('id').executeTakeFirstOrThrow()).id);
    if (structure.unitIds.length) {
      await trx
        .insertInto('half_year_report_sections')
        .values(structure.unitIds.map((unitId, position) => ({ report_id: id, unit_id: unitId, position, comment_sv: null, comment_en: null, ready_at: null, ready_by: null, updated_by: actor.userId, updated_at: now })))
        .execute();
    }
    await recordAudit(trx, { municipalityId, actor: auditActor(actor), action: 'create', entity: 'half_year_report', entityId: id, before: null, after: { ...values, id } });
    return { ok: true, id };
  });
}

// ── A unit's section ────────────────────────────────────────────────────────

export type WriteResult = { ok: true } | { ok: false; reason: 'conflict' | 'not_found' };

export interface SectionInput {
  comment: string | null;
  ready: boolean;
  version: number;
}

/** Saves a unit's comment, and marks the section ready when asked; nothing is written from a stale form. */
export async function saveSection(db: Db, actor: Actor, municipalityId: number, reportId: number, unitId: number, input: SectionInput, lang: Lang): Promise<WriteResult> {
  return db.transaction().execute(async (trx): Promise<WriteResult> => {
    await lockDraft(trx, municipalityId, reportId, lang);
    const before = await findSection(trx, reportId, unitId);
    if (!before) return { ok: false, reason: 'not_found' };
    if (before.version !== input.version) return { ok: false, reason: 'conflict' };
    const now = nowIso();
    const ready = input.ready ? { ready_at: before.readyAt ?? now, ready_by: before.readyAt ? before.readyBy : actor.userId } : {};
    const res = await trx
      .updateTable('half_year_report_sections')
      .set((eb) => ({ comment_sv: input.comment, ...ready, updated_by: actor.userId, updated_at: now, version: eb('version', '+', 1) }))
      .where('report_id', '=', reportId)
      .where('unit_id', '=', unitId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return { ok: false, reason: 'conflict' };
    await recordAudit(trx, {
      municipalityId,
      actor: auditActor(actor),
      action: input.ready && !before.readyAt ? 'mark_section_ready' : 'update_section',
      entity: 'half_year_report',
      entityId: reportId,
      before: { unit_id: unitId, comment_sv: before.comment, ready_at: before.readyAt },
      after: { unit_id: unitId, comment_sv: input.comment, ready_at: input.ready ? (before.readyAt ?? now) : before.readyAt },
    });
    return { ok: true };
  });
}

/** Takes back a section's "ready", so the unit can go on writing. */
export async function reopenSection(db: Db, actor: Actor, municipalityId: number, reportId: number, unitId: number, lang: Lang): Promise<WriteResult> {
  return db.transaction().execute(async (trx): Promise<WriteResult> => {
    await lockDraft(trx, municipalityId, reportId, lang);
    const before = await findSection(trx, reportId, unitId);
    if (!before) return { ok: false, reason: 'not_found' };
    if (!before.readyAt) return { ok: true };
    await trx
      .updateTable('half_year_report_sections')
      .set((eb) => ({ ready_at: null, ready_by: null, updated_by: actor.userId, updated_at: nowIso(), version: eb('version', '+', 1) }))
      .where('report_id', '=', reportId)
      .where('unit_id', '=', unitId)
      .execute();
    await recordAudit(trx, { municipalityId, actor: auditActor(actor), action: 'reopen_section', entity: 'half_year_report', entityId: reportId, before: { unit_id: unitId, ready_at: before.readyAt }, after: { unit_id: unitId, ready_at: null } });
    return { ok: true };
  });
}

// ── The coordinator's parts ─────────────────────────────────────────────────

/** Updates the report's row (a draft, at the given version) with its audit entry. */
async function updateDraft(db: Db, actor: Actor, municipalityId: number, reportId: number, version: number, action: string, change: (before: ReportRow) => Record<string, string | null>, lang: Lang, extra?: (trx: Db, before: ReportRow) => Promise<void>): Promise<WriteResult> {
  return db.transaction().execute(async (trx): Promise<WriteResult> => {
    const before = await lockDraft(trx, municipalityId, reportId, lang);
    if (before.version !== version) return { ok: false, reason: 'conflict' };
    const set = change(before);
    const res = await trx
      .updateTable('half_year_reports')
      .set((eb) => ({ ...set, updated_at: nowIso(), version: eb('version', '+', 1) }))
      .where('id', '=', reportId)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return { ok: false, reason: 'conflict' };
    await extra?.(trx, before);
    const beforeValues = Object.fromEntries(Object.keys(set).map((k) => [k, before[k as keyof ReportRow]]));
    await recordAudit(trx, { municipalityId, actor: auditActor(actor), action, entity: 'half_year_report', entityId: reportId, before: beforeValues, after: set });
    return { ok: true };
  });
}

export interface SummaryInput {
  title: string;
  titleEn: string | null;
  summary: string | null;
  version: number;
}

/** Saves the report's title and the coordinator's summary. */
export function saveSummary(db: Db, actor: Actor, municipalityId: number, reportId: number, input: SummaryInput, lang: Lang): Promise<WriteResult> {
  return updateDraft(db, actor, municipalityId, reportId, input.version, 'update', () => ({ title_sv: input.title, title_en: input.titleEn, summary_sv: input.summary }), lang);
}

export interface StructureInput {
  sections: ReportStructure['sections'];
  unitIds: number[];
  version: number;
}

/**
 * Saves which sections the report has (order, headings) and which units get a section: new units
 * get an empty section, removed units lose theirs (the caller has confirmed removing comments).
 */
export function saveStructure(db: Db, actor: Actor, municipalityId: number, reportId: number, input: StructureInput, lang: Lang): Promise<WriteResult> {
  const structure: ReportStructure = { sections: input.sections, unitIds: input.unitIds };
  return updateDraft(db, actor, municipalityId, reportId, input.version, 'update_structure', () => ({ structure: JSON.stringify(structure) }), lang, async (trx) => {
    const now = nowIso();
    const current = new Set((await listSections(trx, [reportId])).map((s) => s.unitId));
    const removed = [...current].filter((id) => !input.unitIds.includes(id));
    if (removed.length) await trx.deleteFrom('half_year_report_sections').where('report_id', '=', reportId).where('unit_id', 'in', removed).execute();
    for (const [position, unitId] of input.unitIds.entries()) {
      if (current.has(unitId)) await trx.updateTable('half_year_report_sections').set({ position }).where('report_id', '=', reportId).where('unit_id', '=', unitId).execute();
      else await trx.insertInto('half_year_report_sections').values({ report_id: reportId, unit_id: unitId, position, comment_sv: null, comment_en: null, ready_at: null, ready_by: null, updated_by: actor.userId, updated_at: now }).execute();
    }
  });
}

// ── Reading the content ─────────────────────────────────────────────────────

/**
 * The report's content: a draft's from live data as of today, a finalised report's frozen snapshot.
 * `sections`: the report's sections when the caller has already read them.
 */
export async function reportContent(db: Db, report: ReportRow, sections?: SectionRow[]): Promise<ReportData> {
  if (report.status === 'finalised' && report.snapshot) return JSON.parse(report.snapshot) as ReportData;
  const period = parseHalfYear(report.period);
  if (!period) throw new Error(`half_year_reports ${report.id}: bad period ${report.period}`);
  sections ??= await listSections(db, [report.id]);
  return buildReportData(db, report.municipality_id, period, { today: todayInSweden(), now: nowIso(), text: reportText(report, sections) });
}

/** A draft's document, rendered now from live data. */
export async function renderDraft(data: ReportData, format: ReportFormat, lang: Lang): Promise<Uint8Array> {
  if (format === 'docx') return new Uint8Array(await renderReportDocx(data, lang));
  if (format === 'pdf') return new Uint8Array(await renderReportPdf(data, lang));
  return new TextEncoder().encode(renderReportHtml(data, lang));
}

// ── Finalising and sending ──────────────────────────────────────────────────

export type FinaliseResult = { ok: true; registryNumber: string } | { ok: false; reason: 'incomplete'; notReady: number[] };

/**
 * Finalises the draft in one transaction: a registry number (the decisions' counter and prefix),
 * today's date, the content frozen as `snapshot`, the Word, PDF and HTML documents (Swedish)
 * archived with their SHA-256. Sections not ready need `anyway`.
 */
export async function finaliseReport(db: Db, actor: Actor, municipalityId: number, reportId: number, anyway: boolean, lang: Lang): Promise<FinaliseResult> {
  return db.transaction().execute(async (trx): Promise<FinaliseResult> => {
    const report = await lockDraft(trx, municipalityId, reportId, lang);
    const period = parseHalfYear(report.period);
    if (!period) throw new Error(`half_year_reports ${report.id}: bad period ${report.period}`);
    const sections = await listSections(trx, [report.id]);
    const notReady = sections.filter((s) => !s.readyAt).map((s) => s.unitId);
    if (notReady.length && !anyway) return { ok: false, reason: 'incomplete', notReady };
    const settings = await loadFollowUpSettings(trx, municipalityId);
    const registryNumber = await issueRegistryNumber(trx, municipalityId, settings.registryPrefix, registryYear());
    const finalisedOn = todayInSweden();
    const now = nowIso();
    const set = { status: 'finalised' as const, registry_number: registryNumber, finalised_on: finalisedOn, finalised_at: now, finalised_by: actor.userId, updated_at: now };
    // Finalised before the content is computed, so the report's own deadlines are not in its list of what is late.
    await trx.updateTable('half_year_reports').set((eb) => ({ ...set, version: eb('version', '+', 1) })).where('id', '=', reportId).execute();
    const text = { ...reportText(report, sections), status: 'finalised' as const, registryNumber, finalisedOn };
    const data = await buildReportData(trx, municipalityId, period, { today: finalisedOn, now, text });
    const files = await Promise.all(
      REPORT_FORMATS.map(async (format) => {
        const content = await renderDraft(data, format, 'sv');
        return { report_id: reportId, format, filename: reportFilename(data, format), media_type: MEDIA_TYPES[format], size_bytes: content.byteLength, sha256: sha256(content), content, created_at: now };
      }),
    );
    await trx.insertInto('half_year_report_files').values(files).execute();
    await trx.updateTable('half_year_reports').set({ snapshot: JSON.stringify(data) }).where('id', '=', reportId).execute();
    await recordAudit(trx, {
      municipalityId,
      actor: auditActor(actor),
      action: 'finalise',
      entity: 'half_year_report',
      entityId: reportId,
      before: { status: report.status },
      after: { status: 'finalised', registry_number: registryNumber, finalised_on: finalisedOn, files: files.map((f) => ({ format: f.format, filename: f.filename, size_bytes: f.size_bytes, sha256: f.sha256 })) },
      details: notReady.length ? { sections_not_ready: notReady } : undefined,
    });
    return { ok: true, registryNumber };
  });
}

export type SendResult = 'sent' | 'failed' | 'no_recipients';

/** The mail's subject, e.g. "Halvårsrapport första halvåret 2026 – Arvika kommun (KS 2026/12)". */
export function mailSubject(period: HalfYear, municipalityName: string, registryNumber: string | null): string {
  const label = halfYearLabel(period, 'sv');
  return `Halvårsrapport ${label} – ${municipalityName}${registryNumber ? ` (${registryNumber})` : ''}`;
}

function mailText(report: ReportRow, municipalityName: string, sender: Actor, withHtml: boolean): string {
  return [
    'Hej,',
    '',
    `${municipalityName} översänder ${report.title_sv}, diarienummer ${report.registry_number ?? '–'}, slutförd ${report.finalised_on ? formatDate('sv', report.finalised_on) : '–'}.`,
    '',
    `Rapporten är bifogad som Word- och PDF-dokument${withHtml ? ' och som webbsida (HTML)' : ''}.`,
    '',
    'Med vänliga hälsningar',
    sender.name,
    municipalityName,
  ].join('\n');
}

/**
 * Sends the finalised report to the recipients in the settings: one mail, the archived Word and
 * PDF (and HTML when small) attached; records who it went to and when (audited). A failure to send
 * is logged and returned, never thrown: the report stays finalised.
 */
export async function sendReport(db: Db, config: Pick<Config, 'mail'>, actor: Actor, municipality: { id: number; name_sv: string }, reportId: number, lang: Lang): Promise<SendResult> {
  const report = await findReport(db, municipality.id, reportId);
  if (!report) throw recordNotFound(lang);
  if (report.status !== 'finalised') throw new AppError('conflict', tr(R.notFinalised, lang));
  const settings = await loadFollowUpSettings(db, municipality.id);
  const { recipients } = parseRecipients(settings.reportRecipients);
  if (recipients.length === 0) return 'no_recipients';
  const files = await db.selectFrom('half_year_report_files').selectAll().where('report_id', '=', reportId).execute();
  const attach = files
    .filter((f) => f.format !== 'html' || Number(f.size_bytes) <= MAX_HTML_ATTACHMENT_BYTES)
    .sort((a, b) => REPORT_FORMATS.indexOf(a.format) - REPORT_FORMATS.indexOf(b.format))
    .map((f): MailAttachment => ({ filename: f.filename, contentType: f.media_type, content: new Uint8Array(f.content) }));
  const period = parseHalfYear(report.period)!;
  try {
    await mailerFor(config).send({
      to: recipients.map(mailAddress),
      subject: mailSubject(period, municipality.name_sv, report.registry_number),
      text: mailText(report, municipality.name_sv, actor, attach.some((a) => a.filename.endsWith('.html'))),
      attachments: attach,
    });
  } catch (e) {
    log('error', 'half-year report could not be sent', { reportId, error: e instanceof Error ? e.message : String(e) });
    return 'failed';
  }
  const sentTo = recipients.map((r) => r.address);
  const sentAt = nowIso();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('half_year_reports').set({ sent_to: JSON.stringify(sentTo), sent_at: sentAt }).where('id', '=', reportId).execute();
    await recordAudit(trx, { municipalityId: municipality.id, actor: auditActor(actor), action: 'send', entity: 'half_year_report', entityId: reportId, before: { sent_to: report.sent_to, sent_at: report.sent_at }, after: { sent_to: sentTo, sent_at: sentAt } });
  });
  return 'sent';
}

// ── Settings ────────────────────────────────────────────────────────────────

/** Saves the municipality's follow-up settings (creating the settings row with its defaults if needed). */
export async function saveFollowUpSettings(db: Db, actor: Actor, municipalityId: number, input: FollowUpInput): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await loadFollowUpSettings(trx, municipalityId);
    const values = {
      report_recipients: input.reportRecipients,
      report_sections_due_days: input.reportSectionsDueDays,
      report_due_days: input.reportDueDays,
      partnership_evaluation_months: input.partnershipEvaluationMonths,
      reminder_days_before: input.reminderDaysBefore,
      updated_at: nowIso(),
    };
    await trx
      .insertInto('municipality_settings')
      .values({ municipality_id: municipalityId, ...values })
      .onConflict((oc) => oc.column('municipality_id').doUpdateSet(values))
      .execute();
    const { saved: _saved, registryPrefix: _prefix, ...beforeValues } = before;
    await recordAudit(trx, { municipalityId, actor: auditActor(actor), action: 'update', entity: 'municipality_settings', entityId: municipalityId, before: before.saved ? beforeValues : null, after: input });
  });
}

