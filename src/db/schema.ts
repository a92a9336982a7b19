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
  /** Identifier in an outside register this record was imported from (dedupes re-imports). */
  external_ref: ColumnType<string | null, string | null | undefined, string | null>;
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
  /** The unit whose editors may edit this partnership. */
  owner_unit_id: ColumnType<number | null, number | null | undefined, number | null>;
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
  /** Where the project is in its life (the back office's state machine, AL-12). */
  lifecycle: ColumnType<ProjectLifecycle, ProjectLifecycle | undefined, ProjectLifecycle>;
  /** Identifier in an outside register (e.g. `interreg:<id>`), unique per municipality. */
  external_ref: ColumnType<string | null, string | null | undefined, string | null>;
}

export type ProjectLifecycle =
  | 'idea'
  | 'assessment'
  | 'awaiting_decision'
  | 'approved'
  | 'rejected'
  | 'ongoing'
  | 'completed'
  | 'evaluated'
  | 'cancelled';

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
  /** `committee` or `delegate`: the route the decision took (AL-12). */
  route: ColumnType<DecisionRoute | null, DecisionRoute | null | undefined, DecisionRoute | null>;
  delegation_rule_id: ColumnType<number | null, number | null | undefined, number | null>;
  recorded_by: ColumnType<number | null, number | null | undefined, number | null>;
}

export type DecisionRoute = 'committee' | 'delegate';

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

/**
 * Append-only: triggers refuse UPDATE and DELETE on both databases. Tamper-evident: each entry's
 * `hash` covers its content and the previous entry's hash (src/features/audit/chain.ts).
 */
export interface AuditLogTable {
  id: Generated<number>;
  municipality_id: number | null;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  details: string | null;
  at: string;
  user_id: ColumnType<number | null, number | null | undefined, never>;
  /** JSON of the record before and after the change (null when created or deleted). */
  before_data: ColumnType<string | null, string | null | undefined, never>;
  after_data: ColumnType<string | null, string | null | undefined, never>;
  prev_hash: ColumnType<string | null, string | null | undefined, never>;
  hash: ColumnType<string | null, string | null | undefined, never>;
}

/** The one row every audited transaction locks: the head of the audit chain. */
export interface AuditHeadTable {
  id: number;
  last_id: number | null;
  last_hash: string | null;
}

// ── Back office (issue 3) ─────────────────────────────────────────────────────

/** Roles within one municipality; the platform administrator is a flag on the user. */
export type MunicipalRole = 'municipal_admin' | 'coordinator' | 'unit_editor' | 'reader';

export interface UserTable {
  id: Generated<number>;
  /** Lower-cased. */
  email: string;
  display_name: string;
  /** argon2id (PHC string); null for accounts that only sign in through single sign-on. */
  password_hash: string | null;
  /** Base32 TOTP secret; null until the second factor is set up. */
  totp_secret: string | null;
  totp_enabled_at: string | null;
  is_platform_admin: ColumnType<number, number | undefined, number>;
  preferred_lang: ColumnType<'sv' | 'en', 'sv' | 'en' | undefined, 'sv' | 'en'>;
  digest_opt_out: ColumnType<number, number | undefined, number>;
  disabled_at: string | null;
  created_at: ColumnType<string, string, never>;
  updated_at: string;
}

export interface UserRoleTable {
  user_id: number;
  municipality_id: number;
  role: MunicipalRole;
}

/** The units (internal organisations) a unit editor may edit the records of. */
export interface UserUnitTable {
  user_id: number;
  organisation_id: number;
}

export interface RecoveryCodeTable {
  id: Generated<number>;
  user_id: number;
  /** SHA-256 of the normalised code. */
  code_hash: string;
  used_at: string | null;
  created_at: string;
}

export type SessionStage = 'password' | 'totp_setup' | 'complete';

export interface SessionTable {
  /** SHA-256 of the session token: a database leak does not hand out sessions. */
  id_hash: string;
  user_id: number;
  /** `password`: password checked, second factor pending; `complete`: signed in. */
  stage: SessionStage;
  csrf_token: string;
  active_municipality_id: number | null;
  auth_method: 'password' | 'oidc';
  created_at: string;
  last_seen_at: string;
  /** Absolute time-out. */
  expires_at: string;
}

