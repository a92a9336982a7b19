/**
 * The draft decision document (tjänsteskrivelse) as a Word file, built with `docx` from the
 * project (or partnership) and its assessment: the header block a Swedish municipality uses
 * (municipality, unit, date, registry number), then Ärende, Förslag till beslut, Sammanfattning,
 * Bakgrund (with the funding table), Bedömning, Beslutsväg, and signature lines for the official.
 *
 * Built to be edited and filed: real heading styles (so the navigation pane and a table of
 * contents work), a funding table whose first row repeats as a header, Swedish set as the
 * language of every run (spelling and hyphenation), page numbers in the footer. Always in
 * Swedish: it is an official document of a Swedish authority.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Db } from '../../db/database.js';
import { countryName, formatDate, formatMoney, formatNumber } from '../../i18n/index.js';
import { FUNDING_KINDS, MUNICIPALITY_ROLES, PARTNER_ROLES, PARTNERSHIP_KINDS, PROJECT_KINDS } from '../../i18n/labels.js';
import { describeCofinancing, explainPlan, kr, orgName } from './explain.js';
import type { PartnershipActivationState } from './assessment.js';
import type { ProjectDecisionState } from './lifecycle.js';
import { RECOMMENDATION_LABELS } from './messages.js';
import { todayInSweden } from './registry.js';
import { type AssessmentRow, loadPartnershipPartners, loadProjectPartners } from './repository.js';

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const PLACEHOLDER = '[Att fylla i]';
const FONT = 'Arial';

export interface DocumentData {
  municipality: string;
  unit: string | null;
  date: string;
  registryNumber: string | null;
  /** The official who writes it (handläggare). */
  official: string;
  subject: string;
  proposal: string | null;
  recommendation: string | null;
  summary: string[];
  /** Label–value pairs about the project or partnership. */
  facts: [string, string][];
  partners: string[];
  /** Funding table: header row plus rows; null leaves the table out. */
  funding: { header: string[]; rows: string[][]; total: string[] | null } | null;
  assessment: { heading: string; text: string | null }[];
  route: string[];
}

const text = (s: string, opts: { bold?: boolean; size?: number } = {}) => new TextRun({ text: s, bold: opts.bold, size: opts.size });

function para(s: string | null | undefined, opts: { spacingAfter?: number; italics?: boolean } = {}): Paragraph[] {
  const value = s?.trim() ? s.trim() : PLACEHOLDER;
  return value.split(/\n{2,}/).map((chunk) => new Paragraph({ children: chunk.split('\n').flatMap((line, i) => (i === 0 ? [new TextRun({ text: line, italics: opts.italics })] : [new TextRun({ text: line, break: 1, italics: opts.italics })])), spacing: { after: opts.spacingAfter ?? 160 } }));
}

const heading = (s: string, level: 1 | 2 = 1) => new Paragraph({ text: s, heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2 });

const thin = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
const borders = { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin };

function cell(s: string, opts: { bold?: boolean; right?: boolean; shade?: boolean } = {}) {
  return new TableCell({
    children: [new Paragraph({ children: [text(s, { bold: opts.bold })], alignment: opts.right ? AlignmentType.RIGHT : AlignmentType.LEFT })],
    shading: opts.shade ? { fill: 'E7E6E6' } : undefined,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
  });
}

/** Header block: a two-column table without borders (municipality | registry details). */
function headerBlock(d: DocumentData): Table {
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
  const left = [new Paragraph({ children: [text(d.municipality, { bold: true, size: 28 })] }), ...(d.unit ? [new Paragraph({ children: [text(d.unit)] })] : [])];
  const right = [
    new Paragraph({ children: [text('TJÄNSTESKRIVELSE', { bold: true })], alignment: AlignmentType.RIGHT }),
    new Paragraph({ children: [text(`Datum: ${d.date}`)], alignment: AlignmentType.RIGHT }),
    new Paragraph({ children: [text(`Diarienummer: ${d.registryNumber ?? '–'}`)], alignment: AlignmentType.RIGHT }),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    layout: TableLayoutType.FIXED,
    borders: noBorders,
    rows: [new TableRow({ children: [new TableCell({ children: left, width: { size: 60, type: WidthType.PERCENTAGE } }), new TableCell({ children: right, width: { size: 40, type: WidthType.PERCENTAGE } })] })],
  });
}

function factsTable(facts: [string, string][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders,
    rows: facts.map(([k, v]) => new TableRow({ children: [cell(k, { bold: true, shade: true }), cell(v)] })),
  });
}

function fundingTable(f: NonNullable<DocumentData['funding']>): Table {
  const numeric = (i: number) => i >= 2;
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: f.header.map((h, i) => cell(h, { bold: true, shade: true, right: numeric(i) })) }),
      ...f.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, { right: numeric(i) })) })),
      ...(f.total ? [new TableRow({ cantSplit: true, children: f.total.map((v, i) => cell(v, { bold: true, right: numeric(i) })) })] : []),
    ],
  });
}

