/**
 * `npm run report:half-year -- --municipality <kommun> --period 2026H1 --out <mapp> [--lang en]`
 *
 * Writes the half-year report (AL-13) of a municipality as Word, PDF and HTML into a folder:
 * `halvarsrapport-<kommun>-<period>.{docx,pdf,html}`. A draft is computed from live data as of
 * today, with what people have written in the back office when a report of that period exists
 * (else the default title and structure); a finalised report is rendered from its frozen content.
 * Nothing is finalised and nothing is written to the database: the command only reads it (and
 * neither migrates nor seeds it). The three documents are rendered before any file is written, so
 * a failure leaves the folder as it was.
 * Exit codes: 0 done, 2 wrong arguments or input (bad period, unknown municipality, missing --out,
 * an --out that is a file, a database that is missing or not up to date), 1 anything else.
 * Errors are one line, in Swedish (in English with --lang en), never a stack trace.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, loadConfig } from '../config/env.js';
import { type DbHandle, nowIso, openDatabase } from '../db/database.js';
import { todayInSweden } from '../features/decisions/registry.js';
import { findReportOfPeriod } from '../features/reports/admin/repository.js';
import { reportContent } from '../features/reports/admin/service.js';
import { buildReportData } from '../features/reports/data.js';
import type { ReportData } from '../features/reports/model.js';
import { type HalfYear, halfYearLabel, parseHalfYear } from '../features/reports/period.js';
import { renderReportDocx, renderReportHtml, renderReportPdf, reportFilename } from '../features/reports/render/index.js';
import { fill, type Lang, type Text, tr } from '../i18n/index.js';
import { setLogLevel } from '../log.js';

const M = {
  usage: {
    sv: `Användning:
  npm run report:half-year -- --municipality <kommun> --period <period> --out <mapp> [--lang en]

  --municipality   kommunens adress, till exempel arvika
  --period         halvåret, till exempel 2026H1 (januari–juni) eller 2026H2 (juli–december)
  --out            mappen som filerna skrivs till (skapas om den inte finns)
  --lang           dokumentens språk: sv (standard) eller en

Skriver halvårsrapporten som Word, PDF och HTML. Rapporten fastställs inte och databasen ändras inte.
`,
    en: `Usage:
  npm run report:half-year -- --municipality <slug> --period <period> --out <folder> [--lang en]

  --municipality   the municipality's address, e.g. arvika
  --period         the half-year, e.g. 2026H1 (January–June) or 2026H2 (July–December)
  --out            the folder the files are written to (made if missing)
  --lang           the documents' language: sv (default) or en

Writes the half-year report as Word, PDF and HTML. The report is not finalised and the database is not changed.
`,
  },
  needsValue: { sv: '{option} behöver ett värde, till exempel {option} {example}.', en: '{option} needs a value, e.g. {option} {example}.' },
  unknownArg: { sv: 'Okänt argument "{arg}".', en: 'Unknown argument "{arg}".' },
  missing: { sv: 'Ange {option}, till exempel {option} {example}.', en: 'Give {option}, e.g. {option} {example}.' },
  badPeriod: { sv: 'Perioden "{period}" finns inte: ange ett halvår som 2026H1 (januari–juni) eller 2026H2 (juli–december).', en: 'The period "{period}" does not exist: give a half-year such as 2026H1 (January–June) or 2026H2 (July–December).' },
  badLang: { sv: 'Språket "{lang}" finns inte: ange sv eller en.', en: 'The language "{lang}" does not exist: give sv or en.' },
  unknownMunicipality: { sv: 'Det finns ingen kommun med adressen "{slug}" i databasen.', en: 'There is no municipality with the address "{slug}" in the database.' },
  outIsFile: { sv: '{out} är en fil, inte en mapp.', en: '{out} is a file, not a folder.' },
  outUnwritable: { sv: 'Mappen {out} går inte att skriva till.', en: 'The folder {out} cannot be written to.' },
  noDatabase: { sv: 'Databasen {file} finns inte.', en: 'The database {file} does not exist.' },
  notMigrated: {
    sv: 'Databasen saknar tabellerna för halvårsrapporter: starta Utblick en gång (npm start) så uppdateras den.',
    en: 'The database lacks the tables of half-year reports: start Utblick once (npm start) to bring it up to date.',
  },
  wrote: { sv: 'Halvårsrapporten för {municipality}, {period}, är skriven till {out}:', en: 'The half-year report of {municipality}, {period}, is written to {out}:' },
  draft: { sv: 'Utkast beräknat från dagens uppgifter ({today}). Rapporten är inte fastställd och databasen har inte ändrats.', en: 'Draft computed from the data as of today ({today}). The report is not finalised and the database has not been changed.' },
  finalised: { sv: 'Rapporten är redan fastställd ({date}): filerna visar den fastställda versionen. Databasen har inte ändrats.', en: 'The report is already finalised ({date}): the files show the finalised version. The database has not been changed.' },
  failed: { sv: 'Halvårsrapporten kunde inte skrivas: {message}', en: 'The half-year report could not be written: {message}' },
} satisfies Record<string, Text>;

/** Wrong arguments or input (exit code 2); `showUsage` when the usage text helps. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly showUsage = true,
  ) {
    super(message);
  }
}

export interface ReportCliArgs {
  municipality: string;
  period: HalfYear;
  out: string;
  lang: Lang;
  help: boolean;
}

/** The language of the messages: --lang en anywhere in the arguments, else Swedish. */
export function messageLang(argv: readonly string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return 'sv';
  const v = argv[i]!.includes('=') ? argv[i]!.slice(argv[i]!.indexOf('=') + 1) : argv[i + 1];
  return v?.trim().toLowerCase() === 'en' ? 'en' : 'sv';
}

