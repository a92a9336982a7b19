/**
 * Texts of the import feature, in Swedish and English. Issues found in a file are kept as both
 * texts (`Text`), so a stored preview can be shown in either language later.
 */
import type { Lang } from '../../i18n/index.js';

export interface Text {
  sv: string;
  en: string;
}

/** One problem found in a file: where (spreadsheet row, column header) and what. */
export interface ImportIssue {
  /** Row as the spreadsheet program numbers it (the header is row 1), or null for the whole file. */
  row: number | null;
  /** The column's header as written in the file, or null. */
  column: string | null;
  message: Text;
}

export const tx = (sv: string, en: string): Text => ({ sv, en });
export const inLang = (text: Text, lang: Lang): string => text[lang];

export const issue = (row: number | null, column: string | null, message: Text): ImportIssue => ({ row, column, message });

const list = (xs: readonly string[], max = 12) => (xs.length > max ? `${xs.slice(0, max).join(', ')} …` : xs.join(', '));

/** Messages about reading a file and about single cells. */
export const FILE = {
  empty: tx('Filen är tom.', 'The file is empty.'),
  noHeader: tx('Filen saknar en rubrikrad. Den första raden med innehåll ska ha kolumnernas namn.', 'The file has no header row. The first row with content must hold the column names.'),
  oldExcel: tx(
    'Filen är i det gamla Excel-formatet (.xls). Spara den som Excel-arbetsbok (.xlsx) eller CSV och försök igen.',
    'The file is in the old Excel format (.xls). Save it as an Excel workbook (.xlsx) or CSV and try again.',
  ),
  notXlsx: tx('Filen går inte att läsa som Excel-arbetsbok (.xlsx). Den kan vara skadad.', 'The file cannot be read as an Excel workbook (.xlsx). It may be damaged.'),
  tooLargeUnzipped: tx(
    'Excel-filen blir för stor när den packas upp. Dela upp den i flera filer.',
    'The Excel file becomes too large when unpacked. Split it into several files.',
  ),
  binary: tx('Filen ser inte ut att vara en CSV- eller Excel-fil.', 'The file does not look like a CSV or Excel file.'),
  tooManyRows: (max: number) => tx(`Filen har fler än ${max} rader. Dela upp den i flera filer.`, `The file has more than ${max} rows. Split it into several files.`),
  tooManyColumns: (max: number) => tx(`Filen har fler än ${max} kolumner.`, `The file has more than ${max} columns.`),
  unclosedQuote: tx(
    'Ett citattecken (") öppnas men stängs aldrig, så resten av filen går inte att läsa. Kontrollera raden.',
    'A quotation mark (") is opened but never closed, so the rest of the file cannot be read. Check the row.',
  ),
  brokenRow: tx('Raden går inte att läsa som CSV (felaktiga citattecken).', 'The row cannot be read as CSV (misplaced quotation marks).'),
  extraCells: (n: number) =>
    tx(`Raden har ${n} fler ifyllda celler än det finns kolumnrubriker.`, `The row has ${n} more filled cells than there are column headers.`),
  cellTooLong: (max: number) => tx(`Cellen är längre än ${max} tecken.`, `The cell is longer than ${max} characters.`),
  duplicateHeader: (h: string) => tx(`Kolumnrubriken "${h}" finns flera gånger.`, `The column header "${h}" appears more than once.`),
};

