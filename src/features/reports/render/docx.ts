/**
 * The half-year report as a Word document that officials can edit and file: A4 with generous
 * margins, a cover page (municipality, title, period, status), real heading styles (Rubrik 1–3,
 * so Word's navigation pane and a table of contents work), tables whose header row repeats on
 * every page, figures right-aligned, each chart a picture with alternative text followed by its
 * figures as a table. The municipality in the page header ("Utkast" beside it on drafts), the
 * title and "Sida 3 av 12" in the footer; title, subject, author and language in the file's
 * properties.
 *
 * The same data gives the same bytes: the file's timestamps are the report's `generatedAt`.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import JSZip from 'jszip';
import { type Lang, tr } from '../../../i18n/index.js';
import type { ReportData } from '../model.js';
import { type Block, buildReportDocument, type Cell, type ReportDocument, type TableBlock } from './content.js';
import { type ChartPicture, chartPictures } from './images.js';
import { M } from './texts.js';

// Twentieths of a point (twips): A4 is 11 906 × 16 838; margins 2.5 cm (1 418) at the sides.
const PAGE = { width: 11906, height: 16838, side: 1418, top: 1531, bottom: 1418 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.side;
const FONT = 'Arial';
const BRAND = '0B4F7C';
const INK = '1B1F24';
const GREY = '4A5563';
const RULE = 'C9D1DB';
const DRAFT = '8A4B00';

const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
const line = (size: number, color: string) => ({ style: BorderStyle.SINGLE, size, color });

const cellLines = (c: Cell): string[] => (typeof c === 'string' ? [c] : c.lines);

function cellParagraphs(c: Cell, o: { right?: boolean; bold?: boolean; indent?: number; keepNext?: boolean }): Paragraph[] {
  const bullets = typeof c !== 'string' && c.bullets;
  return cellLines(c).map(
    (text) =>
      new Paragraph({
        style: 'TableText',
        alignment: o.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: o.indent ? { left: o.indent * 240 } : undefined,
        keepNext: o.keepNext || undefined,
        children: [new TextRun({ text: bullets ? `• ${text}` : text, bold: o.bold || undefined })],
      }),
  );
}

function tableCell(c: Cell, width: number, o: { right?: boolean; bold?: boolean; indent?: number; header?: boolean; total?: boolean; keepNext?: boolean }): TableCell {
  return new TableCell({
    children: cellParagraphs(c, o),
    width: { size: width, type: WidthType.DXA },
    shading: o.header ? { type: ShadingType.CLEAR, fill: 'EEF2F6', color: 'auto' } : undefined,
    borders: o.header ? { bottom: line(8, INK) } : o.total ? { top: line(8, INK) } : { bottom: line(4, RULE) },
    margins: { top: 60, bottom: 60, left: 75, right: 75 },
  });
}

/** A table across the text width: caption above (kept with it), a repeating header row, light rules. */
function table(t: TableBlock): (Paragraph | Table)[] {
  const sum = t.widths.reduce((a, b) => a + b, 0);
  const widths = t.widths.map((w) => Math.floor((w / sum) * CONTENT_WIDTH));
  const short = t.rows.length <= 8;
  const rows = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: t.header.map((h, i) => tableCell(h, widths[i]!, { right: t.numeric[i], bold: true, header: true, keepNext: true })),
    }),
    ...t.rows.map(
      (row, r) =>
        new TableRow({
          cantSplit: true,
          children: row.map((c, i) => tableCell(c, widths[i]!, { right: t.numeric[i], indent: i === 1 ? t.indent?.[r] : undefined, keepNext: short && (r < t.rows.length - 1 || Boolean(t.total)) })),
        }),
    ),
    ...(t.total ? [new TableRow({ cantSplit: true, children: t.total.map((c, i) => tableCell(c, widths[i]!, { right: t.numeric[i], bold: true, total: true })) })] : []),
  ];
  return [
    new Paragraph({ style: 'TableCaption', children: [new TextRun(t.caption)] }),
    new Table({ width: { size: CONTENT_WIDTH, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, borders: noBorders, rows }),
    new Paragraph({ style: 'AfterTable', children: [] }),
  ];
}