const EXAMPLES: Record<string, string> = { '--municipality': 'arvika', '--period': '2026H1', '--out': 'rapporter', '--lang': 'en' };

/** Reads the arguments. @throws UsageError with a message in `lang`. */
export function parseArgs(argv: string[], lang: Lang = messageLang(argv)): ReportCliArgs {
  const values: Record<string, string> = {};
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') continue;
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    const option = arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg;
    if (!(option in EXAMPLES)) throw new UsageError(tr(M.unknownArg, lang, { arg }));
    const v = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
    if (v === undefined || v.trim() === '' || v.startsWith('--')) throw new UsageError(tr(M.needsValue, lang, { option, example: EXAMPLES[option]! }));
    values[option] = v.trim();
  }
  if (help) return { municipality: '', period: parseHalfYear('2026H1')!, out: '', lang, help };
  for (const option of ['--municipality', '--period', '--out']) if (!values[option]) throw new UsageError(tr(M.missing, lang, { option, example: EXAMPLES[option]! }));
  const period = parseHalfYear(values['--period']!);
  if (!period) throw new UsageError(tr(M.badPeriod, lang, { period: values['--period']! }), false);
  const docLang = (values['--lang'] ?? 'sv').toLowerCase();
  if (docLang !== 'sv' && docLang !== 'en') throw new UsageError(tr(M.badLang, lang, { lang: values['--lang']! }), false);
  return { municipality: values['--municipality']!, period, out: values['--out']!, lang: docLang, help };
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** The folder to write to (made later, when missing). @throws UsageError when it is a file or cannot be written to. */
async function outputFolder(out: string, cwd: string, lang: Lang): Promise<string> {
  const full = path.resolve(cwd, out);
  try {
    const stat = await fs.stat(full);
    if (!stat.isDirectory()) throw new UsageError(tr(M.outIsFile, lang, { out }), false);
    await fs.access(full, fs.constants.W_OK);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new UsageError(tr(M.outUnwritable, lang, { out }), false);
  }
  return full;
}

