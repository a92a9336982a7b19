/**
 * Reading half-year reports, their sections and archived files, and the municipality's follow-up
 * settings. Repository functions take the database handle (or a transaction) first.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, HalfYearReportTable, ReportFormat } from '../../../db/schema.js';
import type { ReportText } from '../data.js';
import { SECTION_KEYS, type ReportStructure, type SectionKey } from '../model.js';

type Db = Kysely<Database> | Transaction<Database>;

export type ReportRow = Omit<Selectable<HalfYearReportTable>, 'id' | 'municipality_id' | 'previous_report_id' | 'finalised_by' | 'created_by' | 'version'> & {
  id: number;
  municipality_id: number;
  previous_report_id: number | null;
  finalised_by: number | null;
  created_by: number | null;
  version: number;
};

export interface SectionRow {
  reportId: number;
  unitId: number;
  unitName: string;
  unitNameEn: string | null;
  position: number;
  comment: string | null;
  readyAt: string | null;
  readyBy: number | null;
  readyByName: string | null;
  updatedAt: string;
  version: number;
}

/** The unit kinds that get a section (the same as own projects and measures). */
export const SECTION_UNIT_KINDS = ['department', 'company', 'unit'] as const;

function toReport(r: Selectable<HalfYearReportTable>): ReportRow {
  const n = (v: number | null) => (v == null ? null : Number(v));
  return { ...r, id: Number(r.id), municipality_id: Number(r.municipality_id), previous_report_id: n(r.previous_report_id), finalised_by: n(r.finalised_by), created_by: n(r.created_by), version: Number(r.version) };
}

/** The municipality's reports, newest period first. */
export async function listReports(db: Db, municipalityId: number): Promise<ReportRow[]> {
  const rows = await db.selectFrom('half_year_reports').selectAll().where('municipality_id', '=', municipalityId).orderBy('period', 'desc').execute();
  return rows.map(toReport);
}

/** The report, or undefined when it does not exist in this municipality. */
export async function findReport(db: Db, municipalityId: number, id: number): Promise<ReportRow | undefined> {
  const r = await db.selectFrom('half_year_reports').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', id).executeTakeFirst();
  return r ? toReport(r) : undefined;
}

/** The report of a period, if there is one. */
export async function findReportOfPeriod(db: Db, municipalityId: number, period: string): Promise<ReportRow | undefined> {
  const r = await db.selectFrom('half_year_reports').selectAll().where('municipality_id', '=', municipalityId).where('period', '=', period).executeTakeFirst();
  return r ? toReport(r) : undefined;
}

/** The latest report of a period before `period` (`2026H1` sorts before `2026H2`). */
export async function previousReport(db: Db, municipalityId: number, period: string): Promise<ReportRow | undefined> {
  const r = await db.selectFrom('half_year_reports').selectAll().where('municipality_id', '=', municipalityId).where('period', '<', period).orderBy('period', 'desc').limit(1).executeTakeFirst();
  return r ? toReport(r) : undefined;
}

/** The sections of reports, in their order, with the unit's name and who marked them ready. */
export async function listSections(db: Db, reportIds: number[]): Promise<SectionRow[]> {
  if (reportIds.length === 0) return [];
  const rows = await db
    .selectFrom('half_year_report_sections as s')
    .innerJoin('organisations as o', 'o.id', 's.unit_id')
    .leftJoin('users as u', 'u.id', 's.ready_by')
    .select(['s.report_id', 's.unit_id', 'o.name_sv', 'o.name_en', 's.position', 's.comment_sv', 's.ready_at', 's.ready_by', 'u.display_name', 's.updated_at', 's.version'])
    .where('s.report_id', 'in', reportIds)
    .orderBy('s.report_id')
    .orderBy('s.position')
    .orderBy('o.name_sv')
    .execute();
  return rows.map((r) => ({
    reportId: Number(r.report_id),
    unitId: Number(r.unit_id),
    unitName: r.name_sv,
    unitNameEn: r.name_en,
    position: Number(r.position),
    comment: r.comment_sv,
    readyAt: r.ready_at,
    readyBy: r.ready_by == null ? null : Number(r.ready_by),
    readyByName: r.display_name ?? null,
    updatedAt: r.updated_at,
    version: Number(r.version),
  }));
}

/** One section of a report, or undefined. */
export async function findSection(db: Db, reportId: number, unitId: number): Promise<SectionRow | undefined> {
  return (await listSections(db, [reportId])).find((s) => s.unitId === unitId);
}

export interface UnitRef {
  id: number;
  name: string;
  nameEn: string | null;
}

/**
 * The municipality's own units that can have a section (departments, companies, units), and any
 * other of its own organisations in `also` (e.g. a committee that owns projects), by name.
 */
