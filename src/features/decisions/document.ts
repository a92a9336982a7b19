/**
 * The draft decision document (tjänsteskrivelse) as a Word file, built with `docx` from the
 * project (or partnership) and its assessment, laid out as Swedish municipalities write them: A4
 * with 2.5 cm margins, a letterhead block (municipality and unit; document type, date, registry
 * number "Dnr", the official, the committee it goes to), the matter as the title, then Förslag
 * till beslut, Sammanfattning, Bakgrund (facts, partners, the funding table), Bedömning,
 * Beslutsväg, and signature lines for the official and the head of department.
 *
 * Built to be edited and filed: real heading and paragraph styles (so the navigation pane, a
 * table of contents and "change all body text" work), tables with fixed column widths whose
 * header row repeats, amounts right-aligned, Swedish as the language of the whole document
 * (spelling), "Sida 1 av 3" in the footer, title, subject and author in the file's properties.
 * A section without data says so in a full sentence, in italics, rather than being left empty.
 * Always in Swedish: it is an official document of a Swedish authority.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { Db } from '../../db/database.js';
import { countryName, formatDate, formatMoney, formatNumber } from '../../i18n/index.js';
import { FUNDING_KINDS, MUNICIPALITY_ROLES, PARTNER_ROLES, PARTNERSHIP_KINDS, PROJECT_KINDS } from '../../i18n/labels.js';
import type { PartnershipActivationState } from './assessment.js';
import { describeCofinancing, explainPlan, kr, orgName } from './explain.js';
import type { ProjectDecisionState } from './lifecycle.js';
import { RECOMMENDATION_LABELS } from './messages.js';
import { todayInSweden } from './registry.js';
import { type AssessmentRow, loadPartnershipPartners, loadProjectPartners } from './repository.js';

export const DOCX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface DocumentData {
  municipality: string;
  unit: string | null;
  /** ISO date (YYYY-MM-DD); written out as "21 november 2026". */
  date: string;
  registryNumber: string | null;
  /** The official who writes it (handläggare). */
  official: string;
  /** The committee or board the matter goes to, when known ("Kultur- och fritidsnämnden"). */
  recipient?: string | null;
  /** The matter (ärendemening), also the document's title. */
  subject: string;
  proposal: string | null;
  recommendation: string | null;
  /** Paragraphs; blank ones are left out. */
  summary: (string | null)[];
  /** Label–value pairs about the project or partnership. */
  facts: [string, string][];
  partners: string[];
  /** Funding table: header row plus rows; null (or no rows) says that no funding is registered. */
  funding: { header: string[]; rows: string[][]; total: string[] | null } | null;
  assessment: { heading: string; text: string | null }[];
  route: string[];
}

/** What the document says where data is missing: a sentence the official can see and replace. */
export const MISSING = {
  proposal: 'Inget förslag till beslut är registrerat ännu.',
  summary: 'Ingen sammanfattning är registrerad ännu.',
  partners: 'Inga partner är registrerade ännu.',
  funding: 'Ingen finansiering är registrerad ännu.',
  assessment: 'Ingen bedömning är registrerad ännu.',
  route: 'Beslutsvägen är inte fastställd ännu.',
  registryNumber: 'ej tilldelat',
} as const;

// Measures in twentieths of a point (twips): A4 is 11 906 × 16 838, 2.5 cm is 1 418.
const PAGE = { width: 11906, height: 16838, margin: 1418 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin; // 9 070 = 16 cm
const BODY_FONT = 'Times New Roman';
const SANS = 'Arial';
const GREY = '595959';
const SV = { value: 'sv-SE' };

const run = (text: string, o: { bold?: boolean; size?: number; color?: string } = {}) => new TextRun({ text, bold: o.bold || undefined, size: o.size, color: o.color });

/** Text with blank lines as paragraph breaks and single newlines as line breaks; "att"-clauses of a proposal hang indented. */
function paras(s: string | null | undefined, missing: string, keepNext = false): Paragraph[] {
  const value = s?.trim();
  if (!value) return [new Paragraph({ style: 'Missing', keepNext, children: [run(missing)] })];
  return value.split(/\n\s*\n/).map((chunk) => {
    const lines = chunk.trim().split('\n');
    const att = /^att\s/i.test(lines[0]!);
    return new Paragraph({
      children: lines.map((line, i) => new TextRun({ text: line.trim(), break: i === 0 ? undefined : 1 })),
      indent: att ? { left: 567 } : undefined,
      keepNext,
    });
  });
}

const heading = (s: string, level: 1 | 2 = 1) => new Paragraph({ text: s, heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2 });

const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
const rule = (size = 4, color = '808080') => ({ style: BorderStyle.SINGLE, size, color });

const PAD = 85;
function cell(children: Paragraph[], width: number, o: { shade?: boolean; span?: number; borders?: Record<string, ReturnType<typeof rule>>; left?: number; right?: number } = {}) {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    columnSpan: o.span,
    shading: o.shade ? { fill: 'E8E8E8' } : undefined,
    borders: o.borders,
    verticalAlign: VerticalAlignTable.TOP,
    margins: { top: 50, bottom: 50, left: o.left ?? PAD, right: o.right ?? PAD },
  });
}
/** A cell's text; `keepNext` on every row but the last keeps a short table on one page. */
const tableText = (s: string, o: { bold?: boolean; right?: boolean; keepNext?: boolean } = {}) =>
  new Paragraph({ style: 'TableText', keepNext: o.keepNext || undefined, alignment: o.right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [run(s, { bold: o.bold })] });

