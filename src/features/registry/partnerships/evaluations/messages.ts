/** Texts of partnership evaluations and ending a partnership (AR-9), Swedish first. */
import type { PartnershipRecommendation } from '../../../../db/schema.js';
import type { Text } from '../../../../i18n/index.js';

export { labelsIn, type Text, tr } from '../../../../i18n/index.js';

export const RECOMMENDATIONS: Record<PartnershipRecommendation, Text> = {
  continue: { sv: 'Fortsätta samarbetet', en: 'Continue the partnership' },
  change: { sv: 'Ändra samarbetet', en: 'Change the partnership' },
  end: { sv: 'Avsluta samarbetet', en: 'End the partnership' },
};

export const STATE_LABELS: Record<'due' | 'overdue' | 'upcoming', Text> = {
  due: { sv: 'Dags att utvärdera', en: 'Due' },
  overdue: { sv: 'Försenad', en: 'Overdue' },
  upcoming: { sv: 'Inte aktuell än', en: 'Not yet due' },
};

export const EV = {
  listTitle: { sv: 'Utvärderingar av samarbeten', en: 'Evaluations of partnerships' },
  listLead: {
    sv: 'Varje aktivt eller vilande samarbete utvärderas var {months}:e månad, räknat från den senaste utvärderingen eller, innan någon finns, från samarbetets start. En utvärdering är aktuell 90 dagar innan den ska vara gjord.',
    en: 'Each active or dormant partnership is evaluated every {months} months, counted from the latest evaluation or, before there is one, from the start of the partnership. An evaluation is due 90 days before its date.',
  },
  heading: { sv: 'Utvärderingar', en: 'Evaluations' },
  ofPartnership: { sv: 'Utvärderingar av {title}', en: 'Evaluations of {title}' },
  partnership: { sv: 'Samarbete', en: 'Partnership' },
  status: { sv: 'Status', en: 'Status' },
  last: { sv: 'Senaste utvärdering', en: 'Latest evaluation' },
  next: { sv: 'Nästa utvärdering senast', en: 'Next evaluation due' },
  state: { sv: 'Läge', en: 'State' },
  never: { sv: 'Aldrig', en: 'Never' },
  notEvaluated: { sv: 'Utvärderas inte', en: 'Not evaluated' },
  none: { sv: 'Kommunen har inga samarbeten registrerade.', en: 'The municipality has no partnerships recorded.' },
  noEvaluations: { sv: 'Samarbetet har inte utvärderats i Utblick än.', en: 'The partnership has not been evaluated in Utblick yet.' },
  startedOn: { sv: 'Samarbetet räknas som startat {date}.', en: 'The partnership counts as started on {date}.' },
  newEvaluation: { sv: 'Ny utvärdering', en: 'New evaluation' },
  endPartnership: { sv: 'Avsluta samarbetet', en: 'End the partnership' },
  evaluatedOn: { sv: 'Utvärderad', en: 'Evaluated' },
  period: { sv: 'Period', en: 'Period' },
  periodText: { sv: '{from}–{to}', en: '{from} – {to}' },
  recommendation: { sv: 'Rekommendation', en: 'Recommendation' },
  show: { sv: 'Visa', en: 'Show' },
  showEvaluation: { sv: 'Visa utvärderingen {date}', en: 'Show the evaluation of {date}' },
  backToPartnership: { sv: 'Till samarbetet', en: 'To the partnership' },
  allEvaluations: { sv: 'Alla utvärderingar', en: 'All evaluations' },
  ended: { sv: 'Samarbetet avslutades {date}.', en: 'The partnership ended on {date}.' },
  endedNoDate: { sv: 'Samarbetet är avslutat.', en: 'The partnership has ended.' },
  // The form
  formTitle: { sv: 'Utvärdera {title}', en: 'Evaluate {title}' },
  formLead: {
    sv: 'Utvärderingen beskriver vad samarbetet har gett under perioden och vad det har kostat, och slutar i en rekommendation. Aktiviteten räknas fram ur uppgifterna i Utblick och sparas med utvärderingen.',
    en: 'The evaluation describes what the partnership has given during the period and what it has cost, and ends in a recommendation. The activity is counted from the data in Utblick and saved with the evaluation.',
  },
  periodLegend: { sv: 'Period som utvärderas', en: 'Period evaluated' },
  recount: { sv: 'Räkna om aktiviteten för perioden', en: 'Count the activity for the period again' },
  activityHeading: { sv: 'Aktivitet under perioden', en: 'Activity in the period' },
  activityCaption: { sv: 'Aktivitet {from}–{to}, räknad ur uppgifterna', en: 'Activity {from} – {to}, counted from the data' },
  exchanges: { sv: 'Utbyten', en: 'Exchanges' },
  projects: { sv: 'Projekt', en: 'Projects' },
  visits: { sv: 'Besök', en: 'Visits' },
  events: { sv: 'Händelser i tidslinjen', en: 'Timeline events' },
  count: { sv: 'Antal', en: 'Number' },
  countRuleHeading: { sv: 'Så räknas aktiviteten', en: 'How the activity is counted' },
  countRules: [
    { sv: 'Utbyten: händelser av typen utbyte i samarbetets tidslinje under perioden.', en: "Exchanges: events of kind exchange in the partnership's timeline during the period." },
    { sv: 'Projekt: kopplade projekt som pågick någon gång under perioden (inte inställda eller avslagna).', en: 'Projects: linked projects running at some time in the period (not cancelled or rejected).' },
    { sv: 'Besök: de av projekten som är besök eller studieresor, plus händelser av typen annan händelse vars beskrivning innehåller ordet besök.', en: 'Visits: those projects that are visits or study trips, plus events of kind other event whose description contains the word "besök".' },
    { sv: 'Händelser: alla händelser i tidslinjen under perioden, utom tidigare utvärderingar.', en: 'Events: every event in the timeline during the period, except earlier evaluations.' },
  ] satisfies Text[],
  save: { sv: 'Spara utvärderingen', en: 'Save the evaluation' },
  cancel: { sv: 'Avbryt', en: 'Cancel' },
  costsNone: { sv: 'Inga kostnader angivna', en: 'No costs given' },
  notStated: { sv: 'Inte angivet', en: 'Not stated' },
  evaluationOf: { sv: 'Utvärdering {date}', en: 'Evaluation of {date}' },
  recordedBy: { sv: 'Registrerad av', en: 'Recorded by' },
  decision: { sv: 'Beslut', en: 'Decision' },
  endHint: {
    sv: 'Utvärderingen rekommenderar att samarbetet avslutas. Ett samarbete avslutas genom ett beslut: använd Avsluta samarbetet.',
    en: 'The evaluation recommends ending the partnership. A partnership is ended by a decision: use End the partnership.',
  },
  eventEvaluated: { sv: 'Samarbetet utvärderades. Rekommendation: {recommendation}.', en: 'The partnership was evaluated. Recommendation: {recommendation}.' },
  eventEnded: { sv: 'Samarbetet avslutades genom beslut {decision}.', en: 'The partnership was ended by decision {decision}.' },
  // Ending
  endTitle: { sv: 'Avsluta {title}', en: 'End {title}' },
  endLead: {
    sv: 'Ett samarbete avslutas genom ett beslut. Välj ett beslut som redan är registrerat, eller registrera beslutet här. Samarbetet behåller hela sin historik och visas som avslutat på den publika webbplatsen.',
    en: 'A partnership is ended by a decision. Choose a decision already recorded, or record the decision here. The partnership keeps all its history and shows as ended on the public website.',
  },
  alreadyEnded: { sv: 'Samarbetet är redan avslutat.', en: 'The partnership has already ended.' },
  existingLegend: { sv: 'Ett beslut som redan är registrerat', en: 'A decision already recorded' },
  existingDecision: { sv: 'Beslut', en: 'Decision' },
  noExisting: { sv: 'Inget, jag registrerar beslutet nedan', en: 'None, I record the decision below' },
  newLegend: { sv: 'Eller registrera beslutet', en: 'Or record the decision' },
  newHint: { sv: 'Fyll bara i de här fälten om beslutet inte redan finns i listan ovan.', en: 'Only fill in these fields if the decision is not already in the list above.' },
  body: { sv: 'Beslutande organ', en: 'Deciding body' },
  decidedOn: { sv: 'Beslutsdatum', en: 'Date of decision' },
  paragraph: { sv: 'Paragraf', en: 'Paragraph' },
  paragraphHint: { sv: 'Till exempel § 112.', en: 'For example § 112.' },
  registryNumber: { sv: 'Diarienummer', en: 'Registry number' },
  registryHint: { sv: 'Lämna tomt så får beslutet nästa lediga nummer.', en: 'Leave empty to give the decision the next free number.' },
  subject: { sv: 'Ärende', en: 'Subject' },
  subjectDefault: { sv: 'Avslutande av samarbetet med {title}', en: 'Ending the partnership with {title}' },
  endButton: { sv: 'Avsluta samarbetet', en: 'End the partnership' },
  chooseBody: { sv: 'Välj', en: 'Choose' },
} satisfies Record<string, Text | Text[]>;

