/** Texts of the registry pages (organisations, units, partnerships), Swedish first. */
import type { ExternalOrganisationKind, InternalOrganisationKind } from '../../db/schema.js';
import type { Lang, Text } from '../../i18n/index.js';

export { labelsIn, type Text, tr } from '../../i18n/index.js';

export const COMMON = {
  save: { sv: 'Spara', en: 'Save' },
  cancel: { sv: 'Avbryt', en: 'Cancel' },
  edit: { sv: 'Ändra', en: 'Edit' },
  history: { sv: 'Ändringshistorik', en: 'Change history' },
  none: { sv: 'Uppgift saknas', en: 'Not stated' },
  noneChosen: { sv: 'Välj', en: 'Choose' },
  noParent: { sv: 'Ingen (högst upp)', en: 'None (top level)' },
  filter: { sv: 'Visa', en: 'Show' },
  search: { sv: 'Sök på namn', en: 'Search by name' },
  allKinds: { sv: 'Alla typer', en: 'All kinds' },
  kind: { sv: 'Typ', en: 'Kind' },
  name: { sv: 'Namn', en: 'Name' },
  count: { sv: '{n} st.', en: '{n}' },
  conflict: {
    sv: 'Någon annan har ändrat uppgifterna medan du skrev. Dina ändringar är inte sparade: titta på de nya uppgifterna och gör om ändringen.',
    en: 'Someone else changed this record while you were typing. Your changes have not been saved: look at the new values and make your change again.',
  },
  conflictField: { sv: 'Uppgifterna har ändrats av någon annan', en: 'The record has been changed by someone else' },
} satisfies Record<string, Text>;

export const EXTERNAL_KIND_LABELS: Record<ExternalOrganisationKind, Text> = {
  municipality: { sv: 'Kommun', en: 'Municipality' },
  region: { sv: 'Region', en: 'Region' },
  network: { sv: 'Nätverk', en: 'Network' },
  authority: { sv: 'Myndighet', en: 'Public authority' },
  university: { sv: 'Universitet eller högskola', en: 'University' },
  school: { sv: 'Skola', en: 'School' },
  company: { sv: 'Företag', en: 'Company' },
  association: { sv: 'Förening eller intresseorganisation', en: 'Association' },
  other: { sv: 'Annan organisation', en: 'Other organisation' },
};

export const INTERNAL_KIND_LABELS: Record<InternalOrganisationKind, Text> = {
  council: { sv: 'Fullmäktige', en: 'Council' },
  executive_board: { sv: 'Kommunstyrelse', en: 'Executive board' },
  committee: { sv: 'Nämnd', en: 'Committee' },
  department: { sv: 'Förvaltning', en: 'Department' },
  company: { sv: 'Bolag', en: 'Company' },
  group: { sv: 'Grupp', en: 'Group' },
  role: { sv: 'Funktion', en: 'Role' },
  unit: { sv: 'Enhet', en: 'Unit' },
};

export const ORG = {
  title: { sv: 'Externa organisationer', en: 'External organisations' },
  lead: {
    sv: 'Organisationer utanför kommunen som kommunen samarbetar med: vänorter, nätverk, myndigheter, lärosäten, företag och föreningar. Uppgifterna visas på de publika sidorna när organisationen är partner i ett publicerat samarbete eller projekt.',
    en: 'Organisations outside the municipality that it works with: twin towns, networks, authorities, universities, companies and associations. The details appear on the public pages when the organisation is a partner in a published partnership or project.',
  },
  new: { sv: 'Ny organisation', en: 'New organisation' },
  editTitle: { sv: 'Ändra {name}', en: 'Edit {name}' },
  none: { sv: 'Inga organisationer matchar.', en: 'No organisations match.' },
  shown: { sv: '{n} organisationer', en: '{n} organisations' },
  country: { sv: 'Land', en: 'Country' },
  usedIn: { sv: 'Partner i', en: 'Partner in' },
  usedInCount: { sv: '{p} samarbeten, {q} projekt', en: '{p} partnerships, {q} projects' },
  partnerships: { sv: 'Samarbeten där organisationen är partner', en: 'Partnerships the organisation is a partner in' },
  projects: { sv: 'Projekt där organisationen är partner', en: 'Projects the organisation is a partner in' },
  noPartnerships: { sv: 'Organisationen är inte partner i något samarbete.', en: 'The organisation is not a partner in any partnership.' },
  noProjects: { sv: 'Organisationen är inte partner i något projekt.', en: 'The organisation is not a partner in any project.' },
  created: { sv: 'Organisationen är sparad.', en: 'The organisation has been saved.' },
  updated: { sv: 'Ändringarna är sparade.', en: 'Your changes have been saved.' },
  whoEdits: {
    sv: 'Kommunens samordnare och administratörer kan ändra organisationen. En enhetsredaktör kan ändra de organisationer som hen själv har lagt in.',
    en: 'The municipality’s coordinators and administrators can edit the organisation. A unit editor can edit the organisations they added themselves.',
  },
  populationAbout: { sv: '{n} ({year})', en: '{n} ({year})' },
  coordinates: { sv: 'Läge', en: 'Location' },
  errors: {
    country: { sv: 'Välj ett land i listan.', en: 'Choose a country from the list.' },
    website: { sv: 'Ange en webbadress som börjar med https://, till exempel https://www.skive.dk.', en: 'Enter a web address starting with https://, like https://www.skive.dk.' },
    latitude: { sv: 'Latitud måste vara ett tal mellan -90 och 90, till exempel 59,65.', en: 'Latitude must be a number between -90 and 90, like 59.65.' },
    longitude: { sv: 'Longitud måste vara ett tal mellan -180 och 180, till exempel 12,59.', en: 'Longitude must be a number between -180 and 180, like 12.59.' },
    pair: { sv: 'Fyll i både latitud och longitud, eller lämna båda tomma.', en: 'Enter both latitude and longitude, or leave both empty.' },
    population: { sv: 'Folkmängd måste vara ett heltal, till exempel 47 000.', en: 'Population must be a whole number, like 47,000.' },
    populationYear: { sv: 'År för folkmängden måste vara ett år mellan 1800 och {max}.', en: 'The population year must be a year between 1800 and {max}.' },
    yearWithout: { sv: 'Fyll i folkmängden som året gäller.', en: 'Enter the population the year refers to.' },
  },
} as const;