/**
 * A tiny empty paragraph before or after a table. LibreOffice ignores "keep with next" on a heading
 * that follows a table, and on every heading of a document that starts with a table, leaving
 * headings alone at the foot of a page; Word does not, and the paragraph does no harm there.
 */
const spacer = (twips = 120) => new Paragraph({ spacing: { before: 0, after: 0, line: twips, lineRule: LineRuleType.EXACT }, children: [] });

/** A table across the text width with fixed columns; borders are drawn per cell. */
function fixedTable(columnWidths: number[], rows: TableRow[]): Table {
  return new Table({ width: { size: CONTENT_WIDTH, type: WidthType.DXA }, columnWidths, layout: TableLayoutType.FIXED, borders: noBorders, rows });
}

/** Letterhead: municipality and unit on the left; document type, date, Dnr, official and recipient on the right; a rule below. */
function letterhead(d: DocumentData): Table {
  const left = 4990;
  const right = CONTENT_WIDTH - left;
  const line = (label: string, value: string) =>
    new Paragraph({ style: 'Letterhead', tabStops: [{ type: TabStopType.LEFT, position: 1400 }], children: [run(label, { color: GREY }), new TextRun({ children: [new Tab(), value] })] });
  const below = { bottom: rule(8, '000000') };
  return fixedTable(
    [left, right],
    [
      new TableRow({
        cantSplit: true,
        children: [
          cell([new Paragraph({ style: 'Letterhead', children: [run(d.municipality, { bold: true, size: 32 })] }), ...(d.unit ? [new Paragraph({ style: 'Letterhead', children: [run(d.unit, { size: 22 })] })] : [])], left, { borders: below, left: 0 }),
          cell(
            [
              new Paragraph({ style: 'Letterhead', spacing: { after: 80 }, children: [new TextRun({ text: 'Tjänsteskrivelse', bold: true, allCaps: true, characterSpacing: 20, size: 22 })] }),
              line('Datum', formatDate('sv', d.date)),
              line('Dnr', d.registryNumber ?? MISSING.registryNumber),
              line('Handläggare', d.official),
              ...(d.recipient ? [new Paragraph({ style: 'Letterhead', spacing: { before: 160, after: 80 }, children: [run(d.recipient, { bold: true, size: 22 })] })] : []),
            ],
            right,
            { borders: below, right: 0 },
          ),
        ],
      }),
    ],
  );
}

const FACT_LABEL = 2500;
function factsTable(facts: [string, string][]): Table {
  const line = { top: rule(), bottom: rule() };
  return fixedTable(
    [FACT_LABEL, CONTENT_WIDTH - FACT_LABEL],
    facts.map(([k, v], i) => {
      const keepNext = i < facts.length - 1;
      return new TableRow({ cantSplit: true, children: [cell([tableText(k, { bold: true, keepNext })], FACT_LABEL, { borders: line }), cell([tableText(v, { keepNext })], CONTENT_WIDTH - FACT_LABEL, { borders: line })] });
    }),
  );
}

/** Column widths for the funding table (Slag, Finansiär, Belopp, Timmar, Värde); columns from the third on are numbers. */
const FUNDING_WIDTHS = [2420, 3000, 1300, 950, 1400];

