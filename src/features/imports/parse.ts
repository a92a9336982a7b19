/**
 * Reads an uploaded table (CSV or XLSX) into a header row and data rows, without throwing on bad
 * input: every problem becomes an issue with the spreadsheet row number, so a person can fix it.
 *
 * CSV: comma, semicolon or tab (detected; an Excel `sep=` line is honoured); UTF-8 with or
 * without BOM, UTF-16 with BOM (Excel's "Unicode text"), and Windows-1252 as Swedish Excel writes
 * it (bytes that are not valid UTF-8); quoted fields may hold separators and newlines.
 * XLSX: the first sheet; dates become ISO `YYYY-MM-DD` text.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import { FILE, type ImportIssue, issue } from './text.js';

/** A cell after reading: text, a number, or empty. Dates are ISO text. */
export type Cell = string | number | null;

export interface SourceRow {
  /** Row number as the spreadsheet program shows it (the header row is usually 1). */
  row: number;
  cells: Cell[];
}

export interface ParsedTable {
  format: 'csv' | 'xlsx';
  /** How a CSV file's bytes were decoded. */
  encoding?: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  delimiter?: string;
  headers: string[];
  headerRow: number;
  /** Data rows with at least one non-empty cell. */
  rows: SourceRow[];
  issues: ImportIssue[];
}

export const LIMITS = {
  /** Data rows per file. */
  rows: 10_000,
  columns: 80,
  cellChars: 20_000,
  /** Uncompressed size of an XLSX file's parts (a guard against zip bombs). */
  xlsxUnzippedBytes: 200 * 1024 * 1024,
};

const UTF8_BOM = [0xef, 0xbb, 0xbf];

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/**
 * Windows-1252's characters at 0x80–0x9F (€, ‚, „, …, –, — and others); Node's TextDecoder
 * decodes the label as ISO-8859-1 and gives control characters there. Undefined bytes stay as is.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...chunk.map((b) => b)).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] as string);
  }
  return out;
}

/** Decodes CSV bytes: BOM first, then strict UTF-8, else Windows-1252 (Swedish Excel's "CSV"). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: NonNullable<ParsedTable['encoding']> } {
  if (startsWith(bytes, UTF8_BOM)) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

const CANDIDATES = [';', ',', '\t'] as const;

/** Counts each candidate separator outside quotes on the first lines; ties favour `;` (Swedish Excel). */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number[]>(CANDIDATES.map((c) => [c, []]));
  let inQuotes = false;
  let line = 0;
  let current = new Map<string, number>();
  const endLine = () => {
    if ([...current.values()].some((n) => n > 0)) {
      for (const c of CANDIDATES) counts.get(c)!.push(current.get(c) ?? 0);
      line++;
    }
    current = new Map();
  };
  for (let i = 0; i < text.length && line < 20; i++) {
    const ch = text[i] as string;
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) endLine();
    else if (!inQuotes && (CANDIDATES as readonly string[]).includes(ch)) current.set(ch, (current.get(ch) ?? 0) + 1);
  }
  endLine();
  // The best separator splits the first line into several fields and the following lines alike.
  let best: string = ';';
  let bestScore = -1;
  for (const c of CANDIDATES) {
    const perLine = counts.get(c)!;
    const first = perLine[0] ?? 0;
    if (first === 0) continue;
    const consistent = perLine.filter((n) => n === first).length;
    const score = consistent * 1000 + first;
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/** Text of a cell: trimmed; empty → null. */
function cleanCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  // Unicode NFC (macOS writes å as a + ring), no NUL characters (PostgreSQL text refuses them).
  const s = String(value).normalize('NFC').replace(/\u0000/g, '').trim();
  return s === '' ? null : s;
}

const isEmptyRow = (cells: Cell[]) => cells.every((c) => c === null);

/** Turns raw records (first non-empty one = header) into a table, checking the limits. */
function toTable(records: { row: number; cells: unknown[] }[], base: Omit<ParsedTable, 'headers' | 'headerRow' | 'rows' | 'issues'>, issues: ImportIssue[]): ParsedTable {
  const table: ParsedTable = { ...base, headers: [], headerRow: 0, rows: [], issues };
  const cleaned = records.map((r) => ({ row: r.row, cells: r.cells.map(cleanCell) }));
  const headerIndex = cleaned.findIndex((r) => !isEmptyRow(r.cells));
  if (headerIndex < 0) {
    if (issues.length === 0) issues.push(issue(null, null, FILE.empty));
    return table;
  }
  const header = cleaned[headerIndex]!;
  // Trailing empty header cells (a spreadsheet's untouched columns) do not count.
  let width = header.cells.length;
  while (width > 0 && header.cells[width - 1] === null) width--;
  if (width > LIMITS.columns) {
    issues.push(issue(header.row, null, FILE.tooManyColumns(LIMITS.columns)));
    return table;
  }
  table.headerRow = header.row;
  table.headers = header.cells.slice(0, width).map((c, i) => (c === null ? `(${i + 1})` : String(c).replace(/\s+/g, ' ')));
  const seen = new Set<string>();
  for (const h of table.headers) {
    const key = h.toLocaleLowerCase('sv');
    if (seen.has(key)) issues.push(issue(header.row, h, FILE.duplicateHeader(h)));
    seen.add(key);
  }
  for (const r of cleaned.slice(headerIndex + 1)) {
    if (isEmptyRow(r.cells)) continue;
    if (table.rows.length >= LIMITS.rows) {
      issues.push(issue(r.row, null, FILE.tooManyRows(LIMITS.rows)));
      break;
    }
    const extra = r.cells.slice(width).filter((c) => c !== null).length;
    if (extra > 0) issues.push(issue(r.row, null, FILE.extraCells(extra)));
    const cells = r.cells.slice(0, width);
    while (cells.length < width) cells.push(null);
    cells.forEach((c, i) => {
      if (typeof c === 'string' && c.length > LIMITS.cellChars) {
        issues.push(issue(r.row, table.headers[i] ?? null, FILE.cellTooLong(LIMITS.cellChars)));
        cells[i] = c.slice(0, LIMITS.cellChars);
      }
    });
    table.rows.push({ row: r.row, cells });
  }
  return table;
}

