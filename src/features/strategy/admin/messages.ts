/** Texts of the strategy back office, Swedish first. */
import type { StrategyStatus, TrafficLight } from '../../../db/schema.js';
import type { Text } from '../../../i18n/index.js';
import { TRAFFIC_LIGHT } from '../progress/messages.js';

export { labelsIn, type Text, tr } from '../../../i18n/index.js';

export const STATUS_LABELS: Record<StrategyStatus, Text> = {
  draft: { sv: 'Utkast', en: 'Draft' },
  adopted: { sv: 'Antagen', en: 'Adopted' },
  superseded: { sv: 'Ersatt', en: 'Superseded' },
};

export const LIGHT_LABELS: Record<TrafficLight, Text> = TRAFFIC_LIGHT;

export const DUE_LABELS: Record<'not_due' | 'due' | 'overdue' | 'unknown', Text> = {
  not_due: { sv: 'Inte aktuell än', en: 'Not due yet' },
  due: { sv: 'Dags för översyn', en: 'Review due' },
  overdue: { sv: 'Översynen är försenad', en: 'Review overdue' },
  unknown: { sv: 'Okänt (beslutsdatum saknas)', en: 'Unknown (no adoption date)' },
};

export const OUTCOME_LABELS: Record<'unchanged' | 'revise', Text> = {
  unchanged: { sv: 'Strategin gäller oförändrad', en: 'The strategy stands unchanged' },
  revise: { sv: 'Strategin ska revideras', en: 'The strategy is to be revised' },
};

export const S = {
  title: { sv: 'Strategi och mål', en: 'Strategy and goals' },
  lead: {
    sv: 'Kommunens antagna styrdokument för det internationella arbetet, med mål i kommunens egna nivåer. Handlingsplanernas åtgärder, projekt och samarbeten kopplas till målen, och målens utveckling följs upp här.',
    en: 'The municipality’s adopted steering documents for its international work, with goals at the municipality’s own levels. The action plans’ measures, projects and partnerships are linked to the goals, and the goals’ progress is followed up here.',
  },
  none: { sv: 'Kommunen har inte lagt in någon strategi än.', en: 'The municipality has not entered a strategy yet.' },
  importButton: { sv: 'Importera strategi från text eller fil', en: 'Import a strategy from text or a file' },
  newButton: { sv: 'Ny strategi', en: 'New strategy' },
  onlyEdit: { sv: 'Kommunens samordnare och administratörer kan lägga in och ändra strategier.', en: 'The municipality’s coordinators and administrators can add and change strategies.' },
  colTitle: { sv: 'Strategi', en: 'Strategy' },
  colStatus: { sv: 'Status', en: 'Status' },
  colAdopted: { sv: 'Beslut', en: 'Decision' },
  colVersion: { sv: 'Version', en: 'Version' },
  colReview: { sv: 'Nästa översyn', en: 'Next review' },
  notApplicable: { sv: 'Inte aktuellt', en: 'Not applicable' },
  none_: { sv: 'Uppgift saknas', en: 'Not stated' },
  decision: { sv: '{by} {date}', en: '{by} {date}' },
  // Notices after a redirect
  created: { sv: 'Strategin är sparad som utkast.', en: 'The strategy has been saved as a draft.' },
  imported: { sv: 'Strategin är importerad som utkast. Kontrollera målen och anta strategin när den är klar.', en: 'The strategy has been imported as a draft. Check the goals and adopt the strategy when it is ready.' },
  updated: { sv: 'Ändringarna är sparade som en ny version.', en: 'Your changes have been saved as a new version.' },
  adopted: { sv: 'Strategin är antagen.', en: 'The strategy has been adopted.' },
  adoptedSuperseding: { sv: 'Strategin är antagen. Den tidigare antagna strategin är markerad som ersatt.', en: 'The strategy has been adopted. The previously adopted strategy is marked as superseded.' },
  reviewed: { sv: 'Översynen är registrerad.', en: 'The review has been recorded.' },
  goalCreated: { sv: 'Målet är sparat.', en: 'The goal has been saved.' },
  goalUpdated: { sv: 'Målet är ändrat.', en: 'The goal has been changed.' },
  goalDeleted: { sv: 'Målet är borttaget.', en: 'The goal has been deleted.' },
  settingsSaved: { sv: 'Inställningen för uppföljning är sparad.', en: 'The follow-up setting has been saved.' },
  conflict: {
    sv: 'Någon annan har ändrat strategin medan du skrev. Dina ändringar är inte sparade: titta på de nya uppgifterna och gör om ändringen.',
    en: 'Someone else changed the strategy while you were typing. Your changes have not been saved: look at the new values and make your change again.',
  },
} satisfies Record<string, Text>;