export async function listUnits(db: Db, municipalityId: number, also: number[] = []): Promise<UnitRef[]> {
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'name_sv', 'name_en'])
    .where('municipality_id', '=', municipalityId)
    .where('is_internal', '=', 1)
    .where((eb) => (also.length ? eb.or([eb('kind', 'in', [...SECTION_UNIT_KINDS]), eb('id', 'in', also)]) : eb('kind', 'in', [...SECTION_UNIT_KINDS])))
    .orderBy('name_sv')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: Number(r.id), name: r.name_sv, nameEn: r.name_en }));
}

export interface FollowUpSettings {
  reportRecipients: string;
  reportSectionsDueDays: number;
  reportDueDays: number;
  partnershipEvaluationMonths: number;
  reminderDaysBefore: number;
  registryPrefix: string;
  saved: boolean;
}

/** The follow-up settings a coordinator edits (the registry prefix belongs to the decisions' settings). */
export type FollowUpInput = Omit<FollowUpSettings, 'saved' | 'registryPrefix'>;

/** The defaults of the migration, for a municipality without a settings row. */
export const DEFAULT_FOLLOW_UP: FollowUpInput = { reportRecipients: '', reportSectionsDueDays: 30, reportDueDays: 45, partnershipEvaluationMonths: 48, reminderDaysBefore: 14 };

/** The municipality's follow-up settings (and registry prefix), or the defaults. */
export async function loadFollowUpSettings(db: Db, municipalityId: number): Promise<FollowUpSettings> {
  const row = await db.selectFrom('municipality_settings').selectAll().where('municipality_id', '=', municipalityId).executeTakeFirst();
  if (!row) return { ...DEFAULT_FOLLOW_UP, registryPrefix: 'KS', saved: false };
  return {
    reportRecipients: row.report_recipients,
    reportSectionsDueDays: Number(row.report_sections_due_days),
    reportDueDays: Number(row.report_due_days),
    partnershipEvaluationMonths: Number(row.partnership_evaluation_months),
    reminderDaysBefore: Number(row.reminder_days_before),
    registryPrefix: row.registry_prefix,
    saved: true,
  };
}

export interface ReportFile {
  format: ReportFormat;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  content: Uint8Array;
}

/** An archived document of a finalised report. */
export async function findReportFile(db: Db, reportId: number, format: ReportFormat): Promise<ReportFile | undefined> {
  const r = await db.selectFrom('half_year_report_files').selectAll().where('report_id', '=', reportId).where('format', '=', format).executeTakeFirst();
  return r ? { format: r.format, filename: r.filename, mediaType: r.media_type, size: Number(r.size_bytes), sha256: r.sha256, content: new Uint8Array(r.content) } : undefined;
}

/**
 * The saved structure, made whole: unknown section keys dropped, missing ones added (not
 * included) at the end, unit ids as numbers. Never throws; broken JSON gives every section.
 */
export function parseStructure(json: string): ReportStructure {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    raw = {};
  }
  const obj = (raw && typeof raw === 'object' ? raw : {}) as { sections?: unknown; unitIds?: unknown };
  const given = Array.isArray(obj.sections) ? obj.sections : [];
  const sections: ReportStructure['sections'] = [];
  const seen = new Set<SectionKey>();
  for (const s of given) {
    const key = (s as { key?: unknown })?.key;
    if (typeof key !== 'string' || !(SECTION_KEYS as readonly string[]).includes(key) || seen.has(key as SectionKey)) continue;
    seen.add(key as SectionKey);
    const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v : null);
    sections.push({ key: key as SectionKey, included: (s as { included?: unknown }).included !== false, heading_sv: text((s as { heading_sv?: unknown }).heading_sv), heading_en: text((s as { heading_en?: unknown }).heading_en) });
  }
  // A structure without any section (as saved by hand or by an older version) means every section.
  const none = sections.length === 0;
  for (const key of SECTION_KEYS) if (!seen.has(key)) sections.push({ key, included: none, heading_sv: null, heading_en: null });
  const unitIds = Array.isArray(obj.unitIds) ? [...new Set(obj.unitIds.map(Number).filter((n) => Number.isSafeInteger(n) && n > 0))] : [];
  return { sections, unitIds };
}

/** What people wrote in the report, for buildReportData. */
export function reportText(report: ReportRow, sections: SectionRow[]): ReportText {
  const structure = parseStructure(report.structure);
  const own = sections.filter((s) => s.reportId === report.id);
  return {
    title: report.title_sv,
    titleEn: report.title_en,
    status: report.status,
    registryNumber: report.registry_number,
    finalisedOn: report.finalised_on,
    structure: { ...structure, unitIds: own.map((s) => s.unitId) },
    summary: report.summary_sv,
    sections: own.map((s) => ({ unitId: s.unitId, comment: s.comment, readyAt: s.readyAt, readyBy: s.readyByName })),
  };
}
