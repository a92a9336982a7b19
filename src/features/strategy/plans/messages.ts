/** Texts of the action-plan pages (handlingsplaner), Swedish first, as a Swedish civil servant writes them. */
import type { ActionPlanStatus, MeasureStatus } from '../../../db/schema.js';
import type { Lang } from '../../../i18n/index.js';

export type Text = { sv: string; en: string };

const t = (sv: string, en: string): Text => ({ sv, en });

/** The text in the language, with `{name}` placeholders filled in. */
export function tr(text: Text, lang: Lang, params?: Record<string, string | number>): string {
  const s = text[lang];
  return params ? s.replace(/\{(\w+)\}/g, (whole, k: string) => (params[k] === undefined ? whole : String(params[k]))) : s;
}

export const PLAN_STATUS_LABELS: Record<ActionPlanStatus, Text> = {
  draft: t('Utkast', 'Draft'),
  active: t('Gällande', 'In force'),
  closed: t('Avslutad', 'Closed'),
};

export const MEASURE_STATUS_LABELS: Record<MeasureStatus, Text> = {
  planned: t('Planerad', 'Planned'),
  ongoing: t('Pågår', 'Ongoing'),
  done: t('Klar', 'Done'),
  cancelled: t('Avbruten', 'Cancelled'),
};

