/** Texts of the partnership pages, Swedish first. */
import type { PublicationState } from '../../../db/schema.js';
import type { Text } from '../messages.js';

export const PS = {
  title: { sv: 'Vänorter och samarbeten', en: 'Twin towns and partnerships' },
  lead: {
    sv: 'Kommunens vänorter, nätverk, samarbetspartner och utvecklingssamarbeten, med historik. Ändringar publiceras först när en samordnare har granskat dem; den publika sidan visar bara den publicerade versionen.',
    en: 'The municipality’s twin towns, networks, cooperation partners and development partnerships, with their history. Changes are published only after a coordinator has reviewed them; the public page shows only the published version.',
  },
  new: { sv: 'Nytt samarbete', en: 'New partnership' },
  editTitle: { sv: 'Ändra {name}', en: 'Edit {name}' },
  none: { sv: 'Det finns inga samarbeten än.', en: 'There are no partnerships yet.' },
  partners: { sv: 'Partner', en: 'Partners' },
  status: { sv: 'Status', en: 'Status' },
  publication: { sv: 'Publicering', en: 'Publication' },
  pendingChanges: { sv: 'Ändringar väntar på granskning', en: 'Changes awaiting review' },
  draftChanges: { sv: 'Ej publicerade ändringar', en: 'Unpublished changes' },
  returnedChanges: { sv: 'Skickat tillbaka', en: 'Sent back' },
  noneStated: { sv: 'Uppgift saknas', en: 'Not stated' },
  noOwner: { sv: 'Ingen särskild enhet', en: 'No particular unit' },
  timeline: { sv: 'Historik', en: 'History' },
  noEvents: { sv: 'Ingen händelse är inlagd.', en: 'No event has been entered.' },
  decision: { sv: 'Beslut', en: 'Decision' },
  public: { sv: 'Den publika sidan', en: 'The public page' },
  attachments: { sv: 'Bilagor', en: 'Attachments' },
  assessment: { sv: 'Bedömning', en: 'Assessment' },
  activate: { sv: 'Aktivera samarbetet', en: 'Activate the partnership' },
  activateHint: {
    sv: 'Ett samarbete blir aktivt först när bedömningen är klar och ett beslut har fattats (AR-2). Det avslutas bara med ett registrerat beslut, under Utvärderingar (AR-9).',
    en: 'A partnership becomes active only once its assessment is complete and a decision has been made (AR-2). It is ended only with a recorded decision, under Evaluations (AR-9).',
  },
  state: {
    draft: { sv: 'Utkast, inte publicerat', en: 'Draft, not published' },
    in_review: { sv: 'Väntar på granskning, inte publicerat', en: 'Awaiting review, not published' },
    published: { sv: 'Publicerat', en: 'Published' },
    archived: { sv: 'Arkiverat', en: 'Archived' },
  } satisfies Record<PublicationState, Text>,
  stateShort: {
    draft: { sv: 'Utkast', en: 'Draft' },
    in_review: { sv: 'Granskas', en: 'In review' },
    published: { sv: 'Publicerat', en: 'Published' },
    archived: { sv: 'Arkiverat', en: 'Archived' },
  } satisfies Record<PublicationState, Text>,
  revisionDraft: {
    sv: 'Det finns ändringar som inte är publicerade. Sidan visar ändringarna; den publika sidan visar den publicerade versionen tills ändringarna har granskats och publicerats.',
    en: 'There are unpublished changes. This page shows the changes; the public page shows the published version until the changes have been reviewed and published.',
  },
  revisionInReview: {
    sv: 'Ändringarna väntar på granskning. Den publika sidan visar den publicerade versionen tills de har publicerats.',
    en: 'The changes are awaiting review. The public page shows the published version until they have been published.',
  },
  returned: { sv: 'Granskaren skickade tillbaka ändringarna med kommentaren:', en: 'The reviewer sent the changes back with the comment:' },
  // Actions
  save: { sv: 'Spara utkast', en: 'Save draft' },
  saveSubmit: { sv: 'Spara och skicka för granskning', en: 'Save and submit for review' },
  savePublish: { sv: 'Spara och publicera', en: 'Save and publish' },
  submit: { sv: 'Skicka för granskning', en: 'Submit for review' },
  publish: { sv: 'Publicera', en: 'Publish' },
  sendBack: { sv: 'Skicka tillbaka', en: 'Send back' },
  sendBackTitle: { sv: 'Skicka tillbaka till redaktören', en: 'Send back to the editor' },
  comment: { sv: 'Vad behöver ändras?', en: 'What needs to change?' },
  discard: { sv: 'Kasta ändringarna', en: 'Discard the changes' },
  review: { sv: 'Granskning', en: 'Review' },
  addEvent: { sv: 'Lägg till en rad för en händelse till', en: 'Add a row for another event' },
  addPartner: { sv: 'Lägg till en rad för en partner till', en: 'Add a row for another partner' },
  newOrganisation: { sv: 'Lägg in en ny organisation', en: 'Add a new organisation' },
  newOrganisationHint: {
    sv: 'Finns partnern inte i listan? Spara utkastet först, lägg in organisationen och kom sedan tillbaka.',
    en: 'Is the partner not in the list? Save the draft first, add the organisation, then come back.',
  },
  // Notices after a redirect
  notices: {
    created: { sv: 'Samarbetet är sparat som utkast. Det syns inte för allmänheten förrän det har publicerats.', en: 'The partnership has been saved as a draft. The public will not see it until it has been published.' },
    saved: { sv: 'Utkastet är sparat. Det syns inte för allmänheten förrän det har publicerats.', en: 'The draft has been saved. The public will not see it until it has been published.' },
    submitted: { sv: 'Ändringarna är skickade för granskning.', en: 'The changes have been submitted for review.' },
    published: { sv: 'Samarbetet är publicerat.', en: 'The partnership has been published.' },
    returned: { sv: 'Ändringarna är skickade tillbaka till redaktören.', en: 'The changes have been sent back to the editor.' },
    discarded: { sv: 'Ändringarna är borttagna.', en: 'The changes have been discarded.' },
  } satisfies Record<string, Text>,
  errors: {
    status: {
      sv: 'Välj en status i listan. Ett samarbete blir aktivt först när bedömningen är klar och ett beslut har fattats: använd Aktivera samarbetet på samarbetets sida. Ett samarbete avslutas bara med ett registrerat beslut: använd Avsluta samarbetet på sidan Utvärderingar.',
      en: 'Choose a status from the list. A partnership becomes active only once its assessment is complete and a decision has been made: use Activate the partnership on its page. A partnership is ended only with a recorded decision: use End the partnership on its Evaluations page.',
    },
    partnerNone: { sv: 'Välj minst en partnerorganisation.', en: 'Choose at least one partner organisation.' },
    partner: { sv: 'Välj en organisation i listan.', en: 'Choose an organisation from the list.' },
    partnerTwice: { sv: 'Organisationen finns redan med som partner.', en: 'The organisation is already a partner.' },
    theme: { sv: 'Välj samarbetsområden i listan.', en: 'Choose cooperation areas from the list.' },
    owner: { sv: 'Välj en enhet i listan.', en: 'Choose a unit from the list.' },
    ownerNotYours: { sv: 'Välj en enhet som du är redaktör för.', en: 'Choose a unit you are an editor for.' },
    eventKind: { sv: 'Välj vad som hände i händelse {n}.', en: 'Choose what happened in event {n}.' },
    eventDate: {
      sv: 'Skriv när händelse {n} inträffade, till exempel 2012-11-12, november 2012, hösten 1992, 1992, 1989–1990 eller 1940-talet.',
      en: 'Enter when event {n} happened, like 2012-11-12, November 2012, autumn 1992, 1992, 1989–1990 or 1940s.',
    },
    eventDescription: { sv: 'Beskriv händelse {n} på svenska.', en: 'Describe event {n} in Swedish.' },
    eventTooLong: { sv: 'Texten i händelse {n} är för lång (högst {max} tecken).', en: 'The text of event {n} is too long ({max} characters at most).' },
    eventDecision: { sv: 'Välj ett beslut i listan för händelse {n}.', en: 'Choose a decision from the list for event {n}.' },
    tooMany: { sv: 'Högst {max} rader.', en: '{max} rows at most.' },
  },
} as const;

