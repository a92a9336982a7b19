/**
 * The half-year report as a tagged PDF (pdfkit): document language, title shown in the window,
 * and a structure tree (Document → headings, paragraphs, lists, tables with header cells and
 * scopes, figures with alternative text) in reading order, so screen readers can read it. Page
 * headers, footers, rules and the repeated header rows of tables that continue on a new page are
 * marked as artifacts. Bookmarks follow the headings.
 *
 * Layout: A4, a cover page (municipality, title, period, status, contents with page numbers),
 * then the sections. Headings are kept with what follows them; tables break between rows with
 * the header row repeated; figures are right-aligned; "Sida 3 av 12" in the footer.
 *
 * Font: Liberation Sans (metric-compatible with Arial; installed with Debian's Chromium as
 * fonts-liberation) embedded from /usr/share/fonts/truetype/liberation; when it is missing the
 * built-in Helvetica is used, which still has å, ä and ö.
 */
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import { type Lang, tr } from '../../../i18n/index.js';
import type { ReportData } from '../model.js';
import { type Block, buildReportDocument, type Cell, type FigureBlock, type ReportDocument, type TableBlock } from './content.js';
import { type ChartPicture, chartPictures } from './images.js';
import { M } from './texts.js';

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;
/** pdfkit understands more structure options than its types say: scope of header cells, a figure's box. */
type StructOptions = PDFKit.Mixins.StructureElementOptions & { scope?: 'Row' | 'Column' | 'Both'; bbox?: [number, number, number, number]; placement?: 'Block' | 'Inline' };

const FONT_DIR = process.env.REPORT_FONT_DIR || '/usr/share/fonts/truetype/liberation';
const FONT_FILES = { regular: 'LiberationSans-Regular.ttf', bold: 'LiberationSans-Bold.ttf', italic: 'LiberationSans-Italic.ttf' } as const;
type FontKey = keyof typeof FONT_FILES;
const BUILTIN: Record<FontKey, string> = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' };

/** Whether the embedded font is there; otherwise the PDF uses Helvetica. */
export function reportFontPath(): string | null {
  const path = `${FONT_DIR}/${FONT_FILES.regular}`;
  return Object.values(FONT_FILES).every((f) => fs.existsSync(`${FONT_DIR}/${f}`)) ? path : null;
}

const COLOR = { ink: '#1b1f24', grey: '#4a5563', brand: '#0b4f7c', rule: '#c9d1db', fill: '#eef2f6', draft: '#8a4b00', ok: '#1d6b3a' };
const MARGIN = { top: 80, bottom: 72, left: 66, right: 66 };
const BODY = { size: 10, gap: 3 };
const TABLE = { size: 8.5, gap: 1.2, padX: 5, padY: 4 };
const HEADINGS = {
  1: { size: 17, before: 26, after: 10, color: COLOR.brand },
  2: { size: 13, before: 18, after: 6, color: COLOR.brand },
  3: { size: 10.5, before: 12, after: 4, color: COLOR.ink },
} as const;

class PdfReport {
  readonly doc: Doc;
  readonly root: Struct;
  private sect: Struct | null = null;
  readonly x0 = MARGIN.left;
  readonly width: number;
  y = MARGIN.top;
  readonly sections: { title: string; page: number }[] = [];
  private outline: PDFKit.PDFOutline | null = null;

