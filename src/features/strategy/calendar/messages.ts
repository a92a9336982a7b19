/** Texts of the calendar feeds (every deadline of the international work) and their back-office page, Swedish first. */

import type { Text } from '../../../i18n/index.js';

export type { Text } from '../../../i18n/index.js';

export const FEED = {
  municipalityName: { sv: 'Utblick – internationella arbetet i {municipality}', en: 'Utblick – international work in {municipality}' },
  personalName: { sv: 'Utblick – mina datum i internationella arbetet', en: 'Utblick – my dates in the international work' },
  // No commas: ical-generator writes the calendar's description unescaped.
  description: {
    sv: 'Datum i det internationella arbetet: översyner och utvärderingar samt åtgärder och halvårsrapporter som ska vara klara och projekt som väntar på beslut.',
    en: 'Dates in the international work: reviews and evaluations as well as measures and half-year reports due and projects awaiting a decision.',
  },
  summary_strategy_review: { sv: 'Översyn av strategin: {title}', en: 'Review of the strategy: {title}' },
  summary_plan_evaluation: { sv: 'Utvärdering av handlingsplanen: {title}', en: 'Evaluation of the action plan: {title}' },
  summary_measure_end: { sv: 'Åtgärd ska vara klar: {title}', en: 'Measure due to be finished: {title}' },
  why_strategy_review: {
    sv: 'Strategin ska ses över en gång per mandatperiod (mandatperioden börjar den 15 oktober valåret). Översynen ska vara gjord senast {date}.',
    en: 'The strategy is to be reviewed once per term of office (a term starts on 15 October of the election year). The review is due by {date}.',
  },
  why_plan_evaluation: {
    sv: 'Handlingsplanen ska utvärderas vartannat år. Utvärderingen ska vara gjord senast {date}.',
    en: 'The action plan is to be evaluated every other year. The evaluation is due by {date}.',
  },
  why_measure_end: { sv: 'Åtgärden i {plan} ska vara klar {date}.', en: 'The measure in {plan} is due to be finished on {date}.' },
  summary_report: { sv: 'Halvårsrapporten ska vara klar: {title}', en: 'Half-year report due: {title}' },
  summary_report_section: { sv: 'Avsnitt i halvårsrapporten: {title}', en: 'Section of the half-year report: {title}' },
  summary_partnership_evaluation: { sv: 'Utvärdering av samarbetet: {title}', en: 'Evaluation of the partnership: {title}' },
  summary_decision_awaited: { sv: 'Väntar på beslut: {title}', en: 'Awaiting a decision: {title}' },
  summary_measure_stale: { sv: 'Lägesrapport saknas: {title}', en: 'Progress report missing: {title}' },
  why_report: { sv: 'Halvårsrapporten till kommunstyrelsen ska vara slutförd senast {date}.', en: 'The half-year report to the executive board is due by {date}.' },
  why_report_section: { sv: 'Förvaltningens kommentarer till halvårsrapporten ska vara klara senast {date}.', en: 'The unit’s comments on the half-year report are due by {date}.' },
  why_partnership_evaluation: { sv: 'Samarbetet ska utvärderas enligt kommunens cykel. Utvärderingen ska vara gjord senast {date}.', en: 'The partnership is to be evaluated on the municipality’s cycle. The evaluation is due by {date}.' },
  why_decision_awaited: { sv: 'Projektet väntar på beslut sedan {date}.', en: 'The project has been awaiting a decision since {date}.' },
  why_measure_stale: { sv: 'Åtgärden i {plan} saknar aktuell lägesrapport: en ny rapport skulle ha kommit senast {date}.', en: 'The measure in {plan} lacks a recent progress report: a new one was due by {date}.' },
  state_overdue: { sv: 'Läge: försenad.', en: 'State: overdue.' },
  state_due: { sv: 'Läge: dags nu.', en: 'State: due now.' },
  state_upcoming: { sv: 'Läge: kommande.', en: 'State: upcoming.' },
  municipality: { sv: 'Kommun: {municipality}.', en: 'Municipality: {municipality}.' },
  open: { sv: 'Öppna i Utblick: {url}', en: 'Open in Utblick: {url}' },
  notFound: { sv: 'Kalendern finns inte. Adressen kan ha bytts ut eller tagits bort.', en: 'The calendar does not exist. The address may have been renewed or removed.' },
} satisfies Record<string, Text>;