/** The Word file. */
export async function buildDecisionDocument(d: DocumentData): Promise<Buffer> {
  const body: (Paragraph | Table)[] = [
    headerBlock(d),
    new Paragraph({ text: '', spacing: { after: 240 } }),
    new Paragraph({ text: d.subject, heading: HeadingLevel.TITLE }),
    heading('Ärende'),
    ...para(d.subject),
    heading('Förslag till beslut'),
    ...para(d.proposal),
    ...(d.recommendation ? [new Paragraph({ children: [text('Förvaltningens rekommendation: ', { bold: true }), text(d.recommendation)] })] : []),
    heading('Sammanfattning'),
    ...d.summary.flatMap((s) => para(s)),
    heading('Bakgrund'),
    factsTable(d.facts),
    heading('Partner', 2),
    ...(d.partners.length ? d.partners.map((p) => new Paragraph({ text: p, bullet: { level: 0 } })) : para('Inga partner är registrerade.')),
  ];
  if (d.funding) body.push(heading('Finansiering', 2), fundingTable(d.funding), new Paragraph({ text: '', spacing: { after: 120 } }));
  body.push(heading('Bedömning'));
  for (const a of d.assessment) body.push(heading(a.heading, 2), ...para(a.text));
  body.push(heading('Beslutsväg'), ...d.route.flatMap((s) => para(s)));
  body.push(
    new Paragraph({ text: '', spacing: { before: 480 } }),
    new Paragraph({ children: [text('______________________________')], spacing: { before: 480 } }),
    new Paragraph({ children: [text(d.official)] }),
    new Paragraph({ children: [text('Handläggare')] }),
    new Paragraph({ children: [text('______________________________')], spacing: { before: 600 } }),
    new Paragraph({ children: [text('Namnförtydligande')] }),
    new Paragraph({ children: [text('Förvaltningschef')] }),
  );
  const doc = new Document({
    title: d.subject,
    subject: 'Tjänsteskrivelse',
    creator: `Utblick – ${d.municipality}`,
    description: 'Utkast till tjänsteskrivelse inför beslut',
    styles: {
      default: {
        document: { run: { font: FONT, size: 22, language: { value: 'sv-SE' } }, paragraph: { spacing: { after: 120, line: 276 } } },
        title: { run: { font: FONT, size: 36, bold: true, language: { value: 'sv-SE' } }, paragraph: { spacing: { after: 240 } } },
        heading1: { run: { font: FONT, size: 28, bold: true, color: '1F3864', language: { value: 'sv-SE' } }, paragraph: { spacing: { before: 360, after: 120 }, keepNext: true } },
        heading2: { run: { font: FONT, size: 24, bold: true, language: { value: 'sv-SE' } }, paragraph: { spacing: { before: 240, after: 80 }, keepNext: true } },
      },
    },
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1418, right: 1418 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ text: `${d.municipality}  ·  Sida `, size: 18 }), new TextRun({ children: [PageNumber.CURRENT], size: 18 }), new TextRun({ text: ' av ', size: 18 }), new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 18 })],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

function assessmentSections(a: AssessmentRow | undefined, economy: string): DocumentData['assessment'] {
  return [
    { heading: 'Samlad nytta', text: a?.total_benefit ?? null },
    { heading: 'Ekonomiska åtaganden', text: economy },
    { heading: 'Medborgarperspektiv', text: a?.citizen_perspective ?? null },
    { heading: 'Koppling till ordinarie verksamhet', text: a?.operations_fit ?? null },
    { heading: 'Koppling till strategin', text: a?.strategy_fit ?? null },
    { heading: 'Risker', text: a?.risks ?? null },
  ];
}

function period(from: string | null, to: string | null): string {
  if (from && to) return `${formatDate('sv', from)} – ${formatDate('sv', to)}`;
  if (from) return `från ${formatDate('sv', from)}`;
  if (to) return `till ${formatDate('sv', to)}`;
  return 'Inte angiven';
}