function blockParts(b: Block, pictures: Map<string, ChartPicture>, first: boolean): (Paragraph | Table)[] {
  switch (b.type) {
    case 'heading':
      return [
        new Paragraph({
          heading: b.level === 1 ? HeadingLevel.HEADING_1 : b.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
          pageBreakBefore: first || undefined,
          children: [new TextRun(b.text)],
        }),
      ];
    case 'paragraph':
      return [new Paragraph({ style: b.tone === 'missing' ? 'Missing' : b.tone === 'lead' ? 'Lead' : undefined, children: [new TextRun(b.text)] })];
    case 'list':
      return b.items.map((text) => new Paragraph({ style: 'ListParagraph', bullet: { level: 0 }, children: [new TextRun(text)] }));
    case 'table':
      return table(b);
    case 'figure': {
      const pic = pictures.get(b.chart.id);
      const width = 600;
      return [
        new Paragraph({ style: 'FigureCaption', children: [new TextRun(b.chart.title)] }),
        ...(pic
          ? [
              new Paragraph({
                keepNext: true,
                spacing: { after: 60 },
                children: [new ImageRun({ type: 'png', data: pic.png, transformation: { width, height: Math.round((width * pic.height) / pic.width) }, altText: { name: b.chart.id, title: b.chart.title, description: pic.alt } })],
              }),
            ]
          : []),
        new Paragraph({ style: 'FigureNote', children: [new TextRun(b.chart.summary)] }),
        ...table(b.table),
      ];
    }
  }
}

function cover(doc: ReportDocument): Paragraph[] {
  return [
    new Paragraph({ style: 'CoverMunicipality', children: [new TextRun(doc.municipality)] }),
    new Paragraph({ style: 'CoverKind', children: [new TextRun(doc.kind)] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.title)] }),
    new Paragraph({ style: 'CoverPeriod', children: [new TextRun(doc.period)] }),
    new Paragraph({ style: doc.draft ? 'CoverDraft' : 'CoverStatus', children: [new TextRun(doc.statusLine)] }),
    new Paragraph({ style: 'CoverNote', children: [new TextRun(doc.generatedLine)] }),
  ];
}

const small = (text: string, o: { bold?: boolean; color?: string } = {}) => new TextRun({ text, size: 17, color: o.color ?? GREY, bold: o.bold || undefined, font: FONT });

function header(doc: ReportDocument): Header {
  return new Header({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_WIDTH }],
        border: { bottom: line(4, RULE) },
        children: [small(doc.municipality, { bold: true, color: BRAND }), new TextRun({ children: [new Tab()] }), doc.draft ? small(tr(M.draftLabel, doc.lang).toUpperCase(), { bold: true, color: DRAFT }) : small(doc.kind)],
      }),
    ],
  });
}

function footer(doc: ReportDocument): Footer {
  const [before, after] = tr(M.page, doc.lang).split('{n}') as [string, string];
  const [middle, end] = after.split('{total}') as [string, string];
  const field = (f: (typeof PageNumber)[keyof typeof PageNumber]) => new TextRun({ children: [f], size: 17, color: GREY, font: FONT });
  return new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_WIDTH }],
        children: [small(doc.title), new TextRun({ children: [new Tab()] }), small(before), field(PageNumber.CURRENT), small(middle), field(PageNumber.TOTAL_PAGES), small(end)],
      }),
    ],
  });
}