export const EVALUATION_LABELS: Record<string, Text> = {
  evaluated_on: { sv: 'Datum för utvärderingen', en: 'Date of the evaluation' },
  period_start: { sv: 'Periodens första dag', en: 'First day of the period' },
  period_end: { sv: 'Periodens sista dag', en: 'Last day of the period' },
  benefit_residents_sv: { sv: 'Nytta för invånarna', en: 'Benefit for residents' },
  benefit_organisation_sv: { sv: 'Nytta för kommunen som organisation', en: 'Benefit for the municipality as an organisation' },
  costs: { sv: 'Kostnader under perioden', en: 'Costs in the period' },
  costs_sv: { sv: 'Kommentar till kostnaderna', en: 'Comment on the costs' },
  partner_view_sv: { sv: 'Partnerns syn på samarbetet', en: "The partner's view of the partnership" },
  recommendation: { sv: 'Rekommendation', en: 'Recommendation' },
  recommendation_sv: { sv: 'Motivering', en: 'Justification' },
};

export const HINTS = {
  date: { sv: 'Till exempel 2026-11-21.', en: 'For example 2026-11-21.' },
  costs: { sv: 'I kronor, till exempel 45 000. Lämna tomt om kostnaderna inte är kända.', en: 'In kronor, for example 45 000. Leave empty if the costs are not known.' },
  benefit_residents_sv: { sv: 'Vad har invånarna, föreningarna, skolorna och företagen fått ut av samarbetet?', en: 'What have residents, associations, schools and businesses gained from the partnership?' },
  benefit_organisation_sv: { sv: 'Kunskap, kontakter och arbetssätt som kommunens verksamheter har fått.', en: "Knowledge, contacts and ways of working the municipality's services have gained." },
  partner_view_sv: { sv: 'Vad partnern har sagt om samarbetet, om ni har frågat.', en: 'What the partner has said about the partnership, if you have asked.' },
} satisfies Record<string, Text>;