export const FIELD_LABELS: Record<string, Text> = {
  title_sv: { sv: 'Strategins namn', en: 'Name of the strategy' },
  title_en: { sv: 'Namn på engelska', en: 'Name in English' },
  vision_sv: { sv: 'Vision som strategin bidrar till', en: 'Vision the strategy serves' },
  vision_en: { sv: 'Visionen på engelska', en: 'The vision in English' },
  adopted_by: { sv: 'Antagen av', en: 'Adopted by' },
  adopted_on: { sv: 'Datum för beslutet', en: 'Date of the decision' },
  minute_paragraph: { sv: 'Paragraf i protokollet', en: 'Minute paragraph' },
  registry_number: { sv: 'Diarienummer', en: 'Registry number' },
  responsibilities_sv: { sv: 'Ansvar och roller', en: 'Responsibilities and roles' },
  responsibilities_en: { sv: 'Ansvar och roller på engelska', en: 'Responsibilities and roles in English' },
  body_sv: { sv: 'Strategins text', en: 'Text of the strategy' },
  summary_en: { sv: 'Sammanfattning på engelska', en: 'Summary in English' },
};

export const FIELD_HINTS = {
  adopted_by: { sv: 'Till exempel Kommunstyrelsen eller Kommunfullmäktige.', en: 'For example the municipal executive board or the municipal council.' },
  adopted_on: { sv: 'Till exempel 2012-11-12.', en: 'For example 2012-11-12.' },
  minute_paragraph: { sv: 'Till exempel § 258.', en: 'For example § 258.' },
  registry_number: { sv: 'Till exempel KS 2012/123.', en: 'For example KS 2012/123.' },
  vision_sv: { sv: 'Citera visionen som strategin utgår från, om den gör det.', en: 'Quote the vision the strategy serves, if it does.' },
  responsibilities_sv: { sv: 'Vem som ansvarar för vad enligt strategin.', en: 'Who is responsible for what according to the strategy.' },
  body_sv: { sv: 'Inledning, syfte och bakgrund.', en: 'Introduction, purpose and background.' },
} satisfies Record<string, Text>;

export const ERR = {
  date: { sv: 'Datum för beslutet måste vara ett datum, till exempel 2012-11-12.', en: 'The date of the decision must be a date, like 2012-11-12.' },
  futureDate: { sv: 'Datum för beslutet kan inte ligga i framtiden.', en: 'The date of the decision cannot be in the future.' },
  adoptNeedsBy: { sv: 'Fyll i vem som antog strategin innan den kan antas i Utblick.', en: 'Enter who adopted the strategy before it can be adopted in Utblick.' },
  adoptNeedsOn: { sv: 'Fyll i datum för beslutet innan strategin kan antas i Utblick.', en: 'Enter the date of the decision before the strategy can be adopted in Utblick.' },
  adoptedNeedsBy: { sv: 'En antagen strategi måste ha uppgift om vem som antog den.', en: 'An adopted strategy must state who adopted it.' },
  adoptedNeedsOn: { sv: 'En antagen strategi måste ha datum för beslutet.', en: 'An adopted strategy must have the date of the decision.' },
  superseded: { sv: 'Strategin är ersatt av en nyare och kan inte antas igen. Lägg in en ny strategi i stället.', en: 'The strategy has been superseded by a newer one and cannot be adopted again. Add a new strategy instead.' },
} satisfies Record<string, Text>;

