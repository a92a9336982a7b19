import { describe, expect, it } from 'vitest';
import { unzipEntries } from '../../../test/integration/decisions-fixtures.js';
import { buildDecisionDocument, type DocumentData, MISSING } from './document.js';

const sample: DocumentData = {
  municipality: 'Arvika kommun',
  unit: 'Kultur- och fritidsförvaltningen',
  date: '2026-11-21',
  registryNumber: 'KS 2026/17',
  official: 'Sara Samordnare',
  recipient: 'Kultur- och fritidsnämnden',
  subject: 'Medfinansiering och start av projektet Unga i gränslandet',
  proposal: 'Kultur- och fritidsnämnden beslutar\n\natt bevilja medfinansiering med 120 000 kr.',
  recommendation: 'Bifall',
  summary: ['Ett utbyte för unga i Arvika och Kongsvinger.'],
  facts: [['Projekt', 'Unga i gränslandet & <vänner>']],
  partners: ['Kongsvinger kommune, Norge'],
  funding: { header: ['Slag', 'Finansiär', 'Belopp', 'Timmar', 'Värde'], rows: [['EU-stöd', 'Interreg', '500 000 kr', '', '500 000 kr']], total: ['Kommunal medfinansiering', '', '120 000 kr', '200', '220 000 kr'] },
  assessment: [
    { heading: 'Samlad nytta', text: 'Stor.\n\nMycket stor.' },
    { heading: 'Risker', text: null },
  ],
  route: ['Beslut fattas av Kultur- och fritidsnämnden.'],
};

const empty: DocumentData = {
  ...sample,
  registryNumber: null,
  recipient: null,
  proposal: null,
  recommendation: null,
  summary: [null, '  '],
  partners: [],
  funding: null,
  assessment: [{ heading: 'Samlad nytta', text: '' }],
  route: [],
};

async function files(d: DocumentData) {
  const buf = await buildDecisionDocument(d);
  expect(buf.subarray(0, 2).toString()).toBe('PK');
  return unzipEntries(buf);
}

/** The text of the document's paragraphs, without the XML. */
const plain = (xml: string) =>
  xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/[\u00a0\u202f]/g, ' ');

/** The tables' column widths, table by table. */
const grids = (xml: string) => [...xml.matchAll(/<w:tblGrid>(.*?)<\/w:tblGrid>/g)].map((m) => [...m[1]!.matchAll(/w:w="(\d+)"/g)].map((w) => Number(w[1])));