export const ERR = {
  date: { sv: '{label} måste vara ett datum, till exempel 2026-11-21.', en: '{label} must be a date, like 2026-11-21.' },
  future: { sv: '{label} kan inte vara senare än i dag.', en: '{label} cannot be later than today.' },
  periodOrder: { sv: 'Periodens första dag måste vara före eller samma som den sista.', en: 'The first day of the period must be on or before the last.' },
  periodAfterEvaluation: { sv: 'Perioden kan inte sluta efter datumet för utvärderingen.', en: 'The period cannot end after the date of the evaluation.' },
  required: { sv: 'Fyll i {label}.', en: 'Enter {label}.' },
  tooLong: { sv: '{label} får ha högst {max} tecken.', en: '{label} must be {max} characters or fewer.' },
  recommendation: { sv: 'Välj om samarbetet ska fortsätta, ändras eller avslutas.', en: 'Choose whether the partnership should continue, change or end.' },
  costsFormat: { sv: 'Skriv kostnaderna i kronor, till exempel 45 000 eller 45 000,50.', en: 'Enter the costs in kronor, for example 45 000 or 45 000.50.' },
  costsNegative: { sv: 'Kostnaderna kan inte vara negativa.', en: 'The costs cannot be negative.' },
  costsTooLarge: { sv: 'Kostnaderna är orimligt stora: högst 1 000 000 000 kronor.', en: 'The costs are unreasonably large: at most 1,000,000,000 kronor.' },
  decisionMissing: { sv: 'Ett samarbete kan bara avslutas med ett registrerat beslut.', en: 'A partnership can only be ended with a recorded decision.' },
  decisionBoth: { sv: 'Välj ett registrerat beslut eller registrera ett nytt, inte båda.', en: 'Choose a recorded decision or record a new one, not both.' },
  decisionUnknown: { sv: 'Välj ett av kommunens beslut i listan.', en: "Choose one of the municipality's decisions from the list." },
  body: { sv: 'Välj fullmäktige, kommunstyrelsen eller den nämnd som fattade beslutet.', en: 'Choose the council, executive board or committee that took the decision.' },
  paragraph: { sv: 'Fyll i paragrafen i protokollet.', en: 'Enter the paragraph in the minutes.' },
  registry: { sv: 'Skriv diarienumret som i diariet, till exempel KS 2026/45.', en: 'Write the registry number as in the register, for example KS 2026/45.' },
  registryTaken: { sv: 'Diarienumret {n} används redan av ett annat beslut i kommunen.', en: 'The registry number {n} is already used by another decision in the municipality.' },
  subject: { sv: 'Fyll i ärendet, högst 300 tecken.', en: 'Enter the subject, at most 300 characters.' },
} satisfies Record<string, Text>;

export const NOTICES: Record<string, Text> = {
  evaluated: { sv: 'Utvärderingen är sparad och syns i samarbetets historik.', en: "The evaluation has been saved and shows in the partnership's history." },
  ended: { sv: 'Samarbetet är avslutat. Historiken finns kvar.', en: 'The partnership has been ended. Its history is kept.' },
};