/** Reads CSV bytes. Never throws: problems are returned as issues. */
export function readCsv(bytes: Uint8Array): ParsedTable {
  const { text: decoded, encoding } = decodeText(bytes);
  let text = decoded;
  const issues: ImportIssue[] = [];
  let delimiter: string | undefined;
  // Excel's hint line: "sep=;" names the separator and is not part of the table.
  const sep = /^sep=(.)\r?\n/i.exec(text);
  if (sep) {
    delimiter = sep[1];
    text = text.slice(sep[0].length);
  }
  delimiter ??= detectDelimiter(text);
  if (text.trim() === '') return { format: 'csv', encoding, delimiter, headers: [], headerRow: 0, rows: [], issues: [issue(null, null, FILE.empty)] };
  // Spreadsheet row numbers: one per record, empty lines included, as Excel numbers them.
  const records: { row: number; cells: unknown[] }[] = [];
  let row = 0;
  try {
    parseCsv(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      skip_records_with_error: true,
      on_skip: (error) => {
        row++;
        const code = (error as { code?: string } | undefined)?.code;
        issues.push(issue(row, null, code === 'CSV_QUOTE_NOT_CLOSED' ? FILE.unclosedQuote : FILE.brokenRow));
      },
      on_record: (record: string[]) => {
        row++;
        // Empty lines only count; the header plus one row over the limit is enough to report it.
        if (record.some((c) => c.trim() !== '') && records.length <= LIMITS.rows + 1) records.push({ row, cells: record });
        return null;
      },
    });
  } catch {
    // csv-parse reports per-record problems through on_skip; anything else is a file it cannot read.
    issues.push(issue(row + 1, null, FILE.brokenRow));
  }
  return toTable(records, { format: 'csv', encoding, delimiter }, issues);
}

/**
 * Sums the uncompressed sizes in a zip's central directory. Returns null when the bytes are not a
 * zip that can be checked this way (no end record, or zip64), which callers treat as unreadable.
 */
export function zipUncompressedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= min; i--) {
    if (view.getUint32(i, true) !== 0x06054b50) continue;
    const entries = view.getUint16(i + 10, true);
    const dirOffset = view.getUint32(i + 16, true);
    if (entries === 0xffff || dirOffset === 0xffffffff) return null;
    let p = dirOffset;
    let total = 0;
    for (let n = 0; n < entries; n++) {
      if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) return null;
      const size = view.getUint32(p + 24, true);
      if (size === 0xffffffff) return null;
      total += size;
      p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    }
    return total;
  }
  return null;
}

/** Reads the first sheet of an XLSX file. Never throws: problems are returned as issues. */
export async function readXlsx(bytes: Uint8Array): Promise<ParsedTable> {
  const base = { format: 'xlsx' as const };
  const size = zipUncompressedSize(bytes);
  if (size === null) return { ...base, headers: [], headerRow: 0, rows: [], issues: [issue(null, null, FILE.notXlsx)] };
  if (size > LIMITS.xlsxUnzippedBytes) return { ...base, headers: [], headerRow: 0, rows: [], issues: [issue(null, null, FILE.tooLargeUnzipped)] };
  let data: unknown[][];
  try {
    data = (await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) as unknown[][];
  } catch {
    return { ...base, headers: [], headerRow: 0, rows: [], issues: [issue(null, null, FILE.notXlsx)] };
  }
  const records: { row: number; cells: unknown[] }[] = [];
  data.forEach((cells, i) => {
    if (!Array.isArray(cells) || records.length > LIMITS.rows + 1) return;
    if (cells.some((c) => c !== null && c !== undefined && String(c).trim() !== '')) records.push({ row: i + 1, cells });
  });
  return toTable(records, base, []);
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

/** Reads an uploaded file, CSV or XLSX by content (the file name is not trusted). */
export async function readTable(bytes: Uint8Array): Promise<ParsedTable> {
  if (bytes.length === 0) return { format: 'csv', headers: [], headerRow: 0, rows: [], issues: [issue(null, null, FILE.empty)] };
  if (startsWith(bytes, ZIP)) return readXlsx(bytes);
  if (startsWith(bytes, OLE)) return { format: 'xlsx', headers: [], headerRow: 0, rows: [], issues: [issue(null, null, FILE.oldExcel)] };
  // Text files have no NUL bytes unless they are UTF-16 (which starts with a byte-order mark).
  if (!startsWith(bytes, [0xff, 0xfe]) && !startsWith(bytes, [0xfe, 0xff]) && bytes.subarray(0, 8192).includes(0)) {
    return { format: 'csv', headers: [], headerRow: 0, rows: [], issues: [issue(null, null, FILE.binary)] };
  }
  return readCsv(bytes);
}