  constructor(
    readonly report: ReportDocument,
    data: ReportData,
    readonly pictures: Map<string, ChartPicture>,
    readonly fonts: Record<FontKey, string>,
    readonly embedded: boolean,
  ) {
    const created = new Date(data.generatedAt);
    this.doc = new PDFDocument({
      pdfVersion: '1.7',
      tagged: true,
      lang: report.langTag,
      displayTitle: true,
      size: 'A4',
      bufferPages: true,
      margins: MARGIN,
      info: { Title: report.title, Author: report.municipality, Subject: `${report.kind}, ${report.period}`, Keywords: [report.kind, data.period.key, data.registryNumber].filter(Boolean).join(', '), Creator: 'Utblick', CreationDate: created, ModDate: created },
    });
    if (embedded) for (const k of Object.keys(FONT_FILES) as FontKey[]) this.doc.registerFont(fonts[k], `${FONT_DIR}/${FONT_FILES[k]}`);
    this.width = this.doc.page.width - MARGIN.left - MARGIN.right;
    this.root = this.doc.struct('Document');
    this.doc.addStructure(this.root);
  }

  /** The structure element content goes into: the current section. */
  get current(): Struct {
    return this.sect ?? this.root;
  }

  /** Closes the structure tree before the document ends. */
  endStructure() {
    this.sect?.end();
    this.root.end();
  }

  get bottom() {
    return this.doc.page.height - MARGIN.bottom;
  }

  font(key: FontKey, size: number, color = COLOR.ink) {
    this.doc.font(this.fonts[key]).fontSize(size).fillColor(color);
    return this;
  }

  height(text: string, key: FontKey, size: number, width: number, gap: number): number {
    this.font(key, size);
    return this.doc.heightOfString(text, { width, lineGap: gap });
  }

  newPage() {
    this.doc.addPage();
    this.y = MARGIN.top;
  }

  /** Starts a new page unless `h` points fit below the current position. */
  ensure(h: number) {
    if (this.y + h > this.bottom && this.y > MARGIN.top + 1) this.newPage();
  }