export const P = {
  title: t('Handlingsplaner', 'Action plans'),
  lead: t(
    'Handlingsplanerna gör strategins mål till åtgärder med ansvarig enhet, tidsplan och framsteg. En handlingsplan utvärderas vartannat år.',
    'The action plans turn the strategy’s goals into measures with a responsible unit, a timetable and progress. An action plan is evaluated every other year.',
  ),
  newPlan: t('Ny handlingsplan', 'New action plan'),
  noStrategies: t('Kommunen har ingen strategi i Utblick ännu. Lägg in strategin först, under Strategi och mål.', 'The municipality has no strategy in Utblick yet. Add the strategy first, under Strategy and goals.'),
  strategyLink: t('Strategi och mål', 'Strategy and goals'),
  noPlans: t('Strategin har ingen handlingsplan ännu.', 'The strategy has no action plan yet.'),
  onlyEditors: t('Samordnare och administratörer kan lägga till handlingsplaner.', 'Coordinators and administrators can add action plans.'),
  plan: t('Handlingsplan', 'Action plan'),
  strategy: t('Strategi', 'Strategy'),
  period: t('Period', 'Period'),
  status: t('Status', 'Status'),
  evaluation: t('Utvärdering', 'Evaluation'),
  measures: t('Åtgärder', 'Measures'),
  meanProgress: t('Genomsnittligt framsteg', 'Average progress'),
  meanProgressHint: t('Medelvärdet av åtgärdernas framsteg; avbrutna åtgärder räknas inte.', 'The mean of the measures’ progress; cancelled measures are not counted.'),
  plansOf: t('Handlingsplaner för {strategy}', 'Action plans for {strategy}'),
  periodText: t('{from} – {to}', '{from} – {to}'),
  evaluationInterval: t('Utvärderas var {n}:e månad', 'Evaluated every {n} months'),
  previousPlan: t('Föregående plan', 'Previous plan'),
  nextPlans: t('Efterföljande plan', 'Following plan'),

  due: {
    not_due: t('Nästa utvärdering senast {date}', 'Next evaluation by {date}'),
    due: t('Dags att utvärdera, senast {date}', 'Due for evaluation by {date}'),
    overdue: t('Utvärderingen är försenad (skulle ha gjorts senast {date})', 'The evaluation is overdue (it was due by {date})'),
    unknown: t('Ingen utvärdering planerad', 'No evaluation scheduled'),
    closed: t('Planen är avslutad', 'The plan is closed'),
  },
  lastEvaluated: t('Senast utvärderad {date}', 'Last evaluated {date}'),

  // Plan page
  editPlan: t('Ändra planen', 'Edit the plan'),
  newMeasure: t('Ny åtgärd', 'New measure'),
  bulk: t('Rapportera läget för flera åtgärder', 'Report progress of several measures'),
  exportCsv: t('Ladda ner planen som CSV', 'Download the plan as CSV'),
  exportXlsx: t('Ladda ner planen som Excel', 'Download the plan as Excel'),
  importLink: t('Läs in uppdaterad plan från fil', 'Upload an updated plan from a file'),
  evaluate: t('Utvärdera planen', 'Evaluate the plan'),
  copy: t('Starta ny plan som kopia', 'Start a new plan as a copy'),
  history: t('Ändringshistorik', 'Change history'),
  facts: t('Om planen', 'About the plan'),
  actions: t('Gör med planen', 'What you can do'),
  exchange: t('Uppdatera många åtgärder på en gång', 'Update many measures at once'),
  exchangeLead: t(
    'Ladda ner planen, skriv in framsteg, status och en ny lägesrapport i kalkylbladet och läs in filen igen. Du ser alla ändringar innan de sparas.',
    'Download the plan, enter progress, status and a new progress note in the spreadsheet, and upload the file again. You see every change before it is saved.',
  ),
  measuresByGoal: t('Åtgärder per mål', 'Measures by goal'),
  noMeasures: t('Planen har inga åtgärder ännu.', 'The plan has no measures yet.'),
  withoutGoal: t('Åtgärder utan mål', 'Measures without a goal'),
  goalsWithoutMeasures: t('Mål utan åtgärd i planen', 'Goals without a measure in this plan'),
  alsoServes: t('Tjänar också', 'Also serves'),
  measure: t('Åtgärd', 'Measure'),
  unit: t('Ansvarig enhet', 'Responsible unit'),
  start: t('Start', 'Start'),
  end: t('Slut', 'End'),
  progress: t('Framsteg', 'Progress'),
  progressOf: t('Framsteg för {title}', 'Progress of {title}'),
  percent: t('{n} %', '{n}%'),
  markers: t('Att se över', 'Needs attention'),
  late: t('Försenad', 'Late'),
  lateTitle: t('Slutdatum har passerat utan att åtgärden är klar', 'The end date has passed and the measure is not done'),
  stale: t('Ej uppdaterad på {n} dagar', 'Not updated for {n} days'),
  neverUpdated: t('Aldrig rapporterad', 'Never reported'),
  evaluations: t('Utvärderingar', 'Evaluations'),
  noEvaluations: t('Planen har inte utvärderats ännu.', 'The plan has not been evaluated yet.'),
  notStated: t('Uppgift saknas', 'Not stated'),
  noUnit: t('Ingen enhet', 'No unit'),

  // Plan form
  editPlanTitle: t('Ändra {name}', 'Edit {name}'),
  save: t('Spara', 'Save'),
  cancel: t('Avbryt', 'Cancel'),
  choose: t('Välj', 'Choose'),
  intervalHint: t('Antal månader mellan utvärderingarna. Vartannat år är 24 månader.', 'Months between evaluations. Every other year is 24 months.'),
  dateHint: t('Till exempel 2026-01-01.', 'For example 2026-01-01.'),
  strategyHint: t('Strategin vars mål planens åtgärder ska uppfylla.', 'The strategy whose goals the plan’s measures serve.'),

  // Measure page and form
  editMeasure: t('Ändra åtgärden', 'Edit the measure'),
  editMeasureTitle: t('Ändra {name}', 'Edit {name}'),
  goals: t('Mål som åtgärden tjänar', 'Goals the measure serves'),
  goalsHint: t('Välj ett eller flera mål i strategin.', 'Choose one or more goals of the strategy.'),
  noGoalsInStrategy: t('Strategin har inga mål ännu.', 'The strategy has no goals yet.'),
  description: t('Beskrivning', 'Description'),
  weight: t('Vikt', 'Weight'),
  weightHint: t('Hur mycket åtgärden väger när målets framsteg räknas ut, jämfört med andra åtgärder. Normalt 1.', 'How much the measure counts when the goal’s progress is computed, compared with other measures. Usually 1.'),
  progressHint: t('Heltal från 0 till 100.', 'A whole number from 0 to 100.'),
  unitHint: t('Den enhet som ansvarar för att åtgärden genomförs.', 'The unit responsible for carrying out the measure.'),
  indicators: t('Indikatorer', 'Indicators'),
  indicatorsHint: t(
    'Vad som mäts, med utgångsvärde och mål och utfall per period. En period är ett år (2026) eller ett halvår (2026H1, 2026H2). Tomma rader sparas inte.',
    'What is measured, with a baseline and a target and actual value per period. A period is a year (2026) or a half-year (2026H1, 2026H2). Empty rows are not saved.',
  ),
  indicator: t('Indikator {n}', 'Indicator {n}'),
  indicatorName: t('Vad mäts', 'What is measured'),
  indicatorUnit: t('Enhet', 'Unit'),
  indicatorUnitHint: t('Till exempel antal, % eller kr.', 'For example number, % or SEK.'),
  baseline: t('Utgångsvärde', 'Baseline'),
  periodCol: t('Period', 'Period'),
  target: t('Mål', 'Target'),
  actual: t('Utfall', 'Actual'),
  periodsOf: t('Mål och utfall för indikator {n}', 'Targets and actual values of indicator {n}'),
  periodLabel: t('Indikator {n}, rad {row}: {what}', 'Indicator {n}, row {row}: {what}'),
  removeIndicator: t('Ta bort indikatorn', 'Remove the indicator'),
  addIndicator: t('Lägg till indikator', 'Add an indicator'),
  addPeriod: t('Lägg till period för indikator {n}', 'Add a period to indicator {n}'),
  noIndicators: t('Åtgärden har inga indikatorer.', 'The measure has no indicators.'),
  timeline: t('Lägesrapporter', 'Progress notes'),
  noNotes: t('Inga lägesrapporter ännu.', 'No progress notes yet.'),
  addNote: t('Skriv en lägesrapport', 'Write a progress note'),
  noteDate: t('Datum', 'Date'),
  noteText: t('Vad har hänt?', 'What has happened?'),
  noteSave: t('Spara lägesrapporten', 'Save the progress note'),
  noteBy: t('av {who}', 'by {who}'),
  noteProgress: t('framsteg {n} %', 'progress {n}%'),
  notEditable: t('Du kan läsa åtgärden men inte ändra den: den hör till en annan enhet än dina.', 'You can read the measure but not change it: it belongs to another unit than yours.'),
  lastUpdated: t('Senast rapporterad', 'Last reported'),
  plannedDates: t('Tidsplan', 'Timetable'),

  // Bulk
  bulkTitle: t('Rapportera läget', 'Report progress'),
  bulkLead: t(
    'Fyll i framsteg och status för alla åtgärder på en gång och skriv gärna en kort lägesrapport. Bara rader du ändrar sparas, var och en med en daterad lägesrapport.',
    'Enter progress and status for all the measures at once, and add a short progress note if you like. Only the rows you change are saved, each with a dated progress note.',
  ),
  bulkUnitFilter: t('Visa åtgärder för enhet', 'Show measures of unit'),
  allUnits: t('Alla enheter', 'All units'),
  show: t('Visa', 'Show'),
  bulkNone: t('Det finns inga åtgärder här som du kan ändra.', 'There are no measures here that you can change.'),
  saveAll: t('Spara alla', 'Save all'),
  bulkRowLabel: t('{what} för {title}', '{what} of {title}'),
  bulkCaption: t('Åtgärder i planen', 'Measures of the plan'),
  bulkSaved: t('Läget är sparat för {n} åtgärder.', 'Progress saved for {n} measures.'),
  bulkSavedOne: t('Läget är sparat för 1 åtgärd.', 'Progress saved for 1 measure.'),
  bulkNothing: t('Inget var ändrat, så inget sparades.', 'Nothing was changed, so nothing was saved.'),
  bulkCurrent: t('Nu: {status}, {progress} %', 'Now: {status}, {progress}%'),
  note: t('Lägesrapport', 'Progress note'),

  // Import and export
  importTitle: t('Läs in uppdaterad plan', 'Upload an updated plan'),
  importLead: t(
    'Läs in samma fil som du laddade ner från planen, som CSV eller Excel, med ändrade värden i kolumnerna Framsteg, Status och Ny lägesrapport. Övriga kolumner läses inte. Du ser alla ändringar innan något sparas, och allt sparas eller inget.',
    'Upload the same file you downloaded from the plan, as CSV or Excel, with changed values in the columns Progress, Status and New progress note. Other columns are not read. You see every change before anything is saved, and everything is saved or nothing.',
  ),
  importFile: t('Fil', 'File'),
  importFileHint: t(
    'CSV (semikolon eller komma, UTF-8 eller Excels svenska teckenkodning) eller Excel-arbetsbok (.xlsx), högst 5 MB.',
    'CSV (semicolon or comma, UTF-8 or Excel’s Western encoding) or Excel workbook (.xlsx), at most 5 MB.',
  ),
  noFile: t('Välj en fil att läsa in.', 'Choose a file to upload.'),
  tooLarge: t('Filen är större än 5 MB.', 'The file is larger than 5 MB.'),
  unreadable: t('Filen gick inte att läsa.', 'The file could not be read.'),
  previewTitle: t('Kontrollera ändringarna', 'Check the changes'),
  previewLead: t('Inget är sparat ännu. Så här ändras planen när du bekräftar:', 'Nothing has been saved yet. This is how the plan changes when you confirm:'),
  previewErrors: t('Filen har fel. Rätta dem i filen och läs in den igen; inget sparas förrän alla rader är rätt.', 'The file has errors. Correct them in the file and upload it again; nothing is saved until every row is right.'),
  noChanges: t('Filen innehåller inga ändringar jämfört med planen. Inget behöver sparas.', 'The file holds no changes compared with the plan. Nothing needs saving.'),
  confirm: t('Spara ändringarna', 'Save the changes'),
  uploadAgain: t('Läs in en annan fil', 'Upload another file'),
  changesCaption: t('Ändringar som sparas', 'Changes to be saved'),
  errorsCaption: t('Fel i filen', 'Errors in the file'),
  row: t('Rad', 'Row'),
  column: t('Kolumn', 'Column'),
  problem: t('Fel', 'Problem'),
  before: t('Före', 'Before'),
  after: t('Efter', 'After'),
  unchanged: t('oförändrat', 'unchanged'),
  imported: t('Ändringarna från filen är sparade för {n} åtgärder.', 'The changes from the file are saved for {n} measures.'),
  readAs: t('Läst som {format}.', 'Read as {format}.'),
  moreErrors: t('… och {n} fel till.', '… and {n} more errors.'),

  // Evaluation
  evaluationTitle: t('Utvärdera handlingsplanen', 'Evaluate the action plan'),
  evaluationLead: t(
    'Handlingsplanen ska utvärderas vartannat år. Skriv vad som har uppnåtts för varje åtgärd, vad som ska ändras och vilket beslut utvärderingen redovisas i.',
    'The action plan is evaluated every other year. Write what has been achieved for each measure, what will change, and which decision the evaluation is reported in.',
  ),
  evaluatedOn: t('Datum för utvärderingen', 'Date of the evaluation'),
  summary: t('Sammanfattning', 'Summary'),
  summaryHint: t('Hur det har gått med planen som helhet.', 'How the plan has gone as a whole.'),
  achieved: t('Vad har uppnåtts?', 'What has been achieved?'),
  achievedFor: t('Uppnått: {title}', 'Achieved: {title}'),
  achievedPrefill: t('{status}, {progress} % klart.', '{status}, {progress}% done.'),
  changes: t('Vad ska ändras?', 'What will change?'),
  decisionReference: t('Beslut', 'Decision'),
  decisionReferenceHint: t('Till exempel KS 2026/45 § 12.', 'For example KS 2026/45 § 12.'),
  saveEvaluation: t('Spara utvärderingen', 'Save the evaluation'),
  evaluationOf: t('Utvärdering {date}', 'Evaluation {date}'),
  perMeasure: t('Per åtgärd', 'Per measure'),
  statusThen: t('Status vid utvärderingen', 'Status at the evaluation'),
  evaluatedBy: t('Registrerad av', 'Recorded by'),

  // Copy
  copyTitle: t('Starta ny plan som kopia', 'Start a new plan as a copy'),
  copyLead: t(
    'Den nya planen får alla åtgärder som inte är klara eller avbrutna, med mål, ansvarig enhet, indikatorer och framsteg. Klara och avbrutna åtgärder stannar i den gamla planen, som avslutas.',
    'The new plan gets every measure that is not done or cancelled, with its goals, responsible unit, indicators and progress. Done and cancelled measures stay in the old plan, which is closed.',
  ),
  copyCounts: t('{copied} åtgärder följer med; {left} stannar i den gamla planen.', '{copied} measures come along; {left} stay in the old plan.'),
  copySave: t('Skapa den nya planen', 'Create the new plan'),
  copyOf: t('{title} (ny period)', '{title} (new period)'),
};