export const CAL = {
  title: { sv: 'Kalender för det internationella arbetet', en: 'Calendar of the international work' },
  lead: {
    sv: 'Prenumerera på alla datum i det internationella arbetet i din vanliga kalender: när strategin ska ses över, när handlingsplaner och samarbeten ska utvärderas, när åtgärder och förvaltningarnas avsnitt i halvårsrapporten ska vara klara, när halvårsrapporten ska vara slutförd, vilka åtgärder som saknar aktuell lägesrapport och vilka projekt som väntar på beslut. Kalendern uppdateras av sig själv.',
    en: 'Subscribe to every date of the international work in your usual calendar: when the strategy is to be reviewed, when action plans and partnerships are to be evaluated, when measures and the units’ sections of the half-year report are due, when the half-year report is due, which measures lack a recent progress report and which projects await a decision. The calendar updates itself.',
  },
  personalTitle: { sv: 'Din personliga kalenderadress', en: 'Your personal calendar address' },
  personalIntro: {
    sv: 'Din personliga kalender innehåller datumen i alla kommuner där du har en roll i Utblick. Den slutar fungera om du inte längre har någon roll eller om ditt konto stängs av.',
    en: 'Your personal calendar holds the dates of every municipality where you have a role in Utblick. It stops working if you no longer have a role or your account is disabled.',
  },
  personalNone: { sv: 'Du har ingen personlig kalenderadress ännu.', en: 'You do not have a personal calendar address yet.' },
  personalExists: { sv: 'Du har en personlig kalenderadress sedan {date}.', en: 'You have had a personal calendar address since {date}.' },
  personalCreate: { sv: 'Skapa min kalenderadress', en: 'Create my calendar address' },
  renew: { sv: 'Skapa en ny adress', en: 'Create a new address' },
  remove: { sv: 'Ta bort adressen', en: 'Remove the address' },
  onceOnly: {
    sv: 'Adressen visas bara en gång, direkt när den skapas: Utblick sparar inte själva adressen, bara ett kontrollvärde av den. Har du tappat bort den skapar du en ny; den gamla slutar då att fungera.',
    en: 'The address is shown only once, right when it is created: Utblick does not keep the address itself, only a check value of it. If you have lost it, create a new one; the old one then stops working.',
  },
  municipalityTitle: { sv: 'Kommunens gemensamma kalenderadress', en: 'The municipality’s shared calendar address' },
  municipalityIntro: {
    sv: 'En gemensam adress för kommunen, till exempel för ledningsgruppens kalender. Den innehåller bara den här kommunens datum. Kommunens samordnare och administratörer skapar och byter den.',
    en: 'A shared address for the municipality, for example for the management group’s calendar. It holds only this municipality’s dates. The municipality’s coordinators and administrators create and renew it.',
  },
  municipalityNone: { sv: 'Kommunen har ingen gemensam kalenderadress.', en: 'The municipality does not have a shared calendar address.' },
  municipalityExists: { sv: 'Kommunen har en gemensam kalenderadress sedan {date}.', en: 'The municipality has had a shared calendar address since {date}.' },
  municipalityCreate: { sv: 'Skapa kommunens kalenderadress', en: 'Create the municipality’s calendar address' },
  municipalityAsk: { sv: 'Vill du ha den gemensamma adressen, be en samordnare eller administratör om den.', en: 'If you need the shared address, ask a coordinator or administrator for it.' },
  createdTitle: { sv: 'Din nya kalenderadress', en: 'Your new calendar address' },
  createdMunicipalityTitle: { sv: 'Kommunens nya kalenderadress', en: 'The municipality’s new calendar address' },
  createdLead: {
    sv: 'Kopiera adressen nu och lägg in den i din kalender. Den visas inte igen.',
    en: 'Copy the address now and add it to your calendar. It will not be shown again.',
  },
  renewedOld: { sv: 'Den tidigare adressen fungerar inte längre.', en: 'The previous address no longer works.' },
  secret: {
    sv: 'Adressen är hemlig: den som har den kan se kalendern utan att logga in. Dela den bara med dem som ska se datumen.',
    en: 'The address is secret: anyone who has it can see the calendar without signing in. Share it only with those who should see the dates.',
  },
  address: { sv: 'Kalenderadress', en: 'Calendar address' },
  addressHint: { sv: 'Markera hela adressen och kopiera den.', en: 'Select the whole address and copy it.' },
  subscribe: { sv: 'Öppna direkt i kalenderprogrammet', en: 'Open directly in the calendar app' },
  back: { sv: 'Tillbaka till kalendersidan', en: 'Back to the calendar page' },
  removed: { sv: 'Kalenderadressen är borttagen och fungerar inte längre.', en: 'The calendar address has been removed and no longer works.' },
  howTitle: { sv: 'Så prenumererar du', en: 'How to subscribe' },
  outlookTitle: { sv: 'Outlook', en: 'Outlook' },
  outlook: {
    sv: 'I Outlook på webben eller i nya Outlook: öppna Kalender, välj Lägg till kalender och sedan Prenumerera från webben. Klistra in adressen, ge kalendern ett namn och välj Importera. I den klassiska Outlook för Windows: Lägg till kalender, Från Internet.',
    en: 'In Outlook on the web or the new Outlook: open Calendar, choose Add calendar and then Subscribe from web. Paste the address, name the calendar and choose Import. In classic Outlook for Windows: Add Calendar, From Internet.',
  },
  googleTitle: { sv: 'Google Kalender', en: 'Google Calendar' },
  google: {
    sv: 'Öppna Google Kalender i en webbläsare. Välj plustecknet vid Andra kalendrar och sedan Från webbadress. Klistra in adressen och välj Lägg till kalender. Det kan dröja upp till ett dygn innan ändringar syns där.',
    en: 'Open Google Calendar in a web browser. Choose the plus sign next to Other calendars and then From URL. Paste the address and choose Add calendar. Changes may take up to a day to show there.',
  },
  appleTitle: { sv: 'Apple Kalender (Mac, iPhone, iPad)', en: 'Apple Calendar (Mac, iPhone, iPad)' },
  apple: {
    sv: 'På Mac: välj Arkiv och sedan Ny kalenderprenumeration, klistra in adressen och välj Prenumerera. På iPhone och iPad: Inställningar, Kalender, Konton, Lägg till konto, Annat, Lägg till prenumererad kalender.',
    en: 'On a Mac: choose File and then New Calendar Subscription, paste the address and choose Subscribe. On iPhone and iPad: Settings, Calendar, Accounts, Add Account, Other, Add Subscribed Calendar.',
  },
  howLanguage: {
    sv: 'Kalendern är på svenska. Vill du ha den på engelska, lägg till ?lang=en sist i adressen.',
    en: 'The calendar is in English (the address ends in ?lang=en). Without that ending it is in Swedish.',
  },
  itemsTitle: { sv: 'Det här visas i kalendern nu', en: 'What the calendar shows now' },
  itemsNone: { sv: 'Just nu finns inga datum att visa.', en: 'There are no dates to show right now.' },
  reminders: { sv: 'Påminnelser per e-post om datumen', en: 'Reminders of the dates by e-mail' },
  created: { sv: 'skapad', en: 'created' },
} satisfies Record<string, Text>;