  /** Draws outside the structure tree (rules, backgrounds, page furniture). */
  artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout') {
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
  }

  /** A structure element with content drawn by `draw`, added to `parent`. */
  tagged(parent: Struct, type: string, draw: () => void, options: StructOptions = {}): void {
    parent.add(this.doc.struct(type, options as PDFKit.Mixins.StructureElementOptions, draw));
  }

  text(parent: Struct, type: string, text: string, o: { font: FontKey; size: number; color?: string; gap: number; x?: number; width?: number; align?: 'left' | 'right' | 'center'; characterSpacing?: number }) {
    const x = o.x ?? this.x0;
    const width = o.width ?? this.width;
    this.tagged(parent, type, () => {
      this.font(o.font, o.size, o.color);
      this.doc.text(text, x, this.y, { width, lineGap: o.gap, align: o.align ?? 'left', characterSpacing: o.characterSpacing });
    });
    this.y = this.doc.y;
  }

  // ── Cover ────────────────────────────────────────────────────────────────

  cover(): Struct {
    const r = this.report;
    const doc = this.doc;
    this.artifact(() => {
      doc.rect(0, 0, doc.page.width, 14).fill(COLOR.brand);
    });
    this.y = 92;
    this.text(this.root, 'P', r.municipality, { font: 'bold', size: 16, color: COLOR.brand, gap: 2 });
    this.y = 236;
    this.text(this.root, 'P', r.kind.toUpperCase(), { font: 'bold', size: 9, color: COLOR.grey, gap: 2, characterSpacing: 1 });
    this.y += 8;
    this.text(this.root, 'H1', r.title, { font: 'bold', size: 25, color: COLOR.ink, gap: 4 });
    this.y += 10;
    this.text(this.root, 'P', r.period, { font: 'regular', size: 13, color: COLOR.ink, gap: 3 });
    this.y += 22;
    if (r.draft) {
      const label = r.statusLine.toUpperCase();
      this.font('bold', 10);
      const w = doc.widthOfString(label, { characterSpacing: 0.6 }) + 20;
      const top = this.y;
      this.artifact(() => {
        doc.lineWidth(1.2).roundedRect(this.x0, top, w, 24, 3).stroke(COLOR.draft);
      });
      this.y = top + 7;
      this.text(this.root, 'P', label, { font: 'bold', size: 10, color: COLOR.draft, gap: 0, x: this.x0 + 10, width: w, characterSpacing: 0.6 });
      this.y = top + 34;
    } else {
      this.text(this.root, 'P', r.statusLine, { font: 'bold', size: 11, color: COLOR.ok, gap: 2 });
      this.y += 10;
    }
    this.text(this.root, 'P', r.generatedLine, { font: 'regular', size: 9, color: COLOR.grey, gap: 2, width: this.width * 0.8 });
    // The contents: its entries are written once the sections' pages are known.
    this.y = Math.max(this.y + 40, 500);
    this.text(this.root, 'P', tr(M.contents, r.lang), { font: 'bold', size: 11, color: COLOR.brand, gap: 2 });
    this.y += 6;
    const toc = this.doc.struct('TOC');
    this.root.add(toc);
    return toc;
  }

  contents(toc: Struct, top: number) {
    this.doc.switchToPage(0);
    let y = top;
    for (const s of this.sections) {
      this.y = y;
      // Read aloud as "Sammanfattning, sida 2" rather than "Sammanfattning2".
      const actual = `${s.title}, ${tr(M.pageShort, this.report.lang, { n: String(s.page) })}`;
      this.tagged(
        toc,
        'TOCI',
        () => {
          this.font('regular', 10.5);
          this.doc.text(s.title, this.x0, y, { width: this.width - 40, lineBreak: false });
          this.doc.text(String(s.page), this.x0 + this.width - 40, y, { width: 40, align: 'right', lineBreak: false });
        },
        { actual },
      );
      this.artifact(() => this.doc.moveTo(this.x0, y + 16).lineTo(this.x0 + this.width, y + 16).lineWidth(0.5).stroke(COLOR.rule));
      y += 22;
    }
    toc.end();
  }

  // ── Blocks ───────────────────────────────────────────────────────────────

  /** The height that must fit on the page for the block to start here (so headings are not left alone). */
  keep(blocks: Block[], i: number): number {
    const b = blocks[i];
    if (!b) return 0;
    switch (b.type) {
      case 'heading': {
        const h = HEADINGS[b.level];
        return h.before + this.height(b.text, 'bold', h.size, this.width, 2) + h.after + this.keep(blocks, i + 1);
      }
      case 'paragraph':
        return this.paragraphKeep(b.text, b.tone);
      case 'list':
        return this.height(b.items[0] ?? '', 'regular', BODY.size, this.width - 14, BODY.gap) + 4;
      case 'table':
        return this.tableKeep(b);
      case 'figure':
        return this.figureHeight(b) + this.tableKeep(b.table);
    }
  }

  block(blocks: Block[], i: number) {
    const b = blocks[i]!;
    switch (b.type) {
      case 'heading':
        return this.heading(b.level, b.text, this.keep(blocks, i + 1));
      case 'paragraph':
        return this.paragraph(b.text, b.tone);
      case 'list':
        return this.list(b.items);
      case 'table':
        return this.table(b, this.current);
      case 'figure':
        return this.figure(b);
    }
  }

  heading(level: 1 | 2 | 3, text: string, next: number) {
    const h = HEADINGS[level];
    const height = this.height(text, 'bold', h.size, this.width, 2);
    if (level === 1) {
      this.sect?.end();
      this.sect = this.doc.struct('Sect');
      this.root.add(this.sect);
      // Each main section starts on a new page when less than a third of the page is left.
      this.ensure(Math.max(h.before + height + h.after + next, (this.bottom - MARGIN.top) / 3));
    } else {
      this.ensure(h.before + height + h.after + next);
    }
    if (this.y > MARGIN.top + 1) this.y += h.before;
    this.text(this.current, `H${level + 1}`, text, { font: 'bold', size: h.size, color: h.color, gap: 2 });
    const page = this.doc.bufferedPageRange().count;
    if (level === 1) {
      const y = this.y + 3;
      this.artifact(() => this.doc.moveTo(this.x0, y).lineTo(this.x0 + this.width, y).lineWidth(1).stroke(COLOR.brand));
      this.sections.push({ title: text, page });
      this.outline = this.doc.outline.addItem(text);
    } else if (level === 2) {
      (this.outline ?? this.doc.outline).addItem(text);
    }
    this.y += h.after + (level === 1 ? 4 : 0);
  }

  /** The height of a paragraph's first two lines (all of it when shorter): what must fit for it to start here. */
  paragraphKeep(text: string, tone?: 'lead' | 'missing'): number {
    const size = tone === 'lead' ? 11 : BODY.size;
    const width = tone === 'lead' ? this.width : this.width * 0.92;
    return Math.min(this.height(text, tone === 'missing' ? 'italic' : 'regular', size, width, BODY.gap), 2 * (size * 1.2 + BODY.gap));
  }

  paragraph(text: string, tone?: 'lead' | 'missing') {
    const size = tone === 'lead' ? 11 : BODY.size;
    this.ensure(this.paragraphKeep(text, tone));
    this.text(this.current, 'P', text, { font: tone === 'missing' ? 'italic' : 'regular', size, color: tone === 'missing' ? COLOR.grey : COLOR.ink, gap: BODY.gap, width: tone === 'lead' ? this.width : this.width * 0.92 });
    this.y += 7;
  }

  list(items: string[]) {
    const list = this.doc.struct('L');
    this.current.add(list);
    for (const item of items) {
      const h = this.height(item, 'regular', BODY.size, this.width - 16, BODY.gap);
      this.ensure(h);
      const li = this.doc.struct('LI');
      list.add(li);
      const y = this.y;
      this.tagged(li, 'Lbl', () => {
        this.font('regular', BODY.size, COLOR.brand);
        this.doc.text('•', this.x0 + 3, y, { lineBreak: false });
      });
      this.tagged(li, 'LBody', () => {
        this.font('regular', BODY.size);
        this.doc.text(item, this.x0 + 16, y, { width: this.width - 16, lineGap: BODY.gap });
      });
      li.end();
      this.y = this.doc.y + 3;
    }
    list.end();
    this.y += 6;
  }

  // ── Tables ───────────────────────────────────────────────────────────────

  private columns(t: TableBlock): { x: number; w: number }[] {
    const sum = t.widths.reduce((a, b) => a + b, 0);
    let x = this.x0;
    return t.widths.map((w) => {
      const col = { x, w: (w / sum) * this.width };
      x += col.w;
      return col;
    });
  }

  private cellText = (c: Cell) => (typeof c === 'string' ? c : c.lines.map((l) => (c.bullets ? `• ${l}` : l)).join('\n'));

  private rowHeight(cells: Cell[], t: TableBlock, cols: { x: number; w: number }[], font: FontKey, r = -1): number {
    return (
      Math.max(
        ...cells.map((c, i) => {
          const indent = i === 1 && r >= 0 ? (t.indent?.[r] ?? 0) * 10 : 0;
          return this.height(this.cellText(c), font, TABLE.size, cols[i]!.w - 2 * TABLE.padX - indent, TABLE.gap);
        }),
      ) +
      2 * TABLE.padY
    );
  }

  private tableKeep(t: TableBlock): number {
    const cols = this.columns(t);
    const caption = this.height(t.caption, 'bold', 9.5, this.width, 1.5) + 5;
    const header = this.rowHeight(t.header, t, cols, 'bold');
    const rows = t.rows.map((row, r) => this.rowHeight(row, t, cols, 'regular', r));
    const all = caption + header + rows.reduce((a, b) => a + b, 0) + (t.total ? this.rowHeight(t.total, t, cols, 'bold') : 0);
    // A short table stays whole; a long one needs its caption, header and first rows together.
    return all < 260 ? all : caption + header + rows.slice(0, 3).reduce((a, b) => a + b, 0);
  }

  private drawCell(parent: Struct | null, type: 'TH' | 'TD', c: Cell, col: { x: number; w: number }, y: number, o: { font: FontKey; right: boolean; indent?: number; scope?: 'Row' | 'Column'; color?: string }) {
    const indent = (o.indent ?? 0) * 10;
    const draw = () => {
      this.font(o.font, TABLE.size, o.color);
      this.doc.text(this.cellText(c), col.x + TABLE.padX + indent, y + TABLE.padY, { width: col.w - 2 * TABLE.padX - indent, lineGap: TABLE.gap, align: o.right ? 'right' : 'left' });
    };
    if (parent) this.tagged(parent, type, draw, o.scope ? { scope: o.scope } : {});
    else draw();
  }

  private rule(y: number, width: number, color: string) {
    this.artifact(() => this.doc.moveTo(this.x0, y).lineTo(this.x0 + this.width, y).lineWidth(width).stroke(color));
  }

  /** The header row: tagged the first time, an artifact when repeated on a new page. */
  private headerRow(t: TableBlock, cols: { x: number; w: number }[], parent: Struct | null) {
    const h = this.rowHeight(t.header, t, cols, 'bold');
    const y = this.y;
    this.artifact(() => this.doc.rect(this.x0, y, this.width, h).fill(COLOR.fill));
    if (parent) {
      const tr = this.doc.struct('TR');
      parent.add(tr);
      t.header.forEach((c, i) => {
        this.drawCell(tr, 'TH', c, cols[i]!, y, { font: 'bold', right: Boolean(t.numeric[i]), scope: 'Column' });
      });
      tr.end();
    } else {
      this.artifact(() => {
        t.header.forEach((c, i) => {
          this.drawCell(null, 'TH', c, cols[i]!, y, { font: 'bold', right: Boolean(t.numeric[i]) });
        });
      });
    }
    this.rule(y + h, 1, COLOR.ink);
    this.y = y + h;
  }

  table(t: TableBlock, parent: Struct) {
    const cols = this.columns(t);
    this.ensure(this.tableKeep(t));
    const table = this.doc.struct('Table');
    parent.add(table);
    this.text(table, 'Caption', t.caption, { font: 'bold', size: 9.5, gap: 1.5 });
    this.y += 5;
    const head = this.doc.struct('THead');
    table.add(head);
    this.headerRow(t, cols, head);
    head.end();
    const body = this.doc.struct('TBody');
    table.add(body);
    const row = (cells: Cell[], font: FontKey, r: number, into: Struct, total = false) => {
      const h = this.rowHeight(cells, t, cols, font, r);
      if (this.y + h > this.bottom) {
        this.newPage();
        this.headerRow(t, cols, null);
      }
      const y = this.y;
      if (total) this.rule(y, 1, COLOR.ink);
      const tr = this.doc.struct('TR');
      into.add(tr);
      cells.forEach((c, i) => {
        const head = i === 0 && (t.rowHeader || total);
        this.drawCell(tr, head ? 'TH' : 'TD', c, cols[i]!, y, { font, right: Boolean(t.numeric[i]), indent: i === 1 && r >= 0 ? t.indent?.[r] : undefined, scope: head ? 'Row' : undefined });
      });
      tr.end();
      this.y = y + h;
      if (!total) this.rule(this.y, 0.5, COLOR.rule);
    };
    t.rows.forEach((cells, r) => {
      row(cells, 'regular', r, body);
    });
    body.end();
    if (t.total) {
      const foot = this.doc.struct('TFoot');
      table.add(foot);
      row(t.total, 'bold', -1, foot, true);
      foot.end();
    }
    table.end();
    this.y += 16;
  }

  // ── Figures ──────────────────────────────────────────────────────────────

  private figureSize(b: FigureBlock): { w: number; h: number } {
    const pic = this.pictures.get(b.chart.id);
    const w = this.width;
    return { w, h: pic ? (w * pic.height) / pic.width : 0 };
  }

  private figureHeight(b: FigureBlock): number {
    return this.height(b.chart.title, 'bold', 10.5, this.width, 2) + 6 + this.figureSize(b).h + 6 + this.height(b.chart.summary, 'italic', 9, this.width, 2) + 10;
  }

  figure(b: FigureBlock) {
    const pic = this.pictures.get(b.chart.id);
    this.ensure(this.figureHeight(b) + this.tableKeep(b.table));
    this.y += 4;
    this.text(this.current, 'P', b.chart.title, { font: 'bold', size: 10.5, color: COLOR.brand, gap: 2 });
    this.y += 6;
    if (pic) {
      const { w, h } = this.figureSize(b);
      const y = this.y;
      this.tagged(this.current, 'Figure', () => this.doc.image(pic.png, this.x0, y, { width: w, height: h }), { alt: pic.alt, bbox: [this.x0, y, this.x0 + w, y + h], placement: 'Block' });
      this.y = y + h + 6;
    }
    this.text(this.current, 'P', b.chart.summary, { font: 'italic', size: 9, color: COLOR.grey, gap: 2 });
    this.y += 10;
    this.table(b.table, this.current);
  }

  // ── Page furniture ───────────────────────────────────────────────────────

  furniture() {
    const doc = this.doc;
    const { start, count } = doc.bufferedPageRange();
    const r = this.report;
    for (let i = start + 1; i < start + count; i++) {
      doc.switchToPage(i);
      const margins = doc.page.margins;
      doc.page.margins = { ...margins, top: 0, bottom: 0 };
      this.artifact(() => {
        this.font('bold', 8, COLOR.brand);
        doc.text(r.municipality, this.x0, 40, { width: this.width / 2, lineBreak: false });
        this.font('bold', 8, r.draft ? COLOR.draft : COLOR.grey);
        doc.text(r.draft ? tr(M.draftLabel, r.lang).toUpperCase() : r.kind, this.x0 + this.width / 2, 40, { width: this.width / 2, align: 'right', lineBreak: false });
        doc.moveTo(this.x0, 54).lineTo(this.x0 + this.width, 54).lineWidth(0.5).stroke(COLOR.rule);
        const y = doc.page.height - 44;
        this.font('regular', 8, COLOR.grey);
        doc.text(r.title, this.x0, y, { width: this.width - 90, lineBreak: false, ellipsis: true, height: 10 });
        doc.text(tr(M.page, r.lang, { n: String(i + 1), total: String(count) }), this.x0 + this.width - 90, y, { width: 90, align: 'right', lineBreak: false });
      }, 'Pagination');
      doc.page.margins = margins;
    }
  }
}

/**
 * The report as a tagged PDF.
 * @example fs.writeFileSync(reportFilename(data, 'pdf'), await renderReportPdf(data, 'sv'))
 */
export async function renderReportPdf(data: ReportData, lang: Lang): Promise<Buffer> {
  const report = buildReportDocument(data, lang);
  const pictures = await chartPictures(report.blocks, lang);
  const embedded = reportFontPath() !== null;
  const fonts = embedded ? { regular: 'Body', bold: 'Body-Bold', italic: 'Body-Italic' } : BUILTIN;
  const pdf = new PdfReport(report, data, pictures, fonts, embedded);
  const toc = pdf.cover();
  const tocTop = pdf.y;
  pdf.newPage();
  for (let i = 0; i < report.blocks.length; i++) pdf.block(report.blocks, i);
  pdf.contents(toc, tocTop);
  pdf.furniture();
  return finish(pdf);
}

function finish(pdf: PdfReport): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    pdf.doc.on('data', (c: Buffer) => chunks.push(c));
    pdf.doc.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.doc.on('error', reject);
    pdf.endStructure();
    pdf.doc.end();
  });
}
