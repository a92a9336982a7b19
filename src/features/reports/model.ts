/**
 * The shapes of the half-year report (AL-13). `ReportData` is the report's whole content: the
 * figures computed from live data (`data.ts`) and the people's text (summary, each unit's
 * comment). The Word, PDF and HTML documents are rendered from it alone, so a finalised report is
 * its frozen `ReportData` (`half_year_reports.snapshot`) and renders the same forever.
 *
 * Everything is plain JSON (no Dates, no Maps). Money is integer minor units with the currency;
 * the report's totals are in SEK (lines in other currencies are listed per currency).
 */
import type {
  BudgetCategory,
  DecisionOutcome,
  FundingKind,
  PartnershipEventKind,
  PartnershipKind,
  PartnershipRecommendation,
  PartnershipStatus,
  ProjectKind,
  ProjectLifecycle,
  ProjectStatus,
  ReportStatus,
  TrafficLight,
} from '../../db/schema.js';
import type { DueKind } from '../strategy/progress/due.js';

/** The sections a report can have, in their default order. */
export const SECTION_KEYS = ['summary', 'projects', 'funding', 'budget', 'decisions', 'partnerships', 'goals', 'units', 'overdue'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

/**
 * Which sections a report has, in which order, with which headings; and which units get a section.
 * Saved with each report (`half_year_reports.structure`, JSON); the next period's report starts
 * from the previous one's.
 */
export interface ReportStructure {
  sections: { key: SectionKey; included: boolean; /** Own heading; null: the default. */ heading_sv: string | null; heading_en: string | null }[];
  /** The units (internal organisations) with a section, in order. */
  unitIds: number[];
}

export interface Money {
  currency: string;
  amountMinor: number;
}

export interface ReportFundingLine {
  kind: FundingKind;
  /** Who pays, as written ("Interreg Sverige–Norge", "Erasmus+"), or the programme's name. */
  source: string | null;
  currency: string;
  amountMinor: number | null;
  staffHours: number | null;
}

export interface ReportProject {
  id: number;
  title: string;
  titleEn: string | null;
  kind: ProjectKind;
  status: ProjectStatus | null;
  lifecycle: ProjectLifecycle;
  /** Where the project stands in the period: started in it, finished in it, or running through it. */
  phase: 'started' | 'finished' | 'ongoing';
  startDate: string | null;
  endDate: string | null;
  unitId: number | null;
  unitName: string | null;
  programme: string | null;
  published: boolean;
  countries: string[];
  themes: string[];
  goalIds: number[];
  funding: ReportFundingLine[];
  /** EU grants and other grants (external money attracted), per currency. */
  external: Money[];
  /** The municipality's own co-financing in cash, per currency. */
  ownCash: Money[];
  /** The municipality's own staff time, and its value at the municipality's hourly cost (SEK öre). */
  ownHours: number;
  ownHoursValueMinor: number;
  participantsTotal: number | null;
  participantsYouth: number | null;
  results: { description: string; indicator: string | null; unit: string | null; target: number | null; actual: number | null; period: string | null }[];
}

export interface ReportTotals {
  started: number;
  finished: number;
  ongoing: number;
  /** External funding of the report's projects (EU and other grants), SEK öre. */
  externalSekMinor: number;
  euSekMinor: number;
  otherGrantsSekMinor: number;
  ownCashSekMinor: number;
  ownHours: number;
  ownHoursValueSekMinor: number;
  participantsTotal: number;
  participantsYouth: number;
  /** Amounts in other currencies than SEK, not converted. */
  otherCurrencies: { currency: string; externalMinor: number; ownCashMinor: number }[];
}

/** Funding attracted per half-year: external money of projects that started in it (SEK öre). */
export interface FundingHistoryPoint {
  period: string;
  euSekMinor: number;
  otherGrantsSekMinor: number;
  projectsStarted: number;
}

export interface ReportDecision {
  id: number;
  decidedOn: string | null;
  body: string | null;
  delegateRole: string | null;
  paragraph: string | null;
  registryNumber: string | null;
  subject: string;
  outcome: DecisionOutcome;
  projectIds: number[];
  partnershipIds: number[];
}

export interface ReportPartnershipEvaluation {
  id: number;
  evaluatedOn: string;
  recommendation: PartnershipRecommendation;
  recommendationText: string | null;
}

export interface ReportPartnership {
  id: number;
  title: string;
  kind: PartnershipKind;
  status: PartnershipStatus;
  partners: string[];
  published: boolean;
  /** Events in the period (exchanges, visits, agreements …). */
  events: { date: string; kind: PartnershipEventKind; description: string }[];
  /** Projects linked to the partnership that ran during the period. */
  projectIds: number[];
  /** Evaluations recorded in the period. */
  evaluations: ReportPartnershipEvaluation[];
  /** When the next evaluation is due (AR-9), if the municipality evaluates this kind. */
  evaluationDueOn: string | null;
}

export interface ReportGoal {
  id: number;
  parentId: number | null;
  depth: number;
  levelName: string;
  title: string;
  progress: number | null;
  light: TrafficLight;
  explanation: string;
}

export interface ReportBudgetCategory {
  category: BudgetCategory;
  allocatedMinor: number | null;
  usedMinor: number;
  /** Allocated minus used; null when nothing is allocated. */
  remainingMinor: number | null;
  used: { source: 'entry' | 'project' | 'partnership'; description: string; date: string | null; amountMinor: number; projectId: number | null; partnershipId: number | null }[];
}

/** The international budget of one year (AL-15), SEK öre. */
export interface BudgetYear {
  year: number;
  categories: ReportBudgetCategory[];
}

export interface ReportDueItem {
  kind: DueKind;
  title: string;
  dueOn: string;
  state: 'due' | 'overdue' | 'upcoming';
}

export interface ReportUnitSection {
  unitId: number;
  unitName: string;
  /** The unit's projects in the period (ids into `projects`). */
  projectIds: number[];
  measures: { id: number; title: string; status: string; progress: number; endDate: string | null }[];
  comment: string | null;
  ready: boolean;
  readyAt: string | null;
  /** Who marked it ready (a colleague's name, never a private individual's). */
  readyBy: string | null;
}

export interface ReportData {
  /** Bump when the shape changes; old snapshots keep rendering with their own version. */
  schemaVersion: 1;
  municipality: { id: number; name: string; nameEn: string; slug: string };
  period: { key: string; start: string; end: string };
  title: string;
  titleEn: string | null;
  status: ReportStatus;
  /** When the figures were computed (ISO timestamp) and the day they describe. */
  generatedAt: string;
  asOf: string;
  registryNumber: string | null;
  finalisedOn: string | null;
  structure: ReportStructure;
  summary: string | null;
  totals: ReportTotals;
  /** Every project of the period, by phase then title. */
  projects: ReportProject[];
  /** This half-year and the five before it, oldest first. */
  fundingHistory: FundingHistoryPoint[];
  /** External funding of the period's projects by source (SEK öre), largest first. */
  fundingBySource: { source: string; amountMinor: number }[];
  decisions: ReportDecision[];
  partnerships: ReportPartnership[];
  /** The adopted strategy's goals in tree order; null when there is no adopted strategy. */
  goals: { strategyTitle: string; goals: ReportGoal[] } | null;
  /** The budget of the period's year; null when nothing is allocated or recorded. */
  budget: BudgetYear | null;
  /** What is overdue or due as of `asOf` (the day the report was drafted or finalised). */
  overdue: ReportDueItem[];
  units: ReportUnitSection[];
}