export const PS_LABELS: Record<string, Text> = {
  kind: { sv: 'Typ av samarbete', en: 'Kind of partnership' },
  title_sv: { sv: 'Titel på svenska', en: 'Title in Swedish' },
  title_en: { sv: 'Titel på engelska', en: 'Title in English' },
  summary_sv: { sv: 'Sammanfattning på svenska', en: 'Summary in Swedish' },
  summary_en: { sv: 'Sammanfattning på engelska', en: 'Summary in English' },
  cooperation_areas: { sv: 'Samarbetsområden', en: 'Cooperation areas' },
  financing_sv: { sv: 'Finansiering på svenska', en: 'Financing in Swedish' },
  financing_en: { sv: 'Finansiering på engelska', en: 'Financing in English' },
  owner_unit_id: { sv: 'Ansvarig enhet', en: 'Responsible unit' },
  status: { sv: 'Status', en: 'Status' },
  partners: { sv: 'Partner', en: 'Partners' },
  events: { sv: 'Historik', en: 'History' },
};

export const PS_HINTS = {
  financing_sv: { sv: 'Hur samarbetet finansieras, till exempel vem som betalar resor och utbyten.', en: 'How the partnership is financed, for example who pays for travel and exchanges.' },
  owner_unit_id: { sv: 'Enhetens redaktörer kan ändra samarbetet.', en: 'The unit’s editors can edit the partnership.' },
  partners: {
    sv: 'I den ordning de ska visas. Ett avtal med flera orter är ett samarbete med flera partner. Välj en tom rad för att ta bort en partner.',
    en: 'In the order they are to be shown. An agreement with several towns is one partnership with several partners. Choose the empty row to remove a partner.',
  },
  events: {
    sv: 'Viktiga händelser: första kontakt, avtal, utvärderingar, avslut. Skriv datumet så exakt som källan anger det.',
    en: 'Important events: first contact, agreements, evaluations, ending. Enter the date as precisely as the source gives it.',
  },
  eventDate: {
    sv: 'Till exempel 2012-11-12, november 2012, hösten 1992, 1992, 1989–1990 eller 1940-talet.',
    en: 'For example 2012-11-12, November 2012, autumn 1992, 1992, 1989–1990 or 1940s.',
  },
} satisfies Record<string, Text>;

export const EVENT_LABELS = {
  legend: { sv: 'Händelse {n}', en: 'Event {n}' },
  legendNew: { sv: 'Händelse {n} (ny)', en: 'Event {n} (new)' },
  kind: { sv: 'Vad hände', en: 'What happened' },
  date: { sv: 'När', en: 'When' },
  description_sv: { sv: 'Beskrivning på svenska', en: 'Description in Swedish' },
  description_en: { sv: 'Beskrivning på engelska', en: 'Description in English' },
  place: { sv: 'Plats', en: 'Place' },
  decision: { sv: 'Beslut', en: 'Decision' },
  noDecision: { sv: 'Inget beslut', en: 'No decision' },
  remove: { sv: 'Ta bort händelsen', en: 'Remove the event' },
  partner: { sv: 'Partner {n}', en: 'Partner {n}' },
} satisfies Record<string, Text>;
