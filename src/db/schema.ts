/**
 * Table types for Kysely. One interface per table; the migrations in `./migrations` are the
 * source of truth for the columns, these types mirror them.
 *
 * Conventions (same on SQLite and PostgreSQL):
 * - ids are integers; booleans are integers 0/1;
 * - dates are ISO `YYYY-MM-DD` text, timestamps ISO 8601 UTC text (`2026-11-21T10:00:00.000Z`);
 * - money is an integer in minor units (öre, cent) with its ISO 4217 currency beside it;
 * - lists of codes that are not worth a table are JSON text arrays;
 * - `source` says where a record comes from (for seed data: document and line).
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Publication state of a public record (AL-14: published with review). */
export type PublicationState = 'draft' | 'in_review' | 'published' | 'archived';

export interface MunicipalityTable {
  id: Generated<number>;
  /** Official 4-digit code from Statistics Sweden, e.g. `1784` for Arvika. */
  code: string;
  slug: string;
  name_sv: string;
  name_en: string;
  county_code: string | null;
  county_name: string | null;
  vision_sv: string | null;
  vision_en: string | null;
  /** Comma-separated BCP 47 tags of the languages the municipality publishes in. */
  languages: string;
  website: string | null;
  source: string | null;
  created_at: ColumnType<string, string | undefined, never>;
}

/** The official list of Sweden's 290 municipalities, for onboarding. */
export interface OfficialMunicipalityTable {
  code: string;
  name: string;
  short_name: string;
  county_code: string;
  county_name: string;
}

export type InternalOrganisationKind =
  | 'council'
  | 'executive_board'
  | 'committee'
  | 'department'
  | 'company'
  | 'group'
  | 'role'
  | 'unit';
export type ExternalOrganisationKind =
  | 'municipality'
  | 'region'
  | 'network'
  | 'authority'
  | 'university'
  | 'school'
  | 'company'
  | 'association'
  | 'other';
export type OrganisationKind = InternalOrganisationKind | ExternalOrganisationKind;

export interface OrganisationTable {
  id: Generated<number>;
  municipality_id: number;
  /** 1 for the municipality's own bodies and units, 0 for external organisations. */
  is_internal: number;
  kind: OrganisationKind;
  name_sv: string;
  name_en: string | null;
  short_name: string | null;
  parent_id: number | null;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
  region: string | null;
  population: number | null;
  population_year: number | null;
  website: string | null;
  latitude: number | null;
  longitude: number | null;
  description_sv: string | null;
  description_en: string | null;
  source: string | null;
  created_at: ColumnType<string, string | undefined, never>;
  updated_at: string;
}

export type PartnershipKind = 'twinning' | 'network' | 'cooperation' | 'development';
export type PartnershipStatus = 'proposed' | 'active' | 'dormant' | 'ended';

export interface PartnershipTable {
  id: Generated<number>;
  municipality_id: number;
  kind: PartnershipKind;
  title_sv: string;
  title_en: string | null;
  status: PartnershipStatus;
  summary_sv: string | null;
  summary_en: string | null;
  /** JSON array of theme codes. */
  cooperation_areas: string;
  financing_sv: string | null;
  financing_en: string | null;
  publication_state: PublicationState;
  source: string | null;
  created_at: ColumnType<string, string | undefined, never>;
  updated_at: string;
}

export interface PartnershipPartnerTable {
  partnership_id: number;
  organisation_id: number;
  position: number;
}

export type PartnershipEventKind =
  | 'first_contact'
  | 'proposed'
  | 'agreement_signed'
  | 'confirmed'
  | 'exchange'
  | 'evaluated'
  | 'ended'
  | 'other';
/** How precise an event's date is: the documents often say "autumn 1992" or "1989-90". */
export type DatePrecision = 'day' | 'month' | 'season' | 'year' | 'decade';

export interface PartnershipEventTable {
  id: Generated<number>;
  partnership_id: number;
  kind: PartnershipEventKind;
  /** First day the event may have happened (ISO date). */
  date_from: string;
  /** Last day the event may have happened (ISO date); equal to date_from when exact. */
  date_to: string;
  date_precision: DatePrecision;
  description_sv: string;
  description_en: string | null;
  place: string | null;
  decision_id: number | null;
  source: string | null;
}

export interface ThemeTable {
  code: string;
  label_sv: string;
  label_en: string;
}

export interface TargetGroupTable {
  code: string;
  label_sv: string;
  label_en: string;
}

/** Funding programmes and sources are data, never code: they change. */
export interface FundingProgrammeTable {
  id: Generated<number>;
  code: string;
  name_sv: string;
  name_en: string;
  funder: string | null;
  period_label: string | null;
}

export type ProjectKind = 'project' | 'exchange' | 'visit' | 'study_trip' | 'network_activity' | 'training';
export type ProjectStatus = 'planned' | 'applied' | 'ongoing' | 'completed' | 'cancelled';
export type MunicipalityRole = 'lead' | 'partner' | 'associated';

