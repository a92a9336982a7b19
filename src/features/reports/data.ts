/**
 * The half-year report's content computed from live data (AL-13): to be built (helper H1).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database, ReportStatus } from '../../db/schema.js';
import type { ReportData, ReportStructure } from './model.js';
import type { HalfYear } from './period.js';

type Db = Kysely<Database> | Transaction<Database>;

/** What people wrote in a report (null/empty for a fresh draft, e.g. from the command line). */
export interface ReportText {
  title: string;
  titleEn: string | null;
  status: ReportStatus;
  registryNumber: string | null;
  finalisedOn: string | null;
  structure: ReportStructure;
  summary: string | null;
  sections: { unitId: number; comment: string | null; readyAt: string | null; readyBy: string | null }[];
}

/** The default title, e.g. "Uppföljning av det internationella arbetet, första halvåret 2026". */
export function defaultTitle(period: HalfYear, lang: 'sv' | 'en'): string {
  throw new Error(`not built yet: ${period.key} ${lang}`);
}

/** The default structure: every section in SECTION_KEYS order, and the units that own projects or measures. */
export async function defaultStructure(db: Db, municipalityId: number): Promise<ReportStructure> {
  throw new Error(`not built yet: ${String(db) && municipalityId}`);
}

/**
 * The report's whole content for a municipality and half-year, from live data as of `today`.
 * `text` carries what people wrote; without it the draft has the default title and structure and no comments.
 */
export async function buildReportData(db: Db, municipalityId: number, period: HalfYear, options: { today: string; now?: string; text?: ReportText }): Promise<ReportData> {
  throw new Error(`not built yet: ${String(db) && municipalityId} ${period.key} ${options.today}`);
}