/** The document's content for a project. */
export async function projectDocumentData(db: Db, state: ProjectDecisionState, municipalityName: string, official: string): Promise<DocumentData> {
  const { project, plan, assessment, funding } = state;
  const partners = await loadProjectPartners(db, project.id);
  const cost = state.context.staffHourCostMinor;
  const c = plan.cofinancing;
  const unit = project.owner_unit_id != null ? (state.context.organisations.get(project.owner_unit_id) ?? null) : null;
  const latest = [...state.decisions].reverse().find((d) => d.registry_number);
  const rows = funding.map((f) => {
    const value = f.kind === 'own_staff_time' && f.staff_hours != null ? Math.round(f.staff_hours * cost) : f.amount_minor;
    return [
      FUNDING_KINDS[f.kind].sv,
      f.source_name ?? f.programme_name_sv ?? '',
      f.amount_minor != null && f.kind !== 'own_staff_time' ? formatMoney('sv', f.amount_minor, f.currency) : '',
      f.staff_hours != null ? formatNumber('sv', f.staff_hours) : '',
      value != null ? formatMoney('sv', value, f.kind === 'own_staff_time' && f.staff_hours != null ? 'SEK' : f.currency) : '',
    ];
  });
  const economy = c.any
    ? `Kommunens åtagande: ${describeCofinancing(c, 'sv')}. Egen personaltid värderas till ${kr('sv', cost)} per timme. Sammanlagd kommunal medfinansiering: ${kr('sv', c.totalMinor)}${c.foreign.length ? ' (utöver belopp i annan valuta)' : ''}.`
    : 'Projektet kräver ingen kommunal medfinansiering, varken kontant eller som egen personaltid.';
  return {
    municipality: municipalityName,
    unit: unit ? orgName(unit, 'sv') : null,
    date: todayInSweden(),
    registryNumber: latest?.registry_number ?? null,
    official,
    subject: plan.needed && c.any ? `Medfinansiering och start av projektet ${project.title_sv}` : `Start av projektet ${project.title_sv}`,
    proposal: assessment?.recommendation_text ?? null,
    recommendation: assessment?.recommendation ? RECOMMENDATION_LABELS[assessment.recommendation].sv : null,
    summary: [project.summary_sv ?? PLACEHOLDER, ...explainPlan(plan, 'sv', project.kind).slice(0, 1)],
    facts: [
      ['Projekt', project.title_sv],
      ['Slag', PROJECT_KINDS[project.kind].sv],
      ['Period', period(project.start_date, project.end_date)],
      ['Ansvarig enhet', unit ? orgName(unit, 'sv') : 'Inte angiven'],
      ['Kommunens roll', project.municipality_role ? MUNICIPALITY_ROLES[project.municipality_role].sv : 'Inte angiven'],
    ],
    partners: partners.map((p) => [p.name_sv, p.country ? countryName('sv', p.country) : undefined, PARTNER_ROLES[p.role]?.sv.toLowerCase()].filter(Boolean).join(', ')),
    funding: {
      header: ['Slag', 'Finansiär', 'Belopp', 'Timmar', 'Värde'],
      rows,
      total: c.any ? ['Summa kommunal medfinansiering', '', kr('sv', c.cashMinor), c.staffHours ? formatNumber('sv', c.staffHours) : '', kr('sv', c.totalMinor)] : null,
    },
    assessment: assessmentSections(assessment, economy),
    route: explainPlan(plan, 'sv', project.kind),
  };
}

/** The document's content for a partnership (a new contact, AR-2). */
export async function partnershipDocumentData(db: Db, state: PartnershipActivationState, municipalityName: string, unitName: string | null, official: string): Promise<DocumentData> {
  const { partnership: p, assessment: a } = state;
  const partners = await loadPartnershipPartners(db, p.id);
  const cash = a?.cash_minor ?? 0;
  const hoursN = a?.staff_hours ?? 0;
  const cost = a?.staff_hour_cost_minor ?? 0;
  const value = Math.round(hoursN * cost);
  const latest = [...state.decisions].reverse().find((d) => d.registry_number);
  return {
    municipality: municipalityName,
    unit: unitName,
    date: todayInSweden(),
    registryNumber: latest?.registry_number ?? null,
    official,
    subject: `Inledande av samarbetet ${p.title_sv}`,
    proposal: a?.recommendation_text ?? null,
    recommendation: a?.recommendation ? RECOMMENDATION_LABELS[a.recommendation].sv : null,
    summary: [p.summary_sv ?? PLACEHOLDER],
    facts: [
      ['Samarbete', p.title_sv],
      ['Slag', PARTNERSHIP_KINDS[p.kind].sv],
    ],
    partners: partners.map((o) => [o.name_sv, o.country ? countryName('sv', o.country) : undefined].filter(Boolean).join(', ')),
    funding: a
      ? { header: ['Åtagande', '', 'Belopp', 'Timmar', 'Värde'], rows: [['Kontanta medel', '', kr('sv', cash), '', kr('sv', cash)], ['Egen personaltid', '', '', formatNumber('sv', hoursN), kr('sv', value)]], total: ['Sammanlagt', '', '', '', kr('sv', cash + value)] }
      : null,
    assessment: assessmentSections(a, a ? `Kontanta medel ${kr('sv', cash)} och ${formatNumber('sv', hoursN)} timmar egen personaltid, värderat till ${kr('sv', value)} (${kr('sv', cost)} per timme).` : PLACEHOLDER),
    route: ['Beslut om att inleda ett nytt internationellt samarbete fattas av kommunstyrelsen eller den nämnd som ansvarar för samarbetet, efter att den samlade nyttan, de ekonomiska åtagandena och medborgarperspektivet har bedömts (internationella strategin).'],
  };
}
