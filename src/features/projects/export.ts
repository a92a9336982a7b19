/**
 * Table export: CSV for Swedish Excel, XLSX, and safe download file names.
 *
 * The module is storage-agnostic: callers describe columns (header + accessor)
 * and pass rows; nothing here knows about projects specifically.
 */
import { stringify } from 'csv-stringify/sync';
import writeXlsxFile, { type Cell, type SheetData } from 'write-excel-file/node';
import { getCellAddress, sanitizeTextContent } from 'write-excel-file/utility';

export type CellValue = string | number | null | undefined;

export interface ExportColumn<Row> {
  key: string;
  header: string;
  value: (row: Row) => CellValue;
  type?: 'string' | 'number' | 'date';
  /** Column width in characters (XLSX only). Computed from the content when omitted. */
  width?: number;
}

const BOM = '\uFEFF';

/** Normalises whatever an accessor returned (the type is a promise, not a guarantee at run time). */
function normalise(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  return String(value);
}

/**
 * Swedish number notation without thousands separators: `1234.5` → `"1234,5"`,
 * integers unchanged. Non-finite numbers (NaN, ±Infinity) have no spreadsheet
 * representation and become empty cells.
 */
function formatSwedishNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  return String(value).replace('.', ',');
}

/**
 * CSV for Swedish Excel: UTF-8 with BOM, semicolon separator, CRLF line ends, decimal comma for
 * non-integer numbers, every field that needs it quoted; cells that start with = + - @ (tab, CR)
 * are prefixed with an apostrophe to defuse formula injection (OWASP CSV injection) unless the
 * value is a plain number.
 *
 * Also defused (by csv-stringify): the full-width look-alikes ＝ ＋ － ＠, which some spreadsheet
 * apps normalise to their ASCII forms. The header row is treated like any other row.
 */
export function toCsv<Row>(columns: ExportColumn<Row>[], rows: Row[]): string {
  const records: (string | number | null)[][] = [columns.map((column) => column.header)];
  for (const row of rows) {
    records.push(columns.map((column) => normalise(column.value(row))));
  }
  const body = stringify(records, {
    delimiter: ';',
    record_delimiter: 'windows',
    // csv-stringify turns this off by default as soon as `record_delimiter` is set, which would
    // leave a field holding a lone "\n" or "\r" unquoted and split the row in Excel.
    quote_record_delimiter: true,
    // Done by the library rather than by hand because it knows the original type of the field:
    // a negative *number* (typeof 'number') is left alone, a string "-5" is defused.
    escape_formulas: true,
    cast: { number: formatSwedishNumber },
  });
  return BOM + body;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** 1900-03-01: before it, Excel's serial numbers are skewed by its fictitious 1900-02-29. */
const EARLIEST_EXCEL_DATE = Date.UTC(1900, 2, 1);

/** `YYYY-MM-DD` → a UTC midnight Date (what write-excel-file expects), or null if not a real date. */
function parseIsoDate(value: string): Date | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  // Reject rollovers such as 2026-02-30 → 2026-03-02.
  if (date.toISOString().slice(0, 10) !== value) return null;
  if (date.getTime() < EARLIEST_EXCEL_DATE) return null;
  return date;
}

const DATE_FORMAT = 'yyyy-mm-dd';

function toXlsxCell(value: string | number | null, type: ExportColumn<unknown>['type']): Cell {
  if (value === null || value === '') return null;
  if (typeof value === 'number') {
    // "NaN"/"Infinity" in a numeric cell makes Excel report the file as corrupt.
    return Number.isFinite(value) ? { value, type: Number } : null;
  }
  if (type === 'date') {
    const date = parseIsoDate(value);
    // Anything that is not a plain calendar date stays visible as text instead of being lost.
    if (date) return { value: date, type: Date, format: DATE_FORMAT };
  }
  // Strings are always written as text (shared strings), never as formulas, so no defusing is needed.
  return { value, type: String };
}

function displayLength(value: string | number | null, type: ExportColumn<unknown>['type']): number {
  if (value === null) return 0;
  if (typeof value === 'number') return String(value).length;
  if (type === 'date' && ISO_DATE.test(value)) return DATE_FORMAT.length;
  // The longest line of a multi-line cell decides its width.
  let longest = 0;
  for (const line of value.split(/\r\n|\r|\n/)) longest = Math.max(longest, line.length);
  return longest;
}

const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

const ILLEGAL_SHEET_NAME_CHARS = /[[\]/\\:*?\p{Cc}]/gu;

/**
 * Excel sheet names: 1–31 characters, none of []/\:*?, not starting or ending with an apostrophe.
 * write-excel-file throws on violations; this repairs the name instead.
 */