function fundingTable(f: NonNullable<DocumentData['funding']>): Table {
  // A column without any value (no funder named, no hours) is left out; the first one always stays.
  const keep = f.header.map((_, i) => i === 0 || [...f.rows, f.total ?? []].some((r) => (r[i] ?? '').trim() !== ''));
  const pick = (r: string[]) => r.filter((_, i) => keep[i]);
  const numeric = f.header.map((_, i) => i >= 2).filter((_, i) => keep[i]);
  const widths = f.header.map((_, i) => FUNDING_WIDTHS[i] ?? 1200).filter((_, i) => keep[i]);
  widths[0]! += CONTENT_WIDTH - widths.reduce((a, b) => a + b, 0);
  const head = { top: rule(8, '000000'), bottom: rule(8, '000000') };
  const body = { bottom: rule(4, 'A6A6A6') };
  const sum = { top: rule(8, '000000'), bottom: rule(8, '000000') };
  const count = f.rows.length + (f.total ? 2 : 1);
  let index = 0;
  const row = (values: string[], kind: 'head' | 'body' | 'sum') => {
    const keepNext = ++index < count;
    const cells: TableCell[] = [];
    for (let i = 0; i < values.length; i++) {
      // In the total row the label takes the empty text columns beside it.
      let span = 1;
      while (kind === 'sum' && !numeric[i] && i + span < values.length && !numeric[i + span] && values[i + span] === '') span++;
      const width = widths.slice(i, i + span).reduce((a, b) => a + b, 0);
      cells.push(cell([tableText(values[i] ?? '', { bold: kind !== 'body', right: numeric[i], keepNext })], width, { span: span > 1 ? span : undefined, shade: kind === 'head', borders: kind === 'head' ? head : kind === 'sum' ? sum : body }));
      i += span - 1;
    }
    return new TableRow({ tableHeader: kind === 'head', cantSplit: true, children: cells });
  };
  return fixedTable(widths, [row(pick(f.header), 'head'), ...f.rows.map((r) => row(pick(r), 'body')), ...(f.total ? [row(pick(f.total), 'sum')] : [])]);
}

/** Signature lines: head of department on the left, the official on the right. */
function signatures(d: DocumentData): (Paragraph | Table)[] {
  const half = CONTENT_WIDTH / 2;
  const sign = (name: string, role: string, side: 'left' | 'right') =>
    cell(
      [
        new Paragraph({ spacing: { before: 620, after: 0 }, border: { bottom: rule(6, '000000') }, children: [] }),
        new Paragraph({ spacing: { before: 60, after: 0 }, children: [run(name)] }),
        new Paragraph({ spacing: { after: 0 }, children: [run(role, { color: GREY })] }),
      ],
      half,
      side === 'left' ? { left: 0, right: 340 } : { left: 340, right: 0 },
    );
  return [
    new Paragraph({ keepNext: true, spacing: { before: 360, after: 0 }, children: [run(d.unit ?? d.municipality, { bold: true })] }),
    fixedTable([half, half], [new TableRow({ cantSplit: true, children: [sign('Namnförtydligande', 'Förvaltningschef', 'left'), sign(d.official, 'Handläggare', 'right')] })]),
    new Paragraph({ spacing: { after: 0 }, children: [] }),
  ];
}

const small = (text: string) => new TextRun({ text, size: 18, color: GREY, font: SANS });

