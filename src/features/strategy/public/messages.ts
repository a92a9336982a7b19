/** Texts of the public strategy page and of the goal links of projects and partnerships, Swedish first. */
import type { MeasureStatus, TrafficLight } from '../../../db/schema.js';
import type { Text } from '../../../i18n/index.js';
import { MEASURE_STATUS_LABELS } from '../plans/messages.js';
import { TRAFFIC_LIGHT } from '../progress/messages.js';

export const SP = {
  title: { sv: 'Strategi och uppföljning', en: 'Strategy and follow-up' },
  none: {
    sv: '{name} har ännu inte publicerat någon antagen strategi för sitt internationella arbete här. När strategin är antagen och inlagd visas den här, med målen och hur långt arbetet med dem har kommit.',
    en: '{name} has not yet published an adopted strategy for its international work here. Once the strategy is adopted and entered, it is shown here with its goals and how far the work on them has come.',
  },
  noneHelp: { sv: 'Under tiden kan du läsa om kommunens projekt och vänorter.', en: 'In the meantime you can read about the municipality’s projects and twin towns.' },
  lead: {
    sv: 'Strategin som styr {name} internationella arbete, dess mål och hur långt arbetet med varje mål har kommit.',
    en: 'The strategy that steers the international work of {name}, its goals and how far the work on each goal has come.',
  },
  adoptedBy: { sv: 'Antagen av {body}', en: 'Adopted by {body}' },
  adoptedOn: { sv: 'den {date}', en: 'on {date}' },
  adoptedOnly: { sv: 'Antagen den {date}', en: 'Adopted on {date}' },
  adoption: { sv: 'Beslut', en: 'Decision' },
  registryNumber: { sv: 'Diarienummer', en: 'Registry number' },
  plans: { sv: 'Handlingsplan', en: 'Action plan' },
  visionCaption: { sv: 'Visionen som strategin tjänar', en: 'The vision the strategy serves' },
  responsibilities: { sv: 'Ansvar', en: 'Responsibilities' },
  contents: { sv: 'Målen i korthet', en: 'The goals in brief' },
  goals: { sv: 'Mål och uppföljning', en: 'Goals and follow-up' },
  howComputed: {
    sv: 'Hur långt ett mål har kommit räknas fram ur åtgärderna i handlingsplanen som hör till målet och ur dess delmål, vägt där kommunen har satt vikter. Läget jämförs med var arbetet borde vara enligt åtgärdernas datum. Uppgifterna gäller den {date}.',
    en: 'How far a goal has come is computed from the measures of the action plan that serve it and from its sub-goals, weighted where the municipality has set weights. The state is compared with where the work should be according to the measures’ dates. The figures are as of {date}.',
  },
  noGoals: { sv: 'Strategin har inga mål inlagda än.', en: 'No goals have been entered for the strategy yet.' },
  percentDone: { sv: '{n} % genomfört', en: '{n}% complete' },
  progressOf: { sv: 'Genomfört för {goal}', en: 'Completion of {goal}' },
  state: { sv: 'Läge', en: 'State' },
  measures: { sv: 'Åtgärder', en: 'Measures' },
  measuresOf: { sv: 'Åtgärder för målet {goal}', en: 'Measures for the goal {goal}' },
  measure: { sv: 'Åtgärd', en: 'Measure' },
  responsible: { sv: 'Ansvarig', en: 'Responsible' },
  period: { sv: 'Period', en: 'Period' },
  status: { sv: 'Status', en: 'Status' },
  progress: { sv: 'Genomfört', en: 'Complete' },
  notStated: { sv: 'Uppgift saknas', en: 'Not stated' },
  projects: { sv: 'Projekt som bidrar till målet', en: 'Projects contributing to the goal' },
  partnerships: { sv: 'Samarbeten som bidrar till målet', en: 'Partnerships contributing to the goal' },
  from: { sv: 'från {date}', en: 'from {date}' },
  until: { sv: 'till {date}', en: 'until {date}' },
  inBrief: { sv: 'Strategin i korthet', en: 'The strategy in brief' },
  inBriefText: { sv: '{title} har {n} mål.', en: '{title} has {n} goals.' },
  inBriefLink: { sv: 'Läs strategin och se hur långt arbetet med målen har kommit', en: 'Read the strategy and see how far the work on its goals has come' },
  nav: { sv: 'Strategi', en: 'Strategy' },
} satisfies Record<string, Text>;

/** The traffic light as a word, and the measures' statuses: the same words as in the back office. */
export const LIGHT: Record<TrafficLight, Text> = TRAFFIC_LIGHT;
export const MEASURE_STATUS: Record<MeasureStatus, Text> = MEASURE_STATUS_LABELS;

/** The goal links of projects and partnerships: their forms, and where the links are shown. */
export const GL = {
  projectLegend: { sv: 'Mål i strategin som projektet bidrar till', en: 'Strategy goals the project contributes to' },
  partnershipLegend: { sv: 'Mål i strategin som samarbetet bidrar till', en: 'Strategy goals the partnership contributes to' },
  hint: {
    sv: 'Kryssa i de mål som arbetet bidrar till. Bara målen i den antagna strategin visas på den publika webbplatsen.',
    en: 'Tick the goals the work contributes to. Only the goals of the adopted strategy are shown on the public website.',
  },
  strategyState: {
    adopted: { sv: 'antagen', en: 'adopted' },
    draft: { sv: 'utkast', en: 'draft' },
  },
  invalid: { sv: 'Välj bland målen i kommunens strategier.', en: 'Choose among the goals of the municipality’s strategies.' },
  contributes: { sv: 'Bidrar till målen', en: 'Contributes to the goals' },
  adminHeading: { sv: 'Mål i strategin', en: 'Strategy goals' },
  adminNone: { sv: 'Inte kopplat till något mål.', en: 'Not linked to any goal.' },
} as const;
