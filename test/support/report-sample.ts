/**
 * A rich, invented half-year report (`ReportData`) for the renderers' tests: 30 projects in every
 * phase with å, ä and ö in their titles, funding in SEK and EUR, staff time, results, decisions,
 * partnerships with events and an evaluation, a goal tree over three levels with every traffic
 * light, a budget in both categories, overdue items and three units (one not ready).
 *
 * The totals are computed here from the projects, the same way the report defines them, so a test
 * can compare the documents with figures it did not copy from their output.
 */
import type { FundingKind, ProjectStatus, TrafficLight } from '../../src/db/schema.js';
import type { Money, ReportData, ReportFundingLine, ReportGoal, ReportProject, ReportTotals } from '../../src/features/reports/model.js';
import { SECTION_KEYS } from '../../src/features/reports/model.js';

const UNITS = [
  { id: 11, name: 'Kultur- och fritidsförvaltningen' },
  { id: 12, name: 'Barn- och utbildningsförvaltningen' },
  { id: 13, name: 'Samhällsbyggnadsförvaltningen' },
];

const TITLES = [
  'Ungdomsutbyte Arvika–Härnösand–Östersund',
  'Gränsöverskridande naturturism i Värmland',
  'Språkcafé för nyanlända på Folkets hus',
  'Erasmus+ lärarutbyte i grundskolan',
  'Hållbar energi i kommunala fastigheter',
  'Kulturarv längs Glaskogen',
  'Digital skola över gränsen',
  'Entreprenörskap för unga kvinnor',
  'Vänortsbesök i Öjebyn och Älvdalen',
  'Studieresa om klimatanpassning',
  'Nätverket Gröna städer i Norden',
  'Fritidsgårdar i samverkan',
  'Ökad delaktighet för äldre',
  'Återbruk och cirkulär ekonomi',
  'Arbetsmarknad utan gränser',
  'Körsång och folkmusik i samarbete',
  'Friluftsliv för alla åldrar',
  'Vattenvård i Byälven',
  'Trygghet i offentliga miljöer',
  'Skolval och språkutveckling',
  'Lärlingsutbyte inom vård och omsorg',
  'Bibliotekets mångspråkiga bestånd',
  'Idrottsläger för ungdomar',
  'Cykelvägar över riksgränsen',
  'Företagsfrämjande i landsbygden',
  'Demokrativerkstad för unga',
  'Matkultur och närproducerat',
  'Konst i offentliga rum',
  'Räddningstjänst i samverkan',
  'Studiebesök om integration',
];

const PHASES = ['started', 'ongoing', 'finished'] as const;
const STATUS_BY_PHASE: Record<(typeof PHASES)[number], ProjectStatus> = { started: 'ongoing', ongoing: 'ongoing', finished: 'completed' };
const HOUR_COST_MINOR = 55_000; // 550 kr per hour

function fundingOf(i: number): ReportFundingLine[] {
  const lines: ReportFundingLine[] = [];
  const line = (kind: FundingKind, source: string | null, currency: string, amountMinor: number | null, staffHours: number | null = null) => lines.push({ kind, source, currency, amountMinor, staffHours });
  if (i % 3 === 0) line('eu_grant', i % 2 ? 'Interreg Sverige–Norge' : 'Erasmus+', 'SEK', 250_000_00 + i * 10_000_00);
  if (i % 4 === 1) line('other_grant', 'Region Värmland', 'SEK', 80_000_00 + i * 1_000_00);
  if (i % 7 === 2) line('eu_grant', 'Europeiska socialfonden', 'EUR', 40_000_00 + i * 500_00);
  if (i % 2 === 0) line('municipal_cash', null, 'SEK', 20_000_00 + i * 500_00);
  if (i % 9 === 4) line('municipal_cash', null, 'EUR', 5_000_00);
  if (i % 3 !== 1) line('own_staff_time', null, 'SEK', null, 40 + i * 5);
  if (i % 5 === 0) line('partner', 'Härnösands kommun', 'SEK', 30_000_00);
  return lines;
}

function perCurrency(lines: ReportFundingLine[], kinds: FundingKind[]): Money[] {
  const sums = new Map<string, number>();
  for (const l of lines) if (kinds.includes(l.kind) && l.amountMinor !== null) sums.set(l.currency, (sums.get(l.currency) ?? 0) + l.amountMinor);
  return [...sums].map(([currency, amountMinor]) => ({ currency, amountMinor }));
}

