import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Parser } from 'htmlparser2';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleReportData, sampleTotals } from '../../../../test/support/report-sample.js';
import { formatMoney, formatNumber, type Lang } from '../../../i18n/index.js';
import { UNKNOWN_SOURCE } from '../data-projects.js';
import type { ReportData } from '../model.js';
import { buildReportDocument } from './content.js';
import { reportCharts, reportFilename, renderReportDocx, renderReportHtml, renderReportPdf } from './index.js';

const has = (bin: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${bin}`], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
};
const CI = process.env.CI === 'true';
const hasPoppler = has('pdfinfo') && has('pdftotext');
const soffice = has('soffice') ? 'soffice' : has('libreoffice') ? 'libreoffice' : null;
if (!hasPoppler && CI) throw new Error('CI=true but pdfinfo/pdftotext (poppler-utils) are missing: the PDF tests cannot run.');
if (!soffice && CI) throw new Error('CI=true but LibreOffice (soffice) is missing: the Word conversion test cannot run.');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'report-render-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Whitespace of any kind (line breaks, no-break spaces in amounts) as one space. */
const flat = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
const kr = (lang: Lang, minor: number) => flat(formatMoney(lang, minor, 'SEK'));

function write(name: string, bytes: Buffer | string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, bytes);
  return file;
}

const run = (bin: string, args: string[]) => execFileSync(bin, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** The figures a reader must find, computed from the sample's projects rather than read from the output. */
function expectedFigures(data: ReportData, lang: Lang): string[] {
  const totals = sampleTotals(data.projects);
  const share = Math.round((totals.participantsYouth / totals.participantsTotal) * 100);
  return [
    kr(lang, totals.externalSekMinor),
    kr(lang, totals.euSekMinor),
    kr(lang, totals.ownCashSekMinor),
    kr(lang, totals.ownHoursValueSekMinor),
    flat(formatNumber(lang, totals.ownHours)),
    `(${share} %)`,
  ];
}

describe('the report as content', () => {
  const data = sampleReportData();

  it('follows the structure: included sections only, in its order, with own headings', () => {
    const custom: ReportData = {
      ...data,
      structure: {
        ...data.structure,
        sections: [
          { key: 'goals', included: true, heading_sv: 'Hur går det med målen?', heading_en: null },
          { key: 'summary', included: true, heading_sv: null, heading_en: null },
          { key: 'projects', included: false, heading_sv: null, heading_en: null },
        ],
      },
    };
    const headings = (lang: Lang) => buildReportDocument(custom, lang).blocks.flatMap((b) => (b.type === 'heading' && b.level === 1 ? [b.text] : []));
    expect(headings('sv')).toEqual(['Hur går det med målen?', 'Sammanfattning']);
    expect(headings('en')).toEqual(['Progress towards the goals', 'Summary']);
  });

  it('says what is missing rather than leaving a section empty', () => {
    const text = (d: ReportData) => JSON.stringify(buildReportDocument(d, 'sv').blocks);
    expect(text(sampleReportData({ summary: null }))).toContain('Sammanfattning saknas ännu.');
    expect(text(sampleReportData({ withBudget: false }))).toContain('Ingen budget är registrerad för 2026.');
    expect(text({ ...data, decisions: [] })).toContain('Inga beslut fattades under perioden.');
    expect(text(data)).toContain('Inga kommentarer.');
    expect(text(data)).toContain('Avsnittet är inte markerat som klart.');
  });

  it('compares the funding with the previous half-year and the same half-year last year', () => {
    // 2026H1: 1 400 000 kr; 2025H2: 1 000 000 kr (+40 %); 2025H1: 1 500 000 kr (−6,7 % → 7 %).
    const first = (lang: Lang) => buildReportDocument(data, lang).blocks.find((b) => b.type === 'paragraph' && /beviljades|granted/.test(b.text));
    expect(first('sv')).toMatchObject({
      text: 'Under perioden beviljades 1,4 mnkr i externa medel till projekt som startade. Det är 40 % mer än föregående halvår (1 mnkr). Samma halvår förra året beviljades 1,5 mnkr, vilket innebär 7 % mindre än då.',
    });
    expect(first('en')).toMatchObject({ text: expect.stringContaining('SEK 1.4 million in external funding') });
  });

  it('writes finalised reports with date and registry number, drafts as drafts', () => {
    expect(buildReportDocument(sampleReportData({ status: 'finalised' }), 'sv').statusLine).toBe('Slutförd 20 augusti 2026, diarienummer KS 2026/412');
    expect(buildReportDocument(data, 'sv')).toMatchObject({ draft: true, statusLine: 'Utkast – inte slutfört' });
  });

  it('has the four charts, whose figures are the data', () => {
    const charts = reportCharts(data, 'sv');
    expect(charts.map((c) => c.id)).toEqual(['funding-history', 'funding-by-source', 'budget', 'goal-progress']);
    const history = charts[0]!;
    expect(history.series[0]!.values).toEqual(data.fundingHistory.map((p) => p.euSekMinor));
    expect(history.categories.at(-1)).toBe('jan–jun 2026');
    expect(charts[3]!.categories).toEqual(data.goals!.goals.filter((g) => g.parentId === null).map((g) => g.title));
    expect(reportCharts({ ...data, budget: null, goals: null, fundingBySource: [] }, 'en').map((c) => c.id)).toEqual(['funding-history']);
  });

  it('names the files after municipality and period', () => {
    expect(reportFilename(data, 'pdf')).toBe('halvarsrapport-arvika-2026H1.pdf');
  });
});

describe('the HTML document', () => {
  const data = sampleReportData();

  function parse(html: string) {
    const found = { h1: 0, tags: [] as string[], tables: [] as { caption: boolean; th: number }[], figures: [] as { svgRoles: string[] }[], styles: 0, scripts: 0, lang: '' };
    let inFigure: { svgRoles: string[] } | null = null;
    const parser = new Parser({
      onopentag(name, attrs) {
        found.tags.push(name);
        if (name === 'html') found.lang = attrs.lang ?? '';
        if (name === 'h1') found.h1++;
        if (name === 'table') found.tables.push({ caption: false, th: 0 });
        if (name === 'caption') found.tables.at(-1)!.caption = true;
        if (name === 'th') found.tables.at(-1)!.th++;
        if (name === 'figure') {
          inFigure = { svgRoles: [] };
          found.figures.push(inFigure);
        }
        if (name === 'svg' && inFigure) inFigure.svgRoles.push(attrs.role ?? '');
        if ('style' in attrs) found.styles++;
        if (name === 'script') found.scripts++;
      },
      onclosetag(name) {
        if (name === 'figure') inFigure = null;
      },
    });
    parser.write(html);
    parser.end();
    return found;
  }

  it.each(['sv', 'en'] as const)('is a complete, accessible document (%s)', (lang) => {
    const html = renderReportHtml(data, lang);
    const p = parse(html);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(p.lang).toBe(lang);
    expect(p.h1).toBe(1);
    expect(html).toContain(`<title>${lang === 'sv' ? data.title : data.titleEn} – ${lang === 'sv' ? 'Arvika kommun' : 'Arvika Municipality'}</title>`);
    expect(p.tables.length).toBeGreaterThan(10);
    for (const t of p.tables) expect(t).toMatchObject({ caption: true, th: expect.any(Number) });
    expect(p.tables.every((t) => t.th > 0)).toBe(true);
    expect(p.figures).toHaveLength(4);
    for (const f of p.figures) expect(f.svgRoles[0]).toBe('img');
    expect(p.scripts).toBe(0);
    expect(p.styles).toBe(0);
    for (const figure of expectedFigures(data, lang)) expect(flat(html)).toContain(figure);
  });

  it('ReportBody inside a page: headings from h2, no inline style, one id per chart element', async () => {
    const { ReportBody } = await import('./html.js');
    const html = String(<ReportBody data={data} lang="sv" headingLevel={2} />);
    const p = parse(html);
    expect(p.h1).toBe(0);
    expect(p.tags).toContain('h2');
    expect(p.tags).not.toContain('html');
    expect(p.styles).toBe(0);
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(20);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('escapes text from the data, in the charts too', () => {
    const evil = '<script>alert(1)</script> & <b>Co</b>';
    const html = renderReportHtml({ ...data, summary: evil, fundingBySource: [{ source: evil, amountMinor: 100_00 }] }, 'sv');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>Co');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;Co&lt;/b&gt;');
  });

  it('is the same for the same data', () => {
    expect(renderReportHtml(data, 'sv')).toBe(renderReportHtml(structuredClone(data), 'sv'));
  });
});

describe('the Word document', () => {
  const data = sampleReportData();

  it.each(['sv', 'en'] as const)('has the figures, heading styles, header rows and properties (%s)', async (lang) => {
    const docx = await renderReportDocx(data, lang);
    const { value } = await mammoth.extractRawText({ buffer: docx });
    const text = flat(value);
    expect(text).toContain(lang === 'sv' ? data.title : data.titleEn);
    expect(text).toContain('Språkcafé för nyanlända på Folkets hus');
    expect(text).toContain(lang === 'sv' ? 'Risk för försening' : 'At risk of delay');
    for (const figure of expectedFigures(data, lang)) expect(text).toContain(figure);
    const zip = await JSZip.loadAsync(docx);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml.match(/<wp:docPr [^>]*descr="[^"]+"/g)).toHaveLength(4);
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain(`<dc:language>${lang === 'sv' ? 'sv-SE' : 'en-GB'}</dc:language>`);
    expect(core).toContain(`<dc:title>${lang === 'sv' ? data.title : data.titleEn}</dc:title>`);
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toContain(`w:val="${lang === 'sv' ? 'sv-SE' : 'en-GB'}"`);
  });

  it('is the same bytes for the same data', async () => {
    const a = await renderReportDocx(data, 'sv');
    await new Promise((r) => setTimeout(r, 1100));
    const b = await renderReportDocx(structuredClone(data), 'sv');
    expect(a.equals(b)).toBe(true);
  });

  it.skipIf(!soffice || !hasPoppler)(
    'opens and converts in LibreOffice',
    async () => {
      const file = write('rapport.docx', await renderReportDocx(data, 'sv'));
      const profile = `file://${path.join(tmp, 'lo-profile')}`;
      run(soffice!, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', tmp, file]);
      const text = flat(run('pdftotext', [path.join(tmp, 'rapport.pdf'), '-']));
      expect(text).toContain(data.title);
      expect(text).toContain(kr('sv', data.totals.externalSekMinor));
      expect(Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [path.join(tmp, 'rapport.pdf')]))?.[1])).toBeGreaterThan(5);
    },
    120_000,
  );
});

