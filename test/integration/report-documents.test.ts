/**
 * The half-year report's documents carry the database's figures: for the seed municipalities and
 * generated data, the Word, PDF and HTML documents are rendered and their text extracted (Word:
 * mammoth; PDF: pdftotext -layout; HTML: tags stripped), and the key figures computed by direct
 * SQL (test/support/report-fixture.ts) must appear in each: how many projects started, were
 * ongoing and finished, the external funding in SEK, the own staff hours. The PDF must be tagged
 * (pdfinfo). The PDF tools are skipped only when missing and CI is not set. SQLite and PostgreSQL.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportData } from '../../src/features/reports/data.js';
import { parseHalfYear } from '../../src/features/reports/period.js';
import { renderReportDocx, renderReportHtml, renderReportPdf } from '../../src/features/reports/render/index.js';
import { M } from '../../src/features/reports/render/texts.js';
import { formatMoney, formatNumber, type Lang, tr } from '../../src/i18n/index.js';
import { availableDatabases, createTestApp } from '../support/databases.js';
import { createReportFixture, expectedFigures } from '../support/report-fixture.js';

const kinds = await availableDatabases();
const TODAY = '2026-11-21';
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'utblick-report-docs-'));
afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));

const hasTool = (name: string) => spawnSync(name, ['-v'], { stdio: 'ignore' }).status === 0;
const PDF_TOOLS = hasTool('pdftotext') && hasTool('pdfinfo');
if (!PDF_TOOLS && process.env.CI === 'true') throw new Error('CI=true but pdftotext/pdfinfo (poppler-utils) are missing');

/** Any run of whitespace (also no-break and narrow no-break spaces) as one space. */
const squash = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
const decodeEntities = (s: string) =>
  s.replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n))).replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(Number.parseInt(n, 16))).replace(/&nbsp;/g, '\u00a0').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const htmlText = (html: string) => squash(decodeEntities(html.replace(/<style[\s\S]*?<\/style>/gi, ' ').replace(/<[^>]+>/g, ' ')));

function pdfText(pdf: Buffer, name: string): { text: string; info: string } {
  const file = path.join(TMP, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  const text = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  if (text.status !== 0 || info.status !== 0) throw new Error(`poppler failed: ${text.stderr}${info.stderr}`);
  return { text: squash(text.stdout), info: info.stdout };
}

describe.each(kinds)('half-year report documents on %s', (kind) => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  const cases: { name: string; municipalityId: number; period: string; lang: Lang }[] = [];

  beforeAll(async () => {
    t = await createTestApp(kind);
    const f = await createReportFixture(t.handle.db, { projects: 60, seed: 7 });
    const arvika = await t.handle.db.selectFrom('municipalities').select('id').where('slug', '=', 'arvika').executeTakeFirstOrThrow();
    const ale = await t.handle.db.selectFrom('municipalities').select('id').where('slug', '=', 'ale').executeTakeFirstOrThrow();
    cases.push(
      { name: 'provby-2026H1', municipalityId: f.municipalityId, period: '2026H1', lang: 'sv' },
      { name: 'provby-2025H2', municipalityId: f.municipalityId, period: '2025H2', lang: 'sv' },
      { name: 'provby-2026H1-en', municipalityId: f.municipalityId, period: '2026H1', lang: 'en' },
      { name: 'arvika-2026H1', municipalityId: Number(arvika.id), period: '2026H1', lang: 'sv' },
      { name: 'ale-1998H1', municipalityId: Number(ale.id), period: '1998H1', lang: 'sv' },
      { name: 'ale-2026H1', municipalityId: Number(ale.id), period: '2026H1', lang: 'sv' },
    );
  }, 180_000);
  afterAll(async () => t?.close());

  it('Word, PDF and HTML carry the projects per phase, the external funding and the own hours of the database', async () => {
    let withMoney = 0;
    let withFractionalHours = 0;
    for (const c of cases) {
      const period = parseHalfYear(c.period)!;
      const x = await expectedFigures(t.handle.db, c.municipalityId, period.start, period.end);
      const data = await buildReportData(t.handle.db, c.municipalityId, period, { today: TODAY });
      const lang = c.lang;
      const phaseFigures = [
        `${tr(M.started, lang)} ${formatNumber(lang, x.ids.started.length)}`,
        `${tr(M.ongoing, lang)} ${formatNumber(lang, x.ids.ongoing.length)}`,
        `${tr(M.finished, lang)} ${formatNumber(lang, x.ids.finished.length)}`,
      ];
      const external = squash(formatMoney(lang, x.euSek + x.otherSek, 'SEK'));
      // "1 234,5 timmar" / "1,234.5 hours", and what they are valued at.
      const hoursWord = tr(M.hoursValue, lang, { hours: '', value: '' }).trim().split(' ')[0]!.replace(/,$/, '');
      const hours = squash(`${formatNumber(lang, x.ownHours)} ${hoursWord}`);
      const hoursValue = squash(formatMoney(lang, x.ownHoursValue, 'SEK'));
      if (x.euSek + x.otherSek > 0) withMoney++;
      if (x.ownHours % 1 !== 0) withFractionalHours++;

      const texts: [string, string][] = [
        ['docx', squash((await mammoth.extractRawText({ buffer: await renderReportDocx(data, lang) })).value)],
        ['html', htmlText(renderReportHtml(data, lang))],
      ];
      const pdf = await renderReportPdf(data, lang);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      if (PDF_TOOLS) {
        const { text, info } = pdfText(pdf, c.name);
        texts.push(['pdf', text]);
        expect(info, `${c.name}: pdfinfo`).toMatch(/^Tagged:\s+yes$/m);
      }
      for (const [format, text] of texts) {
        const where = `${c.name}.${format}`;
        for (const figure of phaseFigures) expect(text, `${where}: ${figure}`).toContain(figure);
        expect(text, `${where}: ${external}`).toContain(external);
        expect(text, `${where}: ${hours}`).toContain(hours);
        expect(text, `${where}: ${hoursValue}`).toContain(hoursValue);
      }
    }
    expect(withMoney, 'some cases have external funding').toBeGreaterThanOrEqual(3);
    expect(withFractionalHours, 'some cases have hours with decimals').toBeGreaterThanOrEqual(1);
  }, 180_000);
});
