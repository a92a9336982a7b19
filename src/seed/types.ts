/**
 * The declarative shape of seed data. Records refer to each other by `key` (unique within one
 * municipality's seed); the loader turns keys into database ids. Every record carries `source`:
 * the document and line(s) it was taken from, e.g. `seeds/004_80a054d53fd2fabb.txt:36`.
 * Unknown values are left out (never invented).
 */
import type {
  DatePrecision,
  ExternalOrganisationKind,
  FundingKind,
  InternalOrganisationKind,
  MunicipalityRole,
  PartnerRole,
  PartnershipEventKind,
  PartnershipKind,
  PartnershipStatus,
  ProjectKind,
  ProjectStatus,
} from '../db/schema.js';

export interface SeedOrganisation {
  key: string;
  is_internal: boolean;
  kind: InternalOrganisationKind | ExternalOrganisationKind;
  name_sv: string;
  name_en?: string;
  short_name?: string;
  parent?: string;
  country?: string;
  region?: string;
  population?: number;
  population_year?: number;
  website?: string;
  latitude?: number;
  longitude?: number;
  description_sv?: string;
  description_en?: string;
  source: string;
}

export interface SeedEvent {
  kind: PartnershipEventKind;
  date_from: string;
  date_to: string;
  date_precision: DatePrecision;
  description_sv: string;
  description_en?: string;
  place?: string;
  source: string;
}

export interface SeedPartnership {
  key: string;
  kind: PartnershipKind;
  title_sv: string;
  title_en?: string;
  status: PartnershipStatus;
  summary_sv?: string;
  summary_en?: string;
  cooperation_areas: string[];
  partners: string[];
  events: SeedEvent[];
  /** Titles of the goals of the seeded strategy it serves, where the strategy's text places it. */
  goals?: string[];
  source: string;
}

export interface SeedFunding {
  kind: FundingKind;
  programme?: string;
  source_name?: string;
  amount_minor?: number;
  currency: string;
  staff_hours?: number;
  note_sv?: string;
  source: string;
}

export interface SeedProject {
  key: string;
  kind: ProjectKind;
  title_sv: string;
  title_en?: string;
  summary_sv?: string;
  summary_en?: string;
  owner_unit?: string;
  municipality_role?: MunicipalityRole;
  programme?: string;
  status?: ProjectStatus;
  start_date?: string;
  end_date?: string;
  year?: number;
  themes: string[];
  target_groups: string[];
  countries: string[];
  partners: { org: string; role: PartnerRole }[];
  funding: SeedFunding[];
  results: { description_sv: string; description_en?: string; source: string }[];
  links?: { url: string; label_sv: string; label_en?: string }[];
  partnerships?: string[];
  /** Titles of the goals of the seeded strategy it serves, where the strategy's text places it. */
  goals?: string[];
  source: string;
}

export interface SeedMunicipality {
  code: string;
  slug: string;
  name_sv: string;
  name_en: string;
  county_code: string;
  county_name: string;
  vision_sv?: string;
  vision_en?: string;
  website?: string;
  source: string;
  organisations: SeedOrganisation[];
  partnerships: SeedPartnership[];
  projects: SeedProject[];
  /**
   * The adopted strategy, as its own text: imported at seeding with the importer coordinators use,
   * and marked adopted.
   */
  strategy?: { text: string; source: string };
}