export const STRATEGY_PAGE = {
  facts: { sv: 'Uppgifter om strategin', en: 'About the strategy' },
  status: { sv: 'Status', en: 'Status' },
  supersededBy: { sv: 'Ersatt av', en: 'Superseded by' },
  version: { sv: 'Version', en: 'Version' },
  source: { sv: 'Källa', en: 'Source' },
  vision: { sv: 'Vision', en: 'Vision' },
  responsibilities: { sv: 'Ansvar och roller', en: 'Responsibilities and roles' },
  text: { sv: 'Strategins text', en: 'Text of the strategy' },
  goals: { sv: 'Mål', en: 'Goals' },
  goalsLead: {
    sv: 'Målens utveckling räknas fram ur åtgärderna i strategins handlingsplaner och ur undermålen. Trafikljuset visar om målet följer planen.',
    en: 'The goals’ progress is computed from the measures in the strategy’s action plans and from the sub-goals. The traffic light shows whether the goal is on track.',
  },
  noGoals: { sv: 'Strategin har inga mål än.', en: 'The strategy has no goals yet.' },
  progress: { sv: 'Utveckling', en: 'Progress' },
  progressValue: { sv: '{p} % genomfört', en: '{p}% done' },
  noProgress: { sv: 'Inget att mäta än', en: 'Nothing to measure yet' },
  plans: { sv: 'Handlingsplaner', en: 'Action plans' },
  noPlans: { sv: 'Strategin har ingen handlingsplan än.', en: 'The strategy has no action plan yet.' },
  period: { sv: '{from} – {to}', en: '{from} – {to}' },
  review: { sv: 'Översyn', en: 'Review' },
  reviewLead: {
    sv: 'Strategin ska ses över en gång per mandatperiod. Mandatperioden börjar den 15 oktober valåret.',
    en: 'The strategy is to be reviewed once per term of office. The term starts on 15 October of the election year.',
  },
  reviewState: { sv: 'Nästa översyn', en: 'Next review' },
  reviewDueOn: { sv: 'senast {date}', en: 'by {date}' },
  reviewsNone: { sv: 'Ingen översyn är registrerad.', en: 'No review has been recorded.' },
  reviewsCaption: { sv: 'Registrerade översyner', en: 'Recorded reviews' },
  reviewedOn: { sv: 'Datum', en: 'Date' },
  outcome: { sv: 'Resultat', en: 'Outcome' },
  note: { sv: 'Kommentar', en: 'Note' },
  decisionReference: { sv: 'Beslut', en: 'Decision' },
  history: { sv: 'Versioner av strategin', en: 'Versions of the strategy' },
  auditHistory: { sv: 'Ändringslogg', en: 'Audit trail' },
  edit: { sv: 'Ändra uppgifterna', en: 'Edit the details' },
  addGoal: { sv: 'Lägg till mål', en: 'Add a goal' },
  adopt: { sv: 'Anta strategin', en: 'Adopt the strategy' },
  adoptHint: {
    sv: 'När strategin antas blir den kommunens gällande strategi. En tidigare antagen strategi markeras då som ersatt.',
    en: 'When the strategy is adopted it becomes the municipality’s strategy in force. A previously adopted strategy is then marked as superseded.',
  },
  recordReview: { sv: 'Registrera översyn', en: 'Record a review' },
} satisfies Record<string, Text>;