export const PLAN_LABELS: Record<string, Text> = {
  strategy_id: P.strategy,
  title_sv: t('Namn', 'Title in Swedish'),
  title_en: t('Namn på engelska', 'Title in English'),
  period_start: t('Periodens början', 'Start of the period'),
  period_end: t('Periodens slut', 'End of the period'),
  status: P.status,
  evaluation_interval_months: t('Utvärderingsintervall i månader', 'Evaluation interval in months'),
};

export const MEASURE_LABELS: Record<string, Text> = {
  title_sv: t('Åtgärd', 'Measure in Swedish'),
  title_en: t('Åtgärd på engelska', 'Measure in English'),
  description_sv: t('Beskrivning', 'Description in Swedish'),
  description_en: t('Beskrivning på engelska', 'Description in English'),
  goal_ids: P.goals,
  owner_unit_id: P.unit,
  start_date: t('Startdatum', 'Start date'),
  end_date: t('Slutdatum', 'End date'),
  status: P.status,
  progress: t('Framsteg i procent', 'Progress in percent'),
  weight: P.weight,
};

export const NOTE_LABELS: Record<string, Text> = {
  noted_on: P.noteDate,
  progress: t('Framsteg i procent', 'Progress in percent'),
  status: P.status,
  text: P.noteText,
};

