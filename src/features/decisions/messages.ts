/** Texts of the decisions feature, Swedish first. Pages read `M.key[lang]`. */
import type { AssessmentRecommendation, ProjectLifecycle } from '../../db/schema.js';
import type { Lang, Text } from '../../i18n/index.js';
import { whoDecides } from './explain.js';
import type { LifecycleAction, Refusal } from './lifecycle.js';
import type { DecisionPlan } from './routing.js';

export const LIFECYCLE_LABELS: Record<ProjectLifecycle, Text> = {
  idea: { sv: 'Idé', en: 'Idea' },
  assessment: { sv: 'Under bedömning', en: 'Being assessed' },
  awaiting_decision: { sv: 'Väntar på beslut', en: 'Awaiting decision' },
  approved: { sv: 'Beviljat', en: 'Approved' },
  rejected: { sv: 'Avslaget', en: 'Rejected' },
  ongoing: { sv: 'Pågående', en: 'Ongoing' },
  completed: { sv: 'Avslutat', en: 'Completed' },
  evaluated: { sv: 'Utvärderat', en: 'Evaluated' },
  cancelled: { sv: 'Avbrutet', en: 'Cancelled' },
};

export const ACTION_LABELS: Record<LifecycleAction, Text> = {
  start_assessment: { sv: 'Påbörja bedömning', en: 'Start the assessment' },
  submit_for_decision: { sv: 'Skicka till beslut', en: 'Send for decision' },
  return_to_assessment: { sv: 'Återför till bedömning', en: 'Send back to assessment' },
  approve: { sv: 'Markera som beviljat', en: 'Mark as approved' },
  reject: { sv: 'Markera som avslaget', en: 'Mark as rejected' },
  start: { sv: 'Starta projektet', en: 'Start the project' },
  complete: { sv: 'Markera som avslutat', en: 'Mark as completed' },
  evaluate: { sv: 'Markera som utvärderat', en: 'Mark as evaluated' },
  cancel: { sv: 'Avbryt projektet', en: 'Cancel the project' },
};

export const RECOMMENDATION_LABELS: Record<AssessmentRecommendation, Text> = {
  approve: { sv: 'Bifall', en: 'Approve' },
  approve_with_conditions: { sv: 'Bifall med villkor', en: 'Approve with conditions' },
  reject: { sv: 'Avslag', en: 'Reject' },
};

/** Why a lifecycle action was refused, as one clear sentence. */
export function refusalMessage(reason: Refusal, action: LifecycleAction, state: ProjectLifecycle, plan: DecisionPlan, lang: Lang): string {
  const sv = lang === 'sv';
  switch (reason) {
    case 'decision_required': {
      const who = whoDecides(plan, lang);
      if (action === 'start') return sv ? `Projektet kan inte starta innan beslut är fattat av ${who}.` : `The project cannot start before a decision has been taken by ${who}.`;
      return sv ? `Projektet kan inte markeras som beviljat innan beslut är fattat av ${who}.` : `The project cannot be marked as approved before a decision has been taken by ${who}.`;
    }
    case 'assessment_incomplete':
      return sv
        ? 'Projektet kan inte skickas till beslut innan bedömningen är klar. Fyll i bedömningen och markera den som klar.'
        : 'The project cannot be sent for decision before the assessment is complete. Fill in the assessment and mark it as complete.';
    case 'rejection_required':
      return sv
        ? `Projektet kan inte markeras som avslaget innan ett beslut om avslag av ${whoDecides(plan, lang)} är registrerat.`
        : `The project cannot be marked as rejected before a decision to reject it by ${whoDecides(plan, lang)} has been recorded.`;
    default:
      return sv
        ? `Det går inte att ${ACTION_LABELS[action].sv.toLowerCase()} när projektet har status ”${LIFECYCLE_LABELS[state].sv}”.`
        : `You cannot ${ACTION_LABELS[action].en.toLowerCase()} while the project is “${LIFECYCLE_LABELS[state].en}”.`;
  }
}