/** Sets the package's timestamps (core properties and zip entries) to `iso`, and the drawings' ids, so the same report gives the same bytes; and the language in its properties. */
async function pinDates(buffer: Buffer, iso: string, langTag: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  const date = new Date(iso);
  const stamp = iso.replace(/\.\d+Z$/, 'Z');
  const out = new JSZip();
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.files[name]!;
    if (entry.dir) continue;
    const bytes = await entry.async('uint8array');
    let content: string | Uint8Array = bytes;
    if (name === 'word/document.xml') {
      // docx numbers drawings with a counter that runs across documents: number them from 1 here.
      let n = 0;
      content = new TextDecoder().decode(bytes).replace(/<wp:docPr id="\d+"/g, () => `<wp:docPr id="${++n}"`);
    }
    if (name === 'docProps/core.xml')
      content = new TextDecoder()
        .decode(bytes)
        .replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`)
        .replace('</cp:coreProperties>', `<dc:language>${langTag}</dc:language></cp:coreProperties>`);
    out.file(name, content, { date, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/**
 * The report as a .docx file.
 * @example fs.writeFileSync(reportFilename(data, 'docx'), await renderReportDocx(data, 'sv'))
 */
export async function renderReportDocx(data: ReportData, lang: Lang): Promise<Buffer> {
  const doc = buildReportDocument(data, lang);
  const pictures = await chartPictures(doc.blocks, lang);
  const language = { value: doc.langTag };
  const body = doc.blocks.flatMap((b, i) => blockParts(b, pictures, i === 0));
  const file = new Document({
    title: doc.title,
    subject: `${doc.kind}, ${doc.period}`,
    creator: doc.municipality,
    lastModifiedBy: doc.municipality,
    keywords: [doc.kind, doc.municipality, data.period.key, data.registryNumber].filter(Boolean).join(', '),
    description: doc.generatedLine,
    theme: { fonts: { headings: FONT, body: FONT } },
    styles: {
      default: {
        document: { run: { font: FONT, size: 21, color: INK, language }, paragraph: { spacing: { after: 140, line: 276, lineRule: LineRuleType.AUTO } } },
        title: { run: { font: FONT, size: 52, bold: true, color: BRAND, language }, paragraph: { spacing: { before: 120, after: 360, line: 240, lineRule: LineRuleType.AUTO } } },
        heading1: { run: { font: FONT, size: 34, bold: true, color: BRAND, language }, paragraph: { spacing: { before: 480, after: 160, line: 240, lineRule: LineRuleType.AUTO }, keepNext: true, keepLines: true, border: { bottom: line(6, BRAND) } } },
        heading2: { run: { font: FONT, size: 26, bold: true, color: BRAND, language }, paragraph: { spacing: { before: 320, after: 100, line: 240, lineRule: LineRuleType.AUTO }, keepNext: true, keepLines: true } },
        heading3: { run: { font: FONT, size: 22, bold: true, color: INK, language }, paragraph: { spacing: { before: 240, after: 80, line: 240, lineRule: LineRuleType.AUTO }, keepNext: true, keepLines: true } },
        listParagraph: { run: { font: FONT, size: 21, language }, paragraph: { spacing: { after: 80 } } },
      },
      paragraphStyles: [
        { id: 'Lead', name: lang === 'sv' ? 'Ingress' : 'Lead', basedOn: 'Normal', quickFormat: true, run: { size: 23 }, paragraph: { spacing: { after: 200 } } },
        { id: 'Missing', name: lang === 'sv' ? 'Uppgift saknas' : 'Missing', basedOn: 'Normal', quickFormat: true, run: { italics: true, color: GREY } },
        { id: 'TableCaption', name: lang === 'sv' ? 'Tabellrubrik' : 'Table caption', basedOn: 'Normal', next: 'Normal', run: { size: 19, bold: true, color: INK }, paragraph: { spacing: { before: 160, after: 80 }, keepNext: true, keepLines: true } },
        { id: 'TableText', name: lang === 'sv' ? 'Tabelltext' : 'Table text', basedOn: 'Normal', quickFormat: true, run: { size: 17 }, paragraph: { spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } } },
        { id: 'AfterTable', name: lang === 'sv' ? 'Efter tabell' : 'After table', basedOn: 'Normal', paragraph: { spacing: { before: 0, after: 120, line: 120, lineRule: LineRuleType.EXACT } } },
        { id: 'FigureCaption', name: lang === 'sv' ? 'Diagramrubrik' : 'Figure caption', basedOn: 'Normal', next: 'Normal', run: { size: 21, bold: true, color: BRAND }, paragraph: { spacing: { before: 240, after: 80 }, keepNext: true, keepLines: true } },
        { id: 'FigureNote', name: lang === 'sv' ? 'Diagramtext' : 'Figure note', basedOn: 'Normal', run: { size: 18, italics: true, color: GREY }, paragraph: { spacing: { after: 120 }, keepNext: true } },
        { id: 'CoverMunicipality', name: lang === 'sv' ? 'Försättsblad kommun' : 'Cover municipality', basedOn: 'Normal', run: { size: 32, bold: true, color: BRAND }, paragraph: { spacing: { before: 1800, after: 1400 } } },
        { id: 'CoverKind', name: lang === 'sv' ? 'Försättsblad dokumenttyp' : 'Cover document type', basedOn: 'Normal', run: { size: 20, color: GREY, allCaps: true, characterSpacing: 20 }, paragraph: { spacing: { after: 120 } } },
        { id: 'CoverPeriod', name: lang === 'sv' ? 'Försättsblad period' : 'Cover period', basedOn: 'Normal', run: { size: 28, color: INK }, paragraph: { spacing: { after: 480 } } },
        { id: 'CoverStatus', name: lang === 'sv' ? 'Försättsblad status' : 'Cover status', basedOn: 'Normal', run: { size: 22, bold: true, color: '1D6B3A' }, paragraph: { spacing: { after: 120 } } },
        { id: 'CoverDraft', name: lang === 'sv' ? 'Försättsblad utkast' : 'Cover draft', basedOn: 'CoverStatus', run: { size: 22, bold: true, color: DRAFT, allCaps: true }, paragraph: { border: { top: line(8, DRAFT), bottom: line(8, DRAFT) }, spacing: { after: 120 } } },
        { id: 'CoverNote', name: lang === 'sv' ? 'Försättsblad not' : 'Cover note', basedOn: 'Normal', run: { size: 19, color: GREY } },
      ],
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.side, right: PAGE.side, header: 709, footer: 624 },
          },
        },
        headers: { first: new Header({ children: [new Paragraph({ children: [] })] }), default: header(doc) },
        footers: { first: new Footer({ children: [new Paragraph({ children: [] })] }), default: footer(doc) },
        children: [...cover(doc), ...body],
      },
    ],
  });
  return pinDates(await Packer.toBuffer(file), data.generatedAt, doc.langTag);
}