function project(i: number): ReportProject {
  const phase = PHASES[i % 3]!;
  const unit = UNITS[i % 3]!;
  const funding = fundingOf(i);
  const ownHours = funding.filter((l) => l.kind === 'own_staff_time').reduce((s, l) => s + (l.staffHours ?? 0), 0);
  const start = phase === 'started' ? `2026-0${(i % 6) + 1}-01` : `2025-0${(i % 9) + 1}-15`;
  const end = phase === 'finished' ? `2026-0${(i % 6) + 1}-28` : i % 5 === 0 ? null : '2027-12-31';
  return {
    id: 100 + i,
    title: TITLES[i]!,
    titleEn: i % 4 === 0 ? `${TITLES[i]!} (EN)` : null,
    kind: i % 5 === 3 ? 'study_trip' : 'project',
    status: STATUS_BY_PHASE[phase],
    lifecycle: phase === 'finished' ? 'completed' : 'ongoing',
    phase,
    startDate: start,
    endDate: end,
    unitId: unit.id,
    unitName: unit.name,
    programme: i % 3 === 0 ? 'Interreg Sverige–Norge' : null,
    published: i % 6 !== 5,
    countries: ['NO', 'FI'].slice(0, (i % 2) + 1),
    themes: ['ungdom'],
    goalIds: [1],
    funding,
    external: perCurrency(funding, ['eu_grant', 'other_grant']),
    ownCash: perCurrency(funding, ['municipal_cash']),
    ownHours,
    ownHoursValueMinor: ownHours * HOUR_COST_MINOR,
    participantsTotal: i % 4 === 3 ? null : 20 + i * 3,
    participantsYouth: i % 4 === 3 ? null : 5 + i,
    results:
      i % 3 === 2
        ? []
        : [
            { description: 'Deltagare som slutfört utbytet', indicator: 'Antal', unit: 'personer', target: 40, actual: 25 + i, period: null },
            ...(i % 5 === 0 ? [{ description: 'Gemensam handlingsplan för åren 2027–2028 antagen', indicator: null, unit: null, target: null, actual: null, period: '2026' }] : []),
          ],
  };
}

/** The report's totals computed from its projects (SEK and other currencies apart). */
export function sampleTotals(projects: ReportProject[]): ReportTotals {
  const sek = (list: Money[]) => list.filter((m) => m.currency === 'SEK').reduce((s, m) => s + m.amountMinor, 0);
  const lines = projects.flatMap((p) => p.funding);
  const sum = (kind: FundingKind) => lines.filter((l) => l.kind === kind && l.currency === 'SEK').reduce((s, l) => s + (l.amountMinor ?? 0), 0);
  const currencies = [...new Set(lines.map((l) => l.currency).filter((c) => c !== 'SEK'))].sort();
  return {
    started: projects.filter((p) => p.phase === 'started').length,
    finished: projects.filter((p) => p.phase === 'finished').length,
    ongoing: projects.filter((p) => p.phase === 'ongoing').length,
    externalSekMinor: projects.reduce((s, p) => s + sek(p.external), 0),
    euSekMinor: sum('eu_grant'),
    otherGrantsSekMinor: sum('other_grant'),
    ownCashSekMinor: projects.reduce((s, p) => s + sek(p.ownCash), 0),
    ownHours: projects.reduce((s, p) => s + p.ownHours, 0),
    ownHoursValueSekMinor: projects.reduce((s, p) => s + p.ownHoursValueMinor, 0),
    participantsTotal: projects.reduce((s, p) => s + (p.participantsTotal ?? 0), 0),
    participantsYouth: projects.reduce((s, p) => s + (p.participantsYouth ?? 0), 0),
    otherCurrencies: currencies.map((currency) => ({
      currency,
      externalMinor: projects.flatMap((p) => p.external).filter((m) => m.currency === currency).reduce((s, m) => s + m.amountMinor, 0),
      ownCashMinor: projects.flatMap((p) => p.ownCash).filter((m) => m.currency === currency).reduce((s, m) => s + m.amountMinor, 0),
    })),
  };
}

const LIGHTS: TrafficLight[] = ['on_track', 'at_risk', 'behind', 'none'];