export const FOLLOW_UP = {
  heading: { sv: 'Uppföljning', en: 'Follow-up' },
  lead: {
    sv: 'Det som behöver uppmärksamhet: åtgärder som är försenade eller saknar lägesrapport, och mål som ingenting bidrar till. Åtgärder i avslutade handlingsplaner räknas inte i de två första listorna.',
    en: 'What needs attention: measures that are late or lack a progress report, and goals nothing serves. Measures in closed action plans are not counted in the first two lists.',
  },
  late: { sv: 'Försenade åtgärder', en: 'Late measures' },
  lateLead: { sv: 'Åtgärder vars slutdatum har passerat utan att de är genomförda eller avbrutna.', en: 'Measures whose end date has passed without their being done or cancelled.' },
  noLate: { sv: 'Inga åtgärder är försenade.', en: 'No measures are late.' },
  stale: { sv: 'Åtgärder utan lägesrapport', en: 'Measures without a progress report' },
  staleLead: {
    sv: 'Pågående och planerade åtgärder som inte har fått någon lägesrapport på mer än {days} dagar. En åtgärd som aldrig har fått en rapport räknas från den dag den lades in.',
    en: 'Ongoing and planned measures that have had no progress report for more than {days} days. A measure that has never had a report counts from the day it was added.',
  },
  noStale: { sv: 'Alla åtgärder har en aktuell lägesrapport.', en: 'Every measure has a recent progress report.' },
  uncovered: { sv: 'Mål utan åtgärd, projekt eller samarbete', en: 'Goals without a measure, project or partnership' },
  uncoveredLead: {
    sv: 'Ett mål räknas som täckt om det självt eller något av dess undermål har minst en åtgärd (som inte är avbruten), ett projekt eller ett samarbete kopplat till sig.',
    en: 'A goal counts as covered when it or one of its sub-goals has at least one measure (not cancelled), project or partnership linked to it.',
  },
  noUncovered: { sv: 'Alla mål har minst en åtgärd, ett projekt eller ett samarbete.', en: 'Every goal has at least one measure, project or partnership.' },
  measure: { sv: 'Åtgärd', en: 'Measure' },
  plan: { sv: 'Handlingsplan', en: 'Action plan' },
  unit: { sv: 'Ansvarig enhet', en: 'Responsible unit' },
  endDate: { sv: 'Slutdatum', en: 'End date' },
  lastReport: { sv: 'Senaste lägesrapport', en: 'Last progress report' },
  never: { sv: 'Aldrig (inlagd {date})', en: 'Never (added {date})' },
  progress: { sv: 'Genomfört', en: 'Done' },
  goal: { sv: 'Mål', en: 'Goal' },
  level: { sv: 'Nivå', en: 'Level' },
  settings: { sv: 'Inställning för uppföljningen', en: 'Follow-up setting' },
  staleDays: { sv: 'Antal dagar innan en åtgärd räknas som utan lägesrapport', en: 'Days before a measure counts as without a progress report' },
  staleDaysHint: { sv: 'Gäller hela kommunen. Ett heltal mellan 1 och 730, till exempel 90.', en: 'Applies to the whole municipality. A whole number between 1 and 730, like 90.' },
  staleDaysError: { sv: 'Antal dagar måste vara ett heltal mellan 1 och 730, till exempel 90.', en: 'The number of days must be a whole number between 1 and 730, like 90.' },
  save: { sv: 'Spara inställningen', en: 'Save the setting' },
  noUnit: { sv: 'Ingen enhet angiven', en: 'No unit given' },
} satisfies Record<string, Text>;

export const FORM = {
  save: { sv: 'Spara', en: 'Save' },
  cancel: { sv: 'Avbryt', en: 'Cancel' },
  newTitle: { sv: 'Ny strategi', en: 'New strategy' },
  newLead: {
    sv: 'Fyll i strategins uppgifter. Strategin sparas som utkast; målen lägger du till på strategins sida, och du antar den när den är klar.',
    en: 'Enter the details of the strategy. It is saved as a draft; you add the goals on the strategy’s page, and adopt it when it is ready.',
  },
  editTitle: { sv: 'Ändra {name}', en: 'Edit {name}' },
  editLead: { sv: 'Varje gång du sparar blir det en ny version av strategin. De tidigare versionerna finns kvar.', en: 'Each time you save, a new version of the strategy is made. The earlier versions are kept.' },
  adoptLead: {
    sv: 'Strategin kan inte antas förrän uppgifterna om beslutet är ifyllda. Fyll i dem och spara, och anta sedan strategin på strategins sida.',
    en: 'The strategy cannot be adopted until the details of the decision are filled in. Fill them in and save, then adopt the strategy on its page.',
  },
  decision: { sv: 'Beslutet', en: 'The decision' },
  texts: { sv: 'Texter', en: 'Texts' },
} satisfies Record<string, Text>;

