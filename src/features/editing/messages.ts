/** Texts of project editing and review, Swedish first. */

type Text = { sv: string; en: string };

/** Labels of the project form's fields (also used in the before/after view). */
export const FIELD = {
  kind: { sv: 'Typ', en: 'Type' },
  title_sv: { sv: 'Titel på svenska', en: 'Title in Swedish' },
  title_en: { sv: 'Titel på engelska', en: 'Title in English' },
  summary_sv: { sv: 'Sammanfattning på svenska', en: 'Summary in Swedish' },
  summary_en: { sv: 'Sammanfattning på engelska', en: 'Summary in English' },
  owner_unit_id: { sv: 'Ansvarig enhet', en: 'Responsible unit' },
  municipality_role: { sv: 'Kommunens roll', en: 'The municipality’s role' },
  programme_id: { sv: 'Program', en: 'Programme' },
  start_date: { sv: 'Startdatum', en: 'Start date' },
  end_date: { sv: 'Slutdatum', en: 'End date' },
  year: { sv: 'År', en: 'Year' },
  participants_total: { sv: 'Antal deltagare', en: 'Number of participants' },
  participants_youth: { sv: 'Varav unga', en: 'Of whom young people' },
  themes: { sv: 'Områden', en: 'Themes' },
  target_groups: { sv: 'Målgrupper', en: 'Target groups' },
  countries: { sv: 'Länder', en: 'Countries' },
  partners: { sv: 'Partner', en: 'Partners' },
  funding: { sv: 'Finansiering', en: 'Funding' },
  results: { sv: 'Resultat och indikatorer', en: 'Results and indicators' },
  links: { sv: 'Länkar', en: 'Links' },
  partnerships: { sv: 'Kopplade vänorter och samarbeten', en: 'Linked twin towns and partnerships' },
} satisfies Record<string, Text>;

export type FieldKey = keyof typeof FIELD;

/** Labels of the fields inside a row of a repeating group. */
export const ROW_FIELD = {
  country: { sv: 'Land', en: 'Country' },
  org: { sv: 'Organisation', en: 'Organisation' },
  role: { sv: 'Roll', en: 'Role' },
  kind: { sv: 'Slag', en: 'Kind' },
  programme_id: { sv: 'Program', en: 'Programme' },
  source_name: { sv: 'Finansiär', en: 'Funder' },
  amount: { sv: 'Belopp', en: 'Amount' },
  currency: { sv: 'Valuta', en: 'Currency' },
  staff_hours: { sv: 'Egen tid (timmar)', en: 'Own staff time (hours)' },
  note: { sv: 'Anteckning', en: 'Note' },
  description_sv: { sv: 'Beskrivning på svenska', en: 'Description in Swedish' },
  description_en: { sv: 'Beskrivning på engelska', en: 'Description in English' },
  indicator: { sv: 'Indikator', en: 'Indicator' },
  unit: { sv: 'Enhet', en: 'Unit' },
  baseline: { sv: 'Utgångsvärde', en: 'Baseline' },
  target: { sv: 'Målvärde', en: 'Target' },
  actual: { sv: 'Utfall', en: 'Actual' },
  period: { sv: 'Period', en: 'Period' },
  label_sv: { sv: 'Länktext på svenska', en: 'Link text in Swedish' },
  label_en: { sv: 'Länktext på engelska', en: 'Link text in English' },
  url: { sv: 'Webbadress', en: 'Web address' },
} satisfies Record<string, Text>;

/** Names of one row of each repeating group ("Partner 2"). */
export const ROW_NAME = {
  countries: { sv: 'Land', en: 'Country' },
  partners: { sv: 'Partner', en: 'Partner' },
  funding: { sv: 'Finansieringsrad', en: 'Funding line' },
  results: { sv: 'Resultat', en: 'Result' },
  links: { sv: 'Länk', en: 'Link' },
} satisfies Record<string, Text>;