describe('tjänsteskrivelse (docx)', () => {
  it('is a Word file with heading styles, a header row, Swedish language and every section', async () => {
    const f = await files(sample);
    const doc = f.get('word/document.xml')!;
    const styles = f.get('word/styles.xml')!;
    for (const h of ['Ärende', 'Förslag till beslut', 'Sammanfattning', 'Bakgrund', 'Partner', 'Finansiering', 'Bedömning', 'Beslutsväg']) expect(doc).toContain(`>${h}<`);
    expect(doc).toMatch(/<w:pStyle w:val="Heading1"\/>/);
    expect(doc).toMatch(/<w:pStyle w:val="Heading2"\/>/);
    expect(doc).toMatch(/<w:pStyle w:val="Title"\/><\/w:pPr><w:r><w:t xml:space="preserve">Medfinansiering och start/);
    expect(doc).toContain('<w:tblHeader/>');
    expect(doc).toContain('Unga i gränslandet &amp; &lt;vänner&gt;'); // escaped, not broken XML
    expect(doc).toContain('Handläggare');
    expect(doc).toContain('Förvaltningschef');
    expect(styles).toContain('w:lang w:val="sv-SE"');
    expect(f.get('docProps/core.xml')).toContain('Medfinansiering och start');
  });

  it('has the letterhead: municipality, unit, date written out, Dnr, official and the committee it goes to', async () => {
    const text = plain((await files(sample)).get('word/document.xml')!);
    for (const s of ['Arvika kommun', 'Kultur- och fritidsförvaltningen', 'Tjänsteskrivelse', 'Datum', '21 november 2026', 'Dnr', 'KS 2026/17', 'Sara Samordnare', 'Kultur- och fritidsnämnden']) expect(text).toContain(s);
    expect(text).not.toContain('2026-11-21');
  });

  it('is A4 with 2.5 cm margins, a different first page, "Sida X av Y" in the footer and the Dnr in the header of later pages', async () => {
    const f = await files(sample);
    const doc = f.get('word/document.xml')!;
    expect(doc).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(doc).toMatch(/<w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1418"/);
    expect(doc).toContain('<w:titlePg/>');
    const footers = [...f.keys()].filter((k) => /^word\/footer\d+\.xml$/.test(k)).map((k) => f.get(k)!);
    expect(footers).toHaveLength(2); // first page and the rest
    for (const footer of footers) {
      expect(footer).toContain('Sida ');
      expect(footer).toContain('> av <');
      expect(footer).toMatch(/<w:instrText[^>]*>PAGE</);
      expect(footer).toMatch(/<w:instrText[^>]*>NUMPAGES</);
    }
    const headers = [...f.keys()].filter((k) => /^word\/header\d+\.xml$/.test(k)).map((k) => plain(f.get(k)!));
    expect(headers.some((h) => h.includes('Dnr KS 2026/17') && h.includes('21 november 2026'))).toBe(true);
  });

  it('lays the funding table out to the text width, amounts right-aligned, the total label across the empty column', async () => {
    const doc = (await files(sample)).get('word/document.xml')!;
    for (const grid of grids(doc)) expect(grid.reduce((a, b) => a + b, 0)).toBe(9070);
    const funding = doc.slice(doc.indexOf('>Finansiering<'), doc.indexOf('>Bedömning<'));
    expect(grids(funding)[0]).toHaveLength(5);
    expect(funding).toMatch(/<w:jc w:val="right"\/><\/w:pPr><w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">Belopp</);
    expect(funding).toMatch(/<w:jc w:val="right"\/><\/w:pPr><w:r><w:t xml:space="preserve">500 000 kr</);
    expect(funding).toContain('<w:gridSpan w:val="2"/>');
  });

  it('starts with a paragraph and puts a plain paragraph after each table, so headings keep with their text in LibreOffice too', async () => {
    const doc = (await files(sample)).get('word/document.xml')!;
    expect(doc).toMatch(/<w:body><w:p>/);
    const after = [...doc.matchAll(/<\/w:tbl>(<w:p>(?:<w:pPr>.*?<\/w:pPr>)?)/g)].map((m) => m[1]!);
    expect(after.length).toBeGreaterThanOrEqual(3);
    for (const p of after) expect(p).not.toMatch(/w:val="(Heading\d|Title)"/);
  });

  it('leaves out a funding column without any value (no funder named, no hours)', async () => {
    const doc = (await files({ ...sample, funding: { header: ['Åtagande', '', 'Belopp', 'Timmar', 'Värde'], rows: [['Kontanta medel', '', '10 000 kr', '', '10 000 kr']], total: ['Sammanlagt', '', '10 000 kr', '', '10 000 kr'] } })).get('word/document.xml')!;
    // Neither the funder column nor the hours column has a value: Åtagande, Belopp, Värde remain.
    const funding = doc.slice(doc.indexOf('>Finansiering<'), doc.indexOf('>Bedömning<'));
    expect(grids(funding)[0]).toHaveLength(3);
    expect(funding).not.toContain('>Timmar<');
    expect(grids(funding)[0]!.reduce((a, b) => a + b, 0)).toBe(9070);
  });

  it('indents the att-clauses of the proposal', async () => {
    const doc = (await files(sample)).get('word/document.xml')!;
    const paragraph = (needle: string) => doc.split('</w:p>').find((p) => p.includes(needle))!;
    expect(paragraph('att bevilja medfinansiering')).toContain('<w:ind w:left="567"/>');
    expect(paragraph('Kultur- och fritidsnämnden beslutar')).not.toContain('<w:ind ');
  });

  it('says in a sentence what is missing rather than leaving a section empty', async () => {
    const f = await files(empty);
    const doc = f.get('word/document.xml')!;
    const text = plain(doc);
    for (const s of [MISSING.proposal, MISSING.summary, MISSING.partners, MISSING.funding, MISSING.assessment, MISSING.route]) expect(text).toContain(s);
    expect(text).toContain(MISSING.registryNumber);
    expect(doc).toContain('<w:pStyle w:val="Missing"/>');
    expect(doc).not.toContain('<w:tblHeader/>'); // no funding table without funding
    expect(text).not.toContain('[Att fylla i]');
    expect(text).not.toContain('rekommendation');
    // No empty section: every heading has text or a table under it, unless subheadings follow.
    const sections = doc.split(/<w:p>(?=<w:pPr><w:pStyle w:val="Heading[12]"\/>)/).slice(1);
    expect(sections).toHaveLength(8);
    sections.forEach((section, i) => {
      const under = section.slice(section.indexOf('</w:p>'));
      if (!under.includes('<w:t')) expect(section.startsWith('<w:pPr><w:pStyle w:val="Heading1"/>') && sections[i + 1]?.startsWith('<w:pPr><w:pStyle w:val="Heading2"/>')).toBe(true);
    });
    expect(f.get('word/header1.xml')! + f.get('word/header2.xml')!).not.toContain('Dnr');
  });

  it('names the document, its subject and its author in the file properties', async () => {
    const core = (await files(sample)).get('docProps/core.xml')!;
    expect(core).toContain('<dc:title>Medfinansiering och start av projektet Unga i gränslandet</dc:title>');
    expect(core).toContain('<dc:subject>Tjänsteskrivelse</dc:subject>');
    expect(core).toContain('<dc:creator>Sara Samordnare</dc:creator>');
    expect(core).toContain('KS 2026/17');
  });
});
