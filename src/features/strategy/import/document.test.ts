/**
 * Uploaded strategy documents as text: text files in the encodings Swedish offices produce, Word
 * files built here with the `docx` package (headings, bullets, numbering, bold headings, a table),
 * and files that cannot be read, each with a clear message.
 */
import { Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { decodeText, documentToText, htmlToText } from './document.js';
import { proposeStrategy } from './parse.js';

const SAMPLE = 'Internationell strategi\n\nÖvergripande mål\n\n• Öka förståelsen mellan människor i olika länder – även på åäö ÅÄÖ é.\n';

function utf16le(text: string, bom: boolean): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}

function utf16be(text: string): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1]!;
    be[i + 1] = le[i]!;
  }
  return Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
}

/** Windows-1252 bytes of a text (the characters used here all have one). */
function cp1252(text: string): Uint8Array {
  const special: Record<string, number> = { '–': 0x96, '•': 0x95, '”': 0x94, '“': 0x93, '€': 0x80, '’': 0x92 };
  return Uint8Array.from([...text].map((ch) => special[ch] ?? ch.charCodeAt(0)));
}

async function strategyDocx(): Promise<Uint8Array> {
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'numbers',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.' },
            { level: 1, format: LevelFormat.LOWER_LETTER, text: '%2)' },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Internationell strategi för Testby kommun', heading: HeadingLevel.TITLE }),
          new Paragraph({ text: 'Antagen av kommunfullmäktige 2024-05-20, § 61' }),
          new Table({
            rows: [
              new TableRow({ children: [new TableCell({ children: [new Paragraph('Diarienummer')] }), new TableCell({ children: [new Paragraph('KS 2024/9')] })] }),
              new TableRow({ children: [new TableCell({ children: [new Paragraph('Dokumentansvarig')] }), new TableCell({ children: [new Paragraph('Kommunledningskontoret')] })] }),
            ],
          }),
          new Paragraph({ text: 'Inledning', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun('Testby vill lära av '), new TextRun({ text: 'andra', bold: true }), new TextRun(' länder & regioner <i Europa>.')] }),
          new Paragraph({ text: 'Målområden', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: 'Kompetens', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: 'Medarbetarna ska kunna arbeta med kollegor i andra länder.' }),
          new Paragraph({ text: 'Fler utbyten för personalen', bullet: { level: 0 } }),
          new Paragraph({ text: 'Erasmus+ för lärare', bullet: { level: 1 } }),
          new Paragraph({ text: 'Språkkurser', bullet: { level: 0 } }),
          new Paragraph({ text: 'Näringsliv', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ children: [new TextRun({ text: 'Aktiviteter', bold: true })] }),
          new Paragraph({ text: 'Exportrådgivning', numbering: { reference: 'numbers', level: 0 } }),
          new Paragraph({ text: 'Gemensam mässmonter', numbering: { reference: 'numbers', level: 0 } }),
          new Paragraph({ text: 'Nordiska mässor', numbering: { reference: 'numbers', level: 1 } }),
          new Paragraph({ text: 'Ansvar', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: 'Kommunstyrelsen leder arbetet.' }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('text files', () => {
  it('reads UTF-8 with and without a byte-order mark', async () => {
    expect(await documentToText(new TextEncoder().encode(SAMPLE), 'strategi.txt')).toEqual({ ok: true, text: SAMPLE });
    expect(await documentToText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE)]), 'strategi.md')).toEqual({ ok: true, text: SAMPLE });
  });

  it('reads UTF-16 with a byte-order mark (little- and big-endian) and little-endian without one', async () => {
    expect(await documentToText(utf16le(SAMPLE, true), 'strategi.txt')).toEqual({ ok: true, text: SAMPLE });
    expect(await documentToText(utf16be(SAMPLE), 'strategi.txt')).toEqual({ ok: true, text: SAMPLE });
    expect(await documentToText(utf16le(SAMPLE, false), 'strategi.txt')).toEqual({ ok: true, text: SAMPLE });
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8', async () => {
    const bytes = cp1252(`${SAMPLE}Kostnad: 5 € – ”citat” och ’apostrof’.\n`);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const result = await documentToText(bytes, 'strategi.txt');
    expect(result).toEqual({ ok: true, text: `${SAMPLE}Kostnad: 5 € – ”citat” och ’apostrof’.\n` });
    if (result.ok) expect(proposeStrategy(result.text).goals.map((g) => g.title)).toEqual(['Öka förståelsen mellan människor i olika länder – även på åäö ÅÄÖ é']);
  });

  it('reads a text file whatever its name says, as long as it is text: .md, .markdown, no extension', async () => {
    for (const name of ['strategi.md', 'STRATEGI.MARKDOWN', 'strategi', 'C:\\Dokument\\strategi.TXT']) expect(await documentToText(new TextEncoder().encode(SAMPLE), name)).toEqual({ ok: true, text: SAMPLE });
  });
});