function goals(): ReportGoal[] {
  const out: ReportGoal[] = [];
  let id = 1;
  const top = ['Arvika är en öppen kommun i världen', 'Unga får internationella erfarenheter', 'Hållbar utveckling över gränserna'];
  top.forEach((title, t) => {
    const topId = id++;
    const light = LIGHTS[t]!;
    out.push({ id: topId, parentId: null, depth: 0, levelName: 'Inriktningsmål', title, progress: t === 3 ? null : 70 - t * 20, light, explanation: light === 'on_track' ? 'Åtgärderna följer tidplanen.' : 'Två åtgärder har skjutits upp till nästa år.' });
    for (let s = 0; s < 2; s++) {
      const subId = id++;
      const subLight = LIGHTS[(t + s + 1) % 4]!;
      out.push({ id: subId, parentId: topId, depth: 1, levelName: 'Effektmål', title: `${['Fler', 'Ökad', 'Stärkt'][t]} samverkan inom område ${t + 1}.${s + 1}`, progress: subLight === 'none' ? null : 30 + s * 25 + t * 5, light: subLight, explanation: subLight === 'none' ? 'Inga åtgärder har startat ännu.' : 'Bedömningen bygger på åtgärdernas lägesrapporter.' });
      out.push({ id: id++, parentId: subId, depth: 2, levelName: 'Delmål', title: `Åtgärdsområde ${t + 1}.${s + 1}.1 – utbyten och studiebesök`, progress: 50, light: 'on_track', explanation: 'Enligt plan.' });
    }
  });
  // The third top-level goal gets "none" so that every light appears at the top level too.
  out.push({ id: id++, parentId: null, depth: 0, levelName: 'Inriktningsmål', title: 'Kommunen deltar i europeiska nätverk', progress: null, light: 'none', explanation: 'Handlingsplanen är ännu inte antagen.' });
  return out;
}

/** Options to vary the sample: status, missing parts. */
export interface SampleOptions {
  status?: 'draft' | 'finalised';
  summary?: string | null;
  withBudget?: boolean;
}

/**
 * The sample report for Arvika, first half of 2026.
 * @example const data = sampleReportData({ status: 'finalised' });
 */