export const IMPORT = {
  title: { sv: 'Importera strategi', en: 'Import a strategy' },
  lead: {
    sv: 'Klistra in strategins text eller ladda upp det antagna dokumentet. Utblick föreslår strategins uppgifter och mål utifrån dokumentets rubriker och listor. Du granskar och rättar förslaget innan något sparas.',
    en: 'Paste the strategy’s text or upload the adopted document. Utblick proposes the strategy’s details and goals from the document’s headings and lists. You check and correct the proposal before anything is saved.',
  },
  pasteHeading: { sv: 'Klistra in texten', en: 'Paste the text' },
  textLabel: { sv: 'Strategins text', en: 'Text of the strategy' },
  textHint: { sv: 'Hela dokumentet, med rubriker och punktlistor.', en: 'The whole document, with headings and bullet lists.' },
  readText: { sv: 'Läs in texten', en: 'Read the text' },
  uploadHeading: { sv: 'Eller ladda upp en fil', en: 'Or upload a file' },
  fileLabel: { sv: 'Dokumentet', en: 'The document' },
  fileHint: { sv: 'Word (.docx), Markdown (.md) eller textfil (.txt), högst {mb} MB.', en: 'Word (.docx), Markdown (.md) or text file (.txt), at most {mb} MB.' },
  readFile: { sv: 'Läs in filen', en: 'Read the file' },
  noText: { sv: 'Klistra in strategins text.', en: 'Paste the strategy’s text.' },
  textTooLong: { sv: 'Texten är för lång. Den får vara högst {mb} MB.', en: 'The text is too long. It can be at most {mb} MB.' },
  noFile: { sv: 'Välj en fil att ladda upp.', en: 'Choose a file to upload.' },
  fileTooLarge: { sv: 'Filen är för stor. Den får vara högst {mb} MB.', en: 'The file is too large. It can be at most {mb} MB.' },
  emptyText: { sv: 'Det finns ingen text i filen.', en: 'There is no text in the file.' },
} satisfies Record<string, Text>;

export const REVIEW_FORM = {
  heading: { sv: 'Granska förslaget', en: 'Check the proposal' },
  lead: {
    sv: 'Så här har Utblick tolkat dokumentet. Rätta det som behövs: strategins uppgifter och målen med deras nivåer. Inget sparas förrän du bekräftar. Knapparna vid varje mål ändrar trädet och visar formuläret igen med det du har skrivit kvar.',
    en: 'This is how Utblick read the document. Correct what is needed: the strategy’s details and the goals with their levels. Nothing is saved until you confirm. The buttons at each goal change the tree and show the form again, keeping what you have typed.',
  },
  source: { sv: 'Källa: {name}', en: 'Source: {name}' },
  pasted: { sv: 'inklistrad text', en: 'pasted text' },
  warnings: { sv: 'Att kontrollera', en: 'Things to check' },
  factsHeading: { sv: 'Strategins uppgifter', en: 'The strategy’s details' },
  treeHeading: { sv: 'Mål', en: 'Goals' },
  treeCount: { sv: '{n} mål i förslaget.', en: '{n} goals in the proposal.' },
  treeHelp: {
    sv: 'Öka nivå gör målet till ett undermål till målet ovanför på samma nivå. Minska nivå flyttar målet en nivå upp, efter det överordnade målet. Slå ihop lägger till målets rubrik och text i beskrivningen av målet ovanför på samma nivå, och dess undermål flyttas dit. Ta bort tar bort målet; dess undermål flyttas upp en nivå och finns kvar.',
    en: 'Increase level makes the goal a sub-goal of the goal above it at the same level. Decrease level moves the goal up one level, after its parent. Merge adds the goal’s title and text to the description of the goal above it at the same level, and its sub-goals move there. Delete removes the goal; its sub-goals move up one level and are kept.',
  },
  noRows: { sv: 'Utblick hittade inga mål i texten. Lägg till dem här eller efter att strategin är skapad.', en: 'Utblick found no goals in the text. Add them here or after the strategy has been created.' },
  row: { sv: 'Mål {n}', en: 'Goal {n}' },
  depth: { sv: 'Nivå {n}', en: 'Level {n}' },
  levelName: { sv: 'Nivåns namn', en: 'Name of the level' },
  rowTitle: { sv: 'Rubrik', en: 'Title' },
  rowDescription: { sv: 'Beskrivning', en: 'Description' },
  unnamed: { sv: 'mål {n} utan rubrik', en: 'goal {n} without a title' },
  up: { sv: 'Flytta upp', en: 'Move up' },
  down: { sv: 'Flytta ned', en: 'Move down' },
  indent: { sv: 'Öka nivå', en: 'Increase level' },
  outdent: { sv: 'Minska nivå', en: 'Decrease level' },
  merge: { sv: 'Slå ihop med föregående', en: 'Merge with the previous' },
  delete: { sv: 'Ta bort', en: 'Delete' },
  add: { sv: 'Lägg till mål efter', en: 'Add a goal after' },
  addEnd: { sv: 'Lägg till mål sist', en: 'Add a goal at the end' },
  confirm: { sv: 'Bekräfta och skapa strategin', en: 'Confirm and create the strategy' },
  startOver: { sv: 'Börja om med en annan text', en: 'Start again with another text' },
  rowError: { sv: 'Mål {n}: {message}', en: 'Goal {n}: {message}' },
  titleRequired: { sv: 'Fyll i rubrik.', en: 'Enter a title.' },
  titleTooLong: { sv: 'Rubriken får ha högst {max} tecken.', en: 'The title must be {max} characters or fewer.' },
  levelRequired: { sv: 'Fyll i nivåns namn, till exempel Målområde.', en: 'Enter the name of the level, like Target area.' },
  levelTooLong: { sv: 'Nivåns namn får ha högst {max} tecken.', en: 'The name of the level must be {max} characters or fewer.' },
  descriptionTooLong: { sv: 'Beskrivningen får ha högst {max} tecken.', en: 'The description must be {max} characters or fewer.' },
  tooDeep: { sv: 'Målet ligger mer än en nivå under målet ovanför. Använd Minska nivå.', en: 'The goal is more than one level below the goal above it. Use Decrease level.' },
  tamperedCount: { sv: 'Formuläret är ofullständigt: antalet mål saknas eller är felaktigt. Börja om importen.', en: 'The form is incomplete: the number of goals is missing or wrong. Start the import again.' },
  tamperedTooMany: { sv: 'Trädet får ha högst {max} mål. Dela upp strategin eller börja om importen.', en: 'The tree can have at most {max} goals. Split the strategy or start the import again.' },
  tamperedMissing: { sv: 'Formuläret är ofullständigt: uppgifter om ett eller flera mål saknas. Börja om importen.', en: 'The form is incomplete: details of one or more goals are missing. Start the import again.' },
  tamperedDepth: {
    sv: 'Formulärets nivåer hänger inte ihop: ett mål ligger mer än en nivå under målet ovanför. Nivåerna ändras bara med knapparna. Börja om importen.',
    en: 'The form’s levels do not fit together: a goal is more than one level below the goal above it. Levels only change with the buttons. Start the import again.',
  },
  tamperedOp: { sv: 'Formuläret skickades med en knapp som Utblick inte känner igen. Börja om importen.', en: 'The form was sent with a button Utblick does not recognise. Start the import again.' },
} satisfies Record<string, Text>;