export interface AuthAttemptTable {
  id: Generated<number>;
  /** Hashed e-mail or client address. */
  key: string;
  kind: string;
  at: string;
}

export interface PasswordResetTable {
  token_hash: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface OidcProviderTable {
  id: Generated<number>;
  municipality_id: number;
  display_name: string;
  issuer: string;
  client_id: string;
  client_secret: string | null;
  scopes: ColumnType<string, string | undefined, string>;
  enabled: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
}

export interface OidcLoginTable {
  state: string;
  provider_id: number;
  code_verifier: string;
  nonce: string;
  return_to: string | null;
  created_at: string;
}

export interface UserIdentityTable {
  provider_id: number;
  subject: string;
  user_id: number;
  created_at: string;
}

export interface MunicipalitySettingsTable {
  municipality_id: number;
  /** What an hour of staff time is valued at, in öre (AR-2: staff time counts as money). */
  staff_hour_cost_minor: ColumnType<number, number | undefined, number>;
  /** Prefix of registry numbers, e.g. `KS` in `KS 2026/123`. */
  registry_prefix: ColumnType<string, string | undefined, string>;
  /** After how many days without a progress report a measure counts as not updated. */
  stale_after_days: ColumnType<number, number | undefined, number>;
  /** Who receives the finalised half-year report: one address per line (`Name <address>` or an address). */
  report_recipients: ColumnType<string, string | undefined, string>;
  /** Days after the half-year's end when the units' sections are due. */
  report_sections_due_days: ColumnType<number, number | undefined, number>;
  /** Days after the half-year's end when the report is due. */
  report_due_days: ColumnType<number, number | undefined, number>;
  /** How often each partnership is evaluated (AR-9), in months: 48 (once per term) by default. */
  partnership_evaluation_months: ColumnType<number, number | undefined, number>;
  /** How many days before a deadline reminders go out. */
  reminder_days_before: ColumnType<number, number | undefined, number>;
  updated_at: string;
}

/** Which committee (nämnd) is responsible for which unit (förvaltning, bolag). */
export interface CommitteeUnitTable {
  committee_id: number;
  unit_id: number;
}

/** A point of the delegation order: who may decide which projects on a committee's behalf. */
export interface DelegationRuleTable {
  id: Generated<number>;
  municipality_id: number;
  committee_id: number;
  /** The delegate's title, e.g. "förvaltningschef", "kommundirektör". */
  delegate_role: string;
  /** JSON array of project kinds the delegate may decide; empty means all kinds. */
  project_kinds: ColumnType<string, string | undefined, string>;
  /** Highest municipal co-financing (cash plus valued staff time) in öre. */
  max_cofinancing_minor: number;
  /** The point in the delegation order, e.g. "3.2". */
  reference: string | null;
  created_at: string;
  updated_at: string;
}

export interface RegistryCounterTable {
  municipality_id: number;
  prefix: string;
  year: number;
  last_value: number;
}

export interface PartnershipDecisionTable {
  partnership_id: number;
  decision_id: number;
}

export type AssessmentRecommendation = 'approve' | 'approve_with_conditions' | 'reject';

/** The pre-decision assessment of a project or a new partnership (AR-2, AL-7). */
export interface AssessmentTable {
  id: Generated<number>;
  municipality_id: number;
  entity: 'project' | 'partnership';
  entity_id: number;
  total_benefit: string | null;
  cash_minor: number | null;
  staff_hours: number | null;
  /** The hourly cost in force when the assessment was made. */
  staff_hour_cost_minor: number | null;
  citizen_perspective: string | null;
  operations_fit: string | null;
  strategy_fit: string | null;
  risks: string | null;
  recommendation: AssessmentRecommendation | null;
  recommendation_text: string | null;
  completed_at: string | null;
  completed_by: number | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export type RevisionState = 'draft' | 'in_review' | 'returned' | 'published' | 'discarded';

/**
 * A pending edit of a record: the whole form as JSON. The live row keeps the published version
 * visible until the coordinator approves the revision (AL-14).
 */
export interface RevisionTable {
  id: Generated<number>;
  municipality_id: number;
  entity: 'project' | 'partnership' | 'organisation';
  entity_id: number;
  data: string;
  state: RevisionState;
  review_comment: string | null;
  created_by: number | null;
  submitted_by: number | null;
  submitted_at: string | null;
  reviewed_by: number | null;
  reviewed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface AttachmentTable {
  id: Generated<number>;
  municipality_id: number;
  entity: string;
  entity_id: number;
  /** The uploader's file name, cleaned; never used as a path. */
  filename: string;
  /** Detected from the content. */
  media_type: string;
  size_bytes: number;
  sha256: string;
  /** File name under the attachment directory (outside the web root). */
  storage_key: string;
  is_public: ColumnType<number, number | undefined, number>;
  uploaded_by: number | null;
  created_at: string;
}

export interface ImportRunTable {
  id: Generated<number>;
  municipality_id: number;
  kind: string;
  filename: string | null;
  /** `preview`, `running`, `done`, `failed`. */
  state: string;
  /** The parsed rows and mapping, JSON, between preview and run. */
  payload: string | null;
  total_rows: ColumnType<number, number | undefined, number>;
  processed_rows: ColumnType<number, number | undefined, number>;
  summary: string | null;
  created_by: number | null;
  created_at: string;
  finished_at: string | null;
}

// ── Strategy and action plan (issue 4) ─────────────────────────────────────

export type StrategyStatus = 'draft' | 'adopted' | 'superseded';

export interface StrategyTable {
  id: Generated<number>;
  municipality_id: number;
  title_sv: string;
  title_en: string | null;
  /** The vision the strategy serves, quoted (AL-1, AR-3). */
  vision_sv: string | null;
  vision_en: string | null;
  /** Adopting body, e.g. "Kommunstyrelsen" (AR-1). */
  adopted_by: string | null;
  /** ISO date of the adoption decision. */
  adopted_on: string | null;
  /** Minute paragraph, e.g. "§ 258". */
  minute_paragraph: string | null;
  registry_number: string | null;
  /** The responsibilities the strategy assigns (AR-5). */
  responsibilities_sv: string | null;
  responsibilities_en: string | null;
  /** The strategy's text (introduction, purpose …). */
  body_sv: string | null;
  summary_en: string | null;
  status: ColumnType<StrategyStatus, StrategyStatus | undefined, StrategyStatus>;
  superseded_by_id: number | null;
  /** Where the text came from, e.g. the uploaded file's name. */
  source: string | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
}

export interface StrategyVersionTable {
  id: Generated<number>;
  strategy_id: number;
  version: number;
  /** The strategy and its goal tree as JSON, as saved. */
  snapshot: string;
  note: string | null;
  user_id: number | null;
  actor_label: string;
  created_at: string;
}

export interface StrategyGoalTable {
  id: Generated<number>;
  municipality_id: number;
  strategy_id: number;
  parent_id: number | null;
  position: ColumnType<number, number | undefined, number>;
  /** The municipality's own name of the level: "Övergripande mål", "Målområde", "Inriktning" … */
  level_name: string;
  title_sv: string;
  title_en: string | null;
  description_sv: string | null;
  description_en: string | null;
  weight: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
}

export interface StrategyReviewTable {
  id: Generated<number>;
  strategy_id: number;
  reviewed_on: string;
  outcome: 'unchanged' | 'revise';
  note_sv: string | null;
  decision_reference: string | null;
  user_id: number | null;
  created_at: string;
}

export type ActionPlanStatus = 'draft' | 'active' | 'closed';

export interface ActionPlanTable {
  id: Generated<number>;
  municipality_id: number;
  strategy_id: number;
  title_sv: string;
  title_en: string | null;
  period_start: string;
  period_end: string;
  status: ColumnType<ActionPlanStatus, ActionPlanStatus | undefined, ActionPlanStatus>;
  /** Evaluated every other year (AL-3): 24 months unless the municipality decides otherwise. */
  evaluation_interval_months: ColumnType<number, number | undefined, number>;
  previous_plan_id: number | null;
  created_at: string;
  updated_at: string;
}

export type MeasureStatus = 'planned' | 'ongoing' | 'done' | 'cancelled';

export interface MeasureTable {
  id: Generated<number>;
  municipality_id: number;
  plan_id: number;
  position: ColumnType<number, number | undefined, number>;
  title_sv: string;
  title_en: string | null;
  description_sv: string | null;
  description_en: string | null;
  owner_unit_id: number | null;
  start_date: string | null;
  end_date: string | null;
  status: ColumnType<MeasureStatus, MeasureStatus | undefined, MeasureStatus>;
  /** 0–100. */
  progress: ColumnType<number, number | undefined, number>;
  weight: ColumnType<number, number | undefined, number>;
  progress_updated_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface MeasureGoalTable {
  measure_id: number;
  goal_id: number;
}

export interface MeasureIndicatorTable {
  id: Generated<number>;
  measure_id: number;
  position: ColumnType<number, number | undefined, number>;
  name_sv: string;
  name_en: string | null;
  unit: string | null;
  baseline: number | null;
  created_at: string;
}

export interface IndicatorValueTable {
  indicator_id: number;
  /** `2026` or `2026H1`. */
  period: string;
  target: number | null;
  actual: number | null;
}

export interface MeasureNoteTable {
  id: Generated<number>;
  measure_id: number;
  noted_on: string;
  progress: number | null;
  status: MeasureStatus | null;
  text_sv: string | null;
  user_id: number | null;
  actor_label: string;
  created_at: string;
}

export type TrafficLight = 'on_track' | 'at_risk' | 'behind' | 'none';

export interface GoalProgressHistoryTable {
  goal_id: number;
  recorded_on: string;
  progress: number | null;
  light: TrafficLight;
}

export interface PlanEvaluationTable {
  id: Generated<number>;
  municipality_id: number;
  plan_id: number;
  evaluated_on: string;
  summary_sv: string;
  changes_sv: string | null;
  decision_reference: string | null;
  user_id: number | null;
  created_at: string;
}

export interface PlanEvaluationItemTable {
  evaluation_id: number;
  measure_id: number;
  progress: number | null;
  status: MeasureStatus | null;
  achieved_sv: string | null;
}

export interface ProjectGoalTable {
  project_id: number;
  goal_id: number;
}

export interface PartnershipGoalTable {
  partnership_id: number;
  goal_id: number;
}

export interface CalendarFeedTable {
  id: Generated<number>;
  municipality_id: number;
  /** null: the municipality's feed; else one person's. */
  user_id: number | null;
  /** SHA-256 of the secret in the feed's address. */
  token_hash: string;
  created_at: string;
}

// ── Follow-up and reporting (issue 5) ───────────────────────────────────────

export type ReportStatus = 'draft' | 'finalised';

/** The half-year report to the executive board (AL-13). */
export interface HalfYearReportTable {
  id: Generated<number>;
  municipality_id: number;
  /** `2026H1` or `2026H2`. */
  period: string;
  status: ColumnType<ReportStatus, ReportStatus | undefined, ReportStatus>;
  title_sv: string;
  title_en: string | null;
  summary_sv: string | null;
  summary_en: string | null;
  /** JSON (ReportStructure): sections, order, headings; the next report starts from it. */
  structure: string;
  sections_due_on: string | null;
  due_on: string | null;
  previous_report_id: number | null;
  /** JSON (ReportData) frozen at finalising; null while a draft. */
  snapshot: string | null;
  registry_number: string | null;
  finalised_on: string | null;
  finalised_at: string | null;
  finalised_by: number | null;
  /** JSON array of the addresses the report was sent to. */
  sent_to: string | null;
  sent_at: string | null;
  version: ColumnType<number, number | undefined, number>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** A unit's section of a half-year report: comments and "ready". */
export interface HalfYearReportSectionTable {
  report_id: number;
  unit_id: number;
  position: ColumnType<number, number | undefined, number>;
  comment_sv: string | null;
  comment_en: string | null;
  ready_at: string | null;
  ready_by: number | null;
  updated_by: number | null;
  updated_at: string;
  version: ColumnType<number, number | undefined, number>;
}

export type ReportFormat = 'docx' | 'pdf' | 'html';

/** The archived documents of a finalised report. */
export interface HalfYearReportFileTable {
  report_id: number;
  format: ReportFormat;
  filename: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  created_at: string;
}

/** The two purposes Ale's budget sets money aside for (AL-15). */
export type BudgetCategory = 'twinning' | 'preparation';

export interface BudgetAllocationTable {
  id: Generated<number>;
  municipality_id: number;
  year: number;
  category: BudgetCategory;
  /** SEK öre. */
  amount_minor: number;
  note_sv: string | null;
  updated_by: number | null;
  updated_at: string;
}

export interface BudgetEntryTable {
  id: Generated<number>;
  municipality_id: number;
  category: BudgetCategory;
  spent_on: string;
  /** SEK öre. */
  amount_minor: number;
  description_sv: string;
  project_id: number | null;
  partnership_id: number | null;
  user_id: number | null;
  created_at: string;
  updated_at: string;
}

export type PartnershipRecommendation = 'continue' | 'change' | 'end';

/** An evaluation of a partnership (AR-9). */
export interface PartnershipEvaluationTable {
  id: Generated<number>;
  municipality_id: number;
  partnership_id: number;
  evaluated_on: string;
  period_start: string;
  period_end: string;
  exchanges: ColumnType<number, number | undefined, number>;
  projects: ColumnType<number, number | undefined, number>;
  visits: ColumnType<number, number | undefined, number>;
  events: ColumnType<number, number | undefined, number>;
  benefit_residents_sv: string | null;
  benefit_organisation_sv: string | null;
  /** SEK öre. */
  costs_minor: number | null;
  costs_sv: string | null;
  partner_view_sv: string | null;
  recommendation: PartnershipRecommendation;
  recommendation_sv: string | null;
  decision_id: number | null;
  user_id: number | null;
  created_at: string;
}

/** A claimed run of scheduled work: (job, run_key) is unique, so one process wins. */
export interface ScheduledRunTable {
  job: string;
  run_key: string;
  claimed_by: string;
  claimed_at: string;
  finished_at: string | null;
  result: string | null;
}

export interface ReminderSentTable {
  user_id: number;
  reminder_key: string;
  sent_at: string;
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
  audit_head: AuditHeadTable;
  users: UserTable;
  user_roles: UserRoleTable;
  user_units: UserUnitTable;
  recovery_codes: RecoveryCodeTable;
  sessions: SessionTable;
  auth_attempts: AuthAttemptTable;
  password_resets: PasswordResetTable;
  oidc_providers: OidcProviderTable;
  oidc_logins: OidcLoginTable;
  user_identities: UserIdentityTable;
  municipality_settings: MunicipalitySettingsTable;
  committee_units: CommitteeUnitTable;
  delegation_rules: DelegationRuleTable;
  registry_counters: RegistryCounterTable;
  partnership_decisions: PartnershipDecisionTable;
  assessments: AssessmentTable;
  revisions: RevisionTable;
  attachments: AttachmentTable;
  import_runs: ImportRunTable;
  strategies: StrategyTable;
  strategy_versions: StrategyVersionTable;
  strategy_goals: StrategyGoalTable;
  strategy_reviews: StrategyReviewTable;
  action_plans: ActionPlanTable;
  measures: MeasureTable;
  measure_goals: MeasureGoalTable;
  measure_indicators: MeasureIndicatorTable;
  indicator_values: IndicatorValueTable;
  measure_notes: MeasureNoteTable;
  goal_progress_history: GoalProgressHistoryTable;
  plan_evaluations: PlanEvaluationTable;
  plan_evaluation_items: PlanEvaluationItemTable;
  project_goals: ProjectGoalTable;
  partnership_goals: PartnershipGoalTable;
  calendar_feeds: CalendarFeedTable;
  half_year_reports: HalfYearReportTable;
  half_year_report_sections: HalfYearReportSectionTable;
  half_year_report_files: HalfYearReportFileTable;
  budget_allocations: BudgetAllocationTable;
  budget_entries: BudgetEntryTable;
  partnership_evaluations: PartnershipEvaluationTable;
  scheduled_runs: ScheduledRunTable;
  reminders_sent: ReminderSentTable;
}

export type User = Selectable<UserTable>;

export type Municipality = Selectable<MunicipalityTable>;
export type Organisation = Selectable<OrganisationTable>;
export type Project = Selectable<ProjectTable>;
export type NewProject = Insertable<ProjectTable>;
export type ProjectUpdate = Updateable<ProjectTable>;
export type Partnership = Selectable<PartnershipTable>;
export type PartnershipEvent = Selectable<PartnershipEventTable>;
export type Decision = Selectable<DecisionTable>;

export type Strategy = Selectable<StrategyTable>;
export type StrategyGoal = Selectable<StrategyGoalTable>;
export type ActionPlan = Selectable<ActionPlanTable>;
export type Measure = Selectable<MeasureTable>;
