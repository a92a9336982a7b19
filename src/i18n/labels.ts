/** Labels for the domain's enumerations, in Swedish and English. */
import type {
  DecisionOutcome,
  FundingKind,
  MunicipalityRole,
  PartnerRole,
  PartnershipEventKind,
  PartnershipKind,
  PartnershipStatus,
  ProjectKind,
  ProjectStatus,
} from '../db/schema.js';
import type { Lang } from './index.js';

type Labels<K extends string> = Record<K, { sv: string; en: string }>;

export const PROJECT_KINDS: Labels<ProjectKind> = {
  project: { sv: 'Projekt', en: 'Project' },
  exchange: { sv: 'Utbyte', en: 'Exchange' },
  visit: { sv: 'Besök', en: 'Visit' },
  study_trip: { sv: 'Studieresa', en: 'Study trip' },
  network_activity: { sv: 'Nätverksaktivitet', en: 'Network activity' },
  training: { sv: 'Utbildning', en: 'Training' },
};

export const PROJECT_STATUSES: Labels<ProjectStatus> = {
  planned: { sv: 'Planerat', en: 'Planned' },
  applied: { sv: 'Ansökt', en: 'Applied for' },
  ongoing: { sv: 'Pågående', en: 'Ongoing' },
  completed: { sv: 'Avslutat', en: 'Completed' },
  cancelled: { sv: 'Avbrutet', en: 'Cancelled' },
};

export const MUNICIPALITY_ROLES: Labels<MunicipalityRole> = {
  lead: { sv: 'Projektägare (huvudpartner)', en: 'Project owner (lead partner)' },
  partner: { sv: 'Partner', en: 'Partner' },
  associated: { sv: 'Associerad partner', en: 'Associated partner' },
};

export const PARTNER_ROLES: Labels<PartnerRole> = {
  lead: { sv: 'Huvudpartner', en: 'Lead partner' },
  partner: { sv: 'Partner', en: 'Partner' },
  associated: { sv: 'Associerad partner', en: 'Associated partner' },
  other: { sv: 'Medverkar', en: 'Takes part' },
};

export const FUNDING_KINDS: Labels<FundingKind> = {
  eu_grant: { sv: 'EU-stöd', en: 'EU grant' },
  other_grant: { sv: 'Annat bidrag', en: 'Other grant' },
  municipal_cash: { sv: 'Kommunal medfinansiering', en: 'Municipal co-financing' },
  own_staff_time: { sv: 'Egen tid', en: 'Own staff time' },
  partner: { sv: 'Partners finansiering', en: 'Partner funding' },
  other: { sv: 'Övrigt', en: 'Other' },
};

export const PARTNERSHIP_KINDS: Labels<PartnershipKind> = {
  twinning: { sv: 'Vänort', en: 'Twin town' },
  network: { sv: 'Nätverk och medlemskap', en: 'Network and membership' },
  cooperation: { sv: 'Samarbetspartner', en: 'Cooperation partner' },
  development: { sv: 'Utvecklingssamarbete', en: 'Development cooperation' },
};

export const PARTNERSHIP_STATUSES: Labels<PartnershipStatus> = {
  proposed: { sv: 'Föreslaget', en: 'Proposed' },
  active: { sv: 'Aktivt', en: 'Active' },
  dormant: { sv: 'Vilande', en: 'Dormant' },
  ended: { sv: 'Avslutat', en: 'Ended' },
};

export const EVENT_KINDS: Labels<PartnershipEventKind> = {
  first_contact: { sv: 'Första kontakt', en: 'First contact' },
  proposed: { sv: 'Förslag', en: 'Proposal' },
  agreement_signed: { sv: 'Avtal tecknat', en: 'Agreement signed' },
  confirmed: { sv: 'Avtal bekräftat', en: 'Agreement confirmed' },
  exchange: { sv: 'Utbyte', en: 'Exchange' },
  evaluated: { sv: 'Utvärdering', en: 'Evaluation' },
  ended: { sv: 'Avslutat', en: 'Ended' },
  other: { sv: 'Händelse', en: 'Event' },
};

export const DECISION_OUTCOMES: Labels<DecisionOutcome> = {
  approved: { sv: 'Bifall', en: 'Approved' },
  rejected: { sv: 'Avslag', en: 'Rejected' },
  noted: { sv: 'Noterat', en: 'Noted' },
  referred: { sv: 'Återremiss', en: 'Referred back' },
  postponed: { sv: 'Bordlagt', en: 'Postponed' },
};

/** Label of an enumeration value, or the value itself when unknown. */
export function label<K extends string>(labels: Labels<K>, value: K | null | undefined, lang: Lang): string {
  if (value == null) return '';
  return labels[value]?.[lang] ?? value;
}
