/** Texts of the international budget's pages (AL-15), Swedish first. */
import type { BudgetCategory } from '../../db/schema.js';
import type { Text } from '../../i18n/index.js';

export { labelsIn, type Text, tr } from '../../i18n/index.js';

export const CATEGORY_LABELS: Record<BudgetCategory, Text> = {
  twinning: { sv: 'Vänortsarbete', en: 'Twin-town work' },
  preparation: { sv: 'Förberedelse av internationella projekt', en: 'Preparing international projects' },
};

export const B = {
  title: { sv: 'Internationell budget', en: 'International budget' },
  titleYear: { sv: 'Internationell budget {year}', en: 'International budget {year}' },
  lead: {
    sv: 'Pengar som kommunen har avsatt för vänortsarbete och för att förbereda internationella projekt, vad som har förbrukats och vad som återstår.',
    en: 'Money the municipality has set aside for twin-town work and for preparing international projects, what has been used and what remains.',
  },
  year: { sv: 'År', en: 'Year' },
  show: { sv: 'Visa', en: 'Show' },
  allocated: { sv: 'Anslag', en: 'Allocated' },
  used: { sv: 'Förbrukat', en: 'Used' },
  remaining: { sv: 'Återstår', en: 'Remaining' },
  notAllocated: { sv: 'Inget anslag registrerat', en: 'No allocation recorded' },
  overspent: { sv: 'Anslaget är överskridet', en: 'The allocation is overspent' },
  usedHeading: { sv: 'Vad förbrukningen består av', en: 'What the use consists of' },
  usedCaption: { sv: 'Förbrukning {year}: {category}', en: 'Use in {year}: {category}' },
  noUse: { sv: 'Ingen förbrukning under året.', en: 'Nothing used during the year.' },
  date: { sv: 'Datum', en: 'Date' },
  description: { sv: 'Beskrivning', en: 'Description' },
  source: { sv: 'Källa', en: 'Source' },
  amount: { sv: 'Belopp', en: 'Amount' },
  sourceProject: { sv: 'Projektets kontanta medfinansiering', en: "The project's municipal cash" },
  sourceEntry: { sv: 'Registrerad post', en: 'Recorded entry' },
  editEntry: { sv: 'Ändra', en: 'Edit' },
  editEntryOf: { sv: 'Ändra posten {description}', en: 'Edit the entry {description}' },
  partnershipLink: { sv: 'Samarbete: {title}', en: 'Partnership: {title}' },
  projectLink: { sv: 'Projekt: {title}', en: 'Project: {title}' },
  total: { sv: 'Summa', en: 'Total' },
  ruleHeading: { sv: 'Så räknas förbrukningen', en: 'How the use is counted' },
  rule: [
    {
      sv: 'Ett projekt räknas till det år då det startar, eller till projektets år när startdatum saknas. Projekt som har ställts in eller fått avslag räknas inte.',
      en: 'A project counts in the year it starts, or in its year when it has no start date. Cancelled and rejected projects do not count.',
    },
    {
      sv: 'Förberedelse: kommunens kontanta medfinansiering i projekt som ännu förbereds (idé, bedömning eller väntar på beslut, eller status planerat eller ansökt).',
      en: "Preparation: the municipality's cash co-financing of projects still being prepared (idea, assessment or awaiting decision, or status planned or applied).",
    },
    {
      sv: 'Vänortsarbete: kommunens kontanta medfinansiering i övriga projekt som är kopplade till ett vänortssamarbete. Ett projekt räknas aldrig i båda kategorierna.',
      en: "Twin-town work: the municipality's cash co-financing of other projects linked to a twin-town partnership. A project never counts in both categories.",
    },
    { sv: 'Till det kommer de poster som samordnaren har registrerat med datum under året.', en: 'Added to that are the entries the coordinator has recorded, dated in the year.' },
  ] satisfies Text[],
  allocationHeading: { sv: 'Anslag för {year}', en: 'Allocation for {year}' },
  allocationHint: { sv: 'Belopp i kronor, till exempel 150 000. Lämna tomt om inget anslag finns.', en: 'Amount in kronor, for example 150 000. Leave empty if there is no allocation.' },
  saveAllocation: { sv: 'Spara anslagen', en: 'Save the allocations' },
  newEntry: { sv: 'Registrera förbrukning', en: 'Record use' },
  newEntryTitle: { sv: 'Registrera förbrukning', en: 'Record use' },
  newEntryLead: {
    sv: 'Registrera pengar som har använts ur budgeten men som inte syns som kontant medfinansiering i ett projekt, till exempel resor, mottagning av besök eller medlemsavgifter.',
    en: "Record money used from the budget that does not show as cash co-financing of a project, such as travel, hosting visits or membership fees.",
  },
  editEntryTitle: { sv: 'Ändra post', en: 'Edit entry' },
  saveEntry: { sv: 'Spara posten', en: 'Save the entry' },
  cancel: { sv: 'Avbryt', en: 'Cancel' },
  deleteHeading: { sv: 'Ta bort posten', en: 'Delete the entry' },
  deleteLead: { sv: 'Posten tas bort ur budgeten. Borttagningen syns i ändringsloggen men kan inte ångras här.', en: 'The entry is removed from the budget. The removal shows in the audit trail but cannot be undone here.' },
  deleteButton: { sv: 'Ta bort posten', en: 'Delete the entry' },
  noProject: { sv: 'Inget projekt', en: 'No project' },
  noPartnership: { sv: 'Inget samarbete', en: 'No partnership' },
  amountHint: { sv: 'I kronor, till exempel 12 500 eller 12 500,50.', en: 'In kronor, for example 12 500 or 12 500.50.' },
  dateHint: { sv: 'Till exempel 2026-03-31.', en: 'For example 2026-03-31.' },
  linkHint: { sv: 'Välj om pengarna gick till ett visst projekt eller samarbete. Posten räknas ändå bara en gång.', en: 'Choose if the money went to a particular project or partnership. The entry still counts only once.' },
} satisfies Record<string, Text | Text[]>;