describe('Word files (.docx) through mammoth', () => {
  it('keeps headings as # lines, bullets and numbering as nested list lines, bold headings and table rows', async () => {
    const result = await documentToText(await strategyDocx(), 'strategi.docx');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.text).toBe(
      [
        '# Internationell strategi för Testby kommun',
        '',
        'Antagen av kommunfullmäktige 2024-05-20, § 61',
        '',
        'Diarienummer: KS 2024/9',
        '',
        'Dokumentansvarig: Kommunledningskontoret',
        '',
        '# Inledning',
        '',
        'Testby vill lära av andra länder & regioner <i Europa>.',
        '',
        '# Målområden',
        '',
        '## Kompetens',
        '',
        'Medarbetarna ska kunna arbeta med kollegor i andra länder.',
        '',
        '- Fler utbyten för personalen',
        '   - Erasmus+ för lärare',
        '- Språkkurser',
        '',
        '## Näringsliv',
        '',
        '**Aktiviteter**',
        '',
        '1. Exportrådgivning',
        '2. Gemensam mässmonter',
        '   1. Nordiska mässor',
        '',
        '# Ansvar',
        '',
        'Kommunstyrelsen leder arbetet.',
        '',
      ].join('\n'),
    );
  });

  it('gives the importer a text it reads into the same tree as the document shows', async () => {
    const result = await documentToText(await strategyDocx(), 'strategi.docx');
    if (!result.ok) throw new Error(result.message.en);
    const p = proposeStrategy(result.text);
    expect(p).toMatchObject({ title: 'Internationell strategi för Testby kommun', adoptedBy: 'Kommunfullmäktige', adoptedOn: '2024-05-20', minuteParagraph: '§ 61', registryNumber: 'KS 2024/9', responsibilities: 'Kommunstyrelsen leder arbetet.' });
    const tree = (nodes: typeof p.goals): unknown[] => nodes.map((n) => [n.levelName, n.title, tree(n.children)]);
    expect(tree(p.goals)).toEqual([
      [
        'Målområde',
        'Kompetens',
        [
          ['Mål', 'Fler utbyten för personalen', [['Delmål', 'Erasmus+ för lärare', []]]],
          ['Mål', 'Språkkurser', []],
        ],
      ],
      [
        'Målområde',
        'Näringsliv',
        [
          ['Aktivitet', 'Exportrådgivning', []],
          ['Aktivitet', 'Gemensam mässmonter', [['Delaktivitet', 'Nordiska mässor', []]]],
        ],
      ],
    ]);
    expect(p.goals[0]!.description).toBe('Medarbetarna ska kunna arbeta med kollegor i andra länder.');
  });

  it('reads a .docx by its content even when it is named .txt', async () => {
    const result = await documentToText(await strategyDocx(), 'strategi.txt');
    expect(result.ok && result.text.startsWith('# Internationell strategi för Testby kommun\n')).toBe(true);
  });

  it('turns mammoth’s HTML into lines: entities, line breaks, a bold-only paragraph, a table of three columns', () => {
    expect(htmlToText('<p>a&nbsp;&amp;&#229;&#x00e4;&unknown;<br />b</p><p><strong>Rubrik:</strong></p><p><strong>Fet mening.</strong></p><table><tr><td><p>x</p></td><td><p>y</p></td><td><p>z</p></td></tr></table>')).toBe(
      'a &åä&unknown;\nb\n\n**Rubrik**\n\nFet mening.\n\nx | y | z\n',
    );
  });
});

describe('files that cannot be read', () => {
  const refuse = async (bytes: Uint8Array, name: string, sv: RegExp) => {
    const result = await documentToText(bytes, name);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message.sv).toMatch(sv);
    expect(result.message.en.length).toBeGreaterThan(10);
  };

  it('an empty file, a renamed file, a broken zip, old Word, PDF, RTF, OpenDocument and binary data, each with its own message', async () => {
    await refuse(new Uint8Array(), 'strategi.docx', /^Filen är tom\.$/);
    await refuse(new TextEncoder().encode(SAMPLE), 'strategi.docx', /heter \.docx men är inget Word-dokument/);
    const docx = await strategyDocx();
    await refuse(docx.subarray(0, 200), 'strategi.docx', /inte ett Word-dokument \(\.docx\) som går att läsa/);
    await refuse(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('not really a zip file at all')]), 'strategi.docx', /inte ett Word-dokument/);
    await refuse(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]), 'strategi.doc', /äldre format \(\.doc\)/);
    await refuse(new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'strategi.pdf', /PDF-filer kan inte läsas/);
    await refuse(new TextEncoder().encode('{\\rtf1\\ansi Strategi}'), 'strategi.rtf', /RTF-filer/);
    await refuse(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...new Uint8Array(26), ...new TextEncoder().encode('mimetypeapplication/vnd.oasis.opendocument.text')]), 'strategi.odt', /OpenDocument/);
    await refuse(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'strategi.txt', /ingen textfil/);
    await refuse(new TextEncoder().encode(SAMPLE), 'strategi.xlsx', /filtypen kan inte läsas/);
  });

  it('a Word file without any text', async () => {
    const empty = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('')] }] })));
    await refuse(empty, 'tom.docx', /ingen text/);
  });

  it('decodeText refuses NUL bytes and control characters, accepts form feeds and tabs', () => {
    expect(decodeText(Uint8Array.from([0x61, 0x00, 0x62, 0x63, 0x64]))).toBeNull();
    expect(decodeText(Uint8Array.from(Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 1 : 0x61))))).toBeNull();
    expect(decodeText(new TextEncoder().encode('a\tb\fc\r\n'))).toBe('a\tb\fc\r\n');
  });
});