export const HINT = {
  title_en: { sv: 'Visas på den engelska webbplatsen. Lämna tomt om projektet bara beskrivs på svenska.', en: 'Shown on the English website. Leave empty if the project is described in Swedish only.' },
  summary_sv: { sv: 'Vad projektet gör och för vem. Skriv inga personuppgifter om privatpersoner.', en: 'What the project does and for whom. Do not write personal data about private individuals.' },
  owner_unit_editor: { sv: 'Du kan välja bland de enheter du är redaktör för.', en: 'You can choose among the units you edit for.' },
  dates: { sv: 'Till exempel 2026-03-31.', en: 'For example 2026-03-31.' },
  year: { sv: 'Året projektet redovisas under. Lämnas det tomt används startåret.', en: 'The year the project is filed under. If empty, the start year is used.' },
  participants: { sv: 'Bara antal, inga namn.', en: 'Numbers only, no names.' },
  countries: { sv: 'Välj ett land per rad.', en: 'Choose one country per row.' },
  partners: { sv: 'Välj bland kommunens externa organisationer. Saknas organisationen läggs den till under Organisationer.', en: 'Choose among the municipality’s external organisations. If it is missing, add it under Organisations.' },
  amount: { sv: 'Till exempel 125 000 eller 125 000,50.', en: 'For example 125000 or 125000.50.' },
  rows: { sv: 'Tomma rader sparas inte.', en: 'Empty rows are not saved.' },
  url: { sv: 'Börjar med https:// eller http://.', en: 'Starts with https:// or http://.' },
} satisfies Record<string, Text>;

export const UI = {
  projects: { sv: 'Projekt', en: 'Projects' },
  newProject: { sv: 'Nytt projekt', en: 'New project' },
  editProject: { sv: 'Redigera projekt', en: 'Edit project' },
  edit: { sv: 'Redigera', en: 'Edit' },
  basics: { sv: 'Grunduppgifter', en: 'Basic details' },
  period: { sv: 'Tid och deltagare', en: 'Period and participants' },
  classification: { sv: 'Områden, målgrupper och länder', en: 'Themes, target groups and countries' },
  addRow: { sv: 'Lägg till rad', en: 'Add a row' },
  addRowIn: { sv: 'Lägg till rad i', en: 'Add a row to' },
  none: { sv: 'Ingen', en: 'None' },
  choose: { sv: 'Välj', en: 'Choose' },
  save: { sv: 'Spara utkast', en: 'Save draft' },
  saveSubmit: { sv: 'Spara och skicka för granskning', en: 'Save and submit for review' },
  savePublish: { sv: 'Spara och publicera', en: 'Save and publish' },
  submit: { sv: 'Skicka för granskning', en: 'Submit for review' },
  publish: { sv: 'Publicera', en: 'Publish' },
  sendBack: { sv: 'Skicka tillbaka', en: 'Send back' },
  discard: { sv: 'Kasta ändringarna', en: 'Discard the changes' },
  cancel: { sv: 'Avbryt', en: 'Cancel' },
  filter: { sv: 'Visa', en: 'Show' },
  filters: { sv: 'Urval', en: 'Filter' },
  allUnits: { sv: 'Alla enheter', en: 'All units' },
  allStates: { sv: 'Alla lägen', en: 'All states' },
  unit: { sv: 'Enhet', en: 'Unit' },
  state: { sv: 'Publicering', en: 'Publication' },
  title: { sv: 'Titel', en: 'Title' },
  updated: { sv: 'Senast ändrad', en: 'Last changed' },
  count: { sv: '{n} projekt', en: '{n} projects' },
  noProjects: { sv: 'Inga projekt matchar urvalet.', en: 'No projects match the filter.' },
  previous: { sv: 'Föregående sida', en: 'Previous page' },
  next: { sv: 'Nästa sida', en: 'Next page' },
  pageOf: { sv: 'Sida {page} av {pages}', en: 'Page {page} of {pages}' },
  pagination: { sv: 'Sidor', en: 'Pages' },
  links: { sv: 'Mer om projektet', en: 'More about the project' },
  history: { sv: 'Ändringshistorik', en: 'Change history' },
  attachments: { sv: 'Bilagor', en: 'Attachments' },
  decisionRoute: { sv: 'Beslutsväg och beslut', en: 'Decision route and decisions' },
  assessment: { sv: 'Bedömning', en: 'Assessment' },
  status: { sv: 'Status och livscykel', en: 'Status and lifecycle' },
  publicPage: { sv: 'Projektet på den publika webbplatsen', en: 'The project on the public website' },
  publication: { sv: 'Publicering', en: 'Publication' },
  workingCopy: { sv: 'Uppgifterna nedan är den version du arbetar med.', en: 'The details below are the version you are working on.' },
  pendingChange: { sv: 'Det finns ändringar som inte är publicerade. Den publika webbplatsen visar den publicerade versionen tills ändringarna har granskats och publicerats.', en: 'There are changes that are not published. The public website shows the published version until the changes have been reviewed and published.' },
  reviewComment: { sv: 'Granskarens kommentar', en: 'The reviewer’s comment' },
  changes: { sv: 'Ändringar mot den publicerade versionen', en: 'Changes from the published version' },
  noChanges: { sv: 'Inga fält skiljer sig från den publicerade versionen.', en: 'No field differs from the published version.' },
  field: { sv: 'Uppgift', en: 'Field' },
  before: { sv: 'Publicerat', en: 'Published' },
  after: { sv: 'Ändrat till', en: 'Changed to' },
  newRecord: { sv: 'Aldrig publicerat: alla uppgifter är nya.', en: 'Never published: all details are new.' },
  empty: { sv: '–', en: '–' },
  review: { sv: 'Granskning', en: 'Review' },
  reviewQueue: { sv: 'Väntar på granskning', en: 'Awaiting review' },
  reviewNone: { sv: 'Inget väntar på granskning just nu.', en: 'Nothing is awaiting review right now.' },
  reviewOf: { sv: 'Granska: {title}', en: 'Review: {title}' },
  what: { sv: 'Vad', en: 'What' },
  submittedBy: { sv: 'Skickad av', en: 'Submitted by' },
  submittedAt: { sv: 'Skickad', en: 'Submitted' },
  kindProject: { sv: 'Projekt', en: 'Project' },
  kindPartnership: { sv: 'Samarbete', en: 'Partnership' },
  comment: { sv: 'Kommentar till redaktören', en: 'Comment to the editor' },
  commentHint: { sv: 'Skriv vad som behöver ändras innan ändringen kan publiceras.', en: 'Write what needs to change before the change can be published.' },
  publishIntro: { sv: 'När du publicerar visas uppgifterna på den publika webbplatsen och i det öppna API:et.', en: 'When you publish, the details are shown on the public website and in the open API.' },
  openRecord: { sv: 'Öppna posten', en: 'Open the record' },
  discardHint: { sv: 'Ändringar som inte har publicerats tas bort. Den publicerade versionen ändras inte.', en: 'Changes that have not been published are removed. The published version does not change.' },
  discardHintFresh: { sv: 'Projektet har aldrig publicerats, så ändringarna är redan sparade. Det här avslutar bara granskningsärendet.', en: 'The project has never been published, so the changes are already saved. This only closes the review case.' },
  lifecycle: { sv: 'Livscykel', en: 'Lifecycle' },
  noneSelected: { sv: 'Inga valda', en: 'None chosen' },
  row: { sv: 'rad', en: 'row' },
  totalAmount: { sv: 'Summa i kronor', en: 'Total in SEK' },
  editPublishedIntro: {
    sv: 'Projektet är publicerat. Dina ändringar sparas som ett utkast och syns för allmänheten först när de har granskats och publicerats.',
    en: 'The project is published. Your changes are saved as a draft and are shown to the public only once they have been reviewed and published.',
  },
} satisfies Record<string, Text>;