export const ORG_LABELS: Record<string, Text> = {
  kind: { sv: 'Typ av organisation', en: 'Kind of organisation' },
  name_sv: { sv: 'Namn på svenska', en: 'Name in Swedish' },
  name_en: { sv: 'Namn på engelska', en: 'Name in English' },
  short_name: { sv: 'Kortnamn', en: 'Short name' },
  country: { sv: 'Land', en: 'Country' },
  region: { sv: 'Region, län eller delstat', en: 'Region, county or state' },
  population: { sv: 'Folkmängd', en: 'Population' },
  population_year: { sv: 'År för folkmängden', en: 'Population year' },
  website: { sv: 'Webbplats', en: 'Website' },
  latitude: { sv: 'Latitud', en: 'Latitude' },
  longitude: { sv: 'Longitud', en: 'Longitude' },
  description_sv: { sv: 'Beskrivning på svenska', en: 'Description in Swedish' },
  description_en: { sv: 'Beskrivning på engelska', en: 'Description in English' },
};

export const ORG_HINTS = {
  name_en: { sv: 'Lämna tomt om namnet är detsamma på engelska.', en: 'Leave empty if the name is the same in English.' },
  short_name: { sv: 'Till exempel en förkortning som ARKO.', en: 'For example an abbreviation such as ARKO.' },
  population: { sv: 'Antal invånare, för kommuner och regioner.', en: 'Number of inhabitants, for municipalities and regions.' },
  website: { sv: 'Börjar med https://', en: 'Starts with https://' },
  location: {
    sv: 'I decimalgrader, till exempel latitud 59,65 och longitud 12,59. Läget används för kartan på den publika sidan.',
    en: 'In decimal degrees, for example latitude 59.65 and longitude 12.59. The location is used for the map on the public page.',
  },
} satisfies Record<string, Text>;

export const UNIT = {
  title: { sv: 'Enheter och nämnder', en: 'Units and committees' },
  lead: {
    sv: 'Kommunens egen organisation: fullmäktige, kommunstyrelsen, nämnder, förvaltningar, bolag, grupper och enheter. Projekt och samarbeten ägs av en enhet, och enhetsredaktörer ändrar sina enheters projekt och samarbeten.',
    en: 'The municipality’s own organisation: council, executive board, committees, departments, companies, groups and units. Projects and partnerships are owned by a unit, and unit editors edit the projects and partnerships of their units.',
  },
  new: { sv: 'Ny enhet eller nämnd', en: 'New unit or committee' },
  editTitle: { sv: 'Ändra {name}', en: 'Edit {name}' },
  none: { sv: 'Kommunens organisation är inte inlagd än.', en: 'The municipality’s organisation has not been entered yet.' },
  parent: { sv: 'Ingår i', en: 'Part of' },
  children: { sv: 'Underenheter', en: 'Sub-units' },
  responsibleCommittee: { sv: 'Ansvarig nämnd', en: 'Responsible committee' },
  responsibleFor: { sv: 'Ansvarar för', en: 'Responsible for' },
  committeeNote: {
    sv: 'Vilken nämnd som ansvarar för vilken förvaltning eller vilket bolag ändras i',
    en: 'Which committee is responsible for which department or company is changed in the',
  },
  delegation: { sv: 'delegationsordningen', en: 'delegation order' },
  onlyConfigure: {
    sv: 'Kommunens samordnare och administratörer kan ändra organisationen.',
    en: 'The municipality’s coordinators and administrators can change the organisation.',
  },
  created: { sv: 'Enheten är sparad.', en: 'The unit has been saved.' },
  updated: { sv: 'Ändringarna är sparade.', en: 'Your changes have been saved.' },
  errors: {
    parent: { sv: 'Välj en enhet i listan.', en: 'Choose a unit from the list.' },
    cycle: { sv: 'En enhet kan inte ingå i sig själv eller i någon av sina egna underenheter.', en: 'A unit cannot be part of itself or of one of its own sub-units.' },
  },
} as const;

export const UNIT_LABELS: Record<string, Text> = {
  kind: { sv: 'Typ', en: 'Kind' },
  name_sv: { sv: 'Namn på svenska', en: 'Name in Swedish' },
  name_en: { sv: 'Namn på engelska', en: 'Name in English' },
  short_name: { sv: 'Kortnamn', en: 'Short name' },
  parent_id: { sv: 'Ingår i', en: 'Part of' },
  description_sv: { sv: 'Beskrivning på svenska', en: 'Description in Swedish' },
  description_en: { sv: 'Beskrivning på engelska', en: 'Description in English' },
};

export const UNIT_HINTS = {
  short_name: { sv: 'Till exempel KS eller BUN.', en: 'For example KS.' },
  parent_id: { sv: 'Nämnden, förvaltningen eller gruppen som enheten hör till.', en: 'The committee, department or group the unit belongs to.' },
} satisfies Record<string, Text>;

/** The English text when asked for and present, else the Swedish. */
export function pick(lang: Lang, sv: string | null | undefined, en: string | null | undefined): string {
  return lang === 'en' && en ? en : (sv ?? '');
}
