import { describe, expect, it } from 'vitest';
import { unzipEntries } from '../../../test/integration/decisions-fixtures.js';
import { buildDecisionDocument, type DocumentData } from './document.js';

const sample: DocumentData = {
  municipality: 'Arvika kommun',
  unit: 'Kultur- och fritidsförvaltningen',
  date: '2026-11-21',
  registryNumber: 'KS 2026/17',
  official: 'Sara Samordnare',
  subject: 'Medfinansiering och start av projektet Unga i gränslandet',
  proposal: 'Kultur- och fritidsnämnden beslutar att bevilja medfinansiering med 120 000 kr.',
  recommendation: 'Bifall',
  summary: ['Ett utbyte för unga i Arvika och Kongsvinger.'],
  facts: [['Projekt', 'Unga i gränslandet & <vänner>']],
  partners: ['Kongsvinger kommune, Norge'],
  funding: { header: ['Slag', 'Finansiär', 'Belopp', 'Timmar', 'Värde'], rows: [['EU-stöd', 'Interreg', '500 000 kr', '', '500 000 kr']], total: ['Kommunal medfinansiering', '', '120 000 kr', '200', '220 000 kr'] },
  assessment: [{ heading: 'Samlad nytta', text: 'Stor.\n\nMycket stor.' }, { heading: 'Risker', text: null }],
  route: ['Beslut fattas av Kultur- och fritidsnämnden.'],
};

describe('tjänsteskrivelse (docx)', () => {
  it('is a Word file with heading styles, a header row, Swedish language and every section', async () => {
    const buf = await buildDecisionDocument(sample);
    expect(buf.subarray(0, 2).toString()).toBe('PK');
    const files = unzipEntries(buf);
    const doc = files.get('word/document.xml')!;
    const styles = files.get('word/styles.xml')!;
    expect(doc).toBeDefined();
    for (const h of ['Ärende', 'Förslag till beslut', 'Sammanfattning', 'Bakgrund', 'Bedömning', 'Beslutsväg', 'Finansiering']) expect(doc).toContain(`>${h}<`);
    expect(doc).toMatch(/<w:pStyle w:val="Heading1"\/>/);
    expect(doc).toMatch(/<w:pStyle w:val="Heading2"\/>/);
    expect(doc).toMatch(/<w:pStyle w:val="Title"\/>/);
    expect(doc).toContain('<w:tblHeader/>');
    expect(doc).toContain('KS 2026/17');
    expect(doc).toContain('Unga i gränslandet &amp; &lt;vänner&gt;'); // escaped, not broken XML
    expect(doc).toContain('[Att fylla i]'); // the empty risk section is marked for the official
    expect(doc).toContain('Handläggare');
    expect(styles).toContain('w:lang w:val="sv-SE"');
    expect(files.get('docProps/core.xml')).toContain('Medfinansiering och start');
  });
});