describe.skipIf(!hasPoppler)('the PDF', () => {
  const data = sampleReportData();

  it.each(['sv', 'en'] as const)('is tagged, titled, in its language, and has the figures (%s)', async (lang) => {
    const bytes = await renderReportPdf(data, lang);
    const file = write(`rapport-${lang}.pdf`, bytes);
    const info = run('pdfinfo', [file]);
    const title = lang === 'sv' ? data.title : data.titleEn!;
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toContain(`Title:           ${title}`);
    expect(info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m);
    const raw = bytes.toString('latin1');
    expect(raw).toContain(`/Lang (${lang === 'sv' ? 'sv-SE' : 'en-GB'})`);
    expect(raw).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    const text = flat(run('pdftotext', [file, '-']));
    expect(text).toContain(lang === 'sv' ? 'Arvika kommun' : 'Arvika Municipality');
    for (const figure of expectedFigures(data, lang)) expect(text).toContain(figure);
    const struct = run('pdfinfo', ['-struct-text', file]);
    for (const tag of ['Document', 'H1', 'H2', 'H3', 'P', 'Table', 'TH', 'TD', 'Figure', 'L', 'LI', 'Caption']) expect(struct).toMatch(new RegExp(`^\\s*${tag}\\b`, 'm'));
    expect(struct).toContain(`"${title}"`);
    expect(struct).toContain('"Språkcafé för nyanlända på Folkets hus"');
    expect(struct).toContain(lang === 'sv' ? '"Risk för försening"' : '"At risk of delay"');
    expect(struct).toMatch(/TH:\s*\n\s*\/Scope \/Column/);
    // Exactly one H1 (the title), four figures with alternative text.
    expect(struct.match(/^\s*H1\b/gm)).toHaveLength(1);
    expect(struct.match(/^\s*Figure\b/gm)).toHaveLength(4);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(text).toContain(lang === 'sv' ? `Sida 2 av ${pages}` : `Page 2 of ${pages}`);
  });

  it('repeats a long table’s header row on the next page, as an artifact', async () => {
    const many = sampleReportData();
    const base = many.projects.filter((p) => p.phase === 'ongoing');
    many.projects = [...many.projects, ...Array.from({ length: 60 }, (_, i) => ({ ...base[i % base.length]!, id: 1000 + i, title: `Extra pågående projekt ${i + 1}` }))];
    const file = write('long.pdf', await renderReportPdf(many, 'sv'));
    const text = run('pdftotext', [file, '-']);
    const struct = run('pdfinfo', ['-struct-text', file]);
    // Every page the table runs over shows the header row before its rows …
    // (Results list the projects too, as "Extra pågående projekt 7: …": those lines are not the table.)
    const pages = text
      .split('\f')
      .map((page) => page.replace(/Extra pågående projekt \d+:.*/g, ''))
      .filter((page) => page.includes('Extra pågående'));
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) {
      const header = page.indexOf('Enhet');
      expect(header).toBeGreaterThanOrEqual(0);
      expect(header).toBeLessThan(page.indexOf('Extra pågående'));
    }
    // … but the structure tree has it once per table (three phases): the repeats are artifacts.
    expect(struct.match(/"Enhet"/g)).toHaveLength(3);
    expect(struct).toContain('"Extra pågående projekt 60"');
  });

  it('gives the same text for the same data', async () => {
    const a = write('a.pdf', await renderReportPdf(data, 'sv'));
    const b = write('b.pdf', await renderReportPdf(structuredClone(data), 'sv'));
    expect(run('pdftotext', [a, '-'])).toBe(run('pdftotext', [b, '-']));
    expect(run('pdfinfo', [a])).toBe(run('pdfinfo', [b]).replace(path.basename(b), path.basename(a)));
  });
});

describe('a funding source the data does not name', () => {
  it('is "Okänd källa" in Swedish and "Unknown source" in English', () => {
    const data = { ...sampleReportData(), fundingBySource: [{ source: UNKNOWN_SOURCE, amountMinor: 100_00 }] };
    expect(reportCharts(data, 'sv').find((c) => c.id === 'funding-by-source')?.categories).toEqual(['Okänd källa']);
    expect(reportCharts(data, 'en').find((c) => c.id === 'funding-by-source')?.categories).toEqual(['Unknown source']);
  });
});