export const ENTRY_LABELS: Record<string, Text> = {
  category: { sv: 'Kategori', en: 'Category' },
  spent_on: { sv: 'Datum', en: 'Date' },
  amount: { sv: 'Belopp', en: 'Amount' },
  description_sv: { sv: 'Beskrivning', en: 'Description' },
  project_id: { sv: 'Projekt', en: 'Project' },
  partnership_id: { sv: 'Samarbete', en: 'Partnership' },
};

export const ALLOCATION_LABELS: Record<string, Text> = {
  twinning: { sv: 'Anslag till vänortsarbete', en: 'Allocation to twin-town work' },
  preparation: { sv: 'Anslag till förberedelse av internationella projekt', en: 'Allocation to preparing international projects' },
};

export const ERR = {
  amountFormat: { sv: '{label}: skriv ett belopp i kronor, till exempel 12 500 eller 12 500,50.', en: '{label}: enter an amount in kronor, for example 12 500 or 12 500.50.' },
  amountNegative: { sv: '{label} kan inte vara negativt.', en: '{label} cannot be negative.' },
  amountTooLarge: { sv: '{label} är orimligt stort: högst 1 000 000 000 kronor.', en: '{label} is unreasonably large: at most 1,000,000,000 kronor.' },
  amountRequired: { sv: 'Fyll i beloppet i kronor.', en: 'Enter the amount in kronor.' },
  date: { sv: 'Datumet måste vara ett datum, till exempel 2026-03-31.', en: 'The date must be a date, like 2026-03-31.' },
  description: { sv: 'Fyll i en beskrivning av vad pengarna användes till.', en: 'Enter a description of what the money was used for.' },
  descriptionTooLong: { sv: 'Beskrivningen får ha högst 500 tecken.', en: 'The description must be 500 characters or fewer.' },
  category: { sv: 'Välj vänortsarbete eller förberedelse av internationella projekt.', en: 'Choose twin-town work or preparing international projects.' },
  project: { sv: 'Välj ett av kommunens projekt i listan.', en: "Choose one of the municipality's projects from the list." },
  partnership: { sv: 'Välj ett av kommunens samarbeten i listan.', en: "Choose one of the municipality's partnerships from the list." },
  year: { sv: 'Välj ett år mellan 2000 och 2100.', en: 'Choose a year between 2000 and 2100.' },
} satisfies Record<string, Text>;

export const NOTICES: Record<string, Text> = {
  allocated: { sv: 'Anslagen är sparade.', en: 'The allocations have been saved.' },
  created: { sv: 'Posten är registrerad.', en: 'The entry has been recorded.' },
  saved: { sv: 'Posten är ändrad.', en: 'The entry has been changed.' },
  deleted: { sv: 'Posten är borttagen.', en: 'The entry has been deleted.' },
};