export const EVALUATION_LABELS: Record<string, Text> = {
  evaluated_on: P.evaluatedOn,
  summary_sv: P.summary,
  changes_sv: P.changes,
  decision_reference: P.decisionReference,
};

/** Headers of the exported plan; the import reads either language. */
export const EXCHANGE_HEADERS = {
  id: t('ID', 'ID'),
  title: t('Åtgärd', 'Measure'),
  goals: t('Mål', 'Goals'),
  unit: t('Ansvarig enhet', 'Responsible unit'),
  start: t('Start', 'Start'),
  end: t('Slut', 'End'),
  status: t('Status', 'Status'),
  progress: t('Framsteg (%)', 'Progress (%)'),
  lastNote: t('Senaste lägesrapport', 'Last progress note'),
  newNote: t('Ny lägesrapport', 'New progress note'),
} satisfies Record<string, Text>;

export const ERR = {
  date: t('{label} måste vara ett datum, till exempel 2026-03-31.', '{label} must be a date, like 2026-03-31.'),
  endBeforeStart: t('Slutdatum kan inte vara före startdatum.', 'The end date cannot be before the start date.'),
  periodEndBeforeStart: t('Periodens slut kan inte vara före dess början.', 'The end of the period cannot be before its start.'),
  strategy: t('Välj en av kommunens strategier.', 'Choose one of the municipality’s strategies.'),
  strategyLocked: t('Planen har åtgärder kopplade till strategins mål, så strategin kan inte bytas.', 'The plan has measures linked to the strategy’s goals, so the strategy cannot be changed.'),
  interval: t('Utvärderingsintervallet ska vara ett heltal från 1 till 120 månader.', 'The evaluation interval must be a whole number from 1 to 120 months.'),
  progress: t('Framsteg ska vara ett heltal från 0 till 100.', 'Progress must be a whole number from 0 to 100.'),
  weight: t('Vikten ska vara ett tal större än 0 och högst 100.', 'The weight must be a number greater than 0 and at most 100.'),
  unit: t('Välj en av kommunens enheter.', 'Choose one of the municipality’s units.'),
  unitNotYours: t('Välj en av de enheter du ansvarar för.', 'Choose one of the units you are responsible for.'),
  goal: t('Välj bland strategins mål.', 'Choose among the strategy’s goals.'),
  indicatorName: t('Skriv vad indikatorn mäter.', 'Enter what the indicator measures.'),
  number: t('Skriv ett tal, till exempel 12 eller 3,5.', 'Enter a number, like 12 or 3.5.'),
  period: t('Skriv perioden som ett år (2026) eller ett halvår (2026H1 eller 2026H2).', 'Enter the period as a year (2026) or a half-year (2026H1 or 2026H2).'),
  periodTwice: t('Perioden finns redan för indikatorn.', 'The period is already given for the indicator.'),
  tooManyRows: t('Formuläret har för många rader.', 'The form has too many rows.'),
  conflict: t(
    'Någon annan har ändrat uppgifterna medan du skrev. Dina ändringar är inte sparade: titta på de nya uppgifterna och gör om ändringen.',
    'Someone else changed this record while you were typing. Your changes have not been saved: look at the new values and make your change again.',
  ),
  status: t('Välj en status i listan.', 'Choose a status from the list.'),
  // Bulk and import rows
  rowProgress: t('{title}: framsteg ska vara ett heltal från 0 till 100.', '{title}: progress must be a whole number from 0 to 100.'),
  rowStatus: t('{title}: välj en status i listan.', '{title}: choose a status from the list.'),
  rowNoteLong: t('{title}: lägesrapporten får ha högst 4000 tecken.', '{title}: the progress note must be 4,000 characters or fewer.'),
  rowNotYours: t('Åtgärd {id} hör till en annan enhet än dina och kan inte ändras av dig.', 'Measure {id} belongs to another unit than yours and cannot be changed by you.'),
  rowUnknown: t('Åtgärd {id} finns inte i planen.', 'Measure {id} is not in the plan.'),
  rowChanged: t(
    '{title}: någon annan har rapporterat läget sedan du öppnade formuläret (nu {status}, {progress} %). Kontrollera raden och spara igen.',
    '{title}: someone else has reported progress since you opened the form (now {status}, {progress}%). Check the row and save again.',
  ),
  cellId: t('ID saknas eller är inte ett heltal ("{value}").', 'The ID is missing or not a whole number ("{value}").'),
  cellUnknownId: t('Det finns ingen åtgärd med ID {value} i planen.', 'There is no measure with ID {value} in the plan.'),
  cellDuplicateId: t('ID {value} finns på flera rader.', 'ID {value} appears on more than one row.'),
  cellProgress: t('"{value}" är inte ett framsteg i procent från 0 till 100.', '"{value}" is not a progress in percent from 0 to 100.'),
  cellStatus: t('"{value}" är ingen status. Skriv Planerad, Pågår, Klar eller Avbruten.', '"{value}" is not a status. Write Planned, Ongoing, Done or Cancelled.'),
  cellNoteLong: t('Lägesrapporten får ha högst 4000 tecken.', 'The progress note must be 4,000 characters or fewer.'),
  cellNotYours: t('Åtgärden hör till en annan enhet än dina och kan inte ändras av dig.', 'The measure belongs to another unit than yours and cannot be changed by you.'),
  missingColumns: t('Filen saknar kolumnerna {columns}. Använd filen som laddas ner från planen.', 'The file lacks the columns {columns}. Use the file downloaded from the plan.'),
  changedSincePreview: t('Åtgärden har ändrats sedan filen lästes in. Läs in filen igen.', 'The measure has changed since the file was read. Upload the file again.'),
  nothingToImport: t('Det finns inget att spara. Läs in filen igen.', 'There is nothing to save. Upload the file again.'),
  copyClosed: t('Planen är redan avslutad och har en efterföljare.', 'The plan is already closed and has a successor.'),
};

export const NOTICES: Record<string, Text> = {
  created: t('Handlingsplanen är sparad.', 'The action plan has been saved.'),
  updated: t('Ändringarna är sparade.', 'The changes have been saved.'),
  measure_created: t('Åtgärden är sparad.', 'The measure has been saved.'),
  measure_updated: t('Åtgärden är ändrad.', 'The measure has been changed.'),
  note: t('Lägesrapporten är sparad.', 'The progress note has been saved.'),
  bulk_none: P.bulkNothing,
  evaluated: t('Utvärderingen är sparad.', 'The evaluation has been saved.'),
  copied: t('Den nya planen är skapad och den gamla är avslutad.', 'The new plan has been created and the old one closed.'),
};