export interface ProjectTable {
  id: Generated<number>;
  municipality_id: number;
  kind: ProjectKind;
  title_sv: string;
  title_en: string | null;
  summary_sv: string | null;
  summary_en: string | null;
  owner_unit_id: number | null;
  municipality_role: MunicipalityRole | null;
  programme_id: number | null;
  status: ProjectStatus | null;
  start_date: string | null;
  end_date: string | null;
  /** Year the project is filed under (start year, or the year the document dates it to). */
  year: number | null;
  /** Participants as counts only: no personal data about private individuals (rule 4). */
  participants_total: number | null;
  participants_youth: number | null;
  /** Total budget in SEK minor units, derived from the funding lines, for sorting. */
  budget_sek_minor: number | null;
  publication_state: PublicationState;
  published_at: string | null;
  /** Denormalised text that the full-text index reads (titles, summaries, partners, places…). */
  search_text: string;
  source: string | null;
  created_at: ColumnType<string, string | undefined, never>;
  updated_at: string;
}

export type PartnerRole = 'lead' | 'partner' | 'associated' | 'other';

export interface ProjectPartnerTable {
  project_id: number;
  organisation_id: number;
  role: PartnerRole;
  position: number;
}

export interface ProjectCountryTable {
  project_id: number;
  country: string;
}

export interface ProjectThemeTable {
  project_id: number;
  theme: string;
}

export interface ProjectTargetGroupTable {
  project_id: number;
  target_group: string;
}

export type FundingKind = 'eu_grant' | 'other_grant' | 'municipal_cash' | 'own_staff_time' | 'partner' | 'other';

export interface ProjectFundingTable {
  id: Generated<number>;
  project_id: number;
  kind: FundingKind;
  programme_id: number | null;
  /** Who pays, as written (e.g. "Interreg", "Mål 3", "Sida"). */
  source_name: string | null;
  amount_minor: number | null;
  currency: string;
  staff_hours: number | null;
  note_sv: string | null;
  source: string | null;
}

export interface ProjectResultTable {
  id: Generated<number>;
  project_id: number;
  description_sv: string;
  description_en: string | null;
  indicator: string | null;
  unit: string | null;
  baseline: number | null;
  target: number | null;
  actual: number | null;
  period: string | null;
  source: string | null;
}

export interface ProjectLinkTable {
  id: Generated<number>;
  project_id: number;
  kind: 'link' | 'document';
  url: string;
  label_sv: string;
  label_en: string | null;
}

export interface ProjectPartnershipTable {
  project_id: number;
  partnership_id: number;
}

export type DecisionOutcome = 'approved' | 'rejected' | 'noted' | 'referred' | 'postponed';

export interface DecisionTable {
  id: Generated<number>;
  municipality_id: number;
  body_id: number | null;
  delegate_role: string | null;
  decided_on: string | null;
  paragraph: string | null;
  registry_number: string | null;
  subject_sv: string;
  subject_en: string | null;
  outcome: DecisionOutcome;
  conditions_sv: string | null;
  source: string | null;
  created_at: ColumnType<string, string | undefined, never>;
}

export interface ProjectDecisionTable {
  project_id: number;
  decision_id: number;
}

export interface PageFeedbackTable {
  id: Generated<number>;
  municipality_id: number | null;
  path: string;
  lang: string;
  helpful: number;
  comment: string | null;
  /** Salted hash of the client address, for rate limiting; never the address itself. */
  client_hash: string;
  created_at: string;
}

/** Append-only: triggers refuse UPDATE and DELETE on both databases. */
export interface AuditLogTable {
  id: Generated<number>;
  municipality_id: number | null;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  details: string | null;
  at: string;
}

export interface Database {
  municipalities: MunicipalityTable;
  official_municipalities: OfficialMunicipalityTable;
  organisations: OrganisationTable;
  partnerships: PartnershipTable;
  partnership_partners: PartnershipPartnerTable;
  partnership_events: PartnershipEventTable;
  themes: ThemeTable;
  target_groups: TargetGroupTable;
  funding_programmes: FundingProgrammeTable;
  projects: ProjectTable;
  project_partners: ProjectPartnerTable;
  project_countries: ProjectCountryTable;
  project_themes: ProjectThemeTable;
  project_target_groups: ProjectTargetGroupTable;
  project_funding: ProjectFundingTable;
  project_results: ProjectResultTable;
  project_links: ProjectLinkTable;
  project_partnerships: ProjectPartnershipTable;
  decisions: DecisionTable;
  project_decisions: ProjectDecisionTable;
  page_feedback: PageFeedbackTable;
  audit_log: AuditLogTable;
}

export type Municipality = Selectable<MunicipalityTable>;
export type Organisation = Selectable<OrganisationTable>;
export type Project = Selectable<ProjectTable>;
export type NewProject = Insertable<ProjectTable>;
export type ProjectUpdate = Updateable<ProjectTable>;
export type Partnership = Selectable<PartnershipTable>;
export type PartnershipEvent = Selectable<PartnershipEventTable>;
export type Decision = Selectable<DecisionTable>;