export const GOAL = {
  newTitle: { sv: 'Nytt mål', en: 'New goal' },
  newLead: { sv: 'Målet läggs till i strategins målträd. Varje ändring sparas som en ny version av strategin.', en: 'The goal is added to the strategy’s goal tree. Every change is saved as a new version of the strategy.' },
  editTitle: { sv: 'Ändra målet {name}', en: 'Edit the goal {name}' },
  parent: { sv: 'Överordnat mål', en: 'Parent goal' },
  parentHint: { sv: 'Målet som det nya målet hör till. Välj inget för ett mål på högsta nivån.', en: 'The goal the new goal belongs to. Choose none for a top-level goal.' },
  noParent: { sv: 'Inget (högsta nivån)', en: 'None (top level)' },
  levelName: { sv: 'Nivåns namn', en: 'Name of the level' },
  levelHint: { sv: 'Kommunens eget namn på nivån, till exempel Övergripande mål, Målområde, Inriktning eller Aktivitet.', en: 'The municipality’s own name of the level, like Overall goal, Target area, Direction or Activity.' },
  levelsUsed: { sv: 'Nivåer som strategin redan använder', en: 'Levels the strategy already uses' },
  levelAt: { sv: 'Nivå {n}: {names}', en: 'Level {n}: {names}' },
  title_sv: { sv: 'Rubrik', en: 'Title' },
  title_en: { sv: 'Rubrik på engelska', en: 'Title in English' },
  description_sv: { sv: 'Beskrivning', en: 'Description' },
  description_en: { sv: 'Beskrivning på engelska', en: 'Description in English' },
  weight: { sv: 'Vikt', en: 'Weight' },
  weightHint: { sv: 'Hur mycket målet väger bland målen på samma nivå, från 0 till 100. Normalt 1.', en: 'How much the goal counts among the goals at the same level, from 0 to 100. Usually 1.' },
  weightError: { sv: 'Vikt måste vara ett tal mellan 0 och 100, till exempel 1 eller 2,5.', en: 'Weight must be a number between 0 and 100, like 1 or 2.5.' },
  position: { sv: 'Plats bland målen på samma nivå', en: 'Place among the goals at the same level' },
  positionHint: { sv: '1 är först. Lämna tomt för att behålla platsen (eller hamna sist om du byter överordnat mål).', en: '1 is first. Leave empty to keep the place (or to go last if you change the parent goal).' },
  positionError: { sv: 'Platsen måste vara ett heltal från 1, till exempel 2.', en: 'The place must be a whole number from 1, like 2.' },
  parentError: { sv: 'Välj ett mål i listan.', en: 'Choose a goal from the list.' },
  cycleError: { sv: 'Ett mål kan inte flyttas in under sig självt eller något av sina egna undermål.', en: 'A goal cannot be moved under itself or one of its own sub-goals.' },
  facts: { sv: 'Om målet', en: 'About the goal' },
  strategy: { sv: 'Strategi', en: 'Strategy' },
  children: { sv: 'Undermål', en: 'Sub-goals' },
  addChild: { sv: 'Lägg till undermål', en: 'Add a sub-goal' },
  edit: { sv: 'Ändra målet', en: 'Edit the goal' },
  delete: { sv: 'Ta bort målet', en: 'Delete the goal' },
  progress: { sv: 'Utveckling', en: 'Progress' },
  expected: { sv: 'Förväntat i dag enligt åtgärdernas datum: {p} %', en: 'Expected today from the measures’ dates: {p}%' },
  how: { sv: 'Så räknas det', en: 'How it is computed' },
  historyHeading: { sv: 'Utvecklingen över tid', en: 'Progress over time' },
  historyNone: { sv: 'Ingen utveckling är registrerad än. Den registreras när åtgärderna får lägesrapporter.', en: 'No progress has been recorded yet. It is recorded when the measures get progress reports.' },
  historyCaption: { sv: 'Målets utveckling per dag då den ändrades', en: 'The goal’s progress on each day it changed' },
  historyChart: { sv: 'Diagram över målets utveckling: från {first} till {last}.', en: 'Chart of the goal’s progress: from {first} to {last}.' },
  date: { sv: 'Datum', en: 'Date' },
  light: { sv: 'Bedömning', en: 'Assessment' },
  measures: { sv: 'Åtgärder som bidrar till målet', en: 'Measures serving the goal' },
  noMeasures: { sv: 'Ingen åtgärd är kopplad direkt till målet.', en: 'No measure is linked directly to the goal.' },
  status: { sv: 'Status', en: 'Status' },
  projects: { sv: 'Projekt som bidrar till målet', en: 'Projects serving the goal' },
  noProjects: { sv: 'Inget projekt är kopplat till målet.', en: 'No project is linked to the goal.' },
  partnerships: { sv: 'Samarbeten som bidrar till målet', en: 'Partnerships serving the goal' },
  noPartnerships: { sv: 'Inget samarbete är kopplat till målet.', en: 'No partnership is linked to the goal.' },
  deleteTitle: { sv: 'Ta bort målet {name}', en: 'Delete the goal {name}' },
  deleteSimple: { sv: 'Målet har inga undermål och inga kopplingar. Det tas bort ur strategin; strategins tidigare versioner finns kvar.', en: 'The goal has no sub-goals and no links. It is removed from the strategy; the strategy’s earlier versions are kept.' },
  deleteExplain: {
    sv: 'Om du tar bort målet händer följande:',
    en: 'If you delete the goal, the following happens:',
  },
  deleteChildren: { sv: 'Undermål som också tas bort: {n}.', en: 'Sub-goals deleted too: {n}.' },
  deleteMeasures: { sv: 'Åtgärder som kopplas bort från målet: {n}. Åtgärderna finns kvar i handlingsplanen.', en: 'Measures unlinked from the goal: {n}. The measures stay in the action plan.' },
  deleteProjects: { sv: 'Projekt som kopplas bort från målet: {n}. Projekten finns kvar.', en: 'Projects unlinked from the goal: {n}. The projects are kept.' },
  deletePartnerships: { sv: 'Samarbeten som kopplas bort från målet: {n}. Samarbetena finns kvar.', en: 'Partnerships unlinked from the goal: {n}. The partnerships are kept.' },
  deleteHistory: { sv: 'Målets utveckling över tid tas bort. Strategins tidigare versioner finns kvar.', en: 'The goal’s progress history is deleted. The strategy’s earlier versions are kept.' },
  deleteConfirmLegend: { sv: 'Bekräfta borttagningen', en: 'Confirm the deletion' },
  deleteConfirm: { sv: 'Jag förstår vad som tas bort', en: 'I understand what will be deleted' },
  deleteConfirmError: { sv: 'Kryssa i att du förstår vad som tas bort.', en: 'Tick that you understand what will be deleted.' },
  deleteButton: { sv: 'Ta bort målet', en: 'Delete the goal' },
} satisfies Record<string, Text>;