/** Confirmations after a redirect (`?klart=<key>`). */
export const NOTICES: Record<string, Text> = {
  settings: { sv: 'Inställningarna är sparade.', en: 'The settings have been saved.' },
  units: { sv: 'Ansvariga nämnder är sparade.', en: 'The responsible committees have been saved.' },
  rule: { sv: 'Punkten i delegationsordningen är sparad.', en: 'The point of the delegation order has been saved.' },
  rule_deleted: { sv: 'Punkten i delegationsordningen är borttagen.', en: 'The point of the delegation order has been removed.' },
  decision: { sv: 'Beslutet är registrerat.', en: 'The decision has been recorded.' },
  status: { sv: 'Projektets status är ändrad.', en: 'The project’s status has been changed.' },
  assessment: { sv: 'Bedömningen är sparad.', en: 'The assessment has been saved.' },
  assessment_complete: { sv: 'Bedömningen är sparad och markerad som klar.', en: 'The assessment has been saved and marked as complete.' },
  activated: { sv: 'Samarbetet är nu aktivt.', en: 'The partnership is now active.' },
};

export const M = {
  // Delegation order
  delegationTitle: { sv: 'Delegationsordning', en: 'Delegation order' },
  delegationIntro: {
    sv: 'Här anges vilken nämnd som ansvarar för vilken enhet, och vilka delegater som får besluta om internationella projekt för nämndens räkning. Utblick använder uppgifterna för att visa vem som ska besluta om ett projekt.',
    en: 'Here you set which committee is responsible for which unit, and which delegates may decide on international projects on the committee’s behalf. Utblick uses this to show who must decide on a project.',
  },
  unitsHeading: { sv: 'Ansvarig nämnd per enhet', en: 'Responsible committee per unit' },
  unitsHint: {
    sv: 'En enhet utan ansvarig nämnd ärver nämnden från enheten den hör till. Finns ingen, beslutar kommunstyrelsen.',
    en: 'A unit without a responsible committee takes the committee of the unit it belongs to. If there is none, the executive board decides.',
  },
  unit: { sv: 'Enhet', en: 'Unit' },
  committee: { sv: 'Ansvarig nämnd', en: 'Responsible committee' },
  noCommittee: { sv: 'Ingen angiven', en: 'None set' },
  inheritedFromParent: { sv: 'Ärver {committee} från enheten den hör till.', en: 'Takes the {committee} from the unit it belongs to.' },
  boardDecides: { sv: 'Ingen nämnd angiven: {board} beslutar.', en: 'No committee set: the {board} decides.' },
  saveUnits: { sv: 'Spara ansvariga nämnder', en: 'Save the responsible committees' },
  noUnits: { sv: 'Kommunen har inga enheter registrerade ännu.', en: 'The municipality has no units registered yet.' },
  noCommittees: {
    sv: 'Kommunen har ingen nämnd eller kommunstyrelse registrerad. Lägg till nämnderna under Enheter och nämnder.',
    en: 'The municipality has no committee or executive board registered. Add the committees under Units and committees.',
  },
  rulesHeading: { sv: 'Delegation av beslut om internationella projekt', en: 'Delegated decisions on international projects' },
  rulesEmpty: { sv: 'Delegationsordningen har inga punkter om internationella projekt. Alla beslut fattas då av nämnden.', en: 'The delegation order has no points about international projects. All decisions are then taken by the committee.' },
  reference: { sv: 'Punkt', en: 'Point' },
  delegate: { sv: 'Delegat', en: 'Delegate' },
  kinds: { sv: 'Slag av projekt', en: 'Kinds of project' },
  allKinds: { sv: 'Alla slag', en: 'All kinds' },
  maxAmount: { sv: 'Högsta medfinansiering', en: 'Highest co-financing' },
  actions: { sv: 'Åtgärder', en: 'Actions' },
  edit: { sv: 'Ändra', en: 'Edit' },
  remove: { sv: 'Ta bort', en: 'Remove' },
  addRule: { sv: 'Lägg till punkt', en: 'Add a point' },
  newRuleTitle: { sv: 'Ny punkt i delegationsordningen', en: 'New point of the delegation order' },
  editRuleTitle: { sv: 'Ändra punkt i delegationsordningen', en: 'Edit a point of the delegation order' },
  saveRule: { sv: 'Spara punkten', en: 'Save the point' },
  ruleCommittee: { sv: 'Nämnd som delegerar', en: 'Committee that delegates' },
  ruleDelegate: { sv: 'Delegat (titel)', en: 'Delegate (title)' },
  ruleDelegateHint: { sv: 'Till exempel förvaltningschef eller kommundirektör. Skriv titeln, inte personens namn.', en: 'For example head of department or municipal director. Write the title, not the person’s name.' },
  ruleKindsHint: { sv: 'Kryssa inte i något om delegationen gäller alla slag av projekt.', en: 'Tick none if the delegation covers every kind of project.' },
  ruleMax: { sv: 'Högsta kommunala medfinansiering i kronor', en: 'Highest municipal co-financing in kronor' },
  ruleMaxHint: { sv: 'Kontanta medel och egen personaltid räknas ihop. Till exempel 250 000.', en: 'Cash and own staff time are added together. For example 250 000.' },
  ruleReference: { sv: 'Punkt i delegationsordningen', en: 'Point of the delegation order' },
  ruleReferenceHint: { sv: 'Till exempel 3.2.', en: 'For example 3.2.' },
  cancel: { sv: 'Avbryt', en: 'Cancel' },
  back: { sv: 'Tillbaka', en: 'Back' },

  // Settings
  settingsTitle: { sv: 'Inställningar', en: 'Settings' },
  staffHourCost: { sv: 'Kostnad för en timme egen personaltid, i kronor', en: 'Cost of one hour of own staff time, in kronor' },
  staffHourCostHint: {
    sv: 'Används för att värdera egen tid i projekt och bedömningar, till exempel 500 eller 512,50.',
    en: 'Used to value own staff time in projects and assessments, for example 500 or 512.50.',
  },
  registryPrefix: { sv: 'Prefix för diarienummer', en: 'Prefix of registry numbers' },
  registryPrefixHint: { sv: 'Till exempel KS. Diarienumren skrivs då som KS 2026/123.', en: 'For example KS. Registry numbers are then written as KS 2026/123.' },
  saveSettings: { sv: 'Spara inställningarna', en: 'Save the settings' },
  ssoLink: { sv: 'Inloggning med e-legitimation eller kommunens konto (single sign-on)', en: 'Sign-in with the municipality’s account (single sign-on)' },
  defaultsInUse: { sv: 'Kommunen har inte sparat egna inställningar; standardvärdena gäller.', en: 'The municipality has not saved its own settings; the defaults apply.' },

  // Decisions
  decisionsTitle: { sv: 'Beslut', en: 'Decisions' },
  newDecision: { sv: 'Registrera beslut', en: 'Record a decision' },
  decisionsEmpty: { sv: 'Inga beslut är registrerade ännu.', en: 'No decisions have been recorded yet.' },
  registryNumber: { sv: 'Diarienummer', en: 'Registry number' },
  decidedOn: { sv: 'Beslutsdatum', en: 'Date of decision' },
  subject: { sv: 'Ärende', en: 'Matter' },
  subjectEn: { sv: 'Ärende på engelska', en: 'Matter in English' },
  decisionMaker: { sv: 'Beslutsfattare', en: 'Decided by' },
  paragraph: { sv: 'Paragraf (§)', en: 'Minute paragraph (§)' },
  outcome: { sv: 'Beslut', en: 'Outcome' },
  conditions: { sv: 'Villkor', en: 'Conditions' },
  concerns: { sv: 'Gäller', en: 'Concerns' },
  route: { sv: 'Beslutsväg', en: 'Route' },
  routeCommittee: { sv: 'Nämndbeslut', en: 'Committee decision' },
  routeDelegate: { sv: 'Delegationsbeslut', en: 'Delegated decision' },
  body: { sv: 'Nämnd eller styrelse', en: 'Committee or board' },
  rule: { sv: 'Punkt i delegationsordningen', en: 'Point of the delegation order' },
  registryMode: { sv: 'Diarienummer', en: 'Registry number' },
  registryAuto: { sv: 'Ge beslutet nästa diarienummer', en: 'Give the decision the next registry number' },
  registryManual: { sv: 'Ange ett befintligt diarienummer (äldre beslut)', en: 'Enter an existing registry number (older decisions)' },
  existingRegistryNumber: { sv: 'Befintligt diarienummer', en: 'Existing registry number' },
  registryNumberHint: { sv: 'Till exempel KS 2019/45. Krävs när du anger ett befintligt diarienummer.', en: 'For example KS 2019/45. Needed when you enter an existing registry number.' },
  paragraphHint: { sv: 'Paragrafen i protokollet, till exempel 45. Krävs för nämndbeslut.', en: 'The paragraph in the minutes, for example 45. Needed for committee decisions.' },
  decidedOnHint: { sv: 'Till exempel 2026-03-31.', en: 'For example 2026-03-31.' },
  conditionsHint: { sv: 'Villkor som gäller för beslutet, om några.', en: 'Conditions attached to the decision, if any.' },
  confirmMismatch: { sv: 'Registrera beslutet ändå. Det räknas då inte som beslut om projektets start.', en: 'Record the decision anyway. It will then not count as the decision to start the project.' },
  saveDecision: { sv: 'Registrera beslutet', en: 'Record the decision' },
  forProject: { sv: 'Beslutet gäller projektet', en: 'The decision concerns the project' },
  forPartnership: { sv: 'Beslutet gäller samarbetet', en: 'The decision concerns the partnership' },
  recordedBy: { sv: 'Registrerat', en: 'Recorded' },
  decisionTitle: { sv: 'Beslut', en: 'Decision' },
  noneGiven: { sv: 'Inte angivet', en: 'Not given' },
  previous: { sv: 'Föregående sida', en: 'Previous page' },
  next: { sv: 'Nästa sida', en: 'Next page' },
  pageOf: { sv: 'Sida {page} av {pages}', en: 'Page {page} of {pages}' },

  // Project route page
  routeTitle: { sv: 'Beslutsväg', en: 'Decision route' },
  lifecycle: { sv: 'Status', en: 'Status' },
  projectDecisions: { sv: 'Beslut om projektet', en: 'Decisions on the project' },
  projectNoDecisions: { sv: 'Inga beslut är registrerade för projektet.', en: 'No decisions have been recorded for the project.' },
  matchesRoute: { sv: 'Följer beslutsvägen', en: 'Follows the route' },
  yes: { sv: 'Ja', en: 'Yes' },
  no: { sv: 'Nej', en: 'No' },
  nextSteps: { sv: 'Nästa steg', en: 'Next steps' },
  noNextSteps: { sv: 'Projektet har nått sitt slutläge.', en: 'The project has reached its final state.' },
  noPermittedSteps: { sv: 'Din roll ger inte behörighet att ändra projektets status.', en: 'Your role does not allow you to change the project’s status.' },
  assessmentLink: { sv: 'Bedömning', en: 'Assessment' },
  assessmentDone: { sv: 'Bedömningen är klar', en: 'The assessment is complete' },
  assessmentDraft: { sv: 'Bedömningen är påbörjad men inte klar', en: 'The assessment is started but not complete' },
  assessmentMissing: { sv: 'Bedömningen är inte påbörjad', en: 'The assessment has not been started' },
  documentLink: { sv: 'Ladda ner tjänsteskrivelse (Word)', en: 'Download the draft decision document (Word, in Swedish)' },
  openProject: { sv: 'Projektets sida', en: 'The project’s page' },
  noLongerCovered: {
    sv: 'Beslutet täcker inte längre projektet som det ser ut nu (till exempel har medfinansieringen ökat eller kommunen blivit projektägare). Ett nytt beslut behövs av {who}.',
    en: 'The decision no longer covers the project as it is now (for example the co-financing has grown or the municipality has become project owner). A new decision is needed from {who}.',
  },
  noDecisionRecorded: {
    sv: 'Inget beslut som täcker projektet är registrerat. Registrera beslutet av {who}; ett äldre beslut registreras med sitt befintliga diarienummer.',
    en: 'No decision covering the project has been recorded. Record the decision by {who}; an older decision is recorded with its existing registry number.',
  },
  cofinancingHeading: { sv: 'Kommunal medfinansiering', en: 'Municipal co-financing' },
  cash: { sv: 'Kontanta medel', en: 'Cash' },
  staffHours: { sv: 'Egen personaltid', en: 'Own staff time' },
  staffValue: { sv: 'Egen personaltid, värde', en: 'Own staff time, value' },
  total: { sv: 'Sammanlagt', en: 'Total' },
  hourlyCost: { sv: 'Timkostnad', en: 'Hourly cost' },

  // Assessment
  assessmentTitle: { sv: 'Bedömning inför beslut', en: 'Assessment before the decision' },
  assessmentIntro: {
    sv: 'Innan en ny kontakt eller ett nytt projekt beslutas ska den samlade nyttan, de ekonomiska åtagandena och medborgarperspektivet bedömas (internationella strategin).',
    en: 'Before a new contact or project is decided on, its total benefit, economic commitments and the citizen perspective are assessed (the international strategy).',
  },
  totalBenefit: { sv: 'Samlad nytta', en: 'Total benefit' },
  totalBenefitHint: { sv: 'Vad ger projektet kommunen och invånarna? Vilka mål i strategin bidrar det till?', en: 'What does it give the municipality and its residents? Which goals of the strategy does it serve?' },
  economy: { sv: 'Ekonomiska åtaganden', en: 'Economic commitments' },
  economyFromFunding: { sv: 'Beräknat från projektets finansiering och kommunens timkostnad.', en: 'Calculated from the project’s funding and the municipality’s hourly cost.' },
  cashField: { sv: 'Kontanta medel i kronor', en: 'Cash in kronor' },
  cashHint: { sv: 'Kommunens kontanta åtagande, till exempel 120 000. Skriv 0 om inget.', en: 'The municipality’s cash commitment, for example 120 000. Write 0 if none.' },
  hoursField: { sv: 'Egen personaltid i timmar', en: 'Own staff time in hours' },
  hoursHint: { sv: 'Till exempel 200. Skriv 0 om inget.', en: 'For example 200. Write 0 if none.' },
  citizen: { sv: 'Medborgarperspektiv', en: 'Citizen perspective' },
  citizenHint: { sv: 'Hur märker invånarna nyttan? Prioriteras unga?', en: 'How do residents notice the benefit? Do young people come first?' },
  operationsFit: { sv: 'Koppling till ordinarie verksamhet', en: 'Fit with ordinary operations' },
  operationsFitHint: { sv: 'Hur blir arbetet en del av den ordinarie verksamheten?', en: 'How does the work become part of ordinary operations?' },
  strategyFit: { sv: 'Koppling till strategin', en: 'Fit with the strategy' },
  risks: { sv: 'Risker', en: 'Risks' },
  risksHint: { sv: 'Ekonomiska, verksamhetsmässiga och andra risker, och hur de hanteras.', en: 'Economic, operational and other risks, and how they are handled.' },
  recommendation: { sv: 'Rekommendation', en: 'Recommendation' },
  recommendationText: { sv: 'Förslag till beslut', en: 'Proposed decision' },
  recommendationTextHint: { sv: 'Skrivs som i en tjänsteskrivelse, till exempel: Kultur- och fritidsnämnden beslutar att bevilja medfinansiering med 120 000 kr.', en: 'Written as in a draft decision, for example: The committee decides to grant co-financing of SEK 120,000.' },
  saveDraft: { sv: 'Spara utkast', en: 'Save draft' },
  saveComplete: { sv: 'Spara och markera som klar', en: 'Save and mark as complete' },
  completedOn: { sv: 'Klar', en: 'Completed' },
  completeNeedsDecide: { sv: 'Bedömningen markeras som klar av samordnaren eller kommunens administratör.', en: 'The coordinator or the municipality’s administrator marks the assessment as complete.' },

  // Partnership activation
  activateTitle: { sv: 'Aktivera samarbetet', en: 'Activate the partnership' },
  activateIntro: {
    sv: 'Ett nytt samarbete blir aktivt först när bedömningen är klar och ett beslut om samarbetet är registrerat.',
    en: 'A new partnership becomes active only when its assessment is complete and a decision on it has been recorded.',
  },
  activateButton: { sv: 'Aktivera samarbetet', en: 'Activate the partnership' },
  conditionAssessment: { sv: 'Bedömningen är klar', en: 'The assessment is complete' },
  conditionDecision: { sv: 'Ett beslut om att godkänna samarbetet är registrerat', en: 'A decision approving the partnership has been recorded' },
  fulfilled: { sv: 'uppfyllt', en: 'done' },
  notFulfilled: { sv: 'inte uppfyllt', en: 'not done' },
  partnershipStatus: { sv: 'Status', en: 'Status' },
  recordPartnershipDecision: { sv: 'Registrera beslut om samarbetet', en: 'Record a decision on the partnership' },
} satisfies Record<string, Text>;

export { fill } from '../../i18n/index.js';