/** Writes the files into the folder, making it first when missing. */
async function writeFiles(folder: string, out: string, files: [string, Uint8Array | string][], lang: Lang): Promise<void> {
  try {
    await fs.mkdir(folder, { recursive: true });
  } catch {
    throw new UsageError(tr(M.outUnwritable, lang, { out }), false);
  }
  for (const [name, bytes] of files) await fs.writeFile(path.join(folder, name), bytes);
}

/** The report's content: the saved report of the period (draft: live data and its text; finalised: frozen), else a fresh draft. */
async function content(handle: DbHandle, municipalityId: number, period: HalfYear): Promise<ReportData> {
  const report = await findReportOfPeriod(handle.db, municipalityId, period.key);
  if (report) return reportContent(handle.db, report);
  return buildReportData(handle.db, municipalityId, period, { today: todayInSweden(), now: nowIso() });
}

/** Runs the command; returns the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const lang = messageLang(argv);
  try {
    const args = parseArgs(argv, lang);
    if (args.help) {
      io.out(M.usage[lang]);
      return 0;
    }
    const folder = await outputFolder(args.out, io.cwd, lang);
    const config = loadConfig(io.env, io.cwd);
    setLogLevel(config.logLevel === 'info' ? 'error' : config.logLevel);
    if (config.database.kind === 'sqlite' && !(await exists(config.database.file))) throw new UsageError(tr(M.noDatabase, lang, { file: config.database.file }), false);
    const handle = openDatabase(config.database);
    try {
      await assertMigrated(handle, lang);
      const municipality = await handle.db.selectFrom('municipalities').select(['id', 'name_sv', 'name_en']).where('slug', '=', args.municipality).executeTakeFirst();
      if (!municipality) throw new UsageError(tr(M.unknownMunicipality, lang, { slug: args.municipality }), false);
      const data = await content(handle, Number(municipality.id), args.period);
      // Render all three before writing any.
      const files: [string, Uint8Array | string][] = [
        [reportFilename(data, 'docx'), await renderReportDocx(data, args.lang)],
        [reportFilename(data, 'pdf'), await renderReportPdf(data, args.lang)],
        [reportFilename(data, 'html'), renderReportHtml(data, args.lang)],
      ];
      await writeFiles(folder, args.out, files, lang);
      const name = lang === 'en' ? municipality.name_en : municipality.name_sv;
      io.out(
        [
          tr(M.wrote, lang, { municipality: name, period: halfYearLabel(args.period, lang), out: folder }),
          ...files.map(([file, bytes]) => `  ${file} (${Buffer.byteLength(bytes)} bytes)`),
          data.status === 'finalised' ? tr(M.finalised, lang, { date: data.finalisedOn ?? '' }) : tr(M.draft, lang, { today: data.asOf }),
          '',
        ].join('\n'),
      );
      return 0;
    } finally {
      await handle.db.destroy();
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(e.showUsage ? `${e.message}\n\n${M.usage[lang]}` : `${e.message}\n`);
      return 2;
    }
    if (e instanceof ConfigError) {
      io.err(`${e.message}\n`);
      return 2;
    }
    io.err(`${fill(M.failed[lang], { message: e instanceof Error ? e.message : String(e) })}\n`);
    return 1;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

/** @throws UsageError when the database has not got the reporting tables (the app has not migrated it). */
async function assertMigrated(handle: DbHandle, lang: Lang): Promise<void> {
  try {
    await handle.db.selectFrom('half_year_reports').select('id').limit(1).execute();
  } catch {
    throw new UsageError(tr(M.notMigrated, lang), false);
  }
}

const entry = process.argv[1] ?? '';
if (entry.endsWith('report-half-year.js') || entry.endsWith('report-half-year.ts')) {
  main(process.argv.slice(2), { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), env: process.env, cwd: process.cwd() }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`${fill(M.failed.sv, { message: e instanceof Error ? e.message : String(e) })}\n`);
      process.exitCode = 1;
    },
  );
}