/** The Word file. */
export async function buildDecisionDocument(d: DocumentData): Promise<Buffer> {
  const summary = d.summary.filter((s): s is string => !!s?.trim());
  const hasFunding = d.funding != null && d.funding.rows.length > 0;
  const body: (Paragraph | Table)[] = [
    spacer(20),
    letterhead(d),
    new Paragraph({ style: 'MatterLabel', children: [run('Ärende')] }),
    new Paragraph({ text: d.subject, heading: HeadingLevel.TITLE }),
    heading('Förslag till beslut'),
    ...paras(d.proposal, MISSING.proposal),
    ...(d.recommendation ? [new Paragraph({ children: [run('Förvaltningens rekommendation: ', { bold: true }), run(d.recommendation)] })] : []),
    heading('Sammanfattning'),
    ...(summary.length ? summary.flatMap((s) => paras(s, MISSING.summary)) : paras(null, MISSING.summary)),
    heading('Bakgrund'),
    ...(d.facts.length ? [factsTable(d.facts), spacer()] : []),
    heading('Partner', 2),
    ...(d.partners.length ? d.partners.map((p) => new Paragraph({ text: p, bullet: { level: 0 }, spacing: { after: 40 } })) : paras(null, MISSING.partners)),
    heading('Finansiering', 2),
    ...(hasFunding ? [fundingTable(d.funding!), spacer()] : paras(null, MISSING.funding)),
    heading('Bedömning'),
    ...d.assessment.flatMap((a) => [heading(a.heading, 2), ...paras(a.text, MISSING.assessment)]),
    heading('Beslutsväg'),
    // The route is kept on the page of the signatures, so they never stand alone.
    ...(d.route.length ? d.route.flatMap((s) => paras(s, MISSING.route, true)) : paras(null, MISSING.route, true)),
    ...signatures(d),
  ];
  const dnr = d.registryNumber ? `Dnr ${d.registryNumber}` : null;
  const footer = () =>
    new Footer({
      children: [
        new Paragraph({
          tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_WIDTH }],
          border: { top: rule(4, 'A6A6A6') },
          spacing: { before: 0, after: 0 },
          children: [small([d.municipality, d.unit].filter(Boolean).join(', ')), new TextRun({ children: [new Tab()] }), small('Sida '), new TextRun({ children: [PageNumber.CURRENT], size: 18, color: GREY, font: SANS }), small(' av '), new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 18, color: GREY, font: SANS })],
        }),
      ],
    });
  const doc = new Document({
    title: d.subject,
    subject: 'Tjänsteskrivelse',
    creator: d.official,
    lastModifiedBy: d.official,
    keywords: ['tjänsteskrivelse', d.municipality, d.registryNumber].filter(Boolean).join(', '),
    description: `Utkast till tjänsteskrivelse inför beslut, skapat i Utblick för ${d.municipality}.`,
    theme: { fonts: { headings: SANS, body: BODY_FONT } },
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: 24, language: SV }, paragraph: { spacing: { after: 140, line: 264, lineRule: LineRuleType.AUTO } } },
        title: { run: { font: SANS, size: 32, bold: true, color: '000000', language: SV }, paragraph: { spacing: { before: 0, after: 280, line: 288, lineRule: LineRuleType.AUTO }, keepNext: true } },
        heading1: { run: { font: SANS, size: 26, bold: true, color: '000000', language: SV }, paragraph: { spacing: { before: 360, after: 100, line: 252, lineRule: LineRuleType.AUTO }, keepNext: true, keepLines: true } },
        heading2: { run: { font: SANS, size: 22, bold: true, color: '000000', language: SV }, paragraph: { spacing: { before: 220, after: 60, line: 252, lineRule: LineRuleType.AUTO }, keepNext: true, keepLines: true } },
      },
      paragraphStyles: [
        { id: 'Letterhead', name: 'Brevhuvud', basedOn: 'Normal', quickFormat: true, run: { font: SANS, size: 20 }, paragraph: { spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } } },
        { id: 'MatterLabel', name: 'Ärendeetikett', basedOn: 'Normal', next: 'Title', run: { font: SANS, size: 18, color: GREY, allCaps: true, characterSpacing: 20 }, paragraph: { spacing: { before: 480, after: 40 }, keepNext: true } },
        { id: 'TableText', name: 'Tabelltext', basedOn: 'Normal', quickFormat: true, run: { font: SANS, size: 20 }, paragraph: { spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } } },
        { id: 'Missing', name: 'Uppgift saknas', basedOn: 'Normal', quickFormat: true, run: { italics: true, color: GREY } },
      ],
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, header: 709, footer: 567 } },
        },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [small([d.municipality, 'Tjänsteskrivelse', formatDate('sv', d.date), dnr].filter(Boolean).join('  ·  '))] })] }),
        },
        footers: { first: footer(), default: footer() },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

function assessmentSections(a: AssessmentRow | undefined, economy: string | null): DocumentData['assessment'] {
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
    recipient: plan.needed && plan.committee ? orgName(plan.committee, 'sv') : null,
    subject: plan.needed && c.any ? `Medfinansiering och start av projektet ${project.title_sv}` : `Start av projektet ${project.title_sv}`,
    proposal: assessment?.recommendation_text ?? null,
    recommendation: assessment?.recommendation ? RECOMMENDATION_LABELS[assessment.recommendation].sv : null,
    summary: [project.summary_sv, ...explainPlan(plan, 'sv', project.kind).slice(0, 1)],
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
    summary: [p.summary_sv],
    facts: [
      ['Samarbete', p.title_sv],
      ['Slag', PARTNERSHIP_KINDS[p.kind].sv],
    ],
    partners: partners.map((o) => [o.name_sv, o.country ? countryName('sv', o.country) : undefined].filter(Boolean).join(', ')),
    funding: a
      ? { header: ['Åtagande', '', 'Belopp', 'Timmar', 'Värde'], rows: [['Kontanta medel', '', kr('sv', cash), '', kr('sv', cash)], ['Egen personaltid', '', '', formatNumber('sv', hoursN), kr('sv', value)]], total: ['Sammanlagt', '', kr('sv', cash), formatNumber('sv', hoursN), kr('sv', cash + value)] }
      : null,
    assessment: assessmentSections(a, a ? `Kontanta medel ${kr('sv', cash)} och ${formatNumber('sv', hoursN)} timmar egen personaltid, värderat till ${kr('sv', value)} (${kr('sv', cost)} per timme).` : null),
    route: ['Beslut om att inleda ett nytt internationellt samarbete fattas av kommunstyrelsen eller den nämnd som ansvarar för samarbetet, efter att den samlade nyttan, de ekonomiska åtagandena och medborgarperspektivet har bedömts (internationella strategin).'],
  };
}