export function sampleReportData(options: SampleOptions = {}): ReportData {
  const projects = Array.from({ length: 30 }, (_, i) => project(i)).sort((a, b) => PHASES.indexOf(a.phase) - PHASES.indexOf(b.phase) || a.title.localeCompare(b.title, 'sv'));
  const finalised = options.status === 'finalised';
  return {
    schemaVersion: 1,
    municipality: { id: 1, name: 'Arvika kommun', nameEn: 'Arvika Municipality', slug: 'arvika' },
    period: { key: '2026H1', start: '2026-01-01', end: '2026-06-30' },
    title: 'Uppföljning av det internationella arbetet, första halvåret 2026',
    titleEn: 'Follow-up of the international work, first half of 2026',
    status: finalised ? 'finalised' : 'draft',
    generatedAt: '2026-08-14T09:30:00.000Z',
    asOf: '2026-06-30',
    registryNumber: finalised ? 'KS 2026/412' : null,
    finalisedOn: finalised ? '2026-08-20' : null,
    structure: { sections: SECTION_KEYS.map((key) => ({ key, included: true, heading_sv: null, heading_en: null })), unitIds: UNITS.map((u) => u.id) },
    summary:
      options.summary === undefined
        ? 'Det internationella arbetet har under första halvåret 2026 utvecklats i enlighet med strategin. Tio nya projekt har startat, flera av dem med stöd från Interreg Sverige–Norge och Erasmus+.\n\nUngdomars deltagande har ökat, och vänortssamarbetet med Härnösand har fördjupats genom ett gemensamt utbyte. Två åtgärder i handlingsplanen är försenade och redovisas under Måluppfyllelse.'
        : options.summary,
    totals: sampleTotals(projects),
    projects,
    fundingHistory: [
      { period: '2023H2', euSekMinor: 600_000_00, otherGrantsSekMinor: 150_000_00, projectsStarted: 4 },
      { period: '2024H1', euSekMinor: 450_000_00, otherGrantsSekMinor: 200_000_00, projectsStarted: 5 },
      { period: '2024H2', euSekMinor: 900_000_00, otherGrantsSekMinor: 100_000_00, projectsStarted: 6 },
      { period: '2025H1', euSekMinor: 1_000_000_00, otherGrantsSekMinor: 500_000_00, projectsStarted: 7 },
      { period: '2025H2', euSekMinor: 700_000_00, otherGrantsSekMinor: 300_000_00, projectsStarted: 5 },
      { period: '2026H1', euSekMinor: 1_100_000_00, otherGrantsSekMinor: 300_000_00, projectsStarted: 10 },
    ],
    fundingBySource: [
      { source: 'Interreg Sverige–Norge', amountMinor: 2_150_000_00 },
      { source: 'Erasmus+', amountMinor: 1_450_000_00 },
      { source: 'Region Värmland', amountMinor: 712_000_00 },
      { source: 'Länsstyrelsen i Värmlands län', amountMinor: 95_000_00 },
    ],
    decisions: [
      { id: 1, decidedOn: '2026-02-10', body: 'Kommunstyrelsen', delegateRole: null, paragraph: '§ 23', registryNumber: 'KS 2026/35', subject: 'Medfinansiering av projektet Gränsöverskridande naturturism i Värmland', outcome: 'approved', projectIds: [101], partnershipIds: [] },
      { id: 2, decidedOn: '2026-03-18', body: 'Kultur- och fritidsnämnden', delegateRole: null, paragraph: '12', registryNumber: 'KFN 2026/8', subject: 'Ansökan om Erasmus+ lärarutbyte', outcome: 'approved', projectIds: [103], partnershipIds: [] },
      { id: 3, decidedOn: '2026-05-05', body: null, delegateRole: 'Kommundirektör', paragraph: null, registryNumber: 'KS 2026/118', subject: 'Förlängning av vänortsavtalet med Härnösand', outcome: 'referred', projectIds: [], partnershipIds: [1] },
    ],
    partnerships: [
      {
        id: 1,
        title: 'Vänort: Härnösand',
        kind: 'twinning',
        status: 'active',
        partners: ['Härnösands kommun', 'Mid Sweden Folk High School'],
        published: true,
        events: [
          { date: '2026-03-12', kind: 'exchange', description: 'Ungdomsutbyte med 24 elever från Solbergagymnasiet.' },
          { date: '2026-05-20', kind: 'evaluated', description: 'Gemensam utvärdering av samarbetet.' },
        ],
        projectIds: [100],
        evaluations: [{ id: 1, evaluatedOn: '2026-05-20', recommendation: 'continue', recommendationText: 'Samarbetet ger mervärde för unga och bör fortsätta med fokus på skolutbyten.' }],
        evaluationDueOn: '2029-05-20',
      },
      { id: 2, title: 'Nätverket Gröna städer i Norden', kind: 'network', status: 'active', partners: ['Nordic Green Cities'], published: true, events: [], projectIds: [], evaluations: [], evaluationDueOn: '2026-04-30' },
    ],
    goals: { strategyTitle: 'Internationell strategi för Arvika kommun 2024–2027', goals: goals() },
    budget:
      options.withBudget === false
        ? null
        : {
            year: 2026,
            categories: [
              {
                category: 'twinning',
                allocatedMinor: 200_000_00,
                usedMinor: 125_000_00,
                remainingMinor: 75_000_00,
                used: [
                  { source: 'entry', description: 'Resor och logi vid vänortsbesök i Härnösand', date: '2026-03-12', amountMinor: 85_000_00, projectId: null, partnershipId: 1 },
                  { source: 'partnership', description: 'Värdskap för delegation från Älvdalen', date: '2026-05-04', amountMinor: 40_000_00, projectId: null, partnershipId: 1 },
                ],
              },
              {
                category: 'preparation',
                allocatedMinor: 150_000_00,
                usedMinor: 60_000_00,
                remainingMinor: 90_000_00,
                used: [{ source: 'project', description: 'Förstudie inför ansökan till Interreg', date: '2026-02-01', amountMinor: 60_000_00, projectId: 101, partnershipId: null }],
              },
            ],
          },
    overdue: [
      { kind: 'report_section', title: 'Barn- och utbildningsförvaltningens avsnitt', dueOn: '2026-06-15', state: 'overdue' },
      { kind: 'partnership_evaluation', title: 'Nätverket Gröna städer i Norden', dueOn: '2026-04-30', state: 'overdue' },
      { kind: 'measure_end', title: 'Kartlägga skolornas internationella kontakter', dueOn: '2026-06-30', state: 'due' },
    ],
    units: UNITS.map((u, i) => ({
      unitId: u.id,
      unitName: u.name,
      projectIds: projects.filter((p) => p.unitId === u.id).map((p) => p.id),
      measures: [
        { id: 10 * i + 1, title: 'Kartlägga skolornas internationella kontakter', status: 'ongoing', progress: 40 + i * 10, endDate: '2026-06-30' },
        { id: 10 * i + 2, title: 'Årlig träff för föreningar med utlandskontakter', status: i === 2 ? 'done' : 'planned', progress: i === 2 ? 100 : 0, endDate: null },
      ],
      comment: i === 1 ? null : 'Förvaltningen har deltagit i tre utbyten under perioden. Intresset från skolorna är stort, men resurserna för att söka nya medel är begränsade.',
      ready: i !== 1,
      readyAt: i !== 1 ? '2026-06-20T08:00:00.000Z' : null,
      readyBy: i !== 1 ? 'Karin Åström' : null,
    })),
  };
}