export const REVIEW = {
  title: { sv: 'Registrera översyn av {name}', en: 'Record a review of {name}' },
  lead: {
    sv: 'Strategin ska ses över en gång per mandatperiod och revideras vid behov. Registrera översynen när den är gjord.',
    en: 'The strategy is to be reviewed once per term of office and revised when needed. Record the review when it has been done.',
  },
  reviewed_on: { sv: 'Datum för översynen', en: 'Date of the review' },
  reviewedOnHint: { sv: 'Till exempel 2027-03-15.', en: 'For example 2027-03-15.' },
  outcome: { sv: 'Resultat', en: 'Outcome' },
  note_sv: { sv: 'Kommentar', en: 'Note' },
  decision_reference: { sv: 'Beslut', en: 'Decision' },
  decisionHint: { sv: 'Till exempel KS 2027-03-15 § 45, om översynen beslutades politiskt.', en: 'For example KS 2027-03-15 § 45, if the review was decided politically.' },
  dateError: { sv: 'Datum för översynen måste vara ett datum, till exempel 2027-03-15.', en: 'The date of the review must be a date, like 2027-03-15.' },
  futureError: { sv: 'Datum för översynen kan inte ligga i framtiden.', en: 'The date of the review cannot be in the future.' },
  save: { sv: 'Registrera översynen', en: 'Record the review' },
} satisfies Record<string, Text>;

