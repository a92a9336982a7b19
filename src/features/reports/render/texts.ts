/**
 * The half-year report's own texts, in Swedish and English: section headings, table headers,
 * the sentences that say what a section is empty of, and labels of the report's enumerations.
 */
import type { BudgetCategory, PartnershipRecommendation } from '../../../db/schema.js';
import type { Text } from '../../../i18n/index.js';
import type { SectionKey } from '../model.js';

const t = (sv: string, en: string): Text => ({ sv, en });

/** Default section headings (a report may have its own). */
export const SECTION_HEADINGS: Record<SectionKey, Text> = {
  summary: t('Sammanfattning', 'Summary'),
  projects: t('Projekt och verksamhet', 'Projects and activities'),
  funding: t('Externa medel', 'External funding'),
  budget: t('Internationell budget', 'International budget'),
  decisions: t('Beslut under perioden', 'Decisions during the period'),
  partnerships: t('Vänorter och samarbeten', 'Twin towns and partnerships'),
  goals: t('Måluppfyllelse', 'Progress towards the goals'),
  units: t('Förvaltningarnas redovisning', 'Reports from the departments'),
  overdue: t('Försenat och att göra', 'Overdue and due'),
};

export const BUDGET_CATEGORIES: Record<BudgetCategory, Text> = {
  twinning: t('Vänortsutbyten', 'Twin-town exchanges'),
  preparation: t('Förberedande projektarbete', 'Preparing projects'),
};

export const RECOMMENDATIONS: Record<PartnershipRecommendation, Text> = {
  continue: t('fortsätta samarbetet', 'continue the partnership'),
  change: t('förändra samarbetet', 'change the partnership'),
  end: t('avsluta samarbetet', 'end the partnership'),
};

export const PHASES: Record<'started' | 'ongoing' | 'finished', Text> = {
  started: t('Projekt som startade under perioden', 'Projects started during the period'),
  ongoing: t('Pågående projekt', 'Ongoing projects'),
  finished: t('Projekt som avslutades under perioden', 'Projects finished during the period'),
};