/** Publication states and the state of an open revision, as tags. */
export const STATE = {
  draft: { sv: 'Utkast', en: 'Draft' },
  in_review: { sv: 'Väntar på granskning', en: 'Awaiting review' },
  published: { sv: 'Publicerat', en: 'Published' },
  archived: { sv: 'Arkiverat', en: 'Archived' },
  changed: { sv: 'Har opublicerade ändringar', en: 'Has unpublished changes' },
  change_draft: { sv: 'Ändring under arbete', en: 'Change being drafted' },
  change_in_review: { sv: 'Ändring väntar på granskning', en: 'Change awaiting review' },
  change_returned: { sv: 'Ändring skickad tillbaka', en: 'Change sent back' },
  returned: { sv: 'Skickat tillbaka', en: 'Sent back' },
} satisfies Record<string, Text>;

/** Where a project is in its life (set on the decision and status pages, shown here). */
export const LIFECYCLE = {
  idea: { sv: 'Idé', en: 'Idea' },
  assessment: { sv: 'Under bedömning', en: 'Being assessed' },
  awaiting_decision: { sv: 'Väntar på beslut', en: 'Awaiting decision' },
  approved: { sv: 'Beviljat', en: 'Approved' },
  rejected: { sv: 'Avslaget', en: 'Rejected' },
  ongoing: { sv: 'Pågår', en: 'Ongoing' },
  completed: { sv: 'Avslutat', en: 'Completed' },
  evaluated: { sv: 'Utvärderat', en: 'Evaluated' },
  cancelled: { sv: 'Avbrutet', en: 'Cancelled' },
} satisfies Record<string, Text>;