export const HISTORY = {
  title: { sv: 'Versioner av {name}', en: 'Versions of {name}' },
  lead: { sv: 'Varje ändring av strategin eller dess mål sparas som en ny version.', en: 'Every change to the strategy or its goals is saved as a new version.' },
  caption: { sv: 'Versioner, den senaste först', en: 'Versions, latest first' },
  number: { sv: 'Version', en: 'Version' },
  when: { sv: 'Sparad', en: 'Saved' },
  who: { sv: 'Av', en: 'By' },
  note: { sv: 'Ändring', en: 'Change' },
  show: { sv: 'Visa version {n}', en: 'Show version {n}' },
  versionTitle: { sv: 'Version {n} av {name}', en: 'Version {n} of {name}' },
  versionLead: { sv: 'Så här såg strategin ut när version {n} sparades {when} av {who}.', en: 'This is how the strategy looked when version {n} was saved on {when} by {who}.' },
  back: { sv: 'Alla versioner', en: 'All versions' },
  none: { sv: 'Strategin har inga sparade versioner.', en: 'The strategy has no saved versions.' },
} satisfies Record<string, Text>;

/** The notes written with each version (in Swedish: the history is the municipality's record). */
export const VERSION_NOTES = {
  created: 'Strategin skapades',
  updated: 'Strategins uppgifter ändrades',
  adopted: 'Strategin antogs',
  superseded: 'Strategin ersattes av en nyare',
  goalCreated: 'Mål lades till: {title}',
  goalUpdated: 'Mål ändrades: {title}',
  goalDeleted: 'Mål togs bort: {title}',
};