export const M = {
  documentKind: t('Halvårsrapport, internationellt arbete', 'Half-year report, international work'),
  period: t('Period', 'Period'),
  draftLabel: t('Utkast – inte slutfört', 'Draft – not finalised'),
  finalised: t('Slutförd {date}, diarienummer {registryNumber}', 'Finalised on {date}, registry number {registryNumber}'),
  finalisedNoNumber: t('Slutförd {date}', 'Finalised on {date}'),
  generated: t('Sammanställd {date} i Utblick. Uppgifterna avser läget {asOf}.', 'Compiled on {date} in Utblick. The figures describe the situation on {asOf}.'),
  contents: t('Innehåll', 'Contents'),
  page: t('Sida {n} av {total}', 'Page {n} of {total}'),
  pageShort: t('sida {n}', 'page {n}'),
  // Summary
  summaryMissing: t('Sammanfattning saknas ännu.', 'There is no summary yet.'),
  // Projects
  keyFigures: t('Nyckeltal för perioden', 'Key figures for the period'),
  figure: t('Uppgift', 'Item'),
  value: t('Värde', 'Value'),
  started: t('Projekt som startade', 'Projects started'),
  ongoing: t('Pågående projekt', 'Ongoing projects'),
  finished: t('Projekt som avslutades', 'Projects finished'),
  external: t('Externa medel (EU-stöd och andra bidrag)', 'External funding (EU and other grants)'),
  euGrants: t('varav EU-stöd', 'of which EU grants'),
  otherGrants: t('varav andra bidrag', 'of which other grants'),
  ownCash: t('Kommunens kontanta medfinansiering', 'The municipality’s co-financing in cash'),
  ownHours: t('Egen personaltid', 'Own staff time'),
  hoursValue: t('{hours} timmar, värderat till {value}', '{hours} hours, valued at {value}'),
  participants: t('Deltagare', 'Participants'),
  participantsYouth: t('{total}, varav {youth} unga ({share} %)', '{total}, of whom {youth} young people ({share} %)'),
  participantsNone: t('Inga deltagare registrerade', 'No participants recorded'),
  otherCurrency: t('Belopp i {currency} (ej omräknade)', 'Amounts in {currency} (not converted)'),
  otherCurrencyValue: t('externa medel {external}, kontant medfinansiering {own}', 'external funding {external}, co-financing in cash {own}'),
  projectsLead: t(
    'Under perioden pågick {count} internationella projekt och aktiviteter. {started} startade och {finished} avslutades.',
    'During the period {count} international projects and activities were running. {started} started and {finished} finished.',
  ),
  noProjects: t('Inga projekt under perioden.', 'No projects during the period.'),
  projectCol: t('Projekt', 'Project'),
  unitCol: t('Enhet', 'Department'),
  statusCol: t('Status', 'Status'),
  periodCol: t('Period', 'Period'),
  externalCol: t('Externa medel', 'External funding'),
  ownCol: t('Egen medfinansiering', 'Own co-financing'),
  hoursShort: t('{hours} tim', '{hours} h'),
  notStated: t('Ej angiven', 'Not stated'),
  from: t('från {date}', 'from {date}'),
  until: t('till {date}', 'until {date}'),
  results: t('Resultat', 'Results'),
  resultOf: t('{actual} av {target}', '{actual} of {target}'),
  noResults: t('Inga resultat är registrerade för dessa projekt ännu.', 'No results have been recorded for these projects yet.'),
  projectTable: t('{phase} ({n} st)', '{phase} ({n})'),
  // Funding
  fundingSentence: t('Under perioden beviljades {amount} i externa medel till projekt som startade.', 'During the period {amount} in external funding was granted to projects that started.'),
  fundingNone: t('Under perioden beviljades inga externa medel till projekt som startade.', 'No external funding was granted to projects that started during the period.'),
  comparedPrevious: t('Det är {change} än föregående halvår ({amount}).', 'That is {change} than the previous half-year ({amount}).'),
  comparedLastYear: t('Samma halvår förra året beviljades {amount}, vilket innebär {change}.', 'In the same half-year last year {amount} was granted, which means {change}.'),
  samePrevious: t('Det är lika mycket som föregående halvår.', 'That is the same as in the previous half-year.'),
  sameLastYear: t('Samma halvår förra året beviljades lika mycket.', 'The same amount was granted in the same half-year last year.'),
  noPrevious: t('Föregående halvår beviljades inga externa medel.', 'No external funding was granted in the previous half-year.'),
  noLastYear: t('Samma halvår förra året beviljades inga externa medel.', 'No external funding was granted in the same half-year last year.'),
  more: t('{pct} % mer', '{pct} % more'),
  less: t('{pct} % mindre', '{pct} % less'),
  moreThan: t('{pct} % mer än då', '{pct} % more than then'),
  lessThan: t('{pct} % mindre än då', '{pct} % less than then'),
  millions: t('{n} mnkr', 'SEK {n} million'),
  historyTitle: t('Beviljade externa medel per halvår', 'External funding granted per half-year'),
  historySummary: t(
    'Externa medel till projekt som startade under respektive halvår, uppdelat på EU-stöd och andra bidrag. Perioden {period}: {amount}.',
    'External funding of projects that started in each half-year, split into EU grants and other grants. The period {period}: {amount}.',
  ),
  halfYear: t('Halvår', 'Half-year'),
  euSeries: t('EU-stöd', 'EU grants'),
  otherSeries: t('Andra bidrag', 'Other grants'),
  sourceTitle: t('Externa medel per finansiär', 'External funding by source'),
  sourceSummary: t('Periodens projekt har externa medel från {n} finansiärer. Störst är {top} med {amount}.', 'The period’s projects have external funding from {n} sources. The largest is {top} with {amount}.'),
  source: t('Finansiär', 'Source'),
  unknownSource: t('Okänd källa', 'Unknown source'),
  amount: t('Belopp', 'Amount'),
  noSources: t('Periodens projekt har inga externa medel.', 'The period’s projects have no external funding.'),
  // Budget
  noBudget: t('Ingen budget är registrerad för {year}.', 'No budget is recorded for {year}.'),
  budgetLead: t('Kommunens internationella budget för {year}: anslag, vad som använts hittills och vad som återstår.', 'The municipality’s international budget for {year}: allocations, what has been used so far and what remains.'),
  category: t('Budgetpost', 'Budget item'),
  allocated: t('Anslag', 'Allocated'),
  used: t('Använt', 'Used'),
  remaining: t('Kvar', 'Remaining'),
  total: t('Summa', 'Total'),
  notAllocated: t('Inget anslag', 'Not allocated'),
  budgetTitle: t('Budget {year}: anslag, använt och kvar', 'Budget {year}: allocated, used and remaining'),
  budgetSummary: t('Av anslagen på sammanlagt {allocated} har {used} använts; {remaining} återstår.', 'Of the allocations totalling {allocated}, {used} has been used; {remaining} remains.'),
  usesOf: t('Använda medel: {category}', 'Uses: {category}'),
  noUses: t('Inga medel har använts under {category}.', 'Nothing has been used under {category}.'),
  date: t('Datum', 'Date'),
  description: t('Beskrivning', 'Description'),
  // Decisions
  noDecisions: t('Inga beslut fattades under perioden.', 'No decisions were made during the period.'),
  decisionsCaption: t('Beslut om internationella projekt och samarbeten', 'Decisions on international projects and partnerships'),
  registryCol: t('Diarienr', 'Reg. no.'),
  matterCol: t('Ärende', 'Matter'),
  bodyCol: t('Beslutsfattare', 'Decided by'),
  outcomeCol: t('Beslut', 'Decision'),
  // Partnerships
  noPartnerships: t('Kommunen har inga registrerade samarbeten.', 'The municipality has no partnerships recorded.'),
  partners: t('Partner: {partners}.', 'Partners: {partners}.'),
  noPartners: t('Inga partner registrerade.', 'No partners recorded.'),
  noEvents: t('Inga händelser under perioden.', 'No events during the period.'),
  evaluated: t('Utvärderat {date}. Rekommendation: {recommendation}.', 'Evaluated on {date}. Recommendation: {recommendation}.'),
  evaluationDue: t('Nästa utvärdering ska göras senast {date}.', 'The next evaluation is due by {date}.'),
  evaluationOverdue: t('Utvärderingen skulle ha gjorts senast {date} och är försenad.', 'The evaluation was due by {date} and is overdue.'),
  linkedProjects: t('Kopplade projekt under perioden: {projects}.', 'Linked projects during the period: {projects}.'),
  // Goals
  noGoals: t('Kommunen har ingen antagen internationell strategi.', 'The municipality has no adopted international strategy.'),
  goalsLead: t('Måluppfyllelsen i {strategy}, beräknad från handlingsplanernas åtgärder.', 'Progress in {strategy}, computed from the measures of the action plans.'),
  goalsCaption: t('Målen med utfall och bedömning', 'The goals with progress and assessment'),
  levelCol: t('Nivå', 'Level'),
  goalCol: t('Mål', 'Goal'),
  progressCol: t('Utfall', 'Progress'),
  lightCol: t('Bedömning', 'Assessment'),
  explanationCol: t('Förklaring', 'Explanation'),
  goalChartTitle: t('Utfall för de övergripande målen', 'Progress of the top-level goals'),
  goalChartSummary: t('{n} övergripande mål. {onTrack} enligt plan, {atRisk} med risk för försening, {behind} efter plan.', '{n} top-level goals. {onTrack} on track, {atRisk} at risk of delay, {behind} behind schedule.'),
  goalChartNone: t('Inget av de övergripande målen har något att mäta ännu.', 'None of the top-level goals has anything to measure yet.'),
  // Units
  noUnits: t('Inga förvaltningar ingår i rapporten.', 'No departments are included in the report.'),
  noComment: t('Inga kommentarer.', 'No comments.'),
  ready: t('Avsnittet markerades som klart {date} av {by}.', 'The section was marked ready on {date} by {by}.'),
  readyNoBy: t('Avsnittet markerades som klart {date}.', 'The section was marked ready on {date}.'),
  notReady: t('Avsnittet är inte markerat som klart.', 'The section has not been marked ready.'),
  unitProjects: t('Projekt under perioden', 'Projects during the period'),
  unitProjectsCaption: t('Projekt i {unit} under perioden', 'Projects of {unit} during the period'),
  noUnitProjects: t('Inga projekt under perioden.', 'No projects during the period.'),
  measures: t('Åtgärder i handlingsplanen', 'Measures in the action plan'),
  measuresCaption: t('Åtgärder i handlingsplanen för {unit}', 'Measures in the action plan for {unit}'),
  noMeasures: t('Inga åtgärder i handlingsplanen.', 'No measures in the action plan.'),
  measureCol: t('Åtgärd', 'Measure'),
  endCol: t('Slutdatum', 'End date'),
  // Overdue
  noOverdue: t('Inget är försenat eller ska göras vid periodens slut.', 'Nothing is overdue or due at the end of the period.'),
  dueItem: t('{kind}: {title} ({state}, {when})', '{kind}: {title} ({state}, {when})'),
  // Charts and tables
  tableOf: t('Siffrorna i diagrammet', 'The figures in the chart'),
};