/** Confirmations after a redirect (`?klart=`). */
export const NOTICE = {
  created: { sv: 'Projektet är skapat som utkast. Det syns inte för allmänheten förrän det har publicerats.', en: 'The project has been created as a draft. The public will not see it until it is published.' },
  saved: { sv: 'Ändringarna är sparade.', en: 'The changes have been saved.' },
  saved_revision: { sv: 'Ändringarna är sparade som utkast. Den publicerade versionen visas tills de har granskats och publicerats.', en: 'The changes have been saved as a draft. The published version is shown until they have been reviewed and published.' },
  submitted: { sv: 'Skickat för granskning.', en: 'Submitted for review.' },
  published: { sv: 'Publicerat. Uppgifterna visas nu på den publika webbplatsen.', en: 'Published. The details are now shown on the public website.' },
  sent_back: { sv: 'Skickat tillbaka till redaktören med din kommentar.', en: 'Sent back to the editor with your comment.' },
  discarded: { sv: 'Ändringarna är borttagna.', en: 'The changes have been removed.' },
} satisfies Record<string, Text>;

/** Validation messages; `{row}` is "Partner 2" and the like. */
export const ERR = {
  required: { sv: 'Fyll i {field}.', en: 'Enter {field}.' },
  choose: { sv: 'Välj {field}.', en: 'Choose {field}.' },
  tooLong: { sv: '{field} får ha högst {max} tecken.', en: '{field} must be {max} characters or fewer.' },
  oneLine: { sv: '{field} får inte innehålla radbrytningar.', en: '{field} must not contain line breaks.' },
  option: { sv: 'Välj ett av alternativen för {field}.', en: 'Choose one of the options for {field}.' },
  date: { sv: '{field} måste vara ett riktigt datum, till exempel 2026-03-31.', en: '{field} must be a real date, like 2026-03-31.' },
  endBeforeStart: { sv: 'Slutdatum kan inte vara före startdatum.', en: 'The end date cannot be before the start date.' },
  year: { sv: 'År måste vara ett årtal mellan 1900 och 2100.', en: 'Year must be a year between 1900 and 2100.' },
  count: { sv: '{field} måste vara ett heltal, 0 eller större (högst 10 000 000).', en: '{field} must be a whole number, 0 or more (at most 10,000,000).' },
  youthOverTotal: { sv: 'Antalet unga kan inte vara större än antalet deltagare.', en: 'The number of young people cannot be larger than the number of participants.' },
  amount: { sv: '{row}: beloppet måste vara ett tal, 0 eller större, med högst två decimaler, till exempel 125 000,50.', en: '{row}: the amount must be a number, 0 or more, with at most two decimals, like 125000.50.' },
  hours: { sv: '{row}: egen tid måste vara ett antal timmar, 0 eller större.', en: '{row}: own staff time must be a number of hours, 0 or more.' },
  number: { sv: '{row}: {field} måste vara ett tal, till exempel 12 eller 12,5.', en: '{row}: {field} must be a number, like 12 or 12.5.' },
  rowRequired: { sv: '{row}: fyll i {field}.', en: '{row}: enter {field}.' },
  rowChoose: { sv: '{row}: välj {field}.', en: '{row}: choose {field}.' },
  rowTooLong: { sv: '{row}: {field} får ha högst {max} tecken.', en: '{row}: {field} must be {max} characters or fewer.' },
  rowOption: { sv: '{row}: välj ett av alternativen för {field}.', en: '{row}: choose one of the options for {field}.' },
  country: { sv: '{row}: välj ett land i listan.', en: '{row}: choose a country from the list.' },
  duplicateCountry: { sv: '{row}: landet finns redan på en annan rad.', en: '{row}: the country is already on another row.' },
  duplicatePartner: { sv: '{row}: organisationen finns redan på en annan rad.', en: '{row}: the organisation is already on another row.' },
  url: { sv: '{row}: ange en webbadress som börjar med https:// eller http://, till exempel https://www.arvika.se.', en: '{row}: enter a web address starting with https:// or http://, like https://www.example.org.' },
  unitNotYours: { sv: 'Välj en av de enheter du är redaktör för.', en: 'Choose one of the units you edit for.' },
  unitRequired: { sv: 'Välj ansvarig enhet.', en: 'Choose the responsible unit.' },
  tooManyRows: { sv: 'Formuläret har för många rader.', en: 'The form has too many rows.' },
  unknownAction: { sv: 'Välj vad du vill göra med formuläret.', en: 'Choose what to do with the form.' },
} satisfies Record<string, Text>;

/** Fills `{name}` placeholders of a text. */
export function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}
