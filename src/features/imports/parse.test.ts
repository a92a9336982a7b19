import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../projects/export.js';
import { decodeText, detectDelimiter, readTable, zipUncompressedSize } from './parse.js';

const bytes = (s: string) => new TextEncoder().encode(s);
/** Windows-1252 bytes of a Latin-1 string (enough for å, ä, ö, é). */
const cp1252 = (s: string) => Uint8Array.from([...s].map((c) => (c === '€' ? 0x80 : c === '–' ? 0x96 : c.charCodeAt(0))));

describe('decodeText', () => {
  it('reads UTF-8 with and without BOM, UTF-16 with BOM, and Windows-1252', () => {
    expect(decodeText(bytes('\uFEFFÅre;Öland'))).toEqual({ text: 'Åre;Öland', encoding: 'utf-8-bom' });
    expect(decodeText(bytes('Åre;Öland'))).toEqual({ text: 'Åre;Öland', encoding: 'utf-8' });
    expect(decodeText(cp1252('Åre;Öland;€ – é'))).toEqual({ text: 'Åre;Öland;€ – é', encoding: 'windows-1252' });
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'Malå\tÄ'].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect(decodeText(utf16)).toEqual({ text: 'Malå\tÄ', encoding: 'utf-16le' });
  });
});

describe('detectDelimiter', () => {
  it('finds semicolon, comma and tab, ignoring separators inside quotes', () => {
    expect(detectDelimiter('a;b;c\n1;2;3')).toBe(';');
    expect(detectDelimiter('a,b,c\n1,2,3')).toBe(',');
    expect(detectDelimiter('a\tb\n1\t2')).toBe('\t');
    expect(detectDelimiter('"a,b";c\n"1,5";2')).toBe(';');
    // Decimal commas in a semicolon file do not fool it.
    expect(detectDelimiter('Titel;Budget\nX;1 234,50\nY;2,5')).toBe(';');
    expect(detectDelimiter('bara en kolumn\nrad')).toBe(';');
  });
});