function safeSheetName(name: string): string {
  let safe = name.replace(ILLEGAL_SHEET_NAME_CHARS, ' ').replace(/\s+/g, ' ').trim();
  safe = safe.replace(/^'+|'+$/g, '').trim();
  if (safe.length > 31) {
    safe = safe.slice(0, 31);
    // Do not leave half of a surrogate pair behind.
    if (/[\uD800-\uDBFF]$/.test(safe)) safe = safe.slice(0, -1);
    safe = safe.replace(/'+$/, '').trim();
  }
  // "History" is reserved by Excel.
  if (safe === '' || safe.toLowerCase() === 'history') return 'Blad1';
  return safe;
}

/**
 * write-excel-file 4.1.1 indexes shared strings in a plain object (`ids[string]`), so a cell whose
 * text is an Object.prototype member name ("constructor", "toString", "__proto__", …) gets an
 * inherited function/object as its "index" and the file is corrupt
 * (`<v>function Object() { [native code] }</v>`). Those few cells are rewritten as inline strings.
 */
const PROTOTYPE_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype));

function writeInlineStrings(xml: string, inline: Map<string, string>): string {
  let result = xml;
  for (const [address, text] of inline) {
    const start = result.indexOf(`<c r="${address}"`);
    if (start < 0) continue;
    const openEnd = result.indexOf('>', start);
    const end = result.indexOf('</c>', openEnd);
    if (openEnd < 0 || end < 0) continue;
    const attributes = result.slice(start + 2, openEnd).replace(/\s+t="[^"]*"/, '');
    const cell = `<c${attributes} t="inlineStr"><is><t xml:space="preserve">${sanitizeTextContent(text)}</t></is></c>`;
    result = result.slice(0, start) + cell + result.slice(end + '</c>'.length);
  }
  return result;
}

/**
 * XLSX as a Buffer: a header row in bold, frozen first row, column widths, numbers as numbers,
 * dates (ISO YYYY-MM-DD strings with type 'date') as real Excel dates with format yyyy-mm-dd,
 * sheet name given (repaired if Excel would reject it).
 *
 * Date strings that are not real calendar dates, or are before 1900-03-01, are kept as text.
 * Non-finite numbers become empty cells.
 */
export async function toXlsx<Row>(columns: ExportColumn<Row>[], rows: Row[], sheetName: string): Promise<Buffer> {
  const longest = columns.map((column) => column.header.length);
  const inline = new Map<string, string>();
  const data: SheetData = [];
  const addRow = (cells: Cell[]) => {
    cells.forEach((cell, columnIndex) => {
      if (cell && typeof cell === 'object' && 'value' in cell && typeof cell.value === 'string' && PROTOTYPE_KEYS.has(cell.value)) {
        inline.set(getCellAddress(data.length, columnIndex), cell.value);
      }
    });
    data.push(cells);
  };

  addRow(columns.map((column) => ({ value: column.header, type: String, fontWeight: 'bold' })));
  for (const row of rows) {
    addRow(
      columns.map((column, index) => {
        const value = normalise(column.value(row));
        const length = displayLength(value, column.type);
        if (length > (longest[index] ?? 0)) longest[index] = length;
        return toXlsxCell(value, column.type);
      }),
    );
  }
  const widths = columns.map((column, index) => ({
    width: column.width ?? Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, (longest[index] ?? 0) + 2)),
  }));
  // SheetData (not the objects + `columns` form): with zero objects write-excel-file cannot tell
  // the objects form from an empty sheet and would drop the header row.
  return writeXlsxFile(
    data,
    {
      sheet: safeSheetName(sheetName),
      columns: widths,
      stickyRowsCount: 1,
      dateFormat: DATE_FORMAT,
    },
    {
      features:
        inline.size === 0
          ? []
          : [{ files: { transform: { 'xl/worksheets/sheet{id}.xml': { transform: (xml) => writeInlineStrings(xml, inline) } } } }],
    },
  ).toBuffer();
}

const TRANSLITERATIONS: Record<string, string> = {
  æ: 'ae',
  ø: 'o',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
};

const MAX_STEM_LENGTH = 80;

/** The calendar date in Sweden, independent of the server's time zone. */
function swedishDate(date: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[æøœßđðłþı]/g, (char) => TRANSLITERATIONS[char] ?? '')
    // å→a, ä→a, ö→o, é→e, ü→u … (and compatibility forms such as ﬁ → fi, ² → 2).
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A safe download file name: lower-case ASCII letters, digits, dashes; å→a ä→a ö→o é→e; at most
 * 80 characters before the extension, which includes the date suffix.
 *
 * The date (default: now) is written as YYYY-MM-DD in Swedish time (Europe/Stockholm), so an
 * export made at 00:30 in Sweden is named after the Swedish day even on a UTC server.
 * An empty or fully non-Latin base becomes "export".
 *
 * @example exportFileName('Ale projekt', 'csv', new Date('2026-11-21T12:00:00Z')) === 'ale-projekt-2026-11-21.csv'
 */
export function exportFileName(base: string, extension: 'csv' | 'xlsx' | 'json', date: Date = new Date()): string {
  const suffix = `-${swedishDate(date)}`;
  let slug = slugify(base).slice(0, MAX_STEM_LENGTH - suffix.length).replace(/-+$/, '');
  if (slug === '') slug = 'export';
  return `${slug}${suffix}.${extension}`;
}