/** Messages about values in cells. */
export const CELL = {
  required: tx('Värdet saknas.', 'The value is missing.'),
  notNumber: (v: string) => tx(`"${v}" är inte ett tal.`, `"${v}" is not a number.`),
  notInteger: (v: string) => tx(`"${v}" är inte ett heltal.`, `"${v}" is not a whole number.`),
  negative: tx('Värdet får inte vara negativt.', 'The value must not be negative.'),
  tooManyDecimals: (v: string) =>
    tx(`"${v}" har fler än två decimaler. Skriv belopp som 1 234,50.`, `"${v}" has more than two decimals. Write amounts like 1234.50.`),
  tooLarge: (v: string) => tx(`"${v}" är för stort.`, `"${v}" is too large.`),
  notDate: (v: string) =>
    tx(`"${v}" är inte ett datum. Skriv datum som ÅÅÅÅ-MM-DD, till exempel 2026-03-01.`, `"${v}" is not a date. Write dates as YYYY-MM-DD, for example 2026-03-01.`),
  notYear: (v: string) => tx(`"${v}" är inte ett årtal mellan 1800 och 2200.`, `"${v}" is not a year between 1800 and 2200.`),
  endBeforeStart: tx('Slutdatum ligger före startdatum.', 'The end date is before the start date.'),
  youthAboveTotal: tx('Antalet unga deltagare är större än antalet deltagare.', 'There are more young participants than participants.'),
  tooLong: (max: number) => tx(`Texten är längre än ${max} tecken.`, `The text is longer than ${max} characters.`),
  unknownValue: (v: string, allowed: readonly string[]) =>
    tx(`"${v}" är inget giltigt värde. Giltiga värden: ${list(allowed)}.`, `"${v}" is not a valid value. Valid values: ${list(allowed)}.`),
  unknownCountry: (v: string) =>
    tx(`Landet "${v}" känns inte igen. Skriv landets namn (Norge) eller kod (NO).`, `The country "${v}" is not recognised. Write the country's name (Norway) or code (NO).`),
  notUrl: (v: string) =>
    tx(`"${v}" är ingen adress till ett projekt i Utblick.`, `"${v}" is not the address of a project in Utblick.`),
};

/** Messages about rows as a whole, and the mapping of columns. */
export const ROW = {
  titleMissing: tx('Projektet saknar titel. En ny rad måste ha en titel.', 'The project has no title. A new row must have a title.'),
  titleCannotBeCleared: tx('Titeln får inte vara tom.', 'The title must not be empty.'),
  projectNotFound: (id: number, municipality: string) =>
    tx(
      `Det finns inget projekt med nummer ${id} i ${municipality}. Lämna cellen tom för att skapa ett nytt projekt.`,
      `There is no project number ${id} in ${municipality}. Leave the cell empty to create a new project.`,
    ),
  sameProjectTwice: (other: number) =>
    tx(`Raden gäller samma projekt som rad ${other}. Varje projekt får bara finnas på en rad.`, `The row is about the same project as row ${other}. Each project may appear on one row only.`),
  ambiguousTitle: (n: number) =>
    tx(
      `${n} projekt har redan den här titeln, så det går inte att veta vilket som avses. Lägg till en kolumn med projektets nummer.`,
      `${n} projects already have this title, so it is not clear which one is meant. Add a column with the project's number.`,
    ),
  refTaken: (ref: string) =>
    tx(`Den externa referensen "${ref}" används redan av ett annat projekt.`, `The external reference "${ref}" is already used by another project.`),
};

export const MAPPING = {
  twice: (field: Text) => tx(`Fältet "${field.sv}" är valt för flera kolumner.`, `The field "${field.en}" is chosen for more than one column.`),
  noKey: tx(
    'Välj minst en kolumn för titel, nummer eller extern referens, så att raderna kan bli projekt.',
    'Choose at least one column for the title, number or external reference, so the rows can become projects.',
  ),
  unknownField: (v: string) => tx(`Okänt fält "${v}".`, `Unknown field "${v}".`),
};

export const RUN = {
  hasErrors: (n: number) =>
    tx(`Importen gjordes inte: filen har ${n} fel. Inget har sparats.`, `The import was not made: the file has ${n} errors. Nothing has been saved.`),
  failed: tx('Importen misslyckades och inget har sparats. Försök igen.', 'The import failed and nothing has been saved. Try again.'),
  alreadyRun: tx('Den här importen är redan gjord.', 'This import has already been made.'),
};