describe('readTable (CSV)', () => {
  it('reads a semicolon file with BOM, quoted newlines and Swedish letters', async () => {
    const t = await readTable(bytes('\uFEFFTitel;Sammanfattning;Budget (kr)\r\n"Vänort; Åmål";"Rad ett\r\nrad två";"1 234,50"\r\n\r\nÖvrigt;;\r\n'));
    expect(t.issues).toEqual([]);
    expect(t.format).toBe('csv');
    expect(t.encoding).toBe('utf-8-bom');
    expect(t.delimiter).toBe(';');
    expect(t.headers).toEqual(['Titel', 'Sammanfattning', 'Budget (kr)']);
    expect(t.rows).toEqual([
      { row: 2, cells: ['Vänort; Åmål', 'Rad ett\r\nrad två', '1 234,50'] },
      // Row 3 is empty (skipped but counted, as a spreadsheet numbers it).
      { row: 4, cells: ['Övrigt', null, null] },
    ]);
  });

  it('reads a comma file in Windows-1252 as Swedish Excel saves it', async () => {
    const t = await readTable(cp1252('Titel,Ort\r\nSkolutbyte,Göteborg\r\nÅrsmöte,"Malmö, Skåne"\r\n'));
    expect(t.encoding).toBe('windows-1252');
    expect(t.delimiter).toBe(',');
    expect(t.rows.map((r) => r.cells)).toEqual([
      ['Skolutbyte', 'Göteborg'],
      ['Årsmöte', 'Malmö, Skåne'],
    ]);
  });

  it('honours an Excel sep= line', async () => {
    const t = await readTable(bytes('sep=,\nA;B,C\n1;2,3\n'));
    expect(t.headers).toEqual(['A;B', 'C']);
  });

  it('reports broken files as row issues instead of throwing', async () => {
    const unclosed = await readTable(bytes('Titel;År\nEtt;2020\n"Två;2021\nTre;2022\n'));
    expect(unclosed.rows.map((r) => r.cells[0])).toEqual(['Ett']);
    expect(unclosed.issues).toHaveLength(1);
    expect(unclosed.issues[0]?.row).toBe(3);
    expect(unclosed.issues[0]?.message.sv).toMatch(/citattecken/);

    const extra = await readTable(bytes('Titel;År\nEtt;2020;x;y\n'));
    expect(extra.issues[0]).toMatchObject({ row: 2, column: null });
    expect(extra.issues[0]?.message.en).toMatch(/2 more filled cells/);

    expect((await readTable(bytes(''))).issues[0]?.message.sv).toBe('Filen är tom.');
    expect((await readTable(bytes('\n\n ; \n'))).issues[0]?.message.sv).toBe('Filen är tom.');
    expect((await readTable(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2]))).issues[0]?.message.sv).toMatch(/\.xls/);
    expect((await readTable(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).issues[0]?.message.sv).toMatch(/Excel-arbetsbok/);
    expect((await readTable(new Uint8Array([65, 0, 66, 0]))).issues[0]?.message.sv).toMatch(/CSV- eller Excel/);
  });

  it('reports duplicate headers and names empty header cells by position', async () => {
    const t = await readTable(bytes('Titel;;Titel\n1;2;3\n'));
    expect(t.headers).toEqual(['Titel', '(2)', 'Titel']);
    expect(t.issues.map((i) => i.column)).toEqual(['Titel']);
  });

  it('reads back what the public export writes', async () => {
    const csv = toCsv(
      [
        { key: 't', header: 'Titel', value: (r: { t: string; n: number }) => r.t },
        { key: 'n', header: 'Budget (kr)', value: (r: { t: string; n: number }) => r.n, type: 'number' },
      ],
      [
        { t: '=SUMMA(A1)', n: 1234.5 },
        { t: 'Rad\nmed "citat"', n: -5 },
      ],
    );
    const t = await readTable(bytes(csv));
    expect(t.encoding).toBe('utf-8-bom');
    expect(t.rows.map((r) => r.cells)).toEqual([
      ["'=SUMMA(A1)", '1234,5'],
      ['Rad\nmed "citat"', '-5'],
    ]);
  });
});

describe('readTable (XLSX)', () => {
  it('reads the first sheet with numbers, dates and texts', async () => {
    const file = await writeXlsxFile(
      [
        [{ value: 'Titel', type: String }, { value: 'Startdatum', type: String }, { value: 'Budget (kr)', type: String }],
        [{ value: 'Vänort', type: String }, { value: new Date(Date.UTC(2020, 1, 3)), type: Date, format: 'yyyy-mm-dd' }, { value: 1234.5, type: Number }],
        [null, null, null],
        [{ value: 'Rad\ntvå', type: String }, null, null],
      ],
      {},
    ).toBuffer();
    const t = await readTable(new Uint8Array(file));
    expect(t.issues).toEqual([]);
    expect(t.format).toBe('xlsx');
    expect(t.headers).toEqual(['Titel', 'Startdatum', 'Budget (kr)']);
    expect(t.rows).toEqual([
      { row: 2, cells: ['Vänort', '2020-02-03', 1234.5] },
      { row: 4, cells: ['Rad\ntvå', null, null] },
    ]);
    expect(zipUncompressedSize(new Uint8Array(file))).toBeGreaterThan(file.length);
  });

  it('refuses a zip whose parts unpack to more than the limit', async () => {
    // A central directory that claims a 300 MB part.
    const name = bytes('xl/big.xml');
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint32(24, 300 * 1024 * 1024, true);
    cv.setUint16(28, name.length, true);
    central.set(name, 46);
    const end = new Uint8Array(22);
    const ev = new DataView(end.buffer);
    ev.setUint32(0, 0x06054b50, true);
    ev.setUint16(10, 1, true);
    ev.setUint32(16, 4, true);
    const file = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...central, ...end]);
    const t = await readTable(file);
    expect(t.issues[0]?.message.sv).toMatch(/för stor/);
  });
});
